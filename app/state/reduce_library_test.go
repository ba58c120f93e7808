package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
)

// edited has the editor's title edited, not yet saved.
func edited(t *testing.T, tb *tab) { tb.do(SetTitle{"Acme renewal"}) }

// editedAs is edited, on assessment id.
func editedAs(id string) func(*testing.T, *tab) {
	return func(t *testing.T, tb *tab) {
		tb.store.State.DocID = id
		edited(t, tb)
	}
}

func TestLibraryActions(t *testing.T) {
	runConcern(t, byLibrary, []concernCase{
		{"save now", edited, SaveNow{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.False(t, s.SaveWaiting)
				require.Len(t, effects, 1)
				assert.Equal(t, "Acme renewal", effects[0].(SaveDoc).Model.Title)
			}},
		{"save now, nothing to save", nil, SaveNow{},
			func(t *testing.T, _, _ State, effects []Effect) { assert.Empty(t, effects) }},
		{"the page goes with edits", edited, PageHidden{},
			func(t *testing.T, _, _ State, effects []Effect) { assert.Len(t, effectsOf[SaveDoc](effects), 1) }},
		{"a save landed", editedAs("a1"), Saved{ID: "a1", Rev: 3, List: []Meta{{ID: "a1"}}},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.False(t, s.Dirty)
				assert.True(t, s.Saved)
				assert.Equal(t, 3, s.Rev)
				assert.Equal(t, []Meta{{ID: "a1"}}, s.List)
			}},
		{"another assessment's save", editedAs("a1"), Saved{ID: "a2", Rev: 3},
			func(t *testing.T, _, s State, _ []Effect) { assert.True(t, s.Dirty, "changes nothing here") }},
		{"a save failed", edited, SaveFailed{Err: "quota exceeded"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, i18n.EN.T(i18n.NotSavedKept, "quota exceeded"), s.SaveErr)
			}},
		{"another tab's save", edited, SaveConflict{},
			func(t *testing.T, _, s State, _ []Effect) { assert.True(t, s.Conflict) }},
		{"another tab saved this one, with edits here", editedAs("a1"), StoredRev{ID: "a1", Rev: 9},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.True(t, s.Conflict)
				assert.Empty(t, effects)
			}},
		{"another tab saved this one, none here", func(t *testing.T, tb *tab) { tb.store.State.DocID = "a1" }, StoredRev{ID: "a1", Rev: 9},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.False(t, s.Conflict)
				assert.Equal(t, []Effect{LoadDoc{IDs: []string{"a1"}, Why: LoadOtherTab}}, effects, "it follows")
			}},
		{"a new version", nil, UpdateAvailable{},
			func(t *testing.T, _, s State, _ []Effect) { assert.True(t, s.Update) }},
		{"a new version, later", func(t *testing.T, tb *tab) { tb.do(UpdateAvailable{}) }, UpdateLater{},
			func(t *testing.T, _, s State, _ []Effect) { assert.False(t, s.Update) }},
		{"reload with nothing to save", nil, UpdateReload{},
			func(t *testing.T, _, _ State, effects []Effect) { assert.Equal(t, []Effect{Reload{}}, effects) }},
		{"reload waits for the save", edited, UpdateReload{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.True(t, s.reloading)
				assert.Len(t, effectsOf[SaveDoc](effects), 1)
				assert.Empty(t, effectsOf[Reload](effects))
			}},
		{"export the model", nil, ExportJSON{},
			func(t *testing.T, _, s State, effects []Effect) {
				d := effectsOf[Download](effects)
				require.Len(t, d, 1)
				assert.Equal(t, "application/json", d[0].MIME)
				assert.Equal(t, Downloaded{s.DocRev}, d[0].Done)
			}},
		{"the download holds the work", edited, Downloaded{Rev: 0},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.Equal(t, before.Unkept, s.Unkept, "of an older revision: the work is not kept")
			}},
		{"export the comparison", nil, ExportCSV{},
			func(t *testing.T, _, _ State, effects []Effect) {
				d := effectsOf[Download](effects)
				require.Len(t, d, 1)
				assert.Equal(t, "text/csv;charset=utf-8", d[0].MIME)
			}},
		{"a file that cannot be read", nil, ImportUnreadable{FileName: "x.json"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, PanelFiles, s.Panel)
				assert.Equal(t, i18n.EN.T(i18n.CouldNotRead, "x.json"), s.Import.Text)
			}},
		{"open a saved one", nil, OpenSaved{ID: "a2"},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, []Effect{LoadDoc{IDs: []string{"a2"}, Why: LoadChosen}}, effects)
			}},
		{"open a saved one over edits saves them first", edited, OpenSaved{ID: "a2"},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, OpenSaved{ID: "a2"}, s.afterSave)
				assert.Len(t, effectsOf[SaveDoc](effects), 1)
				assert.Empty(t, effectsOf[LoadDoc](effects))
			}},
		{"rename another", nil, RenameSaved{ID: "a2", Title: "Other"},
			func(t *testing.T, _, _ State, effects []Effect) {
				assert.Equal(t, []Effect{RetitleDoc{"a2", "Other"}}, effects)
			}},
		{"rename to nothing", nil, RenameSaved{ID: "a2", Title: " "},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, Notice{Text: "Enter a title.", IsErr: true, Serial: 1}, s.Notice)
			}},
		{"duplicate", nil, DuplicateSaved{ID: "a2"},
			func(t *testing.T, _, _ State, effects []Effect) {
				c := effectsOf[CopyDoc](effects)
				require.Len(t, c, 1)
				assert.Equal(t, "a2", c[0].ID)
				assert.NotEmpty(t, c[0].NewID)
			}},
		{"delete", nil, DeleteSaved{ID: "a2"},
			func(t *testing.T, _, _ State, effects []Effect) { assert.Equal(t, []Effect{RemoveDoc{"a2"}}, effects) }},
		{"damaged records dismissed", func(t *testing.T, tb *tab) { tb.store.State.Damaged = []Damaged{{ID: "x"}} }, DismissDamaged{},
			func(t *testing.T, _, s State, _ []Effect) { assert.Nil(t, s.Damaged) }},
		{"a damaged record dropped", nil, DeleteDamaged{ID: "x"},
			func(t *testing.T, _, _ State, effects []Effect) {
				assert.Equal(t, []Effect{RemoveDamaged{"x"}}, effects)
			}},
		{"the library read", nil, LibraryRead{List: []Meta{{ID: "a2", Title: "Other"}}, Failed: "broken"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, []Meta{{ID: "a2", Title: "Other"}}, s.List)
				assert.Equal(t, Notice{Text: "broken", IsErr: true, Serial: 1}, s.Notice)
			}},
		{"a conflict kept as a copy", func(t *testing.T, tb *tab) { tb.store.State.Conflict = true }, ConflictKeep{},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.False(t, s.Conflict)
				assert.NotEqual(t, before.DocID, s.DocID, "a new assessment")
				assert.Equal(t, copyName(before.Model().Title), s.Model().Title)
			}},
		{"a conflict reloaded", nil, ConflictReload{},
			func(t *testing.T, before, _ State, effects []Effect) {
				assert.Equal(t, []Effect{LoadDoc{IDs: []string{before.DocID}, Why: LoadConflict}}, effects)
			}},
	})
}
