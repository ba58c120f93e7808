package state

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// The harness: a tab is a Store over a Storage, with the browser's part
// played by a virtual clock, a tabTimer queue for After and an idle queue for
// WhenIdle. Two tabs over one Storage are two browser tabs.

// clockStart is the tabs' virtual time at start, in Unix milliseconds.
const clockStart = 1_700_000_000_000

type tab struct {
	t       testing.TB
	store   *Store
	now     time.Duration // virtual time since the tab started
	timers  []tabTimer    // After effects waiting, in the order asked
	idle    []Action      // WhenIdle effects waiting
	frame   []Action      // AfterFrame effects waiting for the next render
	effects []Effect      // browser effects not yet taken
}

type tabTimer struct {
	at    time.Duration
	then  Action
	quiet bool // a WhenQuiet's: then waits for the browser to be idle
}

// newTab starts a tab over storage. Start's Base and Seed get defaults;
// give tabs that share a storage different seeds.
func newTab(t testing.TB, storage Storage, start Start) *tab {
	t.Helper()
	tb := &tab{t: t}
	tb.store = &Store{Lib: Library{Store: storage}, Now: func() int64 { return clockStart + tb.now.Milliseconds() }}
	if start.Base == "" {
		start.Base = "https://valuecalc.example/"
	}
	if start.Seed == 0 {
		start.Seed = 1
	}
	tb.do(start)
	require.True(t, tb.state().Started, "the tab did not start")
	return tb
}

// do dispatches a and queues the timers and idle callbacks it asks for.
func (tb *tab) do(a Action) []Effect {
	tb.t.Helper()
	out := tb.store.Dispatch(a)
	for _, e := range out {
		switch e := e.(type) {
		case After:
			tb.timers = append(tb.timers, tabTimer{tb.now + e.Delay, e.Then, false})
		case WhenIdle:
			tb.idle = append(tb.idle, e.Then)
		case AfterFrame:
			tb.frame = append(tb.frame, e.Then)
		case WhenQuiet: // as the browser does: the wait starts again
			tb.timers = slices.DeleteFunc(tb.timers, func(tm tabTimer) bool { return tm.quiet && fmt.Sprintf("%T", tm.then) == fmt.Sprintf("%T", e.Then) })
			tb.timers = append(tb.timers, tabTimer{tb.now + e.Delay, e.Then, true})
		}
	}
	tb.effects = append(tb.effects, out...)
	return out
}

// input types text into field f.
func (tb *tab) input(f Field, text string) []Effect { return tb.do(Input{f, text}) }

// take returns the browser effects asked for since the last take.
func (tb *tab) take() []Effect {
	out := tb.effects
	tb.effects = nil
	return out
}

// advance moves the clock on by d, firing the timers due, in order.
func (tb *tab) advance(d time.Duration) {
	tb.t.Helper()
	end := tb.now + d
	for {
		next := -1
		for i, tm := range tb.timers {
			if tm.at <= end && (next < 0 || tm.at < tb.timers[next].at) {
				next = i
			}
		}
		if next < 0 {
			break
		}
		tm := tb.timers[next]
		tb.timers = append(tb.timers[:next:next], tb.timers[next+1:]...)
		tb.now = tm.at
		if tm.quiet {
			tb.idle = append(tb.idle, tm.then)
		} else {
			tb.do(tm.then)
		}
	}
	tb.now = end
}

// rendered is the browser done rendering a frame: what waited for it
// runs.
func (tb *tab) rendered() {
	tb.t.Helper()
	waiting := tb.frame
	tb.frame = nil
	for _, a := range waiting {
		tb.do(a)
	}
}

// runIdle runs what waits for the browser to be idle, typing having
// paused: the quiet waits end first.
func (tb *tab) runIdle() {
	tb.t.Helper()
	var until time.Duration
	for _, tm := range tb.timers {
		if tm.quiet {
			until = max(until, tm.at-tb.now)
		}
	}
	tb.advance(until)
	for len(tb.idle) > 0 {
		a := tb.idle[0]
		tb.idle = tb.idle[1:]
		tb.do(a)
	}
}

// settle lets the autosave run: its delay passes, then the browser idles.
func (tb *tab) settle() {
	tb.t.Helper()
	tb.advance(SaveDelay)
	tb.runIdle()
}

func (tb *tab) state() State      { return tb.store.State }
func (tb *tab) model() calc.Model { return tb.store.State.Model() }

// effectsOf returns the effects of type T, in order.
func effectsOf[T Effect](effects []Effect) []T {
	var out []T
	for _, e := range effects {
		if e, ok := e.(T); ok {
			out = append(out, e)
		}
	}
	return out
}

// saveTimers counts the autosave's waits among effects.
func saveTimers(effects []Effect) int {
	n := 0
	for _, a := range effectsOf[WhenQuiet](effects) {
		if a == (WhenQuiet{SaveDelay, SaveNow{}}) {
			n++
		}
	}
	return n
}

// exampleModel is a built-in template's model.
func exampleModel(t testing.TB, id string) calc.Model {
	t.Helper()
	tm, ok := examples.Get(id)
	require.True(t, ok, id)
	m, err := calc.Decode(tm.Data)
	require.NoError(t, err)
	return m
}

// saveDoc puts m in storage as assessment id, as a tab would have.
func putDoc(t testing.TB, storage Storage, id string, m calc.Model, now int64) {
	t.Helper()
	_, err := Library{Store: storage}.Save(id, m, 0, now)
	require.NoError(t, err)
}

// storedDoc is what storage holds as assessment id.
func storedDoc(t testing.TB, storage Storage, id string) (calc.Model, int) {
	t.Helper()
	m, rev, err := Library{Store: storage}.Load(id)
	require.NoError(t, err, "assessment %s is not in storage", id)
	return m, rev
}

// docKeys lists the assessments stored.
func docKeys(storage MemStorage) []string {
	var ids []string
	for k := range storage {
		if id, ok := strings.CutPrefix(k, keyDoc); ok {
			ids = append(ids, id)
		}
	}
	return ids
}

func listIDs(list []Meta) []string {
	var ids []string
	for _, m := range list {
		ids = append(ids, m.ID)
	}
	return ids
}

// ownWork is a storage holding the user's saved work, "own", opened last.
func ownWork(t testing.TB) (MemStorage, calc.Model) {
	mem := MemStorage{}
	own := exampleModel(t, "software-purchase")
	putDoc(t, mem, "own", own, clockStart-1000)
	require.NoError(t, Library{Store: mem}.SetCurrent("own"))
	return mem, own
}

var (
	qualityCell = EntryField("with-us", "quality") // the first template's first cell
	fitCell     = EntryField("with-us", "fit")     // its second row
)

