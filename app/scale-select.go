package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// scaleSelect chooses the score scale.
type scaleSelect struct {
	app.Compo
	Preset string
}

func (s *scaleSelect) Render() app.UI {
	return app.Select().ID("f-scale").Class("select").OnChange(s.change).Body(
		app.Option().Value("1-5").Selected(s.Preset == "1-5").Text("1 to 5"),
		app.Option().Value("1-10").Selected(s.Preset == "1-10").Text("1 to 10"),
		app.Option().Value("custom").Selected(s.Preset == "custom").Text("Custom range"),
	)
}

func (s *scaleSelect) change(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.ScalePreset{Value: ctx.JSSrc().Get("value").String()})
}
