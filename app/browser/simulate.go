package browser

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// simSlice is how long one slice of a simulation may run before the page
// gets the thread back: well under a frame, so that typing stays fluid
// while a large model's ranges are simulated.
const simSlice = 6 * time.Millisecond

// simulate runs the simulation of e.Model's ranges a slice at a time, in
// the browser's idle time, and reports its progress and result. A later
// Simulate replaces it: its next slice sees that it is no longer the
// current one, and stops.
func (b *Browser) simulate(e state.Simulate) {
	sim := calc.NewSimulation(e.Model)
	b.simRev = e.Rev
	var slice func()
	reported := time.Now()
	slice = func() {
		if b.simRev != e.Rev {
			return // an edit has started another
		}
		start := time.Now()
		done := false
		for !done && time.Since(start) < simSlice {
			done = sim.Step(100)
		}
		if done {
			Send(b.ctx, state.Simulated{Rev: e.Rev, Done: 1, Ranges: sim.Result()})
			return
		}
		if time.Since(reported) > 150*time.Millisecond {
			reported = time.Now()
			Send(b.ctx, state.Simulated{Rev: e.Rev, Done: sim.Progress()})
		}
		b.idle(slice)
	}
	b.idle(slice)
}

// idle runs f on the UI goroutine when the browser is next idle (or
// after 200 ms at the latest); at once where there is no
// requestIdleCallback.
func (b *Browser) idle(f func()) {
	w := app.Window()
	if !w.Get("requestIdleCallback").Truthy() {
		b.ctx.Defer(func(app.Context) { f() })
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		cb.Release()
		b.ctx.Dispatch(func(app.Context) { f() })
		return nil
	})
	w.Call("requestIdleCallback", cb, map[string]any{"timeout": 200})
}
