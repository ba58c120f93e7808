package state

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

// editorTab is a tab on the first template, customer-value: score mode on
// 1–5, scenarios "status-quo" and "with-us", items "quality", "fit"….
func editorTab(t *testing.T) *tab {
	t.Helper()
	tb := newTab(t, MemStorage{}, Start{Query: "view=editor"})
	require.Equal(t, "customer-value", examples.List()[0].ID)
	require.Equal(t, exampleModel(t, "customer-value"), tb.model())
	tb.take()
	return tb
}

func TestInputValid(t *testing.T) {
	tests := []struct {
		name  string
		field Field
		text  string
		want  string // FieldText of the model after
		moves bool   // the result changes
	}{
		{"score", qualityCell, "4", "4", true},
		{"score with spaces", qualityCell, " 3 ", "3", true},
		{"score with a decimal", qualityCell, "2.5", "2.5", true},
		{"score cleared", qualityCell, "", "", true},
		{"item weight", ItemField(FieldItemWeight, "fit"), "2.5", "2.5", true},
		{"item weight grouped", ItemField(FieldItemWeight, "fit"), "1,000", "1,000", true},
		{"item weight zero", ItemField(FieldItemWeight, "fit"), "0", "0", true},
		{"entry weight", EntryWeightField("with-us", "fit"), "3", "3", true},
		{"item name", ItemField(FieldItemName, "fit"), "Fit with their workflow", "Fit with their workflow", false},
		{"item note", ItemField(FieldItemNote, "fit"), "Asked in the demo.", "Asked in the demo.", false},
		{"scenario name", ScenarioNameField("with-us"), "With Acme", "With Acme", true},
		{"title", SettingField(FieldTitle), "Acme renewal", "Acme renewal", true},
		{"currency lower-case", SettingField(FieldCurrency), "eur", "EUR", false},
		{"horizon", SettingField(FieldHorizon), "5", "5", false},
		{"discount with a percent sign", SettingField(FieldDiscount), "8%", "8", false},
		{"hourly rate with a currency sign", SettingField(FieldHourly), "$85", "85", false},
		{"scale max", SettingField(FieldScaleMax), "10", "10", true},
		{"customer", SettingField(FieldCustomer), "Acme Corp", "Acme Corp", false},
		{"summary, in paragraphs", SettingField(FieldSummary), "Acme's agents lose a day a week.\n\nWe give it back.", "Acme's agents lose a day a week.\n\nWe give it back.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			before := tb.state()
			effects := tb.input(tt.field, tt.text)
			s := tb.state()

			assert.Equal(t, tt.want, FieldText(i18n.EN, s.Model(), tt.field))
			assert.NotEqual(t, before.Model(), s.Model())
			assert.Equal(t, calc.Evaluate(s.Model()), s.Result, "the result is re-evaluated")
			if tt.moves {
				assert.NotEqual(t, before.Result, s.Result)
			}
			d, ok := s.Draft(tt.field)
			assert.True(t, ok, "the field keeps what was typed while it has focus")
			want := Draft{Text: tt.text}
			if tt.text == "1,000" {
				want.Read = "1,000 → 1000, not 1" // see TestInputNumbers
			}
			assert.Equal(t, want, d)
			assert.Equal(t, tt.text, s.FieldValue(tt.field))
			assert.False(t, s.HasErrors())
			assert.True(t, s.Dirty)
			assert.Equal(t, 1, saveTimers(effects))
			assert.True(t, s.Hist.CanUndo())
		})
	}
}

