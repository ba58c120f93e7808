//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// germanHost embeds the visitor view in German, and records what it posts.
const germanHost = `<!doctype html><html lang="de"><head><title>host</title>
<style>body{margin:0} iframe{display:block;width:100%%;height:600px;border:0}</style></head><body>
<iframe id="de" title="Rechner" src="%[1]s/?embed=1&lang=de&template=software-purchase"></iframe>
` + recordMessages

// TestGermanEmbedNumbers: a German visitor types numbers the German way
// into an embed (SPEC §9): "1.234,5" is 1234.5 and "1,5" is 1.5, as the
// result the host hears says; neither reads two ways, so no hint shows.
func TestGermanEmbedNumbers(t *testing.T) {
	hostURL := serveHost(t, germanHost, baseURL)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(hostURL),
		waitJSFor(60*time.Second, `window.msgs.some(m => m.from === "de" && m.data.type === "valuecalc:result")`),
	))
	frameNode := func() *cdp.Node {
		var nodes []*cdp.Node
		require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("#de", &nodes, chromedp.ByQuery)))
		return nodes[0]
	}
	inFrame := []chromedp.QueryOption{chromedp.ByQuery, chromedp.FromNode(frameNode())}
	const id = "f-entry-with-us-outages"
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#"+id, inFrame...)))

	for _, c := range []struct {
		text string
		want float64
	}{{"1.234,5", 1234.5}, {"1,5", 1.5}, {"12.000", 12000}} {
		m := template(t, "software-purchase")
		m.Scenarios[1].Entries[1] = &calc.Entry{Amount: calc.Float(c.want), Per: calc.PerMonth, Ask: true}
		want := calc.Evaluate(m)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#"+id, inFrame...),
			typeKeys(c.text),
			waitJS(fmt.Sprintf(`(() => { const r = window.msgs.filter(m => m.from === "de" && m.data.type === "valuecalc:result").pop();
				return Math.abs(r.data.result.scenarios[1].net - %v) < 1e-6 })()`, want.Scenarios[1].Net)),
		), "%q", c.text)
		results := resultsFrom(t, messages(t, ctx), "de")
		sameNets(t, want, results[len(results)-1], c.text)

		var hints []*cdp.Node
		require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("#"+id+"-read", &hints, chromedp.ByQueryAll, chromedp.FromNode(frameNode()), chromedp.AtLeast(0))))
		if c.text == "12.000" {
			// Twelve thousand in German, twelve in English: it says so.
			require.Len(t, hints, 1, "%q reads two ways", c.text)
			var hint string
			require.NoError(t, chromedp.Run(ctx, chromedp.Text("#"+id+"-read", &hint, inFrame...)))
			assert.Equal(t, "12.000 → 12000, nicht 12", hint)
		} else {
			assert.Empty(t, hints, "%q reads one way in German: no hint", c.text)
		}
	}
}

