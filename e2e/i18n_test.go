//go:build e2e

package e2e

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
)

// englishPhrases are the English catalogue's texts of two words or more
// that German says otherwise, cut at their placeholders: what a German
// page must not show.
func englishPhrases() []string {
	verb := regexp.MustCompile(`%(\[\d+\])?[-+#0]*\d*(\.\d+)?[a-zA-Z%]`)
	de := i18n.Texts(i18n.DE)
	seen := map[string]bool{}
	var out []string
	for k, en := range i18n.Texts(i18n.EN) {
		if en == de[k] {
			continue
		}
		for _, form := range strings.Split(en, "|") {
			for _, part := range verb.Split(form, -1) {
				part = strings.Trim(part, " .,:;()“”?…·")
				if len(strings.Fields(part)) >= 2 && !seen[part] && !strings.Contains(de[k], part) {
					seen[part] = true
					out = append(out, part)
				}
			}
		}
	}
	return out
}

// noEnglish asserts that the page says lang="de" and that its text holds
// none of the English phrases.
func noEnglish(t *testing.T, ctx context.Context, face string, phrases []string) {
	t.Helper()
	var lang, body string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`document.documentElement.lang`, &lang),
		chromedp.Evaluate(`document.body.innerText`, &body),
	), face)
	assert.Equal(t, "de", lang, "%s: <html lang>", face)
	for _, p := range phrases {
		assert.NotContains(t, body, p, "%s shows English", face)
	}
}

// TestGermanHasNoEnglish walks every face of the app in German (?lang=de)
// — the editors of both modes, each dialog, the report, the visitor view
// and the embed — and finds no phrase of the English catalogue on any of
// them; axe finds no violation in German.
func TestGermanHasNoEnglish(t *testing.T) {
	phrases := englishPhrases()
	require.Greater(t, len(phrases), 200, "the English catalogue's phrases")
	ctx := newBrowserFor(t, 4*time.Minute)
	de := func(k i18n.Key) string { return i18n.DE.T(k) }
	wait := func(face string, actions ...chromedp.Action) {
		t.Helper()
		require.NoError(t, chromedp.Run(ctx, actions...), face)
		noEnglish(t, ctx, face, phrases)
	}
	wait("the score editor", chromedp.Navigate(baseURL+"/?view=editor&lang=de"), waitReady(),
		waitJS(`document.body.innerText.includes(`+jsString(de(i18n.ItemsAndScenarios))+`)`))
	assert.Contains(t, text(t, ctx, "#grid-title"), "Posten und Szenarien")
	var title string
	require.NoError(t, chromedp.Run(ctx, chromedp.Title(&title)))
	assert.Equal(t, de(i18n.PageTitle), title)
	vs := axe(t, ctx)
	assert.Empty(t, vs, "axe in German: %s", describe(vs))

	wait("a row's details", chromedp.Click(`#grid .more-btn`, chromedp.ByQuery), chromedp.WaitVisible(`.item-details`, chromedp.ByQuery))
	wait("the ranges", chromedp.Click("#toggle-ranges", chromedp.ByQuery), chromedp.WaitVisible(`.cell-range`, chromedp.ByQuery))
	wait("the share dialog", chromedp.Click("#open-share", chromedp.ByQuery), chromedp.WaitVisible("#share-link", chromedp.ByQuery))
	wait("the files dialog", chromedp.Click("#share-close", chromedp.ByQuery), chromedp.WaitNotPresent("#share", chromedp.ByQuery),
		chromedp.Click("#open-files", chromedp.ByQuery), chromedp.WaitVisible("#files", chromedp.ByQuery))
	wait("the library", chromedp.Click("#files-close", chromedp.ByQuery), chromedp.WaitNotPresent("#files", chromedp.ByQuery),
		chromedp.Click("#open-library", chromedp.ByQuery), chromedp.WaitVisible("#library", chromedp.ByQuery))
	assert.Contains(t, text(t, ctx, "#library"), "Segmentvergleich", "templates in German")
	wait("the mode switch", chromedp.Click("#library-close", chromedp.ByQuery), chromedp.WaitNotPresent("#library", chromedp.ByQuery),
		chromedp.Click("#mode-money", chromedp.ByQuery), chromedp.WaitVisible("#confirm-mode", chromedp.ByQuery))
	wait("the explain dialog", chromedp.Click("#confirm-mode-no", chromedp.ByQuery), chromedp.WaitNotPresent("#confirm-mode", chromedp.ByQuery),
		chromedp.Click("#explain-net-with-us", chromedp.ByQuery), chromedp.WaitVisible("#explain", chromedp.ByQuery))
	wait("a field error", chromedp.Click("#explain-close", chromedp.ByQuery), chromedp.WaitNotPresent("#explain", chromedp.ByQuery),
		typeInto("f-title", ""), chromedp.WaitVisible("#f-title-err", chromedp.ByQuery))
	wait("the presentation", chromedp.Click("#present", chromedp.ByQuery), chromedp.WaitVisible("#presentation", chromedp.ByQuery))
	wait("the report", chromedp.Click("#present-exit", chromedp.ByQuery), chromedp.WaitNotPresent("#presentation", chromedp.ByQuery),
		chromedp.Click("#open-report", chromedp.ByQuery), chromedp.WaitVisible("#report", chromedp.ByQuery))
	assert.Regexp(t, `\d+\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}`,
		text(t, ctx, ".report-head"), "the report's date in German")

	wait("the money editor", chromedp.Navigate(baseURL+"/?template=software-purchase&view=editor&lang=de"), waitReady(),
		waitJS(`document.querySelector("#how-sure .tornado") !== null`))
	assert.Regexp(t, `\d\.\d{3}[\s\x{00a0}]\$`, text(t, ctx, "#results"), "?lang=de writes numbers the German way")
	wait("the money report", chromedp.Click("#open-report", chromedp.ByQuery), chromedp.WaitVisible("#report", chromedp.ByQuery))
	wait("the visitor view", chromedp.Navigate(baseURL+"/?view=visitor&lang=de"), waitReady(),
		chromedp.WaitVisible("#question-list", chromedp.ByQuery))
	wait("the embed", chromedp.Navigate(baseURL+"/?embed=1&lang=de"), waitReady(), chromedp.WaitVisible("#visitor-answer", chromedp.ByQuery))
	wait("the embed's editor", chromedp.Navigate(baseURL+"/?embed=1&view=editor&lang=de"), waitReady(),
		chromedp.WaitVisible("#grid", chromedp.ByQuery))
	assert.Equal(t, 0, count(t, ctx, "#lang-menu"), "an embed's host chooses its language: no menu")
}

