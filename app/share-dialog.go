package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// shareDialog offers the link that carries the whole assessment.
func shareDialog(v view, s state.Share) app.UI {
	return app.Div().Class("overlay").Body(
		app.Div().ID("share").Class("dialog card").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "share-title").Body(
			app.H2().ID("share-title").Text(v.t(i18n.ShareTitle)),
			iff(s.Err != "", func() app.UI {
				return app.P().Class("field-error").Text(s.Err)
			}).Else(func() app.UI {
				return app.Div().Class("share-body").Body(
					app.P().Class("muted").Text(v.t(i18n.ShareExplain)),
					app.Label().For("share-link").Class("setting-label").Text(v.t(i18n.Link)),
					&shareLink{Link: s.Link},
					iff(len(s.Link) > 2000, func() app.UI {
						return app.P().ID("share-long").Class("hint").Text(v.t(i18n.ShareLong, len(s.Link)))
					}),
					app.P().ID("share-status").Class("hint").Aria("live", "polite").Text(s.Status),
				)
			}),
			app.Div().Class("dialog-actions").Body(
				iff(s.Err == "", func() app.UI {
					return &button{ID: "copy-link", Class: "btn btn-primary", AutoFocus: true, Text: v.t(i18n.CopyLink), Action: state.CopyLink{}}
				}),
				&button{ID: "share-close", Class: "btn", Text: v.t(i18n.Close), Action: state.ClosePanel{}},
			),
		),
	)
}

// shareLink is the link's field: focused, it selects the whole link.
type shareLink struct {
	app.Compo
	Link string
}

func (l *shareLink) Render() app.UI {
	return app.Input().ID("share-link").Class("input share-link").ReadOnly(true).Value(l.Link).OnFocus(l.selectAll)
}

func (l *shareLink) selectAll(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }
