package calc_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// randomV3 returns a valid money model of valuecalc/3 drawn from r: up to
// four drivers (some ranged), three to six items, two or three scenarios,
// entries with drivers, start, end, ramp and growth, so that payback,
// cash flow and the analysis meet every shape. With timed false it uses no
// field of version 3 at all.
func randomV3(r *rand.Rand, timed bool) calc.Model {
	m := calc.NewModel()
	m.Mode = calc.ModeMoney
	m.HorizonYears = 1 + r.IntN(6)
	m.DiscountRate = []float64{0, 0.05, 0.08, 0.12}[r.IntN(4)]
	m.HourlyRate = float64(r.IntN(80))
	if timed {
		for d := range r.IntN(5) {
			v := float64(1 + r.IntN(50))
			dr := calc.Driver{ID: fmt.Sprintf("d%d", d), Name: fmt.Sprintf("Driver %d", d), Value: v}
			if r.IntN(2) == 0 {
				dr.Low, dr.High = calc.Float(v*0.5), calc.Float(v*1.5)
			}
			m.Drivers = append(m.Drivers, dr)
		}
	}
	ni := 3 + r.IntN(4)
	for i := range ni {
		side, typ := calc.SideBenefit, calc.TypeMonetary
		if i%2 == 1 {
			side, typ = calc.SideCost, calc.TypeFinancial
		}
		m.Items = append(m.Items, calc.Item{ID: fmt.Sprintf("i%d", i), Name: fmt.Sprintf("Item %d", i),
			Side: side, Type: typ, Weight: []float64{1, 0.8, 1.2}[r.IntN(3)]})
	}
	months := 12 * m.HorizonYears
	m.Scenarios = nil
	for j := range 2 + r.IntN(2) {
		entries := make([]*calc.Entry, ni)
		for i := range ni {
			if r.IntN(6) == 0 {
				continue
			}
			e := &calc.Entry{Per: []calc.Per{calc.PerOnce, calc.PerMonth, calc.PerYear}[r.IntN(3)]}
			if r.IntN(3) == 0 {
				e.Hours = calc.Float(float64(r.IntN(200)) / 4)
			} else {
				e.Amount = calc.Float(float64(r.IntN(20000)))
			}
			if timed {
				if len(m.Drivers) > 0 && r.IntN(2) == 0 {
					e.Times = []string{m.Drivers[r.IntN(len(m.Drivers))].ID}
					if len(m.Drivers) > 1 && r.IntN(3) == 0 {
						other := m.Drivers[r.IntN(len(m.Drivers))].ID
						if other != e.Times[0] {
							e.Times = append(e.Times, other)
						}
					}
				}
				if r.IntN(2) == 0 {
					e.Start = 1 + r.IntN(months+1)
				}
				if e.Per != calc.PerOnce {
					if r.IntN(3) == 0 {
						e.End = max(e.Start, 1) + r.IntN(months)
					}
					if r.IntN(2) == 0 {
						e.Ramp = r.IntN(30)
					}
					if r.IntN(2) == 0 {
						e.Growth = []float64{-0.5, -0.1, 0.03, 0.05, 0.2, 1}[r.IntN(6)]
					}
				}
			}
			entries[i] = e
		}
		m.Scenarios = append(m.Scenarios, calc.Scenario{ID: fmt.Sprintf("s%d", j), Name: fmt.Sprintf("S%d", j), Entries: entries})
	}
	return m
}

// nearRel reports whether got is want to a relative 1e-9 of scale.
func nearRel(want, got, scale float64) bool {
	return math.Abs(got-want) <= 1e-9*max(1, math.Abs(scale))
}

