//go:build !wasm

package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// contentSecurityPolicy allows what the app needs and nothing more: its
// own scripts, styles, images, manifest and service worker, and
// WebAssembly compilation ('wasm-unsafe-eval'; no JavaScript eval). No
// inline script or style anywhere: go-app's pages have none and the app
// sets no style attributes. Share links carry data in the fragment, so
// nothing needs to leave the origin: connect-src 'self' is only for the
// service worker and app.wasm.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none'; " +
	"base-uri 'self'; form-action 'none'"

// Who may frame the app. The embed (?embed=1) may be framed by any site,
// since embedding on marketing pages is a feature (SPEC §6); the rest of
// the app only by its own pages: framed by another site, the editor and
// the user's saved assessments could be shown to that site's visitors
// and its buttons overlaid (clickjacking). An operator who wants to allow
// only their own sites to embed replaces * with their origins (a header
// only: a <meta> policy cannot set frame-ancestors).
const (
	frameAnyone = "frame-ancestors *"
	frameSelf   = "frame-ancestors 'self'"
)

// framePolicy is the frame-ancestors directive for a response of `serve`
// to r: * for the embed's pages (?embed=1), 'self' for everything else.
// Only documents are ever framed, so the embed's scripts and app.wasm
// need no *; the service worker keeps a copy of the embed's page of its
// own (app-worker.js), so a returning visitor's embed is not given the
// full app's 'self'.
func framePolicy(r *http.Request) string {
	if r.URL.Query().Get("embed") == "1" {
		return frameAnyone
	}
	return frameSelf
}

// staticFrameNote is the _headers file's word on frame-ancestors: a static
// host matches its rules by path, and the embed is the app's own page
// with ?embed=1, so every page must allow every site to frame it. The
// app itself, framed without ?embed=1, shows only a link that opens it in
// its own tab (app/state/framed.go).
const staticFrameNote = `# frame-ancestors *: static hosts match these rules by path, not by query
# string, and the embed is the app's page with ?embed=1, so every page must
# allow being framed. The app defends the rest itself: framed without
# ?embed=1 it shows only a link that opens it in its own tab, never the
# editor or the saved assessments. ` + "`valuecalc serve`" + ` sends
# frame-ancestors 'self' for pages without ?embed=1.
`

// securityHeaders are sent with every response of `serve` (with
// framePolicy's frame-ancestors), and written to the static site's
// _headers file for hosts that read one (Netlify, Cloudflare Pages), with
// frame-ancestors * (staticFrameNote).
var securityHeaders = [][2]string{
	{"Content-Security-Policy", contentSecurityPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"},
}

// secureSite adds the policy to every page of a built site as a <meta>
// (static hosts such as GitHub Pages send no headers of ours), and writes
// the _headers file.
func secureSite(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	prerendered, err := filepath.Glob(filepath.Join(dir, "p", "*.html")) // prerender.go
	if err != nil {
		return err
	}
	pages = append(pages, prerendered...)
	meta := `<meta http-equiv="Content-Security-Policy" content="` + escapeHTML(contentSecurityPolicy) + `">` +
		`<meta name="referrer" content="no-referrer">`
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		html := string(data)
		// Right after the charset, which must come first.
		anchor := `<meta charset="UTF-8">`
		i := strings.Index(html, anchor)
		if i < 0 {
			anchor = "<head>"
			if i = strings.Index(html, anchor); i < 0 {
				return fmt.Errorf("%s: no <head> to put the security policy in", p)
			}
		}
		i += len(anchor)
		if err := os.WriteFile(p, []byte(html[:i]+meta+html[i:]), 0o644); err != nil {
			return err
		}
	}
	var b strings.Builder
	b.WriteString(staticFrameNote)
	b.WriteString("/*\n")
	for _, h := range securityHeaders {
		if h[0] == "Content-Security-Policy" {
			h[1] += "; " + frameAnyone
		}
		fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
	}
	return os.WriteFile(filepath.Join(dir, "_headers"), []byte(b.String()), 0o644)
}
