package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
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
	// RangeOld: Range is of an earlier model, while the next is simulated.
	// Its line keeps its place, hidden, so the card keeps its height.
	RangeOld bool
	Num      *browser.Numbers
	Lang     i18n.Lang
}

func (c *resultCard) Render() app.UI {
	s, n, l := c.Result, c.Num, c.Lang
	m := calc.Model{Mode: c.Mode, Currency: c.Currency}
	best := c.Best && c.Count > 1 && !c.Empty
	money := c.Mode == calc.ModeMoney
	return app.Article().ID("result-"+s.ID).Class("result-card card"+cls(" best", best)+cls(" negative", s.Net < 0)+cls(" empty", c.Empty)).
		DataSet("scenario", s.ID).Aria("label", l.T(i18n.ResultsFor, s.Name)).Body(
		app.Header().Class("result-head").Body(
			app.H3().Class("result-name").Text(s.Name),
			iff(c.Index == 0 && c.Count > 1, func() app.UI { return app.Span().Class("tag").Text(l.T(i18n.Baseline)) }),
			iff(best, func() app.UI { return app.Span().ID("best-badge").Class("badge").Text(l.T(i18n.Best)) }),
		),
		app.Div().Class("result-body").Body(
			app.Div().Class("result-net").Body(
				app.P().Class("net-label").Text(l.T(i18n.NetValue)),
				iff(c.Empty, func() app.UI {
					return app.P().ID("net-"+s.ID).Class("net-value net-empty").DataSet("value", raw(s.Net)).Text(l.T(i18n.NothingEnteredYet))
				}),
				iff(!c.Empty, func() app.UI {
					return app.P().ID("net-"+s.ID).Class("net-value").DataSet("value", raw(s.Net)).Body(
						explainButton(l, s, "net", n.Value(m, s.Net)),
					)
				}),
				iff(c.HasRange, func() app.UI {
					return app.P().ID("range-"+s.ID).Class("net-range"+cls(" old", c.RangeOld)).Title(l.T(i18n.RangeTitle)).
						Aria("hidden", c.RangeOld).Text(l.T(i18n.LikelyRange, n.Value(m, c.Range.P10), n.Value(m, c.Range.P90)))
				}),
				iff(c.Index > 0 && !c.Empty && c.BaseName != "", func() app.UI {
					d := s.Net - c.BaseNet
					return app.P().ID("delta-"+s.ID).Class("delta"+cls(" up", d > 0)+cls(" down", d < 0)).DataSet("value", raw(d)).
						Text(l.T(i18n.VersusBase, n.Signed(m, d), c.BaseName))
				}),
			),
			iff(!c.Empty, func() app.UI {
				return app.Dl().Class("figures").Body(
					explained("benefits-"+s.ID, l.T(i18n.Benefits), raw(s.Benefits), explainButton(l, s, "benefits", n.Value(m, s.Benefits))),
					explained("costs-"+s.ID, l.T(i18n.Costs), raw(s.Costs), explainButton(l, s, "costs", n.Value(m, s.Costs))),
					figure("ratio-"+s.ID, l.T(i18n.BenefitCost), n.Ratio(s.Ratio), ptrValue(s.Ratio)),
					iff(money, func() app.UI { return figure("roi-"+s.ID, l.T(i18n.ROI), n.Percent(s.ROI), ptrValue(s.ROI)) }),
					iff(money, func() app.UI {
						return figure("payback-"+s.ID, l.T(i18n.Payback), n.Payback(s.PaybackMonths), ptrValue(s.PaybackMonths))
					}),
				)
			}),
		),
		iff(s.Unscored > 0 && !c.Empty, func() app.UI {
			return app.P().ID("unscored-" + s.ID).Class("unscored-note").Text(l.N(i18n.UnscoredNote, s.Unscored))
		}),
	)
}
