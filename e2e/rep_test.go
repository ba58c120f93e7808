//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// The widths of a phone and of a rep's laptop on a projector.
var widths = []int64{375, 1440}

// atWidth sets the viewport to a phone's or a laptop's size.
func atWidth(w int64) chromedp.Action {
	h := int64(900)
	if w < 600 {
		h = 812
	}
	return chromedp.EmulateViewport(w, h)
}

// axeAll runs every axe-core rule that is not experimental, the best
// practices included, and returns the violations.
func axeAll(t *testing.T, ctx context.Context) []axeViolation {
	t.Helper()
	src, err := os.ReadFile(envOr("AXE_JS", "../.cache/axe/node_modules/axe-core/axe.min.js"))
	require.NoError(t, err, "axe-core (make test installs it)")
	var raw string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(string(src)+";true", nil),
		awaitJS(`axe.run(document).then(r => JSON.stringify(r))`, &raw),
	))
	var res struct {
		Violations []axeViolation `json:"violations"`
		Passes     []axeViolation `json:"passes"`
	}
	require.NoError(t, json.Unmarshal([]byte(raw), &res))
	require.Greater(t, len(res.Passes), 10, "axe checked the page")
	return res.Violations
}

// tooWide lists the elements wider than the viewport or reaching past its
// right edge, and the page's sideways scroll.
func tooWide(t *testing.T, ctx context.Context, within string) []string {
	t.Helper()
	var out []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => {
		const w = document.documentElement.clientWidth, out = [];
		if (document.documentElement.scrollWidth > w) out.push("page scrolls sideways: " + document.documentElement.scrollWidth + " > " + w);
		for (const el of document.querySelectorAll(%q)) {
			const r = el.getBoundingClientRect();
			if (r.width === 0) continue;
			if (r.right > w + 0.5 || r.left < -0.5) out.push(el.tagName.toLowerCase() + "#" + el.id + "." + el.className + " " + Math.round(r.left) + ".." + Math.round(r.right));
		}
		return out.slice(0, 10);
	})()`, within), &out)))
	return out
}

// inView reports whether element id is inside the viewport, whole.
func inView(t *testing.T, ctx context.Context, id string) bool {
	t.Helper()
	var ok bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => {
		const el = document.getElementById(%q); if (!el) return false;
		const r = el.getBoundingClientRect();
		return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= document.documentElement.clientWidth;
	})()`, id), &ok)))
	return ok
}

func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	var n int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll(%q).length`, sel), &n)))
	return n
}

// TestRepDemo: on a phone and on a laptop, the rep's demo opens with the
// answer in view: the verdict, without scrolling, and nothing spilling
// sideways; the header stays within 64 px; the page has one h1.
func TestRepDemo(t *testing.T) {
	m := template(t, "software-purchase")
	res := calc.Evaluate(m)
	for _, w := range widths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx := newBrowser(t)
			require.NoError(t, chromedp.Run(ctx, atWidth(w)))
			openApp(t, ctx, "/?template=software-purchase")
			var verdict string
			var header float64
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Text("#verdict-lead", &verdict, chromedp.ByQuery),
				chromedp.Evaluate(`document.querySelector(".topbar").getBoundingClientRect().height`, &header),
			))
			assert.Equal(t, "With us comes out ahead by $141,918 and pays back in 4.4 months.", verdict)
			assert.True(t, inView(t, ctx, "verdict"), "the verdict shows without scrolling")
			assert.True(t, inView(t, ctx, "net-with-us"), "and the best net value")
			assert.LessOrEqual(t, header, 64.0, "the sticky header")
			assert.Empty(t, tooWide(t, ctx, "body, #main > *"), "nothing spills sideways")
			assert.Equal(t, 1, count(t, ctx, "h1"))

			// Charts a projector can show: text of at least 12 px, a
			// minus sign for negatives, never a hyphen.
			var small []string
			var texts []string
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Evaluate(`[...document.querySelectorAll("#charts svg text")].filter(el => el.getBoundingClientRect().height > 0 && parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a < 11.99).map(el => el.textContent).slice(0, 5)`, &small),
				chromedp.Evaluate(`[...document.querySelectorAll("#results, #charts svg")].map(el => el.textContent)`, &texts),
			))
			if w >= 1440 {
				assert.Empty(t, small, "chart text under 12 px")
			}
			for _, s := range texts {
				assert.NotRegexp(t, `-\$|-[0-9]`, s, "a hyphen for a minus")
			}
			assert.Contains(t, texts[0], "−$46,388")

			// Typing deep in the grid keeps the net value in view on a phone:
			// the subscription from $100 to $200 per agent a month, for 10
			// agents.
			id := fid("entry/with-us/subscription")
			require.NoError(t, chromedp.Run(ctx, chromedp.ScrollIntoView("#"+id, chromedp.ByQuery), typeInto(id, "200")))
			net := res.Scenarios[1].Net - (200-100)*10*12*annuity(m)
			require.NoError(t, chromedp.Run(ctx, waitValue("net-with-us", net)))
			if w < 600 {
				require.NoError(t, chromedp.Run(ctx, waitValue("strip-net-with-us", net)))
				assert.True(t, inView(t, ctx, "strip-with-us"), "the net value of With us stays in view")
				assert.True(t, inView(t, ctx, id), "beside the field typed into")
			}
		})
	}
}

// annuity is what a yearly amount of 1 is worth over m's horizon.
func annuity(m calc.Model) float64 {
	a, d := 0.0, 1.0
	for range m.HorizonYears {
		d /= 1 + m.DiscountRate
		a += d
	}
	return a
}

// TestReportOnAPhone: the report, opened from the address, fits a phone
// (no element wider than the screen), is named after the assessment, and
// so does the explain dialog in the editor.
func TestReportOnAPhone(t *testing.T) {
	m := template(t, "software-purchase")
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, atWidth(375)))
	openApp(t, ctx, "/?template=software-purchase&view=report")
	var title string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.WaitVisible("#report", chromedp.ByQuery),
		waitJS(`document.title === `+jsString(m.Title)),
		chromedp.Title(&title),
	))
	assert.Equal(t, m.Title, title, "a PDF takes its name from the document's title")
	assert.Empty(t, tooWide(t, ctx, "body *"), "nothing wider than the phone")
	assert.Equal(t, 1, count(t, ctx, "h1"))
	assert.Equal(t, 0, count(t, ctx, "#report-unscored"), "a status quo's missing values are no news")

	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#report-back", chromedp.ByQuery),
		chromedp.WaitVisible("#grid", chromedp.ByQuery),
		waitJS(`document.title !== `+jsString(m.Title)),
		chromedp.Click("#explain-net-with-us", chromedp.ByQuery),
		chromedp.WaitVisible("#explain", chromedp.ByQuery),
	))
	assert.Empty(t, tooWide(t, ctx, "body, #explain, #explain *"), "the explain dialog fits")
}

// TestPrintedFirstPage: printed on A4, the first page holds the title,
// the answer and each scenario's figures.
func TestPrintedFirstPage(t *testing.T) {
	ctx := newBrowser(t)
	// A4 less 14 mm margins, at 96 px an inch: 687 × 1016 px.
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(687, 1016)))
	openApp(t, ctx, "/?template=software-purchase&view=report")
	var bottom, top float64
	require.NoError(t, chromedp.Run(ctx,
		chromedp.WaitVisible("#report", chromedp.ByQuery),
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Evaluate(`document.getElementById("report-title").getBoundingClientRect().top + scrollY`, &top),
		chromedp.Evaluate(`document.getElementById("report-answer").getBoundingClientRect().bottom + scrollY`, &bottom),
	))
	assert.Less(t, bottom-top, 1016.0, "title to the answer's figures on one page")
	for _, id := range []string{"verdict", "report-net-with-us", "report-net-status-quo"} {
		var y float64
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById(`+jsString(id)+`).getBoundingClientRect().bottom + scrollY`, &y)))
		assert.LessOrEqual(t, y, bottom, "%s in the answer", id)
	}
}

