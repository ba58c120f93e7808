package state

import "github.com/valuecalc/valuecalc/calc"

// Verdict is the answer a result gives, as the sentence at the top of the
// results says it: the best scenario among those with values, its lead
// over the runner-up and its payback.
type Verdict struct {
	Empty    bool   // nothing is entered in any scenario
	Best     string // the best scenario's name
	BestID   string
	Net      float64
	RunnerUp string // "" with fewer than two scenarios with values
	Lead     float64
	Tie      bool // the runner-up's net is the best's
	Payback  *float64
}

// EmptyScenario reports whether scenario j of m holds no value at all: it
// has nothing to say yet, so it shows no figure and no delta.
func EmptyScenario(m calc.Model, j int) bool {
	for _, e := range m.Scenarios[j].Entries {
		if e != nil {
			return false
		}
	}
	return true
}

// StatusQuo reports whether m's first scenario is a status quo: it holds
// no value for any benefit. Its items without a value are no news.
func StatusQuo(m calc.Model) bool {
	if len(m.Scenarios) == 0 {
		return false
	}
	for i, it := range m.Items {
		if it.Side == calc.SideBenefit && m.Scenarios[0].Entry(i) != nil {
			return false
		}
	}
	return true
}

// Unscored lists, per scenario, the names of the items without a value,
// leaving out empty scenarios and a status quo.
func Unscored(m calc.Model) [][]string {
	out := make([][]string, len(m.Scenarios))
	quo := StatusQuo(m)
	for j, s := range m.Scenarios {
		if EmptyScenario(m, j) || (j == 0 && quo) {
			continue
		}
		for i, it := range m.Items {
			if s.Entry(i) == nil {
				out[j] = append(out[j], it.Name)
			}
		}
	}
	return out
}

// Decide is the verdict of res, the result of m.
func Decide(m calc.Model, res calc.Result) Verdict {
	best, second := -1, -1
	for j, s := range res.Scenarios {
		if j >= len(m.Scenarios) || EmptyScenario(m, j) {
			continue
		}
		switch {
		case best < 0 || s.Net > res.Scenarios[best].Net:
			best, second = j, best
		case second < 0 || s.Net > res.Scenarios[second].Net:
			second = j
		}
	}
	if best < 0 {
		return Verdict{Empty: true}
	}
	b := res.Scenarios[best]
	v := Verdict{Best: b.Name, BestID: b.ID, Net: b.Net, Payback: b.PaybackMonths}
	if second >= 0 {
		r := res.Scenarios[second]
		v.RunnerUp, v.Lead, v.Tie = r.Name, b.Net-r.Net, b.Net == r.Net
	}
	return v
}
