package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// verdict is the answer first, in a sentence: the best scenario, its lead
// over the runner-up and its payback. It is the slot at the top of the
// results, in the editor, the presentation and the report.
func verdict(n *browser.Numbers, m calc.Model, res calc.Result) app.UI {
	return app.P().ID("verdict").Class("verdict").Text(verdictText(n, m, state.Decide(m, res)))
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