func TestAutosave(t *testing.T) {
	mem := MemStorage{}
	tb := newTab(t, mem, Start{})
	tb.take()

	// Each edit of a burst starts the wait again: the save waits for
	// typing to pause, never lands between two keystrokes.
	assert.Equal(t, 1, saveTimers(tb.input(qualityCell, "4")))
	assert.True(t, tb.state().SaveWaiting)
	assert.Equal(t, "Saving…", tb.state().SaveStatus())
	tb.advance(SaveDelay - time.Millisecond)
	assert.Equal(t, 1, saveTimers(tb.input(qualityCell, "5")))
	tb.advance(SaveDelay - time.Millisecond)
	assert.Equal(t, 1, saveTimers(tb.input(fitCell, "3")))
	tb.advance(SaveDelay - time.Millisecond)
	assert.NotContains(t, tb.idle, Action(SaveNow{}), "the save came within the burst")
	assert.Empty(t, docKeys(mem), "nothing is saved before typing pauses")

	// The pause asks for the idle moment, which saves.
	tb.advance(time.Millisecond)
	assert.Contains(t, tb.idle, Action(SaveNow{}))
	assert.Empty(t, docKeys(mem), "the save waits for the idle moment")
	tb.runIdle()

	s := tb.state()
	stored, rev := storedDoc(t, mem, s.DocID)
	assert.Equal(t, s.Model(), stored)
	assert.Equal(t, 1, rev)
	assert.Equal(t, 1, s.Rev)
	assert.True(t, s.Saved)
	assert.False(t, s.Dirty)
	assert.False(t, s.SaveWaiting)
	assert.Equal(t, "Saved on this device", s.SaveStatus())
	assert.Equal(t, []Meta{{s.DocID, stored.Title, clockStart + (3*SaveDelay - 2*time.Millisecond).Milliseconds()}}, s.List, "saved when typing paused")
	assert.Equal(t, s.DocID, Library{Store: mem}.Current())

	// The next edit starts a tabTimer again.
	tb.take()
	assert.Equal(t, 1, saveTimers(tb.input(qualityCell, "2")))
	tb.settle()
	stored, rev = storedDoc(t, mem, s.DocID)
	assert.Equal(t, 2, rev)
	assert.Equal(t, tb.model(), stored)
}

func TestAutosaveWithNothingToSave(t *testing.T) {
	mem := MemStorage{}
	tb := newTab(t, mem, Start{})
	tb.input(qualityCell, "4")
	tb.do(Undo{})
	tb.settle()
	// The undo is an edit too: back at the template, the work is saved as
	// it is now.
	stored, _ := storedDoc(t, mem, tb.state().DocID)
	assert.Equal(t, exampleModel(t, examples.List()[0].ID), stored)

	// Nothing typed: nothing to save, the tabTimer or not.
	tb.advance(time.Minute)
	tb.runIdle()
	_, rev := storedDoc(t, mem, tb.state().DocID)
	assert.Equal(t, 1, rev)
}

func TestPageHidden(t *testing.T) {
	tests := []struct {
		name  string
		edit  bool
		saved bool
	}{
		{"dirty saves at once", true, true},
		{"clean writes nothing", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem := MemStorage{}
			tb := newTab(t, mem, Start{})
			if tt.edit {
				tb.input(qualityCell, "4")
			}
			tb.do(PageHidden{})
			if !tt.saved {
				assert.Empty(t, docKeys(mem))
				return
			}
			stored, rev := storedDoc(t, mem, tb.state().DocID)
			assert.Equal(t, tb.model(), stored)
			assert.Equal(t, "Saved on this device", tb.state().SaveStatus())

			// The autosave that was waiting finds nothing left to save.
			tb.settle()
			_, rev2 := storedDoc(t, mem, tb.state().DocID)
			assert.Equal(t, rev, rev2)
		})
	}
}

// twoTabs returns two tabs over one storage, both on assessment id: tab a
// made and saved it, tab b opened it after.
func twoTabs(t *testing.T) (mem MemStorage, a, b *tab, id string) {
	mem = MemStorage{}
	a = newTab(t, mem, Start{Seed: 1})
	a.input(qualityCell, "4")
	a.settle()
	id = a.state().DocID
	b = newTab(t, mem, Start{Seed: 2})
	require.Equal(t, id, b.state().DocID, "tab b opens the assessment tab a saved")
	require.Equal(t, a.model(), b.model())
	a.take()
	b.take()
	return mem, a, b, id
}

func TestTwoTabs(t *testing.T) {
	t.Run("B without edits follows A", func(t *testing.T) {
		_, a, b, id := twoTabs(t)
		a.input(SettingField(FieldTitle), "From tab A")
		a.settle()
		b.do(StorageChanged{Key: keyDoc + id})
		s := b.state()
		assert.Equal(t, a.model(), s.Model())
		assert.Equal(t, 2, s.Rev)
		assert.False(t, s.Conflict)
		assert.False(t, s.Dirty)
		assert.Equal(t, "Updated with the changes saved in another tab.", s.Notice.Text)
		assert.Equal(t, "Saved on this device", s.SaveStatus())
	})

	t.Run("B with edits is told of the conflict", func(t *testing.T) {
		mem, a, b, id := twoTabs(t)
		b.input(fitCell, "1")
		bModel := b.model()
		a.input(SettingField(FieldTitle), "From tab A")
		a.settle()
		b.do(StorageChanged{Key: keyDoc + id})
		assert.True(t, b.state().Conflict)
		assert.Equal(t, "Not saved", b.state().SaveStatus())
		assert.Equal(t, bModel, b.model(), "tab b's work stays on screen")

		// B's autosave does not overwrite A's save.
		b.settle()
		b.do(PageHidden{})
		stored, rev := storedDoc(t, mem, id)
		assert.Equal(t, a.model(), stored)
		assert.Equal(t, 2, rev)
	})

	t.Run("B saving after A is told of the conflict", func(t *testing.T) {
		mem, a, b, id := twoTabs(t)
		b.input(fitCell, "1")
		a.input(SettingField(FieldTitle), "From tab A")
		a.settle()
		b.settle() // no storage event yet: the save itself finds A's
		assert.True(t, b.state().Conflict)
		stored, _ := storedDoc(t, mem, id)
		assert.Equal(t, a.model(), stored)
	})

	t.Run("an invalid draft in B is a conflict too", func(t *testing.T) {
		_, a, b, id := twoTabs(t)
		b.input(fitCell, "lots")
		a.input(SettingField(FieldTitle), "From tab A")
		a.settle()
		b.do(StorageChanged{Key: keyDoc + id})
		assert.True(t, b.state().Conflict)
		assert.Equal(t, "lots", b.state().FieldValue(fitCell))
	})

	t.Run("ConflictKeep saves B's work as a copy", func(t *testing.T) {
		mem, a, b, id := twoTabs(t)
		b.input(fitCell, "1")
		bModel := b.model()
		a.input(SettingField(FieldTitle), "From tab A")
		a.settle()
		b.do(StorageChanged{Key: keyDoc + id})
		require.True(t, b.state().Conflict)

		b.do(ConflictKeep{})
		s := b.state()
		assert.NotEqual(t, id, s.DocID)
		assert.NotEqual(t, a.state().DocID, s.DocID)
		assert.False(t, s.Conflict)
		assert.Equal(t, "Customer value assessment (copy)", s.Model().Title)
		assert.Equal(t, "Saved on this device", s.SaveStatus())

		copied, rev := storedDoc(t, mem, s.DocID)
		assert.Equal(t, 1, rev)
		assert.Equal(t, s.Model(), copied)
		assert.Equal(t, FieldText(i18n.EN, bModel, fitCell), FieldText(i18n.EN, copied, fitCell), "the copy holds tab b's edit")
		stored, _ := storedDoc(t, mem, id)
		assert.Equal(t, a.model(), stored, "tab a's save is kept")
		assert.ElementsMatch(t, []string{id, s.DocID}, listIDs(s.List))
	})

	t.Run("ConflictReload opens A's version", func(t *testing.T) {
		mem, a, b, id := twoTabs(t)
		b.input(fitCell, "1")
		a.input(SettingField(FieldTitle), "From tab A")
		a.settle()
		b.do(StorageChanged{Key: keyDoc + id})
		require.True(t, b.state().Conflict)

		b.do(ConflictReload{})
		s := b.state()
		assert.Equal(t, a.model(), s.Model())
		assert.Equal(t, 2, s.Rev)
		assert.False(t, s.Conflict)
		assert.False(t, s.Dirty)
		assert.Empty(t, s.Drafts)
		b.settle()
		_, rev := storedDoc(t, mem, id)
		assert.Equal(t, 2, rev, "reloading writes nothing")
		assert.Equal(t, []string{id}, docKeys(mem))
	})

	t.Run("another assessment's save only refreshes the list", func(t *testing.T) {
		_, a, b, id := twoTabs(t)
		a.do(NewFromTemplate{ID: "segments"})
		a.input(EntryField("smb", "ease"), "4")
		a.settle()
		other := a.state().DocID
		require.NotEqual(t, id, other)
		before := b.model()

		b.do(StorageChanged{Key: keyDoc + other})
		assert.Equal(t, before, b.model())
		b.do(StorageChanged{Key: keyIndex})
		assert.Equal(t, before, b.model())
		assert.ElementsMatch(t, []string{id, other}, listIDs(b.state().List))
		assert.Empty(t, b.state().Notice.Text)
	})
}

