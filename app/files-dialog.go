package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// filesDialog exports the assessment and imports files.
func filesDialog(p state.Problem) app.UI {
	return app.Div().Class("overlay").Body(
		app.Div().ID("files").Class("dialog card").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "files-title").Body(
			app.Div().Class("section-head").Body(
				app.H2().ID("files-title").Text("Files"),
				&button{ID: "files-close", Class: "btn", Text: "Close", Action: state.ClosePanel{}},
			),
			app.H3().Text("Export"),
			app.Div().Class("file-actions").Body(
				&button{ID: "export-json", Class: "btn", AutoFocus: true, Text: "Download valuecalc file (.json)", Action: state.ExportJSON{}},
				&button{ID: "export-csv", Class: "btn", Text: "Download comparison (.csv)", Action: state.ExportCSV{}},
			),
			app.P().Class("hint muted").Text("The valuecalc file keeps everything and can be imported again here or on another device. "+
				"The CSV file has one row per item and scenario, and the totals, for spreadsheets."),
			app.H3().Text("Import"),
			&importPicker{},
			app.P().ID("import-help").Class("hint muted").Text("Or drop a .json file anywhere on the page. It opens as a new assessment; nothing you have is replaced."),
			iff(p.Text != "", func() app.UI {
				return app.Div().ID("import-error").Class("banner banner-error").Attr("role", "alert").Body(
					app.Div().Body(
						app.P().Text(p.Text),
						iff(len(p.List) > 0, func() app.UI { return problemDetails("import-problems", p.List, p.Detail) }),
					),
				)
			}),
		),
	)
}

// importPicker is the import button and the file input behind it.
type importPicker struct{ app.Compo }

func (i *importPicker) Render() app.UI {
	return app.Div().Class("file-actions").Body(
		app.Button().ID("import-button").Class("btn btn-primary").Aria("describedby", "import-help").
			Text("Import a valuecalc file…").OnClick(i.open),
		app.Input().Type("file").ID("import-file").Class("sr-only").TabIndex(-1).Aria("hidden", "true").
			Accept(".json,application/json").OnChange(i.picked),
	)
}

func (i *importPicker) open(ctx app.Context, e app.Event)   { browser.OpenPicker("import-file") }
func (i *importPicker) picked(ctx app.Context, e app.Event) { browser.ImportPicked(ctx) }
