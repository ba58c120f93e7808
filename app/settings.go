package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// settings are how the model measures: scores on a scale, or money with
// its currency, horizon, discount rate and hourly rate.
func settings(v view) app.UI {
	m := v.model()
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
				modeButton(m, calc.ModeScore, "Scores"),
				modeButton(m, calc.ModeMoney, "Money"),
			),
		),
		iff(m.Mode == calc.ModeScore, func() app.UI {
			return app.Div().Class("setting-group").Body(
				app.Div().Class("setting").Body(
					app.Label().For("f-scale").Class("setting-label").Text("Scale"),
					&scaleSelect{Preset: scalePreset},
				),
				iff(scalePreset == "custom", func() app.UI {
					lo, hi := state.SettingField(state.FieldScaleMin), state.SettingField(state.FieldScaleMax)
					dlo, dhi := v.st.Drafts[lo], v.st.Drafts[hi]
					return app.Div().Class("setting").Body(
						app.Span().Class("setting-label").Text("Range"),
						app.Div().Class("range").Body(
							&textField{Field: lo, Input: state.Draft{Text: v.st.FieldValue(lo), Err: dlo.Err, Read: dlo.Read}, Label: "Lowest score", Class: "short", Number: true},
							app.Span().Text("to"),
							&textField{Field: hi, Input: state.Draft{Text: v.st.FieldValue(hi), Err: dhi.Err, Read: dhi.Read}, Label: "Highest score", Class: "short", Number: true},
						),
						fieldError(lo, dlo), fieldError(hi, dhi),
					)
				}),
			)
		}),
		iff(m.Mode == calc.ModeMoney, func() app.UI {
			return app.Div().Class("setting-group").Body(
				setting(v, state.FieldCurrency, "Currency", "short", false),
				setting(v, state.FieldHorizon, "Horizon (years)", "short", true),
				setting(v, state.FieldDiscount, "Discount rate (%)", "short", true),
				setting(v, state.FieldHourly, "Hourly rate", "", true),
			)
		}),
	)
}

func setting(v view, k state.FieldKind, label, class string, number bool) app.UI {
	f := state.SettingField(k)
	d := v.st.Drafts[f]
	return app.Div().Class("setting").Body(
		app.Label().For(f.ElementID()).Class("setting-label").Text(label),
		&textField{Field: f, Input: state.Draft{Text: v.st.FieldValue(f), Err: d.Err, Read: d.Read}, Label: label, Class: class, Number: number},
		fieldError(f, d),
	)
}

func modeButton(m calc.Model, mode calc.Mode, label string) app.UI {
	on := m.Mode == mode
	return &radioButton{ID: "mode-" + string(mode), Class: "seg" + cls(" on", on), On: on, Text: label,
		Action: state.AskMode{Mode: mode}}
}

// confirmMode asks before a mode switch clears the entries.
func confirmMode(v view) app.UI {
	m := v.model()
	mode := v.st.Confirm
	what := "scores"
	if m.Mode == calc.ModeMoney {
		what = "amounts and hours"
	}
	return app.Div().Class("overlay").Body(
		app.Div().ID("confirm-mode").Class("dialog card").Attr("role", "alertdialog").Aria("modal", "true").
			Aria("labelledby", "confirm-title").Body(
			app.H2().ID("confirm-title").Text("Switch to "+string(mode)+"?"),
			app.P().Text("The "+strconv.Itoa(state.CountEntries(m))+" "+what+" entered do not fit "+string(mode)+
				" mode and will be cleared. Items, weights and notes are kept, and Undo brings everything back."),
			app.Div().Class("dialog-actions").Body(
				&button{ID: "confirm-mode-yes", Class: "btn btn-primary", AutoFocus: true, Text: "Switch and clear", Action: state.ConfirmMode{}},
				&button{ID: "confirm-mode-no", Class: "btn", Text: "Cancel", Action: state.CancelMode{}},
			),
		),
	)
}
