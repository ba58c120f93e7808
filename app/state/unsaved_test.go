package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

const fullText = "Storage is full: this assessment is not saved in this browser. Download a copy to keep it."

// leaving is one step of TestUnsaved: what the user or the browser does,
// and whether leaving the page would then ask (State.Unsaved).
type leaving struct {
	do      func(tb *tab, st *quotaStorage)
	unsaved bool
	saveErr string // the banner's text, "" for none
}

// downloadCopy presses "Download a copy" and lets the browser report that
// it took the file, as it does once the download has started.
func downloadCopy(tb *tab, _ *quotaStorage) {
	tb.t.Helper()
	var done []Action
	for _, d := range effectsOf[Download](tb.do(ExportJSON{})) {
		require.NotNil(tb.t, d.Done, "the download reports back")
		done = append(done, d.Done)
	}
	require.Len(tb.t, done, 1)
	tb.do(done[0])
}

func edit(text string) func(*tab, *quotaStorage) {
	return func(tb *tab, _ *quotaStorage) { tb.input(qualityCell, text) }
}

func autosave(tb *tab, _ *quotaStorage) { tb.settle() }

// pageGoes is beforeunload: the browser reduces PageHidden (a last save)
// and asks to stay if the state is still unsaved after it.
func pageGoes(tb *tab, _ *quotaStorage) { tb.do(PageHidden{}) }

func room(tb *tab, st *quotaStorage) { st.full = false }

// TestUnsaved: leaving the page asks while work would be lost (the
// browser's beforeunload prompt), and only then: the state decides.
func TestUnsaved(t *testing.T) {
	tests := []struct {
		name  string
		start Start
		full  bool
		steps []leaving
	}{
		{name: "a save that lands asks nothing", steps: []leaving{
			{do: func(*tab, *quotaStorage) {}},
			{do: edit("4"), unsaved: true}, // closed within the autosave's delay…
			{do: pageGoes},                 // …beforeunload saves first
			{do: edit("5"), unsaved: true},
			{do: autosave},
		}},
		{name: "full storage asks until a save lands", full: true, steps: []leaving{
			{do: func(*tab, *quotaStorage) {}}, // nothing edited: nothing to lose
			{do: edit("4"), unsaved: true},
			{do: autosave, unsaved: true, saveErr: fullText},
			{do: pageGoes, unsaved: true, saveErr: fullText},
			{do: room, unsaved: true, saveErr: fullText}, // space again…
			{do: pageGoes},                 // …the last save lands
			{do: edit("2"), unsaved: true}, // and the next edit saves as ever
			{do: autosave},
		}},
		{name: "a download keeps the work until the next edit", full: true, steps: []leaving{
			{do: edit("4"), unsaved: true},
			{do: autosave, unsaved: true, saveErr: fullText},
			{do: downloadCopy, saveErr: fullText}, // still not in the browser: the banner stays
			{do: pageGoes, saveErr: fullText},
			{do: edit("5"), unsaved: true, saveErr: fullText},
			{do: autosave, unsaved: true, saveErr: fullText},
			{do: downloadCopy, saveErr: fullText},
			{do: room, saveErr: fullText},
			{do: edit("3"), unsaved: true, saveErr: fullText},
			{do: autosave},
		}},
		{name: "a download of an older revision keeps nothing", full: true, steps: []leaving{
			{do: edit("4"), unsaved: true},
			{do: func(tb *tab, _ *quotaStorage) {
				d := effectsOf[Download](tb.do(ExportJSON{}))
				require.Len(t, d, 1)
				tb.input(qualityCell, "5") // typed before the browser reports
				tb.do(d[0].Done)
			}, unsaved: true},
		}},
		{name: "an import into full storage asks", full: true, steps: []leaving{
			{do: func(tb *tab, _ *quotaStorage) {
				data, err := calc.Encode(exampleModel(t, "segments"))
				require.NoError(t, err)
				tb.do(ImportFile{FileName: "segments.json", Text: string(data)})
			}, unsaved: true, saveErr: fullText},
			{do: downloadCopy, saveErr: fullText},
		}},
		{name: "saved in memory only asks", start: Start{StorageBlocked: true}, steps: []leaving{
			{do: func(*tab, *quotaStorage) {}, saveErr: blockedText},
			{do: edit("4"), unsaved: true, saveErr: blockedText},
			{do: autosave, unsaved: true, saveErr: blockedText}, // "saved", to memory
			{do: downloadCopy, saveErr: blockedText},
		}},
		{name: "an embed asks nothing", start: Start{Query: shopEmbed}, full: true, steps: []leaving{
			{do: edit("4")},
			{do: autosave},
			{do: pageGoes},
		}},
		{name: "a shared link asks nothing until saved as a copy", full: true,
			start: Start{Hash: "#" + mustLink(calc.EncodeLink(exampleModel(t, "customer-value")))},
			steps: []leaving{
				{do: edit("4")}, // read-only
				{do: func(tb *tab, _ *quotaStorage) { tb.do(SaveSharedCopy{}) }, unsaved: true, saveErr: fullText},
			}},
		{name: "another tab's save: this tab's edits ask", steps: []leaving{
			{do: edit("4"), unsaved: true},
			{do: autosave},
			{do: func(tb *tab, st *quotaStorage) {
				other := tb.model()
				other.Title = "From the other tab"
				_, err := Library{Store: st}.Save(tb.state().DocID, other, tb.state().Rev, clockStart)
				require.NoError(t, err)
				tb.input(qualityCell, "5")
				tb.do(StorageChanged{Key: keyDoc + tb.state().DocID})
				tb.settle()
				require.True(t, tb.state().Conflict)
			}, unsaved: true},
			{do: func(tb *tab, _ *quotaStorage) { tb.do(ConflictReload{}) }}, // the user drops them
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &quotaStorage{MemStorage: MemStorage{}, err: ErrStorageFull}
			tb := newTab(t, st, tt.start)
			st.full = tt.full
			for i, step := range tt.steps {
				step.do(tb, st)
				s := tb.state()
				assert.Equal(t, step.unsaved, s.Unsaved(), "step %d: unsaved", i)
				assert.Equal(t, step.saveErr, s.SaveErr, "step %d: the banner", i)
			}
		})
	}
}

