package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// Controls that send actions are components whose handlers are methods
// reading the component's own fields when the event fires. go-app keeps
// an element's old handler when the new one comes from the same function
// literal (it compares code pointers), so a closure over "which item"
// would go on acting on the item that used to be at that place after a
// reorder or a deletion; a component is updated in place, and its
// method reads what it shows now. TestActionsFollowTheirRow (e2e)
// holds this.

// button is a button that sends Action when clicked.
type button struct {
	app.Compo
	ID, Class, Text string
	Label, Title    string // aria-label and tooltip, when not the text
	Action          state.Action
	Disabled        bool
	AutoFocus       bool
	Dialog          bool // opens a dialog (aria-haspopup)
	Icon            string
	Controls        string // the id of what it shows or hides (aria-controls), with Expanded
	Expanded        bool
}

func (b *button) Render() app.UI {
	el := app.Button().ID(b.ID).Class(b.Class).Disabled(b.Disabled).OnClick(b.click)
	if b.Label != "" {
		el = el.Aria("label", b.Label)
	}
	if b.Title != "" {
		el = el.Title(b.Title)
	}
	if b.AutoFocus {
		el = el.AutoFocus(true)
	}
	if b.Dialog {
		el = el.Aria("haspopup", "dialog")
	}
	if b.Controls != "" {
		el = el.Aria("controls", b.Controls).Aria("expanded", strconv.FormatBool(b.Expanded))
	}
	switch {
	case b.Icon == copyGlyph:
		return el.Body(copyIcon())
	case b.Icon != "":
		return el.Body(app.Span().Aria("hidden", "true").Text(b.Icon))
	}
	return el.Text(b.Text)
}

func (b *button) click(ctx app.Context, e app.Event) { browser.Send(ctx, b.Action) }

// copyGlyph asks a button for the duplicate icon, drawn in SVG: no font
// on every device has a "copy" glyph.
const copyGlyph = "copy"

func copyIcon() app.UI {
	return svg("svg").Attr("viewBox", "0 0 16 16").Aria("hidden", "true").Attr("focusable", "false").Body(
		svg("rect").Attr("x", "5.5").Attr("y", "1.5").Attr("width", "9").Attr("height", "9").Attr("rx", "1.5").
			Attr("fill", "none").Attr("stroke", "currentColor").Attr("stroke-width", "1.5"),
		svg("path").Attr("d", "M3.5 5.5h-1a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h7a1 1 0 0 0 1-1v-1").
			Attr("fill", "none").Attr("stroke", "currentColor").Attr("stroke-width", "1.5"),
	)
}
