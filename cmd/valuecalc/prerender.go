//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	ui "github.com/valuecalc/valuecalc/app"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// Prerendered pages (docs/PERFORMANCE.md, "Content before the wasm"): the
// site's pages are written at build time with the page their address
// opens, so a visitor reads it while app.wasm loads. Static hosts ignore
// query strings, so each page the app opens by ?template= or ?embed=1 is
// a file of its own, p/<name>.html; `serve` answers such an address with
// it (prerenderedFile), a host that can rewrite by query string may too
// (README), and any other host sends index.html, the default page, which
// web/prerender.js then hides until the wasm runs: the page tells what it
// was rendered for in a <meta>, and a page for another address, a share
// link's fragment or a returning visitor's own work is never shown as if
// it were theirs, nor in another language than the one the app will
// speak to them.

// prerenderedMeta names the <meta> that says which address a page was
// rendered for: its pageKey.
const prerenderedMeta = "valuecalc-prerendered"

// safeID is a template id that may name a file and go into an attribute
// unescaped: other templates are not prerendered (their pages show the
// neutral shell until the wasm runs).
var safeID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// pageKey is the canonical form of the query strings that open a
// prerendered page: "embed=1", "lang=L" and "template=ID", each optional,
// in that order, joined by "&" ("" is the default page). L is a language
// the interface speaks, as i18n.Parse reads it ("de-AT" is "de"). It
// reports false for any other query (another parameter, such as accent,
// changes the page). The embed's origin only says whom to answer, and its
// cta only adds a button at the page's end, below everything prerendered.
// web/prerender.js computes the same key in the browser.
func pageKey(query url.Values) (string, bool) {
	var embed, lang, template string
	for k, v := range query {
		switch {
		case k == "origin", k == "cta":
		case k == "embed" && len(v) == 1 && v[0] == "1":
			embed = "embed=1"
		case k == "lang" && len(v) == 1:
			l, ok := i18n.Parse(v[0])
			if !ok {
				return "", false
			}
			lang = "lang=" + string(l)
		case k == "template" && len(v) == 1:
			if v[0] == "" {
				continue
			}
			if !safeID.MatchString(v[0]) {
				return "", false
			}
			template = "template=" + v[0]
		default:
			return "", false
		}
	}
	var parts []string
	for _, p := range []string{embed, lang, template} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "&"), true
}

// pageFile is where the page of a key is written, relative to the site.
func pageFile(key string) string {
	if key == "" {
		return "index.html"
	}
	name := strings.NewReplacer("=1", "", "=", "-", "&", "-").Replace(key)
	return "p/" + name + ".html"
}

// pageKeys lists the pages to prerender: the default page, and each
// template's, in the app and in the embed; each as its address opens it
// and in each language ?lang= asks for. A German embed (the embed kit's
// lang option) then shows German while app.wasm loads, not the shell.
func pageKeys(b state.Brand) []string {
	keys := []string{"", "embed=1"}
	for _, t := range (state.State{Brand: b}).Templates() {
		if safeID.MatchString(t.ID) {
			keys = append(keys, "template="+t.ID, "embed=1&template="+t.ID)
		}
	}
	var all []string
	for _, key := range keys {
		all = append(all, key)
		for _, l := range i18n.All {
			q, _ := url.ParseQuery(key)
			q.Set("lang", string(l))
			k, _ := pageKey(q)
			all = append(all, k)
		}
	}
	return all
}

// pageLang is the language of key's page and the languages web/prerender.js
// matches the browser's against ("" when the page's language is fixed):
// ?lang='s; else the brand's; else English, which the app also speaks
// when the browser prefers none of its languages.
func pageLang(key string, brand state.Brand) (lang, langs string) {
	q, _ := url.ParseQuery(key)
	if l := q.Get("lang"); l != "" {
		return l, ""
	}
	if brand.Lang != "" {
		return string(brand.Lang), ""
	}
	return string(i18n.EN), allLangs()
}

// allLangs lists every language the interface speaks, space-separated.
func allLangs() string {
	var all []string
	for _, l := range i18n.All {
		all = append(all, string(l))
	}
	return strings.Join(all, " ")
}

// indent is the line breaks and indentation go-app's server render puts
// around every child element and text. In the browser those are text
// nodes the app's own tree does not have: spaces between inline elements
// and around figures, which moved the page when the wasm took over.
var indent = regexp.MustCompile(`(>)\n[ \t]*|\n[ \t]*(<)`)

// prerender writes the prerendered pages into the built site at out, for
// the brand's templates and the built-in ones. handler makes the site's
// go-app Handler for a page in lang. Each page names its key in a <meta>,
// added to the head after go-app's render is re-encoded
// (reencodeAttributes), every value escaped with escapeHTML.
func prerender(out, prefix string, brand state.Brand, handler func(lang i18n.Lang) (http.Handler, error)) error {
	ui.RegisterBrand(brand)
	speaks := allLangs() // for ?lang=
	for _, key := range pageKeys(brand) {
		lang, langs := pageLang(key, brand)
		head := `<meta name="` + escapeHTML(prerenderedMeta) + `" content="` + escapeHTML(key) +
			`" data-lang="` + escapeHTML(lang) + `" data-langs="` + escapeHTML(langs) + `" data-speaks="` + escapeHTML(speaks) + `">` +
			// Blocking, in the head: it decides before the first paint
			// whether this page may be shown (CSP: no inline scripts).
			`<script src="` + escapeHTML(prefix+"/web/prerender.js") + `"></script>`
		h, err := handler(i18n.Lang(lang))
		if err != nil {
			return err
		}
		target := "/"
		if key != "" {
			target += "?" + key
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			return fmt.Errorf("prerendering %s: status %d", target, rec.Code)
		}
		page, err := reencodeAttributes(rec.Body.Bytes())
		if err != nil {
			return fmt.Errorf("prerendering %s: %w", target, err)
		}
		page = indent.ReplaceAll(page, []byte("$1$2"))
		end := bytes.Index(page, []byte("</head>")) // the first: text and values hold no "<" now
		if end < 0 {
			return fmt.Errorf("prerendering %s: no </head>", target)
		}
		page = slices.Concat(page[:end], []byte(head), page[end:])
		name := filepath.Join(out, filepath.FromSlash(pageFile(key)))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, page, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// prerenderedFile is the site's file for a request to the app's page
// with a query, "" when the query has no page of its own.
func prerenderedFile(dir string, r *http.Request) string {
	if r.URL.Path != "/" || r.URL.RawQuery == "" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		return ""
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return ""
	}
	key, ok := pageKey(q)
	if !ok || key == "" {
		return ""
	}
	name := pageFile(key)
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		return ""
	}
	return "/" + name
}
