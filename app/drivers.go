package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// driverCol is a driver's field as the panel shows it: the field, its
// head, its placeholder and its class ("d-unit").
type driverCol struct {
	kind       state.FieldKind
	head, hint i18n.Key
	class      string
	number     bool
}

// driverCols are a driver's fields in the panel's order. The last, the
// note (help for the visitor), shows only when the visitor is asked.
var driverCols = [...]driverCol{
	{state.FieldDriverName, i18n.DriverNameHead, 0, "d-name", false},
	{state.FieldDriverValue, i18n.DriverValueHead, 0, "d-value", true},
	{state.FieldDriverUnit, i18n.DriverUnitHead, i18n.DriverUnitPlaceholder, "d-unit", false},
	{state.FieldDriverLow, i18n.DriverLowHead, 0, "d-low", true},
	{state.FieldDriverHigh, i18n.DriverHighHead, 0, "d-high", true},
	{state.FieldDriverSource, i18n.DriverSourceHead, i18n.DriverSourcePlaceholder, "d-source", false},
	{state.FieldDriverNote, i18n.DriverNoteHead, i18n.DriverNoteHead, "d-note", false},
}

// drivers is "Your numbers", the customer's own quantities that entries
// are priced per (SPEC §2.1), above the grid. A score model ignores them
// but keeps them: it says so in a line, and shows no panel to edit what
// nothing uses.
func drivers(v view) app.UI {
	m, l := v.model(), v.lang()
	if m.Mode != calc.ModeMoney {
		return app.P().ID("drivers-kept").Class("muted hint").Text(l.N(i18n.DriversKept, len(m.Drivers)))
	}
	rows := v.st.DriverRows()
	heads := make([]app.UI, len(driverCols)-1)
	for i := range heads {
		heads[i] = app.Span().Text(l.T(driverCols[i].head))
	}
	return app.Section().ID("drivers").Class("drivers card").Aria("labelledby", "drivers-title").Body(
		app.Div().Class("section-head").Body(
			app.H2().ID("drivers-title").Text(l.T(i18n.DriversTitle)),
			&button{ID: "add-driver", Class: "btn", Disabled: len(rows) >= calc.MaxDrivers, Text: l.T(i18n.AddDriver), Action: state.AddDriver{}},
		),
		iff(len(rows) == 0, func() app.UI {
			return app.P().ID("drivers-empty").Class("muted hint").Text(l.T(i18n.DriversEmpty))
		}),
		iff(len(rows) > 0, func() app.UI {
			return app.Div().Class("driver-row driver-head").Aria("hidden", "true").Body(heads...)
		}),
		app.Ul().Class("driver-list").Body(
			app.Range(rows).Slice(func(i int) app.UI { return driverRow(l, &rows[i]) }),
		),
	)
}

// driverActs are the buttons of a driver's row: its label, glyph and
// id's start.
var driverActs = [...]struct {
	label     i18n.Key
	glyph, id string
}{{i18n.MoveUp, "▲", "driver-up-"}, {i18n.MoveDown, "▼", "driver-down-"}, {i18n.DeleteNamed, "✕", "driver-del-"}}

// driverRow is one driver of the panel. It is made of components whose
// handlers read what they show when the event fires (GOAPP-NOTES.md):
// fields, buttons, and a check box for asking the visitor.
func driverRow(l i18n.Lang, r *state.DriverRow) app.UI {
	d := &r.Driver
	n := len(driverCols)
	if !d.Ask {
		n-- // no note: nothing asks
	}
	cells := make([]app.UI, n+2)
	for i := range n {
		cells[i] = driverCell(l, r, &driverCols[i])
	}
	ask := l.T(i18n.DriverAskHead)
	cells[n] = &radioButton{ID: "f-driver-" + d.ID + "-ask", Class: "d-ask", Role: "checkbox", On: d.Ask,
		Text: ask, Label: d.Name + ": " + ask, Action: state.SetDriverAsk{ID: d.ID, Ask: !d.Ask}}
	acts := [len(driverActs)]state.Action{state.MoveDriver{ID: d.ID, By: -1}, state.MoveDriver{ID: d.ID, By: 1}, state.DeleteDriver{ID: d.ID}}
	btns := make([]app.UI, len(acts))
	for i, a := range driverActs {
		label := l.T(a.label, d.Name)
		btns[i] = &button{ID: a.id + d.ID, Class: "btn btn-icon", Label: label, Title: label, Icon: a.glyph,
			Disabled: i == 0 && r.First || i == 1 && r.Last, Action: acts[i]}
	}
	cells[n+1] = app.Div().Class("row-actions").Body(btns...)
	return app.Li().Class("driver-row").DataSet("driver", d.ID).Body(cells...)
}

// driverCell is field c of the driver of row r, with its message. Each
// field says whose it is: "Support agents: Unit".
func driverCell(l i18n.Lang, r *state.DriverRow, c *driverCol) app.UI {
	f, in := state.DriverField(c.kind, r.Driver.ID), r.Fields[c.kind-state.FieldDriverName]
	head := l.T(c.head)
	label := r.Driver.Name + ": " + head
	if c.kind == state.FieldDriverName {
		label = head
	}
	return app.Div().Class("driver-cell "+c.class).DataSet("label", head).Body(
		&textField{Field: f, Input: in, Label: label, Class: "d-input", Number: c.number, Placeholder: l.T(c.hint)},
		fieldError(f, in),
	)
}
