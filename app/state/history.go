package state

import "github.com/valuecalc/valuecalc/calc"

// HistoryLimit is how many undo steps a History keeps.
const HistoryLimit = 200

// History is the undo/redo list of an assessment: the states themselves,
// not patches. Reduce shares unchanged parts between states, so a step
// costs only what it changed.
type History struct {
	past    []calc.Model
	present calc.Model
	future  []calc.Model
	lastKey string
}

// NewHistory starts a history at m, with nothing to undo.
func NewHistory(m calc.Model) History {
	return History{present: m}
}

// Present returns the current model.
func (h History) Present() calc.Model { return h.present }

// CanUndo reports whether there is a step to undo.
func (h History) CanUndo() bool { return len(h.past) > 0 }

// CanRedo reports whether there is an undone step to redo.
func (h History) CanRedo() bool { return len(h.future) > 0 }

// Apply reduces the present model with a and records the step. An action
// with the same non-empty key as the previous one replaces that step
// instead of adding one (typing a name is one step). It returns the history
// unchanged and the error if Reduce fails.
func (h History) Apply(a Edit) (History, error) {
	next, err := ReduceModel(h.present, a)
	if err != nil {
		return h, err
	}
	key := a.Key()
	if key == "" || key != h.lastKey || len(h.past) == 0 {
		h.past = append(h.past[:len(h.past):len(h.past)], h.present)
		if len(h.past) > HistoryLimit {
			h.past = h.past[len(h.past)-HistoryLimit:]
		}
	}
	h.present, h.future, h.lastKey = next, nil, key
	return h, nil
}

// Undo steps back once; it does nothing when there is nothing to undo.
func (h History) Undo() History {
	if len(h.past) == 0 {
		return h
	}
	n := len(h.past) - 1
	h.future = append(h.future[:len(h.future):len(h.future)], h.present)
	h.present, h.past, h.lastKey = h.past[n], h.past[:n], ""
	return h
}

// Redo re-applies the last undone step; it does nothing when there is none.
func (h History) Redo() History {
	if len(h.future) == 0 {
		return h
	}
	n := len(h.future) - 1
	h.past = append(h.past[:len(h.past):len(h.past)], h.present)
	h.present, h.future, h.lastKey = h.future[n], h.future[:n], ""
	return h
}
