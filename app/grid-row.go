package app

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// itemRow is one item's row of the grid as a component of its own, so that
// an edit re-renders only the rows it changes: go-app updates a child
// component only when its fields differ, and Key holds everything the row
// shows. With 200 items and 5 scenarios, re-rendering every row on every
// keystroke is what made typing slow.
type itemRow struct {
	app.Compo
	E   *Editor
	Key rowKey
}

// rowKey is everything an item's row is drawn from.
type rowKey struct {
	Item        calc.Item
	First, Last bool
	Full        bool // no room for another item: Duplicate is off
	Mode        calc.Mode
	Scale       calc.Scale
	Currency    string
	Cells       []cellKeyData
	Drafts      []keyDraft
}

// cellKeyData is what one scenario's cell of a row is drawn from.
type cellKeyData struct {
	Scenario, Name string
	Entry          calc.Entry
	Has            bool
	Pending        cellSetting
}

// keyDraft is the draft of one field, for comparing rows.
type keyDraft struct {
	Key string
	draft
}

func (r *itemRow) Render() app.UI {
	return r.E.renderItemRow(r.E.hist.Present(), r.Key.Item, r.Key.First, r.Key.Last)
}

// rowKey gathers what the row of it shows.
func (e *Editor) rowKey(m calc.Model, it calc.Item, first, last bool, drafts map[string][]keyDraft) rowKey {
	k := rowKey{
		Item: it, First: first, Last: last, Full: len(m.Items) >= calc.MaxItems,
		Mode: m.Mode, Scale: m.Scale, Currency: m.Currency,
		Cells:  make([]cellKeyData, len(m.Scenarios)),
		Drafts: drafts[it.ID],
	}
	for j, s := range m.Scenarios {
		en, has := s.Entries[it.ID]
		k.Cells[j] = cellKeyData{Scenario: s.ID, Name: s.Name, Entry: en, Has: has}
		if len(e.pending) > 0 { // cellKey allocates: 1,000 times a render at 200 × 5
			k.Cells[j].Pending = e.pending[cellKey(s.ID, it.ID)]
		}
	}
	return k
}

// draftsByItem sorts the drafts by the item whose row shows them:
// "item/ID/…" and "entry/SCENARIO/ID" (and its "/weight").
func (e *Editor) draftsByItem() map[string][]keyDraft {
	out := map[string][]keyDraft{}
	for key, d := range e.drafts {
		parts := strings.Split(key, "/")
		var item string
		switch {
		case len(parts) >= 3 && parts[0] == "item":
			item = parts[1]
		case len(parts) >= 3 && parts[0] == "entry":
			item = parts[2]
		default:
			continue
		}
		out[item] = append(out[item], keyDraft{key, d})
	}
	for _, ds := range out {
		slices.SortFunc(ds, func(a, b keyDraft) int { return strings.Compare(a.Key, b.Key) })
	}
	return out
}
