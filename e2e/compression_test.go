//go:build e2e

package e2e

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// builtWasm is the app.wasm the server was started with.
func builtWasm(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(envOr("VALUECALC_WEB", "../web"), "app.wasm"))
	require.NoError(t, err)
	return b
}

// Chromium asks for br and gets app.wasm in brotli, decodes it to the very
// bytes that were built, and the app starts from it.
func TestBrowserGetsBrotliWasm(t *testing.T) {
	want := builtWasm(t)
	ctx := newBrowser(t)
	var (
		mu       sync.Mutex
		encoding []string // Content-Encoding of every app.wasm response
	)
	chromedp.ListenTarget(ctx, func(ev any) {
		e, ok := ev.(*network.EventResponseReceived)
		if !ok || !isWasm(e.Response.URL) || e.Response.FromServiceWorker {
			return
		}
		enc := "identity"
		for k, v := range e.Response.Headers {
			if strings.EqualFold(k, "Content-Encoding") {
				enc = fmt.Sprint(v)
			}
		}
		mu.Lock()
		encoding = append(encoding, enc)
		mu.Unlock()
	})
	require.NoError(t, chromedp.Run(ctx, network.Enable(), chromedp.Navigate(baseURL+"/"), waitReady()))

	mu.Lock()
	got := append([]string(nil), encoding...)
	mu.Unlock()
	require.NotEmpty(t, got, "the page loaded app.wasm from the network")
	assert.Equal(t, "br", got[0])

	// What the page received, as the browser decoded it.
	var sizes struct {
		Encoded int64 `json:"enc"`
		Decoded int64 `json:"dec"`
	}
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const e = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/web/app.wasm');
		return {enc: e.encodedBodySize, dec: e.decodedBodySize};
	})()`, &sizes)))
	assert.Equal(t, int64(len(want)), sizes.Decoded)
	assert.Less(t, sizes.Encoded, int64(len(want))/4, "brotli bytes over the wire")

	var digest string
	require.NoError(t, chromedp.Run(ctx, awaitJS(`(async () => {
		const res = await fetch('/web/app.wasm', {cache: 'no-store'});
		const sum = await crypto.subtle.digest('SHA-256', await res.arrayBuffer());
		return Array.from(new Uint8Array(sum), (b) => b.toString(16).padStart(2, '0')).join('');
	})()`, &digest)))
	sum := sha256.Sum256(want)
	assert.Equal(t, hex.EncodeToString(sum[:]), digest, "app.wasm as Chromium decoded it")
}

// A client without brotli gets gzip; one that asks for br gets brotli; each
// decodes to the app.wasm that was built.
func TestPlainClientsGetGzipOrBrotli(t *testing.T) {
	want := builtWasm(t)
	get := func(accept string) (*http.Response, []byte) {
		req, err := http.NewRequest(http.MethodGet, baseURL+"/web/app.wasm", nil)
		require.NoError(t, err)
		req.Header.Set("Accept-Encoding", accept) // set by hand: Go decodes nothing then
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, res.StatusCode)
		assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
		assert.Equal(t, fmt.Sprint(len(body)), res.Header.Get("Content-Length"))
		assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
		return res, body
	}

	res, body := get("gzip")
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	zr, err := gzip.NewReader(bytes.NewReader(body))
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, plain), "gzip decodes to web/app.wasm")
	gzipLen := len(body)

	res, body = get("gzip, deflate, br")
	assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
	plain, err = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, plain), "brotli decodes to web/app.wasm")
	assert.Less(t, len(body), gzipLen, "brotli is the smaller")
	t.Logf("app.wasm: %d B, gzip %d B, brotli %d B", len(want), gzipLen, len(body))
}
