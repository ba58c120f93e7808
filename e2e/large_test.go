//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// bigModel is a money model of n items (benefits and costs in turn) in s
// scenarios, every cell filled.
func bigModel(n, s int) calc.Model {
	m := calc.NewModel()
	m.Title = fmt.Sprintf("Big case %d × %d", n, s)
	m.Mode = calc.ModeMoney
	m.HourlyRate = 60
	pers := []calc.Per{calc.PerOnce, calc.PerMonth, calc.PerYear}
	for i := range n {
		it := calc.Item{ID: fmt.Sprintf("b%d", i), Name: fmt.Sprintf("Benefit %d", i), Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1}
		if i%2 == 1 {
			it.ID, it.Name, it.Side, it.Type = fmt.Sprintf("c%d", i), fmt.Sprintf("Cost %d", i), calc.SideCost, calc.TypeFinancial
		}
		m.Items = append(m.Items, it)
	}
	m.Scenarios = nil
	for j := range s {
		sc := calc.Scenario{ID: fmt.Sprintf("s%d", j+1), Name: fmt.Sprintf("Option %d", j+1), Entries: make([]*calc.Entry, len(m.Items))}
		for i := range m.Items {
			sc.Entries[i] = &calc.Entry{Amount: calc.Float(float64(10 * (1 + (i*7+j*13)%97))), Per: pers[(i+j)%3]}
		}
		m.Scenarios = append(m.Scenarios, sc)
	}
	return m
}

// contentVisibility is the computed content-visibility of the first
// item's main column.
func contentVisibility(t *testing.T, ctx context.Context) string {
	t.Helper()
	var v string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`getComputedStyle(document.querySelector(".item-main")).contentVisibility`, &v)))
	return v
}

// waitClickable waits until a click at the centre of the element with id
// lands on it. Rows skipped by content-visibility render a frame after
// they scroll into view, and until then the click would land on the
// row's placeholder, which a user, whose scrolling takes many frames,
// never meets.
func waitClickable(id string) chromedp.Action {
	return waitJS(fmt.Sprintf(`(() => {
		const el = document.getElementById(%q);
		if (!el) return false;
		const r = el.getBoundingClientRect();
		const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return !!at && el.contains(at);
	})()`, id))
}

// openCopy opens m by its share link and saves a copy: the user's own
// model, in the editor.
func openCopy(t *testing.T, ctx context.Context, m calc.Model) {
	t.Helper()
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	openFresh(t, ctx, baseURL+"/?view=editor#"+fragment)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#save-copy", chromedp.ByQuery),
		chromedp.WaitNotPresent("#shared-banner", chromedp.ByQuery),
	))
}

// TestLargeModel: in a 200-item grid, whose rows off screen skip rendering
// until they come near, a row far down the page still works as a user
// finds it: scrolled to, its Delete button deletes it, typing in its cell
// updates the totals, and Tab reaches its fields. A small grid renders
// every row.
func TestLargeModel(t *testing.T) {
	ctx := newBrowserFor(t, 3*time.Minute)
	m := bigModel(200, 5)
	openCopy(t, ctx, m)
	assert.Equal(t, "auto", contentVisibility(t, ctx), "a large grid skips rows off screen")
	checkResults(t, ctx, m)

	// Delete a row far down: scrolled into view first, as a user would.
	far := m.Items[170].ID
	require.NoError(t, chromedp.Run(ctx,
		chromedp.ScrollIntoView("#item-del-"+far, chromedp.ByQuery),
		waitClickable("item-del-"+far),
		chromedp.Click("#item-del-"+far, chromedp.ByQuery),
		waitJS(fmt.Sprintf(`!document.getElementById(%q)`, fid("item/"+far+"/name"))),
	))
	i := m.ItemIndex(far)
	m.Items = slices.Delete(m.Items, i, i+1)
	for j := range m.Scenarios {
		m.Scenarios[j].Entries = slices.Delete(m.Scenarios[j].Entries, i, i+1)
	}
	checkResults(t, ctx, m)

	// Type into a cell of another far row, focused from the keyboard side
	// (no scrolling first): the totals follow.
	cell := m.Items[190].ID
	setAmount(&m, "s3", cell, 4321)
	require.NoError(t, chromedp.Run(ctx, typeInto(fid("entry/s3/"+cell), "4321")))
	checkResults(t, ctx, m)

	// Tab from that cell reaches the next field of the same row.
	var focused string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.KeyEvent("\t"),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
	))
	assert.Equal(t, fid("entry/s3/"+cell)+"-per", focused)

	// A small model: every row rendered.
	openFresh(t, ctx, baseURL+"/?template=software-purchase")
	assert.Equal(t, "visible", contentVisibility(t, ctx))
}

