package state

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/valuecalc/valuecalc/calc"
)

// problemWords says each of a file's problems in the user's words: the
// item and the scenario by their names, the field by what it means
// ("Agent hours saved, With us: the amount must be 0 or more"). data is
// the file, read loosely for the names, since it did not decode.
func problemWords(data []byte, probs calc.Problems) []string {
	names := looseNames(data)
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
	return "Item " + strconv.Itoa(i+1)
}

func (f fileNames) scenario(i int) string {
	if i < len(f.scenarios) && f.scenarios[i].Name != "" {
		return f.scenarios[i].Name
	}
	return "Scenario " + strconv.Itoa(i+1)
}

func (f fileNames) itemByID(id string) string {
	for i, it := range f.items {
		if it.ID == id {
			return f.item(i)
		}
	}
	return "“" + id + "”"
}

// settingWords name the top-level fields of a model file.
var settingWords = map[string]string{
	"format": "The format", "title": "The title", "mode": "The way of measuring",
	"scale": "The scale", "scale.min": "The lowest score", "scale.max": "The highest score",
	"scale.minLabel": "The label of the lowest score", "scale.maxLabel": "The label of the highest score",
	"currency": "The currency", "horizonYears": "The horizon in years", "discountRate": "The discount rate",
	"hourlyRate": "The hourly rate", "items": "The list of items", "scenarios": "The list of scenarios",
}

// fieldWords name the fields of items, scenarios and entries.
var fieldWords = map[string]string{
	"id": "the id", "name": "the name", "side": "the side", "type": "the type", "stage": "the journey stage",
	"weight": "the weight", "note": "the note", "entries": "the values",
	"score": "the score", "amount": "the amount", "hours": "the hours", "per": "the recurrence",
	"low": "the low end of the range", "high": "the high end of the range", "ask": "the question mark",
}

// say words one problem at path.
func (f fileNames) say(path string, err error) string {
	msg := plainMessage(err)
	unknown := errors.Is(err, calc.ErrUnknownField)
	if w, ok := settingWords[path]; ok {
		return w + " " + msg
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
					return who + ": there is no item with the id “" + id + "”"
				}
				return who + ": " + msg
			}
			rest = field
		}
	}
	if who == "" {
		if unknown {
			return "“" + path + "” is not a field of a valuecalc file"
		}
		return Capitalize(path) + " " + msg
	}
	switch {
	case rest == "":
		return who + ": " + msg
	case unknown:
		return who + ": “" + rest + "” is not a field valuecalc knows"
	}
	field, ok := fieldWords[rest]
	if !ok {
		field = "“" + rest + "”"
	}
	return who + ": " + field + " " + msg
}

// index reads i out of "prefix[i]".
func index(s, prefix string) (int, bool) {
	i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s, prefix), "]"))
	return i, err == nil
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
