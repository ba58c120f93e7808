package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// Render draws the whole calculator from the editor's state.
func (e *Editor) Render() app.UI {
	if !e.mounted {
		return e.renderOpening()
	}
	m := e.hist.Present()
	if e.view == "report" {
		return app.Div().Class("page-wrap").Body(
			e.renderReport(m),
			e.renderNotice(),
		)
	}
	if e.em.on {
		return app.Div().Class("page editor embed").Body(
			e.renderEmbedBar(m),
			app.Main().ID("main").Class("content").Body(
				&pane{E: e, Kind: paneSettings, Sig: e.settingsSig(m)},
				e.renderResults(m),
				&gridView{E: e, Rev: e.gridRev},
				e.renderCharts(m),
			),
			iff(e.explain != nil, func() app.UI { return e.renderExplain(m) }),
			iff(e.confirm != nil, func() app.UI { return e.renderConfirmMode(m) }),
			e.renderNotice(),
		)
	}
	return app.Div().Class("page editor"+cls(" dragging", e.dragging)+cls(" shared", e.shared)).Body(
		&pane{E: e, Kind: paneTopbar, Sig: e.topbarSig(m)},
		app.Main().ID("main").Class("content").Body(
			e.renderBanners(),
			editable(!e.shared, &pane{E: e, Kind: paneSettings, Sig: e.settingsSig(m)}),
			e.renderResults(m),
			editable(!e.shared, &gridView{E: e, Rev: e.gridRev}),
			e.renderCharts(m),
		),
		iff(e.panel == "library", func() app.UI { return e.renderLibrary() }),
		iff(e.panel == "share", func() app.UI { return e.renderShare() }),
		iff(e.panel == "files", func() app.UI { return e.renderFiles() }),
		iff(e.explain != nil, func() app.UI { return e.renderExplain(m) }),
		iff(e.confirm != nil, func() app.UI { return e.renderConfirmMode(m) }),
		iff(e.dragging, func() app.UI {
			return app.Div().ID("drop-hint").Class("drop-hint").Aria("hidden", "true").Text("Drop a valuecalc file to import it as a new assessment")
		}),
		e.renderNotice(),
	)
}

// editable wraps part of the editor in a fieldset that, when on is false,
// disables every control in it at once: a shared assessment is read-only.
func editable(on bool, ui app.UI) app.UI {
	return app.FieldSet().Class("edit-area").Disabled(!on).Body(ui)
}

// iff is app.If, kept out of line: inlined, app.If copies its closure and
// IfSlice's body into every caller: 4 to 6 KB of gzip in app.wasm over
// the editor's conditional parts.
//
//go:noinline
func iff(cond bool, ui func() app.UI) app.Condition { return app.If(cond, ui) }

// saveStatus is what the top bar says of saving.
func (e *Editor) saveStatus() string {
	switch {
	case e.shared:
		return "Shared link: not saved"
	case e.saveErr != "", e.conflict:
		return "Not saved"
	case e.dirty:
		return "Saving…"
	case !e.saved:
		return "Not saved yet: edit to keep it"
	}
	return "Saved on this device"
}

func (e *Editor) renderTopbar(m calc.Model) app.UI {
	status := e.saveStatus()
	return app.Header().Class("topbar").Body(
		app.Span().Class("brand").Text("valuecalc"),
		app.Div().Class("title-field").Body(
			app.Label().For("f-title").Class("sr-only").Text("Assessment title"),
			e.textInput("title", "f-title", "Assessment title", "title-input").ReadOnly(e.shared),
			e.fieldError("title"),
		),
		app.Div().Class("toolbar").Body(
			e.undoButton(), e.redoButton(),
			app.Button().ID("open-share").Class("btn btn-bar").Aria("haspopup", "dialog").
				OnClick(func(ctx app.Context, ev app.Event) { e.shareStatus = ""; e.panel = "share" }).Text("Share"),
			app.Button().ID("open-report").Class("btn btn-bar").Title("A clean view to present or print").
				OnClick(func(ctx app.Context, ev app.Event) { e.panel, e.view = "", "report" }).Text("Present"),
			app.Button().ID("open-files").Class("btn btn-bar").Aria("haspopup", "dialog").
				OnClick(func(ctx app.Context, ev app.Event) { e.importErr, e.importList = "", nil; e.panel = "files" }).Text("Files"),
			app.Button().ID("open-library").Class("btn btn-bar").Aria("haspopup", "dialog").
				OnClick(func(ctx app.Context, ev app.Event) { e.refreshList(); e.refreshSetAside(); e.panel = "library" }).Text("Assessments"),
			app.Span().ID("save-status").Class("save-status").Aria("live", "polite").Text(status),
		),
	)
}

