//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// Storage keys of app/library.go.
const (
	keyIndex   = "valuecalc/v1/index"
	keyCurrent = "valuecalc/v1/current"
	keyDoc     = "valuecalc/v1/doc/"
)

// waitSavedTitle waits until a saved assessment has the given title.
func waitSavedTitle(title string) chromedp.Action {
	return waitJS(`Object.keys(localStorage).some(k => {
		if (!k.startsWith("valuecalc/v1/doc/")) return false;
		try { return JSON.parse(localStorage.getItem(k)).model.title === ` + jsString(title) + ` } catch (e) { return false }
	})`)
}

// savedStatus is true when the editor says everything is saved.
const savedStatus = `document.getElementById("save-status").textContent === "Saved on this device"`

// consoleProblems records uncaught exceptions and console errors of the
// tab, to report what went wrong.
type consoleProblems struct {
	mu   sync.Mutex
	list []string
}

func listenProblems(ctx context.Context) *consoleProblems {
	p := &consoleProblems{}
	chromedp.ListenTarget(ctx, func(ev any) {
		var s string
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			s = "exception: " + e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				s += " " + e.ExceptionDetails.Exception.Description
			}
		case *runtime.EventConsoleAPICalled:
			if e.Type != runtime.APITypeError && e.Type != runtime.APITypeWarning {
				return
			}
			var args []string
			for _, a := range e.Args {
				if a.Value != nil {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			s = "console." + string(e.Type) + ": " + strings.Join(args, " ")
		default:
			return
		}
		p.mu.Lock()
		p.list = append(p.list, s)
		p.mu.Unlock()
	})
	return p
}

func (p *consoleProblems) exceptions() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, s := range p.list {
		if strings.HasPrefix(s, "exception: ") {
			out = append(out, s)
		}
	}
	return out
}

func (p *consoleProblems) all() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.list...)
}

// TestReloadMidEdit: an edit typed just before the page goes away
// (reload, or another address) is there when the page comes back, though
// the 300 ms autosave had no time to run: the app saves on pagehide.
func TestReloadMidEdit(t *testing.T) {
	ctx := longBrowser(t, 4*time.Minute)

	t.Run("title of a saved assessment", func(t *testing.T) {
		savedWork(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			typeInto("f-title", "Typed just before reload"),
			chromedp.Reload(),
			waitReady(),
		))
		assert.Equal(t, "Typed just before reload", valueOf(t, ctx, "f-title"), "the edit is on screen after reload")
		assert.Equal(t, "Typed just before reload", currentModel(t, ctx).Title, "the edit is saved")
	})

	t.Run("amount of a saved assessment", func(t *testing.T) {
		m := template(t, "software-purchase")
		openFresh(t, ctx, baseURL+"/?template=software-purchase")
		require.NoError(t, chromedp.Run(ctx,
			typeInto("f-title", "Reload money"),
			waitSavedTitle("Reload money"),
			waitJS(savedStatus),
		))
		m.Title = "Reload money"
		setAmount(&m, "with-us", "training", 4321)
		id := fid("entry/with-us/training")
		require.NoError(t, chromedp.Run(ctx,
			typeInto(id, "4321"),
			chromedp.Reload(),
			waitReady(),
		))
		assert.Equal(t, "4,321", valueOf(t, ctx, id), "the edit is on screen after reload, grouped as a figure")
		checkResults(t, ctx, m)
	})

	t.Run("new assessment from a template", func(t *testing.T) {
		// Nothing saved yet: the first edit is what creates the saved
		// assessment, and the address still names the template.
		openFresh(t, ctx, baseURL+"/?template=segments")
		require.NoError(t, chromedp.Run(ctx,
			typeInto("f-title", "First edit then reload"),
			chromedp.Reload(),
			waitReady(),
		))
		saved := false
		for _, m := range savedModels(t, ctx) {
			saved = saved || m.Title == "First edit then reload"
		}
		assert.True(t, saved, "the edit is saved")
		assert.Equal(t, "First edit then reload", valueOf(t, ctx, "f-title"),
			"after reload the page shows the edited assessment, not a fresh copy of the template")
	})

	// Pasted: one input event, so nothing of it was saved by the autosave
	// before the reload; only the save on pagehide can keep it.
	t.Run("pasted into a saved assessment", func(t *testing.T) {
		savedWork(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			pasteInto("f-title", "Pasted just before reload"),
			chromedp.Reload(),
			waitReady(),
		))
		assert.Equal(t, "Pasted just before reload", valueOf(t, ctx, "f-title"))
		assert.Equal(t, "Pasted just before reload", currentModel(t, ctx).Title)
	})

	t.Run("pasted as the first edit of a template", func(t *testing.T) {
		openFresh(t, ctx, baseURL+"/?template=customer-value")
		require.NoError(t, chromedp.Run(ctx,
			pasteInto("f-title", "Pasted first edit"),
			chromedp.Reload(),
			waitReady(),
		))
		saved := false
		for _, m := range savedModels(t, ctx) {
			saved = saved || m.Title == "Pasted first edit"
		}
		assert.True(t, saved, "the edit is saved")
		assert.Equal(t, "Pasted first edit", valueOf(t, ctx, "f-title"),
			"after reload the page shows the edited assessment, not a fresh copy of the template")
	})

	t.Run("navigating away", func(t *testing.T) {
		savedWork(t, ctx)
		require.NoError(t, chromedp.Run(ctx,
			typeInto("f-title", "Typed before leaving"),
			chromedp.Navigate(baseURL+"/app.css"),
			chromedp.Navigate(baseURL+"/"),
			waitReady(),
		))
		assert.Equal(t, "Typed before leaving", valueOf(t, ctx, "f-title"))
	})
}

