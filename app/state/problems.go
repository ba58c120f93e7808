package state

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// problemWords says each of a file's problems in the user's words: the
// item and the scenario by their names, the field by what it means
// ("Agent hours saved, With us: the amount must be 0 or more"). data is
// the file, read loosely for the names, since it did not decode.
func problemWords(l i18n.Lang, data []byte, probs calc.Problems) []string {
	names := looseNames(data)
	names.l = l
	out := make([]string, len(probs))
	for i, p := range probs {
		var fe *calc.FieldError
		if !errors.As(p, &fe) || fe.Err == nil {
			out[i] = p.Error()
			continue
		}
		out[i] = names.say(fe.Path, fe.Err)
	}
	return out
}

// fileNames are the ids and names of a file's items and scenarios, as far
// as they can be read.
type fileNames struct {
	items, scenarios []named
	l                i18n.Lang
}

type named struct{ ID, Name string }

func looseNames(data []byte) fileNames {
	var raw struct {
		Items, Scenarios []json.RawMessage
	}
	_ = json.Unmarshal(data, &raw)
	list := func(rs []json.RawMessage) []named {
		out := make([]named, len(rs))
		for i, r := range rs {
			var n struct{ ID, Name any }
			_ = json.Unmarshal(r, &n)
			id, _ := n.ID.(string)
			name, _ := n.Name.(string)
			if strings.ContainsFunc(name, calc.ControlChar) {
				name = "" // not shown: it is said by its place, "Item 3"
			}
			out[i] = named{id, strings.TrimSpace(name)}
		}
		return out
	}
	return fileNames{items: list(raw.Items), scenarios: list(raw.Scenarios)}
}

// item names item i, or says which it is when it has no name.
func (f fileNames) item(i int) string {
	if i < len(f.items) && f.items[i].Name != "" {
		return f.items[i].Name
	}
	return f.l.T(i18n.ProblemItemN, i+1)
}

func (f fileNames) scenario(i int) string {
	if i < len(f.scenarios) && f.scenarios[i].Name != "" {
		return f.scenarios[i].Name
	}
	return f.l.T(i18n.ProblemScenarioN, i+1)
}

func (f fileNames) itemByID(id string) string {
	for i, it := range f.items {
		if it.ID == id {
			return f.item(i)
		}
	}
	return f.l.T(i18n.Quoted, id)
}

// settingWords name the top-level fields of a model file.
var settingWords = map[string]i18n.Key{
	"format": i18n.PFormat, "title": i18n.PTitle, "mode": i18n.PMode,
	"scale": i18n.PScale, "scale.min": i18n.PScaleMin, "scale.max": i18n.PScaleMax,
	"scale.minLabel": i18n.PScaleMinLabel, "scale.maxLabel": i18n.PScaleMaxLabel,
	"currency": i18n.PCurrency, "horizonYears": i18n.PHorizon, "discountRate": i18n.PDiscount,
	"hourlyRate": i18n.PHourly, "items": i18n.PItems, "scenarios": i18n.PScenarios,
}

// fieldWords name the fields of items, scenarios and entries.
var fieldWords = map[string]i18n.Key{
	"id": i18n.PID, "name": i18n.PName, "side": i18n.PSide, "type": i18n.PType, "stage": i18n.PStage,
	"weight": i18n.PWeight, "note": i18n.PNote, "entries": i18n.PEntries,
	"score": i18n.PScore, "amount": i18n.PAmount, "hours": i18n.PHours, "per": i18n.PPer,
	"low": i18n.PLow, "high": i18n.PHigh, "ask": i18n.PAsk,
}

// say words one problem at path.
func (f fileNames) say(path string, err error) string {
	msg := f.message(err)
	unknown := errors.Is(err, calc.ErrUnknownField)
	if w, ok := settingWords[path]; ok {
		return f.l.T(i18n.PSubject, f.l.T(w), msg)
	}
	head, rest, _ := strings.Cut(path, ".")
	var who string
	switch {
	case strings.HasPrefix(head, "items["):
		i, ok := index(head, "items[")
		if !ok {
			break
		}
		who = f.item(i)
	case strings.HasPrefix(head, "scenarios["):
		j, ok := index(head, "scenarios[")
		if !ok {
			break
		}
		who = f.scenario(j)
		if id, field, found := strings.Cut(strings.TrimPrefix(rest, "entries."), "."); strings.HasPrefix(rest, "entries.") {
			who = f.itemByID(id) + ", " + who
			if !found {
				if errors.Is(err, calc.ErrUnknownItem) {
					return f.l.T(i18n.PNoItemID, who, id)
				}
				return who + ": " + msg
			}
			rest = field
		}
	}
	if who == "" {
		if unknown {
			return f.l.T(i18n.PNotAFileField, path)
		}
		return Capitalize(path) + " " + msg
	}
	switch {
	case rest == "":
		return who + ": " + msg
	case unknown:
		return f.l.T(i18n.PNotAField, who, rest)
	}
	field := f.l.T(i18n.Quoted, rest)
	if k, ok := fieldWords[rest]; ok {
		field = f.l.T(k)
	}
	return who + ": " + f.l.T(i18n.PSubject, field, msg)
}

// index reads i out of "prefix[i]".
func index(s, prefix string) (int, bool) {
	i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s, prefix), "]"))
	return i, err == nil
}

// message is what is wrong, in the interface's language: calc's own
// wording in English, made plainer; in another language, what the kind
// of problem means (calc's wording stays as the detail beside it).
func (f fileNames) message(err error) string {
	if errors.Is(err, calc.ErrControl) {
		// calc's message quotes the text escaped: "\x1b[2J" is no
		// word; the detail beside it keeps it.
		return f.l.T(i18n.PControl)
	}
	if f.l == "" || f.l == i18n.EN {
		return plainMessage(err)
	}
	for _, k := range []struct {
		err error
		key i18n.Key
	}{
		{calc.ErrRequired, i18n.PRequired}, {calc.ErrOutOfRange, i18n.POutOfRange}, {calc.ErrWrongKind, i18n.PWrongKind},
		{calc.ErrDuplicate, i18n.PDuplicate}, {calc.ErrUnknownField, i18n.PUnknown}, {calc.ErrInvalid, i18n.PInvalid},
	} {
		if errors.Is(err, k.err) {
			return f.l.T(k.key)
		}
	}
	return plainMessage(err)
}

// plainMessage is calc's message made plainer where it can be: a bound
// of 0 with a huge maximum is "must be 0 or more".
func plainMessage(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "must be between 0 and "); ok {
		if max, got, ok := strings.Cut(rest, ", got "); ok && strings.HasPrefix(got, "-") {
			if v, err := strconv.ParseFloat(max, 64); err == nil && v >= 1e9 {
				return "must be 0 or more, got " + got
			}
		}
	}
	return msg
}
