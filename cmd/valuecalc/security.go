//go:build !wasm

package main

import (
	"fmt"
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

// frameAncestors is who may embed the app: any site, since embedding on
// marketing pages is a feature (SPEC §6). An operator who wants to allow
// only their own sites replaces * with their origins (a header only: a
// <meta> policy cannot set frame-ancestors).
const frameAncestors = "frame-ancestors *"

// securityHeaders are sent with every response of `serve`, and written to
// the static site's _headers file for hosts that read one (Netlify,
// Cloudflare Pages).
var securityHeaders = [][2]string{
	{"Content-Security-Policy", contentSecurityPolicy + "; " + frameAncestors},
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
	b.WriteString("/*\n")
	for _, h := range securityHeaders {
		fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
	}
	return os.WriteFile(filepath.Join(dir, "_headers"), []byte(b.String()), 0o644)
}