// TestRowEdits: an edit inside a row renders that row alone, and the rest
// of the grid is left as it is. What comes after must still reach every
// row: undo and redo take the edited row back and forth, and a renamed
// scenario and a new currency show in every row.
func TestRowEdits(t *testing.T) {
	ctx := newBrowser(t)
	orig := template(t, "software-purchase")
	openApp(t, ctx, "/?template=software-purchase")
	checkResults(t, ctx, orig)
	it := orig.Items[0]
	field := fid("item/" + it.ID + "/weight")
	before := valueOf(t, ctx, field)

	// Type a weight and leave the field: the row shows the model's value.
	m := orig
	m.Items = slices.Clone(orig.Items)
	m.Items[0].Weight = 0.5
	require.NoError(t, chromedp.Run(ctx, typeInto(field, "0.5"), chromedp.Blur("#"+field, chromedp.ByQuery)))
	checkResults(t, ctx, m)
	after := valueOf(t, ctx, field)
	require.NotEqual(t, before, after)

	// Undo and redo render the whole grid again, and the row with it:
	// after the undo it shows what it showed before the edit.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#undo", chromedp.ByQuery),
		waitJS(fmt.Sprintf(`document.getElementById(%q).value === %q`, field, before)),
	))
	checkResults(t, ctx, orig)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#redo", chromedp.ByQuery),
		waitJS(fmt.Sprintf(`document.getElementById(%q).value === %q`, field, after)),
	))
	checkResults(t, ctx, m)

	// A renamed scenario names every row's cell of it.
	s := m.Scenarios[len(m.Scenarios)-1].ID
	require.NoError(t, chromedp.Run(ctx,
		typeInto(fid("scenario/"+s+"/name"), "Renamed option"),
		waitJS(fmt.Sprintf(`(() => {
			const cells = [...document.querySelectorAll('td.cell[data-scenario=%q] input.money-input')];
			return cells.length === %d && cells.every(c => c.getAttribute("aria-label").endsWith(" in Renamed option"));
		})()`, s, len(m.Items))),
	))

	// A new currency reaches every row's recurrence choices.
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-currency", "CHF"),
		waitJS(fmt.Sprintf(`(() => {
			const sel = [...document.querySelectorAll('select.per-select')];
			return sel.length === %d && sel.every(s => s.options[0].label === "CHF once");
		})()`, len(m.Items)*len(m.Scenarios))),
	))
}

// domNodes counts every node of the document (elements, text, comments),
// as the 2.64 million did.
const domNodes = `(() => { const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); let n = 1; while (w.nextNode()) n++; return n })()`

// shownWindow is the grid's window as it renders it (data-window).
func shownWindow(t *testing.T, ctx context.Context) string {
	t.Helper()
	var w string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("grid").dataset.window`, &w)))
	return w
}

// focusedID is the id of the focused element ("" for the body).
func focusedID(t *testing.T, ctx context.Context) string {
	t.Helper()
	var id string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.activeElement ? document.activeElement.id : ""`, &id)))
	return id
}

