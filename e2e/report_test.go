//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

// checkReport checks that the report shows m: its title, and each
// scenario's net value, ROI and payback as the engine works them out.
func checkReport(t *testing.T, ctx context.Context, m calc.Model) {
	t.Helper()
	require.NoError(t, chromedp.Run(ctx, waitJS(`document.getElementById("report-title").textContent === `+jsString(m.Title))))
	res := calc.Evaluate(m)
	for _, s := range res.Scenarios {
		require.NoError(t, chromedp.Run(ctx, waitValue("report-net-value-"+s.ID, s.Net)), "net of %s", s.ID)
		if m.Mode == calc.ModeMoney && s.ROI != nil {
			approx(t, *s.ROI, dataValue(t, ctx, "report-roi-"+s.ID), "ROI of %s", s.ID)
		}
		if m.Mode == calc.ModeMoney && s.PaybackMonths != nil {
			approx(t, *s.PaybackMonths, dataValue(t, ctx, "report-payback-"+s.ID), "payback of %s", s.ID)
		}
	}
}

// TestLinkOpensTheCase: a share link opens the report, read-only: no
// field, no way "back to editing" for someone who never edited, and one
// "Edit a copy" that saves a copy and opens it in the editor. The
// prospect's own saved work is never touched by opening the link.
func TestLinkOpensTheCase(t *testing.T) {
	m := template(t, "software-purchase")
	m.Title = "Helpdesk for Acme"
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	for _, w := range []int64{1440, 375} {
		ctx := newBrowser(t)
		require.NoError(t, chromedp.Run(ctx, atWidth(w)))
		before := ownWork(t, ctx)
		openFresh(t, ctx, baseURL+"/#"+fragment)
		require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#report", chromedp.ByQuery)))
		checkReport(t, ctx, m)
		assert.Equal(t, 0, count(t, ctx, "#report-back, #grid, .settings, #shared-banner"), "nothing to edit, nothing to go back to")
		assert.Equal(t, 0, count(t, ctx, "#report input, #report textarea"), "no field in the case")
		assert.Equal(t, 1, count(t, ctx, "#edit-copy"))
		assert.Empty(t, tooWide(t, ctx, "body *"), "nothing wider than the screen")
		shotAt(t, ctx, int(w), "link-report")
		assert.Equal(t, before, storage(t, ctx), "opening a link saves nothing")

		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#edit-copy", chromedp.ByQuery),
			chromedp.WaitVisible("#grid", chromedp.ByQuery),
			waitJS(`location.hash === ""`),
			waitJS(`document.getElementById("save-status").textContent === "Saved on this device"`),
		))
		checkResults(t, ctx, m)
		assert.False(t, inputDisabled(t, ctx, fid("entry/with-us/subscription")), "the copy is editable")
		after := storage(t, ctx)
		assert.Contains(t, after, "Mine", "the prospect's own work is still there")
		assert.Contains(t, after, m.Title, "the copy is saved")

		// ?view=editor still opens the editor, read-only until saved.
		openFresh(t, ctx, baseURL+"/?view=editor#"+fragment)
		require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#shared-banner", chromedp.ByQuery)))
		checkResults(t, ctx, m)
		assert.True(t, inputDisabled(t, ctx, fid("entry/with-us/subscription")))
		// ?view=visitor the questionnaire.
		openFresh(t, ctx, baseURL+"/?view=visitor#"+fragment)
		require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#visitor-title", chromedp.ByQuery)))
		assert.Equal(t, 0, count(t, ctx, "#report"))
	}
}

// helpdeskCase is the helpdesk template in lang as a rep sends it: with
// the customer and a summary in the rep's words.
func helpdeskCase(t *testing.T, lang string) calc.Model {
	t.Helper()
	tpl, ok := examples.GetIn(lang, "software-purchase")
	require.True(t, ok)
	m, err := calc.Decode(tpl.Data)
	require.NoError(t, err)
	m.Customer = "Acme Corp"
	m.Summary = "Acme's 25 support agents lose most of a day a week to sorting and routing tickets by hand, " +
		"and two outages last year stopped the helpdesk for a morning each.\n\n" +
		"A helpdesk that triages tickets and stays up gives that time back to customers. " +
		"This case puts figures on both, over three years, against keeping things as they are."
	return m
}

// pdfPages counts the pages of a PDF that Chromium wrote: its page
// objects.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page\b[^s]`).FindAll(pdf, -1))
}

