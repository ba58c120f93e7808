//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// cashVector is a test vector of calc with its expected results: the
// cash flow by year and the payback of each scenario.
type cashVector struct {
	Model  calc.Model
	Result struct {
		Scenarios []struct {
			ID, Name      string
			PaybackMonths *float64
			Cashflow      []calc.CashflowYear
		}
	}
}

func readCashVector(t *testing.T, name string) (cashVector, string) {
	t.Helper()
	data, err := os.ReadFile("../calc/testdata/vectors/" + name)
	require.NoError(t, err)
	var raw struct{ Model, Result json.RawMessage }
	require.NoError(t, json.Unmarshal(data, &raw))
	var v cashVector
	v.Model, err = calc.Decode(raw.Model)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw.Result, &v.Result))
	fragment, err := calc.EncodeLink(v.Model)
	require.NoError(t, err)
	return v, fragment
}

// tableCells are the texts of the cells of the table sel, row by row.
func tableCells(t *testing.T, ctx context.Context, sel string) [][]string {
	t.Helper()
	var rows [][]string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(
		`[...document.querySelectorAll(%q + " tr")].map(r => [...r.cells].map(c => c.textContent.trim()))`, sel), &rows)), sel)
	return rows
}

// readMoney reads a figure the page wrote in English ("−$15,000") or
// German ("−15.000 $") back as a number.
func readMoney(t *testing.T, text, lang string) float64 {
	t.Helper()
	s := strings.NewReplacer("$", "", "\u00a0", "", " ", "", "−", "-").Replace(text)
	if lang == "de" {
		s = strings.NewReplacer(".", "", ",", ".").Replace(s)
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, "%q", text)
	return v
}

// checkYearTable asserts that the table sel shows the cash flow cf by
// year, rounded to whole dollars as the model's amounts are, with the
// year names in lang and totals of the benefits, costs and nets.
func checkYearTable(t *testing.T, ctx context.Context, sel, lang string, cf []calc.CashflowYear) {
	t.Helper()
	rows := tableCells(t, ctx, sel)
	require.Len(t, rows, 5, "a header and four rows: %v", rows)
	initial, year, total := "Initial", "Year ", "Total"
	if lang == "de" {
		initial, year, total = "Anfang", "Jahr ", "Summe"
	}
	require.NotEmpty(t, rows[0], "a header row")
	assert.NotEmpty(t, rows[0][0], "the header's first cell names the scenario (an empty header is an accessibility fault)")
	want := []string{rows[0][0], initial}
	for y := 1; y < len(cf); y++ {
		want = append(want, year+strconv.Itoa(y))
	}
	assert.Equal(t, append(want, total), rows[0])
	var sums [3]float64
	for y, c := range cf {
		for r, v := range []float64{c.Benefits, c.Costs, c.Net, c.Cumulative} {
			assert.InDelta(t, v, readMoney(t, rows[r+1][y+1], lang), 0.5, "%s row %d, year %d: %q", sel, r+1, y, rows[r+1][y+1])
			if r < 3 {
				sums[r] += v
			}
		}
	}
	for r, v := range sums {
		assert.InDelta(t, v, readMoney(t, rows[r+1][len(cf)+1], lang), 0.5, "%s row %d total", sel, r+1)
	}
	assert.Equal(t, "", rows[4][len(cf)+1], "no total of the cumulative net")
}

// dot is a payback marker of the chart: where it is and what it says.
type dot struct {
	X     float64
	Title string
}

func paybackDots(t *testing.T, ctx context.Context, chart string) []dot {
	t.Helper()
	var dots []dot
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(
		`[...document.querySelectorAll(%q + " circle.payback-dot")].map(c => ({x: +c.getAttribute("cx"), title: c.textContent.trim()}))`, chart), &dots)))
	return dots
}

