package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// langMenu chooses the interface's language. Each language is named in
// itself ("Deutsch"), so that someone who cannot read the current one
// finds their own.
type langMenu struct {
	app.Compo
	Lang i18n.Lang
}

func (m *langMenu) Render() app.UI {
	return app.Div().Class("lang-menu").Body(
		app.Label().For("lang-menu").Class("sr-only").Text(m.Lang.T(i18n.Language)),
		app.Select().ID("lang-menu").Class("select select-small").Title(m.Lang.T(i18n.Language)).OnChange(m.change).Body(
			app.Range(i18n.All).Slice(func(i int) app.UI {
				l := i18n.All[i]
				return app.Option().Value(string(l)).Lang(string(l)).Selected(l == m.Lang).Text(l.Name())
			}),
		),
	)
}

func (m *langMenu) change(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.SetLang{Lang: i18n.Lang(ctx.JSSrc().Get("value").String())})
}
