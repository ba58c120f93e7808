package state

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// TestGridIsTheState: random sequences of what a rep does (type valid,
// invalid, ambiguous and empty text, leave the field, undo, redo, load a
// template, open a link, switch the language, the mode and the scale,
// add, delete and move rows, toggle the ranges, scroll the grid...). After
// each action the grid must be the state's:
//
//   - (a) equal, view for view, to a grid derived afresh from the state
//     alone (what the memoisation kept is what a fresh derivation gives);
//   - (b) every input it shows reads its draft's text, else the model's
//     (FieldText), checked here apart from the derivation, so that a ghost
//     figure shows even if the derivation were wrong the same way twice;
//   - (c) its rows and cells are there in the window, nil outside it.
//
// The sequences are seeded: a failure prints the seed and the actions
// that led to it, and GRIDPROP_SEED=n replays them. GRIDPROP_RUNS sets
// how many sequences run (a longer run: GRIDPROP_RUNS=2000).
func TestGridIsTheState(t *testing.T) {
	runs, steps := 60, 60
	if testing.Short() || gridRace || runtime.GOOS == "js" {
		runs = 15 // the same checks, fewer sequences, where each costs more
	}
	if n, err := strconv.Atoi(os.Getenv("GRIDPROP_RUNS")); err == nil {
		runs = n
	}
	base := uint64(time.Now().UnixNano())
	if n, err := strconv.ParseUint(os.Getenv("GRIDPROP_SEED"), 10, 64); err == nil {
		base, runs = n, 1
	}
	for k := range runs {
		seed := base + uint64(k)
		if !gridRun(t, seed, steps) {
			t.Fatalf("replay with GRIDPROP_SEED=%d go test ./app/state/ -run TestGridIsTheState", seed)
		}
	}
}

// gridStep is one step of a sequence: an action, then maybe the
// browser idle (the analysis: hints on the active cell) or a frame.
type gridStep struct {
	a           Action
	idle, frame bool
}

func (st gridStep) String() string {
	out := fmt.Sprintf("%#v", st.a)
	if st.idle {
		out += " (idle)"
	}
	if st.frame {
		out += " (frame)"
	}
	return out
}

// gridRun runs one sequence of steps actions from seed and reports
// whether the grid was the state's after each. A failure is shrunk to
// the fewest steps that still fail, and printed.
func gridRun(t *testing.T, seed uint64, steps int) bool {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	tb := newTab(t, MemStorage{}, Start{Query: "view=editor", Seed: seed | 1})
	g := gridGen{rng: rng, tb: tb}
	var done []gridStep
	for range steps {
		st := gridStep{a: g.next()}
		k := rng.IntN(8)
		st.idle, st.frame = k == 0, k == 1
		done = append(done, st)
		if gridReplay(tb, st) == nil {
			continue
		}
		// Shrink: drop each step that the failure does not need.
		for i := len(done) - 2; i >= 0; i-- {
			fewer := append(append([]gridStep(nil), done[:i]...), done[i+1:]...)
			if gridProblemsOf(t, seed, fewer) != nil {
				done = fewer
			}
		}
		lines := make([]string, len(done))
		for i, st := range done {
			lines[i] = st.String()
		}
		problems := gridProblemsOf(t, seed, done)
		t.Errorf("seed %d: after\n\t%s\nthe grid is not the state's:\n\t%s", seed,
			strings.Join(lines, "\n\t"), strings.Join(problems[:min(len(problems), 12)], "\n\t"))
		return false
	}
	return true
}

// gridReplay takes step st in tab tb and returns how the grid is then not
// the state's.
func gridReplay(tb *tab, st gridStep) []string {
	tb.do(st.a)
	if st.idle {
		tb.runIdle()
	}
	if st.frame {
		tb.rendered()
	}
	return gridProblems(tb.state())
}

// gridProblemsOf replays steps in a new tab and returns the problems of
// the last one, nil if there were none.
func gridProblemsOf(t *testing.T, seed uint64, steps []gridStep) []string {
	tb := newTab(t, MemStorage{}, Start{Query: "view=editor", Seed: seed | 1})
	var problems []string
	for _, st := range steps {
		problems = gridReplay(tb, st)
	}
	return problems
}

// gridGen picks the next action from what the state shows.
type gridGen struct {
	rng *rand.Rand
	tb  *tab
	// the fields typed into, which InputDone leaves
	typed []Field
}

// texts are what a rep types: valid, invalid, ambiguous, empty.
var gridTexts = []string{"3", "2", "0", "1.5", "1,5", "20", "3000", "18,000", "18.000", "12.000", "12,000",
	"", "", "abc", "-4", "1e3", "7 ", "$85", "99999999999"}

