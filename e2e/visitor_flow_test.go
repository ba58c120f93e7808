//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// flowModel is the test's own money model of version 3: two drivers asked
// (agents, tickets a month), the vendor's price fixed per agent, one
// benefit asked; four questions.
const flowModel = `{"format": "valuecalc/3", "title": "Helpdesk for your team", "mode": "money", "currency": "USD",
 "horizonYears": 3, "hourlyRate": 40,
 "drivers": [
  {"id": "agents", "name": "Support agents", "unit": "agents", "value": 25, "ask": true, "note": "Everyone who answers tickets."},
  {"id": "tickets", "name": "Tickets a month", "unit": "tickets", "value": 4000, "ask": true}
 ],
 "items": [
  {"id": "triage", "name": "Faster triage", "side": "benefit", "type": "monetary"},
  {"id": "sync", "name": "CRM sync", "side": "benefit", "type": "functional"},
  {"id": "outages", "name": "Fewer outages", "side": "benefit", "type": "functional"},
  {"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"}
 ],
 "scenarios": [{"id": "with", "name": "With us", "entries": {
  "triage": {"hours": 0.05, "per": "month", "times": ["tickets"]},
  "sync": {"amount": 300, "per": "month", "ask": true},
  "outages": {"amount": 500, "per": "month", "ask": true},
  "sub": {"amount": 49, "per": "month", "times": ["agents"]}
 }}]}`

// flowHost is a marketing page that embeds the calculator with the kit,
// below a tall header, and prefills its own form from valuecalc:cta.
const flowHost = `<!doctype html><html lang="%[3]s"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>host</title>
<style>body{margin:0;font:16px system-ui} header{height:420px;background:#0f172a;color:#fff;padding:1rem} #calc{margin:1rem 0} form{padding:1rem;display:grid;gap:.5rem}</style></head><body>
<header><h1>What is Acme worth to your team?</h1></header>
<div id="calc"></div>
<form id="lead"><h2>Book a call</h2>
<label>Net value <input id="lead-net" name="net"></label>
<label>Agents <input id="lead-agents" name="agents"></label>
<label>Your case <input id="lead-link" name="link"></label>
</form>
<div style="height:600px"></div>
<script>
window.msgs = [];
window.addEventListener("message", (e) => { if (e.origin === %[1]q) window.msgs.push({from: "calc", data: e.data}); });
</script>
<script src="%[1]s/web/embed.js"></script>
<script>
const calc = valuecalc.embed("#calc", {model: %[2]s, lang: %[3]q, cta: "Book a call", title: "Value calculator"});
calc.on("cta", (msg) => {
  const best = msg.result.scenarios.find(s => s.id === msg.result.best);
  document.getElementById("lead-net").value = Math.round(best.net);
  document.getElementById("lead-agents").value = msg.answers.drivers.agents;
  document.getElementById("lead-link").value = msg.link;
});
</script></body></html>`

