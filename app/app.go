// Package app is valuecalc's user interface: go-app components that show
// the state of package state and send it actions. The root component owns
// the store; package browser runs the effects (docs/ARCHITECTURE.md).
package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// Register declares the app's routes. Both the browser (app.wasm) and the
// server (prerendering, static site generation) call it before anything
// else.
func Register() {
	app.Route("/", func() app.Composer { return &root{} })
}

// root is the calculator: it owns the store, reduces every action, hands
// the effects to the browser and renders the state.
type root struct {
	app.Compo

	store   state.Store
	browser *browser.Browser
	num     *browser.Numbers
	mounted bool // OnMount has run: see opening
}

// OnMount starts the store from the page's address and the library, and
// listens to the window.
func (r *root) OnMount(ctx app.Context) {
	r.num = browser.NewNumbers()
	browser.Serve(ctx, r.dispatch)
	b, start := browser.Start(ctx, func(a state.Action) { r.dispatch(a) })
	r.browser = b
	r.store = state.Store{Lib: state.Library{Store: browser.LocalStorage{}}, Now: func() int64 { return time.Now().UnixMilli() }}
	r.mounted = true
	r.dispatch(start)
	browser.MarkReady()
}

// OnDismount stops listening to the window.
func (r *root) OnDismount() {
	if r.browser != nil {
		r.browser.Close()
	}
}

// OnAppUpdate is go-app telling that a new version is installed.
func (r *root) OnAppUpdate(ctx app.Context) {
	if r.browser.UpdateReady(ctx) {
		r.dispatch(state.UpdateAvailable{})
	}
}

// dispatch reduces a and runs the effects it asks for, then renders: it
// runs in go-app's loop, from an event of an element inside the root or
// from the root's own context, and go-app renders the root after either.
func (r *root) dispatch(a state.Action) {
	r.browser.Run(r.store.Dispatch(a))
	r.num.SetLang(r.store.State.Lang)
}

// Render draws the calculator from the state.
func (r *root) Render() app.UI {
	if !r.mounted || !r.store.State.Started {
		return opening(r.store.State.Lang, r.store.State.Brand.Title()) // the brand's once Start has brought it
	}
	return page(view{st: &r.store.State, n: r.num})
}
