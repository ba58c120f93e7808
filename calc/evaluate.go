package calc

import (
	"encoding/json"
	"math"
)

// Evaluate computes the result of m (SPEC §3 and §4): each scenario's
// benefits, costs, net value, ratio, per-type sums and, in money mode, ROI
// and payback, and the best scenario.
//
// Evaluate never fails and never panics, whatever m holds; a model that
// passes Validate gives finite numbers throughout. For models that do not,
// it reads what it can:
//   - an entry without the value of its mode (Score in score mode, Amount
//     or Hours in money mode) counts as unscored, like a missing entry,
//     and contributes 0; with both Amount and Hours, Amount counts;
//   - a Per other than PerMonth and PerYear counts as PerOnce;
//   - any mode other than ModeMoney is evaluated as ModeScore;
//   - an item of an unknown side counts in neither total, one of a type
//     not of its side in its side's total but in no type's sum;
//   - Ratio and ROI are nil when costs are 0 or the quotient overflows.
func Evaluate(m Model) Result {
	ev := newEvaluator(m)
	ni, ns := len(m.Items), len(m.Scenarios)
	res := Result{Title: m.Title, Mode: m.Mode, Scenarios: make([]ScenarioResult, ns)}
	if ev.money {
		res.Currency = m.Currency
	}

	// One allocation each for what all scenarios need. items holds what
	// the loop below reads of each item, 16 bytes of it rather than the
	// 104 of an Item, as that loop runs once per scenario.
	items := make([]itemInfo, ni)
	for i := range m.Items {
		it := &m.Items[i]
		items[i] = itemInfo{weight: it.Weight, kind: kindOf(it)}
	}
	contribs := make([]float64, ni*ns)
	scored := make([]bool, ni*ns)
	sums := make([]TypeSum, 9*ns)
	optional := make([]float64, 3*ns)
	horizonMonths := 12 * float64(m.HorizonYears)
	var cashflows []CashflowYear
	var mo *months // month-level flows of timed entries, made when first needed
	if ev.money {
		cashflows = make([]CashflowYear, ns*(ev.years+1))
	}
	var bestNet float64

	for k := range m.Scenarios {
		sc := &m.Scenarios[k]
		r := &res.Scenarios[k]
		r.ID, r.Name, r.money = sc.ID, sc.Name, ev.money
		contrib := contribs[k*ni : (k+1)*ni : (k+1)*ni]
		isScored := scored[k*ni : (k+1)*ni : (k+1)*ni]
		r.Contributions, r.Scored = contrib, isScored
		bt := sums[9*k : 9*k+4 : 9*k+4]
		ct := sums[9*k+4 : 9*k+9 : 9*k+9]
		bt[0].Type, bt[1].Type, bt[2].Type, bt[3].Type = TypeFunctional, TypeEmotional, TypeSocial, TypeMonetary
		ct[0].Type, ct[1].Type, ct[2].Type, ct[3].Type, ct[4].Type = TypeFinancial, TypeTime, TypeEffort, TypeEmotional, TypeRisk
		r.BenefitsByType, r.CostsByType = bt, ct

		// The loop reads the scenario's entries in the order of the items,
		// one slice, so it does little else: it reads items, not m.Items,
		// and adds up into local variables that go into r once, after it
		// (measured 5 to 10 % faster than reading m.Items and adding into
		// r's fields).
		var flows [3]float64    // signed undiscounted sums by recurrence, for payback
		var sided [2][3]float64 // the same by side, for the cash flow
		timedScenario := false
		var benefits, costs float64
		var bsums [4]float64 // by type, as bt
		var csums [5]float64 // by type, as ct
		unscored := 0
		entries := sc.Entries[:min(len(sc.Entries), ni)]
		unscored += ni - len(entries)
		for i, e := range entries {
			if e == nil {
				unscored++
				continue
			}
			it := &items[i]
			w := it.weight
			if e.Weight != nil {
				w = *e.Weight
			}
			var c, flow float64
			per := perOnce
			if !ev.money {
				if e.Score == nil {
					unscored++
					continue
				}
				c = w * *e.Score
			} else {
				var ok bool
				if flow, per, ok = ev.flowOf(w, e); !ok {
					unscored++
					continue
				}
				if e.Times != nil {
					flow *= ev.driverProduct(e)
				}
				if ev.timed(e, per) {
					c = flow * ev.timedFactor(e, per)
					if side := it.kind.side; side == sideBenefit || side == sideCost {
						if mo == nil {
							mo = newMonths(ev.months)
						}
						mo.add(&ev, e, per, flow, int(side-sideBenefit))
						timedScenario = true
					}
					flow = 0 // in mo, not in flows
				} else {
					c = flow * ev.factor[per]
				}
			}
			contrib[i], isScored[i] = c, true
			switch kind := it.kind; kind.side {
			case sideBenefit:
				benefits += c
				if kind.typ >= 0 {
					bsums[kind.typ] += c
				}
				flows[per] += flow
				sided[0][per] += flow
			case sideCost:
				costs += c
				if kind.typ >= 0 {
					csums[kind.typ] += c
				}
				flows[per] -= flow
				sided[1][per] += flow
			}
		}
		r.Benefits, r.Costs, r.Unscored = benefits, costs, unscored
		for t := range bsums {
			bt[t].Value = bsums[t]
		}
		for t := range csums {
			ct[t].Value = csums[t]
		}
		once, monthly, yearly := flows[perOnce], flows[perMonth], flows[perYear]
		r.Net = r.Benefits - r.Costs
		opt := optional[3*k : 3*k+3 : 3*k+3]
		if q, ok := quotient(r.Benefits, r.Costs); ok {
			opt[0] = q
			r.Ratio = &opt[0]
		}
		if ev.money {
			if q, ok := quotient(r.Net, r.Costs); ok {
				opt[1] = q
				r.ROI = &opt[1]
			}
			cf := cashflows[k*(ev.years+1) : (k+1)*(ev.years+1) : (k+1)*(ev.years+1)]
			r.Cashflow = cf
			var p float64
			var ok bool
			if timedScenario {
				p, ok = mo.walk(&sided, cf, r.Costs, nil)
				mo.reset()
			} else {
				untimedCashflow(&sided, cf)
				p, ok = payback(once, monthly+yearly/12, horizonMonths, r.Costs)
			}
			if ok {
				opt[2] = p
				r.PaybackMonths = &opt[2]
			}
		}
		if k == 0 || r.Net > bestNet {
			res.Best, bestNet = r.ID, r.Net
		}
	}
	return res
}

