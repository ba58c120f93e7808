package state

import (
	"fmt"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// SetDriverValue sets a driver's value (SPEC §2.1), shared by every
// scenario; a range around it widens to hold it, as an entry's does.
type SetDriverValue struct {
	ID    string
	Value float64
}

func (a SetDriverValue) Key() string { return "driver/" + a.ID + "/value" }
func (SetDriverValue) Path() string  { return "/driver/value" }

// setDriverValue is ReduceModel's SetDriverValue.
func setDriverValue(m calc.Model, a SetDriverValue) (calc.Model, error) {
	d := m.DriverIndex(a.ID)
	if d < 0 {
		return m, errNoDriver(a.ID)
	}
	if calc.CheckDriverValue(a.Value) != nil {
		return m, i18n.Errorf(i18n.ErrDriverValue, i18n.Number(calc.MaxDriverValue))
	}
	m.Drivers = append([]calc.Driver(nil), m.Drivers...)
	dr := &m.Drivers[d]
	dr.Value = a.Value
	if dr.Ranged() {
		dr.Low, dr.High = calc.Float(min(*dr.Low, a.Value)), calc.Float(max(*dr.High, a.Value))
	}
	return m, nil
}

func errNoDriver(id string) error { return fmt.Errorf("no driver %q", id) }