// TestUntimedModelEvaluatesAsBefore: a model without a field of version 3
// gives, bit for bit, version 2's figures (SPEC §3's table and payback
// rule), written out here as version 2 worked them out; and its cash flow
// is its flows year by year.
func TestUntimedModelEvaluatesAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 3))
	for range 300 {
		m := randomV3(r, false)
		require.False(t, m.UsesV3())
		require.NoError(t, calc.Validate(m))
		res := calc.Evaluate(m)
		n := m.HorizonYears
		annuity, f := 0.0, 1.0
		for range n {
			f /= 1 + m.DiscountRate
			annuity += f
		}
		for j, sc := range m.Scenarios {
			var benefits, costs, once, monthly, yearlies float64
			var yearB, yearC [2]float64 // [once, yearly]
			for i, e := range sc.Entries {
				if e == nil {
					continue
				}
				it := m.Items[i]
				base := 0.0
				if e.Amount != nil {
					base = *e.Amount
				} else {
					base = *e.Hours * m.HourlyRate
				}
				flow := it.Weight * base
				factor := map[calc.Per]float64{calc.PerOnce: 1, calc.PerMonth: 12 * annuity, calc.PerYear: annuity}[e.Per]
				sigma := 1.0
				if it.Side == calc.SideCost {
					sigma = -1
					costs += flow * factor
				} else {
					benefits += flow * factor
				}
				switch e.Per {
				case calc.PerOnce:
					once += sigma * flow
				case calc.PerMonth:
					monthly += sigma * flow
				case calc.PerYear:
					yearlies += sigma * flow
				}
				yearly := map[calc.Per]float64{calc.PerMonth: 12 * flow, calc.PerYear: flow}[e.Per]
				k := 1
				if e.Per == calc.PerOnce {
					k, yearly = 0, flow
				}
				if sigma > 0 {
					yearB[k] += yearly
				} else {
					yearC[k] += yearly
				}
			}
			got := res.Scenarios[j]
			assert.Equal(t, benefits, got.Benefits)
			assert.Equal(t, costs, got.Costs)
			assert.Equal(t, benefits-costs, got.Net)
			monthly += yearlies / 12
			var payback *float64
			switch months := 12 * float64(n); {
			case costs == 0 || once+monthly*months < 0:
			case once >= 0:
				payback = calc.Float(0)
			default:
				payback = calc.Float(min(-once/monthly, months))
			}
			assert.Equal(t, payback, got.PaybackMonths, "payback of %s", sc.ID)
			require.Len(t, got.Cashflow, n+1)
			cum := 0.0
			for y, c := range got.Cashflow {
				b, k := yearB[1], yearC[1]
				if y == 0 {
					b, k = yearB[0], yearC[0]
				}
				cum += b - k
				assert.InDelta(t, b, c.Benefits, 1e-6*max(1, b), "year %d", y)
				assert.InDelta(t, k, c.Costs, 1e-6*max(1, k), "year %d", y)
				assert.InDelta(t, cum, c.Cumulative, 1e-6*max(1, math.Abs(cum)), "year %d", y)
			}
		}
	}
}

// TestDiscountedCashflowIsNet: the sum of the discounted yearly nets of
// the cash flow is the net (SPEC §3: a flow is discounted by its year),
// and the last cumulative decides whether there is a payback.
func TestDiscountedCashflowIsNet(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 4))
	for range 500 {
		m := randomV3(r, true)
		require.NoError(t, calc.Validate(m))
		res := calc.Evaluate(m)
		for _, s := range res.Scenarios {
			require.Len(t, s.Cashflow, m.HorizonYears+1)
			var pv float64
			for y, c := range s.Cashflow {
				assert.Equal(t, y, c.Year)
				pv += c.Net / math.Pow(1+m.DiscountRate, float64(y))
			}
			assert.True(t, nearRel(s.Net, pv, s.Benefits+s.Costs), "net %v, discounted cash flow %v", s.Net, pv)
			last := s.Cashflow[m.HorizonYears].Cumulative
			if s.PaybackMonths != nil {
				assert.GreaterOrEqual(t, last, -1e-9*max(1, s.Benefits+s.Costs))
				assert.GreaterOrEqual(t, *s.PaybackMonths, 0.0)
				assert.LessOrEqual(t, *s.PaybackMonths, float64(12*m.HorizonYears))
			} else if s.Costs != 0 {
				assert.Less(t, last, 1e-9*max(1, s.Benefits+s.Costs))
			}
		}
	}
}

