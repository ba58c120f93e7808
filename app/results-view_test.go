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
			m.Scenarios = append(m.Scenarios, calc.Scenario{ID: id, Name: "Option " + id, Entries: map[string]calc.Entry{
				"b1": {Amount: calc.Float(float64(100 * (i + 1))), Per: calc.PerMonth},
				"c1": {Amount: calc.Float(1000), Per: calc.PerOnce},
			}})
		}
		return m, calc.Evaluate(m)
	}
	m, res := base()
	card := cardSig(m, res, 1)
	fall := waterfallSig(m, res, "s2")

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
	both := map[string]change{
		"net":        sc(1, func(s *calc.ScenarioResult) { s.Net++ }),
		"benefits":   sc(1, func(s *calc.ScenarioResult) { s.Benefits++ }),
		"costs":      sc(1, func(s *calc.ScenarioResult) { s.Costs++ }),
		"name":       sc(1, func(s *calc.ScenarioResult) { s.Name = "Other" }),
		"no ratio":   sc(1, func(s *calc.ScenarioResult) { s.Ratio = nil }),
		"roi":        sc(1, func(s *calc.ScenarioResult) { s.ROI = calc.Float(9) }),
		"payback":    sc(1, func(s *calc.ScenarioResult) { s.PaybackMonths = nil }),
		"unscored":   sc(1, func(s *calc.ScenarioResult) { s.Unscored = 1 }),
		"a type sum": sc(1, func(s *calc.ScenarioResult) { s.BenefitsByType[0].Value++ }),
		"currency":   func(m *calc.Model, r *calc.Result, focus *string) { m.Currency = "USD" },
		"mode":       func(m *calc.Model, r *calc.Result, focus *string) { m.Mode = calc.ModeScore },
		"a scenario more": func(m *calc.Model, r *calc.Result, focus *string) {
			r.Scenarios = append(r.Scenarios, calc.ScenarioResult{ID: "s4"})
		},
	}
	for name, c := range both {
		t.Run("differ/"+name, func(t *testing.T) {
			m, r := base()
			focus := "s2"
			c(&m, &r, &focus)
			assert.NotEqual(t, card, cardSig(m, r, 1), "card")
			assert.NotEqual(t, fall, waterfallSig(m, r, focus), "waterfall")
		})
	}

	cardOnly := map[string]change{
		"baseline net":  sc(0, func(s *calc.ScenarioResult) { s.Net++ }),
		"baseline name": sc(0, func(s *calc.ScenarioResult) { s.Name = "Today" }),
		"best":          func(m *calc.Model, r *calc.Result, focus *string) { r.Best = "s2" },
	}
	for name, c := range cardOnly {
		t.Run("card differs/"+name, func(t *testing.T) {
			m, r := base()
			focus := "s2"
			c(&m, &r, &focus)
			assert.NotEqual(t, card, cardSig(m, r, 1))
		})
	}

	waterfallOnly := map[string]change{
		"focus":                 func(m *calc.Model, r *calc.Result, focus *string) { *focus = "s3" },
		"another scenario name": sc(2, func(s *calc.ScenarioResult) { s.Name = "Later" }),
	}
	for name, c := range waterfallOnly {
		t.Run("waterfall differs/"+name, func(t *testing.T) {
			m, r := base()
			focus := "s2"
			c(&m, &r, &focus)
			assert.NotEqual(t, fall, waterfallSig(m, r, focus))
		})
	}

	same := map[string]change{
		"another scenario's net":   sc(2, func(s *calc.ScenarioResult) { s.Net++ }),
		"another scenario's costs": sc(2, func(s *calc.ScenarioResult) { s.Costs++ }),
		"the title":                func(m *calc.Model, r *calc.Result, focus *string) { m.Title = "Other" },
	}
	for name, c := range same {
		t.Run("same/"+name, func(t *testing.T) {
			m, r := base()
			focus := "s2"
			c(&m, &r, &focus)
			assert.Equal(t, card, cardSig(m, r, 1), "card")
			assert.Equal(t, fall, waterfallSig(m, r, focus), "waterfall")
		})
	}
}
