package calc

import (
	"errors"
	"fmt"
	"math"
)

// ErrUnreachable reports a goal that no value of the entry reaches: the
// scenario's figure does not depend on it, or the value that would reach
// the goal lies outside the value's bounds, or the figure is null there.
var ErrUnreachable = errors.New("goal unreachable")

// ErrNoEntry reports a goal seek for a scenario, an item or an entry the
// model does not have.
var ErrNoEntry = errors.New("no such entry")

// Metric is a figure of a scenario's result that GoalSeek can aim at.
type Metric string

// The metrics of a Goal.
const (
	MetricNet     Metric = "net"           // the net value, in either mode
	MetricROI     Metric = "roi"           // net / costs, money mode
	MetricPayback Metric = "paybackMonths" // payback in months, money mode
)

// Goal is a target for one figure of a scenario: "net 0", "roi 1.5",
// "paybackMonths 12".
type Goal struct {
	Metric Metric
	Target float64
}

// GoalSeek answers "what must this entry be for the scenario's net, ROI
// or payback to reach the goal?": it returns the value x (a score, amount
// or hours, in the entry's unit) at which the scenario scenarioID's
// figure equals goal.Target, with every other entry as it is.
//
// The net is linear in x, and so is solved directly; the ROI is a ratio
// of two linear functions of x. The payback depends on x piecewise (SPEC
// §3): a once entry moves U and a month or year entry moves M, and the
// solution is U = −T·M or M = −U/T for a target T of months. For T = 0
// it is the value at which the scenario is just ahead throughout: U = 0,
// or U + 12N·M = 0 when that asks more. Every answer is checked by
// evaluating the model with x in place.
//
// GoalSeek returns an error if:
//   - m fails Validate (the error is the Problems);
//   - the scenario, the item or the scenario's entry for it does not
//     exist (ErrNoEntry);
//   - the metric is unknown, or ROI or payback in a score model
//     (ErrInvalid);
//   - the target is not a finite number, or a payback outside 0 to the
//     horizon's months (ErrOutOfRange);
//   - the figure does not depend on x, the x that reaches the target lies
//     outside the value's bounds (Model.Bounds), or the figure is null
//     there (ErrUnreachable).
func GoalSeek(m Model, scenarioID, itemID string, goal Goal) (float64, error) {
	if err := Validate(m); err != nil {
		return 0, err
	}
	j := -1
	for k := range m.Scenarios {
		if m.Scenarios[k].ID == scenarioID {
			j = k
			break
		}
	}
	i := m.ItemIndex(itemID)
	if j < 0 || i < 0 || m.Scenarios[j].Entry(i) == nil {
		return 0, fmt.Errorf("%w: scenario %s has no entry for item %s", ErrNoEntry, quote(scenarioID), quote(itemID))
	}
	money := m.Mode == ModeMoney
	switch goal.Metric {
	case MetricNet:
	case MetricROI, MetricPayback:
		if !money {
			return 0, fmt.Errorf("%w: %s is a figure of money mode only", ErrInvalid, goal.Metric)
		}
	default:
		return 0, fmt.Errorf("%w: unknown metric %s", ErrInvalid, quote(string(goal.Metric)))
	}
	T := goal.Target
	if math.IsNaN(T) || math.IsInf(T, 0) {
		return 0, fmt.Errorf("%w: the target must be a finite number, got %s", ErrOutOfRange, formatFloat(T))
	}
	horizon := 12 * float64(m.HorizonYears)
	if goal.Metric == MetricPayback && (T < 0 || T > horizon) {
		return 0, fmt.Errorf("%w: the payback must be between 0 and %s months, got %s", ErrOutOfRange, formatFloat(horizon), formatFloat(T))
	}

	e := m.Scenarios[j].Entries[i]
	it := &m.Items[i]
	x0, unit, _ := e.Value(m.Mode)
	ev := newEvaluator(m)
	slope := ev.slope(it, e)
	r := Evaluate(m).Scenarios[j]
	unreachable := fmt.Errorf("%w: no %s of this entry gives a %s of %s", ErrUnreachable, unit, goal.Metric, formatFloat(T))

	var x float64
	switch goal.Metric {
	case MetricNet:
		if slope == 0 {
			return 0, unreachable
		}
		x = x0 + (T-r.Net)/slope
	case MetricROI:
		// net(x) = net + slope·d and costs(x) = costs − slope·d for a
		// cost (slope < 0), costs for a benefit, with d = x − x0.
		var d float64
		switch {
		case slope == 0:
			return 0, unreachable
		case slope > 0:
			d = (T*r.Costs - r.Net) / slope
		case T == -1:
			return 0, unreachable
		default:
			d = (r.Net - T*r.Costs) / (-slope * (1 + T))
		}
		x = x0 + d
	case MetricPayback:
		if ev.scenarioTimed(m.Scenarios[j], len(m.Items)) {
			// Payback on the month-level cumulative net: monotone in x,
			// as x moves every flow of the entry the same way.
			lo, hi := m.Bounds(unit)
			set := func(m Model, x float64) Model { return withValue(m, 0, i, x) }
			var ok bool
			if x, ok = bisectPayback(m, j, set, lo, hi, slope > 0, T); !ok || slope == 0 {
				return 0, unreachable
			}
			break
		}
		var ok bool
		if x, ok = ev.seekPayback(it, e, x0, m.Scenarios[j], m.Items, T, horizon); !ok {
			return 0, unreachable
		}
	}
	lo, hi := m.Bounds(unit)
	v := within(x, x0, lo, hi)
	if v == nil {
		return 0, unreachable
	}
	// At an edge of a rule (a payback just at the horizon's end) the
	// rounding of x can fall on the wrong side of it: try its neighbours.
	for k := range 2*maxNudge + 1 {
		y := nudge(*v, k)
		if y >= lo && y <= hi && reaches(m, j, i, y, goal) {
			return y, nil
		}
	}
	return 0, unreachable
}

