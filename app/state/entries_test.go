package state

import "github.com/valuecalc/valuecalc/calc"

// setEntry sets the entry of scenario j for the item with id in m, in a
// copy of the scenario's entries.
func setEntry(m *calc.Model, j int, id string, e calc.Entry) { putEntry(m, j, id, &e) }

// clearEntry removes the entry of scenario j for the item with id in m.
func clearEntry(m *calc.Model, j int, id string) { putEntry(m, j, id, nil) }

func putEntry(m *calc.Model, j int, id string, e *calc.Entry) {
	i := m.ItemIndex(id)
	if i < 0 {
		panic("no item " + id)
	}
	es := entriesFor(m.Scenarios[j].Entries, len(m.Items))
	es[i] = e
	m.Scenarios[j].Entries = es
}

// entryAt returns the entry of scenario j for the item with id in m, or
// nil.
func entryAt(m calc.Model, j int, id string) *calc.Entry {
	return m.Scenarios[j].Entry(m.ItemIndex(id))
}
