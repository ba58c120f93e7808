package calc

// Version 3's drivers and timing (SPEC §2.1 and §3): an entry's base is
// multiplied by its drivers' values, and a timed entry (one that starts
// later, ends early, ramps or grows) has flows month by month rather than
// the same amount every month of the horizon.
//
// An entry's work does not grow with the horizon's months: its present
// value sums whole years in closed form, from a table of each year's
// growth and discount that every entry of the same growth shares, its
// ramp too (a year of a ramp is an arithmetic series); only its cash flow
// walks months, and only inside its ramp. The cash flow and the payback of a
// scenario with timed entries walk its months once, whatever its number
// of entries: each timed entry adds to the month it starts and the month
// after it ends (a difference array per growth rate) and to its ramp's
// months.

// CashflowYear is one year of a money scenario's cash flow (SPEC §3), as
// in Forrester's TEI tables: year 0 is "initial" (the flows at time 0),
// year y the flows in months 12(y − 1) + 1 to 12y. Amounts are
// undiscounted, with costs positive; Net = Benefits − Costs and
// Cumulative is the sum of the nets of years 0 to Year, the cumulative
// net at the end of the year.
type CashflowYear struct {
	Year       int     `json:"year"`
	Benefits   float64 `json:"benefits"`
	Costs      float64 `json:"costs"`
	Net        float64 `json:"net"`
	Cumulative float64 `json:"cumulative"`
}

// growthTable holds, for one yearly growth g, each year y's growth
// factor G[y] = (1+g)^(y−1) and the prefix sums P[y] = Σ_{k=1..y} G[k] ×
// (1+r)^−k of its discounted factors, for y = 0…N (G[0] and P[0] are 0).
type growthTable struct {
	g    float64
	G, P []float64
}

// growth returns the table of the growth g, building it once per
// evaluator.
func (ev *evaluator) growth(g float64) *growthTable {
	if ev.lastGrowth != nil && ev.lastGrowth.g == g {
		return ev.lastGrowth
	}
	for _, t := range ev.growths {
		if t.g == g {
			ev.lastGrowth = t
			return t
		}
	}
	n := ev.years
	t := &growthTable{g: g, G: make([]float64, n+1), P: make([]float64, n+1)}
	f := 1.0
	for y := 1; y <= n; y++ {
		t.G[y] = f
		t.P[y] = t.P[y-1] + f*ev.disc[y]
		f *= 1 + g
	}
	ev.growths = append(ev.growths, t)
	ev.lastGrowth = t
	return t
}

// yearOf returns the year of the horizon that time t (in months) lies
// in: 0 for time 0, y for time in (12(y − 1), 12y].
func yearOf(t int) int { return (t + 11) / 12 }

// timed reports whether the money entry e of recurrence per needs the
// month-level rules of version 3, rather than version 2's.
func (ev *evaluator) timed(e *Entry, per int) bool {
	if per == perOnce {
		return e.Start > 1
	}
	return e.Start > 1 || e.End != 0 && e.End < ev.months || e.Ramp > 0 || e.Growth != 0
}

// span returns the months s–E in which the recurring entry e counts
// within the horizon, and its ramp R; s > E when it counts in none.
func (ev *evaluator) span(e *Entry) (s, end, ramp int) {
	s, end = max(e.Start, 1), ev.months
	if e.End != 0 {
		end = min(e.End, end)
	}
	return s, end, max(e.Ramp, 0)
}

// rampMonths returns the last month of the ramp of an entry counting in
// months s–end with ramp R, and its first month at full value; a ramp
// longer than the horizon is cut there, so that s + R cannot overflow.
func (ev *evaluator) rampMonths(s, end, ramp int) (rampEnd, full int) {
	r := min(ramp, ev.months+1)
	return min(s+r-1, end), s + r
}

// timedFactor returns the present value of the flows of one unit of the
// timed entry e's w × base (SPEC §3), of recurrence per.
func (ev *evaluator) timedFactor(e *Entry, per int) float64 {
	if per == perOnce {
		t := max(e.Start, 1) - 1
		if t > ev.months {
			return 0 // beyond the horizon
		}
		return ev.disc[yearOf(t)]
	}
	s, end, ramp := ev.span(e)
	if s > end {
		return 0
	}
	tab := ev.growth(e.Growth)
	var sum float64
	// The ramp's months, a year at a time: in month t it is k/(R + 1)
	// of its value, k = t − s + 1, and the k of a year's months add up
	// to an arithmetic series.
	rampEnd, t0 := ev.rampMonths(s, end, ramp)
	if rampEnd >= s {
		var ks float64
		for a := s; a <= rampEnd; {
			y := yearOf(a)
			b := min(12*y, rampEnd)
			ka, kb := a-s+1, b-s+1
			ks += float64((ka+kb)*(kb-ka+1)) / 2 * (tab.P[y] - tab.P[y-1])
			a = b + 1
		}
		sum += ks / (float64(ramp) + 1)
	}
	// The months at full value, a year at a time.
	if t0 <= end {
		y0, y1 := yearOf(t0), yearOf(end)
		gd := func(y int) float64 { return tab.P[y] - tab.P[y-1] }
		if y0 == y1 {
			sum += float64(end-t0+1) * gd(y0)
		} else {
			sum += float64(12*y0-t0+1)*gd(y0) + 12*(tab.P[y1-1]-tab.P[y0]) + float64(end-12*(y1-1))*gd(y1)
		}
	}
	if per == perYear {
		sum /= 12
	}
	return sum
}

