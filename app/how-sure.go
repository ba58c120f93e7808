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

// tornadoBars is how many swings the tornado chart shows.
const tornadoBars = 10

// howSure is "what would change the answer": the tornado chart of the
// figures the net depends on most, the ranges' simulation, the weights at
// which the winner changes, and the goal seek. Its fields are all it
// shows; the analysis is a value the reducer replaces in idle time after
// edits.
type howSure struct {
	app.Compo
	Analysis    *calc.Analysis
	Model       calc.Model // the model the analysis is of
	Result      calc.Result
	Tornado     string // the scenario shown, "" for the best
	Simulating  bool
	SimProgress float64
	Last        *calc.Ranges // the last figures simulated, shown while the next run goes
	Goal        state.Goal
	Num         *browser.Numbers
	Report      bool   // in the report: nothing to choose or type
	Heading     string // the report's takeaway; "" for "How sure is this?"
	Lang        i18n.Lang
}

func (h *howSure) Render() app.UI {
	an, m, n, l := h.Analysis, h.Model, h.Num, h.Lang
	id := h.Tornado
	if an != nil && (id == "" || m.ScenarioIndex(id) < 0) {
		id = an.Best
	}
	prefix := "how-sure"
	if h.Report {
		prefix = "report-how-sure"
	}
	return app.Section().ID(prefix).Class("how-sure card").Aria("labelledby", prefix+"-title").Body(
		app.Div().Class("section-head").Body(
			app.H2().ID(prefix+"-title").Text(cmp.Or(h.Heading, l.T(i18n.HowSure))),
		),
		iff(an == nil, func() app.UI {
			return app.P().Class("muted").Text(l.T(i18n.WorkingOutFigures))
		}),
		iff(an != nil, func() app.UI {
			return app.Div().Class("how-sure-body").Body(
				h.tornado(prefix, id),
				// The report holds, in words, what the editor shows on
				// each cell and in its explanation: where each figure of
				// the tornado's scenario breaks even or ties.
				iff(h.Report, func() app.UI { return h.thresholds(prefix, id) }),
				h.ranges(prefix),
				h.weightTies(prefix),
				iff(!h.Report, func() app.UI {
					return &goalSeek{Goal: h.Goal, Model: m, Num: n, Lang: l}
				}),
				// And the goal seek's answer, when one was asked.
				iff(h.Report && h.Goal.Answer != nil, func() app.UI {
					return (&goalSeek{Goal: h.Goal, Model: m, Num: n, Lang: l}).statement(prefix + "-goal")
				}),
			)
		}),
	)
}

// thresholds is the report's table of where each figure of scenario id
// breaks even or ties, or says that none does within its bounds.
func (h *howSure) thresholds(prefix, id string) app.UI {
	m, l := h.Model, h.Lang
	if t := thresholdsTable(prefix+"-thresholds", l.T(i18n.ThresholdsOf, m.ScenarioName(id)), l, h.Num, m, *h.Analysis, id, []calc.Side{calc.SideBenefit, calc.SideCost}); t != nil {
		return t
	}
	return app.P().ID(prefix + "-thresholds").Class("hint muted").Text(l.T(i18n.NoThresholds, m.ScenarioName(id)))
}

