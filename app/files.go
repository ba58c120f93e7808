package app

import (
	"errors"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// download hands data to the browser as a file called name.
func download(name, mime string, data []byte) {
	arr := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	blob := app.Window().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := app.Window().Get("URL").Call("createObjectURL", blob)
	doc := app.Window().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// The download has its own copy once it starts; free the blob later.
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		app.Window().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	app.Window().Call("setTimeout", revoke, 60000)
}

func (e *Editor) exportJSON(ctx app.Context) {
	m := e.hist.Present()
	data, err := calc.Encode(m)
	if err != nil {
		e.say(ctx, notice{Text: "Could not export: " + errString(err), IsErr: true})
		return
	}
	download(jsonFileName(m.Title), "application/json", data)
	e.say(ctx, notice{Text: "Exported “" + m.Title + "” as a valuecalc file."})
}

func (e *Editor) exportCSV(ctx app.Context) {
	m := e.hist.Present()
	download(csvFileName(m.Title), "text/csv;charset=utf-8", exportCSV(m, e.result))
	e.say(ctx, notice{Text: "Exported the comparison as a CSV file."})
}

// readFile reads a File object's text and hands it to done on the UI
// goroutine. Files over the format's size limit are refused unread.
func (e *Editor) readFile(ctx app.Context, file app.Value) {
	name := file.Get("name").String()
	if size := file.Get("size").Int(); size > calc.MaxInputSize {
		e.importFailed("“"+name+"” is "+strconv.Itoa(size/(1<<20))+" MB; a valuecalc file is at most 5 MB. Nothing was imported.", nil)
		return
	}
	var done, failed app.Func
	release := func() { done.Release(); failed.Release() }
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := args[0].String()
		e.ctx.Dispatch(func(ctx app.Context) { e.importText(ctx, name, text) })
		release()
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		e.ctx.Dispatch(func(ctx app.Context) {
			e.importFailed("“"+name+"” could not be read. Nothing was imported.", nil)
		})
		release()
		return nil
	})
	file.Call("text").Call("then", done, failed)
}

// importText adds a valuecalc file as a new assessment and opens it. An
// invalid file changes nothing: every problem is listed in the files panel.
func (e *Editor) importText(ctx app.Context, name, text string) {
	m, err := calc.Decode([]byte(text))
	if err != nil {
		msg, probs := importError(name, err)
		e.importFailed(msg, probs)
		return
	}
	e.save()
	e.show(ctx, newDocID(), m, 0, false)
	e.dirty = true
	e.save()
	e.importErr, e.importList, e.panel, e.view = "", nil, "", ""
	clearFragment()
	e.say(ctx, notice{Text: "Imported “" + m.Title + "” from " + name + " as a new assessment."})
}

func (e *Editor) importFailed(msg string, problems []string) {
	e.importErr, e.importList, e.panel = msg, problems, "files"
}

// importError explains why a file was not imported.
func importError(name string, err error) (string, []string) {
	if probs, ok := asProblems(err); ok {
		if len(probs) == 1 && errors.Is(probs[0], calc.ErrSyntax) {
			return "“" + name + "” is not a valuecalc file: " + probs[0].Error() + ". Nothing was imported.", nil
		}
		return "“" + name + "” was not imported: it has " + plural(len(probs), "problem") + ". Nothing was changed.", problemTexts(probs)
	}
	return "“" + name + "” was not imported: " + err.Error(), nil
}

// onImportPick handles the file picker.
func (e *Editor) onImportPick(ctx app.Context, ev app.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	e.readFile(ctx, files.Index(0))
	ctx.JSSrc().Set("value", "") // picking the same file again fires again
}

// listenDrops imports a file dropped anywhere on the page.
func (e *Editor) listenDrops(ctx app.Context) {
	hasFiles := func(ev app.Value) bool {
		dt := ev.Get("dataTransfer")
		if !dt.Truthy() {
			return false
		}
		types := dt.Get("types")
		for i := 0; i < types.Length(); i++ {
			if types.Index(i).String() == "Files" {
				return true
			}
		}
		return false
	}
	win := app.Window()
	e.addListener(win, "dragover", func(ev app.Value) {
		if !hasFiles(ev) || e.shared || e.em.on {
			return
		}
		ev.Call("preventDefault")
		ev.Get("dataTransfer").Set("dropEffect", "copy")
		if !e.dragging {
			ctx.Dispatch(func(ctx app.Context) { e.dragging = true })
		}
	})
	e.addListener(win, "dragleave", func(ev app.Value) {
		// Leaving the window, not moving between elements.
		if !ev.Get("relatedTarget").Truthy() {
			ctx.Dispatch(func(ctx app.Context) { e.dragging = false })
		}
	})
	e.addListener(win, "drop", func(ev app.Value) {
		if !hasFiles(ev) || e.shared || e.em.on {
			return
		}
		ev.Call("preventDefault")
		files := ev.Get("dataTransfer").Get("files")
		ctx.Dispatch(func(ctx app.Context) {
			e.dragging = false
			if files.Length() > 0 {
				e.readFile(ctx, files.Index(0))
			}
		})
	})
}

// renderFiles is the dialog to export and import files.
func (e *Editor) renderFiles() app.UI {
	return app.Div().Class("overlay").Body(
		app.Div().ID("files").Class("dialog card").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "files-title").Body(
			app.Div().Class("section-head").Body(
				app.H2().ID("files-title").Text("Files"),
				app.Button().ID("files-close").Class("btn").Text("Close").
					OnClick(func(ctx app.Context, ev app.Event) { e.panel = "" }),
			),
			app.H3().Text("Export"),
			app.Div().Class("file-actions").Body(
				app.Button().ID("export-json").Class("btn").AutoFocus(true).Text("Download valuecalc file (.json)").
					OnClick(func(ctx app.Context, ev app.Event) { e.exportJSON(ctx) }),
				app.Button().ID("export-csv").Class("btn").Text("Download comparison (.csv)").
					OnClick(func(ctx app.Context, ev app.Event) { e.exportCSV(ctx) }),
			),
			app.P().Class("hint muted").Text("The valuecalc file keeps everything and can be imported again here or on another device. "+
				"The CSV file has one row per item and scenario, and the totals, for spreadsheets."),
			app.H3().Text("Import"),
			app.Div().Class("file-actions").Body(
				app.Button().ID("import-button").Class("btn btn-primary").Aria("describedby", "import-help").Text("Import a valuecalc file…").
					OnClick(func(ctx app.Context, ev app.Event) {
						app.Window().GetElementByID("import-file").Call("click")
					}),
				app.Input().Type("file").ID("import-file").Class("sr-only").TabIndex(-1).Aria("hidden", "true").
					Accept(".json,application/json").OnChange(e.onImportPick),
			),
			app.P().ID("import-help").Class("hint muted").Text("Or drop a .json file anywhere on the page. It opens as a new assessment; nothing you have is replaced."),
			iff(e.importErr != "", func() app.UI {
				return app.Div().ID("import-error").Class("banner banner-error").Attr("role", "alert").Body(
					app.Div().Body(
						app.P().Text(e.importErr),
						iff(len(e.importList) > 0, func() app.UI { return problemList("import-problems", e.importList) }),
					),
				)
			}),
		),
	)
}
