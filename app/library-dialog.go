package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/examples"
)

// libraryDialog is the assessments panel: start a new one from a
// template; open, rename, duplicate or delete a saved one (with undo);
// download or drop the records set aside.
func libraryDialog(v view) app.UI {
	st := v.st
	return app.Div().Class("overlay").Body(
		app.Div().ID("library").Class("dialog card library").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "library-title").Body(
			app.Div().Class("section-head").Body(
				app.H2().ID("library-title").Text("Assessments"),
				&button{ID: "library-close", Class: "btn", AutoFocus: true, Text: "Close", Action: state.ClosePanel{}},
			),
			app.H3().Text("Start a new one"),
			app.Ul().Class("template-list").Body(
				templateButton(state.BlankTemplate, "Blank assessment", "Score mode, 1–5 scale, no items: build your own."),
				app.Range(examples.List()).Slice(func(i int) app.UI {
					t := examples.List()[i]
					return templateButton(t.ID, t.Title, t.Description)
				}),
			),
			app.H3().Text("Saved on this device"),
			iff(len(st.List) == 0, func() app.UI {
				return app.P().Class("muted").Text("Nothing saved yet. Assessments are saved here as you edit them, and never leave this device.")
			}),
			app.Ul().ID("saved-list").Class("saved-list").Body(
				app.Range(st.List).Slice(func(i int) app.UI { return &savedEntry{Meta: st.List[i], Open: st.List[i].ID == st.DocID} }),
			),
			iff(len(st.SetAside) > 0, func() app.UI {
				return app.Div().Body(
					app.H3().Text("Set aside: could not be opened"),
					app.Ul().ID("set-aside-list").Class("saved-list").Body(
						app.Range(st.SetAside).Slice(func(i int) app.UI {
							d := st.SetAside[i]
							return app.Li().Class("saved").Body(
								app.Span().Class("saved-info").Text(damagedName(d)),
								app.Div().Class("row-actions").Body(
									&button{ID: "set-aside-download-" + d.ID, Class: "btn btn-small", Text: "Download", Action: state.DownloadDamaged{ID: d.ID}},
									&button{ID: "set-aside-delete-" + d.ID, Class: "btn btn-small btn-danger", Text: "Delete for good", Action: state.DeleteDamaged{ID: d.ID}},
								),
							)
						}),
					),
				)
			}),
		),
	)
}

func templateButton(id, title, desc string) app.UI {
	return app.Li().Body(&templateChoice{ID: id, Title: title, Description: desc})
}

// templateChoice starts a new assessment from a template.
type templateChoice struct {
	app.Compo
	ID, Title, Description string
}

func (t *templateChoice) Render() app.UI {
	return app.Button().ID("new-"+t.ID).Class("template").OnClick(t.click).Body(
		app.Strong().Text(t.Title),
		app.Span().Class("muted").Text(t.Description),
	)
}

func (t *templateChoice) click(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.NewFromTemplate{ID: t.ID})
}

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