func TestInputInvalid(t *testing.T) {
	tests := []struct {
		name  string
		field Field
		text  string
		err   string
	}{
		{"a word for a score", qualityCell, "four", "Enter a number, such as 1200 or 4.5."},
		{"thousands out of place", qualityCell, "1,23,4", "Write the thousands in groups of three digits, such as 12,500."},
		{"a score above the scale", qualityCell, "7", "Enter a score from 1 to 5."},
		{"a score below the scale", qualityCell, "0", "Enter a score from 1 to 5."},
		{"a negative score", qualityCell, "-1", "Enter a score from 1 to 5."},
		{"two numbers", qualityCell, "3 4", "Enter a number, such as 1200 or 4.5."},
		{"a negative weight", ItemField(FieldItemWeight, "fit"), "-1", "Enter a weight between 0 and 1000."},
		{"a weight too large", ItemField(FieldItemWeight, "fit"), "1001", "Enter a weight between 0 and 1000."},
		{"an empty weight", ItemField(FieldItemWeight, "fit"), "", "Enter a number, such as 1200 or 4.5."},
		{"a negative entry weight", EntryWeightField("with-us", "fit"), "-2", "Enter a weight between 0 and 1000."},
		{"a weight in words", ItemField(FieldItemWeight, "fit"), "high", "Enter a number, such as 1200 or 4.5."},
		{"an empty item name", ItemField(FieldItemName, "fit"), "  ", "Enter a name."},
		{"an empty scenario name", ScenarioNameField("with-us"), "", "Enter a name."},
		{"an empty title", SettingField(FieldTitle), "", "Enter a title."},
		{"a currency name", SettingField(FieldCurrency), "dollars", "Enter a three-letter currency code, such as USD or EUR."},
		{"a horizon of 0", SettingField(FieldHorizon), "0", "Enter whole years from 1 to 30."},
		{"a horizon in months", SettingField(FieldHorizon), "1.5", "Enter whole years from 1 to 30."},
		{"a discount of 100 %", SettingField(FieldDiscount), "100", "Enter a rate from 0 up to 100 %."},
		{"a negative hourly rate", SettingField(FieldHourly), "-5", "Enter a rate of 0 or more."},
		{"a scale upside down", SettingField(FieldScaleMin), "5", "The lowest score must be below the highest."},
		{"a customer too long", SettingField(FieldCustomer), strings.Repeat("a", 201), "Use at most 200 characters."},
		{"a summary too long", SettingField(FieldSummary), strings.Repeat("a", 4001), "Use at most 4000 characters."},
		{"a control character in the customer", SettingField(FieldCustomer), "Acme\x1b", "Remove the invisible control characters from this text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			before := tb.state()
			effects := tb.input(tt.field, tt.text)
			s := tb.state()

			assert.Equal(t, before.Model(), s.Model(), "the model keeps its last valid value")
			assert.Equal(t, before.Result, s.Result, "the last valid result stays on screen")
			assert.Equal(t, Draft{Text: tt.text, Err: tt.err}, s.Drafts[tt.field])
			assert.Equal(t, tt.text, s.FieldValue(tt.field), "the user's text stays in the field")
			assert.True(t, s.HasErrors())
			assert.False(t, s.Dirty)
			assert.Zero(t, saveTimers(effects))
			assert.False(t, s.Hist.CanUndo())
			assert.Empty(t, s.Notice.Text, "the message is next to the field, not a notice")
		})
	}
}

func TestInputKeepsLastValid(t *testing.T) {
	tb := editorTab(t)
	tb.input(qualityCell, "4")
	valid := tb.state()
	tb.input(qualityCell, "4x")
	s := tb.state()
	assert.Equal(t, "4", FieldText(i18n.EN, s.Model(), qualityCell))
	assert.Equal(t, valid.Result, s.Result)
	assert.Equal(t, Draft{Text: "4x", Err: "Enter a number, such as 1200 or 4.5."}, s.Drafts[qualityCell])

	// Fixing the text clears the message.
	tb.input(qualityCell, "3")
	assert.Equal(t, Draft{Text: "3"}, tb.state().Drafts[qualityCell])
	assert.Equal(t, "3", FieldText(i18n.EN, tb.model(), qualityCell))
	assert.False(t, tb.state().HasErrors())
}

func TestInputDone(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		kept      bool   // the draft stays after the field loses focus
		wantValue string // what the field shows then
	}{
		{"valid", "4", false, "4"},
		{"valid, shown as the model has it", " 4.0 ", false, "4"},
		{"valid, grouped", "1,000", false, "1,000"},
		{"invalid", "four", true, "four"},
		{"out of scale", "9", true, "9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			f := qualityCell
			if tt.text == "1,000" {
				f = ItemField(FieldItemWeight, "fit")
			}
			tb.input(f, tt.text)
			typed := tb.state().Drafts[f]
			tb.do(InputDone{Field: f})
			s := tb.state()
			d, ok := s.Draft(f)
			assert.Equal(t, tt.kept, ok)
			if tt.kept {
				assert.Equal(t, typed, d)
				assert.NotEmpty(t, d.Err)
			}
			assert.Equal(t, tt.wantValue, s.FieldValue(f))
		})
	}
}

func TestInputDoneWithoutDraft(t *testing.T) {
	tb := editorTab(t)
	before := tb.state()
	tb.do(InputDone{Field: qualityCell})
	assert.Equal(t, before.Model(), tb.model())
	assert.Empty(t, tb.state().Drafts)
}