// Contribution returns what the entry e for the item it adds to its side's
// total in m: w × score in score mode, the present value of w × base in
// money mode (SPEC §3), where w is e's weight if set and else the item's.
// It is never negative for a valid model: a cost's contribution is
// subtracted from the benefits, not negative itself. An entry without the
// value of m's mode contributes 0; see Evaluate for other invalid input.
func Contribution(m Model, it Item, e Entry) float64 {
	ev := newEvaluator(m)
	c, _ := ev.entry(it.Weight, &e)
	return c
}

// evaluator holds what contributions need from the model's settings.
type evaluator struct {
	money  bool
	hourly float64
	// factor turns an undiscounted amount into its present value, by
	// recurrence: 1 for once, 12 × annuity for month, annuity for year,
	// where annuity = Σ_{t=1..N} 1/(1+r)^t is the present value of 1 a
	// year for N years at the discount rate r.
	factor [3]float64

	// Version 3: the horizon in years and months (clamped to 0–MaxHorizon
	// years), each year y's discount disc[y] = (1+r)^−y, the growth
	// tables of timed entries, and the drivers' ids and values.
	years, months int
	disc          []float64
	growths       []*growthTable
	lastGrowth    *growthTable
	driverIDs     []string
	driverVals    []float64
	driverMap     map[string]int // with many drivers
}

