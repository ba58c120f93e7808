package state

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// BenchmarkReduceKeystroke: one keystroke in a cell, Reduce and the grid
// it shows, on the 200 × 5 model with the whole grid shown and through a
// window of 60 rows, and on the 1,000 × 50 model through a window of 60
// rows × 12 columns, as the app shows a large model. The keystroke's cell
// is in the window.
func BenchmarkReduceKeystroke(b *testing.B) {
	for _, tt := range []struct {
		items, scenarios int
		window           GridScrolled
	}{
		{200, 5, GridScrolled{}},
		{200, 5, GridScrolled{First: 70, Rows: 60}},
		{1000, 50, GridScrolled{First: 400, Rows: 60, FirstCol: 20, Cols: 12}},
	} {
		cols := tt.window.Cols
		if cols == 0 {
			cols = tt.scenarios
		}
		name := fmt.Sprintf("%dx%d", tt.items, tt.scenarios)
		if tt.window.Rows > 0 {
			name += fmt.Sprintf("-window%dx%d", tt.window.Rows, cols)
		}
		b.Run(name, func(b *testing.B) {
			s := largeState(b, fixture.Large(tt.items, tt.scenarios))
			s, _ = Reduce(s, tt.window)
			m := s.Model()
			// The cell at the window's middle row and column.
			order := DisplayOrder(m.Items)
			it := m.Items[order[tt.window.First+tt.window.Rows/2]]
			sc := m.Scenarios[tt.window.FirstCol+cols/2]
			f := EntryField(sc.ID, it.ID)
			texts := []string{"1234", "12345"}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				s, _ = Reduce(s, Input{f, texts[i%2]})
				i++
			}
			require.Equal(b, texts[(i-1)%2], s.FieldValue(f))
		})
	}
}

// largeState is an editor's state with m opened from its file.
func largeState(tb testing.TB, m calc.Model) State {
	tb.Helper()
	data, err := calc.Encode(m)
	require.NoError(tb, err)
	t := newTab(tb, MemStorage{}, Start{Query: "view=editor"})
	t.do(ImportFile{FileName: "large.json", Text: string(data)})
	require.Equal(tb, len(m.Items), len(t.model().Items))
	return t.state()
}
