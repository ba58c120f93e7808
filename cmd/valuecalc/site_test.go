//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "github.com/valuecalc/valuecalc/app"
)

// testCache is where this package's tests keep compressed copies
// (siteOptions.Cache): many tests build the same stand-in site, and brotli
// at quality 11 under the race detector made their builds take minutes.
var testCache string

func TestMain(m *testing.M) {
	ui.Register()
	dir, err := os.MkdirTemp("", "valuecalc-precompressed-")
	if err != nil {
		panic(err)
	}
	testCache = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
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
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: web, Out: out}))

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
	assertWasmURL(t, out, "", "\x00asm-v1")
}

// assertWasmURL checks that the page downloads app.wasm, and the service
// worker caches it, at the URL that names its content, under prefix.
func assertWasmURL(t *testing.T, out, prefix, wasm string) {
	t.Helper()
	sum := sha256.Sum256([]byte(wasm))
	want := `"` + prefix + `/web/app.wasm?v=` + hex.EncodeToString(sum[:])[:20] + `"`
	assert.True(t, strings.Contains(read(t, filepath.Join(out, "app.js")), "fetchWithProgress("+want), "app.js downloads %s", want)
	worker := read(t, filepath.Join(out, "app-worker.js"))
	_, list, _ := strings.Cut(worker, "const resourcesToCache = [")
	list, _, _ = strings.Cut(list, "]")
	assert.True(t, strings.Contains(list, want), "the worker caches %s: %s", want, list)
	assert.Equal(t, 1, strings.Count(list, "app.wasm"), list)
}

// TestBuildSiteWasmURLFollowsContent: a new app.wasm is asked for at a
// new URL, so no copy of the old one in any HTTP cache can answer for it.
func TestBuildSiteWasmURLFollowsContent(t *testing.T) {
	for _, wasm := range []string{"one", "two"} {
		out := t.TempDir()
		require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, wasm), Out: out}))
		assertWasmURL(t, out, "", wasm)
	}
}

func TestBuildSiteVersionFollowsContent(t *testing.T) {
	version := func(wasm string) string {
		out := t.TempDir()
		require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, wasm), Out: out}))
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
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, "w"), Out: out, Prefix: "/tools/valuecalc/"}))
	assert.Contains(t, read(t, filepath.Join(out, "index.html")), `href="/tools/valuecalc/web/app.css"`)
	assertWasmURL(t, out, "/tools/valuecalc", "w")
}

func TestBuildSiteWithoutWasm(t *testing.T) {
	web := t.TempDir()
	err := buildSite(siteOptions{Cache: testCache, Web: web, Out: t.TempDir()})
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
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, "\x00asm"), Out: out}))
	srv := httptest.NewServer(mustHandler(t, out))
	defer srv.Close()

	res, err := http.Get(srv.URL + "/web/app.wasm")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "script-src 'self' 'wasm-unsafe-eval'")
	assert.Equal(t, "\x00asm", string(body))

	res, err = http.Get(srv.URL + "/?template=segments")
	require.NoError(t, err)
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, string(body), "app.js")
	// Static hosts send no headers of ours: the page carries the policy.
	assert.Contains(t, string(body), `<meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;;`)
	assert.NotContains(t, string(body), "<script>", "no inline script for the policy to allow")
	headers := read(t, filepath.Join(out, "_headers"))
	assert.Contains(t, headers, "  Content-Security-Policy: default-src 'self';")
	assert.Contains(t, headers, "  X-Content-Type-Options: nosniff\n")
	assert.Contains(t, headers, "form-action 'none'; frame-ancestors *\n", "a static host cannot tell the embed by its query")
	assert.Contains(t, headers, "# frame-ancestors *: static hosts match these rules by path")
}

