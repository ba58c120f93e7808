//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"
)

// Text from deployers (a brand's name, a template's title, its items'
// and scenarios' names) reaches every page the build writes. Everything
// the build writes into HTML goes through escapeHTML, and go-app's server
// render, which quotes attribute values the Go way (strconv.Quote in its
// node.go: a `"` becomes `\"`, which ends the attribute in HTML), is
// re-encoded by reencodeAttributes before a page is written
// (docs/GOAPP-PRERENDER-ATTRIBUTES.md).

// escapeHTML is the one escaping function for text the build writes into
// HTML, as an attribute's value (between double quotes) or as the text of
// an element: it escapes <, >, &, ' and ".
func escapeHTML(s string) string { return html.EscapeString(s) }

// jsStringBody is s as the inside of a JavaScript string literal between
// double quotes: go-app pastes Handler.LoadingLabel into app.js as
// "{{.LoadingLabel}}" unescaped, and a brand's name is part of it. JSON's
// string escaping is JavaScript's (json.Marshal also escapes <, >, & and
// U+2028/U+2029).
func jsStringBody(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b[1 : len(b)-1])
}

// prerenderBooleans are the boolean attributes go-app's server render
// writes as name="false" (Disabled(false), Checked(false)): HTML reads any
// value as true, so a prerendered page would show every radio checked and
// every button disabled. The browser's render removes them instead.
var prerenderBooleans = map[string]bool{
	"checked": true, "disabled": true, "readonly": true, "required": true, "selected": true,
	"multiple": true, "hidden": true, "open": true, "autofocus": true,
}

// reencodeAttributes rewrites a page of go-app's server render so that
// every attribute value is written with escapeHTML instead of Go quoting,
// and so that its attributes say in HTML what they say in the browser:
// a boolean attribute set to "false" is left out, and an ARIA attribute
// set to "true" (which go-app writes bare, as an HTML boolean, and ARIA
// reads as empty, so false) is written aria-x="true".
//
// It reads exactly what go-app's nodeManager.encode writes: start tags
// `<tag` followed by ` name` or ` name="Go-quoted value"` and `>`; end
// tags; a doctype; and text, which go-app escapes with html.EscapeString
// (so it holds no "<"). A page holding anything else (app.Raw, raw head
// elements) is refused with an error rather than written half-escaped:
// the build's own head elements are added after (prerender).
func reencodeAttributes(page []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(page) + len(page)/16)
	s := page
	for len(s) > 0 {
		i := bytes.IndexByte(s, '<')
		if i < 0 {
			out.Write(s)
			break
		}
		out.Write(s[:i])
		at := len(page) - len(s) + i
		s = s[i:]
		if bytes.HasPrefix(s, []byte("</")) || bytes.HasPrefix(s, []byte("<!")) {
			j := bytes.IndexByte(s, '>')
			if j < 0 || !isName(s[2:j]) {
				return nil, fmt.Errorf("offset %d: not a tag go-app writes: %.40q", at, s)
			}
			out.Write(s[:j+1])
			s = s[j+1:]
			continue
		}
		n := nameLen(s[1:])
		if n == 0 {
			return nil, fmt.Errorf("offset %d: not a tag go-app writes: %.40q", at, s)
		}
		out.Write(s[:1+n])
		s = s[1+n:]
		for {
			if len(s) == 0 {
				return nil, fmt.Errorf("offset %d: a tag that does not end", at)
			}
			if s[0] == '>' {
				out.WriteByte('>')
				s = s[1:]
				break
			}
			k := 0
			if s[0] == ' ' {
				k = nameLen(s[1:])
			}
			if k == 0 {
				return nil, fmt.Errorf("offset %d: not an attribute go-app writes: %.40q", len(page)-len(s), s)
			}
			name := string(s[1 : 1+k])
			s = s[1+k:]
			value, bare := "", true
			if len(s) > 0 && s[0] == '=' {
				q, err := strconv.QuotedPrefix(string(s[1:min(len(s), 1+maxQuoted(s[1:]))]))
				if err != nil || q[0] != '"' {
					return nil, fmt.Errorf("offset %d: attribute %s: not a Go-quoted value: %.40q", len(page)-len(s), name, s)
				}
				value, _ = strconv.Unquote(q)
				bare = false
				s = s[1+len(q):]
			}
			switch {
			case bare && strings.HasPrefix(name, "aria-"):
				value, bare = "true", false
			case !bare && value == "false" && prerenderBooleans[name]:
				continue
			}
			out.WriteByte(' ')
			out.WriteString(name)
			if !bare {
				out.WriteString(`="`)
				out.WriteString(escapeHTML(value))
				out.WriteByte('"')
			}
		}
	}
	return out.Bytes(), nil
}

// maxQuoted is how far a Go-quoted string starting at s can reach: to the
// first `"` not escaped by a backslash, included (strconv.QuotedPrefix
// then checks it), or all of s. It keeps QuotedPrefix from copying the
// rest of a large page for each attribute.
func maxQuoted(s []byte) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(s)
}

// nameLen is the length of the tag or attribute name s starts with:
// letters, digits, '-', '_', ':' and '.', as go-app's code names them.
func nameLen(s []byte) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.' {
			n++
			continue
		}
		break
	}
	return n
}

// isName reports whether s is an end tag's name or a doctype ("doctype
// html").
func isName(s []byte) bool {
	for _, f := range bytes.Fields(s) {
		if nameLen(f) != len(f) {
			return false
		}
	}
	return len(s) > 0 && s[0] != ' '
}