// tornado is the chart of the largest swings of scenario id's net: each
// bar spans the net with one entry at the low and the high end of its
// swing (±20 % of money, ±1 on the scale), every other entry as it is.
func (h *howSure) tornado(prefix, id string) app.UI {
	m, n, l := h.Model, h.Num, h.Lang
	bars := state.Tornado(h.Analysis, m, id, tornadoBars)
	net := 0.0
	for _, s := range h.Result.Scenarios {
		if s.ID == id {
			net = s.Net
		}
	}
	lo, hi := net, net
	for _, b := range bars {
		lo, hi = math.Min(lo, b.SwingLow), math.Max(hi, b.SwingHigh)
	}
	if hi == lo {
		hi = lo + 1
	}
	x := func(v float64) float64 { return 2 + (v-lo)/(hi-lo)*96 }
	swing := i18n.TornadoHintMoney
	if m.Mode == calc.ModeScore {
		swing = i18n.TornadoHintScore
	}
	if slices.ContainsFunc(bars, func(b state.Swing) bool { return b.Driver != "" }) {
		swing = i18n.TornadoHintDrivers
	}
	return app.Div().Class("tornado").Body(
		app.Div().Class("tornado-head").Body(
			app.H3().Text(l.T(i18n.DependsOnMost)),
			iff(!h.Report && len(m.Scenarios) > 1, func() app.UI {
				return &scenarioChoice{ID: prefix + "-scenario", Label: l.T(i18n.Scenario), Value: id, Scenarios: names(m)}
			}),
		),
		app.P().Class("hint muted").Text(l.T(swing, m.ScenarioName(id), n.Value(m, net))),
		iff(len(bars) == 0, func() app.UI {
			return app.P().Class("muted").Text(l.T(i18n.NothingInScenario))
		}),
		app.Ol().ID(prefix+"-tornado").Class("tornado-bars").Body(
			app.Range(bars).Slice(func(i int) app.UI {
				b := bars[i]
				desc := l.T(i18n.NetFromTo, b.Name, n.Value(m, b.SwingLow), n.Value(m, b.SwingHigh))
				return app.Li().Class("tornado-row"+cls(" flips", b.Flips)+cls(" driver", b.Driver != "")).DataSet("item", b.Item).DataSet("driver", b.Driver).Body(
					app.Span().Class("tornado-name").Body(
						app.Text(b.Name),
						// A driver's bar is one of the case's own facts: said
						// so, with its value, as it moves every entry priced
						// per it at once.
						iff(b.Driver != "", func() app.UI {
							return app.Span().Class("tornado-driver").Body(
								yourNumber(l),
								app.Text(" "+driverValue(n, calc.Driver{Unit: b.DriverUnit}, b.Value)),
							)
						}),
					),
					svg("svg").Attr("viewBox", "0 0 100 10").Attr("preserveAspectRatio", "none").Attr("role", "img").
						Aria("label", desc).Class("tornado-svg").Body(
						svg("rect").Attr("x", f2s(x(b.SwingLow))).Attr("y", "1").
							Attr("width", f2s(math.Max(x(b.SwingHigh)-x(b.SwingLow), 0.6))).Attr("height", "8").
							Class("tornado-bar"),
						svg("line").Attr("x1", f2s(x(net))).Attr("x2", f2s(x(net))).Attr("y1", "0").Attr("y2", "10").
							Class("tornado-now"),
					),
					app.Span().Class("tornado-values").Body(
						app.Span().Class("tornado-low").Text(n.Value(m, b.SwingLow)),
						app.Text(" "+l.T(i18n.To)+" "),
						app.Span().Class("tornado-high").Text(n.Value(m, b.SwingHigh)),
					),
					iff(b.Flips, func() app.UI { return app.Span().Class("tornado-flag").Text(l.T(i18n.CanChangeWinner)) }),
				)
			}),
		),
	)
}

// ranges are the simulation's figures, when entries have ranges. While a
// run brings them up to date after an edit, the last figures stay, marked
// as updating, with the run's progress over their explanation: the block keeps
// its height, and nothing below it moves while the user types.
func (h *howSure) ranges(prefix string) app.UI {
	an, m, n, l := h.Analysis, h.Model, h.Num, h.Lang
	rs := an.Ranges
	if h.Simulating {
		rs = h.Last
	}
	switch {
	case h.Simulating && rs == nil:
		return app.Div().Class("ranges").Body(
			app.H3().Text(l.T(i18n.Ranges)),
			app.Label().For(prefix+"-progress").Text(l.T(i18n.Simulating)),
			&simProgress{ID: prefix + "-progress", Value: h.SimProgress},
		)
	case rs == nil:
		if h.Report {
			return nil
		}
		return app.Div().Class("ranges").Body(
			app.H3().Text(l.T(i18n.Ranges)),
			app.P().Class("hint muted").Text(l.T(i18n.RangesInvite)),
		)
	}
	return app.Div().Class("ranges"+cls(" updating", h.Simulating)).Body(
		app.H3().Text(l.T(i18n.Ranges)),
		// The run's progress takes the explanation's place, which keeps
		// its height: nothing moves when it comes and goes.
		app.Div().Class("ranges-note").Body(
			app.P().Class("hint").Text(l.T(i18n.RangesExplain)),
			iff(h.Simulating, func() app.UI {
				return app.Div().Class("ranges-status").Body(
					app.Label().For(prefix+"-progress").Text(l.T(i18n.RangesUpdating)),
					&simProgress{ID: prefix + "-progress", Value: h.SimProgress},
				)
			}),
		),
		h.rangeBands(prefix, rs),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", l.T(i18n.SimulatedNet)).Body(app.Table().ID(prefix+"-ranges").Class("data-table stack-narrow").Body(
			app.Caption().Class("sr-only").Text(l.T(i18n.SimulatedNet)),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(l.T(i18n.Scenario)),
				app.Th().Scope("col").Text(l.T(i18n.LikelyNet)),
				app.Th().Scope("col").Text(l.T(i18n.Median)),
				app.Th().Scope("col").Text(l.T(i18n.ChanceBest)),
				app.Th().Scope("col").Text(l.T(i18n.ChancePositive)),
			)),
			app.TBody().Body(
				app.Range(rs.Scenarios).Slice(func(i int) app.UI {
					r := rs.Scenarios[i]
					return app.Tr().DataSet("scenario", r.ID).Body(
						app.Th().Scope("row").Text(m.ScenarioName(r.ID)),
						app.Td().DataSet("label", l.T(i18n.LikelyNet)).Text(likely(l, n, m, r)),
						app.Td().DataSet("label", l.T(i18n.Median)).Text(n.Value(m, r.P50)),
						app.Td().Class("chance-best").DataSet("label", l.T(i18n.ChanceBest)).DataSet("value", raw(r.PBest)).Text(percent(n, r.PBest)),
						app.Td().Class("chance-positive").DataSet("label", l.T(i18n.ChancePositive)).DataSet("value", raw(r.PPositive)).Text(percent(n, r.PPositive)),
					)
				}),
			),
		)),
	)
}