// TestFramePolicy: `serve` lets any site frame the embed's pages and only
// the site itself frame the rest.
func TestFramePolicy(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, "\x00asm"), Out: out}))
	h := mustHandler(t, out)
	for target, want := range map[string]string{
		"/?embed=1":                           "frame-ancestors *",
		"/?embed=1&template=segments&lang=de": "frame-ancestors *",
		"/?template=segments&embed=1&origin=https%3A%2F%2Fshop.example": "frame-ancestors *",
		"/":                   "frame-ancestors 'self'",
		"/index.html":         "frame-ancestors 'self'",
		"/?template=segments": "frame-ancestors 'self'",
		"/?embed=0":           "frame-ancestors 'self'",
		"/?embed=true":        "frame-ancestors 'self'",
		"/p/embed.html":       "frame-ancestors 'self'",
		"/?view=editor":       "frame-ancestors 'self'",
		"/web/app.wasm":       "frame-ancestors 'self'",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		csp := rec.Header().Get("Content-Security-Policy")
		assert.True(t, strings.HasSuffix(csp, "; "+want), "%s: %s", target, csp)
		assert.Equal(t, 1, strings.Count(csp, "frame-ancestors"), target)
		assert.Contains(t, csp, "default-src 'self'", target)
	}
}

// TestSiteHandlerCaching: app.wasm at this build's versioned URL may be
// kept by the browser's HTTP cache for a year, where the service worker
// finds the page's copy; in br, gzip or as it is, each its own entry
// (Vary). Everything else, and app.wasm at any other URL, is revalidated.
func TestSiteHandlerCaching(t *testing.T) {
	out := t.TempDir()
	wasm := strings.Repeat("\x00asm wasm bytes ", 4096)
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, wasm), Out: out}))
	srv := httptest.NewServer(mustHandler(t, out))
	defer srv.Close()
	sum := sha256.Sum256([]byte(wasm))
	versioned := "/web/app.wasm?v=" + hex.EncodeToString(sum[:])[:20]

	for _, accept := range []string{"br", "gzip", ""} {
		res, body := do(t, "GET", srv.URL+versioned, "Accept-Encoding", accept)
		assert.Equal(t, http.StatusOK, res.StatusCode, accept)
		assert.Equal(t, "public, max-age=31536000, immutable", res.Header.Get("Cache-Control"), accept)
		assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"), accept)
		assert.Equal(t, accept, res.Header.Get("Content-Encoding"))
		assert.NotEmpty(t, body)
	}
	for _, path := range []string{"/web/app.wasm", "/web/app.wasm?v=0123456789abcdef0123", "/", "/app.js", "/app-worker.js", "/index.html", "/web/app.css"} {
		res, _ := do(t, "GET", srv.URL+path, "Accept-Encoding", "br")
		assert.Equal(t, http.StatusOK, res.StatusCode, path)
		assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"), path)
	}
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
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, wasm), Out: out}))
	srv := httptest.NewServer(mustHandler(t, out))
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
	res, body := get("/web/app.wasm", "gzip, deflate")
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
	assert.Less(t, len(body), len(wasm)/4)
	assert.Equal(t, wasm, gunzip(t, body))

	for _, accept := range []string{"", "identity", "gzip;q=0", "compress"} {
		res, body = get("/web/app.wasm", accept)
		assert.Empty(t, res.Header.Get("Content-Encoding"), accept)
		assert.Equal(t, wasm, string(body), accept)
	}
	res, _ = get("/app.js", "gzip")
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.Contains(t, res.Header.Get("Content-Type"), "javascript")
	// The page at "/" is index.html, compressed like any other page.
	res, body = get("/", "gzip")
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Contains(t, gunzip(t, body), "app.js")
}

func mustHandler(t *testing.T, dir string) http.Handler {
	t.Helper()
	h, err := siteHandler(dir)
	require.NoError(t, err)
	return h
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	return string(plain)
}

func unbrotli(t *testing.T, b []byte) string {
	t.Helper()
	plain, err := io.ReadAll(brotli.NewReader(bytes.NewReader(b)))
	require.NoError(t, err)
	return string(plain)
}

