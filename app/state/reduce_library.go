package state

import (
	"math"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// LibraryState is the library and storage: what is saved, whether the
// assessment on screen is, and what saving, importing and the library
// reported.
type LibraryState struct {
	Rev   int  // the library revision this tab loaded or saved last
	Saved bool // whether the assessment is in the library
	Dirty bool // edited since the last save
	// Unkept says the assessment was edited since it was last kept: saved
	// in a storage that outlasts the page (not the one in memory that
	// stands in for a blocked storage), or downloaded as a file. Leaving
	// the page would lose it (Unsaved).
	Unkept         bool
	SaveErr        string
	Conflict       bool
	SaveWaiting    bool    // the autosave timer runs
	Import         Problem // why a file was not imported
	Damaged        []Damaged
	Update         bool // a new version waits (the banner)
	List           []Meta
	SetAside       []Damaged
	StorageBlocked bool
	Template       string // ?template= of the address, "" when none or gone
	current        string // the assessment open last, from the library
	noticeOnSave   bool   // a save copy's notice waits for the save
	reloading      bool   // an update's reload waits for the save
	afterSave      Action // what replaces the assessment waits for its save (saveFirst)
}

// docs reduces what opens, saves and leaves an assessment: start-up, the
// library's reports, other tabs, imports and exports.
type docs struct{ *reducer }

func (r *reducer) docs() docs { return docs{r} }

// reduce handles the library's and storage's actions; it reports whether
// a was one of them.
func (r docs) reduce(a Action) bool {
	switch a := a.(type) {
	case PageHidden:
		if r.Dirty {
			r.docs().save()
		}
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
		if err := titleError(r.Lang, a.Title); err != "" {
			r.say(Notice{Text: err, IsErr: true})
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
		r.reducer.reduce(a.Then)
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

	default:
		return false
	}
	return true
}

// open picks the starting assessment, once the library is read: the
// model of a share link, a template named by ?template=, the assessment
// open last, the most recent one, or the first template.
func (r docs) open() {
	switch {
	case r.sharing().openLink(r.startHash):
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
	r.postResult(msgResult, r.Result)
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
	r.Drafts, r.Pending, r.Marks, r.Answered = nil, nil, nil, nil
	r.Conflict, r.SaveErr, r.Dirty, r.Unkept = false, r.blockedMessage(), false, false
	r.Focus = ""
	r.evaluate()
	if r.Started { // at start, startEmbed posts it after valuecalc:ready
		r.postResult(msgResult, r.Result)
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
// the user, in the discard dialog whose yes (ConfirmDiscard) sends
// Discard{a}, unless a download holds them. It reports whether it asked.
func (r *reducer) leaveUnsaved(a Action) bool {
	if !r.Unsaved() {
		return false
	}
	r.Discarding = &DiscardDialog{Title: r.Model().Title, Then: a}
	r.do(KeepFocus{}, FocusElement{DiscardCancelID})
	return true
}

// DiscardCancelID is the discard dialog's Cancel button, which has the
// focus when it opens: the answer that loses nothing.
const DiscardCancelID = "discard-cancel"

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
