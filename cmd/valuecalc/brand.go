//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
	"github.com/valuecalc/valuecalc/internal/contrast"
)

// maxLogoSize is the largest logo a brand may have: it is in every
// page's first load.
const maxLogoSize = 200 << 10

// svgActive finds what would make an SVG logo run code.
var svgActive = regexp.MustCompile(`(?i)<script|<foreignObject|\son[a-z]+\s*=|javascript:`)

// maxNameLen keeps a brand's name short enough for the top bar of a phone.
const maxNameLen = 40

// brand is a deployment's own look, defaults and templates (SPEC §10),
// read from brand.json and the templates directory and checked.
type brand struct {
	Config  browser.BrandConfig // what app.wasm reads at start
	Accent  *contrast.Palette   // nil for the default colours
	Logo    []byte              // the logo file, nil for none
	LogoExt string              // ".svg" or ".png"
}

// problems is every problem found in a brand, one per line.
type problems []string

func (p problems) Error() string { return strings.Join(p, "\n") }

// loadBrand reads brandPath (brand.json, "" for none) and every *.json
// model of templatesDir ("" for none). It returns every problem at once,
// each naming its file and field, as problems.
func loadBrand(brandPath, templatesDir string) (*brand, error) {
	if brandPath == "" && templatesDir == "" {
		return nil, nil
	}
	b := &brand{}
	var probs problems
	if templatesDir != "" {
		probs = append(probs, b.readTemplates(templatesDir)...)
	}
	if brandPath != "" {
		probs = append(probs, b.readFile(brandPath)...)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return b, nil
}

// brandFields are brand.json's fields, all optional; strings but cta.
var brandFields = []string{"name", "logo", "accent", "template", "lang", "currency", "cta"}

func (b *brand) readFile(path string) problems {
	data, err := os.ReadFile(path)
	if err != nil {
		return problems{err.Error()}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return problems{fmt.Sprintf("%s: not a JSON object: %v", path, err)}
	}
	var probs problems
	bad := func(field, msg string) { probs = append(probs, fmt.Sprintf("%s: %s: %s", path, field, msg)) }
	fields := map[string]string{}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range raw {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		if !slices.Contains(brandFields, k) {
			bad(k, "unknown field; brand.json has "+strings.Join(brandFields, ", "))
			continue
		}
		if k == "cta" {
			probs = append(probs, b.readCTA(raw[k], func(msg string) { bad(k, msg) })...)
			continue
		}
		var s string
		if err := json.Unmarshal(raw[k], &s); err != nil {
			bad(k, "must be a string, got "+string(raw[k]))
			continue
		}
		fields[k] = s
	}
	if name, ok := fields["name"]; ok {
		name = strings.TrimSpace(name)
		switch n := utf8.RuneCountInString(name); {
		case n == 0:
			bad("name", "must not be empty")
		case n > maxNameLen:
			bad("name", fmt.Sprintf("must be at most %d characters to fit a phone's top bar, got %d", maxNameLen, n))
		}
		b.Config.Name = name
	}
	if logo, ok := fields["logo"]; ok {
		if err := b.readLogo(filepath.Join(filepath.Dir(path), filepath.FromSlash(logo))); err != nil {
			bad("logo", err.Error())
		}
	}
	if accent, ok := fields["accent"]; ok {
		if !strings.HasPrefix(accent, "#") {
			bad("accent", fmt.Sprintf("must be a colour as #RRGGBB, got %q", accent))
		} else if p, err := contrast.Check(accent); err != nil {
			bad("accent", err.Error())
		} else {
			b.Accent = &p
		}
	}
	if tpl, ok := fields["template"]; ok {
		if _, builtIn := examples.Get(tpl); !builtIn && !b.hasTemplate(tpl) && tpl != state.BlankTemplate {
			bad("template", fmt.Sprintf("no template %q: use one of %s", tpl, strings.Join(b.templateIDs(), ", ")))
		}
		b.Config.Template = tpl
	}
	if lang, ok := fields["lang"]; ok {
		if l, known := i18n.Parse(lang); !known || string(l) != lang {
			bad("lang", fmt.Sprintf("must be one of en, de, fr, es, got %q", lang))
		}
		b.Config.Lang = lang
	}
	if cur, ok := fields["currency"]; ok {
		if err := calc.CheckCurrency(cur); err != nil {
			bad("currency", err.Error())
		}
		b.Config.Currency = cur
	}
	return probs
}

// maxCTAText keeps the call to action a button's words.
const maxCTAText = 40

// readCTA reads the call to action ending the visitor view (SPEC §10):
// {"text": "Book a call", "url": "https://…" or "mailto:…"}.
func (b *brand) readCTA(raw json.RawMessage, bad func(string)) problems {
	var c struct {
		Text *string `json:"text"`
		URL  *string `json:"url"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || c.Text == nil || c.URL == nil {
		bad(`must be {"text": "Book a call", "url": "https://…" or "mailto:…"}, got ` + string(raw))
		return nil
	}
	text := strings.TrimSpace(*c.Text)
	switch n := utf8.RuneCountInString(text); {
	case n == 0:
		bad("text must not be empty")
	case n > maxCTAText:
		bad(fmt.Sprintf("text must be at most %d characters, got %d", maxCTAText, n))
	}
	if !state.SafeCTAURL(*c.URL) {
		bad(fmt.Sprintf("url must be an https or mailto address without spaces or quotes, got %q", *c.URL))
	}
	b.Config.CTA = &browser.BrandCTA{Text: text, URL: *c.URL}
	return nil
}

// readLogo reads and checks the logo: an SVG or PNG of at most 200 KB.
func (b *brand) readLogo(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".svg" && ext != ".png" {
		return fmt.Errorf("%s: must be an SVG or PNG file (.svg, .png)", path)
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Size() > maxLogoSize {
		return fmt.Errorf("%s: must be at most 200 KB, got %d KB", path, (st.Size()+1023)/1024)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	switch {
	case ext == ".png" && !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return fmt.Errorf("%s: is not a PNG image", path)
	case ext == ".svg" && !bytes.Contains(data, []byte("<svg")):
		return fmt.Errorf("%s: is not an SVG image (no <svg> element)", path)
	case ext == ".svg" && svgActive.Match(data):
		// Served from the site's origin, an SVG opened on its own runs
		// its scripts there, and static hosts send no CSP to stop them.
		return fmt.Errorf("%s: must not hold scripts, event handlers or foreignObject", path)
	}
	b.Logo, b.LogoExt = data, ext
	b.Config.Logo = "brand-logo" + ext
	return nil
}

// readTemplates reads every *.json model of dir as a template, its id the
// file's name, each validated as `valuecalc eval` does.
func (b *brand) readTemplates(dir string) problems {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return problems{err.Error()}
	}
	if len(files) == 0 {
		return problems{fmt.Sprintf("%s: no *.json model files", dir)}
	}
	var probs problems
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		if err := calc.CheckID(id); err != nil {
			probs = append(probs, fmt.Sprintf("%s: the file name is the template's id, which %v", f, err))
			continue
		}
		if _, builtIn := examples.Get(id); builtIn || strings.EqualFold(id, state.BlankTemplate) {
			probs = append(probs, fmt.Sprintf("%s: %q is a built-in template's id: rename the file", f, id))
			continue
		}
		data, size, err := readModel(f, nil)
		if err != nil {
			probs = append(probs, err.Error())
			continue
		}
		if err := calc.CheckSize(size); err != nil {
			probs = append(probs, f+": (root): "+err.Error())
			continue
		}
		m, err := calc.Decode(data)
		if err != nil {
			for _, line := range problemLines(err) {
				probs = append(probs, f+": "+line)
			}
			continue
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			probs = append(probs, f+": "+err.Error())
			continue
		}
		b.Config.Templates = append(b.Config.Templates, browser.BrandTemplate{ID: id, Title: m.Title, Model: compact.Bytes()})
	}
	return probs
}

func (b *brand) hasTemplate(id string) bool {
	return slices.ContainsFunc(b.Config.Templates, func(t browser.BrandTemplate) bool { return t.ID == id })
}

func (b *brand) templateIDs() []string {
	var ids []string
	for _, t := range b.Config.Templates {
		ids = append(ids, t.ID)
	}
	for _, t := range examples.List() {
		ids = append(ids, t.ID)
	}
	return append(ids, state.BlankTemplate)
}

// env is the brand as app.wasm reads it (browser.BrandEnv), "" for none.
func (b *brand) env() (string, error) {
	if b == nil || b.isZero() {
		return "", nil
	}
	data, err := json.Marshal(b.Config)
	return string(data), err
}

func (b *brand) isZero() bool {
	c := b.Config
	return c.Name == "" && c.Logo == "" && c.Template == "" && c.Lang == "" && c.Currency == "" &&
		len(c.Templates) == 0 && b.Accent == nil && c.CTA == nil
}

// css is the stylesheet that applies the accent, overriding app.css's
// custom properties (a file, since the CSP allows no inline style).
func (b *brand) css() []byte {
	var s strings.Builder
	s.WriteString("/* Written by valuecalc build -brand: the brand's accent. */\n:root {\n")
	for _, p := range b.Accent.Properties() {
		fmt.Fprintf(&s, "  %s: %s;\n", p[0], p[1])
	}
	s.WriteString("}\n")
	return []byte(s.String())
}

// hash tells builds with different brands apart, so that browsers'
// service workers take a new brand as a new version.
func (b *brand) hash() string {
	if b == nil {
		return ""
	}
	env, _ := b.env()
	sum := sha256.New()
	sum.Write([]byte(env))
	sum.Write(b.Logo)
	if b.Accent != nil {
		sum.Write(b.css())
	}
	return hex.EncodeToString(sum.Sum(nil))[:8]
}

// write puts the brand's files into the site's web/ directory.
func (b *brand) write(webDir string) error {
	if b == nil {
		return nil
	}
	if b.Logo != nil {
		if err := os.WriteFile(filepath.Join(webDir, b.Config.Logo), b.Logo, 0o644); err != nil {
			return err
		}
	}
	if b.Accent != nil {
		return os.WriteFile(filepath.Join(webDir, "brand.css"), b.css(), 0o644)
	}
	return nil
}
