package calc_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// f is calc.Float, short for tables.
var f = calc.Float

func benefit(id string, typ calc.Type, weight float64) calc.Item {
	return calc.Item{ID: id, Name: id, Side: calc.SideBenefit, Type: typ, Weight: weight}
}

func cost(id string, typ calc.Type, weight float64) calc.Item {
	return calc.Item{ID: id, Name: id, Side: calc.SideCost, Type: typ, Weight: weight}
}

// scoreModel returns a valid 1–5 score model with one scenario per map of
// entries.
func scoreModel(items []calc.Item, scenarios ...map[string]calc.Entry) calc.Model {
	m := calc.NewModel()
	m.Items = items
	m.Scenarios = nil
	for i, entries := range scenarios {
		id := string(rune('a' + i))
		m.Scenarios = append(m.Scenarios, calc.Scenario{ID: id, Name: "Scenario " + id, Entries: calc.EntriesByID(items, entries)})
	}
	return m
}

// setEntry sets the entry of scenario j for the item with id in m.
func setEntry(m *calc.Model, j int, id string, e calc.Entry) {
	i := m.ItemIndex(id)
	if i < 0 {
		panic("no item " + id)
	}
	s := &m.Scenarios[j]
	es := make([]*calc.Entry, max(len(s.Entries), i+1))
	copy(es, s.Entries)
	es[i] = &e
	s.Entries = es
}

// entryOf returns the entry of scenario j for the item with id in m.
func entryOf(m calc.Model, j int, id string) *calc.Entry {
	return m.Scenarios[j].Entry(m.ItemIndex(id))
}

// moneyModel is scoreModel in money mode, over years with discount rate r
// and 45 an hour.
func moneyModel(years int, r float64, items []calc.Item, scenarios ...map[string]calc.Entry) calc.Model {
	m := scoreModel(items, scenarios...)
	m.Mode = calc.ModeMoney
	m.HorizonYears = years
	m.DiscountRate = r
	m.HourlyRate = 45
	return m
}

