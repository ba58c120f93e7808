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

// TestLargeModel: in a 200-item grid, whose rows off screen skip rendering
// until they come near, a row far down the page still works as a user
// finds it: scrolled to, its Delete button deletes it, typing in its cell
// updates the totals, and Tab reaches its fields. A small grid renders
// every row.
func TestLargeModel(t *testing.T) {
	ctx := newBrowserFor(t, 3*time.Minute)
	m := bigModel(200, 5)
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	openFresh(t, ctx, baseURL+"/#"+fragment)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#save-copy", chromedp.ByQuery),
		chromedp.WaitNotPresent("#shared-banner", chromedp.ByQuery),
	))
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
