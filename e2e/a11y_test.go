//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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

// tabTo presses Tab (or Shift+Tab) until the element with id has the
// focus, as a keyboard user moves through the page.
func tabTo(id string, back bool) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for i := 0; i < 400; i++ {
			var focused string
			if err := chromedp.Evaluate(`document.activeElement ? document.activeElement.id : ""`, &focused).Do(ctx); err != nil {
				return err
			}
			if focused == id {
				return nil
			}
			key := chromedp.KeyEvent(kb.Tab)
			if back {
				key = chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(input.ModifierShift))
			}
			if err := key.Do(ctx); err != nil {
				return err
			}
		}
		return fmt.Errorf("#%s cannot be reached with the Tab key", id)
	})
}

// typeKeys types text into the focused field after selecting what it holds.
func typeKeys(text string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.KeyEvent("a", chromedp.KeyModifiers(input.ModifierCtrl)).Do(ctx); err != nil {
			return err
		}
		return chromedp.KeyEvent(text).Do(ctx)
	})
}

// TestKeyboardOnly: a customer builds a scored assessment with the keyboard
// alone, and the results are announced in a polite live region.
func TestKeyboardOnly(t *testing.T) {
	ctx := newBrowser(t)
	openApp(t, ctx, "/?view=editor") // a first visit opens the questionnaire
	enter := chromedp.KeyEvent(kb.Enter)
	require.NoError(t, chromedp.Run(ctx,
		tabTo("open-library", false), enter,
		chromedp.WaitVisible("#library", chromedp.ByQuery),
		tabTo("new-blank", false), enter,
		chromedp.WaitNotPresent("#library", chromedp.ByQuery),
		tabTo("f-title", false), typeKeys("Keyboard only"),
		tabTo("add-benefit", false), enter,
		chromedp.WaitVisible("#f-item-b1-name", chromedp.ByQuery),
		tabTo("f-item-b1-name", false), typeKeys("Fast delivery"),
		tabTo("f-item-b1-weight", false), typeKeys("2"),
		tabTo("f-entry-s1-b1", false), typeKeys("5"),
		tabTo("add-cost", false), enter,
		chromedp.WaitVisible("#f-item-c1-name", chromedp.ByQuery),
		tabTo("f-item-c1-name", false), typeKeys("Price"),
		tabTo("f-entry-s1-c1", false), typeKeys("3"),
		waitValue("net-s1", 7), // 2×5 − 3
		// Reorder and undo from the keyboard too.
		tabTo("add-scenario", true), enter,
		waitJS(`document.querySelectorAll("[id^=result-]").length === 2`),
		chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)),
		waitJS(`document.querySelectorAll("[id^=result-]").length === 1`),
	))
	var live, politeness string
	var ok bool
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Text("#results-live", &live, chromedp.ByQuery),
		chromedp.AttributeValue("#results-live", "aria-live", &politeness, &ok, chromedp.ByQuery),
	))
	assert.Equal(t, "polite", politeness)
	assert.Equal(t, "Net value 7.", live)
	vs := axe(t, ctx)
	assert.Empty(t, vs, "%s", describe(vs))
}
