//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// timedHelpdesk is SPEC §2.1's helpdesk with a second vendor: entries
// priced per agents and per tickets, a start, a ramp, an end, growth.
const timedHelpdesk = `{"format": "valuecalc/3", "title": "Helpdesk for Acme", "mode": "money", "currency": "USD",
 "horizonYears": 3, "discountRate": 0.08, "hourlyRate": 45,
 "drivers": [
  {"id": "agents", "name": "Support agents", "unit": "agents", "value": 25},
  {"id": "tickets", "name": "Tickets a month", "unit": "tickets", "value": 4000}],
 "items": [
  {"id": "triage", "name": "Faster triage", "side": "benefit", "type": "monetary"},
  {"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"},
  {"id": "setup", "name": "Implementation", "side": "cost", "type": "financial"}],
 "scenarios": [
  {"id": "with", "name": "With us", "entries": {
   "triage": {"hours": 0.1, "per": "month", "times": ["tickets"], "start": 2, "ramp": 3, "source": "pilot at Beta Inc, 2025"},
   "sub": {"amount": 40, "per": "month", "times": ["agents"], "growth": 0.05},
   "setup": {"amount": 15000}}},
  {"id": "other", "name": "Other vendor", "entries": {
   "triage": {"hours": 0.05, "per": "month", "times": ["tickets"], "end": 24},
   "sub": {"amount": 55, "per": "month", "times": ["agents"]},
   "setup": {"amount": 5000}}}]}`

