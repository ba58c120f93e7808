package state

import (
	"fmt"
	"slices"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Drivers (SPEC §2.1) are the customer's own quantities, "25 support
// agents", that money entries are priced per. The editor's "Your numbers"
// panel edits them with these edits; their text fields are Fields of the
// FieldDriver kinds, whose Item is the driver's id.
type (
	// AddDriver appends a driver with a fresh id and the value 1, so that
	// an entry priced per it keeps its own figure until the real one is
	// typed.
	AddDriver struct{ Name string }
	// DeleteDriver removes a driver; one that entries are priced per is
	// refused, naming them.
	DeleteDriver struct{ ID string }
	// MoveDriver moves a driver By places.
	MoveDriver struct {
		ID string
		By int
	}
	// SetDriverText changes a driver's words: its name, unit, source or
	// note (Kind, a FieldDriver kind).
	SetDriverText struct {
		ID   string
		Kind FieldKind
		Text string
	}
	// SetDriverValue changes a driver's value; a range widens to hold it.
	SetDriverValue struct {
		ID    string
		Value float64
	}
	// SetDriverRange sets the uncertainty range around a driver's value,
	// or removes it when Low and High are nil.
	SetDriverRange struct {
		ID        string
		Low, High *float64
	}
	// SetDriverAsk makes a driver a question for the visitor, or not.
	SetDriverAsk struct {
		ID  string
		Ask bool
	}
)

func (AddDriver) Key() string        { return "" }
func (DeleteDriver) Key() string     { return "" }
func (MoveDriver) Key() string       { return "" }
func (a SetDriverText) Key() string  { return DriverField(a.Kind, a.ID).ElementID() }
func (a SetDriverValue) Key() string { return "driver/" + a.ID + "/value" }
func (a SetDriverRange) Key() string { return "driver/" + a.ID + "/range" }
func (SetDriverAsk) Key() string     { return "" }

func (AddDriver) Path() string      { return "/driver/add" }
func (DeleteDriver) Path() string   { return "/driver/delete" }
func (MoveDriver) Path() string     { return "/driver/move" }
func (SetDriverText) Path() string  { return "/driver/text" }
func (SetDriverValue) Path() string { return "/driver/value" }
func (SetDriverRange) Path() string { return "/driver/range" }
func (SetDriverAsk) Path() string   { return "/driver/ask" }

// DriverField is field k (a FieldDriver kind) of driver id.
func DriverField(k FieldKind, id string) Field { return Field{Kind: k, Item: id} }

// reduceDriver is ReduceModel of a driver's edit.
func reduceDriver(m calc.Model, a Edit) (calc.Model, error) {
	switch a := a.(type) {
	case AddDriver:
		if len(m.Drivers) >= calc.MaxDrivers {
			return m, i18n.Errorf(i18n.ErrMaxDrivers, calc.MaxDrivers)
		}
		name := a.Name
		if strings.TrimSpace(name) == "" {
			name = i18n.EN.T(i18n.NewDriverName)
		} else if err := checkName(name); err != nil {
			return m, err
		}
		taken := make(map[string]bool, len(m.Drivers))
		for _, d := range m.Drivers {
			taken[d.ID] = true
		}
		m.Drivers = append(cloneDrivers(m.Drivers), calc.Driver{ID: freshID(taken, "d"), Name: name, Value: 1})
		return m, nil
	case DeleteDriver:
		i := m.DriverIndex(a.ID)
		if i < 0 {
			return m, errNoDriver(a.ID)
		}
		if err := driverInUse(m, i); err != nil {
			return m, err
		}
		ds := cloneDrivers(m.Drivers)
		m.Drivers = append(ds[:i], ds[i+1:]...)
		if len(m.Drivers) == 0 {
			m.Drivers = nil // no drivers: a file of version 2 again
		}
		return m, nil
	case MoveDriver:
		i := m.DriverIndex(a.ID)
		if i < 0 {
			return m, errNoDriver(a.ID)
		}
		if j := min(max(i+a.By, 0), len(m.Drivers)-1); j != i {
			m.Drivers = move(cloneDrivers(m.Drivers), i, j)
		}
		return m, nil
	case SetDriverText:
		return editDriver(m, a.ID, func(d *calc.Driver) error {
			s := driverText(d, a.Kind)
			if s == nil {
				return errUnknownField
			}
			if err := checkDriverText(a.Kind, a.Text); err != nil {
				return err
			}
			*s = a.Text
			return nil
		})
	case SetDriverValue:
		return editDriver(m, a.ID, func(d *calc.Driver) error {
			if calc.CheckDriverValue(a.Value) != nil {
				return errDriverValue
			}
			d.Value = a.Value
			if d.Ranged() {
				d.Low, d.High = calc.Float(min(*d.Low, a.Value)), calc.Float(max(*d.High, a.Value))
			}
			return nil
		})
	case SetDriverRange:
		return editDriver(m, a.ID, func(d *calc.Driver) error {
			if (a.Low == nil) != (a.High == nil) {
				return i18n.Errorf(i18n.ErrBothEnds)
			}
			d.Low, d.High = nil, nil
			if a.Low == nil || *a.Low == d.Value && *a.High == d.Value {
				return nil // a range of one value says nothing
			}
			if calc.CheckLow(*a.Low, d.Value, 0, calc.MaxDriverValue) != nil {
				return i18n.Errorf(i18n.ErrLowEstimate, i18n.Number(0), i18n.Number(d.Value))
			}
			if calc.CheckHigh(*a.High, d.Value, 0, calc.MaxDriverValue) != nil {
				return i18n.Errorf(i18n.ErrHighEstimate, i18n.Number(d.Value), i18n.Number(calc.MaxDriverValue))
			}
			d.Low, d.High = a.Low, a.High
			return nil
		})
	case SetDriverAsk:
		return editDriver(m, a.ID, func(d *calc.Driver) error {
			d.Ask = a.Ask
			return nil
		})
	}
	return m, errUnknownField
}

var errDriverValue = i18n.Errorf(i18n.ErrDriverValue, i18n.Number(calc.MaxDriverValue))

func errNoDriver(id string) error { return fmt.Errorf("no driver %q", id) }

// driverInUse refuses to delete driver i of m while entries are priced per
// it, naming them by item and scenario: "Subscription (With us, Today)".
func driverInUse(m calc.Model, i int) error {
	const shown = 4 // items named; the others are counted
	id := m.Drivers[i].ID
	var names []string
	more := 0
	for k, it := range m.Items {
		var in []string
		for _, sc := range m.Scenarios {
			if e := sc.Entry(k); e != nil && slices.Contains(e.Times, id) {
				in = append(in, sc.Name)
			}
		}
		switch {
		case in == nil:
		case len(names) < shown:
			names = append(names, it.Name+" ("+strings.Join(in, ", ")+")")
		default:
			more++
		}
	}
	switch {
	case names == nil:
		return nil
	case more > 0:
		return i18n.Errorf(i18n.ErrDriverInUseMore, m.Drivers[i].Name, strings.Join(names, ", "), more)
	}
	return i18n.Errorf(i18n.ErrDriverInUse, m.Drivers[i].Name, strings.Join(names, ", "))
}

func editDriver(m calc.Model, id string, edit func(*calc.Driver) error) (calc.Model, error) {
	i := m.DriverIndex(id)
	if i < 0 {
		return m, errNoDriver(id)
	}
	d := m.Drivers[i]
	if err := edit(&d); err != nil {
		return m, err
	}
	ds := cloneDrivers(m.Drivers)
	ds[i] = d
	m.Drivers = ds
	return m, nil
}

func cloneDrivers(ds []calc.Driver) []calc.Driver {
	return append(make([]calc.Driver, 0, len(ds)+1), ds...)
}

// driverText is the words of d that field kind k edits, nil when k is no
// words' field of a driver.
func driverText(d *calc.Driver, k FieldKind) *string {
	switch k {
	case FieldDriverName:
		return &d.Name
	case FieldDriverUnit:
		return &d.Unit
	case FieldDriverSource:
		return &d.Source
	case FieldDriverNote:
		return &d.Note
	}
	return nil
}

// driverNumber is the number of d that field kind k shows, nil for none.
func driverNumber(d *calc.Driver, k FieldKind) *float64 {
	switch k {
	case FieldDriverValue:
		return &d.Value
	case FieldDriverLow:
		return d.Low
	case FieldDriverHigh:
		return d.High
	}
	return nil
}

// checkDriverText is calc's rule for a driver's words of kind k, worded
// for the person typing.
func checkDriverText(k FieldKind, s string) error {
	switch k {
	case FieldDriverName:
		return checkName(s)
	case FieldDriverUnit:
		return checkText(calc.CheckUnit(s), calc.MaxUnitLen)
	case FieldDriverSource:
		return checkText(calc.CheckSource(s), calc.MaxSourceLen)
	}
	return checkNote(s)
}

// driverAction is fieldAction of a driver's field f.
func driverAction(l i18n.Lang, m calc.Model, f Field, text string) (Edit, error) {
	i := m.DriverIndex(f.Item)
	if i < 0 {
		return nil, errNoDriver(f.Item)
	}
	d := m.Drivers[i]
	switch f.Kind {
	case FieldDriverValue:
		if strings.TrimSpace(text) == "" {
			return nil, errDriverValue
		}
		v, err := parseNumber(l, text)
		if err != nil {
			return nil, err
		}
		return SetDriverValue{d.ID, v}, nil
	case FieldDriverLow, FieldDriverHigh:
		v, err := optionalNumber(l, text)
		if err != nil {
			return nil, err
		}
		low, high := rangeEnds(d.Value, d.Low, d.High, v, f.Kind == FieldDriverLow)
		return SetDriverRange{d.ID, low, high}, nil
	}
	if err := checkDriverText(f.Kind, text); err != nil {
		return nil, err
	}
	return SetDriverText{d.ID, f.Kind, text}, nil
}

// DriverRow is what the "Your numbers" panel shows of one driver: its
// fields' texts and messages, and where it stands in the list.
type DriverRow struct {
	Driver calc.Driver
	// Fields are the texts of its fields, by kind: Fields[k -
	// FieldDriverName] is field k's.
	Fields      []Draft
	First, Last bool
}

// DriverRows are the model's drivers as the panel shows them.
func (s *State) DriverRows() []DriverRow {
	m := s.Model()
	rows := make([]DriverRow, len(m.Drivers))
	for i, d := range m.Drivers {
		r := &rows[i]
		r.Driver, r.First, r.Last = d, i == 0, i == len(m.Drivers)-1
		r.Fields = make([]Draft, FieldDriverNote-FieldDriverName+1)
		for k := range r.Fields {
			r.Fields[k] = s.fieldDraft(&m, DriverField(FieldDriverName+FieldKind(k), d.ID), -1, -1)
		}
	}
	return rows
}
