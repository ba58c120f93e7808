package calc_test

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// TestCumulativeNet: named points of the month-level cumulative net of
// the scenarios of payback-phased.json, one per shape: a ramp's months,
// a rebate gained at a month's end, a cost that starts late, a pilot that
// ends.
func TestCumulativeNet(t *testing.T) {
	m, err := calc.Decode(readVector(t, filepath.Join("testdata", "vectors", "payback-phased.json")).Model)
	require.NoError(t, err)
	tests := []struct {
		name     string
		scenario string
		month    int
		want     calc.NetPoint
	}{
		{"a once cost is paid now", "lump", 0, calc.NetPoint{Before: 0, At: -5000}},
		{"a monthly gain accrues", "lump", 8, calc.NetPoint{Before: -4200, At: -4200}},
		{"a rebate gained at the end of month 9 jumps", "lump", 9, calc.NetPoint{Before: -4100, At: 1900}},
		{"a ramp's first month is 1/6 of it", "ramp", 1, calc.NetPoint{Before: -2700, At: -2700}},
		{"a ramp's fourth month: 200 + 400 + 600 + 800", "ramp", 4, calc.NetPoint{Before: -900, At: -900}},
		{"at full value after the ramp", "ramp", 6, calc.NetPoint{Before: 1300, At: 1300}},
		{"an upgrade at the start of month 7", "dip", 6, calc.NetPoint{Before: 6000, At: -2000}},
		{"growth of 50 % in year 3 is not reached in 2 years", "never", 24, calc.NetPoint{Before: -7200, At: -7200}},
		{"a once gain in month 25 is at the horizon's end", "last", 24, calc.NetPoint{Before: -1000, At: 200}},
		{"a pilot's cost stops after month 9", "pilot", 24, calc.NetPoint{Before: 3800, At: 3800}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pts := calc.CumulativeNet(m, m.ScenarioIndex(tt.scenario))
			require.Len(t, pts, 12*m.HorizonYears+1)
			assert.InDelta(t, tt.want.Before, pts[tt.month].Before, 1e-9)
			assert.InDelta(t, tt.want.At, pts[tt.month].At, 1e-9)
		})
	}
}

func TestCumulativeNetNone(t *testing.T) {
	m, err := calc.Decode(readVector(t, filepath.Join("testdata", "vectors", "payback-phased.json")).Model)
	require.NoError(t, err)
	tests := []struct {
		name  string
		model calc.Model
		j     int
	}{
		{"no scenario -1", m, -1},
		{"no scenario past the last", m, len(m.Scenarios)},
		{"score mode", calc.Model{Mode: calc.ModeScore, Scenarios: []calc.Scenario{{ID: "a"}}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Nil(t, calc.CumulativeNet(tt.model, tt.j))
		})
	}
}

// TestCumulativeNetAgrees: in every money vector, the cumulative net at
// each year's end is that year's cumulative in the scenario's cash flow,
// and the last time it is below 0 is the scenario's payback.
func TestCumulativeNetAgrees(t *testing.T) {
	for _, path := range vectorFiles(t) {
		m, err := calc.Decode(readVector(t, path).Model)
		require.NoError(t, err)
		if m.Mode != calc.ModeMoney {
			continue
		}
		res := calc.Evaluate(m)
		for j, s := range res.Scenarios {
			pts := calc.CumulativeNet(m, j)
			require.Len(t, pts, 12*m.HorizonYears+1, "%s %s", path, s.ID)
			for _, y := range s.Cashflow {
				scale := max(1, math.Abs(y.Cumulative))
				assert.InDelta(t, y.Cumulative, pts[12*y.Year].At, 1e-9*scale, "%s %s year %d", filepath.Base(path), s.ID, y.Year)
			}
			p, ok := lastBelowZero(pts)
			if s.PaybackMonths == nil {
				assert.True(t, !ok || s.Costs == 0, "%s %s: no payback", filepath.Base(path), s.ID)
				continue
			}
			require.True(t, ok, "%s %s pays back", filepath.Base(path), s.ID)
			assert.InDelta(t, *s.PaybackMonths, p, 1e-9*max(1, p), "%s %s payback", filepath.Base(path), s.ID)
		}
	}
}

// lastBelowZero is SPEC §3's payback read off the points: the last time
// the net is below 0, the net moving straight between months' ends;
// false when it ends below 0.
func lastBelowZero(pts []calc.NetPoint) (float64, bool) {
	last := 0.0
	for t := 1; t < len(pts); t++ {
		from, to := pts[t-1].At, pts[t].Before
		switch {
		case to < 0:
			last = float64(t)
		case from < 0:
			last = float64(t-1) + -from/(to-from)
		}
	}
	if pts[len(pts)-1].At < 0 {
		return 0, false
	}
	return last, true
}
