package app

import (
	"cmp"
	"math"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// part is one item's share of a total: what was entered, how it was
// weighed and what it contributes, in the total's units.
type part struct {
	Item         calc.Item
	Input        string // what was entered, in words: "score 4", "$1,500 a month"
	Weight       float64
	Override     bool // the weight is this scenario's, not the item's
	Contribution float64
	Scored       bool
	Source       string // where the entry's figure comes from
}

// parts lists the items of side in scenario j, largest contribution first
// (items without a value last, in model order).
func parts(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result, j int, side calc.Side) []part {
	s, r := m.Scenarios[j], res.Scenarios[j]
	var out []part
	for i, it := range m.Items {
		if it.Side != side {
			continue
		}
		p := part{Item: it, Weight: it.Weight, Contribution: r.Contributions[i], Scored: r.Scored[i]}
		if e := s.Entry(i); e != nil {
			if e.Weight != nil {
				p.Weight, p.Override = *e.Weight, true
			}
			p.Input = describeEntry(l, n, m, *e)
			p.Source = e.Source
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, largestFirst)
	return out
}

// largestFirst orders parts scored first, then by decreasing size of
// contribution, keeping model order among equals.
func largestFirst(a, b part) int {
	if a.Scored != b.Scored {
		if a.Scored {
			return -1
		}
		return 1
	}
	return cmp.Compare(math.Abs(b.Contribution), math.Abs(a.Contribution))
}

// describeEntry says in words what an entry holds, before weighting.
func describeEntry(l i18n.Lang, n *browser.Numbers, m calc.Model, e calc.Entry) string {
	if m.Mode == calc.ModeScore {
		if e.Score == nil {
			return ""
		}
		return l.T(i18n.ScoreOfMax, n.Number(*e.Score, 2), m.Scale.Max)
	}
	var base string
	switch {
	case e.Amount != nil:
		base = n.Money(m, *e.Amount)
	case e.Hours != nil:
		base = l.T(i18n.HoursTimesRate, n.Number(*e.Hours, 2), n.Money(m, m.HourlyRate))
	default:
		return ""
	}
	// Priced per driver: "$40 × 25 agents a month".
	if m.Mode == calc.ModeMoney {
		for _, id := range e.Times {
			if d := m.DriverIndex(id); d >= 0 {
				base += " × " + driverValue(n, m.Drivers[d], m.Drivers[d].Value)
			}
		}
	}
	switch e.Per {
	case calc.PerMonth:
		return l.N(i18n.MonthlyForYears, m.HorizonYears, base)
	case calc.PerYear:
		return l.N(i18n.YearlyForYears, m.HorizonYears, base)
	}
	return l.T(i18n.OnceUnit, base)
}

// discountNote explains the present value of recurring money, if any.
func discountNote(l i18n.Lang, n *browser.Numbers, m calc.Model) string {
	if m.Mode != calc.ModeMoney {
		return l.T(i18n.ContributionScore)
	}
	if m.DiscountRate > 0 {
		return l.N(i18n.ContributionMoneyDiscounted, m.HorizonYears, n.Number(m.DiscountRate*100, 2))
	}
	return l.N(i18n.ContributionMoney, m.HorizonYears)
}

// explainDialog answers "where does this number come from?"
func explainDialog(v view) app.UI {
	t := *v.st.Explained
	m, res := v.model(), v.st.Result
	j := m.ScenarioIndex(t.Scenario)
	if j < 0 || j >= len(res.Scenarios) {
		return nil
	}
	r := res.Scenarios[j]
	n, l := v.n, v.lang()
	var title string
	var total float64
	var sides []calc.Side
	switch t.What {
	case "benefits":
		title, total, sides = l.T(i18n.Benefits), r.Benefits, []calc.Side{calc.SideBenefit}
	case "costs":
		title, total, sides = l.T(i18n.Costs), r.Costs, []calc.Side{calc.SideCost}
	default:
		title, total, sides = l.T(i18n.NetValue), r.Net, []calc.Side{calc.SideBenefit, calc.SideCost}
	}
	return app.Div().Class("overlay").Body(
		app.Div().ID("explain").Class("dialog card dialog-wide").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "explain-title").Body(
			app.Div().Class("section-head").Body(
				app.H2().ID("explain-title").Text(l.T(i18n.ExplainTitle, title, r.Name, n.Value(m, total))),
				&button{ID: "explain-close", Class: "btn", AutoFocus: true, Text: l.T(i18n.Close), Action: state.CloseExplain{}},
			),
			app.P().Class("hint muted").Text(discountNote(l, n, m)),
			app.Range(sides).Slice(func(k int) app.UI {
				side := sides[k]
				sum := r.Benefits
				if side == calc.SideCost {
					sum = r.Costs
				}
				return partsTable(l, "explain-"+string(side), side, n, m, parts(l, n, m, res, j, side), sum, 0)
			}),
			iff(t.What == "net", func() app.UI {
				return app.P().ID("explain-net").Class("explain-sum").Text(
					l.T(i18n.NetEquation, n.Value(m, r.Benefits), n.Value(m, r.Costs), n.Value(m, r.Net)))
			}),
			explainDrivers(l, n, m, j, sides),
			thresholds(v, t.Scenario, sides),
		),
	)
}

// thresholds lists, for each entry of the scenario on the sides shown,
// the value at which the scenario breaks even and the one at which it
// ties with its rival (SPEC §8), in the entry's own unit.
func thresholds(v view, scenario string, sides []calc.Side) app.UI {
	if !v.st.AnalysisFresh() {
		return app.P().Class("hint muted").Text(v.t(i18n.WorkingOut))
	}
	return thresholdsTable("explain-thresholds", v.t(i18n.WhatWouldChange), v.lang(), v.n, v.model(), *v.st.Analysis, scenario, sides)
}

// thresholdsTable is the table of thresholds, with its id and caption: in
// the explain dialog, and in the report for the scenario its tornado shows.
func thresholdsTable(id, caption string, l i18n.Lang, n *browser.Numbers, m calc.Model, an calc.Analysis, scenario string, sides []calc.Side) app.UI {
	var rows []calc.EntryAnalysis
	for _, e := range an.Entries {
		if e.Scenario != scenario || (e.BreakEven == nil && e.Tie == nil) {
			continue
		}
		if i := m.ItemIndex(e.Item); i >= 0 && slices.Contains(sides, m.Items[i].Side) {
			rows = append(rows, e)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	rival := ""
	if an.RunnerUp != nil {
		rival = an.Best
		if scenario == an.Best {
			rival = *an.RunnerUp
		}
	}
	at := func(p *float64, e calc.EntryAnalysis) string {
		if p == nil {
			return "—"
		}
		return unitValue(l, n, m, e.Unit, entryPer(m, e.Scenario, e.Item), *p)
	}
	ties := ""
	if rival != "" {
		ties = l.T(i18n.TiesWithAtHead, m.ScenarioName(rival))
	}
	return app.Table().ID(id).Class("data-table thresholds stack-narrow").Body(
		app.Caption().Text(caption),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(l.T(i18n.Item)),
			app.Th().Scope("col").Text(l.T(i18n.Now)),
			app.Th().Scope("col").Text(l.T(i18n.BreaksEvenAtHead)),
			iff(rival != "", func() app.UI { return app.Th().Scope("col").Text(ties) }),
		)),
		app.TBody().Body(
			app.Range(rows).Slice(func(i int) app.UI {
				e := rows[i]
				return app.Tr().DataSet("item", e.Item).Body(
					app.Th().Scope("row").Text(m.ItemName(e.Item)),
					app.Td().DataSet("label", l.T(i18n.Now)).Text(at(&e.Value, e)),
					app.Td().Class("break-even").DataSet("label", l.T(i18n.BreaksEvenAtHead)).Text(at(e.BreakEven, e)),
					iff(rival != "", func() app.UI { return app.Td().Class("tie").DataSet("label", ties).Text(at(e.Tie, e)) }),
				)
			}),
		),
	)
}

// partsTable lists items' contributions with their total; limit > 0 shows
// only the largest few.
func partsTable(l i18n.Lang, id string, side calc.Side, n *browser.Numbers, m calc.Model, ps []part, total float64, limit int) app.UI {
	caption, none, sum, sumAll := l.T(i18n.Benefits), i18n.NoBenefitsHere, i18n.TotalBenefits, i18n.TotalBenefitsAll
	if side == calc.SideCost {
		caption, none, sum, sumAll = l.T(i18n.Costs), i18n.NoCostsHere, i18n.TotalCosts, i18n.TotalCostsAll
	}
	totalLabel := l.T(sum)
	if limit > 0 && len(ps) > limit {
		totalLabel = l.N(sumAll, len(ps))
	}
	shown := ps
	if limit > 0 && len(shown) > limit {
		shown = shown[:limit]
	}
	return app.Table().ID(id).Class("data-table parts").Body(
		app.Caption().Text(caption),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(l.T(i18n.Item)),
			app.Th().Scope("col").Text(l.T(i18n.Type)),
			app.Th().Scope("col").Text(l.T(i18n.Entered)),
			app.Th().Scope("col").Text(l.T(i18n.Weight)),
			app.Th().Scope("col").Text(l.T(i18n.Contribution)),
		)),
		app.TBody().Body(
			iff(len(shown) == 0, func() app.UI {
				return app.Tr().Body(app.Td().ColSpan(5).Class("muted").Text(l.T(none)))
			}),
			app.Range(shown).Slice(func(i int) app.UI {
				p := shown[i]
				input := p.Input
				if !p.Scored {
					input = l.T(i18n.NoValueHere)
				}
				weight := n.Number(p.Weight, 2)
				if p.Override {
					weight = l.T(i18n.WeightThisScenario, weight)
				}
				return app.Tr().DataSet("item", p.Item.ID).Body(
					app.Th().Scope("row").Body(app.Text(p.Item.Name), sourceNote(l, p.Source)),
					app.Td().Text(info(l, p.Item.Side, p.Item.Type).Label),
					app.Td().Class("entered"+cls(" muted", !p.Scored)).Text(input),
					app.Td().Class("weight").DataSet("label", l.T(i18n.Weight)).Text(weight),
					app.Td().Class("contribution").DataSet("value", raw(p.Contribution)).Text(n.Value(m, p.Contribution)),
				)
			}),
		),
		app.TFoot().Body(app.Tr().Body(
			app.Th().Scope("row").ColSpan(4).Text(totalLabel),
			app.Td().Class("contribution").DataSet("value", raw(total)).Text(n.Value(m, total)),
		)),
	)
}
