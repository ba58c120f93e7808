//go:build perf

package perf

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// The grid at size (issue 26, item 3): a keystroke typed into a cell, as
// the user waits for it, until the cell shows it and the totals are
// repainted; how long a large model takes to become editable; how many
// nodes its page holds.

// gridSize is a model the grid bench opens, with its budgets (0: none).
type gridSize struct {
	Items, Scenarios   int
	Median, P95        float64 // ms, keystroke → cell and totals repainted
	EditableMS         float64 // ms, link opened → a cell can be typed into
	Nodes              int     // DOM nodes with the model open
	KeystrokesPerCell  int     // keystrokes typed into each cell visited
	BeforeMaxKeystroke int     // at most this many keystrokes timed on the build before (slow there)
}

var gridSizes = []gridSize{
	{Items: 200, Scenarios: 5, Median: 16, P95: 33, KeystrokesPerCell: 4, BeforeMaxKeystroke: 40},
	{Items: 500, Scenarios: 20, Median: 50, KeystrokesPerCell: 4, BeforeMaxKeystroke: 40},
	{Items: 1000, Scenarios: 50, Median: 100, EditableMS: 10000, Nodes: 20000, KeystrokesPerCell: 4, BeforeMaxKeystroke: 40},
}

// gridResult is one size measured on one build.
type gridResult struct {
	Size gridSize
	// ShownMS: navigation → the shared model's first cell shown (read
	// only); CopyMS: “Save a copy” clicked → that cell can be typed into.
	// Editable is their sum: what a user opening the link waits for.
	ShownMS, CopyMS float64
	Times           []float64 // ms per keystroke
	Failed          int       // keystrokes whose cell or totals did not repaint within 10 s
	Nodes           int       // every node of the document, with the model open
	Err             string    // why the measurement stopped, if it did
}

func (g gridResult) EditableMS() float64 { return g.ShownMS + g.CopyMS }

// keyJS arms the timing of one keystroke: window.__key resolves with the
// milliseconds from the keydown event's time stamp (when the browser
// received the key, before any queue in the page) to the first animation
// frame after which both the input with id shows expected and the element
// watchID (the scenario's net total) shows new text; -1 after 10 s.
const keyJS = `window.__arm = (id, watchID, expected) => { window.__key = new Promise((resolve) => {
  const watch = () => { const n = document.getElementById(watchID); return n ? n.textContent : null; };
  const before = watch();
  let t0 = -1, done = false;
  const finish = (v) => { if (done) return; done = true; mo.disconnect(); document.removeEventListener('keydown', kd, true); resolve(v); };
  const kd = (e) => { if (t0 < 0) t0 = e.timeStamp; };
  document.addEventListener('keydown', kd, true);
  const check = () => {
    const el = document.getElementById(id);
    if (done || t0 < 0 || watch() === before || !el || el.value !== expected) return;
    mo.disconnect();
    requestAnimationFrame(() => finish(performance.now() - t0));
  };
  const mo = new MutationObserver(check);
  mo.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
  setTimeout(() => finish(-1), 10000);
}); return true; }; true`

// gotoJS brings display row pos and scenario column col on screen, the
// way a user scrolls: the page to the row, the grid sideways to the
// column.
const gotoJS = `window.__goto = (pos, col) => {
  const rows = document.querySelectorAll('#grid tr.item-row, #grid tr.row-gap');
  rows[pos].scrollIntoView({block: 'center'});
  const th = document.querySelectorAll('#grid thead th.col-scenario')[col];
  const wrap = document.querySelector('.grid-wrap');
  if (th && wrap) wrap.scrollLeft = th.offsetLeft - wrap.clientWidth / 2;
  return true;
}; true`

// domNodesJS counts every node of the document.
const domNodesJS = `(() => { const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); let n = 1; while (w.nextNode()) n++; return n })()`

