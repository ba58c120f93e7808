//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

// downloads lets the browser save downloads into a new directory.
func downloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, chromedp.Run(ctx, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).
		WithDownloadPath(dir).WithEventsEnabled(true)))
	return dir
}

// waitFile waits for a finished download called name in dir.
func waitFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(data) > 0 {
			if _, err := os.Stat(filepath.Join(dir, name+".crdownload")); errors.Is(err, os.ErrNotExist) {
				return data
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("no download %q in %s (found %v)", name, dir, names)
	return nil
}

// TestExportFiles: the valuecalc file reads back as the same model; the CSV
// has a row per driver, a row per item and scenario value with what it is
// priced per, plus totals, with plain numbers and names that cannot run
// as formulas.
func TestExportFiles(t *testing.T) {
	ctx := newBrowser(t)
	dir := downloads(t, ctx)
	m := template(t, "software-purchase")
	openApp(t, ctx, "/?template=software-purchase")
	m.Items[0].Name = "=HYPERLINK(\"http://evil.example\",\"x\")"
	require.NoError(t, chromedp.Run(ctx,
		typeInto(fid("item/"+m.Items[0].ID+"/name"), m.Items[0].Name),
		chromedp.Click("#open-files", chromedp.ByQuery),
		chromedp.Click("#export-json", chromedp.ByQuery),
	))
	data := waitFile(t, dir, "helpdesk-software-3-year-business-case.json")
	got, err := calc.Decode(data)
	require.NoError(t, err)
	assert.Equal(t, m, got)

	// The dialog says the CSV file is for spreadsheets and cannot be
	// imported: the valuecalc file is the one that keeps everything.
	assert.Contains(t, text(t, ctx, "#files .hint"), "The CSV file is for spreadsheets and cannot be imported: a row for each of your numbers")
	shotAt(t, ctx, 1440, "files-dialog")
	shotAt(t, ctx, 375, "files-dialog")
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(1440, 900), chromedp.Click("#export-csv", chromedp.ByQuery)))
	data = waitFile(t, dir, "helpdesk-software-3-year-business-case.csv")
	require.True(t, bytes.HasPrefix(data, []byte("\uFEFF")), "a byte order mark for spreadsheets")
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"Scenario", "Item", "Side", "Type", "Stage", "Weight", "Value", "Unit", "Per", "Contribution",
		"Per driver", "Start month", "End month", "Ramp months", "Growth a year", "Source"}, rows[0])
	assert.Equal(t, []string{"", "Support agents", "driver", "", "", "", "10", "agents", "", "", "", "", "", "", "", "Your team roster"}, rows[1])
	assert.Equal(t, []string{"", "Tickets a month", "driver", "", "", "", "1200", "tickets", "", "", "", "", "", "", "", "Your helpdesk's monthly report"}, rows[2])

	res := calc.Evaluate(m)
	cell := func(scenario, item string) []string {
		for _, r := range rows[1:] {
			if r[0] == scenario && r[1] == item {
				return r
			}
		}
		t.Fatalf("no row %s / %s", scenario, item)
		return nil
	}
	number := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err, "%q is a plain number", s)
		return v
	}
	items := 0
	for _, r := range rows[1:] {
		if r[2] != "" && r[2] != "driver" {
			items++
		}
	}
	assert.Equal(t, len(m.Items)*len(m.Scenarios), items, "a row per item and scenario")
	assert.Equal(t, []string{"With us", "Subscription", "cost", "financial", "renewal", "1", "100", "USD", "month"}, cell("With us", "Subscription")[:9])
	assert.Equal(t, []string{"Support agents", "", "", "", "", "Our price list"}, cell("With us", "Subscription")[10:])
	approx(t, res.Scenarios[1].Contributions[2], number(cell("With us", "Subscription")[9]), "subscription contribution")
	approx(t, res.Scenarios[0].Net, number(cell("Status quo", "Net value")[9]), "net of the status quo, negative and still a number")
	approx(t, res.Scenarios[1].Net, number(cell("With us", "Net value")[9]), "net")
	assert.Equal(t, "'"+m.Items[0].Name, rows[3][1], "a name starting with = is neutralised")
}

