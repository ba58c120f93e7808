package app

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// The charts are SVG drawn by the app, each with a table that says the
// same in text (for screen readers, for copying, and for a glance at exact
// figures).

const svgNS = "http://www.w3.org/2000/svg"

// svg returns an SVG element: go-app has no SVG constructors, and an
// element without the SVG namespace draws nothing.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

func f2s(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// A chart's drawing is chartW × chartH units. Shown three across at
// 1440 px (or larger), a unit is at least a pixel, so text of 13 units is
// at least 13 px on a projector; on a phone it is about 10 px.
const (
	benefitColor = "#15803d"
	costColor    = "#b91c1c"
	netColor     = "#1d4ed8" // the accent's default; .chart-net takes a brand's (web/app.css)
	chartW       = 420.0
	chartH       = 280.0
	padTop       = 40.0
	padBottom    = 42.0
	padLeft      = 74.0 // the axis and its values
	padRight     = 8.0
)

// charts are the three charts of the results, each with its data as a
// table on demand.
func charts(v view) app.UI {
	// The charts draw Charted, which follows a keystroke's Result a frame
	// later.
	m, res := v.model(), v.st.Charted
	var focus calc.ScenarioResult
	for _, r := range res.Scenarios {
		if r.ID == v.st.Focus {
			focus = r
		}
	}
	names := make([]scenarioName, len(res.Scenarios))
	for i, r := range res.Scenarios {
		names[i] = scenarioName{r.ID, r.Name}
	}
	return app.Section().ID("charts").Class("charts").Aria("labelledby", "charts-title").Body(
		app.H2().ID("charts-title").Text(v.t(i18n.Charts)),
		app.Div().Class("chart-grid").Body(
			&chart{ID: "chart-bc", Title: v.t(i18n.ChartBenefitsCosts), Kind: chartBenefitsCosts, Result: res,
				Mode: m.Mode, Currency: m.Currency, TableOpen: v.st.TablesOpen["chart-bc"], Num: v.n, Lang: v.lang()},
			&chart{ID: "chart-types", Title: v.t(i18n.ChartTypes), Kind: chartTypes, Result: res,
				Mode: m.Mode, Currency: m.Currency, TableOpen: v.st.TablesOpen["chart-types"], Num: v.n, Lang: v.lang()},
			&chart{ID: "chart-waterfall", Title: v.t(i18n.ChartWaterfall), Kind: chartWaterfall, Focus: focus,
				Scenarios: names, Mode: m.Mode, Currency: m.Currency, TableOpen: v.st.TablesOpen["chart-waterfall"], Num: v.n, Lang: v.lang()},
		),
	)
}

type chartKind int

const (
	chartBenefitsCosts chartKind = iota
	chartTypes
	chartWaterfall
	chartCumulative // cashflow.go
)

type scenarioName struct{ ID, Name string }

// chart is one chart and its "Show as table". Its fields are all it
// shows, so go-app renders it again only when one of them changes. The
// table is built only while it is open: closed, no one sees it or reads
// it out.
type chart struct {
	app.Compo
	ID, Title string
	Kind      chartKind
	Result    calc.Result         // the benefits and costs, and types charts
	Focus     calc.ScenarioResult // the waterfall's scenario
	Model     calc.Model          // the cumulative net's (its unchanged slices compare cheaply)
	Scenarios []scenarioName      // the waterfall's choice
	Mode      calc.Mode
	Currency  string
	TableOpen bool
	Num       *browser.Numbers
	Lang      i18n.Lang
}

func (c *chart) Render() app.UI {
	m := calc.Model{Mode: c.Mode, Currency: c.Currency}
	n, l := c.Num, c.Lang
	var head, drawing app.UI
	var table func() app.UI
	switch c.Kind {
	case chartBenefitsCosts:
		drawing, table = benefitsCostsChart(l, n, m, c.Result), func() app.UI { return benefitsCostsTable(l, n, m, c.Result) }
	case chartTypes:
		drawing, table = typesChart(l, n, m, c.Result), func() app.UI { return typesTable(l, n, m, c.Result) }
	case chartWaterfall:
		drawing, table = waterfallChart(l, n, m, c.Focus), func() app.UI { return waterfallTable(l, n, m, c.Focus) }
		if len(c.Scenarios) == 0 {
			break // the report's: one per scenario, nothing to choose
		}
		head = app.Div().Class("chart-head").Body(
			app.H3().Class("chart-title").Text(c.Title),
			scenarioSelect(l, "waterfall-scenario", c.Scenarios, c.Focus.ID),
		)
	case chartCumulative:
		drawing, table = cumulativeChart(l, n, c.Model, c.Result), func() app.UI { return cumulativeTable(l, n, c.Model, c.Result) }
	}
	if head == nil {
		head = app.H3().Class("chart-title").Text(c.Title)
	}
	return app.Figure().ID(c.ID).Class("chart card").Body(
		head,
		drawing,
		app.Details().ID(c.ID+"-data").Class("chart-data").Open(c.TableOpen).On("toggle", c.toggle).Body(
			app.Summary().Text(l.T(i18n.ShowAsTable)),
			iff(c.TableOpen, table),
		),
	)
}

func (c *chart) toggle(ctx app.Context, e app.Event) {
	if open := ctx.JSSrc().Get("open").Bool(); open != c.TableOpen {
		browser.Send(ctx, state.ToggleTable{Chart: c.ID, Open: open})
	}
}

// scenarioSelect chooses the scenario in focus, which the waterfall and
// the cash flow by year show.
func scenarioSelect(l i18n.Lang, id string, names []scenarioName, focus string) app.UI {
	return app.Div().Body(
		app.Label().For(id).Class("sr-only").Text(l.T(i18n.Scenario)),
		app.Select().ID(id).Class("select select-small").OnChange(focusScenario).Body(
			app.Range(names).Slice(func(i int) app.UI {
				r := names[i]
				return app.Option().Value(r.ID).Selected(r.ID == focus).Text(r.Name)
			}),
		),
	)
}

func focusScenario(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.FocusScenario{ID: ctx.JSSrc().Get("value").String()})
}

