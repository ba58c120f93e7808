//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// shotAt saves a screenshot at width px to $VALUECALC_SHOTS/name-width.png
// when that is set, for a person to look at.
func shotAt(t *testing.T, ctx context.Context, width int, name string) {
	t.Helper()
	dir := os.Getenv("VALUECALC_SHOTS")
	if dir == "" {
		return
	}
	var png []byte
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(int64(width), 900), chromedp.Sleep(300e6),
		chromedp.CaptureScreenshot(&png)))
	require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width)), png, 0o644))
}

// utf16File is s as Windows Notepad saves "Unicode": UTF-16
// little-endian with a byte order mark (s is ASCII).
func utf16File(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// TestImportRefusedInWords: files the app cannot open are refused next to
// the import control with a sentence saying what they are, as the CLI
// refuses them; nothing saved changes.
func TestImportRefusedInWords(t *testing.T) {
	ctx := newBrowser(t)
	before := ownWork(t, ctx)
	dir := t.TempDir()

	good := template(t, "software-purchase")
	goodJSON, err := calc.Encode(good)
	require.NoError(t, err)
	var items []string
	for i := range 1500 {
		items = append(items, fmt.Sprintf(`{"id":"i%d","name":"","side":"benefit","type":"functional"}`, i))
	}
	oversized := append([]byte(`{"format":"valuecalc/2","title":"big"`), []byte(strings.Repeat(" ", 6_250_000))...)
	oversized = append(oversized, '}')

	rows := []struct {
		name, file string
		data       []byte
		msg        string
		words      []string // the problems in the user's words, when listed
		last       string   // the list's last line, when cut short
	}{
		{name: "UTF-16", file: "notepad.json", data: utf16File(string(goodJSON)),
			msg: "“notepad.json” is UTF-16 text; valuecalc files are UTF-8. Save it as UTF-8 and import it again. Nothing was imported."},
		{name: "valuecalc's own CSV", file: "helpdesk.csv", data: state.ComparisonCSV(good, calc.Evaluate(good)),
			msg: "“helpdesk.csv” is a CSV file, for spreadsheets; valuecalc imports only its own files, which “Download valuecalc file (.json)” makes. Nothing was imported."},
		{name: "CSV named .json", file: "sheet.json", data: []byte("Item,Value\r\nSpeed,4\r\nCost,2\r\n"),
			msg: "“sheet.json” is a CSV file, for spreadsheets; valuecalc imports only its own files, which “Download valuecalc file (.json)” makes. Nothing was imported."},
		{name: "oversized", file: "big.json", data: oversized,
			msg: "“big.json” is 6 MB; a valuecalc file is at most 5 MB. Nothing was imported."},
		{name: "label of spaces", file: "label.json",
			data:  []byte(`{"format":"valuecalc/2","scale":{"min":1,"max":5,"minLabel":"Never","maxLabel":"   "}}`),
			msg:   "“label.json” was not imported: it has 1 problem. Nothing was changed.",
			words: []string{"The label of the highest score must not be blank"}},
		{name: "control characters", file: "pwned.json",
			data: []byte(`{"format":"valuecalc/2","title":"\u001b]0;pwned\u0007",` +
				`"items":[{"id":"a","name":"invoice\u202etxt.exe","side":"benefit","type":"functional"}]}`),
			msg:   "“pwned.json” was not imported: it has 2 problems. Nothing was changed.",
			words: []string{"The title holds an invisible control character", "Item 1: the name holds an invisible control character"}},
		{name: "1,501 problems", file: "many.json", data: []byte(`{"format":"valuecalc/2","items":[` + strings.Join(items, ",") + `]}`),
			msg: "“many.json” was not imported: it has 1,501 problems. Nothing was changed.", last: "… and 1481 more"},
	}
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-files", chromedp.ByQuery),
		chromedp.WaitVisible("#files", chromedp.ByQuery),
	))
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			path := filepath.Join(dir, r.file)
			require.NoError(t, os.WriteFile(path, r.data, 0o644))
			require.NoError(t, chromedp.Run(ctx,
				chromedp.SetUploadFiles("#import-file", []string{path}, chromedp.ByQuery),
				waitJS(`(document.getElementById("import-error") || {textContent: ""}).textContent.includes(`+jsString("“"+r.file+"”")+`)`),
			))
			assert.Equal(t, r.msg, textOf(t, ctx, "#import-error p"))
			var words []string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#import-problems li .problem-words")].map(el => el.textContent)`, &words)))
			switch {
			case r.last != "":
				assert.Len(t, words, 20, "the first twenty")
				assert.Equal(t, r.last, textOf(t, ctx, "#import-problems li.muted"), "and a count of the rest")
			default:
				assert.Equal(t, r.words, append([]string(nil), words...)[:min(len(words), len(r.words))])
				assert.Len(t, words, len(r.words))
			}
			assert.Equal(t, "Mine", valueOf(t, ctx, "f-title"), "the user's own work stays open")
			assert.Equal(t, before, storage(t, ctx), "nothing saved changed")
			for _, w := range []int{375, 1440} {
				shotAt(t, ctx, w, "import-"+strings.ReplaceAll(r.name, " ", "-"))
			}
		})
	}
}

// TestControlCharactersTyped: a control character or a text direction
// override pasted into a name is refused next to the field, in the user's
// words; the model keeps its name.
func TestControlCharactersTyped(t *testing.T) {
	ctx := newBrowser(t)
	openApp(t, ctx, "/?template=customer-value")
	const msg = "Remove the invisible control characters from this text."
	itemField, scenarioField := fid("item/quality/name"), fid("scenario/with-us/name")
	before := valueOf(t, ctx, itemField)
	for id, text := range map[string]string{
		"f-title":     "Deal \x1b]0;pwned\x07",
		itemField:     "invoice\u202etxt.exe",
		scenarioField: "With us\x1b[2J",
	} {
		require.NoError(t, chromedp.Run(ctx, pasteInto(id, text),
			waitJS(`(document.getElementById(`+jsString(id+"-err")+`) || {textContent: ""}).textContent !== ""`)))
		assert.Equal(t, msg, textOf(t, ctx, "#"+id+"-err"), "#%s", id)
		var invalid string
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById(`+jsString(id)+`).getAttribute("aria-invalid") || ""`, &invalid)))
		assert.Equal(t, "true", invalid, "#%s", id)
		assert.Equal(t, text, valueOf(t, ctx, id), "what was typed stays in the field to be mended")
	}
	for _, w := range []int{375, 1440} {
		require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(int64(w), 900), chromedp.ScrollIntoView("#"+itemField, chromedp.ByQuery)))
		shotAt(t, ctx, w, "typed-override")
	}
	// Mended, the name is taken.
	require.NoError(t, chromedp.Run(ctx, pasteInto(itemField, "invoice txt.exe"),
		waitJS(`(document.getElementById(`+jsString(itemField+"-err")+`) || {textContent: ""}).textContent === ""`)))
	assert.NotEqual(t, before, valueOf(t, ctx, itemField))
	m := currentModelSoon(t, ctx, "invoice txt.exe")
	assert.False(t, strings.ContainsFunc(m.Title, calc.ControlChar), "%q", m.Title)
}

// currentModelSoon waits until the assessment open now is saved with an
// item called name, and returns it.
func currentModelSoon(t *testing.T, ctx context.Context, name string) calc.Model {
	t.Helper()
	settled(t, ctx)
	m := currentModel(t, ctx)
	found := false
	for _, it := range m.Items {
		found = found || it.Name == name
	}
	require.True(t, found, "no item %q in %v", name, m.Items)
	return m
}
