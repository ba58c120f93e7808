package state

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// vector returns the model of one of calc's vectors (SPEC §3's worked
// examples), by file name.
func vector(t *testing.T, name string) calc.Model {
	t.Helper()
	m, err := fixture.Vector("../../calc/testdata/vectors", name)
	require.NoError(t, err)
	return m
}

// driverTab is an editor on the model of vector name, analysed.
func driverTab(t *testing.T, name string) *tab {
	t.Helper()
	tb := newTab(t, MemStorage{}, Start{Query: "view=editor"})
	tb.do(ReplaceModel{vector(t, name)})
	tb.runIdle()
	require.True(t, tb.state().AnalysisFresh())
	tb.take()
	return tb
}

func driverValueOf(m calc.Model, id string) float64 { return m.Drivers[m.DriverIndex(id)].Value }

// figureOf is the figure metric names of scenario in m's results.
func figureOf(m calc.Model, scenario string, metric calc.Metric) float64 {
	r := calc.Evaluate(m).Scenarios[m.ScenarioIndex(scenario)]
	switch metric {
	case calc.MetricROI:
		return *r.ROI
	case calc.MetricPayback:
		return *r.PaybackMonths
	}
	return r.Net
}

// TestTornadoDrivers: a driver its scenario's entries are priced per has
// a bar like an entry's, from its row of the analysis, named by the
// driver; one that prices nothing there has none.
func TestTornadoDrivers(t *testing.T) {
	tb := driverTab(t, "ranges-drivers.json")
	s := tb.state()
	for _, sc := range []string{"a", "b"} {
		bars := Tornado(s.Analysis, s.Model(), sc, 100)
		var users *Swing
		for i, b := range bars {
			assert.NotEqual(t, "unused", b.Driver, "a driver no entry is priced per moves nothing")
			if i > 0 {
				assert.GreaterOrEqual(t, bars[i-1].SwingHigh-bars[i-1].SwingLow, b.SwingHigh-b.SwingLow, "largest first")
			}
			if b.Driver == "users" {
				users = &bars[i]
			}
		}
		require.NotNil(t, users, "scenario %s: the users' bar", sc)
		assert.Equal(t, "Users", users.Name)
		assert.Equal(t, "users", users.DriverUnit)
		assert.Empty(t, users.Item)
		for _, d := range s.Analysis.Drivers {
			if d.Scenario == sc && d.Driver == "users" {
				assert.Equal(t, d.SwingLow, users.SwingLow)
				assert.Equal(t, d.SwingHigh, users.SwingHigh)
				assert.Equal(t, d.Value, users.Value)
				assert.Equal(t, d.Flips, users.Flips)
			}
		}
		assert.Len(t, bars, 3+2, "three entries and the two drivers they are priced per")
	}
}

// TestRangedDriverSimulates: a ranged driver alone is enough for the
// ranges' simulation (SPEC §8: ranged drivers are drawn first).
func TestRangedDriverSimulates(t *testing.T) {
	m := vector(t, "drivers-and-timing.json")
	for _, s := range m.Scenarios {
		for _, e := range s.Entries {
			require.True(t, e == nil || !e.Ranged(), "no entry has a range")
		}
	}
	m.Drivers[0].Low, m.Drivers[0].High = calc.Float(20), calc.Float(30)
	tb := newTab(t, MemStorage{}, Start{Query: "view=editor"})
	tb.do(ReplaceModel{m})
	tb.runIdle()
	sims := effectsOf[Simulate](tb.take())
	require.Len(t, sims, 1, "the ranged driver is simulated")
	tb.do(finished(sims[0]))
	rs, fresh := tb.state().CardRanges()
	require.True(t, fresh)
	require.NotNil(t, rs)
	assert.Less(t, rs.Scenarios[1].P10, rs.Scenarios[1].P90, "the driver's range spreads the net")
}