// scaleY maps values between lo and hi (lo ≤ 0 ≤ hi) onto the plot area,
// widened to a round step so that the axis reads in round values.
type scaleY struct{ lo, hi, step float64 }

func newScaleY(values ...float64) scaleY {
	s := scaleY{}
	for _, v := range values {
		s.lo, s.hi = math.Min(s.lo, v), math.Max(s.hi, v)
	}
	if s.hi-s.lo == 0 {
		s.hi = 1
	}
	s.step = niceStep((s.hi - s.lo) / 4)
	s.lo = math.Floor(s.lo/s.step+1e-9) * s.step
	s.hi = math.Ceil(s.hi/s.step-1e-9) * s.step
	if s.hi-s.lo == 0 {
		s.hi = s.step
	}
	return s
}

// niceStep is the round number (1, 2 or 5 times a power of ten) nearest
// above raw.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 5, 10} {
		if raw <= f*p {
			return f * p
		}
	}
	return 10 * p
}

// tickText writes an axis value: as every value is written, except that
// an axis of whole steps writes whole money even in a model with cents
// ("$50,000", not "$50,000.00"; "$0", not "$0.00") and 0 as "0", and an
// axis of steps below one unit writes cents even in a model without.
func tickText(n *browser.Numbers, m calc.Model, v, step float64) string {
	switch {
	case m.Mode == calc.ModeMoney && step >= 1:
		return n.WholeMoney(v, m.Currency)
	case m.Mode == calc.ModeMoney:
		return n.ExactMoney(v, m.Currency) // steps below a unit: "$0.25", not "$0" twice
	case v == 0 && step >= 1:
		return "0"
	}
	return n.Value(m, v)
}

// ticks are the axis's values, lo to hi by step.
func (s scaleY) ticks() []float64 {
	var out []float64
	for i := 0; i <= 20; i++ {
		v := s.lo + float64(i)*s.step
		if v > s.hi+s.step/1e6 {
			break
		}
		if math.Abs(v) < s.step/1e6 {
			v = 0
		}
		out = append(out, v)
	}
	return out
}

