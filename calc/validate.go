package calc

import (
	"fmt"
	"slices"
	"strings"
)

// Validate checks m against every rule of SPEC §2 and returns nil when it
// holds, or else a Problems listing every broken rule with its path, in the
// order of the format's fields. It checks values only: a typed model has no
// absent fields, so an empty Per counts as PerOnce and a nil or short slice
// of entries as no entries for the items past its end. Settings of the
// other mode are checked as well, since a model keeps them. Each value is
// checked by the Check function of its field (CheckWeight and so on).
//
// Validate returns an error if:
//   - Format is none of Format, FormatV2 and FormatV1, or is FormatV1 and
//     the model has a field of version 2 (a scale label, an entry's Low,
//     High or Ask), or is FormatV1 or FormatV2 and the model has a field of
//     version 3 (Customer, Summary, Drivers, an entry's Times, Start, End,
//     Ramp, Growth or Source);
//   - Customer breaks CheckCustomer, Summary CheckSummary;
//   - there are more than MaxDrivers drivers; a driver's ID breaks CheckID
//     or repeats an earlier driver's; its Name breaks CheckName, Unit
//     CheckUnit, Value CheckDriverValue, Note CheckNote, Source
//     CheckSource; it has one of Low and High without the other, or one
//     that breaks CheckLow or CheckHigh (bounds 0–MaxDriverValue);
//   - Title breaks CheckTitle;
//   - Mode is neither ModeScore nor ModeMoney;
//   - Scale breaks CheckScale, or a label breaks CheckScaleLabel;
//   - Currency breaks CheckCurrency;
//   - HorizonYears breaks CheckHorizon;
//   - DiscountRate breaks CheckDiscountRate;
//   - HourlyRate breaks CheckHourlyRate;
//   - there are more than MaxItems items;
//   - an item's ID breaks CheckID or repeats an earlier item's ID;
//   - an item's Name breaks CheckName;
//   - an item's Side is unknown, or its Type is not one of its side's types;
//   - an item's Stage is neither StageNone nor one of Stages;
//   - an item's Weight breaks CheckWeight;
//   - an item's Note breaks CheckNote;
//   - there are no scenarios or more than MaxScenarios;
//   - a scenario's ID or Name breaks the rules of an item's;
//   - a scenario has more Entries than the model has Items;
//   - in score mode, an entry has no Score, a Score that breaks CheckScore,
//     or an Amount, Hours or Per;
//   - in money mode, an entry has a Score, both or neither of Amount and
//     Hours, an Amount that breaks CheckAmount, Hours that break
//     CheckHours, or a Per other than PerOnce, PerMonth and PerYear;
//   - an entry's Weight breaks CheckWeight;
//   - an entry has one of Low and High without the other, or one that
//     breaks CheckLow or CheckHigh;
//   - an entry's Source breaks CheckSource;
//   - a score entry has Times, Start, End, Ramp or Growth;
//   - a money entry's Times names none or more than MaxTimes drivers, a
//     driver twice or a driver the model does not have ("no driver");
//   - its Start is outside 1–MaxStart;
//   - a once entry has End, Ramp or Growth;
//   - a month or year entry's End is outside 1–MaxEnd or before its start,
//     its Ramp outside 0–MaxRamp, or its Growth breaks CheckGrowth.
func Validate(m Model) error {
	var v validator
	v.model(m)
	return v.list.result()
}

// validator checks a typed model, building paths only for problems.
type validator struct {
	list problemList
	v1   bool // the model is of FormatV1: version 2's fields are errors
	// pre3 is set when the model is of FormatV1 or FormatV2: version 3's
	// fields are errors; format is the model's format.
	pre3    bool
	format  string
	drivers map[string]struct{} // the ids of the model's drivers
}

// v3Field reports a field of version 3 in a model of version 1 or 2.
func (v *validator) v3Field(p fieldPath) {
	v.list.add(p, ErrInvalid, notBeforeV3(v.format))
}

// notBeforeV3 is the message for a field of version 3 in a model of the
// earlier format.
func notBeforeV3(format string) string {
	return `not allowed in a "` + format + `" file; it needs "format": "` + Format + `"`
}

// check adds err, the result of a Check function, as a problem at p.
func (v *validator) check(p fieldPath, err error) {
	if err != nil {
		v.list.addErr(p, err)
	}
}

// v2Field reports a field of version 2 in a model of version 1.
func (v *validator) v2Field(p fieldPath) {
	v.list.add(p, ErrInvalid, notInV1)
}

// notInV1 is the message for a field of version 2 in a valuecalc/1 model.
const notInV1 = `not allowed in a "` + FormatV1 + `" file; it needs "format": "` + FormatV2 + `"`

