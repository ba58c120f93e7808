package calc_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// goalModel is a 3-year money model at 0 % with 45 an hour: a monthly
// benefit, a once cost, a yearly cost and hours once, in scenario "a";
// and scenario "b" with benefits only.
func goalModel() calc.Model {
	items := []calc.Item{benefit("gain", calc.TypeMonetary, 1), cost("impl", calc.TypeFinancial, 1),
		cost("sub", calc.TypeFinancial, 1), cost("learn", calc.TypeTime, 1)}
	return moneyModel(3, 0, items,
		map[string]calc.Entry{"gain": {Amount: f(1000), Per: calc.PerMonth}, "impl": {Amount: f(6000)},
			"sub": {Amount: f(1200), Per: calc.PerYear}, "learn": {Hours: f(40)}},
		map[string]calc.Entry{"gain": {Amount: f(100), Per: calc.PerMonth}})
}

func TestGoalSeek(t *testing.T) {
	score := scoreModel([]calc.Item{benefit("q", calc.TypeFunctional, 2), cost("p", calc.TypeFinancial, 1)},
		map[string]calc.Entry{"q": {Score: f(3)}, "p": {Score: f(2)}})
	// Scenario a: benefits 36,000; costs 6,000 + 3,600 + 1,800 = 11,400;
	// net 24,600. U = −7,800, M = 1,000 − 100 = 900: payback 8.67 months.
	tests := []struct {
		name     string
		model    calc.Model
		scenario string
		item     string
		goal     calc.Goal
		want     float64
	}{
		{"score for a net of 0", score, "a", "q", calc.Goal{Metric: calc.MetricNet, Target: 0}, 1},
		{"cost score for a net of 3", score, "a", "p", calc.Goal{Metric: calc.MetricNet, Target: 3}, 3},
		{"monthly benefit for a net of 0", goalModel(), "a", "gain", calc.Goal{Metric: calc.MetricNet, Target: 0}, 11400.0 / 36},
		{"once cost for a net of 0", goalModel(), "a", "impl", calc.Goal{Metric: calc.MetricNet, Target: 0}, 30600},
		{"hours for a net of 20,000", goalModel(), "a", "learn", calc.Goal{Metric: calc.MetricNet, Target: 20000}, 40 + 4600.0/45},
		{"yearly cost for an ROI of 1", goalModel(), "a", "sub", calc.Goal{Metric: calc.MetricROI, Target: 1}, (36000.0/2 - 7800) / 3},
		{"monthly benefit for an ROI of 1", goalModel(), "a", "gain", calc.Goal{Metric: calc.MetricROI, Target: 1}, 2 * 11400.0 / 36},
		{"once cost for a payback of 12 months", goalModel(), "a", "impl", calc.Goal{Metric: calc.MetricPayback, Target: 12}, 12*900 - 1800},
		{"monthly benefit for a payback of 6 months", goalModel(), "a", "gain", calc.Goal{Metric: calc.MetricPayback, Target: 6}, 7800.0/6 + 100},
		{"yearly cost for a payback of 12 months", goalModel(), "a", "sub", calc.Goal{Metric: calc.MetricPayback, Target: 12}, 12 * (1000 - 650)},
		{"once benefit for a payback of 0 while costs recur", moneyModel(1, 0, []calc.Item{benefit("g", calc.TypeMonetary, 1), cost("fee", calc.TypeFinancial, 1)},
			map[string]calc.Entry{"g": {Amount: f(500)}, "fee": {Amount: f(100), Per: calc.PerMonth}}),
			"a", "g", calc.Goal{Metric: calc.MetricPayback, Target: 0}, 1200},
		{"payback at the horizon's end", goalModel(), "a", "gain", calc.Goal{Metric: calc.MetricPayback, Target: 36}, 7800.0/36 + 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := calc.GoalSeek(tt.model, tt.scenario, tt.item, tt.goal)
			require.NoError(t, err)
			assert.InDelta(t, tt.want, got, 1e-9*max(1, tt.want))
			assertReaches(t, tt.model, tt.scenario, tt.item, got, tt.goal)
		})
	}
}

// assertReaches asserts that the model with the entry at x has the goal's
// figure at its target.
func assertReaches(t *testing.T, m calc.Model, scenario, item string, x float64, goal calc.Goal) {
	t.Helper()
	j := m.ScenarioIndex(scenario)
	r := calc.Evaluate(withValue(m, j, m.ItemIndex(item), x)).Scenarios[j]
	var got *float64
	switch goal.Metric {
	case calc.MetricNet:
		got = &r.Net
	case calc.MetricROI:
		got = r.ROI
	case calc.MetricPayback:
		got = r.PaybackMonths
	}
	require.NotNil(t, got, "%s is null at %v", goal.Metric, x)
	assert.InDelta(t, goal.Target, *got, 1e-9*max(1, r.Benefits+r.Costs), "%s at %v", goal.Metric, x)
}

