package state

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// testModel is a small score model: two benefits, one cost, two scenarios.
func itemNames(m calc.Model) []string {
	var out []string
	for _, it := range m.Items {
		out = append(out, it.ID)
	}
	return out
}

func scenarioNames(m calc.Model) []string {
	var out []string
	for _, s := range m.Scenarios {
		out = append(out, s.ID)
	}
	return out
}

// TestReduce applies each action to testModel and checks the result is
// valid and what the action says.
func TestReduce(t *testing.T) {
	tests := []struct {
		name   string
		action Edit
		check  func(t *testing.T, m calc.Model)
	}{
		{"set title", SetTitle{"Acme"}, func(t *testing.T, m calc.Model) { assert.Equal(t, "Acme", m.Title) }},
		{"switch to money drops scores", SetMode{calc.ModeMoney}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, calc.ModeMoney, m.Mode)
			assert.Len(t, m.Items, 3, "items are kept")
			for _, s := range m.Scenarios {
				for _, e := range s.Entries {
					assert.Nil(t, e)
				}
			}
		}},
		{"rescale 1-5 to 1-10", SetScale{1, 10}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, 10.0, *entryAt(m, 1, "b1").Score)
			assert.Equal(t, 1.0, *entryAt(m, 0, "c1").Score)
			assert.Equal(t, 3.25, *entryAt(m, 0, "b1").Score)
			assert.Equal(t, 3.0, *entryAt(m, 1, "b1").Weight, "weights are kept")
		}},
		{"currency is upper-cased", SetCurrency{" eur "}, func(t *testing.T, m calc.Model) { assert.Equal(t, "EUR", m.Currency) }},
		{"add benefit", AddItem{Side: calc.SideBenefit}, func(t *testing.T, m calc.Model) {
			require.Len(t, m.Items, 4)
			assert.Equal(t, calc.Item{ID: "b3", Name: "New benefit", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1}, m.Items[3])
		}},
		{"add cost", AddItem{Side: calc.SideCost, Name: "Training"}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, "c2", m.Items[3].ID)
			assert.Equal(t, calc.TypeFinancial, m.Items[3].Type)
			assert.Equal(t, "Training", m.Items[3].Name)
		}},
		{"delete item removes its entries", DeleteItem{"b1"}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, []string{"c1", "b2"}, itemNames(m))
			assert.Equal(t, 1.0, *entryAt(m, 0, "c1").Score, "the entries that stay follow their items")
			assert.Equal(t, 3.0, *entryAt(m, 0, "b2").Score)
			assert.Nil(t, entryAt(m, 1, "b2"))
		}},
		{"duplicate item copies entries", DuplicateItem{"b1"}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, []string{"b1", "b3", "c1", "b2"}, itemNames(m))
			assert.Equal(t, "Reliability (copy)", m.Items[1].Name)
			require.NotNil(t, entryAt(m, 1, "b3"))
			assert.Equal(t, entryAt(m, 1, "b1"), entryAt(m, 1, "b3"))
			assert.Equal(t, 1.0, *entryAt(m, 0, "c1").Score, "the entries after it follow their items")
		}},
		{"move benefit down skips costs", MoveItem{"b1", 1}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, []string{"c1", "b2", "b1"}, itemNames(m))
			assert.Equal(t, 2.0, *entryAt(m, 0, "b1").Score, "entries move with their items")
			assert.Equal(t, 3.0, *entryAt(m, 0, "b2").Score)
			assert.Equal(t, 3.0, *entryAt(m, 1, "b1").Weight)
		}},
		{"move past the end stays", MoveItem{"b2", 1}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, []string{"b1", "c1", "b2"}, itemNames(m))
		}},
		{"rename item", SetItemName{"c1", "Subscription"}, func(t *testing.T, m calc.Model) { assert.Equal(t, "Subscription", m.Items[1].Name) }},
		{"item type", SetItemType{"c1", calc.TypeRisk}, func(t *testing.T, m calc.Model) { assert.Equal(t, calc.TypeRisk, m.Items[1].Type) }},
		{"item stage", SetItemStage{"c1", calc.StageRenewal}, func(t *testing.T, m calc.Model) { assert.Equal(t, calc.StageRenewal, m.Items[1].Stage) }},
		{"item weight", SetItemWeight{"c1", 2.5}, func(t *testing.T, m calc.Model) { assert.Equal(t, 2.5, m.Items[1].Weight) }},
		{"item note", SetItemNote{"c1", "per seat"}, func(t *testing.T, m calc.Model) { assert.Equal(t, "per seat", m.Items[1].Note) }},
		{"add scenario", AddScenario{}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, []string{"s1", "s2", "s3"}, scenarioNames(m))
			assert.Equal(t, "Scenario 3", m.Scenarios[2].Name)
		}},
		{"rename scenario", RenameScenario{"s2", "Enterprise"}, func(t *testing.T, m calc.Model) { assert.Equal(t, "Enterprise", m.Scenarios[1].Name) }},
		{"duplicate scenario", DuplicateScenario{"s1"}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, []string{"s1", "s3", "s2"}, scenarioNames(m))
			assert.Equal(t, m.Scenarios[0].Entries, m.Scenarios[1].Entries)
		}},
		{"delete scenario", DeleteScenario{"s1"}, func(t *testing.T, m calc.Model) { assert.Equal(t, []string{"s2"}, scenarioNames(m)) }},
		{"move scenario first", MoveScenario{"s2", -1}, func(t *testing.T, m calc.Model) { assert.Equal(t, []string{"s2", "s1"}, scenarioNames(m)) }},
		{"set score", SetScore{"s2", "b2", calc.Float(4.5)}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, 4.5, *entryAt(m, 1, "b2").Score)
		}},
		{"clear score unscored", SetScore{"s1", "b1", nil}, func(t *testing.T, m calc.Model) {
			assert.Nil(t, entryAt(m, 0, "b1"))
			assert.NotNil(t, entryAt(m, 0, "c1"))
		}},
		{"entry weight override", SetEntryWeight{"s1", "b1", calc.Float(0.5)}, func(t *testing.T, m calc.Model) {
			assert.Equal(t, 0.5, *entryAt(m, 0, "b1").Weight)
		}},
		{"remove weight override", SetEntryWeight{"s2", "b1", nil}, func(t *testing.T, m calc.Model) {
			assert.Nil(t, entryAt(m, 1, "b1").Weight)
			assert.Equal(t, 5.0, *entryAt(m, 1, "b1").Score)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fixture.Small()
			got, err := ReduceModel(before, tt.action)
			require.NoError(t, err)
			require.NoError(t, calc.Validate(got))
			for _, s := range got.Scenarios {
				require.Len(t, s.Entries, len(got.Items), "%s: entries parallel to the items", s.ID)
			}
			tt.check(t, got)
			assert.Equal(t, fixture.Small(), before, "Reduce must not modify its input")
		})
	}
}

