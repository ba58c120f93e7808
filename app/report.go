package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// topParts is how many benefits and costs the report lists per scenario.
const topParts = 5

// report is the read-only view for presenting and printing: the net
// value of each scenario, large; the charts; the top benefits and costs;
// and the assumptions behind the numbers. The print stylesheet hides its
// bar and breaks pages between its sections.
func report(v view) app.UI {
	m, res, n := v.model(), v.st.Result, v.n
	tables := v.st.TablesOpen
	chartOf := func(id, title string, kind chartKind, focus calc.ScenarioResult) app.UI {
		return &chart{ID: id, Title: title, Kind: kind, Result: res, Focus: focus, Mode: m.Mode, Currency: m.Currency,
			TableOpen: tables[id], Num: n}
	}
	return app.Div().Class("page report-page").Body(
		app.Header().Class("report-bar no-print").Body(
			&button{ID: "report-back", Class: "btn btn-bar", AutoFocus: true, Text: "← Back to editing", Action: state.SetView{View: state.ViewEditor}},
			brandMark(v.st.Brand, "report-brand"),
			&button{ID: "report-print", Class: "btn btn-bar", Text: "Print or save as PDF", Action: state.Print{}},
		),
		app.Main().ID("report").Class("report").Body(
			app.Header().Class("report-head").Body(
				iff(v.st.Brand.Name != "" || v.st.Brand.Logo != "", func() app.UI { return brandMark(v.st.Brand, "report-head-brand") }),
				app.H1().ID("report-title").Text(m.Title),
				app.P().Class("muted").Text("Customer value assessment · "+browser.DescribeSettings(n, m)+" · "+v.st.Today),
			),
			// The first page: the answer, the figures and the main chart.
			app.Section().ID("report-summary").Class("report-section").Aria("labelledby", "report-summary-title").Body(
				app.H2().ID("report-summary-title").Text("Customer value"),
				verdict(v),
				app.Div().Class("report-nets").Body(
					app.Range(res.Scenarios).Slice(func(i int) app.UI { return reportNet(n, m, res, i) }),
				),
				reportUnscored(m),
				chartOf("report-chart-bc", "Benefits and costs per scenario", chartBenefitsCosts, calc.ScenarioResult{}),
				app.P().Class("muted small").Text("Customer value = total perceived benefits − total customer costs."),
			),
			app.Section().ID("report-charts").Class("report-section").Aria("labelledby", "report-charts-title").Body(
				app.H2().ID("report-charts-title").Text("Where the value comes from"),
				app.Div().Class("report-charts").Body(
					chartOf("report-chart-types", "Contributions by value type", chartTypes, calc.ScenarioResult{}),
					app.Range(res.Scenarios).Slice(func(i int) app.UI {
						s := res.Scenarios[i]
						return chartOf("report-waterfall-"+s.ID, s.Name+": from benefits to net value", chartWaterfall, s)
					}),
				),
			),
			analysis(v, true),
			app.Section().ID("report-top").Class("report-section").Aria("labelledby", "report-top-title").Body(
				app.H2().ID("report-top-title").Text("Top benefits and costs"),
				app.Range(res.Scenarios).Slice(func(j int) app.UI {
					s := res.Scenarios[j]
					return app.Div().Class("report-scenario").Body(
						app.H3().Text(s.Name),
						app.Div().Class("report-tops").Body(
							partsTable("report-top-benefits-"+s.ID, "Benefits", n, m, scoredParts(parts(n, m, res, j, calc.SideBenefit)), s.Benefits, topParts),
							partsTable("report-top-costs-"+s.ID, "Costs", n, m, scoredParts(parts(n, m, res, j, calc.SideCost)), s.Costs, topParts),
						),
					)
				}),
			),
			reportAssumptions(n, m),
			app.Footer().Class("report-foot muted").Text("Made with valuecalc. Figures are estimates based on the assumptions above."),
		),
	)
}