// driverProduct returns the product of the values of the drivers e is
// priced per, 1 when none; a driver the model does not have counts 0.
// It is not inlined, so that evaluator.flow is, in Evaluate's loop.
//
//go:noinline
func (ev *evaluator) driverProduct(e *Entry) float64 {
	d := 1.0
	for _, id := range e.Times {
		d *= ev.driverValue(id)
	}
	return d
}

// driverValue returns the value of the driver id, or 0 when there is none.
func (ev *evaluator) driverValue(id string) float64 {
	if i := ev.driverIndex(id); i >= 0 {
		return ev.driverVals[i]
	}
	return 0
}

// driverIndex returns the index of the driver id, or -1.
func (ev *evaluator) driverIndex(id string) int {
	if ev.driverMap != nil {
		if i, ok := ev.driverMap[id]; ok {
			return i
		}
		return -1
	}
	// Ids of one model differ mostly at one end: comparing those bytes
	// first skips most calls to compare whole strings.
	n := len(id)
	if n == 0 {
		return -1
	}
	first, last := id[0], id[n-1]
	for i, d := range ev.driverIDs {
		if len(d) == n && d[0] == first && d[n-1] == last && d == id {
			return i
		}
	}
	return -1
}

// months holds the month-level flows of a scenario's timed entries, by
// side (0 benefits, 1 costs), for its cash flow and payback.
type months struct {
	n      int           // 12N
	once   [2][]float64  // at time t = 0…n
	direct [2][]float64  // in month t = 1…n: ramp months, growth applied
	groups []monthsGroup // full-value flows by growth rate
	used   bool
}

// monthsGroup is the full-value flows of one growth rate: a difference
// array by month, whose running sum is the flow of month t before its
// year's growth.
type monthsGroup struct {
	tab  *growthTable
	diff [2][]float64 // index t = 1…n+1
}

func newMonths(n int) *months {
	mo := &months{n: n}
	for s := range 2 {
		mo.once[s] = make([]float64, n+1)
		mo.direct[s] = make([]float64, n+1)
	}
	return mo
}

// reset empties mo for the next scenario.
func (mo *months) reset() {
	if !mo.used {
		return
	}
	for s := range 2 {
		clear(mo.once[s])
		clear(mo.direct[s])
		for i := range mo.groups {
			clear(mo.groups[i].diff[s])
		}
	}
	mo.used = false
}

// group returns the group of the growth table tab.
func (mo *months) group(tab *growthTable) *monthsGroup {
	for i := range mo.groups {
		if mo.groups[i].tab == tab {
			return &mo.groups[i]
		}
	}
	g := monthsGroup{tab: tab}
	for s := range 2 {
		g.diff[s] = make([]float64, mo.n+2)
	}
	mo.groups = append(mo.groups, g)
	return &mo.groups[len(mo.groups)-1]
}

// add adds the timed entry e of recurrence per, with w × base a, to side
// (0 benefits, 1 costs).
func (mo *months) add(ev *evaluator, e *Entry, per int, a float64, side int) {
	mo.used = true
	if per == perOnce {
		if t := max(e.Start, 1) - 1; t <= mo.n {
			mo.once[side][t] += a
		}
		return
	}
	if per == perYear {
		a /= 12
	}
	s, end, ramp := ev.span(e)
	if s > end {
		return
	}
	tab := ev.growth(e.Growth)
	// The ramp's months, a year at a time: k/(R + 1) of a × G[y].
	direct := mo.direct[side]
	rampEnd, t0 := ev.rampMonths(s, end, ramp)
	for t := s; t <= rampEnd; {
		y := yearOf(t)
		step := a * tab.G[y] / (float64(ramp) + 1)
		for last := min(12*y, rampEnd); t <= last; t++ {
			direct[t] += step * float64(t-s+1)
		}
	}
	if t0 <= end {
		g := mo.group(tab)
		g.diff[side][t0] += a
		g.diff[side][end+1] -= a
	}
}