func TestReduceMoney(t *testing.T) {
	m, err := ReduceModel(fixture.Small(), SetMode{calc.ModeMoney})
	require.NoError(t, err)
	m, err = ReduceModel(m, SetMoney{Scenario: "s1", Item: "c1", Value: calc.Float(3000), Per: calc.PerYear})
	require.NoError(t, err)
	m, err = ReduceModel(m, SetMoney{Scenario: "s1", Item: "b1", Value: calc.Float(20), Hours: true})
	require.NoError(t, err)
	require.NoError(t, calc.Validate(m))
	assert.Equal(t, &calc.Entry{Amount: calc.Float(3000), Per: calc.PerYear}, entryAt(m, 0, "c1"))
	assert.Equal(t, &calc.Entry{Hours: calc.Float(20), Per: calc.PerOnce}, entryAt(m, 0, "b1"))
}

func TestReduceErrors(t *testing.T) {
	one := fixture.Small()
	one.Scenarios = one.Scenarios[:1]
	tests := []struct {
		name   string
		model  calc.Model
		action Edit
		want   string
	}{
		{"empty item name", fixture.Small(), SetItemName{"b1", "   "}, "enter a name"},
		{"negative weight", fixture.Small(), SetItemWeight{"b1", -1}, "enter a weight between 0 and 1000"},
		{"score above scale", fixture.Small(), SetScore{"s1", "b1", calc.Float(6)}, "enter a score from 1 to 5"},
		{"score below scale", fixture.Small(), SetScore{"s1", "b1", calc.Float(0)}, "enter a score from 1 to 5"},
		{"negative amount", fixture.Small(), SetMoney{Scenario: "s1", Item: "b1", Value: calc.Float(-5)}, "enter an amount between 0 and 1,000,000,000,000"},
		{"unknown item", fixture.Small(), DeleteItem{"zz"}, `no item "zz"`},
		{"unknown scenario", fixture.Small(), RenameScenario{"zz", "X"}, `no scenario "zz"`},
		{"last scenario", one, DeleteScenario{"s1"}, "the last scenario cannot be deleted"},
		{"type of other side", fixture.Small(), SetItemType{"b1", calc.TypeRisk}, `"risk" is not a benefit type`},
		{"weight before value", fixture.Small(), SetEntryWeight{"s2", "b2", calc.Float(2)}, "enter a value before its weight"},
		{"control characters in the title", fixture.Small(), SetTitle{"\x1b]0;pwned\x07"}, "remove the invisible control characters from this text"},
		{"blank title", fixture.Small(), SetTitle{" "}, "enter a title"},
		{"override in an item's name", fixture.Small(), SetItemName{"b1", "a\u202eb"}, "remove the invisible control characters from this text"},
		{"escape in a scenario's name", fixture.Small(), RenameScenario{"s1", "\x1b[2J"}, "remove the invisible control characters from this text"},
		{"carriage return in a note", fixture.Small(), SetItemNote{"b1", "a\rb"}, "remove the invisible control characters from this text"},
		{"note too long", fixture.Small(), SetItemNote{"b1", strings.Repeat("x", 2001)}, "use at most 2000 characters"},
		{"new item named with a bell", fixture.Small(), AddItem{Side: calc.SideCost, Name: "\x07"}, "remove the invisible control characters from this text"},
		{"new scenario named with an override", fixture.Small(), AddScenario{Name: "\u202e"}, "remove the invisible control characters from this text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReduceModel(tt.model, tt.action)
			require.EqualError(t, err, tt.want)
			assert.Equal(t, tt.model, got, "a failed action leaves the model as it was")
		})
	}
}