// decode returns a body as it was before its Content-Encoding.
func decode(t *testing.T, res *http.Response, body []byte) string {
	t.Helper()
	switch enc := res.Header.Get("Content-Encoding"); enc {
	case "br":
		return unbrotli(t, body)
	case "gzip":
		return gunzip(t, body)
	case "":
		return string(body)
	default:
		t.Fatalf("unexpected Content-Encoding %q", enc)
		return ""
	}
}

// compressedSite builds a site around a wasm stand-in and serves it. The
// stand-in compresses to half, no better: a body larger than the server's
// buffer, whose Content-Length the server cannot fill in by itself.
func compressedSite(t *testing.T) (wasm string, srv *httptest.Server) {
	t.Helper()
	out := t.TempDir()
	rnd := rand.New(rand.NewPCG(1, 2))
	digits := make([]byte, 64<<10)
	for i := range digits {
		digits[i] = "0123456789abcdef"[rnd.IntN(16)]
	}
	wasm = "\x00asm" + string(digits)
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, wasm), Out: out}))
	srv = httptest.NewServer(mustHandler(t, out))
	t.Cleanup(srv.Close)
	return wasm, srv
}

// do sends a request with the headers given (in pairs) by hand, so that
// Go's transport decodes nothing itself.
func do(t *testing.T, method, url string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "") // no transparent gzip
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	res.Body.Close()
	return res, body
}

func TestBuildSiteWritesBrotliAndGzip(t *testing.T) {
	web := fakeWeb(t, "\x00asm-v1")
	out := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: web, Out: out}))
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "app.css", "manifest.webmanifest", "web/app.wasm", "web/app.css", "web/img/x.svg"} {
		plain := read(t, filepath.Join(out, f))
		assert.Equal(t, plain, unbrotli(t, []byte(read(t, filepath.Join(out, f+".br")))), f)
		assert.Equal(t, plain, gunzip(t, []byte(read(t, filepath.Join(out, f+".gz")))), f)
	}
	assert.NoFileExists(t, filepath.Join(out, "_headers.br"), "a file no browser asks for")
}

func TestSiteHandlerNegotiatesEncoding(t *testing.T) {
	wasm, srv := compressedSite(t)
	tests := []struct {
		name, accept, want string
	}{
		{"Chromium", "gzip, deflate, br, zstd", "br"},
		{"br preferred on a tie", "gzip, br", "br"},
		{"br alone", "br", "br"},
		{"upper case", "BR", "br"},
		{"br refused", "br;q=0, gzip", "gzip"},
		{"gzip only", "gzip", "gzip"},
		{"gzip ranked higher", "gzip;q=1.0, br;q=0.5", "gzip"},
		{"br ranked higher", "gzip;q=0.5, br;q=0.8", "br"},
		{"spaces in q", "gzip ; q=0.9, br ; q = 0.1", "gzip"},
		{"anything", "*", "br"},
		{"anything but br", "*, br;q=0", "gzip"},
		{"none", "", ""},
		{"identity", "identity", ""},
		{"identity ranked higher", "identity, gzip;q=0.5", ""},
		{"everything refused", "*;q=0", ""},
		{"gzip refused", "gzip;q=0", ""},
		{"unknown coding", "compress, deflate", ""},
		{"malformed q", "br;q=x, gzip;q=2", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", tt.accept)
			assert.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tt.want, res.Header.Get("Content-Encoding"))
			assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
			assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
			assert.Equal(t, strconv.Itoa(len(body)), res.Header.Get("Content-Length"))
			assert.Equal(t, wasm, decode(t, res, body))
			if tt.want != "" {
				assert.Less(t, len(body), len(wasm)*3/4)
			}
		})
	}
}

func TestSiteHandlerHead(t *testing.T) {
	_, srv := compressedSite(t)
	for _, accept := range []string{"br", "gzip", ""} {
		get, body := do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", accept)
		head, none := do(t, "HEAD", srv.URL+"/web/app.wasm", "Accept-Encoding", accept)
		assert.Equal(t, http.StatusOK, head.StatusCode, accept)
		assert.Empty(t, none, accept)
		assert.Equal(t, strconv.Itoa(len(body)), head.Header.Get("Content-Length"), accept)
		for _, k := range []string{"Content-Encoding", "Content-Type", "Etag", "Last-Modified", "Vary"} {
			assert.Equal(t, get.Header.Get(k), head.Header.Get(k), "%s %s", accept, k)
		}
	}
}