// measureGrid opens a money model of size in the site at url by its share
// link, saves a copy, and types keystrokes into cells spread over the
// grid: into each cell visited, after selecting its text, the digits 1,
// 2, 3, … (so "1", "12", "123"), each timed.
func measureGrid(scratch, url string, size gridSize, keystrokes int) (gridResult, error) {
	res := gridResult{Size: size}
	m := fixture.Large(size.Items, size.Scenarios)
	payload, err := calc.EncodeLink(m)
	if err != nil {
		return res, err
	}
	ctx, done, err := launchFor(scratch, 20*time.Minute)
	if err != nil {
		return res, err
	}
	defer done()
	first := cellID(m.Scenarios[0].ID, m.Items[0].ID)
	if err := chromedp.Run(ctx, chromedp.Navigate(url+"/?view=editor#"+payload)); err != nil {
		return res, err
	}
	// Polled in the page, a frame at a time: the frame after the cell is
	// there is when the user sees it.
	shown := fmt.Sprintf(`new Promise((resolve) => { const f = () => { const el = document.getElementById(%q);
	  if (el && document.body.dataset.ready === '1' && document.getElementById('save-copy')) resolve(performance.now()); else requestAnimationFrame(f) }; f() })`, first)
	if err := chromedp.Run(ctx, evalAwait(shown, &res.ShownMS)); err != nil {
		return res, fmt.Errorf("the shared model's grid: %w", err)
	}
	enabled := fmt.Sprintf(`new Promise((resolve) => { const t0 = performance.now(); document.getElementById('save-copy').click();
	  const f = () => { const el = document.getElementById(%q);
	  if (el && !el.matches(':disabled') && !document.getElementById('shared-banner')) resolve(performance.now() - t0); else requestAnimationFrame(f) }; f() })`, first)
	if err := chromedp.Run(ctx, evalAwait(enabled, &res.CopyMS)); err != nil {
		return res, fmt.Errorf("saving a copy: %w", err)
	}
	time.Sleep(time.Second) // the first save and idle work
	if err := chromedp.Run(ctx, chromedp.Evaluate(domNodesJS, &res.Nodes), chromedp.Evaluate(keyJS, nil), chromedp.Evaluate(gotoJS, nil)); err != nil {
		return res, err
	}
	var order []calc.Item // display order: the benefits, then the costs
	for _, side := range []calc.Side{calc.SideBenefit, calc.SideCost} {
		for _, it := range m.Items {
			if it.Side == side {
				order = append(order, it)
			}
		}
	}
	per := max(1, size.KeystrokesPerCell)
	for k := 0; k < keystrokes; k += per {
		visit := k / per
		pos := (visit*37 + 3) % len(order) // 37 is prime to the sizes: every visit a new row
		col := (visit * 7) % len(m.Scenarios)
		it, s := order[pos], m.Scenarios[col]
		id := cellID(s.ID, it.ID)
		ready := fmt.Sprintf(`(() => { const el = document.getElementById(%q); return !!el && !el.matches(':disabled') })()`, id)
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`window.__goto(%d, %d)`, pos, col), nil)); err != nil {
			return res, err
		}
		if err := waitJS(ctx, ready, 30*time.Second); err != nil {
			return res, fmt.Errorf("cell %s after scrolling to it: %w", id, err)
		}
		time.Sleep(300 * time.Millisecond) // scrolling settles, as a user's does before typing
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.focus({preventScroll: true}); el.select(); return true })()`, id), nil)); err != nil {
			return res, err
		}
		typed := ""
		for d := 1; d <= per && k+d-1 < keystrokes; d++ {
			key := strconv.Itoa(d % 10)
			typed += key
			var ms float64
			if err := chromedp.Run(ctx,
				chromedp.Evaluate(fmt.Sprintf(`window.__arm(%q, %q, %q)`, id, "net-"+s.ID, typed), nil),
				chromedp.KeyEvent(key),
				evalAwait(`window.__key`, &ms),
			); err != nil {
				return res, fmt.Errorf("keystroke %d: %w", k+d, err)
			}
			if ms < 0 {
				res.Failed++
			} else {
				res.Times = append(res.Times, ms)
			}
			time.Sleep(editGap)
		}
	}
	if len(res.Times) == 0 {
		return res, errors.New("no keystroke repainted its cell and the totals")
	}
	return res, nil
}

// gridBench is the grid's measurements: this build's, and the build
// before's (PERF_BEFORE) when asked for.
type gridBench struct {
	After, Before []gridResult
	BeforeRef     string
}

// measureGrids measures every size of gridSizes (or PERF_GRID, such as
// "500x20,1000x50"; PERF_PER_CELL keystrokes into each cell, not 4) on the site at url and, when PERF_BEFORE names a git
// revision, on that revision's build, served by the same server.
func measureGrids(t *testing.T, root, scratch, url string) gridBench {
	var g gridBench
	sizes := slices.Clone(gridSizes)
	if only := os.Getenv("PERF_GRID"); only != "" {
		sizes = nil
		for _, s := range gridSizes {
			if strings.Contains(","+only+",", fmt.Sprintf(",%dx%d,", s.Items, s.Scenarios)) {
				sizes = append(sizes, s)
			}
		}
	}
	if per := envInt("PERF_PER_CELL", 0); per > 0 { // longer bursts into one cell: what an autosave within a burst costs
		for i := range sizes {
			sizes[i].KeystrokesPerCell = per
		}
	}
	run := func(url string, before bool) []gridResult {
		var out []gridResult
		for _, s := range sizes {
			n := editCount
			if before {
				n = min(n, s.BeforeMaxKeystroke)
			}
			r, err := measureGrid(scratch, url, s, n)
			if err != nil {
				t.Logf("grid %d × %d: %v", s.Items, s.Scenarios, err)
				r.Err = err.Error()
			}
			t.Logf("grid %d × %d (before: %v): editable %.0f ms (%.0f shown + %.0f copy), %d nodes, keystrokes median %.1f ms p95 %.1f ms of %d (%d failed)",
				s.Items, s.Scenarios, before, r.EditableMS(), r.ShownMS, r.CopyMS, r.Nodes, median(r.Times), percentile(r.Times, 0.95), len(r.Times), r.Failed)
			out = append(out, r)
		}
		return out
	}
	g.After = run(url, false)
	if ref := os.Getenv("PERF_BEFORE"); ref != "" {
		g.BeforeRef = ref
		web, err := buildRef(root, scratch, ref)
		if err != nil {
			t.Logf("the build before (%s): %v", ref, err)
			return g
		}
		before, stop, err := serveWith(root, web)
		if err != nil {
			t.Logf("serving the build before (%s): %v", ref, err)
			return g
		}
		defer stop()
		g.Before = run(before, true)
	}
	return g
}

// buildRef writes git revision ref's web directory, with its app.wasm
// built, into scratch, and returns it.
func buildRef(root, scratch, ref string) (string, error) {
	src := filepath.Join(scratch, "before-src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return "", err
	}
	archive := exec.Command("sh", "-c", "git archive "+ref+" | tar -x -C "+src)
	archive.Dir = root
	if b, err := archive.CombinedOutput(); err != nil {
		return "", fmt.Errorf("git archive %s: %v\n%s", ref, err, b)
	}
	if err := goBuild(src, true, "web/app.wasm", "./cmd/valuecalc"); err != nil {
		return "", err
	}
	return filepath.Join(src, "web"), nil
}

// gridRows are the grid's rows of the bench table.
func (g gridBench) gridRows() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	before := func(i int) (gridResult, bool) {
		if i < len(g.Before) && len(g.Before[i].Times) > 0 {
			return g.Before[i], true
		}
		return gridResult{}, false
	}
	cmp := func(i int, after float64, f func(gridResult) float64, str func(float64) string) (string, string) {
		if r, ok := before(i); ok {
			return str(f(r)), fmt.Sprintf("%.3f×", after/f(r))
		}
		return "—", "—"
	}
	for i, r := range g.After {
		s := r.Size
		if r.Err != "" && len(r.Times) == 0 {
			w("| keystroke → cell and totals repainted (%d × %d) | failed: %s | — | — | — | no |\n", s.Items, s.Scenarios, r.Err)
			continue
		}
		med, p95 := median(r.Times), percentile(r.Times, 0.95)
		bm, ratio := cmp(i, med, func(x gridResult) float64 { return median(x.Times) }, msStr1)
		w("| keystroke → cell and totals repainted, median (%d × %d money model, %d keystrokes, %d each in a cell; baseline: %s) | %s | %s | %s | ≤ %g ms | %s |\n",
			s.Items, s.Scenarios, len(r.Times), s.KeystrokesPerCell, or(g.BeforeRef, "—"), msStr1(med), bm, ratio, s.Median, yes(med <= s.Median))
		bp, ratio := cmp(i, p95, func(x gridResult) float64 { return percentile(x.Times, 0.95) }, msStr1)
		if s.P95 > 0 {
			w("| keystroke → cell and totals repainted, p95 (%d × %d) | %s | %s | %s | ≤ %g ms | %s |\n", s.Items, s.Scenarios, msStr1(p95), bp, ratio, s.P95, yes(p95 <= s.P95))
		} else {
			w("| keystroke → cell and totals repainted, p95 (%d × %d, information) | %s | %s | %s | — | — |\n", s.Items, s.Scenarios, msStr1(p95), bp, ratio)
		}
		be, ratio := cmp(i, r.EditableMS(), gridResult.EditableMS, msStr)
		if s.EditableMS > 0 {
			w("| share link opened → editable after “Save a copy” (%d × %d; %s shown, %s the copy) | %s | %s | %s | ≤ %s | %s |\n",
				s.Items, s.Scenarios, msStr(r.ShownMS), msStr(r.CopyMS), msStr(r.EditableMS()), be, ratio, msStr(s.EditableMS), yes(r.EditableMS() <= s.EditableMS))
		} else {
			w("| share link opened → editable after “Save a copy” (%d × %d, information) | %s | %s | %s | — | — |\n", s.Items, s.Scenarios, msStr(r.EditableMS()), be, ratio)
		}
		bn, ratio := cmp(i, float64(r.Nodes), func(x gridResult) float64 { return float64(x.Nodes) }, func(v float64) string { return thousands(int64(v)) })
		if s.Nodes > 0 {
			w("| DOM nodes with the model open (%d × %d) | %s | %s | %s | ≤ %s | %s |\n", s.Items, s.Scenarios, thousands(int64(r.Nodes)), bn, ratio, thousands(int64(s.Nodes)), yes(r.Nodes <= s.Nodes))
		} else {
			w("| DOM nodes with the model open (%d × %d, information) | %s | %s | %s | — | — |\n", s.Items, s.Scenarios, thousands(int64(r.Nodes)), bn, ratio)
		}
	}
	return b.String()
}

// gridNotes say how the grid's rows were measured.
func (g gridBench) gridNotes() string {
	var b strings.Builder
	b.WriteString("- The grid's keystrokes (perf/grid_bench_test.go) are real key events (CDP Input.dispatchKeyEvent) into a cell scrolled to first, " +
		"timed in the page from the keydown's time stamp to the first animation frame after the cell shows the text typed and the scenario's net total changed: " +
		"what the user waits for, unlike the 200 × 5 “edit → totals” rows, which set the value and dispatch an input event. " +
		"The cells visited are spread over the grid (rows 37 apart, columns 7 apart), so the window moves between them.\n")
	if g.BeforeRef != "" {
		fmt.Fprintf(&b, "- Baseline of the grid's rows: %s built in the same run and served by the same server; fewer keystrokes are timed on it where they take seconds.\n", g.BeforeRef)
	}
	for i, r := range g.After {
		fmt.Fprintf(&b, "- Grid %d × %d: %d of %d keystrokes without a repaint within 10 s, keystrokes %s", r.Size.Items, r.Size.Scenarios, r.Failed, r.Failed+len(r.Times), list(r.Times))
		if i < len(g.Before) {
			fmt.Fprintf(&b, "; before: %d of %d, editable in %s, keystrokes %s", g.Before[i].Failed, g.Before[i].Failed+len(g.Before[i].Times), msStr(g.Before[i].EditableMS()), list(g.Before[i].Times))
			if g.Before[i].Err != "" {
				fmt.Fprintf(&b, " (stopped: %s)", g.Before[i].Err)
			}
		}
		if r.Err != "" {
			fmt.Fprintf(&b, " (stopped: %s)", r.Err)
		}
		b.WriteString(".\n")
	}
	return b.String()
}

// TestGridBench runs the grid's measurements alone, against the
// worktree's build (or PERF_WEB), and prints their rows:
//
//	PERF_EDITS=20 PERF_GRID=500x20,1000x50 PERF_BEFORE=main go test -tags perf -count=1 -run TestGridBench -v ./perf/
func TestGridBench(t *testing.T) {
	root, scratch, url := standalone(t, "grid")
	g := measureGrids(t, root, scratch, url)
	fmt.Println(g.gridRows())
	fmt.Println(g.gridNotes())
}
