package state

import "github.com/valuecalc/valuecalc/calc"

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
}

// GridHead is what the grid shows outside its rows.
type GridHead struct {
	Rev       uint64 // moves on with every change of the head
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

// Row is one item's row.
type Row struct {
	Rev         uint64 // moves on with every change of the row
	Item        calc.Item
	First, Last bool // first or last of its side
	Full        bool // the model holds as many items as it may
	Open        bool // the item's type, stage and note show
	Name        Draft
	Weight      Draft
	Note        Draft
	Cells       []*CellView // one per scenario; nil outside the window's columns
	// WeightTie is the item weight at which the runner-up catches the
	// best (HasWeightTie), shown beside the weight of the active row.
	WeightTie    float64
	HasWeightTie bool
}

// CellView is one scenario's value of the row's item.
type CellView struct {
	Rev          uint64 // moves on with every change of the cell
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

// input is what field f shows: its draft, else the model's value.
func (s *State) input(f Field) Draft {
	if d, ok := s.Drafts[f]; ok {
		return d
	}
	d := Draft{Text: FieldText(s.Lang, s.Model(), f)}
	d.Mark, d.MarkOK = s.MarkText(f)
	return d
}

func (s *State) buildHead() *GridHead {
	m := s.Model()
	s.rev++
	h := &GridHead{Rev: s.rev, Mode: m.Mode, Scale: m.Scale, Items: len(m.Items), Scenarios: make([]ScenarioHead, len(m.Scenarios))}
	for i, sc := range m.Scenarios {
		h.Scenarios[i] = ScenarioHead{ID: sc.ID, Name: sc.Name, Input: s.input(ScenarioNameField(sc.ID)),
			First: i == 0, Last: i == len(m.Scenarios)-1}
	}
	return h
}

func (s *State) buildRow(i int) *Row {
	m := s.Model()
	it := m.Items[i]
	s.rev++
	r := &Row{Rev: s.rev, Item: it, Full: len(m.Items) >= calc.MaxItems, Open: s.RowsOpen[it.ID],
		Name:   s.input(ItemField(FieldItemName, it.ID)),
		Weight: s.input(ItemField(FieldItemWeight, it.ID)),
		Note:   s.input(ItemField(FieldItemNote, it.ID)),
		Cells:  make([]*CellView, len(m.Scenarios))}
	r.First, r.Last = neighbourOnSide(m.Items, i, -1) < 0, neighbourOnSide(m.Items, i, 1) < 0
	active := s.Active.Item == it.ID && s.AnalysisFresh()
	if active {
		for _, w := range s.Analysis.Weights {
			if w.Item == it.ID && w.WeightTie != nil {
				r.WeightTie, r.HasWeightTie = *w.WeightTie, true
			}
		}
	}
	for j, sc := range m.Scenarios {
		c := Cell{sc.ID, it.ID}
		// Each field's text by index, not by looking the item up by id:
		// for every cell of 1,000 items that was quadratic.
		at := func(f Field) Draft {
			if d, ok := s.Drafts[f]; ok {
				return d
			}
			d := Draft{Text: entryText(s.Lang, f.Kind, m.Scenarios, j, i)}
			d.Mark, d.MarkOK = s.MarkText(f)
			return d
		}
		wd, typed := s.Drafts[EntryWeightField(sc.ID, it.ID)]
		if !typed {
			wd = at(EntryWeightField(sc.ID, it.ID))
		}
		var old *CellView
		if i < len(s.Grid.Rows) && s.Grid.Rows[i] != nil && j < len(s.Grid.Rows[i].Cells) {
			old = s.Grid.Rows[i].Cells[j]
		}
		cv := &CellView{
			Scenario: sc.ID, ScenarioName: sc.Name, Item: it.ID, ItemName: it.Name, ItemWeight: it.Weight,
			Mode: m.Mode, Scale: m.Scale, Currency: m.Currency,
			HasEntry: sc.Entry(i) != nil, Setting: moneySetting(sc.Entry(i), c, s.Pending),
			Value: at(EntryField(sc.ID, it.ID)), Weight: wd, WeightTyped: typed && wd.Text != "",
			ShowRange: s.ShowRanges,
		}
		if s.ShowRanges {
			cv.Low = at(EntryRangeField(FieldEntryLow, sc.ID, it.ID))
			cv.High = at(EntryRangeField(FieldEntryHigh, sc.ID, it.ID))
		}
		if active && s.Active.Scenario == sc.ID {
			cv.Hint = s.hint(sc.ID, it.ID)
		}
		if old != nil {
			cv.Rev = old.Rev
			if *cv == *old {
				r.Cells[j] = old // unchanged: the same view, not rendered again
				continue
			}
		}
		s.rev++
		cv.Rev = s.rev
		r.Cells[j] = cv
	}
	return r
}

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

// refreshGrid brings the grid's views up to date with the state, after
// the state was before: it rebuilds everything when the grid's shape or
// the settings its cells are drawn with changed, else only the rows whose
// item, entries, drafts or cell settings changed. Unchanged views are
// kept, pointer and all.
func (s *State) refreshGrid(before *State) {
	m, old := s.Model(), before.Model()
	reshaped := before.Grid.Head == nil || len(m.Items) != len(old.Items) || len(m.Scenarios) != len(old.Scenarios) ||
		m.Mode != old.Mode || m.Scale != old.Scale || m.Currency != old.Currency || s.ShowRanges != before.ShowRanges ||
		s.Lang != before.Lang // every figure is written in the language
	if !reshaped {
		for j := range m.Scenarios {
			if m.Scenarios[j].ID != old.Scenarios[j].ID || m.Scenarios[j].Name != old.Scenarios[j].Name {
				reshaped = true
				break
			}
		}
	}
	if !reshaped {
		for i := range m.Items {
			if m.Items[i].ID != old.Items[i].ID || m.Items[i].Side != old.Items[i].Side {
				reshaped = true
				break
			}
		}
	}
	if reshaped || headDraftsChanged(s, before) {
		s.Grid.Head = s.buildHead()
	}
	if reshaped {
		s.Grid.Rows = make([]*Row, len(m.Items))
		for i := range m.Items {
			s.Grid.Rows[i] = s.buildRow(i)
		}
		return
	}
	changed := rowsWithChangedInputs(s, before)
	if s.Active != before.Active || s.Analysis != before.Analysis || s.AnalysisFresh() != before.AnalysisFresh() {
		// The hints move with the analysis, on the active row alone.
		if changed == nil {
			changed = map[string]bool{}
		}
		changed[s.Active.Item], changed[before.Active.Item] = true, true
	}
	var rows []*Row
	for i := range m.Items {
		if !changed[m.Items[i].ID] && m.Items[i] == old.Items[i] && sameEntries(m, old, i) {
			continue
		}
		if rows == nil {
			rows = append([]*Row(nil), s.Grid.Rows...)
		}
		rows[i] = s.buildRow(i)
	}
	if rows != nil {
		s.Grid.Rows = rows
	}
}

func sameEntries(m, old calc.Model, i int) bool {
	for j := range m.Scenarios {
		if m.Scenarios[j].Entry(i) != old.Scenarios[j].Entry(i) {
			return false
		}
	}
	return true
}

// rowsWithChangedInputs returns the items whose rows show a draft or cell
// setting that changed.
func rowsWithChangedInputs(s, before *State) map[string]bool {
	var out map[string]bool
	mark := func(item string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[item] = true
	}
	for f, d := range s.Drafts {
		if f.Item != "" && before.Drafts[f] != d {
			mark(f.Item)
		}
	}
	for f := range before.Drafts {
		if _, ok := s.Drafts[f]; f.Item != "" && !ok {
			mark(f.Item)
		}
	}
	for f, mk := range s.Marks {
		if old, ok := before.Marks[f]; f.Item != "" && (!ok || old != mk) {
			mark(f.Item)
		}
	}
	for f := range before.Marks {
		if _, ok := s.Marks[f]; f.Item != "" && !ok {
			mark(f.Item)
		}
	}
	for c, cs := range s.Pending {
		if before.Pending[c] != cs {
			mark(c.Item)
		}
	}
	for c := range before.Pending {
		if _, ok := s.Pending[c]; !ok {
			mark(c.Item)
		}
	}
	for id := range s.RowsOpen {
		if !before.RowsOpen[id] {
			mark(id)
		}
	}
	for id := range before.RowsOpen {
		if !s.RowsOpen[id] {
			mark(id)
		}
	}
	return out
}

func headDraftsChanged(s, before *State) bool {
	for f, d := range s.Drafts {
		if f.Kind == FieldScenarioName && before.Drafts[f] != d {
			return true
		}
	}
	for f := range before.Drafts {
		if _, ok := s.Drafts[f]; f.Kind == FieldScenarioName && !ok {
			return true
		}
	}
	return false
}
