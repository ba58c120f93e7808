package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
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
	Empty    bool // nothing is entered: no figure to show yet
	Mode     calc.Mode
	Currency string
	BaseName string // the baseline's, for the delta; "" on the baseline or when it is empty
	BaseNet  float64
	Range    calc.RangeResult // the simulation's, when HasRange
	HasRange bool
	Num      *browser.Numbers
}

func (c *resultCard) Render() app.UI {
	s, n := c.Result, c.Num
	m := calc.Model{Mode: c.Mode, Currency: c.Currency}
	best := c.Best && c.Count > 1 && !c.Empty
	money := c.Mode == calc.ModeMoney
	return app.Article().ID("result-"+s.ID).Class("result-card card"+cls(" best", best)+cls(" negative", s.Net < 0)+cls(" empty", c.Empty)).
		DataSet("scenario", s.ID).Aria("label", "Results for "+s.Name).Body(
		app.Header().Class("result-head").Body(
			app.H3().Class("result-name").Text(s.Name),
			iff(c.Index == 0 && c.Count > 1, func() app.UI { return app.Span().Class("tag").Text("Baseline") }),
			iff(best, func() app.UI { return app.Span().ID("best-badge").Class("badge").Text("Best") }),
		),
		app.Div().Class("result-body").Body(
			app.Div().Class("result-net").Body(
				app.P().Class("net-label").Text("Net value"),
				iff(c.Empty, func() app.UI {
					return app.P().ID("net-"+s.ID).Class("net-value net-empty").DataSet("value", raw(s.Net)).Text("Nothing entered yet")
				}),
				iff(!c.Empty, func() app.UI {
					return app.P().ID("net-"+s.ID).Class("net-value").DataSet("value", raw(s.Net)).Body(
						explainButton(s, "net", n.Value(m, s.Net)),
					)
				}),
				iff(c.HasRange, func() app.UI {
					return app.P().ID("range-" + s.ID).Class("net-range").Title("From your own low and high estimates: 10,000 simulated cases").
						Text("Likely " + n.Value(m, c.Range.P10) + " to " + n.Value(m, c.Range.P90) + " (P10–P90)")
				}),
				iff(c.Index > 0 && !c.Empty && c.BaseName != "", func() app.UI {
					d := s.Net - c.BaseNet
					return app.P().ID("delta-"+s.ID).Class("delta"+cls(" up", d > 0)+cls(" down", d < 0)).DataSet("value", raw(d)).
						Text(n.Signed(m, d) + " vs " + c.BaseName)
				}),
			),
			iff(!c.Empty, func() app.UI {
				return app.Dl().Class("figures").Body(
					explained("benefits-"+s.ID, "Benefits", raw(s.Benefits), explainButton(s, "benefits", n.Value(m, s.Benefits))),
					explained("costs-"+s.ID, "Costs", raw(s.Costs), explainButton(s, "costs", n.Value(m, s.Costs))),
					figure("ratio-"+s.ID, "Benefit/cost", n.Ratio(s.Ratio), ptrValue(s.Ratio)),
					iff(money, func() app.UI { return figure("roi-"+s.ID, "ROI", n.Percent(s.ROI), ptrValue(s.ROI)) }),
					iff(money, func() app.UI {
						return figure("payback-"+s.ID, "Payback", n.Payback(s.PaybackMonths), ptrValue(s.PaybackMonths))
					}),
				)
			}),
		),
		iff(s.Unscored > 0 && !c.Empty, func() app.UI {
			what := " have no value here"
			if s.Unscored == 1 {
				what = " has no value here"
			}
			return app.P().ID("unscored-" + s.ID).Class("unscored-note").Text(state.Plural(s.Unscored, "item") + what)
		}),
	)
}
