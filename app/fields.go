package app

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/valuecalc/valuecalc/calc"
)

// A field is a text input of the editor, named by a key:
//
//	title, currency, horizon, discount, hourly, scale.min, scale.max
//	item/ID/name, item/ID/weight, item/ID/note
//	scenario/ID/name
//	entry/SCENARIO/ITEM          the score, amount or hours
//	entry/SCENARIO/ITEM/weight   the scenario's weight override
//
// fieldAction turns what was typed into a field into the action it asks
// for; Reduce then checks the value against the model's rules. Either step
// can fail, with a message for the person typing.

// Unit is what a money cell's number means: an amount, or hours.
type Unit string

// The units of a money cell.
const (
	UnitAmount Unit = "amount"
	UnitHours  Unit = "hours"
)

// cellSetting is a money cell's unit and recurrence.
type cellSetting struct {
	Unit Unit
	Per  calc.Per
}

// moneySetting returns the unit and recurrence of a money cell: its
// entry's, else the one chosen before a value was typed, else an amount
// paid once.
func moneySetting(m calc.Model, scenario, item string, pending map[string]cellSetting) cellSetting {
	if e, ok := entryOf(m, scenario, item); ok && (e.Amount != nil || e.Hours != nil) {
		cs := cellSetting{Unit: UnitAmount, Per: e.Per}
		if e.Hours != nil {
			cs.Unit = UnitHours
		}
		if cs.Per == "" {
			cs.Per = calc.PerOnce
		}
		return cs
	}
	if cs, ok := pending[cellKey(scenario, item)]; ok {
		return cs
	}
	return cellSetting{Unit: UnitAmount, Per: calc.PerOnce}
}

func cellKey(scenario, item string) string { return "entry/" + scenario + "/" + item }

var errUnknownField = errors.New("unknown field")

// fieldAction returns the action for text typed into the field key of m.
// pending holds money cells' unit and recurrence chosen before any value.
func fieldAction(m calc.Model, key, text string, pending map[string]cellSetting) (Action, error) {
	parts := strings.Split(key, "/")
	switch {
	case key == "title":
		if len([]rune(text)) > calc.MaxTitleLen {
			return nil, errors.New("use at most " + strconv.Itoa(calc.MaxTitleLen) + " characters")
		}
		if strings.TrimSpace(text) == "" {
			return nil, errors.New("enter a title")
		}
		return SetTitle{text}, nil
	case key == "currency":
		c := strings.ToUpper(strings.TrimSpace(text))
		if len(c) != 3 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return nil, errors.New("enter a three-letter currency code, such as USD or EUR")
		}
		return SetCurrency{c}, nil
	case key == "horizon":
		n, err := parseInt(text)
		if err != nil || n < 1 || n > calc.MaxHorizon {
			return nil, errors.New("enter whole years from 1 to 30")
		}
		return SetHorizon{n}, nil
	case key == "discount":
		v, err := parseNumber(strings.TrimSuffix(strings.TrimSpace(text), "%"))
		if err != nil {
			return nil, err
		}
		if v < 0 || v >= 100 {
			return nil, errors.New("enter a rate from 0 up to 100 %")
		}
		return SetDiscountRate{v / 100}, nil
	case key == "hourly":
		v, err := parseNumber(text)
		if err != nil {
			return nil, err
		}
		if v < 0 || v > calc.MaxAmount {
			return nil, errors.New("enter a rate of 0 or more")
		}
		return SetHourlyRate{v}, nil
	case key == "scale.min" || key == "scale.max":
		n, err := parseInt(text)
		if err != nil || n < 0 || n > calc.MaxScaleBound {
			return nil, errors.New("enter a whole number from 0 to 100")
		}
		sc := m.Scale
		if key == "scale.min" {
			sc.Min = n
		} else {
			sc.Max = n
		}
		if sc.Min >= sc.Max {
			return nil, errors.New("the lowest score must be below the highest")
		}
		return SetScale{sc.Min, sc.Max}, nil
	case len(parts) == 3 && parts[0] == "item":
		switch id := parts[1]; parts[2] {
		case "name":
			return SetItemName{id, text}, nil
		case "note":
			if len([]rune(text)) > calc.MaxNoteLen {
				return nil, errors.New("use at most " + strconv.Itoa(calc.MaxNoteLen) + " characters")
			}
			return SetItemNote{id, text}, nil
		case "weight":
			v, err := parseNumber(text)
			if err != nil {
				return nil, err
			}
			return SetItemWeight{id, v}, nil
		}
	case len(parts) == 3 && parts[0] == "scenario" && parts[2] == "name":
		return RenameScenario{parts[1], text}, nil
	case len(parts) == 3 && parts[0] == "entry":
		v, err := optionalNumber(text)
		if err != nil {
			return nil, err
		}
		if m.Mode == calc.ModeScore {
			return SetScore{parts[1], parts[2], v}, nil
		}
		cs := moneySetting(m, parts[1], parts[2], pending)
		return SetMoney{Scenario: parts[1], Item: parts[2], Value: v, Hours: cs.Unit == UnitHours, Per: cs.Per}, nil
	case len(parts) == 4 && parts[0] == "entry" && parts[3] == "weight":
		v, err := optionalNumber(text)
		if err != nil {
			return nil, err
		}
		return SetEntryWeight{parts[1], parts[2], v}, nil
	}
	return nil, errUnknownField
}

// optionalNumber reads a number, or nil for an empty field.
func optionalNumber(text string) (*float64, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	v, err := parseNumber(text)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func parseInt(text string) (int, error) {
	v, err := parseNumber(text)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e9 {
		return 0, errors.New("enter a whole number")
	}
	return int(v), nil
}

// fieldText returns the text a field shows for the model's value.
func fieldText(m calc.Model, key string) string {
	parts := strings.Split(key, "/")
	switch {
	case key == "title":
		return m.Title
	case key == "currency":
		return m.Currency
	case key == "horizon":
		return strconv.Itoa(m.HorizonYears)
	case key == "discount":
		return plain(m.DiscountRate * 100)
	case key == "hourly":
		return plain(m.HourlyRate)
	case key == "scale.min":
		return strconv.Itoa(m.Scale.Min)
	case key == "scale.max":
		return strconv.Itoa(m.Scale.Max)
	case len(parts) == 3 && parts[0] == "item":
		if i := itemIndex(m, parts[1]); i >= 0 {
			it := m.Items[i]
			switch parts[2] {
			case "name":
				return it.Name
			case "note":
				return it.Note
			case "weight":
				return plain(it.Weight)
			}
		}
	case len(parts) == 3 && parts[0] == "scenario":
		if i := scenarioIndex(m, parts[1]); i >= 0 {
			return m.Scenarios[i].Name
		}
	case len(parts) >= 3 && parts[0] == "entry":
		e, ok := entryOf(m, parts[1], parts[2])
		if !ok {
			return ""
		}
		if len(parts) == 4 {
			if e.Weight == nil {
				return ""
			}
			return plain(*e.Weight)
		}
		for _, v := range []*float64{e.Score, e.Amount, e.Hours} {
			if v != nil {
				return plain(*v)
			}
		}
	}
	return ""
}

// plain writes a number as people type it: no grouping, no exponent, no
// trailing zeros, float noise from percent conversion rounded away.
func plain(v float64) string {
	v = math.Round(v*1e9) / 1e9
	return strconv.FormatFloat(v, 'f', -1, 64)
}
