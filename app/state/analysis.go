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
		r.Goal = Goal{Scenario: a.Scenario, Item: a.Item, Metric: a.Metric, Target: a.Target, Driver: a.Driver}
		r.answerGoal()
	case UseGoal:
		g := r.Goal
		if g.Answer == nil {
			return true
		}
		r.apply(goalEdit(r.Model(), g, *g.Answer))
		r.Goal = Goal{Scenario: g.Scenario, Item: g.Item, Metric: g.Metric, Target: g.Target, Driver: g.Driver}
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
	if g.Scenario == "" || (g.Item == "" && g.Driver == "") || g.Target == "" {
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
	m, goal := r.Model(), calc.Goal{Metric: g.Metric, Target: t}
	var x float64
	if g.Driver != "" {
		x, err = calc.GoalSeekDriver(m, g.Scenario, g.Driver, goal)
	} else {
		x, err = calc.GoalSeek(m, g.Scenario, g.Item, goal)
	}
	switch {
	case err == nil && g.Driver != "":
		x = driverRound(m, *g, goal, x)
		g.Answer, g.Reach = &x, t
		g.Gives = goalGives(m, *g, x)
	case err == nil:
		x = goalRound(m, g.Scenario, g.Item, x)
		g.Answer, g.Reach = &x, t
		g.Gives = goalGives(m, *g, x)
	case g.Driver != "" && errors.Is(err, calc.ErrUnreachable):
		g.Err = r.Lang.T(i18n.GoalDriverUnreachable, driverName(m, g.Driver))
	case g.Driver != "" && errors.Is(err, calc.ErrInvalid):
		// A payback asked of a driver that prices both benefits and costs.
		g.Err = r.Lang.T(i18n.GoalDriverBothSides, driverName(m, g.Driver))
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
	return noNegZero(x)
}

func noNegZero(x float64) float64 {
	if x == 0 {
		return 0
	}
	return x
}

// driverRound rounds the goal seek's answer x for a driver to what people
// type: a driver counted in whole numbers (its value and range are whole:
// agents, tickets) takes the whole number next to x that reaches the goal
// (a net or ROI of at least the target, a payback of at most it), the
// nearer when both do; any other two decimals.
func driverRound(m calc.Model, g Goal, goal calc.Goal, x float64) float64 {
	d := m.Drivers[m.DriverIndex(g.Driver)]
	if !whole(d.Value) || d.Ranged() && !(whole(*d.Low) && whole(*d.High)) {
		return noNegZero(calc.Round(x, 2))
	}
	near, far := math.Floor(x), math.Ceil(x)
	if x-near > far-x {
		near, far = far, near
	}
	for _, v := range []float64{near, far} {
		got := goalGives(m, g, v)
		switch {
		case got == nil:
		case goal.Metric == calc.MetricPayback && *got <= goal.Target,
			goal.Metric != calc.MetricPayback && *got >= goal.Target:
			return v
		}
	}
	return near
}

func whole(v float64) bool { return v == math.Trunc(v) }

// goalEdit is the edit that puts x where the goal g asks: its driver's
// value, or its item's entry in its scenario.
func goalEdit(m calc.Model, g Goal, x float64) Edit {
	if g.Driver != "" {
		return SetDriverValue{g.Driver, x}
	}
	if m.Mode == calc.ModeScore {
		return SetScore{g.Scenario, g.Item, &x}
	}
	e, _ := entryOf(m, g.Scenario, g.Item)
	return SetMoney{Scenario: g.Scenario, Item: g.Item, Value: &x, Hours: e.Hours != nil, Per: e.Per}
}

// goalGives is the figure g's metric has in its scenario when what it
// asks of is x, or nil when it has none (a ROI without costs).
func goalGives(m calc.Model, g Goal, x float64) *float64 {
	m2, err := ReduceModel(m, goalEdit(m, g, x))
	j := m2.ScenarioIndex(g.Scenario)
	if err != nil || j < 0 {
		return nil
	}
	r := calc.Evaluate(m2).Scenarios[j]
	switch g.Metric {
	case calc.MetricROI:
		return r.ROI
	case calc.MetricPayback:
		return r.PaybackMonths
	}
	return &r.Net
}

// driverName is the name of the driver id, or id when there is none.
func driverName(m calc.Model, id string) string {
	if d := m.DriverIndex(id); d >= 0 {
		return m.Drivers[d].Name
	}
	return id
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
	// A money model's ranged driver is drawn in the simulation too.
	for _, d := range m.Drivers {
		if d.Ranged() && m.Mode == calc.ModeMoney {
			return true
		}
	}
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
// when one entry, or one driver, moves through its swing.
type Swing struct {
	calc.EntryAnalysis
	Name string // the item's, or the driver's
	// Driver is the driver's id for a driver's bar (its Item is ""), and
	// DriverUnit what it counts ("agents").
	Driver, DriverUnit string
}

// Tornado returns the largest swings of scenario id's net, at most n,
// largest first: its entries' and those of the drivers its entries are
// priced per.
func Tornado(an *calc.Analysis, m calc.Model, id string, n int) []Swing {
	if an == nil {
		return nil
	}
	// The rows' indexes are sorted, not copies of them, and only the
	// bars kept are named: this runs when an analysis lands, and a
	// 200 × 5 model has 1,000 entries (docs/PERFORMANCE.md). An index
	// past the entries is a driver's row.
	ne := len(an.Entries)
	var idx []int
	for k := range an.Entries {
		if an.Entries[k].Scenario == id {
			idx = append(idx, k)
		}
	}
	for k, d := range an.Drivers {
		if d.Scenario == id && d.Slope != 0 {
			idx = append(idx, ne+k)
		}
	}
	width := func(k int) float64 {
		if k >= ne {
			return an.Drivers[k-ne].SwingHigh - an.Drivers[k-ne].SwingLow
		}
		return an.Entries[k].SwingHigh - an.Entries[k].SwingLow
	}
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
		if k := idx[i]; k >= ne {
			d := an.Drivers[k-ne]
			out[i] = Swing{EntryAnalysis: calc.EntryAnalysis{Scenario: d.Scenario, Value: d.Value, Slope: d.Slope,
				BreakEven: d.BreakEven, Tie: d.Tie, SwingLow: d.SwingLow, SwingHigh: d.SwingHigh, Flips: d.Flips},
				Name: driverName(m, d.Driver), Driver: d.Driver}
			if j := m.DriverIndex(d.Driver); j >= 0 {
				out[i].DriverUnit = m.Drivers[j].Unit
			}
			continue
		}
		e := an.Entries[idx[i]]
		name := e.Item
		if j := m.ItemIndex(e.Item); j >= 0 {
			name = m.Items[j].Name
		}
		out[i] = Swing{EntryAnalysis: e, Name: name}
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
