package state

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Reduce returns the model that results from applying a to m. It is pure:
// m is never modified, and the result shares with m every slice and map
// that a did not touch, so keeping each state for undo costs little.
//
// Reduce returns an error, and m unchanged, if the action names an item or
// scenario that does not exist, would delete the last scenario, or would
// leave the model breaking a rule of calc.Validate for the field it edits
// (an out-of-scale score, a negative weight, an empty name).
func ReduceModel(m calc.Model, a Edit) (calc.Model, error) {
	switch a := a.(type) {
	case SetTitle:
		if err := checkTitle(a.Title); err != nil {
			return m, err
		}
		m.Title = a.Title
	case SetMode:
		if a.Mode == m.Mode {
			return m, nil
		}
		m.Mode = a.Mode
		m.Scenarios = mapScenarios(m.Scenarios, func(s calc.Scenario) calc.Scenario {
			s.Entries = make([]*calc.Entry, len(m.Items))
			return s
		})
	case SetScale:
		old := m.Scale
		// The ends' words stay: what "1" and "5" meant, 1 and 10 now do.
		m.Scale.Min, m.Scale.Max = a.Min, a.Max
		if m.Mode == calc.ModeScore && (old.Min != a.Min || old.Max != a.Max) && old.Max > old.Min {
			m.Scenarios = mapScenarios(m.Scenarios, func(s calc.Scenario) calc.Scenario {
				s.Entries = mapEntries(s.Entries, len(m.Items), func(e calc.Entry) calc.Entry {
					if e.Score != nil {
						e.Score = calc.Float(rescale(*e.Score, old, m.Scale))
					}
					if e.Ranged() && e.Score != nil {
						e.Low, e.High = calc.Float(rescale(*e.Low, old, m.Scale)), calc.Float(rescale(*e.High, old, m.Scale))
						fitRange(&e, *e.Score)
					}
					return e
				})
				return s
			})
		}
	case SetCurrency:
		m.Currency = strings.ToUpper(strings.TrimSpace(a.Currency))
	case SetHorizon:
		m.HorizonYears = a.Years
	case SetDiscountRate:
		m.DiscountRate = a.Rate
	case SetHourlyRate:
		m.HourlyRate = a.Rate
	case AddItem:
		name := a.Name
		if strings.TrimSpace(name) == "" {
			name = "New " + string(a.Side)
		} else if err := checkName(name); err != nil {
			return m, err
		}
		types := calc.TypesOf(a.Side)
		if types == nil {
			return m, fmt.Errorf("unknown side %q", a.Side)
		}
		it := calc.Item{ID: freshID(itemIDs(m), string(a.Side[0])), Name: name, Side: a.Side, Type: types[0], Weight: 1}
		m.Items = append(cloneItems(m.Items), it)
		m.Scenarios = mapScenarios(m.Scenarios, func(s calc.Scenario) calc.Scenario {
			s.Entries = entriesFor(s.Entries, len(m.Items))
			return s
		})
	case DeleteItem:
		i := m.ItemIndex(a.ID)
		if i < 0 {
			return m, errNoItem(a.ID)
		}
		n := len(m.Items)
		items := cloneItems(m.Items)
		m.Items = append(items[:i], items[i+1:]...)
		m.Scenarios = mapScenarios(m.Scenarios, func(s calc.Scenario) calc.Scenario {
			es := entriesFor(s.Entries, n)
			s.Entries = append(es[:i], es[i+1:]...)
			return s
		})
	case DuplicateItem:
		i := m.ItemIndex(a.ID)
		if i < 0 {
			return m, errNoItem(a.ID)
		}
		dup := m.Items[i]
		dup.ID = freshID(itemIDs(m), string(dup.Side[0]))
		dup.Name = copyName(dup.Name)
		n := len(m.Items)
		m.Items = insertAt(cloneItems(m.Items), i+1, dup)
		m.Scenarios = mapScenarios(m.Scenarios, func(s calc.Scenario) calc.Scenario {
			// The copy shares the entry: entries are never changed in place.
			es := entriesFor(s.Entries, n)
			s.Entries = insertAt(es, i+1, es[i])
			return s
		})
	case MoveItem:
		i := m.ItemIndex(a.ID)
		if i < 0 {
			return m, errNoItem(a.ID)
		}
		j := neighbourOnSide(m.Items, i, a.By)
		if j == i {
			return m, nil
		}
		m.Items = move(cloneItems(m.Items), i, j)
		m.Scenarios = mapScenarios(m.Scenarios, func(s calc.Scenario) calc.Scenario {
			s.Entries = move(entriesFor(s.Entries, len(m.Items)), i, j)
			return s
		})
	case SetItemName:
		return editItem(m, a.ID, func(it *calc.Item) error {
			if err := checkName(a.Name); err != nil {
				return err
			}
			it.Name = a.Name
			return nil
		})
	case SetItemType:
		return editItem(m, a.ID, func(it *calc.Item) error {
			for _, t := range calc.TypesOf(it.Side) {
				if t == a.Type {
					it.Type = a.Type
					return nil
				}
			}
			return fmt.Errorf("%q is not a %s type", a.Type, it.Side)
		})
	case SetItemStage:
		return editItem(m, a.ID, func(it *calc.Item) error {
			it.Stage = a.Stage
			return nil
		})
	case SetItemWeight:
		return editItem(m, a.ID, func(it *calc.Item) error {
			if err := checkWeight(a.Weight); err != nil {
				return err
			}
			it.Weight = a.Weight
			return nil
		})
	case SetItemNote:
		return editItem(m, a.ID, func(it *calc.Item) error {
			if err := checkNote(a.Note); err != nil {
				return err
			}
			it.Note = a.Note
			return nil
		})
	case AddScenario:
		if len(m.Scenarios) >= calc.MaxScenarios {
			return m, i18n.Errorf(i18n.ErrMaxScenarios, calc.MaxScenarios)
		}
		name := a.Name
		if strings.TrimSpace(name) == "" {
			name = "Scenario " + strconv.Itoa(len(m.Scenarios)+1)
		} else if err := checkName(name); err != nil {
			return m, err
		}
		s := calc.Scenario{ID: freshID(scenarioIDs(m), "s"), Name: name, Entries: make([]*calc.Entry, len(m.Items))}
		m.Scenarios = append(cloneScenarios(m.Scenarios), s)
	case RenameScenario:
		if err := checkName(a.Name); err != nil {
			return m, err
		}
		return editScenario(m, a.ID, func(s *calc.Scenario) error {
			s.Name = a.Name
			return nil
		})
	case DuplicateScenario:
		i := m.ScenarioIndex(a.ID)
		if i < 0 {
			return m, errNoScenario(a.ID)
		}
		if len(m.Scenarios) >= calc.MaxScenarios {
			return m, i18n.Errorf(i18n.ErrMaxScenarios, calc.MaxScenarios)
		}
		dup := m.Scenarios[i]
		dup.ID = freshID(scenarioIDs(m), "s")
		dup.Name = copyName(dup.Name)
		dup.Entries = entriesFor(dup.Entries, len(m.Items))
		m.Scenarios = insertAt(cloneScenarios(m.Scenarios), i+1, dup)
	case DeleteScenario:
		i := m.ScenarioIndex(a.ID)
		if i < 0 {
			return m, errNoScenario(a.ID)
		}
		if len(m.Scenarios) == 1 {
			return m, i18n.Errorf(i18n.ErrLastScenario)
		}
		ss := cloneScenarios(m.Scenarios)
		m.Scenarios = append(ss[:i], ss[i+1:]...)
	case MoveScenario:
		i := m.ScenarioIndex(a.ID)
		if i < 0 {
			return m, errNoScenario(a.ID)
		}
		j := min(max(i+a.By, 0), len(m.Scenarios)-1)
		if j == i {
			return m, nil
		}
		m.Scenarios = move(cloneScenarios(m.Scenarios), i, j)
	case SetScore:
		if a.Score != nil {
			if err := checkScore(*a.Score, m.Scale); err != nil {
				return m, err
			}
		}
		return editEntry(m, a.Scenario, a.Item, func(e *calc.Entry) bool {
			if a.Score == nil {
				return false
			}
			e.Score, e.Amount, e.Hours, e.Per = calc.Float(*a.Score), nil, nil, ""
			fitRange(e, *a.Score)
			return true
		})
	case SetMoney:
		if a.Value != nil {
			if err := checkMoney(*a.Value, a.Hours); err != nil {
				return m, err
			}
		}
		return editEntry(m, a.Scenario, a.Item, func(e *calc.Entry) bool {
			if a.Value == nil {
				return false
			}
			v := calc.Float(*a.Value)
			if (e.Hours != nil) != a.Hours {
				e.Low, e.High = nil, nil // a range in the other unit means nothing now
			}
			fitRange(e, *a.Value)
			e.Score, e.Amount, e.Hours = nil, nil, nil
			if a.Hours {
				e.Hours = v
			} else {
				e.Amount = v
			}
			e.Per = a.Per
			if e.Per == "" {
				e.Per = calc.PerOnce
			}
			return true
		})
	case SetRange:
		e, ok := entryOf(m, a.Scenario, a.Item)
		x, unit, hasValue := e.Value(m.Mode)
		if !ok || !hasValue {
			return m, i18n.Errorf(i18n.ErrValueBeforeRange)
		}
		if (a.Low == nil) != (a.High == nil) {
			return m, i18n.Errorf(i18n.ErrBothEnds)
		}
		if a.Low != nil {
			lo, hi := m.Bounds(unit)
			if calc.CheckLow(*a.Low, x, lo, hi) != nil {
				return m, i18n.Errorf(i18n.ErrLowEstimate, i18n.Number(lo), i18n.Number(x))
			}
			if calc.CheckHigh(*a.High, x, lo, hi) != nil {
				return m, i18n.Errorf(i18n.ErrHighEstimate, i18n.Number(x), i18n.Number(hi))
			}
		}
		return editEntry(m, a.Scenario, a.Item, func(e *calc.Entry) bool {
			e.Low, e.High = a.Low, a.High
			if e.Low != nil && *e.Low == x && *e.High == x {
				e.Low, e.High = nil, nil // a range of one value says nothing
			}
			return true
		})
	case SetEntryWeight:
		if a.Weight != nil {
			if err := checkWeight(*a.Weight); err != nil {
				return m, err
			}
		}
		if e, ok := entryOf(m, a.Scenario, a.Item); !ok || (e.Score == nil && e.Amount == nil && e.Hours == nil) {
			return m, i18n.Errorf(i18n.ErrValueBeforeWeight)
		}
		return editEntry(m, a.Scenario, a.Item, func(e *calc.Entry) bool {
			e.Weight = nil
			if a.Weight != nil {
				e.Weight = calc.Float(*a.Weight)
			}
			return true
		})
	case ReplaceModel:
		return a.Model, nil
	case SetDriverValue:
		d := m.DriverIndex(a.ID)
		if d < 0 {
			return m, fmt.Errorf("no driver %q", a.ID)
		}
		if a.Value < 0 || a.Value > calc.MaxDriverValue || math.IsNaN(a.Value) {
			return m, i18n.Errorf(i18n.ErrDriverValue, i18n.Number(calc.MaxDriverValue))
		}
		m.Drivers = append([]calc.Driver(nil), m.Drivers...)
		dr := &m.Drivers[d]
		dr.Value = a.Value
		if dr.Low != nil && dr.High != nil {
			dr.Low, dr.High = calc.Float(min(*dr.Low, a.Value)), calc.Float(max(*dr.High, a.Value))
		}
	default:
		return m, fmt.Errorf("unknown action %T", a)
	}
	return m, nil
}