// badModelJSON is a model file with two problems: a negative weight and a
// score off the scale.
const badModelJSON = `{"format":"valuecalc/1","title":"Bad","mode":"score","scale":{"min":1,"max":5},
"items":[{"id":"a","name":"A","side":"benefit","type":"functional","weight":-1}],
"scenarios":[{"id":"s","name":"S","entries":{"a":{"score":9}}}]}`

func TestImportFile(t *testing.T) {
	mem, own := ownWork(t)
	tb := newTab(t, mem, Start{})
	require.Equal(t, "own", tb.state().DocID)
	tb.do(OpenPanel{PanelFiles})
	tb.take()

	segments, _ := examples.Get("segments")
	tb.do(ImportFile{FileName: "segments.json", Text: string(segments.Data)})
	s := tb.state()
	want := exampleModel(t, "segments")
	assert.NotEqual(t, "own", s.DocID)
	assert.Equal(t, want, s.Model())
	assert.True(t, s.Saved)
	assert.False(t, s.Dirty)
	assert.Equal(t, PanelNone, s.Panel)
	assert.Equal(t, Problem{}, s.Import)
	assert.Equal(t, "Imported “Segment comparison: SMB vs Enterprise” from segments.json as a new assessment.", s.Notice.Text)
	assert.Contains(t, tb.take(), Effect(CleanURL{Hash: true}))
	stored, _ := storedDoc(t, mem, s.DocID)
	assert.Equal(t, want, stored)
	stored, _ = storedDoc(t, mem, "own")
	assert.Equal(t, own, stored)
	assert.False(t, s.Hist.CanUndo(), "an import is a new assessment, not an edit")
}

func TestImportFileErrors(t *testing.T) {
	tests := []struct {
		name     string
		action   Action
		wantText string
		wantList int
	}{
		{"not JSON", ImportFile{FileName: "notes.txt", Text: "{not json"},
			"“notes.txt” is not a valuecalc file: ", 0},
		{"not a model", ImportFile{FileName: "data.json", Text: `[1, 2, 3]`},
			"“data.json” was not imported: it has 1 problem. Nothing was changed.", 1},
		{"a model with problems", ImportFile{FileName: "bad.json", Text: badModelJSON},
			"“bad.json” was not imported: it has 2 problems. Nothing was changed.", 2},
		{"too large", ImportUnreadable{FileName: "huge.json", Size: 7 << 20, TooLarge: true},
			"“huge.json” is 7 MB; a valuecalc file is at most 5 MB. Nothing was imported.", 0},
		{"a byte too large", ImportUnreadable{FileName: "huge.json", Size: calc.MaxInputSize + 1, TooLarge: true},
			"“huge.json” is 5.1 MB; a valuecalc file is at most 5 MB. Nothing was imported.", 0},
		{"a little over 10 MB", ImportUnreadable{FileName: "huge.json", Size: 10<<20 + 44, TooLarge: true},
			"“huge.json” is 10 MB; a valuecalc file is at most 5 MB. Nothing was imported.", 0},
		{"5.96 MB", ImportUnreadable{FileName: "huge.json", Size: 6_250_000, TooLarge: true},
			"“huge.json” is 6 MB; a valuecalc file is at most 5 MB. Nothing was imported.", 0},
		{"5.44 MB", ImportUnreadable{FileName: "huge.json", Size: 5_700_000, TooLarge: true},
			"“huge.json” is 5.4 MB; a valuecalc file is at most 5 MB. Nothing was imported.", 0},
		{"UTF-16 with its byte order mark", ImportFile{FileName: "notepad.json", Text: utf16LE("\ufeff" + badModelJSON)},
			"“notepad.json” is UTF-16 text; valuecalc files are UTF-8. Save it as UTF-8 and import it again. Nothing was imported.", 0},
		{"UTF-16 without one", ImportFile{FileName: "notepad.json", Text: utf16LE(badModelJSON)},
			"“notepad.json” is UTF-16 text; valuecalc files are UTF-8.", 0},
		{"valuecalc's own CSV", ImportFile{FileName: "assessment.json", Text: string(ComparisonCSV(fixture.Small(), calc.Evaluate(fixture.Small())))},
			"“assessment.json” is a CSV file, for spreadsheets; valuecalc imports only its own files, which “Download valuecalc file (.json)” makes. Nothing was imported.", 0},
		{"valuecalc's own CSV with drivers and timing", ImportFile{FileName: "helpdesk.csv", Text: string(ComparisonCSV(exampleModel(t, "software-purchase"), calc.Evaluate(exampleModel(t, "software-purchase"))))},
			"“helpdesk.csv” is a CSV file, for spreadsheets; valuecalc imports only its own files, which “Download valuecalc file (.json)” makes. Nothing was imported.", 0},
		{"a CSV file by its name", ImportFile{FileName: "Export.CSV", Text: "a"},
			"“Export.CSV” is a CSV file, for spreadsheets;", 0},
		{"a spreadsheet's CSV, semicolons", ImportFile{FileName: "numbers.txt", Text: "Name;Value\r\nA;1\r\nB;2\r\n"},
			"“numbers.txt” is a CSV file, for spreadsheets;", 0},
		{"text that is not CSV", ImportFile{FileName: "notes.txt", Text: "Dear Sir, hello.\nKind regards\n"},
			"“notes.txt” is not a valuecalc file: (root): invalid JSON at byte 0", 0},
		{"control characters", ImportFile{FileName: "pwned.json", Text: `{"format":"valuecalc/2","title":"\u001b]0;pwned\u0007","items":[{"id":"a","name":"x\u202ey","side":"benefit","type":"functional"}]}`},
			"“pwned.json” was not imported: it has 2 problems. Nothing was changed.", 2},
		{"a label of spaces", ImportFile{FileName: "label.json", Text: `{"format":"valuecalc/2","scale":{"min":1,"max":5,"maxLabel":"   "}}`},
			"“label.json” was not imported: it has 1 problem. Nothing was changed.", 1},
		{"unreadable", ImportUnreadable{FileName: "locked.json"},
			"“locked.json” could not be read. Nothing was imported.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem, own := ownWork(t)
			tb := newTab(t, mem, Start{})
			tb.input(fitCell, "2") // unsaved work on screen
			before := tb.state()
			tb.do(Drag{On: true})
			tb.do(tt.action)
			s := tb.state()

			assert.True(t, strings.HasPrefix(s.Import.Text, tt.wantText), "got %q", s.Import.Text)
			assert.Len(t, s.Import.List, tt.wantList)
			assert.Equal(t, PanelFiles, s.Panel)
			assert.False(t, s.Dragging)
			assert.Equal(t, before.DocID, s.DocID)
			assert.Equal(t, before.Model(), s.Model())
			assert.Equal(t, before.Result, s.Result)
			assert.Equal(t, "2", s.FieldValue(fitCell))
			stored, rev := storedDoc(t, mem, "own")
			assert.Equal(t, own, stored, "nothing saved")
			assert.Equal(t, 1, rev)
			assert.Equal(t, []string{"own"}, docKeys(mem))

			// Opening the panel again starts afresh.
			tb.do(ClosePanel{})
			tb.do(OpenPanel{PanelFiles})
			assert.Equal(t, Problem{}, tb.state().Import)
		})
	}
}

