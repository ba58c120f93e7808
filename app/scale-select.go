package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// scaleSelect chooses the score scale.
type scaleSelect struct {
	app.Compo
	Preset string
	Lang   i18n.Lang
}

func (s *scaleSelect) Render() app.UI {
	return app.Select().ID("f-scale").Class("select").OnChange(s.change).Body(
		app.Option().Value("1-5").Selected(s.Preset == "1-5").Text(s.Lang.T(i18n.ScaleOneFive)),
		app.Option().Value("1-10").Selected(s.Preset == "1-10").Text(s.Lang.T(i18n.ScaleOneTen)),
		app.Option().Value("custom").Selected(s.Preset == "custom").Text(s.Lang.T(i18n.ScaleCustom)),
	)
}

func (s *scaleSelect) change(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.ScalePreset{Value: ctx.JSSrc().Get("value").String()})
}
