package state

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// helpdeskV3 is SPEC §2.1's example: drivers, an entry priced per one,
// timing and a source.
const helpdeskV3 = `{"format": "valuecalc/3", "title": "Helpdesk for Acme", "mode": "money", "currency": "USD",
 "horizonYears": 3, "discountRate": 0.08, "hourlyRate": 45,
 "drivers": [
  {"id": "agents", "name": "Support agents", "unit": "agents", "value": 25},
  {"id": "tickets", "name": "Tickets a month", "unit": "tickets", "value": 4000},
  {"id": "sites", "name": "Sites", "value": 2}],
 "items": [
  {"id": "triage", "name": "Faster triage", "side": "benefit", "type": "monetary"},
  {"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"},
  {"id": "setup", "name": "Implementation", "side": "cost", "type": "financial"}],
 "scenarios": [{"id": "with", "name": "With us", "entries": {
  "triage": {"hours": 0.1, "per": "month", "times": ["tickets"], "start": 2, "ramp": 3, "source": "pilot at Beta Inc, 2025"},
  "sub": {"amount": 40, "per": "month", "times": ["agents"], "growth": 0.05},
  "setup": {"amount": 15000}}}]}`

func helpdeskModel(t testing.TB) calc.Model {
	t.Helper()
	m, err := calc.Decode([]byte(helpdeskV3))
	require.NoError(t, err)
	return m
}

// helpdeskTab is an editor on helpdeskV3, imported.
func helpdeskTab(t *testing.T) *tab {
	t.Helper()
	tb := editorTab(t)
	tb.do(ImportFile{FileName: "helpdesk.json", Text: helpdeskV3})
	require.Equal(t, "Helpdesk for Acme", tb.model().Title)
	require.Len(t, tb.model().Drivers, 3)
	tb.take()
	return tb
}

func entryIn(t *testing.T, m calc.Model, item string) calc.Entry {
	t.Helper()
	e, ok := entryOf(m, "with", item)
	require.True(t, ok, "an entry for %s", item)
	return e
}

func TestReduceEntryV3(t *testing.T) {
	tests := []struct {
		name string
		a    Edit
		item string
		want func(*calc.Entry) // the entry before, changed as a should
	}{
		{"times: one driver", SetTimes{"with", "setup", 0, "agents"}, "setup", func(e *calc.Entry) { e.Times = []string{"agents"} }},
		{"times: a second", SetTimes{"with", "sub", 1, "sites"}, "sub", func(e *calc.Entry) { e.Times = []string{"agents", "sites"} }},
		{"times: another in the first slot", SetTimes{"with", "sub", 0, "tickets"}, "sub", func(e *calc.Entry) { e.Times = []string{"tickets"} }},
		{"times: the same again", SetTimes{"with", "sub", 0, "agents"}, "sub", func(e *calc.Entry) {}},
		{"times: a slot beyond the last appends", SetTimes{"with", "sub", 2, "sites"}, "sub", func(e *calc.Entry) { e.Times = []string{"agents", "sites"} }},
		{"times: flat is a plain amount", SetTimes{"with", "sub", 0, ""}, "sub", func(e *calc.Entry) { e.Times = nil }},
		{"times: nothing in the second slot", SetTimes{"with", "sub", 1, ""}, "sub", func(e *calc.Entry) {}},
		{"start", SetTiming{"with", "sub", FieldEntryStart, 4, ""}, "sub", func(e *calc.Entry) { e.Start = 4 }},
		{"start 1 is the default", SetTiming{"with", "triage", FieldEntryStart, 1, ""}, "triage", func(e *calc.Entry) { e.Start = 0 }},
		{"start of a once entry", SetTiming{"with", "setup", FieldEntryStart, 13, ""}, "setup", func(e *calc.Entry) { e.Start = 13 }},
		{"end", SetTiming{"with", "triage", FieldEntryEnd, 24, ""}, "triage", func(e *calc.Entry) { e.End = 24 }},
		{"end at the start", SetTiming{"with", "triage", FieldEntryEnd, 2, ""}, "triage", func(e *calc.Entry) { e.End = 2 }},
		{"end cleared", SetTiming{"with", "triage", FieldEntryEnd, 0, ""}, "triage", func(e *calc.Entry) { e.End = 0 }},
		{"ramp", SetTiming{"with", "sub", FieldEntryRamp, 120, ""}, "sub", func(e *calc.Entry) { e.Ramp = 120 }},
		{"growth", SetTiming{"with", "triage", FieldEntryGrowth, -0.5, ""}, "triage", func(e *calc.Entry) { e.Growth = -0.5 }},
		{"growth cleared", SetTiming{"with", "sub", FieldEntryGrowth, 0, ""}, "sub", func(e *calc.Entry) { e.Growth = 0 }},
		{"source", SetTiming{"with", "setup", FieldEntrySource, 0, "Acme's quote, March"}, "setup", func(e *calc.Entry) { e.Source = "Acme's quote, March" }},
		{"source cleared", SetTiming{"with", "triage", FieldEntrySource, 0, ""}, "triage", func(e *calc.Entry) { e.Source = "" }},
		{"once drops end, ramp and growth", SetMoney{Scenario: "with", Item: "sub", Value: calc.Float(40), Per: calc.PerOnce}, "sub",
			func(e *calc.Entry) { e.Per, e.Growth = calc.PerOnce, 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := helpdeskModel(t)
			want := entryIn(t, m, tt.item)
			tt.want(&want)
			got, err := ReduceModel(m, tt.a)
			require.NoError(t, err)
			assert.Equal(t, want, entryIn(t, got, tt.item))
			assert.NoError(t, calc.Validate(got), "the model stays valid")
			assert.Equal(t, entryIn(t, helpdeskModel(t), tt.item), entryIn(t, m, tt.item), "m is not changed")
		})
	}
}

