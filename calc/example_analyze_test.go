package calc_test

import (
	"fmt"
	"slices"

	"github.com/valuecalc/valuecalc/calc"
)

// helpdesk is a money model comparing the status quo with a vendor's
// offer over 3 years, undiscounted: $1,500 a month of fewer outages
// against a $6,000 subscription a year and $8,000 to implement.
func helpdesk() calc.Model {
	m, err := calc.Decode([]byte(`{
		"format": "valuecalc/2",
		"mode": "money",
		"horizonYears": 3,
		"items": [
			{"id": "outages", "name": "Fewer outages", "side": "benefit", "type": "functional"},
			{"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"},
			{"id": "impl", "name": "Implementation", "side": "cost", "type": "financial"}
		],
		"scenarios": [
			{"id": "sq", "name": "Status quo", "entries": {"sub": {"amount": 2000, "per": "year"}}},
			{"id": "us", "name": "With us", "entries": {
				"outages": {"amount": 1500, "per": "month", "low": 500, "high": 2000},
				"sub": {"amount": 6000, "per": "year"},
				"impl": {"amount": 8000, "low": 6000, "high": 16000}
			}}
		]
	}`))
	if err != nil {
		panic(err)
	}
	return m
}

// The verdict says how firmly the best scenario wins: "clear" when no
// single entry off by ±20 % (±1 on a scale) changes the winner.
func ExampleAnalyze() {
	a, err := calc.Analyze(helpdesk())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("best %s, runner-up %s, lead %s, verdict %s\n", a.Best, *a.RunnerUp, calc.StyleOf("en").Money(*a.Lead, "USD", -1), a.Verdict)
	// Output:
	// best us, runner-up sq, lead $34,000.00, verdict clear
}

// An entry's slope is how much its scenario's net moves per unit of its
// value: $1 more a month of fewer outages is $36 over 3 years. Its
// break-even is the value at which the net is 0, and its tie the value at
// which the scenario draws level with its rival.
func ExampleEntryAnalysis() {
	a, _ := calc.Analyze(helpdesk())
	for _, e := range a.Entries {
		if e.Scenario != "us" {
			continue
		}
		fmt.Printf("%-8s value %6.0f  slope %3.0f  break-even %s  tie %s\n",
			e.Item, e.Value, e.Slope, orNone(e.BreakEven), orNone(e.Tie))
	}
	// Output:
	// outages  value   1500  slope  36  break-even 722.22  tie 555.56
	// sub      value   6000  slope  -3  break-even 15,333.33  tie 17,333.33
	// impl     value   8000  slope  -1  break-even 36,000.00  tie 42,000.00
}

// The swing of an entry is its scenario's net with the value 20 % lower
// and higher (±1 on a scale): sorted by width, the bars of a tornado
// chart. An entry flips the answer when its tie lies within its swing.
func ExampleEntryAnalysis_tornado() {
	a, _ := calc.Analyze(helpdesk())
	bars := slices.Clone(a.Entries)
	slices.SortStableFunc(bars, func(x, y calc.EntryAnalysis) int {
		return int((y.SwingHigh - y.SwingLow) - (x.SwingHigh - x.SwingLow))
	})
	for _, e := range bars {
		fmt.Printf("%s/%-8s %7.0f … %7.0f  flips: %v\n", e.Scenario, e.Item, e.SwingLow, e.SwingHigh, e.Flips)
	}
	// Output:
	// us/outages    17200 …   38800  flips: false
	// us/sub        24400 …   31600  flips: false
	// us/impl       26400 …   29600  flips: false
	// sq/sub        -7200 …   -4800  flips: false
}

// An item's weight tie is the weight at which the runner-up draws level
// with the best: here the outages would have to count at 37 % of their
// value for the status quo to be as good.
func ExampleWeightTie() {
	a, _ := calc.Analyze(helpdesk())
	for _, w := range a.Weights {
		fmt.Printf("%-8s weight %v, tie at %s\n", w.Item, w.Weight, orNone(w.WeightTie))
	}
	// Output:
	// outages  weight 1, tie at 0.37
	// sub      weight 1, tie at 3.83
	// impl     weight 1, tie at 5.25
}

// With ranges on its entries a model gets a Monte Carlo simulation: the
// 10th, 50th and 90th percentiles of each scenario's net, the chance it
// is positive and the chance the scenario is best. A Simulation runs it
// in slices, as an interface does between frames.
func ExampleSimulation() {
	sim := calc.NewSimulation(helpdesk())
	steps := 0
	for !sim.Step(2500) {
		steps++
	}
	fmt.Println("slices before the last:", steps)
	for _, s := range sim.Result().Scenarios {
		fmt.Printf("%s: p10 %.0f, p50 %.0f, p90 %.0f, net > 0 in %.0f%%, best in %.0f%%\n",
			s.ID, s.P10, s.P50, s.P90, 100*s.PPositive, 100*s.PBest)
	}
	// Output:
	// slices before the last: 3
	// sq: p10 -6000, p50 -6000, p90 -6000, net > 0 in 0%, best in 1%
	// us: p10 3883, p50 20890, p90 34408, net > 0 in 95%, best in 99%
}

// What must the subscription be for the offer to pay back within a
// year, or for a return of 100 %?
func ExampleGoalSeek() {
	m := helpdesk()
	for _, g := range []calc.Goal{{Metric: calc.MetricPayback, Target: 12}, {Metric: calc.MetricROI, Target: 1}} {
		x, err := calc.GoalSeek(m, "us", "sub", g)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %v: subscription %s a year\n", g.Metric, g.Target, calc.StyleOf("en").Money(x, "USD", -1))
	}
	// Output:
	// paybackMonths 12: subscription $10,000.00 a year
	// roi 1: subscription $6,333.33 a year
}

func orNone(v *float64) string {
	if v == nil {
		return "none"
	}
	return calc.StyleOf("en").Number(*v, 2)
}