func newEvaluator(m Model) evaluator {
	ev := evaluator{money: m.Mode == ModeMoney, hourly: m.HourlyRate}
	if !ev.money {
		return ev
	}
	ev.years = min(max(m.HorizonYears, 0), MaxHorizon)
	ev.months = 12 * ev.years
	ev.disc = make([]float64, ev.years+1)
	ev.disc[0] = 1
	for y := 1; y <= ev.years; y++ {
		ev.disc[y] = ev.disc[y-1] / (1 + m.DiscountRate)
	}
	if len(m.Drivers) > 0 {
		ev.driverIDs = make([]string, len(m.Drivers))
		ev.driverVals = make([]float64, len(m.Drivers))
		for i := range m.Drivers {
			ev.driverIDs[i], ev.driverVals[i] = m.Drivers[i].ID, m.Drivers[i].Value
		}
		if len(m.Drivers) > 8 {
			ev.driverMap = make(map[string]int, len(m.Drivers))
			for i := len(m.Drivers) - 1; i >= 0; i-- {
				ev.driverMap[m.Drivers[i].ID] = i
			}
		}
	}
	n, r := m.HorizonYears, m.DiscountRate
	var annuity float64
	switch {
	case n <= 0:
		// No years, no value.
	case n <= MaxHorizon:
		f := 1.0
		for range n {
			f /= 1 + r
			annuity += f
		}
	case r == 0:
		annuity = float64(n)
	default:
		// Beyond the limit only invalid models go; a loop must not
		// spin through them.
		annuity = (1 - math.Pow(1+r, -float64(n))) / r
	}
	ev.factor = [3]float64{perOnce: 1, perMonth: 12 * annuity, perYear: annuity}
	return ev
}

// Recurrences of an entry, as evaluator.entry returns them.
const (
	perOnce = iota
	perMonth
	perYear
)

// entry returns e's contribution for an item of weight itemWeight, or
// false when e has no value for the mode.
func (ev *evaluator) entry(itemWeight float64, e *Entry) (float64, bool) {
	w := itemWeight
	if e.Weight != nil {
		w = *e.Weight
	}
	if !ev.money {
		if e.Score == nil {
			return 0, false
		}
		return w * *e.Score, true
	}
	flow, per, ok := ev.flow(w, e)
	if ok && ev.timed(e, per) {
		return flow * ev.timedFactor(e, per), ok
	}
	return flow * ev.factor[per], ok
}

// flow returns the undiscounted amount w × base of the money entry e,
// base being its amount or hours × hourly rate times its drivers' values,
// and how often it recurs (perOnce, perMonth or perYear), or false when e
// has neither an amount nor hours.
func (ev *evaluator) flow(w float64, e *Entry) (float64, int, bool) {
	f, per, ok := ev.flowOf(w, e)
	if e.Times != nil {
		f *= ev.driverProduct(e)
	}
	return f, per, ok
}

// flowOf is flow without the drivers: small enough to be inlined in
// Evaluate's loop, which multiplies by the drivers itself.
func (ev *evaluator) flowOf(w float64, e *Entry) (float64, int, bool) {
	var base float64
	switch {
	case e.Amount != nil:
		base = *e.Amount
	case e.Hours != nil:
		base = *e.Hours * ev.hourly
	default:
		return 0, perOnce, false
	}

	switch e.Per {
	case PerMonth:
		return w * base, perMonth, true
	case PerYear:
		return w * base, perYear, true
	}
	return w * base, perOnce, true
}

// quotient returns a/b, or false when b is 0 or a/b is not finite.
func quotient(a, b float64) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	q := a / b
	return q, !math.IsNaN(q) && !math.IsInf(q, 0)
}

// payback returns the payback in months of SPEC §3: the earliest m in
// [0, horizon] from which the cumulative net once + perMonth×m stays ≥ 0
// up to horizon. It returns false when costs are 0 (nothing to pay back)
// or when the cumulative net is still negative at the horizon's end: a
// scenario of recurring costs only never pays back, even though nothing
// is owed at month 0.
func payback(once, perMonth, horizon, costs float64) (float64, bool) {
	if costs == 0 || once+perMonth*horizon < 0 {
		return 0, false
	}
	if once >= 0 {
		// Ahead from the start and, the net being linear in m, ahead
		// at the end too: ahead throughout.
		return 0, true
	}
	// Behind at first, ahead at the end: perMonth > 0.
	return min(-once/perMonth, horizon), true
}

