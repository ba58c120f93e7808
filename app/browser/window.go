package browser

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
)

// WholeGrid is the most cells a grid renders whole; a larger one renders
// a window of itself: the rows and columns near the screen. At 200 items
// × 5 scenarios (1,000 cells) typing meets its budget with every row in
// the DOM (docs/PERFORMANCE.md), and find-in-page then finds every name;
// at 500 × 20 a keystroke took 0.6 s and at 1,000 × 50 4 s.
const (
	WholeGrid     = 1000
	wholeGridRows = 200
)

// Windowed reports whether a grid of items × scenarios renders a window
// of itself rather than every cell.
func Windowed(items, scenarios int) bool {
	return items > wholeGridRows || items*scenarios > WholeGrid
}

// The window's margins, in screens: the window reaches margin screens
// beyond the screen on each side, and moves when less than moveAt of a
// screen is left, so that scrolling by less than about a screen dispatches
// nothing.
//
// Sideways the margin is a screen (colMargin): a column is several
// rows' worth of cells, and Tab or a scroll moves by one column at a
// time.
const (
	margin    = 1.5
	colMargin = 1.0
	moveAt    = 0.5
	// Guesses for the first window, before any row is measured: a row of
	// the table, a scenario's column, and (narrow screens, where the grid
	// is a list) a scenario's line in a row.
	rowGuessPx, colGuessPx, lineGuessPx = 64, 180, 44
	listWidth                           = 640 // web/app.css: the grid is a list at or below it
)

// FirstWindow is the grid's first window for a model of items ×
// scenarios: its first screens, from the top, so that a large model opens
// at once; the whole grid for a small one.
func FirstWindow(items, scenarios int) state.GridScrolled {
	if !Windowed(items, scenarios) {
		return state.GridScrolled{}
	}
	win := app.Window()
	h, w := win.Get("innerHeight").Float(), win.Get("innerWidth").Float()
	rowPx, cols := float64(rowGuessPx), 0
	if w <= listWidth {
		rowPx = 60 + lineGuessPx*float64(scenarios) // every scenario's line
	} else {
		cols = int(math.Ceil(w/colGuessPx*(1+colMargin))) + 1
	}
	rows := int(math.Ceil(h/rowPx*(1+margin))) + 2
	return state.GridScrolled{Rows: rows, Cols: cols}
}

// watchGrid moves the grid's window with the screen: on scrolling (of
// the page, vertically; of .grid-wrap, horizontally), resizing and focus
// moving, once per animation frame, it works out the rows and columns on
// screen and sends GridScrolled when the window no longer holds them with
// a margin. The listeners are passive: they never delay scrolling.
func (b *Browser) watchGrid() {
	win := app.Window()
	doc := win.Get("document")
	queued := false
	var frame app.Func
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		queued = false
		b.checkWindow(doc)
		return nil
	})
	schedule := func(app.Value) {
		if !queued {
			queued = true
			win.Call("requestAnimationFrame", frame)
		}
	}
	opts := map[string]any{"passive": true, "capture": true}
	// Scroll events do not bubble: captured on the document, they come
	// from the page and from .grid-wrap alike.
	b.addListenerWith(doc, "scroll", opts, schedule)
	b.addListenerWith(win, "resize", opts, schedule)
	// Focus moving into the grid is checked at once, not a frame later:
	// a field focused near the window's edge brings the next rows and
	// columns before the next key (Tab) can look for them.
	b.addListenerWith(doc, "focusin", opts, func(app.Value) { b.checkWindow(doc) })
	// A model loaded, a row opened or added: the grid's size changes.
	ro := win.Get("ResizeObserver")
	if ro.Truthy() {
		f := app.FuncOf(func(app.Value, []app.Value) any { schedule(nil); return nil })
		obs := ro.New(f)
		observed := app.Value(nil)
		// The grid is re-created when the page changes (report, editor):
		// observe the one there is at each check.
		b.observeGrid = func(grid app.Value) {
			if observed != nil && observed.Equal(grid) {
				return
			}
			obs.Call("disconnect")
			obs.Call("observe", grid)
			observed = grid
		}
		b.release = append(b.release, func() { obs.Call("disconnect"); f.Release() })
	}
	b.release = append(b.release, frame.Release)
	schedule(nil)
}

