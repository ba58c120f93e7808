package app

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// TestAnswerHead: the answer's heading states the takeaway as a slide's
// title would.
func TestAnswerHead(t *testing.T) {
	n := browser.NewNumbers()
	money := calc.Model{Mode: calc.ModeMoney, Currency: "USD", HorizonYears: 3}
	score := calc.Model{Mode: calc.ModeScore}
	f := func(v float64) *float64 { return &v }
	for _, tt := range []struct {
		name string
		m    calc.Model
		d    state.Verdict
		want string
	}{
		{"pays back", money, state.Verdict{Best: "With us", Net: 141918, Payback: f(4.4), RunnerUp: "Status quo", Lead: 188306}, "With us pays back in month 5"},
		{"pays back at once", money, state.Verdict{Best: "With us", Net: 10, Payback: f(0)}, "With us pays back in month 1"},
		{"gains, no payback", money, state.Verdict{Best: "With us", Net: 5000}, "With us gains $5,000 net"},
		{"nothing pays back", money, state.Verdict{Best: "Status quo", Net: -46388, RunnerUp: "With us"}, "No option pays back within 3 years"},
		{"points ahead", score, state.Verdict{Best: "Enterprise", Net: 12, RunnerUp: "SMB", Lead: 3.5}, "Enterprise leads by 3.5 points"},
		{"points alone", score, state.Verdict{Best: "SMB", Net: 12}, "SMB scores 12 points"},
		{"a tie", score, state.Verdict{Best: "A", RunnerUp: "B", Tie: true}, "A and B are level"},
		{"nothing entered", money, state.Verdict{Empty: true}, i18n.EN.T(i18n.VerdictEmpty)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, answerHead(i18n.EN, n, tt.m, tt.d))
		})
	}
	assert.Equal(t, "With us amortisiert sich im 5. Monat",
		answerHead(i18n.DE, n, money, state.Verdict{Best: "With us", Net: 1, Payback: f(4.4)}))
}

// TestTypesHead: the value-by-type heading names the winner's largest
// type of benefit, with its share of the benefits.
func TestTypesHead(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	m := calc.Model{Mode: calc.ModeMoney, Currency: "USD", HorizonYears: 1,
		Items: []calc.Item{
			{ID: "fast", Name: "Faster", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1},
			{ID: "save", Name: "Savings", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1},
			{ID: "sub", Name: "Subscription", Side: calc.SideCost, Type: calc.TypeFinancial, Weight: 1},
		},
		Scenarios: []calc.Scenario{
			{ID: "now", Name: "Status quo", Entries: []*calc.Entry{nil, nil, {Amount: f(100)}}},
			{ID: "us", Name: "With us", Entries: []*calc.Entry{{Amount: f(300)}, {Amount: f(1000)}, {Amount: f(200)}}},
		}}
	res := calc.Evaluate(m)
	assert.Equal(t, "Monetary: most of the value of With us ($1,000 of $1,300)", typesHead(i18n.EN, browser.NewNumbers(), m, res))
	assert.Equal(t, i18n.EN.T(i18n.WhereValueFrom), typesHead(i18n.EN, browser.NewNumbers(), m, calc.Result{}), "no winner, no takeaway")
}
