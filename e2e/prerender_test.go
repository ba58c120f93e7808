//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// holdWasm makes the tab's requests for app.wasm wait until the returned
// release is called: the page is what the visitor sees before the wasm
// has arrived. (A cold visit: no service worker controls the page yet.)
func holdWasm(t *testing.T, ctx context.Context) (release func()) {
	t.Helper()
	held := make(chan fetch.RequestID, 4)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			held <- e.RequestID
		}
	})
	require.NoError(t, chromedp.Run(ctx, fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*app.wasm*"}})))
	return func() {
		c := chromedp.FromContext(ctx)
		exec := cdp.WithExecutor(ctx, c.Target)
		select {
		case id := <-held:
			require.NoError(t, fetch.ContinueRequest(id).Do(exec))
		case <-time.After(15 * time.Second):
			t.Fatal("the page never asked for app.wasm")
		}
		require.NoError(t, fetch.Disable().Do(exec))
	}
}

// firstFigureJS is the first result figure of the page, as shown: a
// result card's net value, or the visitor view's answer.
const firstFigureJS = `(() => { const el = document.querySelector('[id^="net-"], [id^="visitor-net-"]'); return el ? el.id + ": " + el.textContent : "" })()`

// cardRectJS is where the first result card or answer panel is drawn.
const cardRectJS = `(() => { const el = document.querySelector('.result-card, #visitor-answer'); if (!el) return ""; const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round).join(",") })()`

// shot saves a screenshot to $PRERENDER_SHOTS/name.png when that is set.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("PRERENDER_SHOTS")
	if dir == "" {
		return
	}
	var png []byte
	require.NoError(t, chromedp.Run(ctx, chromedp.CaptureScreenshot(&png)))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// TestPrerenderedPages: before app.wasm has arrived, the default page, a
// template's page and the embed's already show their real figures, with
// only a slim bar over them, in the language the address asks for; when
// the wasm takes over it shows the same figure in the same place: no
// flash, no layout jump.
func TestPrerenderedPages(t *testing.T) {
	for _, page := range []struct{ name, path, lang, title string }{
		{"default", "/", "en", "valuecalc — customer value calculator"},
		{"template", "/?template=segments", "en", "valuecalc — customer value calculator"},
		{"embed", "/?embed=1&template=software-purchase&origin=https%3A%2F%2Fexample.com", "en", "valuecalc — customer value calculator"},
		{"embed-de", "/?embed=1&lang=de&template=software-purchase&origin=https%3A%2F%2Fexample.com", "de", "valuecalc – Rechner für Kundennutzen"},
		{"template-fr", "/?lang=fr&template=customer-value", "fr", "valuecalc — calculateur de valeur client"},
	} {
		for _, w := range visitorWidths {
			t.Run(page.name+"/"+w.name, func(t *testing.T) {
				ctx := newBrowser(t)
				require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(w.width, w.height)))
				release := holdWasm(t, ctx)
				var before, rectBefore, title, lang, docTitle string
				var loader float64
				var hidden bool
				require.NoError(t, chromedp.Run(ctx,
					chromedp.Navigate(baseURL+page.path),
					chromedp.Evaluate(`document.documentElement.lang`, &lang),
					chromedp.Evaluate(`document.title`, &docTitle),
					chromedp.Evaluate(firstFigureJS, &before),
					chromedp.Evaluate(cardRectJS, &rectBefore),
					chromedp.Evaluate(`document.querySelector("h1").textContent`, &title),
					chromedp.Evaluate(`document.getElementById("app-wasm-loader").getBoundingClientRect().height`, &loader),
					chromedp.Evaluate(`getComputedStyle(document.body.firstElementChild).visibility === "hidden"`, &hidden),
				))
				shot(t, ctx, "prerendered-"+page.name+"-"+w.name)
				var ready bool
				require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.body.dataset.ready === "1"`, &ready)))
				require.False(t, ready, "the wasm ran while held")
				require.NotEmpty(t, before, "no result figure before the wasm")
				assert.NotContains(t, before, "Nothing entered")
				assert.NotEmpty(t, strings.TrimSpace(title), "no title before the wasm")
				assert.False(t, hidden, "the prerendered page is hidden")
				assert.Equal(t, page.lang, lang, "the prerendered page's language")
				assert.Equal(t, page.title, docTitle, "the prerendered page's title")
				assert.LessOrEqual(t, loader, 4.0, "the loader covers the page")

				release()
				var after, rectAfter string
				require.NoError(t, chromedp.Run(ctx, waitReady(),
					chromedp.Evaluate(firstFigureJS, &after),
					chromedp.Evaluate(cardRectJS, &rectAfter),
				))
				shot(t, ctx, "live-"+page.name+"-"+w.name)
				assert.Equal(t, after, before, "the figure the wasm shows")
				assert.Equal(t, rectAfter, rectBefore, "the result's place before and after the wasm")
			})
		}
	}
}

// TestPrerenderedTyping: text typed into the prerendered page before the
// wasm runs is kept, taken into the model, and the field keeps the focus.
func TestPrerenderedTyping(t *testing.T) {
	ctx := newBrowser(t)
	release := holdWasm(t, ctx)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(baseURL+"/?template=software-purchase"),
		chromedp.Click("#f-title", chromedp.ByQuery),
		chromedp.Evaluate(`(() => { const el = document.getElementById("f-title"); el.select(); return true })()`, nil),
		chromedp.KeyEvent("Typed early"),
	))
	var ready bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.body.dataset.ready === "1"`, &ready)))
	require.False(t, ready, "the wasm ran while held")
	release()
	var value, heading, focus string
	require.NoError(t, chromedp.Run(ctx, waitReady(),
		waitJS(`document.getElementById("editor-title").textContent === "Typed early"`),
		chromedp.Evaluate(`document.getElementById("f-title").value`, &value),
		chromedp.Evaluate(`document.getElementById("editor-title").textContent`, &heading),
		chromedp.Evaluate(`document.activeElement.id`, &focus),
	))
	assert.Equal(t, "Typed early", value)
	assert.Equal(t, "Typed early", heading, "the model's title")
	assert.Equal(t, "f-title", focus)
	// Typing goes on where it stopped.
	require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent("!"),
		waitJS(`document.getElementById("editor-title").textContent === "Typed early!"`)))
}

