//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// canaryJS runs in every document of the tab before any script of the
// page. Hostile input that gets to run sets window.__canary or calls
// alert, confirm or prompt (all trip the canary: the app opens none of
// them, its questions are dialogs of the page). From DOMContentLoaded on,
// a mutation observer records every element or attribute that could run
// code or load something: script, img, iframe, object, embed, on*
// attributes and javascript: URLs.
const canaryJS = `(() => {
  window.__canary = 0;
  window.__tripped = [];
  const trip = (what) => function () {
    window.__canary = 1;
    window.__tripped.push(what + "(" + [...arguments].join(", ") + ")");
    return what === "confirm" ? false : undefined;
  };
  window.alert = trip("alert");
  window.confirm = trip("confirm");
  window.prompt = trip("prompt");
  window.__watch = false;
  window.__injected = [];
  const risky = "script, img, iframe, frame, object, embed, [onerror], [onload], [onclick], [onfocus], [onmouseover], " +
    "a[href^='javascript:' i], [src^='javascript:' i], [action^='javascript:' i], [formaction^='javascript:' i]";
  const note = (el) => window.__injected.push((el.outerHTML || el.nodeName).slice(0, 160));
  new MutationObserver((records) => {
    if (!window.__watch) return;
    for (const r of records) {
      if (r.type === "attributes") {
        const name = r.attributeName || "";
        const value = (r.target.getAttribute && r.target.getAttribute(name)) || "";
        if (name.toLowerCase().startsWith("on") ||
            (/^(href|src|action|formaction|xlink:href)$/i.test(name) && /^\s*javascript:/i.test(value))) {
          note(r.target);
        }
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.matches(risky)) note(n);
        for (const m of n.querySelectorAll(risky)) note(m);
      }
    }
  }).observe(document, {childList: true, subtree: true, attributes: true});
  document.addEventListener("DOMContentLoaded", () => { window.__watch = true; });
})();`

// onNewDocument runs js in every new document of the tab, before the
// page's own scripts.
func onNewDocument(js string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(js).Do(ctx)
		return err
	})
}

// longBrowser is newBrowser for a test that runs many rows in one
// browser: the same Chromium, with a longer deadline.
func longBrowser(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	return newBrowserFor(t, d)
}

// pasteInto replaces the text of the input with id by text in one go, as
// a paste does: one input event with the whole text, so no prefix of it
// is ever a value on its own ("1e309" never passes through "1e3").
func pasteInto(id, text string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		js := fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.focus(); el.select(); return true })()`, id)
		if err := chromedp.Evaluate(js, nil).Do(ctx); err != nil {
			return err
		}
		if text == "" {
			return chromedp.KeyEvent("\b").Do(ctx)
		}
		return input.InsertText(text).Do(ctx)
	})
}

// restoreField puts back the text a field showed before a row.
func restoreField(id, text string) chromedp.Action {
	if text == "" {
		return typeInto(id, "")
	}
	return pasteInto(id, text)
}

// noScriptRan asserts that nothing hostile ran or was added to the page,
// after giving an injected image the time to fail and fire onerror.
func noScriptRan(t *testing.T, ctx context.Context) {
	t.Helper()
	time.Sleep(300 * time.Millisecond)
	var state struct {
		Canary   int      `json:"canary"`
		Tripped  []string `json:"tripped"`
		Injected []string `json:"injected"`
		Watching bool     `json:"watching"`
	}
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
		`({canary: window.__canary, tripped: window.__tripped, injected: window.__injected, watching: window.__watch})`, &state)))
	assert.True(t, state.Watching, "the canary is installed")
	assert.Equal(t, 0, state.Canary, "a hostile script ran: %v", state.Tripped)
	assert.Empty(t, state.Tripped, "alert or confirm was called")
	assert.Empty(t, state.Injected, "elements that can run code were added to the page")
}

// countImages returns how many img elements the page has.
func countImages(t *testing.T, ctx context.Context) int {
	t.Helper()
	var n int
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("img").length`, &n)))
	return n
}

