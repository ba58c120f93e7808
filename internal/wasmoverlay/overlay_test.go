package wasmoverlay

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// goList lists the packages ./cmd/valuecalc links for the browser, with
// extra flags.
func goList(t *testing.T, flags ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append(append([]string{"list", "-deps"}, flags...), "./cmd/valuecalc")...)
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	return strings.Fields(string(out))
}

// The browser build with the written go.mod links go-app without net/http
// and what it drags in; without it, they are linked.
func TestBrowserBuildLeavesOutNetHTTP(t *testing.T) {
	mod, err := Write(filepath.Join("..", ".."), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	server := []string{"net/http", "crypto/tls", "crypto/x509", "crypto/ecdsa", "mime/multipart"}
	plain := goList(t)
	for _, p := range server {
		if !slices.Contains(plain, p) {
			t.Errorf("go-app as it is no longer links %s: is the copy still needed?", p)
		}
	}
	deps := goList(t, "-modfile="+mod)
	if !slices.Contains(deps, Module+"/pkg/app") {
		t.Fatalf("the browser build does not link go-app: %v", deps)
	}
	for _, p := range server {
		if slices.Contains(deps, p) {
			t.Errorf("the browser build links %s", p)
		}
	}
}

// Write fails, naming the file, when go-app's text is not what an edit
// expects, instead of building something else.
func TestApplyRefusesAChangedFile(t *testing.T) {
	es := edits["resource.go"]
	if _, err := apply("resource.go", "package app\n", es); err == nil || !strings.Contains(err.Error(), "pkg/app/resource.go") {
		t.Errorf("apply on a changed file: %v", err)
	}
	twice := "\t\"net/http\"\n\t\"net/http\"\n"
	if _, err := apply("resource.go", twice, es[:1]); err == nil {
		t.Error("apply on a text matching twice: no error")
	}
	got, err := apply("resource.go", "import (\n\t\"net/http\"\n\t\"strings\"\n)\n", es[:1])
	if err != nil || got != "import (\n\t\"strings\"\n)\n" {
		t.Errorf("apply = %q, %v", got, err)
	}
}