// model checks m. Entries for keys that are no item's id exist only in a
// file: Decode reports them.
func (v *validator) model(m Model) {
	var root fieldPath
	v.format = m.Format
	switch m.Format {
	case Format:
	case FormatV2:
		v.pre3 = true
	case FormatV1:
		v.v1, v.pre3 = true, true
	default:
		v.list.add(root.field("format"), ErrInvalid, fmt.Sprintf("must be %q, %q or %q, got %s", Format, FormatV2, FormatV1, quote(m.Format)))
	}
	v.check(root.field("title"), CheckTitle(m.Title))
	if m.Mode != ModeScore && m.Mode != ModeMoney {
		v.list.add(root.field("mode"), ErrInvalid, fmt.Sprintf("must be %q or %q, got %s", ModeScore, ModeMoney, quote(string(m.Mode))))
	}
	scaleOK := v.scale(m.Scale)
	v.check(root.field("currency"), CheckCurrency(m.Currency))
	v.check(root.field("horizonYears"), CheckHorizon(m.HorizonYears))
	v.check(root.field("discountRate"), CheckDiscountRate(m.DiscountRate))
	v.check(root.field("hourlyRate"), CheckHourlyRate(m.HourlyRate))
	v.story(m)

	items := root.field("items")
	if len(m.Items) > MaxItems {
		v.list.add(items, ErrOutOfRange, fmt.Sprintf("must have at most %d items, got %d", MaxItems, len(m.Items)))
	}
	ids := make(map[string]struct{}, len(m.Items))
	for i := range m.Items {
		it := &m.Items[i]
		p := items.at(i)
		v.id(p.field("id"), it.ID, ids)
		v.check(p.field("name"), CheckName(it.Name))
		v.sideAndType(p, it.Side, it.Type)
		if it.Stage != StageNone && !slices.Contains(Stages(), it.Stage) {
			v.list.add(p.field("stage"), ErrInvalid, fmt.Sprintf("must be one of %s, got %s", joinStages(), quote(string(it.Stage))))
		}
		v.check(p.field("weight"), CheckWeight(it.Weight))
		v.check(p.field("note"), CheckNote(it.Note))
	}

	scenarios := root.field("scenarios")
	if n := len(m.Scenarios); n < 1 || n > MaxScenarios {
		v.list.add(scenarios, ErrOutOfRange, fmt.Sprintf("must have 1 to %d scenarios, got %d", MaxScenarios, n))
	}
	sids := make(map[string]struct{}, len(m.Scenarios))
	for j := range m.Scenarios {
		sc := &m.Scenarios[j]
		p := scenarios.at(j)
		v.id(p.field("id"), sc.ID, sids)
		v.check(p.field("name"), CheckName(sc.Name))
		if len(sc.Entries) > len(m.Items) {
			v.list.add(p.field("entries"), ErrUnknownItem,
				fmt.Sprintf("has %d entries, more than the model's items (%d)", len(sc.Entries), len(m.Items)))
		}
		for i := range min(len(sc.Entries), len(m.Items)) {
			if e := sc.Entries[i]; e != nil {
				v.entry(&m, scaleOK, j, m.Items[i].ID, e)
			}
		}
	}
}

// story checks the fields of version 3 at the top of m: its customer,
// summary and drivers, and records the drivers' ids for the entries.
func (v *validator) story(m Model) {
	var root fieldPath
	if v.pre3 {
		if m.Customer != "" {
			v.v3Field(root.field("customer"))
		}
		if m.Summary != "" {
			v.v3Field(root.field("summary"))
		}
		if m.Drivers != nil {
			v.v3Field(root.field("drivers"))
		}
		return
	}
	v.check(root.field("customer"), CheckCustomer(m.Customer))
	v.check(root.field("summary"), CheckSummary(m.Summary))
	drivers := root.field("drivers")
	if len(m.Drivers) > MaxDrivers {
		v.list.add(drivers, ErrOutOfRange, fmt.Sprintf("must have at most %d drivers, got %d", MaxDrivers, len(m.Drivers)))
	}
	v.drivers = make(map[string]struct{}, len(m.Drivers))
	for i := range m.Drivers {
		d := &m.Drivers[i]
		p := drivers.at(i)
		v.id(p.field("id"), d.ID, v.drivers)
		v.check(p.field("name"), CheckName(d.Name))
		v.check(p.field("unit"), CheckUnit(d.Unit))
		err := CheckDriverValue(d.Value)
		v.check(p.field("value"), err)
		v.rangeOf(p, d.Low, d.High, d.Value, err == nil, 0, MaxDriverValue)
		v.check(p.field("note"), CheckNote(d.Note))
		v.check(p.field("source"), CheckSource(d.Source))
	}
}