// TestBreakEvenAndTieHold: the break-even and tie values of every entry
// and driver row of the analysis, put back into the model, give a net of
// 0 and a tie with the rival (SPEC §8).
func TestBreakEvenAndTieHold(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 5))
	checked := 0
	for range 200 {
		m := randomV3(r, true)
		a, err := calc.Analyze(m)
		require.NoError(t, err)
		res := calc.Evaluate(m)
		best, runnerUp := m.ScenarioIndex(a.Best), -1
		if a.RunnerUp != nil {
			runnerUp = m.ScenarioIndex(*a.RunnerUp)
		}
		rival := func(j int) int {
			if j == best {
				return runnerUp
			}
			return best
		}
		scale := func(r calc.Result) float64 {
			s := 0.0
			for _, sc := range r.Scenarios {
				s = max(s, sc.Benefits+sc.Costs)
			}
			return s
		}(res)
		for _, ea := range a.Entries {
			j, i := m.ScenarioIndex(ea.Scenario), m.ItemIndex(ea.Item)
			with := func(x float64) calc.Result {
				e := *m.Scenarios[j].Entries[i]
				if ea.Unit == calc.UnitHours {
					e.Hours = &x
				} else {
					e.Amount = &x
				}
				m2 := m
				m2.Scenarios = append([]calc.Scenario(nil), m.Scenarios...)
				m2.Scenarios[j].Entries = append([]*calc.Entry(nil), m.Scenarios[j].Entries...)
				m2.Scenarios[j].Entries[i] = &e
				return calc.Evaluate(m2)
			}
			if ea.BreakEven != nil {
				got := with(*ea.BreakEven).Scenarios[j].Net
				assert.True(t, nearRel(0, got, scale+math.Abs(ea.Slope*ea.Value)), "entry %s/%s: net %v at break-even", ea.Scenario, ea.Item, got)
				checked++
			}
			if ea.Tie != nil {
				r2 := with(*ea.Tie)
				got, want := r2.Scenarios[j].Net, r2.Scenarios[rival(j)].Net
				assert.True(t, nearRel(want, got, scale+math.Abs(ea.Slope*ea.Value)), "entry %s/%s: %v against %v at tie", ea.Scenario, ea.Item, got, want)
				checked++
			}
		}
		for _, da := range a.Drivers {
			j, d := m.ScenarioIndex(da.Scenario), m.DriverIndex(da.Driver)
			with := func(v float64) calc.Result {
				m2 := m
				m2.Drivers = append([]calc.Driver(nil), m.Drivers...)
				m2.Drivers[d].Value = v
				return calc.Evaluate(m2)
			}
			big := scale + math.Abs(da.Slope*da.Value)
			if da.BreakEven != nil {
				got := with(*da.BreakEven).Scenarios[j].Net
				assert.True(t, nearRel(0, got, big), "driver %s/%s: net %v at break-even", da.Scenario, da.Driver, got)
				checked++
			}
			if da.Tie != nil {
				r2 := with(*da.Tie)
				got, want := r2.Scenarios[j].Net, r2.Scenarios[rival(j)].Net
				assert.True(t, nearRel(want, got, big+math.Abs(*da.Tie*da.Slope)), "driver %s/%s: %v against %v at tie", da.Scenario, da.Driver, got, want)
				checked++
			}
		}
	}
	assert.Greater(t, checked, 500)
}

// TestCashflowJSON: the cash flow is in a money result's JSON and not in a
// score result's (SPEC §4).
func TestCashflowJSON(t *testing.T) {
	m := randomV3(rand.New(rand.NewPCG(1, 1)), true)
	got, err := json.Marshal(calc.Evaluate(m).Scenarios[0])
	require.NoError(t, err)
	assert.Contains(t, string(got), `"cashflow":[{"year":0,`)
	got, err = json.Marshal(calc.Evaluate(calc.NewModel()).Scenarios[0])
	require.NoError(t, err)
	assert.NotContains(t, string(got), `cashflow`)
}

