//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/internal/sitefiles"
)

// main writes the static site: hello -o DIR [-web DIR]. The web directory
// holds app.wasm (built with GOOS=js GOARCH=wasm) and the local icons; it
// is copied to DIR/web, and compressed, as valuecalc's build does.
func main() {
	out := flag.String("o", "", "output `directory` of the static site")
	web := flag.String("web", filepath.Join("perf", "hello", "web"), "`directory` with app.wasm and the icons")
	flag.Parse()
	register()
	app.RunWhenOnBrowser() // a no-op outside the browser
	if app.IsClient {
		return
	}
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: hello -o DIR [-web DIR]")
		os.Exit(2)
	}
	if err := generate(*out, *web); err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
}

func generate(out, web string) error {
	wasm, err := os.Stat(filepath.Join(web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("app.wasm is missing: build it with GOOS=js GOARCH=wasm first: %w", err)
	}
	version, err := sitefiles.Hash(web)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	h := &app.Handler{
		Name:        "hello",
		ShortName:   "hello",
		Title:       "hello",
		Description: "go-app hello world: the baseline of valuecalc's performance budget",
		Lang:        "en",
		// Local icons only: go-app's defaults live on an external host.
		Icon: app.Icon{
			Default: "/web/icon-192.png",
			Large:   "/web/icon-512.png",
			SVG:     "/web/icon.svg",
		},
		Version:           version,
		WasmContentLength: strconv.FormatInt(wasm.Size(), 10),
	}
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return err
	}
	if err := sitefiles.CopyTree(web, filepath.Join(out, "web")); err != nil {
		return err
	}
	// The same brotli and gzip copies as valuecalc's build, from the same
	// cache, so that both sites go over the wire alike.
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "valuecalc", "precompressed")
	}
	_, err = sitefiles.Precompress(out, cache)
	return err
}
