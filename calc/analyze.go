package calc

import "math"

// Verdict says how firmly the best scenario wins (SPEC §8).
type Verdict string

// The verdicts of an analysis.
const (
	// VerdictSingle: the model has one scenario, so nothing is compared.
	VerdictSingle Verdict = "single"
	// VerdictTie: the best scenario and the runner-up have the same net.
	VerdictTie Verdict = "tie"
	// VerdictFragile: a plausible error in one entry (±1 on the scale,
	// ±20 % of money) changes the winner; see EntryAnalysis.Flips.
	VerdictFragile Verdict = "fragile"
	// VerdictClear: no single entry within its swing changes the winner.
	VerdictClear Verdict = "clear"
)

// Analysis is what would change the answer of a model (SPEC §8): for each
// entry how the net follows it, where the scenario breaks even and where
// it ties with its rival; for each item the weight at which the winner
// changes; a verdict; and, when entries have ranges, a Monte Carlo
// simulation. It marshals to the JSON object `valuecalc analyze --json`
// prints.
type Analysis struct {
	Format string `json:"format"` // always Format, valuecalc/3
	Mode   Mode   `json:"mode"`
	// Best is the id of the scenario with the highest net, the first on
	// ties, as in Result.
	Best string `json:"best"`
	// RunnerUp is the id of the scenario with the highest net among the
	// others (the first on ties); nil with one scenario.
	RunnerUp *string `json:"runnerUp"`
	// Lead is the best net minus the runner-up's, ≥ 0; nil with one
	// scenario.
	Lead    *float64 `json:"lead"`
	Verdict Verdict  `json:"verdict"`
	// Entries has one EntryAnalysis for each entry with a value, in
	// scenario order and then item order.
	Entries []EntryAnalysis `json:"entries"`
	// Drivers has one DriverAnalysis for each scenario and driver of a
	// money model, in scenario order and then driver order; empty without
	// drivers and in score mode.
	Drivers []DriverAnalysis `json:"drivers"`
	// Weights has one WeightTie per item, in item order, with two or more
	// scenarios; it is empty with one.
	Weights []WeightTie `json:"weights"`
	// Ranges is the Monte Carlo simulation of the entries' ranges; nil
	// when no entry has a range, and from Sensitivity.
	Ranges *Ranges `json:"ranges"`
}

// EntryAnalysis is the sensitivity of one scenario's net to one entry's
// value x: its score, amount or hours, the number the user typed.
type EntryAnalysis struct {
	Scenario string  `json:"scenario"` // the scenario's id
	Item     string  `json:"item"`     // the item's id
	Unit     Unit    `json:"unit"`     // what x counts
	Value    float64 `json:"value"`    // x
	// Slope is how much the scenario's net changes per unit of x: σk,
	// where k is w for a score, w × f for an amount and w × hourlyRate ×
	// f for hours (f = 1 once, A a year, 12A a month, A the annuity), and
	// σ is +1 for a benefit and −1 for a cost.
	Slope float64 `json:"slope"`
	// BreakEven is the value of x at which the scenario's net is 0; nil
	// when the slope is 0 or that value lies outside x's bounds
	// (Model.Bounds).
	BreakEven *float64 `json:"breakEven"`
	// Tie is the value of x at which the scenario's net equals its
	// rival's: the runner-up's for the best scenario, the best's for the
	// others. Nil with one scenario, when the slope is 0, or when it lies
	// outside x's bounds.
	Tie *float64 `json:"tie"`
	// SwingLow and SwingHigh are the scenario's net with x at each end
	// of its swing, the smaller first: x − 1 and x + 1 clamped to the
	// scale for a score, 0.8x and 1.2x for money. Sorted by SwingHigh −
	// SwingLow, largest first, they are the bars of a tornado chart.
	SwingLow  float64 `json:"swingLow"`
	SwingHigh float64 `json:"swingHigh"`
	// Flips reports whether Tie lies within the swing (ends included): a
	// plausible error in this one number changes the winner.
	Flips bool `json:"flips"`
}

