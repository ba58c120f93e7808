package calc

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Validate checks m against every rule of SPEC §2 and returns nil when it
// holds, or else a Problems listing every broken rule with its path, in the
// order of the format's fields. It checks values only: a typed model has no
// absent fields, so an empty Per counts as PerOnce and a nil or short slice
// of entries as no entries for the items past its end. Settings of the
// other mode are checked as well, since a model keeps them.
//
// Validate returns an error if:
//   - Format is not "valuecalc/1";
//   - Title is longer than MaxTitleLen characters or not valid UTF-8;
//   - Mode is neither ModeScore nor ModeMoney;
//   - Scale breaks 0 ≤ Min < Max ≤ MaxScaleBound;
//   - Currency is not three capital letters;
//   - HorizonYears is not within 1–MaxHorizon;
//   - DiscountRate is not within 0 ≤ r < 1;
//   - HourlyRate is not within 0–MaxAmount;
//   - there are more than MaxItems items;
//   - an item's ID is empty, longer than MaxIDLen, holds a character other
//     than A–Z a–z 0–9 _ -, or repeats an earlier item's ID;
//   - an item's Name is blank or longer than MaxNameLen characters;
//   - an item's Side is unknown, or its Type is not one of its side's types;
//   - an item's Stage is neither StageNone nor one of Stages;
//   - an item's Weight is not within 0–MaxWeight;
//   - an item's Note is longer than MaxNoteLen characters;
//   - there are no scenarios or more than MaxScenarios;
//   - a scenario's ID or Name breaks the rules of an item's;
//   - a scenario has more Entries than the model has Items;
//   - in score mode, an entry has no Score, a Score outside the scale, or
//     an Amount, Hours or Per;
//   - in money mode, an entry has a Score, both or neither of Amount and
//     Hours, an Amount outside 0–MaxAmount, Hours outside 0–MaxHours, or a
//     Per other than PerOnce, PerMonth and PerYear;
//   - an entry's Weight is not within 0–MaxWeight;
//   - any number is NaN or infinite.
func Validate(m Model) error {
	var v validator
	v.model(m)
	return v.list.result()
}

// validator checks a typed model, building paths only for problems.
type validator struct {
	list problemList
}

