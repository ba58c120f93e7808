// Command hello is the baseline of valuecalc's performance budget: the
// smallest useful go-app v10 app, one component with a heading and a text
// input echoed into a paragraph, built with exactly valuecalc's wasm flags
// and laid out like valuecalc (see doc.go).
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello echoes what is typed.
type hello struct {
	app.Compo
	text string
}

// OnMount marks the page interactive exactly as valuecalc's editor does,
// so that "ready" means the same for both apps.
func (h *hello) OnMount(ctx app.Context) {
	app.Window().Get("document").Get("body").Call("setAttribute", "data-ready", "1")
}

func (h *hello) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("Hello"),
		app.Input().ID("name").Type("text").Value(h.text).Aria("label", "Your name").
			OnInput(func(ctx app.Context, e app.Event) { h.text = ctx.JSSrc().Get("value").String() }),
		app.P().ID("echo").Text(h.text),
	)
}

// register declares the routes; the browser and the generator both call it.
func register() {
	app.Route("/", func() app.Composer { return &hello{} })
}