// TestImportFiles: a valid file opens as a new assessment; an invalid one
// lists every problem and changes nothing; a dropped file imports too.
func TestImportFiles(t *testing.T) {
	ctx := newBrowser(t)
	before := ownWork(t, ctx)
	dir := t.TempDir()

	bad := `{"format":"valuecalc/1","mode":"score","colour":"red",
	  "items":[{"id":"a","name":"","side":"benefit","type":"risk","weight":-1}],
	  "scenarios":[{"id":"s","name":"S","entries":{"a":{"score":9},"zz":{"score":1}}}]}`
	_, err := calc.Decode([]byte(bad))
	var probs calc.Problems
	require.ErrorAs(t, err, &probs)
	badPath := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(badPath, []byte(bad), 0o644))

	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-files", chromedp.ByQuery),
		chromedp.SetUploadFiles("#import-file", []string{badPath}, chromedp.ByQuery),
		chromedp.WaitVisible("#import-error", chromedp.ByQuery),
	))
	var items []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#import-problems li .problem-detail")].map(el => el.textContent)`, &items)))
	assert.Equal(t, problemStrings(probs), items, "every problem, as calc reports it")
	var words []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#import-problems li .problem-words")].map(el => el.textContent)`, &words)))
	assert.Len(t, words, len(probs))
	assert.Contains(t, words, "Item 1: the weight must be between 0 and 1000, got -1", "in the user's words")
	assert.Contains(t, words, "Item 1, S: the score must be between 1 and 5, got 9")
	var title string
	require.NoError(t, chromedp.Run(ctx, chromedp.Value("#f-title", &title, chromedp.ByQuery)))
	assert.Equal(t, "Mine", title)
	assert.Equal(t, before, storage(t, ctx), "a broken import changes nothing")

	// Not JSON at all.
	junk := filepath.Join(dir, "photo.json")
	require.NoError(t, os.WriteFile(junk, []byte("\x89PNG\r\n"), 0o644))
	var msg string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.SetUploadFiles("#import-file", []string{junk}, chromedp.ByQuery),
		waitJS(`document.getElementById("import-error").textContent.includes("photo.json")`),
		chromedp.Text("#import-error", &msg, chromedp.ByQuery),
	))
	assert.Contains(t, msg, "is not a valuecalc file")
	assert.Equal(t, before, storage(t, ctx))

	// A valid file: a new assessment, the user's own kept.
	seg := template(t, "segments")
	tpl, _ := examples.Get("segments")
	good := filepath.Join(dir, "segments.json")
	require.NoError(t, os.WriteFile(good, tpl.Data, 0o644))
	require.NoError(t, chromedp.Run(ctx,
		chromedp.SetUploadFiles("#import-file", []string{good}, chromedp.ByQuery),
		chromedp.WaitNotPresent("#files", chromedp.ByQuery),
		waitJS(`document.getElementById("f-title").value === `+jsString(seg.Title+imported())),
	))
	checkResults(t, ctx, seg)
	after := storage(t, ctx)
	assert.Contains(t, after, "Mine")
	assert.Contains(t, after, seg.Title)

	// Drag and drop a file onto the page.
	cv := template(t, "customer-value")
	cv.Title = "Dropped in"
	data, err := calc.Encode(cv)
	require.NoError(t, err)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`(() => {
			const dt = new DataTransfer();
			dt.items.add(new File([`+jsString(string(data))+`], "dropped.json", {type: "application/json"}));
			document.body.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
			document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
			return true;
		})()`, nil),
		waitJS(`document.getElementById("f-title").value === `+jsString("Dropped in"+imported())),
		chromedp.WaitNotPresent("#drop-hint", chromedp.ByQuery),
	))
	checkResults(t, ctx, cv)
	assert.Contains(t, storage(t, ctx), "Dropped in")
}

// imported is what an import adds to a title today: " (imported 2 Dec)".
func imported() string { return " (imported " + time.Now().Format("2 Jan") + ")" }

// importedTitle is title with imported() after it, cut to fit the
// longest title a model may have.
func importedTitle(title string) string {
	suffix := imported()
	r := []rune(title)
	if n := calc.MaxTitleLen - len([]rune(suffix)); len(r) > n {
		title = strings.TrimSpace(string(r[:n]))
	}
	return title + suffix
}