// autosaveWait is longer than the editor's delay between an edit and its
// autosave (saveDelay in app/editor-page.go, 700 ms).
const autosaveWait = time.Second

// settled waits until the editor has saved everything and returns the
// storage snapshot.
func settled(t *testing.T, ctx context.Context) string {
	t.Helper()
	saved := waitJS(`document.getElementById("save-status").textContent === "Saved on this device"`)
	require.NoError(t, chromedp.Run(ctx, saved), "not saved: %s", pageState(t, ctx))
	time.Sleep(autosaveWait)
	require.NoError(t, chromedp.Run(ctx, saved), "not saved: %s", pageState(t, ctx))
	return storage(t, ctx)
}

// pageState describes the save status, banners and notice, for failures.
func pageState(t *testing.T, ctx context.Context) string {
	var s string
	chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify({
		status: (document.getElementById("save-status") || {}).textContent,
		banners: [...document.querySelectorAll(".banner, .field-error")].map(b => (b.id || b.className) + ": " + b.textContent),
		notice: (document.getElementById("notice") || {}).textContent,
	})`, &s))
	return s
}

// savedModels decodes every saved assessment, by id.
func savedModels(t *testing.T, ctx context.Context) map[string]calc.Model {
	t.Helper()
	var recs map[string]string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`Object.fromEntries(Object.keys(localStorage)
		.filter(k => k.startsWith("valuecalc/v1/doc/")).map(k => [k.slice("valuecalc/v1/doc/".length), localStorage.getItem(k)]))`, &recs)))
	out := make(map[string]calc.Model, len(recs))
	for id, raw := range recs {
		var rec struct {
			Model json.RawMessage `json:"model"`
		}
		require.NoError(t, json.Unmarshal([]byte(raw), &rec), "record %s", id)
		m, err := calc.Decode(rec.Model)
		require.NoError(t, err, "record %s", id)
		out[id] = m
	}
	return out
}

// currentModel is the saved model of the assessment open now.
func currentModel(t *testing.T, ctx context.Context) calc.Model {
	t.Helper()
	var id string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`localStorage.getItem("valuecalc/v1/current") || ""`, &id)))
	m, ok := savedModels(t, ctx)[id]
	require.True(t, ok, "no saved assessment %q", id)
	return m
}

func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	var s string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(document.querySelector(`+jsString(sel)+`) || {}).textContent || ""`, &s)))
	return s
}

func valueOf(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	var s string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById(`+jsString(id)+`).value`, &s)))
	return s
}

// savedWork is ownWork, reading saved records as JSON rather than as
// text: the browser has an assessment of its own, saved, titled "Mine".
func savedWork(t *testing.T, ctx context.Context) string {
	t.Helper()
	openApp(t, ctx, "/?template=customer-value")
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-title", "Mine"),
		waitSavedTitle("Mine"),
		waitJS(savedStatus),
	))
	s := storage(t, ctx)
	require.Contains(t, s, "Mine")
	return s
}

// hostileTexts try to run code wherever the app shows a name. They are
// valid names: they must show and be saved as the very text typed. (A
// right-to-left override is no text: TestControlCharactersTyped.)
var hostileTexts = []struct{ name, text string }{
	{"script tag", `<script>window.__canary=1</script>`},
	{"img onerror", `<img src=x onerror="window.__canary=1">`},
	{"javascript URL", `javascript:window.__canary=1`},
	{"right-to-left text and mark", "Fees \u05e9\u05dc\u05d5\u05dd\u200f exe.txt 2024"},
	{"svg onload", `<svg/onload=window.__canary=1>`},
	{"closing tags", `"></textarea></title></script><img src=x onerror=alert(1)>`},
}

