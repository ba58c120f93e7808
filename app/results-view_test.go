package app

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/calc"
)

// TestCardAndWaterfallSig checks that every change to what a result card
// or the waterfall shows changes its signature, and that a change to
// another scenario does not: a missed field would leave stale figures on
// screen, an extra one would render what did not change.
func TestCardAndWaterfallSig(t *testing.T) {
	base := func() (calc.Model, calc.Result) {
		m := calc.NewModel()
		m.Mode, m.Currency = calc.ModeMoney, "EUR"
		m.HorizonYears = 3
		m.Items = []calc.Item{
			{ID: "b1", Name: "Savings", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1},
			{ID: "c1", Name: "Price", Side: calc.SideCost, Type: calc.TypeFinancial, Weight: 1},
		}
		m.Scenarios = nil
		for i, id := range []string{"s1", "s2", "s3"} {
			m.Scenarios = append(m.Scenarios, calc.Scenario{ID: id, Name: "Option " + id, Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
				"b1": {Amount: calc.Float(float64(100 * (i + 1))), Per: calc.PerMonth},
				"c1": {Amount: calc.Float(1000), Per: calc.PerOnce},
			})})
		}
		return m, calc.Evaluate(m)
	}
	m, res := base()
	card := cardSig(m, res, 1)
	fall := waterfallSig(m, res, "s2", false)

	type change func(m *calc.Model, r *calc.Result, focus *string)
	sc := func(i int, f func(s *calc.ScenarioResult)) change {
		return func(m *calc.Model, r *calc.Result, focus *string) {
			r.Scenarios = append([]calc.ScenarioResult(nil), r.Scenarios...)
			s := r.Scenarios[i]
			s.BenefitsByType = append(calc.TypeSums(nil), s.BenefitsByType...)
			f(&s)
			r.Scenarios[i] = s
		}
	}
	// What a change must do to each signature.
	const (
		differs = iota + 1
		same
		either // not asserted
	)
	type want struct{ card, fall int }
	tests := map[string]struct {
		c change
		want
	}{
		"net":        {sc(1, func(s *calc.ScenarioResult) { s.Net++ }), want{differs, differs}},
		"benefits":   {sc(1, func(s *calc.ScenarioResult) { s.Benefits++ }), want{differs, differs}},
		"costs":      {sc(1, func(s *calc.ScenarioResult) { s.Costs++ }), want{differs, differs}},
		"name":       {sc(1, func(s *calc.ScenarioResult) { s.Name = "Other" }), want{differs, differs}},
		"no ratio":   {sc(1, func(s *calc.ScenarioResult) { s.Ratio = nil }), want{differs, differs}},
		"roi":        {sc(1, func(s *calc.ScenarioResult) { s.ROI = calc.Float(9) }), want{differs, differs}},
		"payback":    {sc(1, func(s *calc.ScenarioResult) { s.PaybackMonths = nil }), want{differs, differs}},
		"unscored":   {sc(1, func(s *calc.ScenarioResult) { s.Unscored = 1 }), want{differs, differs}},
		"a type sum": {sc(1, func(s *calc.ScenarioResult) { s.BenefitsByType[0].Value++ }), want{differs, differs}},
		"currency":   {func(m *calc.Model, r *calc.Result, focus *string) { m.Currency = "USD" }, want{differs, differs}},
		"mode":       {func(m *calc.Model, r *calc.Result, focus *string) { m.Mode = calc.ModeScore }, want{differs, differs}},
		"a scenario more": {func(m *calc.Model, r *calc.Result, focus *string) {
			r.Scenarios = append(r.Scenarios, calc.ScenarioResult{ID: "s4"})
		}, want{differs, differs}},

		"baseline net":  {sc(0, func(s *calc.ScenarioResult) { s.Net++ }), want{differs, either}},
		"baseline name": {sc(0, func(s *calc.ScenarioResult) { s.Name = "Today" }), want{differs, either}},
		"best":          {func(m *calc.Model, r *calc.Result, focus *string) { r.Best = "s2" }, want{differs, either}},

		"focus":                 {func(m *calc.Model, r *calc.Result, focus *string) { *focus = "s3" }, want{either, differs}},
		"another scenario name": {sc(2, func(s *calc.ScenarioResult) { s.Name = "Later" }), want{either, differs}},

		"another scenario's net":   {sc(2, func(s *calc.ScenarioResult) { s.Net++ }), want{same, same}},
		"another scenario's costs": {sc(2, func(s *calc.ScenarioResult) { s.Costs++ }), want{same, same}},
		"the title":                {func(m *calc.Model, r *calc.Result, focus *string) { m.Title = "Other" }, want{same, same}},
	}
	check := func(t *testing.T, w int, before, after uint64, what string) {
		switch w {
		case differs:
			assert.NotEqual(t, before, after, what)
		case same:
			assert.Equal(t, before, after, what)
		}
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			m, r := base()
			focus := "s2"
			tt.c(&m, &r, &focus)
			check(t, tt.card, card, cardSig(m, r, 1), "card")
			check(t, tt.fall, fall, waterfallSig(m, r, focus, false), "waterfall")
		})
	}
	assert.NotEqual(t, fall, waterfallSig(m, res, "s2", true), "the table opened")
}