func TestUndoRedo(t *testing.T) {
	name := ItemField(FieldItemName, "fit")
	weight := ItemField(FieldItemWeight, "fit")
	original := "Fit with our workflow"
	tests := []struct {
		name    string
		steps   []Action
		same    bool             // the model is the template's again
		fields  map[Field]string // else these fields' values
		items   int              // and this many items (0: not checked)
		canUndo bool
		canRedo bool
	}{
		{name: "typing a name letter by letter is one step",
			steps: []Action{Input{name, "F"}, Input{name, "Fi"}, Input{name, "Fit"}, Undo{}},
			same:  true, canRedo: true},
		{name: "and redo types it all again",
			steps:  []Action{Input{name, "F"}, Input{name, "Fi"}, Input{name, "Fit"}, Undo{}, Redo{}},
			fields: map[Field]string{name: "Fit"}, canUndo: true},
		{name: "two fields are two steps",
			steps:  []Action{Input{name, "Fit"}, Input{weight, "3"}, Undo{}},
			fields: map[Field]string{name: "Fit", weight: "2"}, canUndo: true, canRedo: true},
		{name: "the same field again after another is a new step",
			steps:  []Action{Input{name, "A"}, Input{weight, "3"}, Input{name, "B"}, Undo{}},
			fields: map[Field]string{name: "A", weight: "3"}, canUndo: true, canRedo: true},
		{name: "an invalid text is no step",
			steps:  []Action{Input{weight, "3"}, Input{weight, "3x"}, Undo{}},
			fields: map[Field]string{weight: "2"}, canRedo: true},
		{name: "undo after a delete restores",
			steps: []Action{DeleteItem{ID: "fit"}, Undo{}},
			same:  true, canRedo: true},
		{name: "redo deletes again",
			steps: []Action{DeleteItem{ID: "fit"}, Undo{}, Redo{}},
			items: 9, canUndo: true},
		{name: "the notice's undo restores a deleted item",
			steps: []Action{DeleteItem{ID: "fit"}, NoticeUndo{}},
			same:  true, canRedo: true},
		{name: "the notice's undo restores a deleted scenario",
			steps: []Action{DeleteScenario{ID: "status-quo"}, NoticeUndo{}},
			same:  true, canRedo: true},
		{name: "an edit after undo drops the redo",
			steps:  []Action{Input{weight, "3"}, Undo{}, Input{weight, "4"}},
			fields: map[Field]string{weight: "4"}, canUndo: true},
		{name: "undo with nothing to undo",
			steps: []Action{Undo{}, Undo{}},
			same:  true},
		{name: "undo goes back past every step",
			steps: []Action{Input{weight, "3"}, DeleteItem{ID: "quality"}, Input{name, "X"}, Undo{}, Undo{}, Undo{}, Undo{}},
			same:  true, canRedo: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			template := tb.model()
			for _, a := range tt.steps {
				tb.do(a)
			}
			s := tb.state()
			if tt.same {
				assert.Equal(t, template, s.Model())
			}
			for f, want := range tt.fields {
				assert.Equal(t, want, FieldText(i18n.EN, s.Model(), f), "%v", f)
			}
			if tt.items > 0 {
				assert.Len(t, s.Model().Items, tt.items)
			}
			assert.Equal(t, tt.canUndo, s.Hist.CanUndo(), "can undo")
			assert.Equal(t, tt.canRedo, s.Hist.CanRedo(), "can redo")
			assert.Equal(t, calc.Evaluate(s.Model()), s.Result)
			switch tt.steps[len(tt.steps)-1].(type) {
			case Undo, Redo, NoticeUndo:
				assert.Empty(t, s.Drafts, "undo and redo show the model's values")
			}
			assert.Equal(t, original, FieldText(i18n.EN, template, name))
		})
	}
}

func TestDeleteNotice(t *testing.T) {
	tb := editorTab(t)
	tb.do(DeleteItem{ID: "fit"})
	n := tb.state().Notice
	assert.Equal(t, "Deleted “Fit with our workflow”.", n.Text)
	assert.Equal(t, Undo{}, n.Undo)
	assert.False(t, n.IsErr)

	// The notice goes by itself; a later notice is not hidden by the
	// tabTimer of an earlier one.
	tb.advance(NoticeTime / 2)
	tb.do(DeleteScenario{ID: "status-quo"})
	second := tb.state().Notice
	assert.Equal(t, "Deleted scenario “Status quo”.", second.Text)
	tb.advance(NoticeTime / 2)
	assert.Equal(t, second, tb.state().Notice, "the first notice's tabTimer leaves the second")
	tb.advance(NoticeTime / 2)
	assert.Empty(t, tb.state().Notice.Text)

	// NoticeUndo with no notice does nothing.
	before := tb.model()
	tb.do(NoticeUndo{})
	assert.Equal(t, before, tb.model())
}

