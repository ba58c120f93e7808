// Package app is valuecalc's user interface: go-app components rendered in
// the browser from WebAssembly, and prerendered on the server for the static
// site. Everything that does not need the DOM (state, reducer, formatting)
// is plain Go, tested natively.
package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Register declares the app's routes. Both the browser (app.wasm) and the
// server (prerendering, static site generation) call it before anything
// else.
func Register() {
	app.Route("/", func() app.Composer { return &Editor{} })
}
