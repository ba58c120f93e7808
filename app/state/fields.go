package state

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// FieldKind says which text input of the editor a Field is.
type FieldKind uint8

// The fields of the editor.
const (
	FieldTitle FieldKind = iota + 1
	FieldCurrency
	FieldHorizon
	FieldDiscount
	FieldHourly
	FieldScaleMin
	FieldScaleMax
	FieldItemName   // Item
	FieldItemWeight // Item
	FieldItemNote   // Item
	FieldScenarioName
	FieldEntry       // Scenario and Item: the score, amount or hours
	FieldEntryWeight // Scenario and Item: the scenario's weight override
	FieldEntryLow    // Scenario and Item: the low end of the value's range
	FieldEntryHigh   // Scenario and Item: the high end of the value's range
	FieldDriverValue // Item: a driver's id; its value (the visitor's questions)
)

// Field names one text input of the editor: a setting, an item's or a
// scenario's field, or a cell's value or weight. It is comparable, so it
// keys the drafts.
type Field struct {
	Kind     FieldKind
	Scenario string
	Item     string
}

// ItemField is field k (name, weight, note) of an item.
func ItemField(k FieldKind, item string) Field { return Field{Kind: k, Item: item} }

// ScenarioNameField is a scenario's name field.
func ScenarioNameField(scenario string) Field {
	return Field{Kind: FieldScenarioName, Scenario: scenario}
}

// EntryField is a cell's value field.
func EntryField(scenario, item string) Field {
	return Field{Kind: FieldEntry, Scenario: scenario, Item: item}
}

// EntryWeightField is a cell's weight override.
func EntryWeightField(scenario, item string) Field {
	return Field{Kind: FieldEntryWeight, Scenario: scenario, Item: item}
}

// EntryRangeField is the low (FieldEntryLow) or high (FieldEntryHigh) end
// of a cell's range.
func EntryRangeField(k FieldKind, scenario, item string) Field {
	return Field{Kind: k, Scenario: scenario, Item: item}
}

// DriverField is a driver's value field.
func DriverField(driver string) Field { return Field{Kind: FieldDriverValue, Item: driver} }

// SettingField is a setting's field: the title, currency, horizon, ….
func SettingField(k FieldKind) Field { return Field{Kind: k} }

func (f Field) cell() Cell { return Cell{f.Scenario, f.Item} }

var fieldNames = [...]string{
	FieldTitle: "title", FieldCurrency: "currency", FieldHorizon: "horizon", FieldDiscount: "discount",
	FieldHourly: "hourly", FieldScaleMin: "scale-min", FieldScaleMax: "scale-max",
	FieldItemName: "name", FieldItemWeight: "weight", FieldItemNote: "note",
	FieldScenarioName: "name", FieldEntry: "", FieldEntryWeight: "weight",
	FieldEntryLow: "low", FieldEntryHigh: "high",
}

// ElementID is the id of the field's input in the page, e.g. "f-title",
// "f-item-b1-weight", "f-entry-s1-b1"; its message is ElementID()+"-err".
func (f Field) ElementID() string {
	switch f.Kind {
	case FieldItemName, FieldItemWeight, FieldItemNote:
		return "f-item-" + f.Item + "-" + fieldNames[f.Kind]
	case FieldScenarioName:
		return "f-scenario-" + f.Scenario + "-name"
	case FieldEntry:
		return "f-entry-" + f.Scenario + "-" + f.Item
	case FieldEntryWeight, FieldEntryLow, FieldEntryHigh:
		return "f-entry-" + f.Scenario + "-" + f.Item + "-" + fieldNames[f.Kind]
	case FieldDriverValue:
		return "f-driver-" + f.Item
	}
	if int(f.Kind) < len(fieldNames) {
		return "f-" + fieldNames[f.Kind]
	}
	return "f-unknown"
}

// Cell is one scenario's value of one item.
type Cell struct{ Scenario, Item string }

// Unit is what a money cell's number means: an amount, or hours.
type Unit string

// The units of a money cell.
const (
	UnitAmount Unit = "amount"
	UnitHours  Unit = "hours"
)

// CellSetting is a money cell's unit and recurrence.
type CellSetting struct {
	Unit Unit
	Per  calc.Per
}

// MoneySetting returns the unit and recurrence of a money cell: its
// entry's, else the one chosen before a value was typed, else an amount
// paid once.
func MoneySetting(m calc.Model, c Cell, pending map[Cell]CellSetting) CellSetting {
	var e *calc.Entry
	if j := m.ScenarioIndex(c.Scenario); j >= 0 {
		e = m.Scenarios[j].Entry(m.ItemIndex(c.Item))
	}
	return moneySetting(e, c, pending)
}

