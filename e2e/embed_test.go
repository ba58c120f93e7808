//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// hostPage is a marketing page on another origin. It records every
// message from valuecalc's origin in window.msgs, and places:
//   - #kit: the calculator by web/embed.js (which passes ?origin=);
//   - #open: a plain iframe without ?origin= (messages to "*", no loads);
//   - #other: a plain iframe with ?origin= naming some other site.
const hostPage = `<!doctype html><html><head><title>host</title></head><body>
<h1>Our product</h1>
<div id="kit"></div>
<iframe id="open" src="%[1]s/?embed=1&template=segments" style="width:100%%;height:300px"></iframe>
<iframe id="other" src="%[1]s/?embed=1&template=segments&origin=http%%3A%%2F%%2F127.0.0.1%%3A9" style="width:100%%;height:300px"></iframe>
<script>
window.msgs = [];
window.addEventListener("message", (e) => {
  if (e.origin !== %[2]q) return;
  const from = [...document.querySelectorAll("iframe")].find(f => f.contentWindow === e.source);
  window.msgs.push({from: from ? (from.id || from.parentElement.id) : "?", data: e.data});
});
</script>
<script src="%[1]s/web/embed.js"></script>
<script>
window.kit = valuecalc.embed("#kit", {template: "software-purchase"});
window.kitResults = [];
kit.on("result", (r) => window.kitResults.push(r));
</script>
</body></html>`

// message is what the host page recorded.
type message struct {
	From string          `json:"from"`
	Data json.RawMessage `json:"data"`
}

