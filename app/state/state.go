// Package state is valuecalc's interface state in plain Go: the State, the
// typed actions that change it, Reduce, and the effects Reduce asks for as
// values. It imports neither go-app nor syscall/js, so all of it is tested
// natively (docs/ARCHITECTURE.md).
package state

import (
	"strconv"
	"time"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// SaveDelay is how long the editor waits after an edit before saving, so
// that typing saves once per pause, still within a second.
const SaveDelay = 700 * time.Millisecond

// AnalysisQuiet is how long typing pauses before the analysis (SPEC §8) is
// worked out again: at a typing pace it would be of a model the next
// keystroke replaces, and its ~25 ms on a 200-item model, with the repaint
// of its section, would land between keystrokes and delay them. The
// section says "Updating…" meanwhile.
const AnalysisQuiet = 300 * time.Millisecond

// NoticeTime is how long a notice stays on screen.
const NoticeTime = 8 * time.Second

// Panel is a dialog over the editor.
type Panel string

// The panels.
const (
	PanelNone    Panel = ""
	PanelShare   Panel = "share"
	PanelFiles   Panel = "files"
	PanelLibrary Panel = "library"
)

// View is a way of showing the assessment.
type View string

// The views.
const (
	ViewEditor  View = ""
	ViewReport  View = "report"
	ViewVisitor View = "visitor" // the questionnaire (app/state/visitor.go)
)

// Draft is the raw text of a field being typed, and what is wrong with it.
// The model only ever holds valid values; the draft keeps the user's text.
type Draft struct {
	Text string
	Err  string
	// Read says how a number that reads two ways, or was typed the other
	// language's way, was read ("12.000 → 12, not 12000"), until the user
	// moves on; "" for one read as typed (SPEC §9).
	Read string
	// Mark says, once the user has moved on, how a number that reads
	// two ways was read as a decimal ("12.000 read as 12"): a view's
	// text, derived from State.Marks while the field holds that number.
	Mark string
	// MarkOK names the button that confirms the mark ("Yes, 12 is
	// right").
	MarkOK string
}

// Mark is a number that reads two ways, left in a field that read it as
// a decimal: "12.000" in English is 12, though the user may have meant
// twelve thousand. It shows until the user types into the field again or
// confirms it (ConfirmRead).
type Mark struct {
	Typed string  // the text as typed, "12.000"
	Read  float64 // the number it was read as, 12
}

// Notice is a short message at the bottom of the screen, with an optional
// undo of what it reports.
type Notice struct {
	Text   string
	IsErr  bool
	Undo   Action // dispatched by NoticeUndo; nil for none
	Serial int
}

// Embed is how the app runs inside another site's page (?embed=1).
type Embed struct {
	On     bool
	Origin string // the only page allowed to load models, "" for none
	Target string // postMessage's targetOrigin, "" to send nothing
	Height int    // the content height last reported
	CTA    string // ?cta=: the label of the call to action ending the visitor view, "" for none
}

// Share is the share panel: the link and what copying it did.
type Share struct {
	Link   string
	Err    string
	Status string
}

// Problem is a message with the list of problems behind it.
type Problem struct {
	Text   string
	List   []string
	Detail []string // when set, List[i] as calc says it, with its path
	More   int      // problems found past those in List, which calc lists 100 of
	Shown  bool
}

// State is everything the interface shows. It is a value: Reduce returns
// a new one and never changes the one it is given; maps in it are copied
// before they are written.
//
// Each concern owns its part of the state and the actions that change it
// (its reduce method, tried in turn by reducer.reduce); the parts are
// embedded, so s.Panel or s.Hist reads a concern's field directly:
//
//   - DocState, the document and its history (reduce_doc.go);
//   - ViewState, the views and dialogs (reduce_views.go);
//   - LibraryState, the library and storage (reduce_library.go);
//   - SharingState, sharing and the embed (reduce_sharing.go);
//   - AnalysisState, the analysis (analysis.go).
//
// What is left here belongs to no one concern: the start, the language,
// the brand, and the grid (grid.go).
type State struct {
	Started bool
	Lang    i18n.Lang // the language the interface speaks (SPEC §9)

	DocState
	ViewState
	LibraryState
	SharingState
	AnalysisState

	// From the browser at start.
	Brand     Brand
	Base      string
	Today     string // the date the report prints
	day       string // the date, short, as imports are named
	seed, ids uint64

	// Grid is the grid as rows and cells of immutable views: a view is
	// replaced, never changed, when what it shows changes, with the next
	// revision.
	Grid Grid
	// Window is the part of the grid the app renders (GridScrolled); the
	// zero window is the whole grid.
	Window GridWindow
}

// AnalysisFresh reports whether the analysis is of the model on screen.
func (s State) AnalysisFresh() bool { return s.Analysis != nil && s.AnalyzedRev == s.DocRev }

// CardRanges returns the ranges the result cards show, and whether they
// are of the model on screen. While an edit waits for its analysis, or its
// simulation runs, they are the last ones simulated: the cards keep their
// place, hidden, rather than losing a line and gaining it back per edit.
func (s State) CardRanges() (rs *calc.Ranges, current bool) {
	switch {
	case s.Analysis == nil || s.rangesOf != s.DocID:
		return nil, false
	case s.Analysis.Ranges != nil:
		return s.Analysis.Ranges, s.AnalysisFresh()
	}
	return s.LastRanges, false
}

// Goal is the goal seek: "what must Item be in Scenario for Metric to
// reach Target?", and its answer. With a Driver the question is of that
// driver, shared by every scenario, and Item is ignored.
type Goal struct {
	Scenario, Item string
	Metric         calc.Metric
	Target         string   // as typed
	Reach          float64  // the target read (ROI as a fraction), with an answer
	Answer         *float64 // the value Item must take, rounded as its field shows it (goalRound)
	Gives          *float64 // the figure Metric has with Answer, which may miss Target by the rounding
	Err            string
	Driver         string // the driver asked of, "" for an item's entry
}

// ExplainTarget is the total the explain dialog breaks down.
type ExplainTarget struct{ Scenario, What string }

// Model is the model on screen.
func (s State) Model() calc.Model { return s.Hist.Present() }

// Draft returns the draft of field f and whether there is one.
func (s State) Draft(f Field) (Draft, bool) {
	d, ok := s.Drafts[f]
	return d, ok
}

// MarkText is the mark field f shows of how a number that reads two ways
// was read ("12.000 read as 12") and the name of the button that confirms
// it ("Yes, 12 is right"), while the field still holds what was read; ""
// for none.
func (s State) MarkText(f Field) (mark, ok string) {
	mk, has := s.Marks[f]
	if !has {
		return "", ""
	}
	if v, has := fieldNumber(s.Model(), f); !has || unnoise(v) != unnoise(mk.Read) {
		return "", ""
	}
	read := s.Lang.Write(unnoise(mk.Read), true)
	return s.Lang.T(i18n.ReadAsMark, mk.Typed, read), s.Lang.T(i18n.ConfirmReadAs, read)
}

// FieldValue is the text field f shows: its draft, else the model's value.
func (s State) FieldValue(f Field) string {
	if d, ok := s.Drafts[f]; ok {
		return d.Text
	}
	return FieldText(s.Lang, s.Model(), f)
}

// SaveStatus is what the top bar says of saving.
func (s State) SaveStatus() string {
	switch {
	case s.Shared:
		return s.Lang.T(i18n.SaveShared)
	case s.SaveErr != "", s.Conflict:
		return s.Lang.T(i18n.NotSaved)
	case s.Dirty:
		return s.Lang.T(i18n.Saving)
	case !s.Saved:
		return s.Lang.T(i18n.NotSavedYet)
	}
	return s.Lang.T(i18n.SavedOnThisDevice)
}

// Reading reports whether a share link's reader has the case before
// them as it was sent: opened in the report, with nothing to go back to
// but "Edit a copy".
func (s State) Reading() bool { return s.Shared && s.linkView == ViewReport }

// Unsaved reports whether leaving the page now would lose work, so that
// the browser asks first (beforeunload): edits that are neither in a
// storage that lasts nor in a file downloaded since. An embed asks
// nothing: it keeps nothing, and its visitor's answers belong to a
// questionnaire on another site's page, whose links must not be held up
// by a prompt from a frame. A shared link's model is read-only: nothing on
// it is the user's work until it is saved as a copy.
func (s State) Unsaved() bool {
	return s.Started && s.Unkept && !s.Embed.On && !s.Shared
}

// blockedMessage is what the editor says while the browser refuses this
// site its storage, and "" otherwise.
func (s State) blockedMessage() string {
	if s.StorageBlocked {
		return s.Lang.T(i18n.StorageBlocked)
	}
	return ""
}

// newID returns a fresh assessment id, from the seed the browser gave at
// start: Reduce stays pure, and two tabs never pick the same ids.
func (s *State) newID() string {
	s.ids++
	z := s.seed + s.ids*0x9E3779B97F4A7C15
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	z ^= z >> 31
	return "a" + strconv.FormatUint(z&(1<<48-1)|1<<48, 16)[1:]
}

// CountEntries is the number of values entered in m.
func CountEntries(m calc.Model) int {
	n := 0
	for _, s := range m.Scenarios {
		for _, e := range s.Entries {
			if e != nil {
				n++
			}
		}
	}
	return n
}

// HasErrors reports whether a field holds text that is not valid.
func (s State) HasErrors() bool {
	for _, d := range s.Drafts {
		if d.Err != "" {
			return true
		}
	}
	return false
}