// TestPrerenderedAnswer: an answer picked in the prerendered questions
// before the wasm runs is taken when it does.
func TestPrerenderedAnswer(t *testing.T) {
	ctx := newBrowser(t)
	release := holdWasm(t, ctx)
	const choice = "f-entry-status-quo-quality-5"
	var before string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(baseURL+"/"),
		chromedp.Evaluate(`document.getElementById("visitor-net-status-quo").textContent`, &before),
		chromedp.Evaluate(`document.getElementById("`+choice+`").click(), true`, nil),
	))
	release()
	var checked bool
	var after string
	require.NoError(t, chromedp.Run(ctx, waitReady(),
		waitJS(`document.getElementById("visitor-net-status-quo").textContent !== `+fmt.Sprintf("%q", before)),
		chromedp.Evaluate(`document.getElementById("`+choice+`").checked`, &checked),
		chromedp.Evaluate(`document.getElementById("visitor-net-status-quo").textContent`, &after),
	))
	assert.True(t, checked, "the answer picked before the wasm")
	assert.NotEqual(t, before, after, "the answer changed with it")
}

// TestPrerenderedShareLink: a share link's model is unknown to the
// server: until the wasm opens it, the prerendered default page is hidden
// rather than showing another model's figures; then the link's model shows.
func TestPrerenderedShareLink(t *testing.T) {
	m := withScore(template(t, "segments"), "enterprise", "ease", 1)
	m.Title = "From a link"
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	if !strings.HasPrefix(fragment, "#") {
		fragment = "#" + fragment
	}
	for _, path := range []string{"/" + fragment, "/?template=segments&accent=0b5fff", "/?lang=it&template=segments"} {
		t.Run(path[:min(len(path), 20)], func(t *testing.T) {
			ctx := newBrowser(t)
			release := holdWasm(t, ctx)
			var hidden bool
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Navigate(baseURL+path),
				chromedp.Evaluate(`getComputedStyle(document.body.firstElementChild).visibility === "hidden"`, &hidden),
			))
			assert.True(t, hidden, "the prerendered page shows before the wasm opens %s", path)
			release()
			require.NoError(t, chromedp.Run(ctx, waitReady(),
				chromedp.Evaluate(`getComputedStyle(document.body.firstElementChild).visibility === "hidden"`, &hidden)))
			assert.False(t, hidden, "the live page is hidden")
		})
	}
	// A browser that prefers German will get the app in German: not the
	// English page first.
	t.Run("de", func(t *testing.T) {
		ctx := newBrowser(t)
		var ua string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`navigator.userAgent`, &ua)))
		require.NoError(t, chromedp.Run(ctx, emulation.SetUserAgentOverride(ua).WithAcceptLanguage("de-DE,de")))
		release := holdWasm(t, ctx)
		var hidden bool
		var lang string
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Navigate(baseURL+"/?template=segments"),
			chromedp.Evaluate(`navigator.languages[0]`, &lang),
			chromedp.Evaluate(`getComputedStyle(document.body.firstElementChild).visibility === "hidden"`, &hidden),
		))
		require.Equal(t, "de-DE", lang)
		assert.True(t, hidden, "the English page shows to a German browser")
		release()
		require.NoError(t, chromedp.Run(ctx, waitReady()))
	})
	// A language chosen in the app's menu before wins over the browser's:
	// not the English page first either.
	t.Run("chosen", func(t *testing.T) {
		ctx := newBrowser(t)
		// The same origin's storage, set from a page that is not the app.
		require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(baseURL+"/web/app.css"),
			chromedp.Evaluate(`localStorage.setItem("valuecalc/v1/lang", "fr"); true`, nil)))
		release := holdWasm(t, ctx)
		var hidden bool
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Navigate(baseURL+"/?template=segments"),
			chromedp.Evaluate(`getComputedStyle(document.body.firstElementChild).visibility === "hidden"`, &hidden),
		))
		assert.True(t, hidden, "the English page shows to a visitor who chose French")
		release()
		require.NoError(t, chromedp.Run(ctx, waitReady()))
	})
	// The link's model, not the template's, once the wasm has run.
	ctx := newBrowser(t)
	openApp(t, ctx, "/?view=editor"+fragment)
	checkResults(t, ctx, m)
}

// TestPrerenderedFiles: serve answers a template's address with its own
// prerendered page, and any other query with the default one.
func TestPrerenderedFiles(t *testing.T) {
	for path, want := range map[string]string{
		"/":                                  `content=""`,
		"/?template=segments":                `content="template=segments"`,
		"/?template=segments&embed=1":        `content="embed=1&amp;template=segments"`,
		"/?embed=1&origin=https%3A%2F%2Fx.y": `content="embed=1"`,
		"/?template=segments&lang=de":        `content="lang=de&amp;template=segments"`,
		"/?embed=1&lang=es-MX":               `content="embed=1&amp;lang=es"`,
		"/?template=segments&accent=0b5fff":  `content=""`,
		"/?template=nope":                    `content=""`,
	} {
		body := get(t, path)
		assert.Contains(t, body, `<meta name="valuecalc-prerendered" `+want, path)
	}
}

func get(t *testing.T, path string) string {
	t.Helper()
	res, err := http.Get(baseURL + path)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(body)
}