// annuity3y8 is the present value of 1 a year for 3 years at 8 %.
const annuity3y8 = 1/1.08 + 1/(1.08*1.08) + 1/(1.08*1.08*1.08)

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name  string
		model calc.Model
		// want is what the first scenario's result must hold; Contributions
		// and Scored are checked only when set, the JSON-only field is not.
		want calc.ScenarioResult
	}{
		{
			name: "score times item weight",
			model: scoreModel([]calc.Item{benefit("rel", calc.TypeFunctional, 3), cost("price", calc.TypeFinancial, 2)},
				map[string]calc.Entry{"rel": {Score: f(4)}, "price": {Score: f(2.5)}}),
			want: calc.ScenarioResult{Benefits: 12, Costs: 5, Net: 7, Ratio: f(2.4),
				Contributions: []float64{12, 5}, Scored: []bool{true, true}},
		},
		{
			name: "entry weight overrides item weight",
			model: scoreModel([]calc.Item{benefit("rel", calc.TypeFunctional, 3), cost("price", calc.TypeFinancial, 2)},
				map[string]calc.Entry{"rel": {Score: f(4), Weight: f(0.5)}, "price": {Score: f(2), Weight: f(3)}}),
			want: calc.ScenarioResult{Benefits: 2, Costs: 6, Net: -4, Ratio: f(1.0 / 3)},
		},
		{
			name: "items without an entry are unscored",
			model: scoreModel([]calc.Item{benefit("a", calc.TypeSocial, 1), benefit("b", calc.TypeFunctional, 1), cost("c", calc.TypeRisk, 1)},
				map[string]calc.Entry{"b": {Score: f(5)}}),
			want: calc.ScenarioResult{Benefits: 5, Net: 5, Unscored: 2,
				Contributions: []float64{0, 5, 0}, Scored: []bool{false, true, false}},
		},
		{
			name:  "nil entries are no entries",
			model: scoreModel([]calc.Item{benefit("a", calc.TypeSocial, 1), cost("c", calc.TypeRisk, 1)}, nil),
			want:  calc.ScenarioResult{Unscored: 2, Contributions: []float64{0, 0}, Scored: []bool{false, false}},
		},
		{
			name: "weight 0 scores but contributes nothing",
			model: scoreModel([]calc.Item{benefit("a", calc.TypeSocial, 0), cost("c", calc.TypeRisk, 1)},
				map[string]calc.Entry{"a": {Score: f(5)}, "c": {Score: f(1)}}),
			want: calc.ScenarioResult{Costs: 1, Net: -1, Ratio: f(0),
				Contributions: []float64{0, 1}, Scored: []bool{true, true}},
		},
		{
			name: "zero costs leave ratio and roi null",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(100), Per: calc.PerOnce}}),
			want: calc.ScenarioResult{Benefits: 100, Net: 100, Unscored: 1},
		},
		{
			name: "zero costs from a zero amount",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(100)}, "c": {Amount: f(0)}}),
			want: calc.ScenarioResult{Benefits: 100, Net: 100},
		},
		{
			name: "the domain example",
			model: moneyModel(3, 0.08, []calc.Item{benefit("gain", calc.TypeMonetary, 1), cost("cost", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"gain": {Amount: f(5000)}, "cost": {Amount: f(2000)}}),
			want: calc.ScenarioResult{Benefits: 5000, Costs: 2000, Net: 3000, Ratio: f(2.5), ROI: f(1.5), PaybackMonths: f(0)},
		},
		{
			name: "tiny costs overflow the ratio and roi to null",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(1e12)}, "c": {Amount: f(5e-324)}}),
			want: calc.ScenarioResult{Benefits: 1e12, Costs: 5e-324, Net: 1e12, PaybackMonths: f(0)},
		},
		{
			name: "once is not discounted",
			model: moneyModel(2, 0.1, []calc.Item{benefit("a", calc.TypeMonetary, 1)},
				map[string]calc.Entry{"a": {Amount: f(1000), Per: calc.PerOnce}}),
			want: calc.ScenarioResult{Benefits: 1000, Net: 1000},
		},
		{
			name: "empty per counts as once",
			model: moneyModel(2, 0.1, []calc.Item{benefit("a", calc.TypeMonetary, 1)},
				map[string]calc.Entry{"a": {Amount: f(1000)}}),
			want: calc.ScenarioResult{Benefits: 1000, Net: 1000},
		},
		{
			name: "year is discounted at each year's end",
			model: moneyModel(2, 0.1, []calc.Item{benefit("a", calc.TypeMonetary, 1)},
				map[string]calc.Entry{"a": {Amount: f(1000), Per: calc.PerYear}}),
			want: calc.ScenarioResult{Benefits: 1000/1.1 + 1000/1.21, Net: 1000/1.1 + 1000/1.21},
		},
		{
			name: "month counts twelve months at each year's end",
			model: moneyModel(2, 0.1, []calc.Item{benefit("a", calc.TypeMonetary, 1)},
				map[string]calc.Entry{"a": {Amount: f(100), Per: calc.PerMonth}}),
			want: calc.ScenarioResult{Benefits: 1200/1.1 + 1200/1.21, Net: 1200/1.1 + 1200/1.21},
		},
		{
			name: "no discounting sums the years",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(100), Per: calc.PerMonth}, "c": {Amount: f(500), Per: calc.PerYear}}),
			want: calc.ScenarioResult{Benefits: 3600, Costs: 1500, Net: 2100, Ratio: f(2.4), ROI: f(1.4), PaybackMonths: f(0)},
		},
		{
			name: "hours times the hourly rate",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeTime, 1)},
				map[string]calc.Entry{"a": {Amount: f(900)}, "c": {Hours: f(10), Weight: f(2)}}),
			want: calc.ScenarioResult{Benefits: 900, Costs: 900, Net: 0, Ratio: f(1), ROI: f(0), PaybackMonths: f(0),
				Contributions: []float64{900, 900}, Scored: []bool{true, true}},
		},
		{
			name: "risk-adjusted benefit",
			model: moneyModel(1, 0, []calc.Item{benefit("a", calc.TypeMonetary, 0.8)},
				map[string]calc.Entry{"a": {Amount: f(1000), Per: calc.PerYear}}),
			want: calc.ScenarioResult{Benefits: 800, Net: 800},
		},
		{
			name: "payback fractional",
			model: moneyModel(3, 0.08, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(400), Per: calc.PerMonth}, "c": {Amount: f(1000)}}),
			want: calc.ScenarioResult{Benefits: 4800 * annuity3y8, Costs: 1000, Net: 4800*annuity3y8 - 1000,
				Ratio: f(4.8 * annuity3y8), ROI: f(4.8*annuity3y8 - 1), PaybackMonths: f(2.5)},
		},
		{
			name: "payback counts a twelfth of yearly flows",
			model: moneyModel(1, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1), cost("s", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(300), Per: calc.PerMonth}, "c": {Amount: f(1000)}, "s": {Amount: f(1200), Per: calc.PerYear}}),
			want: calc.ScenarioResult{Benefits: 3600, Costs: 2200, Net: 1400, Ratio: f(3600.0 / 2200), ROI: f(1400.0 / 2200), PaybackMonths: f(5)},
		},
		{
			name: "payback exactly at the horizon's end",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(100), Per: calc.PerMonth}, "c": {Amount: f(3600)}}),
			want: calc.ScenarioResult{Benefits: 3600, Costs: 3600, Net: 0, Ratio: f(1), ROI: f(0), PaybackMonths: f(36)},
		},
		{
			name: "payback just after the horizon is never",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(100), Per: calc.PerMonth}, "c": {Amount: f(3601)}}),
			want: calc.ScenarioResult{Benefits: 3600, Costs: 3601, Net: -1, Ratio: f(3600.0 / 3601), ROI: f(-1.0 / 3601)},
		},
		{
			name: "payback never when monthly flows do not pay",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1), cost("s", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(100), Per: calc.PerMonth}, "c": {Amount: f(10)}, "s": {Amount: f(1200), Per: calc.PerYear}}),
			want: calc.ScenarioResult{Benefits: 3600, Costs: 3610, Net: -10, Ratio: f(3600.0 / 3610), ROI: f(-10.0 / 3610)},
		},
		{
			name: "payback never when ahead at first and behind at the end",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(500)}, "c": {Amount: f(100), Per: calc.PerMonth}}),
			want: calc.ScenarioResult{Benefits: 500, Costs: 3600, Net: -3100, Ratio: f(500.0 / 3600), ROI: f(-3100.0 / 3600)},
		},
		{
			name: "payback at 0 when ahead at first and still ahead at the end",
			model: moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(3600)}, "c": {Amount: f(100), Per: calc.PerMonth}}),
			want: calc.ScenarioResult{Benefits: 3600, Costs: 3600, Net: 0, Ratio: f(1), ROI: f(0), PaybackMonths: f(0)},
		},
		{
			name: "payback never for recurring costs only",
			model: moneyModel(3, 0.08, []calc.Item{cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"c": {Amount: f(18000), Per: calc.PerYear}}),
			want: calc.ScenarioResult{Costs: 18000 * annuity3y8, Net: -18000 * annuity3y8, Ratio: f(0), ROI: f(-1)},
		},
		{
			name: "payback never for a once cost only",
			model: moneyModel(3, 0, []calc.Item{cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"c": {Amount: f(100)}}),
			want: calc.ScenarioResult{Costs: 100, Net: -100, Ratio: f(0), ROI: f(-1)},
		},
		{
			name: "payback is undiscounted and weighted",
			model: moneyModel(2, 0.5, []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)},
				map[string]calc.Entry{"a": {Amount: f(100), Per: calc.PerMonth, Weight: f(0.5)}, "c": {Amount: f(200), Weight: f(2)}}),
			want: calc.ScenarioResult{Benefits: 600/1.5 + 600/2.25, Costs: 400, Net: 600/1.5 + 600/2.25 - 400,
				Ratio: f((600/1.5 + 600/2.25) / 400), ROI: f((600/1.5+600/2.25)/400 - 1), PaybackMonths: f(8)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, calc.Validate(tt.model), "the test's model must be valid")
			res := calc.Evaluate(tt.model)
			require.NotEmpty(t, res.Scenarios)
			got := res.Scenarios[0]
			assert.InDelta(t, tt.want.Benefits, got.Benefits, 1e-9, "benefits")
			assert.InDelta(t, tt.want.Costs, got.Costs, 1e-9, "costs")
			assert.InDelta(t, tt.want.Net, got.Net, 1e-9, "net")
			assertOptional(t, tt.want.Ratio, got.Ratio, "ratio")
			assertOptional(t, tt.want.ROI, got.ROI, "roi")
			assertOptional(t, tt.want.PaybackMonths, got.PaybackMonths, "paybackMonths")
			assert.Equal(t, tt.want.Unscored, got.Unscored, "unscored")
			if tt.want.Contributions != nil {
				assert.InDeltaSlice(t, tt.want.Contributions, got.Contributions, 1e-9, "contributions")
			}
			if tt.want.Scored != nil {
				assert.Equal(t, tt.want.Scored, got.Scored, "scored")
			}
			assertTypeSums(t, tt.model, got)
		})
	}
}

