package calc

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTimedPathAgreesWithUntimed: version 3's month-level path, given an
// entry with the default timing, gives version 2's closed forms: the same
// present value per unit, the same cash flow and the same payback, to
// 1e-9. Evaluate takes the closed forms for such entries; this keeps the
// two paths from drifting apart.
func TestTimedPathAgreesWithUntimed(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 27))
	for range 300 {
		years := 1 + r.IntN(MaxHorizon)
		m := Model{Mode: ModeMoney, HorizonYears: years, DiscountRate: float64(r.IntN(20)) / 100}
		ev := newEvaluator(m)
		for per := range 3 {
			want := ev.factor[per]
			got := ev.timedFactor(&Entry{}, per)
			require.InDelta(t, want, got, 1e-9*want, "per %d over %d years", per, years)
		}
		// A scenario of random untimed flows, both ways.
		var sided [2][3]float64
		mo := newMonths(ev.months)
		var once, monthly, yearly, costs float64
		for range 1 + r.IntN(6) {
			side, per := r.IntN(2), r.IntN(3)
			a := float64(r.IntN(10000))
			sided[side][per] += a
			e := &Entry{Per: []Per{PerOnce, PerMonth, PerYear}[per]}
			mo.add(&ev, e, per, a, side)
			sign := 1.0
			if side == 1 {
				sign = -1
				costs += a
			}
			switch per {
			case perOnce:
				once += sign * a
			case perMonth:
				monthly += sign * a
			case perYear:
				yearly += sign * a
			}
		}
		want := make([]CashflowYear, years+1)
		untimedCashflow(&sided, want)
		got := make([]CashflowYear, years+1)
		var none [2][3]float64
		p, ok := mo.walk(&none, got, costs, nil)
		for y := range want {
			scale := max(1, math.Abs(want[y].Benefits)+math.Abs(want[y].Costs)+math.Abs(want[y].Cumulative))
			assert.InDelta(t, want[y].Benefits, got[y].Benefits, 1e-9*scale)
			assert.InDelta(t, want[y].Costs, got[y].Costs, 1e-9*scale)
			assert.InDelta(t, want[y].Cumulative, got[y].Cumulative, 1e-9*scale)
		}
		wp, wok := payback(once, monthly+yearly/12, float64(ev.months), costs)
		require.Equal(t, wok, ok, "payback or none")
		if ok {
			assert.InDelta(t, wp, p, 1e-9*max(1, wp))
		}
	}
}