func TestReduceLeavesItsInputAlone(t *testing.T) {
	tb := editorTab(t)
	tb.input(fitCell, "four")
	s := tb.state()
	rows := append([]*Row(nil), s.Grid.Rows...)
	row := *s.Grid.Rows[1]
	drafts := map[Field]Draft{fitCell: s.Drafts[fitCell]}

	for _, a := range []Action{
		Input{fitCell, "2"}, Input{qualityCell, "1"}, InputDone{fitCell}, DeleteItem{ID: "fit"}, Undo{},
		ToggleTable{Chart: "totals", Open: true}, AddItem{Side: calc.SideCost, Name: "Fees"},
	} {
		next, _ := Reduce(s, a)
		require.NotNil(t, next.Grid.Head)
		assert.Equal(t, drafts, s.Drafts, "%s changed the drafts it was given", a.Path())
		for i := range rows {
			assert.Same(t, rows[i], s.Grid.Rows[i], "%s changed the rows it was given", a.Path())
		}
		assert.Equal(t, row, *s.Grid.Rows[1], "%s changed a row it was given", a.Path())
		assert.Nil(t, s.TablesOpen)
	}
}

func TestGridInput(t *testing.T) {
	tests := []struct {
		name  string
		field Field
		text  string
		row   int    // the row that changes
		cell  int    // its cell that shows the text, -1 for none
		value string // the cell's value text, when cell >= 0
	}{
		{"a score", fitCell, "1", 1, 1, "1"},
		{"an invalid score", fitCell, "one", 1, 1, "one"},
		{"a score in the first row", qualityCell, "1", 0, 1, "1"},
		{"the other scenario", EntryField("status-quo", "fit"), "5", 1, 0, "5"},
		{"an entry weight", EntryWeightField("with-us", "fit"), "4", 1, -1, ""},
		{"an item name", ItemField(FieldItemName, "peace"), "Calm", 2, -1, ""},
		{"an item weight", ItemField(FieldItemWeight, "peace"), "0.5", 2, -1, ""},
		{"an invalid item weight", ItemField(FieldItemWeight, "peace"), "-0.5", 2, -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			before := tb.state().Grid
			require.Len(t, before.Rows, 10)
			tb.input(tt.field, tt.text)
			g := tb.state().Grid

			assert.Same(t, before.Head, g.Head)
			require.Len(t, g.Rows, len(before.Rows))
			for i := range g.Rows {
				if i == tt.row {
					assert.NotSame(t, before.Rows[i], g.Rows[i], "row %d must be rebuilt", i)
				} else {
					assert.Same(t, before.Rows[i], g.Rows[i], "row %d must keep its view", i)
				}
			}
			row := g.Rows[tt.row]
			d := tb.state().Drafts[tt.field]
			switch tt.field.Kind {
			case FieldEntry:
				c := row.Cells[tt.cell]
				assert.Equal(t, tt.field.Scenario, c.Scenario)
				assert.Equal(t, Draft{Text: tt.value, Err: d.Err}, c.Value)
				for j, other := range row.Cells {
					if j != tt.cell {
						assert.Equal(t, before.Rows[tt.row].Cells[j].Value, other.Value)
					}
				}
			case FieldEntryWeight:
				c := row.Cells[1]
				assert.Equal(t, d, c.Weight)
				assert.True(t, c.WeightTyped)
			case FieldItemName:
				assert.Equal(t, d, row.Name)
				assert.Equal(t, tt.text, row.Item.Name)
			case FieldItemWeight:
				assert.Equal(t, d, row.Weight)
			}

			// Leaving the field shows the model's value, which reads as
			// the draft did: the row keeps its view unless it shows
			// something else (an entry weight no longer being typed). An
			// invalid draft stays, and its row.
			tb.do(InputDone{Field: tt.field})
			s := tb.state()
			if d.Err == "" {
				_, kept := s.Drafts[tt.field]
				require.False(t, kept)
				require.Equal(t, d.Text, FieldText(s.Lang, s.Model(), tt.field))
			}
			if after := s.Grid.Rows[tt.row]; tt.field.Kind == FieldEntryWeight && d.Err == "" {
				assert.NotSame(t, row, after)
				assert.False(t, after.Cells[1].WeightTyped)
			} else {
				assert.Same(t, row, after)
			}
		})
	}
}

