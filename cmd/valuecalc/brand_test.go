//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/browser"
)

const brandData = "testdata/brand"

// brandDir copies the test brand's logo into a new directory with the
// given brand.json.
func brandDir(t *testing.T, brandJSON string) string {
	t.Helper()
	dir := t.TempDir()
	logo, err := os.ReadFile(filepath.Join(brandData, "logo.svg"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "logo.svg"), logo, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\nrest"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "fake.png"), []byte("<svg/>"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "logo.gif"), []byte("GIF89a"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "script.svg"), []byte(`<svg><script>alert(1)</script></svg>`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "onload.svg"), []byte(`<svg onload="alert(1)"/>`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "big.svg"), append([]byte("<svg>"), make([]byte, maxLogoSize)...), 0o644))
	p := filepath.Join(dir, "brand.json")
	require.NoError(t, os.WriteFile(p, []byte(brandJSON), 0o644))
	return p
}

func TestLoadBrand(t *testing.T) {
	b, err := loadBrand(filepath.Join(brandData, "brand.json"), filepath.Join(brandData, "models"))
	require.NoError(t, err)
	assert.Equal(t, "Acme Value", b.Config.Name)
	assert.Equal(t, "brand-logo.svg", b.Config.Logo)
	assert.Equal(t, "acme-helpdesk", b.Config.Template)
	assert.Equal(t, "en", b.Config.Lang)
	assert.Equal(t, "EUR", b.Config.Currency)
	require.NotNil(t, b.Accent)
	assert.Equal(t, "#0f6b3a", b.Accent.Accent.String())
	assert.Contains(t, string(b.css()), "--accent: #0f6b3a;")
	require.Len(t, b.Config.Templates, 2)
	assert.Equal(t, "Acme Helpdesk: value for support teams", b.Config.Templates[0].Title)

	env, err := b.env()
	require.NoError(t, err)
	var back browser.BrandConfig
	require.NoError(t, json.Unmarshal([]byte(env), &back))
	assert.Equal(t, b.Config, back, "app.wasm reads what the build writes")

	none, err := loadBrand("", "")
	require.NoError(t, err)
	assert.Nil(t, none, "no brand, valuecalc's own look")
}

func TestLoadBrandOptional(t *testing.T) {
	for _, in := range []string{`{}`, `{"name": "Acme"}`, `{"logo": "logo.png"}`, `{"template": "segments"}`, `{"lang": "de"}`,
		`{"cta": {"text": "Book a call", "url": "https://acme.example/contact"}}`, `{"cta": {"text": "Write to us", "url": "mailto:sales@acme.example"}}`} {
		_, err := loadBrand(brandDir(t, in), "")
		assert.NoError(t, err, in)
	}
}

func TestLoadBrandErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"not JSON", `{"name": `, []string{"not a JSON object"}},
		{"unknown field", `{"nmae": "Acme", "colour": "#000000"}`,
			[]string{`colour: unknown field; brand.json has name, logo, accent, template, lang, currency, cta`, `nmae: unknown field`}},
		{"cta a string", `{"cta": "Book a call"}`, []string{`cta: must be {"text": "Book a call", "url": "https://…" or "mailto:…"}, got "Book a call"`}},
		{"cta without url", `{"cta": {"text": "Book a call"}}`, []string{`cta: must be {"text"`}},
		{"cta with a typo", `{"cta": {"text": "Book a call", "link": "https://acme.example"}}`, []string{`cta: must be {"text"`}},
		{"cta blank", `{"cta": {"text": " ", "url": "https://acme.example"}}`, []string{"cta: text must not be empty"}},
		{"cta long", `{"cta": {"text": "Book a call with our friendly sales team today", "url": "https://acme.example"}}`, []string{"cta: text must be at most 40 characters, got 46"}},
		{"cta http", `{"cta": {"text": "Book", "url": "http://acme.example"}}`, []string{`cta: url must be an https or mailto address without spaces or quotes, got "http://acme.example"`}},
		{"cta script", `{"cta": {"text": "Book", "url": "javascript:alert(1)"}}`, []string{`cta: url must be an https or mailto address`}},
		{"cta quote", `{"cta": {"text": "Book", "url": "https://acme.example/\"><b>"}}`, []string{`cta: url must be an https or mailto address`}},
		{"not a string", `{"name": 3}`, []string{"name: must be a string, got 3"}},
		{"blank name", `{"name": "  "}`, []string{"name: must not be empty"}},
		{"long name", `{"name": "Acme Customer Value Calculator for Enterprise Teams"}`, []string{"name: must be at most 40 characters"}},
		{"gif logo", `{"logo": "logo.gif"}`, []string{"logo.gif: must be an SVG or PNG file (.svg, .png)"}},
		{"missing logo", `{"logo": "gone.svg"}`, []string{"no such file"}},
		{"logo too big", `{"logo": "big.svg"}`, []string{"big.svg: must be at most 200 KB, got 201 KB"}},
		{"not a PNG", `{"logo": "fake.png"}`, []string{"is not a PNG image"}},
		{"an SVG with a script", `{"logo": "script.svg"}`, []string{"script.svg: must not hold scripts, event handlers or foreignObject"}},
		{"an SVG with a handler", `{"logo": "onload.svg"}`, []string{"onload.svg: must not hold scripts"}},
		{"low contrast", `{"accent": "#777777"}`, []string{"accent: #777777 has a contrast of 4.48:1 with white, below the 4.50:1"}},
		{"yellow", `{"accent": "#ffd700"}`, []string{"accent: #ffd700 has a contrast of 1.4"}},
		{"accent without #", `{"accent": "0b5fff"}`, []string{`accent: must be a colour as #RRGGBB, got "0b5fff"`}},
		{"accent a name", `{"accent": "green"}`, []string{`accent: must be a colour as #RRGGBB, got "green"`}},
		{"no such template", `{"template": "helpdesk"}`, []string{`template: no template "helpdesk": use one of customer-value, software-purchase, segments, blank`}},
		{"unknown lang", `{"lang": "it"}`, []string{`lang: must be one of en, de, fr, es, got "it"`}},
		{"lang as a tag", `{"lang": "de-DE"}`, []string{`lang: must be one of en, de, fr, es, got "de-DE"`}},
		{"currency", `{"currency": "euro"}`, []string{`currency: must be three capital letters (an ISO 4217 code), got "euro"`}},
		{"every problem at once", `{"accent": "#ffffff", "lang": "xx", "currency": "E"}`, []string{"accent:", "lang:", "currency:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := brandDir(t, tt.in)
			_, err := loadBrand(p, "")
			require.Error(t, err)
			var probs problems
			require.ErrorAs(t, err, &probs)
			assert.Len(t, probs, len(tt.want), "one line a problem: %v", probs)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			for _, line := range probs {
				assert.Contains(t, line, p+": ", "each problem names the file")
			}
		})
	}
}

