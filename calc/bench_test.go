package calc_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// benchModel returns a valid model of the given mode with nItems items and
// nScenarios scenarios, every item of every type, entries for nine items
// in ten, and a mix of recurrences, hours and weight overrides.
func benchModel(mode calc.Mode, nItems, nScenarios int) calc.Model {
	m := calc.NewModel()
	m.Mode = mode
	m.DiscountRate = 0.08
	m.HourlyRate = 45
	m.Scale = calc.Scale{Min: 0, Max: 10}
	benefits, costs := calc.BenefitTypes(), calc.CostTypes()
	m.Items = make([]calc.Item, nItems)
	for i := range m.Items {
		it := calc.Item{ID: fmt.Sprintf("item-%d", i), Name: fmt.Sprintf("Item %d", i), Weight: float64(1 + i%3)}
		if i%2 == 0 {
			it.Side, it.Type = calc.SideBenefit, benefits[i/2%len(benefits)]
		} else {
			it.Side, it.Type = calc.SideCost, costs[i/2%len(costs)]
		}
		m.Items[i] = it
	}
	pers := []calc.Per{calc.PerOnce, calc.PerMonth, calc.PerYear}
	m.Scenarios = make([]calc.Scenario, nScenarios)
	for j := range m.Scenarios {
		entries := make(map[string]calc.Entry, nItems)
		for i, it := range m.Items {
			if (i+j)%10 == 9 {
				continue // unscored
			}
			var e calc.Entry
			v := float64((i*7+j*3)%11) + 0.5
			if mode == calc.ModeScore {
				e.Score = calc.Float(min(v, 10))
			} else {
				if i%4 == 3 {
					e.Hours = calc.Float(v * 10)
				} else {
					e.Amount = calc.Float(v * 1000)
				}
				e.Per = pers[(i+j)%3]
			}
			if (i+j)%5 == 0 {
				e.Weight = calc.Float(0.8)
			}
			entries[it.ID] = e
		}
		m.Scenarios[j] = calc.Scenario{ID: fmt.Sprintf("s%d", j), Name: fmt.Sprintf("Scenario %d", j), Entries: calc.EntriesByID(m.Items, entries)}
	}
	return m
}

// timedBenchModel is benchModel in money mode over a 30-year horizon,
// with 5 drivers and every entry timed (SPEC §2.1): each starts in one of
// the first 24 months; each recurring one ramps over up to 12 months and
// grows by 2, 3 or 5 % a year; four entries in five are priced per one
// or two drivers.
func timedBenchModel(nItems, nScenarios int) calc.Model {
	m := benchModel(calc.ModeMoney, nItems, nScenarios)
	m.HorizonYears = calc.MaxHorizon
	for d := range 5 {
		m.Drivers = append(m.Drivers, calc.Driver{ID: fmt.Sprintf("d%d", d), Name: fmt.Sprintf("Driver %d", d), Value: float64(10 + 7*d)})
	}
	growths := []float64{0.02, 0.03, 0.05}
	for j := range m.Scenarios {
		sc := &m.Scenarios[j]
		for i, e := range sc.Entries {
			if e == nil {
				continue
			}
			t := *e
			t.Start = 2 + (i+j)%24
			if t.Per != calc.PerOnce {
				t.Ramp = 1 + (i*3+j)%12
				t.Growth = growths[(i+j)%3]
			}
			switch (i + j) % 5 {
			case 0:
			case 1:
				t.Times = []string{m.Drivers[i%5].ID, m.Drivers[(i+1)%5].ID}
			default:
				t.Times = []string{m.Drivers[i%5].ID}
			}
			sc.Entries[i] = &t
		}
	}
	return m
}

func TestBenchModelIsValid(t *testing.T) {
	m := timedBenchModel(calc.MaxItems, calc.MaxScenarios)
	require.NoError(t, calc.Validate(m))
	require.True(t, m.UsesV3())
	require.Len(t, calc.Evaluate(m).Scenarios[0].Cashflow, calc.MaxHorizon+1)

	for _, mode := range []calc.Mode{calc.ModeMoney, calc.ModeScore} {
		m := benchModel(mode, calc.MaxItems, calc.MaxScenarios)
		require.NoError(t, calc.Validate(m))
		res := calc.Evaluate(m)
		require.Len(t, res.Scenarios, calc.MaxScenarios)
		require.Equal(t, calc.MaxItems/10, res.Scenarios[0].Unscored)
	}
}

func benchmarkEvaluate(b *testing.B, m calc.Model) {
	b.ReportAllocs()
	for b.Loop() {
		calc.Evaluate(m)
	}
}

// decoded returns m after a round trip through its file, as the app opens
// a model: its entries and numbers are allocated as Decode allocates them.
func decoded(b *testing.B, m calc.Model) calc.Model {
	data, err := calc.Encode(m)
	require.NoError(b, err)
	m, err = calc.Decode(data)
	require.NoError(b, err)
	return m
}

// BenchmarkEvaluate evaluates the largest model allowed: 1,000 items in
// 50 scenarios. The budget is 1 ms.
func BenchmarkEvaluate(b *testing.B) {
	b.Run("money", func(b *testing.B) {
		benchmarkEvaluate(b, benchModel(calc.ModeMoney, calc.MaxItems, calc.MaxScenarios))
	})
	b.Run("score", func(b *testing.B) {
		benchmarkEvaluate(b, benchModel(calc.ModeScore, calc.MaxItems, calc.MaxScenarios))
	})
	b.Run("money-decoded", func(b *testing.B) {
		benchmarkEvaluate(b, decoded(b, benchModel(calc.ModeMoney, calc.MaxItems, calc.MaxScenarios)))
	})
	// Version 3: every entry timed, a 30-year horizon, 5 drivers. The
	// budget is 5 ms.
	b.Run("money-timed", func(b *testing.B) {
		benchmarkEvaluate(b, timedBenchModel(calc.MaxItems, calc.MaxScenarios))
	})
}

func BenchmarkDecode(b *testing.B) {
	data, err := calc.Encode(benchModel(calc.ModeMoney, calc.MaxItems, calc.MaxScenarios))
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := calc.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	m := benchModel(calc.ModeMoney, calc.MaxItems, calc.MaxScenarios)
	b.ReportAllocs()
	for b.Loop() {
		if err := calc.Validate(m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResultJSON(b *testing.B) {
	res := calc.Evaluate(benchModel(calc.ModeMoney, calc.MaxItems, calc.MaxScenarios))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(res); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMoneyDecimals: the app asks a model's decimals for every
// amount it writes, so the scan of a whole model must cost little next to
// a render: 1,000 items × 50 scenarios, all whole (the full scan).
func BenchmarkMoneyDecimals(b *testing.B) {
	m := benchModel(calc.ModeMoney, 1000, 50)
	if m.MoneyDecimals() != 0 {
		b.Fatal("the model has cents: the scan stops early")
	}
	for b.Loop() {
		m.MoneyDecimals()
	}
}
