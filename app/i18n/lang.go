// Package i18n is valuecalc's languages: which ones the interface speaks,
// how a browser's preference picks one, and (in later files) the message
// catalogue and each language's way of writing numbers (SPEC §9). It is
// plain Go, imported by the state and the components alike.
package i18n

import "strings"

// Lang is a language the interface speaks, as its BCP 47 primary subtag.
type Lang string

// The languages, English first: it is the fallback.
const (
	EN Lang = "en"
	DE Lang = "de"
	FR Lang = "fr"
	ES Lang = "es"
)

// All lists the languages in the order a menu shows them.
var All = []Lang{EN, DE, FR, ES}

// Parse returns the language tag names ("de", "de-AT", "DE_ch") and whether
// the interface speaks it.
func Parse(tag string) (Lang, bool) {
	primary, _, _ := strings.Cut(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"), "-")
	l := Lang(strings.ToLower(primary))
	for _, k := range All {
		if l == k {
			return l, true
		}
	}
	return EN, false
}

// Match returns the first language of tags (a browser's preference order)
// that the interface speaks, or English.
func Match(tags ...string) Lang {
	for _, t := range tags {
		if l, ok := Parse(t); ok {
			return l
		}
	}
	return EN
}
