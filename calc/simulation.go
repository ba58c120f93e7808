package calc

import (
	"math"
	"slices"
)

// The Monte Carlo simulation's fixed settings (SPEC §8): the same on every
// machine, so that a shared link shows the same figures everywhere.
const (
	MonteCarloSamples = 10000 // samples of a simulation
	MonteCarloSeed    = 1     // SplitMix64's seed
)

// Ranges is the Monte Carlo simulation of a model's ranges (SPEC §8):
// per scenario, percentiles of its net and its chances.
type Ranges struct {
	Samples   int           `json:"samples"` // MonteCarloSamples
	Seed      uint64        `json:"seed"`    // MonteCarloSeed
	Scenarios []RangeResult `json:"scenarios"`
}

// NetRange is the spread of a scenario's net over the simulation's
// samples: the nearest-rank 10th, 50th and 90th percentiles (the
// 1,000th, 5,000th and 9,000th smallest of 10,000). It is the "range" of
// a ScenarioResult.
type NetRange struct {
	P10 float64 `json:"p10"`
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
}

// RangeResult is one scenario's figures in Ranges.
type RangeResult struct {
	ID string `json:"id"` // the scenario's id
	NetRange
	// PPositive is the share of samples with a net above 0.
	PPositive float64 `json:"pPositive"`
	// PBest is the share of samples in which the scenario is best
	// (highest net, the first on ties).
	PBest float64 `json:"pBest"`
}

// Simulation is a Monte Carlo simulation of a model's ranges that runs in
// slices, so that an interface can run it when idle, show its progress
// and drop it when the model changes (there is nothing to cancel: a
// Simulation holds no resources and does nothing between calls):
//
//	sim := calc.NewSimulation(m)
//	for !sim.Step(500) { // 500 samples at a time
//		// show sim.Progress(); yield to the interface
//	}
//	ranges := sim.Result()
//
// Each sample draws every ranged entry's value from the triangular
// distribution with low, value and high as its minimum, mode and maximum,
// in scenario order and then item order, with random numbers from
// SplitMix64 seeded with MonteCarloSeed; a sample's net is the
// scenario's net with every ranged entry at its drawn value. A
// Simulation is not safe for concurrent use.
type Simulation struct {
	ids     []string
	base    []float64     // each scenario's net
	drivers []triangle    // the ranged drivers, drawn first in each sample
	dv      []float64     // the drivers' values drawn in the sample
	draws   []rangedEntry // in drawing order
	nets    []float64     // scenario j's net in sample t at j*MonteCarloSamples+t
	sample  []float64     // the nets of the sample being drawn
	best    []int         // samples in which each scenario is best
	done    int           // samples drawn
	state   uint64        // SplitMix64's
	results *Ranges
}

// rangedEntry is what a sample needs of an entry with a range or priced
// per a ranged driver: its scenario, its slope, its value c, the
// triangular distribution's constants when it has a range, and the
// ranged drivers it is priced per.
type rangedEntry struct {
	scenario int
	// slope is the entry's slope in its value; with ranged drivers, its
	// slope with those drivers' values left out (as 1).
	slope  float64
	ranged bool // draw a value: the entry has a range
	triangle
	// drivers are the indices in Simulation.drivers of the ranged
	// drivers of the entry's times, nd of them; old is its contribution
	// now, slope × c × their values.
	drivers [MaxTimes]int
	nd      int
	old     float64
}

// triangle is the triangular distribution of a value c between a and b
// (SPEC §8), with its constants.
type triangle struct {
	a, b, c float64 // low, high, value
	f       float64 // (c − a)/(b − a), or 2 when a = b: draw but keep c
	ka, kb  float64 // (b − a)(c − a), (b − a)(b − c)
}

// newTriangle returns the distribution of x between low and high; an
// invalid range (or NaN) keeps x.
func newTriangle(low, high, x float64) triangle {
	a, b := low, high
	if !(a <= x && x <= b) {
		a, b = x, x
	}
	t := triangle{a: a, b: b, c: x, f: 2}
	if a != b {
		t.f = (x - a) / (b - a)
		t.ka, t.kb = (b-a)*(x-a), (b-a)*(b-x)
	}
	return t
}

