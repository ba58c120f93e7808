package state

import "github.com/valuecalc/valuecalc/calc"

// GridWindow is the part of the grid the app renders: the rows at
// display positions [First, First+Rows) (DisplayOrder: the benefits, then
// the costs, each side in the model's item order) and the scenario
// columns [FirstCol, FirstCol+Cols).
//
// Rows == 0 means every row and Cols == 0 every column, so the zero
// GridWindow is the whole grid: native tests, small models, the server's
// prerender. A window larger than the model, or past its end, shows what
// the model has: it is clamped when the grid is derived, not when it is
// set, so that a row added below the last one shows without a scroll.
type GridWindow struct{ First, Rows, FirstCol, Cols int }

// GridScrolled reports the part of the grid in view (with its margin),
// when the grid scrolls or resizes: see GridWindow. It is a view action:
// it never touches the document, its history, the dirty flag or saving.
type GridScrolled struct{ First, Rows, FirstCol, Cols int }

func (GridScrolled) Path() string { return "/grid/scrolled" }

// DisplayOrder returns the indexes of items in the order the grid shows
// them: the benefits, then the costs, each side in model order. The
// window's rows are positions in it; the app draws its sides from it.
func DisplayOrder(items []calc.Item) []int {
	out := make([]int, 0, len(items))
	for _, side := range []calc.Side{calc.SideBenefit, calc.SideCost} {
		for i, it := range items {
			if it.Side == side {
				out = append(out, i)
			}
		}
	}
	return out
}

// RowSpan is the span [lo, hi) of display positions the window shows of
// a grid of n rows.
func (w GridWindow) RowSpan(n int) (lo, hi int) { return span(w.First, w.Rows, n) }

// ColSpan is the span [lo, hi) of scenario columns the window shows of n.
func (w GridWindow) ColSpan(n int) (lo, hi int) { return span(w.FirstCol, w.Cols, n) }

// span is [first, first+count) clamped to [0, n); count 0 is all of it.
func span(first, count, n int) (lo, hi int) {
	if count <= 0 {
		return 0, n
	}
	lo = min(max(first, 0), n)
	return lo, min(lo+count, n)
}

// reduceWindow handles the grid's view actions, and reports whether a
// was one.
func (r *reducer) reduceWindow(a Action) bool {
	g, ok := a.(GridScrolled)
	if !ok {
		return false
	}
	m := r.Model()
	w := GridWindow{First: max(g.First, 0), Rows: max(g.Rows, 0), FirstCol: max(g.FirstCol, 0), Cols: max(g.Cols, 0)}
	// Clamped to the model: a window starts on a row and a column it has
	// (or at 0), whatever the scroll position reported.
	w.First = min(w.First, max(len(m.Items)-1, 0))
	w.FirstCol = min(w.FirstCol, max(len(m.Scenarios)-1, 0))
	if w.Rows == 0 {
		w.First = 0
	}
	if w.Cols == 0 {
		w.FirstCol = 0
	}
	r.Window = w
	return true
}