// axis draws the value axis: a light line at each tick, with its value.
func axis(n *browser.Numbers, m calc.Model, sc scaleY) app.UI {
	var body []app.UI
	for _, v := range sc.ticks() {
		y := sc.y(v)
		body = append(body,
			svg("line").Attr("x1", f2s(padLeft)).Attr("x2", f2s(chartW-padRight)).
				Attr("y1", f2s(y)).Attr("y2", f2s(y)).Class("gridline"),
			label(padLeft-6, y+4.5, "end", "chart-tick", tickText(n, m, v, sc.step)),
		)
	}
	return svg("g").Aria("hidden", "true").Body(body...)
}

func (s scaleY) y(v float64) float64 {
	return padTop + (s.hi-v)/(s.hi-s.lo)*(chartH-padTop-padBottom)
}

func chartSVG(label string, body ...app.UI) app.HTMLElem {
	return svg("svg").Attr("viewBox", "0 0 "+f2s(chartW)+" "+f2s(chartH)).Attr("role", "img").
		Aria("label", label).Class("chart-svg").Attr("preserveAspectRatio", "xMidYMid meet").Body(body...)
}

func rect(x, y, w, h float64, fill, title string) app.HTMLElem {
	if h < 0 {
		y, h = y+h, -h
	}
	return svg("rect").Attr("x", f2s(x)).Attr("y", f2s(y)).Attr("width", f2s(math.Max(w, 0))).
		Attr("height", f2s(math.Max(h, 0.5))).Attr("fill", fill).Body(svg("title").Text(title))
}

func label(x, y float64, anchor, class, text string) app.HTMLElem {
	return svg("text").Attr("x", f2s(x)).Attr("y", f2s(y)).Attr("text-anchor", anchor).Class(class).Text(text)
}

func zeroLine(sc scaleY) app.UI {
	y := sc.y(0)
	return svg("line").Attr("x1", f2s(padLeft)).Attr("x2", f2s(chartW-padRight)).
		Attr("y1", f2s(y)).Attr("y2", f2s(y)).Class("axis")
}

// slotLabel is a label under a bar, in a slot room units wide: whole on
// one line, or on two at a space, or squeezed a little to fit; cut short
// only when none of these fits.
func slotLabel(x float64, text string, room float64) app.UI {
	const perRune = 6.8 // units a rune takes at the label's size, generously
	room -= 6           // a gap between neighbours
	y := chartH - padBottom + 17
	width := func(s string) float64 { return float64(utf8.RuneCountInString(s)) * perRune }
	if width(text) <= room {
		return label(x, y, "middle", "chart-label", text)
	}
	line := func(s string, dy float64) app.UI {
		t := svg("tspan").Attr("x", f2s(x)).Attr("dy", f2s(dy)).Text(s)
		if width(s) > room {
			t = t.Attr("textLength", f2s(room)).Attr("lengthAdjust", "spacingAndGlyphs")
		}
		return t
	}
	squeezed := func(s string) bool { return width(s) <= room*1.4 }
	if i := strings.LastIndexByte(text, ' '); i > 0 && squeezed(text[:i]) && squeezed(text[i+1:]) {
		return svg("text").Attr("y", f2s(y-14)).Attr("text-anchor", "middle").Class("chart-label").Body(
			line(text[:i], 14), line(text[i+1:], 14))
	}
	if squeezed(text) {
		return svg("text").Attr("y", f2s(y)).Attr("text-anchor", "middle").Class("chart-label").Body(line(text, 0))
	}
	return label(x, y, "middle", "chart-label", truncate(text, int(room/perRune)))
}

// truncate shortens a label to n runes; a slot too narrow for one rune
// and the ellipsis (many scenarios)
// gets the ellipsis alone.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n < 2 {
		return "…"
	}
	return string(r[:n-1]) + "…"
}

