package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// textField is a text input (or, with Rows, a textarea) bound to a field
// of the state: it shows the draft typed into it, else the model's value,
// and says when the draft is wrong (aria-invalid, and the message's id in
// aria-describedby).
//
// It is the one place where an input's text is put on screen, and every
// text input and textarea of the app is one: go-app cannot empty an
// input by a render (GOAPP-NOTES.md, "An input can never be emptied by a
// render"), so OnUpdate sets the element's value itself.
type textField struct {
	app.Compo
	Field       state.Field
	Input       state.Draft
	Label       string // aria-label
	Class       string
	Number      bool // a decimal keyboard on phones
	Placeholder string
	Title       string
	ReadOnly    bool
	Disabled    bool
	Rows        int // > 0: a textarea of that many rows

	// A field that is not a state.Field (goal seek's target) names its
	// element, what describes it, and the action its text sends. Send
	// is a func, which go-app always sees as changed: keep it to a few
	// fields, not the grid's.
	ID          string
	DescribedBy string
	Send        func(text string) state.Action

	shown string // the text the last render gave the element
}

func (f *textField) Render() app.UI {
	f.shown = f.Input.Text
	if f.Rows > 0 {
		id := f.Field.ElementID()
		return app.Textarea().ID(id).Class("input "+f.Class).Rows(f.Rows).Aria("label", f.Label).
			Placeholder(f.Placeholder).Title(f.Title).ReadOnly(f.ReadOnly).Disabled(f.Disabled).
			Aria("invalid", ariaTrue(f.Input.Err != "")).Aria("describedby", describedBy(id, f.Input)).
			OnInput(f.input).OnChange(f.done).OnBlur(f.done).Text(f.Input.Text)
	}
	in := fieldInput(f.Field, f.Input, f.Label, f.Class, f.Number)
	if f.ID != "" {
		in = in.ID(f.ID)
	}
	if f.DescribedBy != "" {
		in = in.Aria("describedby", f.DescribedBy)
	}
	return in.Placeholder(f.Placeholder).Title(f.Title).ReadOnly(f.ReadOnly).Disabled(f.Disabled).
		OnInput(f.input).OnChange(f.done).OnBlur(f.done)
}

// OnUpdate puts the state's text in the element before go-app updates it:
// go-app leaves an input's text alone when it becomes "" (it removes the
// value attribute, which no longer says what a typed-into input shows).
// What the user is typing stays: see browser.ShowText.
func (f *textField) OnUpdate(ctx app.Context) {
	browser.ShowText(ctx.JSSrc(), f.shown, f.Input.Text)
}

func (f *textField) input(ctx app.Context, e app.Event) {
	text := ctx.JSSrc().Get("value").String()
	f.shown = text // what the element shows is the user's, not a render's
	if f.Send != nil {
		browser.Send(ctx, f.Send(text))
		return
	}
	browser.Send(ctx, state.Input{Field: f.Field, Text: text})
}

// done is the field left: on change, and on blur too, since a field left
// holding the text it had when it took the focus fires no change (type
// "4" over a "4"), and its draft would outlive it: a later switch to
// money, which empties the cell, still showed the "4".
func (f *textField) done(ctx app.Context, e app.Event) {
	if f.Send != nil {
		return
	}
	browser.Send(ctx, state.InputDone{Field: f.Field})
	// Left, the field shows the state's text ("3,000" for "3000.0"). When
	// no frame was drawn since the user typed (typed and left at once:
	// go-app handles both events before its next frame), that text is the
	// one the last render gave: go-app sees no change, calls no OnUpdate,
	// and the typed text stayed. So show it once this frame is drawn,
	// even if the field still has the focus (that frame may come between
	// the change and the blur of one Tab): the text it shows is the
	// user's finished one, which the state has taken.
	ctx.Defer(func(ctx app.Context) {
		el := ctx.JSSrc()
		browser.ShowText(el, el.Get("value").String(), f.Input.Text)
	})
}

// fieldInput is the input element of a field, without handlers.
func fieldInput(f state.Field, d state.Draft, label, class string, number bool) app.HTMLInput {
	id := f.ElementID()
	in := app.Input().Type("text").ID(id).Class("input "+class).Value(d.Text).Aria("label", label)
	if number {
		in = in.Class("input num-input "+class).Attr("inputmode", "decimal").AutoComplete(false)
	}
	if d.Err != "" {
		in = in.Aria("invalid", "true")
	}
	if by := describedBy(id, d); by != "" {
		in = in.Aria("describedby", by)
	}
	return in
}

// describedBy names the messages under field id: how a number was read
// and what is wrong with it.
func describedBy(id string, d state.Draft) string {
	var by []string
	if d.Read != "" {
		by = append(by, id+"-read")
	}
	if d.Mark != "" {
		by = append(by, id+"-mark")
	}
	if d.Err != "" {
		by = append(by, id+"-err")
	}
	return strings.Join(by, " ")
}

// ariaTrue is "true" when b, else "" (no attribute).
func ariaTrue(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// fieldError is the message under a field, or nothing. Its id is the
// field's id plus "-err", named by the field's aria-describedby. Above it
// goes the hint of how a number that reads two ways was read ("12.000 →
// 12, not 12000"), id plus "-read": the value is taken, so it is no error.
func fieldError(f state.Field, d state.Draft) app.UI {
	var read, msg app.UI
	if d.Mark != "" {
		return &readMark{Field: f, Text: d.Mark, OK: d.MarkOK}
	}
	if d.Read != "" {
		read = app.Span().ID(f.ElementID()+"-read").Class("field-read").Attr("role", "status").Text(d.Read)
	}
	if d.Err != "" {
		msg = app.Span().ID(f.ElementID()+"-err").Class("field-error").Attr("role", "alert").Text(d.Err)
	}
	switch {
	case read != nil && msg != nil:
		return app.Span().Class("field-msgs").Body(read, msg)
	case read != nil:
		return read
	}
	return msg
}

// readMark is the mark a field keeps, once the user moved on, of a
// number that reads two ways and was read as a decimal ("12.000 read as
// 12"), id the field's id plus "-mark", with a button that confirms it.
type readMark struct {
	app.Compo
	Field    state.Field
	Text, OK string
}

func (m *readMark) Render() app.UI {
	id := m.Field.ElementID() + "-mark"
	return app.Span().ID(id).Class("field-mark").Body(
		app.Span().Class("field-mark-text").Text(m.Text),
		app.Button().ID(id+"-ok").Type("button").Class("field-mark-ok").
			Title(m.OK).Aria("label", m.OK).
			OnClick(m.confirm).Text("✓"),
	)
}

func (m *readMark) confirm(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.ConfirmRead{Field: m.Field})
}