// within runs actions with a deadline of its own, so that a wait for
// something that never comes fails the step, not the whole browser.
func within(ctx context.Context, d time.Duration, actions ...chromedp.Action) error {
	c, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return chromedp.Run(c, actions...)
}

// saveNow makes the tab save at once, as it does when it is hidden.
var saveNow = chromedp.Evaluate(`document.dispatchEvent(new Event("visibilitychange")), true`, nil)

// TestTwoTabs: two tabs edit the same assessment. A tab without edits of
// its own follows the other's save; a tab with unsaved edits is told, and
// never saves over the other tab's work: it either loads the other tab's
// version or keeps its own as a copy.
func TestTwoTabs(t *testing.T) {
	a := longBrowser(t, 4*time.Minute)
	savedWork(t, a) // "Mine", customer-value, saved
	docID := currentID(t, a)
	b, cancelB := chromedp.NewContext(a) // a second tab of the same browser
	defer cancelB()
	openApp(t, b, "/")
	require.Equal(t, "Mine", valueOf(t, b, "f-title"), "both tabs show the same assessment")
	require.Equal(t, docID, currentID(t, b))

	const s = "status-quo"
	quality, fit := fid("entry/"+s+"/quality"), fid("entry/"+s+"/fit") // scores 2 and 3
	score := func(t *testing.T, ctx context.Context, id, item string) float64 {
		m, ok := savedModels(t, ctx)[id]
		require.True(t, ok, "no saved assessment %s", id)
		e := m.Scenarios[0].Entry(m.ItemIndex(item))
		require.NotNil(t, e, "no entry for %s", item)
		return *e.Score
	}
	conflictIn := func(t *testing.T, ctx context.Context) bool {
		var on bool
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`!!document.getElementById("conflict")`, &on)))
		return on
	}

	t.Run("a tab without edits follows the other's save", func(t *testing.T) {
		require.NoError(t, within(a, 20*time.Second,
			typeInto("f-title", "Edited in A"),
			waitSavedTitle("Edited in A"),
			waitJS(savedStatus),
		))
		assert.NoError(t, within(b, 5*time.Second, waitJS(`document.getElementById("f-title").value === "Edited in A"`)),
			"tab B shows A's save: %s", pageState(t, b))
		assert.False(t, conflictIn(t, b))
		// B edits on from there: saved, A's title kept.
		require.NoError(t, within(b, 10*time.Second, pasteInto(quality, "4"),
			waitJS(storedJS(docID, `m.scenarios[0].entries.quality.score === 4`))))
		assert.Equal(t, "Edited in A", savedModels(t, b)[docID].Title)
		assert.NoError(t, within(a, 5*time.Second, waitJS(`document.getElementById(`+jsString(quality)+`).value === "4"`)),
			"and tab A follows B's: %s", pageState(t, a))
	})

	// Both tabs edit at once: B has an unsaved edit when A saves.
	race := func(t *testing.T, first, second context.Context, firstEdit, secondEdit chromedp.Action) {
		t.Helper()
		require.NoError(t, within(first, 5*time.Second, firstEdit))            // unsaved for 700 ms
		require.NoError(t, within(second, 5*time.Second, secondEdit, saveNow)) // saved at once
		require.NoError(t, within(first, 5*time.Second, chromedp.WaitVisible("#conflict", chromedp.ByQuery)),
			"the tab whose edit came second to storage is told: %s", pageState(t, first))
	}

	t.Run("load the other tab's version", func(t *testing.T) {
		race(t, b, a, pasteInto(quality, "5"), pasteInto("f-title", "Edited in A again"))
		time.Sleep(autosaveWait) // past B's autosave
		assert.Equal(t, "Edited in A again", savedModels(t, a)[docID].Title, "A's save stands")
		assert.Equal(t, 4.0, score(t, a, docID, "quality"), "B's edit is not saved over A's")
		assert.Equal(t, "Not saved", textOf(t, b, "#save-status"), "tab B says its edit is not saved (not \"Saving…\" forever)")
		assert.Contains(t, textOf(t, b, "#conflict"), "changed in another tab")

		require.NoError(t, within(b, 10*time.Second,
			chromedp.Click("#conflict-reload", chromedp.ByQuery),
			chromedp.WaitNotPresent("#conflict", chromedp.ByQuery),
			waitJS(`document.getElementById("f-title").value === "Edited in A again"`),
		))
		assert.Equal(t, "4", valueOf(t, b, quality), "B shows A's version")
		assert.NoError(t, within(b, 10*time.Second, pasteInto(quality, "3"),
			waitJS(storedJS(docID, `m.scenarios[0].entries.quality.score === 3`))), "B edits on from A's version: %s", pageState(t, b))
		assert.Equal(t, "Edited in A again", savedModels(t, b)[docID].Title)
		assert.False(t, conflictIn(t, b))
	})

	t.Run("keep mine as a copy", func(t *testing.T) {
		require.NoError(t, within(a, 5*time.Second, waitJS(`document.getElementById(`+jsString(quality)+`).value === "3"`)),
			"A follows B's save first: %s", pageState(t, a))
		race(t, a, b, pasteInto(fit, "1"), pasteInto("f-title", "Edited in B"))
		before := savedModels(t, a)
		require.Equal(t, "Edited in B", before[docID].Title)
		require.NoError(t, within(a, 10*time.Second,
			chromedp.Click("#conflict-keep", chromedp.ByQuery),
			chromedp.WaitNotPresent("#conflict", chromedp.ByQuery),
			waitSavedTitle("Edited in A again (copy)"),
			waitJS(savedStatus),
		))
		assert.Equal(t, "Edited in A again (copy)", valueOf(t, a, "f-title"))
		after := savedModels(t, a)
		assert.Equal(t, before[docID], after[docID], "the other tab's save is intact")
		assert.Len(t, after, len(before)+1, "the copy is a new assessment")
		var copyID string
		for id, m := range after {
			if m.Title == "Edited in A again (copy)" {
				copyID = id
				assert.Equal(t, 1.0, *m.Scenarios[0].Entry(m.ItemIndex("fit")).Score, "the copy holds A's edit")
				assert.Equal(t, 3.0, *m.Scenarios[0].Entry(m.ItemIndex("quality")).Score, "and A's version of the rest")
			}
		}
		require.NotEmpty(t, copyID)
		assert.NotEqual(t, docID, copyID)
		var index []struct{ ID, Title string }
		var raw string
		require.NoError(t, chromedp.Run(a, chromedp.Evaluate(`localStorage.getItem("valuecalc/v1/index")`, &raw)))
		require.NoError(t, json.Unmarshal([]byte(raw), &index))
		titles := map[string]string{}
		for _, m := range index {
			titles[m.ID] = m.Title
		}
		assert.Equal(t, "Edited in B", titles[docID], "the library lists both")
		assert.Equal(t, "Edited in A again (copy)", titles[copyID], "the library lists both")

		// Each tab goes on saving its own assessment.
		require.NoError(t, within(a, 10*time.Second, typeInto("f-title", "A's copy"), waitSavedTitle("A's copy")))
		require.NoError(t, within(b, 10*time.Second, typeInto("f-title", "B's original"), waitSavedTitle("B's original")))
		final := savedModels(t, a)
		assert.Equal(t, "A's copy", final[copyID].Title)
		assert.Equal(t, "B's original", final[docID].Title)
		assert.False(t, conflictIn(t, a))
		assert.False(t, conflictIn(t, b))
	})
}