// TestRepFrictions: a new row comes into view with its name focused; an
// empty scenario says so instead of a figure; presenting fills the
// screen with the answer and Esc comes back.
func TestRepFrictions(t *testing.T) {
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, atWidth(1440)))
	openApp(t, ctx, "/?template=software-purchase")
	var focused string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#add-cost", chromedp.ByQuery),
		waitJS(`document.activeElement && document.activeElement.id === "f-item-c1-name"`),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
	))
	assert.Equal(t, "f-item-c1-name", focused)
	assert.True(t, inView(t, ctx, "f-item-c1-name"), "the new row is in view")

	// A new scenario has nothing entered yet: no figure, no delta.
	var text string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#add-scenario", chromedp.ByQuery),
		waitJS(`document.activeElement && document.activeElement.id === "f-scenario-s1-name"`),
		chromedp.Text("#net-s1", &text, chromedp.ByQuery),
	))
	assert.Equal(t, "Nothing entered yet", text)
	assert.Equal(t, 0, count(t, ctx, "#delta-s1, #benefits-s1"), "no delta, no figures")

	// Present, and back.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#present", chromedp.ByQuery),
		chromedp.WaitVisible("#presentation", chromedp.ByQuery),
		chromedp.WaitVisible("#present-chart svg", chromedp.ByQuery),
	))
	assert.True(t, inView(t, ctx, "verdict"))
	assert.True(t, inView(t, ctx, "result-with-us"), "the cards in view")
	assert.Equal(t, 0, count(t, ctx, "#grid, .settings"), "nothing to edit")
	assert.Equal(t, 1, count(t, ctx, "h1"))
	var fontPx float64
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`parseFloat(getComputedStyle(document.getElementById("verdict")).fontSize)`, &fontPx)))
	assert.GreaterOrEqual(t, fontPx, 36.0, "large enough for a room")
	require.NoError(t, chromedp.Run(ctx,
		chromedp.KeyEvent(kb.Escape),
		chromedp.WaitVisible("#grid", chromedp.ByQuery),
		chromedp.WaitNotPresent("#presentation", chromedp.ByQuery),
	))
}

// TestRepFacesAccessible: axe-core, every rule with the best practices,
// finds nothing on the editor of both templates and on the report, on a
// phone and on a laptop.
func TestRepFacesAccessible(t *testing.T) {
	for _, w := range widths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx := newBrowser(t)
			require.NoError(t, chromedp.Run(ctx, atWidth(w)))
			check := func(name string, setup ...chromedp.Action) {
				t.Run(name, func(t *testing.T) {
					require.NoError(t, chromedp.Run(ctx, setup...))
					vs := axeAll(t, ctx)
					assert.Empty(t, vs, "%s", describe(vs))
				})
			}
			check("money editor", chromedp.Navigate(baseURL+"/?template=software-purchase"), waitReady())
			check("a row's details open", chromedp.Click("#item-more-subscription", chromedp.ByQuery), chromedp.WaitVisible("#f-item-subscription-type", chromedp.ByQuery))
			check("score editor", chromedp.Navigate(baseURL+"/?template=customer-value"), waitReady())
			check("report", chromedp.Navigate(baseURL+"/?template=software-purchase&view=report"), waitReady(), chromedp.WaitVisible("#report", chromedp.ByQuery))
			check("score report", chromedp.Navigate(baseURL+"/?template=customer-value&view=report"), waitReady(), chromedp.WaitVisible("#report", chromedp.ByQuery))
		})
	}
}
