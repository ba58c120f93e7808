package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
)

// framedPage is all the app shows when another site's page frames it
// without ?embed=1 (app/state/framed.go): the brand, why nothing else
// shows, and a link that opens the app in a tab of its own.
func framedPage(v view) app.UI {
	st := v.st
	name := st.Brand.Title()
	return app.Div().ID("framed").Class("page framed").Body(
		app.Header().Class("topbar").Body(brandMark(st.Brand, "brand")),
		app.Main().ID("main").Class("content framed-main").Body(
			app.H1().ID("framed-title").Text(v.t(i18n.FramedHeading, name)),
			app.P().Text(v.t(i18n.FramedText, name)),
			app.P().Body(
				app.A().ID("open-own-tab").Class("btn btn-primary").Href(st.FramedLink).Target("_blank").Rel("noopener").
					Text(v.t(i18n.FramedOpen, name)),
			),
		),
	)
}