// TestVisitorFlow: a visitor on a host page that embeds the calculator
// with the kit, on a phone and a desktop, in English and German: the
// drivers come first, worded as questions with their unit and the model's
// figure as typical; at every question the answer's figure is on the
// visitor's screen, though the host sizes the frame to its content; the
// answer says it is of typical figures until the first answer; the call
// to action at the end hands the host the result, the answers and the
// link, which the host puts into its own form.
func TestVisitorFlow(t *testing.T) {
	m, err := calc.Decode([]byte(flowModel))
	require.NoError(t, err)
	model, err := calc.Encode(m)
	require.NoError(t, err)
	for _, tc := range []struct {
		lang, agentsQ, typical, agentsTyped string
		agents                              float64
	}{
		{"en", "How many support agents do you have?", "typical: 25 agents", "12", 12},
		{"de", "Wie viele Support agents haben Sie?", "typisch: 25 agents", "1.200", 1200},
	} {
		for _, w := range visitorWidths {
			t.Run(tc.lang+"-"+w.name, func(t *testing.T) {
				host := serveHost(t, flowHost, baseURL, string(model), tc.lang)
				ctx := newBrowser(t)
				require.NoError(t, chromedp.Run(ctx,
					chromedp.EmulateViewport(w.width, w.height),
					chromedp.Navigate(host),
					waitJSFor(60*time.Second, `window.msgs.some(m => m.data.type === "valuecalc:result" && m.data.result.title === "Helpdesk for your team")`),
				))
				frameNode := func() *cdp.Node {
					var nodes []*cdp.Node
					require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("#calc iframe", &nodes, chromedp.ByQuery)))
					return nodes[0]
				}
				in := func() []chromedp.QueryOption {
					return []chromedp.QueryOption{chromedp.ByQuery, chromedp.FromNode(frameNode())}
				}
				require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#q-f-driver-agents-value", in()...)))
				// The frame is sized to its content: let it take its height.
				require.NoError(t, chromedp.Run(ctx, waitJS(`(() => { const r = window.msgs.filter(m => m.data.type === "valuecalc:resize").pop();
					return r && Math.abs(document.querySelector("#calc iframe").getBoundingClientRect().height - Math.ceil(r.data.height)) < 1 })()`)))

				text := func(sel string) string {
					var s string
					require.NoError(t, chromedp.Run(ctx, chromedp.Text(sel, &s, in()...)))
					return strings.TrimSpace(s)
				}
				count := func(sel string) int {
					var nodes []*cdp.Node
					require.NoError(t, chromedp.Run(ctx, chromedp.Nodes(sel, &nodes, chromedp.ByQueryAll, chromedp.FromNode(frameNode()), chromedp.AtLeast(0))))
					return len(nodes)
				}
				// The drivers first, in the visitor's words, with the model's figure as typical.
				assert.Equal(t, 4, count("#question-list > li"))
				assert.Equal(t, tc.agentsQ, text("#q-f-driver-agents-value .q-text"))
				assert.Equal(t, tc.typical, text("#f-driver-agents-value-typical"))
				assert.Equal(t, "1 "+map[string]string{"en": "of", "de": "von"}[tc.lang]+" 4", text("#q-f-driver-agents-value .q-progress"))
				assert.Equal(t, 1, count("#visitor-typical"), "the answer says it is of typical figures")
				assert.Zero(t, count("#f-entry-with-sub"), "the vendor's price is not asked")

				// At every question, scrolled to its top or its middle, the
				// answer's figure beneath it is on the visitor's screen.
				var qs []*cdp.Node
				require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("#question-list > li", &qs, chromedp.ByQueryAll, chromedp.FromNode(frameNode()))))
				box := func(n *cdp.Node) *dom.BoxModel {
					var b *dom.BoxModel
					require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(c context.Context) error {
						var err error
						b, err = dom.GetBoxModel().WithNodeID(n.NodeID).Do(c)
						return err
					})))
					return b
				}
				var html []*cdp.Node
				require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("html", &html, chromedp.ByQuery, chromedp.FromNode(frameNode()))))
				for i, li := range qs {
					var parts []*cdp.Node
					require.NoError(t, chromedp.Run(ctx, chromedp.Nodes(".question", &parts, chromedp.ByQuery, chromedp.FromNode(li))))
					var figures []*cdp.Node
					require.NoError(t, chromedp.Run(ctx, chromedp.Nodes(".answer-bar-figure", &figures, chromedp.ByQuery, chromedp.FromNode(li))))
					// Offsets within the frame's document, from one coordinate system.
					top := box(html[0]).Border[1]
					qTop, qBottom := box(parts[0]).Border[1]-top, box(parts[0]).Border[5]-top
					fTop, fBottom := box(figures[0]).Border[1]-top, box(figures[0]).Border[5]-top
					for _, align := range []string{"top", "middle"} {
						var screen []float64
						require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => {
							const f = document.querySelector("#calc iframe");
							const doc = f.getBoundingClientRect().top + window.scrollY;
							const q = %q === "top" ? %v : (%v + %v) / 2 - innerHeight / 2;
							window.scrollTo(0, doc + q - (%q === "top" ? 8 : 0));
							const at = f.getBoundingClientRect().top;
							return [at + %v, at + %v, innerHeight];
						})()`, align, qTop, qTop, qBottom, align, fTop, fBottom), &screen)))
						assert.True(t, screen[0] >= 0 && screen[1] <= screen[2],
							"question %d scrolled to its %s: the answer's figure is at %.0f–%.0f px of a %.0f px screen", i+1, align, screen[0], screen[1], screen[2])
					}
				}
				shotTo(t, ctx, "flow-"+tc.lang+"-questions", w.width)

				// Answer the first driver in the visitor's number format.
				require.NoError(t, chromedp.Run(ctx, chromedp.ScrollIntoView("#f-driver-agents-value", in()...),
					chromedp.Click("#f-driver-agents-value", in()...), typeKeys(tc.agentsTyped),
					// The visitor moves on: the hint of how "1.200" was read goes.
					chromedp.KeyEvent("\t")))
				want := m
				want.Drivers = append([]calc.Driver(nil), m.Drivers...)
				want.Drivers[0].Value = tc.agents
				net := calc.Evaluate(want).Scenarios[0].Net
				require.NoError(t, chromedp.Run(ctx, waitJS(fmt.Sprintf(`(() => { const r = window.msgs.filter(m => m.data.type === "valuecalc:result").pop();
					return r.data.answers.drivers.agents === %v && Math.abs(r.data.result.scenarios[0].net - %v) < 1e-6 })()`, tc.agents, net))))
				require.NoError(t, chromedp.Run(ctx, chromedp.WaitNotPresent("#visitor-typical", in()...)))
				assert.Zero(t, count("#f-driver-agents-value-typical"), "an answered question shows no typical figure")
				assert.Equal(t, 1, count("#f-driver-tickets-value-typical"), "the others still do")
				assert.Zero(t, count(".answer-bar-typical"))

				// The call to action at the end: the host prefills its form.
				require.NoError(t, chromedp.Run(ctx, chromedp.ScrollIntoView("#cta", in()...)))
				shotTo(t, ctx, "flow-"+tc.lang+"-answer", w.width)
				assert.Equal(t, "Book a call", text("#cta"))
				require.NoError(t, chromedp.Run(ctx, chromedp.Click("#cta", in()...),
					waitJS(`document.getElementById("lead-link").value !== ""`)))
				var form struct{ Net, Agents, Link string }
				require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`({net: document.getElementById("lead-net").value,
					agents: document.getElementById("lead-agents").value, link: document.getElementById("lead-link").value})`, &form)))
				assert.Equal(t, strconv.FormatFloat(math.Floor(net+0.5), 'f', -1, 64), form.Net, "Math.round")
				assert.Equal(t, fmt.Sprint(tc.agents), form.Agents)
				fragment := form.Link[strings.Index(form.Link, "#")+1:]
				got, err := calc.DecodeLink(fragment)
				require.NoError(t, err, form.Link)
				assert.Equal(t, tc.agents, got.Drivers[0].Value, "the link holds the visitor's answer")
				var ctas []json.RawMessage
				require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.msgs.filter(m => m.data.type === "valuecalc:cta").map(m => m.data)`, &ctas)))
				assert.Len(t, ctas, 1, "one press, one message")
				require.NoError(t, chromedp.Run(ctx, chromedp.ScrollIntoView("#lead", chromedp.ByQuery)))
				shotTo(t, ctx, "flow-"+tc.lang+"-form", w.width)
			})
		}
	}
}

