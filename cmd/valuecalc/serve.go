//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/valuecalc/valuecalc/internal/sitefiles"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	o := siteOptions{Cache: compressionCache()}
	fl.StringVar(&o.Out, "o", "dist", "output `directory`")
	fl.StringVar(&o.Prefix, "prefix", "", "URL `path` the site is served under, e.g. /tools/valuecalc")
	fl.StringVar(&o.Web, "web", "web", "static assets `directory`, with app.wasm")
	brandFile, templates := brandFlags(fl)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "valuecalc build: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	var ok bool
	if o.Brand, ok = openBrand("build", *brandFile, *templates, stderr); !ok {
		return 1
	}
	if err := buildSite(o); err != nil {
		fmt.Fprintf(stderr, "valuecalc build: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "static site written to %s\n", o.Out)
	return 0
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8000", "`host:port` to listen on")
	web := fl.String("web", "web", "static assets `directory`, with app.wasm")
	brandFile, templates := brandFlags(fl)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	b, ok := openBrand("serve", *brandFile, *templates, stderr)
	if !ok {
		return 1
	}
	// Listening comes first: a client that connects while the site is
	// built (brotli takes tens of seconds after a new app.wasm; see
	// sitefiles.Precompress) waits for its answer instead of being refused.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "valuecalc serve: %v\n", err)
		return 1
	}
	defer ln.Close()
	dir, err := os.MkdirTemp("", "valuecalc-site-")
	if err != nil {
		fmt.Fprintf(stderr, "valuecalc serve: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	fmt.Fprintf(stdout, "valuecalc: building the site for http://%s (after a new app.wasm, brotli takes up to a minute)\n", ln.Addr())
	// serve ships exactly what build writes: one path to test, no drift
	// between development and a static host.
	if err := buildSite(siteOptions{Web: *web, Out: dir, Cache: compressionCache(), Brand: b}); err != nil {
		fmt.Fprintf(stderr, "valuecalc serve: %v\n", err)
		return 1
	}
	handler, err := siteHandler(dir)
	if err != nil {
		fmt.Fprintf(stderr, "valuecalc serve: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "valuecalc serving on http://%s\n", ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "valuecalc serve: %v\n", err)
		return 1
	}
	return 0
}

// brandFlags declares -brand and -templates, which build and serve share.
func brandFlags(fl *flag.FlagSet) (brandFile, templates *string) {
	brandFile = fl.String("brand", "", "brand.json `file`: name, logo, accent, template, lang, currency (SPEC §10)")
	templates = fl.String("templates", "", "`directory` of *.json models offered first as templates")
	return brandFile, templates
}

// openBrand loads the brand, or lists its problems, one a line, and
// reports false.
func openBrand(cmd, brandFile, templates string, stderr io.Writer) (*brand, bool) {
	b, err := loadBrand(brandFile, templates)
	if err != nil {
		var probs problems
		if errors.As(err, &probs) {
			fmt.Fprintf(stderr, "valuecalc %s: the brand has %d problem(s):\n", cmd, len(probs))
			for _, p := range probs {
				fmt.Fprintf(stderr, "  %s\n", p)
			}
			return nil, false
		}
		fmt.Fprintf(stderr, "valuecalc %s: %v\n", cmd, err)
		return nil, false
	}
	return b, true
}

// siteHandler serves a built static site as a static host would, with
// its precompressed copies (sitefiles.Handler), asking browsers to
// revalidate so a new build is picked up at once; all but app.wasm at
// this build's versioned URL (wasmURL), which browsers may keep for a
// year: no other content is ever sent for it. The service worker takes
// a first visit's app.wasm from the browser's HTTP cache.
func siteHandler(dir string) (http.Handler, error) {
	files, err := sitefiles.Handler(dir)
	if err != nil {
		return nil, err
	}
	wasmHash, err := sitefiles.HashFile(filepath.Join(dir, filepath.FromSlash(wasmPath)))
	if err != nil {
		return nil, err
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if r.URL.Path == wasmPath && r.URL.Query().Get("v") == wasmHash {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		for _, kv := range securityHeaders {
			h.Set(kv[0], kv[1])
		}
		h.Set("Content-Security-Policy", contentSecurityPolicy+"; "+framePolicy(r))
		if name := prerenderedFile(dir, r); name != "" {
			r = r.Clone(r.Context())
			r.URL.Path, r.URL.RawPath = name, ""
		}
		files.ServeHTTP(w, r)
	}), nil
}