// maxNudge is how many floats on either side of its answer GoalSeek tries.
const maxNudge = 8

// nudge returns x for k = 0, then for k = 1, 2, 3, … the floats next to x
// on alternate sides, moving out.
func nudge(x float64, k int) float64 {
	dir := math.Inf(1)
	if k%2 == 0 {
		dir = math.Inf(-1)
	}
	for range (k + 1) / 2 {
		x = math.Nextafter(x, dir)
	}
	return x
}

// seekPayback returns the value of the entry e (now x0) of item it at
// which the scenario sc's payback is T months, or false.
func (ev *evaluator) seekPayback(it *Item, e *Entry, x0 float64, sc Scenario, items []Item, T, horizon float64) (float64, bool) {
	// U and M of SPEC §3, now.
	var u, mo float64
	for i, f := range sc.Entries[:min(len(sc.Entries), len(items))] {
		if f == nil {
			continue
		}
		w := items[i].Weight
		if f.Weight != nil {
			w = *f.Weight
		}
		flow, per, ok := ev.flow(w, f)
		if !ok {
			continue
		}
		flow *= sign(&items[i])
		switch per {
		case perOnce:
			u += flow
		case perMonth:
			mo += flow
		case perYear:
			mo += flow / 12
		}
	}
	// g: how much U (for a once entry) or M (for a recurring one) moves
	// per unit of x.
	w := it.Weight
	if e.Weight != nil {
		w = *e.Weight
	}
	g := sign(it) * w
	if e.Amount == nil {
		g *= ev.hourly
	}
	if e.Times != nil {
		g *= ev.driverProduct(e)
	}
	per := perOf(e.Per)
	if per == perYear {
		g /= 12
	}
	if g == 0 {
		return 0, false
	}
	if per == perOnce {
		// Payback T > 0 is −U/M: U = −T·M, with M > 0. Payback 0 needs
		// U ≥ 0 and U + 12N·M ≥ 0: the least such U.
		switch {
		case T > 0 && mo <= 0:
			return 0, false
		case T > 0:
			return x0 + (-T*mo-u)/g, true
		}
		return x0 + (max(0, -horizon*mo)-u)/g, true
	}
	switch {
	case T > 0:
		// −U/M = T: M = −U/T, with U < 0.
		if u >= 0 {
			return 0, false
		}
		return x0 + (-u/T-mo)/g, true
	case u < 0:
		return 0, false // behind at month 0 whatever M is
	case u+horizon*mo >= 0:
		return x0, true // paid back at 0 already
	default:
		// Just ahead at the horizon's end: U + 12N·M = 0.
		return x0 + (-u/horizon-mo)/g, true
	}
}

// withValue returns m with the value of the entry of item i in scenario
// j set to x, sharing what it does not change.
func withValue(m Model, j, i int, x float64) Model {
	e := *m.Scenarios[j].Entries[i]
	_, unit, _ := e.Value(m.Mode)
	switch unit {
	case UnitScore:
		e.Score = &x
	case UnitAmount:
		e.Amount = &x
	case UnitHours:
		e.Hours = &x
	}
	entries := append([]*Entry(nil), m.Scenarios[j].Entries...)
	entries[i] = &e
	scenarios := append([]Scenario(nil), m.Scenarios...)
	scenarios[j].Entries = entries
	m.Scenarios = scenarios
	return m
}

