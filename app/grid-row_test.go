package app

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/calc"
)

// TestRowSig checks that every change to what a row shows changes its
// signature, and that nothing else does: a missed field would leave a
// stale row on screen.
func TestRowSig(t *testing.T) {
	base := func() (*Editor, calc.Model, []keyDraft) {
		return &Editor{pending: map[string]cellSetting{}}, testModel(), nil
	}
	e, m, d := base()
	want := e.rowSig(m, 0, d)

	same := map[string]func(e *Editor, m *calc.Model, d *[]keyDraft){
		"another item's entry": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			setEntry(m, 0, "c1", calc.Entry{Score: calc.Float(5)})
		},
		"another item's name": func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Items[1].Name = "Cost" },
		"the title":           func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Title = "Other" },
		"another item's pending recurrence": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			e.pending[cellKey("s1", "c1")] = cellSetting{UnitHours, calc.PerYear}
		},
		"an equal entry, new pointers": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			setEntry(m, 0, "b1", calc.Entry{Score: calc.Float(2)})
		},
	}
	for name, change := range same {
		t.Run("same/"+name, func(t *testing.T) {
			e, m, d := base()
			change(e, &m, &d)
			assert.Equal(t, want, e.rowSig(m, 0, d))
		})
	}

	differ := map[string]func(e *Editor, m *calc.Model, d *[]keyDraft){
		"name":          func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Items[0].Name = "Reliable" },
		"type":          func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Items[0].Type = calc.TypeSocial },
		"stage":         func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Items[0].Stage = calc.StageUse },
		"weight":        func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Items[0].Weight = 3 },
		"note":          func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Items[0].Note = "n" },
		"mode":          func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Mode = calc.ModeMoney },
		"scale":         func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Scale.Max = 10 },
		"currency":      func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Currency = "EUR" },
		"scenario name": func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Scenarios[1].Name = "Later" },
		"scenario added": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			m.Scenarios = append(m.Scenarios, calc.Scenario{ID: "s3"})
		},
		"scenario order": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			m.Scenarios[0], m.Scenarios[1] = m.Scenarios[1], m.Scenarios[0]
		},
		"score": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			setEntry(m, 0, "b1", calc.Entry{Score: calc.Float(3)})
		},
		"entry removed": func(e *Editor, m *calc.Model, d *[]keyDraft) { clearEntry(m, 0, "b1") },
		"entry weight": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			setEntry(m, 1, "b1", calc.Entry{Score: calc.Float(5)})
		},
		"amount vs hours": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			setEntry(m, 0, "b1", calc.Entry{Hours: calc.Float(2)})
		},
		"per": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			setEntry(m, 0, "b1", calc.Entry{Score: calc.Float(2), Per: calc.PerMonth})
		},
		"pending recurrence": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			e.pending[cellKey("s2", "b1")] = cellSetting{UnitHours, calc.PerYear}
		},
		"a draft": func(e *Editor, m *calc.Model, d *[]keyDraft) { *d = []keyDraft{{"item/b1/weight", draft{Text: "2x"}}} },
		"a pending recurrence with the defaults": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			e.pending[cellKey("s2", "b1")] = cellSetting{}
		},
		"items full": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			m.Items = append(m.Items, make([]calc.Item, calc.MaxItems)...)
		},
		"string border": func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Items[0].Name, m.Items[0].Note = "Reliabilit", "y" },
	}
	for name, change := range differ {
		t.Run("differs/"+name, func(t *testing.T) {
			e, m, d := base()
			change(e, &m, &d)
			assert.NotEqual(t, want, e.rowSig(m, 0, d))
		})
	}
}

func TestRowItem(t *testing.T) {
	for key, want := range map[string]string{
		"item/b1/name":       "b1",
		"item/b1/weight":     "b1",
		"entry/s1/b1":        "b1",
		"entry/s1/b1/weight": "b1",
		"scenario/s1/name":   "",
		"title":              "",
		"currency":           "",
		"item/b1":            "",
	} {
		assert.Equal(t, want, rowItem(key), key)
	}
}

// TestCellSig: each field a cell shows changes its signature; a change to
// another cell or to the item's other fields does not.
func TestCellSig(t *testing.T) {
	base := func() (*Editor, calc.Model) {
		m := testModel()
		return &Editor{drafts: map[string]draft{}, pending: map[string]cellSetting{}}, m
	}
	e, m := base()
	want := e.cellSig(m, m.Scenarios[0], 0)

	type change func(e *Editor, m *calc.Model)
	differ := map[string]change{
		"score":    func(e *Editor, m *calc.Model) { setEntry(m, 0, "b1", calc.Entry{Score: calc.Float(3)}) },
		"no entry": func(e *Editor, m *calc.Model) { clearEntry(m, 0, "b1") },
		"entry weight": func(e *Editor, m *calc.Model) {
			setEntry(m, 0, "b1", calc.Entry{Score: calc.Float(2), Weight: calc.Float(2)})
		},
		"hours": func(e *Editor, m *calc.Model) { setEntry(m, 0, "b1", calc.Entry{Hours: calc.Float(2)}) },
		"per": func(e *Editor, m *calc.Model) {
			setEntry(m, 0, "b1", calc.Entry{Score: calc.Float(2), Per: calc.PerYear})
		},
		"item name":     func(e *Editor, m *calc.Model) { m.Items[0].Name = "Other" },
		"item weight":   func(e *Editor, m *calc.Model) { m.Items[0].Weight = 4 },
		"scenario name": func(e *Editor, m *calc.Model) { m.Scenarios[0].Name = "Today" },
		"mode":          func(e *Editor, m *calc.Model) { m.Mode = calc.ModeMoney },
		"scale":         func(e *Editor, m *calc.Model) { m.Scale.Max = 7 },
		"currency":      func(e *Editor, m *calc.Model) { m.Currency = "EUR" },
		"pending":       func(e *Editor, m *calc.Model) { e.pending[cellKey("s1", "b1")] = cellSetting{} },
		"draft":         func(e *Editor, m *calc.Model) { e.drafts[cellKey("s1", "b1")] = draft{Text: "2"} },
		"weight draft": func(e *Editor, m *calc.Model) {
			e.drafts[cellKey("s1", "b1")+"/weight"] = draft{Text: "x", Err: "Enter a number."}
		},
	}
	for name, c := range differ {
		t.Run("differs/"+name, func(t *testing.T) {
			e, m := base()
			c(e, &m)
			assert.NotEqual(t, want, e.cellSig(m, m.Scenarios[0], 0))
		})
	}
	same := map[string]change{
		"another scenario's entry": func(e *Editor, m *calc.Model) { setEntry(m, 1, "b1", calc.Entry{Score: calc.Float(1)}) },
		"another item's entry":     func(e *Editor, m *calc.Model) { setEntry(m, 0, "c1", calc.Entry{Score: calc.Float(1)}) },
		"the item's note":          func(e *Editor, m *calc.Model) { m.Items[0].Note = "n" },
		"the item's type":          func(e *Editor, m *calc.Model) { m.Items[0].Type = calc.TypeSocial },
		"another cell's draft":     func(e *Editor, m *calc.Model) { e.drafts[cellKey("s2", "b1")] = draft{Text: "2"} },
		"the item name's draft":    func(e *Editor, m *calc.Model) { e.drafts["item/b1/name"] = draft{Text: "B"} },
	}
	for name, c := range same {
		t.Run("same/"+name, func(t *testing.T) {
			e, m := base()
			c(e, &m)
			assert.Equal(t, want, e.cellSig(m, m.Scenarios[0], 0))
		})
	}
}
