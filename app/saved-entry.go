package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// savedEntry is a saved assessment of the library.
type savedEntry struct {
	app.Compo
	Meta state.Meta
	Open bool // the one on screen
}

func (s *savedEntry) Render() app.UI {
	meta := s.Meta
	updated := time.UnixMilli(meta.Updated).Format("2 Jan 2006, 15:04")
	return app.Li().Class("saved"+cls(" current", s.Open)).DataSet("doc", meta.ID).Body(
		app.Div().Class("saved-info").Body(
			app.Strong().Class("saved-title").Text(meta.Title),
			app.Span().Class("muted").Text("Edited "+updated+cls(" · open now", s.Open)),
		),
		app.Div().Class("row-actions").Body(
			&button{ID: "open-" + meta.ID, Class: "btn btn-small", Disabled: s.Open, Text: "Open", Action: state.OpenSaved{ID: meta.ID}},
			app.Button().Class("btn btn-small").ID("rename-"+meta.ID).Text("Rename").OnClick(s.rename),
			&button{ID: "duplicate-" + meta.ID, Class: "btn btn-small", Text: "Duplicate", Action: state.DuplicateSaved{ID: meta.ID}},
			&button{ID: "delete-" + meta.ID, Class: "btn btn-small btn-danger", Text: "Delete", Action: state.DeleteSaved{ID: meta.ID}},
		),
	)
}

// rename asks for a new title with the browser's prompt.
func (s *savedEntry) rename(ctx app.Context, e app.Event) {
	if title, ok := browser.Prompt("New title for “"+s.Meta.Title+"”", s.Meta.Title); ok {
		browser.Send(ctx, state.RenameSaved{ID: s.Meta.ID, Title: title})
	}
}
