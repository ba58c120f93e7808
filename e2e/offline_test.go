//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// awaitJS evaluates a JavaScript expression that may return a promise.
func awaitJS(expr string, res any) chromedp.Action {
	return chromedp.Evaluate(expr, res, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	})
}

// waitCached waits until the service worker has cached app.wasm: only then
// does the app load offline (the worker reports "activated" earlier).
func waitCached() chromedp.Action {
	return waitJSFor(30*time.Second, `(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		if (!reg) return false;
		const wasm = new URL("web/app.wasm", reg.scope).href; // asked for as app.wasm?v=HASH
		for (const key of await caches.keys()) {
			if (await (await caches.open(key)).match(wasm, {ignoreSearch: true})) return true;
		}
		return false;
	})()`)
}

// siteServer serves a built static site from a directory that can be
// swapped (a new deployment) and a server that can be stopped, as a plain
// static host: every file as it is, whatever the query, with one
// Cache-Control header for all. It counts the app.wasm it sends.
type siteServer struct {
	URL          string
	root         atomic.Value // string
	server       *http.Server
	cacheControl atomic.Value // string: "no-cache" unless set
	wasmSent     atomic.Int64 // app.wasm responses with a body (200s, not 304s)
	wasmDone     atomic.Int64 // when the last of them ended, Unix ns
	workerAsked  atomic.Int64 // when app-worker.js was first asked for, Unix ns
	// slowWasm, when set, is how long app.wasm's body takes to send: the
	// page's download is then still under way while the service worker
	// installs, as on a real network.
	slowWasm atomic.Int64 // time.Duration
}

func newSiteServer(t *testing.T, dir, prefix string) *siteServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &siteServer{URL: "http://" + ln.Addr().String()}
	s.root.Store(dir)
	s.cacheControl.Store("no-cache")
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", s.cacheControl.Load().(string))
		files := http.FileServer(http.Dir(s.root.Load().(string)))
		if path.Base(r.URL.Path) == "app-worker.js" {
			s.workerAsked.CompareAndSwap(0, time.Now().UnixNano())
		}
		if !isWasm(r.URL.String()) {
			files.ServeHTTP(w, r)
			return
		}
		cw := &wasmWriter{ResponseWriter: w, total: time.Duration(s.slowWasm.Load())}
		files.ServeHTTP(cw, r)
		if cw.status == http.StatusOK {
			s.wasmSent.Add(1)
			s.wasmDone.Store(time.Now().UnixNano())
		}
	})
	mux := http.NewServeMux()
	if prefix == "" {
		mux.Handle("/", h)
	} else {
		mux.Handle(prefix+"/", http.StripPrefix(prefix, h))
	}
	s.server = &http.Server{Handler: mux}
	go s.server.Serve(ln)
	t.Cleanup(s.Stop)
	return s
}

// Stop takes the site off the network: connections are refused.
func (s *siteServer) Stop() { s.server.Close() }

// isWasm reports whether a URL (or a path) is app.wasm's, whatever its
// query (app.wasm?v=HASH).
func isWasm(u string) bool {
	p, err := url.Parse(u)
	return err == nil && path.Base(p.Path) == "app.wasm"
}

// wasmWriter records a response's status and, when total is set, sends
// its body slowly: spread over about total for an app.wasm of 11 MB.
type wasmWriter struct {
	http.ResponseWriter
	status int
	total  time.Duration
}

func (w *wasmWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *wasmWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if w.total <= 0 {
		return w.ResponseWriter.Write(b)
	}
	const chunk, size = 64 << 10, 11 << 20
	n := 0
	for len(b) > 0 {
		k := min(chunk, len(b))
		m, err := w.ResponseWriter.Write(b[:k])
		n += m
		if err != nil {
			return n, err
		}
		if f, ok := w.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		time.Sleep(w.total * time.Duration(k) / size)
		b = b[k:]
	}
	return n, nil
}

// buildSite runs `valuecalc build` with args into a new directory.
func buildSite(t *testing.T, web string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	cmd := exec.Command(envOr("VALUECALC_BIN", "../bin/valuecalc"), append([]string{"build", "-o", out, "-web", web}, args...)...)
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, string(b))
	return out
}