func (g *gridGen) next() Action {
	s := g.tb.state()
	m := s.Model()
	rng := g.rng
	item := func() (int, bool) {
		if len(m.Items) == 0 {
			return 0, false
		}
		return rng.IntN(len(m.Items)), true
	}
	field := func() (Field, bool) {
		i, ok := item()
		if !ok || len(m.Scenarios) == 0 {
			return Field{}, false
		}
		it, sc := m.Items[i].ID, m.Scenarios[rng.IntN(len(m.Scenarios))].ID
		switch rng.IntN(10) {
		case 0:
			return EntryWeightField(sc, it), true
		case 1:
			return EntryRangeField(FieldEntryLow, sc, it), true
		case 2:
			return EntryRangeField(FieldEntryHigh, sc, it), true
		case 3:
			return ItemField(FieldItemWeight, it), true
		case 4:
			return ItemField([]FieldKind{FieldItemName, FieldItemNote}[rng.IntN(2)], it), true
		case 5:
			return ScenarioNameField(sc), true
		case 6:
			// An entry's timing and source (timing.go).
			k := []FieldKind{FieldEntryStart, FieldEntryEnd, FieldEntryRamp, FieldEntryGrowth, FieldEntrySource}[rng.IntN(5)]
			return Field{Kind: k, Scenario: sc, Item: it}, true
		case 7:
			if len(m.Drivers) > 0 {
				k := FieldDriverName + FieldKind(rng.IntN(int(FieldDriverNote-FieldDriverName)+1))
				return DriverField(k, m.Drivers[rng.IntN(len(m.Drivers))].ID), true
			}
		}
		return EntryField(sc, it), true
	}
	switch {
	case s.Shared && rng.IntN(2) == 0:
		return SaveSharedCopy{} // a link's model is read-only until saved
	case len(g.typed) > 0 && rng.IntN(2) == 0:
		// Most typing ends by leaving the field.
		f := g.typed[len(g.typed)-1]
		g.typed = g.typed[:len(g.typed)-1]
		return InputDone{f}
	}
	for {
		switch rng.IntN(31) {
		case 0, 1, 2, 3, 4, 5, 6, 7:
			if f, ok := field(); ok {
				g.typed = append(g.typed, f)
				text := gridTexts[rng.IntN(len(gridTexts))]
				if f.Kind.words() {
					text = []string{"Calm", "", "Cost of delay", "x"}[rng.IntN(4)]
				}
				return Input{f, text}
			}
		case 8, 9, 10:
			if len(g.typed) > 0 {
				k := rng.IntN(len(g.typed))
				f := g.typed[k]
				g.typed = append(g.typed[:k], g.typed[k+1:]...)
				return InputDone{f}
			}
		case 11:
			if f, ok := field(); ok { // cleared
				g.typed = append(g.typed, f)
				return Input{f, ""}
			}
		case 12, 13:
			return Undo{}
		case 14:
			return Redo{}
		case 15:
			list := examples.List()
			return NewFromTemplate{ID: list[rng.IntN(len(list))].ID}
		case 16:
			other := exampleModel(g.tb.t, examples.List()[rng.IntN(len(examples.List()))].ID)
			switch rng.IntN(4) {
			case 0:
				other = fixture.Large(12+rng.IntN(30), 2+rng.IntN(6))
			case 1:
				other = helpdeskModel(g.tb.t) // drivers, timing
			}
			return HashChanged{Hash: shareHash(g.tb.t, other)}
		case 17:
			if s.Shared {
				return SaveSharedCopy{}
			}
		case 18:
			return SetLang{Lang: i18n.All[rng.IntN(len(i18n.All))]}
		case 19:
			if s.Confirm != "" || rng.IntN(2) == 0 {
				return ConfirmMode{}
			}
			return AskMode{Mode: []calc.Mode{calc.ModeScore, calc.ModeMoney}[rng.IntN(2)]}
		case 20:
			return ScalePreset{Value: []string{"1-5", "1-10", "custom"}[rng.IntN(3)]}
		case 21:
			return AddItem{Side: []calc.Side{calc.SideBenefit, calc.SideCost}[rng.IntN(2)], Name: "New"}
		case 22:
			if i, ok := item(); ok {
				return DeleteItem{ID: m.Items[i].ID}
			}
		case 23:
			if i, ok := item(); ok {
				return MoveItem{ID: m.Items[i].ID, By: []int{-1, 1, -3}[rng.IntN(3)]}
			}
		case 24:
			return ToggleRanges{}
		case 25, 26:
			return GridScrolled{First: rng.IntN(len(m.Items) + 3), Rows: rng.IntN(8),
				FirstCol: rng.IntN(len(m.Scenarios) + 2), Cols: rng.IntN(4)}
		case 27:
			if i, ok := item(); ok {
				return ToggleRow{ID: m.Items[i].ID, Open: rng.IntN(2) == 0}
			}
		case 28:
			// A money cell's unit: score cells have none to choose.
			if i, ok := item(); ok && len(m.Scenarios) > 0 && m.Mode == calc.ModeMoney {
				c := Cell{m.Scenarios[rng.IntN(len(m.Scenarios))].ID, m.Items[i].ID}
				if len(m.Drivers) > 0 && rng.IntN(2) == 0 {
					d := ""
					if k := rng.IntN(len(m.Drivers) + 1); k < len(m.Drivers) {
						d = m.Drivers[k].ID
					}
					return SetTimes{Scenario: c.Scenario, Item: c.Item, Slot: rng.IntN(3), Driver: d}
				}
				return SetPer{Cell: c, Value: PerOptions[rng.IntN(len(PerOptions))].Value()}
			}
		case 29:
			if len(s.Marks) > 0 {
				for f := range s.Marks {
					return ConfirmRead{f}
				}
			}
			if i, ok := item(); ok {
				return DuplicateItem{ID: m.Items[i].ID}
			}
		case 30:
			// The drivers: the panel's edits beside the grid's.
			if len(m.Drivers) == 0 || rng.IntN(3) == 0 {
				return AddDriver{}
			}
			id := m.Drivers[rng.IntN(len(m.Drivers))].ID
			return []Action{DeleteDriver{ID: id}, MoveDriver{ID: id, By: 1 - 2*rng.IntN(2)}, SetDriverAsk{ID: id, Ask: rng.IntN(2) == 0}}[rng.IntN(3)]
		}
	}
}

