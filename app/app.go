// Package app is valuecalc's user interface: go-app components that show
// the state of package state and send it actions. The root component owns
// the store; package browser runs the effects (docs/ARCHITECTURE.md).
package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// Register declares the app's routes. Both the browser (app.wasm) and the
// server (prerendering, static site generation) call it before anything
// else.
func Register() { RegisterBrand(state.Brand{}) }

// RegisterBrand is Register for a server that prerenders a brand's pages:
// app.wasm reads its brand from the environment the build wrote, the
// server is given it here.
func RegisterBrand(b state.Brand) {
	app.Route("/", func() app.Composer { return &root{brand: b} })
}

// root is the calculator: it owns the store, reduces every action, hands
// the effects to the browser and renders the state.
type root struct {
	app.Compo

	store   state.Store
	browser *browser.Browser
	num     *browser.Numbers
	brand   state.Brand    // the server's, to prerender with
	start   state.Start    // what the store started from
	pending []state.Effect // the start's browser effects, run once mounted
	typed   browser.Typed  // typed into the prerendered page before app.wasm ran
	pre     bool           // rendering on the server, for a prerendered page
}

// OnInit starts the store in the browser, before the first render: the
// tree go-app mounts in place of the prerendered page is then the same
// page, not an "Opening…" placeholder that a later frame replaces.
func (r *root) OnInit() {
	if app.IsServer {
		return
	}
	r.typed = browser.ReadTyped() // the prerendered page is still there
	r.store = state.Store{Lib: state.Library{Store: browser.LocalStorage{}}, Now: browser.Now}
	r.start = browser.StartAction()
	r.pending = r.store.Dispatch(r.start)
	r.firstWindow()
	r.num = r.num.For(r.store.State.Lang, r.store.State.Model())
}

// OnPreRender renders the page the server is asked for, at build time: the
// template or embed its address names, over an empty library, in English.
// A share link's fragment never reaches the server (web/prerender.js).
func (r *root) OnPreRender(ctx app.Context) {
	u := ctx.Page().URL()
	r.pre = app.IsServer // OnPreRender runs on the server alone; never cap a browser's page
	r.store = state.Store{Lib: state.Library{Store: state.MemStorage{}}, Now: func() int64 { return 0 }}
	r.store.Dispatch(state.Start{Query: u.RawQuery, Base: u.Path, Seed: 1, Langs: []string{"en"}, Brand: r.brand})
	r.num = r.num.For(r.store.State.Lang, r.store.State.Model())
}

// OnMount listens to the window, runs what the start asked of the
// browser, and replays what was typed before app.wasm ran.
func (r *root) OnMount(ctx app.Context) {
	browser.Serve(ctx, r.dispatch)
	r.browser = browser.Listen(ctx, r.start, func(a state.Action) state.State {
		r.dispatch(a)
		return r.store.State
	})
	r.browser.RunRendered(r.pending) // the state the root was mounted with
	r.pending = nil
	r.typed.Replay()
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
	r.firstWindow()
	r.num = r.num.For(r.store.State.Lang, r.store.State.Model())
}

// firstWindow gives a model that has become large (opened, loaded,
// imported) while the whole grid showed its first screens only, before it
// renders: rendering every row of 1,000 items × 50 scenarios took half a
// minute. The browser moves the window from there (browser.watchGrid); a
// small model shows whole.
func (r *root) firstWindow() {
	st := &r.store.State
	m := st.Model()
	if st.Window == (state.GridWindow{}) && browser.Windowed(len(m.Items), len(m.Scenarios)) {
		r.store.Dispatch(browser.FirstWindow(len(m.Items), len(m.Scenarios)))
	}
}

// Render draws the calculator from the state.
func (r *root) Render() app.UI {
	if !r.store.State.Started {
		return opening(r.store.State.Lang, r.store.State.Brand.Title()) // the brand's once Start has brought it
	}
	return page(view{st: &r.store.State, n: r.num, pre: r.pre})
}