// benefitsCostsChart draws, per scenario, a benefits bar and a costs bar
// side by side, each with its value, and the net value under them.
func benefitsCostsChart(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) app.UI {
	var vals []float64
	for _, s := range res.Scenarios {
		vals = append(vals, s.Benefits, s.Costs)
	}
	sc := newScaleY(vals...)
	k := float64(len(res.Scenarios))
	slot := plotW() / math.Max(k, 1)
	bar := math.Min(slot*0.4, 72)
	body := []app.UI{axis(n, m, sc), zeroLine(sc)}
	fits := valuesFit(slot / 2)
	for i, s := range res.Scenarios {
		x := padLeft + slot*float64(i) + slot/2
		body = append(body,
			rect(x-bar-2, sc.y(s.Benefits), bar, sc.y(0)-sc.y(s.Benefits), benefitColor, l.T(i18n.NamedBenefits, s.Name, n.Value(m, s.Benefits))),
			rect(x+2, sc.y(s.Costs), bar, sc.y(0)-sc.y(s.Costs), costColor, l.T(i18n.NamedCosts, s.Name, n.Value(m, s.Costs))),
			label(x, chartH-padBottom+17, "middle", "chart-label", truncate(s.Name, int(slot/8))),
			label(x, chartH-padBottom+34, "middle", "chart-value"+cls(" neg", s.Net < 0), l.T(i18n.NetShort, n.Value(m, s.Net))),
		)
		if fits {
			body = append(body,
				label(x-bar/2-2, sc.y(s.Benefits)-5, "middle", "chart-value", n.Value(m, s.Benefits)),
				label(x+bar/2+2, sc.y(s.Costs)-5, "middle", "chart-value", n.Value(m, s.Costs)),
			)
		}
	}
	body = append(body, legend([]legendItem{{l.T(i18n.Benefits), benefitColor}, {l.T(i18n.Costs), costColor}}))
	return chartSVG(l.T(i18n.ChartBenefitsCostsAria), body...)
}

// plotW is the width of the plot area.
func plotW() float64 { return chartW - padLeft - padRight }

// valuesFit reports whether a value ("$148,441") fits over a bar in a
// slot of width w.
func valuesFit(w float64) bool { return w >= 62 }

// valueWidth is how wide a chart value is drawn, at most: 13 units a
// character, bold, in the widest of the fonts a system may pick for
// tabular digits (DejaVu Sans Bold's are 0.7 em).
func valueWidth(text string) float64 { return float64(utf8.RuneCountInString(text)) * 9.1 }

func benefitsCostsTable(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) app.UI {
	return app.Table().Class("data-table").Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(l.T(i18n.Scenario)),
			app.Th().Scope("col").Text(l.T(i18n.Benefits)),
			app.Th().Scope("col").Text(l.T(i18n.Costs)),
			app.Th().Scope("col").Text(l.T(i18n.NetValue)),
		)),
		app.TBody().Body(app.Range(res.Scenarios).Slice(func(i int) app.UI {
			s := res.Scenarios[i]
			return app.Tr().Body(
				app.Th().Scope("row").Text(s.Name),
				app.Td().Text(n.Value(m, s.Benefits)),
				app.Td().Text(n.Value(m, s.Costs)),
				app.Td().Text(n.Value(m, s.Net)),
			)
		})),
	)
}

// typesChart draws one diverging stacked bar per scenario: benefit types
// stacked above the zero line, cost types below it, with the totals at
// the ends and each part's value where it fits.
func typesChart(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) app.UI {
	var vals []float64
	for _, s := range res.Scenarios {
		vals = append(vals, s.Benefits, -s.Costs)
	}
	sc := newScaleY(vals...)
	k := float64(len(res.Scenarios))
	slot := plotW() / math.Max(k, 1)
	bar := math.Min(slot*0.45, 96)
	body := []app.UI{axis(n, m, sc)}
	part := func(x, from, to float64, color, title, value string) {
		top, bottom := sc.y(math.Max(from, to)), sc.y(math.Min(from, to))
		body = append(body, rect(x, top, bar, bottom-top, color, title))
		if bottom-top >= 17 && bar >= 60 {
			body = append(body, label(x+bar/2, (top+bottom)/2+4.5, "middle", "chart-inbar", value))
		}
	}
	for i, s := range res.Scenarios {
		x := padLeft + slot*float64(i) + slot/2 - bar/2
		top := 0.0
		for _, ts := range s.BenefitsByType {
			if ts.Value <= 0 {
				continue
			}
			ti := info(l, calc.SideBenefit, ts.Type)
			part(x, top, top+ts.Value, ti.Color, l.T(i18n.NamedTypePart, s.Name, ti.Label, n.Value(m, ts.Value)), n.Value(m, ts.Value))
			top += ts.Value
		}
		bottom := 0.0
		for _, ts := range s.CostsByType {
			if ts.Value <= 0 {
				continue
			}
			ti := info(l, calc.SideCost, ts.Type)
			part(x, bottom, bottom-ts.Value, ti.Color, l.T(i18n.NamedTypePart, s.Name, ti.Label, n.Value(m, ts.Value)), n.Value(m, ts.Value))
			bottom -= ts.Value
		}
		body = append(body, label(x+bar/2, chartH-padBottom+17, "middle", "chart-label", truncate(s.Name, int(slot/8))))
		if valuesFit(slot) {
			if top > 0 {
				body = append(body, label(x+bar/2, sc.y(top)-5, "middle", "chart-value", n.Value(m, top)))
			}
			if bottom < 0 {
				body = append(body, label(x+bar/2, sc.y(bottom)+15, "middle", "chart-value", n.Value(m, bottom)))
			}
		}
	}
	body = append(body, zeroLine(sc))
	return app.Div().Body(
		chartSVG(l.T(i18n.ChartTypesAria), body...),
		typeLegend(l, res),
	)
}

