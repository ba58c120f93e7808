//go:build !wasm

package main

import (
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPageKey(t *testing.T) {
	for query, want := range map[string]string{
		"":                             "",
		"template=":                    "",
		"template=segments":            "template=segments",
		"template=segments&embed=1":    "embed=1&template=segments",
		"embed=1&origin=https://a.b":   "embed=1",
		"embed=1&origin=x&template=ab": "embed=1&template=ab",
		"embed=1&origin=x&template=ab&cta=Book%20a%20call": "embed=1&template=ab",
		"lang=de":                    "lang=de",
		"template=a&lang=DE_at":      "lang=de&template=a",
		"lang=fr&embed=1&template=a": "embed=1&lang=fr&template=a",
	} {
		q, err := url.ParseQuery(query)
		require.NoError(t, err)
		got, ok := pageKey(q)
		assert.True(t, ok, query)
		assert.Equal(t, want, got, query)
	}
	for _, query := range []string{"lang=it", "lang=de&lang=fr", "embed=2", "template=a&template=b", "template=<x>", "view=report"} {
		q, _ := url.ParseQuery(query)
		_, ok := pageKey(q)
		assert.False(t, ok, query)
	}
	assert.Equal(t, "index.html", pageFile(""))
	assert.Equal(t, "p/embed.html", pageFile("embed=1"))
	assert.Equal(t, "p/template-segments.html", pageFile("template=segments"))
	assert.Equal(t, "p/embed-template-segments.html", pageFile("embed=1&template=segments"))
}

// falseBooleans is a boolean attribute written as name="false", which HTML
// reads as true (reencodeAttributes leaves them out).
var falseBooleans = regexp.MustCompile(` (checked|disabled|readonly|required|selected|multiple|hidden|open|autofocus)="false"`)

// trueARIA is an ARIA attribute written bare, which ARIA reads as false
// (reencodeAttributes writes aria-x="true").
var trueARIA = regexp.MustCompile(`<[a-z][^<>]*? aria-[a-z]+[ >]`)

// TestPrerenderedPagesShowTheModel: each page is the real page of its
// address, its booleans and whitespace as the browser's render makes them.
func TestPrerenderedPagesShowTheModel(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, "\x00asm"), Out: out}))
	for file, want := range map[string]string{
		"index.html":                                      "Customer value assessment",
		"p/template-segments.html":                        "Enterprise comes out ahead by 12 points.",
		"p/embed-template-software-purchase.html":         "Helpdesk software: 3-year business case",
		"p/embed-lang-de-template-software-purchase.html": "Helpdesk-Software: Business Case über 3 Jahre",
		"p/lang-fr.html":                                  `lang="fr"`,
	} {
		page := read(t, filepath.Join(out, file))
		assert.Contains(t, page, want, file)
		assert.NotRegexp(t, falseBooleans, page, file)
		assert.NotRegexp(t, trueARIA, page, file)
		body := page[strings.Index(page, "<body>"):]
		assert.NotRegexp(t, regexp.MustCompile(`>\n|\n\s*<`), body, file)
		assert.Contains(t, page, `<script src="/web/prerender.js"></script>`, file)
		assert.Contains(t, page, `<meta http-equiv="Content-Security-Policy"`, file)
	}

	h := mustHandler(t, out)
	for target, want := range map[string]string{
		"/?template=segments":                  `content="template=segments"`,
		"/?embed=1&origin=x&template=segments": `content="embed=1&amp;template=segments"`,
		"/?template=segments&lang=de":          `content="lang=de&amp;template=segments"`,
		"/?embed=1&lang=es":                    `content="embed=1&amp;lang=es"`,
		"/?template=segments&lang=it":          `content=""`,
		"/?template=unknown":                   `content=""`,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		assert.Contains(t, rec.Body.String(), `<meta name="valuecalc-prerendered" `+want, target)
	}
}
