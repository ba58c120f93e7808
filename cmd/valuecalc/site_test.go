//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "github.com/valuecalc/valuecalc/app"
)

func TestMain(m *testing.M) {
	ui.Register()
	os.Exit(m.Run())
}

// fakeWeb makes a web/ directory with a stand-in app.wasm and one asset.
func fakeWeb(t *testing.T, wasm string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.wasm"), []byte(wasm), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.css"), []byte("body{}"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "img"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "img", "x.svg"), []byte("<svg/>"), 0o644))
	return dir
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

func TestBuildSiteWritesEverything(t *testing.T) {
	web := fakeWeb(t, "\x00asm-v1")
	out := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Web: web, Out: out}))

	for _, f := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "app.css", "manifest.webmanifest", "web/app.wasm", "web/app.css", "web/img/x.svg"} {
		assert.FileExists(t, filepath.Join(out, f))
	}
	assert.Equal(t, "\x00asm-v1", read(t, filepath.Join(out, "web/app.wasm")))
	index := read(t, filepath.Join(out, "index.html"))
	assert.Contains(t, index, `href="/web/app.css"`)
	assert.Contains(t, index, "valuecalc")
	assert.NotContains(t, index, "githubusercontent", "icons must be local for offline use")
	manifest := read(t, filepath.Join(out, "manifest.webmanifest"))
	assert.Contains(t, manifest, `"/web/icon-192.png"`)
	assert.Contains(t, read(t, filepath.Join(out, "app.js")), `"/web/app.wasm"`)
}

func TestBuildSiteVersionFollowsContent(t *testing.T) {
	version := func(wasm string) string {
		out := t.TempDir()
		require.NoError(t, buildSite(siteOptions{Web: fakeWeb(t, wasm), Out: out}))
		js := read(t, filepath.Join(out, "app-worker.js"))
		i := strings.Index(js, `const cacheName = "app-" + "`)
		require.GreaterOrEqual(t, i, 0)
		return js[i : i+60]
	}
	a, b, a2 := version("one"), version("two"), version("one")
	assert.NotEqual(t, a, b, "a new app.wasm must give the service worker a new version")
	assert.Equal(t, a, a2, "the same build must keep its version")
}

func TestBuildSiteWithPrefix(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Web: fakeWeb(t, "w"), Out: out, Prefix: "/tools/valuecalc/"}))
	assert.Contains(t, read(t, filepath.Join(out, "index.html")), `href="/tools/valuecalc/web/app.css"`)
	assert.Contains(t, read(t, filepath.Join(out, "app.js")), `"/tools/valuecalc/web/app.wasm"`)
}

func TestBuildSiteWithoutWasm(t *testing.T) {
	web := t.TempDir()
	err := buildSite(siteOptions{Web: web, Out: t.TempDir()})
	require.ErrorIs(t, err, errNoWasm)
}

func TestCleanPrefix(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: "", want: ""},
		{in: "/", want: ""},
		{in: "repo", want: "/repo"},
		{in: "/a/b/", want: "/a/b"},
		{in: "/a/../b", bad: true},
		{in: "/a//b", bad: true},
		{in: "/a?x=1", bad: true},
		{in: "/a b", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := cleanPrefix(tt.in)
			if tt.bad {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSiteHandlerServesBuild(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Web: fakeWeb(t, "\x00asm"), Out: out}))
	srv := httptest.NewServer(siteHandler(out))
	defer srv.Close()

	res, err := http.Get(srv.URL + "/web/app.wasm")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "script-src 'self' 'wasm-unsafe-eval'")
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "frame-ancestors *")
	assert.Equal(t, "\x00asm", string(body))

	res, err = http.Get(srv.URL + "/?template=segments")
	require.NoError(t, err)
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, string(body), "app.js")
	// Static hosts send no headers of ours: the page carries the policy.
	assert.Contains(t, string(body), `<meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self';`)
	assert.NotContains(t, string(body), "<script>", "no inline script for the policy to allow")
	headers := read(t, filepath.Join(out, "_headers"))
	assert.Contains(t, headers, "  Content-Security-Policy: default-src 'self';")
	assert.Contains(t, headers, "  X-Content-Type-Options: nosniff\n")
}

func TestRunDispatch(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"frobnicate"}, nil, &out, &errb))
	assert.Contains(t, errb.String(), `unknown command "frobnicate"`)

	out.Reset()
	assert.Equal(t, 0, run([]string{"help"}, nil, &out, &errb))
	assert.Contains(t, out.String(), "valuecalc eval")

	errb.Reset()
	assert.Equal(t, 1, run([]string{"build", "-web", t.TempDir(), "-o", t.TempDir()}, nil, &out, &errb))
	assert.Contains(t, errb.String(), "app.wasm is missing")
}

func TestSiteHandlerGzip(t *testing.T) {
	out := t.TempDir()
	wasm := strings.Repeat("\x00asm wasm bytes ", 4096)
	require.NoError(t, buildSite(siteOptions{Web: fakeWeb(t, wasm), Out: out}))
	srv := httptest.NewServer(siteHandler(out))
	defer srv.Close()

	get := func(path, accept string) (*http.Response, []byte) {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Accept-Encoding", accept) // set by hand: no transparent decoding
		res, err := http.DefaultTransport.RoundTrip(req)
		require.NoError(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res, body
	}
	res, body := get("/web/app.wasm", "gzip, deflate, br")
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
	assert.Less(t, len(body), len(wasm)/4)
	zr, err := gzip.NewReader(bytes.NewReader(body))
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, wasm, string(plain))

	for _, accept := range []string{"", "identity", "gzip;q=0", "br"} {
		res, body = get("/web/app.wasm", accept)
		assert.Empty(t, res.Header.Get("Content-Encoding"), accept)
		assert.Equal(t, wasm, string(body), accept)
	}
	res, _ = get("/app.js", "gzip")
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.Contains(t, res.Header.Get("Content-Type"), "javascript")
	// The page at "/" comes from the file server as it is.
	res, body = get("/", "gzip")
	assert.Empty(t, res.Header.Get("Content-Encoding"))
	assert.Contains(t, string(body), "app.js")
}
