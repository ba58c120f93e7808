package calc

// entry builds the entry n at p.
func (d *walker) entry(n *node, p fieldPath, mode Mode) Entry {
	var e Entry
	if !d.object(n, p) {
		return e
	}
	if c := n.get("score"); c != nil {
		e.Score = d.numPtr(c, p.field("score"))
	}
	if c := n.get("amount"); c != nil {
		e.Amount = d.numPtr(c, p.field("amount"))
	}
	if c := n.get("hours"); c != nil {
		e.Hours = d.numPtr(c, p.field("hours"))
	}
	if c := n.get("per"); c != nil {
		per, _ := d.str(c, p.field("per"))
		e.Per = Per(per)
	} else if mode == ModeMoney {
		e.Per = PerOnce
	}
	if c := n.get("weight"); c != nil {
		e.Weight = d.numPtr(c, p.field("weight"))
	}
	if d.v2(n, p, "low") {
		e.Low = d.numPtr(n.get("low"), p.field("low"))
	}
	if d.v2(n, p, "high") {
		e.High = d.numPtr(n.get("high"), p.field("high"))
	}
	if d.v2(n, p, "ask") {
		e.Ask = d.boolean(n.get("ask"), p.field("ask"))
	}
	if d.v3(n, p, "times") {
		e.Times = d.times(n.get("times"), p.field("times"))
	}
	if d.v3(n, p, "start") {
		e.Start, _ = d.integer(n.get("start"), p.field("start"), 1, MaxStart)
	}
	if d.v3(n, p, "end") {
		e.End, _ = d.integer(n.get("end"), p.field("end"), 1, MaxEnd)
	}
	if d.v3(n, p, "ramp") {
		if r, ok := d.integer(n.get("ramp"), p.field("ramp"), 0, MaxRamp); ok {
			e.Ramp = r
		}
	}
	if d.v3(n, p, "growth") {
		if g, ok := d.num(n.get("growth"), p.field("growth")); ok {
			e.Growth = g
		}
	}
	if d.v3(n, p, "source") {
		e.Source, _ = d.str(n.get("source"), p.field("source"))
	}
	return e
}

// times reads the driver ids of an entry's times from the array n at p.
// An empty array stays an empty, non-nil slice, for Validate to report.
func (d *walker) times(n *node, p fieldPath) []string {
	if n.kind != kindArray {
		d.list.drop(p, ErrWrongKind, "must be an array, got "+n.describe())
		return nil
	}
	ids := make([]string, len(n.kids))
	for i := range n.kids {
		ids[i], _ = d.str(&n.kids[i], p.at(i))
	}
	return ids
}
