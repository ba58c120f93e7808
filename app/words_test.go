package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNoWordsOutsideTheCatalogue fails when a string literal that reads
// as words is written where the screen shows it, instead of a key of the
// catalogue (app/i18n): the text of an element or a text node, a title, a
// placeholder, an alt text, an aria-label; the Text, Label, Title,
// Placeholder, Description, Err and Status fields of components, notices
// and problems; and assignments to Err, SaveErr, Status and Text. Its
// arguments are searched whole, so "Move "+name+" up" is caught too.
// Literals without two letters in a row (symbols: "×", "→", "–") pass,
// and allowed lists the few words that are no language's.
func TestNoWordsOutsideTheCatalogue(t *testing.T) {
	allowed := map[string]bool{
		"valuecalc": true, // the product's name
	}
	word := regexp.MustCompile(`\pL{2,}`)
	shown := map[string]bool{"Text": true, "Title": true, "Placeholder": true, "Alt": true}
	fields := map[string]bool{"Text": true, "Label": true, "Title": true, "Placeholder": true,
		"Description": true, "Err": true, "Status": true, "SaveErr": true}
	var found []string
	check := func(fset *token.FileSet, what string, e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && (isCatalogue(call) || isJS(call)) {
				return false
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !word.MatchString(s) || allowed[strings.TrimSpace(s)] {
				return true
			}
			found = append(found, fset.Position(lit.Pos()).String()+": "+what+" "+lit.Value)
			return true
		})
	}
	for _, dir := range []string{".", "state", "browser"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			require.NoError(t, err)
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, src, 0)
			require.NoError(t, err)
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					sel, ok := n.Fun.(*ast.SelectorExpr)
					if !ok || len(n.Args) == 0 {
						return true
					}
					switch {
					case shown[sel.Sel.Name]:
						check(fset, "."+sel.Sel.Name+"(…)", n.Args[0])
					case sel.Sel.Name == "Aria" && len(n.Args) == 2 && isString(n.Args[0], "label", "valuetext"):
						check(fset, `.Aria("label", …)`, n.Args[1])
					}
				case *ast.KeyValueExpr:
					if k, ok := n.Key.(*ast.Ident); ok && fields[k.Name] {
						check(fset, k.Name+":", n.Value)
					}
				case *ast.AssignStmt:
					for i, l := range n.Lhs {
						if sel, ok := l.(*ast.SelectorExpr); ok && fields[sel.Sel.Name] && i < len(n.Rhs) {
							check(fset, "."+sel.Sel.Name+" =", n.Rhs[i])
						}
					}
				}
				return true
			})
		}
	}
	require.Empty(t, found, "words on screen belong in the catalogue (app/i18n):\n%s", strings.Join(found, "\n"))
}

// isCatalogue reports whether call looks a text up in the catalogue
// (l.T, l.N, l.Err, i18n.Errorf): its arguments are not words on screen.
func isCatalogue(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && (sel.Sel.Name == "T" || sel.Sel.Name == "N" || sel.Sel.Name == "Errorf" && isIdent(sel.X, "i18n"))
}

// isJS reports whether call reads or writes JavaScript (a property, a
// method): its strings are names, not words.
func isJS(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && (sel.Sel.Name == "Get" || sel.Sel.Name == "Call" || sel.Sel.Name == "Set")
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isString(e ast.Expr, values ...string) bool {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	s, _ := strconv.Unquote(lit.Value)
	for _, v := range values {
		if s == v {
			return true
		}
	}
	return false
}
