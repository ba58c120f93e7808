package state

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/calc"
)

// withRename has the rename dialog open on assessment "a1", titled "Acme".
func withRename(text, err string) func(*testing.T, *tab) {
	return func(t *testing.T, tb *tab) {
		tb.store.State.Panel = PanelLibrary
		tb.store.State.Rename = &RenameDialog{ID: "a1", Was: "Acme", Text: text, Err: err}
	}
}

// withDiscard has the discard dialog asking before Then.
func withDiscard(then Action) func(*testing.T, *tab) {
	return func(t *testing.T, tb *tab) {
		tb.store.State.Panel = PanelLibrary
		tb.store.State.Discarding = &DiscardDialog{Title: "Mine", Then: then}
	}
}

func TestViewActions(t *testing.T) {
	runConcern(t, byViews, []concernCase{
		{"open the library", nil, OpenPanel{PanelLibrary},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, PanelLibrary, s.Panel)
				assert.Equal(t, []Effect{ReadLibrary{SetAside: true}}, effects, "the list is read again")
			}},
		{"open sharing", nil, OpenPanel{PanelShare},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, PanelShare, s.Panel)
				assert.Contains(t, s.Share.Link, "https://valuecalc.example/#m=")
			}},
		{"close the panel", func(t *testing.T, tb *tab) { tb.do(OpenPanel{PanelFiles}) }, ClosePanel{},
			func(t *testing.T, _, s State, _ []Effect) { assert.Equal(t, PanelNone, s.Panel) }},
		{"Escape closes the panel and the explanation", func(t *testing.T, tb *tab) {
			tb.do(OpenPanel{PanelFiles})
			tb.do(Explain{Scenario: "with-us", What: "net"})
		}, Escape{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, PanelNone, s.Panel)
				assert.Nil(t, s.Explained)
			}},
		{"the report", nil, SetView{ViewReport},
			func(t *testing.T, _, s State, _ []Effect) { assert.Equal(t, ViewReport, s.View) }},
		{"explain a total", nil, Explain{Scenario: "with-us", What: "net"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, &ExplainTarget{Scenario: "with-us", What: "net"}, s.Explained)
			}},
		{"a chart's table", nil, ToggleTable{Chart: "waterfall", Open: true},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.Equal(t, map[string]bool{"waterfall": true}, s.TablesOpen)
				assert.Nil(t, before.TablesOpen, "the state before is not written")
			}},
		{"a row's details", nil, ToggleRow{ID: "fit", Open: true},
			func(t *testing.T, _, s State, _ []Effect) { assert.Equal(t, map[string]bool{"fit": true}, s.RowsOpen) }},
		{"the waterfall's scenario", nil, FocusScenario{ID: "status-quo"},
			func(t *testing.T, _, s State, _ []Effect) { assert.Equal(t, "status-quo", s.Focus) }},
		{"a file dragged over", nil, Drag{On: true},
			func(t *testing.T, _, s State, _ []Effect) { assert.True(t, s.Dragging) }},
		{"print", nil, Print{},
			func(t *testing.T, _, _ State, effects []Effect) { assert.Equal(t, []Effect{PrintPage{}}, effects) }},
		{"present", nil, Present{On: true},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.True(t, s.Presenting)
				assert.Equal(t, []Effect{Fullscreen{true}}, effects)
			}},
		{"full screen left", func(t *testing.T, tb *tab) { tb.do(Present{On: true}) }, FullscreenLeft{},
			func(t *testing.T, _, s State, _ []Effect) { assert.False(t, s.Presenting) }},
		{"a mode switch that clears entries asks", nil, AskMode{calc.ModeMoney},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.Equal(t, calc.ModeMoney, s.Confirm)
				assert.Equal(t, before.Model(), s.Model(), "nothing cleared yet")
			}},
		{"a mode switch confirmed", func(t *testing.T, tb *tab) { tb.do(AskMode{calc.ModeMoney}) }, ConfirmMode{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Empty(t, s.Confirm)
				assert.Equal(t, calc.ModeMoney, s.Model().Mode)
			}},
		{"a mode switch cancelled", func(t *testing.T, tb *tab) { tb.do(AskMode{calc.ModeMoney}) }, CancelMode{},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.Empty(t, s.Confirm)
				assert.Equal(t, before.Model(), s.Model())
			}},
		{"a notice dismissed", func(t *testing.T, tb *tab) { tb.do(DeleteItem{"fit"}) }, DismissNotice{},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.Empty(t, s.Notice.Text)
				assert.Equal(t, before.Notice.Serial, s.Notice.Serial)
			}},
		{"a notice's undo", func(t *testing.T, tb *tab) { tb.do(DeleteItem{"fit"}) }, NoticeUndo{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Empty(t, s.Notice.Text)
				assert.Contains(t, itemNames(s.Model()), "fit", "the item is back")
			}},
		{"an older notice's timer", func(t *testing.T, tb *tab) {
			tb.do(DeleteItem{"fit"})
			tb.do(DeleteItem{"quality"})
		}, NoticeExpired{Serial: 1},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.Equal(t, before.Notice, s.Notice, "the newer notice stays")
			}},

		// The rename dialog.
		{"rename opens", func(t *testing.T, tb *tab) { tb.do(OpenPanel{PanelLibrary}) }, OpenRename{ID: "a1", Title: "Acme"},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, &RenameDialog{ID: "a1", Was: "Acme", Text: "Acme"}, s.Rename)
				assert.Equal(t, PanelLibrary, s.Panel, "over the library")
				assert.Equal(t, []Effect{KeepFocus{}, FocusElement{RenameFieldID}}, effects, "the focus goes into the field")
			}},
		{"a name typed", withRename("Acme", ""), RenameInput{"Acme, renewed"},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, &RenameDialog{ID: "a1", Was: "Acme", Text: "Acme, renewed"}, s.Rename)
				assert.Empty(t, effects)
			}},
		{"a name emptied says why", withRename("Acme", ""), RenameInput{"  "},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, &RenameDialog{ID: "a1", Was: "Acme", Text: "  ", Err: "Enter a title."}, s.Rename)
			}},
		{"a name fixed loses its message", withRename("", "Enter a title."), RenameInput{"A"},
			func(t *testing.T, _, s State, _ []Effect) { assert.Empty(t, s.Rename.Err) }},
		{"Enter on a bad name renames nothing", withRename("", ""), ConfirmRename{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, &RenameDialog{ID: "a1", Was: "Acme", Text: "", Err: "Enter a title."}, s.Rename)
				assert.Equal(t, []Effect{FocusElement{RenameFieldID}}, effects)
			}},
		{"Enter renames", withRename("Acme, renewed", ""), ConfirmRename{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Nil(t, s.Rename)
				assert.Equal(t, PanelLibrary, s.Panel, "the library stays")
				assert.Equal(t, []Effect{ReturnFocus{}, RetitleDoc{ID: "a1", Title: "Acme, renewed"}}, effects)
			}},
		{"rename cancelled", withRename("Acme, renewed", ""), CancelRename{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Nil(t, s.Rename)
				assert.Equal(t, []Effect{ReturnFocus{}}, effects, "nothing renamed, the focus goes back")
			}},
		{"Escape cancels the rename, not the library", withRename("Acme, renewed", ""), Escape{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Nil(t, s.Rename)
				assert.Equal(t, PanelLibrary, s.Panel)
				assert.Equal(t, []Effect{ReturnFocus{}}, effects)
			}},

		// The question before unsaved work goes.
		{"go on without the work", withDiscard(OpenSaved{ID: "a2"}), ConfirmDiscard{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Nil(t, s.Discarding)
				assert.Equal(t, []Effect{ReturnFocus{}, LoadDoc{IDs: []string{"a2"}, Why: LoadChosen}}, effects)
			}},
		{"keep the work", withDiscard(OpenSaved{ID: "a2"}), CancelDiscard{},
			func(t *testing.T, before, s State, effects []Effect) {
				assert.Nil(t, s.Discarding)
				assert.Equal(t, PanelLibrary, s.Panel)
				assert.Equal(t, before.Model(), s.Model())
				assert.Equal(t, []Effect{ReturnFocus{}}, effects)
			}},
		{"Escape keeps the work", withDiscard(OpenSaved{ID: "a2"}), Escape{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Nil(t, s.Discarding)
				assert.Equal(t, PanelLibrary, s.Panel, "the library stays")
				assert.Equal(t, []Effect{ReturnFocus{}}, effects)
			}},
	})
}
