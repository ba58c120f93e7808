//go:build e2e

package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The service worker installs while a first visit's page is still
// downloading app.wasm; it must not download it a second time (issue 25).
// The servers below count what they send: they see the page's requests and
// the worker's alike.

// slowWasm is how long the servers take to send app.wasm: long enough
// that the worker is fetched and installs while the page's download is
// under way, as on a real network.
const slowWasm = 2 * time.Second

// TestFirstVisitDownloadsWasmOnce: a first visit to a static build on a
// host that sends Cache-Control: max-age (GitHub Pages sends 600 s) gets
// app.wasm once, page and service worker together, and the app opens
// offline afterwards.
func TestFirstVisitDownloadsWasmOnce(t *testing.T) {
	site := newSiteServer(t, buildSite(t, envOr("VALUECALC_WEB", "../web")), "")
	site.cacheControl.Store("max-age=600")
	site.slowWasm.Store(int64(slowWasm))
	ctx := newBrowser(t)
	openAppAt(t, ctx, site.URL+"/?template=customer-value")
	require.NoError(t, chromedp.Run(ctx, waitCached()))
	time.Sleep(time.Second) // a second download, if any, would have started
	require.NotZero(t, site.workerAsked.Load(), "the service worker was registered")
	require.Less(t, site.workerAsked.Load(), site.wasmDone.Load(),
		"the worker installs while the page downloads app.wasm: the case this test is about")
	assert.EqualValues(t, 1, site.wasmSent.Load(), "app.wasm responses for the page and its service worker")

	site.Stop()
	openAppAt(t, ctx, site.URL+"/?template=segments")
	checkResults(t, ctx, template(t, "segments"))
	require.NoError(t, chromedp.Run(ctx, chromedp.Reload(), waitReady()))
	checkResults(t, ctx, template(t, "segments"))
}

// TestFirstVisitDownloadsWasmOnceFromServe: the same with `valuecalc
// serve` (TestMain's), behind a proxy that counts and slows app.wasm.
func TestFirstVisitDownloadsWasmOnceFromServe(t *testing.T) {
	target, err := url.Parse(baseURL)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var sent atomic.Int64
	var cacheControl, encoding atomic.Value
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isWasm(r.URL.String()) {
			proxy.ServeHTTP(w, r)
			return
		}
		cw := &wasmWriter{ResponseWriter: w, total: slowWasm}
		proxy.ServeHTTP(cw, r)
		if cw.status == http.StatusOK {
			sent.Add(1)
			cacheControl.Store(w.Header().Get("Cache-Control"))
			encoding.Store(w.Header().Get("Content-Encoding"))
		}
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	site := "http://" + ln.Addr().String()

	ctx := newBrowser(t)
	openAppAt(t, ctx, site+"/?template=customer-value")
	require.NoError(t, chromedp.Run(ctx, waitCached()))
	time.Sleep(time.Second)
	assert.EqualValues(t, 1, sent.Load(), "app.wasm responses for the page and its service worker")
	assert.Equal(t, "br", encoding.Load(), "the precompressed copy")
	assert.Equal(t, "public, max-age=31536000, immutable", cacheControl.Load(), "the versioned app.wasm may be kept")

	srv.Close()
	openAppAt(t, ctx, site+"/?template=segments")
	checkResults(t, ctx, template(t, "segments"))
}

// TestWorkerKeepsWasmOfTheNextVisit: a first visit that ends before the
// page has app.wasm (here a page that never loads it: go-app's
// ?wasm=false) leaves a worker without it; the next visit's download, which
// passes through the worker, is kept, not fetched again.
func TestWorkerKeepsWasmOfTheNextVisit(t *testing.T) {
	site := newSiteServer(t, buildSite(t, envOr("VALUECALC_WEB", "../web")), "")
	ctx := newBrowser(t)
	var state string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(site.URL+"/?wasm=false"),
		awaitJS(`navigator.serviceWorker.ready.then((r) => r.active.state)`, &state),
	))
	require.EqualValues(t, 0, site.wasmSent.Load(), "the first page did not load app.wasm")

	openAppAt(t, ctx, site.URL+"/?template=customer-value")
	require.NoError(t, chromedp.Run(ctx, waitCached()))
	time.Sleep(time.Second)
	assert.EqualValues(t, 1, site.wasmSent.Load(), "app.wasm responses for the page and its service worker")

	site.Stop()
	openAppAt(t, ctx, site.URL+"/?template=segments")
	checkResults(t, ctx, template(t, "segments"))
}

