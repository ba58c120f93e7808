package calc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/calc"
)

func TestModelLookups(t *testing.T) {
	m := calc.NewModel()
	m.Items = []calc.Item{{ID: "fit", Name: "Fit"}, {ID: "price", Name: "Price"}}
	m.Scenarios = []calc.Scenario{{ID: "now", Name: "Status quo"}, {ID: "us", Name: "With us"}}
	tests := []struct {
		id                     string
		item, scenario         int
		itemName, scenarioName string
	}{
		{"price", 1, -1, "Price", "price"},
		{"us", -1, 1, "us", "With us"},
		{"gone", -1, -1, "gone", "gone"},
		{"", -1, -1, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			assert.Equal(t, tt.item, m.ItemIndex(tt.id))
			assert.Equal(t, tt.scenario, m.ScenarioIndex(tt.id))
			assert.Equal(t, tt.itemName, m.ItemName(tt.id))
			assert.Equal(t, tt.scenarioName, m.ScenarioName(tt.id))
		})
	}
}