func TestLoadBrandTemplateErrors(t *testing.T) {
	_, err := loadBrand("", filepath.Join(brandData, "broken"))
	require.Error(t, err)
	file := filepath.Join(brandData, "broken", "bad-model.json")
	assert.Equal(t, problems{
		file + ": items[0].name: must not be blank",
		file + ": items[0].weight: must be between 0 and 1000, got -1",
		file + ": scenarios[0].entries.speed.score: must be between 1 and 5, got 9",
	}, err)

	dir := t.TempDir()
	model, err := os.ReadFile(filepath.Join(brandData, "models", "acme-helpdesk.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "segments.json"), model, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "my model.json"), model, 0o644))
	_, err = loadBrand("", dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `segments.json: "segments" is a built-in template's id: rename the file`)
	assert.Contains(t, err.Error(), `my model.json: the file name is the template's id, which must hold only letters`)

	_, err = loadBrand("", t.TempDir())
	assert.ErrorContains(t, err, "no *.json model files")
}

func TestBuildBrandedSite(t *testing.T) {
	b, err := loadBrand(filepath.Join(brandData, "brand.json"), filepath.Join(brandData, "models"))
	require.NoError(t, err)
	web := fakeWeb(t, "\x00asm-v1")
	out := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: web, Out: out, Brand: b}))

	index := read(t, filepath.Join(out, "index.html"))
	assert.Contains(t, index, "<title>Acme Value</title>")
	assert.Contains(t, index, `href="/web/brand.css"`)
	assert.Contains(t, read(t, filepath.Join(out, "web", "brand.css")), "--accent-dark: ")
	logo, err := os.ReadFile(filepath.Join(out, "web", "brand-logo.svg"))
	require.NoError(t, err)
	assert.True(t, bytes.Contains(logo, []byte("<svg")))
	assert.Contains(t, read(t, filepath.Join(out, "app.js")), browser.BrandEnv)
	assert.Contains(t, read(t, filepath.Join(out, "app-worker.js")), "/web/brand-logo.svg", "the logo is cached for offline")
	assert.Contains(t, read(t, filepath.Join(out, "manifest.webmanifest")), `"name": "Acme Value"`)

	plain := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: web, Out: plain}))
	assert.NotEqual(t, version(t, out), version(t, plain), "a new brand is a new version for service workers")
}

func TestBuildRefusesABrokenBrand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-o", t.TempDir(), "-web", fakeWeb(t, "\x00asm"), "-templates", filepath.Join(brandData, "broken"),
		"-brand", filepath.Join(brandData, "low-contrast.json")}, nil, &stdout, &stderr)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr.String(), "the brand has 4 problem(s)")
	assert.Contains(t, stderr.String(), "bad-model.json: items[0].name: must not be blank")
	assert.Contains(t, stderr.String(), "low-contrast.json: accent: #7fdbff has a contrast of")
}

// version is the build's version as its service worker names its cache.
func version(t *testing.T, site string) string {
	t.Helper()
	worker := read(t, filepath.Join(site, "app-worker.js"))
	i := bytes.Index([]byte(worker), []byte(`const cacheName = "app-" + "`))
	require.GreaterOrEqual(t, i, 0)
	return worker[i : i+60]
}
