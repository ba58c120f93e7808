package app

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// vectorModel reads the model of one of calc's test vectors.
func vectorModel(t *testing.T, name string) calc.Model {
	t.Helper()
	data, err := os.ReadFile("../calc/testdata/vectors/" + name)
	require.NoError(t, err)
	var v struct{ Model json.RawMessage }
	require.NoError(t, json.Unmarshal(data, &v))
	m, err := calc.Decode(v.Model)
	require.NoError(t, err)
	return m
}

func TestPaybackMonth(t *testing.T) {
	tests := []struct {
		name string
		p    float64
		want int
	}{
		{"inside month 4", 3.9, 4},
		{"the end of month 4", 4, 4},
		{"just past the end of month 4, by rounding", 4 + 1e-12, 4},
		{"inside month 1", 0.2, 1},
		{"inside month 2", 1.1111111111111112, 2},
		{"the horizon's end", 24, 24},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, paybackMonth(tt.p)) })
	}
}

func TestPaybackText(t *testing.T) {
	p := func(v float64) *float64 { return &v }
	m := calc.Model{Mode: calc.ModeMoney, HorizonYears: 3}
	tests := []struct {
		name        string
		lang        i18n.Lang
		s           calc.ScenarioResult
		long, short string
	}{
		{"pays back in a month", i18n.EN, calc.ScenarioResult{Name: "With us", Costs: 1, PaybackMonths: p(3.9)},
			"With us pays back in month 4", "month 4"},
		{"never behind", i18n.EN, calc.ScenarioResult{Name: "Status quo", Costs: 1, PaybackMonths: p(0)},
			"Status quo pays back at once", "at once"},
		{"behind at the end", i18n.EN, calc.ScenarioResult{Name: "Status quo", Costs: 1},
			"Status quo has not paid back by the end of year 3", "not by year 3"},
		{"nothing to pay back", i18n.EN, calc.ScenarioResult{Name: "Free", Benefits: 5},
			"Free has no costs to pay back", "no costs"},
		{"German", i18n.DE, calc.ScenarioResult{Name: "Mit uns", Costs: 1, PaybackMonths: p(3.9)},
			"Mit uns amortisiert sich in Monat 4", "Monat 4"},
		{"French, behind", i18n.FR, calc.ScenarioResult{Name: "Statu quo", Costs: 1},
			"Statu quo n'est pas rentabilisé à la fin de l'année 3", "pas avant l'année 3"},
		{"Spanish, at once", i18n.ES, calc.ScenarioResult{Name: "Hoy", Costs: 1, PaybackMonths: p(0)},
			"Hoy se recupera de inmediato", "de inmediato"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.long, paybackText(tt.lang, m, tt.s, false))
			assert.Equal(t, tt.short, paybackText(tt.lang, m, tt.s, true))
		})
	}
}

func TestMonthAxis(t *testing.T) {
	tests := []struct {
		years, step int
		inYears     bool
	}{
		{1, 3, false}, {2, 6, false}, {3, 6, false},
		{4, 12, true}, {6, 12, true}, {7, 24, true}, {12, 24, true},
		{13, 60, true}, {30, 60, true}, {31, 120, true},
	}
	for _, tt := range tests {
		step, inYears := monthAxis(tt.years)
		assert.Equal(t, tt.step, step, "%d years", tt.years)
		assert.Equal(t, tt.inYears, inYears, "%d years", tt.years)
		assert.LessOrEqual(t, 12*tt.years/step, 8, "%d years: few ticks", tt.years)
	}
}

func TestNetLine(t *testing.T) {
	np := func(before, at float64) calc.NetPoint { return calc.NetPoint{Before: before, At: at} }
	id := func(v float64) float64 { return v }
	tests := []struct {
		name string
		pts  []calc.NetPoint
		want []xy
	}{
		{"a straight line is its two ends",
			[]calc.NetPoint{np(0, -10), np(-5, -5), np(0, 0), np(5, 5)},
			[]xy{{0, -10}, {3, 5}}},
		{"a once flow at a month's end is a step",
			[]calc.NetPoint{np(0, 0), np(1, 1), np(2, -8), np(-7, -7)},
			[]xy{{0, 0}, {2, 2}, {2, -8}, {3, -7}}},
		{"a ramp bends at each month",
			[]calc.NetPoint{np(0, -6), np(-5, -5), np(-3, -3), np(0, 0), np(3, 3)},
			[]xy{{0, -6}, {1, -5}, {2, -3}, {4, 3}}},
		{"a once flow now starts the line",
			[]calc.NetPoint{np(0, -100), np(-90, -90)},
			[]xy{{0, -100}, {1, -90}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, netLine(tt.pts, id, id))
		})
	}
	assert.Equal(t, "M0 -10L3 5L3.5 1.2", pathOf([]xy{{0, -10}, {3, 5}, {3.5, 1.24}}))
}