// reportNet is one scenario's headline: its net value, large, and the
// figures behind it.
func reportNet(n *browser.Numbers, m calc.Model, res calc.Result, i int) app.UI {
	s := res.Scenarios[i]
	empty := state.EmptyScenario(m, i)
	best := s.ID == res.Best && len(res.Scenarios) > 1 && !empty
	money := m.Mode == calc.ModeMoney
	if empty {
		return app.Article().ID("report-net-"+s.ID).Class("report-net empty").Body(
			app.H3().Text(s.Name),
			app.P().Class("report-net-value net-empty").DataSet("value", raw(s.Net)).Text("Nothing entered yet"),
		)
	}
	return app.Article().ID("report-net-"+s.ID).Class("report-net"+cls(" best", best)+cls(" negative", s.Net < 0)).Body(
		app.H3().Body(
			app.Text(s.Name),
			iff(best, func() app.UI { return app.Span().Class("badge").Text("Best") }),
		),
		app.P().Class("report-net-value").DataSet("value", raw(s.Net)).Text(n.Value(m, s.Net)),
		iff(i > 0 && !state.EmptyScenario(m, 0), func() app.UI {
			return app.P().Class("muted").Text(n.Signed(m, s.Net-res.Scenarios[0].Net) + " vs " + res.Scenarios[0].Name)
		}),
		app.Dl().Class("figures").Body(
			figure("", "Benefits", n.Value(m, s.Benefits), raw(s.Benefits)),
			figure("", "Costs", n.Value(m, s.Costs), raw(s.Costs)),
			figure("", "Benefit/cost ratio", n.Ratio(s.Ratio), ptrValue(s.Ratio)),
			iff(money, func() app.UI { return figure("", "ROI", n.Percent(s.ROI), ptrValue(s.ROI)) }),
			iff(money, func() app.UI { return figure("", "Payback", n.Payback(s.PaybackMonths), ptrValue(s.PaybackMonths)) }),
		),
	)
}

// reportUnscored says once, plainly, which items have no value where it
// matters; a status quo's missing values are no news, and an empty
// scenario already says it holds nothing.
func reportUnscored(m calc.Model) app.UI {
	var parts []string
	for j, names := range state.Unscored(m) {
		if len(names) == 0 {
			continue
		}
		list := names
		if len(list) > 5 {
			list = append(list[:5:5], "and "+strconv.Itoa(len(names)-5)+" more")
		}
		parts = append(parts, m.Scenarios[j].Name+" has no value for "+strings.Join(list, ", "))
	}
	if len(parts) == 0 {
		return nil
	}
	return app.P().ID("report-unscored").Class("report-unscored").Text(
		"Not every item is counted: " + strings.Join(parts, "; ") + ". Those items add nothing to the figures above.")
}

// reportAssumptions lists the settings and the weights the results rest on.
func reportAssumptions(n *browser.Numbers, m calc.Model) app.UI {
	var settings []app.UI
	row := func(k, v string) { settings = append(settings, app.Dt().Text(k), app.Dd().Text(v)) }
	if m.Mode == calc.ModeMoney {
		row("Measured in", "money, "+m.Currency)
		row("Horizon", state.Plural(m.HorizonYears, "year"))
		row("Discount rate", n.Number(m.DiscountRate*100, 2)+" % a year")
		row("Hourly rate", n.Money(m.HourlyRate, m.Currency)+" per hour")
		row("Payback", "undiscounted, from one-off amounts and monthly and yearly flows")
	} else {
		row("Measured in", "scores from "+strconv.Itoa(m.Scale.Min)+" to "+strconv.Itoa(m.Scale.Max)+", multiplied by weight")
	}
	row("Baseline", m.Scenarios[0].Name)
	overrides := 0
	for _, s := range m.Scenarios {
		for _, en := range s.Entries {
			if en != nil && en.Weight != nil {
				overrides++
			}
		}
	}
	return app.Section().ID("report-assumptions").Class("report-section").Aria("labelledby", "report-assumptions-title").Body(
		app.H2().ID("report-assumptions-title").Text("Assumptions"),
		app.Dl().Class("assumptions").Body(settings...),
		app.P().Class("hint").Text(discountNote(n, m)),
		app.Table().ID("report-weights").Class("data-table weights").Body(
			app.Caption().Text("Items and weights"),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Item"),
				app.Th().Scope("col").Text("Side"),
				app.Th().Scope("col").Text("Type"),
				app.Th().Scope("col").Text("Stage"),
				app.Th().Scope("col").Text("Weight"),
			)),
			app.TBody().Body(
				app.Range(m.Items).Slice(func(i int) app.UI {
					it := m.Items[i]
					return app.Tr().Body(
						app.Th().Scope("row").Body(
							app.Text(it.Name),
							iff(it.Note != "", func() app.UI { return app.Span().Class("report-note").Text(it.Note) }),
						),
						app.Td().Text(sideLabel(it.Side)),
						app.Td().Text(info(it.Side, it.Type).Label),
						app.Td().Text(stageLabels[it.Stage]),
						app.Td().Text(n.Number(it.Weight, 2)),
					)
				}),
			),
		),
		iff(overrides > 0, func() app.UI {
			return app.P().Class("hint").Text(state.Plural(overrides, "value") + " use a weight of their own scenario instead of the item's; " +
				"“Where does this come from?” in the editor shows them.")
		}),
	)
}

// scoredParts drops the items without a value: a report lists what counts.
func scoredParts(ps []part) []part {
	out := ps[:0:0]
	for _, p := range ps {
		if p.Scored {
			out = append(out, p)
		}
	}
	return out
}
