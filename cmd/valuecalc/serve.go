//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o siteOptions
	fl.StringVar(&o.Out, "o", "dist", "output `directory`")
	fl.StringVar(&o.Prefix, "prefix", "", "URL `path` the site is served under, e.g. /tools/valuecalc")
	fl.StringVar(&o.Web, "web", "web", "static assets `directory`, with app.wasm")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "valuecalc build: unexpected argument %q\n", fl.Arg(0))
		return 2
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
	if err := fl.Parse(args); err != nil {
		return 2
	}
	dir, err := os.MkdirTemp("", "valuecalc-site-")
	if err != nil {
		fmt.Fprintf(stderr, "valuecalc serve: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	// serve ships exactly what build writes: one path to test, no drift
	// between development and a static host.
	if err := buildSite(siteOptions{Web: *web, Out: dir}); err != nil {
		fmt.Fprintf(stderr, "valuecalc serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "valuecalc serve: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: siteHandler(dir), ReadHeaderTimeout: 10 * time.Second}
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

// siteHandler serves a built static site as a static host would, asking
// browsers to revalidate so a new build is picked up at once, and sending
// the gzipped copy of a file that build wrote one for (app.wasm shrinks to
// about a quarter) to browsers that accept it.
func siteHandler(dir string) http.Handler {
	root := http.Dir(dir)
	files := http.FileServer(root)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-cache")
		for _, kv := range securityHeaders {
			h.Set(kv[0], kv[1])
		}
		name := path.Clean("/" + r.URL.Path)
		if ctype := mime.TypeByExtension(path.Ext(name)); ctype != "" && gzipped[path.Ext(name)] {
			h.Set("Vary", "Accept-Encoding")
			if acceptsGzip(r) {
				if f, err := root.Open(name + ".gz"); err == nil {
					defer f.Close()
					if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
						h.Set("Content-Type", ctype)
						h.Set("Content-Encoding", "gzip")
						http.ServeContent(w, r, name, info.ModTime(), f)
						return
					}
				}
			}
		}
		files.ServeHTTP(w, r)
	})
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip
// ("gzip", "gzip;q=0.5" or "*"; not "gzip;q=0").
func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.TrimSpace(coding)
		if !strings.EqualFold(coding, "gzip") && coding != "*" {
			continue
		}
		if q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			if v, err := strconv.ParseFloat(q, 64); err == nil && v == 0 {
				return false
			}
		}
		return true
	}
	return false
}
