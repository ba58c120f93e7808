package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

func TestDisplayOrder(t *testing.T) {
	items := []calc.Item{
		{ID: "a", Side: calc.SideCost}, {ID: "b", Side: calc.SideBenefit}, {ID: "c", Side: calc.SideCost},
		{ID: "d", Side: calc.SideBenefit},
	}
	assert.Equal(t, []int{1, 3, 0, 2}, DisplayOrder(items))
	assert.Empty(t, DisplayOrder(nil))
}

func TestGridScrolled(t *testing.T) {
	tests := []struct {
		name string
		a    GridScrolled
		want GridWindow
	}{
		{"a window", GridScrolled{First: 2, Rows: 5, FirstCol: 1, Cols: 1}, GridWindow{2, 5, 1, 1}},
		{"larger than the model", GridScrolled{First: 0, Rows: 60, FirstCol: 0, Cols: 12}, GridWindow{0, 60, 0, 12}},
		{"past the end", GridScrolled{First: 50, Rows: 60, FirstCol: 9, Cols: 12}, GridWindow{9, 60, 1, 12}},
		{"negative", GridScrolled{First: -3, Rows: -1, FirstCol: -1, Cols: 2}, GridWindow{0, 0, 0, 2}},
		{"every row", GridScrolled{First: 4, Rows: 0, FirstCol: 1, Cols: 1}, GridWindow{0, 0, 1, 1}},
		{"the whole grid", GridScrolled{}, GridWindow{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			before := tb.state()
			effects := tb.do(tt.a)
			s := tb.state()
			assert.Equal(t, tt.want, s.Window)
			assert.Empty(t, effects, "a view action asks nothing of the browser")
			assert.Equal(t, before.Hist, s.Hist, "the history is left alone")
			assert.Equal(t, before.Dirty, s.Dirty)
			assert.Equal(t, before.Unkept, s.Unkept)
		})
	}
}

func TestWindowSpans(t *testing.T) {
	tests := []struct {
		w            GridWindow
		n            int
		rowLo, rowHi int
		colLo, colHi int
	}{
		{GridWindow{}, 10, 0, 10, 0, 10},
		{GridWindow{First: 3, Rows: 4, FirstCol: 1, Cols: 2}, 10, 3, 7, 1, 3},
		{GridWindow{First: 8, Rows: 4, FirstCol: 9, Cols: 5}, 10, 8, 10, 9, 10},
		{GridWindow{First: 12, Rows: 4, FirstCol: 12, Cols: 5}, 10, 10, 10, 10, 10},
		{GridWindow{First: 0, Rows: 60}, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		lo, hi := tt.w.RowSpan(tt.n)
		assert.Equal(t, [2]int{tt.rowLo, tt.rowHi}, [2]int{lo, hi}, "%+v rows of %d", tt.w, tt.n)
		lo, hi = tt.w.ColSpan(tt.n)
		assert.Equal(t, [2]int{tt.colLo, tt.colHi}, [2]int{lo, hi}, "%+v columns of %d", tt.w, tt.n)
	}
}

// TestGridWindowRows: the grid derives the window's rows and columns
// alone; a scroll keeps the views of the rows still in view, and an edit
// outside the window changes no view.
func TestGridWindowRows(t *testing.T) {
	s := largeState(t, fixture.Large(20, 4)) // benefits b1… and costs c1… in turn
	s, _ = Reduce(s, GridScrolled{First: 8, Rows: 4, FirstCol: 1, Cols: 2})
	m := s.Model()
	order := DisplayOrder(m.Items)
	shown := func(s State) []string {
		var ids []string
		for _, i := range DisplayOrder(s.Model().Items) {
			if r := s.Grid.Rows[i]; r != nil {
				ids = append(ids, r.Item.ID)
				assert.Nil(t, r.Cells[0])
				assert.NotNil(t, r.Cells[1])
				assert.NotNil(t, r.Cells[2])
				assert.Nil(t, r.Cells[3])
			}
		}
		return ids
	}
	assert.Equal(t, []string{"b9", "b10", "c1", "c2"}, shown(s), "benefits first, then costs")
	require.Len(t, s.Grid.Rows, 20)
	assert.Equal(t, order, s.Grid.Order)
	assert.Equal(t, 10, s.Grid.Benefits)
	assert.Len(t, s.Grid.Head.Scenarios, 4, "the head has every scenario")

	before := s.Grid
	s, _ = Reduce(s, GridScrolled{First: 9, Rows: 4, FirstCol: 1, Cols: 2})
	assert.Equal(t, []string{"b10", "c1", "c2", "c3"}, shown(s))
	for _, id := range []string{"b10", "c1", "c2"} {
		i := m.ItemIndex(id)
		assert.Same(t, before.Rows[i], s.Grid.Rows[i], "%s stays in view: the same view", id)
	}
	assert.Same(t, before.Head, s.Grid.Head)

	before = s.Grid
	s, _ = Reduce(s, Input{EntryField(m.Scenarios[1].ID, "b1"), "777"})
	require.Equal(t, "777", s.FieldValue(EntryField(m.Scenarios[1].ID, "b1")))
	assert.Equal(t, before.Rows, s.Grid.Rows, "an edit out of view changes no view in it")
	for i := range s.Grid.Rows {
		assert.Same(t, before.Rows[i], s.Grid.Rows[i])
	}

	// The same scroll again changes nothing.
	next, effects := Reduce(s, GridScrolled{First: 9, Rows: 4, FirstCol: 1, Cols: 2})
	assert.Empty(t, effects)
	assert.Equal(t, s.Window, next.Window)
	assert.Same(t, s.Grid.Head, next.Grid.Head)
	for i := range s.Grid.Rows {
		assert.Same(t, s.Grid.Rows[i], next.Grid.Rows[i])
	}
}