// TestHostileInputTable: bad numbers, hostile names, files and links, in
// one browser with a canary installed before the app runs. Every bad
// value gets a clear message where it was typed or in the import or link
// error; nothing saved changes; no script runs.
func TestHostileInputTable(t *testing.T) {
	ctx := longBrowser(t, 10*time.Minute)
	require.NoError(t, chromedp.Run(ctx, onNewDocument(canaryJS)))

	t.Run("the canary sees what it must", func(t *testing.T) {
		// A control: were the canary blind, every row would pass.
		openFresh(t, ctx, baseURL+"/?template=customer-value")
		var state struct {
			Canary   int      `json:"canary"`
			Injected []string `json:"injected"`
		}
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Evaluate(`alert("control"); document.body.insertAdjacentHTML("beforeend", '<img id="control" src="x">'); true`, nil),
			waitJS(`window.__injected.length > 0`),
			chromedp.Evaluate(`({canary: window.__canary, injected: window.__injected})`, &state),
			chromedp.Evaluate(`document.getElementById("control").remove(); window.__canary = 0; window.__tripped = []; window.__injected = []; true`, nil),
		))
		assert.Equal(t, 1, state.Canary, "alert trips the canary")
		assert.Len(t, state.Injected, 1, "an added img is seen")
		noScriptRan(t, ctx)
	})
	t.Run("money cells", func(t *testing.T) { hostileMoney(t, ctx) })
	t.Run("score cells", func(t *testing.T) { hostileScores(t, ctx) })
	t.Run("names", func(t *testing.T) { hostileNames(t, ctx) })
	t.Run("imports", func(t *testing.T) { hostileImports(t, ctx) })
	t.Run("links", func(t *testing.T) { hostileLinks(t, ctx) })
}

// numberRow is text pasted into a number field: refused with msg, or
// accepted as the value want.
type numberRow struct {
	name, key, text string
	msg             string   // the message under the field, when refused
	want            *float64 // the value the model takes, when accepted
}

func hostileMoney(t *testing.T, ctx context.Context) {
	m := template(t, "software-purchase")
	openFresh(t, ctx, baseURL+"/?template=software-purchase")
	m.Title = "Hostile money"
	require.NoError(t, chromedp.Run(ctx, typeInto("f-title", m.Title)))
	settled(t, ctx)
	checkResults(t, ctx, m)

	const s, it = "with-us", "training" // $3,000 once
	cell := "entry/" + s + "/" + it
	notNumber := "Enter a number, such as 1200 or 4.5."
	amountRange := "Enter an amount between 0 and " + calc.StyleOf("en").Number(calc.MaxAmount, 0) + "."
	rows := []numberRow{
		{name: "NaN", key: cell, text: "NaN", msg: notNumber},
		{name: "Infinity", key: cell, text: "Infinity", msg: notNumber},
		{name: "-Infinity", key: cell, text: "-Infinity", msg: notNumber},
		{name: "1e309", key: cell, text: "1e309", msg: "This number is too large."},
		{name: "1e13 above the limit", key: cell, text: "1e13", msg: amountRange},
		{name: "-5", key: cell, text: "-5", msg: amountRange},
		{name: "-$5", key: cell, text: "-$5", msg: amountRange},
		{name: "1.200,50 typed the German way is 1200.5", key: cell, text: "1.200,50", want: calc.Float(1200.5)},
		{name: "1,5 typed the German way is 1.5", key: cell, text: "1,5", want: calc.Float(1.5)},
		{name: "-0 is 0", key: cell, text: "-0", want: calc.Float(0)},
		{name: "$1,200 is 1200", key: cell, text: "$1,200", want: calc.Float(1200)},
		{name: "1,200.50 is 1200.5", key: cell, text: "1,200.50", want: calc.Float(1200.5)},
		{name: "negative hours", key: "entry/" + s + "/learning", text: "-3",
			msg: "Enter hours between 0 and " + calc.StyleOf("en").Number(calc.MaxHours, 0) + "."},
		{name: "item weight -1", key: "item/" + it + "/weight", text: "-1", msg: "Enter a weight between 0 and 1000."},
		{name: "item weight 1e309", key: "item/" + it + "/weight", text: "1e309", msg: "This number is too large."},
		{name: "item weight NaN", key: "item/" + it + "/weight", text: "NaN", msg: notNumber},
		{name: "scenario weight -1", key: cell + "/weight", text: "-1", msg: "Enter a weight between 0 and 1000."},
		{name: "scenario weight Infinity", key: cell + "/weight", text: "Infinity", msg: notNumber},
		{name: "hourly rate -60", key: "hourly", text: "-60", msg: "Enter a rate of 0 or more."},
		{name: "hourly rate NaN", key: "hourly", text: "NaN", msg: notNumber},
		{name: "discount rate Infinity %", key: "discount", text: "Infinity%", msg: notNumber},
	}
	numberRows(t, ctx, m, rows, func(m *calc.Model, v float64) { setAmount(m, s, it, v) })
}