// TestEntryTiming: a v3 model's cells read as sentences ("$40 per agent
// a month = $1,000 a month for 25 agents") with their timing ("from
// month 2, full by month 5"); a ramp typed in an entry's detail shows in
// its summary and moves the net to calc's figure; a month out of range
// is refused next to the field, the text kept and the net unchanged;
// a driver chosen for a plain amount prices it per agent. Screenshots at
// 1440 and 375 px go to $VALUECALC_SHOTS; at both widths no sentence or
// detail field overflows its cell, and axe-core finds no WCAG 2.1 AA
// violation in the open details.
func TestEntryTiming(t *testing.T) {
	m, err := calc.Decode([]byte(timedHelpdesk))
	require.NoError(t, err)
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	for _, width := range []int{1440, 375} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			m := m
			ctx := newBrowserFor(t, 3*time.Minute)
			require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(int64(width), 1000)))
			openFresh(t, ctx, baseURL+"/?view=editor#"+fragment)
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#save-copy", chromedp.ByQuery),
				chromedp.WaitNotPresent("#shared-banner", chromedp.ByQuery),
			))
			checkResults(t, ctx, m)

			// The sentences and the products, and the timing.
			says := func(sc, item string) string { return textOf(t, ctx, "#f-entry-"+sc+"-"+item+"-says") }
			timing := func(sc, item string) string { return textOf(t, ctx, "#f-entry-"+sc+"-"+item+"-timing") }
			assert.Equal(t, "$40 per agent a month = $1,000 a month for 25 agents", says("with", "sub"))
			assert.Equal(t, "0.1 h per ticket a month = 400 h a month for 4,000 tickets", says("with", "triage"))
			assert.Equal(t, "from month 2, full by month 5", timing("with", "triage"))
			assert.Equal(t, "+5 %/yr", timing("with", "sub"))
			assert.Equal(t, "months 1–24", timing("other", "triage"))
			assert.Equal(t, "", says("with", "setup"), "a plain amount is no sentence")

			// A ramp typed in the subscription's detail.
			ramp := "f-entry-other-sub-ramp"
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#item-more-sub", chromedp.ByQuery),
				chromedp.WaitVisible("#"+ramp, chromedp.ByQuery),
				typeInto(ramp, "6"),
				waitJS(`document.getElementById("f-entry-other-sub-timing")?.textContent === "full by month 7"`),
			))
			withEntry(&m, "other", "sub", func(e *calc.Entry) { e.Ramp = 6 })
			checkResults(t, ctx, m)
			assert.Equal(t, "1", attr(t, ctx, "#f-entry-other-sub-start", "placeholder"))
			assert.Equal(t, "36", attr(t, ctx, "#f-entry-other-sub-end", "placeholder"), "the horizon's last month")

			// A month out of range (typed key by key, "-" and "-3" are
			// both refused): said next to the field, the text kept, the
			// last valid result kept.
			start := "f-entry-with-sub-start"
			require.NoError(t, chromedp.Run(ctx,
				typeInto(start, "-3"),
				chromedp.WaitVisible("#"+start+"-err", chromedp.ByQuery),
			))
			assert.Equal(t, "Enter a month from 1 to 361.", textOf(t, ctx, "#"+start+"-err"))
			assert.Equal(t, "-3", valueOf(t, ctx, start))
			assert.Equal(t, "true", attr(t, ctx, "#"+start, "aria-invalid"))
			checkResults(t, ctx, m)

			// A plain amount priced per agent, chosen in its cell.
			require.NoError(t, chromedp.Run(ctx,
				selectValue("f-entry-with-setup-times-0", "agents"),
				waitJS(`document.getElementById("f-entry-with-setup-says")?.textContent === "$15,000 per agent = $375,000 for 25 agents"`),
			))
			withEntry(&m, "with", "setup", func(e *calc.Entry) { e.Times = []string{"agents"} })
			checkResults(t, ctx, m)

			// A once entry's detail has a start month alone.
			require.NoError(t, chromedp.Run(ctx, chromedp.Click("#item-more-setup", chromedp.ByQuery),
				chromedp.WaitVisible("#f-entry-with-setup-start", chromedp.ByQuery)))
			var ends int
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#f-entry-with-setup-end, #f-entry-with-setup-ramp, #f-entry-with-setup-growth").length`, &ends)))
			assert.Zero(t, ends, "no end, ramp or growth for a one-off amount")

			// Nothing overflows its cell.
			var over []string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".cell-says p, .cell-detail .detail-field, .times-select")].filter(el => {
				const td = el.closest("td").getBoundingClientRect(), r = el.getBoundingClientRect();
				return r.right > td.right + 1 || r.left < td.left - 1 || el.scrollWidth > el.clientWidth + 1;
			}).map(el => el.id || el.className)`, &over)))
			assert.Empty(t, over, "overflowing their cells")
			vs := axe(t, ctx)
			assert.Empty(t, vs, "%s", describe(vs))
			entryShot(t, ctx, fmt.Sprintf("entry-timing-%d", width))
		})
	}
}

func withEntry(m *calc.Model, scenario, item string, edit func(*calc.Entry)) {
	j, i := m.ScenarioIndex(scenario), m.ItemIndex(item)
	es := append([]*calc.Entry(nil), m.Scenarios[j].Entries...)
	e := *es[i]
	edit(&e)
	es[i] = &e
	ss := append([]calc.Scenario(nil), m.Scenarios...)
	ss[j].Entries = es
	m.Scenarios = ss
}

func attr(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	var s string
	var ok bool
	require.NoError(t, chromedp.Run(ctx, chromedp.AttributeValue(sel, name, &s, &ok, chromedp.ByQuery)))
	return s
}

// entryShot saves a screenshot of the grid to $VALUECALC_SHOTS/name.png
// when that is set.
func entryShot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("VALUECALC_SHOTS")
	if dir == "" {
		return
	}
	for sel, suffix := range map[string]string{".grid-section": "", `tr[data-item="sub"]`: "-sub"} {
		var png []byte
		require.NoError(t, chromedp.Run(ctx, chromedp.Screenshot(sel, &png, chromedp.ByQuery)))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+suffix+".png"), png, 0o644))
	}
}

// TestEntryTimingGerman: in German the sentence names the unit as typed
// after "je Einheit", numbers and money are German, and growth is typed
// the German way ("2,5" for 2.5 %).
func TestEntryTimingGerman(t *testing.T) {
	m, err := calc.Decode([]byte(timedHelpdesk))
	require.NoError(t, err)
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(1440, 1000)))
	openFresh(t, ctx, baseURL+"/?view=editor&lang=de#"+fragment)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#save-copy", chromedp.ByQuery),
		chromedp.WaitNotPresent("#shared-banner", chromedp.ByQuery),
	))
	assert.Equal(t, "40\u00a0$ je Einheit (agents) pro Monat = 1.000\u00a0$ pro Monat für 25 agents", textOf(t, ctx, "#f-entry-with-sub-says"))
	assert.Equal(t, "ab Monat 2, voll ab Monat 5", textOf(t, ctx, "#f-entry-with-triage-timing"))
	growth := "f-entry-with-triage-growth"
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#item-more-triage", chromedp.ByQuery),
		chromedp.WaitVisible("#"+growth, chromedp.ByQuery),
		typeInto(growth, "2,5"),
		waitJS(`document.getElementById("f-entry-with-triage-timing")?.textContent === "ab Monat 2, voll ab Monat 5, +2,5 %/Jahr"`),
	))
	withEntry(&m, "with", "triage", func(e *calc.Entry) { e.Growth = 0.025 })
	checkResults(t, ctx, m)
	assert.Equal(t, "pilot at Beta Inc, 2025", valueOf(t, ctx, "f-entry-with-triage-source"), "the source, the user's own words")
}
