package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
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
			app.Label().For(title.ElementID()).Class("sr-only").Text(v.t(i18n.AssessmentTitle)),
			&textField{Field: title, Input: state.Draft{Text: st.FieldValue(title), Err: d.Err}, Label: v.t(i18n.AssessmentTitle),
				Class: "title-input", ReadOnly: st.Shared},
			fieldError(title, d),
		),
		app.Div().Class("toolbar").Body(
			undoRedo(v),
			&button{ID: "open-share", Class: "btn btn-bar", Dialog: true, Text: v.t(i18n.Share), Action: state.OpenPanel{Panel: state.PanelShare}},
			&button{ID: "present", Class: "btn btn-bar btn-present", Title: v.t(i18n.PresentTitle), Text: v.t(i18n.Present),
				Action: state.Present{On: true}},
			&button{ID: "open-report", Class: "btn btn-bar", Title: v.t(i18n.ReportTitle), Text: v.t(i18n.Report),
				Action: state.SetView{View: state.ViewReport}},
			visitorButton(v),
			&button{ID: "open-files", Class: "btn btn-bar", Dialog: true, Text: v.t(i18n.Files), Action: state.OpenPanel{Panel: state.PanelFiles}},
			&button{ID: "open-library", Class: "btn btn-bar", Dialog: true, Text: v.t(i18n.Assessments), Action: state.OpenPanel{Panel: state.PanelLibrary}},
			&langMenu{Lang: st.Lang},
			app.Span().ID("save-status").Class("save-status").Aria("live", "polite").Text(st.SaveStatus()),
		),
	)
}

// undoRedo are the undo and redo buttons.
func undoRedo(v view) app.UI {
	st := v.st
	return app.Range([]int{0, 1}).Slice(func(i int) app.UI {
		if i == 0 {
			return &button{ID: "undo", Class: "btn btn-bar", Title: v.t(i18n.UndoTitle), Text: v.t(i18n.Undo),
				Disabled: !st.Hist.CanUndo(), Action: state.Undo{}}
		}
		return &button{ID: "redo", Class: "btn btn-bar", Title: v.t(i18n.RedoTitle), Text: v.t(i18n.Redo),
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
			app.Label().For(title.ElementID()).Class("sr-only").Text(v.t(i18n.AssessmentTitle)),
			&textField{Field: title, Input: state.Draft{Text: st.FieldValue(title), Err: d.Err}, Label: v.t(i18n.AssessmentTitle), Class: "title-input"},
			fieldError(title, d),
		),
		app.Div().Class("toolbar").Body(
			undoRedo(v),
			iff(!st.ViewFixed, func() app.UI { return visitorButton(v) }),
			&button{ID: "open-full", Class: "btn btn-bar", Title: v.t(i18n.OpenFullTitle),
				Text: v.t(i18n.OpenFull, st.Brand.Title()), Action: state.OpenFull{}},
		),
	)
}
