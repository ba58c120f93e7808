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

// simReportEvery is how often a simulation reports its progress at most.
// Each report renders the page again, which on the largest models costs
// as much as a slice: a few times a second moves the bar visibly.
const simReportEvery = 150 * time.Millisecond

// simulate runs the simulation of e.Model's ranges a slice at a time, in
// the browser's idle time, and reports its progress and result. A later
// Simulate replaces it, and StopSimulation (an edit) stops it: its next
// slice sees that it is no longer the current one, and ends.
func (b *Browser) simulate(e state.Simulate) {
	sim := calc.NewSimulation(e.Model)
	b.simGen++
	gen := b.simGen
	var slice func(app.Context)
	reported := time.Now()
	slice = func(ctx app.Context) {
		if b.simGen != gen {
			ctx.PreventUpdate() // stopped or replaced: nothing to show
			return
		}
		start := time.Now()
		done := false
		for !done && time.Since(start) < simSlice {
			done = sim.Step(100)
		}
		if done {
			Send(ctx, state.Simulated{Rev: e.Rev, Done: 1, Ranges: sim.Result()})
			return
		}
		if time.Since(reported) >= simReportEvery {
			reported = time.Now()
			Send(ctx, state.Simulated{Rev: e.Rev, Done: sim.Progress()})
		} else {
			// A slice with nothing to report: the dispatch that ran it
			// asked for the page to render again; without this, every
			// slice would render the whole page.
			ctx.PreventUpdate()
		}
		b.idle(slice)
	}
	b.idle(slice)
}

// stopSimulation stops the simulation that runs, if any.
func (b *Browser) stopSimulation() { b.simGen++ }

// idle runs f on the UI goroutine, in the root's context, when the
// browser is next idle (or after 200 ms at the latest); where there is no
// requestIdleCallback, after the browser's own pending work (a zero
// setTimeout), so that a run of slices still gives the page the thread
// between them.
func (b *Browser) idle(f func(app.Context)) {
	w := app.Window()
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		cb.Release()
		b.ctx.Dispatch(f)
		return nil
	})
	if !w.Get("requestIdleCallback").Truthy() {
		w.Call("setTimeout", cb, 0)
		return
	}
	w.Call("requestIdleCallback", cb, map[string]any{"timeout": 200})
}