func TestReduceEntryV3Refused(t *testing.T) {
	tests := []struct {
		name string
		a    Edit
		err  string
	}{
		{"a driver that is not there", SetTimes{"with", "sub", 0, "agent"}, `“agent” is not one of your numbers`},
		{"a driver twice", SetTimes{"with", "sub", 1, "agents"}, "choose each number once"},
		{"a fourth slot", SetTimes{"with", "sub", 3, "sites"}, "choose at most 3 numbers"},
		{"no entry", SetTimes{"with", "nope", 0, "agents"}, "enter a value first"},
		{"start 0 typed", SetTiming{"with", "sub", FieldEntryStart, -1, ""}, "enter a month from 1 to 361"},
		{"start too late", SetTiming{"with", "sub", FieldEntryStart, 362, ""}, "enter a month from 1 to 361"},
		{"start in a month's middle", SetTiming{"with", "sub", FieldEntryStart, 2.5, ""}, "enter a whole number"},
		{"end before the start", SetTiming{"with", "triage", FieldEntryEnd, 1, ""}, "enter a month from 2 (the start) to 360"},
		{"end too late", SetTiming{"with", "triage", FieldEntryEnd, 361, ""}, "enter a month from 2 (the start) to 360"},
		{"ramp too long", SetTiming{"with", "sub", FieldEntryRamp, 121, ""}, "enter from 0 to 120 months"},
		{"ramp negative", SetTiming{"with", "sub", FieldEntryRamp, -1, ""}, "enter from 0 to 120 months"},
		{"growth too high", SetTiming{"with", "sub", FieldEntryGrowth, 1.01, ""}, "enter a yearly change from -50 % to 100 %"},
		{"growth too low", SetTiming{"with", "sub", FieldEntryGrowth, -0.6, ""}, "enter a yearly change from -50 % to 100 %"},
		{"end of a once entry", SetTiming{"with", "setup", FieldEntryEnd, 12, ""}, "a one-off entry has no end, ramp-up or growth"},
		{"ramp of a once entry", SetTiming{"with", "setup", FieldEntryRamp, 3, ""}, "a one-off entry has no end, ramp-up or growth"},
		{"growth of a once entry", SetTiming{"with", "setup", FieldEntryGrowth, 0.1, ""}, "a one-off entry has no end, ramp-up or growth"},
		{"source too long", SetTiming{"with", "setup", FieldEntrySource, 0, strings.Repeat("x", 201)}, "use at most 200 characters"},
		{"source with a control character", SetTiming{"with", "setup", FieldEntrySource, 0, "a\x1bb"}, "remove the invisible control characters from this text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := helpdeskModel(t)
			got, err := ReduceModel(m, tt.a)
			require.Error(t, err)
			assert.Equal(t, tt.err, err.Error())
			assert.Equal(t, m, got, "nothing changes")
		})
	}
	t.Run("start after the end", func(t *testing.T) {
		m, err := ReduceModel(helpdeskModel(t), SetTiming{"with", "triage", FieldEntryEnd, 6, ""})
		require.NoError(t, err)
		_, err = ReduceModel(m, SetTiming{"with", "triage", FieldEntryStart, 7, ""})
		assert.EqualError(t, err, "the start must not be after the last month, 6")
	})
	t.Run("a score model has no timing", func(t *testing.T) {
		m := helpdeskModel(t)
		m.Mode = calc.ModeScore
		m.Scenarios[0].Entries = []*calc.Entry{{Score: calc.Float(3)}, nil, nil}
		_, err := ReduceModel(m, SetTiming{"with", "triage", FieldEntryStart, 2, ""})
		assert.EqualError(t, err, "enter a value first")
		got, err := ReduceModel(m, SetTiming{"with", "triage", FieldEntrySource, 0, "survey"})
		require.NoError(t, err, "but a source")
		assert.Equal(t, "survey", entryIn(t, got, "triage").Source)
	})
}

