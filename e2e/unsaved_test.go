//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// fillStorageJS fills the origin's localStorage with junk until the
// browser refuses a single character more, and returns the name of the
// error it threw: the browser's own quota, not a stand-in.
const fillStorageJS = `(() => {
  let i = 0, size = 1 << 20, name = "";
  while (size >= 1) {
    try { localStorage.setItem("junk/" + i, "x".repeat(size)); i++; }
    catch (e) { name = e.name; size >>= 1; }
  }
  return name;
})()`

// listenDialogs reports the JavaScript dialogs the tab opens.
func listenDialogs(ctx context.Context) <-chan *page.EventJavascriptDialogOpening {
	ch := make(chan *page.EventJavascriptDialogOpening, 8)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			ch <- e
		}
	})
	return ch
}

// TestFullStorageKeepsWork: storage is full, a 500 × 20 model is imported
// and edited. The banner says the work is not saved and offers a copy;
// reloading asks first, and the user can stay; importing another file
// asks too, in the page's dialog; the copy downloaded in one click holds what was typed, and
// leaving then asks no more.
func TestFullStorageKeepsWork(t *testing.T) {
	ctx := newBrowserFor(t, 4*time.Minute)
	problems := listenProblems(ctx)
	dir := downloads(t, ctx)
	dialogs := listenDialogs(ctx)
	openApp(t, ctx, "/?template=customer-value")

	var quota string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fillStorageJS, &quota)))
	require.Equal(t, "QuotaExceededError", quota, "the browser's storage is full")

	m := bigModel(500, 20)
	data, err := calc.Encode(m)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "big-case.json")
	require.NoError(t, os.WriteFile(file, data, 0o644))
	require.NoError(t, within(ctx, time.Minute,
		chromedp.Click("#open-files", chromedp.ByQuery), // a click: the page has had a user gesture
		chromedp.SetUploadFiles("#import-file", []string{file}, chromedp.ByQuery),
		chromedp.WaitNotPresent("#files", chromedp.ByQuery),
		waitJS(`document.getElementById("f-title").value === `+jsString(m.Title+imported())),
	), "importing: %s", pageState(t, ctx))

	// The user edits: the title and a figure, typed key by key.
	m.Title = "Kept on disk"
	setAmount(&m, "s1", "b0", 1234)
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-title", m.Title),
		typeInto(fid("entry/s1/b0"), "1234"),
		waitValue("net-s1", calc.Evaluate(m).Scenarios[0].Net),
		chromedp.WaitVisible("#save-error", chromedp.ByQuery),
	))
	assert.Equal(t, "Storage is full: this assessment is not saved in this browser. Download a copy to keep it.",
		textOf(t, ctx, "#save-error"), "the banner tells the truth")
	assert.Equal(t, "Not saved", textOf(t, ctx, "#save-status"))
	assert.Equal(t, "Download a copy", textOf(t, ctx, "#save-error-download"))

	// A reload asks first; the user stays, and the work is still there.
	go chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error { return page.Reload().Do(ctx) }))
	select {
	case d := <-dialogs:
		assert.Equal(t, page.DialogTypeBeforeunload, d.Type)
	case <-time.After(20 * time.Second):
		t.Fatalf("a reload with unsaved work did not ask to leave: %s", pageState(t, ctx))
	}
	require.NoError(t, chromedp.Run(ctx, page.HandleJavaScriptDialog(false)))
	assert.Equal(t, m.Title, valueOf(t, ctx, "f-title"), "staying keeps the work on screen")
	assert.Equal(t, "1,234", valueOf(t, ctx, fid("entry/s1/b0")))

	// Importing another file would drop the work: asked first, in the
	// page's own dialog, the user cancels, and the work stays.
	other := filepath.Join(t.TempDir(), "other.json")
	otherData, err := calc.Encode(template(t, "segments"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(other, otherData, 0o644))
	require.NoError(t, within(ctx, 20*time.Second,
		chromedp.Click("#open-files", chromedp.ByQuery),
		chromedp.SetUploadFiles("#import-file", []string{other}, chromedp.ByQuery),
		chromedp.WaitVisible("#discard", chromedp.ByQuery),
	), "an import over unsaved work did not ask: %s", pageState(t, ctx))
	assert.Equal(t, "“Kept on disk” is not saved, and it will be lost. Go on without it? Choose Cancel, then “Download a copy”, to keep it.",
		textOf(t, ctx, "#discard-text"))
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#discard-cancel", chromedp.ByQuery),
		chromedp.WaitNotPresent("#discard", chromedp.ByQuery),
		chromedp.Click("#files-close", chromedp.ByQuery),
		chromedp.WaitNotPresent("#files", chromedp.ByQuery),
	))
	assert.Equal(t, m.Title, valueOf(t, ctx, "f-title"), "cancelling keeps the work on screen")

	// One click downloads the model file, which holds what was typed.
	require.NoError(t, chromedp.Run(ctx, chromedp.Click("#save-error-download", chromedp.ByQuery)))
	got, err := calc.Decode(waitFile(t, dir, "kept-on-disk.json"))
	require.NoError(t, err)
	assert.Equal(t, m, got, "the copy holds the model as edited")

	// Kept on disk: leaving no longer asks.
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__before = true`, nil)))
	require.NoError(t, within(ctx, 30*time.Second, chromedp.Reload(), waitReady()),
		"the reload after the download goes through")
	var reloaded bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__before === undefined`, &reloaded)))
	assert.True(t, reloaded, "the page reloaded")
	select {
	case d := <-dialogs:
		t.Errorf("a dialog opened after the download: %s %q", d.Type, d.Message)
	default:
	}
	assert.Empty(t, problems.exceptions(), "no uncaught exception")
}
