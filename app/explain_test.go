package app

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/calc"
)

// TestLargestFirstMatchesSortStableFunc checks largestFirst against the
// slices.SortStableFunc comparison it replaced, on parts with many equal
// keys (more than sort.Stable's insertion-sort blocks, so that the merges
// run too).
func TestLargestFirstMatchesSortStableFunc(t *testing.T) {
	contributions := []float64{0, 3, -3, 1.5, -0.5, 3, 0, math.Copysign(0, -1), math.NaN(), 1e12}
	var ps []part
	for i := range 97 {
		ps = append(ps, part{
			Item:         calc.Item{ID: strconv.Itoa(i)},
			Contribution: contributions[i*7%len(contributions)],
			Scored:       i%3 != 1,
		})
	}
	want := slices.Clone(ps)
	slices.SortStableFunc(want, func(a, b part) int {
		if a.Scored != b.Scored {
			if a.Scored {
				return -1
			}
			return 1
		}
		return cmp.Compare(math.Abs(b.Contribution), math.Abs(a.Contribution))
	})
	got := slices.Clone(ps)
	sort.Stable(largestFirst(got))
	ids := func(ps []part) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Item.ID)
		}
		return out
	}
	assert.Equal(t, ids(want), ids(got))
}

func TestPartsOrder(t *testing.T) {
	m := calc.NewModel()
	m.Items = []calc.Item{
		{ID: "small", Name: "Small", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1},
		{ID: "none1", Name: "None 1", Side: calc.SideBenefit, Type: calc.TypeSocial, Weight: 1},
		{ID: "big1", Name: "Big 1", Side: calc.SideBenefit, Type: calc.TypeEmotional, Weight: 1},
		{ID: "cost", Name: "Cost", Side: calc.SideCost, Type: calc.TypeFinancial, Weight: 1},
		{ID: "none2", Name: "None 2", Side: calc.SideBenefit, Type: calc.TypeSocial, Weight: 1},
		{ID: "big2", Name: "Big 2", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1},
		{ID: "zero", Name: "Zero", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1},
	}
	m.Scenarios = []calc.Scenario{{ID: "s", Name: "S", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
		"small": {Score: calc.Float(1)}, "big1": {Score: calc.Float(4)}, "cost": {Score: calc.Float(5)},
		"big2": {Score: calc.Float(4)}, "zero": {Score: calc.Float(0)},
	})}}
	var ids []string
	for _, p := range parts(newNumbers(), m, calc.Evaluate(m), 0, calc.SideBenefit) {
		ids = append(ids, p.Item.ID)
	}
	// Scored first, largest first, model order among equals.
	assert.Equal(t, []string{"big1", "big2", "small", "zero", "none1", "none2"}, ids)
}