// TestReadHint: a number that reads two ways is read by the language's
// rule and the field says how, as a description, not an error, until the
// user moves on (SPEC §9): "12.000" in English is 12; "12,000" in German
// is 12. Read as a decimal where thousands may have been meant, it keeps
// a mark after the user moves on, until confirmed or typed again.
func TestReadHint(t *testing.T) {
	const s, it = "with-us", "training" // $300 per agent, once
	id := fid("entry/" + s + "/" + it)
	for _, c := range []struct {
		lang, text, hint, after string
		mark, ok                string // the mark kept after moving on, and its button's name
		want                    float64
	}{
		{"en", "12.000", "12.000 → 12, not 12000", "12", "12.000 read as 12", "Yes, 12 is right", 12},
		{"de", "12,000", "12,000 → 12, nicht 12000", "12", "12,000 gelesen als 12", "Ja, 12 stimmt", 12},
		{"de", "1.5", "1.5 → 1,5", "1,5", "", "", 1.5},
	} {
		t.Run(c.lang+" "+c.text, func(t *testing.T) {
			ctx := newBrowser(t)
			m := template(t, "software-purchase")
			openApp(t, ctx, "/?template=software-purchase&view=editor&lang="+c.lang)
			setAmount(&m, s, it, c.want)
			var hint, described, value string
			var ok, invalid bool
			// The hint follows each keystroke ("1." reads as 1 on the way
			// to "1.5"): wait for the one of the whole text, then read it,
			// so a wrong hint still fails with its words.
			require.NoError(t, chromedp.Run(ctx,
				typeInto(id, c.text),
				chromedp.WaitVisible("#"+id+"-read", chromedp.ByQuery),
			))
			_ = chromedp.Run(ctx, waitJSFor(5*time.Second, fmt.Sprintf(
				`(document.getElementById(%q) || {}).textContent === %q`, id+"-read", c.hint)))
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Text("#"+id+"-read", &hint, chromedp.ByQuery),
				chromedp.AttributeValue("#"+id, "aria-describedby", &described, &ok, chromedp.ByQuery),
				chromedp.AttributeValue("#"+id, "aria-invalid", new(string), &invalid, chromedp.ByQuery),
			))
			assert.Equal(t, c.hint, hint)
			assert.Equal(t, id+"-read", described, "the hint describes the field")
			assert.False(t, invalid, "the value is taken: no error")
			checkResults(t, ctx, m)
			if c.lang == "en" {
				vs := axe(t, ctx)
				assert.Empty(t, vs, "with the hint showing: %s", describe(vs))
			}

			// Moving on: the hint goes, the field shows the value read.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.KeyEvent(kb.Tab),
				chromedp.WaitNotPresent("#"+id+"-read", chromedp.ByQuery),
				chromedp.Value("#"+id, &value, chromedp.ByQuery),
			))
			assert.Equal(t, c.after, value)
			checkResults(t, ctx, m)
			if c.mark == "" {
				var marks []*cdp.Node
				require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("#"+id+"-mark", &marks, chromedp.ByQueryAll, chromedp.AtLeast(0))))
				assert.Empty(t, marks, "%q reads one way: nothing to mark", c.text)
				return
			}

			// The mark stays, with the value read, and describes the field.
			var label string
			require.NoError(t, chromedp.Run(ctx,
				chromedp.WaitVisible("#"+id+"-mark", chromedp.ByQuery),
				chromedp.AttributeValue("#"+id, "aria-describedby", &described, &ok, chromedp.ByQuery),
				chromedp.AttributeValue("#"+id+"-mark-ok", "aria-label", &label, new(bool), chromedp.ByQuery),
			))
			assert.Equal(t, c.mark, text(t, ctx, "#"+id+"-mark .field-mark-text"))
			assert.Equal(t, id+"-mark", described, "the mark describes the field")
			assert.Equal(t, c.ok, label)
			if c.lang == "en" {
				vs := axe(t, ctx)
				assert.Empty(t, vs, "with the mark showing: %s", describe(vs))
			}
			// Typing elsewhere leaves it.
			other := fid("entry/with-us/implementation")
			require.NoError(t, chromedp.Run(ctx, typeInto(other, "15000"), chromedp.KeyEvent(kb.Tab),
				waitJS(fmt.Sprintf(`document.getElementById(%q).value === %q`, other, map[string]string{"en": "15,000", "de": "15.000"}[c.lang])),
			))
			assert.Equal(t, c.mark, text(t, ctx, "#"+id+"-mark .field-mark-text"), "still there after other edits")

			// Confirmed: it goes.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#"+id+"-mark-ok", chromedp.ByQuery),
				chromedp.WaitNotPresent("#"+id+"-mark", chromedp.ByQuery),
				chromedp.AttributeValue("#"+id, "aria-describedby", &described, &ok, chromedp.ByQuery),
			))
			assert.False(t, ok, "nothing describes the field: %q", described)

			// Typed again the same way, it is asked again; typing into the
			// field takes it away.
			require.NoError(t, chromedp.Run(ctx,
				typeInto(id, c.text), chromedp.KeyEvent(kb.Tab),
				chromedp.WaitVisible("#"+id+"-mark", chromedp.ByQuery),
				chromedp.Click("#"+id, chromedp.ByQuery),
				chromedp.KeyEvent(kb.End), chromedp.KeyEvent("0"),
				chromedp.WaitNotPresent("#"+id+"-mark", chromedp.ByQuery),
			))
		})
	}
}

