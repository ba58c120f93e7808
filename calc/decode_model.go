package calc

import "strconv"

// model builds the model from the top-level value n.
func (d *walker) model(n *node) Model {
	var root fieldPath
	d.idsKnown = true
	m := NewModel()
	m.Format = ""
	if !d.object(n, root) {
		d.fatal = true
		return Model{}
	}
	if c := n.get("format"); c == nil {
		d.list.drop(root.field("format"), ErrRequired, "required")
	} else if s, ok := d.str(c, root.field("format")); ok {
		m.Format = s
		d.v1 = s == FormatV1
		d.pre3 = s == FormatV1 || s == FormatV2
		d.format = s
	}
	if c := n.get("title"); c != nil {
		if s, ok := d.str(c, root.field("title")); ok {
			m.Title = s
		}
	}
	if c := n.get("mode"); c != nil {
		m.Mode = "" // neither mode: the validator skips what depends on it
		if s, ok := d.str(c, root.field("mode")); ok {
			m.Mode = Mode(s)
		}
	}
	if c := n.get("scale"); c != nil {
		p := root.field("scale")
		if d.object(c, p) {
			m.Scale = Scale{}
			for i, name := range []string{"min", "max"} {
				bound := &m.Scale.Min
				if i == 1 {
					bound = &m.Scale.Max
				}
				if b := c.get(name); b == nil {
					d.list.drop(p.field(name), ErrRequired, "required")
				} else if v, ok := d.integer(b, p.field(name), 0, MaxScaleBound); ok {
					*bound = v
				}
			}
			m.Scale.MinLabel = d.label(c, p, "minLabel")
			m.Scale.MaxLabel = d.label(c, p, "maxLabel")
		}
	}
	if c := n.get("currency"); c != nil {
		if s, ok := d.str(c, root.field("currency")); ok {
			m.Currency = s
		}
	}
	if c := n.get("horizonYears"); c != nil {
		if v, ok := d.integer(c, root.field("horizonYears"), 1, MaxHorizon); ok {
			m.HorizonYears = v
		}
	}
	if c := n.get("discountRate"); c != nil {
		if v, ok := d.num(c, root.field("discountRate")); ok {
			m.DiscountRate = v
		}
	}
	if c := n.get("hourlyRate"); c != nil {
		if v, ok := d.num(c, root.field("hourlyRate")); ok {
			m.HourlyRate = v
		}
	}
	if d.v3(n, root, "customer") {
		m.Customer, _ = d.str(n.get("customer"), root.field("customer"))
	}
	if d.v3(n, root, "summary") {
		m.Summary, _ = d.str(n.get("summary"), root.field("summary"))
	}
	if d.v3(n, root, "drivers") {
		m.Drivers = d.drivers(n.get("drivers"), root.field("drivers"))
	}
	if c := n.get("items"); c != nil {
		m.Items = d.items(c, root.field("items"))
	}
	if c := n.get("scenarios"); c != nil {
		m.Scenarios = d.scenarios(c, root.field("scenarios"), m.Mode, m.Items)
	} else {
		m.Scenarios[0].Entries = make([]*Entry, len(m.Items))
	}
	return m
}

// v2 reports whether the field name of the object n at p may be read:
// false, with a problem, when it is there in a file of version 1.
func (d *walker) v2(n *node, p fieldPath, name string) bool {
	if n.get(name) == nil {
		return false
	}
	if d.v1 {
		d.list.add(p.field(name), ErrInvalid, notInV1)
		return false
	}
	return true
}

// v3 reports whether the field name of the object n at p may be read:
// false, with a problem, when it is there in a file of version 1 or 2.
func (d *walker) v3(n *node, p fieldPath, name string) bool {
	if n.get(name) == nil {
		return false
	}
	if d.pre3 {
		d.list.add(p.field(name), ErrInvalid, notBeforeV3(d.format))
		return false
	}
	return true
}

// drivers builds the drivers from the array n at p.
func (d *walker) drivers(n *node, p fieldPath) []Driver {
	if n.kind != kindArray {
		d.list.drop(p, ErrWrongKind, "must be an array, got "+n.describe())
		return nil
	}
	drivers := make([]Driver, len(n.kids))
	for i := range n.kids {
		c, dp := &n.kids[i], p.at(i)
		dr := &drivers[i]
		if !d.object(c, dp) {
			continue
		}
		dr.ID, _ = d.required(c, dp, "id")
		dr.Name, _ = d.required(c, dp, "name")
		if u := c.get("unit"); u != nil {
			dr.Unit, _ = d.str(u, dp.field("unit"))
		}
		if v := c.get("value"); v == nil {
			d.list.drop(dp.field("value"), ErrRequired, "required")
		} else if f, ok := d.num(v, dp.field("value")); ok {
			dr.Value = f
		}
		if v := c.get("low"); v != nil {
			dr.Low = d.numPtr(v, dp.field("low"))
		}
		if v := c.get("high"); v != nil {
			dr.High = d.numPtr(v, dp.field("high"))
		}
		if v := c.get("ask"); v != nil {
			dr.Ask = d.boolean(v, dp.field("ask"))
		}
		if v := c.get("note"); v != nil {
			dr.Note, _ = d.str(v, dp.field("note"))
		}
		if v := c.get("source"); v != nil {
			dr.Source, _ = d.str(v, dp.field("source"))
		}
	}
	return drivers
}

