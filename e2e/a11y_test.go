//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// axeViolation is one rule axe-core found broken, with where.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []string `json:"target"`
		HTML   string   `json:"html"`
	} `json:"nodes"`
}

// axe runs axe-core (WCAG 2.1 A and AA rules) on the page as it is and
// returns what it finds. make test installs axe-core with npm.
func axe(t *testing.T, ctx context.Context) []axeViolation {
	t.Helper()
	src, err := os.ReadFile(envOr("AXE_JS", "../.cache/axe/node_modules/axe-core/axe.min.js"))
	require.NoError(t, err, "axe-core (make test installs it)")
	var raw string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(string(src)+";true", nil),
		awaitJS(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => JSON.stringify(r))`, &raw),
	))
	var res struct {
		Violations []axeViolation `json:"violations"`
		Passes     []axeViolation `json:"passes"`
	}
	require.NoError(t, json.Unmarshal([]byte(raw), &res))
	require.Greater(t, len(res.Passes), 10, "axe checked the page")
	return res.Violations
}

func describe(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "%s: %s\n", v.ID, v.Help)
		for i, n := range v.Nodes {
			if i == 3 {
				fmt.Fprintf(&b, "    … %d more\n", len(v.Nodes)-3)
				break
			}
			fmt.Fprintf(&b, "    %v %.120s\n", n.Target, n.HTML)
		}
	}
	return b.String()
}

// TestAccessibility: axe-core finds no WCAG 2.1 AA violation in the
// editor (both modes, with each dialog open), the report and the embed.
func TestAccessibility(t *testing.T) {
	ctx := newBrowser(t)
	check := func(name string, setup ...chromedp.Action) {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, chromedp.Run(ctx, setup...))
			vs := axe(t, ctx)
			assert.Empty(t, vs, "%s", describe(vs))
		})
	}
	check("money editor", chromedp.Navigate(baseURL+"/?template=software-purchase"), waitReady())
	check("explain dialog", chromedp.Click("#explain-net-with-us", chromedp.ByQuery), chromedp.WaitVisible("#explain", chromedp.ByQuery))
	check("share dialog", chromedp.Click("#explain-close", chromedp.ByQuery), chromedp.WaitNotPresent("#explain", chromedp.ByQuery),
		chromedp.Click("#open-share", chromedp.ByQuery), chromedp.WaitVisible("#share-link", chromedp.ByQuery))
	check("files dialog", chromedp.Click("#share-close", chromedp.ByQuery), chromedp.WaitNotPresent("#share", chromedp.ByQuery),
		chromedp.Click("#open-files", chromedp.ByQuery), chromedp.WaitVisible("#files", chromedp.ByQuery))
	check("library", chromedp.Click("#files-close", chromedp.ByQuery), chromedp.WaitNotPresent("#files", chromedp.ByQuery),
		chromedp.Click("#open-library", chromedp.ByQuery), chromedp.WaitVisible("#library", chromedp.ByQuery))
	check("report", chromedp.Click("#library-close", chromedp.ByQuery), chromedp.WaitNotPresent("#library", chromedp.ByQuery),
		chromedp.Click("#open-report", chromedp.ByQuery), chromedp.WaitVisible("#report", chromedp.ByQuery))
	check("score editor with an error", chromedp.Navigate(baseURL+"/?template=customer-value"), waitReady(),
		typeInto(fid("entry/with-us/quality"), "nine"), chromedp.WaitVisible("#"+fid("entry/with-us/quality")+"-err", chromedp.ByQuery))
	check("embed", chromedp.Navigate(baseURL+"/?embed=1&template=segments"), waitReady())

	// The check can fail: an unlabelled field is found.
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.body.append(document.createElement("input")); true`, nil)))
	ids := map[string]bool{}
	for _, v := range axe(t, ctx) {
		ids[v.ID] = true
	}
	assert.True(t, ids["label"], "axe reports an unlabelled input: %v", ids)
}
