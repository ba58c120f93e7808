//go:build e2e

package e2e

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"encoding/base64"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// storage returns everything valuecalc keeps in localStorage, to compare
// before and after something that must not change saved work.
func storage(t *testing.T, ctx context.Context) string {
	t.Helper()
	var s string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify(Object.keys(localStorage).sort()
		.filter(k => k.startsWith("valuecalc/")).map(k => [k, localStorage.getItem(k)]))`, &s)))
	return s
}

// ownWork gives the browser an assessment of its own, saved, titled
// "Mine", and returns the storage snapshot.
func ownWork(t *testing.T, ctx context.Context) string {
	t.Helper()
	openApp(t, ctx, "/?template=customer-value")
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-title", "Mine"),
		waitJS(`Object.keys(localStorage).some(k => k.startsWith("valuecalc/v1/doc/") && localStorage.getItem(k).includes('"title":"Mine"'))`),
		waitJS(`document.getElementById("save-status").textContent === "Saved on this device"`),
	))
	s := storage(t, ctx)
	require.Contains(t, s, "Mine")
	return s
}

// openFresh loads url as a new page load (not a fragment change).
func openFresh(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url), waitReady()))
}

func inputDisabled(t *testing.T, ctx context.Context, id string) bool {
	t.Helper()
	var b bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("`+id+`").matches(":disabled")`, &b)))
	return b
}

// TestShareLinkRoundTrip: a rep edits a case and copies its link; the
// prospect opens it in another browser and sees the same results,
// read-only, with their own saved work untouched until they save a copy.
func TestShareLinkRoundTrip(t *testing.T) {
	rep := newBrowser(t)
	m := template(t, "software-purchase")
	openApp(t, rep, "/?template=software-purchase")
	setAmount(&m, "with-us", "subscription", 9000)
	require.NoError(t, chromedp.Run(rep,
		typeInto(fid("entry/with-us/subscription"), "9000"),
		chromedp.Click("#open-share", chromedp.ByQuery),
		chromedp.WaitVisible("#share-link", chromedp.ByQuery),
	))
	var link string
	require.NoError(t, chromedp.Run(rep, chromedp.Value("#share-link", &link, chromedp.ByQuery)))
	require.True(t, strings.HasPrefix(link, baseURL+"/#m="), link)
	got, err := calc.DecodeLink(strings.TrimPrefix(link, baseURL+"/#"))
	require.NoError(t, err)
	assert.Equal(t, m, got, "the link holds the edited model")

	// Copy link: the clipboard, or the link selected for Ctrl+C.
	require.NoError(t, chromedp.Run(rep,
		chromedp.Click("#copy-link", chromedp.ByQuery),
		waitJS(`document.getElementById("share-status").textContent !== ""`),
	))

	prospect := newBrowser(t)
	before := ownWork(t, prospect)
	openFresh(t, prospect, link)
	// A link opens the case to read: the report, with nothing to edit.
	require.NoError(t, chromedp.Run(prospect, chromedp.WaitVisible("#edit-copy", chromedp.ByQuery)))
	checkReport(t, prospect, m)
	assert.Equal(t, before, storage(t, prospect), "opening a link saves nothing")

	// Reloading the link shows it again; still nothing saved.
	require.NoError(t, chromedp.Run(prospect, chromedp.Reload(), waitReady(), chromedp.WaitVisible("#edit-copy", chromedp.ByQuery)))
	assert.Equal(t, before, storage(t, prospect))

	// Edit a copy: it joins the prospect's assessments and opens, editable.
	require.NoError(t, chromedp.Run(prospect,
		chromedp.Click("#edit-copy", chromedp.ByQuery),
		chromedp.WaitVisible("#grid", chromedp.ByQuery),
		waitJS(`location.hash === ""`),
	))
	assert.Equal(t, 0, count(t, prospect, "#shared-banner"))
	after := storage(t, prospect)
	assert.Contains(t, after, "Mine", "the prospect's own work is still there")
	assert.Contains(t, after, m.Title)
	assert.False(t, inputDisabled(t, prospect, fid("entry/with-us/subscription")))
	require.NoError(t, chromedp.Run(prospect, chromedp.Reload(), waitReady()))
	checkResults(t, prospect, m)
}

// TestShareLinkFromPython: a link made by a script outside the app, with
// Python's zlib, opens the same model.
func TestShareLinkFromPython(t *testing.T) {
	out, err := exec.Command("python3", "../scripts/make-link.py", "../examples/segments.json", baseURL+"/").Output()
	require.NoError(t, err, "python3 scripts/make-link.py")
	link := strings.TrimSpace(string(out))
	require.True(t, strings.HasPrefix(link, baseURL+"/#m="), link)

	ctx := newBrowser(t)
	openFresh(t, ctx, strings.Replace(link, "/#", "/?view=editor#", 1))
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#shared-banner", chromedp.ByQuery)))
	checkResults(t, ctx, template(t, "segments"))
}

// rawDeflate packs data as the payload of a link of version 1
// ("#model="), for links the app never made.
func rawDeflate(t *testing.T, data string) string {
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestCompression)
	require.NoError(t, err)
	w.Write([]byte(data))
	require.NoError(t, w.Close())
	return base64.RawURLEncoding.EncodeToString(z.Bytes())
}