// assertOptional asserts that got is nil when want is, and else within
// 1e-9 of it.
func assertOptional(t *testing.T, want, got *float64, name string) {
	t.Helper()
	if want == nil {
		assert.Nil(t, got, "%s: want null", name)
		return
	}
	if assert.NotNil(t, got, "%s: want %v, got null", name, *want) {
		assert.InDelta(t, *want, *got, 1e-9, name)
	}
}

// assertTypeSums asserts that the type sums are in SPEC order and add up
// to the side totals, and that the contributions add up to them too.
func assertTypeSums(t *testing.T, m calc.Model, r calc.ScenarioResult) {
	t.Helper()
	require.Len(t, r.BenefitsByType, 4)
	require.Len(t, r.CostsByType, 5)
	var bt, ct, bc, cc float64
	for i, ts := range r.BenefitsByType {
		assert.Equal(t, calc.BenefitTypes()[i], ts.Type)
		bt += ts.Value
	}
	for i, ts := range r.CostsByType {
		assert.Equal(t, calc.CostTypes()[i], ts.Type)
		ct += ts.Value
	}
	require.Len(t, r.Contributions, len(m.Items))
	for i, it := range m.Items {
		if it.Side == calc.SideBenefit {
			bc += r.Contributions[i]
			assert.InDelta(t, r.Contributions[i], r.BenefitsByType.Get(it.Type), 1e-9*max(1, bt), "one item per type in these tests")
		} else {
			cc += r.Contributions[i]
		}
	}
	assert.InDelta(t, r.Benefits, bt, 1e-9*max(1, bt))
	assert.InDelta(t, r.Costs, ct, 1e-9*max(1, ct))
	assert.InDelta(t, r.Benefits, bc, 1e-9*max(1, bc))
	assert.InDelta(t, r.Costs, cc, 1e-9*max(1, cc))
}