func TestTimingFields(t *testing.T) {
	f := func(k FieldKind, item string) Field { return Field{Kind: k, Scenario: "with", Item: item} }
	tests := []struct {
		name      string
		field     Field
		text      string
		want      string // the field's text after, the model's
		err       string // the draft's message, the model unchanged
		wantEntry func(*calc.Entry)
	}{
		{"start", f(FieldEntryStart, "sub"), "3", "3", "", func(e *calc.Entry) { e.Start = 3 }},
		{"start emptied", f(FieldEntryStart, "triage"), "", "", "", func(e *calc.Entry) { e.Start = 0 }},
		{"end", f(FieldEntryEnd, "triage"), "24", "24", "", func(e *calc.Entry) { e.End = 24 }},
		{"ramp", f(FieldEntryRamp, "sub"), "6", "6", "", func(e *calc.Entry) { e.Ramp = 6 }},
		{"growth in percent", f(FieldEntryGrowth, "triage"), "5", "5", "", func(e *calc.Entry) { e.Growth = 0.05 }},
		{"growth with its sign", f(FieldEntryGrowth, "triage"), "2.5 %", "2.5", "", func(e *calc.Entry) { e.Growth = 0.025 }},
		{"growth falling", f(FieldEntryGrowth, "sub"), "-10", "-10", "", func(e *calc.Entry) { e.Growth = -0.1 }},
		{"source", f(FieldEntrySource, "sub"), "price list 2026", "price list 2026", "", func(e *calc.Entry) { e.Source = "price list 2026" }},
		{"start not a number", f(FieldEntryStart, "sub"), "May", "", "Enter a number, such as 1200 or 4.5.", nil},
		{"end before start", f(FieldEntryEnd, "triage"), "1", "", "Enter a month from 2 (the start) to 360.", nil},
		{"ramp half a month", f(FieldEntryRamp, "sub"), "1.5", "", "Enter a whole number.", nil},
		{"growth too high", f(FieldEntryGrowth, "sub"), "150", "5", "Enter a yearly change from -50 % to 100 %.", nil},
		{"end of a once entry", f(FieldEntryEnd, "setup"), "12", "", "A one-off entry has no end, ramp-up or growth.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := helpdeskTab(t)
			before := tb.model()
			tb.input(tt.field, tt.text)
			s := tb.state()
			d := s.Drafts[tt.field]
			assert.Equal(t, tt.text, d.Text, "the user's text stays")
			assert.Equal(t, tt.err, d.Err)
			want := entryIn(t, before, tt.field.Item)
			if tt.wantEntry != nil {
				tt.wantEntry(&want)
			}
			assert.Equal(t, want, entryIn(t, tb.model(), tt.field.Item))
			tb.do(InputDone{tt.field})
			if tt.err == "" {
				assert.Equal(t, tt.want, FieldText(s.Lang, tb.model(), tt.field))
			}
		})
	}
}

func TestTimingUndoRedo(t *testing.T) {
	tb := helpdeskTab(t)
	before := tb.model()
	ramp := Field{Kind: FieldEntryRamp, Scenario: "with", Item: "sub"}
	tb.input(ramp, "1")
	tb.input(ramp, "12") // typed letter by letter: one step
	tb.do(InputDone{ramp})
	tb.do(SetTimes{"with", "setup", 0, "agents"})
	tb.do(SetTiming{"with", "sub", FieldEntrySource, 0, "list price"})
	after := tb.model()
	assert.Equal(t, 12, entryIn(t, after, "sub").Ramp)
	assert.Equal(t, []string{"agents"}, entryIn(t, after, "setup").Times)

	tb.do(Undo{})
	assert.Equal(t, "", entryIn(t, tb.model(), "sub").Source)
	tb.do(Undo{})
	assert.Nil(t, entryIn(t, tb.model(), "setup").Times)
	tb.do(Undo{})
	assert.Equal(t, before, tb.model(), "the ramp is one step")
	assert.Equal(t, "", tb.state().Grid.Rows[1].Cells[0].Parts.RampIn.Text)
	tb.do(Redo{})
	tb.do(Redo{})
	tb.do(Redo{})
	assert.Equal(t, after, tb.model())
}

