package app

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

func TestPartsOrder(t *testing.T) {
	m := calc.NewModel()
	m.Items = []calc.Item{
		{ID: "small", Name: "Small", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1},
		{ID: "none1", Name: "None 1", Side: calc.SideBenefit, Type: calc.TypeSocial, Weight: 1},
		{ID: "big1", Name: "Big 1", Side: calc.SideBenefit, Type: calc.TypeEmotional, Weight: 1},
		{ID: "cost", Name: "Cost", Side: calc.SideCost, Type: calc.TypeFinancial, Weight: 1},
		{ID: "none2", Name: "None 2", Side: calc.SideBenefit, Type: calc.TypeSocial, Weight: 1},
		{ID: "big2", Name: "Big 2", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1},
		{ID: "zero", Name: "Zero", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1},
	}
	m.Scenarios = []calc.Scenario{{ID: "s", Name: "S", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
		"small": {Score: calc.Float(1)}, "big1": {Score: calc.Float(4)}, "cost": {Score: calc.Float(5)},
		"big2": {Score: calc.Float(4)}, "zero": {Score: calc.Float(0)},
	})}}
	var ids []string
	for _, p := range parts(i18n.EN, browser.NewNumbers(), m, calc.Evaluate(m), 0, calc.SideBenefit) {
		ids = append(ids, p.Item.ID)
	}
	// Scored first, largest first, model order among equals.
	assert.Equal(t, []string{"big1", "big2", "small", "zero", "none1", "none2"}, ids)
}