// gridProblems lists how the grid of s is not the state's (see
// TestGridIsTheState).
func gridProblems(s State) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	g, m := s.Grid, s.Model()

	// (b) The texts, apart from the derivation: the draft, else the model.
	want := func(f Field) string {
		if d, ok := s.Drafts[f]; ok {
			return d.Text
		}
		return FieldText(s.Lang, m, f)
	}
	check := func(what string, f Field, got Draft) {
		if w := want(f); got.Text != w {
			bad("%s shows %q, the state says %q (%+v)", what, got.Text, w, f)
		}
	}
	if g.Head == nil {
		return append(out, "no head")
	}
	if len(g.Head.Scenarios) != len(m.Scenarios) {
		bad("the head has %d scenarios, the model %d", len(g.Head.Scenarios), len(m.Scenarios))
	} else {
		for j, sc := range m.Scenarios {
			check("scenario "+sc.ID, ScenarioNameField(sc.ID), g.Head.Scenarios[j].Input)
		}
	}

	// (c) The window: rows at display positions [First, First+Rows),
	// benefits first; Rows 0 is every row, and Cols 0 every column.
	var order []int
	for _, side := range []calc.Side{calc.SideBenefit, calc.SideCost} {
		for i := range m.Items {
			if m.Items[i].Side == side {
				order = append(order, i)
			}
		}
	}
	shown := make([]bool, len(m.Items))
	for pos, i := range order {
		w := s.Window
		shown[i] = w.Rows == 0 || pos >= w.First && pos < w.First+w.Rows
	}
	col := func(j int) bool {
		w := s.Window
		return w.Cols == 0 || j >= w.FirstCol && j < w.FirstCol+w.Cols
	}
	if len(g.Rows) != len(m.Items) {
		return append(out, fmt.Sprintf("%d rows for %d items", len(g.Rows), len(m.Items)))
	}
	for i, r := range g.Rows {
		it := m.Items[i]
		if (r != nil) != shown[i] {
			bad("row %d (%s): shown %v, in the window %v (%+v)", i, it.ID, r != nil, shown[i], s.Window)
		}
		if r == nil {
			continue
		}
		if r.Item != it {
			bad("row %d shows item %+v, the model has %+v", i, r.Item, it)
		}
		check("name of "+it.ID, ItemField(FieldItemName, it.ID), r.Name)
		check("weight of "+it.ID, ItemField(FieldItemWeight, it.ID), r.Weight)
		check("note of "+it.ID, ItemField(FieldItemNote, it.ID), r.Note)
		if len(r.Cells) != len(m.Scenarios) {
			bad("row %d has %d cells, the model %d scenarios", i, len(r.Cells), len(m.Scenarios))
			continue
		}
		for j, c := range r.Cells {
			sc := m.Scenarios[j]
			if (c != nil) != col(j) {
				bad("cell %s/%s: shown %v, in the window %v (%+v)", sc.ID, it.ID, c != nil, col(j), s.Window)
			}
			if c == nil {
				continue
			}
			at := sc.ID + "/" + it.ID
			if c.Scenario != sc.ID || c.Item != it.ID || c.ScenarioName != sc.Name || c.ItemName != it.Name {
				bad("cell %s is of %s/%s %q/%q", at, c.Scenario, c.Item, c.ScenarioName, c.ItemName)
			}
			if c.HasEntry != (sc.Entry(i) != nil) || c.Mode != m.Mode || c.Scale != m.Scale {
				bad("cell %s: entry %v mode %s scale %v, the model %v %s %v", at, c.HasEntry, c.Mode, c.Scale,
					sc.Entry(i) != nil, m.Mode, m.Scale)
			}
			check("cell "+at, EntryField(sc.ID, it.ID), c.Value)
			check("weight of cell "+at, EntryWeightField(sc.ID, it.ID), c.Weight)
			if c.ShowRange != s.ShowRanges {
				bad("cell %s shows its range %v, the state %v", at, c.ShowRange, s.ShowRanges)
			}
			// An entry's drivers and timing, as the model has them; its
			// detail's fields while its row is open.
			var parts EntryParts
			if e := sc.Entry(i); e != nil && m.Mode == calc.ModeMoney {
				parts.Value, _, _ = e.Value(m.Mode)
				copy(parts.Times[:], e.Times)
				parts.Start, parts.End, parts.Ramp, parts.Growth = e.Start, e.End, e.Ramp, e.Growth
			}
			got := c.Parts
			got.StartIn, got.EndIn, got.RampIn, got.GrowthIn, got.SourceIn, got.Horizon = Draft{}, Draft{}, Draft{}, Draft{}, Draft{}, 0
			if got != parts {
				bad("cell %s shows parts %+v, the model %+v", at, got, parts)
			}
			if c.Open != s.RowsOpen[it.ID] {
				bad("cell %s open %v, the state %v", at, c.Open, s.RowsOpen[it.ID])
			}
			if c.Open && c.HasEntry {
				for k := FieldEntryStart; k <= FieldEntrySource; k++ {
					if m.Mode == calc.ModeMoney || k == FieldEntrySource {
						check(fmt.Sprintf("timing %d of cell %s", k, at), Field{k, sc.ID, it.ID}, *c.Parts.In(k))
					}
				}
			}
			if (c.Drivers != nil) != (m.Mode == calc.ModeMoney && len(m.Drivers) > 0) {
				bad("cell %s offers drivers %v, the model has %d", at, c.Drivers, len(m.Drivers))
			}
			if s.ShowRanges {
				check("low of cell "+at, EntryRangeField(FieldEntryLow, sc.ID, it.ID), c.Low)
				check("high of cell "+at, EntryRangeField(FieldEntryHigh, sc.ID, it.ID), c.High)
			}
		}
	}

	// (a) What a fresh derivation gives.
	if fresh := freshGrid(s); !reflect.DeepEqual(viewsOf(g), viewsOf(fresh)) {
		bad("the grid differs from one derived afresh")
		if !reflect.DeepEqual(g.Head, fresh.Head) {
			bad("head %+v, fresh %+v", g.Head, fresh.Head)
		}
		for i := range min(len(g.Rows), len(fresh.Rows)) {
			r, f := g.Rows[i], fresh.Rows[i]
			if reflect.DeepEqual(r, f) {
				continue
			}
			if r == nil || f == nil || len(r.Cells) != len(f.Cells) {
				bad("row %d: %+v, fresh %+v", i, r, f)
				continue
			}
			if !reflect.DeepEqual(r.RowFields, f.RowFields) {
				bad("row %d: %+v, fresh %+v", i, r.RowFields, f.RowFields)
			}
			for j := range r.Cells {
				if !reflect.DeepEqual(r.Cells[j], f.Cells[j]) {
					bad("row %d cell %d: %+v, fresh %+v", i, j, r.Cells[j], f.Cells[j])
				}
			}
		}
	}
	return out
}

// freshGrid is the grid derived from s alone, with no views to keep.
func freshGrid(s State) Grid { return s.deriveGrid(Grid{}) }

// viewsOf is what g shows: its views without what they were memoised by
// (a row kept because it came out equal keeps the inputs it was first
// derived from).
func viewsOf(g Grid) Grid {
	g.cols = nil
	if len(g.Order) == 0 {
		g.Order = nil // no rows shown, however the slice came to be empty
	}
	rows := make([]*Row, len(g.Rows))
	for i, r := range g.Rows {
		if r != nil {
			rows[i] = &Row{RowFields: r.RowFields, Cells: r.Cells}
		}
	}
	g.Rows = rows
	return g
}