// TestReportPrints: the helpdesk case, opened from its link and printed,
// fits three A4 pages and three Letter pages, in English and in German;
// no chart's label is cut short and no label overflows its box. The
// pages go to $VALUECALC_SHOTS as PDFs for a person to look at.
func TestReportPrints(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			m := helpdeskCase(t, lang)
			fragment, err := calc.EncodeLink(m)
			require.NoError(t, err)
			ctx := newBrowser(t)
			require.NoError(t, chromedp.Run(ctx, atWidth(1440)))
			openFresh(t, ctx, baseURL+"/?lang="+lang+"#"+fragment)
			require.NoError(t, chromedp.Run(ctx,
				chromedp.WaitVisible("#report-story", chromedp.ByQuery),
				// The analysis is worked out in idle time: print once it is in.
				chromedp.WaitVisible("#report-how-sure-tornado", chromedp.ByQuery),
			))
			checkReport(t, ctx, m)
			assert.Contains(t, textOf(t, ctx, "#report-customer"), "Acme Corp")
			assert.Equal(t, 2, count(t, ctx, "#report-story p"), "the summary's paragraphs")
			shotAt(t, ctx, 1440, "report-"+lang)
			shotAt(t, ctx, 375, "report-"+lang)
			require.NoError(t, chromedp.Run(ctx, atWidth(375)))
			assert.Empty(t, tooWide(t, ctx, "body *"), "nothing wider than a phone")
			require.NoError(t, chromedp.Run(ctx, atWidth(1440)))

			var cut []string
			require.NoError(t, chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithMedia("print"),
				chromedp.Evaluate(`[...document.querySelectorAll("#report svg text")].map(t => t.textContent).filter(s => s.endsWith("…"))
					.concat([...document.querySelectorAll("#report .tornado-name, #report .chart-title, #report dt, #report dd, #report h2")]
						.filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.textContent))`, &cut),
				emulation.SetEmulatedMedia().WithMedia(""),
			))
			assert.Empty(t, cut, "labels cut short")

			for _, paper := range []struct {
				name          string
				width, height float64 // inches
			}{{"A4", 8.27, 11.69}, {"Letter", 8.5, 11}} {
				var pdf []byte
				require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
					var err error
					pdf, _, err = page.PrintToPDF().WithPaperWidth(paper.width).WithPaperHeight(paper.height).
						WithPrintBackground(true).Do(ctx)
					return err
				})))
				pages := pdfPages(pdf)
				assert.Positive(t, pages)
				assert.LessOrEqual(t, pages, 3, "%s on %s", lang, paper.name)
				if dir := os.Getenv("VALUECALC_SHOTS"); dir != "" {
					require.NoError(t, os.WriteFile(filepath.Join(dir, "report-"+lang+"-"+paper.name+".pdf"), pdf, 0o644))
				}
			}
		})
	}
}

// TestStoryInSettings: the rep types whom the case is for and its
// summary in the editor's settings; a customer too long is refused next to
// the field with the text kept; Undo takes the summary back; the report
// opens with both.
func TestStoryInSettings(t *testing.T) {
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, atWidth(1440)))
	openApp(t, ctx, "/?template=software-purchase&view=editor&lang=en")
	long := strings.Repeat("x", 201)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`(() => { const el = document.getElementById("f-customer"); el.value = `+jsString(long)+`; el.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, nil),
		chromedp.WaitVisible("#f-customer-err", chromedp.ByQuery),
	))
	assert.Equal(t, "Use at most 200 characters.", textOf(t, ctx, "#f-customer-err"))
	assert.Equal(t, long, valueOf(t, ctx, "f-customer"), "the typed text stays")
	var invalid string
	var ok bool
	require.NoError(t, chromedp.Run(ctx, chromedp.AttributeValue("#f-customer", "aria-invalid", &invalid, &ok, chromedp.ByQuery)))
	assert.Equal(t, "true", invalid)

	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-customer", "Acme Corp"), chromedp.KeyEvent(kb.Tab),
		chromedp.WaitNotPresent("#f-customer-err", chromedp.ByQuery),
		typeInto("f-summary", "Acme loses a day a week to triage."), chromedp.KeyEvent(kb.Tab),
		waitJS(`document.getElementById("save-status").textContent === "Saved on this device"`),
		chromedp.ScrollIntoView("#f-summary", chromedp.ByQuery),
	))
	shotAt(t, ctx, 1440, "editor-story")
	require.NoError(t, chromedp.Run(ctx, atWidth(375), chromedp.ScrollIntoView("#f-summary", chromedp.ByQuery)))
	shotAt(t, ctx, 375, "editor-story")
	assert.Empty(t, tooWide(t, ctx, ".settings, .settings *"), "the settings fit a phone")

	// Undo takes the summary back, Redo brings it again; the report opens
	// with both.
	require.NoError(t, chromedp.Run(ctx, atWidth(1440),
		chromedp.Click("#undo", chromedp.ByQuery),
		waitJS(`document.getElementById("f-summary").value === ""`),
		chromedp.Click("#redo", chromedp.ByQuery),
		waitJS(`document.getElementById("f-summary").value === "Acme loses a day a week to triage."`),
		chromedp.Click("#open-report", chromedp.ByQuery),
		chromedp.WaitVisible("#report-story", chromedp.ByQuery),
	))
	assert.Equal(t, "Prepared for Acme Corp", textOf(t, ctx, "#report-customer"))
	assert.Equal(t, "Acme loses a day a week to triage.", textOf(t, ctx, "#report-story"))
}
