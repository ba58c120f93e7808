package app

import (
	"math"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// cashflow is a money case over time (SPEC §3 cashflow and payback): a
// chart of each scenario's cumulative net month by month, its payback
// marked, and the cash flow by year as in Forrester's TEI tables. The
// chart compares the scenarios; a table details one. The editor shows the
// table of the scenario in focus, with the waterfall's choice of it; the
// report, a document to read and print, stacks every scenario's. id is
// the section's id and the prefix of its parts'.
func cashflow(v view, id string, report bool) app.UI {
	m, res, n, l := v.model(), v.st.Result, v.n, v.lang()
	if m.Mode != calc.ModeMoney || len(res.Scenarios) != len(m.Scenarios) {
		return nil
	}
	focus := max(m.ScenarioIndex(v.st.Focus), 0)
	names := make([]scenarioName, len(res.Scenarios))
	title := ""
	var tables []app.UI
	for i, s := range res.Scenarios {
		names[i] = scenarioName{s.ID, s.Name}
		if s.ID == res.Best {
			title = paybackText(l, m, s, false)
		}
	}
	for i, s := range res.Scenarios {
		if !report && i != focus {
			continue
		}
		var head app.UI = app.H3().ID(id + "-takeaway-" + s.ID).Class("chart-title").Text(paybackText(l, m, s, false))
		if !report && len(names) > 1 {
			head = app.Div().Class("chart-head").Body(head, scenarioSelect(l, id+"-scenario", names, s.ID))
		}
		tables = append(tables, app.Div().Class("cashflow-years"+cls(" card", !report)).Body(head, yearTable(l, n, m, s, id+"-table-"+s.ID)))
	}
	return app.Section().ID(id).Class("cashflow"+cls(" report-section", report)).Aria("labelledby", id+"-title").Body(
		app.H2().ID(id+"-title").Text(l.T(i18n.CashFlow)),
		app.Div().Class("cashflow-grid").Body(
			&chart{ID: id + "-chart", Title: title, Kind: chartCumulative, Model: m, Result: res,
				TableOpen: v.st.TablesOpen[id+"-chart"], Num: n, Lang: l},
			app.Div().Body(tables...),
		),
		app.P().Class("hint").Text(l.T(i18n.CashAsPaid, l.T(i18n.PercentAYear, n.Number(m.DiscountRate*100, 2)))),
	)
}

// paybackMonth is the month in which a payback of p months falls: 3.9
// is in month 4, 4 at the end of month 4.
func paybackMonth(p float64) int { return max(1, int(math.Ceil(p-1e-9))) }

// paybackText says when s pays back, as a sentence ("With us pays back
// in month 4") or, short, without its name ("month 4").
func paybackText(l i18n.Lang, m calc.Model, s calc.ScenarioResult, short bool) string {
	p := s.PaybackMonths
	k, arg := [2]i18n.Key{i18n.CashPaysBack, i18n.CashMonthN}, 0
	switch {
	case p == nil && s.Costs == 0:
		k = [2]i18n.Key{i18n.CashNoCosts, i18n.CashNoCostsShort}
	case p == nil:
		k, arg = [2]i18n.Key{i18n.CashNoPayback, i18n.CashNotByYear}, m.HorizonYears
	case *p == 0:
		k = [2]i18n.Key{i18n.CashPaysBackNow, i18n.CashAtOnce}
	default:
		arg = paybackMonth(*p)
	}
	args := []any{s.Name, arg}
	if arg == 0 {
		args = args[:1]
	}
	if short {
		return l.T(k[1], args[1:]...)
	}
	return l.T(k[0], args...)
}

// textTable is a table of figures: a row of column names, then rows
// named by their first cell. A figure below 0 shows as such.
func textTable(id string, rows [][]string) app.UI {
	trs := make([]app.UI, len(rows))
	for r, row := range rows {
		cells := make([]app.UI, len(row))
		for c, text := range row {
			switch {
			case r == 0:
				cells[c] = app.Th().Scope("col").Text(text)
			case c == 0:
				cells[c] = app.Th().Scope("row").Text(text)
			default:
				cells[c] = app.Td().Class(cls("neg", strings.HasPrefix(text, "−"))).Text(text)
			}
		}
		trs[r] = app.Tr().Body(cells...)
	}
	return app.Table().ID(id).Class("data-table").Body(app.THead().Body(trs[0]), app.TBody().Body(trs[1:]...))
}

// yearTable is s's cash flow by year, years across (Initial, Year 1 …
// Year N, Total), in a box that scrolls sideways on its own when it is
// wider than the screen, its row names staying in view.
func yearTable(l i18n.Lang, n *browser.Numbers, m calc.Model, s calc.ScenarioResult, id string) app.UI {
	rows := [][]string{{s.Name}, {l.T(i18n.Benefits)}, {l.T(i18n.Costs)}, {l.T(i18n.CashNet)}, {l.T(i18n.CashCumulative)}}
	var total [3]float64
	for _, y := range s.Cashflow {
		name := l.T(i18n.CashInitial)
		if y.Year > 0 {
			name = l.T(i18n.CashYearN, y.Year)
		}
		rows[0] = append(rows[0], name)
		for r, v := range [4]float64{y.Benefits, y.Costs, y.Net, y.Cumulative} {
			rows[r+1] = append(rows[r+1], n.Value(m, v))
			if r < 3 {
				total[r] += v
			}
		}
	}
	rows[0] = append(rows[0], l.T(i18n.CashTotal))
	for r, v := range total {
		rows[r+1] = append(rows[r+1], n.Value(m, v))
	}
	rows[4] = append(rows[4], "")
	return app.Div().Class("cashflow-scroll").TabIndex(0).Attr("role", "region").Aria("label", l.T(i18n.CashByYearOf, s.Name)).Body(
		textTable(id, rows),
	)
}

// lineColors tell the scenarios' lines apart; past them, lines are
// dashed as well.
var lineColors = [...]string{"#1d4ed8", "#c2410c", "#0e7490", "#7c3aed", "#be185d", "#4b5563"}

// lineStyle is scenario i's colour and dash pattern ("" for solid).
func lineStyle(i int) (color, dash string) {
	if i/len(lineColors)%2 == 1 {
		dash = "7 4"
	}
	return lineColors[i%len(lineColors)], dash
}

// xy is a point of the drawing.
type xy struct{ x, y float64 }

// monthAxis is the time axis of a horizon of years: a tick every step
// months, written in months for a horizon of up to three years and in
// years after that, at most about six of them.
func monthAxis(years int) (step int, inYears bool) {
	switch {
	case years <= 1:
		return 3, false
	case years <= 3:
		return 6, false
	}
	k := 10
	for _, s := range []int{5, 2, 1} {
		if years <= 6*s {
			k = s
		}
	}
	return 12 * k, true
}

// netLine is the line of a cumulative net over months, in the drawing:
// straight from one month's end to the next, up or down at a month's end
// where a once flow is paid or gained, with points where it bends only.
func netLine(pts []calc.NetPoint, x func(float64) float64, y func(float64) float64) []xy {
	var line []xy
	for t, p := range pts {
		for k, v := range [2]float64{p.Before, p.At} {
			if k == 0 && t == 0 || k == 1 && t > 0 && v == p.Before {
				continue
			}
			q := xy{x(float64(t)), y(v)}
			// A point on the straight line through the two before it
			// adds nothing: an untimed scenario is one straight line.
			if i := len(line); i >= 2 {
				a, b := line[i-2], line[i-1]
				if math.Abs((b.x-a.x)*(q.y-a.y)-(b.y-a.y)*(q.x-a.x)) < 0.01*math.Hypot(q.x-a.x, q.y-a.y) {
					line = line[:i-1]
				}
			}
			line = append(line, q)
		}
	}
	return line
}

// pathOf writes a line as an SVG path.
func pathOf(line []xy) string {
	var b strings.Builder
	for i, p := range line {
		b.WriteString("L"[:min(i, 1)] + f2s(p.x) + " " + f2s(p.y))
	}
	return "M" + b.String()
}

// box is a label of the drawing: its centre and width.
type box struct{ x, y, w float64 }

// placeLabel places the label of a dot at a, w wide, above the dot or
// else below it, where it overlaps none of the labels placed and stays
// inside the plot; false when neither place is free.
func placeLabel(placed []box, a xy, w float64) (box, bool) {
	a.x = math.Min(math.Max(a.x, padLeft+w/2), chartW-padRight-w/2)
	for _, c := range [2]box{{a.x, a.y - 12, w}, {a.x, a.y + 24, w}} {
		free := true
		for _, p := range placed {
			free = free && (math.Abs(p.y-c.y) >= 16 || math.Abs(p.x-c.x) >= (p.w+w)/2+6)
		}
		if free {
			return c, true
		}
	}
	return box{}, false
}

// cumulativeNets are the cumulative nets of res's scenarios by month.
func cumulativeNets(m calc.Model, res calc.Result) [][]calc.NetPoint {
	nets := make([][]calc.NetPoint, len(res.Scenarios))
	for j := range nets {
		nets[j] = calc.CumulativeNet(m, j)
	}
	return nets
}

// cumulativeChart draws each scenario's cumulative net over the months of
// the horizon, the break-even line at 0, and a dot where each pays back
// with its month where that fits; its legend, in HTML, wraps.
func cumulativeChart(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) app.UI {
	nets := cumulativeNets(m, res)
	months := float64(max(12*m.HorizonYears, 1))
	vals := []float64{0}
	for _, pts := range nets {
		for _, p := range pts {
			vals = append(vals, p.Before, p.At)
		}
	}
	sc := newScaleY(vals...)
	x := func(t float64) float64 { return padLeft + t/months*plotW() }
	step, inYears := monthAxis(m.HorizonYears)
	unit, axisName := 1, l.T(i18n.CashMonths)
	if inYears {
		unit, axisName = 12, l.T(i18n.CashYears)
	}
	body := []app.UI{axis(n, m, sc)}
	for t := 0; t <= int(months); t += step {
		anchor := "middle"
		if t+step > int(months) {
			anchor = "end"
		}
		body = append(body, label(x(float64(t)), chartH-padBottom+19, anchor, "chart-tick", n.Number(float64(t/unit), 0)))
	}
	y0 := sc.y(0)
	even := l.T(i18n.CashBreakEven)
	body = append(body,
		label(padLeft+plotW()/2, chartH-6, "middle", "chart-label", axisName),
		zeroLine(sc),
		label(chartW-padRight-2, y0-5, "end", "chart-label chart-halo", even),
	)
	var marks, legend []app.UI
	// The labels placed so far: break-even's, then the months'.
	placed := []box{{chartW - padRight - valueWidth(even)/2, y0 - 9, valueWidth(even)}}
	for j, s := range res.Scenarios {
		color, dash := lineStyle(j)
		body = append(body, svg("path").Attr("d", pathOf(netLine(nets[j], x, sc.y))).Class("net-line").
			Attr("stroke", color).Attr("stroke-dasharray", dash))
		short := paybackText(l, m, s, true)
		legend = append(legend, app.Li().Body(
			svg("svg").Class("swatch swatch-line").Attr("viewBox", "0 0 20 10").Aria("hidden", "true").Body(
				svg("path").Attr("d", "M0 5H20").Class("net-line").Attr("stroke", color).Attr("stroke-dasharray", dash),
			),
			app.Text(l.T(i18n.CashLegend, s.Name, short)),
		))
		if s.PaybackMonths == nil || len(nets[j]) == 0 {
			continue
		}
		at := xy{x(*s.PaybackMonths), y0}
		if *s.PaybackMonths == 0 {
			at.y = sc.y(nets[j][0].At)
		}
		marks = append(marks, svg("circle").Attr("cx", f2s(at.x)).Attr("cy", f2s(at.y)).Attr("r", "6").
			Attr("fill", color).Class("payback-dot").Body(svg("title").Text(paybackText(l, m, s, false))))
		if pos, ok := placeLabel(placed, at, valueWidth(short)); ok {
			placed = append(placed, pos)
			marks = append(marks, label(pos.x, pos.y, "middle", "payback-label chart-halo", short).Attr("fill", color))
		}
	}
	return app.Div().Body(
		// Room on the left for the longest money ("−200.000 $").
		chartSVG(l.T(i18n.CashChartAria, m.HorizonYears), append(body, marks...)...).Attr("viewBox", "-24 0 444 280"),
		app.Ul().Class("legend").Body(legend...),
	)
}

// cumulativeTable is the chart's data: each scenario's cumulative net at
// the ends of months (every month for up to three years, then every
// quarter, then every year), and its payback.
func cumulativeTable(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) app.UI {
	nets := cumulativeNets(m, res)
	months := 12 * m.HorizonYears
	every := 1
	switch {
	case months > 120:
		every = 12
	case months > 36:
		every = 3
	}
	rows := [][]string{{l.T(i18n.CashMonth)}}
	for t := 0; t <= months; t += every {
		rows = append(rows, []string{n.Number(float64(t), 0)})
	}
	rows = append(rows, []string{l.T(i18n.Payback)})
	for j, s := range res.Scenarios {
		rows[0] = append(rows[0], s.Name)
		for r := 1; r < len(rows)-1; r++ {
			if t := (r - 1) * every; t < len(nets[j]) {
				rows[r] = append(rows[r], n.Value(m, nets[j][t].At))
			}
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], paybackText(l, m, s, true))
	}
	return textTable("", rows)
}