func hostileScores(t *testing.T, ctx context.Context) {
	m := template(t, "customer-value")
	openFresh(t, ctx, baseURL+"/?template=customer-value")
	m.Title = "Hostile scores"
	require.NoError(t, chromedp.Run(ctx, typeInto("f-title", m.Title)))
	settled(t, ctx)
	checkResults(t, ctx, m)

	const s, it = "status-quo", "quality" // score 2
	cell := "entry/" + s + "/" + it
	notNumber := "Enter a number, such as 1200 or 4.5."
	outOfScale := "Enter a score from 1 to 5."
	rows := []numberRow{
		{name: "NaN", key: cell, text: "NaN", msg: notNumber},
		{name: "Infinity", key: cell, text: "Infinity", msg: notNumber},
		{name: "-Infinity", key: cell, text: "-Infinity", msg: notNumber},
		{name: "1e309", key: cell, text: "1e309", msg: "This number is too large."},
		{name: "-0 is 0, below the scale", key: cell, text: "-0", msg: outOfScale},
		{name: "99", key: cell, text: "99", msg: outOfScale},
		{name: "-3", key: cell, text: "-3", msg: outOfScale},
		{name: "4,5 typed the German way is 4.5", key: cell, text: "4,5", want: calc.Float(4.5)},
		{name: "4.5 decimal", key: cell, text: "4.5", want: calc.Float(4.5)},
		{name: "scenario weight -1", key: cell + "/weight", text: "-1", msg: "Enter a weight between 0 and 1000."},
		{name: "item weight 1e309", key: "item/" + it + "/weight", text: "1e309", msg: "This number is too large."},
		{name: "item weight -0.5", key: "item/" + it + "/weight", text: "-0.5", msg: "Enter a weight between 0 and 1000."},
	}
	numberRows(t, ctx, m, rows, func(m *calc.Model, v float64) {
		editEntry(m, s, it, func(e *calc.Entry) { e.Score = calc.Float(v) })
	})
}

// numberRows pastes each row's text into its field. A refused value shows
// its message under the field, marked invalid, keeps the text, and
// changes neither the results nor anything saved. An accepted one (only
// in the row's own cell, applied to m by set) changes the results and is
// saved as the plain number.
func numberRows(t *testing.T, ctx context.Context, m calc.Model, rows []numberRow, set func(*calc.Model, float64)) {
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			id := fid(r.key)
			before := valueOf(t, ctx, id)
			snapshot := settled(t, ctx)
			imgs := countImages(t, ctx)
			require.NoError(t, chromedp.Run(ctx, pasteInto(id, r.text)))
			if r.want == nil {
				var invalid string
				var ok bool
				require.NoError(t, chromedp.Run(ctx,
					waitJSFor(5*time.Second, fmt.Sprintf(`!!document.getElementById(%q)`, id+"-err")),
					chromedp.AttributeValue("#"+id, "aria-invalid", &invalid, &ok, chromedp.ByQuery),
				), "no message under %s for %q", id, r.text)
				assert.Equal(t, r.msg, textOf(t, ctx, "#"+id+"-err"))
				assert.Equal(t, "true", invalid)
				assert.Equal(t, r.text, valueOf(t, ctx, id), "the typed text stays")
				res := calc.Evaluate(m)
				for _, sr := range res.Scenarios {
					approx(t, sr.Net, dataValue(t, ctx, "net-"+sr.ID), "results keep the last valid value")
				}
				time.Sleep(autosaveWait) // past the autosave
				assert.Equal(t, snapshot, storage(t, ctx), "nothing saved changed")
			} else {
				changed := m
				changed.Scenarios = slices.Clone(m.Scenarios) // editEntry copies the entries it edits
				set(&changed, *r.want)
				checkResults(t, ctx, changed)
				require.NoError(t, chromedp.Run(ctx, chromedp.WaitNotPresent("#"+id+"-err", chromedp.ByQuery)))
				settled(t, ctx)
				saved := currentModel(t, ctx)
				assert.Equal(t, changed.Scenarios, saved.Scenarios, "saved as the number %v", *r.want)
				var raw string
				require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`localStorage.getItem("valuecalc/v1/doc/" + localStorage.getItem("valuecalc/v1/current"))`, &raw)))
				assert.NotContains(t, raw, ":-0", "no negative zero saved")
			}
			assert.Equal(t, imgs, countImages(t, ctx))
			noScriptRan(t, ctx)
			// Back to the value before the row.
			require.NoError(t, chromedp.Run(ctx,
				restoreField(id, before),
				chromedp.WaitNotPresent("#"+id+"-err", chromedp.ByQuery),
			))
			checkResults(t, ctx, m)
		})
	}
}