// walk works out the cash flow of a scenario whose timed entries are in
// mo and whose other entries' undiscounted flows are untimed (by side and
// recurrence), into cf (N + 1 years), and returns the payback of SPEC §3
// from the month-level cumulative net, false for none. With pts (12N + 1
// long) it also writes the cumulative net at each month's end there.
func (mo *months) walk(untimed *[2][3]float64, cf []CashflowYear, costs float64, pts []NetPoint) (float64, bool) {
	var level [2][]float64
	for s := range 2 {
		level[s] = make([]float64, len(mo.groups))
	}
	monthly := [2]float64{untimed[0][perMonth] + untimed[0][perYear]/12, untimed[1][perMonth] + untimed[1][perYear]/12}
	for y := range cf {
		cf[y] = CashflowYear{Year: y}
	}
	b0 := untimed[0][perOnce] + mo.once[0][0]
	c0 := untimed[1][perOnce] + mo.once[1][0]
	cf[0].Benefits, cf[0].Costs = b0, c0
	cum := b0 - c0
	if pts != nil {
		pts[0] = NetPoint{At: cum}
	}
	last := 0.0
	for t := 1; t <= mo.n; t++ {
		y := yearOf(t)
		var fl [2]float64
		for s := range 2 {
			f := monthly[s] + mo.direct[s][t]
			for k := range mo.groups {
				level[s][k] += mo.groups[k].diff[s][t]
				f += level[s][k] * mo.groups[k].tab.G[y]
			}
			fl[s] = f
		}
		cf[y].Benefits += fl[0] + mo.once[0][t]
		cf[y].Costs += fl[1] + mo.once[1][t]
		start := cum
		end := start + fl[0] - fl[1]
		switch {
		case end < 0:
			last = float64(t)
		case start < 0:
			last = float64(t-1) - start/(fl[0]-fl[1])
		}
		cum = end + mo.once[0][t] - mo.once[1][t]
		if pts != nil {
			pts[t] = NetPoint{Before: end, At: cum}
		}
	}
	running := 0.0
	for y := range cf {
		cf[y].Net = cf[y].Benefits - cf[y].Costs
		running += cf[y].Net
		cf[y].Cumulative = running
	}
	if costs == 0 || cum < 0 {
		return 0, false
	}
	return last, true
}

// untimedCashflow works out the cash flow of a scenario without timed
// entries from its undiscounted flows by side and recurrence, into cf.
func untimedCashflow(untimed *[2][3]float64, cf []CashflowYear) {
	running := 0.0
	for y := range cf {
		c := CashflowYear{Year: y}
		if y == 0 {
			c.Benefits, c.Costs = untimed[0][perOnce], untimed[1][perOnce]
		} else {
			c.Benefits = 12*untimed[0][perMonth] + untimed[0][perYear]
			c.Costs = 12*untimed[1][perMonth] + untimed[1][perYear]
		}
		c.Net = c.Benefits - c.Costs
		running += c.Net
		c.Cumulative = running
		cf[y] = c
	}
}

// NetPoint is the cumulative net C of a money scenario at the end of a
// month t (SPEC §3), undiscounted: Before counts the flows up to that
// time except a once flow paid or gained at it (at the start of month
// t + 1), At counts that too. Between two months' ends the net moves in a
// straight line, from the first's At to the second's Before.
type NetPoint struct{ Before, At float64 }

// CumulativeNet returns the cumulative net of scenario j of the money
// model m at the end of each month t = 0, 1, …, 12N of its horizon (t = 0
// is "now", the start of month 1), as in its payback: ramps, growth, late
// starts and once flows in their months. Its points at the ends of the
// years (t = 12y) are the Cumulative of the scenario's Cashflow. It
// returns nil in score mode or when there is no scenario j.
func CumulativeNet(m Model, j int) []NetPoint {
	if m.Mode != ModeMoney || j < 0 || j >= len(m.Scenarios) {
		return nil
	}
	ev := newEvaluator(m)
	mo := newMonths(ev.months)
	sc := &m.Scenarios[j]
	for i, e := range sc.Entries[:min(len(sc.Entries), len(m.Items))] {
		if e == nil {
			continue
		}
		it := &m.Items[i]
		w := it.Weight
		if e.Weight != nil {
			w = *e.Weight
		}
		flow, per, ok := ev.flow(w, e)
		if side := kindOf(it).side; ok && (side == sideBenefit || side == sideCost) {
			// Untimed entries too: as months, they are version 2's flows.
			mo.add(&ev, e, per, flow, int(side-sideBenefit))
		}
	}
	pts := make([]NetPoint, ev.months+1)
	var none [2][3]float64
	mo.walk(&none, make([]CashflowYear, ev.years+1), 0, pts)
	return pts
}