const blockedText = "This browser does not allow saving for this site: your work stays on this page only. Download a copy to keep it."

// TestDownloadCopy: the banner's download is the model file of the work on
// screen, the same as Files → JSON.
func TestDownloadCopy(t *testing.T) {
	st := &quotaStorage{MemStorage: MemStorage{}, err: ErrStorageFull}
	tb := newTab(t, st, Start{})
	st.full = true
	tb.input(qualityCell, "4")
	tb.do(SetTitle{"Kept on disk"})
	tb.settle()
	require.Equal(t, fullText, tb.state().SaveErr)
	assert.Equal(t, "Not saved", tb.state().SaveStatus())
	assert.Empty(t, docKeys(st.MemStorage))

	d := effectsOf[Download](tb.do(ExportJSON{}))
	require.Len(t, d, 1)
	assert.Equal(t, "kept-on-disk.json", d[0].FileName)
	assert.Equal(t, "application/json", d[0].MIME)
	got, err := calc.Decode(d[0].Data)
	require.NoError(t, err)
	assert.Equal(t, tb.model(), got)
	assert.Equal(t, Downloaded{tb.state().DocRev}, d[0].Done)
}

// TestSaveFailedLanguages: the banner says the truth in every language.
func TestSaveFailedLanguages(t *testing.T) {
	tests := []struct{ lang, full, other string }{
		{"en", fullText, "Not saved: QuotaExceededError. Until it is, your work is only on this page: download a copy to keep it."},
		{"de", "Der Speicher ist voll: Diese Bewertung ist in diesem Browser nicht gespeichert. Laden Sie eine Kopie herunter, um sie zu behalten.",
			"Nicht gespeichert: QuotaExceededError. Bis dahin ist Ihre Arbeit nur auf dieser Seite: Laden Sie eine Kopie herunter, um sie zu behalten."},
		{"fr", "L'espace de stockage est plein : cette évaluation n'est pas enregistrée dans ce navigateur. Téléchargez une copie pour la garder.",
			"Non enregistré : QuotaExceededError. En attendant, votre travail n'est que sur cette page : téléchargez une copie pour le garder."},
		{"es", "El almacenamiento está lleno: esta evaluación no está guardada en este navegador. Descargue una copia para conservarla.",
			"No guardado: QuotaExceededError. Mientras tanto, su trabajo solo está en esta página: descargue una copia para conservarlo."},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			for _, c := range []struct {
				err  error
				want string
			}{{ErrStorageFull, tt.full}, {errQuota, tt.other}} {
				st := &quotaStorage{MemStorage: MemStorage{}, err: c.err, full: true}
				tb := newTab(t, st, Start{Query: "lang=" + tt.lang})
				tb.input(qualityCell, "4")
				tb.settle()
				assert.Equal(t, c.want, tb.state().SaveErr)
			}
		})
	}
}