// TestTopbarAndSettingsSig: each field the top bar or the settings show
// changes their signature; an edit in the grid changes neither.
func TestTopbarAndSettingsSig(t *testing.T) {
	base := func() (*Editor, calc.Model) {
		m := testModel()
		m.Mode, m.Currency, m.HorizonYears, m.HourlyRate = calc.ModeMoney, "EUR", 3, 50
		e := &Editor{drafts: map[string]draft{}, pending: map[string]cellSetting{}, saved: true}
		e.hist = NewHistory(m)
		return e, m
	}
	e, m := base()
	top, set := e.topbarSig(m), e.settingsSig(m)

	type change func(e *Editor, m *calc.Model)
	topbar := map[string]change{
		"title":          func(e *Editor, m *calc.Model) { m.Title = "Other" },
		"title draft":    func(e *Editor, m *calc.Model) { e.drafts["title"] = draft{Text: m.Title} },
		"title error":    func(e *Editor, m *calc.Model) { e.drafts["title"] = draft{Text: "", Err: "Enter a title."} },
		"saving":         func(e *Editor, m *calc.Model) { e.dirty = true },
		"not saved yet":  func(e *Editor, m *calc.Model) { e.saved = false },
		"save error":     func(e *Editor, m *calc.Model) { e.saveErr = "full" },
		"conflict":       func(e *Editor, m *calc.Model) { e.conflict = true },
		"shared":         func(e *Editor, m *calc.Model) { e.shared = true },
		"undo available": func(e *Editor, m *calc.Model) { e.hist, _ = e.hist.Apply(SetTitle{"Next"}) },
		"redo available": func(e *Editor, m *calc.Model) {
			h, _ := NewHistory(*m).Apply(SetTitle{m.Title + "!"})
			e.hist = h.Undo() // the same title, and a step to redo
		},
	}
	// differs runs each change on a fresh editor and model, and checks
	// that sig then differs from want.
	differs := func(prefix string, changes map[string]change, sig func(e *Editor, m calc.Model) uint64, want uint64) {
		for name, c := range changes {
			t.Run(prefix+name, func(t *testing.T) {
				e, m := base()
				c(e, &m)
				assert.NotEqual(t, want, sig(e, m))
			})
		}
	}
	differs("topbar/", topbar, (*Editor).topbarSig, top)

	settings := map[string]change{
		"mode":       func(e *Editor, m *calc.Model) { m.Mode = calc.ModeScore },
		"scale":      func(e *Editor, m *calc.Model) { m.Scale.Min = 0 },
		"currency":   func(e *Editor, m *calc.Model) { m.Currency = "USD" },
		"horizon":    func(e *Editor, m *calc.Model) { m.HorizonYears = 4 },
		"discount":   func(e *Editor, m *calc.Model) { m.DiscountRate = 0.05 },
		"hourly":     func(e *Editor, m *calc.Model) { m.HourlyRate = 60 },
		"a draft":    func(e *Editor, m *calc.Model) { e.drafts["hourly"] = draft{Text: "50"} },
		"a bad one":  func(e *Editor, m *calc.Model) { e.drafts["horizon"] = draft{Text: "x", Err: "Enter a number."} },
		"scale.max":  func(e *Editor, m *calc.Model) { e.drafts["scale.max"] = draft{Text: "7"} },
		"scale.min":  func(e *Editor, m *calc.Model) { e.drafts["scale.min"] = draft{Text: "0"} },
		"currency 2": func(e *Editor, m *calc.Model) { e.drafts["currency"] = draft{Text: "EU"} },
		"discount 2": func(e *Editor, m *calc.Model) { e.drafts["discount"] = draft{Text: "5"} },
	}
	differs("settings/", settings, (*Editor).settingsSig, set)

	grid := map[string]change{
		"an entry":      func(e *Editor, m *calc.Model) { setEntry(m, 0, "b1", calc.Entry{Score: calc.Float(5)}) },
		"an item name":  func(e *Editor, m *calc.Model) { m.Items[0].Name = "Other" },
		"a cell draft":  func(e *Editor, m *calc.Model) { e.drafts["entry/s1/b1"] = draft{Text: "4x", Err: "Enter a number."} },
		"a scenario":    func(e *Editor, m *calc.Model) { m.Scenarios[0].Name = "Today" },
		"a pending per": func(e *Editor, m *calc.Model) { e.pending["entry/s1/b1"] = cellSetting{UnitHours, calc.PerYear} },
	}
	for name, c := range grid {
		t.Run("neither/"+name, func(t *testing.T) {
			e, m := base()
			c(e, &m)
			assert.Equal(t, top, e.topbarSig(m), "top bar")
			assert.Equal(t, set, e.settingsSig(m), "settings")
		})
	}
}
