package calc

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSplitMix64 checks the generator against the first outputs SPEC §8's
// vectors name for the seed 1.
func TestSplitMix64(t *testing.T) {
	state := uint64(MonteCarloSeed)
	for _, want := range []uint64{0x910a2dec89025cc1, 0xbeeb8da1658eec67, 0xf893a2eefb32555e} {
		state += 0x9E3779B97F4A7C15
		assert.Equal(t, float64(want>>11)*math.Pow(2, -53), uniform(state))
	}
}

func TestNearestRank(t *testing.T) {
	tests := []struct {
		name string
		n, p int
		want float64 // the value at that rank, values being 1…n
	}{
		{"10th of 10,000 is the 1,000th", 10000, 10, 1000},
		{"50th of 10,000 is the 5,000th", 10000, 50, 5000},
		{"90th of 10,000 is the 9,000th", 10000, 90, 9000},
		{"10th of 5 rounds up to the 1st", 5, 10, 1},
		{"50th of 5 is the 3rd", 5, 50, 3},
		{"90th of 1 is the only one", 1, 90, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sorted := make([]float64, tt.n)
			for i := range sorted {
				sorted[i] = float64(i + 1)
			}
			assert.Equal(t, tt.want, nearestRank(sorted, tt.p))
		})
	}
}