// TestIndexFull: storage that takes the record but not the library's
// list. The record's revision is the tab's: the next save is no conflict.
func TestIndexFull(t *testing.T) {
	st := &quotaStorage{MemStorage: MemStorage{}, err: ErrStorageFull}
	tb := newTab(t, st, Start{})
	tb.input(qualityCell, "4")
	tb.settle()
	require.False(t, tb.state().Unsaved())
	rev := tb.state().Rev

	st.full, st.refuse = true, keyIndex
	tb.input(qualityCell, "5")
	tb.settle()
	s := tb.state()
	assert.Equal(t, fullText, s.SaveErr)
	assert.True(t, s.Unsaved())
	assert.Equal(t, rev+1, s.Rev, "the record was written")

	st.full = false
	tb.input(qualityCell, "3")
	tb.settle()
	s = tb.state()
	assert.False(t, s.Conflict, "no other tab saved")
	assert.Empty(t, s.SaveErr)
	assert.False(t, s.Unsaved())
	stored, _ := storedDoc(t, st, s.DocID)
	assert.Equal(t, s.Model(), stored)
}

// TestReplacingUnsavedWork: opening another assessment, a template, a
// file or a link waits for the open one's save. When storage refuses it,
// the edits would be lost: the user is asked first, unless a download
// holds them.
func TestReplacingUnsavedWork(t *testing.T) {
	segments := exampleModel(t, "segments")
	data, err := calc.Encode(segments)
	require.NoError(t, err)
	replacing := []struct {
		name string
		a    Action
	}{
		{"open another", OpenSaved{ID: "other"}},
		{"a template", NewFromTemplate{ID: "segments"}},
		{"a file", ImportFile{FileName: "segments.json", Text: string(data)}},
		{"a link", HashChanged{Hash: shareHash(t, segments)}},
	}
	const edited = "Mine, edited"
	cases := []struct {
		name     string
		full     bool
		download bool
		ask      bool
	}{
		{name: "storage takes the save"},
		{name: "storage full", full: true, ask: true},
		{name: "storage full, a copy downloaded", full: true, download: true},
	}
	for _, r := range replacing {
		for _, c := range cases {
			t.Run(r.name+"/"+c.name, func(t *testing.T) {
				st := &quotaStorage{MemStorage: MemStorage{}, err: ErrStorageFull}
				mine := exampleModel(t, "customer-value")
				mine.Title = "Mine"
				putDoc(t, st, "other", exampleModel(t, "software-purchase"), clockStart-2000)
				putDoc(t, st, "mine", mine, clockStart-1000)
				tb := newTab(t, st, Start{})
				require.Equal(t, "mine", tb.state().DocID)
				st.full = c.full
				tb.do(SetTitle{edited})
				if c.download {
					downloadCopy(tb, st)
				}
				tb.take()

				tb.do(r.a)
				asks := tb.state().Discarding
				if !c.ask {
					assert.Nil(t, asks)
					assert.NotEqual(t, edited, tb.model().Title, "replaced")
					stored, _ := storedDoc(t, st, "mine")
					assert.Equal(t, !c.full, stored.Title == edited, "the edits saved where storage takes them")
					return
				}
				require.NotNil(t, asks, "the user is asked")
				assert.Equal(t, DiscardDialog{Title: edited, Then: r.a}, *asks)
				assert.Equal(t, "“Mine, edited” is not saved, and it will be lost. Go on without it? Choose Cancel, then “Download a copy”, to keep it.",
					i18n.EN.T(i18n.DiscardUnsaved, asks.Title))
				s := tb.state()
				assert.Equal(t, "mine", s.DocID, "nothing replaced while the user decides")
				assert.Equal(t, edited, s.Model().Title)
				assert.True(t, s.Unsaved())
				assert.Equal(t, fullText, s.SaveErr)

				// The user says go on: replaced, as asked.
				tb.take()
				tb.do(ConfirmDiscard{})
				assert.NotEqual(t, edited, tb.model().Title, "replaced")
				assert.Nil(t, tb.state().Discarding, "asked once")
			})
		}
	}
}
