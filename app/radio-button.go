package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// radioButton is a button of a segmented control, or with Role
// "checkbox" a check box (its Action the one that toggles it).
type radioButton struct {
	app.Compo
	ID, Class, Text string
	Label, Role     string // aria-label, when not the text; "radio" when ""
	On              bool
	Action          state.Action
}

func (b *radioButton) Render() app.UI {
	role := b.Role
	if role == "" {
		role = "radio"
	}
	return app.Button().ID(b.ID).Class(b.Class).Attr("role", role).Aria("checked", strconv.FormatBool(b.On)).
		Aria("label", b.Label).OnClick(b.click).Text(b.Text)
}

func (b *radioButton) click(ctx app.Context, e app.Event) { browser.Send(ctx, b.Action) }
