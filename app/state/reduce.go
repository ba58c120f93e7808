package state

import (
	"maps"
	"math"
	"net/url"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// BlankTemplate is the id of the empty starting point.
const BlankTemplate = "blank"

// Reduce returns the state that results from a, and the effects it asks
// for. It is pure: s is never changed (maps are copied before they are
// written), and all it needs from the world comes in the action.
func Reduce(s State, a Action) (State, []Effect) {
	r := reducer{State: s, before: &s}
	r.reduce(a)
	r.Grid = r.deriveGrid(r.before.Grid)
	if t := r.docTitle(); t != r.before.docTitle() {
		r.do(SetDocTitle{t})
	}
	return r.State, r.effects
}

// docTitle is what the document is named: the assessment's title while
// the report shows (a printed PDF takes its name from it), else "" for
// the page's own.
func (s *State) docTitle() string {
	if !s.Started || s.View != ViewReport {
		return ""
	}
	return s.Model().Title
}

// reducer is one Reduce in progress: the new state and the effects asked
// for so far.
type reducer struct {
	State
	before  *State
	effects []Effect
	typing  bool // the action is a keystroke in a field
}

func (r *reducer) do(e ...Effect) { r.effects = append(r.effects, e...) }

func (r *reducer) reduce(a Action) {
	if r.Framed {
		r.reduceFramed(a)
		return
	}
	if e, ok := a.(Edit); ok {
		r.apply(e)
		return
	}
	if r.reduceAnalysis(a) || r.reduceWindow(a) {
		return
	}
	switch a := a.(type) {
	case Start:
		r.docs().start(a)
	case SetLang:
		r.setLang(a.Lang)
	case HashChanged:
		if _, link := linkFragment(a.Hash); link && r.saveFirst(a) {
			break
		}
		r.docs().save()
		if r.docs().openLink(a.Hash) {
			r.Panel, r.View = PanelNone, ViewEditor
		}
	case PageHidden:
		if r.Dirty {
			r.docs().save()
		}
	case Escape:
		if r.Panel == PanelNone && r.Confirm == "" && r.Explained == nil && r.Presenting {
			r.views().present(false)
		}
		r.Panel, r.Confirm, r.Explained = PanelNone, "", nil
	case UpdateAvailable:
		r.Update = true
	case UpdateLater:
		r.Update = false
	case UpdateReload:
		switch {
		case !r.Dirty || r.Shared || r.Embed.On:
			r.do(Reload{})
		case r.Conflict:
			r.say(Notice{Text: r.Lang.T(i18n.NoticeNotReloaded), IsErr: true})
		default:
			// Saved reloads, SaveFailed says why it did not.
			r.reloading = true
			r.docs().save()
		}

	case Input:
		r.typing = true
		r.input(a)
	case ChartsCatchUp:
		r.Charted = r.Result
	case InputDone:
		switch d, ok := r.Drafts[a.Field]; {
		case ok && d.Err == "":
			r.setDraft(a.Field, nil)
			if mk, ok := decimalOfTwo(r.Lang, a.Field, d.Text); ok {
				r.setMark(a.Field, &mk)
			}
		case ok && d.Read != "":
			d.Read = "" // the message stays, the hint goes
			r.setDraft(a.Field, &d)
		}
	case ConfirmRead:
		r.setMark(a.Field, nil)
	case SetPer:
		r.setPer(a)
	case ScalePreset:
		m := r.Model()
		switch a.Value {
		case "1-5":
			r.apply(SetScale{1, 5})
		case "1-10":
			r.apply(SetScale{1, 10})
		default:
			// Custom: keep the scale, show its bounds for editing.
			if ScalePresetOf(m.Scale) != "custom" {
				r.apply(SetScale{0, m.Scale.Max})
			}
		}
	case AskMode:
		m := r.Model()
		switch {
		case m.Mode == a.Mode:
		case CountEntries(m) == 0:
			r.apply(SetMode{a.Mode})
		default:
			r.Confirm = a.Mode
		}
	case ConfirmMode:
		mode := r.Confirm
		r.Confirm = ""
		if mode != "" {
			r.apply(SetMode{mode})
		}
	case CancelMode:
		r.Confirm = ""
	case Undo:
		if r.Hist.CanUndo() {
			r.Hist = r.Hist.Undo()
			r.Drafts = nil
			r.changed()
		}
	case Redo:
		if r.Hist.CanRedo() {
			r.Hist = r.Hist.Redo()
			r.Drafts = nil
			r.changed()
		}

	case OpenPanel:
		r.views().openPanel(a.Panel)
	case ClosePanel:
		r.Panel = PanelNone
	case SetView:
		r.views().setView(a.View)
	case Explain:
		r.Explained = &ExplainTarget{Scenario: a.Scenario, What: a.What}
	case CloseExplain:
		r.Explained = nil
	case ToggleTable:
		r.TablesOpen = maps.Clone(r.TablesOpen)
		if r.TablesOpen == nil {
			r.TablesOpen = map[string]bool{}
		}
		if a.Open {
			r.TablesOpen[a.Chart] = true
		} else {
			delete(r.TablesOpen, a.Chart)
		}
	case FocusScenario:
		r.Focus = a.ID
	case DismissNotice:
		r.Notice = Notice{Serial: r.Notice.Serial}
	case NoticeUndo:
		undo := r.Notice.Undo
		r.Notice = Notice{Serial: r.Notice.Serial}
		if undo != nil {
			r.reduce(undo)
		}
	case NoticeExpired:
		if r.Notice.Serial == a.Serial {
			r.Notice = Notice{Serial: a.Serial}
		}
	case Drag:
		r.Dragging = a.On

	case SaveDue:
		r.do(WhenIdle{SaveNow{}})
	case SaveNow:
		r.SaveWaiting = false
		r.docs().save()
	case StorageChanged:
		r.docs().storageChanged(a.Key)
	case ConflictReload:
		r.do(LoadDoc{IDs: []string{r.DocID}, Why: LoadConflict})
	case ConflictKeep:
		r.DocID, r.Rev, r.Conflict = r.newID(), 0, false
		if h, err := r.Hist.Apply(SetTitle{copyName(r.Model().Title)}); err == nil {
			r.Hist = h
		}
		r.changed()
		r.docs().save()

	case SaveSharedCopy:
		r.Shared, r.Dirty, r.Unkept = false, true, true // the link leaves the address
		r.docs().save()
		r.do(CleanURL{Hash: true})
		r.noticeOnSave = true // see Saved: the notice waits for the save
	case CloseShared:
		r.Shared = false
		r.do(CleanURL{Hash: true})
		r.docs().openOwn(false)
	case DismissLinkError:
		r.Link = Problem{}
		r.do(CleanURL{Hash: true})
	case CopyLink:
		if r.Share.Link != "" {
			r.do(CopyText{r.Share.Link})
		}
	case Copied:
		if a.OK {
			r.Share.Status = r.Lang.T(i18n.LinkCopied)
		} else {
			r.do(SelectText{"share-link"})
			r.Share.Status = r.Lang.T(i18n.CopyRefused)
		}
	case ExportJSON:
		m := r.Model()
		data, err := calc.Encode(m)
		if err != nil {
			r.say(Notice{Text: r.Lang.T(i18n.CouldNotExport, firstProblem(err)), IsErr: true})
			break
		}
		r.do(Download{JSONFileName(m.Title), "application/json", data, Downloaded{r.DocRev}})
		r.say(Notice{Text: r.Lang.T(i18n.ExportedJSON, m.Title)})
	case Downloaded:
		// The file holds the work until the next edit: leaving asks no
		// more. (A browser that asks where to save may be cancelled
		// without the page knowing; the banner stays while storage fails.)
		if a.Rev == r.DocRev {
			r.Unkept = false
		}
	case ExportCSV:
		m := r.Model()
		r.do(Download{CSVFileName(m.Title), "text/csv;charset=utf-8", ComparisonCSV(m, r.Result), nil})
		r.say(Notice{Text: r.Lang.T(i18n.ExportedCSV)})
	case ImportFile:
		r.docs().importFile(a)
	case ImportUnreadable:
		r.Dragging = false
		r.views().quiet()
		r.Import, r.Panel = Problem{Text: r.Lang.T(i18n.CouldNotRead, a.FileName)}, PanelFiles
		if a.TooLarge {
			r.Import.Text = r.Lang.T(i18n.FileTooLarge, a.FileName, megabytes(a.Size))
		}

	case NewFromTemplate:
		if r.saveFirst(a) {
			break
		}
		r.docs().newFromTemplate(a.ID)
		r.Panel = PanelNone
	case OpenSaved:
		if r.saveFirst(a) {
			break
		}
		r.Panel = PanelNone
		r.do(LoadDoc{IDs: []string{a.ID}, Why: LoadChosen})
	case RenameSaved:
		if _, err := fieldAction(r.Lang, calc.Model{}, SettingField(FieldTitle), a.Title, nil); err != nil {
			r.say(Notice{Text: sentence(r.Lang, err), IsErr: true})
			break
		}
		if a.ID == r.DocID {
			r.apply(SetTitle{a.Title})
			r.docs().save()
			break
		}
		r.do(RetitleDoc{a.ID, a.Title})
	case Discard:
		// The user chose to go on without the work nothing keeps.
		r.Dirty, r.Unkept = false, false
		r.reduce(a.Then)
	case DuplicateSaved:
		r.docs().save()
		r.do(CopyDoc{a.ID, r.newID()})
	case DeleteSaved:
		r.do(RemoveDoc{a.ID})
	case DocRemoved:
		r.docs().docRemoved(a)
	case RestoreDoc:
		r.do(a)
	case DismissDamaged:
		r.Damaged = nil
	case DownloadDamaged:
		list := r.Damaged // all of them, from the banner
		if a.ID != "" {
			list = nil
			for _, d := range r.SetAside {
				if d.ID == a.ID {
					list = append(list, d)
				}
			}
		}
		for _, d := range list {
			r.do(Download{"valuecalc-damaged-" + d.ID + ".txt", "text/plain;charset=utf-8", []byte(d.Data), nil})
		}
	case DeleteDamaged:
		r.do(RemoveDamaged{a.ID})

	case HostMessage:
		r.docs().hostMessage(a)
	case Resized:
		if r.Embed.On && a.Height != r.Embed.Height {
			r.Embed.Height = a.Height
			r.do(r.Embed.post(map[string]any{"type": msgResize, "height": a.Height})...)
		}
	case Print:
		r.do(PrintPage{})
	case Present:
		r.views().present(a.On)
	case FullscreenRefused:
		if r.Presenting {
			r.say(Notice{Text: r.Lang.T(i18n.FullscreenRefused)})
		}
	case FullscreenLeft:
		r.Presenting = false
	case ToggleRow:
		r.RowsOpen = maps.Clone(r.RowsOpen)
		if r.RowsOpen == nil {
			r.RowsOpen = map[string]bool{}
		}
		if a.Open {
			r.RowsOpen[a.ID] = true
		} else {
			delete(r.RowsOpen, a.ID)
		}
	case OpenFull:
		link, err := shareLink(r.Base, r.Model())
		if err != nil {
			r.say(Notice{Text: r.Lang.T(i18n.CouldNotOpen, firstProblem(err)), IsErr: true})
			break
		}
		r.do(OpenTab{link})

	// What the library reports.
	case LibraryRepaired:
		r.Damaged = a.Damaged
		if a.Err != "" {
			r.SaveErr = r.Lang.T(i18n.LibraryUnchecked, a.Err)
		}
	case LibraryRead:
		r.List, r.current = a.List, a.Current
		if a.HasSetAside {
			r.SetAside = a.SetAside
		}
		if a.Err != "" {
			r.SaveErr = a.Err
		}
		if a.Failed != "" {
			r.say(Notice{Text: a.Failed, IsErr: true})
		}
		if !r.Started {
			r.docs().open()
			r.Started = true
		}
	case DocLoaded:
		r.docs().show(a.ID, a.Model, a.Rev, true)
		if a.Why == LoadOtherTab {
			r.say(Notice{Text: r.Lang.T(i18n.UpdatedFromOtherTab)})
		}
	case DocLoadFailed:
		switch a.Why {
		case LoadAtStart, LoadAfterDelete:
			r.docs().newFromTemplate(r.startTemplate(a.Why))
		case LoadOtherTab:
		default:
			r.say(Notice{Text: a.Err, IsErr: true})
		}
	case Saved:
		r.docs().saved(a)
	case SaveFailed:
		r.views().quiet()
		r.SaveErr = r.Lang.T(i18n.NotSavedKept, a.Err)
		if a.Full {
			r.SaveErr = r.Lang.T(i18n.StorageFullNotSaved)
		}
		if a.Rev > r.Rev {
			// The record was written, the library's list was not: the
			// next save is over the record's revision, not a conflict.
			r.Rev = a.Rev
		}
		r.noticeOnSave = false
		if r.reloading {
			r.reloading = false
			r.say(Notice{Text: r.Lang.T(i18n.NoticeNotReloaded), IsErr: true})
		}
		r.saveDone(false)
	case SaveConflict:
		r.views().quiet()
		r.Conflict = true
		r.saveDone(false)
	case StoredRev:
		// Another tab saved the assessment open here: follow it, or say
		// so if this tab has edits of its own that saving would overwrite.
		switch {
		case a.ID != r.DocID || a.Rev == r.Rev:
		case r.Dirty || r.HasErrors():
			r.Conflict = true
		default:
			r.do(LoadDoc{IDs: []string{r.DocID}, Why: LoadOtherTab})
		}
	}
}

// start opens the app: the embed or the library, then the assessment
// the address asks for.
func (r docs) start(a Start) {
	r.Base, r.seed, r.StorageBlocked, r.Today, r.day = a.Base, a.Seed, a.StorageBlocked, a.Today, a.Day
	r.Brand = a.Brand
	r.Embed = parseEmbedding(a.Query)
	r.Lang = startLang(a, r.Embed.On)
	r.do(r.pageLang())
	if a.Framed && !r.Embed.On {
		r.startFramed(a)
		return
	}
	r.startAccent(a.Query)
	r.views().startView(a.Query)
	if q, err := url.ParseQuery(a.Query); err == nil && q.Has("template") {
		r.Template = q.Get("template")
		if r.Template == "" {
			r.Template = " " // asked for, naming none
		}
	}
	if q, err := url.ParseQuery(a.Query); err == nil && q.Get("view") == string(ViewReport) {
		r.View = ViewReport
	}
	r.startHash = a.Hash
	r.SaveErr = r.blockedMessage()
	if !r.Embed.On {
		r.do(RepairLibrary{})
	}
	r.do(ReadLibrary{})
}

// startLang is the language the app opens in: ?lang= when it names one
// the interface speaks, else the one chosen in the app before (not in an
// embed, whose host decides), else the brand's, else the browser's.
func startLang(a Start, embed bool) i18n.Lang {
	if q, err := url.ParseQuery(a.Query); err == nil {
		if l, ok := i18n.Parse(q.Get("lang")); ok {
			return l
		}
	}
	if l, ok := i18n.Parse(a.SavedLang); ok && !embed {
		return l
	}
	if a.Brand.Lang != "" {
		return a.Brand.Lang
	}
	return i18n.Match(a.Langs...)
}

// setLang switches the interface to a language chosen in the app and
// remembers it, except in an embed, which writes nothing to storage.
func (r *reducer) setLang(l i18n.Lang) {
	if _, ok := i18n.Parse(string(l)); !ok {
		return
	}
	r.Lang = l
	r.do(r.pageLang())
	if !r.Embed.On {
		r.do(RememberLang{l})
	}
}

// pageLang is the page's language and its title in it.
func (r *reducer) pageLang() SetPageLang {
	if r.Brand.Name != "" {
		return SetPageLang{Lang: r.Lang, Title: r.Brand.Name}
	}
	return SetPageLang{Lang: r.Lang, Title: r.Lang.T(i18n.PageTitle)}
}

// open picks the starting assessment, once the library is read: the
// model of a share link, a template named by ?template=, the assessment
// open last, the most recent one, or the first template.
func (r docs) open() {
	switch {
	case r.openLink(r.startHash):
	case r.Embed.On:
		id := strings.TrimSpace(r.Template)
		if _, ok := r.template(id); !ok && id != BlankTemplate {
			id = r.firstTemplate()
		}
		r.newFromTemplate(id)
	default:
		r.openOwn(true)
		return
	}
	// Tell the host page the embed is ready, with the result.
	r.do(r.Embed.post(map[string]string{"type": msgReady, "format": calc.Format})...)
	r.do(r.Embed.result(r.Result)...)
}

// openOwn opens the user's own work, or the template the address names.
func (r docs) openOwn(atStart bool) {
	if id := strings.TrimSpace(r.Template); r.Template != "" {
		if _, ok := r.template(id); ok || id == BlankTemplate {
			r.newFromTemplate(id)
			return
		}
		r.say(Notice{Text: r.Lang.T(i18n.NoTemplate, id), IsErr: true})
		r.Template = ""
		r.do(CleanURL{Template: true})
	}
	var ids []string
	for _, id := range []string{r.current, firstID(r.List)} {
		if id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		r.newFromTemplate(r.firstTemplate())
		if _, link := linkFragment(r.startHash); atStart && !r.viewAsked && !link {
			r.View = ViewVisitor // a first visit opens on the questionnaire
		}
		return
	}
	r.do(LoadDoc{IDs: ids, Why: LoadAtStart})
}

func (s State) startTemplate(why LoadReason) string {
	if why == LoadAfterDelete {
		return BlankTemplate
	}
	return s.firstTemplate()
}

func firstID(list []Meta) string {
	if len(list) == 0 {
		return ""
	}
	return list[0].ID
}

// newFromTemplate starts a new, not yet saved assessment from a template.
func (r docs) newFromTemplate(id string) {
	m := calc.NewModel()
	m.Title = r.Lang.T(i18n.NewAssessment)
	if t, ok := r.template(id); ok {
		if tm, err := calc.Decode(t.Data); err == nil {
			m = tm
		}
	}
	r.show(r.newID(), r.brandModel(id, m), 0, false)
}

// show makes m the assessment on screen, with a fresh history.
func (r docs) show(id string, m calc.Model, rev int, saved bool) {
	r.Hist = NewHistory(m)
	r.Shared, r.Explained = false, nil
	r.DocID, r.Rev, r.Saved = id, rev, saved
	r.Drafts, r.Pending, r.Marks = nil, nil, nil
	r.Conflict, r.SaveErr, r.Dirty, r.Unkept = false, r.blockedMessage(), false, false
	r.Focus = ""
	r.evaluate()
	if r.Started { // at start, startEmbed posts it after valuecalc:ready
		r.do(r.Embed.result(r.Result)...)
	}
}

func (r *reducer) evaluate() {
	m := r.Model()
	r.Result = calc.Evaluate(m)
	if r.typing {
		// The totals show on the keystroke's frame; the charts, a
		// third of that frame's work, on the next.
		r.do(AfterFrame{ChartsCatchUp{}})
	} else {
		r.Charted = r.Result
	}
	r.analysisChanged()
	if m.ScenarioIndex(r.Focus) < 0 {
		r.Focus = r.Result.Best
	}
}

// apply runs an edit through the history; a refused edit is shown as a
// notice and changes nothing.
func (r *reducer) apply(e Edit) bool {
	if r.Shared {
		r.say(Notice{Text: r.Lang.T(i18n.SharedReadOnlyNotice), IsErr: true})
		return false
	}
	h, err := r.Hist.Apply(e)
	if err != nil {
		r.say(Notice{Text: sentence(r.Lang, err), IsErr: true})
		return false
	}
	r.Hist = h
	r.changed()
	switch e := e.(type) {
	case AddItem:
		// The new row may be far below: bring it into view, ready to name.
		m := r.Model()
		r.do(FocusElement{ItemField(FieldItemName, m.Items[len(m.Items)-1].ID).ElementID()})
	case AddScenario:
		m := r.Model()
		r.do(FocusElement{ScenarioNameField(m.Scenarios[len(m.Scenarios)-1].ID).ElementID()})
	case DeleteItem:
		was := r.before.Model()
		r.say(Notice{Text: r.Lang.T(i18n.DeletedItem, was.ItemName(e.ID)), Undo: Undo{}})
	case DeleteScenario:
		was := r.before.Model()
		r.say(Notice{Text: r.Lang.T(i18n.DeletedScenario, was.ScenarioName(e.ID)), Undo: Undo{}})
	}
	return true
}

// changed recomputes the results and schedules the autosave.
func (r *reducer) changed() {
	r.evaluate()
	r.do(r.Embed.result(r.Result)...)
	if !r.Saved && !r.Embed.On && !r.Shared && r.Template != "" {
		// The first edit makes the template's copy the user's work: a
		// reload, even before the autosave, must show it (the page saves
		// when it goes away), not a fresh copy of the template.
		r.Template = ""
		r.do(CleanURL{Template: true})
	}
	r.views().answersFromLink()
	r.Dirty, r.Unkept = true, true
	if !r.SaveWaiting && !r.Embed.On {
		r.SaveWaiting = true
		r.do(After{SaveDelay, SaveDue{}})
	}
}

// saveFirst holds back a, which replaces the assessment on screen, while
// its edits are saved, and reports whether it did: a goes on once the
// save lands (saved). Edits the storage refuses are lost if a goes on,
// unless a download holds them: then the user is asked first (leaveUnsaved).
func (r *reducer) saveFirst(a Action) bool {
	switch {
	case !r.Dirty || r.Shared || r.Embed.On:
		return false // nothing to save
	case r.Conflict:
		return r.leaveUnsaved(a) // another tab's save: this one's are refused
	}
	r.afterSave = a
	r.docs().save()
	return true
}

// leaveUnsaved is a about to replace edits that were not saved: it asks
// the user, in the browser's confirm dialog whose yes sends Discard{a},
// unless a download holds them. It reports whether it asked.
func (r *reducer) leaveUnsaved(a Action) bool {
	if !r.Unsaved() {
		return false
	}
	r.do(AskConfirm{Text: r.Lang.T(i18n.DiscardUnsaved, r.Model().Title), Then: Discard{a}})
	return true
}

// saveDone goes on with what waited for the save, if anything did: at
// once when it landed, else as leaveUnsaved says.
func (r *reducer) saveDone(landed bool) {
	next := r.afterSave
	r.afterSave = nil
	switch {
	case next == nil:
	case landed:
		r.reduce(next)
	case !r.leaveUnsaved(next):
		r.reduce(Discard{next})
	}
}

// save writes the assessment to the library, unless there is nothing to
// save or it must not be: a shared link's model, another tab's newer
// save, an embed's visitor.
func (r docs) save() {
	if !r.Dirty || r.Conflict || r.Shared || r.Embed.On {
		return
	}
	r.do(SaveDoc{ID: r.DocID, Model: r.Model(), Rev: r.Rev})
}

func (r docs) saved(a Saved) {
	if a.ID != r.DocID {
		return
	}
	if !r.Saved && !r.Embed.On && r.Template != "" {
		// Saved work now stands for the template the address asked for.
		r.Template = ""
		r.do(CleanURL{Template: true})
	}
	r.Rev, r.Saved, r.Dirty = a.Rev, true, false
	r.SaveErr = r.blockedMessage() // saved in memory only: the warning stays
	r.Unkept = r.Unkept && r.StorageBlocked
	r.List = a.List
	if r.noticeOnSave {
		r.noticeOnSave = false
		r.say(Notice{Text: r.Lang.T(i18n.SavedCopy, r.Model().Title)})
	}
	if r.reloading {
		r.reloading = false
		r.do(Reload{})
	}
	r.saveDone(true)
}

// input handles text typed into a field: a valid value becomes an edit
// at once (live results); an invalid one stays as a draft with its
// message, and the model keeps its last valid value.
func (r *reducer) input(a Input) {
	if r.Shared {
		return
	}
	if r.views().visitorBlank(a) {
		return
	}
	m := r.Model()
	if a.Field.Kind == FieldEntry || a.Field.Kind == FieldEntryLow || a.Field.Kind == FieldEntryHigh {
		r.Active = a.Field.cell()
	}
	if a.Field.Kind == FieldEntry && m.Mode == calc.ModeMoney {
		// Clearing a value and typing another keeps its unit and
		// recurrence.
		r.setPending(a.Field.cell(), MoneySetting(m, a.Field.cell(), r.Pending))
	}
	r.movedOn(a.Field)
	r.setMark(a.Field, nil) // typed again: the mark's question is answered
	read := readHint(r.Lang, a.Field, a.Text)
	e, err := fieldAction(r.Lang, m, a.Field, a.Text, r.Pending)
	if err == nil {
		var h History
		if h, err = r.Hist.Apply(e); err == nil {
			r.Hist = h
			r.setDraft(a.Field, &Draft{Text: a.Text, Read: read})
			r.changed()
			return
		}
	}
	r.setDraft(a.Field, &Draft{Text: a.Text, Err: sentence(r.Lang, err), Read: read})
}

// movedOn takes the hints of how numbers were read from fields other
// than f: they show until the user moves on.
func (r *reducer) movedOn(f Field) {
	for g, d := range r.Drafts {
		if g != f && d.Read != "" {
			d.Read = ""
			r.setDraft(g, &d)
		}
	}
}

// setMark sets field f's mark, or removes it when mk is nil, in a copy
// of the marks.
func (r *reducer) setMark(f Field, mk *Mark) {
	if _, ok := r.Marks[f]; !ok && mk == nil {
		return
	}
	r.Marks = maps.Clone(r.Marks)
	if mk == nil {
		delete(r.Marks, f)
		return
	}
	if r.Marks == nil {
		r.Marks = map[Field]Mark{}
	}
	r.Marks[f] = *mk
}

// setDraft sets field f's draft, or removes it when d is nil, in a copy
// of the drafts.
func (r *reducer) setDraft(f Field, d *Draft) {
	r.Drafts = maps.Clone(r.Drafts)
	if d == nil {
		delete(r.Drafts, f)
		return
	}
	if r.Drafts == nil {
		r.Drafts = map[Field]Draft{}
	}
	r.Drafts[f] = *d
}

func (r *reducer) setPending(c Cell, cs CellSetting) {
	if r.Pending[c] == cs {
		return
	}
	r.Pending = maps.Clone(r.Pending)
	if r.Pending == nil {
		r.Pending = map[Cell]CellSetting{}
	}
	r.Pending[c] = cs
}

// PerOptions are a money cell's units and recurrences, as "unit/per".
var PerOptions = []CellSetting{
	{UnitAmount, calc.PerOnce}, {UnitAmount, calc.PerMonth}, {UnitAmount, calc.PerYear},
	{UnitHours, calc.PerOnce}, {UnitHours, calc.PerMonth}, {UnitHours, calc.PerYear},
}

// Value is the setting as a select's option value, "hours/month".
func (cs CellSetting) Value() string { return string(cs.Unit) + "/" + string(cs.Per) }

// setPer changes a money cell's unit and recurrence: on its entry when it
// has one, else remembered for when a value is typed.
func (r *reducer) setPer(a SetPer) {
	var cs CellSetting
	for _, o := range PerOptions {
		if o.Value() == a.Value {
			cs = o
		}
	}
	if cs.Unit == "" || r.Shared {
		return
	}
	en, ok := entryOf(r.Model(), a.Cell.Scenario, a.Cell.Item)
	if !ok {
		r.setPending(a.Cell, cs)
		return
	}
	v := en.Amount
	if v == nil {
		v = en.Hours
	}
	r.apply(SetMoney{Scenario: a.Cell.Scenario, Item: a.Cell.Item, Value: v, Hours: cs.Unit == UnitHours, Per: cs.Per})
}

// quiet hides a notice of success when an error shows elsewhere (a
// panel, a banner): "Exported" must not stand next to "not saved".
func (r views) quiet() {
	if r.Notice.Text != "" && !r.Notice.IsErr {
		r.Notice = Notice{Serial: r.Notice.Serial}
	}
}

// present fills the screen with the answer, or goes back to editing.
func (r views) present(on bool) {
	if on == r.Presenting {
		return
	}
	r.Presenting = on
	if on {
		r.Panel, r.Explained, r.View = PanelNone, nil, ViewEditor
	}
	r.do(Fullscreen{on})
}

// importedTitle names an imported assessment after its file's title and
// the day: "Helpdesk for Acme (imported 2 Dec)", within the title's
// length limit, in language l. A title already so named, in any
// language, is named again, not twice.
func importedTitle(l i18n.Lang, title, day string) string {
	if day == "" {
		return title
	}
	for _, k := range i18n.All {
		before, _, _ := strings.Cut(k.T(i18n.ImportedSuffix), "%s")
		if i := strings.LastIndex(title, before); i > 0 && strings.HasSuffix(title, ")") {
			title = title[:i]
			break
		}
	}
	suffix := l.T(i18n.ImportedSuffix, day)
	if r := []rune(title); len(r)+len([]rune(suffix)) > calc.MaxTitleLen {
		title = strings.TrimSpace(string(r[:calc.MaxTitleLen-len([]rune(suffix))]))
	}
	return title + suffix
}

// say shows a notice; it replaces the one before, and a timer hides it.
func (r *reducer) say(n Notice) {
	n.Serial = r.Notice.Serial + 1
	r.Notice = n
	r.do(After{NoticeTime, NoticeExpired{n.Serial}})
}

func (r views) openPanel(p Panel) {
	r.Panel = p
	switch p {
	case PanelShare:
		r.Share = Share{}
		link, err := shareLink(r.Base, r.Model())
		if err != nil {
			r.Share.Err = r.Lang.T(i18n.NoLink, firstProblem(err))
		} else {
			r.Share.Link = link
		}
	case PanelFiles:
		r.Import = Problem{}
	case PanelLibrary:
		r.do(ReadLibrary{SetAside: true})
	}
}

// storageChanged follows another tab's save: of the assessment open here,
// or of the library's list.
func (r docs) storageChanged(key string) {
	if key != keyDoc+r.DocID {
		if key == "" || key == keyIndex {
			r.do(ReadLibrary{})
		}
		return
	}
	if r.Shared || r.Embed.On || !r.Saved {
		return
	}
	r.do(CheckRev{r.DocID})
}

func (r docs) importFile(a ImportFile) {
	r.Dragging = false
	m, err := calc.Decode([]byte(a.Text))
	if err != nil {
		r.Import, r.Panel = importError(r.Lang, a.FileName, []byte(a.Text), err), PanelFiles
		r.views().quiet()
		return
	}
	if r.saveFirst(a) {
		return
	}
	day := r.day
	if d := r.Lang.ShortDate(r.Today); d != r.Today {
		day = d // the browser's date, in the interface's language
	}
	m.Title = importedTitle(r.Lang, m.Title, day)
	r.show(r.newID(), m, 0, false)
	// Unkept until it is saved, as an edit is: the file it came from
	// is the user's, and may be gone (an attachment opened from mail).
	r.Dirty, r.Unkept = true, true
	r.save()
	r.Import, r.Panel, r.View = Problem{}, PanelNone, ViewEditor
	r.do(CleanURL{Hash: true})
	r.say(Notice{Text: r.Lang.T(i18n.Imported, m.Title, a.FileName)})
}

func (r docs) docRemoved(a DocRemoved) {
	if a.Err != "" {
		r.say(Notice{Text: a.Err, IsErr: true})
		return
	}
	r.List = a.List
	if a.Meta.ID == r.DocID {
		r.Dirty = false
		if next := firstID(a.List); next != "" {
			r.do(LoadDoc{IDs: []string{next}, Why: LoadAfterDelete})
		} else {
			r.newFromTemplate(BlankTemplate)
		}
	}
	n := Notice{Text: r.Lang.T(i18n.DeletedAssessment, a.Meta.Title)}
	if a.CanRestore {
		n.Undo = RestoreDoc{a.Meta, a.Model}
	}
	r.say(n)
}

func (RestoreDoc) Path() string { return "/library/restore" }

func itoa(n int) string { return Plain(float64(n)) }

// megabytes is a file's size in MB for a message about the limit, to
// one decimal; rounded up near the limit, so that a file over 5 MB never
// reads "5 MB".
func megabytes(size int) i18n.Number {
	mb := float64(size) / (1 << 20)
	if r := math.Round(mb*10) / 10; r > calc.MaxInputSize>>20 {
		return i18n.Number(r)
	}
	return i18n.Number(math.Ceil(mb*10) / 10)
}

// docs reduces what opens, saves and leaves an assessment: start-up, the
// library's reports, other tabs, imports, links and the embed's host.
type docs struct{ *reducer }

// views reduces which view and panel show, and present mode.
type views struct{ *reducer }

func (r *reducer) docs() docs   { return docs{r} }
func (r *reducer) views() views { return views{r} }