// TestGoalSeekDriver: goal seek on a driver (SPEC §8) answers with calc,
// rounded as people type the driver: a whole number of a driver counted
// in whole numbers, the one that reaches the goal, two decimals of
// another; "Use this value" sets the driver, as an edit that Undo takes
// back; a goal no value reaches says so plainly.
func TestGoalSeekDriver(t *testing.T) {
	for _, tc := range []struct {
		name, vector, scenario, driver string
		metric                         calc.Metric
		target                         string
		wantWhole                      bool
	}{
		{"users for a net of 0 (a benefit and a cost per user)", "ranges-drivers.json", "a", "users", calc.MetricNet, "0", true},
		{"users for a net of 300,000", "ranges-drivers.json", "b", "users", calc.MetricNet, "300,000", true},
		{"hours saved per user for a net of 300,000", "ranges-drivers.json", "a", "rate", calc.MetricNet, "300000", false},
		{"agents for a net of 50,000 (costs per agent)", "drivers-and-timing.json", "with", "agents", calc.MetricNet, "50000", true},
		{"agents for a ROI of 100 %", "drivers-and-timing.json", "with", "agents", calc.MetricROI, "100", true},
		{"tickets for a payback in 12 months", "drivers-and-timing.json", "with", "tickets", calc.MetricPayback, "12", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := driverTab(t, tc.vector)
			before := tb.model()
			tb.do(AskGoal{Scenario: tc.scenario, Driver: tc.driver, Metric: tc.metric, Target: tc.target})
			g := tb.state().Goal
			require.NotNil(t, g.Answer, g.Err)
			assert.Equal(t, tc.driver, g.Driver)
			exact, err := calc.GoalSeekDriver(before, tc.scenario, tc.driver, calc.Goal{Metric: tc.metric, Target: g.Reach})
			require.NoError(t, err)
			require.NotEqual(t, exact, math.Round(exact), "the exact answer is not whole")
			if tc.wantWhole {
				assert.Equal(t, math.Trunc(*g.Answer), *g.Answer, "a count is whole")
				assert.LessOrEqual(t, math.Abs(*g.Answer-exact), 1.0, "next to the exact answer")
				require.NotNil(t, g.Gives)
				if tc.metric == calc.MetricPayback {
					assert.LessOrEqual(t, *g.Gives, g.Reach, "the payback is reached")
				} else {
					assert.GreaterOrEqual(t, *g.Gives, g.Reach, "the figure is reached")
				}
			} else {
				assert.Equal(t, calc.Round(exact, 2), *g.Answer, "two decimals")
			}

			tb.do(UseGoal{})
			m := tb.model()
			assert.Equal(t, *g.Answer, driverValueOf(m, tc.driver), "the driver takes the answer")
			assert.Equal(t, *g.Gives, figureOf(m, tc.scenario, tc.metric), "the figure it reported is the rounded value's")
			assert.Equal(t, tc.driver, tb.state().Goal.Driver, "the question stays")

			tb.do(Undo{})
			assert.Equal(t, before, tb.model(), "Undo takes the value back")
			tb.do(Redo{})
			assert.Equal(t, *g.Answer, driverValueOf(tb.model(), tc.driver))
		})
	}
}

// TestGoalSeekDriverRefused: a question no driver value answers gets a
// sentence that says why, and nothing to use.
func TestGoalSeekDriverRefused(t *testing.T) {
	for _, tc := range []struct {
		name, vector, scenario, driver string
		metric                         calc.Metric
		target, want                   string
	}{
		{"beyond what it can be", "ranges-drivers.json", "a", "users", calc.MetricNet, "-1e15",
			"No value of Users reaches that: the figure does not depend on it, or it would have to go below 0 or beyond what it can be."},
		{"a driver the scenario does not use", "ranges-drivers.json", "a", "unused", calc.MetricNet, "0",
			"No value of Not used reaches that: the figure does not depend on it, or it would have to go below 0 or beyond what it can be."},
		{"a payback of a driver pricing benefits and costs", "ranges-drivers.json", "a", "users", calc.MetricPayback, "6",
			"Users prices both benefits and costs here, so the payback does not follow it one way. Ask for the net value or the ROI instead."},
		{"not a number", "ranges-drivers.json", "a", "users", calc.MetricNet, "soon", "Enter a number, such as 1200 or 4.5."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := driverTab(t, tc.vector)
			before := tb.model()
			tb.do(AskGoal{Scenario: tc.scenario, Driver: tc.driver, Metric: tc.metric, Target: tc.target})
			g := tb.state().Goal
			assert.Equal(t, tc.want, g.Err)
			assert.Nil(t, g.Answer)
			tb.do(UseGoal{})
			assert.Equal(t, before, tb.model(), "nothing to use")
		})
	}
}

// TestSetDriverValue: the edit behind "Use this value" on a driver.
func TestSetDriverValue(t *testing.T) {
	m := vector(t, "ranges-drivers.json")
	for _, tc := range []struct {
		name            string
		a               SetDriverValue
		value, low, hig float64
	}{
		{"within its range", SetDriverValue{"users", 250}, 250, 120, 300},
		{"below its range: the range widens", SetDriverValue{"users", 100}, 100, 100, 300},
		{"above its range: the range widens", SetDriverValue{"users", 400}, 400, 120, 400},
		{"zero", SetDriverValue{"users", 0}, 0, 0, 300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReduceModel(m, tc.a)
			require.NoError(t, err)
			d := got.Drivers[got.DriverIndex(tc.a.ID)]
			assert.Equal(t, tc.value, d.Value)
			assert.Equal(t, tc.low, *d.Low)
			assert.Equal(t, tc.hig, *d.High)
			assert.Equal(t, 200.0, driverValueOf(m, "users"), "the model it was given is left alone")
			require.NoError(t, calc.Validate(got))
		})
	}
	outside := i18n.Errorf(i18n.ErrDriverValue, i18n.Number(calc.MaxDriverValue)).Error()
	require.Contains(t, outside, "1,000,000,000")
	for _, tc := range []struct {
		name string
		a    SetDriverValue
		want string
	}{
		{"negative", SetDriverValue{"users", -1}, outside},
		{"too large", SetDriverValue{"users", 2e9}, outside},
		{"no such driver", SetDriverValue{"agents", 1}, `no driver "agents"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReduceModel(m, tc.a)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			assert.Equal(t, m, got)
		})
	}
	assert.Equal(t, "driver/users/value", SetDriverValue{"users", 1}.Key(), "typing a value letter by letter is one undo step")
}