// zlibLink packs data as the fragment of a link of version 2 ("m=…"),
// for links the app never made.
func zlibLink(t *testing.T, data string) string {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte(data))
	require.NoError(t, w.Close())
	return "m=" + base64.RawURLEncoding.EncodeToString(z.Bytes())
}

// TestLegacyLinkOpens: a link of version 1, "#model=" and raw DEFLATE,
// sent before links had a checksum, still opens its model.
func TestLegacyLinkOpens(t *testing.T) {
	m := template(t, "software-purchase")
	data, err := calc.EncodeCompact(m)
	require.NoError(t, err)
	ctx := newBrowser(t)
	openFresh(t, ctx, baseURL+"/?view=editor#model="+rawDeflate(t, string(data)))
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#shared-banner", chromedp.ByQuery)))
	checkResults(t, ctx, m)
}

// TestDamagedLink: a #m= link with one character changed in copying
// fails its checksum. It is refused as damaged, not opened as some other
// model, and the user's saved work is untouched.
func TestDamagedLink(t *testing.T) {
	fragment, err := calc.EncodeLink(template(t, "software-purchase"))
	require.NoError(t, err)
	b := []byte(fragment)
	i := len(b) / 2
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	ctx := newBrowser(t)
	before := ownWork(t, ctx)
	openFresh(t, ctx, baseURL+"/#"+string(b))
	require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#link-error", chromedp.ByQuery)))
	assert.Contains(t, textOf(t, ctx, "#link-error p"), "This link could not be opened: it is damaged")
	assert.Contains(t, textOf(t, ctx, "#link-error"), "Your saved assessments are as they were.")
	assert.Equal(t, "Mine", valueOf(t, ctx, "f-title"), "the user's own work is shown")
	assert.Equal(t, before, storage(t, ctx))
}

// TestBrokenLinks: truncated, bit-flipped, garbled or invalid links show a
// clear error, open nothing and change nothing saved.
func TestBrokenLinks(t *testing.T) {
	valid, err := calc.EncodeLink(template(t, "software-purchase"))
	require.NoError(t, err)
	flipped := []byte(valid)
	for i := 10; i < len(flipped); i += 37 {
		flipped[i] ^= 0x04
	}
	ctx := newBrowser(t)
	before := ownWork(t, ctx)
	for _, c := range []struct {
		name, fragment, msg string
	}{
		{"truncated", valid[:len(valid)*2/3], "it is damaged"},
		{"bit-flipped", string(flipped), "This link"},
		{"stray percents", "m=%%%not-a-link%%%", "has no place in a valuecalc link"},
		{"script", "m=<script>window.__pwned=1</script>", "has no place in a valuecalc link"},
		{"empty", "m=", "holds no model"},
		{"not a model", zlibLink(t, `{"hello": "world"}`), "problem"},
		{"invalid model", zlibLink(t, `{"format":"valuecalc/2","items":[{"id":"a","name":"A","side":"cost","type":"risk","weight":-1}]}`),
			"items[0].weight: must be between 0 and 1000, got -1"},
		{"not json", zlibLink(t, "<script>window.__pwned=1</script>"), "does not hold a valuecalc assessment"},
		{"v1 truncated", "model=" + rawDeflate(t, `{"format":"valuecalc/1","title":"Helpdesk"}`)[:10], "damaged or cut short"},
		{"v1 invalid model", "model=" + rawDeflate(t, `{"format":"valuecalc/1","items":[{"id":"a","name":"A","side":"cost","type":"risk","weight":-1}]}`),
			"items[0].weight: must be between 0 and 1000, got -1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			openFresh(t, ctx, baseURL+"/#"+c.fragment)
			var text string
			require.NoError(t, chromedp.Run(ctx,
				chromedp.WaitVisible("#link-error", chromedp.ByQuery),
				chromedp.Text("#link-error", &text, chromedp.ByQuery),
			))
			assert.Contains(t, text, c.msg)
			assert.Contains(t, text, "Your saved assessments are as they were.")
			var title string
			require.NoError(t, chromedp.Run(ctx, chromedp.Value("#f-title", &title, chromedp.ByQuery)))
			assert.Equal(t, "Mine", title, "the user's own work is shown")
			assert.NotContains(t, storage(t, ctx), "Helpdesk")
			var pwned bool
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__pwned === 1`, &pwned)))
			assert.False(t, pwned)
		})
	}
	assert.Equal(t, before, storage(t, ctx))
}

// TestLinkInOpenTab: pasting a link into the address bar of an open tab
// (only the fragment changes) opens it too.
func TestLinkInOpenTab(t *testing.T) {
	ctx := newBrowser(t)
	ownWork(t, ctx)
	m := template(t, "segments")
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`location.hash = "`+fragment+`"`, nil),
		chromedp.WaitVisible("#edit-copy", chromedp.ByQuery),
	))
	checkReport(t, ctx, m)
	// In the editor (?view=editor), it opens read-only; Close goes back to
	// the user's own assessment.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(baseURL+"/?view=editor"), waitReady(),
		chromedp.Evaluate(`location.hash = "`+fragment+`"`, nil),
		chromedp.WaitVisible("#shared-banner", chromedp.ByQuery),
	))
	checkResults(t, ctx, m)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#close-shared", chromedp.ByQuery),
		chromedp.WaitNotPresent("#shared-banner", chromedp.ByQuery),
		waitJS(`document.getElementById("f-title").value === "Mine"`),
	))
}