// DriverAnalysis is the sensitivity of one scenario's net to one
// driver's value v (SPEC §8). A driver is shared by every scenario, so a
// change of it moves the scenario's rival too.
type DriverAnalysis struct {
	Scenario string  `json:"scenario"` // the scenario's id
	Driver   string  `json:"driver"`   // the driver's id
	Value    float64 `json:"value"`    // v
	// Slope is how much the scenario's net changes per unit of v: the
	// sum over the scenario's entries priced per the driver of σ × w × x
	// × f (× hourlyRate for hours) × the values of the entry's other
	// drivers.
	Slope float64 `json:"slope"`
	// BreakEven is the value of v at which the scenario's net is 0; nil
	// when the slope is 0 or it lies outside 0–MaxDriverValue.
	BreakEven *float64 `json:"breakEven"`
	// Tie is the value of v at which the scenario's net equals its
	// rival's, both moving with v; nil with one scenario, when both
	// slopes are equal or when it lies outside 0–MaxDriverValue.
	Tie *float64 `json:"tie"`
	// SwingLow and SwingHigh are the scenario's net with v at 0.8v and
	// 1.2v, the smaller first.
	SwingLow  float64 `json:"swingLow"`
	SwingHigh float64 `json:"swingHigh"`
	// Flips reports whether Tie lies within the swing (ends included).
	Flips bool `json:"flips"`
}

// WeightTie is, for one item, the item weight at which the runner-up's
// net equals the best's, changing the weight of every scenario whose
// entry for the item has no weight of its own.
type WeightTie struct {
	Item   string  `json:"item"`   // the item's id
	Weight float64 `json:"weight"` // the item's weight now
	// WeightTie is that weight; nil when the item weighs the same in the
	// best and the runner-up (changing it changes nothing between them)
	// or when it lies outside 0–MaxWeight.
	WeightTie *float64 `json:"weightTie"`
}

// Analyze returns the analysis of m (SPEC §8): Sensitivity's figures and,
// when any entry has a range, the Monte Carlo simulation of Simulation,
// run to its end. The simulation is deterministic: the same model gives
// the same figures on every machine. For a large model with many ranges
// (1,000 items × 50 scenarios), run a Simulation in slices instead.
//
// Analyze returns an error if:
//   - m fails Validate (the error is the Problems).
func Analyze(m Model) (Analysis, error) {
	a, err := Sensitivity(m)
	if err != nil {
		return Analysis{}, err
	}
	if sim := NewSimulation(m); sim != nil {
		for !sim.Step(MonteCarloSamples) {
		}
		a.Ranges = sim.Result()
	}
	return a, nil
}

