package state

import (
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Action is anything Reduce understands: an edit of the document (an
// Edit), something the user did to the interface, or something the
// browser or the library reports. Path names it, path-like ("/field/input").
type Action interface{ Path() string }

// Starting and the page.
type (
	// Start opens the app: what the browser knows when it starts.
	Start struct {
		Query          string   // location.search without "?"
		Hash           string   // location.hash
		Base           string   // origin + pathname, what share links start with
		Seed           uint64   // a random number, for new assessment ids
		StorageBlocked bool     // the browser refuses this site its storage
		Today          string   // the date, ISO "2006-01-02": the report writes it in the interface's language
		Day            string   // the date, short, as imports are named: "2 Dec"
		Langs          []string // the browser's languages, preferred first (navigator.languages)
		Brand          Brand    // the deployment's own name, defaults and templates
		SavedLang      string   // the language chosen in the app before, if any (RememberLang)
		// Framed: the page is inside a frame (window.self !== window.top).
		// Without ?embed=1 that frame is another site's page, which must
		// not show the editor or the library (framed.go).
		Framed bool
	}
	// SetLang is a language chosen in the app's menu.
	SetLang struct{ Lang i18n.Lang }
	// HashChanged is a link pasted into the address bar of an open tab.
	HashChanged struct{ Hash string }
	// PageHidden is the page going into the background or away: save now.
	PageHidden struct{}
	// Escape closes what is open: a panel, a dialog.
	Escape struct{}
	// UpdateAvailable says a new version of the app is installed.
	UpdateAvailable struct{}
	// UpdateLater hides the banner about a new version.
	UpdateLater struct{}
	// UpdateReload saves and loads the new version.
	UpdateReload struct{}
)

// Typing.
type (
	// Input is text typed into a field: valid text becomes an edit at
	// once; invalid text stays in the field with its message.
	Input struct {
		Field Field
		Text  string
	}
	// InputDone is a field losing focus: it shows the model's value again.
	InputDone struct{ Field Field }
	// ConfirmRead says a number that reads two ways was read as meant:
	// its field's mark ("12.000 read as 12") goes.
	ConfirmRead struct{ Field Field }
	// SetPer changes a money cell's unit and recurrence ("hours/month").
	SetPer struct {
		Cell  Cell
		Value string
	}
	// ScalePreset chooses a score scale: "1-5", "1-10" or "custom".
	ScalePreset struct{ Value string }
	// AskMode asks to measure by scores or money; it asks to confirm when
	// entries would be cleared.
	AskMode struct{ Mode calc.Mode }
	// ConfirmMode switches the mode asked for and clears the entries.
	ConfirmMode struct{}
	// CancelMode keeps the mode.
	CancelMode struct{}
	// Undo steps back; Redo forward again.
	Undo struct{}
	Redo struct{}
)

// Panels, views and dialogs.
type (
	// OpenPanel opens the share, files or library panel.
	OpenPanel struct{ Panel Panel }
	// ClosePanel closes the open panel.
	ClosePanel struct{}
	// SetView shows the editor or the report.
	SetView struct{ View View }
	// Explain opens the explanation of a scenario's total: What is
	// "benefits", "costs" or "net".
	Explain struct{ Scenario, What string }
	// CloseExplain closes it.
	CloseExplain struct{}
	// ToggleTable shows or hides a chart's data as a table.
	ToggleTable struct {
		Chart string
		Open  bool
	}
	// FocusScenario chooses the scenario the waterfall and the cash flow by
	// year show.
	FocusScenario struct{ ID string }
	// DismissNotice hides the notice; NoticeUndo runs its undo.
	DismissNotice struct{}
	NoticeUndo    struct{}
	// NoticeExpired is the notice's timer: it hides notice Serial.
	NoticeExpired struct{ Serial int }
	// Drag says a file is being dragged over the page, or no longer.
	Drag struct{ On bool }
)

// Saving and other tabs.
type (
	// SaveNow is the autosave: typing has paused and the browser is idle.
	SaveNow struct{}
	// StorageChanged is another tab writing key.
	StorageChanged struct{ Key string }
	// ConflictReload opens the other tab's version; ConflictKeep saves
	// this tab's as a copy.
	ConflictReload struct{}
	ConflictKeep   struct{}
)

// Links, files and the library.
type (
	// SaveSharedCopy keeps the shared assessment on screen as the user's
	// own, in the editor ("Edit a copy"); CloseShared goes back to the
	// user's own work.
	SaveSharedCopy struct{}
	CloseShared    struct{}
	// DismissLinkError hides why a link did not open.
	DismissLinkError struct{}
	// CopyLink copies the share link.
	CopyLink struct{}
	// ExportJSON and ExportCSV download the assessment. ExportJSON is
	// also the save-error banner's "Download a copy".
	ExportJSON struct{}
	ExportCSV  struct{}
	// Discard goes on with Then, which replaces the assessment on
	// screen, without its edits that nothing keeps (askFirst).
	Discard struct{ Then Action }
	// Downloaded is the browser holding the model file of the
	// assessment as it was at DocRev Rev: the work is kept on disk.
	Downloaded struct{ Rev uint64 }
	// ImportFile is a file's bytes as they are (Text need not be UTF-8),
	// read from the picker or a drop.
	ImportFile struct{ FileName, Text string }
	// ImportUnreadable is a file that could not be read; TooLarge one
	// over the format's size limit, of Size bytes.
	ImportUnreadable struct {
		FileName string
		Size     int
		TooLarge bool
	}
	// NewFromTemplate starts a new assessment from a template.
	NewFromTemplate struct{ ID string }
	// OpenSaved opens a saved assessment.
	OpenSaved struct{ ID string }
	// RenameSaved retitles a saved assessment.
	RenameSaved struct{ ID, Title string }
	// DuplicateSaved saves a copy of a saved assessment.
	DuplicateSaved struct{ ID string }
	// DeleteSaved removes a saved assessment, with an undo.
	DeleteSaved struct{ ID string }
	// DismissDamaged hides the banner about records set aside.
	DismissDamaged struct{}
	// DownloadDamaged downloads a record set aside; DeleteDamaged drops it.
	DownloadDamaged struct{ ID string }
	DeleteDamaged   struct{ ID string }
)

// The analysis.
type (
	// Analyze works out the analysis of the model on screen; Reduce asks
	// for it when the browser is idle after an edit.
	Analyze struct{}
	// ChartsCatchUp has the charts draw the result on screen: Reduce asks
	// for it after the frame that shows a keystroke's totals.
	ChartsCatchUp struct{}
	// Simulated reports the simulation of model revision Rev: Done of it
	// has run, and Ranges is its result once it has all.
	Simulated struct {
		Rev    uint64
		Done   float64
		Ranges *calc.Ranges
	}
	// ToggleRanges shows or hides the cells' low/high fields.
	ToggleRanges struct{}
	// ChooseTornado chooses the scenario of the tornado chart.
	ChooseTornado struct{ ID string }
	// AskGoal asks the goal seek a question: what must Item (or Driver,
	// when it is not "") be in Scenario for Metric to reach Target?
	AskGoal struct {
		Scenario, Item string
		Metric         calc.Metric
		Target         string
		Driver         string
	}
	// UseGoal puts the goal seek's answer in the cell.
	UseGoal struct{}
)

// The embed.
type (
	// HostMessage is a message from another window: Origin is its origin,
	// FromParent whether it came from the embedding page, Data its JSON.
	HostMessage struct {
		Origin     string
		FromParent bool
		Data       string
	}
	// Resized is the page's content height in CSS pixels.
	Resized struct{ Height int }
	// OpenFull opens the embed's model in the full app, in a new tab.
	OpenFull struct{}
	// PressCTA is the visitor pressing the host's call to action (?cta=).
	PressCTA struct{}
	// SendResults opens the brand's call to action with the share link
	// of the visitor's case added.
	SendResults struct{}
	// Print prints the report.
	Print struct{}
)

// Presenting and the grid's rows.
type (
	// Present fills the screen with the answer (On), or goes back.
	Present struct{ On bool }
	// FullscreenRefused is the browser refusing to go full screen: the
	// presentation fills the window instead.
	FullscreenRefused struct{}
	// FullscreenLeft is the browser leaving full screen (Esc, F11).
	FullscreenLeft struct{}
	// ToggleRow shows or hides an item's type, stage and note.
	ToggleRow struct {
		ID   string
		Open bool
	}
)

func (Present) Path() string           { return "/present/set" }
func (FullscreenRefused) Path() string { return "/present/refused" }
func (FullscreenLeft) Path() string    { return "/present/left" }
func (ToggleRow) Path() string         { return "/grid/row-details" }

func (Start) Path() string            { return "/app/start" }
func (HashChanged) Path() string      { return "/link/hash" }
func (PageHidden) Path() string       { return "/page/hidden" }
func (Escape) Path() string           { return "/page/escape" }
func (UpdateAvailable) Path() string  { return "/update/available" }
func (UpdateLater) Path() string      { return "/update/later" }
func (UpdateReload) Path() string     { return "/update/reload" }
func (Input) Path() string            { return "/field/input" }
func (InputDone) Path() string        { return "/field/done" }
func (ConfirmRead) Path() string      { return "/field/confirm-read" }
func (SetPer) Path() string           { return "/entry/per" }
func (ScalePreset) Path() string      { return "/settings/scale-preset" }
func (AskMode) Path() string          { return "/mode/ask" }
func (ConfirmMode) Path() string      { return "/mode/confirm" }
func (CancelMode) Path() string       { return "/mode/cancel" }
func (Undo) Path() string             { return "/history/undo" }
func (Redo) Path() string             { return "/history/redo" }
func (OpenPanel) Path() string        { return "/panel/open" }
func (ClosePanel) Path() string       { return "/panel/close" }
func (SetView) Path() string          { return "/view/set" }
func (Explain) Path() string          { return "/explain/open" }
func (CloseExplain) Path() string     { return "/explain/close" }
func (ToggleTable) Path() string      { return "/chart/table" }
func (FocusScenario) Path() string    { return "/chart/focus" }
func (DismissNotice) Path() string    { return "/notice/dismiss" }
func (NoticeUndo) Path() string       { return "/notice/undo" }
func (NoticeExpired) Path() string    { return "/notice/expired" }
func (Drag) Path() string             { return "/files/drag" }
func (SaveNow) Path() string          { return "/save/now" }
func (StorageChanged) Path() string   { return "/storage/changed" }
func (ConflictReload) Path() string   { return "/conflict/reload" }
func (ConflictKeep) Path() string     { return "/conflict/keep" }
func (SaveSharedCopy) Path() string   { return "/link/save-copy" }
func (CloseShared) Path() string      { return "/link/close" }
func (DismissLinkError) Path() string { return "/link/dismiss-error" }
func (CopyLink) Path() string         { return "/share/copy" }
func (ExportJSON) Path() string       { return "/files/export-json" }
func (ExportCSV) Path() string        { return "/files/export-csv" }
func (Downloaded) Path() string       { return "/files/downloaded" }
func (Discard) Path() string          { return "/doc/discard" }
func (ImportFile) Path() string       { return "/files/import" }
func (ImportUnreadable) Path() string { return "/files/import-unreadable" }
func (NewFromTemplate) Path() string  { return "/library/new" }
func (OpenSaved) Path() string        { return "/library/open" }
func (RenameSaved) Path() string      { return "/library/rename" }
func (DuplicateSaved) Path() string   { return "/library/duplicate" }
func (DeleteSaved) Path() string      { return "/library/delete" }
func (DismissDamaged) Path() string   { return "/damaged/dismiss" }
func (DownloadDamaged) Path() string  { return "/damaged/download" }
func (DeleteDamaged) Path() string    { return "/damaged/delete" }
func (HostMessage) Path() string      { return "/embed/message" }
func (Resized) Path() string          { return "/embed/resized" }
func (OpenFull) Path() string         { return "/embed/open-full" }
func (PressCTA) Path() string         { return "/embed/cta" }
func (SendResults) Path() string      { return "/brand/send-results" }
func (Print) Path() string            { return "/report/print" }
func (Analyze) Path() string          { return "/analysis/run" }
func (ChartsCatchUp) Path() string    { return "/charts/catch-up" }
func (Simulated) Path() string        { return "/analysis/simulated" }
func (ToggleRanges) Path() string     { return "/analysis/ranges" }
func (SetLang) Path() string          { return "/lang/set" }
func (ChooseTornado) Path() string    { return "/analysis/tornado" }
func (AskGoal) Path() string          { return "/analysis/goal" }
func (UseGoal) Path() string          { return "/analysis/goal-use" }

// The dialogs of the state (ViewState): the rename of a saved assessment,
// and the question before unsaved work is replaced.
type (
	// OpenRename opens the rename dialog for saved assessment ID, titled
	// Title.
	OpenRename struct{ ID, Title string }
	// RenameInput is the name typed into the rename dialog.
	RenameInput struct{ Text string }
	// ConfirmRename renames the assessment as typed (Enter, or the
	// dialog's button), unless the name is not a title.
	ConfirmRename struct{}
	// CancelRename closes the rename dialog, renaming nothing.
	CancelRename struct{}
	// ConfirmDiscard goes on without the edits nothing keeps.
	ConfirmDiscard struct{}
	// CancelDiscard keeps the assessment and its edits on screen.
	CancelDiscard struct{}
)

func (OpenRename) Path() string     { return "/rename/open" }
func (RenameInput) Path() string    { return "/rename/input" }
func (ConfirmRename) Path() string  { return "/rename/confirm" }
func (CancelRename) Path() string   { return "/rename/cancel" }
func (ConfirmDiscard) Path() string { return "/discard/confirm" }
func (CancelDiscard) Path() string  { return "/discard/cancel" }
