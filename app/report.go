package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
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
	m, res, n, l := v.model(), v.st.Result, v.n, v.lang()
	tables := v.st.TablesOpen
	chartOf := func(id, title string, kind chartKind, focus calc.ScenarioResult) app.UI {
		return &chart{ID: id, Title: title, Kind: kind, Result: res, Focus: focus, Mode: m.Mode, Currency: m.Currency,
			TableOpen: tables[id], Num: n, Lang: l}
	}
	return app.Div().Class("page report-page").Body(
		app.Header().Class("report-bar no-print").Body(
			&button{ID: "report-back", Class: "btn btn-bar", AutoFocus: true, Text: l.T(i18n.BackToEditingArrow), Action: state.SetView{View: state.ViewEditor}},
			brandMark(v.st.Brand, "report-brand"),
			&button{ID: "report-print", Class: "btn btn-bar", Text: l.T(i18n.PrintOrPDF), Action: state.Print{}},
		),
		app.Main().ID("report").Class("report").Body(
			app.Header().Class("report-head").Body(
				iff(v.st.Brand.Name != "" || v.st.Brand.Logo != "", func() app.UI { return brandMark(v.st.Brand, "report-head-brand") }),
				app.H1().ID("report-title").Text(m.Title),
				app.P().Class("muted").Text(l.T(i18n.ReportKind, browser.DescribeSettings(n, m), l.Date(v.st.Today))),
			),
			// The first page: the answer, the figures and the main chart.
			app.Section().ID("report-summary").Class("report-section").Aria("labelledby", "report-summary-title").Body(
				app.H2().ID("report-summary-title").Text(l.T(i18n.CustomerValue)),
				verdict(v),
				app.Div().Class("report-nets").Body(
					app.Range(res.Scenarios).Slice(func(i int) app.UI { return reportNet(l, n, m, res, i) }),
				),
				reportUnscored(l, m),
				chartOf("report-chart-bc", l.T(i18n.ChartBenefitsCosts), chartBenefitsCosts, calc.ScenarioResult{}),
				app.P().Class("muted small").Text(l.T(i18n.CustomerValueFormula)),
			),
			app.Section().ID("report-charts").Class("report-section").Aria("labelledby", "report-charts-title").Body(
				app.H2().ID("report-charts-title").Text(l.T(i18n.WhereValueFrom)),
				app.Div().Class("report-charts").Body(
					chartOf("report-chart-types", l.T(i18n.ChartTypes), chartTypes, calc.ScenarioResult{}),
					app.Range(res.Scenarios).Slice(func(i int) app.UI {
						s := res.Scenarios[i]
						return chartOf("report-waterfall-"+s.ID, l.T(i18n.WaterfallOf, s.Name), chartWaterfall, s)
					}),
				),
			),
			cashflow(v, "report-cashflow", true),
			analysis(v, true),
			app.Section().ID("report-top").Class("report-section").Aria("labelledby", "report-top-title").Body(
				app.H2().ID("report-top-title").Text(l.T(i18n.TopBenefitsCosts)),
				app.Range(res.Scenarios).Slice(func(j int) app.UI {
					s := res.Scenarios[j]
					return app.Div().Class("report-scenario").Body(
						app.H3().Text(s.Name),
						app.Div().Class("report-tops").Body(
							partsTable(l, "report-top-benefits-"+s.ID, calc.SideBenefit, n, m, scoredParts(parts(l, n, m, res, j, calc.SideBenefit)), s.Benefits, topParts),
							partsTable(l, "report-top-costs-"+s.ID, calc.SideCost, n, m, scoredParts(parts(l, n, m, res, j, calc.SideCost)), s.Costs, topParts),
						),
					)
				}),
			),
			reportAssumptions(l, n, m),
			app.Footer().Class("report-foot muted").Text(l.T(i18n.ReportFooter)),
		),
	)
}

