//go:build e2e

package e2e

import "strings"

// xpathString quotes s as an XPath string literal.
func xpathString(s string) string {
	if !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return `concat("` + strings.ReplaceAll(s, `"`, `", '"', "`) + `")`
}