// moneySetting is MoneySetting of the cell c whose entry is e (nil for
// none).
func moneySetting(e *calc.Entry, c Cell, pending map[Cell]CellSetting) CellSetting {
	if e != nil && (e.Amount != nil || e.Hours != nil) {
		cs := CellSetting{Unit: UnitAmount, Per: e.Per}
		if e.Hours != nil {
			cs.Unit = UnitHours
		}
		if cs.Per == "" {
			cs.Per = calc.PerOnce
		}
		return cs
	}
	if cs, ok := pending[c]; ok {
		return cs
	}
	return CellSetting{Unit: UnitAmount, Per: calc.PerOnce}
}

var errUnknownField = errors.New("unknown field")

// fieldAction returns the action for text typed into field f of m, in
// language l (numbers are typed the local way, SPEC §9); Reduce
// then checks the value against the model's rules. Either step can fail,
// with a message for the person typing. pending holds money cells' unit
// and recurrence chosen before any value.
func fieldAction(l i18n.Lang, m calc.Model, f Field, text string, pending map[Cell]CellSetting) (Edit, error) {
	switch f.Kind {
	case FieldTitle:
		if err := checkTitle(text); err != nil {
			return nil, err
		}
		return SetTitle{text}, nil
	case FieldCurrency:
		c := strings.ToUpper(strings.TrimSpace(text))
		if calc.CheckCurrency(c) != nil {
			return nil, i18n.Errorf(i18n.ErrCurrency)
		}
		return SetCurrency{c}, nil
	case FieldHorizon:
		n, err := parseInt(l, text)
		if err != nil || calc.CheckHorizon(n) != nil {
			return nil, i18n.Errorf(i18n.ErrHorizon, calc.MinHorizon, calc.MaxHorizon)
		}
		return SetHorizon{n}, nil
	case FieldDiscount:
		v, err := parseNumber(l, strings.TrimSuffix(strings.TrimSpace(text), "%"))
		if err != nil {
			return nil, err
		}
		if calc.CheckDiscountRate(v/100) != nil {
			return nil, i18n.Errorf(i18n.ErrDiscount)
		}
		return SetDiscountRate{v / 100}, nil
	case FieldHourly:
		v, err := parseNumber(l, text)
		if err != nil {
			return nil, err
		}
		if calc.CheckHourlyRate(v) != nil {
			if v < 0 {
				return nil, i18n.Errorf(i18n.ErrRateNegative)
			}
			return nil, i18n.Errorf(i18n.ErrRateMax, i18n.Number(calc.MaxHourlyRate))
		}
		return SetHourlyRate{v}, nil
	case FieldScaleMin, FieldScaleMax:
		n, err := parseInt(l, text)
		if err != nil || calc.CheckScaleBound(n) != nil {
			return nil, i18n.Errorf(i18n.ErrScaleBound, calc.MaxScaleBound)
		}
		sc := m.Scale
		if f.Kind == FieldScaleMin {
			sc.Min = n
		} else {
			sc.Max = n
		}
		if calc.CheckScale(sc.Min, sc.Max) != nil {
			return nil, i18n.Errorf(i18n.ErrScaleOrder)
		}
		return SetScale{sc.Min, sc.Max}, nil
	case FieldItemName:
		if err := checkName(text); err != nil {
			return nil, err
		}
		return SetItemName{f.Item, text}, nil
	case FieldItemNote:
		if err := checkNote(text); err != nil {
			return nil, err
		}
		return SetItemNote{f.Item, text}, nil
	case FieldItemWeight:
		v, err := parseNumber(l, text)
		if err != nil {
			return nil, err
		}
		return SetItemWeight{f.Item, v}, nil
	case FieldScenarioName:
		if err := checkName(text); err != nil {
			return nil, err
		}
		return RenameScenario{f.Scenario, text}, nil
	case FieldEntry:
		v, err := optionalNumber(l, text)
		if err != nil {
			return nil, err
		}
		if m.Mode == calc.ModeScore {
			return SetScore{f.Scenario, f.Item, v}, nil
		}
		cs := MoneySetting(m, f.cell(), pending)
		return SetMoney{Scenario: f.Scenario, Item: f.Item, Value: v, Hours: cs.Unit == UnitHours, Per: cs.Per}, nil
	case FieldEntryWeight:
		v, err := optionalNumber(l, text)
		if err != nil {
			return nil, err
		}
		return SetEntryWeight{f.Scenario, f.Item, v}, nil
	case FieldEntryLow, FieldEntryHigh:
		v, err := optionalNumber(l, text)
		if err != nil {
			return nil, err
		}
		return rangeEdit(m, f, v), nil
	case FieldDriverValue:
		v, err := parseNumber(l, text)
		if err != nil {
			return nil, err
		}
		return SetDriverValue{f.Item, v}, nil
	}
	return nil, errUnknownField
}

// rangeEdit is the edit for v typed into one end of a cell's range (nil
// for an emptied field): the other end stays, or is the value itself when
// there is none yet, so that typing one end makes a valid range; emptying
// an end makes it the value, and a range of the value alone is none.
func rangeEdit(m calc.Model, f Field, v *float64) Edit {
	e, _ := entryOf(m, f.Scenario, f.Item)
	x, _, _ := e.Value(m.Mode)
	low, high := e.Low, e.High
	if low == nil || high == nil {
		low, high = &x, &x
	}
	if v == nil {
		v = &x
	}
	if f.Kind == FieldEntryLow {
		low = v
	} else {
		high = v
	}
	if *low == x && *high == x {
		low, high = nil, nil
	}
	return SetRange{Scenario: f.Scenario, Item: f.Item, Low: low, High: high}
}