func TestGoalSeekErrors(t *testing.T) {
	invalid := goalModel()
	invalid.HorizonYears = 0
	score := scoreModel([]calc.Item{benefit("q", calc.TypeFunctional, 0)}, map[string]calc.Entry{"q": {Score: f(3)}})
	tests := []struct {
		name     string
		model    calc.Model
		scenario string
		item     string
		goal     calc.Goal
		is       error
		msg      string
	}{
		{"invalid model", invalid, "a", "gain", calc.Goal{Metric: calc.MetricNet}, calc.ErrOutOfRange, "horizonYears"},
		{"unknown scenario", goalModel(), "z", "gain", calc.Goal{Metric: calc.MetricNet}, calc.ErrNoEntry, `scenario "z" has no entry for item "gain"`},
		{"unknown item", goalModel(), "a", "zz", calc.Goal{Metric: calc.MetricNet}, calc.ErrNoEntry, "no entry"},
		{"no entry", goalModel(), "b", "impl", calc.Goal{Metric: calc.MetricNet}, calc.ErrNoEntry, "no entry"},
		{"unknown metric", goalModel(), "a", "gain", calc.Goal{Metric: "irr"}, calc.ErrInvalid, `unknown metric "irr"`},
		{"roi in score mode", score, "a", "q", calc.Goal{Metric: calc.MetricROI}, calc.ErrInvalid, "money mode only"},
		{"target not finite", goalModel(), "a", "gain", calc.Goal{Metric: calc.MetricNet, Target: math.NaN()}, calc.ErrOutOfRange, "finite"},
		{"payback past the horizon", goalModel(), "a", "gain", calc.Goal{Metric: calc.MetricPayback, Target: 37}, calc.ErrOutOfRange, "between 0 and 36 months"},
		{"negative payback", goalModel(), "a", "gain", calc.Goal{Metric: calc.MetricPayback, Target: -1}, calc.ErrOutOfRange, "between 0 and 36"},
		{"weight 0: the net does not follow", score, "a", "q", calc.Goal{Metric: calc.MetricNet, Target: 1}, calc.ErrUnreachable, "no score of this entry gives a net of 1"},
		{"score off the scale", scoreModel([]calc.Item{benefit("q", calc.TypeFunctional, 1)}, map[string]calc.Entry{"q": {Score: f(3)}}),
			"a", "q", calc.Goal{Metric: calc.MetricNet, Target: 9}, calc.ErrUnreachable, "no score"},
		{"negative amount", goalModel(), "a", "impl", calc.Goal{Metric: calc.MetricNet, Target: 40000}, calc.ErrUnreachable, "no amount"},
		{"roi of a scenario without costs", goalModel(), "b", "gain", calc.Goal{Metric: calc.MetricROI, Target: 1}, calc.ErrUnreachable, "roi"},
		{"roi of −1 by a cost", goalModel(), "a", "impl", calc.Goal{Metric: calc.MetricROI, Target: -1}, calc.ErrUnreachable, "roi"},
		{"payback of a scenario without costs", goalModel(), "b", "gain", calc.Goal{Metric: calc.MetricPayback, Target: 3}, calc.ErrUnreachable, "paybackMonths"},
		{"payback 0 by hours when behind at first", goalModel(), "a", "learn", calc.Goal{Metric: calc.MetricPayback, Target: 0}, calc.ErrUnreachable, "no hours"},
		{"payback 0 by a recurring entry when behind at first", goalModel(), "a", "gain", calc.Goal{Metric: calc.MetricPayback, Target: 0}, calc.ErrUnreachable, "paybackMonths of 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.GoalSeek(tt.model, tt.scenario, tt.item, tt.goal)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.is)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

// TestGoalSeekProperty seeks, for every entry of several models, the
// figures of nearby targets, and checks every answer by evaluating it.
func TestGoalSeekProperty(t *testing.T) {
	found := map[calc.Metric]int{}
	for _, m := range []calc.Model{benchModel(calc.ModeMoney, 12, 3), benchModel(calc.ModeScore, 12, 3), goalModel()} {
		res := calc.Evaluate(m)
		for j, sc := range m.Scenarios {
			r := res.Scenarios[j]
			goals := []calc.Goal{{Metric: calc.MetricNet, Target: 0}, {Metric: calc.MetricNet, Target: r.Net * 1.1}}
			if m.Mode == calc.ModeMoney {
				goals = append(goals, calc.Goal{Metric: calc.MetricROI, Target: 0.5}, calc.Goal{Metric: calc.MetricPayback, Target: 6},
					calc.Goal{Metric: calc.MetricPayback, Target: 0}, calc.Goal{Metric: calc.MetricPayback, Target: 36})
			}
			for i, e := range sc.Entries {
				if e == nil {
					continue
				}
				for _, g := range goals {
					x, err := calc.GoalSeek(m, sc.ID, m.Items[i].ID, g)
					if err != nil {
						require.ErrorIs(t, err, calc.ErrUnreachable)
						continue
					}
					found[g.Metric]++
					assertReaches(t, m, sc.ID, m.Items[i].ID, x, g)
					_, unit, _ := e.Value(m.Mode)
					lo, hi := m.Bounds(unit)
					assert.True(t, x >= lo && x <= hi)
				}
			}
		}
	}
	for _, metric := range []calc.Metric{calc.MetricNet, calc.MetricROI, calc.MetricPayback} {
		assert.Greater(t, found[metric], 5, "goals of %s reached", metric)
	}
}