func TestHistory(t *testing.T) {
	h := NewHistory(fixture.Small())
	assert.False(t, h.CanUndo())
	var err error
	for _, name := range []string{"A", "Ac", "Acm", "Acme"} {
		h, err = h.Apply(SetTitle{name})
		require.NoError(t, err)
	}
	h, err = h.Apply(DeleteItem{"b1"})
	require.NoError(t, err)
	assert.Equal(t, "Acme", h.Present().Title)

	h = h.Undo()
	assert.Len(t, h.Present().Items, 3, "undo restores the deleted item")
	h = h.Undo()
	assert.Equal(t, "Untitled", h.Present().Title, "typing a title is one step")
	assert.False(t, h.CanUndo())
	h = h.Redo()
	assert.Equal(t, "Acme", h.Present().Title)
	assert.True(t, h.CanRedo())

	h, err = h.Apply(SetTitle{"Other"})
	require.NoError(t, err)
	assert.False(t, h.CanRedo(), "a new edit drops the undone steps")

	_, err = h.Apply(SetItemWeight{"b1", -1})
	require.Error(t, err)
}

func TestHistoryLimit(t *testing.T) {
	h := NewHistory(fixture.Small())
	var err error
	for i := range HistoryLimit + 50 {
		h, err = h.Apply(AddScenario{})
		if i >= calc.MaxScenarios-2 {
			h, err = h.Apply(DeleteScenario{h.Present().Scenarios[2].ID})
		}
		require.NoError(t, err)
	}
	steps := 0
	for h.CanUndo() {
		h = h.Undo()
		steps++
	}
	assert.Equal(t, HistoryLimit, steps)
}