// Field checks shared by Reduce and the input parsers: calc's rules,
// worded for the person typing.

func checkName(name string) error {
	switch err := calc.CheckName(name); {
	case errors.Is(err, calc.ErrRequired):
		return i18n.Errorf(i18n.ErrEnterName)
	case err != nil:
		return checkText(err, calc.MaxNameLen)
	}
	return nil
}

// checkTitle is calc.CheckTitle worded for the person typing; a title of
// spaces only is asked for too, as the field shows no title then.
func checkTitle(title string) error {
	if strings.TrimSpace(title) == "" {
		return i18n.Errorf(i18n.ErrEnterTitle)
	}
	return checkText(calc.CheckTitle(title), calc.MaxTitleLen)
}

func checkNote(note string) error { return checkText(calc.CheckNote(note), calc.MaxNoteLen) }

// checkText words err, calc's verdict on a text of at most max
// characters: a control character pasted in (ESC, a text direction
// override; calc.ErrControl), or a text too long.
func checkText(err error, max int) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, calc.ErrControl):
		return i18n.Errorf(i18n.ErrControlChars)
	}
	return i18n.Errorf(i18n.ErrAtMostChars, max)
}

func checkWeight(w float64) error {
	if calc.CheckWeight(w) != nil {
		return i18n.Errorf(i18n.ErrWeight, calc.MaxWeight)
	}
	return nil
}