// rangeBands draws each scenario's likely net, P10 to P90, as a band on
// one axis shared by all, with its median and zero marked: the chart of
// the figures the table below gives.
func (h *howSure) rangeBands(prefix string, rs *calc.Ranges) app.UI {
	m, n, l := h.Model, h.Num, h.Lang
	lo, hi := 0.0, 0.0
	for _, r := range rs.Scenarios {
		lo, hi = math.Min(lo, r.P10), math.Max(hi, r.P90)
	}
	if hi == lo {
		hi = lo + 1
	}
	x := func(v float64) string { return f2s(2 + (v-lo)/(hi-lo)*96) }
	return app.Ol().ID(prefix + "-bands").Class("tornado-bars range-bands").Body(
		app.Range(rs.Scenarios).Slice(func(i int) app.UI {
			r := rs.Scenarios[i]
			name := m.ScenarioName(r.ID)
			width := math.Max((r.P90-r.P10)/(hi-lo)*96, 0.6)
			return app.Li().Class("tornado-row").DataSet("scenario", r.ID).Body(
				app.Span().Class("tornado-name").Text(name),
				svg("svg").Attr("viewBox", "0 0 100 10").Attr("preserveAspectRatio", "none").Attr("role", "img").
					Aria("label", l.T(i18n.LikelyBand, name, n.Value(m, r.P10), n.Value(m, r.P90), n.Value(m, r.P50))).
					Class("tornado-svg").Body(
					svg("rect").Attr("x", x(r.P10)).Attr("y", "1").Attr("width", f2s(width)).Attr("height", "8").
						Class("range-band"+cls(" negative", r.P50 < 0)),
					svg("line").Attr("x1", x(0)).Attr("x2", x(0)).Attr("y1", "0").Attr("y2", "10").Class("range-zero"),
					svg("line").Attr("x1", x(r.P50)).Attr("x2", x(r.P50)).Attr("y1", "0").Attr("y2", "10").Class("tornado-now"),
				),
				app.Span().Class("tornado-values").Text(likely(l, n, m, r)),
			)
		}),
	)
}

// likely is a scenario's P10 to P90, or its net when none of its figures
// is ranged.
func likely(l i18n.Lang, n *browser.Numbers, m calc.Model, r calc.RangeResult) string {
	if r.P10 == r.P90 {
		return l.T(i18n.NoRanged, n.Value(m, r.P10))
	}
	return l.T(i18n.FromTo, n.Value(m, r.P10), n.Value(m, r.P90))
}

func percent(n *browser.Numbers, f float64) string { return n.Number(f*100, 0) + " %" }

// weightTies are the weights at which the runner-up would catch the best.
func (h *howSure) weightTies(prefix string) app.UI {
	an, m, n, l := h.Analysis, h.Model, h.Num, h.Lang
	var ties []calc.WeightTie
	for _, w := range an.Weights {
		if w.WeightTie != nil {
			ties = append(ties, w)
		}
	}
	if len(ties) == 0 || an.RunnerUp == nil {
		return nil
	}
	// The weights closest to tying come first, and only a few are listed:
	// on a large model nearly every item has a tie somewhere, and a list
	// of them all neither reads nor prints well.
	slices.SortStableFunc(ties, func(a, b calc.WeightTie) int {
		return cmp.Compare(tieDistance(a), tieDistance(b))
	})
	more := 0
	if len(ties) > shownWeightTies {
		ties, more = ties[:shownWeightTies], len(ties)-shownWeightTies
	}
	return app.Div().Class("weight-ties").Body(
		app.H3().Text(l.T(i18n.WeightsChangeWinner)),
		app.P().Class("hint muted").Text(l.T(i18n.WeightCatchUp, m.ScenarioName(*an.RunnerUp), m.ScenarioName(an.Best))),
		app.Ul().ID(prefix+"-weights").Class("weight-tie-list").Body(
			app.Range(ties).Slice(func(i int) app.UI {
				w := ties[i]
				return app.Li().DataSet("item", w.Item).Text(l.T(i18n.WeightNowTies, m.ItemName(w.Item), n.Number(w.Weight, 2), n.Number(*w.WeightTie, 2)))
			}),
		),
		iff(more > 0, func() app.UI {
			return app.P().Class("hint muted").Text(l.N(i18n.MoreWeightTies, more))
		}),
	)
}

// shownWeightTies is how many weight ties the section lists.
const shownWeightTies = 5

// tieDistance is how far an item's weight must move, relative to itself,
// to tie: the smaller, the closer the winner is to changing.
func tieDistance(w calc.WeightTie) float64 {
	return math.Abs(*w.WeightTie-w.Weight) / math.Max(w.Weight, 1e-9)
}

func names(m calc.Model) []scenarioName {
	out := make([]scenarioName, len(m.Scenarios))
	for i, s := range m.Scenarios {
		out[i] = scenarioName{s.ID, s.Name}
	}
	return out
}