func TestGridReshaped(t *testing.T) {
	tests := []struct {
		name    string
		action  Action
		rows    int
		newHead bool // the head shows something new
	}{
		{"an item added", AddItem{Side: calc.SideBenefit, Name: "Support"}, 11, true},
		{"an item deleted", DeleteItem{ID: "peace"}, 9, true},
		{"an item moved", MoveItem{ID: "peace", By: -1}, 10, false},
		{"a scenario renamed", Input{ScenarioNameField("with-us"), "With Acme"}, 10, true},
		{"a scenario added", AddScenario{Name: "Competitor"}, 10, true},
		{"the scale changed", ScalePreset{Value: "1-10"}, 10, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			before := tb.state().Grid
			tb.do(tt.action)
			g := tb.state().Grid
			require.Len(t, g.Rows, tt.rows)
			if tt.newHead {
				assert.NotSame(t, before.Head, g.Head)
			}
			m := tb.model()
			assert.Equal(t, len(m.Items), g.Head.Items)
			for i, r := range g.Rows {
				assert.Equal(t, m.Items[i], r.Item, "row %d", i)
				assert.Len(t, r.Cells, len(m.Scenarios))
			}
			// A row that shows what it showed keeps its view, wherever
			// its item moved; one that shows something new is new.
			for i, r := range g.Rows {
				for _, old := range before.Rows {
					if old.Item.ID != r.Item.ID {
						continue
					}
					if old.RowFields == r.RowFields && rowCellsEqual(old, r) {
						assert.Same(t, old, r, "row %d", i)
					} else {
						assert.NotSame(t, old, r, "row %d", i)
					}
				}
			}
		})
	}
}

func TestGridHead(t *testing.T) {
	f := ScenarioNameField("with-us")
	tb := editorTab(t)
	before := tb.state().Grid

	tb.input(f, "With Acme")
	g := tb.state().Grid
	assert.NotSame(t, before.Head, g.Head)
	assert.Equal(t, ScenarioHead{ID: "with-us", Name: "With Acme", Input: Draft{Text: "With Acme"}, Last: true}, g.Head.Scenarios[1])
	assert.Equal(t, before.Head.Scenarios[0], g.Head.Scenarios[0])
	assert.Equal(t, "With Acme", g.Rows[0].Cells[1].ScenarioName)

	// An invalid name changes the head's field, not the name.
	tb.input(f, "")
	h := tb.state().Grid.Head
	assert.NotSame(t, g.Head, h)
	assert.Equal(t, "With Acme", h.Scenarios[1].Name)
	assert.Equal(t, Draft{Text: "", Err: "Enter a name."}, h.Scenarios[1].Input)
	assert.Equal(t, g.Rows, tb.state().Grid.Rows, "the rows do not show the name's draft")

	// Undo shows the model's name again.
	tb.do(Undo{})
	h = tb.state().Grid.Head
	assert.Equal(t, "With us", h.Scenarios[1].Name)
	assert.Equal(t, Draft{Text: "With us"}, h.Scenarios[1].Input)
}

func TestGridUnchanged(t *testing.T) {
	for _, a := range []Action{
		OpenPanel{PanelShare}, SetView{ViewReport}, ToggleTable{Chart: "totals", Open: true},
		Explain{Scenario: "with-us", What: "net"}, FocusScenario{ID: "status-quo"}, Drag{On: true},
		Input{SettingField(FieldTitle), "Acme"}, Input{SettingField(FieldHorizon), "5"}, InputDone{qualityCell},
	} {
		t.Run(a.Path(), func(t *testing.T) {
			tb := editorTab(t)
			before := tb.state().Grid
			tb.do(a)
			g := tb.state().Grid
			assert.Same(t, before.Head, g.Head)
			assert.Equal(t, before.Rows, g.Rows)
		})
	}
}

