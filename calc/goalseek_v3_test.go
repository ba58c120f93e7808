package calc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// vectorModel returns the model of the test vector name.
func vectorModelOf(t *testing.T, name string) calc.Model {
	t.Helper()
	m, err := calc.Decode(readVector(t, "testdata/vectors/"+name+".json").Model)
	require.NoError(t, err)
	return m
}

// figure returns goal's figure of scenario j of m, nil when null.
func figure(m calc.Model, j int, metric calc.Metric) *float64 {
	r := calc.Evaluate(m).Scenarios[j]
	switch metric {
	case calc.MetricROI:
		return r.ROI
	case calc.MetricPayback:
		return r.PaybackMonths
	}
	return &r.Net
}

func TestGoalSeekDriver(t *testing.T) {
	helpdesk := vectorModelOf(t, "drivers-and-timing")
	tests := []struct {
		name     string
		scenario string
		driver   string
		goal     calc.Goal
	}{
		{"agents for a net of 0", "with", "agents", calc.Goal{Metric: calc.MetricNet, Target: 0}},
		{"tickets for a net of 100,000", "now", "tickets", calc.Goal{Metric: calc.MetricNet, Target: 100000}},
		{"tickets for an ROI of 2", "with", "tickets", calc.Goal{Metric: calc.MetricROI, Target: 2}},
		{"agents for an ROI of 3", "with", "agents", calc.Goal{Metric: calc.MetricROI, Target: 3}},
		{"tickets for a payback of 12 months", "with", "tickets", calc.Goal{Metric: calc.MetricPayback, Target: 12}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := calc.GoalSeekDriver(helpdesk, tt.scenario, tt.driver, tt.goal)
			require.NoError(t, err)
			m := helpdesk
			m.Drivers = append([]calc.Driver(nil), m.Drivers...)
			m.Drivers[m.DriverIndex(tt.driver)].Value = v
			got := figure(m, m.ScenarioIndex(tt.scenario), tt.goal.Metric)
			require.NotNil(t, got)
			r := calc.Evaluate(m).Scenarios[m.ScenarioIndex(tt.scenario)]
			assert.InDelta(t, tt.goal.Target, *got, 1e-9*max(1, r.Benefits+r.Costs), "at %v", v)
		})
	}
	// The net's answer is the analysis' break-even.
	a, err := calc.Analyze(helpdesk)
	require.NoError(t, err)
	v, err := calc.GoalSeekDriver(helpdesk, "with", "sites", calc.Goal{Metric: calc.MetricNet, Target: 0})
	require.NoError(t, err)
	for _, d := range a.Drivers {
		if d.Scenario == "with" && d.Driver == "sites" {
			assert.InDelta(t, *d.BreakEven, v, 1e-9**d.BreakEven)
		}
	}

	errs := []struct {
		name     string
		scenario string
		driver   string
		goal     calc.Goal
		is       error
	}{
		{"no such driver", "with", "agent", calc.Goal{Metric: calc.MetricNet}, calc.ErrNoEntry},
		{"no effect", "now", "sites", calc.Goal{Metric: calc.MetricNet}, calc.ErrUnreachable},
		{"no payback so soon", "with", "agents", calc.Goal{Metric: calc.MetricPayback, Target: 1}, calc.ErrUnreachable},
		{"out of bounds", "with", "agents", calc.Goal{Metric: calc.MetricNet, Target: 1e15}, calc.ErrUnreachable},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.GoalSeekDriver(helpdesk, tt.scenario, tt.driver, tt.goal)
			assert.ErrorIs(t, err, tt.is)
		})
	}
	t.Run("a driver of benefits and costs has no payback goal", func(t *testing.T) {
		m := helpdesk
		m.Scenarios = append([]calc.Scenario(nil), m.Scenarios...)
		j, i := m.ScenarioIndex("with"), m.ItemIndex("churn")
		m.Scenarios[j].Entries = append([]*calc.Entry(nil), m.Scenarios[j].Entries...)
		churn := *m.Scenarios[j].Entries[i]
		churn.Times = []string{"sites", "agents"}
		m.Scenarios[j].Entries[i] = &churn
		_, err := calc.GoalSeekDriver(m, "with", "agents", calc.Goal{Metric: calc.MetricPayback, Target: 3})
		assert.ErrorIs(t, err, calc.ErrInvalid)
		target := calc.Evaluate(m).Scenarios[j].Net + 1000
		v, err := calc.GoalSeekDriver(m, "with", "agents", calc.Goal{Metric: calc.MetricNet, Target: target})
		require.NoError(t, err, "the net is linear in it all the same")
		m.Drivers = append([]calc.Driver(nil), m.Drivers...)
		m.Drivers[m.DriverIndex("agents")].Value = v
		assert.InDelta(t, target, calc.Evaluate(m).Scenarios[j].Net, 1e-6)
	})
}

// TestGoalSeekPaybackTimed: in a scenario with timed entries the payback
// comes from the month-level cumulative net, and so does goal seek's.
func TestGoalSeekPaybackTimed(t *testing.T) {
	m := vectorModelOf(t, "payback-phased")
	for _, tt := range []struct {
		scenario, item string
		target         float64
	}{
		{"ramp", "gain", 6},   // a crossing inside the ramp
		{"ramp", "gain", 12},  // past the ramp
		{"ramp", "fee", 10},   // a cost: the payback rises with it
		{"pilot", "gain", 3},  // a six-month pilot
		{"never", "gain", 20}, // starts in month 13 and grows
	} {
		t.Run(tt.scenario+" "+tt.item, func(t *testing.T) {
			goal := calc.Goal{Metric: calc.MetricPayback, Target: tt.target}
			x, err := calc.GoalSeek(m, tt.scenario, tt.item, goal)
			require.NoError(t, err)
			assertReaches(t, m, tt.scenario, tt.item, x, goal)
		})
	}
	// The lump scenario's payback jumps at the bonus in month 10 (time
	// 9): a payback of 5 needs the fee to fall far enough, one between
	// the jump's ends is out of reach for the bonus.
	_, err := calc.GoalSeek(m, "lump", "bonus", calc.Goal{Metric: calc.MetricPayback, Target: 8.5})
	assert.ErrorIs(t, err, calc.ErrUnreachable)
}

// TestGoalSeekPaybackPerDriver: an entry priced per a driver moves the
// payback by its value times the driver's (SPEC §3's U and M), in a
// scenario without timing.
func TestGoalSeekPaybackPerDriver(t *testing.T) {
	m, err := calc.Decode([]byte(fileV3(`"mode": "money"`, driversV3,
		`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary"}, {"id": "c", "name": "C", "side": "cost", "type": "financial"}]`,
		`"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 40, "per": "month", "times": ["agents"]}, "c": {"amount": 6000}}}]`)))
	require.NoError(t, err)
	// 40 × 25 = 1,000 a month against 6,000: 6 months. For 4 months,
	// 1,500 a month: 60 per agent.
	goal := calc.Goal{Metric: calc.MetricPayback, Target: 4}
	x, err := calc.GoalSeek(m, "s", "a", goal)
	require.NoError(t, err)
	assert.InDelta(t, 60, x, 1e-9)
	assertReaches(t, m, "s", "a", x, goal)
	// And the driver for it: 37.5 agents.
	v, err := calc.GoalSeekDriver(m, "s", "agents", goal)
	require.NoError(t, err)
	assert.InDelta(t, 37.5, v, 1e-9)
}