func currentID(t *testing.T, ctx context.Context) string {
	t.Helper()
	var id string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`localStorage.getItem("valuecalc/v1/current") || ""`, &id)))
	return id
}

// storedJS is true when the saved record of assessment id satisfies cond,
// a JavaScript expression on its model m.
func storedJS(id, cond string) string {
	return `(() => { try {
		const m = JSON.parse(localStorage.getItem(` + jsString(keyDoc+id) + `)).model;
		return !!(` + cond + `);
	} catch (e) { return false } })()`
}

// storedCurrentJS is true when the saved record of the assessment open
// now satisfies cond, a JavaScript expression on its model m.
func storedCurrentJS(cond string) string {
	return `(() => { try {
		const m = JSON.parse(localStorage.getItem("valuecalc/v1/doc/" + localStorage.getItem("valuecalc/v1/current"))).model;
		return !!(` + cond + `);
	} catch (e) { return false } })()`
}

// TestSavesAfterEveryAction: after any action, made with any button,
// including ones that go away when clicked (a row's delete, the notice's
// Undo, the mode dialog), the work is saved within the autosave delay, the
// status says so, and later edits are saved too.
func TestSavesAfterEveryAction(t *testing.T) {
	ctx := longBrowser(t, 4*time.Minute)
	savedWork(t, ctx)
	id := currentID(t, ctx)
	rows := []struct {
		name  string
		act   chromedp.Action
		saved string // on the stored model m, once the action is saved
	}{
		{"delete an item with its button",
			chromedp.Tasks{
				chromedp.Click("#item-del-fit", chromedp.ByQuery),
				chromedp.WaitNotPresent("#"+fid("item/fit/name"), chromedp.ByQuery),
			},
			`!m.items.some(it => it.id === "fit")`},
		{"delete the last item of a side",
			chromedp.Tasks{
				chromedp.Click("#item-del-risk", chromedp.ByQuery),
				chromedp.WaitNotPresent("#"+fid("item/risk/name"), chromedp.ByQuery),
			},
			`!m.items.some(it => it.id === "risk")`},
		{"undo from the notice",
			chromedp.Tasks{
				chromedp.Click("#item-del-peace", chromedp.ByQuery),
				chromedp.WaitVisible("#notice-undo", chromedp.ByQuery),
				chromedp.Click("#notice-undo", chromedp.ByQuery),
				chromedp.WaitVisible("#"+fid("item/peace/name"), chromedp.ByQuery),
				// Then a change by keyboard, so there is something to save.
				typeInto(fid("item/peace/weight"), "4"),
			},
			`m.items.some(it => it.id === "peace" && it.weight === 4)`},
		{"delete a scenario with its button",
			chromedp.Tasks{
				chromedp.Click("#scenario-del-with-us", chromedp.ByQuery),
				chromedp.WaitNotPresent("#"+fid("scenario/with-us/name"), chromedp.ByQuery),
			},
			`m.scenarios.length === 1`},
		{"switch mode in the dialog",
			chromedp.Tasks{
				chromedp.Click("#mode-money", chromedp.ByQuery),
				chromedp.WaitVisible("#confirm-mode-yes", chromedp.ByQuery),
				chromedp.Click("#confirm-mode-yes", chromedp.ByQuery),
				chromedp.WaitNotPresent("#confirm-mode", chromedp.ByQuery),
			},
			`m.mode === "money"`},
	}
	for i, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			// A fresh page each time, so that one row's failure does not
			// carry over (the page saves when it goes away).
			openFresh(t, ctx, baseURL+"/")
			require.Equal(t, id, currentID(t, ctx))
			require.NoError(t, chromedp.Run(ctx, r.act))
			err := chromedp.Run(ctx, waitJSFor(3*time.Second, storedCurrentJS(r.saved)+" && "+savedStatus))
			assert.NoError(t, err, "the action is saved: %s", pageState(t, ctx))

			// Typing on saves too.
			title := fmt.Sprintf("After row %d", i)
			require.NoError(t, chromedp.Run(ctx, typeInto("f-title", title)))
			err = chromedp.Run(ctx, waitJSFor(3*time.Second, storedCurrentJS(`m.title === `+jsString(title))+" && "+savedStatus))
			assert.NoError(t, err, "later edits are saved: %s", pageState(t, ctx))
		})
	}
}

