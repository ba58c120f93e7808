package sitefiles

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func write(t *testing.T, p, s string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
}

func TestPrecompressReusesTheCache(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "cache")
	site := func() string {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "web", "app.wasm"), "\x00asm the same build")
		write(t, filepath.Join(dir, "index.html"), "<html>hello</html>")
		write(t, filepath.Join(dir, "web", "icon.png"), "not worth compressing")
		return dir
	}
	first := site()
	misses, err := Precompress(first, cache)
	require.NoError(t, err)
	assert.Equal(t, 4, misses, "two files, two encodings")
	assert.NoFileExists(t, filepath.Join(first, "web", "icon.png.br"))
	entries, err := os.ReadDir(cache)
	require.NoError(t, err)
	assert.Len(t, entries, 4)

	// The next build of the same files compresses nothing: it copies what
	// the cache holds (here made recognisable to prove where it came from).
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".br-q11" {
			var b bytes.Buffer
			bw := brotli.NewWriter(&b)
			bw.Write([]byte("from the cache"))
			require.NoError(t, bw.Close())
			write(t, filepath.Join(cache, e.Name()), b.String())
		}
	}
	second := site()
	misses, err = Precompress(second, cache)
	require.NoError(t, err)
	assert.Zero(t, misses)
	plain, err := io.ReadAll(brotli.NewReader(bytes.NewReader(readFile(t, filepath.Join(second, "web", "app.wasm.br")))))
	require.NoError(t, err)
	assert.Equal(t, "from the cache", string(plain))

	// A changed file is compressed anew.
	write(t, filepath.Join(second, "web", "app.wasm"), "\x00asm a new build")
	misses, err = Precompress(second, cache)
	require.NoError(t, err)
	assert.Equal(t, 2, misses)
}

func TestPrecompressPrunesUnusedCopies(t *testing.T) {
	cache := t.TempDir()
	old := time.Now().Add(-cacheMaxAge - time.Hour)
	write(t, filepath.Join(cache, "stale.br-q11"), "x")
	require.NoError(t, os.Chtimes(filepath.Join(cache, "stale.br-q11"), old, old))
	dir := t.TempDir()
	write(t, filepath.Join(dir, "app.js"), "console.log(1)")
	_, err := Precompress(dir, cache)
	require.NoError(t, err)
	assert.NoFileExists(t, filepath.Join(cache, "stale.br-q11"))
	entries, err := os.ReadDir(cache)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "app.js in br and gzip")
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return b
}