// withDriver returns m with the value of driver d set to v.
func withDriver(m Model, d int, v float64) Model {
	m.Drivers = append([]Driver(nil), m.Drivers...)
	m.Drivers[d].Value = v
	return m
}

// scenarioTimed reports whether an entry of sc is timed (SPEC §2.1), so
// that its payback needs the month-level rule.
func (ev *evaluator) scenarioTimed(sc Scenario, ni int) bool {
	if !ev.money {
		return false
	}
	for _, e := range sc.Entries[:min(len(sc.Entries), ni)] {
		if e != nil && ev.timed(e, perOf(e.Per)) {
			return true
		}
	}
	return false
}

// bisectPayback returns the x in lo–hi at which scenario j of set(m, x)
// pays back in T months (set is given m with scenario j alone, at index
// 0), for a payback that falls as x rises (rising
// true: x is a benefit's) or rises with it, or false. A null payback (never) counts as
// later than any. Where the payback jumps (at a lump) past T, the x it
// returns is the edge of the jump, which reaches rejects.
func bisectPayback(m Model, j int, set func(Model, float64) Model, lo, hi float64, rising bool, T float64) (float64, bool) {
	// Only scenario j matters: evaluate it alone.
	m.Scenarios = m.Scenarios[j : j+1 : j+1]
	// soon reports whether the payback at x is T or sooner.
	// Nothing to pay back (no costs) counts as soonest.
	soon := func(x float64) bool {
		r := Evaluate(set(m, x)).Scenarios[0]
		return r.PaybackMonths != nil && *r.PaybackMonths <= T || r.PaybackMonths == nil && r.Costs == 0
	}
	if rising {
		// soon is false, then true: find the least x where it is true.
		if !soon(hi) {
			return 0, false
		}
		if soon(lo) {
			return lo, true
		}
		_, x := bisect(lo, hi, soon)
		return x, true
	}
	// soon is true, then false: find the greatest x where it is true.
	if !soon(lo) {
		return 0, false
	}
	if soon(hi) {
		return hi, true
	}
	x, _ := bisect(lo, hi, func(x float64) bool { return !soon(x) })
	return x, true
}

