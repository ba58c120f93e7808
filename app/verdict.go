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
	head, sure := verdictText(v.n, m, res, v.st)
	return app.Div().ID("verdict").Class("verdict").Aria("live", "polite").Body(
		app.P().ID("verdict-lead").Class("verdict-lead").Text(head),
		app.P().ID("verdict-sure").Class("verdict-sure"+cls(" muted", !v.st.AnalysisFresh())).Text(sure),
	)
}

// verdictText is the verdict: its headline, and what the analysis says of
// how firm it is.
func verdictText(n *browser.Numbers, m calc.Model, res calc.Result, st *state.State) (head, sure string) {
	if len(res.Scenarios) == 0 {
		return "", ""
	}
	best, runner := rank(res)
	b := res.Scenarios[best]
	switch {
	case runner < 0:
		head = b.Name + ": net value " + n.Value(m, b.Net) + "."
	case b.Net == res.Scenarios[runner].Net:
		head = b.Name + " and " + res.Scenarios[runner].Name + " tie at " + n.Value(m, b.Net) + "."
	default:
		head = b.Name + " wins by " + n.Value(m, b.Net-res.Scenarios[runner].Net) + " over " + res.Scenarios[runner].Name + "."
	}
	if m.Mode == calc.ModeMoney && b.PaybackMonths != nil && runner >= 0 {
		if *b.PaybackMonths == 0 {
			head = head[:len(head)-1] + " and is ahead from the start."
		} else {
			head = head[:len(head)-1] + " and pays back in " + n.Number(*b.PaybackMonths, 1) + " months."
		}
	}
	if !st.AnalysisFresh() {
		return head, "Checking what would change this…"
	}
	an := st.Analysis
	switch an.Verdict {
	case calc.VerdictSingle:
		return head, "Add a scenario to compare, such as the status quo."
	case calc.VerdictTie:
		return head, "Any change to a figure of either decides it."
	case calc.VerdictClear:
		if m.Mode == calc.ModeMoney {
			return head, "No single figure off by 20 % changes that."
		}
		return head, "No single score off by 1 changes that."
	}
	if e, ok := state.Flip(an); ok {
		rival := an.Best
		if e.Scenario == an.Best && an.RunnerUp != nil {
			rival = *an.RunnerUp
		}
		return head, "Close call: if " + itemName(m, e.Item) + " in " + nameOfScenario(m, e.Scenario) + " were " +
			unitValue(n, m, e.Unit, entryPer(m, e.Scenario, e.Item), *e.Tie) + " instead of " +
			unitValue(n, m, e.Unit, entryPer(m, e.Scenario, e.Item), e.Value) + ", " + nameOfScenario(m, rival) + " would win."
	}
	return head, "Close call: one figure off by its swing changes the winner."
}

// rank returns the best scenario's index and the runner-up's (-1 with one
// scenario), the first on ties, as calc does.
func rank(res calc.Result) (best, runner int) {
	best, runner = 0, -1
	for i, s := range res.Scenarios {
		if s.ID == res.Best {
			best = i
		}
	}
	for i, s := range res.Scenarios {
		if i != best && (runner < 0 || s.Net > res.Scenarios[runner].Net) {
			runner = i
		}
	}
	return best, runner
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
