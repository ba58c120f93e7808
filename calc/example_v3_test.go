package calc_test

import (
	"fmt"

	"github.com/valuecalc/valuecalc/calc"
)

// A case of version 3: a subscription priced per agent, a benefit that
// starts in month 2 and ramps up over 3 months, and its cash flow year by
// year, as in a TEI table.
func ExampleEvaluate_cashflow() {
	m, err := calc.Decode([]byte(`{
		"format": "valuecalc/3",
		"mode": "money", "horizonYears": 2,
		"customer": "Acme Corp",
		"drivers": [{"id": "agents", "name": "Support agents", "unit": "agents", "value": 25}],
		"items": [
			{"id": "triage", "name": "Faster triage", "side": "benefit", "type": "monetary"},
			{"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"},
			{"id": "setup", "name": "Implementation", "side": "cost", "type": "financial"}
		],
		"scenarios": [{"id": "with", "name": "With us", "entries": {
			"triage": {"amount": 4000, "per": "month", "start": 2, "ramp": 3},
			"sub": {"amount": 40, "per": "month", "times": ["agents"]},
			"setup": {"amount": 15000}
		}}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := calc.Evaluate(m).Scenarios[0]
	for _, y := range s.Cashflow {
		fmt.Printf("year %d: benefits %.0f, costs %.0f, net %.0f, cumulative %.0f\n", y.Year, y.Benefits, y.Costs, y.Net, y.Cumulative)
	}
	fmt.Printf("payback after %.2f months\n", *s.PaybackMonths)
	// Output:
	// year 0: benefits 0, costs 15000, net -15000, cumulative -15000
	// year 1: benefits 38000, costs 12000, net 26000, cumulative 11000
	// year 2: benefits 48000, costs 12000, net 36000, cumulative 47000
	// payback after 8.33 months
}
