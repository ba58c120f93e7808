package state

import (
	"net/url"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
	"github.com/valuecalc/valuecalc/internal/contrast"
)

// AppName is what the app is called when no brand names it.
const AppName = "valuecalc"

// Brand is a deployment's own name, logo, defaults and templates (SPEC
// §10), as `valuecalc build -brand -templates` wrote them into the site.
// The zero Brand is valuecalc's own.
type Brand struct {
	Name      string              // the top bar's and the report's name, "" for AppName
	Logo      string              // the logo's URL, "" for none
	Template  string              // the template a new user opens first, "" for the first listed
	Lang      i18n.Lang           // the language when neither ?lang= nor a choice picks one, "" for the browser's
	Currency  string              // ISO 4217: what new assessments count in, "" for the template's own
	Templates []examples.Template // the brand's own, listed before the built-in ones
	CTA       CTA                 // the call to action ending the visitor view, zero for none
}

// CTA is a brand's call to action (SPEC §10): a link to the company, and
// "Send my results", which adds the share link only when pressed.
type CTA struct{ Text, URL string }

// SafeCTAURL reports whether u may be a call to action's address: https
// or mailto, with nothing that could leave an attribute or run code.
func SafeCTAURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil || strings.ContainsAny(u, " \t\r\n\"'<>\\`") {
		return false
	}
	switch p.Scheme {
	case "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

// SendResultsURL is the brand's call to action's address with the share
// link of the visitor's case added: to the end of a mail's body, or as
// the query parameter valuecalc. (Plain string work: url.URL's String and
// Values' Encode cost app.wasm kilobytes.)
func SendResultsURL(u, link string) string {
	u, frag, hasFrag := strings.Cut(u, "#")
	if hasFrag {
		frag = "#" + frag
	}
	esc := strings.ReplaceAll(url.QueryEscape(link), "+", "%20") // a mail program reads %20 as a space
	param := "valuecalc="
	if strings.HasPrefix(u, "mailto:") {
		param = "body="
		for _, sep := range []string{"?body=", "&body="} {
			if i := strings.Index(u, sep); i >= 0 {
				j := i + len(sep)
				end := strings.IndexByte(u[j:], '&')
				if end < 0 {
					end = len(u) - j
				}
				return u[:j+end] + "%0A%0A" + esc + u[j+end:] + frag
			}
		}
	}
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + param + esc + frag
}

// Title is the name the interface shows.
func (b Brand) Title() string {
	if b.Name == "" {
		return AppName
	}
	return b.Name
}

// Templates lists the templates the library offers: the brand's own,
// then the built-in ones.
func (s State) Templates() []examples.Template {
	return append(append([]examples.Template(nil), s.Brand.Templates...), examples.ListIn(string(s.Lang))...)
}

// template returns the template with the given id, the brand's first.
func (s State) template(id string) (examples.Template, bool) {
	for _, t := range s.Brand.Templates {
		if strings.EqualFold(t.ID, id) {
			return t, true
		}
	}
	return examples.GetIn(string(s.Lang), id)
}

// firstTemplate is the template a new user opens: the brand's choice, or
// the first listed.
func (s State) firstTemplate() string {
	if _, ok := s.template(s.Brand.Template); ok {
		return s.Brand.Template
	}
	return s.Templates()[0].ID
}

// isBrandTemplate reports whether id is one of the brand's own.
func (s State) isBrandTemplate(id string) bool {
	for _, t := range s.Brand.Templates {
		if strings.EqualFold(t.ID, id) {
			return true
		}
	}
	return false
}

// brandModel gives a new assessment from template id the brand's
// currency. The brand's own templates keep theirs: the company wrote
// them in the currency it meant.
func (s State) brandModel(id string, m calc.Model) calc.Model {
	if s.Brand.Currency != "" && !s.isBrandTemplate(id) {
		m.Currency = s.Brand.Currency
	}
	return m
}

// startAccent applies an embed's ?accent=RRGGBB after the contrast check
// the build gives a brand's accent: a colour that fails keeps the default
// and says why in the console.
func (r docs) startAccent(query string) {
	q, err := url.ParseQuery(query)
	if err != nil || !q.Has("accent") {
		return
	}
	p, err := contrast.Check(q.Get("accent"))
	if err != nil {
		r.do(Warn{Console: "valuecalc: ?accent= ignored: " + err.Error()})
		return
	}
	r.do(SetStyle{Properties: p.Properties()})
}