func (e *Editor) renderBanners() app.UI {
	return app.Div().Class("banners").Body(
		iff(e.update, func() app.UI {
			return app.Div().ID("update-banner").Class("banner banner-info").Attr("role", "status").Body(
				app.P().Text("A new version of valuecalc is ready. Reloading keeps your work."),
				app.Div().Class("banner-actions").Body(
					app.Button().ID("update-reload").Class("btn btn-primary").Text("Reload now").
						OnClick(func(ctx app.Context, ev app.Event) { e.reloadForUpdate(ctx) }),
					app.Button().ID("update-later").Class("btn").Text("Later").
						OnClick(func(ctx app.Context, ev app.Event) { e.update = false }),
				),
			)
		}),
		iff(len(e.damaged) > 0, func() app.UI { return e.renderDamaged() }),
		iff(e.shared, func() app.UI { return e.renderSharedBanner() }),
		iff(e.linkErr != "", func() app.UI { return e.renderLinkError() }),
		iff(e.conflict, func() app.UI {
			return app.Div().ID("conflict").Class("banner banner-warn").Attr("role", "alert").Body(
				app.P().Text("This assessment was changed in another tab. Your edits here are not saved."),
				app.Button().ID("conflict-reload").Class("btn").Text("Load the other tab's version").
					OnClick(func(ctx app.Context, ev app.Event) {
						if err := e.load(ctx, e.docID); err != nil {
							e.say(ctx, notice{Text: err.Error(), IsErr: true})
						}
					}),
				app.Button().ID("conflict-keep").Class("btn").Text("Keep mine as a copy").
					OnClick(func(ctx app.Context, ev app.Event) {
						e.docID, e.rev, e.conflict, e.dirty = newDocID(), 0, false, true
						m := e.hist.Present()
						m.Title = copyName(m.Title)
						e.hist, _ = e.hist.Apply(SetTitle{m.Title})
						e.save()
					}),
			)
		}),
		iff(e.saveErr != "", func() app.UI {
			return app.P().ID("save-error").Class("banner banner-error").Attr("role", "alert").Text(e.saveErr)
		}),
	)
}

// textInput renders a text field bound to a field key: it shows the draft
// while one is typed, else the model's value, and carries aria-invalid and
// the message id when the draft is wrong.
func (e *Editor) textInput(key, id, label, class string) app.HTMLInput {
	d, drafting := e.drafts[key]
	text := fieldText(e.hist.Present(), key)
	if drafting {
		text = d.Text
	}
	in := app.Input().Type("text").ID(id).Class("input "+class).Value(text).
		Aria("label", label).
		OnInput(e.on(id, "input", e.onField(key))).OnChange(e.on(id, "change", e.onFieldDone(key)))
	if d.Err != "" {
		in = in.Aria("invalid", "true").Aria("describedby", id+"-err")
	}
	return in
}

// numberInput is a textInput for numbers: a decimal keyboard on phones,
// and the user's text kept as typed.
func (e *Editor) numberInput(key, id, label, class string) app.HTMLInput {
	return e.textInput(key, id, label, "num-input "+class).Attr("inputmode", "decimal").AutoComplete(false)
}

// fieldError is the message under a field, or nothing. Its id is the
// field's id plus "-err", named by the field's aria-describedby.
func (e *Editor) fieldError(key string) app.UI {
	d := e.drafts[key]
	if d.Err == "" {
		return nil
	}
	return app.Span().ID(fieldID(key)+"-err").Class("field-error").Attr("role", "alert").Text(d.Err)
}