// draw returns the value of t's distribution for the uniform u.
func (t *triangle) draw(u float64) float64 {
	switch {
	case t.f > 1: // a = b
		return t.c
	case u < t.f:
		return t.a + math.Sqrt(u*t.ka)
	}
	return t.b - math.Sqrt((1-u)*t.kb)
}

// NewSimulation returns a simulation of m's ranges, or nil when no entry
// of m has a range (Entry.Ranged); the methods of a nil *Simulation
// report a finished simulation with no result. m should pass Validate;
// for a model that does not, the figures mean little, but nothing panics.
// Setting up costs about as much as Evaluate; the samples are run by Step.
func NewSimulation(m Model) *Simulation {
	ni := len(m.Items)
	var draws []rangedEntry
	ev := newEvaluator(m)
	// The ranged drivers of a money model, by their index in m.Drivers.
	var drivers []triangle
	rangedDriver := make(map[string]int)
	if m.Mode == ModeMoney {
		for d := range m.Drivers {
			dr := &m.Drivers[d]
			if dr.Ranged() {
				if _, ok := rangedDriver[dr.ID]; !ok {
					rangedDriver[dr.ID] = len(drivers)
				}
				drivers = append(drivers, newTriangle(*dr.Low, *dr.High, dr.Value))
			}
		}
	}
	for j := range m.Scenarios {
		sc := &m.Scenarios[j]
		for i, e := range sc.Entries[:min(len(sc.Entries), ni)] {
			if e == nil {
				continue
			}
			r := rangedEntry{scenario: j, ranged: e.Ranged()}
			if len(drivers) > 0 {
				for _, id := range e.Times {
					if k, ok := rangedDriver[id]; ok && r.nd < MaxTimes {
						r.drivers[r.nd] = k
						r.nd++
					}
				}
			}
			if !r.ranged && r.nd == 0 {
				continue
			}
			x, _, ok := e.Value(m.Mode)
			if !ok {
				continue
			}
			r.slope = ev.slope(&m.Items[i], e)
			r.triangle = triangle{a: x, b: x, c: x, f: 2}
			if r.ranged {
				r.triangle = newTriangle(*e.Low, *e.High, x)
			}
			if r.nd > 0 {
				// The slope without the ranged drivers' values, which a
				// sample multiplies in: worked out again, not divided,
				// so that a driver of value 0 is no trouble.
				e2 := *e
				e2.Times = e2.Times[:0:0]
				for _, id := range e.Times {
					if _, ok := rangedDriver[id]; !ok {
						e2.Times = append(e2.Times, id)
					}
				}
				if len(e2.Times) == 0 {
					e2.Times = nil
				}
				r.slope = ev.slope(&m.Items[i], &e2)
				r.old = r.slope * x
				for _, k := range r.drivers[:r.nd] {
					r.old *= drivers[k].c
				}
			}
			draws = append(draws, r)
		}
	}
	if len(draws) == 0 && len(drivers) == 0 {
		return nil
	}
	res := Evaluate(m)
	ns := len(m.Scenarios)
	s := &Simulation{
		ids:     make([]string, ns),
		base:    make([]float64, ns),
		draws:   draws,
		drivers: drivers,
		dv:      make([]float64, len(drivers)),
		nets:    make([]float64, ns*MonteCarloSamples),
		sample:  make([]float64, ns),
		best:    make([]int, ns),
		state:   MonteCarloSeed,
	}
	for j := range res.Scenarios {
		s.ids[j], s.base[j] = res.Scenarios[j].ID, res.Scenarios[j].Net
	}
	return s
}

