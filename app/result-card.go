package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/calc"
)

// resultCard is one scenario's result. Its fields are all it shows, so
// go-app renders it again only when one of them changes.
type resultCard struct {
	app.Compo
	Result   calc.ScenarioResult
	Index    int
	Count    int
	Best     bool
	Mode     calc.Mode
	Currency string
	BaseName string // the baseline's, for the delta; "" on the baseline
	BaseNet  float64
	Range    calc.RangeResult // the simulation's, when HasRange
	HasRange bool
	Num      *browser.Numbers
}

func (c *resultCard) Render() app.UI {
	s, n := c.Result, c.Num
	m := calc.Model{Mode: c.Mode, Currency: c.Currency}
	best := c.Best && c.Count > 1
	money := c.Mode == calc.ModeMoney
	return app.Article().ID("result-"+s.ID).Class("result-card card"+cls(" best", best)+cls(" negative", s.Net < 0)).
		DataSet("scenario", s.ID).Aria("label", "Results for "+s.Name).Body(
		app.Header().Class("result-head").Body(
			app.H3().Class("result-name").Text(s.Name),
			iff(c.Index == 0 && c.Count > 1, func() app.UI { return app.Span().Class("tag").Text("Baseline") }),
			iff(best, func() app.UI { return app.Span().ID("best-badge").Class("badge").Text("Best") }),
		),
		app.P().Class("net-label").Text("Net value"),
		app.P().ID("net-"+s.ID).Class("net-value").DataSet("value", raw(s.Net)).Body(
			explainButton(s, "net", n.Value(m, s.Net)),
		),
		iff(c.HasRange, func() app.UI {
			return app.P().ID("range-" + s.ID).Class("net-range").Title("From your own low and high estimates: 10,000 simulated cases").
				Text("Likely " + n.Value(m, c.Range.P10) + " to " + n.Value(m, c.Range.P90) + " (P10–P90)")
		}),
		iff(c.Index > 0, func() app.UI {
			d := s.Net - c.BaseNet
			return app.P().ID("delta-"+s.ID).Class("delta"+cls(" up", d > 0)+cls(" down", d < 0)).DataSet("value", raw(d)).
				Text(n.Signed(m, d) + " vs " + c.BaseName)
		}),
		app.Dl().Class("figures").Body(
			explained("benefits-"+s.ID, "Benefits", raw(s.Benefits), explainButton(s, "benefits", n.Value(m, s.Benefits))),
			explained("costs-"+s.ID, "Costs", raw(s.Costs), explainButton(s, "costs", n.Value(m, s.Costs))),
			figure("ratio-"+s.ID, "Benefit/cost ratio", n.Ratio(s.Ratio), ptrValue(s.Ratio)),
			iff(money, func() app.UI { return figure("roi-"+s.ID, "ROI", n.Percent(s.ROI), ptrValue(s.ROI)) }),
			iff(money, func() app.UI {
				return figure("payback-"+s.ID, "Payback", n.Payback(s.PaybackMonths), ptrValue(s.PaybackMonths))
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
