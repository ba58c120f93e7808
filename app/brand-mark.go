package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
)

// brandMark is the deployment's logo and name (SPEC §10), valuecalc's own
// name when it has none. With a logo the image carries the name as its
// alt text and the name is written beside it too.
func brandMark(b state.Brand, id string) app.UI {
	if b.Logo == "" {
		return app.Span().ID(id).Class("brand").Text(b.Title())
	}
	return app.Span().ID(id).Class("brand brand-with-logo").Body(
		app.Img().Class("brand-logo").Src(b.Logo).Alt(b.Title()),
		app.Span().Class("brand-name").Aria("hidden", "true").Text(b.Title()),
	)
}