// reportNet is one scenario's headline: its net value, large, and the
// figures behind it.
func reportNet(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result, i int) app.UI {
	s := res.Scenarios[i]
	empty := state.EmptyScenario(m, i)
	best := s.ID == res.Best && len(res.Scenarios) > 1 && !empty
	money := m.Mode == calc.ModeMoney
	if empty {
		return app.Article().ID("report-net-"+s.ID).Class("report-net empty").Body(
			app.H3().Text(s.Name),
			app.P().Class("report-net-value net-empty").DataSet("value", raw(s.Net)).Text(l.T(i18n.NothingEnteredYet)),
		)
	}
	return app.Article().ID("report-net-"+s.ID).Class("report-net"+cls(" best", best)+cls(" negative", s.Net < 0)).Body(
		app.H3().Body(
			app.Text(s.Name),
			iff(best, func() app.UI { return app.Span().Class("badge").Text(l.T(i18n.Best)) }),
		),
		app.P().Class("report-net-value").DataSet("value", raw(s.Net)).Text(n.Value(m, s.Net)),
		iff(i > 0 && !state.EmptyScenario(m, 0), func() app.UI {
			return app.P().Class("muted").Text(l.T(i18n.VersusBase, n.Signed(m, s.Net-res.Scenarios[0].Net), res.Scenarios[0].Name))
		}),
		app.Dl().Class("figures").Body(
			figure("", l.T(i18n.Benefits), n.Value(m, s.Benefits), raw(s.Benefits)),
			figure("", l.T(i18n.Costs), n.Value(m, s.Costs), raw(s.Costs)),
			figure("", l.T(i18n.BenefitCostRatio), n.Ratio(s.Ratio), ptrValue(s.Ratio)),
			iff(money, func() app.UI { return figure("", l.T(i18n.ROI), n.Percent(s.ROI), ptrValue(s.ROI)) }),
			iff(money, func() app.UI {
				return figure("", l.T(i18n.Payback), n.Payback(s.PaybackMonths), ptrValue(s.PaybackMonths))
			}),
		),
	)
}

// reportUnscored says once, plainly, which items have no value where it
// matters; a status quo's missing values are no news, and an empty
// scenario already says it holds nothing.
func reportUnscored(l i18n.Lang, m calc.Model) app.UI {
	var parts []string
	for j, names := range state.Unscored(m) {
		if len(names) == 0 {
			continue
		}
		list := names
		if len(list) > 5 {
			list = append(list[:5:5], l.T(i18n.AndNMore, len(names)-5))
		}
		parts = append(parts, l.T(i18n.HasNoValueFor, m.Scenarios[j].Name, strings.Join(list, ", ")))
	}
	if len(parts) == 0 {
		return nil
	}
	return app.P().ID("report-unscored").Class("report-unscored").Text(
		l.T(i18n.NotEveryCounted, strings.Join(parts, "; ")))
}

// reportAssumptions lists the settings and the weights the results rest on.
func reportAssumptions(l i18n.Lang, n *browser.Numbers, m calc.Model) app.UI {
	var settings []app.UI
	row := func(k, v string) { settings = append(settings, app.Dt().Text(k), app.Dd().Text(v)) }
	if m.Mode == calc.ModeMoney {
		row(l.T(i18n.MeasuredIn), l.T(i18n.MoneyIn, m.Currency))
		row(l.T(i18n.Horizon), l.N(i18n.NYears, m.HorizonYears))
		row(l.T(i18n.DiscountRate), l.T(i18n.PercentAYear, n.Number(m.DiscountRate*100, 2)))
		row(l.T(i18n.HourlyRate), l.T(i18n.PerHour, n.Money(m, m.HourlyRate)))
		row(l.T(i18n.Payback), l.T(i18n.PaybackHow))
	} else {
		row(l.T(i18n.MeasuredIn), l.T(i18n.ScoresFromTo, m.Scale.Min, m.Scale.Max))
	}
	row(l.T(i18n.Baseline), m.Scenarios[0].Name)
	overrides := 0
	for _, s := range m.Scenarios {
		for _, en := range s.Entries {
			if en != nil && en.Weight != nil {
				overrides++
			}
		}
	}
	return app.Section().ID("report-assumptions").Class("report-section").Aria("labelledby", "report-assumptions-title").Body(
		app.H2().ID("report-assumptions-title").Text(l.T(i18n.Assumptions)),
		app.Dl().Class("assumptions").Body(settings...),
		app.P().Class("hint").Text(discountNote(l, n, m)),
		app.Table().ID("report-weights").Class("data-table weights").Body(
			app.Caption().Text(l.T(i18n.ItemsAndWeights)),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(l.T(i18n.Item)),
				app.Th().Scope("col").Text(l.T(i18n.Side)),
				app.Th().Scope("col").Text(l.T(i18n.Type)),
				app.Th().Scope("col").Text(l.T(i18n.Stage)),
				app.Th().Scope("col").Text(l.T(i18n.Weight)),
			)),
			app.TBody().Body(
				app.Range(m.Items).Slice(func(i int) app.UI {
					it := m.Items[i]
					return app.Tr().Body(
						app.Th().Scope("row").Body(
							app.Text(it.Name),
							iff(it.Note != "", func() app.UI { return app.Span().Class("report-note").Text(it.Note) }),
						),
						app.Td().Text(sideLabel(l, it.Side)),
						app.Td().Text(info(l, it.Side, it.Type).Label),
						app.Td().Text(stageLabel(l, it.Stage)),
						app.Td().Text(n.Number(it.Weight, 2)),
					)
				}),
			),
		),
		iff(overrides > 0, func() app.UI {
			return app.P().Class("hint").Text(l.N(i18n.OverridesNote, overrides))
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
