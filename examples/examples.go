// Package examples holds valuecalc's built-in example models. They are the
// app's templates (opened with ?template=ID) and sample files for the
// valuecalc command; each is a model file in this directory (valuecalc/2,
// or valuecalc/3 for a money template priced per driver).
package examples

import (
	_ "embed"
	"strings"
)

// The files are embedded one by one as []byte rather than as an embed.FS,
// whose file system code costs 5 KB of gzip in app.wasm. TestEveryFile
// checks that none is left out.
var (
	//go:embed customer-value.json
	customerValue []byte
	//go:embed software-purchase.json
	softwarePurchase []byte
	//go:embed segments.json
	segments []byte
)

// Template is a built-in model: its id (the file name without .json), its
// title, a line saying what it is for, and the file's bytes.
type Template struct {
	ID          string
	Title       string
	Description string
	Data        []byte
}

// templates lists the templates as the app offers them. Each title is
// the file's own, written out here rather than read from the file when
// the program starts: decoding the three files with encoding/json took
// ~15 ms of every start in the browser. TestEveryFile checks that the
// titles match.
var templates = []Template{
	{"customer-value", "Customer value assessment",
		"Score mode, 1–5: all four benefit types and five cost types, status quo vs with us.", customerValue},
	{"software-purchase", "Helpdesk software: 3-year business case",
		"Money mode, 3 years at 8 %, priced per support agent and ticket a month: subscription, implementation, training, hours saved, fewer outages.", softwarePurchase},
	{"segments", "Segment comparison: SMB vs Enterprise",
		"Score mode, 1–10: the same offer weighed by SMB and Enterprise customers.", segments},
}

// ListIn returns every template in language lang ("de"), in the order the
// app offers them: in English for a language without translations.
func ListIn(lang string) []Template {
	if t, ok := translations[lang]; ok {
		return append([]Template(nil), t...)
	}
	return List()
}

// GetIn returns the template with the given id in language lang, or in
// English when it has no translation.
func GetIn(lang, id string) (Template, bool) {
	for _, t := range translations[lang] {
		if strings.EqualFold(t.ID, id) {
			return t, true
		}
	}
	return Get(id)
}

// List returns every template, in the order the app offers them.
func List() []Template {
	return append([]Template(nil), templates...)
}

// Get returns the template with the given id.
func Get(id string) (Template, bool) {
	for _, t := range templates {
		if strings.EqualFold(t.ID, id) {
			return t, true
		}
	}
	return Template{}, false
}
