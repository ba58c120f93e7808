//go:build e2e

package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// activeID is the id of the element that has the focus.
func activeID(t *testing.T, ctx context.Context) string {
	t.Helper()
	var id string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.activeElement ? document.activeElement.id : ""`, &id)))
	return id
}

// press sends one key to the element that has the focus.
func press(key string) chromedp.Action { return chromedp.KeyEvent(key) }

// savedTitled has the library open with one saved assessment, titled
// title, and returns the id of its rename button.
func savedTitled(t *testing.T, ctx context.Context, title string) string {
	t.Helper()
	require.NoError(t, within(ctx, time.Minute,
		typeInto("f-title", title),
		waitJS(`document.getElementById("save-status").textContent === "Saved on this device"`),
		chromedp.Click("#open-library", chromedp.ByQuery),
		chromedp.WaitVisible("#saved-list .saved", chromedp.ByQuery),
	), "saving: %s", pageState(t, ctx))
	var id string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector("#saved-list .saved.current [id^=rename-]").id`, &id)))
	return id
}

// TestRenameDialog: Rename in the library opens a dialog, not the
// browser's prompt: the focus goes to the name, a name that is not a
// title is refused next to the field with what was typed kept, Escape
// cancels, Enter renames, and the focus goes back to the Rename button.
func TestRenameDialog(t *testing.T) {
	ctx := newBrowser(t)
	problems := listenProblems(ctx)
	dialogs := listenDialogs(ctx)
	openApp(t, ctx, "/?template=customer-value")
	rename := savedTitled(t, ctx, "Acme renewal")

	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#"+rename, chromedp.ByQuery),
		chromedp.WaitVisible("#rename", chromedp.ByQuery),
		waitJS(`document.activeElement.id === "rename-title"`),
	), "the dialog opens with the focus in its field: %s", pageState(t, ctx))
	assert.Equal(t, "Acme renewal", valueOf(t, ctx, "rename-title"))
	assert.Equal(t, "New title for “Acme renewal”", textOf(t, ctx, `label[for="rename-title"]`))

	// Emptied, the name is refused next to the field; Enter renames nothing.
	require.NoError(t, chromedp.Run(ctx,
		typeInto("rename-title", "  "),
		chromedp.WaitVisible("#rename-title-error", chromedp.ByQuery),
		press(kb.Enter),
	))
	assert.Equal(t, "Enter a title.", textOf(t, ctx, "#rename-title-error"))
	var invalid, described string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.AttributeValue("#rename-title", "aria-invalid", &invalid, nil, chromedp.ByQuery),
		chromedp.AttributeValue("#rename-title", "aria-describedby", &described, nil, chromedp.ByQuery),
	))
	assert.Equal(t, "true", invalid)
	assert.Equal(t, "rename-title-error", described)
	assert.Equal(t, "  ", valueOf(t, ctx, "rename-title"), "what was typed stays")
	assert.Equal(t, "rename-title", activeID(t, ctx))
	vs := axe(t, ctx)
	assert.Empty(t, vs, "axe, with the rename dialog and its message: %s", describe(vs))
	shotAt(t, ctx, 375, "rename-dialog-en")
	shotAt(t, ctx, 1440, "rename-dialog-en")
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(1280, 900)))

	// Escape cancels: the library stays, the focus is back on Rename.
	require.NoError(t, chromedp.Run(ctx,
		press(kb.Escape),
		chromedp.WaitNotPresent("#rename", chromedp.ByQuery),
		waitJS(`document.activeElement.id === `+jsString(rename)),
	), "Escape: %s", pageState(t, ctx))
	assert.Equal(t, "Acme renewal", textOf(t, ctx, "#saved-list .saved.current .saved-title"))
	assert.Equal(t, "Acme renewal", valueOf(t, ctx, "f-title"))

	// Enter renames: the list, the title field and the saved record.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#"+rename, chromedp.ByQuery),
		waitJS(`document.activeElement.id === "rename-title"`),
		typeInto("rename-title", "Acme, renewed"),
		press(kb.Enter),
		chromedp.WaitNotPresent("#rename", chromedp.ByQuery),
		waitJS(`document.querySelector("#saved-list .saved.current .saved-title").textContent === "Acme, renewed"`),
		waitJS(`document.activeElement.id === `+jsString(rename)),
	), "Enter: %s", pageState(t, ctx))
	assert.Equal(t, "Acme, renewed", valueOf(t, ctx, "f-title"))
	require.NoError(t, within(ctx, 20*time.Second, chromedp.Reload(), waitReady(),
		waitJS(`document.getElementById("f-title").value === "Acme, renewed"`)), "the new title is saved")

	// In German, as a user who reads it would see it.
	openApp(t, ctx, "/?lang=de")
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-library", chromedp.ByQuery),
		chromedp.Click("#"+rename, chromedp.ByQuery),
		waitJS(`document.activeElement.id === "rename-title"`),
		typeInto("rename-title", ""),
		chromedp.WaitVisible("#rename-title-error", chromedp.ByQuery),
	))
	assert.Equal(t, "Bewertung umbenennen", textOf(t, ctx, "#rename-heading"))
	assert.Equal(t, "Neuer Titel für „Acme, renewed“", textOf(t, ctx, `label[for="rename-title"]`))
	shotAt(t, ctx, 375, "rename-dialog-de")
	shotAt(t, ctx, 1440, "rename-dialog-de")

	select {
	case d := <-dialogs:
		t.Errorf("the browser's own dialog opened: %s %q", d.Type, d.Message)
	default:
	}
	assert.Empty(t, problems.exceptions(), "no uncaught exception")
}

