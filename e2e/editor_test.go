//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

// template decodes a built-in template.
func template(t *testing.T, id string) calc.Model {
	t.Helper()
	tpl, ok := examples.Get(id)
	require.True(t, ok, "template %q", id)
	m, err := calc.Decode(tpl.Data)
	require.NoError(t, err)
	return m
}

// openApp loads the app at path and waits for the wasm client to run.
func openApp(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(baseURL+path), waitReady()))
}

// checkResults asserts that the page shows the results of m, computed by
// calc: net, benefits, costs per scenario, ROI and payback in money mode,
// and the best badge on the best scenario.
func checkResults(t *testing.T, ctx context.Context, m calc.Model) {
	t.Helper()
	res := calc.Evaluate(m)
	for _, s := range res.Scenarios {
		require.NoError(t, chromedp.Run(ctx, waitValue("net-"+s.ID, s.Net)), "net of %s", s.ID)
		approx(t, s.Benefits, dataValue(t, ctx, "benefits-"+s.ID), "benefits of %s", s.ID)
		approx(t, s.Costs, dataValue(t, ctx, "costs-"+s.ID), "costs of %s", s.ID)
		if m.Mode == calc.ModeMoney && s.ROI != nil {
			approx(t, *s.ROI, dataValue(t, ctx, "roi-"+s.ID), "ROI of %s", s.ID)
		}
		if m.Mode == calc.ModeMoney && s.PaybackMonths != nil {
			approx(t, *s.PaybackMonths, dataValue(t, ctx, "payback-"+s.ID), "payback of %s", s.ID)
		}
	}
	if len(res.Scenarios) > 1 {
		require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#result-"+res.Best+" #best-badge", chromedp.ByQuery)))
	}
}

func fid(key string) string {
	b := []byte("f-" + key)
	for i, c := range b {
		if c == '/' || c == '.' {
			b[i] = '-'
		}
	}
	return string(b)
}

// setAmount changes an amount in the Go model the way the test types it in
// the page.
func setAmount(m *calc.Model, scenario, item string, v float64) {
	editEntry(m, scenario, item, func(e *calc.Entry) {
		e.Amount, e.Hours = calc.Float(v), nil
		if e.Per == "" {
			e.Per = calc.PerOnce
		}
	})
}

// editEntry applies edit to the entry of item in scenario of m (to a new
// one where there is none), in a copy of the scenario's entries.
func editEntry(m *calc.Model, scenario, item string, edit func(e *calc.Entry)) {
	i := m.ItemIndex(item)
	for j := range m.Scenarios {
		if s := &m.Scenarios[j]; s.ID == scenario {
			var e calc.Entry
			if old := s.Entry(i); old != nil {
				e = *old
			}
			edit(&e)
			es := make([]*calc.Entry, len(m.Items))
			copy(es, s.Entries)
			es[i] = &e
			s.Entries = es
		}
	}
}

// TestSalesRepJourney: a sales rep opens the software template, edits
// amounts in two scenarios, and sees net, ROI and payback follow and the
// best scenario switch.
func TestSalesRepJourney(t *testing.T) {
	ctx := newBrowser(t)
	m := template(t, "software-purchase")
	require.GreaterOrEqual(t, len(m.Scenarios), 2)
	openApp(t, ctx, "/?template=software-purchase")
	checkResults(t, ctx, m)

	res := calc.Evaluate(m)
	best := res.Best
	other := m.Scenarios[0].ID
	if other == best {
		other = m.Scenarios[1].ID
	}
	// The biggest financial cost of the best scenario grows until that
	// scenario is no longer best; the other scenario's gets cheaper.
	var costItem string
	for _, it := range m.Items {
		if it.Side == calc.SideCost && it.Type == calc.TypeFinancial {
			costItem = it.ID
			break
		}
	}
	require.NotEmpty(t, costItem, "the template has a financial cost")

	setAmount(&m, best, costItem, 900000)
	require.NoError(t, chromedp.Run(ctx, typeInto(fid("entry/"+best+"/"+costItem), "900,000")))
	checkResults(t, ctx, m)

	setAmount(&m, other, costItem, 10)
	require.NoError(t, chromedp.Run(ctx, typeInto(fid("entry/"+other+"/"+costItem), "10")))
	checkResults(t, ctx, m)
	require.NotEqual(t, best, calc.Evaluate(m).Best, "the edits must switch the best scenario")
}

