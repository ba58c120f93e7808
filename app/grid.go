package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// largeGrid is the number of items above which rows off screen skip
// rendering (web/app.css, .grid-large): below it the whole grid is cheap
// to lay out, and every row is ready the moment it scrolls into view.
// It was 40; at 30 items with notes, as a real assessment has them, the
// keystroke's own frame (laying out and painting every row) made typing
// miss its 16 ms median, which the skipped rows bring back within it
// (docs/PERFORMANCE.md, sixth session). A grid larger than
// browser.WholeGrid is windowed instead: only the rows and columns near
// the screen are in the DOM (app/browser/window.go).
const largeGrid = 20

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
	Order  []int       // Rows' indexes in display order (state.Grid.Order)
	Items  []calc.Item // the model's, for the rows outside the window
	Window state.GridWindow
	Large  bool
	Ranges bool // the cells show their low/high fields
	Num    *browser.Numbers
	Lang   i18n.Lang
	// What a prerendered page leaves for app.wasm to show (firstGrid).
	MoreItems, MoreScenarios int
}

func (g *grid) Render() app.UI {
	h, l := g.Head, g.Lang
	return app.Section().Class("grid-section card").Aria("labelledby", "grid-title").Body(
		app.Div().Class("section-head").Body(
			app.H2().ID("grid-title").Text(l.T(i18n.ItemsAndScenarios)),
			app.Div().Class("section-actions").Body(
				&button{ID: "toggle-ranges", Class: "btn" + cls(" on", g.Ranges), Text: rangesLabel(l, g.Ranges),
					Title: l.T(i18n.RangesTitle), Action: state.ToggleRanges{}},
				&button{ID: "add-scenario", Class: "btn", Disabled: len(h.Scenarios) >= calc.MaxScenarios,
					Text: l.T(i18n.AddScenario), Action: state.AddScenario{}},
			),
		),
		app.P().Class("muted hint").Text(gridHint(l, h)),
		iff(g.windowed(), func() app.UI { return app.P().Class("muted print-only").Text(l.T(i18n.PrintGridUsesReport)) }),
		app.Div().Class("grid-wrap").Body(
			// data-items, data-scenarios and data-window tell the browser's
			// scroll watcher (app/browser/window.go) the grid's size and the
			// window it shows.
			app.Table().ID("grid").Class("grid"+cls(" grid-large", g.Large && !g.windowed())+cls(" grid-windowed", g.windowed())).
				DataSet("items", len(g.Items)).DataSet("scenarios", len(h.Scenarios)).
				DataSet("window", fmt.Sprintf("%d %d %d %d", g.Window.First, g.Window.Rows, g.Window.FirstCol, g.Window.Cols)).Body(
				append(append([]app.UI{
					app.Caption().Class("sr-only").Text(l.T(i18n.ByScenarioCaption)),
					&gridHead{Head: h, Lang: l},
				}, g.side(calc.SideBenefit)...), g.side(calc.SideCost)...)...,
			),
		),
		moreLater(l, i18n.MoreItemsLater, g.MoreItems, "more-items"),
		moreLater(l, i18n.MoreScenariosLater, g.MoreScenarios, "more-scenarios"),
	)
}

func rangesLabel(l i18n.Lang, on bool) string {
	if on {
		return l.T(i18n.HideLowHigh)
	}
	return l.T(i18n.LowHigh)
}

func gridHint(l i18n.Lang, h *state.GridHead) string {
	if h.Mode == calc.ModeMoney {
		return l.T(i18n.GridHintMoney)
	}
	return l.T(i18n.GridHintScore, h.Scale.Min, h.Scale.Max)
}

func iconButton(id, label, glyph string, disabled bool, a state.Action) app.UI {
	return &button{ID: id, Class: "btn btn-icon", Label: label, Title: label, Icon: glyph, Disabled: disabled, Action: a}
}

// windowed reports whether the grid shows a window of itself.
func (g *grid) windowed() bool { return g.Window != (state.GridWindow{}) }