// TestDiscardDialog: storage is full and the assessment on screen is
// edited; starting another would lose the edits, so a dialog of the page
// (not the browser's confirm) asks first, with the focus on Cancel.
// Escape keeps the work and gives the focus back to what was clicked; Go
// on replaces it.
func TestDiscardDialog(t *testing.T) {
	ctx := newBrowser(t)
	problems := listenProblems(ctx)
	dialogs := listenDialogs(ctx)
	for _, lang := range []string{"en", "de"} {
		openApp(t, ctx, "/?template=customer-value&lang="+lang)
		if lang == "en" {
			var quota string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fillStorageJS, &quota)))
			require.Equal(t, "QuotaExceededError", quota, "the browser's storage is full")
		}
		require.NoError(t, within(ctx, time.Minute,
			typeInto("f-title", "Mine, edited"),
			chromedp.WaitVisible("#save-error", chromedp.ByQuery),
			chromedp.Click("#open-library", chromedp.ByQuery),
			chromedp.Click("#new-blank", chromedp.ByQuery),
			chromedp.WaitVisible("#discard", chromedp.ByQuery),
			waitJS(`document.activeElement.id === "discard-cancel"`),
		), "asking: %s", pageState(t, ctx))
		vs := axe(t, ctx)
		assert.Empty(t, vs, "axe, with the discard dialog: %s", describe(vs))
		shotAt(t, ctx, 375, "discard-dialog-"+lang)
		shotAt(t, ctx, 1440, "discard-dialog-"+lang)
		require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(1280, 900)))
		if lang == "de" {
			assert.Equal(t, "Ohne Speichern fortfahren?", textOf(t, ctx, "#discard-heading"))
			assert.Equal(t, "„Mine, edited“ ist nicht gespeichert und geht verloren. Trotzdem fortfahren? Wählen Sie Abbrechen und dann „Kopie herunterladen“, um sie zu behalten.",
				textOf(t, ctx, "#discard-text"))
			break
		}
		assert.Equal(t, "Go on without saving?", textOf(t, ctx, "#discard-heading"))
		assert.Equal(t, "“Mine, edited” is not saved, and it will be lost. Go on without it? Choose Cancel, then “Download a copy”, to keep it.",
			textOf(t, ctx, "#discard-text"))

		// Escape keeps the work; the library stays open under the dialog.
		require.NoError(t, chromedp.Run(ctx,
			press(kb.Escape),
			chromedp.WaitNotPresent("#discard", chromedp.ByQuery),
			waitJS(`document.activeElement.id === "new-blank"`),
		), "Escape: %s", pageState(t, ctx))
		assert.Equal(t, "Mine, edited", valueOf(t, ctx, "f-title"), "cancelling keeps the work")
		require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#library", chromedp.ByQuery)))

		// Cancel keeps it too; Go on replaces it, as asked.
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#new-blank", chromedp.ByQuery),
			chromedp.Click("#discard-cancel", chromedp.ByQuery),
			chromedp.WaitNotPresent("#discard", chromedp.ByQuery),
		))
		assert.Equal(t, "Mine, edited", valueOf(t, ctx, "f-title"))
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#new-blank", chromedp.ByQuery),
			chromedp.Click("#discard-go-on", chromedp.ByQuery),
			chromedp.WaitNotPresent("#discard", chromedp.ByQuery),
			chromedp.WaitNotPresent("#library", chromedp.ByQuery),
			waitJS(`document.getElementById("f-title").value === "New assessment"`),
		), "going on: %s", pageState(t, ctx))
	}
	select {
	case d := <-dialogs:
		t.Errorf("the browser's own dialog opened: %s %q", d.Type, d.Message)
	default:
	}
	assert.Empty(t, problems.exceptions(), "no uncaught exception")
}
