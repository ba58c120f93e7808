package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// scenarioChoice chooses the tornado chart's scenario.
type scenarioChoice struct {
	app.Compo
	ID, Label, Value string
	Scenarios        []scenarioName
}

func (c *scenarioChoice) Render() app.UI {
	return app.Div().Class("inline-choice").Body(
		app.Label().For(c.ID).Class("sr-only").Text(c.Label),
		app.Select().ID(c.ID).Class("select select-small").OnChange(c.change).Body(
			app.Range(c.Scenarios).Slice(func(i int) app.UI {
				s := c.Scenarios[i]
				return app.Option().Value(s.ID).Selected(s.ID == c.Value).Text(s.Name)
			}),
		),
	)
}

func (c *scenarioChoice) change(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.ChooseTornado{ID: ctx.JSSrc().Get("value").String()})
}
