//go:build e2e

package e2e

import (
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// moneyFigures are the dollar amounts written in s, English style, with
// their sign: "−$46,388", "$412.50".
var moneyFigures = regexp.MustCompile(`[−-]?\$[0-9][0-9,]*(?:\.[0-9]+)?`)

// cliNets are the net values `valuecalc eval` prints, by scenario order.
var cliNets = regexp.MustCompile(`(?m)^  Net value +(\S+)$`)

// TestOneFormatter: the command line and the page write a model's figures
// with one formatter and one rule for cents. The nets `valuecalc eval`
// prints are the nets the English page shows (with the minus sign for the
// hyphen); a model whose amounts are whole shows no cents on the page or
// in the report; one amount with cents gives every amount of the results
// and the report cents; and the German report writes German figures
// ("−46.388 $"). Screenshots of the report at 1440 and 375 px go to
// $VALUECALC_SHOTS.
func TestOneFormatter(t *testing.T) {
	out, err := exec.Command(envOr("VALUECALC_BIN", "../bin/valuecalc"), "eval", "../examples/software-purchase.json").Output()
	require.NoError(t, err)
	var cli []string
	for _, m := range cliNets.FindAllStringSubmatch(string(out), -1) {
		cli = append(cli, strings.Replace(m[1], "-", "−", 1))
	}
	require.Len(t, cli, 2, "%s", out)

	ctx := newBrowser(t)
	require.NoError(t, chromedp.Run(ctx, atWidth(1440)))
	openApp(t, ctx, "/?template=software-purchase&view=editor&lang=en")
	for i, id := range []string{"status-quo", "with-us"} {
		assert.Equal(t, cli[i], text(t, ctx, "#net-"+id), "the CLI's net of %s is the page's", id)
	}
	// withoutAxes is the text of sel without its charts' axes, whose
	// whole steps write whole money ("$50,000") in any model.
	withoutAxes := func(sel string) string {
		var s string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => { const c = document.querySelector(%q).cloneNode(true);
			c.querySelectorAll("svg").forEach(s => s.remove()); return c.textContent })()`, sel), &s)))
		return s
	}
	report := func() string {
		require.NoError(t, chromedp.Run(ctx, chromedp.Click("#open-report", chromedp.ByQuery), chromedp.WaitVisible("#report-answer", chromedp.ByQuery)))
		return withoutAxes("#report-answer")
	}
	for _, f := range moneyFigures.FindAllString(withoutAxes("#results")+report(), -1) {
		assert.NotContains(t, f, ".", "whole amounts: no cents in %q", f)
	}
	shotAt(t, ctx, 1440, "figures-report-en")
	shotAt(t, ctx, 375, "figures-report-en")

	// One amount with cents: cents on every amount.
	openApp(t, ctx, "/?template=software-purchase&view=editor&lang=en")
	implementation := fid("entry/with-us/implementation")
	require.NoError(t, chromedp.Run(ctx, atWidth(1440),
		typeInto(implementation, "8000.5"), chromedp.KeyEvent(kb.Tab),
		waitJS(`document.getElementById("net-with-us").textContent.includes(".")`),
	))
	page := withoutAxes("#results")
	figures := moneyFigures.FindAllString(page+report(), -1)
	require.NotEmpty(t, figures, page)
	for _, f := range figures {
		assert.Regexp(t, `\.[0-9]{2}$`, f, "an amount with cents in the model: cents on every amount")
	}
	shotAt(t, ctx, 1440, "figures-report-en-cents")
	shotAt(t, ctx, 375, "figures-report-en-cents")

	// German: German figures, the currency after them.
	openApp(t, ctx, "/?template=software-purchase&view=editor&lang=de")
	summary := report()
	assert.Contains(t, summary, "−46.388\u00a0$")
	assert.NotRegexp(t, `\$[0-9]`, summary, "no symbol before a number in German")
	assert.NotRegexp(t, `[0-9],[0-9]{3}\b`, summary, "no English grouping in German")
	shotAt(t, ctx, 1440, "figures-report-de")
	shotAt(t, ctx, 375, "figures-report-de")
}
