package state

import (
	"errors"
	"math"
	"slices"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// AnalysisState is the analysis of SPEC §8: what would change the answer.
// It is worked out when the browser is idle after an edit, never on the
// typing path; until then it is of an older model (see AnalysisFresh).
type AnalysisState struct {
	Analysis    *calc.Analysis
	AnalyzedRev uint64 // the DocRev the analysis is of
	// Analyzed and AnalyzedResult are the model and result the analysis
	// is of: the analysis section shows them, so that it renders again
	// when the analysis changes, not on every keystroke.
	Analyzed       calc.Model
	AnalyzedResult calc.Result
	Simulating     bool    // the simulation of the ranges runs
	SimProgress    float64 // how much of it has run, 0 to 1
	// LastRanges are the figures of the assessment's last simulation that
	// finished, while the next one runs: the ranges block keeps showing
	// them, marked as being brought up to date, rather than emptying and
	// filling again (moving everything below it) on every edit. Nil when
	// none is of the scenarios on screen.
	LastRanges *calc.Ranges
	rangesOf   string // the DocID the simulated ranges are of
	ShowRanges bool   // the cells show their low/high fields
	Tornado    string // the scenario the tornado chart shows, "" for the best
	Goal       Goal   // the goal seek's question and answer
	simStopped bool   // an edit has stopped the simulation that ran
}

// analysisChanged notes that the model on screen changed: the analysis is
// now of an older one, and is worked out again when typing pauses and the
// browser is idle. The typing path only moves a number here.
func (r *reducer) analysisChanged() {
	r.DocRev++
	r.Goal.Answer, r.Goal.Err = nil, ""
	if r.Simulating && !r.simStopped {
		// The run is of the model before this edit: its slices would
		// only take time from typing until the idle analysis starts
		// another, and its figures would be dropped.
		r.simStopped = true
		r.do(StopSimulation{})
	}
	r.do(WhenQuiet{AnalysisQuiet, Analyze{}})
}

// reduceAnalysis handles the analysis' actions; it reports whether a was
// one of them.
func (r *reducer) reduceAnalysis(a Action) bool {
	switch a := a.(type) {
	case Analyze:
		if r.AnalysisFresh() {
			// A wait's timer can fire just as a later edit starts
			// another: the analysis that comes second has nothing new
			// to work out, and would simulate the same model again.
			return true
		}
		last, _ := r.CardRanges()
		r.LastRanges = nil
		an, err := calc.Sensitivity(r.Model())
		if err != nil {
			r.Analysis, r.Simulating = nil, false
			return true
		}
		r.Analysis, r.AnalyzedRev = &an, r.DocRev
		r.Analyzed, r.AnalyzedResult = r.Model(), r.Result
		r.Simulating, r.SimProgress, r.simStopped = hasRanges(r.Model()), 0, false
		if r.Simulating {
			if last != nil && sameScenarios(last, r.Model()) {
				r.LastRanges = last
			}
			r.do(Simulate{Rev: r.DocRev, Model: r.Model()})
		}
		r.answerGoal()
	case Simulated:
		if a.Rev != r.DocRev || !r.AnalysisFresh() {
			return true // of a model that has changed since: dropped
		}
		r.SimProgress = a.Done
		if a.Ranges != nil {
			an := *r.Analysis
			an.Ranges = a.Ranges
			r.Analysis, r.Simulating = &an, false
			r.LastRanges, r.rangesOf = nil, r.DocID
			res := r.Result
			res.Scenarios = slices.Clone(res.Scenarios) // the state's own is not written
			res.SetRanges(a.Ranges)
			r.postResult(msgResult, res) // the result object gains its ranges (SPEC §4)
		}
	case ToggleRanges:
		r.ShowRanges = !r.ShowRanges
	case ChooseTornado:
		r.Tornado = a.ID
	case AskGoal:
		r.Goal = Goal{Scenario: a.Scenario, Item: a.Item, Metric: a.Metric, Target: a.Target}
		r.answerGoal()
	case UseGoal:
		g := r.Goal
		if g.Answer == nil {
			return true
		}
		m := r.Model()
		e, _ := entryOf(m, g.Scenario, g.Item)
		if m.Mode == calc.ModeScore {
			r.apply(SetScore{g.Scenario, g.Item, g.Answer})
		} else {
			r.apply(SetMoney{Scenario: g.Scenario, Item: g.Item, Value: g.Answer, Hours: e.Hours != nil, Per: e.Per})
		}
		r.Goal = Goal{Scenario: g.Scenario, Item: g.Item, Metric: g.Metric, Target: g.Target}
		r.answerGoal()
	default:
		return false
	}
	return true
}

// answerGoal solves the goal seek's question, with calc.
func (r *reducer) answerGoal() {
	g := &r.Goal
	g.Answer, g.Gives, g.Err = nil, nil, ""
	if g.Scenario == "" || g.Item == "" || g.Target == "" {
		return
	}
	t, err := parseNumber(r.Lang, g.Target)
	if err != nil {
		g.Err = sentence(r.Lang, err)
		return
	}
	if g.Metric == calc.MetricROI {
		t /= 100 // typed as a percentage
	}
	x, err := calc.GoalSeek(r.Model(), g.Scenario, g.Item, calc.Goal{Metric: g.Metric, Target: t})
	switch {
	case err == nil:
		x = goalRound(r.Model(), g.Scenario, g.Item, x)
		g.Answer, g.Reach = &x, t
		g.Gives = goalGives(r.Model(), g.Scenario, g.Item, g.Metric, x)
	case errors.Is(err, calc.ErrNoEntry):
		g.Err = r.Lang.T(i18n.GoalNoValue)
	case errors.Is(err, calc.ErrUnreachable):
		g.Err = r.Lang.T(i18n.GoalUnreachable)
	case errors.Is(err, calc.ErrOutOfRange):
		g.Err = r.Lang.T(i18n.GoalBadTarget)
	default:
		g.Err = Capitalize(firstProblem(err)) + "."
	}
}

// goalRound rounds the goal seek's answer x for an item's entry to what
// its field shows and people type: cents for money, a tenth for hours,
// two decimals for scores, kept within the score scale.
func goalRound(m calc.Model, scenario, item string, x float64) float64 {
	e, _ := entryOf(m, scenario, item)
	_, u, _ := e.Value(m.Mode)
	switch u {
	case calc.UnitHours:
		x = calc.Round(x, 1)
	case calc.UnitScore:
		x = min(max(calc.Round(x, 2), float64(m.Scale.Min)), float64(m.Scale.Max))
	default:
		x = calc.Round(x, 2)
	}
	if x == 0 {
		x = 0 // no negative zero
	}
	return x
}

// goalGives is the figure metric of scenario has when item's entry there
// is x, or nil when it has none (a ROI without costs).
func goalGives(m calc.Model, scenario, item string, metric calc.Metric, x float64) *float64 {
	e, _ := entryOf(m, scenario, item)
	var ed Edit
	if m.Mode == calc.ModeScore {
		ed = SetScore{scenario, item, &x}
	} else {
		ed = SetMoney{Scenario: scenario, Item: item, Value: &x, Hours: e.Hours != nil, Per: e.Per}
	}
	m2, err := ReduceModel(m, ed)
	j := m2.ScenarioIndex(scenario)
	if err != nil || j < 0 {
		return nil
	}
	r := calc.Evaluate(m2).Scenarios[j]
	switch metric {
	case calc.MetricROI:
		return r.ROI
	case calc.MetricPayback:
		return r.PaybackMonths
	}
	return &r.Net
}

// sameScenarios reports whether rs are of m's scenarios, in m's order:
// figures that can stand in m's ranges block until its own are simulated.
func sameScenarios(rs *calc.Ranges, m calc.Model) bool {
	if len(rs.Scenarios) != len(m.Scenarios) {
		return false
	}
	for i, s := range m.Scenarios {
		if rs.Scenarios[i].ID != s.ID {
			return false
		}
	}
	return true
}

func hasRanges(m calc.Model) bool {
	for _, s := range m.Scenarios {
		for _, e := range s.Entries {
			if e != nil && e.Ranged() {
				return true
			}
		}
	}
	return false
}

// Swing is one bar of a tornado chart: how far the scenario's net moves
// when one entry moves through its swing.
type Swing struct {
	calc.EntryAnalysis
	Name string // the item's
}

// Tornado returns the largest swings of scenario id's net, at most n,
// largest first.
func Tornado(an *calc.Analysis, m calc.Model, id string, n int) []Swing {
	if an == nil {
		return nil
	}
	// The entries' indexes are sorted, not copies of them, and only the
	// bars kept are named: this runs when an analysis lands, and a
	// 200 × 5 model has 1,000 entries (docs/PERFORMANCE.md).
	var idx []int
	for k := range an.Entries {
		if an.Entries[k].Scenario == id {
			idx = append(idx, k)
		}
	}
	width := func(k int) float64 { return an.Entries[k].SwingHigh - an.Entries[k].SwingLow }
	slices.SortStableFunc(idx, func(a, b int) int {
		wa, wb := width(a), width(b)
		switch {
		case wa > wb:
			return -1
		case wa < wb:
			return 1
		}
		return 0
	})
	if len(idx) == 0 {
		return nil
	}
	out := make([]Swing, min(len(idx), n))
	for i := range out {
		e := an.Entries[idx[i]]
		name := e.Item
		if j := m.ItemIndex(e.Item); j >= 0 {
			name = m.Items[j].Name
		}
		out[i] = Swing{e, name}
	}
	return out
}

// EntryOf returns the analysis of one entry, if there is one.
func EntryOf(an *calc.Analysis, scenario, item string) (calc.EntryAnalysis, bool) {
	if an == nil {
		return calc.EntryAnalysis{}, false
	}
	for _, e := range an.Entries {
		if e.Scenario == scenario && e.Item == item {
			return e, true
		}
	}
	return calc.EntryAnalysis{}, false
}

// Flip is the entry whose error most plausibly changes the winner: of the
// entries that flip it, the one whose tie lies closest to its value,
// relative to its swing.
func Flip(an *calc.Analysis) (calc.EntryAnalysis, bool) {
	if an == nil {
		return calc.EntryAnalysis{}, false
	}
	best, found, dist := calc.EntryAnalysis{}, false, math.Inf(1)
	for _, e := range an.Entries {
		if !e.Flips || e.Tie == nil {
			continue
		}
		d := math.Abs(*e.Tie - e.Value)
		if e.Value != 0 {
			d /= math.Abs(e.Value)
		}
		if d < dist {
			best, found, dist = e, true, d
		}
	}
	return best, found
}