// TestFrenchAndSpanish: the French and Spanish editors load in their own
// words.
func TestFrenchAndSpanish(t *testing.T) {
	ctx := newBrowser(t)
	for _, l := range []i18n.Lang{i18n.FR, i18n.ES} {
		openApp(t, ctx, "/?view=editor&lang="+string(l))
		require.NoError(t, chromedp.Run(ctx, waitJS(`document.documentElement.lang === `+jsString(string(l)))))
		assert.Equal(t, l.T(i18n.ItemsAndScenarios), text(t, ctx, "#grid-title"), l)
		assert.Equal(t, l.T(i18n.Share), text(t, ctx, "#open-share"), l)
		assert.Contains(t, text(t, ctx, "#grid"), l.T(i18n.TypeFunctional)[:4], l)
		assert.Contains(t, text(t, ctx, "#results"), l.T(i18n.Benefits), l)
	}
}

// TestLanguageMenuIsRemembered: a language chosen in the menu stays
// after a reload and wins over the browser's (en-US here); ?lang= wins
// over it.
func TestLanguageMenuIsRemembered(t *testing.T) {
	ctx := newBrowser(t)
	openApp(t, ctx, "/?view=editor")
	require.NoError(t, chromedp.Run(ctx, waitJS(`document.documentElement.lang === "en"`)))
	assert.Equal(t, "Items and scenarios", text(t, ctx, "#grid-title"))
	// <html lang> changes with the text it names, never before it: what
	// the grid's title said each time the page's language changed.
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.langSaw = [];
		new MutationObserver(() => window.langSaw.push(document.documentElement.lang + ": " + document.getElementById("grid-title").textContent.trim()))
			.observe(document.documentElement, {attributes: true, attributeFilter: ["lang"]}); true`, nil)))
	require.NoError(t, chromedp.Run(ctx, selectValue("lang-menu", "de"),
		waitJS(`document.documentElement.lang === "de"`)))
	assert.Equal(t, "Posten und Szenarien", text(t, ctx, "#grid-title"))
	var saw []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.langSaw`, &saw)))
	assert.Equal(t, []string{"de: Posten und Szenarien"}, saw, "the page said German when its text was")

	openApp(t, ctx, "/?view=editor")
	require.NoError(t, chromedp.Run(ctx, waitJS(`document.documentElement.lang === "de"`)))
	assert.Equal(t, "Posten und Szenarien", text(t, ctx, "#grid-title"), "remembered after a reload")
	var chosen string
	require.NoError(t, chromedp.Run(ctx, chromedp.Value("#lang-menu", &chosen, chromedp.ByQuery)))
	assert.Equal(t, "de", chosen)

	openApp(t, ctx, "/?view=editor&lang=es")
	require.NoError(t, chromedp.Run(ctx, waitJS(`document.documentElement.lang === "es"`)))
	assert.Equal(t, i18n.ES.T(i18n.ItemsAndScenarios), text(t, ctx, "#grid-title"), "?lang= wins")
}
