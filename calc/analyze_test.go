package calc_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// withValue returns m with the value of scenario j's entry for item i set
// to x, sharing nothing with m that it changes.
func withValue(m calc.Model, j, i int, x float64) calc.Model {
	e := *m.Scenarios[j].Entries[i]
	switch _, unit, _ := e.Value(m.Mode); unit {
	case calc.UnitScore:
		e.Score = &x
	case calc.UnitAmount:
		e.Amount = &x
	case calc.UnitHours:
		e.Hours = &x
	}
	e.Low, e.High = nil, nil
	m.Scenarios = append([]calc.Scenario(nil), m.Scenarios...)
	m.Scenarios[j].Entries = append([]*calc.Entry(nil), m.Scenarios[j].Entries...)
	m.Scenarios[j].Entries[i] = &e
	return m
}

// near reports whether got is want to a relative 1e-9 of scale.
func near(want, got, scale float64) bool {
	return math.Abs(got-want) <= 1e-9*max(1, scale)
}

// TestAnalyzeProperties checks on many models that an entry set to its
// break-even gives a net of 0 and set to its tie the net of its rival.
func TestAnalyzeProperties(t *testing.T) {
	var models []calc.Model
	for _, mode := range []calc.Mode{calc.ModeMoney, calc.ModeScore} {
		for _, size := range [][2]int{{4, 2}, {12, 3}, {30, 5}} {
			models = append(models, benchModel(mode, size[0], size[1]))
		}
	}
	for _, path := range vectorFiles(t) {
		m, err := calc.Decode(readVector(t, path).Model)
		require.NoError(t, err)
		models = append(models, m)
	}
	breakEvens, ties := 0, 0
	for _, m := range models {
		a, err := calc.Analyze(m)
		require.NoError(t, err)
		res := calc.Evaluate(m)
		for _, ea := range a.Entries {
			j, i := m.ScenarioIndex(ea.Scenario), m.ItemIndex(ea.Item)
			scale := res.Scenarios[j].Benefits + res.Scenarios[j].Costs
			if ea.BreakEven != nil {
				r := calc.Evaluate(withValue(m, j, i, *ea.BreakEven))
				assert.True(t, near(0, r.Scenarios[j].Net, scale), "%s/%s at its break-even %v: net %v", ea.Scenario, ea.Item, *ea.BreakEven, r.Scenarios[j].Net)
				breakEvens++
			}
			if ea.Tie != nil {
				r := calc.Evaluate(withValue(m, j, i, *ea.Tie))
				rival := m.ScenarioIndex(a.Best)
				if j == rival {
					rival = m.ScenarioIndex(*a.RunnerUp)
				}
				assert.True(t, near(r.Scenarios[rival].Net, r.Scenarios[j].Net, scale+res.Scenarios[rival].Benefits+res.Scenarios[rival].Costs),
					"%s/%s at its tie %v: net %v, rival's %v", ea.Scenario, ea.Item, *ea.Tie, r.Scenarios[j].Net, r.Scenarios[rival].Net)
				ties++
			}
			assert.LessOrEqual(t, ea.SwingLow, ea.SwingHigh)
			lo, hi := m.Bounds(ea.Unit)
			for _, v := range []*float64{ea.BreakEven, ea.Tie} {
				if v != nil {
					assert.True(t, *v >= lo && *v <= hi, "%v within %v–%v", *v, lo, hi)
				}
			}
		}
		for _, w := range a.Weights {
			if w.WeightTie == nil {
				continue
			}
			// Every scenario's entries without a weight of their own
			// follow the item's weight.
			mw := m
			mw.Items = append([]calc.Item(nil), m.Items...)
			mw.Items[mw.ItemIndex(w.Item)].Weight = *w.WeightTie
			r := calc.Evaluate(mw)
			b, ru := r.Scenarios[m.ScenarioIndex(a.Best)], r.Scenarios[m.ScenarioIndex(*a.RunnerUp)]
			assert.True(t, near(b.Net, ru.Net, b.Benefits+b.Costs+ru.Benefits+ru.Costs), "%s at weight %v: %v vs %v", w.Item, *w.WeightTie, b.Net, ru.Net)
		}
	}
	assert.Greater(t, breakEvens, 20, "the models must have break-evens to check")
	assert.Greater(t, ties, 20, "the models must have ties to check")
}

