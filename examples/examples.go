// Package examples holds valuecalc's built-in example models. They are the
// app's templates (opened with ?template=ID) and sample files for the
// valuecalc command; each is a valuecalc/1 file in this directory.
package examples

import (
	"embed"
	"encoding/json"
	"strings"
)

//go:embed *.json
var files embed.FS

// Template is a built-in model: its id (the file name without .json), its
// title, a line saying what it is for, and the file's bytes.
type Template struct {
	ID          string
	Title       string
	Description string
	Data        []byte
}

// order lists the templates as the app offers them, with their
// descriptions.
var order = []struct{ id, description string }{
	{"customer-value", "Score mode, 1–5: all four benefit types and five cost types, status quo vs with us."},
	{"software-purchase", "Money mode, 3 years at 8 %: subscription, implementation, training, hours saved, fewer outages."},
	{"segments", "Score mode, 1–10: the same offer weighed by SMB and Enterprise customers."},
}

// templates is read once: the files are embedded and never change.
var templates = load()

// List returns every template, in the order the app offers them.
func List() []Template {
	return append([]Template(nil), templates...)
}

func load() []Template {
	out := make([]Template, 0, len(order))
	for _, o := range order {
		data, err := files.ReadFile(o.id + ".json")
		if err != nil {
			continue
		}
		var head struct{ Title string }
		json.Unmarshal(data, &head)
		out = append(out, Template{ID: o.id, Title: head.Title, Description: o.description, Data: data})
	}
	return out
}

// Get returns the template with the given id.
func Get(id string) (Template, bool) {
	for _, t := range templates {
		if strings.EqualFold(t.ID, id) {
			return t, true
		}
	}
	return Template{}, false
}
