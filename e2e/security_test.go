//go:build e2e

package e2e

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSecurityPolicy: the served site sends the security headers, and the
// app does everything a user does without one Content-Security-Policy
// violation: the policy allows what the app needs and nothing more.
func TestSecurityPolicy(t *testing.T) {
	res, err := http.Get(baseURL + "/")
	require.NoError(t, err)
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'self'"} {
		assert.Contains(t, csp, want)
	}
	res, err = http.Get(baseURL + "/?embed=1&template=segments")
	require.NoError(t, err)
	res.Body.Close()
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "frame-ancestors *", "any site may frame the embed")
	assert.NotContains(t, csp, "unsafe-inline")
	assert.NotContains(t, csp, "'unsafe-eval'")
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	assert.Equal(t, "no-referrer", res.Header.Get("Referrer-Policy"))

	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.__csp = [];
			document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`).Do(ctx)
		return err
	})))
	openApp(t, ctx, "/?template=software-purchase")
	for i, step := range []chromedp.Action{
		typeInto(fid("entry/with-us/subscription"), "9000"),
		chromedp.Click("#explain-net-with-us", chromedp.ByQuery),
		chromedp.WaitVisible("#explain", chromedp.ByQuery),
		chromedp.Click("#explain-close", chromedp.ByQuery),
		chromedp.WaitNotPresent("#explain", chromedp.ByQuery),
		chromedp.Click("#open-share", chromedp.ByQuery),
		chromedp.WaitVisible("#share-link", chromedp.ByQuery),
		chromedp.Click("#share-close", chromedp.ByQuery),
		chromedp.WaitNotPresent("#share", chromedp.ByQuery),
		chromedp.Click("#open-report", chromedp.ByQuery),
		chromedp.WaitVisible("#report", chromedp.ByQuery),
		chromedp.Click("#report-back", chromedp.ByQuery),
		chromedp.WaitVisible("#grid", chromedp.ByQuery),
		chromedp.Click("#open-library", chromedp.ByQuery),
		chromedp.Click("#new-customer-value", chromedp.ByQuery),
		waitJS(`document.querySelectorAll(".legend svg.swatch").length > 0`),
	} {
		require.NoError(t, chromedp.Run(ctx, step), "step %d", i)
	}
	var violations []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__csp`, &violations)))
	assert.Empty(t, violations)

	// The policy is in force: an inline script is refused.
	var ran bool
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`(() => { const s = document.createElement("script"); s.textContent = "window.__inline = 1"; document.body.append(s); return window.__inline === 1 })()`, &ran),
	))
	assert.False(t, ran, "inline script blocked")
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__csp`, &violations)))
	// Reported once per policy in force: the header's and the page's <meta>.
	require.NotEmpty(t, violations)
	for _, v := range violations {
		assert.True(t, strings.HasPrefix(v, "script-src"), v)
	}
}
