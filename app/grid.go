package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// largeGrid is the number of items above which rows off screen skip
// rendering (web/app.css, .grid-large): below it the whole grid is cheap
// to lay out, and every row is ready the moment it scrolls into view.
const largeGrid = 40

// grid is the comparison: items as rows, grouped as benefits and costs,
// scenarios as columns. Its head and rows are views the reducer replaces
// only when what they show changes, so an edit in one cell renders the
// grid's rows as pointer comparisons and that cell's row alone. Every
// action is a button or a field, so the whole grid works from the
// keyboard.
type grid struct {
	app.Compo
	Head   *state.GridHead
	Rows   []*state.Row
	Large  bool
	Ranges bool // the cells show their low/high fields
	Num    *browser.Numbers
}

func (g *grid) Render() app.UI {
	h := g.Head
	return app.Section().Class("grid-section card").Aria("labelledby", "grid-title").Body(
		app.Div().Class("section-head").Body(
			app.H2().ID("grid-title").Text("Items and scenarios"),
			app.Div().Class("section-actions").Body(
				&button{ID: "toggle-ranges", Class: "btn" + cls(" on", g.Ranges), Text: rangesLabel(g.Ranges),
					Title: "A low and a high estimate for each figure you are unsure of", Action: state.ToggleRanges{}},
				&button{ID: "add-scenario", Class: "btn", Disabled: len(h.Scenarios) >= calc.MaxScenarios,
					Text: "+ Add scenario", Action: state.AddScenario{}},
			),
		),
		app.P().Class("muted hint").Text(gridHint(h)),
		app.Div().Class("grid-wrap").Body(
			app.Table().ID("grid").Class("grid"+cls(" grid-large", g.Large)).Body(
				app.Caption().Class("sr-only").Text("Benefits and costs per scenario"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Class("col-item").Text("Item"),
					app.Th().Scope("col").Class("col-weight").Text("Weight"),
					app.Range(h.Scenarios).Slice(func(i int) app.UI { return scenarioHead(h, i) }),
				)),
				g.side(calc.SideBenefit),
				g.side(calc.SideCost),
			),
		),
	)
}

func rangesLabel(on bool) string {
	if on {
		return "Hide low/high"
	}
	return "Low/high"
}

func gridHint(h *state.GridHead) string {
	if h.Mode == calc.ModeMoney {
		return "Enter an amount or hours per scenario, paid or gained once, monthly or yearly. " +
			"A weight below 1 risk-adjusts an item (0.8 = expect 80 %); leave a cell empty when it does not apply."
	}
	return "Score each item from " + strconv.Itoa(h.Scale.Min) + " to " + strconv.Itoa(h.Scale.Max) +
		" per scenario; the weight says how much it matters (2 = twice as much). The first scenario is the baseline."
}

func scenarioHead(h *state.GridHead, i int) app.UI {
	s := h.Scenarios[i]
	f := state.ScenarioNameField(s.ID)
	only := len(h.Scenarios) == 1
	full := len(h.Scenarios) >= calc.MaxScenarios
	return app.Th().Scope("col").Class("col-scenario").DataSet("scenario", s.ID).Body(
		app.Div().Class("scenario-head").Body(
			app.Label().For(f.ElementID()).Class("sr-only").Text("Scenario name"),
			&textField{Field: f, Input: s.Input, Label: "Scenario name", Class: "scenario-name"},
			iff(i == 0, func() app.UI {
				return app.Span().Class("tag").Title("Deltas are shown against the baseline").Text("Baseline")
			}),
			fieldError(f, s.Input),
			app.Div().Class("row-actions").Body(
				iconButton("scenario-left-"+s.ID, "Move "+s.Name+" left", "◀", s.First, state.MoveScenario{ID: s.ID, By: -1}),
				iconButton("scenario-right-"+s.ID, "Move "+s.Name+" right", "▶", s.Last, state.MoveScenario{ID: s.ID, By: 1}),
				iconButton("scenario-dup-"+s.ID, "Duplicate "+s.Name, copyGlyph, full, state.DuplicateScenario{ID: s.ID}),
				iconButton("scenario-del-"+s.ID, "Delete "+s.Name, "✕", only, state.DeleteScenario{ID: s.ID}),
			),
		),
	)
}

func iconButton(id, label, glyph string, disabled bool, a state.Action) app.UI {
	return &button{ID: id, Class: "btn btn-icon", Label: label, Title: label, Icon: glyph, Disabled: disabled, Action: a}
}

func (g *grid) side(side calc.Side) app.UI {
	var rows []*state.Row
	for _, r := range g.Rows {
		if r.Item.Side == side {
			rows = append(rows, r)
		}
	}
	cols := 2 + len(g.Head.Scenarios)
	return app.TBody().Class("side side-"+string(side)).Body(
		app.Tr().Class("side-head").Body(
			app.Th().Scope("rowgroup").ColSpan(cols).Body(
				app.Div().Class("side-title").Body(
					app.H3().Text(sideLabel(side)),
					&button{ID: "add-" + string(side), Class: "btn btn-small", Disabled: g.Head.Items >= calc.MaxItems,
						Text: "+ Add " + string(side), Action: state.AddItem{Side: side}},
				),
			),
		),
		iff(len(rows) == 0, func() app.UI {
			return app.Tr().Class("empty").Body(app.Td().ColSpan(cols).Text(emptyText(side)))
		}),
		app.Range(rows).Slice(func(k int) app.UI { return &itemRow{Row: rows[k], Num: g.Num} }),
	)
}

func emptyText(side calc.Side) string {
	if side == calc.SideCost {
		return "No costs yet. Add what the customer gives up: money paid (financial), time, effort, stress (emotional) and risk."
	}
	return "No benefits yet. Add what the customer gains: performance (functional), peace of mind (emotional), reputation (social) and savings (monetary)."
}
