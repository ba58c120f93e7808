//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// visitorWidths are the screens the visitor view is checked on: a phone and a
// desktop.
var visitorWidths = []struct {
	name          string
	width, height int64
}{{"phone", 375, 740}, {"desktop", 1440, 900}}

// withScore returns m with the score of one entry set to v.
func withScore(m calc.Model, scenario, item string, v float64) calc.Model {
	out := m
	out.Scenarios = append([]calc.Scenario(nil), m.Scenarios...)
	for si, s := range out.Scenarios {
		if s.ID != scenario {
			continue
		}
		s.Entries = append([]*calc.Entry(nil), s.Entries...)
		for i, it := range m.Items {
			if it.ID == item {
				e := *s.Entries[i]
				e.Score = calc.Float(v)
				s.Entries[i] = &e
			}
		}
		out.Scenarios[si] = s
	}
	return out
}

// TestVisitorAnswers: a first-time visitor of the full app lands on the
// customer-value questionnaire, answers three questions down the page
// and, after each, sees the answer change without scrolling to it (beside
// the questions on a desktop, pinned to the bottom on a phone); the
// answers are saved; a bad typed answer gets its message next to the
// field and changes nothing.
func TestVisitorAnswers(t *testing.T) {
	for _, w := range visitorWidths {
		t.Run(w.name, func(t *testing.T) {
			ctx := newBrowser(t)
			require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(w.width, w.height)))
			openApp(t, ctx, "/")
			require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#visitor-answer", chromedp.ByQuery)))
			assert.Equal(t, "Customer value assessment", textOf(t, ctx, "h1"))

			m := template(t, "customer-value")
			for _, a := range []struct {
				scenario, item string
				score          float64
			}{
				{"status-quo", "stress", 2},
				{"with-us", "fit", 5},
				{"with-us", "learning", 1},
			} {
				m = withScore(m, a.scenario, a.item, a.score)
				res := calc.Evaluate(m)
				radio := fmt.Sprintf("f-entry-%s-%s-%v", a.scenario, a.item, a.score)
				require.NoError(t, chromedp.Run(ctx,
					chromedp.Click("#"+radio, chromedp.ByQuery),
					waitValue("visitor-net-status-quo", res.Scenarios[0].Net),
					waitValue("visitor-net-with-us", res.Scenarios[1].Net),
				), "answering %s", radio)
				var bar barView
				require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(barJS(fmt.Sprintf("q-f-entry-%s-%s", a.scenario, a.item)), &bar)))
				assert.Equal(t, textOf(t, ctx, "#visitor-verdict"), bar.Text, "the answer beneath %s is the answer", radio)
				assert.True(t, bar.OnScreen, "after answering %s the answer beneath it is on screen", radio)
			}
			verdict := textOf(t, ctx, "#visitor-verdict")
			assert.NotContains(t, verdict, "point", "a visitor's answer speaks in words, not points")
			assert.Contains(t, verdict, "on what matters to you")

			// Saved like an edit.
			require.NoError(t, chromedp.Run(ctx, waitJSFor(5*time.Second,
				storedCurrentJS(`m.scenarios[1].entries.learning.score === 1 && m.scenarios[1].entries.learning.ask === true`))))

			// A typed answer that is no number: its message next to the field,
			// the answer and the result as they were.
			net := dataValue(t, ctx, "visitor-net-with-us")
			openApp(t, ctx, "/?template=software-purchase&view=visitor")
			field := "f-entry-with-us-outages"
			require.NoError(t, chromedp.Run(ctx,
				typeInto(field, "lots"),
				chromedp.WaitVisible("#"+field+"-err", chromedp.ByQuery),
			))
			var invalid, described string
			var ok bool
			require.NoError(t, chromedp.Run(ctx,
				chromedp.AttributeValue("#"+field, "aria-invalid", &invalid, &ok, chromedp.ByQuery),
				chromedp.AttributeValue("#"+field, "aria-describedby", &described, &ok, chromedp.ByQuery),
			))
			assert.Equal(t, "true", invalid)
			assert.Equal(t, field+"-err", described)
			assert.Equal(t, "Enter a number, such as 1200 or 4.5.", textOf(t, ctx, "#"+field+"-err"))
			sw := calc.Evaluate(template(t, "software-purchase"))
			approx(t, sw.Scenarios[1].Net, dataValue(t, ctx, "visitor-net-with-us"), "the last valid result stays")
			assert.NotEqual(t, net, sw.Scenarios[1].Net)
			require.NoError(t, chromedp.Run(ctx,
				typeInto(field, "2500"),
				chromedp.WaitNotPresent("#"+field+"-err", chromedp.ByQuery),
			))
			sm := template(t, "software-purchase")
			sm.Scenarios[1].Entries[1] = &calc.Entry{Amount: calc.Float(2500), Per: calc.PerMonth, Ask: true}
			require.NoError(t, chromedp.Run(ctx, waitValue("visitor-net-with-us", calc.Evaluate(sm).Scenarios[1].Net)))
			var bar barView
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(barJS("q-"+field), &bar)))
			assert.True(t, bar.OnScreen, "the answer is on screen while typing")
			assert.Equal(t, textOf(t, ctx, "#visitor-verdict"), bar.Text)
		})
	}
}