// TestReduceEntriesFollowItems runs thousands of random item, scenario
// and entry actions and checks after each that every scenario's entries
// stay parallel to the items, that each item keeps its own entries
// wherever it moves (against a record of them kept by ids), that the
// model stays valid, and that Reduce left the model before it untouched.
func TestReduceEntriesFollowItems(t *testing.T) {
	type cell struct{ scenario, item string }
	m := fixture.Small()
	want := map[cell]float64{}
	for _, s := range m.Scenarios {
		for i, e := range s.Entries {
			if e != nil {
				want[cell{s.ID, m.Items[i].ID}] = *e.Score
			}
		}
	}
	ids := func(m calc.Model) (items, scenarios []string) {
		for _, it := range m.Items {
			items = append(items, it.ID)
		}
		for _, s := range m.Scenarios {
			scenarios = append(scenarios, s.ID)
		}
		return items, scenarios
	}
	added := func(before, after []string) string {
		for _, id := range after {
			if !slices.Contains(before, id) {
				return id
			}
		}
		t.Fatalf("nothing added to %v", before)
		return ""
	}
	r := rand.New(rand.NewPCG(6, 28))
	for step := range 3000 {
		items, scenarios := ids(m)
		pick := func(ids []string) string { return ids[r.IntN(len(ids))] }
		var a Edit
		switch k := r.IntN(10); {
		case k == 0 || len(items) == 0:
			a = AddItem{Side: []calc.Side{calc.SideBenefit, calc.SideCost}[r.IntN(2)]}
		case k == 1 && len(items) > 1:
			a = DeleteItem{pick(items)}
		case k == 2 && len(items) < 40:
			a = DuplicateItem{pick(items)}
		case k == 3:
			a = MoveItem{ID: pick(items), By: []int{-1, 1}[r.IntN(2)]}
		case k == 4 && len(scenarios) < 6:
			if r.IntN(2) == 0 {
				a = AddScenario{}
			} else {
				a = DuplicateScenario{pick(scenarios)}
			}
		case k == 5 && len(scenarios) > 1:
			a = DeleteScenario{pick(scenarios)}
		case k == 6:
			a = MoveScenario{ID: pick(scenarios), By: []int{-1, 1}[r.IntN(2)]}
		case k == 7:
			a = SetScore{Scenario: pick(scenarios), Item: pick(items)}
		default:
			a = SetScore{Scenario: pick(scenarios), Item: pick(items), Score: calc.Float(float64(1 + r.IntN(5)))}
		}
		before, err := calc.Encode(m)
		require.NoError(t, err)
		next, err := ReduceModel(m, a)
		require.NoError(t, err, "step %d: %#v", step, a)
		after, err := calc.Encode(m)
		require.NoError(t, err)
		require.Equal(t, string(before), string(after), "step %d: %#v changed the model before it", step, a)

		// What the action does to the record by ids.
		newItems, newScenarios := ids(next)
		switch a := a.(type) {
		case DeleteItem:
			for c := range want {
				if c.item == a.ID {
					delete(want, c)
				}
			}
		case DuplicateItem:
			dup := added(items, newItems)
			for c, v := range want {
				if c.item == a.ID {
					want[cell{c.scenario, dup}] = v
				}
			}
		case DuplicateScenario:
			dup := added(scenarios, newScenarios)
			for c, v := range want {
				if c.scenario == a.ID {
					want[cell{dup, c.item}] = v
				}
			}
		case DeleteScenario:
			for c := range want {
				if c.scenario == a.ID {
					delete(want, c)
				}
			}
		case SetScore:
			if a.Score == nil {
				delete(want, cell{a.Scenario, a.Item})
			} else {
				want[cell{a.Scenario, a.Item}] = *a.Score
			}
		}
		m = next

		require.NoError(t, calc.Validate(m), "step %d: %#v", step, a)
		got := map[cell]float64{}
		for _, s := range m.Scenarios {
			require.Len(t, s.Entries, len(m.Items), "step %d: %#v: entries of %s", step, a, s.ID)
			for i, e := range s.Entries {
				if e != nil {
					got[cell{s.ID, m.Items[i].ID}] = *e.Score
				}
			}
		}
		require.Equal(t, want, got, "step %d: %#v", step, a)
	}
}