func TestEvaluateTypeSums(t *testing.T) {
	m := scoreModel([]calc.Item{
		benefit("f1", calc.TypeFunctional, 1), benefit("f2", calc.TypeFunctional, 2),
		benefit("e", calc.TypeEmotional, 1), cost("e2", calc.TypeEmotional, 1),
		cost("r", calc.TypeRisk, 3),
	}, map[string]calc.Entry{"f1": {Score: f(1)}, "f2": {Score: f(2)}, "e": {Score: f(3)}, "e2": {Score: f(4)}, "r": {Score: f(5)}})
	r := calc.Evaluate(m).Scenarios[0]
	assert.Equal(t, calc.TypeSums{
		{calc.TypeFunctional, 5}, {calc.TypeEmotional, 3}, {calc.TypeSocial, 0}, {calc.TypeMonetary, 0},
	}, r.BenefitsByType)
	assert.Equal(t, calc.TypeSums{
		{calc.TypeFinancial, 0}, {calc.TypeTime, 0}, {calc.TypeEffort, 0}, {calc.TypeEmotional, 4}, {calc.TypeRisk, 15},
	}, r.CostsByType)
	assert.Equal(t, 19.0, r.Costs)
	assert.Equal(t, 8.0, r.Benefits)
}

func TestEvaluateBest(t *testing.T) {
	items := []calc.Item{benefit("a", calc.TypeFunctional, 1)}
	tests := []struct {
		name   string
		scores []float64
		want   string
	}{
		{"the only scenario", []float64{1}, "a"},
		{"the highest net", []float64{1, 3, 2}, "b"},
		{"the first on ties", []float64{2, 3, 3}, "b"},
		{"all equal", []float64{2, 2, 2}, "a"},
		{"the last", []float64{1, 2, 3}, "c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var scenarios []map[string]calc.Entry
			for _, s := range tt.scores {
				scenarios = append(scenarios, map[string]calc.Entry{"a": {Score: f(s)}})
			}
			assert.Equal(t, tt.want, calc.Evaluate(scoreModel(items, scenarios...)).Best)
		})
	}
	t.Run("negative nets", func(t *testing.T) {
		m := scoreModel([]calc.Item{cost("c", calc.TypeRisk, 1)},
			map[string]calc.Entry{"c": {Score: f(5)}}, map[string]calc.Entry{"c": {Score: f(2)}})
		assert.Equal(t, "b", calc.Evaluate(m).Best)
	})
	t.Run("no scenarios", func(t *testing.T) {
		m := scoreModel(items)
		res := calc.Evaluate(m)
		assert.Empty(t, res.Best)
		assert.Empty(t, res.Scenarios)
	})
}

