package calc

import (
	"bytes"
	"encoding/json"
)

// Encode writes m as a canonical file: JSON indented by two spaces with a
// final newline, fields in the order of SPEC §2, every setting, weight and
// note written out even when it has its default value, a stage, scale
// label, range and "ask" only when set, and each scenario's entries in the
// order of the model's items. The format is the lowest that holds the
// model, whatever m.Format holds: Format (valuecalc/3) when it uses a
// field of version 3 (Model.UsesV3), whose customer, summary, drivers and
// entries' times, timing and sources are then written when set, and
// FormatV2 otherwise, byte for byte as version 2 wrote it. A money entry always has its "per" (an empty
// Per is written as "once"). Characters such as < and > are written as
// they are. Decode reads back the same model, and encoding that again
// gives the same bytes.
//
// Encode returns an error if:
//   - m fails Validate (the error is the Problems).
func Encode(m Model) ([]byte, error) { return encode(m, "  ") }

// EncodeCompact is Encode without indentation and without the final
// newline: the same JSON, compact, for storage and share links. It
// returns an error when Encode does.
func EncodeCompact(m Model) ([]byte, error) {
	data, err := encode(m, "")
	return bytes.TrimSuffix(data, []byte("\n")), err
}

// encode writes m as Encode says, indenting by indent ("" for none).
func encode(m Model, indent string) ([]byte, error) {
	if err := Validate(m); err != nil {
		return nil, err
	}
	format := FormatV2
	if m.UsesV3() {
		format = Format
	}
	f := fileJSON{
		Format:       format,
		Title:        m.Title,
		Mode:         m.Mode,
		Scale:        m.Scale,
		Currency:     m.Currency,
		HorizonYears: m.HorizonYears,
		DiscountRate: m.DiscountRate,
		HourlyRate:   m.HourlyRate,
		Customer:     m.Customer,
		Summary:      m.Summary,
		Drivers:      m.Drivers,
		Items:        m.Items,
		Scenarios:    make([]scenarioFileJSON, len(m.Scenarios)),
	}
	if f.Items == nil {
		f.Items = []Item{}
	}
	for j, sc := range m.Scenarios {
		f.Scenarios[j] = scenarioFileJSON{
			ID:      sc.ID,
			Name:    sc.Name,
			Entries: entriesJSON{items: m.Items, entries: sc.Entries, money: m.Mode == ModeMoney},
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fileJSON is the file shape of a Model: Model itself, but with entries
// that marshal in item order.
type fileJSON struct {
	Format       string             `json:"format"`
	Title        string             `json:"title"`
	Mode         Mode               `json:"mode"`
	Scale        Scale              `json:"scale"`
	Currency     string             `json:"currency"`
	HorizonYears int                `json:"horizonYears"`
	DiscountRate float64            `json:"discountRate"`
	HourlyRate   float64            `json:"hourlyRate"`
	Customer     string             `json:"customer,omitempty"`
	Summary      string             `json:"summary,omitempty"`
	Drivers      []Driver           `json:"drivers,omitempty"`
	Items        []Item             `json:"items"`
	Scenarios    []scenarioFileJSON `json:"scenarios"`
}

type scenarioFileJSON struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Entries entriesJSON `json:"entries"`
}

// entriesJSON marshals a scenario's entries as an object keyed by item id,
// in the order of the items.
type entriesJSON struct {
	items   []Item
	entries []*Entry
	money   bool
}

func (x entriesJSON) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	n := 0
	for i := range x.items {
		id := x.items[i].ID
		if i >= len(x.entries) || x.entries[i] == nil {
			continue
		}
		e := *x.entries[i]
		if x.money && e.Per == "" {
			e.Per = PerOnce
		}
		key, err := json.Marshal(id)
		if err != nil {
			return nil, err
		}
		val, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, key...)
		b = append(b, ':')
		b = append(b, val...)
		n++
	}
	return append(b, '}'), nil
}
