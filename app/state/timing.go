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
	// SetTimes prices a money entry per the drivers named (1 to
	// calc.MaxTimes distinct ids), or makes it a plain amount again when
	// Times is empty.
	SetTimes struct {
		Scenario, Item string
		Times          []string
	}
	// SetTiming sets one part of a money entry's timing: its start or
	// end month, its ramp in months, or its yearly growth (0.05 for +5 %).
	// 0 is the part's default: month 1, the horizon's end, no ramp, no
	// growth.
	SetTiming struct {
		Scenario, Item string
		Part           TimingPart
		Value          float64
	}
	// SetEntrySource says where an entry's figure comes from ("" for
	// nowhere said).
	SetEntrySource struct{ Scenario, Item, Source string }
	// ChooseDriver is a driver chosen in one of a money cell's "priced
	// per" selects: Slot 0 is the cell's own, where "" makes the entry
	// a plain amount; slots 1 and 2 are in its detail, where "" takes
	// that driver away.
	ChooseDriver struct {
		Cell   Cell
		Slot   int
		Driver string
	}
)

// TimingPart names a part of an entry's timing.
type TimingPart string

// The parts of an entry's timing.
const (
	TimingStart  TimingPart = "start"
	TimingEnd    TimingPart = "end"
	TimingRamp   TimingPart = "ramp"
	TimingGrowth TimingPart = "growth"
)

func (a SetTimes) Key() string       { return "entry/" + a.Scenario + "/" + a.Item + "/times" }
func (a SetTiming) Key() string      { return "entry/" + a.Scenario + "/" + a.Item + "/" + string(a.Part) }
func (a SetEntrySource) Key() string { return "entry/" + a.Scenario + "/" + a.Item + "/source" }
func (SetTimes) Path() string        { return "/entry/times" }
func (SetTiming) Path() string       { return "/entry/timing" }
func (SetEntrySource) Path() string  { return "/entry/source" }
func (ChooseDriver) Path() string    { return "/entry/driver" }

// reduceEntryV3 is ReduceModel for the edits of an entry's version 3
// parts. The entry must have a value: its timing, drivers and source
// are of that value.
func reduceEntryV3(m calc.Model, a Edit) (calc.Model, error) {
	var sc, item string
	switch a := a.(type) {
	case SetTimes:
		sc, item = a.Scenario, a.Item
	case SetTiming:
		sc, item = a.Scenario, a.Item
	case SetEntrySource:
		sc, item = a.Scenario, a.Item
		if err := checkText(calc.CheckSource(a.Source), calc.MaxSourceLen); err != nil {
			return m, err
		}
		return editValued(m, sc, item, false, func(e *calc.Entry) error {
			e.Source = a.Source
			return nil
		})
	}
	return editValued(m, sc, item, true, func(e *calc.Entry) error {
		switch a := a.(type) {
		case SetTimes:
			return setTimes(m, e, a.Times)
		case SetTiming:
			return setTiming(e, a.Part, a.Value)
		}
		return nil
	})
}

// editValued edits the entry of item in scenario, which must hold a
// value (a money one when money is true).
func editValued(m calc.Model, scenario, item string, money bool, edit func(*calc.Entry) error) (calc.Model, error) {
	e, ok := entryOf(m, scenario, item)
	if _, _, has := e.Value(m.Mode); !ok || !has || money && m.Mode != calc.ModeMoney {
		return m, i18n.Errorf(i18n.ErrValueBeforeTiming)
	}
	if err := edit(&e); err != nil {
		return m, err
	}
	return editEntry(m, scenario, item, func(out *calc.Entry) bool {
		*out = e
		return true
	})
}

func setTimes(m calc.Model, e *calc.Entry, times []string) error {
	if len(times) > calc.MaxTimes {
		return i18n.Errorf(i18n.ErrTimesMax, calc.MaxTimes)
	}
	for k, id := range times {
		if m.DriverIndex(id) < 0 {
			return i18n.Errorf(i18n.ErrNoDriver, id)
		}
		if slices.Contains(times[:k], id) {
			return i18n.Errorf(i18n.ErrSameDriver)
		}
	}
	e.Times = nil
	if len(times) > 0 {
		e.Times = slices.Clone(times)
	}
	return nil
}

