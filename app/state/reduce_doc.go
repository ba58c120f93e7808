package state

import (
	"maps"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// DocState is the document and its history: the model on screen, its
// results, and the text being typed into its fields.
type DocState struct {
	DocID  string // the assessment on screen
	Hist   History
	Result calc.Result
	// Charted is the result the charts draw: Result, except that a
	// keystroke's charts follow on a frame of their own (ChartsCatchUp),
	// after the frame that shows its totals.
	Charted calc.Result
	Drafts  map[Field]Draft
	Marks   map[Field]Mark // numbers read one of two ways, not confirmed
	Pending map[Cell]CellSetting
	Active  Cell   // the cell typed into last, which shows its hints
	DocRev  uint64 // moves on with every change of the model or result
}

// document reduces the edits of the model, typing into its fields, and
// undo and redo.
type document struct{ *reducer }

func (r *reducer) document() document { return document{r} }

// reduce handles the document's actions; it reports whether a was one of
// them.
func (r document) reduce(a Action) bool {
	if e, ok := a.(Edit); ok {
		r.apply(r.named(e))
		return true
	}
	switch a := a.(type) {
	case Input:
		r.typing = true
		r.input(a)
	case ChartsCatchUp:
		r.Charted = r.Result
	case InputDone:
		switch d, ok := r.Drafts[a.Field]; {
		case ok && d.Err == "":
			r.setDraft(a.Field, nil)
			if mk, ok := decimalOfTwo(r.Lang, a.Field, d.Text); ok {
				r.setMark(a.Field, &mk)
			}
		case ok && d.Read != "":
			d.Read = "" // the message stays, the hint goes
			r.setDraft(a.Field, &d)
		}
	case ConfirmRead:
		r.setMark(a.Field, nil)
	case SetPer:
		r.setPer(a)
	case ScalePreset:
		m := r.Model()
		switch a.Value {
		case "1-5":
			r.apply(SetScale{1, 5})
		case "1-10":
			r.apply(SetScale{1, 10})
		default:
			// Custom: keep the scale, show its bounds for editing.
			if ScalePresetOf(m.Scale) != "custom" {
				r.apply(SetScale{0, m.Scale.Max})
			}
		}
	case Undo:
		if r.Hist.CanUndo() {
			r.Hist = r.Hist.Undo()
			r.Drafts = nil
			r.changed()
		}
	case Redo:
		if r.Hist.CanRedo() {
			r.Hist = r.Hist.Redo()
			r.Drafts = nil
			r.changed()
		}

	default:
		return false
	}
	return true
}

func (r *reducer) evaluate() {
	m := r.Model()
	r.Result = calc.Evaluate(m)
	if r.typing {
		// The totals show on the keystroke's frame; the charts, a
		// third of that frame's work, on the next.
		r.do(AfterFrame{ChartsCatchUp{}})
	} else {
		r.Charted = r.Result
	}
	r.analysisChanged()
	if m.ScenarioIndex(r.Focus) < 0 {
		r.Focus = r.Result.Best
	}
}

// apply runs an edit through the history; a refused edit is shown as a
// notice and changes nothing.
func (r *reducer) apply(e Edit) bool {
	if r.Shared {
		r.say(Notice{Text: r.Lang.T(i18n.SharedReadOnlyNotice), IsErr: true})
		return false
	}
	h, err := r.Hist.Apply(e)
	if err != nil {
		r.say(Notice{Text: sentence(r.Lang, err), IsErr: true})
		return false
	}
	r.Hist = h
	r.changed()
	switch e := e.(type) {
	case AddItem:
		// The new row may be far below: bring it into view, ready to name.
		m := r.Model()
		r.do(FocusElement{ItemField(FieldItemName, m.Items[len(m.Items)-1].ID).ElementID()})
	case AddScenario:
		m := r.Model()
		r.do(FocusElement{ScenarioNameField(m.Scenarios[len(m.Scenarios)-1].ID).ElementID()})
	case DeleteItem:
		was := r.before.Model()
		r.say(Notice{Text: r.Lang.T(i18n.DeletedItem, was.ItemName(e.ID)), Undo: Undo{}})
	case DeleteScenario:
		was := r.before.Model()
		r.say(Notice{Text: r.Lang.T(i18n.DeletedScenario, was.ScenarioName(e.ID)), Undo: Undo{}})
	case AddDriver:
		m := r.Model()
		r.do(FocusElement{DriverField(FieldDriverName, m.Drivers[len(m.Drivers)-1].ID).ElementID()})
	case DeleteDriver:
		was := r.before.Model()
		r.say(Notice{Text: r.Lang.T(i18n.DeletedItem, was.Drivers[was.DriverIndex(e.ID)].Name), Undo: Undo{}})
	}
	return true
}

// changed recomputes the results and schedules the autosave.
func (r *reducer) changed() {
	r.evaluate()
	r.postResult(msgResult, r.Result)
	if !r.Saved && !r.Embed.On && !r.Shared && r.Template != "" {
		// The first edit makes the template's copy the user's work: a
		// reload, even before the autosave, must show it (the page saves
		// when it goes away), not a fresh copy of the template.
		r.Template = ""
		r.do(CleanURL{Template: true})
	}
	r.views().answersFromLink()
	r.Dirty, r.Unkept = true, true
	if !r.Embed.On {
		// Every edit starts the wait again: the save comes once typing
		// pauses, never between two keystrokes of a burst, where encoding
		// a large model (265 ms at 1,000 × 50) held up the next one
		// (docs/PERFORMANCE.md, "The windowed grid"). Leaving the page
		// saves at once (PageHidden).
		r.SaveWaiting = true
		r.do(WhenQuiet{SaveDelay, SaveNow{}})
	}
}

// input handles text typed into a field: a valid value becomes an edit
// at once (live results); an invalid one stays as a draft with its
// message, and the model keeps its last valid value.
func (r *reducer) input(a Input) {
	if r.Shared {
		return
	}
	r.views().answered(a.Field)
	if r.views().visitorBlank(a) {
		return
	}
	m := r.Model()
	if a.Field.Kind == FieldEntry || a.Field.Kind == FieldEntryLow || a.Field.Kind == FieldEntryHigh {
		r.Active = a.Field.cell()
	}
	if a.Field.Kind == FieldEntry && m.Mode == calc.ModeMoney {
		// Clearing a value and typing another keeps its unit and
		// recurrence.
		r.setPending(a.Field.cell(), MoneySetting(m, a.Field.cell(), r.Pending))
	}
	r.movedOn(a.Field)
	r.setMark(a.Field, nil) // typed again: the mark's question is answered
	read := readHint(r.Lang, a.Field, a.Text)
	e, err := fieldAction(r.Lang, m, a.Field, a.Text, r.Pending)
	if err == nil {
		var h History
		if h, err = r.Hist.Apply(e); err == nil {
			r.Hist = h
			r.setDraft(a.Field, &Draft{Text: a.Text, Read: read})
			r.changed()
			return
		}
	}
	r.setDraft(a.Field, &Draft{Text: a.Text, Err: sentence(r.Lang, err), Read: read})
}

// movedOn takes the hints of how numbers were read from fields other
// than f: they show until the user moves on.
func (r *reducer) movedOn(f Field) {
	for g, d := range r.Drafts {
		if g != f && d.Read != "" {
			d.Read = ""
			r.setDraft(g, &d)
		}
	}
}

// setMark sets field f's mark, or removes it when mk is nil, in a copy
// of the marks.
func (r *reducer) setMark(f Field, mk *Mark) {
	if _, ok := r.Marks[f]; !ok && mk == nil {
		return
	}
	r.Marks = maps.Clone(r.Marks)
	if mk == nil {
		delete(r.Marks, f)
		return
	}
	if r.Marks == nil {
		r.Marks = map[Field]Mark{}
	}
	r.Marks[f] = *mk
}

// setDraft sets field f's draft, or removes it when d is nil, in a copy
// of the drafts.
func (r *reducer) setDraft(f Field, d *Draft) {
	r.Drafts = maps.Clone(r.Drafts)
	if d == nil {
		delete(r.Drafts, f)
		return
	}
	if r.Drafts == nil {
		r.Drafts = map[Field]Draft{}
	}
	r.Drafts[f] = *d
}

func (r *reducer) setPending(c Cell, cs CellSetting) {
	if r.Pending[c] == cs {
		return
	}
	r.Pending = maps.Clone(r.Pending)
	if r.Pending == nil {
		r.Pending = map[Cell]CellSetting{}
	}
	r.Pending[c] = cs
}

// PerOptions are a money cell's units and recurrences, as "unit/per".
var PerOptions = []CellSetting{
	{UnitAmount, calc.PerOnce}, {UnitAmount, calc.PerMonth}, {UnitAmount, calc.PerYear},
	{UnitHours, calc.PerOnce}, {UnitHours, calc.PerMonth}, {UnitHours, calc.PerYear},
}

// Value is the setting as a select's option value, "hours/month".
func (cs CellSetting) Value() string { return string(cs.Unit) + "/" + string(cs.Per) }

// setPer changes a money cell's unit and recurrence: on its entry when it
// has one, else remembered for when a value is typed.
func (r *reducer) setPer(a SetPer) {
	var cs CellSetting
	for _, o := range PerOptions {
		if o.Value() == a.Value {
			cs = o
		}
	}
	if cs.Unit == "" || r.Shared {
		return
	}
	en, ok := entryOf(r.Model(), a.Cell.Scenario, a.Cell.Item)
	if !ok {
		r.setPending(a.Cell, cs)
		return
	}
	v := en.Amount
	if v == nil {
		v = en.Hours
	}
	r.apply(SetMoney{Scenario: a.Cell.Scenario, Item: a.Cell.Item, Value: v, Hours: cs.Unit == UnitHours, Per: cs.Per})
}

// named gives a new row or scenario that comes without a name the name
// it has in the interface's language ("Neuer Nutzen"), until the user
// types one: ReduceModel alone would name it in English.
func (r document) named(e Edit) Edit {
	switch a := e.(type) {
	case AddItem:
		if strings.TrimSpace(a.Name) == "" {
			a.Name = r.Lang.T(i18n.NewBenefitName)
			if a.Side == calc.SideCost {
				a.Name = r.Lang.T(i18n.NewCostName)
			}
		}
		return a
	case AddScenario:
		if strings.TrimSpace(a.Name) == "" {
			a.Name = r.Lang.T(i18n.NewScenarioN, len(r.Model().Scenarios)+1)
		}
		return a
	case AddDriver:
		if strings.TrimSpace(a.Name) == "" {
			a.Name = r.Lang.T(i18n.NewDriverName)
		}
		return a
	}
	return e
}