// addListenerWith is addListener with the listener's options.
func (b *Browser) addListenerWith(target app.Value, event string, opts map[string]any, fn func(ev app.Value)) {
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		fn(args[0])
		return nil
	})
	target.Call("addEventListener", event, f, opts)
	b.release = append(b.release, func() {
		target.Call("removeEventListener", event, f, opts)
		f.Release()
	})
}

// checkWindow sends the window the grid should show, when it is not the
// one it shows (nor the one last sent, which may not be rendered yet).
func (b *Browser) checkWindow(doc app.Value) {
	grid := doc.Call("getElementById", "grid")
	if !grid.Truthy() {
		return
	}
	if b.observeGrid != nil {
		b.observeGrid(grid)
	}
	items := atoi(grid.Call("getAttribute", "data-items"))
	scenarios := atoi(grid.Call("getAttribute", "data-scenarios"))
	shown := parseWindow(grid.Call("getAttribute", "data-window"))
	want := shown
	if !Windowed(items, scenarios) {
		want = state.GridWindow{}
	} else {
		want.First, want.Rows = b.rowWindow(grid, shown, items)
		want.FirstCol, want.Cols = b.colWindow(grid, shown, scenarios)
	}
	if want == shown || want == b.sentWindow && b.sentFor == shown {
		return
	}
	b.sentWindow, b.sentFor = want, shown
	b.send(state.GridScrolled{First: want.First, Rows: want.Rows, FirstCol: want.FirstCol, Cols: want.Cols})
}

// rowWindow is the rows the window should hold: shown's, while they hold
// the rows on screen with at least moveAt of a screen to spare on each
// side (or the grid's end); else the rows on screen with margin screens
// on each side. It also sets the height a row outside the window takes
// (--row-h) to the rendered rows' average.
func (b *Browser) rowWindow(grid app.Value, shown state.GridWindow, n int) (first, count int) {
	rows := grid.Call("querySelectorAll", "tr.item-row, tr.row-gap")
	if got := rows.Length(); got < n {
		n = got
	}
	if n == 0 {
		return 0, 1
	}
	rowH := measureRows(grid)
	h := app.Window().Get("innerHeight").Float()
	top := func(i int) float64 { return rows.Index(i).Call("getBoundingClientRect").Get("top").Float() }
	bottom := func(i int) float64 { return rows.Index(i).Call("getBoundingClientRect").Get("bottom").Float() }
	// The first row whose bottom is below the screen's top, and the last
	// whose top is above its bottom.
	lo := search(n, func(i int) bool { return bottom(i) > 0 })
	hi := search(n, func(i int) bool { return top(i) >= h }) - 1
	if lo >= n { // the grid is above the screen
		lo, hi = n-1, n-1
	}
	if hi < lo { // below the screen, or between two rows
		hi = lo
	}
	// A screen's rows, whether the grid fills the screen or not (the
	// first screens, where the grid starts below the totals).
	screen := max(hi-lo+1, int(math.Ceil(h/rowH)))
	keep := int(math.Ceil(float64(screen) * moveAt))
	m := int(math.Ceil(float64(screen) * margin))
	f, c := shown.RowSpan(n)
	if shown.Rows > 0 && (lo-f >= keep || f == 0) && (c-1-hi >= keep || c == n) && lo >= f && hi < c && !oversize(c-f, screen+2*m) {
		return shown.First, shown.Rows
	}
	first = max(0, lo-m)
	last := min(n, hi+1+m)
	// The row being typed in stays, when it is near: a window that lost
	// it would send the focus to the page.
	if i := focusedIndex(grid, rows); i >= 0 && i < first && first-i < 4*screen {
		first = i
	} else if i >= last && i-last < 4*screen {
		last = i + 1
	}
	return first, last - first
}

