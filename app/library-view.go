package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

// renderLibrary is the assessments panel: start a new one from a template,
// open, rename, duplicate or delete a saved one (with undo).
func (e *Editor) renderLibrary() app.UI {
	return app.Div().Class("overlay").Body(
		app.Div().ID("library").Class("dialog card library").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "library-title").Body(
			app.Div().Class("section-head").Body(
				app.H2().ID("library-title").Text("Assessments"),
				app.Button().ID("library-close").Class("btn").AutoFocus(true).Text("Close").
					OnClick(func(ctx app.Context, ev app.Event) { e.panel = "" }),
			),
			app.H3().Text("Start a new one"),
			app.Ul().Class("template-list").Body(
				e.templateButton(blankTemplate, "Blank assessment", "Score mode, 1–5 scale, no items: build your own."),
				app.Range(examples.List()).Slice(func(i int) app.UI {
					t := examples.List()[i]
					return e.templateButton(t.ID, t.Title, t.Description)
				}),
			),
			app.H3().Text("Saved on this device"),
			iff(len(e.list) == 0, func() app.UI {
				return app.P().Class("muted").Text("Nothing saved yet. Assessments are saved here as you edit them, and never leave this device.")
			}),
			app.Ul().ID("saved-list").Class("saved-list").Body(
				app.Range(e.list).Slice(func(i int) app.UI { return e.renderSaved(e.list[i]) }),
			),
			iff(len(e.setAside) > 0, func() app.UI {
				return app.Div().Body(
					app.H3().Text("Set aside: could not be opened"),
					app.Ul().ID("set-aside-list").Class("saved-list").Body(
						app.Range(e.setAside).Slice(func(i int) app.UI {
							d := e.setAside[i]
							return app.Li().Class("saved").Body(
								app.Span().Class("saved-info").Text(damagedName(d)),
								app.Div().Class("row-actions").Body(
									app.Button().ID("set-aside-download-"+d.ID).Class("btn btn-small").Text("Download").
										OnClick(e.on("set-aside-download-"+d.ID, "click", func(ctx app.Context, ev app.Event) {
											download("valuecalc-damaged-"+d.ID+".txt", "text/plain;charset=utf-8", []byte(d.Data))
										})),
									app.Button().ID("set-aside-delete-"+d.ID).Class("btn btn-small btn-danger").Text("Delete for good").
										OnClick(e.on("set-aside-delete-"+d.ID, "click", func(ctx app.Context, ev app.Event) {
											if err := e.lib.DeleteDamaged(d.ID); err != nil {
												e.say(ctx, notice{Text: err.Error(), IsErr: true})
											}
											e.refreshSetAside()
										})),
								),
							)
						}),
					),
				)
			}),
		),
	)
}

func (e *Editor) templateButton(id, title, desc string) app.UI {
	return app.Li().Body(
		app.Button().ID("new-"+id).Class("template").
			OnClick(func(ctx app.Context, ev app.Event) {
				e.save()
				e.newFromTemplate(ctx, id)
				e.panel = ""
			}).Body(
			app.Strong().Text(title),
			app.Span().Class("muted").Text(desc),
		),
	)
}

func (e *Editor) renderSaved(meta Meta) app.UI {
	open := meta.ID == e.docID
	updated := time.UnixMilli(meta.Updated).Format("2 Jan 2006, 15:04")
	return app.Li().Class("saved"+cls(" current", open)).DataSet("doc", meta.ID).Body(
		app.Div().Class("saved-info").Body(
			app.Strong().Class("saved-title").Text(meta.Title),
			app.Span().Class("muted").Text("Edited "+updated+cls(" · open now", open)),
		),
		app.Div().Class("row-actions").Body(
			app.Button().Class("btn btn-small").ID("open-"+meta.ID).Disabled(open).Text("Open").
				OnClick(e.on("open-"+meta.ID, "click", func(ctx app.Context, ev app.Event) {
					e.save()
					if err := e.load(ctx, meta.ID); err != nil {
						e.say(ctx, notice{Text: "Could not open “" + meta.Title + "”: " + err.Error(), IsErr: true})
						return
					}
					e.panel = ""
				})),
			app.Button().Class("btn btn-small").ID("rename-"+meta.ID).Text("Rename").
				OnClick(e.on("rename-"+meta.ID, "click", func(ctx app.Context, ev app.Event) { e.renameSaved(ctx, meta) })),
			app.Button().Class("btn btn-small").ID("duplicate-"+meta.ID).Text("Duplicate").
				OnClick(e.on("duplicate-"+meta.ID, "click", func(ctx app.Context, ev app.Event) { e.duplicateSaved(ctx, meta) })),
			app.Button().Class("btn btn-small btn-danger").ID("delete-"+meta.ID).Text("Delete").
				OnClick(e.on("delete-"+meta.ID, "click", func(ctx app.Context, ev app.Event) { e.deleteSaved(ctx, meta) })),
		),
	)
}