// TestActionsFollowTheirRow: after rows move (reordered, or one deleted
// above), every field and button acts on the item or scenario it now
// shows, never on the one that was there before. (go-app keeps an
// element's old event handler when the new one comes from the same
// function literal: it compares code pointers. A handler that captured an
// id then acts on the row that used to be there.) Each step starts from a
// fresh copy of the customer-value template and is checked in storage
// after leaving the page, which saves whatever the autosave did not.
func TestActionsFollowTheirRow(t *testing.T) {
	ctx := longBrowser(t, 5*time.Minute)
	moveUp := chromedp.Tasks{ // peace above fit
		chromedp.Click("#item-up-peace", chromedp.ByQuery),
		waitJS(`document.querySelectorAll("tr.item-row")[1].dataset.item === "peace"`),
	}
	dropFirst := chromedp.Tasks{ // quality, the first row, goes
		chromedp.Click("#item-del-quality", chromedp.ByQuery),
		chromedp.WaitNotPresent("#"+fid("item/quality/name"), chromedp.ByQuery),
	}
	moveLeft := chromedp.Tasks{ // with-us before status-quo
		chromedp.Click("#scenario-left-with-us", chromedp.ByQuery),
		waitJS(`document.querySelector("th.col-scenario").dataset.scenario === "with-us"`),
	}
	const fit = `m.items.find(it => it.id === "fit")`
	steps := []struct {
		name  string
		act   chromedp.Action
		saved string // on the stored model m
	}{
		{"move an item up, then rename it",
			chromedp.Tasks{moveUp, typeInto(fid("item/peace/name"), "Calm")},
			`m.items[1].id === "peace" && m.items[1].name === "Calm" && ` + fit + `.name === "Fit with our workflow"`},
		{"move an item up, then score it",
			chromedp.Tasks{moveUp, pasteInto(fid("entry/status-quo/peace"), "5")},
			`m.scenarios[0].entries.peace.score === 5 && m.scenarios[0].entries.fit.score === 3`},
		{"move an item up, then delete it with its button",
			chromedp.Tasks{moveUp, chromedp.Click("#item-del-peace", chromedp.ByQuery)},
			`!m.items.some(it => it.id === "peace") && m.items.some(it => it.id === "fit")`},
		{"delete the first item, then rename the next",
			chromedp.Tasks{dropFirst, typeInto(fid("item/fit/name"), "Fit renamed")},
			fit + `.name === "Fit renamed"`},
		{"delete the first item, then delete the next with its button",
			chromedp.Tasks{dropFirst, chromedp.Click("#item-del-fit", chromedp.ByQuery)},
			`!m.items.some(it => it.id === "fit") && m.items.some(it => it.id === "peace")`},
		{"move a scenario left, then rename it",
			chromedp.Tasks{moveLeft, typeInto(fid("scenario/with-us/name"), "Us")},
			`m.scenarios[0].id === "with-us" && m.scenarios[0].name === "Us" && m.scenarios[1].name === "Status quo"`},
		{"move a scenario left, then delete the other with its button",
			chromedp.Tasks{moveLeft, chromedp.Click("#scenario-del-status-quo", chromedp.ByQuery)},
			`m.scenarios.length === 1 && m.scenarios[0].id === "with-us"`},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			savedWork(t, ctx)
			actx, cancel := context.WithTimeout(ctx, 15*time.Second)
			defer cancel()
			require.NoError(t, chromedp.Run(actx, st.act))
			time.Sleep(500 * time.Millisecond)
			var notice string
			chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("notice").textContent`, &notice))
			require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(baseURL+"/app.css"))) // saves on pagehide
			var ok bool
			var got string
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Evaluate(storedCurrentJS(st.saved), &ok),
				chromedp.Evaluate(storedCurrentJS(`(window.__m = m)`)+` && JSON.stringify({
					items: window.__m.items.map(it => it.id + "=" + it.name),
					scenarios: window.__m.scenarios.map(s => s.id + "=" + s.name),
					peace: window.__m.scenarios.map(s => s.entries.peace || null),
					fit: window.__m.scenarios.map(s => s.entries.fit || null)})`, &got),
			))
			assert.True(t, ok, "the action reached the row it was made on; saved model: %s; notice: %q", got, notice)
		})
	}
}

// quotaJS makes localStorage.setItem throw as a full storage does, once
// window.__full is set.
const quotaJS = `(() => {
  const setItem = Storage.prototype.setItem;
  window.__full = false;
  Storage.prototype.setItem = function (key, value) {
    if (window.__full) {
      throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value of '" + key + "' exceeded the quota.", "QuotaExceededError");
    }
    return setItem.call(this, key, value);
  };
})();`

// deniedJS makes localStorage throw as it does when the user blocks site
// data.
const deniedJS = `Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", "SecurityError"); },
});`

// TestStorageFailures: a full storage and a browser that refuses storage.
// The app tells the user nothing is saved, keeps the work on screen, and
// lets them export it.
func TestStorageFailures(t *testing.T) {
	t.Run("quota exceeded", func(t *testing.T) {
		ctx := newBrowser(t)
		problems := listenProblems(ctx)
		dir := downloads(t, ctx)
		require.NoError(t, chromedp.Run(ctx, onNewDocument(quotaJS)))
		m := template(t, "software-purchase")
		m.Title = "Quota test"
		openApp(t, ctx, "/?template=software-purchase")
		require.NoError(t, chromedp.Run(ctx,
			typeInto("f-title", m.Title),
			waitSavedTitle(m.Title),
			waitJS(savedStatus),
		))
		before := storage(t, ctx)

		// The storage fills up; the user types on.
		setAmount(&m, "with-us", "training", 4000)
		id := fid("entry/with-us/training")
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Evaluate(`window.__full = true`, nil),
			pasteInto(id, "4000"),
			chromedp.WaitVisible("#save-error", chromedp.ByQuery),
		))
		msg := textOf(t, ctx, "#save-error")
		assert.Equal(t, "Storage is full: this assessment is not saved in this browser. Download a copy to keep it.", msg)
		assert.Equal(t, "Not saved", textOf(t, ctx, "#save-status"))
		assert.Equal(t, "4000", valueOf(t, ctx, id), "the work stays on screen")
		checkResults(t, ctx, m)
		assert.Equal(t, before, storage(t, ctx), "the last save is intact")

		// Export still works.
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#open-files", chromedp.ByQuery),
			chromedp.Click("#export-json", chromedp.ByQuery),
		))
		exported, err := calc.Decode(waitFile(t, dir, "quota-test.json"))
		require.NoError(t, err)
		assert.Equal(t, m, exported, "the export holds the unsaved work")
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#files-close", chromedp.ByQuery),
			chromedp.WaitNotPresent("#files", chromedp.ByQuery),
		))

		// Space again: the next edit saves everything, and the message goes.
		setAmount(&m, "with-us", "training", 4500)
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Evaluate(`window.__full = false`, nil),
			pasteInto(id, "4500"),
			chromedp.WaitNotPresent("#save-error", chromedp.ByQuery),
			waitJS(savedStatus),
		))
		assert.Equal(t, m, currentModel(t, ctx))
		assert.Empty(t, problems.exceptions(), "no uncaught exception")
	})

	t.Run("storage disabled", func(t *testing.T) {
		ctx := newBrowser(t)
		problems := listenProblems(ctx)
		dir := downloads(t, ctx)
		require.NoError(t, chromedp.Run(ctx, onNewDocument(deniedJS)))
		m := template(t, "software-purchase")
		err := chromedp.Run(ctx, chromedp.Navigate(baseURL+"/?template=software-purchase"), waitJSFor(30*time.Second, `document.body.dataset.ready === "1"`))
		require.NoError(t, err, "the app loads without storage; console: %v", problems.all())
		checkResults(t, ctx, m)

		// Told at once that nothing can be saved, before any work is lost.
		cannotSave := `[...document.querySelectorAll("[role=alert], [role=status]")].some(el =>
			/sav(e|ed|ing)/i.test(el.textContent) && /(cannot|can't|not|does not allow)/i.test(el.textContent))`
		assert.NoError(t, chromedp.Run(ctx, waitJSFor(3*time.Second, cannotSave)),
			"a message says at load that nothing can be saved: %s", pageState(t, ctx))

		// The user works anyway: results follow, and the page says again
		// that nothing is saved, in words a person understands.
		m.Title = "No storage"
		setAmount(&m, "with-us", "training", 4000)
		require.NoError(t, chromedp.Run(ctx,
			typeInto("f-title", m.Title),
			pasteInto(fid("entry/with-us/training"), "4000"),
		))
		checkResults(t, ctx, m)
		time.Sleep(autosaveWait)
		assert.NotEqual(t, "Saved on this device", textOf(t, ctx, "#save-status"))
		assert.NotEqual(t, "Saving…", textOf(t, ctx, "#save-status"), "the status settles on not saved")
		assert.NoError(t, chromedp.Run(ctx, waitJSFor(3*time.Second, cannotSave)), "the page says nothing is saved: %s", pageState(t, ctx))
		msg := textOf(t, ctx, "#save-error")
		assert.Contains(t, msg, "does not allow saving", "the message names the cause")
		assert.NotContains(t, msg, "JavaScript error", "no technical error text")

		// Export is the way to keep the work.
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#open-files", chromedp.ByQuery),
			chromedp.Click("#export-json", chromedp.ByQuery),
		))
		exported, err := calc.Decode(waitFile(t, dir, "no-storage.json"))
		require.NoError(t, err)
		assert.Equal(t, m, exported)
		assert.Empty(t, problems.exceptions(), "no uncaught exception")
		t.Logf("console: %v", problems.all())
	})
}