// barView is the answer beneath a question: its words, and whether they
// are wholly on screen.
type barView struct {
	Text     string `json:"text"`
	OnScreen bool   `json:"onScreen"`
}

// barJS reads the answer beneath the question with id.
func barJS(id string) string {
	return fmt.Sprintf(`(() => { const b = document.getElementById(%q).closest("li").querySelector(".answer-bar-figure");
		const r = b.getBoundingClientRect();
		return {text: b.textContent, onScreen: r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight} })()`, id)
}

// visitorHost embeds the calculator at the full width of a 1440 px page,
// as plain iframes, and records what each tells the page. The frames all
// fit on the screen: Chromium does not lay out a cross-origin frame out
// of view, which would report no height.
const visitorHost = `<!doctype html><html lang="en"><head><title>host</title>
<style>body{margin:0} iframe{display:block;width:100%%;height:280px;border:0}</style></head><body>
<iframe id="sw" title="software" src="%[1]s/?embed=1&template=software-purchase"></iframe>
<iframe id="cv" title="customer value" src="%[1]s/?embed=1&template=customer-value"></iframe>
<iframe id="ed" title="editor" src="%[1]s/?embed=1&template=segments&view=editor"></iframe>
` + recordMessages

// TestVisitorEmbed: an embed is the visitor view, reports its height, and
// with 5 to 8 questions is at most 1,200 px tall at 1,440 px wide; a host
// that chose ?view=editor gives its visitors the editor, with no way to
// another view; without a choice the visitor can move to the editor.
func TestVisitorEmbed(t *testing.T) {
	hostURL := serveHost(t, visitorHost, baseURL)
	ctx := newBrowser(t)
	err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(hostURL),
		waitJSFor(60*time.Second, `["sw", "cv", "ed"].every(id => window.msgs.some(m => m.from === id && m.data.type === "valuecalc:resize"))`),
	)
	var dump string
	chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify(window.msgs.map(m => [m.from, m.data.type]))`, &dump))
	require.NoError(t, err, "messages: %s", dump)
	frameNode := func(id string) *cdp.Node {
		var nodes []*cdp.Node
		require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("#"+id, &nodes, chromedp.ByQuery)))
		return nodes[0]
	}
	frame := func(id string) []chromedp.QueryOption {
		return []chromedp.QueryOption{chromedp.ByQuery, chromedp.FromNode(frameNode(id))}
	}
	// The frames are another origin: the test reads them through the
	// browser's DevTools, as a person sees them, not through the host page.
	count := func(id, sel string) int {
		var nodes []*cdp.Node
		require.NoError(t, chromedp.Run(ctx, chromedp.Nodes(sel, &nodes, chromedp.ByQueryAll, chromedp.FromNode(frameNode(id)), chromedp.AtLeast(0))))
		return len(nodes)
	}
	for _, c := range []struct {
		id        string
		questions int
	}{{"sw", len(state.Questions(template(t, "software-purchase")))}, {"cv", 7}} {
		require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#visitor-verdict", frame(c.id)...)))
		assert.Equal(t, c.questions, count(c.id, "#question-list > li"), "%s: the visitor view", c.id)
		assert.Equal(t, 1, count(c.id, "h1"))
		assert.Zero(t, count(c.id, "#add-scenario"), "%s: nothing structural", c.id)
		// Let the layout settle, then take the last height it reported.
		time.Sleep(500 * time.Millisecond)
		var height float64
		var body *dom.BoxModel
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Evaluate(fmt.Sprintf(`window.msgs.filter(m => m.from === %q && m.data.type === "valuecalc:resize").pop().data.height`, c.id), &height),
			chromedp.Dimensions("body", &body, frame(c.id)...),
		))
		t.Logf("%s: %d questions, %v px tall at 1,440 px", c.id, c.questions, height)
		assert.InDelta(t, float64(body.Height), height, 1, "%s reports its content height", c.id)
		// One column of questions, each with the answer beneath it: the
		// height is the content's, with no blank below it.
		assert.LessOrEqual(t, height, float64(c.questions)*420, "%s: %d questions, no blank space", c.id, c.questions)
		assert.Greater(t, height, 300.0, "%s: a real height", c.id)
	}

	// The host chose the editor: the editor, and no way out of it.
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#add-scenario", frame("ed")...)))
	assert.Zero(t, count("ed", "#visitor-answer"))
	assert.Zero(t, count("ed", "#open-visitor"), "the host's choice is kept")
	assert.Equal(t, 1, count("ed", "h1"))

	// No choice: the visitor reaches the editor in one click, and comes back.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-editor", frame("sw")...),
		chromedp.WaitVisible("#add-scenario", frame("sw")...),
		chromedp.Click("#open-visitor", frame("sw")...),
		chromedp.WaitVisible("#visitor-verdict", frame("sw")...),
	))

	// Answering in the embed tells the host, and saves nothing.
	sm := template(t, "software-purchase")
	sm.Scenarios[1].Entries[1] = &calc.Entry{Amount: calc.Float(2500), Per: calc.PerMonth, Ask: true}
	want := calc.Evaluate(sm)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#f-entry-with-us-outages", frame("sw")...),
		typeKeys("2500"),
		waitJS(fmt.Sprintf(`(() => { const r = window.msgs.filter(m => m.from === "sw" && m.data.type === "valuecalc:result").pop();
			return Math.abs(r.data.result.scenarios[1].net - %v) < 1e-6 })()`, want.Scenarios[1].Net)),
	))
	results := resultsFrom(t, messages(t, ctx), "sw")
	sameNets(t, want, results[len(results)-1], "the embed's answer")
	time.Sleep(1500 * time.Millisecond) // past the autosave's delay
	openApp(t, ctx, "/?view=editor")
	var saved []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`Object.keys(localStorage).filter(k => k.startsWith("valuecalc/v1/doc/"))`, &saved)))
	assert.Empty(t, saved, "an embed saves nothing")
}

// TestVisitorFirstVisit: the full app's first-time visitor lands on the
// customer-value questionnaire and reaches the editor in one click; each
// page has one h1.
func TestVisitorFirstVisit(t *testing.T) {
	ctx := newBrowser(t)
	openApp(t, ctx, "/")
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#question-list", chromedp.ByQuery)))
	var h1s int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("h1").length`, &h1s)))
	assert.Equal(t, 1, h1s)
	assert.Equal(t, "Customer value assessment", textOf(t, ctx, "#visitor-title"))
	assert.Equal(t, "Edit the whole model", textOf(t, ctx, "#open-editor"))
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-editor", chromedp.ByQuery),
		chromedp.WaitVisible("#add-scenario", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("h1").length`, &h1s),
	))
	assert.Equal(t, 1, h1s, "the editor has one h1 too")
	assert.Equal(t, "Customer value assessment", valueOf(t, ctx, "f-title"))

	// A visit that names a template opens the editor.
	openApp(t, ctx, "/?template=segments")
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#add-scenario", chromedp.ByQuery)))
}

// TestVisitorAccessibility: axe-core finds nothing, of any rule, on the
// visitor face at both widths: the full app's questionnaire, a typed
// answer with its message, and the embed.
func TestVisitorAccessibility(t *testing.T) {
	for _, w := range visitorWidths {
		t.Run(w.name, func(t *testing.T) {
			ctx := newBrowser(t)
			require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(w.width, w.height)))
			check := func(name string, setup ...chromedp.Action) {
				require.NoError(t, chromedp.Run(ctx, setup...), name)
				vs := axeAll(t, ctx)
				assert.Empty(t, vs, "%s: %s", name, describe(vs))
			}
			check("questionnaire", chromedp.Navigate(baseURL+"/"), waitReady(), chromedp.WaitVisible("#visitor-answer", chromedp.ByQuery))
			check("money questions with an error", chromedp.Navigate(baseURL+"/?template=software-purchase&view=visitor"), waitReady(),
				typeInto("f-entry-with-us-outages", "a lot"), chromedp.WaitVisible("#f-entry-with-us-outages-err", chromedp.ByQuery))
			check("a scale of 1 to 10", chromedp.Navigate(baseURL+"/?template=segments&view=visitor"), waitReady())
			check("embed", chromedp.Navigate(baseURL+"/?embed=1&template=software-purchase"), waitReady())

			// The check can fail: a best-practice rule (all content in
			// landmarks) is reported.
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.body.append(document.createElement("p")); document.body.lastChild.textContent = "stray"; true`, nil)))
			ids := map[string]bool{}
			for _, v := range axeAll(t, ctx) {
				ids[v.ID] = true
			}
			assert.True(t, ids["region"], "axe reports content outside any landmark: %v", ids)
		})
	}
}
