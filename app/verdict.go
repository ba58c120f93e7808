package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// verdict is the answer in a sentence, above the figures: who wins, by
// how much, when it pays back, and how sure that is. The first part
// follows every edit; the second is the analysis', which follows in idle
// time and says so while it is being worked out.
func verdict(v view) app.UI {
	m, res := v.model(), v.st.Result
	head, sure := verdictText(v.n, m, state.Decide(m, res)), sureText(v.n, m, v.st)
	return app.Div().ID("verdict").Class("verdict").Aria("live", "polite").Body(
		app.P().ID("verdict-lead").Class("verdict-lead").Text(head),
		app.P().ID("verdict-sure").Class("verdict-sure"+cls(" muted", !v.st.AnalysisFresh())).Text(sure),
	)
}

// sureText is what the analysis says of how firm the verdict is, or that
// it is being worked out.
func sureText(n *browser.Numbers, m calc.Model, st *state.State) string {
	if len(m.Scenarios) == 0 || state.Decide(m, st.Result).Empty {
		return ""
	}
	if !st.AnalysisFresh() {
		return "Checking what would change this…"
	}
	an := st.Analysis
	switch an.Verdict {
	case calc.VerdictSingle:
		return "Add a scenario to compare, such as the status quo."
	case calc.VerdictTie:
		return "Any change to a figure of either decides it."
	case calc.VerdictClear:
		if m.Mode == calc.ModeMoney {
			return "No single figure off by 20 % changes that."
		}
		return "No single score off by 1 changes that."
	}
	if e, ok := state.Flip(an); ok {
		rival := an.Best
		if e.Scenario == an.Best && an.RunnerUp != nil {
			rival = *an.RunnerUp
		}
		per := entryPer(m, e.Scenario, e.Item)
		return "Close call: if " + itemName(m, e.Item) + " in " + nameOfScenario(m, e.Scenario) + " were " +
			unitValue(n, m, e.Unit, per, *e.Tie) + " instead of " + unitValue(n, m, e.Unit, per, e.Value) + ", " +
			nameOfScenario(m, rival) + " would win."
	}
	return "Close call: one figure off by its swing changes the winner."
}

func itemName(m calc.Model, id string) string {
	if i := m.ItemIndex(id); i >= 0 {
		return m.Items[i].Name
	}
	return id
}

func nameOfScenario(m calc.Model, id string) string {
	if j := scenarioIndex(m, id); j >= 0 {
		return m.Scenarios[j].Name
	}
	return id
}

func entryPer(m calc.Model, scenario, item string) calc.Per {
	j, i := scenarioIndex(m, scenario), m.ItemIndex(item)
	if j < 0 || i < 0 {
		return ""
	}
	if e := m.Scenarios[j].Entry(i); e != nil {
		return e.Per
	}
	return ""
}

// unitValue writes an entry's value in its own unit: "$9,400 a year",
// "37 h a month", "score 3.5".
func unitValue(n *browser.Numbers, m calc.Model, u calc.Unit, per calc.Per, v float64) string {
	var s string
	switch u {
	case calc.UnitAmount:
		s = n.Money(v, m.Currency)
	case calc.UnitHours:
		s = n.Number(v, 1) + " h"
	default:
		return n.Number(v, 2)
	}
	switch per {
	case calc.PerMonth:
		return s + " a month"
	case calc.PerYear:
		return s + " a year"
	}
	return s
}

// verdictText words a verdict: "With us comes out ahead by $141,918 and
// pays back in 4.4 months".
func verdictText(n *browser.Numbers, m calc.Model, v state.Verdict) string {
	switch {
	case v.Empty:
		return "Nothing entered yet: type values into the grid to see the answer."
	case v.Tie:
		return v.Best + " and " + v.RunnerUp + " come out even, at " + n.Value(m, v.Net) + " each" + payback(n, m, v) + "."
	case v.RunnerUp == "":
		return v.Best + " is worth " + n.Value(m, v.Net) + points(m) + payback(n, m, v) + "."
	}
	return v.Best + " comes out ahead by " + n.Value(m, v.Lead) + points(m) + payback(n, m, v) + "."
}

func points(m calc.Model) string {
	if m.Mode == calc.ModeScore {
		return " points"
	}
	return ""
}

func payback(n *browser.Numbers, m calc.Model, v state.Verdict) string {
	if m.Mode != calc.ModeMoney || v.Payback == nil || v.Net < 0 {
		return ""
	}
	if *v.Payback == 0 {
		return " and pays back at once"
	}
	return " and pays back in " + n.Payback(v.Payback)
}
