// Package wasmoverlay writes the go.mod for the browser build that keeps
// go-app's server half out of app.wasm.
//
// go-app's package app imports net/http in every build, for its Handler
// (http.go) and LocalDir (resource.go), which only a server uses. In the
// browser nothing calls them, but an imported package's initialisation is
// always linked: net/http's pulls in crypto/tls, x509, ECDSA, RSA, ML-KEM,
// HPKE, mime and log, about 340 KB of app.wasm's brotli. The browser build
// uses a copy of go-app that leaves
// those two uses out of the wasm build (http.go gets a !wasm constraint,
// resource.go's LocalDir no longer embeds a file server, wasm.go drops
// GenerateStaticWebsite, whose argument is a *Handler), and changes nothing
// else: the server and the native tests use go-app as it is.
//
// Each edit must match go-app's file exactly once; after an upgrade that
// changed them, Write fails and says which, rather than building a
// different go-app.
package wasmoverlay

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Module is the module the copy edits.
const Module = "github.com/maxence-charriere/go-app/v10"

type edit struct{ old, new string }

// edits are go-app's files (under pkg/app) as the browser build reads
// them: each old text is replaced by its new one.
var edits = map[string][]edit{
	"http.go": {
		{"package app\n", "//go:build !wasm\n\npackage app\n"},
	},
	"resource.go": {
		{"\t\"net/http\"\n", ""},
		{"\t\tHandler:   http.FileServer(http.Dir(directory)),\n", ""},
		{"\thttp.Handler\n", ""},
	},
	"wasm.go": {
		{"import (\n\t\"runtime\"\n\n\t\"github.com/maxence-charriere/go-app/v10/pkg/errors\"\n)\n\n", ""},
		{"func GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {\n\tpanic(errors.New(\"unsupported instruction\").\n\t\tWithTag(\"architecture\", runtime.GOARCH))\n}\n\n", ""},
	},
}

// Write copies go-app's packages that app.wasm uses into dir/go-app with the
// edits made, and writes dir/wasm.mod (valuecalc's go.mod replacing go-app
// by that copy) and dir/wasm.sum; it returns wasm.mod's absolute path, for
// `go build -modfile`. (A -overlay cannot do it: go refuses to overlay
// files in the module cache.) root is valuecalc's module root; go-app is
// taken, downloaded if need be, at the version its go.mod requires.
func Write(root, dir string) (string, error) {
	src, err := moduleDir(root)
	if err != nil {
		return "", err
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "go-app")
	if err := os.RemoveAll(dst); err != nil {
		return "", err
	}
	for _, sub := range []string{".", "pkg/app", "pkg/errors"} {
		if err := copyDir(filepath.Join(src, sub), filepath.Join(dst, sub), sub == "."); err != nil {
			return "", err
		}
	}
	for name, es := range edits {
		path := filepath.Join(dst, "pkg", "app", name)
		b, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		text, err := apply(name, string(b), es)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return "", err
		}
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return "", err
	}
	mod = fmt.Appendf(mod, "\n// written by internal/wasmoverlay for the browser build\nreplace %s => %s\n", Module, dst)
	path := filepath.Join(dir, "wasm.mod")
	if err := os.WriteFile(path, mod, 0o644); err != nil {
		return "", err
	}
	return path, os.WriteFile(filepath.Join(dir, "wasm.sum"), sum, 0o644)
}

// copyDir copies a directory's files, not its tests nor subdirectories;
// top copies only go.mod and LICENSE.
func copyDir(from, to string, top bool) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, "_test.go") || top && name != "go.mod" && name != "LICENSE" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// apply makes each edit, each of which must match exactly once.
func apply(name, text string, es []edit) (string, error) {
	for _, e := range es {
		if n := strings.Count(text, e.old); n != 1 {
			return "", fmt.Errorf("wasmoverlay: go-app's pkg/app/%s has %d copies of %q, not 1: go-app changed, update internal/wasmoverlay", name, n, e.old)
		}
		text = strings.Replace(text, e.old, e.new, 1)
	}
	return text, nil
}

// moduleDir is go-app's directory in the module cache.
func moduleDir(root string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", Module)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			out = append(out, ee.Stderr...)
		}
		return "", fmt.Errorf("wasmoverlay: go mod download %s: %v\n%s", Module, err, out)
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal(out, &m); err != nil {
		return "", err
	}
	if m.Dir == "" {
		return "", fmt.Errorf("wasmoverlay: no directory for %s: %s", Module, m.Error)
	}
	return m.Dir, nil
}