// Sensitivity returns the analysis of m without its ranges: every figure
// of Analyze but Ranges, which is nil. It costs about as much as Evaluate,
// so an interface can call it after every edit and run the simulation
// apart.
//
// Sensitivity returns an error if:
//   - m fails Validate (the error is the Problems).
func Sensitivity(m Model) (Analysis, error) {
	if err := Validate(m); err != nil {
		return Analysis{}, err
	}
	res := Evaluate(m)
	ev := newEvaluator(m)
	a := Analysis{
		Format:  Format,
		Mode:    m.Mode,
		Best:    res.Best,
		Verdict: VerdictSingle,
		Entries: make([]EntryAnalysis, 0, len(m.Items)*len(m.Scenarios)),
		Drivers: []DriverAnalysis{},
		Weights: []WeightTie{},
	}
	best, runnerUp := rivals(res)
	if runnerUp >= 0 {
		id := res.Scenarios[runnerUp].ID
		lead := res.Scenarios[best].Net - res.Scenarios[runnerUp].Net
		a.RunnerUp, a.Lead = &id, &lead
	}
	flips := false
	for j := range m.Scenarios {
		sc := &m.Scenarios[j]
		net := res.Scenarios[j].Net
		rival := best
		if j == best {
			rival = runnerUp
		}
		for i, e := range sc.Entries[:min(len(sc.Entries), len(m.Items))] {
			if e == nil {
				continue
			}
			x, unit, ok := e.Value(m.Mode)
			if !ok {
				continue
			}
			it := &m.Items[i]
			slope := ev.slope(it, e)
			lo, hi := m.Bounds(unit)
			ea := EntryAnalysis{Scenario: sc.ID, Item: it.ID, Unit: unit, Value: x, Slope: slope}
			if slope != 0 {
				ea.BreakEven = within(x-net/slope, x, lo, hi)
				if rival >= 0 {
					ea.Tie = within(x-(net-res.Scenarios[rival].Net)/slope, x, lo, hi)
				}
			}
			xLow, xHigh := swing(m, x)
			n1, n2 := net+slope*(xLow-x), net+slope*(xHigh-x)
			ea.SwingLow, ea.SwingHigh = min(n1, n2), max(n1, n2)
			if ea.Tie != nil && *ea.Tie >= xLow && *ea.Tie <= xHigh {
				ea.Flips = true
				flips = true
			}
			a.Entries = append(a.Entries, ea)
		}
	}
	if m.Mode == ModeMoney && len(m.Drivers) > 0 {
		a.Drivers = ev.driverRows(m, res, best, runnerUp)
		for _, d := range a.Drivers {
			flips = flips || d.Flips
		}
	}
	if runnerUp < 0 {
		return a, nil
	}
	switch {
	case *a.Lead == 0:
		a.Verdict = VerdictTie
	case flips:
		a.Verdict = VerdictFragile
	default:
		a.Verdict = VerdictClear
	}
	a.Weights = make([]WeightTie, len(m.Items))
	for i := range m.Items {
		it := &m.Items[i]
		wt := WeightTie{Item: it.ID, Weight: it.Weight}
		ub := ev.unitContribution(m.Scenarios[best].Entry(i))
		ur := ev.unitContribution(m.Scenarios[runnerUp].Entry(i))
		if d := sign(it) * (ub - ur); d != 0 {
			wt.WeightTie = within(it.Weight-*a.Lead/d, it.Weight, 0, MaxWeight)
		}
		a.Weights[i] = wt
	}
	return a, nil
}

// driverSlopes returns the slope of each scenario's net in each driver's
// value (SPEC §8), scenario j's slope in driver d at j×len(m.Drivers)+d.
// It is defined when a driver's value is 0: each entry's term is
// σ × w × x × f (× hourlyRate) × the values of its other drivers.
func (ev *evaluator) driverSlopes(m Model) []float64 {
	nd := len(m.Drivers)
	slopes := make([]float64, len(m.Scenarios)*nd)
	for j := range m.Scenarios {
		sc := &m.Scenarios[j]
		row := slopes[j*nd : (j+1)*nd]
		for i, e := range sc.Entries[:min(len(sc.Entries), len(m.Items))] {
			if e == nil || e.Times == nil {
				continue
			}
			x, unit, ok := e.Value(ModeMoney)
			if !ok {
				continue
			}
			it := &m.Items[i]
			w := it.Weight
			if e.Weight != nil {
				w = *e.Weight
			}
			k := sign(it) * w * x * ev.pvFactor(e)
			if unit == UnitHours {
				k *= ev.hourly
			}
			for t, id := range e.Times {
				d := ev.driverIndex(id)
				if d < 0 {
					continue
				}
				others := k
				for u, other := range e.Times {
					if u != t {
						others *= ev.driverValue(other)
					}
				}
				row[d] += others
			}
		}
	}
	return slopes
}

// driverRows returns the analysis of every scenario's net in every
// driver, in scenario order and then driver order.
func (ev *evaluator) driverRows(m Model, res Result, best, runnerUp int) []DriverAnalysis {
	nd := len(m.Drivers)
	slopes := ev.driverSlopes(m)
	rows := make([]DriverAnalysis, 0, len(m.Scenarios)*nd)
	for j := range m.Scenarios {
		net := res.Scenarios[j].Net
		rival := best
		if j == best {
			rival = runnerUp
		}
		for d := range m.Drivers {
			v := m.Drivers[d].Value
			slope := slopes[j*nd+d]
			row := DriverAnalysis{Scenario: m.Scenarios[j].ID, Driver: m.Drivers[d].ID, Value: v, Slope: slope}
			if slope != 0 {
				row.BreakEven = within(v-net/slope, v, 0, MaxDriverValue)
			}
			if rival >= 0 {
				if ds := slope - slopes[rival*nd+d]; ds != 0 {
					row.Tie = within(v-(net-res.Scenarios[rival].Net)/ds, v, 0, MaxDriverValue)
				}
			}
			lo, hi := 0.8*v, 1.2*v
			n1, n2 := net+slope*(lo-v), net+slope*(hi-v)
			row.SwingLow, row.SwingHigh = min(n1, n2), max(n1, n2)
			row.Flips = row.Tie != nil && *row.Tie >= lo && *row.Tie <= hi
			rows = append(rows, row)
		}
	}
	return rows
}