// setTiming sets part p of e's timing to v, checked against calc's
// rules (calc.Validate) and worded for the person typing.
func setTiming(e *calc.Entry, p TimingPart, v float64) error {
	once := e.Per == calc.PerOnce || e.Per == ""
	n := int(v)
	if p != TimingGrowth && float64(n) != v {
		return i18n.Errorf(i18n.ErrWholeNumber)
	}
	if once && p != TimingStart && v != 0 {
		return i18n.Errorf(i18n.ErrOnceTiming)
	}
	start := max(e.Start, 1)
	switch p {
	case TimingStart:
		if n != 0 && (n < 1 || n > calc.MaxStart) {
			return i18n.Errorf(i18n.ErrStartMonth, calc.MaxStart)
		}
		if e.End != 0 && n > e.End {
			return i18n.Errorf(i18n.ErrStartAfterEnd, e.End)
		}
		if n == 1 {
			n = 0 // month 1 is where every entry starts: no version 3 field
		}
		e.Start = n
	case TimingEnd:
		if n != 0 && (n < start || n > calc.MaxEnd) {
			return i18n.Errorf(i18n.ErrEndMonth, start, calc.MaxEnd)
		}
		e.End = n
	case TimingRamp:
		if n < 0 || n > calc.MaxRamp {
			return i18n.Errorf(i18n.ErrRampMonths, calc.MaxRamp)
		}
		e.Ramp = n
	case TimingGrowth:
		if calc.CheckGrowth(v) != nil {
			return i18n.Errorf(i18n.ErrGrowth, i18n.Number(calc.MinGrowth*100), i18n.Number(calc.MaxGrowth*100))
		}
		e.Growth = v
	default:
		return errUnknownField
	}
	return nil
}

// timingEdit is the edit for text typed into a timing field of cell c:
// whole months, or the growth in percent ("5" or "5 %" for +5 % a
// year); an empty field is the part's default.
func timingEdit(l i18n.Lang, f Field, text string) (Edit, error) {
	p := timingParts[f.Kind]
	if p == TimingGrowth {
		text = strings.TrimSuffix(strings.TrimSpace(text), "%")
	}
	v, err := optionalNumber(l, text)
	if err != nil || v == nil {
		return SetTiming{f.Scenario, f.Item, p, 0}, err
	}
	if p == TimingGrowth {
		return SetTiming{f.Scenario, f.Item, p, unnoise(*v / 100)}, nil
	}
	return SetTiming{f.Scenario, f.Item, p, *v}, nil
}

// timingParts are the timing fields' parts.
var timingParts = map[FieldKind]TimingPart{
	FieldEntryStart: TimingStart, FieldEntryEnd: TimingEnd, FieldEntryRamp: TimingRamp, FieldEntryGrowth: TimingGrowth,
}

// timingNumber is the number timing field kind shows of e, as typed (the
// growth in percent); false for the part's default, which shows none.
func timingNumber(kind FieldKind, e *calc.Entry) (float64, bool) {
	var v float64
	switch kind {
	case FieldEntryStart:
		v = float64(e.Start)
	case FieldEntryEnd:
		v = float64(e.End)
	case FieldEntryRamp:
		v = float64(e.Ramp)
	case FieldEntryGrowth:
		v = e.Growth * 100
	}
	return v, v != 0
}

// chooseDriver prices a money cell's entry per the driver chosen in one
// of its selects (ChooseDriver).
func (r *reducer) chooseDriver(a ChooseDriver) {
	e, ok := entryOf(r.Model(), a.Cell.Scenario, a.Cell.Item)
	if !ok {
		r.apply(SetTimes{a.Cell.Scenario, a.Cell.Item, nil}) // refused: no value yet
		return
	}
	times := slices.Clone(e.Times)
	switch {
	case a.Slot < 0 || a.Slot >= calc.MaxTimes:
		return
	case a.Driver == "" && a.Slot == 0:
		times = nil
	case a.Driver == "":
		if a.Slot < len(times) {
			times = slices.Delete(times, a.Slot, a.Slot+1)
		}
	case a.Slot < len(times):
		times[a.Slot] = a.Driver
	default:
		times = append(times, a.Driver)
	}
	r.apply(SetTimes{a.Cell.Scenario, a.Cell.Item, times})
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
	Horizon          int       // the model's years
	StartIn, EndIn   Draft     // the detail's fields, while open
	RampIn, GrowthIn Draft
	SourceIn         Draft
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
	if open {
		p.Horizon = m.HorizonYears
		p.SourceIn = field(m, Field{FieldEntrySource, sc, it}, j, i)
		if m.Mode == calc.ModeMoney {
			p.StartIn = field(m, Field{FieldEntryStart, sc, it}, j, i)
			p.EndIn = field(m, Field{FieldEntryEnd, sc, it}, j, i)
			p.RampIn = field(m, Field{FieldEntryRamp, sc, it}, j, i)
			p.GrowthIn = field(m, Field{FieldEntryGrowth, sc, it}, j, i)
		}
	}
	return p
}

// HasTimes reports whether the entry is priced per a driver.
func (p *EntryParts) HasTimes() bool { return p.Times[0] != "" }
