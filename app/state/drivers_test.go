package state

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// helpdeskJSON is a year of a helpdesk priced per agent and per ticket:
// benefits 0.5 × 4,000 tickets × 12 = 24,000, costs 40 × 25 agents × 12
// = 12,000 in "With us". Nothing is priced per "sites".
const helpdeskJSON = `{"format": "valuecalc/3", "title": "Helpdesk", "mode": "money", "currency": "USD", "horizonYears": 1,
 "drivers": [
  {"id": "agents", "name": "Support agents", "unit": "agents", "value": 25},
  {"id": "tickets", "name": "Tickets a month", "unit": "tickets", "value": 4000},
  {"id": "sites", "name": "Sites", "value": 3}],
 "items": [
  {"id": "triage", "name": "Faster triage", "side": "benefit", "type": "monetary"},
  {"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"},
  {"id": "setup", "name": "Setup", "side": "cost", "type": "financial"}],
 "scenarios": [
  {"id": "with", "name": "With us", "entries": {
   "triage": {"amount": 0.5, "per": "month", "times": ["tickets"]},
   "sub": {"amount": 40, "per": "month", "times": ["agents"]}}},
  {"id": "later", "name": "Next year", "entries": {
   "sub": {"amount": 45, "per": "month", "times": ["agents"]},
   "setup": {"amount": 100, "times": ["agents", "sites"]}}}]}`

// helpdesk opens helpdeskJSON in the editor.
func helpdesk(t *testing.T, tb *tab) {
	t.Helper()
	m, err := calc.Decode([]byte(helpdeskJSON))
	require.NoError(t, err)
	tb.do(ReplaceModel{m})
	require.Equal(t, 12000.0, tb.state().Result.Scenarios[0].Net)
}

// inGerman is helpdesk with the interface in German.
func inGerman(t *testing.T, tb *tab) {
	helpdesk(t, tb)
	tb.do(SetLang{i18n.DE})
}

func driver(t *testing.T, s State, id string) calc.Driver {
	t.Helper()
	m := s.Model()
	i := m.DriverIndex(id)
	require.GreaterOrEqual(t, i, 0, "driver %q", id)
	return m.Drivers[i]
}

func driverIDs(m calc.Model) []string {
	var ids []string
	for _, d := range m.Drivers {
		ids = append(ids, d.ID)
	}
	return ids
}

