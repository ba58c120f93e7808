package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// verdict is the answer in a sentence, above the figures: who wins, by
// how much, when it pays back, and how sure that is. The first part
// follows every edit; the second is the analysis', which follows in idle
// time and says so while it is being worked out.
func verdict(v view) app.UI {
	m, res := v.model(), v.st.Result
	head, sure := verdictText(v.lang(), v.n, m, state.Decide(m, res)), sureText(v.lang(), v.n, m, v.st)
	return app.Div().ID("verdict").Class("verdict").Aria("live", "polite").Body(
		app.P().ID("verdict-lead").Class("verdict-lead").Text(head),
		app.P().ID("verdict-sure").Class("verdict-sure"+cls(" muted", !v.st.AnalysisFresh())).Text(sure),
	)
}

// sureText is what the analysis says of how firm the verdict is, or that
// it is being worked out.
func sureText(l i18n.Lang, n *browser.Numbers, m calc.Model, st *state.State) string {
	if len(m.Scenarios) == 0 || state.Decide(m, st.Result).Empty {
		return ""
	}
	if !st.AnalysisFresh() {
		return l.T(i18n.Checking)
	}
	an := st.Analysis
	switch an.Verdict {
	case calc.VerdictSingle:
		return l.T(i18n.AddScenarioToCompare)
	case calc.VerdictTie:
		return l.T(i18n.AnyChangeDecides)
	case calc.VerdictClear:
		if m.Mode == calc.ModeMoney {
			return l.T(i18n.ClearMoney)
		}
		return l.T(i18n.ClearScore)
	}
	if e, ok := state.Flip(an); ok {
		rival := an.Best
		if e.Scenario == an.Best && an.RunnerUp != nil {
			rival = *an.RunnerUp
		}
		per := entryPer(m, e.Scenario, e.Item)
		return l.T(i18n.CloseCallFlip, m.ItemName(e.Item), m.ScenarioName(e.Scenario),
			unitValue(l, n, m, e.Unit, per, *e.Tie), unitValue(l, n, m, e.Unit, per, e.Value), m.ScenarioName(rival))
	}
	return l.T(i18n.CloseCall)
}

func entryPer(m calc.Model, scenario, item string) calc.Per {
	j, i := m.ScenarioIndex(scenario), m.ItemIndex(item)
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
func unitValue(l i18n.Lang, n *browser.Numbers, m calc.Model, u calc.Unit, per calc.Per, v float64) string {
	return unitValueOf(l, n, m, u, per, v, false)
}

// unitValueOf is unitValue, with an amount to the cent when exact (as a
// field holds it: "$24,067.92 once").
func unitValueOf(l i18n.Lang, n *browser.Numbers, m calc.Model, u calc.Unit, per calc.Per, v float64, exact bool) string {
	var s string
	switch u {
	case calc.UnitAmount:
		s = n.Money(m, v)
		if exact {
			s = n.ExactMoney(v, m.Currency)
		}
	case calc.UnitHours:
		s = l.T(i18n.HoursShort, n.Number(v, 1))
	default:
		return n.Number(v, 2)
	}
	return recurring(l, per, s)
}

// verdictText words a verdict: "With us comes out ahead by $141,918 and
// pays back in 4.4 months".
func verdictText(l i18n.Lang, n *browser.Numbers, m calc.Model, v state.Verdict) string {
	score := m.Mode == calc.ModeScore
	switch {
	case v.Empty:
		return l.T(i18n.VerdictEmpty)
	case v.Tie:
		return l.T(i18n.VerdictTie, v.Best, v.RunnerUp, n.Value(m, v.Net), payback(l, n, m, v))
	case v.RunnerUp == "" && score:
		return l.T(i18n.VerdictSinglePoints, v.Best, n.Value(m, v.Net), payback(l, n, m, v))
	case v.RunnerUp == "":
		return l.T(i18n.VerdictSingle, v.Best, n.Value(m, v.Net), payback(l, n, m, v))
	case score:
		return l.T(i18n.VerdictLeadPoints, v.Best, n.Value(m, v.Lead), payback(l, n, m, v))
	}
	return l.T(i18n.VerdictLead, v.Best, n.Value(m, v.Lead), payback(l, n, m, v))
}

func payback(l i18n.Lang, n *browser.Numbers, m calc.Model, v state.Verdict) string {
	if m.Mode != calc.ModeMoney || v.Payback == nil || v.Net < 0 {
		return ""
	}
	if *v.Payback == 0 {
		return l.T(i18n.PaysBackNow)
	}
	return l.T(i18n.PaysBackIn, n.Number(*v.Payback, 1))
}