// TestUpdateOnMaxAgeHost: a new build with another app.wasm, deployed to a
// host that sends Cache-Control: max-age, reaches a user who visited the
// old one: the new version runs after the update, online and offline, and
// no file of the old build is taken from the browser's HTTP cache for it.
func TestUpdateOnMaxAgeHost(t *testing.T) {
	web := envOr("VALUECALC_WEB", "../web")
	v1 := buildSite(t, web)
	// The next build: an app.wasm that differs by a custom section at its
	// end, which WebAssembly ignores.
	web2 := filepath.Join(t.TempDir(), "web")
	require.NoError(t, os.CopyFS(web2, os.DirFS(web)))
	wasm2 := withCustomSection(t, filepath.Join(web2, "app.wasm"), "valuecalc-e2e", "build 2")
	v2 := buildSite(t, web2)
	later := time.Now().Add(time.Hour) // deployed later (If-Modified-Since)
	require.NoError(t, filepath.WalkDir(v2, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, later, later)
	}))
	sum := sha256.Sum256(wasm2)
	hash2 := hex.EncodeToString(sum[:])

	site := newSiteServer(t, v1, "")
	site.cacheControl.Store("max-age=600")
	ctx := newBrowser(t)
	openAppAt(t, ctx, site.URL+"/?template=customer-value")
	require.NoError(t, chromedp.Run(ctx, waitCached(), chromedp.Reload(), waitReady()))
	require.EqualValues(t, 1, site.wasmSent.Load())

	site.root.Store(v2)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`goappTryUpdate()`, nil),
		chromedp.WaitVisible("#update-banner", chromedp.ByQuery),
		chromedp.Click("#update-reload", chromedp.ByQuery),
		chromedp.Sleep(500*time.Millisecond),
		waitReady(),
	))
	// The page runs the new app.wasm, from the worker's cache, which holds
	// that one alone.
	var running string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
		`performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/web/app.wasm').map((e) => e.name).pop() || ""`, &running)))
	assert.Equal(t, site.URL+"/web/app.wasm?v="+hash2[:20], running)
	assert.Equal(t, []string{hash2}, cachedWasmDigests(t, ctx), "the worker's cache holds the new app.wasm")
	assert.EqualValues(t, 2, site.wasmSent.Load(), "app.wasm sent once for each version")

	site.Stop()
	openAppAt(t, ctx, site.URL+"/?template=segments")
	checkResults(t, ctx, template(t, "segments"))
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
		`performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/web/app.wasm').map((e) => e.name).pop() || ""`, &running)))
	assert.Equal(t, site.URL+"/web/app.wasm?v="+hash2[:20], running, "offline, the new version")
}

// TestWorkerRefusesAnotherBuildsWasm: a deployment caught half done, its
// pages new and its app.wasm still the old one, which the host sends for
// the new app.wasm?v=HASH (static hosts ignore the query): the worker
// keeps no app.wasm rather than the wrong one, and keeps the right one
// once it is there.
func TestWorkerRefusesAnotherBuildsWasm(t *testing.T) {
	web := envOr("VALUECALC_WEB", "../web")
	web2 := filepath.Join(t.TempDir(), "web")
	require.NoError(t, os.CopyFS(web2, os.DirFS(web)))
	wasm2 := withCustomSection(t, filepath.Join(web2, "app.wasm"), "valuecalc-e2e", "build 2")
	v2 := buildSite(t, web2)
	half := filepath.Join(t.TempDir(), "half")
	require.NoError(t, os.CopyFS(half, os.DirFS(v2)))
	old, err := os.ReadFile(filepath.Join(web, "app.wasm"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(half, "web", "app.wasm"), old, 0o644))
	later := time.Now().Add(time.Hour) // the deployment's end, later (If-Modified-Since)
	require.NoError(t, os.Chtimes(filepath.Join(v2, "web", "app.wasm"), later, later))

	site := newSiteServer(t, half, "")
	ctx := newBrowser(t)
	openAppAt(t, ctx, site.URL+"/?template=customer-value") // the old app.wasm runs the same app
	// The page's download, then the worker's own past the HTTP cache (or,
	// wrongly, the old app.wasm in the worker's cache).
	require.NoError(t, waitFor(func() bool { return site.wasmSent.Load() >= 2 || len(cachedWasmDigests(t, ctx)) > 0 }, 30*time.Second))
	time.Sleep(time.Second) // its check
	assert.Empty(t, cachedWasmDigests(t, ctx), "no app.wasm kept rather than another build's")

	site.root.Store(v2)
	require.NoError(t, chromedp.Run(ctx, chromedp.Reload(), waitReady(), waitCached()))
	sum := sha256.Sum256(wasm2)
	assert.Equal(t, []string{hex.EncodeToString(sum[:])}, cachedWasmDigests(t, ctx))
}

// waitFor polls cond until it holds, for at most d.
func waitFor(cond func() bool, d time.Duration) error {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("not within %s", d)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

// cachedWasmDigests returns the SHA-256, in hex, of every app.wasm in the
// page's caches.
func cachedWasmDigests(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var digests []string
	require.NoError(t, chromedp.Run(ctx, awaitJS(`(async () => {
		const out = [];
		for (const key of await caches.keys()) {
			const cache = await caches.open(key);
			for (const req of await cache.keys()) {
				if (new URL(req.url).pathname !== '/web/app.wasm') continue;
				const sum = await crypto.subtle.digest('SHA-256', await (await cache.match(req)).arrayBuffer());
				out.push(Array.from(new Uint8Array(sum), (b) => b.toString(16).padStart(2, '0')).join(''));
			}
		}
		return out;
	})()`, &digests)))
	return digests
}

// withCustomSection appends a WebAssembly custom section to the module at
// path and returns the new module.
func withCustomSection(t *testing.T, path, name, payload string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	body := binary.AppendUvarint(nil, uint64(len(name)))
	body = append(append(body, name...), payload...)
	b = append(b, 0) // custom section id
	b = binary.AppendUvarint(b, uint64(len(body)))
	b = append(b, body...)
	require.NoError(t, os.WriteFile(path, b, 0o644))
	return b
}