func TestMoneyCells(t *testing.T) {
	hoursSaved := Cell{"with-us", "hours-saved"}
	training := Cell{"status-quo", "training"} // empty
	tickets := []string{"tickets"}             // hours-saved is per ticket a month
	tests := []struct {
		name  string
		steps []Action
		cell  Cell
		want  calc.Entry // nil pointers for no entry
		none  bool
	}{
		{name: "typing keeps the cell's unit, recurrence and drivers",
			steps: []Action{Input{EntryField("with-us", "hours-saved"), "0.075"}},
			cell:  hoursSaved, want: calc.Entry{Hours: calc.Float(0.075), Per: calc.PerMonth, Times: tickets}},
		{name: "and so does clearing it first",
			steps: []Action{Input{EntryField("with-us", "hours-saved"), ""}, Input{EntryField("with-us", "hours-saved"), "75"}},
			cell:  hoursSaved, want: calc.Entry{Hours: calc.Float(75), Per: calc.PerMonth}},
		{name: "an empty cell is an amount paid once",
			steps: []Action{Input{EntryField("status-quo", "training"), "$2,500"}},
			cell:  training, want: calc.Entry{Amount: calc.Float(2500), Per: calc.PerOnce}},
		{name: "a unit chosen before the value",
			steps: []Action{SetPer{training, "hours/year"}, Input{EntryField("status-quo", "training"), "40"}},
			cell:  training, want: calc.Entry{Hours: calc.Float(40), Per: calc.PerYear}},
		{name: "a unit changed on a value",
			steps: []Action{SetPer{hoursSaved, "amount/year"}},
			cell:  hoursSaved, want: calc.Entry{Amount: calc.Float(0.05), Per: calc.PerYear, Times: tickets}},
		{name: "an unknown unit is ignored",
			steps: []Action{SetPer{hoursSaved, "days/week"}},
			cell:  hoursSaved, want: calc.Entry{Hours: calc.Float(0.05), Per: calc.PerMonth, Times: tickets}},
		{name: "a unit chosen for an empty cell adds no entry",
			steps: []Action{SetPer{training, "hours/month"}},
			cell:  training, none: true},
		{name: "a negative amount is refused",
			steps: []Action{Input{EntryField("with-us", "hours-saved"), "-5"}},
			cell:  hoursSaved, want: calc.Entry{Hours: calc.Float(0.05), Per: calc.PerMonth, Times: tickets}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t, MemStorage{}, Start{Query: "template=software-purchase"})
			require.Equal(t, calc.ModeMoney, tb.model().Mode)
			for _, a := range tt.steps {
				tb.do(a)
			}
			m := tb.model()
			e, ok := entryOf(m, tt.cell.Scenario, tt.cell.Item)
			if tt.none {
				assert.False(t, ok, "no entry")
				assert.Equal(t, "hours/month", MoneySetting(m, tt.cell, tb.state().Pending).Value())
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, e)
			assert.Equal(t, calc.Evaluate(m), tb.state().Result)
		})
	}
}

func TestStartLanguage(t *testing.T) {
	tests := []struct {
		name  string
		query string
		langs []string
		want  i18n.Lang
	}{
		{"browser's", "", []string{"fr-FR", "en"}, i18n.FR},
		{"first spoken of the browser's", "", []string{"nl", "es-419"}, i18n.ES},
		{"none spoken", "", []string{"ja"}, i18n.EN},
		{"?lang= wins", "embed=1&lang=de", []string{"fr"}, i18n.DE},
		{"?lang= unknown", "lang=xx", []string{"es"}, i18n.ES},
		{"chosen before wins over the browser's", "", []string{"fr"}, i18n.DE},
		{"?lang= wins over the one chosen before", "lang=es", []string{"fr"}, i18n.ES},
		{"an embed's host decides, not a choice made in the app", "embed=1", []string{"fr"}, i18n.FR},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			saved := ""
			if strings.Contains(tc.name, "chosen before") || strings.Contains(tc.name, "made in the app") {
				saved = "de"
			}
			s, effects := Reduce(State{}, Start{Query: tc.query, Langs: tc.langs, SavedLang: saved})
			assert.Equal(t, tc.want, s.Lang)
			assert.Contains(t, effects, Effect(SetPageLang{Lang: tc.want, Title: tc.want.T(i18n.PageTitle)}),
				"<html lang> and the title follow the language from the start")
		})
	}
}

