package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// savedEntry is a saved assessment of the library.
type savedEntry struct {
	app.Compo
	Meta state.Meta
	Open bool // the one on screen
	Lang i18n.Lang
}

func (s *savedEntry) Render() app.UI {
	meta := s.Meta
	l := s.Lang
	t := time.UnixMilli(meta.Updated)
	updated := l.Date(t.Format("2006-01-02")) + ", " + t.Format("15:04")
	return app.Li().Class("saved"+cls(" current", s.Open)).DataSet("doc", meta.ID).Body(
		app.Div().Class("saved-info").Body(
			app.Strong().Class("saved-title").Text(meta.Title),
			app.Span().Class("muted").Text(l.T(i18n.EditedAt, updated)+cls(l.T(i18n.OpenNow), s.Open)),
		),
		app.Div().Class("row-actions").Body(
			&button{ID: "open-" + meta.ID, Class: "btn btn-small", Disabled: s.Open, Text: l.T(i18n.Open), Action: state.OpenSaved{ID: meta.ID}},
			&button{ID: "rename-" + meta.ID, Class: "btn btn-small", Text: l.T(i18n.Rename), Dialog: true, Action: state.OpenRename{ID: meta.ID, Title: meta.Title}},
			&button{ID: "duplicate-" + meta.ID, Class: "btn btn-small", Text: l.T(i18n.Duplicate), Action: state.DuplicateSaved{ID: meta.ID}},
			&button{ID: "delete-" + meta.ID, Class: "btn btn-small btn-danger", Text: l.T(i18n.Delete), Action: state.DeleteSaved{ID: meta.ID}},
		),
	)
}