// utf16LE writes s, ASCII and the byte order mark, as UTF-16 little-endian
// as Windows Notepad saves "Unicode" text.
func utf16LE(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// TestImportProblemsWords: what is wrong with an imported file, in the
// user's words and language; the count is every problem, the list the
// first 100 and a line for the rest.
func TestImportProblemsWords(t *testing.T) {
	var items []string // 1,500 blank names, and too many items
	for i := range 1500 {
		items = append(items, fmt.Sprintf(`{"id":"i%d","name":"","side":"benefit","type":"functional"}`, i))
	}
	many := `{"format":"valuecalc/2","items":[` + strings.Join(items, ",") + `]}`
	controls := `{"format":"valuecalc/2","title":"\u001b[2J","scale":{"min":1,"max":5,"minLabel":" "},` +
		`"items":[{"id":"a","name":"Speed\u202e","side":"benefit","type":"functional","note":"a\tb\nc"}]}`
	tests := []struct {
		lang       i18n.Lang
		data, text string
		list       []string
		more       int
	}{
		{i18n.EN, many, "“f.json” was not imported: it has 1,501 problems. Nothing was changed.", nil, 1401},
		{i18n.DE, many, "„f.json“ wurde nicht importiert: Die Datei hat 1.501 Probleme. Nichts wurde geändert.", nil, 1401},
		{i18n.FR, many, "« f.json » n'a pas été importé : il a 1\u202f501 problèmes. Rien n'a été modifié.", nil, 1401},
		{i18n.ES, many, "«f.json» no se importó: tiene 1501 problemas. No se cambió nada.", nil, 1401},
		{i18n.EN, controls, "“f.json” was not imported: it has 3 problems. Nothing was changed.", []string{
			"The title holds an invisible control character",
			"The label of the lowest score must not be blank",
			"Item 1: the name holds an invisible control character",
		}, 0},
		{i18n.DE, controls, "„f.json“ wurde nicht importiert: Die Datei hat 3 Probleme. Nichts wurde geändert.", []string{
			"Der Titel enthält ein unsichtbares Steuerzeichen",
			"Die Beschriftung der niedrigsten Punktzahl fehlt",
			"Posten 1: der Name enthält ein unsichtbares Steuerzeichen",
		}, 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			p := importError(tt.lang, "f.json", []byte(tt.data), decodeErr(t, tt.data))
			assert.Equal(t, tt.text, p.Text)
			if tt.list != nil {
				assert.Equal(t, tt.list, p.List)
				assert.Len(t, p.Detail, len(tt.list))
			}
			if tt.more != 0 {
				assert.Len(t, p.List, 100, "calc lists 100")
				assert.Len(t, p.Detail, 100)
				assert.Equal(t, tt.more, p.More, "and counts the rest")
			}
		})
	}
}

func decodeErr(t *testing.T, data string) error {
	t.Helper()
	_, err := calc.Decode([]byte(data))
	require.Error(t, err)
	return err
}

func TestLinkProblemsCount(t *testing.T) {
	var items []string
	for i := range 300 {
		items = append(items, fmt.Sprintf(`{"id":"i%d","name":" ","side":"cost","type":"risk"}`, i))
	}
	err := decodeErr(t, `{"format":"valuecalc/2","items":[`+strings.Join(items, ",")+`]}`)
	p := linkError(i18n.EN, err)
	assert.Equal(t, "This link holds an assessment with 300 problems:", p.Text)
	assert.Len(t, p.List, 100)
	assert.Equal(t, 200, p.More)
	assert.Equal(t, "Dieser Link enthält eine Bewertung mit 300 Problemen:", linkError(i18n.DE, err).Text)
}

func shareHash(t testing.TB, m calc.Model) string {
	t.Helper()
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	return "#" + fragment
}

func TestSharedLink(t *testing.T) {
	mem, own := ownWork(t)
	before := maps.Clone(mem)
	shared := exampleModel(t, "segments")
	tb := newTab(t, mem, Start{Hash: shareHash(t, shared)})

	s := tb.state()
	assert.True(t, s.Shared)
	assert.Equal(t, ViewReport, s.View, "a link opens the case to read")
	assert.True(t, s.Reading())
	assert.Equal(t, shared, s.Model())
	assert.False(t, s.Saved)
	assert.Equal(t, "Shared link: not saved", s.SaveStatus())
	assert.Equal(t, before, mem, "opening a link writes nothing")

	// Read-only: typing is ignored, edits are refused with a notice.
	effects := tb.input(EntryField("smb", "ease"), "3")
	assert.Equal(t, shared, tb.model())
	assert.Empty(t, tb.state().Drafts)
	assert.Zero(t, saveTimers(effects))
	tb.do(DeleteItem{ID: "ease"})
	assert.Equal(t, shared, tb.model())
	assert.Equal(t, "This shared assessment is read-only: save a copy to edit it.", tb.state().Notice.Text)
	assert.True(t, tb.state().Notice.IsErr)
	tb.do(SetPer{Cell: Cell{"smb", "ease"}, Value: "hours/month"})
	tb.do(ScalePreset{Value: "1-5"})
	assert.Equal(t, shared, tb.model())
	tb.settle()
	tb.do(PageHidden{})
	assert.Equal(t, before, mem, "a shared link is never saved")

	// Saving a copy makes it the user's own.
	tb.take()
	tb.do(SaveSharedCopy{})
	s = tb.state()
	assert.False(t, s.Shared)
	assert.Equal(t, ViewEditor, s.View, "the copy opens in the editor")
	assert.True(t, s.Saved)
	assert.Equal(t, "Saved on this device", s.SaveStatus())
	assert.Equal(t, "Saved a copy of “Segment comparison: SMB vs Enterprise” to your assessments.", s.Notice.Text)
	assert.Contains(t, tb.take(), Effect(CleanURL{Hash: true}))
	stored, _ := storedDoc(t, mem, s.DocID)
	assert.Equal(t, shared, stored)
	stored, _ = storedDoc(t, mem, "own")
	assert.Equal(t, own, stored)
	assert.Equal(t, s.DocID, Library{Store: mem}.Current())

	// Now it can be edited.
	tb.input(EntryField("smb", "ease"), "3")
	assert.Equal(t, "3", FieldText(i18n.EN, tb.model(), EntryField("smb", "ease")))
}

