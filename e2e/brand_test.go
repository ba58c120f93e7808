//go:build e2e

package e2e

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brandData is the test brand: brand.json (name, logo, a green accent,
// its own template as the default), logo.svg, models/ with one valid
// template, broken/ with an invalid one, low-contrast.json.
const brandData = "../cmd/valuecalc/testdata/brand"

// serveBranded serves the site built with args (-brand, -templates) on a
// new port, for the length of the test, and returns its base URL.
func serveBranded(t *testing.T, args ...string) string {
	t.Helper()
	addr, err := freeAddr()
	require.NoError(t, err)
	cmd := exec.Command(envOr("VALUECALC_BIN", "../bin/valuecalc"),
		append([]string{"serve", "-addr", addr, "-web", envOr("VALUECALC_WEB", "../web")}, args...)...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	base := "http://" + addr
	require.NoError(t, waitHTTP(base+"/", 90*time.Second))
	return base
}

// cssValue is a computed style property of the first element selector
// matches, or of the root's custom property when selector is ":root".
func cssValue(t *testing.T, ctx context.Context, selector, prop string) string {
	t.Helper()
	var v string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
		`getComputedStyle(document.querySelector(`+jsString(selector)+`)).getPropertyValue(`+jsString(prop)+`).trim()`, &v)))
	return v
}

// TestBrandedBuild: a site built with -brand and -templates shows the
// brand's name in the top bar and the title, its logo, its accent on a
// primary button, opens its own template for a new user and lists it
// first; axe finds nothing with the custom accent.
func TestBrandedBuild(t *testing.T) {
	base := serveBranded(t, "-brand", filepath.Join(brandData, "brand.json"), "-templates", filepath.Join(brandData, "models"))
	ctx := newBrowser(t)
	problems := listenProblems(ctx)

	var title, name, alt, tplTitle string
	var logoWidth int
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(base+"/?view=editor"), waitReady(),
		chromedp.Title(&title),
		chromedp.Text("#brand .brand-name", &name, chromedp.ByQuery),
		chromedp.AttributeValue("#brand img", "alt", &alt, nil, chromedp.ByQuery),
		awaitJS(`(async () => { const img = document.querySelector("#brand img"); await img.decode(); return img.naturalWidth })()`, &logoWidth),
		chromedp.Value("#f-title", &tplTitle, chromedp.ByQuery),
	))
	assert.Equal(t, "Acme Value", title, "<title>")
	assert.Equal(t, "Acme Value", name, "the name in the top bar")
	assert.Equal(t, "Acme Value", alt, "the logo's alt text is the name")
	assert.Greater(t, logoWidth, 0, "the logo loads")
	assert.Equal(t, "Acme Helpdesk: value for support teams", tplTitle, "a new user opens the brand's template")

	assert.Equal(t, "rgb(10, 70, 38)", cssValue(t, ctx, ".topbar", "background-color"), "the top bar in the accent's dark shade")
	require.NoError(t, chromedp.Run(ctx, chromedp.Click("#open-share", chromedp.ByQuery), chromedp.WaitVisible("#copy-link", chromedp.ByQuery)))
	assert.Equal(t, "rgb(15, 107, 58)", cssValue(t, ctx, "#copy-link", "background-color"), "a primary button in the accent")
	vs := axe(t, ctx)
	assert.Empty(t, vs, "share dialog, custom accent: %s", describe(vs))

	var first string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#share-close", chromedp.ByQuery), chromedp.WaitNotPresent("#share", chromedp.ByQuery),
		chromedp.Click("#open-library", chromedp.ByQuery), chromedp.WaitVisible("#library", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#library .template")[1].id`, &first),
	))
	assert.Equal(t, "new-acme-helpdesk", first, "the brand's template is listed first, after the blank one")
	vs = axe(t, ctx)
	assert.Empty(t, vs, "library, custom accent: %s", describe(vs))

	var reportName string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#library-close", chromedp.ByQuery), chromedp.WaitNotPresent("#library", chromedp.ByQuery),
		chromedp.Click("#open-report", chromedp.ByQuery), chromedp.WaitVisible("#report", chromedp.ByQuery),
		chromedp.AttributeValue("#report-head-brand img", "alt", &reportName, nil, chromedp.ByQuery),
	))
	assert.Equal(t, "Acme Value", reportName, "the report carries the logo and name")
	vs = axe(t, ctx)
	assert.Empty(t, vs, "report, custom accent: %s", describe(vs))

	var tpl string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(base+"/?embed=1&template=acme-helpdesk"), waitReady(),
		chromedp.Text("#visitor-title", &tpl, chromedp.ByQuery),
	))
	assert.Equal(t, "Acme Helpdesk: value for support teams", tpl, "?template= opens a brand template")
	vs = axe(t, ctx)
	assert.Empty(t, vs, "embed, custom accent: %s", describe(vs))
	assert.Empty(t, problems.all(), "no CSP report, no error")
}

