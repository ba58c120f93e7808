//go:build e2e

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// framingHost is another site's page that frames the app twice: #app
// without ?embed=1, #embed with it.
const framingHost = `<!doctype html><html><head><title>other site</title></head><body>
<h1>Another site</h1>
<iframe id="app" src="%[1]s/?template=segments" style="width:100%%;height:420px"></iframe>
<iframe id="embed" src="%[1]s/?embed=1&template=segments" style="width:100%%;height:420px"></iframe>
` + recordMessages

// staticHost serves the app as a static host does with the build's
// _headers file: `serve`'s responses with frame-ancestors * on every page,
// since a static host cannot tell ?embed=1 by its path. Only the app's
// own defence then keeps it from showing the editor in another site's
// frame.
func staticHost(t *testing.T) string {
	t.Helper()
	target, err := url.Parse(baseURL)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(r *http.Response) error {
		csp := r.Header.Get("Content-Security-Policy")
		r.Header.Set("Content-Security-Policy", strings.Replace(csp, "frame-ancestors 'self'", "frame-ancestors *", 1))
		return nil
	}
	srv := httptest.NewServer(proxy)
	t.Cleanup(srv.Close)
	return srv.URL
}

// frameURLs are the URLs of the page's child frames, by their iframe's id
// order: a frame the browser refused shows chrome-error://.
func frameURLs(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var urls []string
	require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		tree, err := page.GetFrameTree().Do(ctx)
		if err != nil {
			return err
		}
		for _, c := range tree.ChildFrames {
			urls = append(urls, c.Frame.URL+c.Frame.URLFragment)
		}
		return nil
	})))
	return urls
}

// TestFramedByAnotherSite: a page of another site that frames the app
// without ?embed=1 sees a link to open it in its own tab, never the editor
// or the saved assessments; with ?embed=1 the embed works. On a static
// host the app's own check does it; `serve` also refuses the frame.
func TestFramedByAnotherSite(t *testing.T) {
	static := staticHost(t)
	ctx := newBrowser(t)

	// The user's own assessment, saved on the app's own page.
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(static+"/?template=segments"), waitReady(),
		typeInto("f-title", "Secret deal"),
		waitJS(`Object.keys(localStorage).some(k => k.startsWith("valuecalc/v1/doc/") && localStorage[k].includes("Secret deal"))`),
	))

	host := serveHost(t, framingHost, static)
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(1440, 1000), chromedp.Navigate(host),
		waitJSFor(60*time.Second, `window.msgs.some(m => m.from === "embed" && m.data.type === "valuecalc:ready")`),
	))
	var frames []*cdp.Node
	require.NoError(t, chromedp.Run(ctx, chromedp.Nodes("iframe", &frames, chromedp.ByQueryAll)))
	require.Len(t, frames, 2)
	app := chromedp.FromNode(frames[0])
	var href, target, body string
	var ok bool
	require.NoError(t, chromedp.Run(ctx,
		chromedp.WaitVisible("#open-own-tab", chromedp.ByQuery, app),
		chromedp.AttributeValue("#open-own-tab", "href", &href, &ok, chromedp.ByQuery, app),
		chromedp.AttributeValue("#open-own-tab", "target", &target, &ok, chromedp.ByQuery, app),
		chromedp.Text("body", &body, chromedp.ByQuery, app),
	))
	assert.Equal(t, static+"/?template=segments", href)
	assert.Equal(t, "_blank", target)
	assert.Contains(t, body, "valuecalc is shown inside another website")
	assert.NotContains(t, body, "Secret deal", "no saved assessment shows")
	assert.NotContains(t, body, "Segment comparison", "nor the template's editor")
	for _, sel := range []string{"#f-title", "#open-library", "#grid", "#questions", ".page.editor"} {
		var n []*cdp.Node
		require.NoError(t, chromedp.Run(ctx, chromedp.Nodes(sel, &n, chromedp.ByQuery, chromedp.AtLeast(0), app)))
		assert.Empty(t, n, "%s in the framed app", sel)
	}
	shot(t, ctx, "framed-1440")
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(375, 800)))
	time.Sleep(300 * time.Millisecond)
	shot(t, ctx, "framed-375")

	// The embed in the same page works: it showed the template.
	embed := chromedp.FromNode(frames[1])
	require.NoError(t, chromedp.Run(ctx, chromedp.Text("#visitor-title", &body, chromedp.ByQuery, embed)))
	assert.Equal(t, "Segment comparison: SMB vs Enterprise", body)

	// Served by `serve`, the frame without ?embed=1 is refused by the
	// browser (frame-ancestors 'self'), also once the service worker
	// answers (the app's own page opened first installs it), and the
	// embed still works.
	ctx = newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(baseURL+"/"), waitReady(),
		waitJSFor(60*time.Second, `navigator.serviceWorker.getRegistration().then(r => !!(r && r.active)).then(active => active && caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match(location.origin + "/web/app.wasm", {ignoreSearch: true}))))).then(rs => rs.some(Boolean)))`),
		chromedp.Navigate(serveHost(t, framingHost, baseURL)),
		waitJSFor(60*time.Second, `window.msgs.some(m => m.from === "embed" && m.data.type === "valuecalc:ready")`),
	))
	urls := frameURLs(t, ctx)
	require.Len(t, urls, 2)
	assert.True(t, strings.HasPrefix(urls[0], "chrome-error://"), "the app's page is refused: %s", urls[0])
	assert.Equal(t, baseURL+"/?embed=1&template=segments", urls[1])
}
