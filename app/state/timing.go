package state

import (
	"slices"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// An entry's version 3 parts (SPEC §2.1): the drivers it is priced per,
// its timing and its source.
type (
	// SetTimes puts a driver in slot Slot (0 to calc.MaxTimes − 1) of the
	// drivers a money entry is priced per: the first slot is in the
	// cell, where "" makes the entry a plain amount again; the others in
	// its detail, where "" takes that driver away.
	SetTimes struct {
		Scenario, Item string
		Slot           int
		Driver         string
	}
	// SetTiming sets a part of an entry's timing, or its source: Part
	// is the part's field, FieldEntryStart, FieldEntryEnd or
	// FieldEntryRamp (whole months in Value), FieldEntryGrowth (the
	// yearly change, 0.05 for +5 %) or FieldEntrySource (Text). 0 is a
	// part's default: month 1, the horizon's end, no ramp, no growth.
	SetTiming struct {
		Scenario, Item string
		Part           FieldKind
		Value          float64
		Text           string
	}
)

func (a SetTiming) Key() string {
	return "entry/" + a.Scenario + "/" + a.Item + "/" + fieldNames[a.Part]
}
func (SetTimes) Key() string   { return "" }
func (SetTimes) Path() string  { return "/entry/times" }
func (SetTiming) Path() string { return "/entry/timing" }

// reduceEntryPart is ReduceModel for SetTimes and SetTiming. The entry
// must hold a value (a money one, but for its source): its drivers,
// timing and source are that value's.
func reduceEntryPart(m calc.Model, sc, item string, a Edit) (calc.Model, error) {
	e, ok := entryOf(m, sc, item)
	_, _, has := e.Value(m.Mode)
	if t, src := a.(SetTiming); !ok || !has || m.Mode != calc.ModeMoney && !(src && t.Part == FieldEntrySource) {
		return m, i18n.Errorf(i18n.ErrValueBeforeTiming)
	}
	var err error
	switch a := a.(type) {
	case SetTimes:
		err = setTimes(m, &e, a)
	case SetTiming:
		err = setTiming(&e, a)
	}
	if err != nil {
		return m, err
	}
	return editEntry(m, sc, item, func(out *calc.Entry) bool {
		*out = e
		return true
	})
}

// setTimes puts a.Driver in slot a.Slot of e's drivers (SetTimes).
func setTimes(m calc.Model, e *calc.Entry, a SetTimes) error {
	if a.Slot < 0 || a.Slot >= calc.MaxTimes {
		return i18n.Errorf(i18n.ErrTimesMax, calc.MaxTimes)
	}
	if a.Driver != "" && m.DriverIndex(a.Driver) < 0 {
		return i18n.Errorf(i18n.ErrNoDriver, a.Driver)
	}
	var times []string
	for k := 0; k < calc.MaxTimes && (a.Slot > 0 || a.Driver != ""); k++ {
		d := a.Driver
		if k != a.Slot {
			d = ""
			if k < len(e.Times) {
				d = e.Times[k]
			}
		}
		if slices.Contains(times, d) {
			return i18n.Errorf(i18n.ErrSameDriver)
		}
		if d != "" {
			times = append(times, d)
		}
	}
	e.Times = times
	return nil
}

// setTiming sets a part of e's timing, or its source (SetTiming),
// checked against calc's rules (calc.Validate), worded for the person
// typing.
func setTiming(e *calc.Entry, a SetTiming) error {
	v := a.Value
	n := int(v)
	if a.Part == FieldEntrySource {
		e.Source = a.Text
		return checkText(calc.CheckSource(a.Text), calc.MaxSourceLen)
	}
	if a.Part != FieldEntryGrowth && float64(n) != v {
		return i18n.Errorf(i18n.ErrWholeNumber)
	}
	if (e.Per == calc.PerOnce || e.Per == "") && a.Part != FieldEntryStart && v != 0 {
		return i18n.Errorf(i18n.ErrOnceTiming)
	}
	start := max(e.Start, 1)
	switch a.Part {
	case FieldEntryStart:
		if n < 0 || n > calc.MaxStart {
			return i18n.Errorf(i18n.ErrStartMonth, calc.MaxStart)
		}
		if e.End != 0 && n > e.End {
			return i18n.Errorf(i18n.ErrStartAfterEnd, e.End)
		}
		e.Start = n
		if n == 1 {
			e.Start = 0 // month 1 is every entry's start: no version 3 field
		}
	case FieldEntryEnd:
		if n != 0 && (n < start || n > calc.MaxEnd) {
			return i18n.Errorf(i18n.ErrEndMonth, start, calc.MaxEnd)
		}
		e.End = n
	case FieldEntryRamp:
		if n < 0 || n > calc.MaxRamp {
			return i18n.Errorf(i18n.ErrRampMonths, calc.MaxRamp)
		}
		e.Ramp = n
	default:
		if calc.CheckGrowth(v) != nil {
			return i18n.Errorf(i18n.ErrGrowth, i18n.Number(calc.MinGrowth*100), i18n.Number(calc.MaxGrowth*100))
		}
		e.Growth = v
	}
	return nil
}

// timingEdit is the edit for text typed into a timing or source field
// of a cell: whole months, or the growth in percent ("5" or "5 %" for +5 %
// a year); an empty field is the part's default.
func timingEdit(l i18n.Lang, f Field, text string) (Edit, error) {
	a := SetTiming{f.Scenario, f.Item, f.Kind, 0, text}
	if f.Kind == FieldEntrySource {
		return a, nil
	}
	v, err := optionalNumber(l, strings.TrimSuffix(strings.TrimSpace(text), "%"))
	if v != nil {
		a.Value = *v
		if f.Kind == FieldEntryGrowth {
			a.Value = unnoise(*v / 100)
		}
	}
	return a, err
}

// timingNumber is the number timing field kind shows of e, as typed (the
// growth in percent); false for the part's default, which shows none.
func timingNumber(kind FieldKind, e *calc.Entry) (float64, bool) {
	v := [...]float64{float64(e.Start), float64(e.End), float64(e.Ramp), e.Growth * 100}[kind-FieldEntryStart]
	return v, v != 0
}

// DriverCol is what a cell shows of a driver: its name, unit and value.
type DriverCol struct {
	ID, Name, Unit string
	Value          float64
}

// Drivers are the model's drivers as the cells show them.
type Drivers struct{ List []DriverCol }

// Of returns the driver with id, and whether there is one.
func (d *Drivers) Of(id string) (DriverCol, bool) {
	if d != nil {
		for _, c := range d.List {
			if c.ID == id {
				return c, true
			}
		}
	}
	return DriverCol{}, false
}

// driversOf is what the cells of m show of its drivers: nil in score
// mode and without drivers.
func driversOf(m *calc.Model) *Drivers {
	if m.Mode != calc.ModeMoney || len(m.Drivers) == 0 {
		return nil
	}
	d := &Drivers{List: make([]DriverCol, len(m.Drivers))}
	for k, dr := range m.Drivers {
		d.List[k] = DriverCol{dr.ID, dr.Name, dr.Unit, dr.Value}
	}
	return d
}

func (d *Drivers) equal(o *Drivers) bool {
	return d == o || d != nil && o != nil && slices.Equal(d.List, o.List)
}

// EntryParts are a cell's entry's version 3 parts: the drivers it is
// priced per and its timing, as the model has them, and, while its row
// is open, the fields of its detail.
type EntryParts struct {
	Value            float64   // the entry's amount or hours
	Times            [3]string // the drivers' ids, "" after the last
	Start, End, Ramp int       // as in calc.Entry
	Growth           float64   // as in calc.Entry
	Horizon          int       // the model's years, while open
	// The detail's fields, while open (In).
	StartIn, EndIn, RampIn, GrowthIn, SourceIn Draft
}

// In is the detail's field of kind k, FieldEntryStart to
// FieldEntrySource.
func (p *EntryParts) In(k FieldKind) *Draft {
	return [...]*Draft{&p.StartIn, &p.EndIn, &p.RampIn, &p.GrowthIn, &p.SourceIn}[k-FieldEntryStart]
}

// entryParts returns the parts of entry e (nil for none) that a cell of
// model m shows; open adds its detail's fields.
func (s *State) entryParts(m *calc.Model, e *calc.Entry, sc, it string, j, i int, open bool, field func(*calc.Model, Field, int, int) Draft) EntryParts {
	var p EntryParts
	if e == nil {
		return p
	}
	if m.Mode == calc.ModeMoney {
		p.Value, _, _ = e.Value(m.Mode)
		copy(p.Times[:], e.Times)
		p.Start, p.End, p.Ramp, p.Growth = e.Start, e.End, e.Ramp, e.Growth
	}
	for k := FieldEntryStart; open && k <= FieldEntrySource; k++ {
		p.Horizon = m.HorizonYears
		if m.Mode == calc.ModeMoney || k == FieldEntrySource {
			*p.In(k) = field(m, Field{k, sc, it}, j, i)
		}
	}
	return p
}

// HasTimes reports whether the entry is priced per a driver.
func (p *EntryParts) HasTimes() bool { return p.Times[0] != "" }