// TestCustomerJourney: a customer builds a scored assessment from a blank
// one, reloads and finds it intact, deletes an item and undoes it.
func TestCustomerJourney(t *testing.T) {
	ctx := newBrowser(t)
	openApp(t, ctx, "/?view=editor") // a first visit opens the questionnaire
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-library", chromedp.ByQuery),
		chromedp.Click("#new-blank", chromedp.ByQuery),
		chromedp.WaitNotPresent("#library", chromedp.ByQuery),
		typeInto("f-title", "My supplier choice"),
		chromedp.Click("#add-benefit", chromedp.ByQuery),
		chromedp.WaitVisible("#f-item-b1-name", chromedp.ByQuery),
		typeInto("f-item-b1-name", "Reliable delivery"),
		typeInto("f-item-b1-weight", "3"),
		typeInto("f-entry-s1-b1", "4"),
		chromedp.Click("#add-cost", chromedp.ByQuery),
		chromedp.WaitVisible("#f-item-c1-name", chromedp.ByQuery),
		typeInto("f-item-c1-name", "Price"),
		typeInto("f-entry-s1-c1", "2"),
		chromedp.Click("#add-benefit", chromedp.ByQuery),
		chromedp.WaitVisible("#f-item-b2-name", chromedp.ByQuery),
		typeInto("f-item-b2-name", "Peace of mind"),
		chromedp.Click("#item-more-b2", chromedp.ByQuery), // type, stage and note open on demand
		chromedp.WaitVisible("#f-item-b2-type", chromedp.ByQuery),
		chromedp.SetValue("#f-item-b2-type", "emotional", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("f-item-b2-type").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		typeInto("f-entry-s1-b2", "5"),
		// 3×4 + 1×5 − 1×2
		waitValue("net-s1", 15),
		waitJS(`document.getElementById("save-status").textContent === "Saved on this device"`),
	))

	// Reload: everything is still there.
	require.NoError(t, chromedp.Run(ctx, chromedp.Reload(), waitReady(), waitValue("net-s1", 15)))
	var title, name, typ string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#item-more-b2", chromedp.ByQuery),
		chromedp.WaitVisible("#f-item-b2-type", chromedp.ByQuery),
		chromedp.Value("#f-title", &title, chromedp.ByQuery),
		chromedp.Value("#f-item-b2-name", &name, chromedp.ByQuery),
		chromedp.Value("#f-item-b2-type", &typ, chromedp.ByQuery),
	))
	require.Equal(t, "My supplier choice", title)
	require.Equal(t, "Peace of mind", name)
	require.Equal(t, "emotional", typ)

	// Delete an item, then undo with the keyboard.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#item-del-b1", chromedp.ByQuery),
		chromedp.WaitNotPresent("#f-item-b1-name", chromedp.ByQuery),
		waitValue("net-s1", 3),
		chromedp.KeyEvent("z", chromedp.KeyModifiers(2)), // Ctrl
		chromedp.WaitVisible("#f-item-b1-name", chromedp.ByQuery),
		waitValue("net-s1", 15),
	))
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#item-del-c1", chromedp.ByQuery),
		waitValue("net-s1", 17),
		chromedp.Click("#notice-undo", chromedp.ByQuery),
		waitValue("net-s1", 15),
		chromedp.Click("#redo", chromedp.ByQuery),
		waitValue("net-s1", 17),
		chromedp.Click("#undo", chromedp.ByQuery),
		waitValue("net-s1", 15),
	))
}