// rivals returns the index of the best scenario of res and of the
// runner-up, the highest net among the others (the first on ties), or -1
// for the runner-up with fewer than two scenarios.
func rivals(res Result) (best, runnerUp int) {
	best, runnerUp = -1, -1
	for j := range res.Scenarios {
		if res.Scenarios[j].ID == res.Best && best < 0 {
			best = j
		}
	}
	if best < 0 {
		best = 0
	}
	for j := range res.Scenarios {
		if j != best && (runnerUp < 0 || res.Scenarios[j].Net > res.Scenarios[runnerUp].Net) {
			runnerUp = j
		}
	}
	return best, runnerUp
}

// sign returns σ: +1 for a benefit, −1 for a cost, 0 for an item of
// neither side.
func sign(it *Item) float64 {
	switch it.Side {
	case SideBenefit:
		return 1
	case SideCost:
		return -1
	}
	return 0
}

// slope returns σk for the entry e of the item it: how much the net
// changes per unit of e's value.
func (ev *evaluator) slope(it *Item, e *Entry) float64 {
	w := it.Weight
	if e.Weight != nil {
		w = *e.Weight
	}
	return sign(it) * w * ev.perUnit(e)
}

// perUnit returns what one unit of e's value adds to its contribution at
// weight 1: 1 for a score, D × f for an amount, hourlyRate × D × f for
// hours, D being the product of its drivers' values.
func (ev *evaluator) perUnit(e *Entry) float64 {
	if !ev.money {
		return 1
	}
	f := ev.pvFactor(e)
	if e.Times != nil {
		f *= ev.driverProduct(e)
	}
	if e.Amount == nil && e.Hours != nil {
		return ev.hourly * f
	}
	return f
}

// pvFactor returns f of SPEC §8 for the money entry e: the present value
// of its flows per unit of base.
func (ev *evaluator) pvFactor(e *Entry) float64 {
	per := perOf(e.Per)
	if ev.timed(e, per) {
		return ev.timedFactor(e, per)
	}
	return ev.factor[per]
}

// unitContribution returns u of SPEC §8 for the entry e: its contribution
// at weight 1 when it has a value and no weight of its own, else 0.
func (ev *evaluator) unitContribution(e *Entry) float64 {
	if e == nil || e.Weight != nil {
		return 0
	}
	x, _, ok := e.Value(modeOf(ev.money))
	if !ok {
		return 0
	}
	return x * ev.perUnit(e)
}

func modeOf(money bool) Mode {
	if money {
		return ModeMoney
	}
	return ModeScore
}

// perOf returns the recurrence index of p, as evaluator.flow does.
func perOf(p Per) int {
	switch p {
	case PerMonth:
		return perMonth
	case PerYear:
		return perYear
	}
	return perOnce
}

// swing returns the ends of x's swing in m: x ∓ 1 clamped to the scale in
// score mode, 0.8x and 1.2x in money mode.
func swing(m Model, x float64) (float64, float64) {
	if m.Mode != ModeMoney {
		lo, hi := float64(m.Scale.Min), float64(m.Scale.Max)
		return max(x-1, lo), min(x+1, hi)
	}
	return 0.8 * x, 1.2 * x
}

// within returns &v when v lies within lo–hi, else nil. v was worked out
// from x; a v off a bound by rounding alone (a break-even of −4e-12 from
// an x of 18,000 and a bound of 0) is taken as that bound: the arithmetic
// that found it is not that exact.
func within(v, x, lo, hi float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	eps := 1e-12 * max(1, math.Abs(x))
	switch {
	case v < lo && v >= lo-eps:
		v = lo
	case v > hi && v <= hi+eps:
		v = hi
	case v < lo || v > hi:
		return nil
	}
	return &v
}