// TestLinkOpensView: a link opens the report, unless the address chose
// a view; an embed opens its own view. Pasted into an open tab, it opens
// the same way.
func TestLinkOpensView(t *testing.T) {
	hash := shareHash(t, exampleModel(t, "segments"))
	for _, tt := range []struct {
		name, query string
		want        View
		shared      bool
	}{
		{"a link alone", "", ViewReport, true},
		{"a link with ?view=editor", "view=editor", ViewEditor, true},
		{"a link with ?view=report", "view=report", ViewReport, true},
		{"a link with ?view=visitor, to answer", "view=visitor", ViewVisitor, false},
		{"a link in an embed", "embed=1", ViewVisitor, false},
		{"a link in an embed that chose the editor", "embed=1&view=editor", ViewEditor, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mem, _ := ownWork(t)
			before := maps.Clone(mem)
			tb := newTab(t, mem, Start{Query: tt.query, Hash: hash})
			assert.Equal(t, tt.want, tb.state().View)
			assert.Equal(t, tt.shared, tb.state().Shared)
			assert.Equal(t, tt.shared && tt.want == ViewReport, tb.state().Reading(), "nothing to go back to")
			assert.Equal(t, exampleModel(t, "segments"), tb.model())
			assert.Equal(t, before, mem, "opening a link writes nothing")
		})
		t.Run(tt.name+", pasted into an open tab", func(t *testing.T) {
			mem, _ := ownWork(t)
			before := maps.Clone(mem)
			tb := newTab(t, mem, Start{Query: tt.query})
			tb.do(SetView{View: ViewEditor})
			tb.do(HashChanged{Hash: hash})
			if !tb.state().ViewFixed {
				assert.Equal(t, tt.want, tb.state().View)
			}
			assert.Equal(t, exampleModel(t, "segments"), tb.model())
			assert.Equal(t, before, mem, "opening a link writes nothing")
		})
	}
}

func TestCloseShared(t *testing.T) {
	mem, own := ownWork(t)
	tb := newTab(t, mem, Start{Hash: shareHash(t, exampleModel(t, "segments"))})
	tb.take()
	tb.do(CloseShared{})
	s := tb.state()
	assert.False(t, s.Shared)
	assert.Equal(t, "own", s.DocID)
	assert.Equal(t, own, s.Model())
	assert.Contains(t, tb.take(), Effect(CleanURL{Hash: true}))
}

// rawLink packs text as a share link's payload, whatever it holds.
func rawLink(t testing.TB, text string) string {
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestCompression)
	require.NoError(t, err)
	_, err = w.Write([]byte(text))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return base64.RawURLEncoding.EncodeToString(z.Bytes())
}

func TestBrokenLink(t *testing.T) {
	good := shareHash(t, exampleModel(t, "segments"))
	mid := len(good) / 2
	flipped := good[:mid] + string("AB"[(strings.IndexByte("AB", good[mid])+1)%2]) + good[mid+1:]
	tests := []struct {
		name     string
		hash     string
		wantText string
		wantList int
	}{
		{"a character changed in an m= link", flipped, "This link could not be opened: it is damaged", 0},
		{"an m= link cut short", good[:len(good)-6], "This link could not be opened: it is damaged", 0},
		{"percent signs", "#model=%%%", "This link could not be opened: it holds \"%%%\"", 0},
		{"garbage base64", "#model=AAAAAAAA", "This link could not be opened: its data is damaged or cut short", 0},
		{"cut short", "#model=q1", "This link could not be opened: ", 0},
		{"empty", "#model=", "This link could not be opened: the link holds no model", 0},
		{"not JSON inside", "#model=" + rawLink(t, "hello"), "This link could not be opened: it does not hold a valuecalc assessment.", 0},
		{"a model with problems", "#model=" + rawLink(t, badModelJSON), "This link holds an assessment with 2 problems:", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem, own := ownWork(t)
			before := maps.Clone(mem)
			tb := newTab(t, mem, Start{Hash: tt.hash})
			s := tb.state()
			assert.True(t, strings.HasPrefix(s.Link.Text, tt.wantText), "got %q", s.Link.Text)
			assert.Len(t, s.Link.List, tt.wantList)
			assert.False(t, s.Shared)
			assert.Equal(t, "own", s.DocID, "the user's work opens instead")
			assert.Equal(t, own, s.Model())
			assert.True(t, s.Saved)
			assert.Equal(t, before, mem, "the saved work is untouched")

			tb.settle()
			tb.do(PageHidden{})
			assert.Equal(t, before, mem)

			tb.take()
			tb.do(DismissLinkError{})
			assert.Equal(t, Problem{}, tb.state().Link)
			assert.Contains(t, tb.take(), Effect(CleanURL{Hash: true}))
		})
	}
}

func TestHashChanged(t *testing.T) {
	mem, _ := ownWork(t)
	tb := newTab(t, mem, Start{})
	tb.input(fitCell, "1")
	edited := tb.model()
	shared := exampleModel(t, "segments")
	tb.do(OpenPanel{PanelShare})

	tb.do(HashChanged{Hash: shareHash(t, shared)})
	s := tb.state()
	assert.True(t, s.Shared)
	assert.Equal(t, shared, s.Model())
	assert.Equal(t, PanelNone, s.Panel)
	stored, _ := storedDoc(t, mem, "own")
	assert.Equal(t, edited, stored, "the work on screen is saved before the link opens")

	// A broken link leaves what is on screen.
	tb.do(HashChanged{Hash: "#model=%%%"})
	assert.Equal(t, shared, tb.model())
	assert.NotEmpty(t, tb.state().Link.Text)
}

// shopEmbed is the query of an embed that takes models from the shop.
const (
	shopOrigin = "https://shop.example"
	shopEmbed  = "embed=1&origin=" + shopOrigin
)

// posted decodes the messages of Post effects, checking their target.
func posted(t testing.TB, effects []Effect, target string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, p := range effectsOf[Post](effects) {
		assert.Equal(t, target, p.Target)
		var msg map[string]any
		require.NoError(t, json.Unmarshal(p.Data, &msg))
		out = append(out, msg)
	}
	return out
}

func postTypes(msgs []map[string]any) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m["type"].(string))
	}
	return out
}

func loadMsg(t testing.TB, m calc.Model) string {
	data, err := calc.Encode(m)
	require.NoError(t, err)
	return `{"type":"valuecalc:load","model":` + string(data) + `}`
}

func TestEmbedStart(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		target string // "" for no messages
	}{
		{"to the origin given", shopEmbed, shopOrigin},
		{"to any parent without an origin", "embed=1", "*"},
		{"to nobody with a bad origin", "embed=1&origin=*", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t, MemStorage{}, Start{Query: tt.query})
			s := tb.state()
			require.True(t, s.Embed.On)
			assert.Equal(t, exampleModel(t, examples.List()[0].ID), s.Model())
			msgs := posted(t, tb.take(), tt.target)
			if tt.target == "" {
				assert.Empty(t, msgs)
				return
			}
			require.Equal(t, []string{msgReady, msgResult}, postTypes(msgs), "ready, then the result")
			assert.Equal(t, calc.Format, msgs[0]["format"])
			want, err := resultMessage(msgResult, s.Result, s.Model(), s.Base)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(mustJSON(t, msgs[1])))
		})
	}
}