func TestPlaceLabel(t *testing.T) {
	tests := []struct {
		name   string
		placed []box
		at     xy
		want   box
		ok     bool
	}{
		{"above the dot", nil, xy{200, 100}, box{200, 88, 60}, true},
		{"below when above is taken", []box{{220, 88, 60}}, xy{200, 100}, box{200, 124, 60}, true},
		{"none when both are taken", []box{{220, 88, 60}, {190, 124, 20}}, xy{200, 100}, box{}, false},
		{"beside a label far enough", []box{{100, 88, 60}}, xy{200, 100}, box{200, 88, 60}, true},
		{"clear of a wide label", []box{{300, 88, 100}}, xy{220, 100}, box{220, 124, 60}, true},
		{"inside the plot at its left", nil, xy{padLeft, 100}, box{padLeft + 30, 88, 60}, true},
		{"inside the plot at its right", nil, xy{chartW - padRight, 100}, box{chartW - padRight - 30, 88, 60}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := placeLabel(tt.placed, tt.at, 60)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestCumulativeChart: the chart of drivers-and-timing.json draws a line
// per scenario and a dot at each payback, on the break-even line for
// With us (3.9 months: at 3.9/36 of the plot) and at the start for
// the status quo (never behind); its data table lists the months and the
// paybacks.
func TestCumulativeChart(t *testing.T) {
	m := vectorModel(t, "drivers-and-timing.json")
	res := calc.Evaluate(m)
	n := browser.NewNumbers().For(i18n.EN, m)
	html := app.HTMLString(cumulativeChart(i18n.EN, n, m, res))
	assert.NotContains(t, html, "NaN")
	assert.Equal(t, 2, strings.Count(html, `class="net-line"`)-2, "a line per scenario, beside the legend's")
	dots := regexp.MustCompile(`<circle [^>]*>`).FindAllString(html, -1)
	require.Len(t, dots, 2, html)
	assert.Contains(t, dots[0], `cx="`+f2s(padLeft)+`"`, "the status quo: now")
	assert.Contains(t, dots[1], `cx="`+f2s(padLeft+3.9/36*plotW())+`"`, "With us: month 3.9")
	assert.Contains(t, html, "With us pays back in month 4")
	assert.Contains(t, html, "Status quo pays back at once")
	assert.Contains(t, html, "With us: month 4")
	assert.Contains(t, html, ">month 4</text>")
	assert.Contains(t, html, ">Months</text>")
	for _, tick := range []string{">0<", ">6<", ">36<", ">$600,000<", ">−$200,000<", ">$0<"} {
		assert.Contains(t, html, tick)
	}

	table := app.HTMLString(cumulativeTable(i18n.EN, n, m, res))
	assert.Equal(t, 1+37+1, strings.Count(table, "<tr"), "a row per month of 3 years, and the payback")
	assert.Contains(t, table, `<td class="neg">−$15,000</td>`, "With us at month 0: the implementation")
	assert.Contains(t, table, "<td>$502,740</td>", "With us at month 36")
}

// TestYearTable: the cash flow by year of With us in drivers-and-timing.json,
// as the vector has it, years across, with the totals; in German, German
// figures.
func TestYearTable(t *testing.T) {
	m := vectorModel(t, "drivers-and-timing.json")
	res := calc.Evaluate(m)
	s := res.Scenarios[1]
	cells := func(l i18n.Lang) [][]string {
		html := app.HTMLString(yearTable(l, browser.NewNumbers().For(l, m), m, s, "t"))
		var rows [][]string
		for _, tr := range regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(html, -1) {
			var row []string
			for _, c := range regexp.MustCompile(`<t[hd][^>]*>([^<]*)</t[hd]>`).FindAllStringSubmatch(tr[1], -1) {
				row = append(row, c[1])
			}
			rows = append(rows, row)
		}
		return rows
	}
	assert.Equal(t, [][]string{
		{"With us", "Initial", "Year 1", "Year 2", "Year 3", "Total"},
		{"Benefits", "$0", "$171,480", "$217,920", "$217,920", "$607,320"},
		{"Costs", "$15,000", "$63,750", "$12,600", "$13,230", "$104,580"},
		{"Net cash flow", "−$15,000", "$107,730", "$205,320", "$204,690", "$502,740"},
		{"Cumulative net", "−$15,000", "$92,730", "$298,050", "$502,740", ""},
	}, cells(i18n.EN))
	de := cells(i18n.DE)
	assert.Equal(t, []string{"With us", "Anfang", "Jahr 1", "Jahr 2", "Jahr 3", "Summe"}, de[0])
	assert.Equal(t, []string{"Kumuliert netto", "−15.000\u00a0$", "92.730\u00a0$", "298.050\u00a0$", "502.740\u00a0$", ""}, de[4])
}