// rangeOf checks the range low–high at p around the value x, which lies
// within lo–hi when valueOK.
func (v *validator) rangeOf(p fieldPath, low, high *float64, x float64, valueOK bool, lo, hi float64) {
	switch {
	case low == nil && high == nil:
	case low == nil:
		v.list.add(p.field("low"), ErrRequired, `required with "high"`)
	case high == nil:
		v.list.add(p.field("high"), ErrRequired, `required with "low"`)
	case valueOK:
		v.check(p.field("low"), CheckLow(*low, x, lo, hi))
		v.check(p.field("high"), CheckHigh(*high, x, lo, hi))
	}
}

// scale checks the scale and reports whether it is usable for checking
// scores.
func (v *validator) scale(s Scale) bool {
	p := fieldPath{}.field("scale")
	minErr, maxErr := CheckScaleBound(s.Min), CheckScaleBound(s.Max)
	v.check(p.field("min"), minErr)
	v.check(p.field("max"), maxErr)
	ok := minErr == nil && maxErr == nil
	if ok {
		if err := CheckScale(s.Min, s.Max); err != nil {
			v.check(p, err)
			ok = false
		}
	}
	for _, l := range []struct{ name, text string }{{"minLabel", s.MinLabel}, {"maxLabel", s.MaxLabel}} {
		switch {
		case l.text == "":
		case v.v1:
			v.v2Field(p.field(l.name))
		default:
			v.check(p.field(l.name), CheckScaleLabel(l.text))
		}
	}
	return ok
}

// sideAndType checks an item's side and type.
func (v *validator) sideAndType(p fieldPath, side Side, typ Type) {
	types := TypesOf(side)
	if types == nil {
		v.list.add(p.field("side"), ErrInvalid, fmt.Sprintf("must be %q or %q, got %s", SideBenefit, SideCost, quote(string(side))))
		if !validType(typ, allTypes()) {
			v.list.add(p.field("type"), ErrInvalid, fmt.Sprintf("must be one of %s, got %s", joinTypes(allTypes()), quote(string(typ))))
		}
		return
	}
	if !validType(typ, types) {
		v.list.add(p.field("type"), ErrInvalid, fmt.Sprintf("must be one of %s for a %s, got %s", joinTypes(types), side, quote(string(typ))))
	}
}

// entry checks the entry e of scenario j for the item key. It builds paths
// only for problems: a large model has many entries.
func (v *validator) entry(m *Model, scaleOK bool, j int, key string, e *Entry) {
	at := func(name string) fieldPath { // the path of the entry or its field name
		p := fieldPath{}.field("scenarios").at(j).field("entries").field(key)
		if name != "" {
			p = p.field(name)
		}
		return p
	}
	valueOK := false // the entry's value is known and valid, for its range
	switch m.Mode {
	case ModeScore:
		if e.Score == nil {
			v.list.add(at("score"), ErrRequired, "required")
		} else if err := checkFinite(*e.Score); err != nil {
			v.check(at("score"), err)
		} else if scaleOK {
			err := CheckScore(m.Scale, *e.Score)
			v.check(at("score"), err)
			valueOK = err == nil
		}
		if e.Amount != nil {
			v.list.add(at("amount"), ErrInvalid, "not allowed in score mode")
		}
		if e.Hours != nil {
			v.list.add(at("hours"), ErrInvalid, "not allowed in score mode")
		}
		if e.Per != "" {
			v.list.add(at("per"), ErrInvalid, "not allowed in score mode")
		}
	case ModeMoney:
		if e.Score != nil {
			v.list.add(at("score"), ErrInvalid, "not allowed in money mode")
		}
		switch {
		case e.Amount == nil && e.Hours == nil:
			v.list.add(at(""), ErrRequired, "must have an amount or hours")
		case e.Amount != nil && e.Hours != nil:
			v.list.add(at(""), ErrInvalid, "must have an amount or hours, not both")
		case e.Amount != nil:
			err := CheckAmount(*e.Amount)
			v.check(at("amount"), err)
			valueOK = err == nil
		default:
			err := CheckHours(*e.Hours)
			v.check(at("hours"), err)
			valueOK = err == nil
		}
		if e.Amount != nil && e.Hours != nil {
			v.check(at("amount"), CheckAmount(*e.Amount))
			v.check(at("hours"), CheckHours(*e.Hours))
		}
		switch e.Per {
		case "", PerOnce, PerMonth, PerYear:
		default:
			v.list.add(at("per"), ErrInvalid, fmt.Sprintf("must be one of %s, %s, %s, got %s", PerOnce, PerMonth, PerYear, quote(string(e.Per))))
		}
	}
	if e.Weight != nil {
		v.check(at("weight"), CheckWeight(*e.Weight))
	}
	v.timing(m, e, at)
	if v.v1 {
		if e.Low != nil {
			v.v2Field(at("low"))
		}
		if e.High != nil {
			v.v2Field(at("high"))
		}
		if e.Ask {
			v.v2Field(at("ask"))
		}
		return
	}
	x, unit, _ := e.Value(m.Mode)
	lo, hi := m.Bounds(unit)
	v.rangeOf(at(""), e.Low, e.High, x, valueOK, lo, hi)
}