func TestEvaluateResultFields(t *testing.T) {
	m := moneyModel(3, 0, []calc.Item{benefit("a", calc.TypeMonetary, 1)}, map[string]calc.Entry{})
	m.Title = "T"
	m.Currency = "EUR"
	res := calc.Evaluate(m)
	assert.Equal(t, "T", res.Title)
	assert.Equal(t, calc.ModeMoney, res.Mode)
	assert.Equal(t, "EUR", res.Currency)
	assert.Equal(t, "a", res.Scenarios[0].ID)
	assert.Equal(t, "Scenario a", res.Scenarios[0].Name)

	m.Mode = calc.ModeScore
	res = calc.Evaluate(m)
	assert.Empty(t, res.Currency, "a score result has no currency")
}

func TestResultJSON(t *testing.T) {
	items := []calc.Item{benefit("a", calc.TypeFunctional, 1), cost("c", calc.TypeFinancial, 1)}
	t.Run("score mode leaves out currency, roi and payback", func(t *testing.T) {
		m := scoreModel(items, map[string]calc.Entry{"a": {Score: f(4)}, "c": {Score: f(2)}})
		m.Title = `<b>"Q"</b>`
		got, err := json.Marshal(calc.Evaluate(m))
		require.NoError(t, err)
		assert.JSONEq(t, `{"title": "<b>\"Q\"</b>", "mode": "score", "best": "a", "scenarios": [
			{"id": "a", "name": "Scenario a", "benefits": 4, "costs": 2, "net": 2, "ratio": 2,
			 "benefitsByType": {"functional": 4, "emotional": 0, "social": 0, "monetary": 0},
			 "costsByType": {"financial": 2, "time": 0, "effort": 0, "emotional": 0, "risk": 0},
			 "unscored": 0}]}`, string(got))
	})
	t.Run("money mode writes null roi and payback", func(t *testing.T) {
		m := moneyModel(1, 0, items, map[string]calc.Entry{"a": {Amount: f(100), Per: calc.PerMonth}, "c": {Amount: f(5000)}})
		got, err := json.Marshal(calc.Evaluate(m))
		require.NoError(t, err)
		assert.JSONEq(t, `{"title": "Untitled", "mode": "money", "currency": "USD", "best": "a", "scenarios": [
			{"id": "a", "name": "Scenario a", "benefits": 1200, "costs": 5000, "net": -3800, "ratio": 0.24,
			 "roi": -0.76, "paybackMonths": null,
			 "cashflow": [{"year": 0, "benefits": 0, "costs": 5000, "net": -5000, "cumulative": -5000},
			   {"year": 1, "benefits": 1200, "costs": 0, "net": 1200, "cumulative": -3800}],
			 "benefitsByType": {"functional": 1200, "emotional": 0, "social": 0, "monetary": 0},
			 "costsByType": {"financial": 5000, "time": 0, "effort": 0, "emotional": 0, "risk": 0},
			 "unscored": 0}]}`, string(got))
	})
	t.Run("ratio is null without costs", func(t *testing.T) {
		m := scoreModel(items, map[string]calc.Entry{"a": {Score: f(4)}})
		got, err := json.Marshal(calc.Evaluate(m).Scenarios[0])
		require.NoError(t, err)
		assert.Contains(t, string(got), `"ratio":null,"benefitsByType"`)
	})
	t.Run("type sums keep SPEC order", func(t *testing.T) {
		m := scoreModel(items, map[string]calc.Entry{"a": {Score: f(1.5)}})
		got, err := json.Marshal(calc.Evaluate(m).Scenarios[0].BenefitsByType)
		require.NoError(t, err)
		assert.Equal(t, `{"functional":1.5,"emotional":0,"social":0,"monetary":0}`, string(got))
		got, err = json.Marshal(calc.Evaluate(m).Scenarios[0].CostsByType)
		require.NoError(t, err)
		assert.Equal(t, `{"financial":0,"time":0,"effort":0,"emotional":0,"risk":0}`, string(got))
	})
	t.Run("type sums", func(t *testing.T) {
		tests := []struct {
			name string
			sums calc.TypeSums
			want string
		}{
			{"nil", nil, `{}`},
			{"large and small", calc.TypeSums{{"a", 1e21}, {"b", 1e-7}, {"c", -2.5}}, `{"a":1e+21,"b":1e-7,"c":-2.5}`},
			{"odd key", calc.TypeSums{{`"x"`, 1}}, `{"\"x\"":1}`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := json.Marshal(tt.sums)
				require.NoError(t, err)
				assert.Equal(t, tt.want, string(got))
			})
		}
		_, err := json.Marshal(calc.TypeSums{{"a", math.Inf(1)}})
		assert.Error(t, err, "infinity is not JSON")
		_, err = json.Marshal(calc.TypeSums{{"a", math.NaN()}})
		assert.Error(t, err, "NaN is not JSON")
	})
	t.Run("a zero ScenarioResult", func(t *testing.T) {
		got, err := json.Marshal(calc.ScenarioResult{})
		require.NoError(t, err)
		assert.JSONEq(t, `{"id": "", "name": "", "benefits": 0, "costs": 0, "net": 0, "ratio": null,
			"benefitsByType": {}, "costsByType": {}, "unscored": 0}`, string(got))
	})
}

