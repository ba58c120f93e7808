package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// gridHead is the grid's column heads: the scenarios' names, with their
// buttons. Its Head is a view the reducer replaces only when a scenario
// changes, so typing in a cell does not render the heads again.
type gridHead struct {
	app.Compo
	Head *state.GridHead
	Lang i18n.Lang
}

func (g *gridHead) Render() app.UI {
	h, l := g.Head, g.Lang
	return app.THead().Body(app.Tr().Body(
		app.Th().Scope("col").Class("col-item").Text(l.T(i18n.Item)),
		app.Th().Scope("col").Class("col-weight").Text(l.T(i18n.Weight)),
		app.Range(h.Scenarios).Slice(func(i int) app.UI { return scenarioHead(l, h, i) }),
	))
}

func scenarioHead(l i18n.Lang, h *state.GridHead, i int) app.UI {
	s := h.Scenarios[i]
	f := state.ScenarioNameField(s.ID)
	only := len(h.Scenarios) == 1
	full := len(h.Scenarios) >= calc.MaxScenarios
	return app.Th().Scope("col").Class("col-scenario").DataSet("scenario", s.ID).Body(
		app.Div().Class("scenario-head").Body(
			app.Label().For(f.ElementID()).Class("sr-only").Text(l.T(i18n.ScenarioName)),
			&textField{Field: f, Input: s.Input, Label: l.T(i18n.ScenarioName), Class: "scenario-name"},
			iff(i == 0, func() app.UI {
				return app.Span().Class("tag").Title(l.T(i18n.BaselineTitle)).Text(l.T(i18n.Baseline))
			}),
			fieldError(f, s.Input),
			app.Div().Class("row-actions").Body(
				iconButton("scenario-left-"+s.ID, l.T(i18n.MoveLeft, s.Name), "◀", s.First, state.MoveScenario{ID: s.ID, By: -1}),
				iconButton("scenario-right-"+s.ID, l.T(i18n.MoveRight, s.Name), "▶", s.Last, state.MoveScenario{ID: s.ID, By: 1}),
				iconButton("scenario-dup-"+s.ID, l.T(i18n.DuplicateNamed, s.Name), copyGlyph, full, state.DuplicateScenario{ID: s.ID}),
				iconButton("scenario-del-"+s.ID, l.T(i18n.DeleteNamed, s.Name), "✕", only, state.DeleteScenario{ID: s.ID}),
			),
		),
	)
}