// TestFiguresAfterLeaving: outside the field being typed in, amounts and
// weights show as figures, the language's way ("18,000", "18.000",
// "1,5"); while focused, the text stays as typed. Whole amounts show no
// cents anywhere on the page ("$0", not "$0.00" next to "$46,388").
func TestFiguresAfterLeaving(t *testing.T) {
	training := fid("entry/with-us/training")
	weight := fid("item/outages/weight")
	for _, c := range []struct {
		lang, id, text, after string
	}{
		{"en", training, "18000", "18,000"},
		{"en", training, "18,000.50", "18,000.5"},
		{"en", weight, "1.5", "1.5"},
		{"de", training, "18000", "18.000"},
		{"de", training, "1234567,25", "1.234.567,25"},
		{"de", weight, "1.5", "1,5"},
		{"de", weight, "0,75", "0,75"},
	} {
		t.Run(c.lang+" "+c.text, func(t *testing.T) {
			ctx := newBrowser(t)
			openApp(t, ctx, "/?template=software-purchase&view=editor&lang="+c.lang)
			var typing, after string
			require.NoError(t, chromedp.Run(ctx,
				typeInto(c.id, c.text),
				chromedp.Sleep(300*time.Millisecond), // a render or two while focused
				chromedp.Value("#"+c.id, &typing, chromedp.ByQuery),
				chromedp.KeyEvent(kb.Tab),
				waitJS(fmt.Sprintf(`document.getElementById(%q).value === %q`, c.id, c.after)),
				chromedp.Value("#"+c.id, &after, chromedp.ByQuery),
			))
			assert.Equal(t, c.text, typing, "the user's text while typing")
			assert.Equal(t, c.after, after, "a figure once left")
		})
	}

	// Whole amounts: no cents on the page.
	ctx := newBrowser(t)
	openApp(t, ctx, "/?template=software-purchase&view=editor&lang=en")
	require.NoError(t, chromedp.Run(ctx,
		typeInto(training, "18000"), chromedp.KeyEvent(kb.Tab),
		waitJS(fmt.Sprintf(`document.getElementById(%q).value === "18,000"`, training)),
		analysisDone(),
	))
	var page string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.body.innerText`, &page)))
	assert.Contains(t, page, "$0")
	assert.NotRegexp(t, `\$[0-9,]+\.00\b`, page, "whole amounts show no cents")
}

// TestHintCoversNoInput: the break-even hint under the cell typed into
// takes its own space: at a phone's and a desktop's width it covers no
// input, select or button of the grid (it hid Implementation's 15000
// below Subscription at 1440 px).
func TestHintCoversNoInput(t *testing.T) {
	id := fid("entry/with-us/subscription")
	for _, width := range []int64{375, 1440} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ctx := newBrowser(t)
			require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(width, 900)))
			openApp(t, ctx, "/?template=software-purchase&view=editor")
			require.NoError(t, chromedp.Run(ctx,
				typeInto(id, "20000"),
				chromedp.WaitVisible("#"+id+"-hint", chromedp.ByQuery),
			))
			var covered []string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
				const h = document.getElementById(`+"`"+id+"-hint`"+`).getBoundingClientRect();
				const out = [];
				for (const el of document.querySelectorAll("input, select, button, textarea")) {
					const r = el.getBoundingClientRect();
					if (r.width === 0 || r.height === 0) continue;
					if (r.left < h.right && h.left < r.right && r.top < h.bottom && h.top < r.bottom)
						out.push(el.id || el.className);
				}
				return out;
			})()`, &covered)))
			var hint string
			require.NoError(t, chromedp.Run(ctx, chromedp.Text("#"+id+"-hint", &hint, chromedp.ByQuery)))
			assert.Contains(t, hint, "breaks even at")
			assert.Empty(t, covered, "the hint covers no control")
		})
	}
}