func TestDriverActions(t *testing.T) {
	agents := func(k FieldKind) Field { return DriverField(k, "agents") }
	unchanged := func(t *testing.T, before, s State) {
		t.Helper()
		assert.Equal(t, before.Model(), s.Model(), "the model keeps its last valid value")
		assert.Equal(t, before.Result, s.Result, "and so do the results")
	}
	runConcern(t, byDocument, []concernCase{
		{"a new number is named in the interface's language, with an id of its own", func(t *testing.T, tb *tab) {
			inGerman(t, tb)
			tb.do(AddDriver{})
		}, AddDriver{},
			func(t *testing.T, _, s State, effects []Effect) {
				m := s.Model()
				assert.Equal(t, []string{"agents", "tickets", "sites", "d1", "d2"}, driverIDs(m))
				d := m.Drivers[4]
				assert.Equal(t, "Neue Zahl", d.Name)
				assert.Equal(t, 1.0, d.Value)
				assert.Contains(t, effects, Effect(FocusElement{"f-driver-d2-name"}), "ready to be named")
			}},
		{"the first number of a model", nil, AddDriver{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, []calc.Driver{{ID: "d1", Name: "New number", Value: 1}}, s.Model().Drivers)
			}},
		{"renamed", helpdesk, Input{agents(FieldDriverName), "Agents"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, "Agents", driver(t, s, "agents").Name)
				assert.Equal(t, "Agents", s.FieldValue(agents(FieldDriverName)))
			}},
		{"a blank name is refused where it was typed", helpdesk, Input{agents(FieldDriverName), "  "},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				assert.Equal(t, Draft{Text: "  ", Err: "Enter a name."}, s.Drafts[agents(FieldDriverName)])
			}},
		{"the unit", helpdesk, Input{agents(FieldDriverUnit), "seats"},
			func(t *testing.T, _, s State, _ []Effect) { assert.Equal(t, "seats", driver(t, s, "agents").Unit) }},
		{"a unit too long", helpdesk, Input{agents(FieldDriverUnit), strings.Repeat("x", 41)},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				assert.Equal(t, "Use at most 40 characters.", s.Drafts[agents(FieldDriverUnit)].Err)
			}},
		{"the source", helpdesk, Input{agents(FieldDriverSource), "Acme's HR export"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, "Acme's HR export", driver(t, s, "agents").Source)
			}},
		{"the note", helpdesk, Input{agents(FieldDriverNote), "Count part-timers as half"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, "Count part-timers as half", driver(t, s, "agents").Note)
			}},
		{"a control character in the source", helpdesk, Input{agents(FieldDriverSource), "a\x1bb"},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				assert.NotEmpty(t, s.Drafts[agents(FieldDriverSource)].Err)
			}},
		{"the value, and every figure follows", helpdesk, Input{agents(FieldDriverValue), "30"},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, 30.0, driver(t, s, "agents").Value)
				sc := s.Result.Scenarios[0]
				assert.Equal(t, 14400.0, sc.Costs, "40 × 30 agents × 12 months")
				assert.Equal(t, 9600.0, sc.Net)
				assert.Contains(t, effects, Effect(AfterFrame{ChartsCatchUp{}}), "the charts on the next frame")
			}},
		{"the value in German", inGerman, Input{agents(FieldDriverValue), "1.234,5"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, 1234.5, driver(t, s, "agents").Value)
				assert.Equal(t, "1.234,5", s.FieldValue(agents(FieldDriverValue)))
			}},
		{"the value shown in German", inGerman, InputDone{agents(FieldDriverValue)},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, "4.000", s.FieldValue(DriverField(FieldDriverValue, "tickets")))
			}},
		{"a value that is no number", helpdesk, Input{agents(FieldDriverValue), "lots"},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				d := s.Drafts[agents(FieldDriverValue)]
				assert.Equal(t, "lots", d.Text, "the user's text stays")
				assert.NotEmpty(t, d.Err)
				assert.Equal(t, "lots", s.DriverRows()[0].Fields[FieldDriverValue-FieldDriverName].Text, "the panel shows it")
				assert.Equal(t, d.Err, s.DriverRows()[0].Fields[FieldDriverValue-FieldDriverName].Err)
			}},
		{"a negative value", helpdesk, Input{agents(FieldDriverValue), "-1"},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				assert.Equal(t, "Enter a number from 0 to 1,000,000,000.", s.Drafts[agents(FieldDriverValue)].Err)
			}},
		{"an emptied value", helpdesk, Input{agents(FieldDriverValue), ""},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				assert.Equal(t, "Enter a number from 0 to 1,000,000,000.", s.Drafts[agents(FieldDriverValue)].Err)
			}},
		{"a low end makes a range up to the value", helpdesk, Input{agents(FieldDriverLow), "20"},
			func(t *testing.T, _, s State, _ []Effect) {
				d := driver(t, s, "agents")
				require.True(t, d.Ranged())
				assert.Equal(t, [2]float64{20, 25}, [2]float64{*d.Low, *d.High})
			}},
		{"a high end below the value", helpdesk, Input{agents(FieldDriverHigh), "20"},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				assert.Equal(t, "Enter a high estimate from the value, 25, up to 1,000,000,000.", s.Drafts[agents(FieldDriverHigh)].Err)
			}},
		{"an emptied end of a range takes the range away", func(t *testing.T, tb *tab) {
			helpdesk(t, tb)
			tb.input(agents(FieldDriverLow), "20")
		}, Input{agents(FieldDriverLow), ""},
			func(t *testing.T, _, s State, _ []Effect) {
				d := driver(t, s, "agents")
				assert.False(t, d.Ranged())
			}},
		{"a value outside its range widens it", func(t *testing.T, tb *tab) {
			helpdesk(t, tb)
			tb.input(agents(FieldDriverLow), "20")
			tb.input(agents(FieldDriverHigh), "30")
		}, Input{agents(FieldDriverValue), "35"},
			func(t *testing.T, _, s State, _ []Effect) {
				d := driver(t, s, "agents")
				assert.Equal(t, [3]float64{20, 35, 35}, [3]float64{*d.Low, d.Value, *d.High})
			}},
		{"asked of the visitor", helpdesk, SetDriverAsk{ID: "agents", Ask: true},
			func(t *testing.T, _, s State, _ []Effect) { assert.True(t, driver(t, s, "agents").Ask) }},
		{"moved up", helpdesk, MoveDriver{ID: "tickets", By: -1},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, []string{"tickets", "agents", "sites"}, driverIDs(s.Model()))
				rows := s.DriverRows()
				assert.True(t, rows[0].First)
				assert.Equal(t, "tickets", rows[0].Driver.ID)
				assert.True(t, rows[2].Last)
			}},
		{"moved down past the end stays last", helpdesk, MoveDriver{ID: "tickets", By: 5},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, []string{"agents", "sites", "tickets"}, driverIDs(s.Model()))
			}},
		{"deleting a number entries use is refused, naming them", helpdesk, DeleteDriver{ID: "agents"},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				assert.True(t, s.Notice.IsErr)
				assert.Equal(t, "“Support agents” is used by Subscription (With us, Next year), Setup (Next year): remove it from them first.", s.Notice.Text)
			}},
		{"and in the interface's language", inGerman, DeleteDriver{ID: "tickets"},
			func(t *testing.T, before, s State, _ []Effect) {
				unchanged(t, before, s)
				assert.Equal(t, "„Tickets a month“ wird von Faster triage (With us) verwendet: entfernen Sie sie dort zuerst.", s.Notice.Text)
			}},
		{"deleting a number nothing uses", func(t *testing.T, tb *tab) {
			helpdesk(t, tb)
			m := tb.model()
			clearEntry(&m, 1, "setup")
			tb.do(ReplaceModel{m})
		}, DeleteDriver{ID: "sites"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, []string{"agents", "tickets"}, driverIDs(s.Model()))
				assert.Equal(t, Notice{Text: "Deleted “Sites”.", Undo: Undo{}, Serial: s.Notice.Serial}, s.Notice)
			}},
		{"undo of a value", func(t *testing.T, tb *tab) {
			helpdesk(t, tb)
			tb.input(agents(FieldDriverValue), "3")
			tb.input(agents(FieldDriverValue), "30")
		}, Undo{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, 25.0, driver(t, s, "agents").Value, "typing a value is one step")
				assert.Equal(t, 12000.0, s.Result.Scenarios[0].Net)
				assert.Equal(t, "25", s.DriverRows()[0].Fields[FieldDriverValue-FieldDriverName].Text)
			}},
		{"redo of a value", func(t *testing.T, tb *tab) {
			helpdesk(t, tb)
			tb.input(agents(FieldDriverValue), "30")
			tb.do(Undo{})
		}, Redo{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, 30.0, driver(t, s, "agents").Value)
				assert.Equal(t, 9600.0, s.Result.Scenarios[0].Net)
			}},
		{"undo of a delete", func(t *testing.T, tb *tab) {
			helpdesk(t, tb)
			m := tb.model()
			clearEntry(&m, 1, "setup")
			tb.do(ReplaceModel{m})
			tb.do(DeleteDriver{ID: "sites"})
		}, Undo{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, []string{"agents", "tickets", "sites"}, driverIDs(s.Model()))
			}},
		{"undo of an add, a move and a question: one step each", func(t *testing.T, tb *tab) {
			helpdesk(t, tb)
			tb.do(AddDriver{})
			tb.do(MoveDriver{ID: "sites", By: -2})
			tb.do(SetDriverAsk{ID: "sites", Ask: true})
			tb.do(Undo{})
			require.False(t, driver(t, tb.state(), "sites").Ask)
			tb.do(Undo{})
			require.Equal(t, []string{"agents", "tickets", "sites", "d1"}, driverIDs(tb.model()))
		}, Undo{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, []string{"agents", "tickets", "sites"}, driverIDs(s.Model()))
			}},
	})
}

