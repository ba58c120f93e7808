package app

import (
	"math"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// itemRow is one item's row of the grid as a component of its own, so that
// an edit re-renders only the rows it changes: go-app updates a child
// component only when its fields differ. Sig is a hash of everything the
// row shows, so that comparing a row is comparing two integers: go-app
// compares other fields with reflect.DeepEqual, which at 200 rows × 5
// scenarios cost more than the edit itself.
type itemRow struct {
	app.Compo
	E           *Editor
	ID          string // the item's id
	First, Last bool
	Sig         uint64
}

func (r *itemRow) Render() app.UI {
	m := r.E.hist.Present()
	if i := itemIndex(m, r.ID); i >= 0 {
		// A row also renders on its own, for an edit inside it
		// (Editor.inRow): its Sig must then say what it shows now,
		// or a later grid render that brings it back (an undo)
		// would find the old Sig equal and leave the edit on screen.
		r.Sig = r.E.rowSig(m, i, r.E.draftsOf(r.ID))
		return r.E.renderItemRow(m, i, r.First, r.Last)
	}
	return app.Tr() // gone: the grid drops this row in the same render
}

// rowSig hashes what the row of m.Items[item] shows: the item, the settings and
// scenarios its cells are drawn with, its entries, the recurrences chosen
// for empty cells and the drafts typed into it. Anything renderItemRow
// reads must be written here, or the row would not update.
func (e *Editor) rowSig(m calc.Model, item int, drafts []keyDraft) uint64 {
	it := m.Items[item]
	h := newSig()
	h.str(it.ID).str(it.Name).str(string(it.Side)).str(string(it.Type)).str(string(it.Stage)).num(it.Weight).str(it.Note)
	h.flag(len(m.Items) >= calc.MaxItems).str(string(m.Mode)).int(m.Scale.Min).int(m.Scale.Max).str(m.Currency)
	h.int(len(m.Scenarios))
	for _, s := range m.Scenarios {
		h.u64(e.cellSig(m, s, item))
	}
	h.int(len(drafts))
	for _, d := range drafts {
		h.str(d.Key).str(d.Text).str(d.Err)
	}
	return uint64(*h)
}

// sig is an FNV-1a hash written field by field; strings carry their length
// so that ("ab", "c") and ("a", "bc") differ.
type sig uint64

func newSig() *sig { h := sig(14695981039346656037); return &h }

func (h *sig) byte(b byte) {
	*h = (*h ^ sig(b)) * 1099511628211
}

func (h *sig) u64(v uint64) *sig {
	for range 8 {
		h.byte(byte(v))
		v >>= 8
	}
	return h
}

func (h *sig) int(v int) *sig { return h.u64(uint64(v)) }

func (h *sig) num(v float64) *sig { return h.u64(math.Float64bits(v)) }

func (h *sig) str(s string) *sig {
	h.int(len(s))
	for i := 0; i < len(s); i++ {
		h.byte(s[i])
	}
	return h
}

func (h *sig) flag(b bool) *sig {
	if b {
		h.byte(1)
	} else {
		h.byte(0)
	}
	return h
}

// ptr writes whether p is set and, if it is, its value.
func (h *sig) ptr(p *float64) *sig {
	if p == nil {
		return h.flag(false)
	}
	return h.flag(true).num(*p)
}

// result writes all a scenario's result shows: its totals, ratios and
// sums by type.
func (h *sig) result(s calc.ScenarioResult) *sig {
	h.str(s.ID).str(s.Name).num(s.Benefits).num(s.Costs).num(s.Net).ptr(s.Ratio).ptr(s.ROI).ptr(s.PaybackMonths).int(s.Unscored)
	for _, sums := range []calc.TypeSums{s.BenefitsByType, s.CostsByType} {
		h.int(len(sums))
		for _, t := range sums {
			h.str(string(t.Type)).num(t.Value)
		}
	}
	return h
}

// draft writes the draft typed into the field key, if there is one, with
// the key: nothing at all when there is none, so that the first draft
// typed anywhere does not change the hash of every part that has none.
func (h *sig) draft(drafts map[string]draft, key string) *sig {
	if d, ok := drafts[key]; ok {
		h.str(key).str(d.Text).str(d.Err)
	}
	return h
}

// keyDraft is the draft of one field, for hashing rows.
type keyDraft struct {
	Key string
	draft
}

// byKey sorts drafts by key: a sort.Interface rather than slices.SortFunc,
// whose generic code would be compiled once more for this type (5 KB of
// gzip in app.wasm).
type byKey []keyDraft

func (s byKey) Len() int           { return len(s) }
func (s byKey) Less(i, j int) bool { return s[i].Key < s[j].Key }
func (s byKey) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// rowItem returns the item whose grid row shows the field key:
// "item/ID/…" and "entry/SCENARIO/ID" (and its "/weight"); "" for a field
// outside the rows.
func rowItem(key string) string {
	parts := strings.Split(key, "/")
	switch {
	case len(parts) >= 3 && parts[0] == "item":
		return parts[1]
	case len(parts) >= 3 && parts[0] == "entry":
		return parts[2]
	}
	return ""
}

// draftsByItem sorts the drafts by the item whose row shows them.
func (e *Editor) draftsByItem() map[string][]keyDraft {
	out := map[string][]keyDraft{}
	for key, d := range e.drafts {
		if item := rowItem(key); item != "" {
			out[item] = append(out[item], keyDraft{key, d})
		}
	}
	for _, ds := range out {
		sort.Sort(byKey(ds))
	}
	return out
}

// draftsOf is draftsByItem for one item.
func (e *Editor) draftsOf(item string) []keyDraft { return e.draftsByItem()[item] }