// renameSaved asks for a new title with the browser's prompt.
func (e *Editor) renameSaved(ctx app.Context, meta Meta) {
	v := app.Window().Call("prompt", "New title for “"+meta.Title+"”", meta.Title)
	if !v.Truthy() {
		return
	}
	title := v.String()
	if _, err := fieldAction(calc.Model{}, "title", title, nil); err != nil {
		e.say(ctx, notice{Text: capitalize(err.Error()) + ".", IsErr: true})
		return
	}
	if meta.ID == e.docID {
		e.apply(ctx, SetTitle{title})
		e.save()
		return
	}
	e.editSaved(ctx, meta.ID, func(m *calc.Model) { m.Title = title })
}

// editSaved changes an assessment that is not open, in place.
func (e *Editor) editSaved(ctx app.Context, id string, edit func(*calc.Model)) {
	m, rev, err := e.lib.Load(id)
	if err == nil {
		edit(&m)
		_, err = e.lib.Save(id, m, rev, time.Now().UnixMilli())
	}
	if err != nil {
		e.say(ctx, notice{Text: err.Error(), IsErr: true})
	}
	e.refreshList()
}

func (e *Editor) duplicateSaved(ctx app.Context, meta Meta) {
	e.save()
	m, _, err := e.lib.Load(meta.ID)
	if err == nil {
		m.Title = copyName(m.Title)
		_, err = e.lib.Save(newDocID(), m, 0, time.Now().UnixMilli())
	}
	if err != nil {
		e.say(ctx, notice{Text: err.Error(), IsErr: true})
	}
	e.refreshList()
}

// deleteSaved removes an assessment and offers to bring it back. Deleting
// the open one opens the next, or a blank one.
func (e *Editor) deleteSaved(ctx app.Context, meta Meta) {
	m, _, loadErr := e.lib.Load(meta.ID)
	if err := e.lib.Delete(meta.ID); err != nil {
		e.say(ctx, notice{Text: err.Error(), IsErr: true})
		return
	}
	e.refreshList()
	if meta.ID == e.docID {
		e.dirty = false
		if next := firstID(e.list); next == "" || e.load(ctx, next) != nil {
			e.newFromTemplate(ctx, blankTemplate)
		}
	}
	n := notice{Text: "Deleted “" + meta.Title + "”."}
	if loadErr == nil {
		n.Undo = func(ctx app.Context) {
			if _, err := e.lib.Save(meta.ID, m, 0, meta.Updated); err != nil {
				e.say(ctx, notice{Text: err.Error(), IsErr: true})
			}
			e.refreshList()
		}
	}
	e.say(ctx, n)
}

// renderDamaged tells the user which saved records could not be opened and
// were set aside, and offers their data.
func (e *Editor) renderDamaged() app.UI {
	return app.Div().ID("damaged").Class("banner banner-warn").Attr("role", "alert").Body(
		app.Div().Body(
			app.P().Text(plural(len(e.damaged), "saved item")+" could not be opened and "+isAre(len(e.damaged))+
				" set aside. Nothing was deleted: download the data to keep it or to send it to us."),
			app.Ul().ID("damaged-list").Class("problems").Body(
				app.Range(e.damaged).Slice(func(i int) app.UI {
					d := e.damaged[i]
					return app.Li().Text(damagedName(d) + ": " + d.Reason)
				}),
			),
		),
		app.Div().Class("banner-actions").Body(
			app.Button().ID("damaged-download").Class("btn").Text("Download the data").
				OnClick(func(ctx app.Context, ev app.Event) {
					for _, d := range e.damaged {
						download("valuecalc-damaged-"+d.ID+".txt", "text/plain;charset=utf-8", []byte(d.Data))
					}
				}),
			app.Button().ID("damaged-dismiss").Class("btn").Text("Dismiss").
				OnClick(func(ctx app.Context, ev app.Event) { e.damaged = nil }),
		),
	)
}

func damagedName(d Damaged) string {
	switch {
	case d.ID == "index":
		return "The list of assessments (rebuilt from the assessments themselves)"
	case d.Title != "":
		return "“" + d.Title + "”"
	}
	return "Assessment " + d.ID
}

func isAre(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}