// TestInputNumbers types numbers the local way in each language (SPEC
// §9): the model takes the number read by the language's rule, and the
// field says how it read a number that reads two ways, or one typed the
// other language's way, until the user moves on.
func TestInputNumbers(t *testing.T) {
	sub := EntryField("with-us", "subscription") // money: 0 to 1e12
	tests := []struct {
		lang i18n.Lang
		text string
		want float64
		read string // the hint; "" for none
	}{
		{i18n.EN, "1,234.5", 1234.5, ""},
		{i18n.EN, "12.5", 12.5, ""},
		{i18n.EN, "12,500", 12500, "12,500 → 12500, not 12.5"},
		{i18n.EN, "12.000", 12, "12.000 → 12, not 12000"},
		{i18n.EN, "1,5", 1.5, "1,5 → 1.5"},
		{i18n.EN, "1.234,5", 1234.5, "1.234,5 → 1234.5"},
		{i18n.EN, "$ 1 234.5", 1234.5, ""},
		{i18n.DE, "1.234,5", 1234.5, ""},
		{i18n.DE, "1,5", 1.5, ""},
		{i18n.DE, "1.234.567 €", 1234567, ""},
		{i18n.DE, "12.000", 12000, "12.000 → 12000, nicht 12"},
		{i18n.DE, "12,000", 12, "12,000 → 12, nicht 12000"},
		{i18n.DE, "1,234", 1.234, "1,234 → 1,234, nicht 1234"},
		{i18n.DE, "1.5", 1.5, "1.5 → 1,5"},
		{i18n.DE, "1,234.5", 1234.5, "1,234.5 → 1234,5"},
		{i18n.ES, "1.234,5", 1234.5, ""},
		{i18n.ES, "12.000", 12000, "12.000 → 12000, no 12"},
		{i18n.ES, "2.5", 2.5, "2.5 → 2,5"},
		{i18n.FR, "1 234,5", 1234.5, ""},
		{i18n.FR, "1\u202f234,5 €", 1234.5, ""},
		{i18n.FR, "12.000", 12000, "12.000 → 12000, et non 12"},
		{i18n.FR, "1,234", 1.234, "1,234 → 1,234, et non 1234"},
		{i18n.FR, "2.5", 2.5, "2.5 → 2,5"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+" "+tt.text, func(t *testing.T) {
			tb := newTab(t, MemStorage{}, Start{Query: "view=editor&template=software-purchase&lang=" + string(tt.lang)})
			require.Equal(t, tt.lang, tb.state().Lang)
			tb.input(sub, tt.text)
			s := tb.state()
			e, ok := entryOf(s.Model(), sub.Scenario, sub.Item)
			require.True(t, ok)
			require.NotNil(t, e.Amount)
			assert.Equal(t, tt.want, *e.Amount)
			assert.Equal(t, Draft{Text: tt.text, Read: tt.read}, s.Drafts[sub], "the text stays; the hint is no error")
			assert.False(t, s.HasErrors())

			tb.do(InputDone{Field: sub})
			_, ok = tb.state().Draft(sub)
			assert.False(t, ok, "moving on takes the hint away")
			assert.Equal(t, tt.lang.Write(tt.want, true), tb.state().FieldValue(sub), "the field shows the value as a figure, the local way")
		})
	}
}

func TestSetLang(t *testing.T) {
	tests := []struct {
		name     string
		query    string
		set      i18n.Lang
		want     i18n.Lang
		remember bool
	}{
		{"chosen and remembered", "", i18n.FR, i18n.FR, true},
		{"an embed does not write storage", "embed=1", i18n.ES, i18n.ES, false},
		{"a language it does not speak is ignored", "", "xx", i18n.EN, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTab(t, MemStorage{}, Start{Query: tc.query, Langs: []string{"en-US"}})
			tb.take()
			effects := tb.do(SetLang{Lang: tc.set})
			assert.Equal(t, tc.want, tb.state().Lang)
			if tc.remember {
				assert.Equal(t, []RememberLang{{tc.set}}, effectsOf[RememberLang](effects))
			} else {
				assert.Empty(t, effectsOf[RememberLang](effects))
			}
			if tc.want == tc.set {
				assert.Equal(t, []SetPageLang{{tc.set, tc.set.T(i18n.PageTitle)}}, effectsOf[SetPageLang](effects))
			}
		})
	}
}

// TestReadHintGoes: the hint of how a number was read goes when another
// field is typed into, and when its field is left with an error, the
// error stays.
func TestReadHintGoes(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{Query: "view=editor&lang=de"})
	weight := ItemField(FieldItemWeight, "fit")
	tb.input(weight, "1.5")
	assert.Equal(t, "1.5 → 1,5", tb.state().Drafts[weight].Read)
	tb.input(qualityCell, "4")
	assert.Equal(t, Draft{Text: "1.5"}, tb.state().Drafts[weight], "typing elsewhere is moving on")

	tb.input(qualityCell, "1.000")
	d := tb.state().Drafts[qualityCell]
	assert.Equal(t, "1.000 → 1000, nicht 1", d.Read, "read, though out of the scale")
	assert.Equal(t, "Geben Sie eine Punktzahl von 1 bis 5 ein.", d.Err)
	tb.do(InputDone{Field: qualityCell})
	assert.Equal(t, Draft{Text: "1.000", Err: "Geben Sie eine Punktzahl von 1 bis 5 ein."}, tb.state().Drafts[qualityCell])
}

