//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// text reads the text of the element matched by sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	var s string
	require.NoError(t, chromedp.Run(ctx, chromedp.Text(sel, &s, chromedp.ByQuery)), sel)
	return strings.TrimSpace(s)
}

// selectValue chooses value in the select with id, as a user does.
func selectValue(id, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.value = %q;
		el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, id, value), nil)
}

// analysisDone waits until the analysis on screen is of the model on
// screen and its simulation has finished: the ranges table of an earlier
// model stays visible, dimmed, while typing pauses (state.AnalysisQuiet)
// and the next analysis runs.
func analysisDone() chromedp.Action {
	return waitJS(`(() => { const w = document.querySelector(".how-sure-wrap");
		return !!w && !w.classList.contains("stale") && !document.getElementById("how-sure-progress") })()`)
}

// TestRangesStayWhileUpdating: after an edit, the ranges block keeps its
// last figures, marked as updating, with the run's progress over their
// explanation, and keeps its height; each result card keeps its range's
// line, hidden, so nothing moves while the user types; then the new
// figures replace them.
func TestRangesStayWhileUpdating(t *testing.T) {
	for _, width := range []int64{375, 1440} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ctx := newBrowserFor(t, 2*time.Minute)
			require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(width, 900)))
			openApp(t, ctx, "/?template=software-purchase")
			require.NoError(t, chromedp.Run(ctx, rangeImplementation()))
			before := text(t, ctx, "#how-sure-ranges")
			// Every change to the section and the cards, as it happens.
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
				const ranges = () => document.querySelector("#how-sure .ranges");
				const rec = window.__rec = {height: ranges().offsetHeight, card: document.getElementById("result-with-us").offsetHeight,
					updating: 0, table: [], heights: [], cards: [], lost: 0, lostLine: 0, oldLine: 0, shownLine: 0};
				new MutationObserver(() => {
					const r = ranges(), table = document.getElementById("how-sure-ranges"), line = document.getElementById("range-with-us");
					if (!table) rec.lost++;
					if (!line) rec.lostLine++;
					else if (line.classList.contains("old")) { rec.oldLine++; if (getComputedStyle(line).visibility !== "hidden") rec.shownLine++; }
					rec.cards.push(document.getElementById("result-with-us").offsetHeight);
					if (r && r.classList.contains("updating")) {
						rec.updating++;
						rec.heights.push(r.offsetHeight);
						if (table && document.getElementById("how-sure-progress")) rec.table.push(table.innerText);
					}
				}).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
				return true })()`, nil)))
			// A slower processor, so that the run spans several frames, as
			// it does on a larger model: on this one it can end before the
			// frame that would show it.
			require.NoError(t, chromedp.Run(ctx,
				emulation.SetCPUThrottlingRate(8),
				pasteInto(fid("entry/with-us/training"), "9000"),
				analysisStale(),
				analysisDone(),
				emulation.SetCPUThrottlingRate(1),
			))
			var rec struct {
				Height, Card                      int
				Updating, Lost, LostLine, OldLine int
				ShownLine                         int
				Table                             []string
				Heights, Cards                    []int
			}
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__rec`, &rec)))
			require.Positive(t, rec.Updating, "the run showed the last figures as updating")
			assert.Zero(t, rec.Lost, "the ranges table stays on screen throughout")
			for _, tb := range rec.Table {
				assert.Equal(t, before, tb, "while updating, it shows the last figures")
			}
			for _, h := range rec.Heights {
				assert.Equal(t, rec.Height, h, "the ranges block keeps its height while updating")
			}
			assert.Zero(t, rec.LostLine, "the card keeps its range's line")
			assert.Positive(t, rec.OldLine, "marked as old while the edit waits for its figures")
			assert.Zero(t, rec.ShownLine, "and hidden: it is of the model before the edit")
			for _, h := range rec.Cards {
				assert.Equal(t, rec.Card, h, "the card keeps its height")
			}
			after := text(t, ctx, "#how-sure-ranges")
			assert.NotEqual(t, before, after, "the new figures replace the last")
			assert.Contains(t, text(t, ctx, "#range-with-us"), "Likely")
			var old bool
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("range-with-us").classList.contains("old") ||
				!!document.querySelector("#how-sure .ranges.updating")`, &old)))
			assert.False(t, old, "and nothing is marked as updating any more")
			noSidewaysScroll(t, ctx, "#how-sure")
		})
	}
}

// rangeImplementation gives the implementation cost of With us (the
// software-purchase template) a range of 6,000 to 15,000 from the grid's
// low/high fields, each end in one input event, and waits for the
// analysis and simulation of that model.
func rangeImplementation() chromedp.Action {
	field := fid("entry/with-us/implementation")
	return chromedp.Tasks{
		chromedp.Click("#toggle-ranges", chromedp.ByQuery),
		chromedp.WaitVisible("#"+field+"-low", chromedp.ByQuery),
		pasteInto(field+"-low", "6000"),
		pasteInto(field+"-high", "15000"),
		analysisStale(),
		chromedp.WaitVisible("#how-sure-ranges", chromedp.ByQuery),
		analysisDone(),
	}
}

// analysisStale waits until the page shows that the analysis is of an
// earlier model: after an edit, so that analysisDone then waits for the
// edit's own analysis, not the one before it.
func analysisStale() chromedp.Action {
	return waitJS(`document.querySelector(".how-sure-wrap").classList.contains("stale")`)
}

// noSidewaysScroll checks that the element sel fits the page's width.
func noSidewaysScroll(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	var fits bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => {
		const el = document.querySelector(%q); const r = el.getBoundingClientRect();
		return el.scrollWidth <= el.clientWidth + 1 && r.right <= document.documentElement.clientWidth + 1 })()`, sel), &fits)))
	assert.True(t, fits, "%s fits the screen without sideways scrolling", sel)
}