// fieldID turns a field key into an element id.
func fieldID(key string) string {
	b := []byte("f-" + key)
	for i, c := range b {
		if c == '/' || c == '.' {
			b[i] = '-'
		}
	}
	return string(b)
}

func (e *Editor) renderSettings(m calc.Model) app.UI {
	scalePreset := "custom"
	switch m.Scale {
	case calc.Scale{Min: 1, Max: 5}:
		scalePreset = "1-5"
	case calc.Scale{Min: 1, Max: 10}:
		scalePreset = "1-10"
	}
	return app.Section().Class("settings card").Aria("label", "Settings").Body(
		app.Div().Class("setting").Body(
			app.Span().Class("setting-label").ID("mode-label").Text("Measure by"),
			app.Div().Class("segmented").Attr("role", "radiogroup").Aria("labelledby", "mode-label").Body(
				e.modeButton(m, calc.ModeScore, "Scores"),
				e.modeButton(m, calc.ModeMoney, "Money"),
			),
		),
		iff(m.Mode == calc.ModeScore, func() app.UI {
			return app.Div().Class("setting-group").Body(
				app.Div().Class("setting").Body(
					app.Label().For("f-scale").Class("setting-label").Text("Scale"),
					app.Select().ID("f-scale").Class("select").OnChange(e.onScalePreset).Body(
						app.Option().Value("1-5").Selected(scalePreset == "1-5").Text("1 to 5"),
						app.Option().Value("1-10").Selected(scalePreset == "1-10").Text("1 to 10"),
						app.Option().Value("custom").Selected(scalePreset == "custom").Text("Custom range"),
					),
				),
				iff(scalePreset == "custom", func() app.UI {
					return app.Div().Class("setting").Body(
						app.Span().Class("setting-label").Text("Range"),
						app.Div().Class("range").Body(
							e.numberInput("scale.min", "f-scale-min", "Lowest score", "short"),
							app.Span().Text("to"),
							e.numberInput("scale.max", "f-scale-max", "Highest score", "short"),
						),
						e.fieldError("scale.min"), e.fieldError("scale.max"),
					)
				}),
			)
		}),
		iff(m.Mode == calc.ModeMoney, func() app.UI {
			return app.Div().Class("setting-group").Body(
				e.setting("currency", "f-currency", "Currency", "short", false),
				e.setting("horizon", "f-horizon", "Horizon (years)", "short", true),
				e.setting("discount", "f-discount", "Discount rate (%)", "short", true),
				e.setting("hourly", "f-hourly", "Hourly rate", "", true),
			)
		}),
	)
}

func (e *Editor) setting(key, id, label, class string, number bool) app.UI {
	in := e.textInput(key, id, label, class)
	if number {
		in = e.numberInput(key, id, label, class)
	}
	return app.Div().Class("setting").Body(
		app.Label().For(id).Class("setting-label").Text(label),
		in,
		e.fieldError(key),
	)
}

func (e *Editor) modeButton(m calc.Model, mode calc.Mode, label string) app.UI {
	on := m.Mode == mode
	return app.Button().ID("mode-"+string(mode)).Class("seg"+cls(" on", on)).
		Attr("role", "radio").Aria("checked", strconv.FormatBool(on)).
		OnClick(func(ctx app.Context, ev app.Event) { e.askMode(ctx, mode) }).Text(label)
}

// askMode switches mode at once when nothing would be lost, and asks first
// when entries of the current mode would be dropped.
func (e *Editor) askMode(ctx app.Context, mode calc.Mode) {
	m := e.hist.Present()
	if m.Mode == mode {
		return
	}
	if countEntries(m) == 0 {
		e.apply(ctx, SetMode{mode})
		return
	}
	e.confirm = &mode
}

func countEntries(m calc.Model) int {
	n := 0
	for _, s := range m.Scenarios {
		for _, e := range s.Entries {
			if e != nil {
				n++
			}
		}
	}
	return n
}