func messages(t *testing.T, ctx context.Context) []message {
	t.Helper()
	var raw string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify(window.msgs)`, &raw)))
	var ms []message
	require.NoError(t, json.Unmarshal([]byte(raw), &ms))
	return ms
}

// resultsFrom returns the results one frame posted, in order.
func resultsFrom(t *testing.T, ms []message, frame string) []calc.Result {
	t.Helper()
	var out []calc.Result
	for _, m := range ms {
		var d struct {
			Type   string
			Result json.RawMessage
		}
		require.NoError(t, json.Unmarshal(m.Data, &d))
		if m.From != frame || d.Type != "valuecalc:result" {
			continue
		}
		var r struct {
			Best      string
			Scenarios []struct {
				ID  string
				Net float64
			}
		}
		require.NoError(t, json.Unmarshal(d.Result, &r))
		res := calc.Result{Best: r.Best}
		for _, s := range r.Scenarios {
			res.Scenarios = append(res.Scenarios, calc.ScenarioResult{ID: s.ID, Net: s.Net})
		}
		out = append(out, res)
	}
	return out
}

func typesFrom(ms []message, frame string) map[string]int {
	n := map[string]int{}
	for _, m := range ms {
		var d struct{ Type string }
		json.Unmarshal(m.Data, &d)
		if m.From == frame {
			n[d.Type]++
		}
	}
	return n
}

func sameNets(t *testing.T, want calc.Result, got calc.Result, msg string) {
	t.Helper()
	require.Len(t, got.Scenarios, len(want.Scenarios), msg)
	assert.Equal(t, want.Best, got.Best, msg)
	for i, s := range want.Scenarios {
		assert.Equal(t, s.ID, got.Scenarios[i].ID, msg)
		approx(t, s.Net, got.Scenarios[i].Net, "%s: net of %s", msg, s.ID)
	}
}

// TestEmbed: a marketing page on another origin embeds the calculator. It
// hears ready, result and resize with the right numbers; it can load a
// model only when ?origin= names it; invalid models change nothing; an
// embed whose ?origin= names another site tells this page nothing; and
// nothing is written to the visitor's saved assessments.
func TestEmbed(t *testing.T) {
	hostAddr := serveHost(t, hostPage, baseURL, baseURL)
	hostURL, _ := url.Parse(hostAddr)
	appURL, _ := url.Parse(baseURL)
	require.NotEqual(t, hostURL.Host, appURL.Host, "the host page is another origin")

	ctx := newBrowser(t)
	// Three app instances start at once on a small machine: allow time.
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(hostAddr),
		waitJSFor(60*time.Second, `window.msgs.filter(m => m.data.type === "valuecalc:result").length >= 2 && window.msgs.some(m => m.from === "kit" && m.data.type === "valuecalc:resize")`),
	))
	ms := messages(t, ctx)
	kit := typesFrom(ms, "kit")
	assert.Equal(t, 1, kit["valuecalc:ready"])
	assert.GreaterOrEqual(t, kit["valuecalc:result"], 1)
	var ready struct{ Type, Format string }
	require.NoError(t, json.Unmarshal(ms[0].Data, &ready))
	sw := calc.Evaluate(template(t, "software-purchase"))
	seg := calc.Evaluate(template(t, "segments"))
	kitResults := resultsFrom(t, ms, "kit")
	sameNets(t, sw, kitResults[len(kitResults)-1], "the kit's embed")
	sameNets(t, seg, resultsFrom(t, ms, "open")[0], "the plain iframe")
	assert.Empty(t, typesFrom(ms, "other"), "an embed for another origin tells this page nothing")
	var otherLoaded bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`performance.getEntriesByType("resource").some(e => e.name.includes("origin=http%3A%2F%2F127.0.0.1%3A9"))`, &otherLoaded)))
	assert.True(t, otherLoaded, "the other embed did load")

	// The kit sized the iframe to the content height it was told.
	var height float64
	var frameHeight string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`window.msgs.filter(m => m.from === "kit" && m.data.type === "valuecalc:resize").pop().data.height`, &height),
		chromedp.Evaluate(`document.querySelector("#kit iframe").style.height`, &frameHeight),
	))
	assert.Greater(t, height, 300.0, "a real height: the questions, not an empty frame")
	assert.Equal(t, fmt.Sprintf("%dpx", int(height)), frameHeight)

	// The host loads a model: the kit's embed (?origin= is this page)
	// takes it and reports new results; the plain iframe ignores it.
	segModel := template(t, "segments")
	data, err := calc.Encode(segModel)
	require.NoError(t, err)
	count := func(frame string) int { return len(resultsFrom(t, messages(t, ctx), frame)) }
	kitBefore, openBefore := count("kit"), count("open")
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`kit.load(`+string(data)+`);
			document.getElementById("open").contentWindow.postMessage({type: "valuecalc:load", model: `+string(data)+`}, "*");
			document.getElementById("other").contentWindow.postMessage({type: "valuecalc:load", model: `+string(data)+`}, "*")`, nil),
		waitJS(fmt.Sprintf(`window.msgs.filter(m => m.from === "kit" && m.data.type === "valuecalc:result").length > %d`, kitBefore)),
	))
	after := resultsFrom(t, messages(t, ctx), "kit")
	sameNets(t, seg, after[len(after)-1], "the kit's embed after load")
	time.Sleep(1500 * time.Millisecond)
	assert.Equal(t, openBefore, count("open"), "without ?origin= a load is ignored")

	// An invalid model (and a hostile one) changes nothing and posts nothing.
	kitBefore = count("kit")
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`
		kit.load({format: "valuecalc/1", items: [{id: "a", name: "", side: "cost", type: "risk", weight: -1}]});
		kit.load({format: "valuecalc/1", title: "<img src=x onerror=window.top.pwned=1>", hourlyRate: "NaN"});
		const cyclic = {type: "valuecalc:load"}; cyclic.model = cyclic;
		try { kit.iframe.contentWindow.postMessage(cyclic, "*") } catch (e) {}
		kit.iframe.contentWindow.postMessage("valuecalc:load", "*");
		kit.iframe.contentWindow.postMessage({type: "valuecalc:load", model: 42}, "*");
		true`, nil)))
	time.Sleep(1500 * time.Millisecond)
	assert.Equal(t, kitBefore, count("kit"), "nothing new is posted for invalid models")
	var pwned bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.pwned === 1`, &pwned)))
	assert.False(t, pwned)

	// An edit inside the embed reports new results to the host.
	var frames []*cdp.Node
	require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("#kit iframe", &frames, chromedp.ByQuery)))
	kitBefore = count("kit")
	require.NoError(t, chromedp.Run(ctx,
		// An embed opens on the questionnaire; the editor is a click away.
		chromedp.Click("#open-editor", chromedp.ByQuery, chromedp.FromNode(frames[0])),
		chromedp.Click("#add-scenario", chromedp.ByQuery, chromedp.FromNode(frames[0])),
		waitJS(fmt.Sprintf(`window.msgs.filter(m => m.from === "kit" && m.data.type === "valuecalc:result").length > %d`, kitBefore)),
	))
	after = resultsFrom(t, messages(t, ctx), "kit")
	assert.Len(t, after[len(after)-1].Scenarios, len(segModel.Scenarios)+1, "the added scenario is in the result")

	// The embeds wrote nothing to the visitor's saved assessments.
	openApp(t, ctx, "/")
	var saved []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`Object.keys(localStorage).filter(k => k.startsWith("valuecalc/v1/doc/"))`, &saved)))
	assert.Empty(t, saved)
}