// timing checks the fields of version 3 of the entry e: its times,
// start, end, ramp, growth and source; at gives the path of a field.
func (v *validator) timing(m *Model, e *Entry, at func(string) fieldPath) {
	if !e.usesV3() {
		return
	}
	if v.pre3 {
		for _, f := range []struct {
			name string
			set  bool
		}{{"times", e.Times != nil}, {"start", e.Start != 0}, {"end", e.End != 0},
			{"ramp", e.Ramp != 0}, {"growth", e.Growth != 0}, {"source", e.Source != ""}} {
			if f.set {
				v.v3Field(at(f.name))
			}
		}
		return
	}
	v.check(at("source"), CheckSource(e.Source))
	if m.Mode == ModeScore {
		for _, f := range []struct {
			name string
			set  bool
		}{{"times", e.Times != nil}, {"start", e.Start != 0}, {"end", e.End != 0},
			{"ramp", e.Ramp != 0}, {"growth", e.Growth != 0}} {
			if f.set {
				v.list.add(at(f.name), ErrInvalid, "not allowed in score mode")
			}
		}
		return
	}
	if m.Mode != ModeMoney {
		return
	}
	if e.Times != nil {
		if n := len(e.Times); n < 1 || n > MaxTimes {
			v.list.add(at("times"), ErrOutOfRange, fmt.Sprintf("must name 1 to %d drivers, got %d", MaxTimes, n))
		}
		for k, id := range e.Times {
			p := at("times").at(k)
			switch _, ok := v.drivers[id]; {
			case slices.Contains(e.Times[:k], id):
				v.list.add(p, ErrDuplicate, "duplicate driver "+quote(id))
			case !ok:
				v.list.add(p, ErrInvalid, "no driver "+quote(id))
			}
		}
	}
	start := max(e.Start, 1)
	if e.Start != 0 && (e.Start < 1 || e.Start > MaxStart) {
		v.list.add(at("start"), ErrOutOfRange, fmt.Sprintf("must be between 1 and %d, got %d", MaxStart, e.Start))
	}
	once := e.Per != PerMonth && e.Per != PerYear
	if once {
		for _, f := range []struct {
			name string
			set  bool
		}{{"end", e.End != 0}, {"ramp", e.Ramp != 0}, {"growth", e.Growth != 0}} {
			if f.set {
				v.list.add(at(f.name), ErrInvalid, "not allowed on a once entry: it is paid or gained in one month")
			}
		}
		return
	}
	switch {
	case e.End == 0:
	case e.End < 1 || e.End > MaxEnd:
		v.list.add(at("end"), ErrOutOfRange, fmt.Sprintf("must be between 1 and %d, got %d", MaxEnd, e.End))
	case e.End < start:
		v.list.add(at("end"), ErrOutOfRange, fmt.Sprintf("must not be before the start, month %d, got %d", start, e.End))
	}
	if e.Ramp < 0 || e.Ramp > MaxRamp {
		v.list.add(at("ramp"), ErrOutOfRange, fmt.Sprintf("must be between 0 and %d, got %d", MaxRamp, e.Ramp))
	}
	v.check(at("growth"), CheckGrowth(e.Growth))
}

// id checks an item's or scenario's id and records it in seen.
func (v *validator) id(p fieldPath, id string, seen map[string]struct{}) {
	err := CheckID(id)
	v.check(p, err)
	if id == "" {
		return
	}
	if _, ok := seen[id]; ok {
		v.list.add(p, ErrDuplicate, "duplicate id "+quote(id))
		return
	}
	seen[id] = struct{}{}
}

func validType(t Type, types []Type) bool { return slices.Contains(types, t) }

// allTypes returns every value type once, benefit types first.
func allTypes() []Type {
	return []Type{TypeFunctional, TypeEmotional, TypeSocial, TypeMonetary, TypeFinancial, TypeTime, TypeEffort, TypeRisk}
}

func joinTypes(types []Type) string {
	s := make([]string, len(types))
	for i, t := range types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

func joinStages() string {
	stages := Stages()
	s := make([]string, len(stages))
	for i, st := range stages {
		s[i] = string(st)
	}
	return strings.Join(s, ", ")
}