func TestLanguageOfWords(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{Query: "lang=de", Langs: []string{"en-US"}, Today: "2026-12-01"})
	assert.Equal(t, "Noch nicht gespeichert: wird beim Bearbeiten gespeichert", tb.state().SaveStatus())
	m := tb.model()
	assert.Equal(t, "Bewertung des Kundennutzens", m.Title, "the template opens in the interface's language")

	tb.input(SettingField(FieldTitle), "")
	d, _ := tb.state().Draft(SettingField(FieldTitle))
	assert.Equal(t, "Geben Sie einen Titel ein.", d.Err, "field errors in the interface's language")

	tb.do(SetLang{Lang: i18n.FR})
	tb.input(SettingField(FieldTitle), "")
	d, _ = tb.state().Draft(SettingField(FieldTitle))
	assert.Equal(t, "Saisissez un titre.", d.Err)
	tb.do(DeleteItem{ID: m.Items[0].ID})
	assert.Equal(t, "« Produktqualität und Zuverlässigkeit » supprimé.", tb.state().Notice.Text)
}

// TestScalePresets: a scale is a preset by its bounds, whatever its ends
// are called; choosing a preset or a custom range keeps those words.
func TestScalePresets(t *testing.T) {
	for _, tt := range []struct {
		scale calc.Scale
		want  string
	}{
		{calc.Scale{Min: 1, Max: 5}, "1-5"},
		{calc.Scale{Min: 1, Max: 5, MinLabel: "Very low", MaxLabel: "Very high"}, "1-5"},
		{calc.Scale{Min: 1, Max: 10, MinLabel: "Not at all"}, "1-10"},
		{calc.Scale{Min: 0, Max: 5}, "custom"},
		{calc.Scale{Min: 1, Max: 7}, "custom"},
	} {
		assert.Equal(t, tt.want, ScalePresetOf(tt.scale), "%+v", tt.scale)
	}

	tb := editorTab(t) // customer-value: 1 to 5, "Very low" to "Very high"
	labelled := tb.model().Scale
	require.NotEmpty(t, labelled.MinLabel)
	require.Equal(t, "1-5", ScalePresetOf(labelled))
	tb.do(ScalePreset{Value: "custom"})
	s := tb.model().Scale
	assert.Equal(t, "custom", ScalePresetOf(s), "a custom range can be chosen from a labelled preset")
	assert.Equal(t, labelled.MinLabel, s.MinLabel)
	tb.do(ScalePreset{Value: "1-10"})
	s = tb.model().Scale
	assert.Equal(t, calc.Scale{Min: 1, Max: 10, MinLabel: labelled.MinLabel, MaxLabel: labelled.MaxLabel}, s)
}

// rowCellsEqual reports whether rows a and b show the same cells, by
// value.
func rowCellsEqual(a, b *Row) bool {
	if len(a.Cells) != len(b.Cells) {
		return false
	}
	for j := range a.Cells {
		if (a.Cells[j] == nil) != (b.Cells[j] == nil) || a.Cells[j] != nil && *a.Cells[j] != *b.Cells[j] {
			return false
		}
	}
	return true
}

// TestStoryEdits: the customer and the summary are edits like the title:
// one undo step for what was typed in one go, kept in the file as a
// version 3 model even when it was read from an older one.
func TestStoryEdits(t *testing.T) {
	tb := editorTab(t)
	before := tb.model()
	tb.input(SettingField(FieldCustomer), "Ac")
	tb.input(SettingField(FieldCustomer), "Acme")
	tb.do(InputDone{Field: SettingField(FieldCustomer)})
	tb.input(SettingField(FieldSummary), "Why: tickets.\nWhat: time back.")
	tb.do(InputDone{Field: SettingField(FieldSummary)})
	m := tb.model()
	assert.Equal(t, "Acme", m.Customer)
	assert.Equal(t, "Why: tickets.\nWhat: time back.", m.Summary)

	data, err := calc.Encode(m)
	require.NoError(t, err)
	got, err := calc.Decode(data)
	require.NoError(t, err, "the file holds the story")
	assert.Equal(t, m.Customer, got.Customer)
	assert.Equal(t, m.Summary, got.Summary)

	tb.do(Undo{})
	assert.Equal(t, "", tb.model().Summary, "the summary is one step")
	assert.Equal(t, "Acme", tb.model().Customer)
	tb.do(Undo{})
	assert.Equal(t, before, tb.model(), "the customer is one step")
	tb.do(Redo{})
	assert.Equal(t, "Acme", tb.model().Customer)

	_, err = ReduceModel(m, SetCustomer{strings.Repeat("x", calc.MaxCustomerLen+1)})
	assert.Error(t, err)
	_, err = ReduceModel(m, SetSummary{strings.Repeat("x", calc.MaxSummaryLen+1)})
	assert.Error(t, err)
}
