package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
)

// radioButton is a button of a segmented control.
type radioButton struct {
	app.Compo
	ID, Class, Text string
	On              bool
	Action          state.Action
}

func (b *radioButton) Render() app.UI {
	return app.Button().ID(b.ID).Class(b.Class).Attr("role", "radio").Aria("checked", strconv.FormatBool(b.On)).
		OnClick(b.click).Text(b.Text)
}

func (b *radioButton) click(ctx app.Context, e app.Event) { browser.Send(ctx, b.Action) }