// Step draws up to n more samples and reports whether the simulation is
// done; the call that draws the last sample also works out the result.
// A sample costs one draw per ranged entry: for a model of 30 items × 3
// scenarios, all ranged, all 10,000 take a few milliseconds.
func (s *Simulation) Step(n int) (done bool) {
	if s == nil {
		return true
	}
	end := min(s.done+max(n, 0), MonteCarloSamples)
	state := s.state
	for ; s.done < end; s.done++ {
		copy(s.sample, s.base)
		// The ranged drivers first, in driver order: each value holds in
		// every scenario of the sample.
		for k := range s.drivers {
			state += 0x9E3779B97F4A7C15
			s.dv[k] = s.drivers[k].draw(uniform(state))
		}
		// The draws come in runs of one scenario: each run adds up in a
		// local variable rather than in memory.
		for k := 0; k < len(s.draws); {
			j := s.draws[k].scenario
			var delta float64
			for ; k < len(s.draws) && s.draws[k].scenario == j; k++ {
				d := &s.draws[k]
				v := d.c
				if d.ranged {
					state += 0x9E3779B97F4A7C15
					v = d.draw(uniform(state))
				}
				if d.nd == 0 {
					delta += d.slope * (v - d.c)
					continue
				}
				p := d.slope * v
				for _, dk := range d.drivers[:d.nd] {
					p *= s.dv[dk]
				}
				delta += p - d.old
			}
			s.sample[j] += delta
		}
		best := 0
		for j, net := range s.sample {
			s.nets[j*MonteCarloSamples+s.done] = net
			if net > s.sample[best] {
				best = j
			}
		}
		s.best[best]++
	}
	s.state = state
	if s.done == MonteCarloSamples && s.results == nil {
		s.finish()
	}
	return s.done == MonteCarloSamples
}

// Progress returns the share of the samples drawn, from 0 to 1.
func (s *Simulation) Progress() float64 {
	if s == nil {
		return 1
	}
	return float64(s.done) / MonteCarloSamples
}

// Result returns the simulation's figures once Step has reported it done,
// else nil. The result is shared by every call: do not change it.
func (s *Simulation) Result() *Ranges {
	if s == nil {
		return nil
	}
	return s.results
}

// finish works out the percentiles and chances of the drawn samples.
func (s *Simulation) finish() {
	const n = MonteCarloSamples
	r := &Ranges{Samples: n, Seed: MonteCarloSeed, Scenarios: make([]RangeResult, len(s.ids))}
	for j := range s.ids {
		nets := s.nets[j*n : (j+1)*n]
		positive := 0
		for _, v := range nets {
			if v > 0 {
				positive++
			}
		}
		slices.Sort(nets)
		r.Scenarios[j] = RangeResult{
			ID:        s.ids[j],
			NetRange:  NetRange{P10: nearestRank(nets, 10), P50: nearestRank(nets, 50), P90: nearestRank(nets, 90)},
			PPositive: float64(positive) / n,
			PBest:     float64(s.best[j]) / n,
		}
	}
	s.results = r
	s.nets, s.sample = nil, nil // no longer needed
}

// nearestRank returns the p-th percentile of sorted by the nearest-rank
// method: the ⌈p/100 × n⌉-th smallest.
func nearestRank(sorted []float64, p int) float64 {
	rank := (p*len(sorted) + 99) / 100
	return sorted[max(rank, 1)-1]
}

// uniform returns the uniform number in [0, 1) of SplitMix64 for the
// state, already advanced by 0x9E3779B97F4A7C15: the output's top 53 bits
// × 2^−53.
func uniform(state uint64) float64 {
	z := state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	z ^= z >> 31
	return float64(z>>11) * (1.0 / (1 << 53))
}

// EvaluateWithRanges is Evaluate followed, when an entry of m has a
// range, by the whole Monte Carlo simulation of NewSimulation, whose
// percentiles become each ScenarioResult's Range (SPEC §4). It costs the
// simulation: an interface that evaluates on every edit calls Evaluate,
// runs a Simulation in slices and then calls Result.SetRanges.
func EvaluateWithRanges(m Model) Result {
	res := Evaluate(m)
	if sim := NewSimulation(m); sim != nil {
		for !sim.Step(MonteCarloSamples) {
		}
		res.SetRanges(sim.Result())
	}
	return res
}

// SetRanges sets each scenario's Range from the simulation's figures r,
// matching scenarios by position; a nil r takes every Range away.
func (r *Result) SetRanges(rg *Ranges) {
	for j := range r.Scenarios {
		r.Scenarios[j].Range = nil
		if rg != nil && j < len(rg.Scenarios) && rg.Scenarios[j].ID == r.Scenarios[j].ID {
			nr := rg.Scenarios[j].NetRange
			r.Scenarios[j].Range = &nr
		}
	}
}