// bisect narrows lo–hi, where past is false at lo and true at hi, to the
// two floats around where it turns: the last x found false and the first
// found true.
func bisect(lo, hi float64, past func(float64) bool) (float64, float64) {
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if past(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return lo, hi
}

// reaches reports whether the model m with the entry of item i in
// scenario j at x has goal's figure at its target, to a relative 1e-9.
func reaches(m Model, j, i int, x float64, goal Goal) bool {
	x0, _, _ := m.Scenarios[j].Entries[i].Value(m.Mode)
	return reachesIn(withValue(m, j, i, x), j, x, x0, goal)
}

// reachesIn reports whether scenario j of m has goal's figure at its
// target, to a relative 1e-9, with x the sought value, x0 its value before.
func reachesIn(m Model, j int, x, x0 float64, goal Goal) bool {
	r := Evaluate(m).Scenarios[j]
	var got *float64
	switch goal.Metric {
	case MetricNet:
		got = &r.Net
	case MetricROI:
		got = r.ROI
	case MetricPayback:
		got = r.PaybackMonths
	}
	if got == nil {
		return false
	}
	// The scale of the figure's terms: a net of 0 is the difference of
	// large benefits and costs, and exact only to their rounding.
	scale := max(1, math.Abs(goal.Target), math.Abs(r.Benefits), math.Abs(r.Costs), math.Abs(x), math.Abs(x0))
	if goal.Metric == MetricROI && r.Costs != 0 {
		scale = max(1, math.Abs(goal.Target), (math.Abs(r.Benefits)+math.Abs(r.Costs))/r.Costs)
	}
	return math.Abs(*got-goal.Target) <= 1e-9*scale
}

// GoalSeekDriver answers "what must this driver be for the scenario's
// net, ROI or payback to reach the goal?" (SPEC §8: goal seek works on
// drivers as on entries): it returns the value v of the driver driverID
// at which scenario scenarioID's figure equals goal.Target, every other
// figure as it is. A driver is shared by every scenario; only the named
// scenario's figure is aimed at.
//
// The net is linear in v (with the slope of the analysis' driver rows),
// the ROI a ratio of two linear functions of it. The payback is found by
// bisection on the month-level cumulative net, which is monotone in v
// when the driver prices only benefits, or only costs, of the scenario.
// Every answer is checked by evaluating the model with v in place.
//
// GoalSeekDriver returns an error if:
//   - m fails Validate (the error is the Problems);
//   - the model is not in money mode, or the metric is unknown (ErrInvalid);
//   - the scenario or the driver does not exist (ErrNoEntry);
//   - the target is not a finite number, or a payback outside 0 to the
//     horizon's months (ErrOutOfRange);
//   - the driver prices both benefits and costs of the scenario and the
//     goal is a payback (ErrInvalid);
//   - the figure does not depend on v, the v that reaches the target lies
//     outside 0–MaxDriverValue, or the figure is null there
//     (ErrUnreachable).
func GoalSeekDriver(m Model, scenarioID, driverID string, goal Goal) (float64, error) {
	if err := Validate(m); err != nil {
		return 0, err
	}
	if m.Mode != ModeMoney {
		return 0, fmt.Errorf("%w: drivers count in money mode only", ErrInvalid)
	}
	j, d := m.ScenarioIndex(scenarioID), m.DriverIndex(driverID)
	if j < 0 || d < 0 {
		return 0, fmt.Errorf("%w: no scenario %s or no driver %s", ErrNoEntry, quote(scenarioID), quote(driverID))
	}
	switch goal.Metric {
	case MetricNet, MetricROI, MetricPayback:
	default:
		return 0, fmt.Errorf("%w: unknown metric %s", ErrInvalid, quote(string(goal.Metric)))
	}
	T := goal.Target
	if math.IsNaN(T) || math.IsInf(T, 0) {
		return 0, fmt.Errorf("%w: the target must be a finite number, got %s", ErrOutOfRange, formatFloat(T))
	}
	horizon := 12 * float64(m.HorizonYears)
	if goal.Metric == MetricPayback && (T < 0 || T > horizon) {
		return 0, fmt.Errorf("%w: the payback must be between 0 and %s months, got %s", ErrOutOfRange, formatFloat(horizon), formatFloat(T))
	}
	ev := newEvaluator(m)
	v0 := m.Drivers[d].Value
	// The slopes of the scenario's benefits and costs (as positive
	// amounts) in v: the driver rows' slope split by side.
	var sb, sc float64
	sc0 := m.Scenarios[j]
	for i, e := range sc0.Entries[:min(len(sc0.Entries), len(m.Items))] {
		if e == nil || e.Times == nil {
			continue
		}
		one := Model{Mode: ModeMoney, Drivers: m.Drivers, Items: m.Items[i : i+1], Scenarios: []Scenario{{Entries: []*Entry{e}}}}
		k := ev.driverSlopes(one)[d]
		if m.Items[i].Side == SideCost {
			sc -= k
		} else {
			sb += k
		}
	}
	slope := sb - sc
	r := Evaluate(m).Scenarios[j]
	unreachable := fmt.Errorf("%w: no value of this driver gives a %s of %s", ErrUnreachable, goal.Metric, formatFloat(T))
	var v float64
	switch goal.Metric {
	case MetricNet:
		if slope == 0 {
			return 0, unreachable
		}
		v = v0 + (T-r.Net)/slope
	case MetricROI:
		// (net + slope·δ) / (costs + sc·δ) = T.
		den := slope - T*sc
		if den == 0 {
			return 0, unreachable
		}
		v = v0 + (T*r.Costs-r.Net)/den
	case MetricPayback:
		if sb != 0 && sc != 0 {
			return 0, fmt.Errorf("%w: the driver prices both benefits and costs of the scenario, so its payback is not monotone in it", ErrInvalid)
		}
		if slope == 0 {
			return 0, unreachable
		}
		set := func(m Model, x float64) Model { return withDriver(m, d, x) }
		var ok bool
		if v, ok = bisectPayback(m, j, set, 0, MaxDriverValue, slope > 0, T); !ok {
			return 0, unreachable
		}
	}
	p := within(v, v0, 0, MaxDriverValue)
	if p == nil {
		return 0, unreachable
	}
	for k := range 2*maxNudge + 1 {
		y := nudge(*p, k)
		if y >= 0 && y <= MaxDriverValue && reachesIn(withDriver(m, d, y), j, y, v0, goal) {
			return y, nil
		}
	}
	return 0, unreachable
}