func problemStrings(p calc.Problems) []string {
	out := make([]string, len(p))
	for i, e := range p {
		out[i] = e.Error()
	}
	return out
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestReportView: the present view shows each scenario's net value, the
// charts, the top items and the assumptions, and prints without any
// editing control.
func TestReportView(t *testing.T) {
	ctx := newBrowser(t)
	m := template(t, "software-purchase")
	res := calc.Evaluate(m)
	openApp(t, ctx, "/?template=software-purchase")
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-report", chromedp.ByQuery),
		chromedp.WaitVisible("#report", chromedp.ByQuery),
	))
	for _, s := range res.Scenarios {
		var v string
		var ok bool
		require.NoError(t, chromedp.Run(ctx, chromedp.AttributeValue("#report-net-"+s.ID+" .report-net-value", "data-value", &v, &ok, chromedp.ByQuery)))
		approx(t, s.Net, mustFloat(t, v), "report net of %s", s.ID)
	}
	var charts, weights int
	var heading string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelectorAll("#report-types svg.chart-svg").length`, &charts),
		chromedp.Evaluate(`document.querySelectorAll("#report-weights tbody tr").length`, &weights),
		chromedp.Text("#report-title", &heading, chromedp.ByQuery),
	))
	// The status quo has one type of value: its waterfall would be one bar.
	assert.Equal(t, 2, charts, "the value types, and the waterfall of With us alone")
	assert.Equal(t, 1, count(t, ctx, "#report-waterfall-with-us"))
	assert.Equal(t, len(m.Items), weights, "every item's weight")
	assert.Equal(t, m.Title, heading)
	var assumptions string
	require.NoError(t, chromedp.Run(ctx, chromedp.Text("#report-assumptions", &assumptions, chromedp.ByQuery)))
	for _, want := range []string{"3 years", "8 % a year", "$60 per hour"} {
		assert.Contains(t, assumptions, want)
	}

	// Printed: no editing control is visible, and no section asks for a
	// page of its own (they fill few pages; TestReportPrints).
	var visible []string
	var breaks []string
	require.NoError(t, chromedp.Run(ctx,
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Evaluate(`[...document.querySelectorAll("button, input, select, textarea, .topbar, .report-bar")]
			.filter(el => el.getClientRects().length > 0).map(el => el.outerHTML.slice(0, 80))`, &visible),
		chromedp.Evaluate(`[...document.querySelectorAll(".report-section")].map(s => getComputedStyle(s).breakBefore)`, &breaks),
	))
	assert.Empty(t, visible, "no controls in print")
	assert.NotEmpty(t, breaks)
	for _, b := range breaks {
		assert.Equal(t, "auto", b)
	}

	// Back on screen, back to editing.
	require.NoError(t, chromedp.Run(ctx,
		emulation.SetEmulatedMedia().WithMedia(""),
		chromedp.Click("#report-back", chromedp.ByQuery),
		chromedp.WaitVisible("#grid", chromedp.ByQuery),
	))
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, "%q", s)
	return v
}

// TestExplainNumber: any total opens the items and weights that make it,
// each contribution in the total's units, adding up to the total.
func TestExplainNumber(t *testing.T) {
	ctx := newBrowser(t)
	m := template(t, "software-purchase")
	r := calc.Evaluate(m).Scenarios[1]
	openApp(t, ctx, "/?template=software-purchase")
	for _, c := range []struct {
		what   string
		tables []string
		total  float64
	}{
		{"costs", []string{"explain-cost"}, r.Costs},
		{"benefits", []string{"explain-benefit"}, r.Benefits},
		{"net", []string{"explain-benefit", "explain-cost"}, r.Net},
	} {
		t.Run(c.what, func(t *testing.T) {
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#explain-"+c.what+"-"+r.ID, chromedp.ByQuery),
				chromedp.WaitVisible("#explain", chromedp.ByQuery),
			))
			sum := 0.0
			for k, table := range c.tables {
				var values []string
				require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
					`[...document.querySelectorAll("#`+table+` tbody td.contribution")].map(td => td.dataset.value)`, &values)))
				side := calc.SideBenefit
				if strings.HasSuffix(table, "cost") {
					side = calc.SideCost
				}
				n := 0
				for _, it := range m.Items {
					if it.Side == side {
						n++
					}
				}
				assert.Len(t, values, n, "a row per %s item", side)
				for _, v := range values {
					if k == 1 {
						sum -= mustFloat(t, v)
					} else {
						sum += mustFloat(t, v)
					}
				}
			}
			approx(t, c.total, sum, "the rows add up to the %s", c.what)
			var title string
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Text("#explain-title", &title, chromedp.ByQuery),
				chromedp.Click("#explain-close", chromedp.ByQuery),
				chromedp.WaitNotPresent("#explain", chromedp.ByQuery),
			))
			assert.Contains(t, title, r.Name)
		})
	}
}
