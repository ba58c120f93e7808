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
	// Named by aria-label, not a visually hidden label: that one, placed
	// absolutely, would stick out of the top bar's sideways-scrolling
	// toolbar on a phone and make the whole page scroll sideways.
	return app.Div().Class("lang-menu").Body(
		app.Select().ID("lang-menu").Class("select select-small").Aria("label", m.Lang.T(i18n.Language)).
			Title(m.Lang.T(i18n.Language)).OnChange(m.change).Body(
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
