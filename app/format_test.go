package app

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNumbersMemo checks that a number Intl formatted once comes from the
// memo the next time, that the memo tells -0 from 0 and keeps currencies
// and digits apart, and that it stays bounded. Under Node (make
// wasm-test) the numbers go through Intl; natively through calc's
// formatter, which the memo does not hold.
func TestNumbersMemo(t *testing.T) {
	n := newNumbers()
	first := n.money(1234.5, "USD")
	assert.Equal(t, first, n.money(1234.5, "USD"))
	assert.NotEqual(t, first, n.money(1234.5, "EUR"))
	assert.NotEqual(t, n.number(2.5, 0), n.number(2.5, 1))
	if n.intl("n1", map[string]any{"maximumFractionDigits": 1}) == nil {
		assert.Empty(t, n.memo, "no Intl, nothing memoised")
		return
	}
	assert.Equal(t, "$1,235", first)
	assert.Len(t, n.memo, 4)
	n.number(math.Copysign(0, -1), 0)
	n.number(0, 0)
	assert.Len(t, n.memo, 6, "-0 and 0 are two keys: Intl may write them differently")
	for i := range maxMemo + 10 {
		n.number(float64(i), 0)
	}
	assert.LessOrEqual(t, len(n.memo), maxMemo)
	assert.Equal(t, "12", n.number(12, 0))
}