func checkScore(s float64, sc calc.Scale) error {
	if calc.CheckScore(sc, s) != nil {
		return i18n.Errorf(i18n.ErrScore, sc.Min, sc.Max)
	}
	return nil
}

func checkMoney(v float64, hours bool) error {
	if hours {
		if calc.CheckHours(v) != nil {
			return i18n.Errorf(i18n.ErrHours, i18n.Number(calc.MaxHours))
		}
		return nil
	}
	if calc.CheckAmount(v) != nil {
		return i18n.Errorf(i18n.ErrAmount, i18n.Number(calc.MaxAmount))
	}
	return nil
}

func errNoItem(id string) error     { return fmt.Errorf("no item %q", id) }
func errNoScenario(id string) error { return fmt.Errorf("no scenario %q", id) }

// entryOf returns the entry of item in scenario, if there is one.
func entryOf(m calc.Model, scenario, item string) (calc.Entry, bool) {
	if j, i := m.ScenarioIndex(scenario), m.ItemIndex(item); j >= 0 && i >= 0 {
		if e := m.Scenarios[j].Entry(i); e != nil {
			return *e, true
		}
	}
	return calc.Entry{}, false
}

func editItem(m calc.Model, id string, edit func(*calc.Item) error) (calc.Model, error) {
	i := m.ItemIndex(id)
	if i < 0 {
		return m, errNoItem(id)
	}
	it := m.Items[i]
	if err := edit(&it); err != nil {
		return m, err
	}
	items := cloneItems(m.Items)
	items[i] = it
	m.Items = items
	return m, nil
}