func TestContribution(t *testing.T) {
	money := moneyModel(2, 0.1, nil)
	score := scoreModel(nil)
	item := benefit("a", calc.TypeMonetary, 2)
	tests := []struct {
		name  string
		model calc.Model
		item  calc.Item
		entry calc.Entry
		want  float64
	}{
		{"score", score, item, calc.Entry{Score: f(3)}, 6},
		{"score with entry weight", score, item, calc.Entry{Score: f(3), Weight: f(0.5)}, 1.5},
		{"score missing", score, item, calc.Entry{Weight: f(3)}, 0},
		{"money once", money, item, calc.Entry{Amount: f(100), Per: calc.PerOnce}, 200},
		{"money year", money, item, calc.Entry{Amount: f(100), Per: calc.PerYear}, 200/1.1 + 200/1.21},
		{"money month", money, item, calc.Entry{Amount: f(100), Per: calc.PerMonth}, 2400/1.1 + 2400/1.21},
		{"money hours", money, item, calc.Entry{Hours: f(2)}, 180},
		{"money cost is positive", money, cost("c", calc.TypeFinancial, 1), calc.Entry{Amount: f(7)}, 7},
		{"money missing", money, item, calc.Entry{Per: calc.PerYear}, 0},
		{"score entry in money mode", money, item, calc.Entry{Score: f(3)}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, calc.Contribution(tt.model, tt.item, tt.entry), 1e-9)
		})
	}
}