// TestDriverReduceModel: the rules of a driver's edits, apart from typing.
func TestDriverReduceModel(t *testing.T) {
	m, err := calc.Decode([]byte(helpdeskJSON))
	require.NoError(t, err)
	for _, tt := range []struct {
		name string
		a    Edit
		err  string
	}{
		{"no such driver", SetDriverValue{ID: "nope", Value: 1}, `no driver "nope"`},
		{"one end of a range", SetDriverRange{ID: "agents", Low: calc.Float(20)}, "enter both ends of the range, or neither"},
		{"a low end above the value", SetDriverRange{ID: "agents", Low: calc.Float(26), High: calc.Float(30)}, "enter a low estimate from 0 up to the value, 25"},
		{"a value too large", SetDriverValue{ID: "agents", Value: 2e9}, "enter a number from 0 to 1,000,000,000"},
		{"a field that is no driver's words", SetDriverText{ID: "agents", Kind: FieldDriverValue, Text: "3"}, "unknown field"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReduceModel(m, tt.a)
			require.EqualError(t, err, tt.err)
			assert.Equal(t, m, got)
		})
	}

	t.Run("a hundred numbers at most", func(t *testing.T) {
		full := m
		for len(full.Drivers) < calc.MaxDrivers {
			full, err = ReduceModel(full, AddDriver{})
			require.NoError(t, err)
		}
		require.NoError(t, calc.Validate(full))
		_, err := ReduceModel(full, AddDriver{})
		require.EqualError(t, err, "a model has at most 100 numbers")
	})

	t.Run("an edit leaves the model it was given alone", func(t *testing.T) {
		was := m.Drivers[0]
		_, err := ReduceModel(m, SetDriverValue{ID: "agents", Value: 7})
		require.NoError(t, err)
		assert.Equal(t, was, m.Drivers[0])
	})

	t.Run("the last one deleted: a model of version 2 again", func(t *testing.T) {
		one := calc.Model{Format: calc.Format, Title: "x", Mode: calc.ModeMoney, Scale: calc.Scale{Min: 1, Max: 5}, Currency: "USD", HorizonYears: 3,
			Drivers:   []calc.Driver{{ID: "d1", Name: "Agents", Value: 2}},
			Scenarios: []calc.Scenario{{ID: "s1", Name: "S"}}}
		got, err := ReduceModel(one, DeleteDriver{ID: "d1"})
		require.NoError(t, err)
		assert.Nil(t, got.Drivers)
		assert.False(t, got.UsesV3())
	})

	t.Run("the names of more than four items are counted", func(t *testing.T) {
		many := m
		for range 5 {
			many, err = ReduceModel(many, AddItem{Side: calc.SideCost, Name: "Seat"})
			require.NoError(t, err)
			k := len(many.Items) - 1
			setEntry(&many, 0, many.Items[k].ID, calc.Entry{Amount: calc.Float(1), Per: calc.PerOnce, Times: []string{"agents"}})
		}
		require.NoError(t, calc.Validate(many))
		_, err := ReduceModel(many, DeleteDriver{ID: "agents"})
		require.EqualError(t, err, "“Support agents” is used by Subscription (With us, Next year), Setup (Next year), Seat (With us), Seat (With us) and 3 more: remove it from them first")
	})
}
