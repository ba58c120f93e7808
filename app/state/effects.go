package state

import (
	"time"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Effect is work Reduce asks for and cannot do itself, being pure: a
// write to the library, a timer, a message to the host page. The Store
// runs the library's effects (Storage is plain Go); the browser layer
// runs the others. What an effect finds out comes back as an action.
type Effect interface{ effect() }

// Effects on the library, run by the Store.
type (
	// RepairLibrary checks the saved records at start: it reports
	// LibraryRepaired.
	RepairLibrary struct{}
	// LoadDoc opens the first of IDs that loads: it reports DocLoaded, or
	// DocLoadFailed when none does. Why says why it is opened.
	LoadDoc struct {
		IDs []string
		Why LoadReason
	}
	// SaveDoc saves Model as assessment ID over revision Rev: it reports
	// Saved, SaveFailed or SaveConflict.
	SaveDoc struct {
		ID    string
		Model calc.Model
		Rev   int
	}
	// CheckRev reads the stored revision of assessment ID: it reports
	// StoredRev.
	CheckRev struct{ ID string }
	// ReadLibrary lists the saved assessments and, with SetAside, the
	// records set aside: it reports LibraryRead.
	ReadLibrary struct{ SetAside bool }
	// RetitleDoc renames a saved assessment that is not open.
	RetitleDoc struct{ ID, Title string }
	// CopyDoc saves a copy of assessment ID as NewID.
	CopyDoc struct{ ID, NewID string }
	// RemoveDoc deletes an assessment: it reports DocRemoved.
	RemoveDoc struct{ ID string }
	// RestoreDoc saves a deleted assessment back.
	RestoreDoc struct {
		Meta  Meta
		Model calc.Model
	}
	// RemoveDamaged deletes a record set aside for good.
	RemoveDamaged struct{ ID string }
)

// Effects run by the browser.
type (
	// After dispatches Then after Delay.
	After struct {
		Delay time.Duration
		Then  Action
	}
	// WhenIdle dispatches Then when the browser is next idle.
	WhenIdle struct{ Then Action }
	// AfterFrame dispatches Then after the next render, for a render of
	// its own.
	AfterFrame struct{ Then Action }
	// WhenQuiet dispatches Then when the browser is idle once Delay has
	// passed without another WhenQuiet of the same Then: each one starts
	// the wait again, so a burst of edits asks for one Then, after it.
	WhenQuiet struct {
		Delay time.Duration
		Then  Action
	}
	// Post sends JSON to the embedding page, to Target ("*" or an origin).
	Post struct {
		Target string
		Data   []byte
	}
	// Warn writes a warning to the browser's console.
	Warn struct{ Console string }
	// Download offers Data as a file, and reports Done, when not nil,
	// once the browser has taken it.
	Download struct {
		FileName, MIME string
		Data           []byte
		Done           Action
	}
	// KeepFocus remembers the element that has the focus, as a dialog
	// opens over it; ReturnFocus gives it the focus back once the dialog
	// has closed, if it is still on the page.
	KeepFocus   struct{}
	ReturnFocus struct{}
	// CopyText puts Text on the clipboard: it reports Copied.
	CopyText struct{ Text string }
	// SelectText focuses and selects the text of element ID.
	SelectText struct{ ID string }
	// CleanURL takes the share link (Hash) or ?template= (Template) out of
	// the address bar, so a reload shows the saved work.
	CleanURL struct{ Hash, Template bool }
	// OpenTab opens URL in a new tab.
	OpenTab struct{ URL string }
	// Reload reloads the page.
	Reload struct{}
	// PrintPage opens the browser's print dialog.
	PrintPage struct{}
	// Simulate runs the simulation of Model's ranges in idle time, a
	// slice at a time, and reports Simulated with Rev; a later Simulate
	// replaces it, unfinished.
	Simulate struct {
		Rev   uint64
		Model calc.Model
	}
	// StopSimulation stops the simulation that runs, if one does: the
	// model changed, and its figures would be dropped.
	StopSimulation struct{}
	// FocusElement scrolls element ID into view and focuses it.
	FocusElement struct{ ID string }
	// Fullscreen asks the browser to fill the screen with the page (On),
	// or to leave full screen; a refusal is reported as FullscreenRefused.
	Fullscreen struct{ On bool }
	// SetDocTitle names the document (the tab, a printed PDF): Text, or
	// the page's own title when Text is "".
	SetDocTitle struct{ Text string }
	// SetStyle sets CSS custom properties on the page's root element
	// (the CSSOM, which the CSP allows where it forbids inline styles).
	SetStyle struct{ Properties [][2]string }
	// SetPageLang says the page's language (<html lang>) and names the
	// page in it (Title, the title the tab shows outside the report).
	SetPageLang struct {
		Lang  i18n.Lang
		Title string
	}
	// RememberLang stores the language chosen in the app, for the next
	// visit: it wins over the browser's, and ?lang= over it.
	RememberLang struct{ Lang i18n.Lang }
)

func (RepairLibrary) effect()  {}
func (LoadDoc) effect()        {}
func (SaveDoc) effect()        {}
func (CheckRev) effect()       {}
func (ReadLibrary) effect()    {}
func (RetitleDoc) effect()     {}
func (CopyDoc) effect()        {}
func (RemoveDoc) effect()      {}
func (RestoreDoc) effect()     {}
func (RemoveDamaged) effect()  {}
func (After) effect()          {}
func (WhenIdle) effect()       {}
func (WhenQuiet) effect()      {}
func (AfterFrame) effect()     {}
func (Post) effect()           {}
func (Warn) effect()           {}
func (Download) effect()       {}
func (KeepFocus) effect()      {}
func (ReturnFocus) effect()    {}
func (CopyText) effect()       {}
func (SelectText) effect()     {}
func (CleanURL) effect()       {}
func (OpenTab) effect()        {}
func (Reload) effect()         {}
func (PrintPage) effect()      {}
func (Simulate) effect()       {}
func (StopSimulation) effect() {}
func (FocusElement) effect()   {}
func (Fullscreen) effect()     {}
func (SetDocTitle) effect()    {}
func (SetStyle) effect()       {}
func (SetPageLang) effect()    {}
func (RememberLang) effect()   {}

// LoadReason says why a saved assessment is opened.
type LoadReason uint8

// Why an assessment is opened.
const (
	LoadAtStart     LoadReason = iota // the last one open, or the newest
	LoadChosen                        // from the library panel
	LoadOtherTab                      // another tab saved it
	LoadConflict                      // the user chose the other tab's version
	LoadAfterDelete                   // the open one was deleted
)

// What the library effects report.
type (
	// LibraryRepaired lists the records set aside at start, and Err when
	// the library could not be checked.
	LibraryRepaired struct {
		Damaged []Damaged
		Err     string
	}
	// DocLoaded is a saved assessment, opened.
	DocLoaded struct {
		ID    string
		Model calc.Model
		Rev   int
		Why   LoadReason
	}
	// DocLoadFailed says no assessment of a LoadDoc opened.
	DocLoadFailed struct {
		Why LoadReason
		Err string
	}
	// Saved is a save that landed: the assessment's new revision and the
	// library's list.
	Saved struct {
		ID   string
		Rev  int
		List []Meta
	}
	// SaveFailed is a save the storage refused: Full when it is full.
	// Rev is the assessment's stored revision after it: one more than
	// the save's when its record was written and only the library's
	// list was not.
	SaveFailed struct {
		Err  string
		Full bool
		Rev  int
	}
	// SaveConflict is a save refused because another tab saved first.
	SaveConflict struct{}
	// StoredRev is the stored revision of assessment ID.
	StoredRev struct {
		ID  string
		Rev int
	}
	// LibraryRead is the list of saved assessments and, when asked, the
	// records set aside; Err when the storage failed.
	LibraryRead struct {
		List        []Meta
		Current     string
		SetAside    []Damaged
		HasSetAside bool
		Err         string // the library could not be read
		Failed      string // the change that asked for the list failed
	}
	// DocRemoved is an assessment deleted: Meta and Model let it be
	// restored (CanRestore), List is the library after.
	DocRemoved struct {
		Meta       Meta
		Model      calc.Model
		CanRestore bool
		List       []Meta
		Err        string
	}
	// Copied says whether the clipboard took the text.
	Copied struct{ OK bool }
)

func (LibraryRepaired) Path() string { return "/library/repaired" }
func (DocLoaded) Path() string       { return "/doc/loaded" }
func (DocLoadFailed) Path() string   { return "/doc/load-failed" }
func (Saved) Path() string           { return "/save/done" }
func (SaveFailed) Path() string      { return "/save/failed" }
func (SaveConflict) Path() string    { return "/save/conflict" }
func (StoredRev) Path() string       { return "/storage/rev" }
func (LibraryRead) Path() string     { return "/library/read" }
func (DocRemoved) Path() string      { return "/library/removed" }
func (Copied) Path() string          { return "/share/copied" }
