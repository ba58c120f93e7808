package browser

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// simSlice is how long one slice of a simulation runs when the browser
// does not say how long it will stay idle: well under a frame, so that
// typing stays fluid while a large model's ranges are simulated.
// maxSlice bounds a slice in a longer idle period (Chrome's are up to
// 50 ms); a slice ends sooner when input is pending.
const (
	simSlice = 6 * time.Millisecond
	maxSlice = 40 * time.Millisecond
)

// simReportEvery is how often a simulation reports its progress at most.
// Each report renders the page again, which on the largest models costs
// as much as a slice or more: four times a second moves the bar visibly.
const simReportEvery = 250 * time.Millisecond

// simulate runs the simulation of e.Model's ranges a slice at a time, in
// the browser's idle time, and reports its progress and result. A later
// Simulate replaces it, and StopSimulation (an edit) stops it: its next
// slice sees that it is no longer the current one, and ends.
func (b *Browser) simulate(e state.Simulate) {
	sim := calc.NewSimulation(e.Model)
	b.ctx.SetState(progressState, 0.0) // a bar left by a run before starts again, as the state's (Analyze)
	b.simGen++
	gen := b.simGen
	var slice func(app.Context, time.Duration)
	reported := time.Now()
	slice = func(ctx app.Context, budget time.Duration) {
		if b.simGen != gen {
			ctx.PreventUpdate() // stopped or replaced: nothing to show
			return
		}
		start := time.Now()
		done := false
		for !done && time.Since(start) < budget && !inputPending() {
			done = sim.Step(100)
		}
		if done {
			Send(ctx, state.Simulated{Rev: e.Rev, Done: 1, Ranges: sim.Result()})
			return
		}
		// A render of the whole page for a progress bar, on a 200 x 50
		// model, took most of the time the simulation had (10 % in
		// 10 s): the page is not rendered for a slice or its progress.
		// The state's progress goes to the progress bars alone
		// (ObserveProgress), which go-app renders by themselves.
		ctx.PreventUpdate()
		if time.Since(reported) >= simReportEvery {
			reported = time.Now()
			st := b.now(state.Simulated{Rev: e.Rev, Done: sim.Progress()})
			ctx.SetState(progressState, st.SimProgress)
		}
		b.idle(slice)
	}
	b.idle(slice)
}

// stopSimulation stops the simulation that runs, if any.
func (b *Browser) stopSimulation() { b.simGen++ }

// idle runs f on the UI goroutine, in the root's context, when the
// browser is next idle (or after 200 ms at the latest), with the time it
// may take: what is left of the idle period, from simSlice to maxSlice.
// Chrome runs one idle callback per idle period however short the
// callback, so a fixed 6 ms slice used ~6 of every 50 ms of an idle
// page. Where there is no requestIdleCallback, f runs after the
// browser's own pending work (a zero setTimeout) for simSlice, so that a
// run of slices still gives the page the thread between them.
func (b *Browser) idle(f func(app.Context, time.Duration)) {
	w := app.Window()
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		cb.Release()
		budget := simSlice
		if len(args) > 0 && args[0].Truthy() && !args[0].Get("didTimeout").Bool() {
			left := time.Duration(args[0].Call("timeRemaining").Float() * float64(time.Millisecond))
			budget = min(max(left, simSlice), maxSlice)
		}
		b.ctx.Dispatch(func(ctx app.Context) { f(ctx, budget) })
		return nil
	})
	if !w.Get("requestIdleCallback").Truthy() {
		w.Call("setTimeout", cb, 0)
		return
	}
	w.Call("requestIdleCallback", cb, map[string]any{"timeout": 200})
}

// inputPending reports whether the user has typed or clicked since the
// slice began and the page should have the thread back (Chrome's
// navigator.scheduling.isInputPending; false where there is none).
func inputPending() bool {
	if !pendingLooked {
		pendingLooked = true
		if s := app.Window().Get("navigator").Get("scheduling"); s.Truthy() && s.Get("isInputPending").Truthy() {
			scheduling = s
		}
	}
	return scheduling != nil && scheduling.Call("isInputPending").Bool()
}

// scheduling is navigator.scheduling where it has isInputPending.
var (
	scheduling    app.Value
	pendingLooked bool
)

// progressState names the go-app state that carries State.SimProgress to
// the progress bars between renders of the page (simulate).
const progressState = "valuecalc/sim-progress"

// ObserveProgress keeps *p, a progress bar's figure, to the state's
// SimProgress as a simulation reports it, and renders the bar's component
// alone when it moves.
func ObserveProgress(ctx app.Context, p *float64) { ctx.ObserveState(progressState, p) }