// scrollTo brings the element sel to the top of the screen, for a
// screenshot.
func scrollTo(sel string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "start"}); scrollBy(0, -56); true`, sel), nil)
}

// noPageOverflow asserts that nothing makes the page wider than the screen.
func noPageOverflow(t *testing.T, ctx context.Context, face string) {
	t.Helper()
	var over int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
		`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &over)))
	assert.LessOrEqual(t, over, 0, "%s: the page scrolls sideways", face)
}

// TestCashflow: the helpdesk case of drivers-and-timing.json (a benefit
// that starts in month 2 and ramps over 3 months, a subscription per
// agent growing 5 % a year, a hardware refresh in month 13) shows, in the
// editor and the report, the cash flow by year the vector expects and a
// chart whose dot marks With us paying back in month 4 (3.9 months), in
// English and in German figures. Choosing the status quo shows its year
// table, as it does the waterfall's. Screenshots at 375 and 1440 px go to
// $VALUECALC_SHOTS.
func TestCashflow(t *testing.T) {
	v, fragment := readCashVector(t, "drivers-and-timing.json")
	now, with := v.Result.Scenarios[0], v.Result.Scenarios[1]
	require.Equal(t, "with", with.ID)
	ctx := newBrowser(t)
	problems := listenProblems(ctx)

	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			require.NoError(t, chromedp.Run(ctx, atWidth(1440)))
			openFresh(t, ctx, baseURL+"/?view=editor&lang="+lang+"#"+fragment)
			require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#cashflow-table-with", chromedp.ByQuery)))
			takeaway := map[string]string{"en": "With us pays back in month 4", "de": "With us amortisiert sich in Monat 4"}[lang] // names are the user's
			assert.Equal(t, takeaway, text(t, ctx, "#cashflow-chart .chart-title"), "the chart says the best scenario's payback")
			assert.Equal(t, takeaway, text(t, ctx, "#cashflow-takeaway-with"))
			checkYearTable(t, ctx, "#cashflow-table-with", lang, with.Cashflow)

			// The dot of With us is at 3.9 of the 36 months, on the
			// break-even line; the status quo is never behind.
			dots := paybackDots(t, ctx, "#cashflow-chart")
			require.Len(t, dots, 2)
			assert.InDelta(t, 74+*with.PaybackMonths/36*338, dots[1].X, 0.06, "With us: month %v", *with.PaybackMonths)
			assert.Equal(t, takeaway, dots[1].Title)
			assert.InDelta(t, 74, dots[0].X, 0.06, "the status quo pays back at once")
			month := map[string]string{"en": "month 4", "de": "Monat 4"}[lang]
			var labels string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector("#cashflow-chart svg").textContent`, &labels)))
			assert.Contains(t, labels, month, "the dot is labelled with its month")
			assert.Contains(t, text(t, ctx, "#cashflow-chart .legend"), month)
			var ticks string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
				`[...document.querySelectorAll("#cashflow-chart .chart-tick")].map(e => e.textContent).join("|")`, &ticks)))
			assert.Contains(t, ticks, map[string]string{"en": "$200,000", "de": "200.000\u00a0$"}[lang], "money in the user's format")
			require.NoError(t, chromedp.Run(ctx, scrollTo("#cashflow")))
			shotAt(t, ctx, 1440, "cashflow-editor-"+lang)
			require.NoError(t, chromedp.Run(ctx, atWidth(375), scrollTo("#cashflow")))
			noPageOverflow(t, ctx, "the editor at 375 px")
			shotAt(t, ctx, 375, "cashflow-editor-"+lang)

		})
	}

	// The choice of scenario shows its table, and the waterfall follows.
	require.NoError(t, chromedp.Run(ctx, atWidth(1440)))
	openFresh(t, ctx, baseURL+"/?view=editor&lang=en#"+fragment)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.WaitVisible("#cashflow-scenario", chromedp.ByQuery),
		selectValue("cashflow-scenario", "now"),
		chromedp.WaitVisible("#cashflow-table-now", chromedp.ByQuery),
	))
	assert.Equal(t, "Status quo pays back at once", text(t, ctx, "#cashflow-takeaway-now"))
	checkYearTable(t, ctx, "#cashflow-table-now", "en", now.Cashflow)
	var waterfall string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("waterfall-scenario").value`, &waterfall)))
	assert.Equal(t, "now", waterfall, "one scenario in focus")

	// The chart's data as a table: a row per month, the payback last.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#cashflow-chart-data summary", chromedp.ByQuery),
		chromedp.WaitVisible("#cashflow-chart-data table", chromedp.ByQuery)))
	rows := tableCells(t, ctx, "#cashflow-chart-data table")
	require.Len(t, rows, 1+37+1)
	assert.Equal(t, []string{"Month", "Status quo", "With us"}, rows[0])
	assert.Equal(t, []string{"Payback", "at once", "month 4"}, rows[38])
	assert.InDelta(t, with.Cashflow[1].Cumulative, readMoney(t, rows[13][2], "en"), 0.5, "month 12 is year 1's end")
	assert.Empty(t, problems.exceptions(), "no uncaught exception")
}