// TestEvaluateInvalidModels feeds Evaluate models that break every rule:
// it must not panic, and must say what the documentation says.
func TestEvaluateInvalidModels(t *testing.T) {
	items := []calc.Item{benefit("a", calc.TypeMonetary, 1), cost("c", calc.TypeFinancial, 1)}
	tests := []struct {
		name  string
		model calc.Model
		check func(t *testing.T, res calc.Result)
	}{
		{"zero model", calc.Model{}, func(t *testing.T, res calc.Result) {
			assert.Empty(t, res.Scenarios)
			assert.Empty(t, res.Best)
		}},
		{"an entry with only a weight is unscored", scoreModel(items, map[string]calc.Entry{"a": {Weight: f(2)}}),
			func(t *testing.T, res calc.Result) {
				assert.Equal(t, 2, res.Scenarios[0].Unscored)
				assert.Equal(t, []bool{false, false}, res.Scenarios[0].Scored)
			}},
		{"unknown mode scores", func() calc.Model {
			m := scoreModel(items, map[string]calc.Entry{"a": {Score: f(2)}})
			m.Mode = "points"
			return m
		}(), func(t *testing.T, res calc.Result) {
			assert.Equal(t, 2.0, res.Scenarios[0].Benefits)
			assert.Nil(t, res.Scenarios[0].ROI)
		}},
		{"both amount and hours: amount counts", moneyModel(3, 0, items,
			map[string]calc.Entry{"a": {Amount: f(10), Hours: f(1)}}), func(t *testing.T, res calc.Result) {
			assert.Equal(t, 10.0, res.Scenarios[0].Benefits)
		}},
		{"unknown per counts as once", moneyModel(3, 0.5, items,
			map[string]calc.Entry{"a": {Amount: f(10), Per: "weekly"}}), func(t *testing.T, res calc.Result) {
			assert.Equal(t, 10.0, res.Scenarios[0].Benefits)
		}},
		{"unknown side counts nowhere", func() calc.Model {
			m := scoreModel([]calc.Item{{ID: "x", Side: "gain", Type: "functional", Weight: 1}}, map[string]calc.Entry{"x": {Score: f(3)}})
			return m
		}(), func(t *testing.T, res calc.Result) {
			r := res.Scenarios[0]
			assert.Zero(t, r.Benefits)
			assert.Zero(t, r.Costs)
			assert.Equal(t, []float64{3}, r.Contributions)
		}},
		{"type of the other side counts in the total only", scoreModel([]calc.Item{benefit("x", calc.TypeRisk, 1)},
			map[string]calc.Entry{"x": {Score: f(3)}}), func(t *testing.T, res calc.Result) {
			r := res.Scenarios[0]
			assert.Equal(t, 3.0, r.Benefits)
			assert.Zero(t, r.BenefitsByType.Get(calc.TypeFunctional)+r.BenefitsByType.Get(calc.TypeMonetary))
		}},
		{"huge horizon", moneyModel(math.MaxInt, 0.1, items,
			map[string]calc.Entry{"a": {Amount: f(1), Per: calc.PerYear}}), func(t *testing.T, res calc.Result) {
			assert.InDelta(t, 10, res.Scenarios[0].Benefits, 1e-9)
		}},
		{"huge horizon undiscounted", moneyModel(1<<40, 0, items,
			map[string]calc.Entry{"a": {Amount: f(1), Per: calc.PerYear}}), func(t *testing.T, res calc.Result) {
			assert.Equal(t, float64(1<<40), res.Scenarios[0].Benefits)
		}},
		{"negative horizon", moneyModel(-3, 0.1, items,
			map[string]calc.Entry{"a": {Amount: f(1), Per: calc.PerYear}}), func(t *testing.T, res calc.Result) {
			assert.Zero(t, res.Scenarios[0].Benefits)
		}},
		{"rate of -1", moneyModel(3, -1, items,
			map[string]calc.Entry{"a": {Amount: f(1), Per: calc.PerYear}, "c": {Amount: f(1)}}), func(t *testing.T, res calc.Result) {
			r := res.Scenarios[0]
			assert.True(t, math.IsInf(r.Benefits, 1))
			assert.Nil(t, r.Ratio, "an infinite ratio is null")
		}},
		{"NaN weights", func() calc.Model {
			m := scoreModel([]calc.Item{benefit("a", calc.TypeSocial, math.NaN())},
				map[string]calc.Entry{"a": {Score: f(1)}}, map[string]calc.Entry{"a": {Score: f(2)}})
			return m
		}(), func(t *testing.T, res calc.Result) {
			assert.Equal(t, "a", res.Best)
		}},
		{"duplicate item ids share the entry", scoreModel([]calc.Item{benefit("a", calc.TypeSocial, 1), benefit("a", calc.TypeSocial, 1)},
			map[string]calc.Entry{"a": {Score: f(2)}}), func(t *testing.T, res calc.Result) {
			assert.Equal(t, 4.0, res.Scenarios[0].Benefits)
		}},
		// Version 3's timing and drivers, out of their bounds.
		{"a ramp of MaxInt", moneyModel(3, 0.1, items,
			map[string]calc.Entry{"a": {Amount: f(12), Per: calc.PerMonth, Ramp: math.MaxInt}, "c": {Amount: f(1), Per: calc.PerYear, Ramp: math.MaxInt, Start: math.MaxInt}}),
			func(t *testing.T, res calc.Result) {
				r := res.Scenarios[0]
				assert.Greater(t, r.Benefits, 0.0)
				assert.Zero(t, r.Costs, "it starts after the horizon")
			}},
		{"negative start, end and ramp", moneyModel(1, 0, items,
			map[string]calc.Entry{"a": {Amount: f(1), Per: calc.PerMonth, Start: -5, End: -1, Ramp: -2}, "c": {Amount: f(1), Start: math.MinInt}}),
			func(t *testing.T, res calc.Result) {
				r := res.Scenarios[0]
				assert.Zero(t, r.Benefits, "it ends before it starts")
				assert.Equal(t, 1.0, r.Costs, "a start before month 1 is month 1")
			}},
		{"unknown driver counts 0", func() calc.Model {
			m := moneyModel(1, 0, items, map[string]calc.Entry{"a": {Amount: f(5), Times: []string{"nobody"}, Start: 2}})
			m.Format = calc.Format
			return m
		}(), func(t *testing.T, res calc.Result) {
			assert.Zero(t, res.Scenarios[0].Benefits)
		}},
		{"timed entries over a huge horizon", moneyModel(math.MaxInt, 0.1, items,
			map[string]calc.Entry{"a": {Amount: f(1), Per: calc.PerYear, Start: 13, Growth: 0.1}}), func(t *testing.T, res calc.Result) {
			assert.Len(t, res.Scenarios[0].Cashflow, calc.MaxHorizon+1, "the cash flow stops at the longest horizon")
		}},
		{"NaN growth", moneyModel(2, 0, items,
			map[string]calc.Entry{"a": {Amount: f(1), Per: calc.PerYear, Growth: math.NaN()}, "c": {Amount: f(1)}}), func(t *testing.T, res calc.Result) {
			assert.True(t, math.IsNaN(res.Scenarios[0].Benefits))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, calc.Validate(tt.model), "the test's model must be invalid")
			var res calc.Result
			require.NotPanics(t, func() { res = calc.Evaluate(tt.model) })
			tt.check(t, res)
		})
	}
}

// TestEvaluateSharesNothing checks that results of one model do not alias
// each other's slices.
func TestEvaluateSharesNothing(t *testing.T) {
	m := scoreModel([]calc.Item{benefit("a", calc.TypeSocial, 1), cost("c", calc.TypeRisk, 1)},
		map[string]calc.Entry{"a": {Score: f(1)}, "c": {Score: f(1)}}, map[string]calc.Entry{"a": {Score: f(2)}, "c": {Score: f(2)}})
	res := calc.Evaluate(m)
	res.Scenarios[0].Contributions = append(res.Scenarios[0].Contributions, 99)
	res.Scenarios[0].BenefitsByType = append(res.Scenarios[0].BenefitsByType, calc.TypeSum{Type: "x", Value: 1})
	assert.Equal(t, []float64{2, 2}, res.Scenarios[1].Contributions)
	assert.Equal(t, calc.TypeFinancial, res.Scenarios[0].CostsByType[0].Type)
	*res.Scenarios[0].Ratio = 42
	assert.Equal(t, 1.0, *res.Scenarios[1].Ratio)
}
