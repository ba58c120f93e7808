//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// printMedia emulates the print stylesheet (on) or the screen (off).
func printMedia(on bool) chromedp.Action {
	media := ""
	if on {
		media = "print"
	}
	return emulation.SetEmulatedMedia().WithMedia(media)
}

// printedText is the page's text as the print stylesheet lays it out
// (innerText leaves out what is not displayed) and the values of the
// fields it displays (the grid's names are fields), split into the cells
// and lines it is made of.
func printedText(t *testing.T, ctx context.Context) map[string]bool {
	t.Helper()
	var s string
	require.NoError(t, chromedp.Run(ctx, printMedia(true), chromedp.Evaluate(`document.body.innerText + "\n" +
		[...document.querySelectorAll("input, textarea")].filter(e => e.getClientRects().length > 0).map(e => e.value).join("\n")`, &s), printMedia(false)))
	fields := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\t' }) {
		fields[strings.TrimSpace(f)] = true
	}
	return fields
}

// printPDF prints the page as Chromium's print dialog would and returns
// the PDF, also written to $VALUECALC_SHOTS/name.pdf when it is set.
func printPDF(t *testing.T, ctx context.Context, name string) []byte {
	t.Helper()
	var pdf []byte
	require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().Do(ctx)
		return err
	})))
	require.True(t, strings.HasPrefix(string(pdf), "%PDF"), "a PDF")
	if dir := os.Getenv("VALUECALC_SHOTS"); dir != "" {
		require.NoError(t, os.MkdirAll(dir, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644))
	}
	return pdf
}

// TestPrintLargeModel: a rep presses Ctrl+P on the editor of a large
// model. A grid of up to 200 items and 1,000 cells is whole in the page
// (its rows skip layout on screen, content-visibility) and prints every
// row. A windowed grid (here 1,000 items × 3 scenarios) has only the rows
// near the screen: it does not print half of itself; the page prints the
// results and says, in the grid's place, to print the report, which
// prints every item.
func TestPrintLargeModel(t *testing.T) {
	ctx := newBrowserFor(t, 10*time.Minute)
	start := time.Now()
	open := func(m calc.Model) {
		t.Helper()
		openCopy(t, ctx, m)
		require.NoError(t, chromedp.Run(ctx,
			waitJSFor(time.Minute, `(() => { const el = document.querySelector("#grid input"); return !!el && !el.disabled })()`),
		))
	}
	everyName := func(where string, printed map[string]bool, m calc.Model) {
		t.Helper()
		missing := 0
		for _, it := range m.Items {
			if !printed[it.Name] {
				missing++
				if missing <= 5 {
					t.Errorf("%s: %q is not printed", where, it.Name)
				}
			}
		}
		assert.Zero(t, missing, "%s: items not printed of %d", where, len(m.Items))
	}

	// Whole but large: every row prints, the note does not.
	whole := bigModel(150, 5)
	open(whole)
	var large bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("grid").classList.contains("grid-large") && !document.getElementById("grid").classList.contains("grid-windowed")`, &large)))
	require.True(t, large, "150 × 5 is a whole grid whose rows skip layout on screen")
	printed := printedText(t, ctx)
	everyName("editor, 150 × 5", printed, whole)
	assert.False(t, printed["This grid is too large to print whole: print the report instead."])
	printPDF(t, ctx, "print-editor-150x5")

	// Windowed: the grid gives way to the note; the report prints all.
	big := bigModel(1000, 3)
	open(big)
	var gaps int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#grid tr.row-gap").length`, &gaps)))
	require.Positive(t, gaps, "1,000 × 3 is windowed")
	t.Logf("1,000 × 3 opened after %s", time.Since(start).Round(time.Second))
	printed = printedText(t, ctx)
	assert.True(t, printed["This grid is too large to print whole: print the report instead."], "the note prints")
	for _, it := range big.Items[:3] {
		assert.False(t, printed[it.Name], "%q prints from a windowed grid: half a grid would print", it.Name)
	}
	var gridShown string
	require.NoError(t, chromedp.Run(ctx, printMedia(true),
		chromedp.Evaluate(`getComputedStyle(document.getElementById("grid")).display`, &gridShown), printMedia(false)))
	assert.Equal(t, "none", gridShown, "the windowed grid in print")
	printPDF(t, ctx, "print-editor-1000x3")

	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-report", chromedp.ByQuery),
		chromedp.WaitVisible("#report-weights", chromedp.ByQuery),
	))
	t.Logf("report opened after %s", time.Since(start).Round(time.Second))
	everyName("report, 1,000 × 3", printedText(t, ctx), big)
	printPDF(t, ctx, "print-report-1000x3")
}