func mustJSON(t testing.TB, v any) []byte {
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return data
}

func TestEmbedHostLoad(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{Query: shopEmbed})
	tb.take()
	segments := exampleModel(t, "segments")

	tb.do(HostMessage{Origin: shopOrigin, FromParent: true, Data: loadMsg(t, segments)})
	s := tb.state()
	assert.Equal(t, segments, s.Model())
	assert.False(t, s.Shared, "an embed's model can be edited")
	effects := tb.take()
	assert.Empty(t, effectsOf[Warn](effects))
	msgs := posted(t, effects, shopOrigin)
	require.Equal(t, []string{msgResult}, postTypes(msgs))
	want, err := resultMessage(msgResult, calc.Evaluate(segments), segments, tb.state().Base)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(mustJSON(t, msgs[0])))

	// An edit posts the new result.
	tb.input(EntryField("smb", "ease"), "2")
	msgs = posted(t, tb.take(), shopOrigin)
	require.Equal(t, []string{msgResult}, postTypes(msgs))
	want, err = resultMessage(msgResult, calc.Evaluate(tb.model()), tb.model(), tb.state().Base)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(mustJSON(t, msgs[0])))
}

func TestEmbedHostLoadRefused(t *testing.T) {
	segments := exampleModel(t, "segments")
	tests := []struct {
		name  string
		query string
		msg   HostMessage
		warn  string // "" for none
	}{
		{"from another origin", shopEmbed,
			HostMessage{Origin: "https://evil.example", FromParent: true, Data: loadMsg(t, segments)},
			"valuecalc: valuecalc:load ignored: it came from https://evil.example, not https://shop.example"},
		{"not from the parent", shopEmbed,
			HostMessage{Origin: shopOrigin, FromParent: false, Data: loadMsg(t, segments)},
			"valuecalc: valuecalc:load ignored: it did not come from the embedding page"},
		{"without ?origin=", "embed=1",
			HostMessage{Origin: shopOrigin, FromParent: true, Data: loadMsg(t, segments)},
			"valuecalc: valuecalc:load ignored: the embed URL has no ?origin= naming the page allowed to load models"},
		{"with an origin that is none", "embed=1&origin=*",
			HostMessage{Origin: shopOrigin, FromParent: true, Data: loadMsg(t, segments)},
			"valuecalc: valuecalc:load ignored: the embed URL has no ?origin= naming the page allowed to load models"},
		{"an invalid model", shopEmbed,
			HostMessage{Origin: shopOrigin, FromParent: true, Data: `{"type":"valuecalc:load","model":` + badModelJSON + `}`},
			"valuecalc: valuecalc:load ignored: "},
		{"too large", shopEmbed,
			HostMessage{Origin: shopOrigin, FromParent: true, Data: `{"type":"valuecalc:load","model":"` + strings.Repeat("x", calc.MaxInputSize+1024) + `"}`},
			"valuecalc: valuecalc:load ignored: the model is larger than 5 MB"},
		{"another message", shopEmbed, HostMessage{Origin: shopOrigin, FromParent: true, Data: `{"type":"hello"}`}, ""},
		{"not JSON", shopEmbed, HostMessage{Origin: shopOrigin, FromParent: true, Data: `valuecalc:load`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t, MemStorage{}, Start{Query: tt.query})
			before := tb.state()
			tb.take()
			effects := tb.do(tt.msg)
			assert.Equal(t, before.Model(), tb.model())
			assert.Equal(t, before.DocID, tb.state().DocID)
			assert.Empty(t, effectsOf[Post](effects))
			warns := effectsOf[Warn](effects)
			if tt.warn == "" {
				assert.Empty(t, warns)
				return
			}
			require.Len(t, warns, 1)
			assert.True(t, strings.HasPrefix(warns[0].Console, tt.warn), "got %q", warns[0].Console)
		})
	}
}

func TestEmbedIgnoresHostMessagesOutsideEmbeds(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{Query: "origin=" + shopOrigin})
	before := tb.model()
	effects := tb.do(HostMessage{Origin: shopOrigin, FromParent: true, Data: loadMsg(t, exampleModel(t, "segments"))})
	assert.Equal(t, before, tb.model())
	assert.Empty(t, effects)
}

