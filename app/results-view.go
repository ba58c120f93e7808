package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// renderResults shows each scenario's totals as a card: the net value
// first, then what makes it, the delta against the baseline, and a flag
// for unscored items. The best scenario is highlighted.
func (e *Editor) renderResults(m calc.Model) app.UI {
	res := e.result
	return app.Section().ID("results").Class("results").Aria("labelledby", "results-title").Body(
		app.H2().ID("results-title").Class("sr-only").Text("Results"),
		app.P().ID("results-live").Class("sr-only").Aria("live", "polite").Text(resultsSummary(e.num, m, res)),
		app.Div().Class("result-cards").Body(
			app.Range(res.Scenarios).Slice(func(i int) app.UI {
				return &pane{E: e, Kind: paneCard, I: i, Sig: cardSig(m, res, i)}
			}),
		),
	)
}

// resultsSummary is the sentence screen readers hear after each change.
func resultsSummary(n *numbers, m calc.Model, res calc.Result) string {
	for _, s := range res.Scenarios {
		if s.ID == res.Best {
			if len(res.Scenarios) == 1 {
				return "Net value " + n.value(m, s.Net) + "."
			}
			return "Best: " + s.Name + ", net value " + n.value(m, s.Net) + "."
		}
	}
	return ""
}

// cardSig hashes what renderResultCard reads for card i: anything it reads
// must be written here, or the card would not update.
func cardSig(m calc.Model, res calc.Result, i int) uint64 {
	s := res.Scenarios[i]
	h := newSig().str(string(m.Mode)).str(m.Currency).int(i).int(len(res.Scenarios)).flag(s.ID == res.Best).result(s)
	if i > 0 {
		h.num(res.Scenarios[0].Net).str(res.Scenarios[0].Name)
	}
	return uint64(*h)
}

func (e *Editor) renderResultCard(m calc.Model, res calc.Result, i int) app.UI {
	s := res.Scenarios[i]
	n := e.num
	best := s.ID == res.Best && len(res.Scenarios) > 1
	base := res.Scenarios[0]
	money := m.Mode == calc.ModeMoney
	return app.Article().ID("result-"+s.ID).Class("result-card card"+cls(" best", best)+cls(" negative", s.Net < 0)).
		DataSet("scenario", s.ID).Aria("label", "Results for "+s.Name).Body(
		app.Header().Class("result-head").Body(
			app.H3().Class("result-name").Text(s.Name),
			iff(i == 0 && len(res.Scenarios) > 1, func() app.UI { return app.Span().Class("tag").Text("Baseline") }),
			iff(best, func() app.UI { return app.Span().ID("best-badge").Class("badge").Text("Best") }),
		),
		app.P().Class("net-label").Text("Net value"),
		app.P().ID("net-"+s.ID).Class("net-value").DataSet("value", raw(s.Net)).Body(
			e.explainButton(s, "net", n.value(m, s.Net)),
		),
		iff(i > 0, func() app.UI {
			d := s.Net - base.Net
			return app.P().ID("delta-"+s.ID).Class("delta"+cls(" up", d > 0)+cls(" down", d < 0)).DataSet("value", raw(d)).
				Text(n.signed(m, d) + " vs " + base.Name)
		}),
		app.Dl().Class("figures").Body(
			explained("benefits-"+s.ID, "Benefits", raw(s.Benefits), e.explainButton(s, "benefits", n.value(m, s.Benefits))),
			explained("costs-"+s.ID, "Costs", raw(s.Costs), e.explainButton(s, "costs", n.value(m, s.Costs))),
			figure("ratio-"+s.ID, "Benefit/cost ratio", n.ratio(s.Ratio), ptrValue(s.Ratio)),
			iff(money, func() app.UI { return figure("roi-"+s.ID, "ROI", n.percent(s.ROI), ptrValue(s.ROI)) }),
			iff(money, func() app.UI {
				return figure("payback-"+s.ID, "Payback", n.payback(s.PaybackMonths), ptrValue(s.PaybackMonths))
			}),
		),
		iff(s.Unscored > 0, func() app.UI {
			what := "items have"
			if s.Unscored == 1 {
				what = "item has"
			}
			return app.P().ID("unscored-" + s.ID).Class("unscored-flag").
				Text("⚠ " + strconv.Itoa(s.Unscored) + " " + what + " no value in this scenario")
		}),
	)
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
func (e *Editor) explainButton(s calc.ScenarioResult, what, text string) app.UI {
	id := "explain-" + what + "-" + s.ID
	return app.Button().ID(id).Class("explain-btn").
		Title("Where does this come from?").Aria("label", text+": show what makes up the "+what+" of "+s.Name).
		OnClick(e.on(id, "click", func(ctx app.Context, ev app.Event) { e.explain = &explainTarget{Scenario: s.ID, What: what} })).
		Text(text)
}

func ptrValue(p *float64) string {
	if p == nil {
		return ""
	}
	return raw(*p)
}

// raw writes a number exactly, for data attributes.
func raw(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
