package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// settings are how the model measures: scores on a scale, or money with
// its currency, horizon, discount rate and hourly rate.
func settings(v view) app.UI {
	m := v.model()
	scalePreset := state.ScalePresetOf(m.Scale)
	return app.Section().Class("settings card").Aria("label", v.t(i18n.Settings)).Body(
		app.Div().Class("setting").Body(
			app.Span().Class("setting-label").ID("mode-label").Text(v.t(i18n.MeasureBy)),
			app.Div().Class("segmented").Attr("role", "radiogroup").Aria("labelledby", "mode-label").Body(
				modeButton(m, calc.ModeScore, v.t(i18n.Scores)),
				modeButton(m, calc.ModeMoney, v.t(i18n.Money)),
			),
		),
		iff(m.Mode == calc.ModeScore, func() app.UI {
			return app.Div().Class("setting-group").Body(
				app.Div().Class("setting").Body(
					app.Label().For("f-scale").Class("setting-label").Text(v.t(i18n.Scale)),
					&scaleSelect{Preset: scalePreset, Lang: v.lang()},
				),
				iff(scalePreset == "custom", func() app.UI {
					lo, hi := state.SettingField(state.FieldScaleMin), state.SettingField(state.FieldScaleMax)
					dlo, dhi := v.st.Drafts[lo], v.st.Drafts[hi]
					return app.Div().Class("setting").Body(
						app.Span().Class("setting-label").Text(v.t(i18n.Range)),
						app.Div().Class("range").Body(
							&textField{Field: lo, Input: state.Draft{Text: v.st.FieldValue(lo), Err: dlo.Err, Read: dlo.Read}, Label: v.t(i18n.LowestScore), Class: "short", Number: true},
							app.Span().Text(v.t(i18n.To)),
							&textField{Field: hi, Input: state.Draft{Text: v.st.FieldValue(hi), Err: dhi.Err, Read: dhi.Read}, Label: v.t(i18n.HighestScore), Class: "short", Number: true},
						),
						fieldError(lo, dlo), fieldError(hi, dhi),
					)
				}),
			)
		}),
		iff(m.Mode == calc.ModeMoney, func() app.UI {
			return app.Div().Class("setting-group").Body(
				setting(v, state.FieldCurrency, v.t(i18n.Currency), "short", false),
				setting(v, state.FieldHorizon, v.t(i18n.HorizonYears), "short", true),
				setting(v, state.FieldDiscount, v.t(i18n.DiscountRatePct), "short", true),
				setting(v, state.FieldHourly, v.t(i18n.HourlyRate), "", true),
			)
		}),
		story(v),
	)
}

// story is whom the case is for and its summary in the author's words,
// which open the report (SPEC §2.1).
func story(v view) app.UI {
	field := func(k state.FieldKind, label, hint string, rows int) app.UI {
		f := state.SettingField(k)
		d := v.st.Drafts[f]
		return app.Div().Class("setting story-"+f.ElementID()).Body(
			app.Label().For(f.ElementID()).Class("setting-label").Text(label),
			&textField{Field: f, Input: state.Draft{Text: v.st.FieldValue(f), Err: d.Err}, Label: label, Class: "story-input",
				Placeholder: hint, Rows: rows},
			fieldError(f, d),
		)
	}
	return app.Div().Class("setting-group story").Body(
		field(state.FieldCustomer, v.t(i18n.CustomerLabel), v.t(i18n.CustomerHint), 0),
		field(state.FieldSummary, v.t(i18n.SummaryLabel), v.t(i18n.SummaryHint), 3),
	)
}

func setting(v view, k state.FieldKind, label, class string, number bool) app.UI {
	f := state.SettingField(k)
	d, typing := v.st.Drafts[f]
	if !typing {
		d.Mark, d.MarkOK = v.st.MarkText(f)
	}
	return app.Div().Class("setting").Body(
		app.Label().For(f.ElementID()).Class("setting-label").Text(label),
		&textField{Field: f, Input: state.Draft{Text: v.st.FieldValue(f), Err: d.Err, Read: d.Read, Mark: d.Mark}, Label: label, Class: class, Number: number},
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
	title, body := v.t(i18n.ConfirmToMoney), v.lang().N(i18n.ConfirmClearScores, state.CountEntries(m))
	if m.Mode == calc.ModeMoney {
		title, body = v.t(i18n.ConfirmToScore), v.lang().N(i18n.ConfirmClearMoney, state.CountEntries(m))
	}
	return app.Div().Class("overlay").Body(
		app.Div().ID("confirm-mode").Class("dialog card").Attr("role", "alertdialog").Aria("modal", "true").
			Aria("labelledby", "confirm-title").Body(
			app.H2().ID("confirm-title").Text(title),
			app.P().Text(body),
			app.Div().Class("dialog-actions").Body(
				&button{ID: "confirm-mode-yes", Class: "btn btn-primary", AutoFocus: true, Text: v.t(i18n.SwitchAndClear), Action: state.ConfirmMode{}},
				&button{ID: "confirm-mode-no", Class: "btn", Text: v.t(i18n.Cancel), Action: state.CancelMode{}},
			),
		),
	)
}