func TestSetTimesInSteps(t *testing.T) {
	c := func(slot int, d string) SetTimes { return SetTimes{"with", "sub", slot, d} } // priced per agents
	tests := []struct {
		name    string
		steps   []SetTimes
		want    []string
		problem bool // a notice says no
	}{
		{"another driver in the cell", []SetTimes{c(0, "tickets")}, []string{"tickets"}, false},
		{"flat in the cell is a plain amount", []SetTimes{c(0, "")}, nil, false},
		{"a second driver", []SetTimes{c(1, "sites")}, []string{"agents", "sites"}, false},
		{"a third", []SetTimes{c(1, "sites"), c(2, "tickets")}, []string{"agents", "sites", "tickets"}, false},
		{"the second taken away", []SetTimes{c(1, "sites"), c(2, "tickets"), c(1, "")}, []string{"agents", "tickets"}, false},
		{"flat with three takes all", []SetTimes{c(1, "sites"), c(0, "")}, nil, false},
		{"a driver twice is refused", []SetTimes{c(1, "agents")}, []string{"agents"}, true},
		{"a slot beyond three is refused", []SetTimes{c(3, "sites")}, []string{"agents"}, true},
		{"an empty cell says to enter a value", []SetTimes{{"with", "nope", 0, "agents"}}, []string{"agents"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := helpdeskTab(t)
			for _, a := range tt.steps {
				tb.do(a)
			}
			assert.Equal(t, tt.want, entryIn(t, tb.model(), "sub").Times)
			assert.Equal(t, tt.problem, tb.state().Notice.IsErr, "%+v", tb.state().Notice)
			require.NoError(t, calc.Validate(tb.model()))
		})
	}
}

// TestCellParts: a cell shows its entry's drivers and timing as the
// model has them, the drivers it may choose, and its detail's fields
// while its row is open.
func TestCellParts(t *testing.T) {
	tb := helpdeskTab(t)
	cell := func(item string) *CellView {
		m := tb.model()
		return tb.state().Grid.Rows[m.ItemIndex(item)].Cells[0]
	}
	sub := cell("sub")
	assert.Equal(t, EntryParts{Value: 40, Times: [3]string{"agents"}, Growth: 0.05}, sub.Parts)
	require.NotNil(t, sub.Drivers)
	assert.Equal(t, []DriverCol{{"agents", "Support agents", "agents", 25}, {"tickets", "Tickets a month", "tickets", 4000},
		{"sites", "Sites", "", 2}}, sub.Drivers.List)
	assert.False(t, sub.Open)
	tr := cell("triage")
	assert.Equal(t, EntryParts{Value: 0.1, Times: [3]string{"tickets"}, Start: 2, Ramp: 3}, tr.Parts)

	tb.do(ToggleRow{ID: "triage", Open: true})
	tr = cell("triage")
	assert.True(t, tr.Open)
	assert.Equal(t, 3, tr.Parts.Horizon)
	assert.Equal(t, "2", tr.Parts.StartIn.Text)
	assert.Equal(t, "3", tr.Parts.RampIn.Text)
	assert.Equal(t, "", tr.Parts.EndIn.Text)
	assert.Equal(t, "pilot at Beta Inc, 2025", tr.Parts.SourceIn.Text)
	assert.Same(t, sub, cell("sub"), "a closed row is not derived again")

	tb.input(SettingField(FieldHorizon), "5")
	assert.Equal(t, 5, cell("triage").Parts.Horizon, "the open row's last month follows the horizon")

	tb.do(SetLang{Lang: "de"})
	tb.input(Field{Kind: FieldEntryGrowth, Scenario: "with", Item: "triage"}, "2,5")
	assert.InDelta(t, 0.025, entryIn(t, tb.model(), "triage").Growth, 1e-12, "typed the German way")
	assert.InDelta(t, 0.025, cell("triage").Parts.Growth, 1e-12)

	tb.do(AskMode{Mode: calc.ModeScore})
	tb.do(ConfirmMode{})
	assert.Nil(t, cell("sub").Drivers, "a score model prices nothing per a driver")
}
