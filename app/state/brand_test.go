package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/examples"
)

// acme is a brand with one template of its own, a copy of a built-in one
// under another id and in euros.
func acme(t *testing.T) Brand {
	t.Helper()
	tpl, ok := examples.Get("software-purchase")
	require.True(t, ok)
	return Brand{Name: "Acme Value", Logo: "/web/brand-logo.svg", Lang: i18n.DE, Currency: "CHF",
		Templates: []examples.Template{{ID: "acme-helpdesk", Title: "Acme helpdesk", Data: tpl.Data}}}
}

func TestBrandOpensItsTemplate(t *testing.T) {
	tests := []struct {
		name   string
		start  Start
		choose string // the brand's default template
		want   string // the title of the model opened
	}{
		{"a new user gets the brand's first template", Start{}, "", "Helpdesk software: 3-year business case"},
		{"the brand's chosen template, in its language", Start{}, "segments", "Segmentvergleich: KMU und Großunternehmen"},
		{"?template= names a brand template", Start{Query: "template=acme-helpdesk"}, "segments", "Helpdesk software: 3-year business case"},
		{"an embed opens the brand's template", Start{Query: "embed=1"}, "", "Helpdesk software: 3-year business case"},
		{"a default that does not exist is the first listed", Start{}, "gone", "Helpdesk software: 3-year business case"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := acme(t)
			b.Template = tt.choose
			tt.start.Brand = b
			tb := newTab(t, MemStorage{}, tt.start)
			assert.Equal(t, tt.want, tb.model().Title)
			assert.Equal(t, "Acme helpdesk", tb.state().Templates()[0].Title, "listed first")
			assert.Len(t, tb.state().Templates(), len(examples.List())+1)
		})
	}
}

func TestBrandCurrency(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{Query: "template=software-purchase", Brand: acme(t)})
	assert.Equal(t, "CHF", tb.model().Currency, "a built-in template counts in the brand's currency")
	tb.do(NewFromTemplate{ID: BlankTemplate})
	assert.Equal(t, "CHF", tb.model().Currency, "so does a blank one")
	tb.do(NewFromTemplate{ID: "acme-helpdesk"})
	assert.Equal(t, "USD", tb.model().Currency, "the brand's own template keeps the currency it was written in")
	plain := newTab(t, MemStorage{}, Start{Query: "template=software-purchase"})
	assert.Equal(t, "USD", plain.model().Currency)
}

func TestBrandLanguage(t *testing.T) {
	s, _ := Reduce(State{}, Start{Langs: []string{"fr"}, Brand: acme(t)})
	assert.Equal(t, i18n.DE, s.Lang, "the brand's language comes before the browser's")
	s, _ = Reduce(State{}, Start{Query: "lang=es", Langs: []string{"fr"}, Brand: acme(t)})
	assert.Equal(t, i18n.ES, s.Lang, "?lang= comes before the brand's")
}

func TestBrandTitle(t *testing.T) {
	assert.Equal(t, "valuecalc", Brand{}.Title())
	assert.Equal(t, "Acme Value", acme(t).Title())
}

func TestStartAccent(t *testing.T) {
	tests := []struct {
		name, query string
		style       []SetStyle
		warn        string
	}{
		{"none", "embed=1", nil, ""},
		{"green", "embed=1&accent=15803d", []SetStyle{{[][2]string{
			{"--accent", "#15803d"}, {"--accent-dark", "#0e5328"}, {"--accent-weak", "#dcece2"}, {"--accent-faint", "#f6faf7"}}}}, ""},
		{"too light", "embed=1&accent=ffff00", nil, "valuecalc: ?accent= ignored: #ffff00 has a contrast of 1.07:1 with white"},
		{"not a colour", "embed=1&accent=green", nil, `valuecalc: ?accent= ignored: must be a colour as #RRGGBB, got "green"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, effects := Reduce(State{}, Start{Query: tt.query})
			assert.Equal(t, tt.style, effectsOf[SetStyle](effects))
			warns := effectsOf[Warn](effects)
			if tt.warn == "" {
				assert.Empty(t, warns)
				return
			}
			require.Len(t, warns, 1)
			assert.Contains(t, warns[0].Console, tt.warn)
		})
	}
}
