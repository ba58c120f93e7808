package calc_test

import (
	"errors"
	"fmt"

	"github.com/valuecalc/valuecalc/calc"
)

// The domain's example: $5,000 of benefits against $2,000 of costs is a
// customer value of $3,000.
func ExampleEvaluate() {
	m, err := calc.Decode([]byte(`{
		"format": "valuecalc/1",
		"mode": "money",
		"items": [
			{"id": "gain", "name": "Benefits gained", "side": "benefit", "type": "monetary"},
			{"id": "cost", "name": "Total costs", "side": "cost", "type": "financial"}
		],
		"scenarios": [{"id": "s1", "name": "Customer", "entries": {
			"gain": {"amount": 5000},
			"cost": {"amount": 2000}
		}}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := calc.Evaluate(m).Scenarios[0]
	en, cents := calc.StyleOf("en"), m.MoneyDecimals() // whole amounts: no cents
	fmt.Println("benefits:", en.Money(s.Benefits, m.Currency, cents))
	fmt.Println("costs:   ", en.Money(s.Costs, m.Currency, cents))
	fmt.Println("value:   ", en.Money(s.Net, m.Currency, cents))
	fmt.Println("ratio:   ", en.Number(*s.Ratio, -1))
	fmt.Println("ROI:     ", en.Number(*s.ROI*100, 0)+" %")
	// Output:
	// benefits: $5,000
	// costs:    $2,000
	// value:    $3,000
	// ratio:    2.5
	// ROI:      150 %
}

// Scoring on a 1–5 scale, with weights for what matters most, to compare
// two customer segments.
func ExampleEvaluate_score() {
	m := calc.NewModel() // score mode, 1–5
	m.Items = []calc.Item{
		{ID: "rel", Name: "Reliability", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 3},
		{ID: "trust", Name: "Peace of mind", Side: calc.SideBenefit, Type: calc.TypeEmotional, Weight: 1},
		{ID: "price", Name: "Price", Side: calc.SideCost, Type: calc.TypeFinancial, Weight: 2},
		{ID: "learn", Name: "Time to learn", Side: calc.SideCost, Type: calc.TypeTime, Weight: 1},
	}
	m.Scenarios = []calc.Scenario{
		{ID: "smb", Name: "SMB", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
			"rel": {Score: calc.Float(4)}, "trust": {Score: calc.Float(3)},
			"price": {Score: calc.Float(2)}, "learn": {Score: calc.Float(2)},
		})},
		{ID: "ent", Name: "Enterprise", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
			"rel":   {Score: calc.Float(5), Weight: calc.Float(4)}, // matters more here
			"trust": {Score: calc.Float(4)},
			"price": {Score: calc.Float(4)},
			// "learn" not scored yet
		})},
	}
	if err := calc.Validate(m); err != nil {
		fmt.Println(err)
		return
	}
	res := calc.Evaluate(m)
	for _, s := range res.Scenarios {
		fmt.Printf("%-10s benefits %2g  costs %2g  net %2g  unscored %d\n", s.Name, s.Benefits, s.Costs, s.Net, s.Unscored)
	}
	fmt.Println("best:", res.Best)
	// Output:
	// SMB        benefits 15  costs  6  net  9  unscored 0
	// Enterprise benefits 24  costs  8  net 16  unscored 1
	// best: ent
}

// Decode lists every problem of a file at once, each with its path.
func ExampleDecode_errors() {
	_, err := calc.Decode([]byte(`{
		"format": "valuecalc/1",
		"mode": "points",
		"items": [
			{"id": "a", "name": "Quality", "side": "benefit", "type": "financial", "weight": -1},
			{"id": "a", "name": "Price", "side": "cost", "type": "financial", "colour": "red"}
		],
		"scenarios": [{"id": "s1", "name": "Customer", "entries": {"x": {"score": 3}}}]
	}`))
	fmt.Println(err)

	var fe *calc.FieldError
	if errors.As(err, &fe) {
		fmt.Println("first problem at:", fe.Path)
	}
	fmt.Println("unknown field:", errors.Is(err, calc.ErrUnknownField))
	// Output:
	// mode: must be "score" or "money", got "points"
	// items[0].type: must be one of functional, emotional, social, monetary for a benefit, got "financial"
	// items[0].weight: must be between 0 and 1000, got -1
	// items[1].id: duplicate id "a"
	// items[1].colour: unknown field
	// scenarios[0].entries.x: unknown item "x"
	// first problem at: mode
	// unknown field: true
}

func ExampleEncode() {
	m := calc.NewModel()
	m.Title = "Quick check"
	b, err := calc.Encode(m)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(b))
	// Output:
	// {
	//   "format": "valuecalc/2",
	//   "title": "Quick check",
	//   "mode": "score",
	//   "scale": {
	//     "min": 1,
	//     "max": 5
	//   },
	//   "currency": "USD",
	//   "horizonYears": 3,
	//   "discountRate": 0,
	//   "hourlyRate": 0,
	//   "items": [],
	//   "scenarios": [
	//     {
	//       "id": "s1",
	//       "name": "Scenario 1",
	//       "entries": {}
	//     }
	//   ]
	// }
}

func ExampleStyle_Money() {
	en, de := calc.StyleOf("en"), calc.StyleOf("de")
	fmt.Println(en.Money(5000, "USD", -1))
	fmt.Println(en.Money(5000, "USD", 0))
	fmt.Println(en.Money(-1234.5, "USD", -1))
	fmt.Println(en.Money(1200, "JPY", -1))
	fmt.Println(de.Number(1234.5, 2))
	// Output:
	// $5,000.00
	// $5,000
	// -$1,234.50
	// ¥1,200
	// 1.234,50
}
