package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// filesDialog exports the assessment and imports files.
func filesDialog(v view, p state.Problem) app.UI {
	return app.Div().Class("overlay").Body(
		app.Div().ID("files").Class("dialog card").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "files-title").Body(
			app.Div().Class("section-head").Body(
				app.H2().ID("files-title").Text(v.t(i18n.Files)),
				&button{ID: "files-close", Class: "btn", Text: v.t(i18n.Close), Action: state.ClosePanel{}},
			),
			app.H3().Text(v.t(i18n.Export)),
			app.Div().Class("file-actions").Body(
				&button{ID: "export-json", Class: "btn", AutoFocus: true, Text: v.t(i18n.DownloadJSON), Action: state.ExportJSON{}},
				&button{ID: "export-csv", Class: "btn", Text: v.t(i18n.DownloadCSV), Action: state.ExportCSV{}},
			),
			app.P().Class("hint muted").Text(v.t(i18n.FilesExplain)),
			app.H3().Text(v.t(i18n.Import)),
			&importPicker{Lang: v.lang()},
			app.P().ID("import-help").Class("hint muted").Text(v.t(i18n.ImportHelp)),
			iff(p.Text != "", func() app.UI {
				return app.Div().ID("import-error").Class("banner banner-error").Attr("role", "alert").Body(
					app.Div().Body(
						app.P().Text(p.Text),
						iff(len(p.List) > 0, func() app.UI { return problemDetails(v.lang(), "import-problems", p.List, p.Detail, p.More) }),
					),
				)
			}),
		),
	)
}

// importPicker is the import button and the file input behind it.
type importPicker struct {
	app.Compo
	Lang i18n.Lang
}

func (i *importPicker) Render() app.UI {
	return app.Div().Class("file-actions").Body(
		app.Button().ID("import-button").Class("btn btn-primary").Aria("describedby", "import-help").
			Text(i.Lang.T(i18n.ImportButton)).OnClick(i.open),
		app.Input().Type("file").ID("import-file").Class("sr-only").TabIndex(-1).Aria("hidden", "true").
			Accept(".json,application/json").OnChange(i.picked),
	)
}

func (i *importPicker) open(ctx app.Context, e app.Event)   { browser.OpenPicker("import-file") }
func (i *importPicker) picked(ctx app.Context, e app.Event) { browser.ImportPicked(ctx) }