// side is one side's rows, in display order: a tbody with the side's
// head, then its rows in runs of runLength, each run a tbody of its own (a
// rowRun component). A row outside the window is a gap of a row's height
// (web/app.css, .row-gap), so that the page scrolls as if every row were
// there; each row keeps its position among its run's children, so that
// go-app, which matches children by position, never gives a row's
// elements (and the focus in them) to another item when the window
// moves. The gap holds the item's name, hidden until the browser's
// find-in-page finds it: finding it scrolls there, and the window
// follows.
//
// The runs are what a keystroke costs: go-app renders the grid again
// whenever one row changes, and compares each child it renders with the
// one before. With every row and gap a child of the side, a keystroke at
// 1,000 items built and compared 1,000 rows and gaps; a run whose rows
// are the same pointers and whose gaps the same names is one comparison
// of its fields, and go-app skips it (docs/PERFORMANCE.md, "The windowed
// grid").
func (g *grid) side(side calc.Side) []app.UI {
	order := g.Order
	if len(order) != len(g.Rows) { // a grid not derived with its order: model order
		order = make([]int, len(g.Rows))
		for i := range order {
			order[i] = i
		}
	}
	var rows []int
	for _, i := range order {
		if i < len(g.Items) && g.Items[i].Side == side {
			rows = append(rows, i)
		}
	}
	cols := 2 + len(g.Head.Scenarios)
	out := []app.UI{app.TBody().Class("side side-"+string(side)).Body(
		app.Tr().Class("side-head").Body(
			app.Th().Scope("rowgroup").ColSpan(cols).Body(
				app.Div().Class("side-title").Body(
					app.H3().Text(sideLabel(g.Lang, side)),
					&button{ID: "add-" + string(side), Class: "btn btn-small", Disabled: g.Head.Items >= calc.MaxItems,
						Text: addLabel(g.Lang, side), Action: state.AddItem{Side: side}},
				),
			),
		),
		iff(len(rows) == 0, func() app.UI {
			return app.Tr().Class("empty").Body(app.Td().ColSpan(cols).Text(emptyText(g.Lang, side)))
		}),
	)}
	for start := 0; start < len(rows); start += runLength {
		run := &rowRun{Side: side, Cols: cols, Num: g.Num, Lang: g.Lang}
		for _, i := range rows[start:min(start+runLength, len(rows))] {
			r := g.Rows[i]
			run.Rows = append(run.Rows, r)
			name := ""
			if r == nil {
				name = g.Items[i].Name
			}
			run.Gaps = append(run.Gaps, name)
		}
		out = append(out, run)
	}
	return out
}

// runLength is how many consecutive rows of a side one rowRun holds.
const runLength = 25

// rowRun is a run of consecutive rows of one side, a tbody: go-app
// renders it again only when one of its rows is another view, or one of
// its gaps another name.
type rowRun struct {
	app.Compo
	Side calc.Side
	Rows []*state.Row // nil where the row is a gap
	Gaps []string     // the gaps' item names ("" where the row is rendered)
	Cols int
	Num  *browser.Numbers
	Lang i18n.Lang
}

func (r *rowRun) Render() app.UI {
	return app.TBody().Class("side-rows side-rows-" + string(r.Side)).Body(
		app.Range(r.Rows).Slice(func(k int) app.UI {
			if row := r.Rows[k]; row != nil {
				return &itemRow{Row: row, Num: r.Num, Lang: r.Lang}
			}
			return app.Tr().Class("row-gap").Body(
				app.Td().ColSpan(r.Cols).Body(app.Div().Attr("hidden", "until-found").Text(r.Gaps[k])),
			)
		}),
	)
}

func emptyText(l i18n.Lang, side calc.Side) string {
	if side == calc.SideCost {
		return l.T(i18n.NoCostsYet)
	}
	return l.T(i18n.NoBenefitsYet)
}

func addLabel(l i18n.Lang, side calc.Side) string {
	if side == calc.SideCost {
		return l.T(i18n.AddCost)
	}
	return l.T(i18n.AddBenefit)
}
