package state

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

func TestDocumentActions(t *testing.T) {
	weight := ItemField(FieldItemWeight, "fit")
	runConcern(t, byDocument, []concernCase{
		{"an edit goes through the history", nil, SetTitle{"Acme renewal"},
			func(t *testing.T, before, s State, effects []Effect) {
				assert.Equal(t, "Acme renewal", s.Model().Title)
				assert.True(t, s.Hist.CanUndo())
				assert.Equal(t, before.DocRev+1, s.DocRev, "the analysis is of an older model now")
				assert.True(t, s.Dirty)
				assert.Contains(t, effects, Effect(WhenQuiet{SaveDelay, SaveNow{}}), "the autosave waits for typing to pause")
			}},
		{"a new cost is named in the interface's language", func(t *testing.T, tb *tab) { tb.do(SetLang{i18n.DE}) }, AddItem{Side: calc.SideCost},
			func(t *testing.T, _, s State, _ []Effect) {
				m := s.Model()
				assert.Equal(t, "Neue Kosten", m.Items[len(m.Items)-1].Name)
			}},
		{"a new scenario is named in the interface's language", func(t *testing.T, tb *tab) { tb.do(SetLang{i18n.FR}) }, AddScenario{},
			func(t *testing.T, before, s State, _ []Effect) {
				m := s.Model()
				assert.Equal(t, fmt.Sprintf("Scénario %d", len(before.Model().Scenarios)+1), m.Scenarios[len(m.Scenarios)-1].Name)
			}},
		{"a name given is kept", nil, AddItem{Side: calc.SideBenefit, Name: "Faster onboarding"},
			func(t *testing.T, _, s State, _ []Effect) {
				m := s.Model()
				assert.Equal(t, "Faster onboarding", m.Items[len(m.Items)-1].Name)
			}},
		{"an edit refused says why", nil, DeleteScenario{"nope"},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.Equal(t, before.Model(), s.Model())
				assert.True(t, s.Notice.IsErr)
			}},
		{"a valid figure typed", nil, Input{qualityCell, "4"},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, "4", FieldText(i18n.EN, s.Model(), qualityCell))
				assert.Equal(t, Draft{Text: "4"}, s.Drafts[qualityCell])
				assert.Equal(t, qualityCell.cell(), s.Active)
				assert.NotEqual(t, s.Result, s.Charted, "the charts follow on a frame of their own")
				assert.Contains(t, effects, Effect(AfterFrame{ChartsCatchUp{}}))
			}},
		{"an invalid figure stays as typed", nil, Input{qualityCell, "lots"},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.Equal(t, before.Model(), s.Model(), "the model keeps its last valid value")
				assert.Equal(t, "lots", s.Drafts[qualityCell].Text)
				assert.NotEmpty(t, s.Drafts[qualityCell].Err)
			}},
		{"the charts catch up", func(t *testing.T, tb *tab) { tb.input(qualityCell, "4") }, ChartsCatchUp{},
			func(t *testing.T, _, s State, _ []Effect) { assert.Equal(t, s.Result, s.Charted) }},
		{"leaving a valid field drops its draft", func(t *testing.T, tb *tab) { tb.input(qualityCell, "4") }, InputDone{qualityCell},
			func(t *testing.T, _, s State, _ []Effect) {
				_, ok := s.Draft(qualityCell)
				assert.False(t, ok)
			}},
		{"leaving an invalid field keeps its message", func(t *testing.T, tb *tab) { tb.input(qualityCell, "lots") }, InputDone{qualityCell},
			func(t *testing.T, _, s State, _ []Effect) { assert.NotEmpty(t, s.Drafts[qualityCell].Err) }},
		{"leaving a number that reads two ways marks it", func(t *testing.T, tb *tab) { tb.input(weight, "1.500") }, InputDone{weight},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, Mark{Typed: "1.500", Read: 1.5}, s.Marks[weight])
			}},
		{"a mark confirmed", func(t *testing.T, tb *tab) {
			tb.input(weight, "1.500")
			tb.do(InputDone{weight})
		}, ConfirmRead{weight},
			func(t *testing.T, _, s State, _ []Effect) { assert.Empty(t, s.Marks) }},
		{"the 1–10 scale", nil, ScalePreset{"1-10"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, [2]int{1, 10}, [2]int{s.Model().Scale.Min, s.Model().Scale.Max})
			}},
		{"undo", func(t *testing.T, tb *tab) { tb.input(qualityCell, "4") }, Undo{},
			func(t *testing.T, before, s State, _ []Effect) {
				assert.NotEqual(t, "4", FieldText(i18n.EN, s.Model(), qualityCell))
				assert.Empty(t, s.Drafts, "the fields show the model again")
				assert.True(t, s.Hist.CanRedo())
			}},
		{"redo", func(t *testing.T, tb *tab) {
			tb.input(qualityCell, "4")
			tb.do(Undo{})
		}, Redo{},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, "4", FieldText(i18n.EN, s.Model(), qualityCell))
			}},
		{"undo with nothing to undo", nil, Undo{},
			func(t *testing.T, before, s State, effects []Effect) {
				assert.Equal(t, before.Model(), s.Model())
				assert.Empty(t, effects)
			}},
	})
}

// TestDocumentSetPer: a money cell's unit and recurrence change its
// entry, or wait for its value.
func TestDocumentSetPer(t *testing.T) {
	tb := editorTab(t)
	tb.do(SetMode{calc.ModeMoney})
	cell := Cell{Scenario: "with-us", Item: "quality"}
	s, _, ok := by(byDocument, tb.state(), SetPer{Cell: cell, Value: "hours/month"})
	require.True(t, ok)
	assert.Equal(t, CellSetting{UnitHours, calc.PerMonth}, s.Pending[cell], "no value yet: it waits")

	tb.input(EntryField("with-us", "quality"), "10")
	s, _, _ = by(byDocument, tb.state(), SetPer{Cell: cell, Value: "hours/year"})
	en, ok := entryOf(s.Model(), "with-us", "quality")
	require.True(t, ok)
	require.NotNil(t, en.Hours)
	assert.Equal(t, 10.0, *en.Hours)
	assert.Equal(t, calc.PerYear, en.Per)
}