// TestCashflowShapes: the scenarios of payback-phased.json, each a shape
// of payback: a lump cost that puts one behind again (it pays back in
// month 8), a rebate that catches up (month 9), a ramp (4.9: month 5),
// one still behind after two years (no dot), one paid back by a gain in
// month 25 (month 24, the horizon's end) and a six-month pilot (month 2).
func TestCashflowShapes(t *testing.T) {
	v, fragment := readCashVector(t, "payback-phased.json")
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, atWidth(1440)))
	openFresh(t, ctx, baseURL+"/?view=editor&lang=en#"+fragment)
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#cashflow-chart svg", chromedp.ByQuery)))
	var want []string
	for _, s := range v.Result.Scenarios {
		if p := s.PaybackMonths; p != nil {
			want = append(want, fmt.Sprintf("%s pays back in month %d", s.Name, int(*p+0.999999)))
		}
	}
	var got []string
	for _, d := range paybackDots(t, ctx, "#cashflow-chart") {
		got = append(got, d.Title)
	}
	assert.Equal(t, want, got)
	assert.Contains(t, want, "Ramping pays back in month 5")
	legend := text(t, ctx, "#cashflow-chart .legend")
	assert.Contains(t, legend, "Never: not by year 2")
	assert.Contains(t, legend, "Paid back at the horizon's end: month 24")
	assert.Equal(t, "Ramping pays back in month 5", text(t, ctx, "#cashflow-chart .chart-title"), "the best scenario's payback")
	require.NoError(t, chromedp.Run(ctx, scrollTo("#cashflow")))
	shotAt(t, ctx, 1440, "cashflow-shapes-editor")

	// Over 30 years the axis counts years, and a year table 32 columns
	// wide scrolls inside its own box, not the page.
	v.Model.HorizonYears = 30
	fragment, err := calc.EncodeLink(v.Model)
	require.NoError(t, err)
	openFresh(t, ctx, baseURL+"/?view=editor&lang=en#"+fragment)
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#cashflow .cashflow-scroll table", chromedp.ByQuery), scrollTo("#cashflow")))
	assert.Contains(t, text(t, ctx, "#cashflow-chart"), "Years")
	assert.Len(t, tableCells(t, ctx, "#cashflow .cashflow-scroll table")[0], 33, "a row name, Initial, 30 years and the total")
	var scrolls bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
		`(() => { const b = document.querySelector("#cashflow .cashflow-scroll"); return b.scrollWidth > b.clientWidth })()`, &scrolls)))
	assert.True(t, scrolls, "the table scrolls in its box")
	noPageOverflow(t, ctx, "30 years at 375 px")
	shotAt(t, ctx, 375, "cashflow-30-years")
	require.NoError(t, chromedp.Run(ctx, atWidth(1440), scrollTo("#cashflow")))
	noPageOverflow(t, ctx, "30 years at 1440 px")
	shotAt(t, ctx, 1440, "cashflow-30-years")
}
