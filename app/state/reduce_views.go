package state

import (
	"maps"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// ViewState is what shows: the view, the panel or dialog open over it,
// and the notice.
type ViewState struct {
	View        View
	ViewFixed   bool // an embed's host chose the view: no moving to another
	Panel       Panel
	Confirm     calc.Mode // the mode a switch waits to be confirmed for
	Explained   *ExplainTarget
	TablesOpen  map[string]bool
	Dragging    bool
	Presenting  bool            // the answer fills the screen
	RowsOpen    map[string]bool // items whose type, stage and note show
	Focus       string          // the scenario the waterfall shows
	Notice      Notice
	Rename      *RenameDialog  // the rename dialog, nil when closed
	Discarding  *DiscardDialog // the question before unsaved work goes, nil when none
	viewAsked   bool           // ?view= chose the view
	linkView    View           // the view a share link opens: ?view='s, else the report
	linkAnswers bool           // a link opened on the visitor view, not yet answered
	// Answered holds the visitor's questions answered since the model
	// opened: the others show the model's figure as typical (visitor.go).
	Answered map[Field]bool
}

// RenameDialog is the dialog that renames a saved assessment: its id, the
// title it has, the name typed, and what is wrong with that name.
type RenameDialog struct {
	ID, Was string
	Text    string
	Err     string
}

// DiscardDialog asks before Then replaces the assessment on screen,
// Title, whose edits nothing keeps (leaveUnsaved).
type DiscardDialog struct {
	Title string
	Then  Action
}

// views reduces which view and panel show, the dialogs, notices and
// present mode.
type views struct{ *reducer }

func (r *reducer) views() views { return views{r} }

// reduce handles the views' actions; it reports whether a was one of them.
func (r views) reduce(a Action) bool {
	if r.reduceWindow(a) { // the grid's window (window.go)
		return true
	}
	switch a := a.(type) {
	case Escape:
		if r.Discarding != nil || r.Rename != nil {
			// The dialog on top closes; the panel under it stays.
			r.closeDialog()
			break
		}
		if r.Panel == PanelNone && r.Confirm == "" && r.Explained == nil && r.Presenting {
			r.views().present(false)
		}
		r.Panel, r.Confirm, r.Explained = PanelNone, "", nil
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
			r.reducer.reduce(undo)
		}
	case NoticeExpired:
		if r.Notice.Serial == a.Serial {
			r.Notice = Notice{Serial: a.Serial}
		}
	case Drag:
		r.Dragging = a.On

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
	case OpenRename:
		r.Rename = &RenameDialog{ID: a.ID, Was: a.Title, Text: a.Title}
		r.do(KeepFocus{}, FocusElement{RenameFieldID})
	case RenameInput:
		if r.Rename != nil {
			d := *r.Rename
			d.Text, d.Err = a.Text, titleError(r.Lang, a.Text)
			r.Rename = &d
		}
	case ConfirmRename:
		d := r.Rename
		if d == nil {
			break
		}
		if err := titleError(r.Lang, d.Text); err != "" {
			r.Rename = &RenameDialog{ID: d.ID, Was: d.Was, Text: d.Text, Err: err}
			r.do(FocusElement{RenameFieldID})
			break
		}
		r.closeDialog()
		r.reducer.reduce(RenameSaved{ID: d.ID, Title: d.Text})
	case CancelRename:
		r.closeDialog()
	case ConfirmDiscard:
		d := r.Discarding
		r.closeDialog()
		if d != nil {
			r.reducer.reduce(Discard{d.Then})
		}
	case CancelDiscard:
		r.closeDialog()
	default:
		return false
	}
	return true
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

// RenameFieldID is the rename dialog's field, which has the focus while
// the dialog is open.
const RenameFieldID = "rename-title"

// titleError is what is wrong with text as an assessment's title, in the
// user's words, or "".
func titleError(l i18n.Lang, text string) string {
	if _, err := fieldAction(l, calc.Model{}, SettingField(FieldTitle), text, nil); err != nil {
		return sentence(l, err)
	}
	return ""
}

// closeDialog closes the rename or discard dialog, and gives the focus
// back to what opened it.
func (r views) closeDialog() {
	if r.Rename == nil && r.Discarding == nil {
		return
	}
	r.Rename, r.Discarding = nil, nil
	r.do(ReturnFocus{})
}