// typeLegend names the colours of the value types the chart shows, as
// HTML so it wraps on narrow screens.
func typeLegend(l i18n.Lang, res calc.Result) app.UI {
	present := func(side calc.Side, t calc.Type) bool {
		for _, s := range res.Scenarios {
			v := s.BenefitsByType.Get(t)
			if side == calc.SideCost {
				v = s.CostsByType.Get(t)
			}
			if v > 0 {
				return true
			}
		}
		return false
	}
	var items []app.UI
	for _, side := range []calc.Side{calc.SideBenefit, calc.SideCost} {
		for _, t := range calc.TypesOf(side) {
			if !present(side, t) {
				continue
			}
			ti := info(l, side, t)
			items = append(items, app.Li().Body(
				// An SVG swatch, not a styled span: the Content-Security-Policy
				// allows no inline styles.
				svg("svg").Class("swatch").Attr("viewBox", "0 0 10 10").Aria("hidden", "true").Body(
					svg("rect").Attr("width", "10").Attr("height", "10").Attr("rx", "2").Attr("fill", ti.Color),
				),
				app.Text(sideTyped(l, side, ti.Label)),
			))
		}
	}
	return app.Ul().Class("legend").Body(items...)
}

func typesTable(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) app.UI {
	return app.Table().Class("data-table").Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(l.T(i18n.ValueType)),
			app.Range(res.Scenarios).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(res.Scenarios[i].Name) }),
		)),
		app.TBody().Body(
			app.Range(calc.BenefitTypes()).Slice(func(j int) app.UI {
				t := calc.BenefitTypes()[j]
				return app.Tr().Body(
					app.Th().Scope("row").Text(sideTyped(l, calc.SideBenefit, info(l, calc.SideBenefit, t).Label)),
					app.Range(res.Scenarios).Slice(func(i int) app.UI {
						return app.Td().Text(n.Value(m, res.Scenarios[i].BenefitsByType.Get(t)))
					}),
				)
			}),
			app.Range(calc.CostTypes()).Slice(func(j int) app.UI {
				t := calc.CostTypes()[j]
				return app.Tr().Body(
					app.Th().Scope("row").Text(sideTyped(l, calc.SideCost, info(l, calc.SideCost, t).Label)),
					app.Range(res.Scenarios).Slice(func(i int) app.UI {
						return app.Td().Text(n.Value(m, res.Scenarios[i].CostsByType.Get(t)))
					}),
				)
			}),
		),
	)
}

// step is one bar of the waterfall: a change from the running total, or
// the final total.
type step struct {
	label  string
	delta  float64
	color  string
	total  bool
	amount float64
}

