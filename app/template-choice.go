package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// templateChoice starts a new assessment from a template.
type templateChoice struct {
	app.Compo
	ID, Title, Description string
}

func (t *templateChoice) Render() app.UI {
	return app.Button().ID("new-"+t.ID).Class("template").OnClick(t.click).Body(
		app.Strong().Text(t.Title),
		app.Span().Class("muted").Text(t.Description),
	)
}

func (t *templateChoice) click(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.NewFromTemplate{ID: t.ID})
}