// seedStorage replaces everything the origin stores with kv, from a page
// of the origin where the app does not run.
func seedStorage(t *testing.T, ctx context.Context, kv map[string]string) {
	t.Helper()
	data, err := json.Marshal(kv)
	require.NoError(t, err)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(baseURL+"/app.css"),
		chromedp.Evaluate(`(() => { localStorage.clear(); const kv = `+string(data)+`;
			for (const k in kv) localStorage.setItem(k, kv[k]); return true })()`, nil),
	))
}

// record is a saved assessment as app/library.go stores it.
func record(t *testing.T, rev int, m calc.Model) string {
	t.Helper()
	data, err := calc.Encode(m)
	require.NoError(t, err)
	b, err := json.Marshal(struct {
		Rev   int             `json:"rev"`
		Saved int64           `json:"saved"`
		Model json.RawMessage `json:"model"`
	}{rev, 1700000000000, data})
	require.NoError(t, err)
	return string(b)
}

// rawKeptJS is true while some key of the origin still holds raw, as it is
// or quoted in JSON.
func rawKeptJS(raw string) string {
	quoted, _ := json.Marshal(raw)
	inner := string(quoted[1 : len(quoted)-1])
	return `Object.keys(localStorage).some(k => { const v = localStorage.getItem(k);
		return v === ` + jsString(raw) + ` || v.includes(` + jsString(raw) + `) || v.includes(` + jsString(inner) + `) })`
}

