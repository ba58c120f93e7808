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
	want := e.rowSig(m, m.Items[0], d)

	same := map[string]func(e *Editor, m *calc.Model, d *[]keyDraft){
		"another item's entry": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			m.Scenarios[0].Entries["c1"] = calc.Entry{Score: calc.Float(5)}
		},
		"another item's name": func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Items[1].Name = "Cost" },
		"the title":           func(e *Editor, m *calc.Model, d *[]keyDraft) { m.Title = "Other" },
		"another item's pending recurrence": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			e.pending[cellKey("s1", "c1")] = cellSetting{UnitHours, calc.PerYear}
		},
		"an equal entry, new pointers": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			m.Scenarios[0].Entries["b1"] = calc.Entry{Score: calc.Float(2)}
		},
	}
	for name, change := range same {
		t.Run("same/"+name, func(t *testing.T) {
			e, m, d := base()
			change(e, &m, &d)
			assert.Equal(t, want, e.rowSig(m, m.Items[0], d))
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
			m.Scenarios[0].Entries["b1"] = calc.Entry{Score: calc.Float(3)}
		},
		"entry removed": func(e *Editor, m *calc.Model, d *[]keyDraft) { delete(m.Scenarios[0].Entries, "b1") },
		"entry weight": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			m.Scenarios[1].Entries["b1"] = calc.Entry{Score: calc.Float(5)}
		},
		"amount vs hours": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			m.Scenarios[0].Entries["b1"] = calc.Entry{Hours: calc.Float(2)}
		},
		"per": func(e *Editor, m *calc.Model, d *[]keyDraft) {
			m.Scenarios[0].Entries["b1"] = calc.Entry{Score: calc.Float(2), Per: calc.PerMonth}
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
			assert.NotEqual(t, want, e.rowSig(m, m.Items[0], d))
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