// waterfallSteps lists the waterfall of a scenario: each benefit type up,
// each cost type down, then the net. Types with nothing are left out.
func waterfallSteps(l i18n.Lang, s calc.ScenarioResult) []step {
	var steps []step
	for _, ts := range s.BenefitsByType {
		if ts.Value != 0 {
			ti := info(l, calc.SideBenefit, ts.Type)
			steps = append(steps, step{label: ti.Label, delta: ts.Value, color: ti.Color, amount: ts.Value})
		}
	}
	for _, ts := range s.CostsByType {
		if ts.Value != 0 {
			ti := info(l, calc.SideCost, ts.Type)
			steps = append(steps, step{label: ti.Label, delta: -ts.Value, color: ti.Color, amount: ts.Value})
		}
	}
	return append(steps, step{label: l.T(i18n.NetValue), delta: s.Net, color: netColor, total: true, amount: s.Net})
}

func waterfallChart(l i18n.Lang, n *browser.Numbers, m calc.Model, s calc.ScenarioResult) app.UI {
	steps := waterfallSteps(l, s)
	run := 0.0
	vals := []float64{0}
	for _, st := range steps {
		if !st.total {
			run += st.delta
		}
		vals = append(vals, run)
	}
	sc := newScaleY(vals...)
	slot := plotW() / float64(len(steps))
	bar := math.Min(slot*0.7, 64)
	body := []app.UI{axis(n, m, sc), zeroLine(sc)}
	texts := make([]string, len(steps))
	fits := valuesFit(slot)
	for i, st := range steps {
		texts[i] = n.Value(m, st.amount)
		if !st.total && st.delta < 0 {
			texts[i] = "−" + texts[i]
		}
		// Neighbours' values side by side need the widest one's room.
		fits = fits && valueWidth(texts[i])+6 <= slot
	}
	run = 0
	for i, st := range steps {
		x := padLeft + slot*float64(i) + (slot-bar)/2
		from, to := run, run+st.delta
		if st.total {
			from, to = 0, st.delta
		} else {
			run = to
		}
		text := texts[i]
		body = append(body,
			rect(x, sc.y(math.Max(from, to)), bar, sc.y(math.Min(from, to))-sc.y(math.Max(from, to)), st.color, st.label+": "+text).
				Class(cls("chart-net", st.total)),
			slotLabel(x+bar/2, st.label, slot),
		)
		switch {
		case fits, i%2 == 0, st.total:
			// Too narrow for every value side by side: alternate above
			// and below the bar.
			body = append(body, label(x+bar/2, sc.y(math.Max(from, to))-5, "middle", "chart-value", text))
		default:
			body = append(body, label(x+bar/2, sc.y(math.Min(from, to))+15, "middle", "chart-value", text))
		}
	}
	return chartSVG(l.T(i18n.ChartWaterfallAria, s.Name), body...)
}

func waterfallTable(l i18n.Lang, n *browser.Numbers, m calc.Model, s calc.ScenarioResult) app.UI {
	steps := waterfallSteps(l, s)
	return app.Table().Class("data-table").Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(l.T(i18n.Step)),
			app.Th().Scope("col").Text(l.T(i18n.Change)),
		)),
		app.TBody().Body(app.Range(steps).Slice(func(i int) app.UI {
			st := steps[i]
			v := n.Signed(m, st.delta)
			if st.total {
				v = n.Value(m, st.delta)
			}
			return app.Tr().Body(app.Th().Scope("row").Text(st.label), app.Td().Text(v))
		})),
	)
}

// sideTyped names a value type with its side where the language's label
// does not already say it: "Emotional cost", "Emotionale Kosten".
func sideTyped(l i18n.Lang, side calc.Side, label string) string {
	if side == calc.SideCost {
		return l.T(i18n.TypedCost, label)
	}
	return l.T(i18n.TypedBenefit, label)
}

type legendItem struct{ label, color string }

// legend names the colours of a chart's bars, over the plot.
func legend(items []legendItem) app.UI {
	var body []app.UI
	x := padLeft + 4
	for _, it := range items {
		body = append(body,
			svg("rect").Attr("x", f2s(x)).Attr("y", "6").Attr("width", "12").Attr("height", "12").Attr("fill", it.color),
			label(x+16, 17, "start", "chart-legend", it.label),
		)
		x += 28 + 7.5*float64(len([]rune(it.label)))
	}
	return svg("g").Body(body...)
}