// boolean returns the boolean at p, or reports n's wrong kind.
func (d *walker) boolean(n *node, p fieldPath) bool {
	if n.kind != kindBool {
		d.list.drop(p, ErrWrongKind, "must be true or false, got "+n.describe())
		return false
	}
	return n.text == "true"
}

// label returns the scale label name of the object n at p, "" when it is
// absent or cannot be read.
func (d *walker) label(n *node, p fieldPath, name string) string {
	if !d.v2(n, p, name) {
		return ""
	}
	s, ok := d.str(n.get(name), p.field(name))
	if ok && s == "" {
		// A Model has "" for no label: a file leaves the field out.
		d.list.add(p.field(name), ErrOutOfRange, "must be 1 to "+strconv.Itoa(MaxLabelLen)+" characters, got an empty string")
	}
	return s
}

// items builds the items from the array n at p.
func (d *walker) items(n *node, p fieldPath) []Item {
	if n.kind != kindArray {
		d.list.drop(p, ErrWrongKind, "must be an array, got "+n.describe())
		d.idsKnown = false
		return nil
	}
	items := make([]Item, len(n.kids))
	for i := range n.kids {
		c, ip := &n.kids[i], p.at(i)
		it := &items[i]
		it.Weight = 1
		if !d.object(c, ip) {
			d.idsKnown = false
			continue
		}
		id, ok := d.required(c, ip, "id")
		it.ID = id
		if !ok {
			d.idsKnown = false
		}
		it.Name, _ = d.required(c, ip, "name")
		side, _ := d.required(c, ip, "side")
		it.Side = Side(side)
		typ, _ := d.required(c, ip, "type")
		it.Type = Type(typ)
		if s := c.get("stage"); s != nil {
			stage, _ := d.str(s, ip.field("stage"))
			it.Stage = Stage(stage)
		}
		if w := c.get("weight"); w != nil {
			if v, ok := d.num(w, ip.field("weight")); ok {
				it.Weight = v
			}
		}
		if s := c.get("note"); s != nil {
			it.Note, _ = d.str(s, ip.field("note"))
		}
	}
	return items
}

// required returns the string field name of the object n at p, or reports
// that it is absent or not a string.
func (d *walker) required(n *node, p fieldPath, name string) (string, bool) {
	c := n.get(name)
	if c == nil {
		d.list.drop(p.field(name), ErrRequired, "required")
		return "", false
	}
	return d.str(c, p.field(name))
}

// scenarios builds the scenarios from the array n at p, for a model of
// the given mode and items.
func (d *walker) scenarios(n *node, p fieldPath, mode Mode, items []Item) []Scenario {
	if n.kind != kindArray {
		d.list.drop(p, ErrWrongKind, "must be an array, got "+n.describe())
		return nil
	}
	// index finds an item by id; with duplicate ids (an error of its own)
	// the first item's.
	index := make(map[string]int, len(items))
	for i := len(items) - 1; i >= 0; i-- {
		index[items[i].ID] = i
	}
	scenarios := make([]Scenario, len(n.kids))
	for j := range n.kids {
		c, sp := &n.kids[j], p.at(j)
		sc := &scenarios[j]
		sc.Entries = make([]*Entry, len(items))
		if !d.object(c, sp) {
			continue
		}
		sc.ID, _ = d.required(c, sp, "id")
		sc.Name, _ = d.required(c, sp, "name")
		e := c.get("entries")
		if e == nil {
			continue
		}
		ep := sp.field("entries")
		if e.kind != kindObject {
			d.list.drop(ep, ErrWrongKind, "must be an object, got "+e.describe())
			continue
		}
		d.repeats(e, ep)
		// One allocation for the scenario's entries, in the file's order:
		// Evaluate then reads them from consecutive memory.
		backing := make([]Entry, len(e.keys))
		for k, key := range e.keys {
			backing[k] = d.entry(&e.kids[k], ep.field(key), mode)
			i, ok := index[key]
			if !ok {
				// An entry for an item whose id could not be read may be
				// its own: it is only reported when every id was read.
				if d.idsKnown {
					d.list.add(ep.field(key), ErrUnknownItem, "unknown item "+quote(key))
				}
				continue
			}
			if sc.Entries[i] == nil {
				sc.Entries[i] = &backing[k]
			}
		}
	}
	return scenarios
}
