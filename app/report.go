package app

import (
	"math"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// report is the read-only business case, to present, send and print
// (SPEC §6 "report"): whom it is for and why, the answer, why, how sure,
// and what it rests on. Each section's heading says its takeaway. The
// print stylesheet hides its bar and keeps each block whole on a page.
func report(v view) app.UI {
	return app.Div().Class("page report-page").Body(
		reportBar(v),
		app.Main().ID("report").Class("report").Body(reportSections(v)...),
	)
}

// reportSections are the report's sections in their order, one line each.
func reportSections(v view) []app.UI {
	return []app.UI{
		reportHead(v),   // the customer, the title and the summary
		reportAnswer(v), // the answer in a sentence, and its figures
		// The cash flow by year and the cumulative net (app/cashflow.go) join
		// here once the helpdesk case still prints on three pages with them.
		reportTypes(v),    // value by type
		analysis(v, true), // how sure
		reportAssumptions(v.lang(), v.n, v.model()), // the assumptions
		app.Footer().Class("report-foot muted").Text(v.t(i18n.ReportFooter)),
	}
}

// reportHead says whom the case is for, what it is and why, in the
// author's words.
func reportHead(v view) app.UI {
	m, l := v.model(), v.lang()
	return app.Header().ID("report-head").Class("report-head").Body(
		iff(v.st.Brand.Name != "" || v.st.Brand.Logo != "", func() app.UI { return brandMark(v.st.Brand, "report-head-brand") }),
		iff(m.Customer != "", func() app.UI {
			return app.P().ID("report-customer").Class("report-customer").Text(l.T(i18n.PreparedFor, m.Customer))
		}),
		app.H1().ID("report-title").Text(m.Title),
		app.P().Class("muted").Text(l.T(i18n.ReportKind, browser.DescribeSettings(v.n, m), l.Date(v.st.Today))),
		iff(strings.TrimSpace(m.Summary) != "", func() app.UI {
			paras := strings.Split(strings.ReplaceAll(strings.TrimSpace(m.Summary), "\r\n", "\n"), "\n\n")
			return app.Div().ID("report-story").Class("report-story").Body(
				app.Range(paras).Slice(func(i int) app.UI { return app.P().Text(strings.TrimSpace(paras[i])) }),
			)
		}),
	)
}

// reportAnswer is the answer: a heading that says it, the verdict in a
// sentence, and each scenario's net value with its ROI and payback (or
// its points).
func reportAnswer(v view) app.UI {
	m, res, n, l := v.model(), v.st.Result, v.n, v.lang()
	return app.Section().ID("report-answer").Class("report-section").Aria("labelledby", "report-answer-title").Body(
		app.H2().ID("report-answer-title").Text(answerHead(l, n, m, state.Decide(m, res))),
		verdict(v),
		app.Div().Class("report-nets").Body(
			app.Range(res.Scenarios).Slice(func(i int) app.UI { return reportNet(l, n, m, res, i) }),
		),
		reportUnscored(l, m),
	)
}

// answerHead is the answer as a slide's title: "With us pays back in
// month 5".
func answerHead(l i18n.Lang, n *browser.Numbers, m calc.Model, d state.Verdict) string {
	switch {
	case d.Empty:
		return l.T(i18n.VerdictEmpty)
	case d.Tie:
		return l.T(i18n.HeadTie, d.Best, d.RunnerUp)
	case m.Mode == calc.ModeScore && d.RunnerUp != "":
		return l.T(i18n.HeadLeadsPoints, d.Best, n.Value(m, d.Lead))
	case m.Mode == calc.ModeScore:
		return l.T(i18n.HeadScores, d.Best, n.Value(m, d.Net))
	case d.Net <= 0:
		return l.T(i18n.HeadNoGain, l.N(i18n.NYears, m.HorizonYears))
	case d.Payback != nil:
		return l.T(i18n.HeadPaysBack, d.Best, n.Number(math.Max(1, math.Ceil(*d.Payback)), 0))
	}
	return l.T(i18n.HeadGains, d.Best, n.Value(m, d.Net))
}

// reportTypes is where the value comes from: the value types of every
// scenario, and the waterfall of each that has more than one type (a
// waterfall of one bar says nothing the figures do not).
func reportTypes(v view) app.UI {
	m, res, n, l := v.model(), v.st.Result, v.n, v.lang()
	chartOf := func(id, title string, kind chartKind, focus calc.ScenarioResult) app.UI {
		return &chart{ID: id, Title: title, Kind: kind, Result: res, Focus: focus, Mode: m.Mode, Currency: m.Currency,
			TableOpen: v.st.TablesOpen[id], Num: n, Lang: l}
	}
	var falls []calc.ScenarioResult
	for _, s := range res.Scenarios {
		if len(waterfallSteps(l, s)) > 2 {
			falls = append(falls, s)
		}
	}
	if len(falls) == 0 && !anyValue(res) {
		return nil
	}
	return app.Section().ID("report-types").Class("report-section").Aria("labelledby", "report-types-title").Body(
		app.H2().ID("report-types-title").Text(typesHead(l, n, m, res)),
		app.Div().Class("report-charts").Body(
			chartOf("report-chart-types", l.T(i18n.ChartTypes), chartTypes, calc.ScenarioResult{}),
			app.Range(falls).Slice(func(i int) app.UI {
				return chartOf("report-waterfall-"+falls[i].ID, l.T(i18n.WaterfallOf, falls[i].Name), chartWaterfall, falls[i])
			}),
		),
	)
}

// anyValue reports whether any scenario has a benefit or a cost.
func anyValue(res calc.Result) bool {
	for _, s := range res.Scenarios {
		if s.Benefits != 0 || s.Costs != 0 {
			return true
		}
	}
	return false
}

// typesHead says which type of value the winner gets most of: "Monetary:
// most of the value of With us ($216,000 of $235,200)".
func typesHead(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) string {
	d := state.Decide(m, res)
	for _, s := range res.Scenarios {
		if s.ID != d.BestID || s.Benefits <= 0 {
			continue
		}
		top := s.BenefitsByType[0]
		for _, ts := range s.BenefitsByType {
			if ts.Value > top.Value {
				top = ts
			}
		}
		return l.T(i18n.HeadValueType, s.Name, info(l, calc.SideBenefit, top.Type).Label, n.Value(m, top.Value), n.Value(m, s.Benefits))
	}
	return l.T(i18n.WhereValueFrom)
}

// sureHead is the report's heading of "how sure": what the analysis says
// of the answer, or "" for the section's own while there is nothing to
// say (one scenario, a tie) or it is being worked out.
func sureHead(l i18n.Lang, m calc.Model, st *state.State) string {
	if st.Analysis == nil || !st.AnalysisFresh() {
		return ""
	}
	switch st.Analysis.Verdict {
	case calc.VerdictClear:
		if m.Mode == calc.ModeMoney {
			return l.T(i18n.HeadSureClearMoney)
		}
		return l.T(i18n.HeadSureClearScore)
	case calc.VerdictFragile:
		return l.T(i18n.HeadSureClose)
	}
	return ""
}

// reportBar is the report's tools: back to editing, or, for a shared
// link's reader, who never edited, "Edit a copy" (SPEC §5); the
// language; printing.
func reportBar(v view) app.UI {
	l := v.lang()
	return app.Header().Class("report-bar no-print").Body(
		iff(!v.st.Reading(), func() app.UI {
			return &button{ID: "report-back", Class: "btn btn-bar", AutoFocus: true, Text: l.T(i18n.BackToEditingArrow), Action: state.SetView{View: state.ViewEditor}}
		}),
		iff(v.st.Shared, func() app.UI {
			return &button{ID: "edit-copy", Class: "btn btn-primary", Title: l.T(i18n.EditCopyTitle), Text: l.T(i18n.EditCopy), Action: state.SaveSharedCopy{}}
		}),
		brandMark(v.st.Brand, "report-brand"),
		app.Div().Class("report-tools").Body(
			&langMenu{Lang: v.st.Lang},
			&button{ID: "report-print", Class: "btn btn-bar", Text: l.T(i18n.PrintOrPDF), Action: state.Print{}},
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
		app.P().ID("report-net-value-"+s.ID).Class("report-net-value").DataSet("value", raw(s.Net)).Text(n.Value(m, s.Net)),
		iff(i > 0 && !state.EmptyScenario(m, 0), func() app.UI {
			return app.P().Class("muted").Text(l.T(i18n.VersusBase, n.Signed(m, s.Net-res.Scenarios[0].Net), res.Scenarios[0].Name))
		}),
		// Money's three figures: the net value, its ROI and payback.
		app.Dl().Class("figures").Body(
			iff(!money, func() app.UI { return figure("", l.T(i18n.Benefits), n.Value(m, s.Benefits), raw(s.Benefits)) }),
			iff(!money, func() app.UI { return figure("", l.T(i18n.Costs), n.Value(m, s.Costs), raw(s.Costs)) }),
			iff(money, func() app.UI { return figure("report-roi-"+s.ID, l.T(i18n.ROI), n.Percent(s.ROI), ptrValue(s.ROI)) }),
			iff(money, func() app.UI {
				return figure("report-payback-"+s.ID, l.T(i18n.Payback), n.Payback(s.PaybackMonths), ptrValue(s.PaybackMonths))
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
		reportSources(l, n, m),
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