// model checks m. Entries for keys that are no item's id exist only in a
// file: Decode reports them.
func (v *validator) model(m Model) {
	var root fieldPath
	if m.Format != Format {
		v.list.add(root.field("format"), ErrInvalid, fmt.Sprintf("must be %q, got %s", Format, quote(m.Format)))
	}
	v.text(root.field("title"), m.Title, MaxTitleLen)
	if m.Mode != ModeScore && m.Mode != ModeMoney {
		v.list.add(root.field("mode"), ErrInvalid, fmt.Sprintf("must be %q or %q, got %s", ModeScore, ModeMoney, quote(string(m.Mode))))
	}
	scaleOK := v.scale(m.Scale)
	if !validCurrency(m.Currency) {
		v.list.add(root.field("currency"), ErrInvalid, "must be three capital letters (an ISO 4217 code), got "+quote(m.Currency))
	}
	if m.HorizonYears < 1 || m.HorizonYears > MaxHorizon {
		v.list.add(root.field("horizonYears"), ErrOutOfRange, fmt.Sprintf("must be between 1 and %d, got %d", MaxHorizon, m.HorizonYears))
	}
	if msg := finite(m.DiscountRate); msg != "" {
		v.list.add(root.field("discountRate"), ErrOutOfRange, msg)
	} else if m.DiscountRate < 0 || m.DiscountRate >= 1 {
		v.list.add(root.field("discountRate"), ErrOutOfRange, "must be at least 0 and less than 1, got "+formatFloat(m.DiscountRate))
	}
	v.between(root.field("hourlyRate"), m.HourlyRate, MaxAmount)

	items := root.field("items")
	if len(m.Items) > MaxItems {
		v.list.add(items, ErrOutOfRange, fmt.Sprintf("must have at most %d items, got %d", MaxItems, len(m.Items)))
	}
	ids := make(map[string]struct{}, len(m.Items))
	for i := range m.Items {
		it := &m.Items[i]
		p := items.at(i)
		v.id(p.field("id"), it.ID, ids)
		v.name(p.field("name"), it.Name)
		v.sideAndType(p, it.Side, it.Type)
		if it.Stage != StageNone && !validStage(it.Stage) {
			v.list.add(p.field("stage"), ErrInvalid, fmt.Sprintf("must be one of %s, got %s", joinStages(), quote(string(it.Stage))))
		}
		v.between(p.field("weight"), it.Weight, MaxWeight)
		v.text(p.field("note"), it.Note, MaxNoteLen)
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
		v.name(p.field("name"), sc.Name)
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

// scale checks the scale and reports whether it is usable for checking
// scores.
func (v *validator) scale(s Scale) bool {
	p := fieldPath{}.field("scale")
	ok := true
	if s.Min < 0 || s.Min > MaxScaleBound {
		v.list.add(p.field("min"), ErrOutOfRange, fmt.Sprintf("must be between 0 and %d, got %d", MaxScaleBound, s.Min))
		ok = false
	}
	if s.Max < 0 || s.Max > MaxScaleBound {
		v.list.add(p.field("max"), ErrOutOfRange, fmt.Sprintf("must be between 0 and %d, got %d", MaxScaleBound, s.Max))
		ok = false
	}
	if ok && s.Min >= s.Max {
		v.list.add(p, ErrOutOfRange, fmt.Sprintf("min must be less than max, got min %d and max %d", s.Min, s.Max))
		ok = false
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
	switch m.Mode {
	case ModeScore:
		if e.Score == nil {
			v.list.add(at("score"), ErrRequired, "required")
		} else if msg := finite(*e.Score); msg != "" {
			v.list.add(at("score"), ErrOutOfRange, msg)
		} else if scaleOK && (*e.Score < float64(m.Scale.Min) || *e.Score > float64(m.Scale.Max)) {
			v.list.add(at("score"), ErrOutOfRange, fmt.Sprintf("must be between %d and %d, got %s", m.Scale.Min, m.Scale.Max, formatFloat(*e.Score)))
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
		}
		if e.Amount != nil {
			if msg := between(*e.Amount, MaxAmount); msg != "" {
				v.list.add(at("amount"), ErrOutOfRange, msg)
			}
		}
		if e.Hours != nil {
			if msg := between(*e.Hours, MaxHours); msg != "" {
				v.list.add(at("hours"), ErrOutOfRange, msg)
			}
		}
		switch e.Per {
		case "", PerOnce, PerMonth, PerYear:
		default:
			v.list.add(at("per"), ErrInvalid, fmt.Sprintf("must be one of %s, %s, %s, got %s", PerOnce, PerMonth, PerYear, quote(string(e.Per))))
		}
	}
	if e.Weight != nil {
		if msg := between(*e.Weight, MaxWeight); msg != "" {
			v.list.add(at("weight"), ErrOutOfRange, msg)
		}
	}
}

// id checks an item's or scenario's id and records it in seen.
func (v *validator) id(p fieldPath, id string, seen map[string]struct{}) {
	switch {
	case id == "":
		v.list.add(p, ErrRequired, "must not be empty")
		return
	case !idChars(id):
		v.list.add(p, ErrInvalid, `must hold only letters A-Z a-z, digits 0-9, "_" and "-", got `+quote(id))
	case len(id) > MaxIDLen:
		v.list.add(p, ErrOutOfRange, fmt.Sprintf("must be at most %d characters, got %d", MaxIDLen, len(id)))
	}
	if _, ok := seen[id]; ok {
		v.list.add(p, ErrDuplicate, "duplicate id "+quote(id))
		return
	}
	seen[id] = struct{}{}
}

// name checks an item's or scenario's name.
func (v *validator) name(p fieldPath, name string) {
	if strings.TrimSpace(name) == "" {
		v.list.add(p, ErrRequired, "must not be blank")
		return
	}
	v.text(p, name, MaxNameLen)
}

// text checks that s is valid UTF-8 of at most max characters.
func (v *validator) text(p fieldPath, s string, max int) {
	if !utf8.ValidString(s) {
		v.list.add(p, ErrInvalid, "must be valid UTF-8")
		return
	}
	if n := utf8.RuneCountInString(s); n > max {
		v.list.add(p, ErrOutOfRange, fmt.Sprintf("must be at most %d characters, got %d", max, n))
	}
}

// between checks that x is a finite number within 0–max.
func (v *validator) between(p fieldPath, x, max float64) {
	if msg := between(x, max); msg != "" {
		v.list.add(p, ErrOutOfRange, msg)
	}
}

// finite returns why x is not a finite number, or "".
func finite(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "must be a finite number, got " + formatFloat(x)
	}
	return ""
}

// between returns why x is not a finite number within 0–max, or "".
func between(x, max float64) string {
	if msg := finite(x); msg != "" {
		return msg
	}
	if x < 0 || x > max {
		return "must be between 0 and " + formatFloat(max) + ", got " + formatFloat(x)
	}
	return ""
}

// validID reports whether s is a well-formed id: 1–MaxIDLen characters of
// A–Z a–z 0–9 _ -.
func validID(s string) bool {
	return s != "" && len(s) <= MaxIDLen && idChars(s)
}

// idChars reports whether s holds only A–Z a–z 0–9 _ -.
func idChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// validCurrency reports whether s is three capital letters.
func validCurrency(s string) bool {
	return len(s) == 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2])
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

func validType(t Type, types []Type) bool {
	for _, u := range types {
		if t == u {
			return true
		}
	}
	return false
}

func validStage(s Stage) bool {
	for _, u := range Stages() {
		if s == u {
			return true
		}
	}
	return false
}

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