// TestOfflineAndInstallable: after one visit the app loads and works with
// the server gone, from any of its URLs, and keeps the user's edits; the
// manifest and service worker make it installable.
func TestOfflineAndInstallable(t *testing.T) {
	site := newSiteServer(t, buildSite(t, envOr("VALUECALC_WEB", "../web")), "")
	ctx := newBrowser(t)
	m := template(t, "customer-value")
	openAppAt(t, ctx, site.URL+"/?template=customer-value")
	require.NoError(t, chromedp.Run(ctx,
		waitCached(),
		typeInto("f-title", "Offline check"),
		waitJS(`Object.keys(localStorage).some(k => localStorage.getItem(k).includes('"title":"Offline check"'))`),
	))
	checkResults(t, ctx, m)

	// Install criteria: a parsed manifest with the icons, and an active
	// service worker controlling the page.
	var manifestErrs []*page.AppManifestError
	var data string
	require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		_, manifestErrs, data, _, err = page.GetAppManifest().Do(ctx)
		return err
	})))
	assert.Empty(t, manifestErrs)
	var manifest struct {
		Name, ShortName, StartURL, Display, ThemeColor string
		Icons                                          []struct{ Src, Sizes, Purpose string }
	}
	require.NoError(t, json.Unmarshal([]byte(strings.NewReplacer(`"short_name"`, `"ShortName"`, `"start_url"`, `"StartURL"`, `"theme_color"`, `"ThemeColor"`).Replace(data)), &manifest))
	assert.Equal(t, "valuecalc", manifest.ShortName)
	assert.Equal(t, "standalone", manifest.Display)
	assert.NotEmpty(t, manifest.ThemeColor)
	sizes := map[string]string{}
	for _, ic := range manifest.Icons {
		sizes[ic.Sizes+" "+ic.Purpose] = ic.Src
	}
	assert.Contains(t, sizes, "192x192 ")
	assert.Contains(t, sizes, "512x512 ")
	assert.Contains(t, sizes, "512x512 maskable")
	for _, src := range sizes {
		assert.True(t, strings.HasPrefix(src, "/web/"), "icons are served locally: %s", src)
	}
	var state string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Reload(), waitReady(),
		awaitJS(`navigator.serviceWorker.ready.then(r => r.active.state + (navigator.serviceWorker.controller ? " controlling" : ""))`, &state),
	))
	assert.Equal(t, "activated controlling", state)

	assert.EqualValues(t, 1, site.wasmSent.Load(), "app.wasm sent once, to the page and its service worker")

	// The network goes away.
	site.Stop()
	require.NoError(t, chromedp.Run(ctx, chromedp.Reload(), waitReady(),
		waitJS(`document.getElementById("f-title").value === "Offline check"`)))
	checkResults(t, ctx, m)
	// Editing offline works and is kept.
	require.NoError(t, chromedp.Run(ctx,
		typeInto(fid("entry/with-us/quality"), "4"),
		waitValue("net-with-us", calc.Evaluate(m).Scenarios[1].Net-3),
		waitJS(`document.getElementById("save-status").textContent === "Saved on this device"`),
		chromedp.Reload(), waitReady(),
		waitValue("net-with-us", calc.Evaluate(m).Scenarios[1].Net-3),
	))
	// Any URL of the app opens offline, query and all.
	openAppAt(t, ctx, site.URL+"/?template=segments")
	checkResults(t, ctx, template(t, "segments"))
}

func openAppAt(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(url), waitReady()))
}

// TestUpdateKeepsEdits: when a new version is deployed the app says so
// and reloads on the user's word, and an edit made just before is kept.
func TestUpdateKeepsEdits(t *testing.T) {
	web := envOr("VALUECALC_WEB", "../web")
	v1 := buildSite(t, web)
	// The next deployment: the same app with one more asset, so a new version.
	web2 := filepath.Join(t.TempDir(), "web")
	require.NoError(t, os.CopyFS(web2, os.DirFS(web)))
	require.NoError(t, os.WriteFile(filepath.Join(web2, "release.txt"), []byte("v2\n"), 0o644))
	v2 := buildSite(t, web2)
	// Deployed later: static hosts answer If-Modified-Since by the files'
	// times, and both builds happen within the same second here.
	later := time.Now().Add(time.Hour)
	require.NoError(t, filepath.WalkDir(v2, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, later, later)
	}))

	site := newSiteServer(t, v1, "")
	ctx := newBrowser(t)
	openAppAt(t, ctx, site.URL+"/?template=customer-value")
	var before []string
	require.NoError(t, chromedp.Run(ctx,
		waitCached(),
		chromedp.Reload(), waitReady(),
		awaitJS(`caches.keys()`, &before),
	))
	require.Len(t, before, 1)

	site.root.Store(v2)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`goappTryUpdate()`, nil),
		chromedp.WaitVisible("#update-banner", chromedp.ByQuery),
		// An edit right before reloading, not yet autosaved.
		typeInto("f-title", "Edited before the update"),
		chromedp.Click("#update-reload", chromedp.ByQuery),
		chromedp.Sleep(500*time.Millisecond),
		waitReady(),
		waitJS(`document.getElementById("f-title").value === "Edited before the update"`),
	))
	var after []string
	require.NoError(t, chromedp.Run(ctx, awaitJS(`caches.keys()`, &after)))
	require.Len(t, after, 1)
	assert.NotEqual(t, before, after, "the new version's cache replaced the old one")
}

// TestSubPath: a site built with -prefix works from that sub-path: pages,
// scripts, links and the service worker, online and off.
func TestSubPath(t *testing.T) {
	const prefix = "/tools/valuecalc"
	site := newSiteServer(t, buildSite(t, envOr("VALUECALC_WEB", "../web"), "-prefix", prefix), prefix)
	ctx := newBrowser(t)
	m := template(t, "software-purchase")
	openAppAt(t, ctx, site.URL+prefix+"/?template=software-purchase")
	checkResults(t, ctx, m)

	var link, scope string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-share", chromedp.ByQuery),
		chromedp.Value("#share-link", &link, chromedp.ByQuery),
		waitCached(),
		awaitJS(`navigator.serviceWorker.ready.then(r => r.scope)`, &scope),
	))
	assert.True(t, strings.HasPrefix(link, site.URL+prefix+"/#m="), link)
	assert.Equal(t, site.URL+prefix+"/", scope)

	// A link opens under the sub-path, and so does the app offline.
	openAppAt(t, ctx, strings.Replace(link, "/#", "/?view=editor#", 1))
	checkResults(t, ctx, m)
	// The installed app starts inside the worker's scope, so it opens
	// offline too.
	var start string
	require.NoError(t, chromedp.Run(ctx, awaitJS(`fetch(document.querySelector("link[rel=manifest]").href).then(r => r.json()).then(m => m.start_url + " " + m.scope)`, &start)))
	assert.Equal(t, prefix+"/ "+prefix+"/", start)

	assert.EqualValues(t, 1, site.wasmSent.Load(), "app.wasm sent once, to the page and its service worker")

	site.Stop()
	openAppAt(t, ctx, site.URL+prefix+"/?template=segments")
	checkResults(t, ctx, template(t, "segments"))
	require.NoError(t, chromedp.Run(ctx, chromedp.Reload(), waitReady()))
	checkResults(t, ctx, template(t, "segments"))
}