// TestWindowedGrid: a 1,000-item × 50-scenario model opens with at most
// 20,000 nodes in the page, because the grid renders only the rows and
// columns near the screen. A user scrolls to the bottom and edits a cell
// there, tabs across the window's edges (to the next scenario's cell, to
// the next row) without losing the focus, and scrolls sideways to the
// last scenario and edits it: each cell shows what was typed and the
// totals follow.
func TestWindowedGrid(t *testing.T) {
	ctx := newBrowserFor(t, 6*time.Minute)
	m := bigModel(1000, 50)
	openCopy(t, ctx, m)
	first := fid("entry/s1/" + m.Items[0].ID)
	require.NoError(t, chromedp.Run(ctx, waitJSFor(time.Minute, fmt.Sprintf(`(() => { const el = document.getElementById(%q); return !!el && !el.disabled })()`, first))))
	checkResults(t, ctx, m)

	nodes := func(where string) {
		t.Helper()
		var n int
		require.NoError(t, chromedp.Run(ctx, chromedp.Sleep(300*time.Millisecond), chromedp.Evaluate(domNodes, &n)))
		t.Logf("%s: %d DOM nodes, window %s", where, n, shownWindow(t, ctx))
		assert.LessOrEqual(t, n, 20000, "DOM nodes %s", where)
	}
	nodes("opened")
	var rows, gaps int
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelectorAll("#grid tr.item-row").length`, &rows),
		chromedp.Evaluate(`document.querySelectorAll("#grid tr.row-gap").length`, &gaps),
	))
	assert.Less(t, rows, 200, "rows rendered")
	assert.Equal(t, len(m.Items), rows+gaps, "every item has its row or its gap")

	// The scroll height is every row's: the grid's last row, a gap until
	// scrolled to, is where the last item shows once the window follows.
	last := m.Items[len(m.Items)-1] // a cost: the costs show last
	lastCell := fid("entry/s2/" + last.ID)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`[...document.querySelectorAll("#grid tr.item-row, #grid tr.row-gap")].pop().scrollIntoView({block: "end"}); true`, nil),
		waitJSFor(30*time.Second, fmt.Sprintf(`(() => { const el = document.getElementById(%q); if (!el) return false;
			const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight })()`, lastCell)),
	))
	nodes("at the bottom")
	setAmount(&m, "s2", last.ID, 4321)
	require.NoError(t, chromedp.Run(ctx,
		typeInto(lastCell, "4321"),
		waitJS(fmt.Sprintf(`document.getElementById(%q).value === "4321"`, lastCell)),
	))
	checkResults(t, ctx, m)

	// Tab from a row's last rendered cell, below the screen: the focus
	// brings the row on screen, the window follows it, and Tab reaches the
	// next scenario's cell, never the page.
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`window.scrollTo(0, 0); true`, nil),
		waitJSFor(30*time.Second, fmt.Sprintf(`!!document.getElementById(%q)`, first))))
	var edge struct {
		Item     string `json:"item"`
		Scenario string `json:"scenario"`
	}
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const rows = document.querySelectorAll("#grid tr.item-row");
		const row = rows[rows.length - 1];
		const cells = row.querySelectorAll("td.cell");
		return {item: row.dataset.item, scenario: cells[cells.length - 1].dataset.scenario};
	})()`, &edge)))
	k := m.ScenarioIndex(edge.Scenario)
	require.Less(t, k, len(m.Scenarios)-1, "the window shows some of the scenarios")
	override := fid("entry/"+edge.Scenario+"/"+edge.Item) + "-weight"
	next := fid("entry/" + m.Scenarios[k+1].ID + "/" + edge.Item)
	var there bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`!!document.getElementById(%q)`, next), &there)))
	require.False(t, there, "the next scenario's cell is outside the window before the focus moves")
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).focus(); true`, override), nil),
		// The window moves with the focus within a frame: a user's next
		// key comes after it.
		waitJS(fmt.Sprintf(`!!document.getElementById(%q)`, next)),
		chromedp.KeyEvent("\t"),
		waitJS(fmt.Sprintf(`document.activeElement && document.activeElement.id === %q`, next)),
	))
	// Typing there, after the window moved, edits that cell.
	setAmount(&m, m.Scenarios[k+1].ID, edge.Item, 777)
	require.NoError(t, chromedp.Run(ctx, chromedp.KeyEvent("777"), chromedp.Sleep(500*time.Millisecond)))
	assert.Equal(t, next, focusedID(t, ctx), "the focus stays in the cell typed into")
	checkResults(t, ctx, m)

	// Tab from a row's last scenario reaches the next row's name.
	i := m.ItemIndex(edge.Item)
	var nextItem string
	for _, it := range m.Items[i+1:] {
		if it.Side == m.Items[i].Side {
			nextItem = it.ID
			break
		}
	}
	lastScenario := m.Scenarios[len(m.Scenarios)-1].ID
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector(".grid-wrap").scrollLeft = 1e9; true`, nil),
		waitJSFor(30*time.Second, fmt.Sprintf(`!!document.getElementById(%q)`, fid("entry/"+lastScenario+"/"+edge.Item)+"-weight")),
		chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).focus(); true`, fid("entry/"+lastScenario+"/"+edge.Item)+"-weight"), nil),
		chromedp.KeyEvent("\t"),
		waitJS(fmt.Sprintf(`document.activeElement && document.activeElement.id === %q`, fid("item/"+nextItem+"/name"))),
	))
	nodes("scrolled sideways")

	// The last scenario, scrolled to sideways, takes an edit.
	cell := fid("entry/" + lastScenario + "/" + nextItem)
	setAmount(&m, lastScenario, nextItem, 9876)
	require.NoError(t, chromedp.Run(ctx,
		typeInto(cell, "9876"),
		waitJS(fmt.Sprintf(`document.getElementById(%q).value === "9876"`, cell)),
	))
	checkResults(t, ctx, m)
	// The rows are in runs, each a tbody of its own (app/grid.go, rowRun):
	// they must look like one table. Last: the shots change the viewport.
	shotAt(t, ctx, 1440, "windowed-grid")
	shotAt(t, ctx, 375, "windowed-grid")
}