// Sides of an item, as itemKind holds them.
const (
	sideNone = iota
	sideBenefit
	sideCost
)

// itemInfo is what Evaluate reads of an item in each scenario: its weight
// and kind.
type itemInfo struct {
	weight float64
	kind   itemKind
}

// itemKind is where an item's contributions go: its side, and the index
// of its type in the side's TypeSums, or -1.
type itemKind struct {
	side int8
	typ  int8
}

func kindOf(it *Item) itemKind {
	k := itemKind{typ: -1}
	switch it.Side {
	case SideBenefit:
		k.side = sideBenefit
		switch it.Type {
		case TypeFunctional:
			k.typ = 0
		case TypeEmotional:
			k.typ = 1
		case TypeSocial:
			k.typ = 2
		case TypeMonetary:
			k.typ = 3
		}
	case SideCost:
		k.side = sideCost
		switch it.Type {
		case TypeFinancial:
			k.typ = 0
		case TypeTime:
			k.typ = 1
		case TypeEffort:
			k.typ = 2
		case TypeEmotional:
			k.typ = 3
		case TypeRisk:
			k.typ = 4
		}
	}
	return k
}

// scenarioJSON is the JSON shape of a ScenarioResult (SPEC §4). ROI and
// PaybackMonths are left out when their outer pointer is nil (score mode)
// and null when the inner one is.
type scenarioJSON struct {
	ID             string         `json:"id"`
	Name           string         `json:"name"`
	Benefits       float64        `json:"benefits"`
	Costs          float64        `json:"costs"`
	Net            float64        `json:"net"`
	Ratio          *float64       `json:"ratio"`
	ROI            **float64      `json:"roi,omitempty"`
	PaybackMonths  **float64      `json:"paybackMonths,omitempty"`
	Cashflow       []CashflowYear `json:"cashflow,omitempty"`
	BenefitsByType TypeSums       `json:"benefitsByType"`
	CostsByType    TypeSums       `json:"costsByType"`
	Unscored       int            `json:"unscored"`
	Range          *NetRange      `json:"range,omitempty"`
}

// MarshalJSON writes r as in SPEC §4: "ratio" always, null when Ratio is
// nil; "roi" and "paybackMonths" only for a money model, null when nil;
// "range" only when Range is set.
// Contributions and Scored are not written.
//
// MarshalJSON returns an error if a number is NaN or infinite.
func (r ScenarioResult) MarshalJSON() ([]byte, error) {
	s := scenarioJSON{
		ID: r.ID, Name: r.Name,
		Benefits: r.Benefits, Costs: r.Costs, Net: r.Net, Ratio: r.Ratio,
		BenefitsByType: r.BenefitsByType, CostsByType: r.CostsByType,
		Unscored: r.Unscored, Range: r.Range,
	}
	if r.money {
		s.ROI, s.PaybackMonths = &r.ROI, &r.PaybackMonths
		s.Cashflow = r.Cashflow
		if s.Cashflow == nil {
			s.Cashflow = []CashflowYear{}
		}
	}
	return json.Marshal(s)
}

// MarshalJSON writes s as one JSON object, type to value, in the order of
// s; a nil s is written as {}.
//
// MarshalJSON returns an error if a value is NaN or infinite.
func (s TypeSums) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 16+24*len(s))
	b = append(b, '{')
	for i, ts := range s {
		if i > 0 {
			b = append(b, ',')
		}
		key, err := json.Marshal(string(ts.Type))
		if err != nil {
			return nil, err
		}
		b = append(b, key...)
		b = append(b, ':')
		if math.IsNaN(ts.Value) || math.IsInf(ts.Value, 0) {
			return nil, &json.UnsupportedValueError{Str: formatFloat(ts.Value)}
		}
		b = appendFloat(b, ts.Value)
	}
	return append(b, '}'), nil
}
