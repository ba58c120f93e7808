package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

func moneyModel(t *testing.T) calc.Model {
	m, err := Reduce(testModel(), SetMode{calc.ModeMoney})
	require.NoError(t, err)
	m, err = Reduce(m, SetMoney{Scenario: "s1", Item: "c1", Value: calc.Float(3000), Per: calc.PerYear})
	require.NoError(t, err)
	m, err = Reduce(m, SetMoney{Scenario: "s1", Item: "b1", Value: calc.Float(20), Hours: true, Per: calc.PerMonth})
	require.NoError(t, err)
	return m
}

func TestFieldAction(t *testing.T) {
	money := moneyModel(t)
	pending := map[string]cellSetting{cellKey("s2", "b2"): {Unit: UnitHours, Per: calc.PerMonth}}
	tests := []struct {
		name  string
		model calc.Model
		key   string
		text  string
		want  Action
	}{
		{"title", testModel(), "title", "Acme deal", SetTitle{"Acme deal"}},
		{"currency", money, "currency", " eur", SetCurrency{"EUR"}},
		{"horizon", money, "horizon", "5", SetHorizon{5}},
		{"discount percent", money, "discount", "8", SetDiscountRate{0.08}},
		{"discount with sign", money, "discount", "7.5 %", SetDiscountRate{0.075}},
		{"hourly with dollar", money, "hourly", "$45", SetHourlyRate{45}},
		{"scale max", testModel(), "scale.max", "10", SetScale{1, 10}},
		{"scale min", testModel(), "scale.min", "0", SetScale{0, 5}},
		{"item name", testModel(), "item/b1/name", "Uptime", SetItemName{"b1", "Uptime"}},
		{"item weight", testModel(), "item/b1/weight", "2.5", SetItemWeight{"b1", 2.5}},
		{"item note", testModel(), "item/b1/note", "per seat", SetItemNote{"b1", "per seat"}},
		{"scenario name", testModel(), "scenario/s2/name", "Enterprise", RenameScenario{"s2", "Enterprise"}},
		{"score", testModel(), "entry/s1/b1", "4", SetScore{"s1", "b1", calc.Float(4)}},
		{"clear score", testModel(), "entry/s1/b1", " ", SetScore{"s1", "b1", nil}},
		{"amount keeps its per", money, "entry/s1/c1", "12,000", SetMoney{Scenario: "s1", Item: "c1", Value: calc.Float(12000), Per: calc.PerYear}},
		{"hours keep unit", money, "entry/s1/b1", "30", SetMoney{Scenario: "s1", Item: "b1", Value: calc.Float(30), Hours: true, Per: calc.PerMonth}},
		{"new cell uses pending", money, "entry/s2/b2", "5", SetMoney{Scenario: "s2", Item: "b2", Value: calc.Float(5), Hours: true, Per: calc.PerMonth}},
		{"new cell default", money, "entry/s2/c1", "100", SetMoney{Scenario: "s2", Item: "c1", Value: calc.Float(100), Per: calc.PerOnce}},
		{"entry weight", testModel(), "entry/s1/b1/weight", "0.8", SetEntryWeight{"s1", "b1", calc.Float(0.8)}},
		{"clear entry weight", testModel(), "entry/s1/b1/weight", "", SetEntryWeight{"s1", "b1", nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fieldAction(tt.model, tt.key, tt.text, pending)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFieldActionErrors(t *testing.T) {
	tests := []struct {
		name, key, text, want string
	}{
		{"letters in score", "entry/s1/b1", "four", "enter a number, such as 1200 or 4.5"},
		{"letters in weight", "item/b1/weight", "2x", "enter a number, such as 1200 or 4.5"},
		{"comma decimal", "item/b1/weight", "1,5", "use a point for decimals, such as 1.5"},
		{"empty title", "title", "  ", "enter a title"},
		{"bad currency", "currency", "dollars", "enter a three-letter currency code, such as USD or EUR"},
		{"horizon too long", "horizon", "31", "enter whole years from 1 to 30"},
		{"horizon fraction", "horizon", "2.5", "enter whole years from 1 to 30"},
		{"discount 100", "discount", "100", "enter a rate from 0 up to 100 %"},
		{"negative hourly", "hourly", "-1", "enter a rate of 0 or more"},
		{"scale inverted", "scale.min", "5", "the lowest score must be below the highest"},
		{"scale over 100", "scale.max", "101", "enter a whole number from 0 to 100"},
		{"unknown", "colour", "red", "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := fieldAction(testModel(), tt.key, tt.text, nil)
			require.EqualError(t, err, tt.want)
		})
	}
}

func TestFieldTextRoundTrips(t *testing.T) {
	m := moneyModel(t)
	m, err := Reduce(m, SetDiscountRate{0.07})
	require.NoError(t, err)
	for _, key := range []string{"title", "currency", "horizon", "discount", "hourly", "scale.min", "scale.max",
		"item/b1/name", "item/b1/weight", "item/b1/note", "scenario/s1/name", "entry/s1/c1", "entry/s1/b1"} {
		t.Run(key, func(t *testing.T) {
			a, err := fieldAction(m, key, fieldText(m, key), nil)
			require.NoError(t, err)
			got, err := Reduce(m, a)
			require.NoError(t, err)
			assert.Equal(t, m, got, "showing a value and reading it back changes nothing")
		})
	}
	assert.Equal(t, "7", fieldText(m, "discount"))
	assert.Equal(t, "3000", fieldText(m, "entry/s1/c1"))
	assert.Equal(t, "", fieldText(m, "entry/s2/c1"))
}