func TestAnalyzeVerdicts(t *testing.T) {
	items := []calc.Item{benefit("q", calc.TypeFunctional, 1), cost("p", calc.TypeFinancial, 1)}
	tests := []struct {
		name    string
		model   calc.Model
		verdict calc.Verdict
		lead    *float64
	}{
		{"one scenario", scoreModel(items, map[string]calc.Entry{"q": {Score: f(4)}}), calc.VerdictSingle, nil},
		{"equal nets", scoreModel(items, map[string]calc.Entry{"q": {Score: f(4)}, "p": {Score: f(2)}},
			map[string]calc.Entry{"q": {Score: f(3)}, "p": {Score: f(1)}}), calc.VerdictTie, f(0)},
		{"one point changes the winner", scoreModel(items, map[string]calc.Entry{"q": {Score: f(4)}},
			map[string]calc.Entry{"q": {Score: f(3.5)}}), calc.VerdictFragile, f(0.5)},
		{"no point changes the winner", scoreModel(items, map[string]calc.Entry{"q": {Score: f(5)}, "p": {Score: f(1)}},
			map[string]calc.Entry{"q": {Score: f(1)}, "p": {Score: f(5)}}), calc.VerdictClear, f(8)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := calc.Analyze(tt.model)
			require.NoError(t, err)
			assert.Equal(t, tt.verdict, a.Verdict)
			assertOptional(t, tt.lead, a.Lead, "lead")
		})
	}
}

func TestAnalyzeOneScenarioJSON(t *testing.T) {
	m := scoreModel([]calc.Item{benefit("q", calc.TypeFunctional, 2)}, map[string]calc.Entry{"q": {Score: f(4)}})
	a, err := calc.Analyze(m)
	require.NoError(t, err)
	data, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, `{"format": "valuecalc/3", "mode": "score", "best": "a", "runnerUp": null, "lead": null, "drivers": [],
		"verdict": "single",
		"entries": [{"scenario": "a", "item": "q", "unit": "score", "value": 4, "slope": 2,
			"breakEven": null, "tie": null, "swingLow": 6, "swingHigh": 10, "flips": false}],
		"weights": [], "ranges": null}`, string(data))
}

func TestAnalyzeInvalid(t *testing.T) {
	m := calc.NewModel()
	m.Title = string(make([]byte, 300))
	for name, f := range map[string]func(calc.Model) error{
		"Analyze":     func(m calc.Model) error { _, err := calc.Analyze(m); return err },
		"Sensitivity": func(m calc.Model) error { _, err := calc.Sensitivity(m); return err },
	} {
		err := f(m)
		var probs calc.Problems
		require.ErrorAs(t, err, &probs, name)
		assert.Equal(t, "title", probs[0].Path, name)
	}
}

func TestSensitivityLeavesRangesOut(t *testing.T) {
	m := fixture.Ranged(benchModel(calc.ModeMoney, 10, 3))
	s, err := calc.Sensitivity(m)
	require.NoError(t, err)
	assert.Nil(t, s.Ranges)
	a, err := calc.Analyze(m)
	require.NoError(t, err)
	require.NotNil(t, a.Ranges)
	a.Ranges = nil
	assert.Equal(t, s, a)
}