// TestBadInput: letters in a number, an out-of-scale score, a negative
// weight and an empty name each get a message next to the field with
// aria-invalid; the text stays; results and saved work keep the last
// valid value.
func TestBadInput(t *testing.T) {
	ctx := newBrowser(t)
	m := template(t, "customer-value")
	openApp(t, ctx, "/?template=customer-value")
	checkResults(t, ctx, m)
	s, it := m.Scenarios[0].ID, m.Items[0].ID
	net := calc.Evaluate(m).Scenarios[0].Net

	cases := []struct {
		key, text, msg string
	}{
		{"entry/" + s + "/" + it, "four", "Enter a number, such as 1200 or 4.5."},
		{"entry/" + s + "/" + it, strconv.Itoa(m.Scale.Max + 2), "Enter a score from " + strconv.Itoa(m.Scale.Min) + " to " + strconv.Itoa(m.Scale.Max) + "."},
		{"item/" + it + "/weight", "-1", "Enter a weight between 0 and 1000."},
		{"item/" + it + "/name", "   ", "Enter a name."},
	}
	for _, c := range cases {
		t.Run(c.key+"="+c.text, func(t *testing.T) {
			id := fid(c.key)
			var before string
			require.NoError(t, chromedp.Run(ctx, chromedp.Value("#"+id, &before, chromedp.ByQuery)))
			var got, msg, invalid, described string
			var ok bool
			require.NoError(t, chromedp.Run(ctx,
				typeInto(id, c.text),
				waitJS(fmt.Sprintf(`(document.getElementById(%q) || {}).textContent === %q`, id+"-err", c.msg)),
				chromedp.Text("#"+id+"-err", &msg, chromedp.ByQuery),
				chromedp.Value("#"+id, &got, chromedp.ByQuery),
				chromedp.AttributeValue("#"+id, "aria-invalid", &invalid, &ok, chromedp.ByQuery),
				chromedp.AttributeValue("#"+id, "aria-describedby", &described, &ok, chromedp.ByQuery),
			))
			require.Equal(t, c.msg, msg)
			require.Equal(t, c.text, got, "the typed text stays")
			require.Equal(t, "true", invalid)
			require.Equal(t, id+"-err", described)
			approx(t, net, dataValue(t, ctx, "net-"+s), "results keep the last valid value")

			// Put the valid value back: the message goes.
			require.NoError(t, chromedp.Run(ctx,
				typeInto(id, before),
				chromedp.WaitNotPresent("#"+id+"-err", chromedp.ByQuery),
				waitValue("net-"+s, net),
			))
		})
	}

	// Nothing invalid reached storage: reload shows the last valid model.
	require.NoError(t, chromedp.Run(ctx,
		typeInto(fid("entry/"+s+"/"+it), "zzz"),
		chromedp.WaitVisible("#"+fid("entry/"+s+"/"+it)+"-err", chromedp.ByQuery),
	))
	var saved string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const k = Object.keys(localStorage).filter(k => k.startsWith("valuecalc/v1/doc/"));
		return k.map(x => localStorage.getItem(x)).join("\n");
	})()`, &saved)))
	require.NotContains(t, saved, "zzz")
}

// TestChartTables: each chart's "Show as table" shows the chart's figures
// when opened, the same text as the result cards, follows an edit while
// open and, closed again, holds no table (it is built only while open).
func TestChartTables(t *testing.T) {
	ctx := newBrowser(t)
	m := template(t, "software-purchase")
	openApp(t, ctx, "/?template=software-purchase")
	checkResults(t, ctx, m)

	tableRows := func(id string) [][]string {
		var rows [][]string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(
			`[...document.querySelectorAll("#%s table tbody tr")].map(tr => [...tr.children].map(c => c.textContent.trim()))`, id), &rows)))
		return rows
	}
	// matchesCards waits until the benefits and costs table shows, for
	// each scenario, its name and the net value its result card shows.
	matchesCards := func() {
		t.Helper()
		require.NoError(t, chromedp.Run(ctx, waitJS(`(() => {
			const rows = [...document.querySelectorAll("#chart-bc-data table tbody tr")];
			const cards = [...document.querySelectorAll(".result-card")];
			return rows.length > 0 && rows.length === cards.length && rows.every((tr, i) =>
				tr.children[0].textContent.trim() === cards[i].querySelector(".result-name").textContent.trim() &&
				tr.children[3].textContent.trim() === cards[i].querySelector(".net-value").textContent.trim())
		})()`)))
	}

	var n int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll(".chart-data table").length`, &n)))
	require.Zero(t, n, "closed, the tables are not built")

	require.NoError(t, chromedp.Run(ctx, chromedp.Click("#chart-bc-data summary", chromedp.ByQuery)))
	matchesCards()
	require.Len(t, tableRows("chart-bc-data"), len(m.Scenarios))

	// The open table follows an edit.
	res := calc.Evaluate(m)
	var costItem string
	for _, it := range m.Items {
		if it.Side == calc.SideCost {
			costItem = it.ID
			break
		}
	}
	before := tableRows("chart-bc-data")
	setAmount(&m, res.Best, costItem, 777777)
	require.NoError(t, chromedp.Run(ctx, typeInto(fid("entry/"+res.Best+"/"+costItem), "777,777")))
	checkResults(t, ctx, m)
	matchesCards()
	require.NotEqual(t, before, tableRows("chart-bc-data"), "the edit reached the open table")

	// The type and waterfall tables: a row per type of both sides; the
	// waterfall's steps end with the net value of the scenario it shows.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#chart-types-data summary", chromedp.ByQuery),
		chromedp.WaitVisible("#chart-types-data table", chromedp.ByQuery),
		chromedp.Click("#chart-waterfall-data summary", chromedp.ByQuery),
		chromedp.WaitVisible("#chart-waterfall-data table", chromedp.ByQuery),
	))
	assert.Len(t, tableRows("chart-types-data"), len(calc.BenefitTypes())+len(calc.CostTypes()))
	fall := tableRows("chart-waterfall-data")
	require.NotEmpty(t, fall)
	var focus, net string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`document.getElementById("waterfall-scenario").value`, &focus),
	))
	require.NotEmpty(t, focus)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(fmt.Sprintf(`document.getElementById("net-" + %q).textContent.trim()`, focus), &net),
	))
	assert.Equal(t, net, fall[len(fall)-1][1], "the waterfall ends at the net value of %s", focus)

	// Closed again, the table goes.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#chart-bc-data summary", chromedp.ByQuery),
		waitJS(`!document.querySelector("#chart-bc-data table") && !!document.querySelector("#chart-types-data table")`),
	))
}
