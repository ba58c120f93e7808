package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
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
				app.H2().ID("library-title").Text(v.t(i18n.Assessments)),
				&button{ID: "library-close", Class: "btn", AutoFocus: true, Text: v.t(i18n.Close), Action: state.ClosePanel{}},
			),
			app.H3().Text(v.t(i18n.StartNew)),
			app.Ul().Class("template-list").Body(
				templateButton(state.BlankTemplate, v.t(i18n.BlankAssessment), v.t(i18n.BlankDescription)),
				app.Range(st.Templates()).Slice(func(i int) app.UI {
					t := st.Templates()[i]
					return templateButton(t.ID, t.Title, t.Description)
				}),
			),
			app.H3().Text(v.t(i18n.SavedOnDevice)),
			iff(len(st.List) == 0, func() app.UI {
				return app.P().Class("muted").Text(v.t(i18n.NothingSaved))
			}),
			app.Ul().ID("saved-list").Class("saved-list").Body(
				app.Range(st.List).Slice(func(i int) app.UI {
					return &savedEntry{Meta: st.List[i], Open: st.List[i].ID == st.DocID, Lang: st.Lang}
				}),
			),
			iff(len(st.SetAside) > 0, func() app.UI {
				return app.Div().Body(
					app.H3().Text(v.t(i18n.SetAside)),
					app.Ul().ID("set-aside-list").Class("saved-list").Body(
						app.Range(st.SetAside).Slice(func(i int) app.UI {
							d := st.SetAside[i]
							return app.Li().Class("saved").Body(
								app.Span().Class("saved-info").Text(damagedName(v.lang(), d)),
								app.Div().Class("row-actions").Body(
									&button{ID: "set-aside-download-" + d.ID, Class: "btn btn-small", Text: v.t(i18n.Download), Action: state.DownloadDamaged{ID: d.ID}},
									&button{ID: "set-aside-delete-" + d.ID, Class: "btn btn-small btn-danger", Text: v.t(i18n.DeleteForGood), Action: state.DeleteDamaged{ID: d.ID}},
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