// TestHowSure drives the analysis as a rep would, at a phone's and a
// desktop's width, in a money and a score model: the verdict and how
// firm it is, the tornado chart, ranges and their simulation, and the
// goal seek, checked against calc; with axe finding nothing.
func TestHowSure(t *testing.T) {
	for _, width := range []int64{375, 1440} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ctx := newBrowserFor(t, 4*time.Minute)
			require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(width, 900)))

			// Money: a clear winner.
			openApp(t, ctx, "/?template=software-purchase")
			m := template(t, "software-purchase")
			require.NoError(t, chromedp.Run(ctx, waitJS(`document.getElementById("verdict-sure").textContent.includes("20 %")`)))
			assert.Equal(t, "With us comes out ahead by $141,918 and pays back in 4.4 months.", text(t, ctx, "#verdict-lead"))
			assert.Equal(t, "No single figure off by 20 % changes that.", text(t, ctx, "#verdict-sure"))
			var bars []string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
				`[...document.querySelectorAll("#how-sure-tornado li")].map(li => li.dataset.item)`, &bars)))
			assert.Len(t, bars, 9, "every entry of With us and the two drivers that price them, up to ten")
			assert.Contains(t, bars[:2], "hours-saved", "the largest swings first: the hours saved and the tickets they are priced per")
			noSidewaysScroll(t, ctx, "#how-sure")
			assert.Empty(t, axe(t, ctx), "the analysis has no accessibility violations")

			// Ranges: the implementation may cost 6,000 to 15,000.
			require.NoError(t, chromedp.Run(ctx, rangeImplementation()))
			editEntry(&m, "with-us", "implementation", func(e *calc.Entry) { e.Low, e.High = calc.Float(6000), calc.Float(15000) })
			want, err := calc.Analyze(m)
			require.NoError(t, err)
			require.NotNil(t, want.Ranges)
			var pBest float64
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
				`parseFloat(document.querySelector('#how-sure-ranges tr[data-scenario="with-us"] .chance-best').dataset.value)`, &pBest)))
			assert.InDelta(t, want.Ranges.Scenarios[1].PBest, pBest, 1e-12, "the page's simulation is calc's")
			assert.Contains(t, text(t, ctx, "#range-with-us"), "Likely")
			// The chart of the ranges: a band per scenario, named in words.
			var bands []string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
				`[...document.querySelectorAll('#how-sure-bands svg')].map(s => s.getAttribute('aria-label'))`, &bands)))
			require.Len(t, bands, len(m.Scenarios))
			assert.Contains(t, bands[1], "With us: likely net from ")
			assert.Contains(t, text(t, ctx, "#how-sure"), "An estimate from your own low and high figures")
			// Its table too: on a phone, each scenario's figures stack.
			noSidewaysScroll(t, ctx, "#how-sure .ranges .table-scroll")

			// Goal seek: what must the implementation cost for a net of
			// 100,000? To the cent: the cell holds what it shows.
			x, err := calc.GoalSeek(m, "with-us", "implementation", calc.Goal{Metric: calc.MetricNet, Target: 100000})
			require.NoError(t, err)
			x = calc.Round(x, 2)
			setAmount(&m, "with-us", "implementation", x)
			require.NoError(t, chromedp.Run(ctx,
				selectValue("goal-scenario", "with-us"),
				selectValue("goal-item", "implementation"),
				typeInto("goal-target", "100000"),
				waitJS(`document.getElementById("goal-answer").textContent.startsWith("It must be")`),
				chromedp.Click("#goal-use", chromedp.ByQuery),
				waitJS(fmt.Sprintf(`parseFloat(document.getElementById("net-with-us").dataset.value) === %v`, calc.Evaluate(m).Scenarios[1].Net)),
			))
			var cell string
			require.NoError(t, chromedp.Run(ctx, chromedp.Value("#"+fid("entry/with-us/implementation"), &cell, chromedp.ByQuery)))
			got, err := strconv.ParseFloat(strings.ReplaceAll(cell, ",", ""), 64)
			require.NoError(t, err)
			assert.Equal(t, x, got, "the answer, to the cent, is in the cell")
			assert.Regexp(t, `^[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}$`, cell, "written as a figure")
			// The model has an amount with cents now: every amount shows cents.
			assert.Equal(t, fmt.Sprintf("It must be %[1]s. With %[1]s: net value $100,000.00.", calc.StyleOf("en").Money(x, "USD", 2)),
				text(t, ctx, "#goal-answer"), "the answer as the cell holds it, and what it gives")

			// A close call: maintenance of 56,000 a year with us, in a fresh copy.
			openApp(t, ctx, "/?template=software-purchase")
			require.NoError(t, chromedp.Run(ctx,
				typeInto(fid("entry/with-us/maintenance"), "56000"),
				waitJS(`document.getElementById("verdict-sure").textContent.startsWith("Close call")`),
			))
			assert.Equal(t, "Close call: if Maintenance and admin in With us were $57,469 a year instead of $56,000 a year, Status quo would win.",
				text(t, ctx, "#verdict-sure"), "the figure closest to changing the winner")
			assert.Empty(t, axe(t, ctx), "the close call has no accessibility violations")

			// Score: the customer-value assessment.
			openApp(t, ctx, "/?template=customer-value")
			require.NoError(t, chromedp.Run(ctx, waitJS(`document.getElementById("verdict-sure").textContent.includes("score off by 1")`)))
			assert.Equal(t, "With us comes out ahead by 23 points.", text(t, ctx, "#verdict-lead"))
			cv := template(t, "customer-value")
			g, err := calc.GoalSeek(cv, "with-us", "quality", calc.Goal{Metric: calc.MetricNet, Target: 25})
			require.NoError(t, err)
			require.NoError(t, chromedp.Run(ctx,
				selectValue("goal-scenario", "with-us"),
				selectValue("goal-item", "quality"),
				typeInto("goal-target", "25"),
				waitJS(fmt.Sprintf(`document.getElementById("goal-answer").textContent.startsWith("It must be %v. With %[1]v: net value ")`, calc.Round(g, 2))),
			))
			// A score's range: quality in With us, 3 to 5.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#toggle-ranges", chromedp.ByQuery),
				chromedp.WaitVisible("#"+fid("entry/with-us/quality")+"-low", chromedp.ByQuery),
				typeInto(fid("entry/with-us/quality")+"-low", "3"),
				chromedp.WaitVisible("#how-sure-ranges", chromedp.ByQuery),
				analysisDone(),
			))
			editEntry(&cv, "with-us", "quality", func(e *calc.Entry) { e.Low, e.High = calc.Float(3), calc.Float(5) })
			wantScore, err := calc.Analyze(cv)
			require.NoError(t, err)
			var pPositive float64
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
				`parseFloat(document.querySelector('#how-sure-ranges tr[data-scenario="with-us"] .chance-positive').dataset.value)`, &pPositive)))
			assert.InDelta(t, wantScore.Ranges.Scenarios[1].PPositive, pPositive, 1e-12)
			noSidewaysScroll(t, ctx, "#how-sure")
			assert.Empty(t, axe(t, ctx), "the score analysis has no accessibility violations")

			// The report carries the verdict and the analysis.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#open-report", chromedp.ByQuery),
				chromedp.WaitVisible("#report-how-sure-tornado", chromedp.ByQuery),
			))
			assert.Equal(t, "With us comes out ahead by 23 points.", text(t, ctx, "#verdict-lead"))
			// With the goal seek's question and answer, in words.
			assert.Equal(t, "What must Product quality and reliability in With us be for a net value of 25 points?",
				text(t, ctx, "#report-how-sure-goal .goal-question"))
			assert.Regexp(t, fmt.Sprintf(`^It must be %v\. With %[1]v: net value [0-9.]+ points\.$`, calc.Round(g, 2)), text(t, ctx, "#report-how-sure-goal .goal-answer"))
			// And each figure's break-even and tie, for the winner: with a
			// lead of 23 points, no score of the scale brings With us to 0
			// or level with Status quo.
			for _, e := range wantScore.Entries {
				assert.True(t, e.Scenario != "with-us" || (e.BreakEven == nil && e.Tie == nil), "%s in %s", e.Item, e.Scenario)
			}
			assert.Equal(t, "No single figure of With us, on its own, can bring its net to 0 or level with its rival's.",
				text(t, ctx, "#report-how-sure-thresholds"))
			noSidewaysScroll(t, ctx, "#report-how-sure")
			assert.Empty(t, axe(t, ctx), "the report's analysis has no accessibility violations")
		})
	}
}