// A range is of the file itself: a client that resumes a download, or
// asks for a part, never gets a slice of compressed bytes.
func TestSiteHandlerRange(t *testing.T) {
	wasm, srv := compressedSite(t)
	full, _ := do(t, "GET", srv.URL+"/web/app.wasm")
	for _, accept := range []string{"br", "gzip", ""} {
		res, body := do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", accept, "Range", "bytes=100-199")
		assert.Equal(t, http.StatusPartialContent, res.StatusCode, accept)
		assert.Empty(t, res.Header.Get("Content-Encoding"), accept)
		assert.Equal(t, fmt.Sprintf("bytes 100-199/%d", len(wasm)), res.Header.Get("Content-Range"), accept)
		assert.Equal(t, wasm[100:200], string(body), accept)
		assert.Equal(t, full.Header.Get("Etag"), res.Header.Get("Etag"), accept)

		// If-Range with the file's validator gets the range; with another
		// encoding's, the whole file (RFC 9110 §13.1.5).
		res, body = do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", accept, "Range", "bytes=0-9", "If-Range", full.Header.Get("Etag"))
		assert.Equal(t, http.StatusPartialContent, res.StatusCode, accept)
		assert.Equal(t, wasm[:10], string(body), accept)
		br, _ := do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", "br")
		res, body = do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", accept, "Range", "bytes=0-9", "If-Range", br.Header.Get("Etag"))
		assert.Equal(t, http.StatusOK, res.StatusCode, accept)
		assert.Equal(t, wasm, decode(t, res, body), accept)
	}
}

// Each encoding is a representation of its own: its own ETag, so that a
// cache never revalidates brotli bytes as gzip ones, and the file's
// Last-Modified, which is one date whatever the encoding.
func TestSiteHandlerValidators(t *testing.T) {
	_, srv := compressedSite(t)
	etags := map[string]string{}
	var modified string
	for _, accept := range []string{"br", "gzip", ""} {
		res, _ := do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", accept)
		etag := res.Header.Get("Etag")
		require.Regexp(t, `^"[0-9a-f]+(-br|-gzip)?"$`, etag, accept)
		etags[accept] = etag
		if modified == "" {
			modified = res.Header.Get("Last-Modified")
			require.NotEmpty(t, modified)
		}
		assert.Equal(t, modified, res.Header.Get("Last-Modified"), accept)

		again, _ := do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", accept)
		assert.Equal(t, etag, again.Header.Get("Etag"), "stable for %q", accept)
		res, body := do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", accept, "If-None-Match", etag)
		assert.Equal(t, http.StatusNotModified, res.StatusCode, accept)
		assert.Empty(t, body)
		assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"), accept)
	}
	assert.Len(t, slices.Compact(slices.Sorted(maps.Values(etags))), 3, "one ETag per encoding: %v", etags)

	// A validator of another encoding does not match.
	res, body := do(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding", "gzip", "If-None-Match", etags["br"])
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.NotEmpty(t, body)
}

// brotli is for the build tool and the server: app.wasm must never carry
// it (main_wasm.go vs main.go; the files that use it are !wasm).
func TestWasmLeavesOutServerPackages(t *testing.T) {
	list := func(goos, goarch string) []string {
		cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "list", "-deps", ".")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "GOFLAGS=")
		out, err := cmd.Output()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("go list: %v\n%s", err, exit.Stderr)
		}
		require.NoError(t, err)
		return strings.Fields(string(out))
	}
	const pkg = "github.com/andybalholm/brotli"
	assert.Contains(t, list(runtime.GOOS, runtime.GOARCH), pkg, "the server compresses with it")
	for _, dep := range list("js", "wasm") {
		assert.False(t, strings.HasPrefix(dep, pkg), "app.wasm links %s", dep)
	}
}
