package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// stateDialogs are the dialogs the state opens over any view, above the
// panel that may be open: the rename of a saved assessment and the
// question before unsaved work is replaced.
func stateDialogs(v view) app.UI {
	st := v.st
	return app.Div().Body(
		iff(st.Rename != nil, func() app.UI { return &renameDialog{Dialog: *st.Rename, Lang: st.Lang} }),
		iff(st.Discarding != nil, func() app.UI { return discardDialog(v, *st.Discarding) }),
	)
}

// renameDialog asks for a saved assessment's new title. Enter renames;
// Cancel or Escape (the page's, state.Escape) closes it. A title that is
// not one says why under the field, which keeps what was typed.
type renameDialog struct {
	app.Compo
	Dialog state.RenameDialog
	Lang   i18n.Lang

	pressed bool // Enter went down in the field
}

func (d *renameDialog) Render() app.UI {
	l, err := d.Lang, d.Dialog.Err
	errID := state.RenameFieldID + "-error"
	in := app.Input().ID(state.RenameFieldID).Class("input").Type("text").Value(d.Dialog.Text).
		Attr("autocomplete", "off").Aria("invalid", ariaTrue(err != "")).
		OnInput(d.input).OnKeyDown(d.enter).OnKeyUp(d.key)
	if err != "" {
		in = in.Aria("describedby", errID)
	}
	return app.Div().Class("overlay").Body(
		app.Div().ID("rename").Class("dialog card").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "rename-heading").Body(
			app.H2().ID("rename-heading").Text(l.T(i18n.RenameHeading)),
			app.Div().Class("rename-field").Body(
				app.Label().For(state.RenameFieldID).Class("setting-label").Text(l.T(i18n.NewTitleFor, d.Dialog.Was)),
				in,
				iff(err != "", func() app.UI { return app.Span().ID(errID).Class("field-error").Text(err) }),
			),
			app.Div().Class("dialog-actions").Body(
				&button{ID: "rename-cancel", Class: "btn", Text: l.T(i18n.Cancel), Action: state.CancelRename{}},
				&button{ID: "rename-ok", Class: "btn btn-primary", Text: l.T(i18n.Rename), Action: state.ConfirmRename{}},
			),
		),
	)
}

func (d *renameDialog) input(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.RenameInput{Text: ctx.JSSrc().Get("value").String()})
}

// enter and key confirm on the release of an Enter pressed in the field,
// not on its press: go-app runs handlers after the event, too late to
// cancel its keypress, which would otherwise land on the Rename button
// the focus has gone back to and open the dialog again. An Enter that
// ends an input method's composition confirms nothing.
func (d *renameDialog) enter(ctx app.Context, e app.Event) {
	d.pressed = e.Get("key").String() == "Enter" && !e.Get("isComposing").Bool()
}

func (d *renameDialog) key(ctx app.Context, e app.Event) {
	if d.pressed && e.Get("key").String() == "Enter" {
		d.pressed = false
		browser.Send(ctx, state.ConfirmRename{})
	}
}

// discardDialog asks before the assessment on screen, whose edits nothing
// keeps, is replaced. Cancel, which loses nothing, has the focus.
func discardDialog(v view, d state.DiscardDialog) app.UI {
	return app.Div().Class("overlay").Body(
		app.Div().ID("discard").Class("dialog card").Attr("role", "alertdialog").Aria("modal", "true").
			Aria("labelledby", "discard-heading").Aria("describedby", "discard-text").Body(
			app.H2().ID("discard-heading").Text(v.t(i18n.DiscardHeading)),
			app.P().ID("discard-text").Text(v.t(i18n.DiscardUnsaved, d.Title)),
			app.Div().Class("dialog-actions").Body(
				&button{ID: "discard-go-on", Class: "btn btn-danger", Text: v.t(i18n.DiscardGoOn), Action: state.ConfirmDiscard{}},
				&button{ID: state.DiscardCancelID, Class: "btn btn-primary", Text: v.t(i18n.Cancel), Action: state.CancelDiscard{}},
			),
		),
	)
}