// messageNamingJS is true when an alert, a status or a live region on the
// page names what.
func messageNamingJS(what string) string {
	return `[...document.querySelectorAll("[role=alert], [role=status], [aria-live]")].some(el => el.textContent.includes(` + jsString(what) + `))`
}

// TestCorruptSavedRecord: a saved record that cannot be read (cut short,
// an unknown format, an invalid model) is never dropped silently: the
// user is told which assessment has a problem, the raw data stays in
// storage, and every other assessment still opens. A damaged index loses
// no assessment either.
func TestCorruptSavedRecord(t *testing.T) {
	ctx := longBrowser(t, 5*time.Minute)
	openApp(t, ctx, "/") // the origin, and the service worker, once
	good := template(t, "segments")
	good.Title = "Good one"
	other := template(t, "customer-value")
	other.Title = "Other one"
	index := `[{"id":"abroken","title":"Broken one","updated":1700000002000},{"id":"agood","title":"Good one","updated":1700000001000}]`

	for _, c := range []struct{ name, raw string }{
		{"not JSON", `{"rev":3,"saved":1700000002000,"model":{"format":"valuecalc/1","title":"Broken one","mode":"score","items":[{"id":"a","na`},
		{"older format", `{"rev":1,"saved":1,"model":{"format":"valuecalc/0","title":"Broken one","scores":{"a":3}}}`},
		{"invalid model", `{"rev":2,"saved":1700000002000,"model":{"format":"valuecalc/1","title":"Broken one","items":[{"id":"a","name":"A","side":"benefit","type":"functional","weight":-1}]}}`},
		{"not a record", `"Broken one"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			seedStorage(t, ctx, map[string]string{
				keyIndex:           index,
				keyCurrent:         "abroken",
				keyDoc + "abroken": c.raw,
				keyDoc + "agood":   record(t, 1, good),
			})
			openFresh(t, ctx, baseURL+"/")
			assert.NoError(t, chromedp.Run(ctx, waitJSFor(5*time.Second, messageNamingJS("Broken one"))),
				"a message names the assessment that could not be opened; the page shows %q and %s",
				valueOf(t, ctx, "f-title"), pageState(t, ctx))
			var kept bool
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(rawKeptJS(c.raw), &kept)))
			assert.True(t, kept, "the raw record is kept")

			// Every other assessment still opens.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#open-library", chromedp.ByQuery),
				chromedp.WaitVisible("#library", chromedp.ByQuery),
			))
			assert.Contains(t, textOf(t, ctx, "#saved-list"), "Good one")
			assert.Contains(t, textOf(t, ctx, "#library"), "Broken one", "the library still names the broken one")
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#open-agood", chromedp.ByQuery),
				waitJS(`document.getElementById("f-title").value === "Good one"`),
			))
			checkResults(t, ctx, good)

			// Work goes on; the raw record survives saves and a reload.
			require.NoError(t, chromedp.Run(ctx,
				typeInto("f-title", "Good one, edited"),
				waitSavedTitle("Good one, edited"),
				chromedp.Reload(),
				waitReady(),
			))
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(rawKeptJS(c.raw), &kept)))
			assert.True(t, kept, "the raw record is still kept after saves and a reload")
		})
	}

	t.Run("damaged index", func(t *testing.T) {
		rawIndex := `[{"id":"agood","title":"Good one","updated":1700000001000},{"id":"aother","ti`
		seedStorage(t, ctx, map[string]string{
			keyIndex:          rawIndex,
			keyCurrent:        "agood",
			keyDoc + "agood":  record(t, 1, good),
			keyDoc + "aother": record(t, 4, other),
		})
		openFresh(t, ctx, baseURL+"/")
		assert.Equal(t, "Good one", valueOf(t, ctx, "f-title"), "the current assessment opens")

		// The library still lists every saved assessment.
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#open-library", chromedp.ByQuery),
			chromedp.WaitVisible("#library", chromedp.ByQuery),
		))
		list := textOf(t, ctx, "#saved-list")
		assert.Contains(t, list, "Good one", "no assessment is lost with the index")
		assert.Contains(t, list, "Other one", "no assessment is lost with the index")
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#library-close", chromedp.ByQuery),
			chromedp.WaitNotPresent("#library", chromedp.ByQuery),
		))

		// Editing saves, twice, without a false error or conflict.
		for _, title := range []string{"Good one, edited", "Good one, edited again"} {
			require.NoError(t, chromedp.Run(ctx, typeInto("f-title", title)))
			err := chromedp.Run(ctx, waitJSFor(5*time.Second, savedStatus))
			assert.NoError(t, err, "saved: %s", pageState(t, ctx))
			var conflict, saveErr bool
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`!!document.getElementById("conflict")`, &conflict),
				chromedp.Evaluate(`!!document.getElementById("save-error")`, &saveErr)))
			assert.False(t, conflict, "no conflict: nothing else changed the assessment")
			assert.False(t, saveErr, "no save error: %s", pageState(t, ctx))
		}
		var otherRaw string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`localStorage.getItem("valuecalc/v1/doc/aother") || ""`, &otherRaw)))
		assert.Contains(t, otherRaw, `"Other one"`, "the other assessment's record is untouched")
	})
}
