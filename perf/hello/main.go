//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// main writes the static site: hello -o DIR [-web DIR]. The web directory
// holds app.wasm (built with GOOS=js GOARCH=wasm) and the local icons; it
// is copied to DIR/web as valuecalc's build copies its web/.
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
	version, err := hashTree(web)
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
	return copyDir(web, filepath.Join(out, "web"))
}

// hashTree is a short hash of every file under dir, so a new build gets a
// new service worker version.
func hashTree(dir string) (string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	sum := sha256.New()
	for _, p := range files {
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(sum, "%s\x00", filepath.ToSlash(rel))
		f, err := os.Open(p)
		if err != nil {
			return "", err
		}
		_, err = io.Copy(sum, f)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(sum.Sum(nil))[:16], nil
}

// copyDir copies the regular files directly in src into dst.
func copyDir(src, dst string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if err := copyFile(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
