package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
)

// topBar is the title, undo and redo, the buttons that open the panels
// and the report, and the save status.
func topBar(v view) app.UI {
	st := v.st
	title := state.SettingField(state.FieldTitle)
	d, _ := st.Draft(title)
	return app.Header().Class("topbar").Body(
		brandMark(st.Brand, "brand"),
		app.Div().Class("title-field").Body(
			app.Label().For(title.ElementID()).Class("sr-only").Text("Assessment title"),
			&textField{Field: title, Input: state.Draft{Text: st.FieldValue(title), Err: d.Err}, Label: "Assessment title",
				Class: "title-input", ReadOnly: st.Shared},
			fieldError(title, d),
		),
		app.Div().Class("toolbar").Body(
			undoRedo(st),
			&button{ID: "open-share", Class: "btn btn-bar", Dialog: true, Text: "Share", Action: state.OpenPanel{Panel: state.PanelShare}},
			&button{ID: "present", Class: "btn btn-bar btn-present", Title: "Fill the screen with the answer", Text: "Present",
				Action: state.Present{On: true}},
			&button{ID: "open-report", Class: "btn btn-bar", Title: "A clean page to send or print", Text: "Report",
				Action: state.SetView{View: state.ViewReport}},
			visitorButton(),
			&button{ID: "open-files", Class: "btn btn-bar", Dialog: true, Text: "Files", Action: state.OpenPanel{Panel: state.PanelFiles}},
			&button{ID: "open-library", Class: "btn btn-bar", Dialog: true, Text: "Assessments", Action: state.OpenPanel{Panel: state.PanelLibrary}},
			app.Span().ID("save-status").Class("save-status").Aria("live", "polite").Text(st.SaveStatus()),
		),
	)
}

// undoRedo are the undo and redo buttons.
func undoRedo(st *state.State) app.UI {
	return app.Range([]int{0, 1}).Slice(func(i int) app.UI {
		if i == 0 {
			return &button{ID: "undo", Class: "btn btn-bar", Title: "Undo (Ctrl+Z)", Text: "Undo",
				Disabled: !st.Hist.CanUndo(), Action: state.Undo{}}
		}
		return &button{ID: "redo", Class: "btn btn-bar", Title: "Redo (Shift+Ctrl+Z)", Text: "Redo",
			Disabled: !st.Hist.CanRedo(), Action: state.Redo{}}
	})
}

// embedBar is the top bar of an embed: the title, undo and redo, and a
// way to the full app.
func embedBar(v view) app.UI {
	st := v.st
	title := state.SettingField(state.FieldTitle)
	d, _ := st.Draft(title)
	return app.Header().Class("topbar embed-bar").Body(
		app.Div().Class("title-field").Body(
			app.Label().For(title.ElementID()).Class("sr-only").Text("Assessment title"),
			&textField{Field: title, Input: state.Draft{Text: st.FieldValue(title), Err: d.Err}, Label: "Assessment title", Class: "title-input"},
			fieldError(title, d),
		),
		app.Div().Class("toolbar").Body(
			undoRedo(st),
			iff(!st.ViewFixed, visitorButton),
			&button{ID: "open-full", Class: "btn btn-bar", Title: "Opens in a new tab, where you can save it",
				Text: "Open in " + st.Brand.Title() + " ↗", Action: state.OpenFull{}},
		),
	)
}