// colWindow is rowWindow for the scenario columns, against .grid-wrap's
// scroll; every column (0, 0) where the grid is a list.
func (b *Browser) colWindow(grid app.Value, shown state.GridWindow, n int) (first, count int) {
	win := app.Window()
	if win.Get("innerWidth").Float() <= listWidth || n == 0 {
		return 0, 0
	}
	heads := grid.Call("querySelectorAll", "thead th.col-scenario")
	if got := heads.Length(); got < n {
		n = got
	}
	if n == 0 {
		return 0, 0
	}
	wrap := grid.Get("parentElement").Call("getBoundingClientRect")
	left := wrap.Get("left").Float()
	right := min(wrap.Get("right").Float(), win.Get("innerWidth").Float())
	// What the sticky item column covers is not on screen.
	if item := grid.Call("querySelector", "thead th.col-item"); item.Truthy() {
		left = max(left, item.Call("getBoundingClientRect").Get("right").Float())
	}
	rect := func(i int) app.Value { return heads.Index(i).Call("getBoundingClientRect") }
	lo := search(n, func(i int) bool { return rect(i).Get("right").Float() > left })
	hi := search(n, func(i int) bool { return rect(i).Get("left").Float() >= right }) - 1
	if lo >= n {
		lo = n - 1
	}
	if hi < lo {
		hi = lo
	}
	colW := (rect(n-1).Get("right").Float() - rect(0).Get("left").Float()) / float64(n)
	screen := max(hi-lo+1, int(math.Ceil((right-left)/max(colW, 1))))
	keep := int(math.Ceil(float64(screen) * moveAt))
	m := int(math.Ceil(float64(screen)*colMargin)) + 1
	f, c := shown.ColSpan(n)
	if shown.Cols > 0 && (lo-f >= keep || f == 0) && (c-1-hi >= keep || c == n) && lo >= f && hi < c && !oversize(c-f, screen+2*m) {
		return shown.FirstCol, shown.Cols
	}
	first = max(0, lo-m)
	last := min(n, hi+1+m)
	return first, last - first
}

// oversize reports whether a window of shown rows or columns is much
// larger than the want it would be if made now: the first window's
// guess of a row's height (FirstWindow) was too small.
func oversize(shown, want int) bool { return shown > want*3/2 }

// measureRows sets the height of a row outside the window (--row-h on the
// grid) to the median height of the rendered rows that are closed, when
// it differs by a pixel or more, and returns it.
func measureRows(grid app.Value) float64 {
	rows := grid.Call("querySelectorAll", "tr.item-row:not(.open)")
	n := rows.Length()
	if n == 0 {
		return rowGuessPx
	}
	// The median of a sample: closed rows are alike, and the one row that
	// shows a hint or a message must not move the others' height (setting
	// --row-h restyles the whole grid).
	step := max(1, n/16)
	var hs []float64
	for i := 0; i < n; i += step {
		hs = append(hs, rows.Index(i).Call("getBoundingClientRect").Get("height").Float())
	}
	slices.Sort(hs)
	avg := hs[len(hs)/2]
	style := grid.Get("style")
	old, err := strconv.ParseFloat(strings.TrimSuffix(style.Call("getPropertyValue", "--row-h").String(), "px"), 64)
	if err != nil || math.Abs(old-avg) >= 1 {
		style.Call("setProperty", "--row-h", strconv.FormatFloat(avg, 'f', 1, 64)+"px")
	}
	return max(avg, 1)
}

// focusedIndex is the display position of the row that holds the focus,
// or -1.
func focusedIndex(grid app.Value, rows app.Value) int {
	el := app.Window().Get("document").Get("activeElement")
	if !el.Truthy() || !grid.Call("contains", el).Bool() {
		return -1
	}
	tr := el.Call("closest", "tr.item-row")
	if !tr.Truthy() {
		return -1
	}
	// The row is on or near the screen: look there first.
	for i, n := 0, rows.Length(); i < n; i++ {
		if rows.Index(i).Equal(tr) {
			return i
		}
	}
	return -1
}

// search is the smallest i in [0, n) for which ok is true (ok false then
// true over [0, n)), or n.
func search(n int, ok func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if !ok(mid) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func atoi(v app.Value) int {
	if v.Type() != app.TypeString {
		return 0
	}
	n, _ := strconv.Atoi(v.String())
	return n
}

// parseWindow reads the grid's data-window, "First Rows FirstCol Cols".
func parseWindow(v app.Value) state.GridWindow {
	var w state.GridWindow
	if v.Type() != app.TypeString {
		return w
	}
	f := strings.Fields(v.String())
	if len(f) != 4 {
		return w
	}
	n := func(s string) int { x, _ := strconv.Atoi(s); return x }
	return state.GridWindow{First: n(f[0]), Rows: n(f[1]), FirstCol: n(f[2]), Cols: n(f[3])}
}