// dollars reads the amounts written in s ("$12,345 a year"), in order.
func dollars(t *testing.T, s string) []float64 {
	t.Helper()
	var out []float64
	for _, m := range regexp.MustCompile(`(−?)\$([0-9,]+(?:\.[0-9]+)?)`).FindAllStringSubmatch(s, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", ""), 64)
		require.NoError(t, err, s)
		if m[1] != "" {
			v = -v
		}
		out = append(out, v)
	}
	return out
}

// TestBreakEvens walks the thresholds as a rep would: typed into a cell,
// it says where its scenario breaks even and where it ties with its rival;
// the explanation's table says the same; typing either figure in makes the
// net 0, or the two nets equal. The report lists them for the winner.
func TestBreakEvens(t *testing.T) {
	ctx := newBrowser(t)
	const s, it = "with-us", "maintenance"
	id := fid("entry/" + s + "/" + it)
	m := template(t, "software-purchase")
	openApp(t, ctx, "/?template=software-purchase")
	require.NoError(t, chromedp.Run(ctx,
		typeInto(id, "20000"),
		chromedp.WaitVisible("#"+id+"-hint", chromedp.ByQuery),
	))
	setAmount(&m, s, it, 20000)
	an, err := calc.Analyze(m)
	require.NoError(t, err)
	var e calc.EntryAnalysis
	for _, x := range an.Entries {
		if x.Scenario == s && x.Item == it {
			e = x
		}
	}
	require.NotNil(t, e.BreakEven, "maintenance has a break-even")
	require.NotNil(t, e.Tie, "and a tie")

	hint := text(t, ctx, "#"+id+"-hint")
	assert.Regexp(t, `^breaks even at \$[0-9,]+ a year; ties with Status quo at \$[0-9,]+ a year$`, hint)
	got := dollars(t, hint)
	require.Len(t, got, 2, hint)
	assert.InDelta(t, *e.BreakEven, got[0], 0.5, "the break-even, to the dollar")
	assert.InDelta(t, *e.Tie, got[1], 0.5, "the tie, to the dollar")

	// The explanation of With us's net says the same, in a row per figure.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#explain-net-"+s, chromedp.ByQuery),
		chromedp.WaitVisible("#explain-thresholds", chromedp.ByQuery),
	))
	row := `#explain-thresholds tr[data-item="` + it + `"] `
	assert.Equal(t, got[:1], dollars(t, text(t, ctx, row+".break-even")))
	assert.Equal(t, got[1:], dollars(t, text(t, ctx, row+".tie")))
	assert.Empty(t, axe(t, ctx), "the explanation with its thresholds")
	require.NoError(t, chromedp.Run(ctx, chromedp.Click("#explain-close", chromedp.ByQuery), chromedp.WaitNotPresent("#explain", chromedp.ByQuery)))

	// Typing the break-even in: the net is 0, to within a dollar's worth.
	slope := math.Abs(e.Slope)
	require.NoError(t, chromedp.Run(ctx, typeInto(id, strconv.Itoa(int(got[0]))),
		waitJS(fmt.Sprintf(`Math.abs(parseFloat(document.getElementById("net-%s").dataset.value)) <= %v`, s, slope))))
	// And the tie: With us's net is Status quo's.
	require.NoError(t, chromedp.Run(ctx, typeInto(id, strconv.Itoa(int(got[1]))),
		waitJS(fmt.Sprintf(`Math.abs(parseFloat(document.getElementById("net-%s").dataset.value) - parseFloat(document.getElementById("net-status-quo").dataset.value)) <= %v`, s, slope))))

	// The report lists the thresholds of the winner's figures.
	require.NoError(t, chromedp.Run(ctx,
		typeInto(id, "20000"),
		analysisStale(), analysisDone(),
		chromedp.Click("#open-report", chromedp.ByQuery),
		chromedp.WaitVisible("#report-how-sure-thresholds", chromedp.ByQuery),
	))
	assert.Equal(t, got[:1], dollars(t, text(t, ctx, `#report-how-sure-thresholds tr[data-item="`+it+`"] .break-even`)))
	assert.Equal(t, "Break-evens and ties in With us", text(t, ctx, "#report-how-sure-thresholds caption"))
}
