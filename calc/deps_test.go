package calc_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This is a statement of policy, as in Go's src/go/build/deps_test.go:
// package calc is a pure library shared by the command line, the server
// and the WebAssembly UI. It uses the standard library only, and nothing
// in it that does I/O, reads the clock or randomness, or ties it to a
// platform; it keeps no mutable package state. Changing this list needs a
// reason good enough to change the architecture.

// forbidden are standard packages calc must not import, with why.
var forbidden = map[string]string{
	"syscall/js":     "only app touches the browser",
	"syscall":        "no system calls",
	"unsafe":         "no unsafe code",
	"os":             "no I/O: callers read and write files",
	"os/exec":        "no I/O",
	"io/fs":          "no I/O",
	"io/ioutil":      "no I/O",
	"net":            "no network",
	"net/http":       "no network: the server lives in cmd",
	"time":           "no clock: results depend on the model only",
	"math/rand":      "no randomness",
	"math/rand/v2":   "no randomness",
	"crypto/rand":    "no randomness",
	"runtime/cgo":    "pure Go",
	"plugin":         "pure Go",
	"log":            "no output: errors are returned",
	"log/slog":       "no output: errors are returned",
	"testing":        "tests only",
	"embed":          "no embedded files: vectors are test data",
	"reflect":        "no reflection of its own: encoding/json is enough",
	"sync":           "no shared state",
	"sync/atomic":    "no shared state",
	"encoding/gob":   "one file format",
	"encoding/xml":   "one file format",
	"path/filepath":  "no file paths",
	"text/template":  "no templates",
	"html/template":  "no templates: app renders",
	"runtime/debug":  "no runtime tuning",
	"internal/abi":   "not importable anyway",
	"expvar":         "no global state",
	"os/signal":      "no process control",
	"os/user":        "no user data",
	"database/sql":   "no storage",
	"mime/multipart": "no network",
	"net/url":        "app encodes links",
	"flag":           "cmd parses flags",
}

// checkImports returns the policy violations of one Go source file.
func checkImports(fset *token.FileSet, f *ast.File) []string {
	var bad []string
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			bad = append(bad, "bad import "+imp.Path.Value)
			continue
		}
		pos := fset.Position(imp.Pos()).String()
		first, _, _ := strings.Cut(path, "/")
		switch {
		case strings.Contains(first, "."):
			bad = append(bad, pos+": imports "+path+": calc uses the standard library only")
		case path == "C":
			bad = append(bad, pos+": imports C: calc is pure Go")
		case forbidden[path] != "":
			bad = append(bad, pos+": imports "+path+": "+forbidden[path])
		}
	}
	return bad
}

// checkState returns the package-level variables of f other than sentinel
// errors: calc keeps no mutable state.
func checkState(fset *token.FileSet, f *ast.File) []string {
	var bad []string
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if name.Name == "_" {
					continue
				}
				if strings.HasPrefix(name.Name, "Err") && i < len(vs.Values) && isErrorsNew(vs.Values[i]) {
					continue
				}
				bad = append(bad, fset.Position(name.Pos()).String()+": package variable "+name.Name+": calc keeps no mutable state")
			}
		}
	}
	return bad
}

func isErrorsNew(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "errors" && sel.Sel.Name == "New"
}

// checkInit returns the init functions of f: calc registers nothing.
func checkInit(fset *token.FileSet, f *ast.File) []string {
	var bad []string
	for _, decl := range f.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
			bad = append(bad, fset.Position(fn.Pos()).String()+": init function: calc registers nothing")
		}
	}
	return bad
}

func TestDependencyPolicy(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		require.NoError(t, err)
		assert.Equal(t, "calc", f.Name.Name, name)
		var bad []string
		bad = append(bad, checkImports(fset, f)...)
		bad = append(bad, checkState(fset, f)...)
		bad = append(bad, checkInit(fset, f)...)
		for _, b := range bad {
			t.Error(b)
		}
		checked++
	}
	assert.GreaterOrEqual(t, checked, 8, "the policy must see calc's files")
}

// TestDependencyPolicyCatches makes sure the checks above can fail.
func TestDependencyPolicyCatches(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // part of the one violation
	}{
		{"module package", `package calc; import "github.com/valuecalc/valuecalc/app"`, "standard library only"},
		{"third-party", `package calc; import "github.com/stretchr/testify/assert"`, "standard library only"},
		{"golang.org/x", `package calc; import "golang.org/x/text/language"`, "standard library only"},
		{"browser", `package calc; import "syscall/js"`, "browser"},
		{"network", `package calc; import "net/http"`, "network"},
		{"files", `package calc; import "os"`, "I/O"},
		{"clock", `package calc; import "time"`, "clock"},
		{"randomness", `package calc; import "math/rand"`, "randomness"},
		{"renamed import", `package calc; import r "math/rand/v2"`, "randomness"},
		{"cgo", `package calc; import "C"`, "pure Go"},
		{"mutable state", `package calc; var cache = map[string]int{}`, "mutable state"},
		{"error not made by errors.New", `package calc; var ErrX = fmt.Errorf("x")`, "mutable state"},
		{"init", `package calc; func init() {}`, "registers nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "x.go", tt.src, 0)
			require.NoError(t, err)
			bad := append(append(checkImports(fset, f), checkState(fset, f)...), checkInit(fset, f)...)
			require.Len(t, bad, 1)
			assert.Contains(t, bad[0], tt.want)
		})
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", `package calc
import ("errors"; "math"; "encoding/json"; "strconv")
var ErrX = errors.New("x")
func (t T) init() {}`, 0)
	require.NoError(t, err)
	assert.Empty(t, append(append(checkImports(fset, f), checkState(fset, f)...), checkInit(fset, f)...))
}