// TestVisitorFlowScoreWords: a score model's answer is in the scale's
// words, not in points; a visitor's answer moves it.
func TestVisitorFlowScoreWords(t *testing.T) {
	ctx := newBrowser(t)
	openApp(t, ctx, "/?embed=1&template=customer-value")
	var verdict string
	require.NoError(t, chromedp.Run(ctx, chromedp.Text("#visitor-verdict", &verdict, chromedp.ByQuery)))
	assert.NotContains(t, verdict, "point")
	assert.Contains(t, verdict, "on what matters to you")
	var bars int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".answer-bar-figure")].filter(b => b.textContent === document.getElementById("visitor-verdict").textContent).length`, &bars)))
	assert.Equal(t, 7, bars, "every question carries the answer")
}

// shotTo saves a screenshot of the page as it is to
// $VALUECALC_SHOTS/name-width.png when that is set.
func shotTo(t *testing.T, ctx context.Context, name string, width int64) {
	t.Helper()
	dir := os.Getenv("VALUECALC_SHOTS")
	if dir == "" {
		return
	}
	var png []byte
	require.NoError(t, chromedp.Run(ctx, chromedp.Sleep(300*time.Millisecond), chromedp.CaptureScreenshot(&png)))
	require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width)), png, 0o644))
}

// TestBrandCTA: a brand's call to action ends the visitor view as a plain
// link to the company; "Send my results" says it adds a link to the
// answers, and only pressing it opens the company's address with the
// share link of the visitor's case.
func TestBrandCTA(t *testing.T) {
	dir := t.TempDir()
	brand := filepath.Join(dir, "brand.json")
	require.NoError(t, os.WriteFile(brand, []byte(`{"cta": {"text": "Book a call", "url": "https://acme.example/contact"}}`), 0o644))
	base := serveBranded(t, "-brand", brand)
	m, err := calc.Decode([]byte(flowModel))
	require.NoError(t, err)
	link, err := calc.EncodeLink(m)
	require.NoError(t, err)

	ctx := newBrowser(t)
	opened := make(chan string, 4)
	chromedp.ListenBrowser(ctx, func(ev any) {
		if e, ok := ev.(*target.EventTargetCreated); ok && e.TargetInfo.Type == "page" {
			opened <- e.TargetInfo.URL
		}
	})
	var href, note string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.EmulateViewport(375, 740),
		chromedp.Navigate(base+"/?embed=1#"+link), waitReady(),
		chromedp.WaitVisible("#brand-cta", chromedp.ByQuery),
		chromedp.AttributeValue("#brand-cta", "href", &href, nil, chromedp.ByQuery),
		chromedp.Text(".cta-note", &note, chromedp.ByQuery),
	))
	assert.Equal(t, "https://acme.example/contact", href, "the link adds nothing of the visitor's")
	assert.Equal(t, "“Send my results” adds a link to your answers; nothing of yours is sent until you press it.", note)
	select {
	case u := <-opened:
		t.Fatalf("a tab opened by itself: %s", u)
	default:
	}
	require.NoError(t, chromedp.Run(ctx, typeInto("f-driver-agents-value", "40"),
		chromedp.ScrollIntoView("#send-results", chromedp.ByQuery)))
	shotTo(t, ctx, "brand-cta", 375)
	require.NoError(t, chromedp.Run(ctx, chromedp.Click("#send-results", chromedp.ByQuery)))
	var u string
	select {
	case u = <-opened:
	case <-time.After(10 * time.Second):
		t.Fatal("Send my results opened nothing")
	}
	if u == "" || u == "about:blank" {
		// The new tab's address comes with its first navigation.
		require.Eventually(t, func() bool {
			targets, err := chromedp.Targets(ctx)
			if err != nil {
				return false
			}
			for _, ti := range targets {
				if strings.HasPrefix(ti.URL, "https://acme.example/") {
					u = ti.URL
					return true
				}
			}
			return false
		}, 10*time.Second, 200*time.Millisecond)
	}
	require.True(t, strings.HasPrefix(u, "https://acme.example/contact?valuecalc="), u)
	parsed, err := url.Parse(u)
	require.NoError(t, err)
	shared := parsed.Query().Get("valuecalc")
	got, err := calc.DecodeLink(shared[strings.Index(shared, "#")+1:])
	require.NoError(t, err)
	assert.Equal(t, 40.0, got.Drivers[0].Value, "the link holds the visitor's answer")
}

// TestVisitorFlowWhileLoading: the prerendered visitor page of an embed
// with a call to action shows its questions before app.wasm runs and
// takes answers then; two answers picked while the wasm is held back are
// the visitor's when it runs: chosen, in the result, and no longer typical.
func TestVisitorFlowWhileLoading(t *testing.T) {
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(375, 740)))
	release := holdWasm(t, ctx)
	picks := []struct {
		id, scenario, item string
		score              float64
	}{
		{"f-entry-status-quo-quality-5", "status-quo", "quality", 5},
		{"f-entry-status-quo-fit-1", "status-quo", "fit", 1},
	}
	var shell bool
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(baseURL+"/?embed=1&template=customer-value&cta=Book%20a%20call"),
		chromedp.WaitVisible("#"+picks[1].id, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.classList.contains("vc-shell")`, &shell),
	))
	assert.False(t, shell, "?cta= keeps the prerendered questions on show")
	for _, p := range picks {
		require.NoError(t, chromedp.Run(ctx, chromedp.Click("#"+p.id, chromedp.ByQuery)))
	}
	var ready bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.body.dataset.ready === "1"`, &ready)))
	require.False(t, ready, "the wasm ran while held")
	release()

	m := template(t, "customer-value")
	for _, p := range picks {
		m = withScore(m, p.scenario, p.item, p.score)
	}
	res := calc.Evaluate(m)
	require.NoError(t, chromedp.Run(ctx, waitReady(),
		waitValue("visitor-net-status-quo", res.Scenarios[0].Net),
		waitValue("visitor-net-with-us", res.Scenarios[1].Net),
		chromedp.WaitNotPresent("#visitor-typical", chromedp.ByQuery),
		chromedp.WaitVisible("#cta", chromedp.ByQuery),
	))
	for _, p := range picks {
		var checked bool
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("`+p.id+`").checked`, &checked)))
		assert.True(t, checked, "%s, picked before the wasm, stays picked", p.id)
		var typical int
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#f-entry-`+p.scenario+`-`+p.item+`-typical").length`, &typical)))
		assert.Zero(t, typical, "%s is the visitor's answer, not typical", p.id)
	}
	var stillTypical int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll(".q-typical").length`, &stillTypical)))
	assert.Equal(t, 5, stillTypical, "the five questions not answered still show the typical figure")
}