func editScenario(m calc.Model, id string, edit func(*calc.Scenario) error) (calc.Model, error) {
	i := m.ScenarioIndex(id)
	if i < 0 {
		return m, errNoScenario(id)
	}
	s := m.Scenarios[i]
	if err := edit(&s); err != nil {
		return m, err
	}
	ss := cloneScenarios(m.Scenarios)
	ss[i] = s
	m.Scenarios = ss
	return m, nil
}

// editEntry edits the entry of item in scenario; edit returns false to
// remove the entry (the item becomes unscored there).
func editEntry(m calc.Model, scenario, item string, edit func(*calc.Entry) bool) (calc.Model, error) {
	i := m.ItemIndex(item)
	if i < 0 {
		return m, errNoItem(item)
	}
	return editScenario(m, scenario, func(s *calc.Scenario) error {
		var e calc.Entry
		if old := s.Entry(i); old != nil {
			e = *old
		}
		es := entriesFor(s.Entries, len(m.Items))
		es[i] = nil
		if edit(&e) {
			es[i] = &e
		}
		s.Entries = es
		return nil
	})
}

// fitRange widens e's range, if it has one, to hold its new value x.
func fitRange(e *calc.Entry, x float64) {
	if e.Ranged() {
		e.Low, e.High = calc.Float(min(*e.Low, x)), calc.Float(max(*e.High, x))
	}
}

// rescale maps a score from one scale to the same place on another,
// rounded to two decimals.
func rescale(v float64, from, to calc.Scale) float64 {
	f := (v - float64(from.Min)) / float64(from.Max-from.Min)
	f = min(max(f, 0), 1)
	return math.Round((float64(to.Min)+f*float64(to.Max-to.Min))*100) / 100
}

// neighbourOnSide returns the index that item i moves to when moved by
// places among the items of its own side.
func neighbourOnSide(items []calc.Item, i, by int) int {
	j := i
	for by != 0 {
		step := 1
		if by < 0 {
			step = -1
		}
		k := j + step
		for k >= 0 && k < len(items) && items[k].Side != items[i].Side {
			k += step
		}
		if k < 0 || k >= len(items) {
			break
		}
		j = k
		by -= step
	}
	return j
}

func itemIDs(m calc.Model) map[string]bool {
	ids := make(map[string]bool, len(m.Items))
	for _, it := range m.Items {
		ids[it.ID] = true
	}
	return ids
}

func scenarioIDs(m calc.Model) map[string]bool {
	ids := make(map[string]bool, len(m.Scenarios))
	for _, s := range m.Scenarios {
		ids[s.ID] = true
	}
	return ids
}

// freshID returns prefix followed by the smallest number not yet taken.
func freshID(taken map[string]bool, prefix string) string {
	for n := 1; ; n++ {
		if id := prefix + strconv.Itoa(n); !taken[id] {
			return id
		}
	}
}

func copyName(name string) string {
	name += " (copy)"
	if r := []rune(name); len(r) > calc.MaxNameLen {
		name = string(r[:calc.MaxNameLen])
	}
	return name
}

func cloneItems(items []calc.Item) []calc.Item {
	return append(make([]calc.Item, 0, len(items)+1), items...)
}

func cloneScenarios(ss []calc.Scenario) []calc.Scenario {
	return append(make([]calc.Scenario, 0, len(ss)+1), ss...)
}

func insertAt[T any](s []T, i int, v T) []T {
	s = append(s, v)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

func mapScenarios(ss []calc.Scenario, f func(calc.Scenario) calc.Scenario) []calc.Scenario {
	out := make([]calc.Scenario, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out
}

// entriesFor returns a copy of es as long as the model's n items: what an
// edit changes, leaving es to the models that share it.
func entriesFor(es []*calc.Entry, n int) []*calc.Entry {
	out := make([]*calc.Entry, n)
	copy(out, es)
	return out
}

// mapEntries returns entriesFor(es, n) with f applied to each entry.
func mapEntries(es []*calc.Entry, n int, f func(calc.Entry) calc.Entry) []*calc.Entry {
	out := entriesFor(es, n)
	for i, e := range out {
		if e != nil {
			v := f(*e)
			out[i] = &v
		}
	}
	return out
}

// move returns s with its element i moved to index j.
func move[T any](s []T, i, j int) []T {
	v := s[i]
	return insertAt(append(s[:i], s[i+1:]...), j, v)
}
