package browser

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/examples"
)

// BrandEnv is the go-app Handler.Env key under which `valuecalc build
// -brand -templates` hands the brand to app.wasm: the same app.wasm
// serves every brand, and the brand travels in app.js, which the service
// worker caches, so brand templates open offline too.
const BrandEnv = "VALUECALC_BRAND"

// BrandConfig is the brand as the build writes it into BrandEnv, as JSON.
type BrandConfig struct {
	Name      string          `json:"name,omitempty"`
	Logo      string          `json:"logo,omitempty"` // a file of the site's web/ directory
	Template  string          `json:"template,omitempty"`
	Lang      string          `json:"lang,omitempty"`
	Currency  string          `json:"currency,omitempty"`
	Templates []BrandTemplate `json:"templates,omitempty"`
	CTA       *BrandCTA       `json:"cta,omitempty"`
}

// BrandCTA is the brand's call to action (SPEC §10).
type BrandCTA struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// BrandTemplate is one of the brand's templates: a valid valuecalc model.
type BrandTemplate struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	Description string          `json:"description,omitempty"`
	Model       json.RawMessage `json:"model"`
}

// readBrand reads the brand the build left in the environment; the zero
// Brand when there is none or it cannot be read.
func readBrand() state.Brand { return ParseBrand(app.Getenv(BrandEnv)) }

// ParseBrand reads a brand as the build writes it into BrandEnv; the zero
// Brand when raw is empty or cannot be read. The server calls it to
// prerender a brand's pages.
func ParseBrand(raw string) state.Brand {
	if raw == "" {
		return state.Brand{}
	}
	var c BrandConfig
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		app.Window().Get("console").Call("warn", "valuecalc: the brand could not be read: "+err.Error())
		return state.Brand{}
	}
	b := state.Brand{Name: c.Name, Template: c.Template, Currency: c.Currency}
	if c.CTA != nil && state.SafeCTAURL(c.CTA.URL) {
		b.CTA = state.CTA{Text: c.CTA.Text, URL: c.CTA.URL}
	}
	if l, ok := i18n.Parse(c.Lang); ok {
		b.Lang = l
	}
	if c.Logo != "" {
		web := app.Getenv("GOAPP_STATIC_RESOURCES_URL")
		if app.IsServer {
			web = "/web" // go-app's server render resolves it under the site's prefix
		}
		b.Logo = web + "/" + c.Logo
	}
	for _, t := range c.Templates {
		b.Templates = append(b.Templates, examples.Template{ID: t.ID, Title: t.Title, Description: t.Description, Data: t.Model})
	}
	return b
}

// setStyle sets CSS custom properties on the root element through the
// CSSOM: the CSP forbids style attributes, not this.
func setStyle(props [][2]string) {
	style := app.Window().Get("document").Get("documentElement").Get("style")
	for _, p := range props {
		style.Call("setProperty", p[0], p[1])
	}
}
