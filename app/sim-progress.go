package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
)

// simProgress is the ranges' simulation's progress bar: the state's
// SimProgress. While a simulation runs the page is not rendered for each
// report of its progress, which slowed typing on large models
// (docs/PERFORMANCE.md): the browser hands the state's figure to this
// component alone (browser.ObserveProgress), and go-app updates one
// attribute.
type simProgress struct {
	app.Compo
	ID    string
	Value float64
}

func (p *simProgress) OnMount(ctx app.Context) { browser.ObserveProgress(ctx, &p.Value) }

func (p *simProgress) Render() app.UI {
	return app.Progress().ID(p.ID).Max(1).Value(p.Value)
}
