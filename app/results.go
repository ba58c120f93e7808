package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// results is the answer first: the verdict in a sentence, then each
// scenario's totals as a card across the width: the net value, the delta
// against the baseline and what makes it. The best scenario is
// highlighted; a scenario with nothing entered says so instead of a
// figure.
func results(v view) app.UI {
	m, res := v.model(), v.st.Result
	return app.Section().ID("results").Class("results").Aria("labelledby", "results-title").Body(
		app.H2().ID("results-title").Class("sr-only").Text(v.t(i18n.ResultsTitle)),
		verdict(v),
		app.P().ID("results-live").Class("sr-only").Aria("live", "polite").Text(resultsSummary(v.lang(), v.n, m, res)),
		resultCards(v),
	)
}

// resultCards are the scenarios' cards.
func resultCards(v view) app.UI {
	m, res := v.model(), v.st.Result
	shown := v.firstOf(len(res.Scenarios), firstScenarios)
	return app.Div().Class("result-cards").Body(
		app.Range(res.Scenarios[:shown]).Slice(func(i int) app.UI {
			c := &resultCard{Result: res.Scenarios[i], Index: i, Count: len(res.Scenarios),
				Best: res.Scenarios[i].ID == res.Best, Mode: m.Mode, Currency: m.Currency, Num: v.n, Lang: v.lang(),
				Empty: i < len(m.Scenarios) && state.EmptyScenario(m, i)}
			if i > 0 && !state.EmptyScenario(m, 0) {
				c.BaseName, c.BaseNet = res.Scenarios[0].Name, res.Scenarios[0].Net
			}
			if rs, current := v.st.CardRanges(); rs != nil {
				for _, r := range rs.Scenarios {
					if r.ID == c.Result.ID && r.P10 != r.P90 { // a scenario with ranged figures
						c.Range, c.HasRange, c.RangeOld = r, true, !current
					}
				}
			}
			return c
		}),
		moreLater(v.lang(), i18n.MoreScenariosLater, len(res.Scenarios)-shown, "more-cards"),
	)
}

// resultsStrip keeps each scenario's net value in view on a phone while
// the grid below is typed into; screen readers hear results-live instead.
func resultsStrip(v view) app.UI {
	m, res := v.model(), v.st.Result
	return app.Div().ID("results-strip").Class("results-strip").Aria("hidden", "true").Body(
		app.Range(res.Scenarios[:v.firstOf(len(res.Scenarios), firstScenarios)]).Slice(func(i int) app.UI {
			s := res.Scenarios[i]
			text := v.n.Value(m, s.Net)
			if i < len(m.Scenarios) && state.EmptyScenario(m, i) {
				text = v.t(i18n.NothingEnteredYetShort)
			}
			return app.Span().ID("strip-"+s.ID).Class("strip-item"+cls(" best", s.ID == res.Best && len(res.Scenarios) > 1)+cls(" negative", s.Net < 0)).Body(
				app.Span().Class("strip-name").Text(s.Name),
				app.Span().ID("strip-net-"+s.ID).Class("strip-net").DataSet("value", raw(s.Net)).Text(text),
			)
		}),
	)
}

// resultsSummary is the sentence screen readers hear after each change.
func resultsSummary(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) string {
	for _, s := range res.Scenarios {
		if s.ID == res.Best {
			if len(res.Scenarios) == 1 && len(m.Scenarios) == 1 && state.EmptyScenario(m, 0) {
				return l.T(i18n.NothingEnteredSentence)
			}
			if len(res.Scenarios) == 1 {
				return l.T(i18n.NetValueSentence, n.Value(m, s.Net))
			}
			return l.T(i18n.BestSentence, s.Name, n.Value(m, s.Net))
		}
	}
	return ""
}

// figure is one labelled number of a result card; value is the raw
// number, for tests and for copying, "" when there is none.
func figure(id, label, text, value string) app.UI {
	dd := app.Dd().DataSet("value", value).Text(text)
	if id != "" {
		dd = dd.ID(id)
	}
	return app.Div().Class("figure").Body(app.Dt().Text(label), dd)
}

// explained is a figure whose number opens its explanation.
func explained(id, label, value string, button app.UI) app.UI {
	return app.Div().Class("figure").Body(
		app.Dt().Text(label),
		app.Dd().ID(id).DataSet("value", value).Body(button),
	)
}

// explainButton shows a total that, clicked, lists what makes it up.
func explainButton(l i18n.Lang, s calc.ScenarioResult, what, text string) app.UI {
	k := i18n.ExplainNetLabel
	switch what {
	case "benefits":
		k = i18n.ExplainBenefitsLabel
	case "costs":
		k = i18n.ExplainCostsLabel
	}
	return &button{ID: "explain-" + what + "-" + s.ID, Class: "explain-btn", Title: l.T(i18n.ExplainWhere),
		Label: l.T(k, text, s.Name), Text: text,
		Action: state.Explain{Scenario: s.ID, What: what}}
}

func ptrValue(p *float64) string {
	if p == nil {
		return ""
	}
	return raw(*p)
}

// raw writes a number exactly, for data attributes.
func raw(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
