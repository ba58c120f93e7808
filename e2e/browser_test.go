//go:build e2e

// Package e2e drives the built valuecalc site in headless Chromium, as a
// user would: `make e2e` builds app.wasm and the valuecalc binary, and
// TestMain serves the site with `valuecalc serve` on 127.0.0.1.
package e2e

import (
	"context"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/internal/headless"
)

// baseURL is where TestMain serves the site, e.g. http://127.0.0.1:41234.
var baseURL string

func TestMain(m *testing.M) {
	os.Exit(serveAndRun(m))
}

func serveAndRun(m *testing.M) int {
	bin := envOr("VALUECALC_BIN", "../bin/valuecalc")
	web := envOr("VALUECALC_WEB", "../web")
	addr, err := freeAddr()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	cmd := exec.Command(bin, "serve", "-addr", addr, "-web", web)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting valuecalc serve:", err)
		return 1
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	baseURL = "http://" + addr
	if err := waitHTTP(baseURL+"/", 60*time.Second); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	return m.Run()
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitHTTP(url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		res, err := http.Get(url)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s did not answer within %s", url, timeout)
}

// newBrowser starts headless Chromium with a fresh profile and returns a tab
// context that ends with the test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return newBrowserFor(t, 2*time.Minute)
}

// newBrowserFor is newBrowser with a deadline of d for the whole test.
func newBrowserFor(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	// Not t.TempDir: Chromium may still be writing its profile while it
	// exits, and a failed clean-up must not fail the test.
	dir, err := os.MkdirTemp("", "valuecalc-chromium-")
	require.NoError(t, err)
	ctx, stop := headless.Start(envOr("CHROMIUM", "/usr/bin/chromium"), dir, d)
	t.Cleanup(func() {
		stop()
		os.RemoveAll(dir)
	})
	require.NoError(t, chromedp.Run(ctx), "starting Chromium")
	return ctx
}

// waitReady waits until the wasm client has mounted: the prerendered HTML
// already holds the markup, so elements alone prove nothing.
func waitReady() chromedp.Action {
	return chromedp.WaitVisible(`body[data-ready="1"]`, chromedp.ByQuery)
}

// typeInto replaces the text of the input with id by typing text into it,
// key by key, as a user would after selecting all of the field's text: the
// first key replaces the selection, so the field never passes through
// empty.
func typeInto(id, text string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		js := fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.focus(); el.select(); return true })()`, id)
		if err := chromedp.Evaluate(js, nil).Do(ctx); err != nil {
			return err
		}
		if text == "" {
			return chromedp.KeyEvent(kb.Delete).Do(ctx)
		}
		return chromedp.KeyEvent(text).Do(ctx)
	})
}

// cssEscape escapes an id for a CSS selector (ids here hold only letters,
// digits, '-' and '_', but may start with a digit after the prefix).
func cssEscape(id string) string { return strings.NewReplacer(".", `\.`, ":", `\:`).Replace(id) }

// dataValue reads the data-value attribute of the element with id as a
// number.
func dataValue(t *testing.T, ctx context.Context, id string) float64 {
	t.Helper()
	var s string
	var ok bool
	require.NoError(t, chromedp.Run(ctx, chromedp.AttributeValue("#"+cssEscape(id), "data-value", &s, &ok, chromedp.ByQuery)))
	require.True(t, ok, "#%s has no data-value", id)
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, "#%s data-value %q", id, s)
	return v
}

// waitValue waits until the data-value of #id is v (within 1e-9 relative).
func waitValue(id string, v float64) chromedp.Action {
	js := fmt.Sprintf(`(() => { const el = document.getElementById(%q); if (!el) return false; const x = parseFloat(el.dataset.value); return Math.abs(x - %v) <= 1e-9 * Math.max(1, Math.abs(%v)) })()`, id, v, v)
	return waitJS(js)
}

// waitJS polls a JavaScript expression until it is true.
func waitJS(expr string) chromedp.Action { return waitJSFor(15*time.Second, expr) }

// waitJSFor polls a JavaScript expression (or a promise of one) until it
// is true, for at most d. It evaluates from the test, not with
// chromedp.Poll, whose in-page new Function the app's
// Content-Security-Policy rightly refuses.
func waitJSFor(d time.Duration, expr string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		deadline := time.Now().Add(d)
		for {
			var ok bool
			err := chromedp.Evaluate(expr, &ok, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
				return p.WithAwaitPromise(true)
			}).Do(ctx)
			if err == nil && ok {
				return nil
			}
			if time.Now().After(deadline) {
				if err != nil {
					return fmt.Errorf("waiting for %.80q: %w", expr, err)
				}
				return fmt.Errorf("waiting for %.80q: timeout after %s", expr, d)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

func approx(t *testing.T, want, got float64, msg string, args ...any) {
	t.Helper()
	assert.InDelta(t, want, got, 1e-9*math.Max(1, math.Abs(want)), append([]any{msg}, args...)...)
}

// serveHost serves a host page on an origin of its own: page, with args in
// its verbs (the app's address), and returns the page's address.
func serveHost(t *testing.T, page string, args ...any) string {
	t.Helper()
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, page, args...)
	}))
	t.Cleanup(host.Close)
	return host.URL
}

// recordMessages ends a host page: it records in window.msgs every message
// a frame posts, with the frame's id.
const recordMessages = `<script>
window.msgs = [];
window.addEventListener("message", (e) => {
  const from = [...document.querySelectorAll("iframe")].find(f => f.contentWindow === e.source);
  window.msgs.push({from: from ? from.id : "?", data: e.data});
});
</script></body></html>`
