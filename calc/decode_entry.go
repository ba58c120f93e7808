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
		c := n.get("ask")
		if c.kind != kindBool {
			d.list.drop(p.field("ask"), ErrWrongKind, "must be true or false, got "+c.describe())
		} else {
			e.Ask = c.text == "true"
		}
	}
	return e
}