// optionalNumber reads a number, or nil for an empty field.
func optionalNumber(l i18n.Lang, text string) (*float64, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	v, err := parseNumber(l, text)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func parseInt(l i18n.Lang, text string) (int, error) {
	v, err := parseNumber(l, text)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e9 {
		return 0, i18n.Errorf(i18n.ErrWholeNumber)
	}
	return int(v), nil
}

// FieldText returns the text field f shows for the model's value, its
// numbers written in language l as figures ("18,000" and "1.5" in
// English, "18.000" and "1,5" in German) so that they read back as they
// are.
func FieldText(l i18n.Lang, m calc.Model, f Field) string {
	switch f.Kind {
	case FieldTitle:
		return m.Title
	case FieldCurrency:
		return m.Currency
	case FieldHorizon:
		return strconv.Itoa(m.HorizonYears)
	case FieldScaleMin:
		return strconv.Itoa(m.Scale.Min)
	case FieldScaleMax:
		return strconv.Itoa(m.Scale.Max)
	case FieldItemName, FieldItemNote:
		if i := m.ItemIndex(f.Item); i >= 0 {
			if f.Kind == FieldItemName {
				return m.Items[i].Name
			}
			return m.Items[i].Note
		}
		return ""
	case FieldScenarioName:
		if i := m.ScenarioIndex(f.Scenario); i >= 0 {
			return m.Scenarios[i].Name
		}
		return ""
	}
	if v, ok := fieldNumber(m, f); ok {
		return l.Write(unnoise(v), true)
	}
	return ""
}

// fieldNumber is the number a number field of m holds, as typed (the
// discount rate in percent), and whether it holds one.
func fieldNumber(m calc.Model, f Field) (float64, bool) {
	switch f.Kind {
	case FieldHorizon:
		return float64(m.HorizonYears), true
	case FieldScaleMin:
		return float64(m.Scale.Min), true
	case FieldScaleMax:
		return float64(m.Scale.Max), true
	case FieldDiscount:
		return m.DiscountRate * 100, true
	case FieldHourly:
		return m.HourlyRate, true
	case FieldItemWeight:
		if i := m.ItemIndex(f.Item); i >= 0 {
			return m.Items[i].Weight, true
		}
	case FieldEntry, FieldEntryWeight, FieldEntryLow, FieldEntryHigh:
		return entryNumber(f.Kind, m.Scenarios, m.ScenarioIndex(f.Scenario), m.ItemIndex(f.Item))
	case FieldDriverValue:
		if d := m.DriverIndex(f.Item); d >= 0 {
			return m.Drivers[d].Value, true
		}
	}
	return 0, false
}

// entryText is the text the entry field of kind shows for the entry of
// item i in scenario j (none when either is -1). The grid, which knows
// both indexes, calls it directly: looking an item up by id for each of
// 1,000 × 50 cells made building the grid quadratic.
func entryText(l i18n.Lang, kind FieldKind, scenarios []calc.Scenario, j, i int) string {
	if v, ok := entryNumber(kind, scenarios, j, i); ok {
		return l.Write(unnoise(v), true)
	}
	return ""
}

// entryNumber is the number the entry field of kind holds for the entry
// of item i in scenario j, and whether it holds one.
func entryNumber(kind FieldKind, scenarios []calc.Scenario, j, i int) (float64, bool) {
	if j < 0 || i < 0 {
		return 0, false
	}
	e := scenarios[j].Entry(i)
	if e == nil {
		return 0, false
	}
	var v *float64
	switch kind {
	case FieldEntryWeight:
		v = e.Weight
	case FieldEntryLow:
		v = e.Low
	case FieldEntryHigh:
		v = e.High
	default:
		for _, x := range []*float64{e.Score, e.Amount, e.Hours} {
			if x != nil {
				v = x
				break
			}
		}
	}
	if v != nil {
		return *v, true
	}
	return 0, false
}

// Plain writes a number as people type it: no grouping, no exponent, no
// trailing zeros, float noise from percent conversion rounded away.
func Plain(v float64) string {
	return strconv.FormatFloat(unnoise(v), 'f', -1, 64)
}

// unnoise rounds away float noise from percent conversion: 7.000000000000001.
func unnoise(v float64) float64 { return math.Round(v*1e9) / 1e9 }

// ScalePresetOf names the preset a score scale is, "1-5" or "1-10", by its
// bounds alone (its end labels are words, not another scale), or
// "custom".
func ScalePresetOf(s calc.Scale) string {
	switch {
	case s.Min == 1 && s.Max == 5:
		return "1-5"
	case s.Min == 1 && s.Max == 10:
		return "1-10"
	}
	return "custom"
}