func (e *Editor) renderConfirmMode(m calc.Model) app.UI {
	mode := *e.confirm
	what := "scores"
	if m.Mode == calc.ModeMoney {
		what = "amounts and hours"
	}
	return app.Div().Class("overlay").Body(
		app.Div().ID("confirm-mode").Class("dialog card").Attr("role", "alertdialog").Aria("modal", "true").
			Aria("labelledby", "confirm-title").Body(
			app.H2().ID("confirm-title").Text("Switch to "+string(mode)+"?"),
			app.P().Text("The "+strconv.Itoa(countEntries(m))+" "+what+" entered do not fit "+string(mode)+
				" mode and will be cleared. Items, weights and notes are kept, and Undo brings everything back."),
			app.Div().Class("dialog-actions").Body(
				app.Button().ID("confirm-mode-yes").Class("btn btn-primary").AutoFocus(true).Text("Switch and clear").
					OnClick(func(ctx app.Context, ev app.Event) {
						e.confirm = nil
						e.apply(ctx, SetMode{mode})
					}),
				app.Button().ID("confirm-mode-no").Class("btn").Text("Cancel").
					OnClick(func(ctx app.Context, ev app.Event) { e.confirm = nil }),
			),
		),
	)
}

func (e *Editor) onScalePreset(ctx app.Context, ev app.Event) {
	switch ctx.JSSrc().Get("value").String() {
	case "1-5":
		e.apply(ctx, SetScale{1, 5})
	case "1-10":
		e.apply(ctx, SetScale{1, 10})
	default:
		// Custom: keep the scale, show its bounds for editing.
		m := e.hist.Present()
		if m.Scale == (calc.Scale{Min: 1, Max: 5}) || m.Scale == (calc.Scale{Min: 1, Max: 10}) {
			e.apply(ctx, SetScale{0, m.Scale.Max})
		}
	}
}

func (e *Editor) renderNotice() app.UI {
	n := e.notice
	return app.Div().ID("notice").Class("notice-area").Aria("live", "polite").Body(
		iff(n.Text != "", func() app.UI {
			return app.Div().Class("notice"+cls(" notice-error", n.IsErr)).Body(
				app.Span().Text(n.Text),
				iff(n.Undo != nil, func() app.UI {
					return app.Button().ID("notice-undo").Class("btn btn-link").Text("Undo").
						OnClick(func(ctx app.Context, ev app.Event) {
							undo := e.notice.Undo
							e.notice = notice{serial: e.notice.serial}
							undo(ctx)
						})
				}),
				app.Button().Class("btn btn-link").Aria("label", "Dismiss").Text("×").
					OnClick(func(ctx app.Context, ev app.Event) { e.notice = notice{serial: e.notice.serial} }),
			)
		}),
	)
}

func cls(name string, on bool) string {
	if on {
		return name
	}
	return ""
}

func (e *Editor) undoButton() app.UI {
	return app.Button().ID("undo").Class("btn btn-bar").Title("Undo (Ctrl+Z)").
		Disabled(!e.hist.CanUndo()).OnClick(func(ctx app.Context, ev app.Event) { e.undo(ctx) }).Text("Undo")
}

func (e *Editor) redoButton() app.UI {
	return app.Button().ID("redo").Class("btn btn-bar").Title("Redo (Shift+Ctrl+Z)").
		Disabled(!e.hist.CanRedo()).OnClick(func(ctx app.Context, ev app.Event) { e.redo(ctx) }).Text("Redo")
}

// renderOpening is the page until OnMount has opened an assessment: the
// prerendered HTML shown while app.wasm loads, and the first tree go-app
// mounts. Mounting the whole editor around an empty model there, only to
// replace it a moment later, cost ~120 ms of every start.
func (e *Editor) renderOpening() app.UI {
	return app.Div().Class("page editor").Body(
		app.Header().Class("topbar").Body(app.Span().Class("brand").Text("valuecalc")),
		app.Main().ID("main").Class("content").Body(
			app.P().Class("opening muted").Text("Opening your assessment…"),
		),
	)
}