func TestEmbedNeverWritesStorage(t *testing.T) {
	tests := []struct {
		name  string
		start Start
	}{
		{"template", Start{Query: shopEmbed}},
		{"?template=", Start{Query: shopEmbed + "&template=segments"}},
		{"preset by a link", Start{Query: shopEmbed, Hash: shareHash(t, exampleModel(t, "segments"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem := MemStorage{}
			tb := newTab(t, mem, tt.start)
			assert.False(t, tb.state().Shared, "an embed's preset can be edited")
			m := tb.model()
			f := EntryField(m.Scenarios[0].ID, m.Items[0].ID)
			tb.input(f, "2")
			tb.settle()
			tb.do(HostMessage{Origin: shopOrigin, FromParent: true, Data: loadMsg(t, exampleModel(t, "customer-value"))})
			tb.input(qualityCell, "3")
			tb.do(AddItem{Side: calc.SideBenefit, Name: "Support"})
			tb.settle()
			tb.do(PageHidden{})
			tb.advance(time.Minute)
			tb.runIdle()
			assert.Equal(t, "3", FieldText(i18n.EN, tb.model(), qualityCell))
			keys, _ := mem.Keys()
			assert.Empty(t, keys, "an embed writes nothing to storage")
		})
	}
}

func TestEmbedResized(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{Query: shopEmbed})
	tb.take()
	msgs := posted(t, tb.do(Resized{Height: 480}), shopOrigin)
	require.Equal(t, []string{msgResize}, postTypes(msgs))
	assert.EqualValues(t, 480, msgs[0]["height"])
	assert.Empty(t, tb.do(Resized{Height: 480}), "the same height is not sent again")
}

// quotaStorage is a MemStorage that refuses writes while full, with err
// (errQuota when nil), or only those of the key refuse.
type quotaStorage struct {
	MemStorage
	full   bool
	err    error
	refuse string
}

var errQuota = errors.New("QuotaExceededError")

func (s *quotaStorage) Set(key, value string) error {
	if s.full && (s.refuse == "" || key == s.refuse) {
		if s.err != nil {
			return s.err
		}
		return errQuota
	}
	return s.MemStorage.Set(key, value)
}

func TestStorageFull(t *testing.T) {
	tests := []struct {
		name string
		save func(*tab)
	}{
		{"autosave", (*tab).settle},
		{"page hidden", func(tb *tab) { tb.do(PageHidden{}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storage := &quotaStorage{MemStorage: MemStorage{}, full: true}
			tb := newTab(t, storage, Start{})
			tb.input(qualityCell, "4")
			tt.save(tb)
			s := tb.state()
			assert.Equal(t, "Not saved: QuotaExceededError. Until it is, your work is only on this page: download a copy to keep it.", s.SaveErr)
			assert.Equal(t, "Not saved", s.SaveStatus())
			assert.Equal(t, "4", FieldText(i18n.EN, s.Model(), qualityCell), "the work stays")
			assert.True(t, s.Dirty)
			assert.Empty(t, docKeys(storage.MemStorage))

			// Room again: the next edit saves, and the message goes.
			storage.full = false
			tb.input(fitCell, "2")
			tb.settle()
			s = tb.state()
			assert.Empty(t, s.SaveErr)
			assert.Equal(t, "Saved on this device", s.SaveStatus())
			stored, _ := storedDoc(t, storage, s.DocID)
			assert.Equal(t, s.Model(), stored)
		})
	}
}

func TestStorageBlocked(t *testing.T) {
	blocked := "This browser does not allow saving for this site: your work stays on this page only. Download a copy to keep it."
	mem := MemStorage{}
	tb := newTab(t, mem, Start{StorageBlocked: true})
	assert.Equal(t, blocked, tb.state().SaveErr)
	assert.Equal(t, "Not saved", tb.state().SaveStatus())

	// It saves to memory; the warning stays.
	tb.input(qualityCell, "4")
	tb.settle()
	assert.Equal(t, blocked, tb.state().SaveErr)
	assert.True(t, tb.state().Saved)
	tb.do(NewFromTemplate{ID: "segments"})
	assert.Equal(t, blocked, tb.state().SaveErr)
}

func TestStart(t *testing.T) {
	first := examples.List()[0].ID
	tests := []struct {
		name      string
		docs      []string // saved, oldest first, as "d1", "d2"…: segments, software-purchase
		current   string
		query     string
		wantDoc   string // "" for a new assessment
		wantModel string // a template's id, or "blank"
		wantErr   string // the notice
		wantClean bool   // CleanURL{Template: true} at start
	}{
		{name: "no saved work", wantModel: first},
		{name: "the current one", docs: []string{"d1", "d2"}, current: "d1", wantDoc: "d1", wantModel: "segments"},
		{name: "the newest without a current", docs: []string{"d1", "d2"}, wantDoc: "d2", wantModel: "software-purchase"},
		{name: "the newest when the current is gone", docs: []string{"d1", "d2"}, current: "gone", wantDoc: "d2", wantModel: "software-purchase"},
		{name: "?template=", query: "template=segments", wantModel: "segments"},
		{name: "?template= over saved work", docs: []string{"d1"}, current: "d1", query: "template=software-purchase", wantModel: "software-purchase"},
		{name: "?template=blank", query: "template=blank", wantModel: BlankTemplate},
		{name: "an unknown template", docs: []string{"d1"}, current: "d1", query: "template=nope", wantDoc: "d1", wantModel: "segments",
			wantErr: "There is no template “nope”. Opened your last assessment instead.", wantClean: true},
		{name: "an unknown template and no saved work", query: "template=nope", wantModel: first,
			wantErr: "There is no template “nope”. Opened your last assessment instead.", wantClean: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem := MemStorage{}
			for i, id := range tt.docs {
				putDoc(t, mem, id, exampleModel(t, []string{"segments", "software-purchase"}[i]), int64(1000*(i+1)))
			}
			if tt.current != "" {
				require.NoError(t, Library{Store: mem}.SetCurrent(tt.current))
			}
			tb := newTab(t, mem, Start{Query: tt.query})
			s := tb.state()
			want := calc.NewModel()
			want.Title = "New assessment"
			if tt.wantModel != BlankTemplate {
				want = exampleModel(t, tt.wantModel)
			}
			assert.Equal(t, want, s.Model())
			if tt.wantDoc != "" {
				assert.Equal(t, tt.wantDoc, s.DocID)
				assert.True(t, s.Saved)
				assert.Equal(t, "Saved on this device", s.SaveStatus())
			} else {
				assert.NotEmpty(t, s.DocID)
				assert.NotContains(t, tt.docs, s.DocID)
				assert.False(t, s.Saved)
				assert.Equal(t, "Not saved yet: edit to keep it", s.SaveStatus())
			}
			assert.Equal(t, tt.wantErr, s.Notice.Text)
			assert.Equal(t, tt.wantErr != "", s.Notice.IsErr)
			assert.Equal(t, tt.wantClean, hasEffect(tb.take(), CleanURL{Template: true}))
			assert.Len(t, docKeys(mem), len(tt.docs), "starting writes no assessment")
			assert.False(t, s.Dirty)
			assert.False(t, s.Hist.CanUndo())
		})
	}
}

func hasEffect(effects []Effect, e Effect) bool {
	for _, x := range effects {
		if assert.ObjectsAreEqual(e, x) {
			return true
		}
	}
	return false
}

func TestTemplateLeavesTheAddress(t *testing.T) {
	mem := MemStorage{}
	tb := newTab(t, mem, Start{Query: "template=segments"})
	assert.Equal(t, "segments", tb.state().Template)
	assert.False(t, hasEffect(tb.take(), CleanURL{Template: true}), "the address keeps ?template= until an edit")

	ease := EntryField("smb", "ease")
	assert.Equal(t, []CleanURL{{Template: true}}, effectsOf[CleanURL](tb.input(ease, "4")),
		"the first edit makes the template's copy the user's work")
	assert.Empty(t, tb.state().Template)
	assert.Empty(t, effectsOf[CleanURL](tb.input(ease, "5")))
	tb.take()
	tb.settle()
	assert.Empty(t, effectsOf[CleanURL](tb.take()))

	// A reload now opens the saved work, not the template again.
	again := newTab(t, mem, Start{Seed: 2})
	assert.Equal(t, tb.state().DocID, again.state().DocID)
	assert.Equal(t, tb.model(), again.model())
}

// libraryTab is a tab on "a2" of a library of two.
func libraryTab(t *testing.T) (MemStorage, *tab, calc.Model, calc.Model) {
	mem := MemStorage{}
	m1, m2 := exampleModel(t, "software-purchase"), exampleModel(t, "segments")
	putDoc(t, mem, "a1", m1, 1000)
	putDoc(t, mem, "a2", m2, 2000)
	require.NoError(t, Library{Store: mem}.SetCurrent("a2"))
	tb := newTab(t, mem, Start{})
	require.Equal(t, "a2", tb.state().DocID)
	tb.do(OpenPanel{PanelLibrary})
	require.Equal(t, []string{"a2", "a1"}, listIDs(tb.state().List))
	return mem, tb, m1, m2
}

func TestLibraryPanel(t *testing.T) {
	t.Run("rename another", func(t *testing.T) {
		mem, tb, _, m2 := libraryTab(t)
		tb.do(RenameSaved{ID: "a1", Title: "Helpdesk, renamed"})
		stored, _ := storedDoc(t, mem, "a1")
		assert.Equal(t, "Helpdesk, renamed", stored.Title)
		assert.Equal(t, "Helpdesk, renamed", tb.state().List[0].Title, "renamed now, so first")
		assert.Equal(t, m2, tb.model(), "the open assessment is not touched")
		assert.Equal(t, "a2", tb.state().DocID)
	})

	t.Run("rename the open one", func(t *testing.T) {
		mem, tb, _, _ := libraryTab(t)
		tb.do(RenameSaved{ID: "a2", Title: "Segments, renamed"})
		assert.Equal(t, "Segments, renamed", tb.model().Title)
		stored, _ := storedDoc(t, mem, "a2")
		assert.Equal(t, "Segments, renamed", stored.Title, "saved at once")
		assert.False(t, tb.state().Dirty)
		assert.Equal(t, "Segments, renamed", tb.state().List[0].Title)
	})

	t.Run("rename to nothing", func(t *testing.T) {
		mem, tb, _, _ := libraryTab(t)
		before := maps.Clone(mem)
		tb.do(RenameSaved{ID: "a1", Title: "  "})
		assert.Equal(t, "Enter a title.", tb.state().Notice.Text)
		assert.True(t, tb.state().Notice.IsErr)
		assert.Equal(t, before, mem)
	})

	t.Run("duplicate", func(t *testing.T) {
		mem, tb, m1, m2 := libraryTab(t)
		tb.do(DuplicateSaved{ID: "a1"})
		list := tb.state().List
		require.Len(t, list, 3)
		var copyID string
		for _, m := range list {
			if m.ID != "a1" && m.ID != "a2" {
				copyID = m.ID
			}
		}
		require.NotEmpty(t, copyID)
		copied, rev := storedDoc(t, mem, copyID)
		assert.Equal(t, 1, rev)
		assert.Equal(t, m1.Title+" (copy)", copied.Title)
		copied.Title = m1.Title
		assert.Equal(t, m1, copied)
		assert.Equal(t, m2, tb.model(), "the copy is not opened")
		assert.Equal(t, "a2", tb.state().DocID)
	})

	t.Run("duplicate the open one with unsaved edits", func(t *testing.T) {
		mem, tb, _, _ := libraryTab(t)
		ease := EntryField("smb", "ease")
		tb.input(ease, "1")
		tb.do(DuplicateSaved{ID: "a2"})
		require.Len(t, tb.state().List, 3)
		for _, m := range tb.state().List {
			stored, _ := storedDoc(t, mem, m.ID)
			if m.ID != "a1" {
				assert.Equal(t, "1", FieldText(i18n.EN, stored, ease), "%s: the edit is saved before the copy", m.ID)
			}
		}
	})

	t.Run("delete another and undo", func(t *testing.T) {
		mem, tb, m1, m2 := libraryTab(t)
		meta := tb.state().List[1]
		tb.do(DeleteSaved{ID: "a1"})
		s := tb.state()
		assert.Equal(t, []string{"a2"}, listIDs(s.List))
		assert.Equal(t, []string{"a2"}, docKeys(mem))
		assert.Equal(t, "Deleted “"+m1.Title+"”.", s.Notice.Text)
		assert.Equal(t, RestoreDoc{Meta: meta, Model: m1}, s.Notice.Undo)
		assert.Equal(t, m2, s.Model())

		tb.do(NoticeUndo{})
		stored, _ := storedDoc(t, mem, "a1")
		assert.Equal(t, m1, stored)
		assert.Equal(t, []Meta{{"a2", m2.Title, 2000}, meta}, tb.state().List, "restored with its time")
		assert.Empty(t, tb.state().Notice.Text)
	})

	t.Run("delete the open one and undo", func(t *testing.T) {
		mem, tb, m1, m2 := libraryTab(t)
		tb.input(EntryField("smb", "ease"), "1") // unsaved, deleted with it
		tb.do(DeleteSaved{ID: "a2"})
		s := tb.state()
		assert.Equal(t, "a1", s.DocID, "the next one opens")
		assert.Equal(t, m1, s.Model())
		assert.False(t, s.Dirty)
		tb.settle()
		assert.Equal(t, []string{"a1"}, docKeys(mem), "the deleted one is not saved back")

		tb.do(NoticeUndo{})
		stored, _ := storedDoc(t, mem, "a2")
		assert.Equal(t, m2, stored)
		assert.ElementsMatch(t, []string{"a1", "a2"}, listIDs(tb.state().List))
	})

	t.Run("delete the last one", func(t *testing.T) {
		mem := MemStorage{}
		putDoc(t, mem, "only", exampleModel(t, "segments"), 1000)
		tb := newTab(t, mem, Start{})
		require.Equal(t, "only", tb.state().DocID)
		tb.do(DeleteSaved{ID: "only"})
		s := tb.state()
		assert.NotEqual(t, "only", s.DocID)
		assert.Equal(t, "New assessment", s.Model().Title)
		assert.False(t, s.Saved)
		assert.Empty(t, docKeys(mem))
	})

	t.Run("open", func(t *testing.T) {
		mem, tb, m1, _ := libraryTab(t)
		tb.do(OpenSaved{ID: "a1"})
		s := tb.state()
		assert.Equal(t, "a1", s.DocID)
		assert.Equal(t, m1, s.Model())
		assert.Equal(t, PanelNone, s.Panel)
		assert.Equal(t, "a1", Library{Store: mem}.Current())
	})

	t.Run("open one that is gone", func(t *testing.T) {
		_, tb, _, m2 := libraryTab(t)
		tb.do(OpenSaved{ID: "gone"})
		s := tb.state()
		assert.Equal(t, "a2", s.DocID)
		assert.Equal(t, m2, s.Model())
		assert.True(t, s.Notice.IsErr)
		assert.NotEmpty(t, s.Notice.Text)
	})
}

func TestUpdateReload(t *testing.T) {
	notReloaded := "Your latest edits could not be saved, so the page was not reloaded. Download a copy to keep them."
	tests := []struct {
		name   string
		start  Start
		setup  func(*tab, *quotaStorage)
		reload bool
		notice string
		saved  bool // the edit is in storage after
	}{
		{name: "nothing to save", reload: true},
		{name: "unsaved edits are saved first",
			setup:  func(tb *tab, _ *quotaStorage) { tb.input(qualityCell, "4") },
			reload: true, saved: true},
		{name: "a shared link",
			start:  Start{Hash: "#" + mustLink(calc.EncodeLink(calc.NewModel()))},
			reload: true},
		{name: "an embed", start: Start{Query: "embed=1"},
			setup:  func(tb *tab, _ *quotaStorage) { tb.input(qualityCell, "4") },
			reload: true},
		{name: "storage full",
			setup:  func(tb *tab, s *quotaStorage) { tb.input(qualityCell, "4"); s.full = true },
			notice: notReloaded},
		{name: "a conflict",
			setup: func(tb *tab, s *quotaStorage) {
				tb.input(qualityCell, "4")
				tb.settle()
				other := newTab(tb.t, s, Start{Seed: 9})
				other.input(fitCell, "1")
				other.settle()
				tb.input(qualityCell, "3")
				tb.do(StorageChanged{Key: keyDoc + tb.state().DocID})
				require.True(t, tb.state().Conflict)
			},
			notice: notReloaded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storage := &quotaStorage{MemStorage: MemStorage{}}
			tb := newTab(t, storage, tt.start)
			tb.do(UpdateAvailable{})
			assert.True(t, tb.state().Update)
			if tt.setup != nil {
				tt.setup(tb, storage)
			}
			tb.take()
			tb.do(UpdateReload{})
			effects := tb.take()
			assert.Equal(t, tt.reload, hasEffect(effects, Reload{}))
			assert.Equal(t, tt.notice, tb.state().Notice.Text)
			if tt.saved {
				stored, _ := storedDoc(t, storage, tb.state().DocID)
				assert.Equal(t, "4", FieldText(i18n.EN, stored, qualityCell))
			}
			if !tt.reload {
				// A save that lands later does not reload by surprise.
				storage.full = false
				if tb.state().Conflict {
					tb.do(ConflictKeep{})
				} else {
					tb.input(fitCell, "2")
				}
				tb.settle()
				assert.Equal(t, "Saved on this device", tb.state().SaveStatus())
				assert.False(t, hasEffect(tb.take(), Reload{}))
			}
		})
	}
}

func mustLink(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}