func TestSimulation(t *testing.T) {
	m := fixture.Ranged(benchModel(calc.ModeMoney, 30, 3))

	t.Run("nil without ranges", func(t *testing.T) {
		sim := calc.NewSimulation(benchModel(calc.ModeMoney, 30, 3))
		assert.Nil(t, sim)
		assert.True(t, sim.Step(10))
		assert.Equal(t, 1.0, sim.Progress())
		assert.Nil(t, sim.Result())
	})
	t.Run("in slices as in one go", func(t *testing.T) {
		whole := calc.NewSimulation(m)
		require.True(t, whole.Step(calc.MonteCarloSamples))

		sliced := calc.NewSimulation(m)
		assert.Equal(t, 0.0, sliced.Progress())
		assert.False(t, sliced.Step(0))
		assert.Equal(t, 0.0, sliced.Progress())
		assert.False(t, sliced.Step(2500))
		assert.Equal(t, 0.25, sliced.Progress())
		assert.Nil(t, sliced.Result(), "no result before the end")
		for !sliced.Step(333) {
		}
		assert.Equal(t, 1.0, sliced.Progress())
		assert.Equal(t, whole.Result(), sliced.Result())
		assert.True(t, sliced.Step(1), "done stays done")
	})
	t.Run("chances and percentiles", func(t *testing.T) {
		sim := calc.NewSimulation(m)
		for !sim.Step(1000) {
		}
		r := sim.Result()
		assert.Equal(t, calc.MonteCarloSamples, r.Samples)
		assert.EqualValues(t, calc.MonteCarloSeed, r.Seed)
		require.Len(t, r.Scenarios, 3)
		pBest := 0.0
		for _, s := range r.Scenarios {
			assert.LessOrEqual(t, s.P10, s.P50)
			assert.LessOrEqual(t, s.P50, s.P90)
			assert.True(t, s.PPositive >= 0 && s.PPositive <= 1)
			pBest += s.PBest
		}
		assert.InDelta(t, 1, pBest, 1e-12, "one scenario is best in each sample")
	})
	t.Run("a range of zero width still takes its draw", func(t *testing.T) {
		items := []calc.Item{benefit("a", calc.TypeMonetary, 1), benefit("b", calc.TypeMonetary, 1)}
		one := moneyModel(1, 0, items, map[string]calc.Entry{"b": {Amount: f(10), Low: f(5), High: f(20)}})
		two := moneyModel(1, 0, items, map[string]calc.Entry{"a": {Amount: f(3), Low: f(3), High: f(3)}, "b": {Amount: f(10), Low: f(5), High: f(20)}})
		a1, err := calc.Analyze(one)
		require.NoError(t, err)
		a2, err := calc.Analyze(two)
		require.NoError(t, err)
		assert.Greater(t, math.Abs(a1.Ranges.Scenarios[0].P50+3-a2.Ranges.Scenarios[0].P50), 1e-6, "the second draw goes to b")
	})
}

func TestEvaluateWithRanges(t *testing.T) {
	plain := benchModel(calc.ModeMoney, 10, 2)
	res := calc.EvaluateWithRanges(plain)
	assert.Equal(t, calc.Evaluate(plain), res)
	data, err := json.Marshal(res)
	require.NoError(t, err)
	assert.NotContains(t, string(data), `"range"`)

	m := fixture.Ranged(plain)
	res = calc.EvaluateWithRanges(m)
	a, err := calc.Analyze(m)
	require.NoError(t, err)
	for j, s := range res.Scenarios {
		require.NotNil(t, s.Range)
		assert.Equal(t, a.Ranges.Scenarios[j].NetRange, *s.Range)
	}
	data, err = json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"range":{"p10":`)

	res.SetRanges(nil)
	assert.Nil(t, res.Scenarios[0].Range)
}

// BenchmarkAnalyze analyzes a 30 × 3 model with every entry timed and
// ranged and 5 ranged drivers (issue 27): the budget in WebAssembly is
// 50 ms.
func BenchmarkAnalyze(b *testing.B) {
	m := rangedDrivers(fixture.Ranged(timedBenchModel(30, 3)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := calc.Analyze(m); err != nil {
			b.Fatal(err)
		}
	}
}

// rangedDrivers returns m with a range around every driver's value, as
// issue 27's analysis row asks: 30 × 3, every entry ranged, 5 ranged
// drivers (timedBenchModel's), so that each sample draws the drivers
// first.
func rangedDrivers(m calc.Model) calc.Model {
	m.Drivers = append([]calc.Driver(nil), m.Drivers...)
	for d := range m.Drivers {
		v := m.Drivers[d].Value
		m.Drivers[d].Low, m.Drivers[d].High = calc.Float(0.7*v), calc.Float(1.4*v)
	}
	return m
}

func TestRangedDriversBenchModel(t *testing.T) {
	m := rangedDrivers(fixture.Ranged(timedBenchModel(30, 3)))
	require.NoError(t, calc.Validate(m))
	require.Len(t, m.Drivers, 5)
	a, err := calc.Analyze(m)
	require.NoError(t, err)
	require.NotNil(t, a.Ranges)
	assert.Len(t, a.Drivers, 15)
}

// BenchmarkSensitivity is the analysis without ranges of the largest
// model: what an interface may compute after an edit.
func BenchmarkSensitivity(b *testing.B) {
	m := benchModel(calc.ModeMoney, calc.MaxItems, calc.MaxScenarios)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := calc.Sensitivity(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulationStep is one slice of 10 samples of the largest
// model, every entry ranged: an interface's idle-time step.
func BenchmarkSimulationStep(b *testing.B) {
	m := fixture.Ranged(benchModel(calc.ModeMoney, calc.MaxItems, calc.MaxScenarios))
	sim := calc.NewSimulation(m)
	b.ReportAllocs()
	for b.Loop() {
		if sim.Step(10) {
			sim = calc.NewSimulation(m)
		}
	}
}