// hostileNames types hostile text as the title, an item's name and a
// scenario's name, then shows them everywhere the app shows names: the
// grid, the present view, the explain dialog, the library and a notice.
func hostileNames(t *testing.T, ctx context.Context) {
	openFresh(t, ctx, baseURL+"/?template=customer-value")
	const s, it = "with-us", "quality"
	itemField, scenarioField := fid("item/"+it+"/name"), fid("scenario/"+s+"/name")
	for i, h := range hostileTexts {
		t.Run(h.name, func(t *testing.T) {
			imgs := countImages(t, ctx)
			title := h.text
			item := h.text + " item"
			scenario := h.text + " scenario"
			if i == 0 {
				// Typed key by key, as a person would.
				require.NoError(t, chromedp.Run(ctx, typeInto("f-title", title)))
			} else {
				require.NoError(t, chromedp.Run(ctx, pasteInto("f-title", title)))
			}
			require.NoError(t, chromedp.Run(ctx,
				pasteInto(itemField, item),
				pasteInto(scenarioField, scenario),
			))
			settled(t, ctx)
			for id, want := range map[string]string{"f-title": title, itemField: item, scenarioField: scenario} {
				assert.Equal(t, want, valueOf(t, ctx, id), "#%s shows the text as typed", id)
				assert.Equal(t, "", textOf(t, ctx, "#"+id+"-err"), "a valid name")
			}
			saved := currentModel(t, ctx)
			assert.Equal(t, title, saved.Title, "saved verbatim")
			assert.Equal(t, item, saved.Items[0].Name, "saved verbatim")
			assert.Equal(t, scenario, saved.Scenarios[1].Name, "saved verbatim")
			noScriptRan(t, ctx)

			// The present view.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#open-report", chromedp.ByQuery),
				chromedp.WaitVisible("#report", chromedp.ByQuery),
			))
			assert.Equal(t, title, textOf(t, ctx, "#report-title"))
			report := textOf(t, ctx, "#report")
			assert.Contains(t, report, item)
			assert.Contains(t, report, scenario)
			noScriptRan(t, ctx)
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#report-back", chromedp.ByQuery),
				chromedp.WaitVisible("#grid", chromedp.ByQuery),
			))

			// The explain dialog.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#explain-net-"+s, chromedp.ByQuery),
				chromedp.WaitVisible("#explain", chromedp.ByQuery),
			))
			assert.Contains(t, textOf(t, ctx, "#explain-title"), scenario)
			assert.Contains(t, textOf(t, ctx, "#explain"), item)
			noScriptRan(t, ctx)
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#explain-close", chromedp.ByQuery),
				chromedp.WaitNotPresent("#explain", chromedp.ByQuery),
			))

			// The library.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#open-library", chromedp.ByQuery),
				chromedp.WaitVisible("#library", chromedp.ByQuery),
			))
			assert.Contains(t, textOf(t, ctx, "#saved-list"), title)
			noScriptRan(t, ctx)
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#library-close", chromedp.ByQuery),
				chromedp.WaitNotPresent("#library", chromedp.ByQuery),
			))

			assert.Equal(t, imgs, countImages(t, ctx), "no image was created")
			noScriptRan(t, ctx)
		})
	}

	// Last, as it deletes and brings back the item: a notice quoting a
	// hostile name.
	t.Run("notice", func(t *testing.T) {
		item := hostileTexts[1].text + " item"
		require.NoError(t, chromedp.Run(ctx, pasteInto(itemField, item)))
		settled(t, ctx)
		imgs := countImages(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#item-del-"+it, chromedp.ByQuery),
			chromedp.WaitNotPresent("#"+itemField, chromedp.ByQuery),
			chromedp.WaitVisible("#notice-undo", chromedp.ByQuery),
		))
		assert.Equal(t, "Deleted “"+item+"”.", textOf(t, ctx, "#notice span"),
			"the notice names the item as it is now (a stale name here is the stale event handler of TestActionsFollowTheirRow)")
		noScriptRan(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#notice-undo", chromedp.ByQuery),
			chromedp.WaitVisible("#"+itemField, chromedp.ByQuery),
		))
		assert.Equal(t, item, valueOf(t, ctx, itemField))
		assert.Equal(t, imgs, countImages(t, ctx), "no image was created")
		noScriptRan(t, ctx)
	})
}

