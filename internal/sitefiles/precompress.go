package sitefiles

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// An encoding is a content coding the site is precompressed in: the
// Content-Encoding name, the suffix of its files and how to make one.
type encoding struct {
	name, ext string
	// tag names the settings in the cache's file names, so that changing
	// them never serves an old copy.
	tag      string
	compress func(w io.Writer, data []byte) error
}

// encodings are the precompressed copies Precompress writes and Handler
// sends, in order of preference: brotli is about a quarter smaller than
// gzip on app.wasm and every current browser accepts it; gzip is for the
// clients that do not.
var encodings = []encoding{
	{name: "br", ext: ".br", tag: "br-q11", compress: compressBrotli},
	{name: "gzip", ext: ".gz", tag: "gzip-9", compress: compressGzip},
}

// compressible are the kinds of file worth compressing, with the
// Content-Type they are served with (set by hand: a compressed body cannot
// be sniffed, and Go's table lacks .webmanifest).
var compressible = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".json":        "application/json",
}

func compressBrotli(w io.Writer, data []byte) error {
	// The default window (4 MiB at quality 11): the largest one the
	// format allows, 16 MiB, holds all of app.wasm but made it no smaller.
	bw := brotli.NewWriterLevel(w, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	return bw.Close()
}

func compressGzip(w io.Writer, data []byte) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}

// cacheMaxAge is how long a compressed copy unused by any build stays in
// the cache.
const cacheMaxAge = 14 * 24 * time.Hour

// Precompress writes NAME.br (brotli, quality 11) and NAME.gz (gzip -9)
// beside every file of dir worth compressing, for servers that send
// precompressed files: Handler, nginx's brotli_static and gzip_static.
//
// Brotli at quality 11 takes tens of seconds on app.wasm, so when cache is
// not "" the copies are kept there by content hash and reused by every
// later build of the same file (serve builds the site at each start).
// Copies unused for two weeks are removed. It reports how many copies it
// had to compress.
func Precompress(dir, cache string) (int, error) {
	type job struct {
		path string
		size int64
		enc  encoding
	}
	var jobs []job
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || compressible[filepath.Ext(p)] == "" {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		for _, enc := range encodings {
			jobs = append(jobs, job{p, info.Size(), enc})
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	// Largest first (app.wasm's brotli is most of the work), so that the
	// other workers get through everything else meanwhile.
	slices.SortStableFunc(jobs, func(a, b job) int { return cmp.Compare(b.size, a.size) })
	if cache != "" {
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return 0, fmt.Errorf("compression cache: %w", err)
		}
	}
	var (
		mu       sync.Mutex
		errs     []error
		misses   int
		next     = make(chan job)
		wg       sync.WaitGroup
		nworkers = max(1, min(runtime.GOMAXPROCS(0), len(jobs)))
	)
	for range nworkers {
		wg.Go(func() {
			for j := range next {
				miss, err := precompressFile(j.path, j.enc, cache)
				mu.Lock()
				if err != nil {
					errs = append(errs, fmt.Errorf("%s %s: %w", j.enc.name, j.path, err))
				}
				if miss {
					misses++
				}
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return misses, err
	}
	if cache != "" {
		pruneCache(cache, time.Now().Add(-cacheMaxAge))
	}
	return misses, nil
}

// precompressFile writes path's copy in enc, from the cache when it holds
// one; miss says it had to compress.
func precompressFile(path string, enc encoding, cache string) (miss bool, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	out := path + enc.ext
	if cache == "" {
		var buf bytes.Buffer
		if err := enc.compress(&buf, data); err != nil {
			return true, err
		}
		return true, os.WriteFile(out, buf.Bytes(), 0o644)
	}
	sum := sha256.Sum256(data)
	cached := filepath.Join(cache, hex.EncodeToString(sum[:])+"."+enc.tag)
	if b, err := os.ReadFile(cached); err == nil {
		now := time.Now()
		os.Chtimes(cached, now, now) // still in use: keep it from pruning
		return false, os.WriteFile(out, b, 0o644)
	}
	var buf bytes.Buffer
	if err := enc.compress(&buf, data); err != nil {
		return true, err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return true, err
	}
	// Written aside and renamed, so that another build running at the same
	// time never reads half a file.
	tmp, err := os.CreateTemp(cache, ".tmp-*")
	if err != nil {
		return true, err
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), cached)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return true, err
}

// pruneCache removes the cache's files last used before cutoff. Failing
// to remove one is harmless: it goes next time.
func pruneCache(cache string, cutoff time.Time) {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(cache, e.Name()))
		}
	}
}
