//go:build e2e

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// TestSimulationProgress: while the ranges of a large model are simulated,
// the progress bar moves forward, rendered from the state's progress
// (the page itself is not rendered for it), and goes once the figures
// show.
func TestSimulationProgress(t *testing.T) {
	ctx := newBrowserFor(t, 3*time.Minute)
	problems := listenProblems(ctx)
	m := fixture.Ranged(fixture.Large(200, 20))
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	openFresh(t, ctx, baseURL+"/?view=editor#"+fragment)

	var seen []float64
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var st struct {
			P    float64
			Has  bool
			Done bool
		}
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => { const p = document.getElementById("how-sure-progress");
			return {p: p ? p.value : -1, has: !!p, done: !p && !!document.getElementById("how-sure-ranges")} })()`, &st)))
		if st.Has && (len(seen) == 0 || seen[len(seen)-1] != st.P) {
			seen = append(seen, st.P)
		}
		if st.Done {
			break
		}
		require.True(t, time.Now().Before(deadline), "the simulation did not finish; progress seen: %v", seen)
		time.Sleep(20 * time.Millisecond)
	}
	var moving []float64
	for i, p := range seen {
		if p > 0 && p < 1 {
			moving = append(moving, p)
		}
		if i > 0 {
			assert.GreaterOrEqual(t, p, seen[i-1], "the bar never goes back: %v", seen)
		}
	}
	assert.GreaterOrEqual(t, len(moving), 2, "the bar moved while the simulation ran: %v", seen)
	assert.Empty(t, problems.exceptions(), "no uncaught exception")
}
