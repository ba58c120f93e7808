package state

import (
	"maps"
	"reflect"
	"slices"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Grid is the comparison grid as immutable views. Reduce replaces a view
// when, and only when, what it shows changes: a component compares its
// view by pointer, so an edit in one cell renders that cell's row alone.
//
// The grid shows State.Window of itself:
//   - Head has every scenario, always;
//   - Rows has one entry per item, in the model's item order
//     (len(Rows) == len(Model().Items)); an entry is nil when its row is
//     outside the window (the window's rows are positions in Order);
//   - a Row's Cells has one entry per scenario, nil outside the window's
//     columns.
type Grid struct {
	Head *GridHead
	Rows []*Row // in item order; nil outside the window
	// Order is the indexes of Rows in the order the grid shows them
	// (DisplayOrder): the first Benefits are the benefits, the rest the
	// costs.
	Order    []int
	Benefits int

	cols *gridCols // what every row's cells show of the scenarios (rowFrom)
}

// gridCols is what every cell shows of the model's scenarios and
// settings, kept from one grid to the next while it is equal.
type gridCols struct {
	ids, names []string
	mode       calc.Mode
	scale      calc.Scale
	drivers    *Drivers // what money cells price their entries per
}

func (c *gridCols) equal(o *gridCols) bool {
	return o != nil && slices.Equal(c.ids, o.ids) && slices.Equal(c.names, o.names) && c.mode == o.mode && c.scale == o.scale &&
		c.drivers.equal(o.drivers)
}

// GridHead is what the grid shows outside its rows.
type GridHead struct {
	Mode      calc.Mode
	Scale     calc.Scale
	Items     int // how many items the model has
	Scenarios []ScenarioHead
}

// ScenarioHead is the head of a scenario's column.
type ScenarioHead struct {
	ID, Name    string
	Input       Draft // the name field's text and message
	First, Last bool
}

// Row is one item's row: what it shows of the item (RowFields), and its
// cells.
type Row struct {
	RowFields
	Cells []*CellView // one per scenario; nil outside the window's columns

	// What the row was derived from, when that was the model alone (no
	// draft, mark, pending setting or hint on it): the next derivation
	// keeps the row when it would be derived from the same (rowFrom).
	from    rowFrom
	entries []*calc.Entry // the item's entry in each scenario
}

// rowFrom is what a row without drafts, marks, pending settings or hints
// is derived from, besides its entries: equal inputs give an equal row,
// so a row is memoised by the value of its inputs and is not built again
// (building every row of 200 × 5 per keystroke cost 7 times the rest of
// Reduce). An *Entry is never changed in place (calc.Scenario), so the
// same pointers are the same entries. TestGridIsTheState derives every
// grid afresh and would see an input missing here.
type rowFrom struct {
	item                    calc.Item
	cols                    *gridCols // the scenarios, mode and scale, kept while equal
	lang                    i18n.Lang
	currency                string
	open, full, first, last bool
	ranges                  bool
	clo, chi                int
	horizon                 int // an open row's: its cells' last month
}

// RowFields is what a row shows besides its cells. It is comparable: a
// row freshly derived keeps the old view when its fields are equal and
// its cells the same views.
type RowFields struct {
	Item        calc.Item
	First, Last bool // first or last of its side
	Full        bool // the model holds as many items as it may
	Open        bool // the item's type, stage and note show
	Name        Draft
	Weight      Draft
	Note        Draft
	// WeightTie is the item weight at which the runner-up catches the
	// best (HasWeightTie), shown beside the weight of the active row.
	WeightTie    float64
	HasWeightTie bool
}

// CellView is one scenario's value of the row's item.
type CellView struct {
	Scenario     string
	ScenarioName string
	Item         string
	ItemName     string
	ItemWeight   float64
	Mode         calc.Mode
	Scale        calc.Scale
	Currency     string
	HasEntry     bool
	Setting      CellSetting // a money cell's unit and recurrence
	Value        Draft       // the value field's text and message
	Weight       Draft       // the weight override's text and message
	WeightTyped  bool        // a weight override is being typed
	ShowRange    bool        // the low/high fields are shown
	Low, High    Draft       // the range's ends' texts and messages
	Hint         Hint        // what would change the answer, on the active cell
	Open         bool        // its row's detail shows
	Drivers      *Drivers    // the drivers it may be priced per: money mode only
	Parts        EntryParts  // its entry's drivers, timing and source
}

// Hint is what the analysis says of the active cell's value: where its
// scenario breaks even and where it ties with its rival, in its unit.
type Hint struct {
	Unit                 calc.Unit
	Per                  calc.Per
	BreakEven, Tie       float64
	HasBreakEven, HasTie bool
	Rival                string // the rival scenario's name
}

// Shown reports whether the hint has anything to say.
func (h Hint) Shown() bool { return h.HasBreakEven || h.HasTie }

// hint is what the analysis says of one entry.
func (s *State) hint(scenario, item string) Hint {
	e, ok := EntryOf(s.Analysis, scenario, item)
	if !ok {
		return Hint{}
	}
	h := Hint{Unit: e.Unit}
	if en, ok := entryOf(s.Model(), scenario, item); ok {
		h.Per = en.Per
	}
	if e.BreakEven != nil {
		h.BreakEven, h.HasBreakEven = *e.BreakEven, true
	}
	if e.Tie != nil && s.Analysis.RunnerUp != nil {
		rival := s.Analysis.Best
		if scenario == s.Analysis.Best {
			rival = *s.Analysis.RunnerUp
		}
		m := s.Model()
		h.Tie, h.HasTie, h.Rival = *e.Tie, true, m.ScenarioName(rival)
	}
	return h
}

// deriveGrid returns the grid s shows: a pure function of s (its model,
// drafts, marks, pending cell settings, language, ShowRanges, RowsOpen,
// active cell and analysis, and window). Every view in the window is
// built afresh and memoised by value: where it equals old's view of the
// same item and scenario, old's view is kept, pointer and all, so that a
// component that compares its view by pointer renders only what changed.
// There is no list of what a view depends on to keep up to date.
func (s *State) deriveGrid(old Grid) Grid {
	m := s.Model()
	g := Grid{Order: DisplayOrder(m.Items), Rows: make([]*Row, len(m.Items))}
	for _, i := range g.Order {
		if m.Items[i].Side != calc.SideBenefit {
			break
		}
		g.Benefits++
	}
	if slices.Equal(g.Order, old.Order) {
		g.Order = old.Order
	}
	g.cols = &gridCols{mode: m.Mode, scale: m.Scale, drivers: driversOf(&m)}
	for _, sc := range m.Scenarios {
		g.cols.ids, g.cols.names = append(g.cols.ids, sc.ID), append(g.cols.names, sc.Name)
	}
	if g.cols.equal(old.cols) {
		g.cols = old.cols
	}
	g.Head = s.deriveHead(&m)
	if old.Head != nil && reflect.DeepEqual(g.Head, old.Head) {
		g.Head = old.Head
	}

	// The old views by item and by scenario, where they moved.
	oldRow := func(i int) *Row {
		if i < len(old.Rows) && old.Rows[i] != nil && old.Rows[i].Item.ID == m.Items[i].ID {
			return old.Rows[i]
		}
		return nil
	}
	if len(old.Rows) != len(m.Items) || !sameIDs(old.Rows, m.Items) {
		byID := make(map[string]*Row, len(old.Rows))
		for _, r := range old.Rows {
			if r != nil {
				byID[r.Item.ID] = r
			}
		}
		oldRow = func(i int) *Row { return byID[m.Items[i].ID] }
	}
	oldCol := make([]int, len(m.Scenarios)) // the scenario's column in old, -1 for none
	var was map[string]int
	if old.Head != nil {
		was = make(map[string]int, len(old.Head.Scenarios))
		for j, sc := range old.Head.Scenarios {
			was[sc.ID] = j
		}
	}
	for j, sc := range m.Scenarios {
		if k, ok := was[sc.ID]; ok {
			oldCol[j] = k
		} else {
			oldCol[j] = -1
		}
	}

	lo, hi := s.Window.RowSpan(len(g.Order))
	clo, chi := s.Window.ColSpan(len(m.Scenarios))
	buf := make([]*CellView, len(m.Scenarios))
	items := map[string]struct{}{} // the items with drafts
	for f := range s.Drafts {
		if f.Item != "" {
			items[f.Item] = struct{}{}
		}
	}
	// The items whose rows show more than the model: never memoised.
	busy := maps.Clone(items)
	for f := range s.Marks {
		busy[f.Item] = struct{}{}
	}
	for c := range s.Pending {
		busy[c.Item] = struct{}{}
	}
	busy[s.Active.Item] = struct{}{}
	for k, i := range g.Order[lo:hi] {
		old := oldRow(i)
		// First or last of its side, by its place in the display order.
		k += lo
		first, last := k == 0 || k == g.Benefits, k == g.Benefits-1 || k == len(g.Order)-1
		if _, ok := busy[m.Items[i].ID]; !ok {
			from := rowFrom{item: m.Items[i], cols: g.cols, lang: s.Lang, currency: m.Currency,
				open: s.RowsOpen[m.Items[i].ID], full: len(m.Items) >= calc.MaxItems,
				first: first, last: last,
				ranges: s.ShowRanges, clo: clo, chi: chi}
			if from.open {
				from.horizon = m.HorizonYears
			}
			if old != nil && old.from == from && sameEntries(old.entries, m.Scenarios, i) {
				g.Rows[i] = old
				continue
			}
			r := s.deriveRow(&m, i, first, last, clo, chi, old, oldCol, buf, items, g.cols.drivers)
			if r != old { // a kept view is never changed, its from stays true of it
				r.from, r.entries = from, entriesOf(m.Scenarios, i)
			}
			g.Rows[i] = r
			continue
		}
		g.Rows[i] = s.deriveRow(&m, i, first, last, clo, chi, old, oldCol, buf, items, g.cols.drivers)
	}
	if slices.Equal(g.Rows, old.Rows) {
		g.Rows = old.Rows
	}
	return g
}

// sameEntries reports whether entries are the entries of item i in
// scenarios.
func sameEntries(entries []*calc.Entry, scenarios []calc.Scenario, i int) bool {
	if len(entries) != len(scenarios) {
		return false
	}
	for j := range scenarios {
		if entries[j] != scenarios[j].Entry(i) {
			return false
		}
	}
	return true
}

func entriesOf(scenarios []calc.Scenario, i int) []*calc.Entry {
	es := make([]*calc.Entry, len(scenarios))
	for j := range scenarios {
		es[j] = scenarios[j].Entry(i)
	}
	return es
}

// sameIDs reports whether rows are of items, in order (nil rows aside).
func sameIDs(rows []*Row, items []calc.Item) bool {
	for i, r := range rows {
		if r != nil && r.Item.ID != items[i].ID {
			return false
		}
	}
	return true
}

func (s *State) deriveHead(m *calc.Model) *GridHead {
	h := &GridHead{Mode: m.Mode, Scale: m.Scale, Items: len(m.Items), Scenarios: make([]ScenarioHead, len(m.Scenarios))}
	for j, sc := range m.Scenarios {
		h.Scenarios[j] = ScenarioHead{ID: sc.ID, Name: sc.Name, Input: s.fieldDraft(m, ScenarioNameField(sc.ID), j, -1),
			First: j == 0, Last: j == len(m.Scenarios)-1}
	}
	return h
}

// deriveRow returns the row of item i with the cells of columns
// [clo, chi), old if it shows the same. oldCol maps a column to its
// column in old; buf is room for a row's cells, nil outside [clo, chi).
// A view is built on the stack and allocated only when it differs from
// old's. items holds the items that have drafts: the cells of the others
// look none up.
func (s *State) deriveRow(m *calc.Model, i int, first, last bool, clo, chi int, old *Row, oldCol []int, buf []*CellView, items map[string]struct{}, drivers *Drivers) *Row {
	it := m.Items[i]
	rf := RowFields{Item: it, Full: len(m.Items) >= calc.MaxItems, Open: s.RowsOpen[it.ID],
		Name:   s.fieldDraft(m, ItemField(FieldItemName, it.ID), -1, i),
		Weight: s.fieldDraft(m, ItemField(FieldItemWeight, it.ID), -1, i),
		Note:   s.fieldDraft(m, ItemField(FieldItemNote, it.ID), -1, i),
	}
	rf.First, rf.Last = first, last
	active := s.Active.Item == it.ID && s.AnalysisFresh()
	if active {
		for _, w := range s.Analysis.Weights {
			if w.Item == it.ID && w.WeightTie != nil {
				rf.WeightTie, rf.HasWeightTie = *w.WeightTie, true
			}
		}
	}
	_, drafts := items[it.ID]
	for j := clo; j < chi; j++ {
		cv := s.deriveCell(m, j, i, active, drafts, drivers)
		if old != nil && oldCol[j] >= 0 && oldCol[j] < len(old.Cells) {
			if o := old.Cells[oldCol[j]]; o != nil && *o == cv {
				buf[j] = o // unchanged: the same view, not rendered again
				continue
			}
		}
		p := new(CellView)
		*p = cv
		buf[j] = p
	}
	if old != nil && old.RowFields == rf && slices.Equal(old.Cells, buf) {
		return old
	}
	return &Row{RowFields: rf, Cells: slices.Clone(buf)}
}

// deriveCell returns the cell of item i in scenario j; drafts tells
// whether the item has any.
func (s *State) deriveCell(m *calc.Model, j, i int, active, drafts bool, drivers *Drivers) CellView {
	sc, it := &m.Scenarios[j], &m.Items[i]
	field := s.modelDraft
	if drafts {
		field = s.fieldDraft
	}
	e := sc.Entry(i)
	wf := EntryWeightField(sc.ID, it.ID)
	var wd Draft
	typed := false
	if drafts {
		wd, typed = s.Drafts[wf]
	}
	if !typed {
		wd = s.modelDraft(m, wf, j, i)
	}
	cv := CellView{
		Scenario: sc.ID, ScenarioName: sc.Name, Item: it.ID, ItemName: it.Name, ItemWeight: it.Weight,
		Mode: m.Mode, Scale: m.Scale, Currency: m.Currency,
		HasEntry: e != nil, Setting: moneySetting(e, Cell{sc.ID, it.ID}, s.Pending),
		Value: field(m, EntryField(sc.ID, it.ID), j, i), Weight: wd, WeightTyped: typed && wd.Text != "",
		ShowRange: s.ShowRanges,
	}
	if s.ShowRanges {
		cv.Low = field(m, EntryRangeField(FieldEntryLow, sc.ID, it.ID), j, i)
		cv.High = field(m, EntryRangeField(FieldEntryHigh, sc.ID, it.ID), j, i)
	}
	if active && s.Active.Scenario == sc.ID {
		cv.Hint = s.hint(sc.ID, it.ID)
	}
	cv.Open, cv.Drivers = s.RowsOpen[it.ID], drivers
	cv.Parts = s.entryParts(m, e, sc.ID, it.ID, j, i, cv.Open, field)
	return cv
}

// input is what field f shows: its draft, else the model's value.
func (s *State) input(f Field) Draft {
	m := s.Model()
	return s.fieldDraft(&m, f, -1, -1)
}

// fieldDraft is what field f of m shows: its draft, else m's value, with
// the mark of how an ambiguous number was read. j and i are the indexes
// of f's scenario and item in m when the caller knows them, else -1: the
// grid knows both, and looking an item up by id for each of 1,000 × 50
// cells made deriving it quadratic.
func (s *State) fieldDraft(m *calc.Model, f Field, j, i int) Draft {
	if d, ok := s.Drafts[f]; ok {
		return d
	}
	return s.modelDraft(m, f, j, i)
}

// modelDraft is what field f shows of m's value, with no draft: see
// fieldDraft.
func (s *State) modelDraft(m *calc.Model, f Field, j, i int) Draft {
	var d Draft
	switch f.Kind {
	case FieldEntry, FieldEntryWeight, FieldEntryLow, FieldEntryHigh,
		FieldEntryStart, FieldEntryEnd, FieldEntryRamp, FieldEntryGrowth, FieldEntrySource:
		if j < 0 || i < 0 {
			j, i = m.ScenarioIndex(f.Scenario), m.ItemIndex(f.Item)
		}
		d.Text = entryText(s.Lang, f.Kind, m.Scenarios, j, i)
	case FieldItemName, FieldItemNote, FieldItemWeight:
		if i >= 0 {
			// FieldText of a model of item i alone: the same text, found
			// without a search through every item.
			d.Text = FieldText(s.Lang, calc.Model{Items: m.Items[i : i+1]}, f)
			break
		}
		d.Text = FieldText(s.Lang, *m, f)
	default:
		d.Text = FieldText(s.Lang, *m, f)
	}
	if len(s.Marks) > 0 {
		d.Mark, d.MarkOK = s.MarkText(f)
	}
	return d
}
