package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// A page the build prerenders shows what fits a first screen, not the
// whole model: a deployer's template may have 1,000 items in 50
// scenarios (SPEC allows it), whose whole grid made 55 MB pages that
// took a quarter of an hour to build (docs/PERFORMANCE.md). app.wasm
// renders everything once it runs; until then the visitor reads the
// answer and the first rows, and a line says how many more will show.
// The caps apply only to a render root.OnPreRender asked for (view.pre),
// which runs on the server alone, never in the browser.
const (
	firstRows      = 8  // of each side of the grid
	firstScenarios = 6  // columns of the grid
	firstQuestions = 12 // of the visitor's questionnaire
)

// firstOf is how many of n things a page shows: all in the browser, at
// most max in a prerendered page.
func (v view) firstOf(n, max int) int {
	if v.pre && n > max {
		return max
	}
	return n
}

// firstGrid is the grid as a prerendered page shows it: the first
// scenarios' columns and the first rows of each side. It is the whole
// grid in the browser.
func (v view) firstGrid(head *state.GridHead, rows []*state.Row) *grid {
	st := v.st
	g := &grid{Head: head, Rows: rows, Order: st.Grid.Order, Items: v.model().Items, Window: st.Window,
		Large: len(rows) > largeGrid, Ranges: st.ShowRanges, Num: v.n, Lang: st.Lang}
	if !v.pre {
		return g
	}
	cols := v.firstOf(len(head.Scenarios), firstScenarios)
	h := *head
	h.Scenarios = head.Scenarios[:cols]
	var shown []*state.Row
	per := map[bool]int{}
	for _, r := range rows {
		if r == nil {
			continue
		}
		benefit := r.Item.Side == calc.SideBenefit
		if per[benefit] >= firstRows {
			continue
		}
		per[benefit]++
		c := *r
		c.Cells = r.Cells[:min(cols, len(r.Cells))]
		shown = append(shown, &c)
	}
	g.Head, g.Rows, g.Order, g.Window = &h, shown, nil, state.GridWindow{}
	g.Items = make([]calc.Item, len(shown))
	for i, r := range shown {
		g.Items[i] = r.Item
	}
	g.MoreItems, g.MoreScenarios = len(rows)-len(shown), len(head.Scenarios)-cols
	return g
}

// moreLater says how many things of what kind a prerendered page leaves
// for app.wasm to show; nothing when it shows them all.
func moreLater(l i18n.Lang, k i18n.Key, n int, id string) app.UI {
	return iff(n > 0, func() app.UI {
		return app.P().ID(id).Class("muted more-later").Text(l.N(k, n))
	})
}

// firstCharts are the charts, which a prerendered page leaves out when the
// model has more scenarios than it shows: each chart draws them all, and
// they are below the first screen.
func (v view) firstCharts() app.UI {
	return iff(v.firstOf(len(v.st.Charted.Scenarios), firstScenarios) == len(v.st.Charted.Scenarios), func() app.UI { return charts(v) })
}
