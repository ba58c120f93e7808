package state

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// concern is one concern's reduce, run alone.
type concern func(*reducer, Action) bool

var (
	byDocument concern = func(r *reducer, a Action) bool { return r.document().reduce(a) }
	byViews    concern = func(r *reducer, a Action) bool { return r.views().reduce(a) }
	byLibrary  concern = func(r *reducer, a Action) bool { return r.docs().reduce(a) }
	bySharing  concern = func(r *reducer, a Action) bool { return r.sharing().reduce(a) }
	byAnalysis concern = func(r *reducer, a Action) bool { return r.reduceAnalysis(a) }
)

// by reduces a on s by concern c alone, and returns the state, the effects
// and whether c handled a.
func by(c concern, s State, a Action) (State, []Effect, bool) {
	r := &reducer{State: s, before: &s}
	ok := c(r, a)
	return r.State, r.effects, ok
}

// concernCase is a table test's row of one concern's actions: the state
// before (from an editor on the first template), the action, and what
// must hold after.
type concernCase struct {
	name  string
	setup func(t *testing.T, tb *tab) // nil for the editor as it opens
	a     Action
	check func(t *testing.T, before, after State, effects []Effect)
}

// runConcern runs each case through concern c alone: c must handle its
// action, and leave the state as check says.
func runConcern(t *testing.T, c concern, cases []concernCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			if tt.setup != nil {
				tt.setup(t, tb)
			}
			before := tb.state()
			after, effects, ok := by(c, before, tt.a)
			require.True(t, ok, "the concern handles %T", tt.a)
			tt.check(t, before, after, effects)
		})
	}
}

// TestEachActionHasOneConcern: an action is handled by one concern only,
// so that what it does is in one place.
func TestEachActionHasOneConcern(t *testing.T) {
	concerns := map[string]concern{"document": byDocument, "views": byViews, "library": byLibrary, "sharing": bySharing, "analysis": byAnalysis}
	owner := []struct {
		a    Action
		want string
	}{
		{SetTitle{"x"}, "document"},
		{AddDriver{}, "document"},
		{SetDriverValue{}, "document"},
		{DeleteDriver{}, "document"},
		{Input{}, "document"},
		{InputDone{}, "document"},
		{ConfirmRead{}, "document"},
		{SetPer{}, "document"},
		{ScalePreset{}, "document"},
		{Undo{}, "document"},
		{Redo{}, "document"},
		{ChartsCatchUp{}, "document"},
		{Escape{}, "views"},
		{GridScrolled{}, "views"},
		{AskMode{}, "views"},
		{ConfirmMode{}, "views"},
		{CancelMode{}, "views"},
		{OpenPanel{}, "views"},
		{ClosePanel{}, "views"},
		{SetView{}, "views"},
		{Explain{}, "views"},
		{CloseExplain{}, "views"},
		{ToggleTable{}, "views"},
		{FocusScenario{}, "views"},
		{DismissNotice{}, "views"},
		{NoticeUndo{}, "views"},
		{NoticeExpired{}, "views"},
		{Drag{}, "views"},
		{Print{}, "views"},
		{Present{}, "views"},
		{FullscreenRefused{}, "views"},
		{FullscreenLeft{}, "views"},
		{ToggleRow{}, "views"},
		{OpenRename{}, "views"},
		{RenameInput{}, "views"},
		{ConfirmRename{}, "views"},
		{CancelRename{}, "views"},
		{ConfirmDiscard{}, "views"},
		{CancelDiscard{}, "views"},
		{PageHidden{}, "library"},
		{UpdateAvailable{}, "library"},
		{UpdateLater{}, "library"},
		{UpdateReload{}, "library"},
		{SaveNow{}, "library"},
		{StorageChanged{}, "library"},
		{ConflictReload{}, "library"},
		{ConflictKeep{}, "library"},
		{ExportJSON{}, "library"},
		{Downloaded{}, "library"},
		{ExportCSV{}, "library"},
		{ImportUnreadable{}, "library"},
		{NewFromTemplate{}, "library"},
		{OpenSaved{}, "library"},
		{RenameSaved{}, "library"},
		{DuplicateSaved{}, "library"},
		{DeleteSaved{}, "library"},
		{DismissDamaged{}, "library"},
		{DownloadDamaged{}, "library"},
		{DeleteDamaged{}, "library"},
		{LibraryRepaired{}, "library"},
		{DocLoadFailed{}, "library"},
		{SaveConflict{}, "library"},
		{StoredRev{}, "library"},
		{ImportFile{}, "library"},
		{LibraryRepaired{}, "library"},
		{LibraryRead{}, "library"},
		{DocLoaded{}, "library"},
		{Saved{}, "library"},
		{SaveFailed{}, "library"},
		{DocRemoved{}, "library"},
		{RestoreDoc{}, "library"},
		{Discard{}, "library"},
		{HashChanged{}, "sharing"},
		{SaveSharedCopy{}, "sharing"},
		{CloseShared{}, "sharing"},
		{DismissLinkError{}, "sharing"},
		{CopyLink{}, "sharing"},
		{Copied{}, "sharing"},
		{HostMessage{}, "sharing"},
		{Resized{}, "sharing"},
		{OpenFull{}, "sharing"},
		{PressCTA{}, "sharing"},
		{SendResults{}, "sharing"},
		{Analyze{}, "analysis"},
		{Simulated{}, "analysis"},
		{ToggleRanges{}, "analysis"},
		{ChooseTornado{}, "analysis"},
		{AskGoal{}, "analysis"},
		{UseGoal{}, "analysis"},
	}
	for _, o := range owner {
		a, want := o.a, o.want
		t.Run(fmt.Sprintf("%T", a), func(t *testing.T) {
			var got []string
			for name, c := range concerns {
				s := editorTab(t).state()
				if _, _, ok := by(c, s, a); ok {
					got = append(got, name)
				}
			}
			assert.Equal(t, []string{want}, got)
		})
	}
}