// TestBuildRefusesBadBrands: an invalid template stops the build with its
// problems listed, as does an accent too light to read.
func TestBuildRefusesBadBrands(t *testing.T) {
	bin := envOr("VALUECALC_BIN", "../bin/valuecalc")
	web := envOr("VALUECALC_WEB", "../web")
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"broken template", []string{"-templates", filepath.Join(brandData, "broken")}, []string{
			"bad-model.json: items[0].name: must not be blank",
			"bad-model.json: items[0].weight: must be between 0 and 1000, got -1",
			"bad-model.json: scenarios[0].entries.speed.score: must be between 1 and 5, got 9",
		}},
		{"low-contrast accent", []string{"-brand", filepath.Join(brandData, "low-contrast.json")}, []string{
			"low-contrast.json: accent: #7fdbff has a contrast of 1.56:1 with white",
			"below the 4.50:1 legible text needs",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			cmd := exec.Command(bin, append([]string{"build", "-o", out, "-web", web}, tt.args...)...)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit)
			assert.Equal(t, 1, exit.ExitCode())
			for _, w := range tt.want {
				assert.Contains(t, stderr.String(), w)
			}
			assert.NoFileExists(t, filepath.Join(out, "index.html"), "nothing is written")
		})
	}
}

// TestEmbedAccent: ?accent= recolours an embed through the CSSOM under
// the page's real CSP; one too light to read is refused, in the console,
// and the default colours stay.
func TestEmbedAccent(t *testing.T) {
	ctx := newBrowser(t)
	problems := listenProblems(ctx)
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(baseURL+"/?embed=1&template=segments&accent=15803d"), waitReady()))
	assert.Equal(t, "#15803d", cssValue(t, ctx, ":root", "--accent"))
	assert.Equal(t, "rgb(21, 128, 61)", cssValue(t, ctx, ".choice input:checked + .choice-face", "background-color"),
		"a chosen answer in the accent")
	vs := axe(t, ctx)
	assert.Empty(t, vs, "embed with ?accent=: %s", describe(vs))
	assert.Empty(t, problems.all(), "the CSP allows the CSSOM")

	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(baseURL+"/?embed=1&template=segments&accent=ffff00"), waitReady()))
	assert.Equal(t, "#1d4ed8", cssValue(t, ctx, ":root", "--accent"), "the default accent stays")
	assert.Equal(t, "rgb(29, 78, 216)", cssValue(t, ctx, ".choice input:checked + .choice-face", "background-color"))
	var warned bool
	for _, p := range problems.all() {
		warned = warned || strings.Contains(p, "?accent= ignored: #ffff00 has a contrast of 1.07:1 with white")
	}
	assert.True(t, warned, "the console says why: %v", problems.all())
}

// TestEmbedKitLangAccent: the embed kit passes lang and accent to the
// calculator, which speaks the language (State.Lang, <html lang> once the
// catalogue is in) and wears the accent.
func TestEmbedKitLangAccent(t *testing.T) {
	hostURL := serveHost(t, `<!doctype html><html><head><title>host</title></head><body><div id="kit"></div>
<script src="%s/web/embed.js"></script>
<script>valuecalc.embed("#kit", {template: "segments", lang: "de", accent: "#15803d"});</script></body></html>`, baseURL)
	ctx := newBrowser(t)
	var src string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(hostURL), chromedp.WaitVisible("#kit iframe", chromedp.ByQuery),
		chromedp.AttributeValue("#kit iframe", "src", &src, nil, chromedp.ByQuery),
	))
	u, err := url.Parse(src)
	require.NoError(t, err)
	assert.Equal(t, "de", u.Query().Get("lang"))
	assert.Equal(t, "15803d", u.Query().Get("accent"), "without its #, as SPEC §6 has it")

	// Inside the frame, as the visitor sees it.
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(src), waitReady()))
	assert.Equal(t, "#15803d", cssValue(t, ctx, ":root", "--accent"))
}

// TestBrandedOffline: a branded site under a sub-path (GitHub Pages'
// project sites) opens offline after one visit, with its logo, its accent
// and a template of its own larger than the 8 KB a Go wasm's environment
// holds (the brand travels in app.js).
func TestBrandedOffline(t *testing.T) {
	const prefix = "/acme"
	site := newSiteServer(t, buildSite(t, envOr("VALUECALC_WEB", "../web"), "-prefix", prefix,
		"-brand", filepath.Join(brandData, "brand.json"), "-templates", filepath.Join(brandData, "models")), prefix)
	ctx := newBrowser(t)
	openAppAt(t, ctx, site.URL+prefix+"/?view=editor")
	require.NoError(t, chromedp.Run(ctx, waitCached()))

	site.Stop()
	var title, logo string
	var logoWidth int
	openAppAt(t, ctx, site.URL+prefix+"/?template=acme-large&view=editor")
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Value("#f-title", &title, chromedp.ByQuery),
		chromedp.AttributeValue("#brand img", "src", &logo, nil, chromedp.ByQuery),
		awaitJS(`(async () => { const img = document.querySelector("#brand img"); await img.decode(); return img.naturalWidth })()`, &logoWidth),
	))
	assert.Equal(t, "Acme large: forty items", title)
	assert.Equal(t, prefix+"/web/brand-logo.svg", logo)
	assert.Greater(t, logoWidth, 0, "the logo comes from the service worker's cache")
	assert.Equal(t, "rgb(10, 70, 38)", cssValue(t, ctx, ".topbar", "background-color"), "brand.css is cached too")
}
