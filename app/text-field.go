package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// textField is a text input bound to a field of the state: it shows the
// draft typed into it, else the model's value, and says when the draft is
// wrong (aria-invalid, and the message's id in aria-describedby).
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
}

func (f *textField) Render() app.UI {
	return fieldInput(f.Field, f.Input, f.Label, f.Class, f.Number).
		Placeholder(f.Placeholder).Title(f.Title).ReadOnly(f.ReadOnly).Disabled(f.Disabled).
		OnInput(f.input).OnChange(f.done)
}

func (f *textField) input(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.Input{Field: f.Field, Text: ctx.JSSrc().Get("value").String()})
}

func (f *textField) done(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.InputDone{Field: f.Field})
}

// fieldInput is the input element of a field, without handlers.
func fieldInput(f state.Field, d state.Draft, label, class string, number bool) app.HTMLInput {
	id := f.ElementID()
	in := app.Input().Type("text").ID(id).Class("input "+class).Value(d.Text).Aria("label", label)
	if number {
		in = in.Class("input num-input "+class).Attr("inputmode", "decimal").AutoComplete(false)
	}
	var by []string
	if d.Read != "" {
		by = append(by, id+"-read")
	}
	if d.Mark != "" {
		by = append(by, id+"-mark")
	}
	if d.Err != "" {
		by = append(by, id+"-err")
		in = in.Aria("invalid", "true")
	}
	if by != nil {
		in = in.Aria("describedby", strings.Join(by, " "))
	}
	return in
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