// hostileModel is a valid model whose every name is hostile text.
func hostileModel(t *testing.T) calc.Model {
	m := template(t, "customer-value")
	m.Title = hostileTexts[0].text
	for _, h := range hostileTexts[1:] {
		if t := m.Title + " " + h.text; len([]rune(t)) <= calc.MaxTitleLen {
			m.Title = t
		}
	}
	for i := range m.Items {
		h := hostileTexts[i%len(hostileTexts)].text
		m.Items[i].Name = h + " " + strconv.Itoa(i)
		m.Items[i].Note = h
	}
	for i := range m.Scenarios {
		m.Scenarios[i].Name = hostileTexts[i%len(hostileTexts)].text
	}
	require.NoError(t, calc.Validate(m))
	return m
}

// hostileImports imports broken and hostile files through the Files
// dialog: each broken one is explained in #import-error and changes
// nothing; the hostile but valid one opens as text.
func hostileImports(t *testing.T, ctx context.Context) {
	before := savedWork(t, ctx)
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__watch = true`, nil)))
	dir := t.TempDir()
	big := `{"format": "valuecalc/1", "title": "big"` + strings.Repeat(" ", 10<<20) + `}`
	rows := []struct {
		name, file, data string
		msg              string // the message, when not calc's problems
	}{
		{name: "unknown fields", file: "unknown-fields.json",
			data: `{"format": "valuecalc/1", "colour": "red", "items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional", "onerror": "window.__canary=1"}]}`},
		{name: "duplicate ids", file: "duplicate-ids.json",
			data: `{"format": "valuecalc/1", "items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}, {"id": "a", "name": "B", "side": "cost", "type": "risk"}],
				"scenarios": [{"id": "s", "name": "S"}, {"id": "s", "name": "T"}]}`},
		{name: "entries for unknown items", file: "unknown-items.json",
			data: `{"format": "valuecalc/1", "items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}],
				"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 3}, "ghost": {"score": 4}, "x<img src=x onerror=window.__canary=1>": {"score": 1}}}]}`},
		{name: "NaN literal", file: "nan.json",
			data: `{"format": "valuecalc/1", "mode": "money", "hourlyRate": NaN}`},
		{name: "10 MB", file: "big.json", data: big,
			msg: "“big.json” is 10 MB; a valuecalc file is at most 5 MB. Nothing was imported."},
		{name: "100000 deep", file: "deep.json", data: strings.Repeat("[", 100000) + strings.Repeat("]", 100000)},
		{name: "hostile id", file: "hostile-id.json",
			data: `{"format": "valuecalc/1", "items": [{"id": "<script>window.__canary=1</script>", "name": "<img src=x onerror=window.__canary=1>", "side": "benefit", "type": "functional"}]}`},
	}
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-files", chromedp.ByQuery),
		chromedp.WaitVisible("#files", chromedp.ByQuery),
	))
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			path := filepath.Join(dir, r.file)
			require.NoError(t, os.WriteFile(path, []byte(r.data), 0o644))
			want, problems := r.msg, []string(nil)
			if want == "" {
				_, err := calc.Decode([]byte(r.data))
				var probs calc.Problems
				require.ErrorAs(t, err, &probs, "the file is invalid")
				if len(probs) == 1 && errors.Is(probs[0], calc.ErrSyntax) {
					want = "“" + r.file + "” is not a valuecalc file: " + probs[0].Error() + ". Nothing was imported."
				} else {
					want = "“" + r.file + "” was not imported: it has " + plural(len(probs), "problem") + ". Nothing was changed."
					problems = problemStrings(probs)
				}
			}
			require.NoError(t, chromedp.Run(ctx,
				chromedp.SetUploadFiles("#import-file", []string{path}, chromedp.ByQuery),
				waitJS(`(document.getElementById("import-error") || {textContent: ""}).textContent.includes(`+jsString("“"+r.file+"”")+`)`),
			))
			assert.Equal(t, want, textOf(t, ctx, "#import-error p"))
			var items []string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#import-problems li .problem-detail")].map(el => el.textContent)`, &items)))
			if len(problems) == 0 {
				assert.Empty(t, items)
			} else {
				assert.Equal(t, problems, items, "every problem, as calc reports it")
			}
			assert.Equal(t, "Mine", valueOf(t, ctx, "f-title"), "the user's own work stays open")
			assert.Equal(t, before, storage(t, ctx), "nothing saved changed")
			noScriptRan(t, ctx)
		})
	}

	t.Run("hostile names are imported as text", func(t *testing.T) {
		m := hostileModel(t)
		data, err := calc.Encode(m)
		require.NoError(t, err)
		path := filepath.Join(dir, "hostile-names.json")
		require.NoError(t, os.WriteFile(path, data, 0o644))
		imgs := countImages(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.SetUploadFiles("#import-file", []string{path}, chromedp.ByQuery),
			chromedp.WaitNotPresent("#files", chromedp.ByQuery),
			waitJS(`document.getElementById("f-title").value === `+jsString(importedTitle(m.Title))),
		))
		checkResults(t, ctx, m)
		for _, item := range m.Items {
			assert.Equal(t, item.Name, valueOf(t, ctx, fid("item/"+item.ID+"/name")))
		}
		settled(t, ctx)
		found := false
		want := m
		want.Title = importedTitle(m.Title) // an import is named with its day
		for _, saved := range savedModels(t, ctx) {
			if saved.Title == want.Title {
				found = true
				assert.Equal(t, want, saved, "saved verbatim")
			}
		}
		assert.True(t, found, "the imported assessment is saved")
		mine := false
		for _, saved := range savedModels(t, ctx) {
			mine = mine || saved.Title == "Mine"
		}
		assert.True(t, mine, "the user's own work is kept")
		assert.Equal(t, imgs, countImages(t, ctx))
		noScriptRan(t, ctx)
	})
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// hostileLinks opens share links with hostile names (valid: shown
// read-only, as text) and hostile payloads (refused with a message).
func hostileLinks(t *testing.T, ctx context.Context) {
	before := storage(t, ctx)

	t.Run("hostile names", func(t *testing.T) {
		m := hostileModel(t)
		fragment, err := calc.EncodeLink(m)
		require.NoError(t, err)
		openFresh(t, ctx, baseURL+"/?view=editor#"+fragment)
		imgs := countImages(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.WaitVisible("#shared-banner", chromedp.ByQuery),
			waitJS(`document.getElementById("f-title").value === `+jsString(m.Title)),
		))
		checkResults(t, ctx, m)
		for _, item := range m.Items {
			assert.Equal(t, item.Name, valueOf(t, ctx, fid("item/"+item.ID+"/name")))
		}
		for _, sc := range m.Scenarios {
			assert.Equal(t, sc.Name, valueOf(t, ctx, fid("scenario/"+sc.ID+"/name")))
		}
		noScriptRan(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#open-report", chromedp.ByQuery),
			chromedp.WaitVisible("#report", chromedp.ByQuery),
		))
		assert.Equal(t, m.Title, textOf(t, ctx, "#report-title"))
		noScriptRan(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#report-back", chromedp.ByQuery),
			chromedp.WaitVisible("#grid", chromedp.ByQuery),
			chromedp.Click("#explain-net-"+m.Scenarios[1].ID, chromedp.ByQuery),
			chromedp.WaitVisible("#explain", chromedp.ByQuery),
		))
		assert.Contains(t, textOf(t, ctx, "#explain-title"), m.Scenarios[1].Name)
		noScriptRan(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#explain-close", chromedp.ByQuery),
			chromedp.WaitNotPresent("#explain", chromedp.ByQuery),
		))
		assert.Equal(t, imgs, countImages(t, ctx))
		assert.Equal(t, before, storage(t, ctx), "opening a link saves nothing")
	})

	for _, c := range []struct {
		name, fragment, msg string
		problem             string // a line of #link-problems, if any
	}{
		{name: "javascript: URL", fragment: "m=javascript:alert(1)",
			msg: `This link could not be opened: it holds ":alert(1", which has no place in a valuecalc link`},
		{name: "javascript: canary", fragment: "m=javascript:window.__canary=1",
			msg: `This link could not be opened: it holds ":window.", which has no place in a valuecalc link`},
		// DecodeLink reads a space as a + that URL decoding turned into a
		// space, hence "<img-src".
		{name: "percent-escaped img", fragment: "m=%3Cimg%20src%3Dx%20onerror%3Dwindow.__canary%3D1%3E",
			msg: `This link could not be opened: it holds "<img-src", which has no place in a valuecalc link`},
		{name: "javascript: text deflated (v1 link)", fragment: "model=" + rawDeflate(t, "javascript:alert(1)"),
			msg: "This link could not be opened: it does not hold a valuecalc assessment."},
		{name: "html compressed", fragment: zlibLink(t, `<img src=x onerror="window.__canary=1">`),
			msg: "This link could not be opened: it does not hold a valuecalc assessment."},
		{name: "hostile id compressed",
			fragment: zlibLink(t, `{"format": "valuecalc/1", "items": [{"id": "<img src=x onerror=window.__canary=1>", "name": "A", "side": "benefit", "type": "functional"}]}`),
			msg:      "This link holds an assessment with 1 problem:",
			problem:  `items[0].id: must hold only letters A-Z a-z, digits 0-9, "_" and "-", got "<img src=x onerror=window.__canary=1>"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			openFresh(t, ctx, baseURL+"/#"+c.fragment)
			require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#link-error", chromedp.ByQuery)))
			assert.Equal(t, c.msg, textOf(t, ctx, "#link-error p"))
			if c.problem != "" {
				assert.Equal(t, c.problem, textOf(t, ctx, "#link-problems li"))
			}
			assert.Contains(t, textOf(t, ctx, "#link-error"), "Your saved assessments are as they were.")
			assert.Equal(t, before, storage(t, ctx))
			noScriptRan(t, ctx)
		})
	}

	t.Run("javascript: pasted into an open tab", func(t *testing.T) {
		openFresh(t, ctx, baseURL+"/")
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Evaluate(`location.hash = "m=javascript:window.__canary=1"`, nil),
			chromedp.WaitVisible("#link-error", chromedp.ByQuery),
		))
		assert.Contains(t, textOf(t, ctx, "#link-error p"), "which has no place in a valuecalc link")
		assert.Equal(t, before, storage(t, ctx))
		noScriptRan(t, ctx)
	})
}