// FuzzTiming evaluates a money model of version 3 with the fuzzer's
// drivers, start, end, ramp and growth: whenever the model is valid its
// figures are finite, its discounted cash flow is its net, its payback
// lies within the horizon, and it survives Encode and Decode.
func FuzzTiming(f *testing.F) {
	f.Add(uint8(3), uint8(8), uint8(1), 2, 0, 3, int8(5), 1000.0, 25.0, 15000.0, 7)
	f.Add(uint8(2), uint8(0), uint8(2), 7, 9, 0, int8(-50), 1e12, 1e9, 0.0, 25)
	f.Add(uint8(30), uint8(99), uint8(1), 1, 360, 120, int8(100), 5e-324, 0.0, 1e12, 361)
	f.Fuzz(func(t *testing.T, years, rate, per uint8, start, end, ramp int, growth int8, amount, driver, lump float64, lumpStart int) {
		m := calc.NewModel()
		m.Mode = calc.ModeMoney
		m.HorizonYears = int(years)
		m.DiscountRate = float64(rate) / 100
		m.Drivers = []calc.Driver{{ID: "d", Name: "D", Value: driver, Low: calc.Float(driver * 0.5), High: calc.Float(driver)}}
		m.Items = []calc.Item{
			{ID: "b", Name: "B", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1},
			{ID: "c", Name: "C", Side: calc.SideCost, Type: calc.TypeFinancial, Weight: 1},
		}
		e := &calc.Entry{Amount: &amount, Per: []calc.Per{calc.PerOnce, calc.PerMonth, calc.PerYear}[per%3],
			Times: []string{"d"}, Start: start, End: end, Ramp: ramp, Growth: float64(growth) / 100}
		m.Scenarios = []calc.Scenario{{ID: "s", Name: "S", Entries: []*calc.Entry{e, {Amount: &lump, Start: lumpStart}}},
			{ID: "t", Name: "T", Entries: []*calc.Entry{nil, {Amount: &lump}}}}
		if calc.Validate(m) != nil {
			return
		}
		res := calc.Evaluate(m)
		requireFinite(t, res)
		for _, s := range res.Scenarios {
			require.Len(t, s.Cashflow, m.HorizonYears+1)
			var pv float64
			for y, c := range s.Cashflow {
				pv += c.Net / math.Pow(1+m.DiscountRate, float64(y))
			}
			require.True(t, nearRel(s.Net, pv, s.Benefits+s.Costs), "net %v, discounted cash flow %v", s.Net, pv)
			if s.PaybackMonths != nil {
				require.GreaterOrEqual(t, *s.PaybackMonths, 0.0)
				require.LessOrEqual(t, *s.PaybackMonths, float64(12*m.HorizonYears))
			}
		}
		data, err := calc.Encode(m)
		require.NoError(t, err)
		back, err := calc.Decode(data)
		require.NoError(t, err)
		require.Equal(t, res, calc.Evaluate(back))
		a, err := calc.Sensitivity(m)
		require.NoError(t, err)
		require.Len(t, a.Drivers, 2)
	})
}

// TestRampLongerThanHorizon: a ramp may outlast the horizon (a 24-month
// ramp over one year): its k-th month is still k/25 of the value.
func TestRampLongerThanHorizon(t *testing.T) {
	m, err := calc.Decode([]byte(fileV3(`"mode": "money"`, `"horizonYears": 1`,
		`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary"}]`,
		`"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 2500, "per": "month", "ramp": 24}}}]`)))
	require.NoError(t, err)
	r := calc.Evaluate(m).Scenarios[0]
	// 2,500 × (1 + 2 + … + 12) / 25 = 7,800.
	assert.InDelta(t, 7800, r.Benefits, 1e-9)
	assert.InDelta(t, 7800, r.Cashflow[1].Benefits, 1e-9)
}
