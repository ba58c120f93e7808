package state

import (
	"maps"
	"net/url"
	"strings"
	"unicode"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// ParseView reads ?view=editor|visitor|report from a query (SPEC §6). It
// returns the view to open and whether the address chose it; an embed
// opens on the visitor view unless the address chose another. A value
// that names no view chooses nothing.
func ParseView(query string, embed bool) (View, bool) {
	def := ViewEditor
	if embed {
		def = ViewVisitor
	}
	q, err := url.ParseQuery(query)
	if err != nil || !q.Has("view") {
		return def, false
	}
	switch strings.ToLower(strings.TrimSpace(q.Get("view"))) {
	case "editor":
		return ViewEditor, true
	case "visitor":
		return ViewVisitor, true
	case "report":
		return ViewReport, true
	}
	return def, false
}

// startView sets the view the address asks for, at start. An embed's
// host that chose a view fixes it: its visitors cannot move to another.
// A share link is sent to be read: it opens the report (SPEC §5), unless
// the address chose a view or an embed shows it.
func (r views) startView(query string) {
	r.View, r.viewAsked = ParseView(query, r.Embed.On)
	r.ViewFixed = r.viewAsked && r.Embed.On
	r.linkView = r.View
	if !r.viewAsked && !r.Embed.On {
		r.linkView = ViewReport
	}
}

// setView moves to another view, unless the embed's host fixed it.
func (r views) setView(v View) {
	if r.ViewFixed {
		return
	}
	r.Panel, r.View = PanelNone, v
}

// Question is a driver or an entry the visitor view asks about (SPEC §6).
type Question struct {
	Driver         string // a driver's id: the question is its value; "" for an entry's
	Scenario, Item string // an entry's scenario and item
	ScenarioName   string // "" when the model has one scenario
	ItemName, Note string // the item's or the driver's
	Unit           string // a driver's unit, "agents"
	Side           calc.Side
}

// Field is the question's answer field: the entry's or the driver's
// value, typed and checked as in the editor.
func (q Question) Field() Field {
	if q.Driver != "" {
		return DriverField(FieldDriverValue, q.Driver)
	}
	return EntryField(q.Scenario, q.Item)
}

// Value is the question's figure in m: the driver's or the entry's
// value, and whether it has one.
func (q Question) Value(m calc.Model) (float64, bool) { return fieldNumber(m, q.Field()) }

// Prompt is the question in plain words, worded from the item's name and
// side: "How many support agents do you have?", "What does the
// subscription cost you?", "How would you rate peace of mind?".
func (q Question) Prompt(l i18n.Lang, mode calc.Mode) string {
	k := i18n.AskScoreBenefit
	switch {
	case q.Driver != "":
		k = i18n.AskDriver
	case mode == calc.ModeMoney && q.Side == calc.SideCost:
		k = i18n.AskMoneyCost
	case mode == calc.ModeMoney:
		k = i18n.AskMoneyBenefit
	case q.Side == calc.SideCost:
		k = i18n.AskScoreCost
	}
	return l.T(k, MidSentence(l, q.ItemName))
}

// MidSentence is a name as it reads inside a sentence of language l: in
// English, whose questions put the name mid-sentence, a first word
// written as a sentence's first ("Peace of mind", "Support agents") is
// lower-cased; a word with more capitals, digits or other signs than a
// hyphen or an apostrophe ("CRM", "iPhone", "SLA-backed", "McKinsey",
// "Q4", "C:\temp") or of one letter stays as written.
// French and Spanish questions put the name first, where its capital
// belongs; German writes nouns with a capital.
func MidSentence(l i18n.Lang, name string) string {
	if l != i18n.EN {
		return name
	}
	word, _, _ := strings.Cut(name, " ")
	rs := []rune(word)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return name
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) && r != '-' && r != '\'' && r != '’' {
			return name // "CRM", "Q4", "C:\temp": written so on purpose
		}
	}
	return string(unicode.ToLower(rs[0])) + name[len(string(rs[0])):]
}

// Text is the whole question, with the scenario first when the model has
// several: "With us: how would you rate peace of mind?".
func (q Question) Text(l i18n.Lang, mode calc.Mode) string {
	p := q.Prompt(l, mode)
	if q.ScenarioName == "" {
		return p
	}
	if l == i18n.EN {
		p = strings.ToLower(p[:1]) + p[1:]
	}
	return l.T(i18n.ScenarioQuestion, q.ScenarioName, p)
}

// Questions lists what the visitor view asks of m (SPEC §6): the
// drivers marked ask first (a money model's), then the entries marked
// ask in scenario order and then item order; every entry when nothing is
// marked.
func Questions(m calc.Model) []Question {
	var qs []Question
	marked := false
	if m.Mode == calc.ModeMoney {
		for _, d := range m.Drivers {
			if d.Ask {
				qs = append(qs, Question{Driver: d.ID, ItemName: d.Name, Note: d.Note, Unit: d.Unit})
				marked = true
			}
		}
	}
	for _, s := range m.Scenarios {
		for _, e := range s.Entries {
			if e != nil && e.Ask {
				marked = true
			}
		}
	}
	for _, s := range m.Scenarios {
		for i, it := range m.Items {
			e := s.Entry(i)
			if e == nil || (marked && !e.Ask) {
				continue
			}
			q := Question{Scenario: s.ID, Item: it.ID, ItemName: it.Name, Note: it.Note, Side: it.Side}
			if len(m.Scenarios) > 1 {
				q.ScenarioName = s.Name
			}
			qs = append(qs, q)
		}
	}
	return qs
}

// answered marks field f as answered by the visitor: its question no
// longer shows the model's figure as typical, and the answer is no longer
// of typical figures alone.
func (r views) answered(f Field) {
	if r.View != ViewVisitor || r.Answered[f] {
		return
	}
	r.Answered = maps.Clone(r.Answered)
	if r.Answered == nil {
		r.Answered = map[Field]bool{}
	}
	r.Answered[f] = true
}

// Lead is how far ahead the best scenario of a score model is, in the
// words the visitor view speaks rather than in points.
type Lead uint8

// The leads.
const (
	LeadEven   Lead = iota // about even
	LeadSlight             // a little better
	LeadBetter             // better
	LeadClear              // clearly better
)

// ScoreLead words v, the verdict of a score model m with result res: the
// lead measured against the whole of the best scenario's scale (each
// entry's weight × the scale's length), so that 2 points mean much among
// three items and little among thirty.
func ScoreLead(m calc.Model, v Verdict) Lead {
	j := m.ScenarioIndex(v.BestID)
	if j < 0 || v.Tie || v.RunnerUp == "" {
		return LeadEven
	}
	span := 0.0
	for i, it := range m.Items {
		if e := m.Scenarios[j].Entry(i); e != nil {
			w := it.Weight
			if e.Weight != nil {
				w = *e.Weight
			}
			span += w * float64(m.Scale.Max-m.Scale.Min)
		}
	}
	if span <= 0 {
		return LeadEven
	}
	switch rel := v.Lead / span; {
	case rel >= 0.2:
		return LeadClear
	case rel >= 0.08:
		return LeadBetter
	case rel >= 0.02:
		return LeadSlight
	}
	return LeadEven
}

// ScaleEnds are the words under the ends of a score question's scale: the
// model's labels, else the app's own.
func ScaleEnds(l i18n.Lang, sc calc.Scale, side calc.Side) (low, high string) {
	low, high = l.T(i18n.ScaleNotAtAll), l.T(i18n.ScaleCompletely)
	if side == calc.SideCost {
		low, high = l.T(i18n.ScaleVeryLight), l.T(i18n.ScaleVeryHeavy)
	}
	if sc.MinLabel != "" {
		low = sc.MinLabel
	}
	if sc.MaxLabel != "" {
		high = sc.MaxLabel
	}
	return low, high
}

// CostHint says which way a cost's score runs: "5 = a heavy cost".
func CostHint(l i18n.Lang, sc calc.Scale) string {
	return l.T(i18n.CostHint, sc.Max, sc.Min)
}

// visitorBlank keeps a question's answer when its field is emptied: in
// the visitor view an empty answer is a draft with a message, not a
// deleted entry (which would take the question, and its ask mark, away).
func (r views) visitorBlank(a Input) bool {
	if r.View != ViewVisitor || a.Field.Kind != FieldEntry || strings.TrimSpace(a.Text) != "" {
		return false
	}
	// The message is the one a value out of bounds gets.
	m := r.Model()
	var err error
	if m.Mode == calc.ModeMoney {
		err = checkMoney(-1, MoneySetting(m, a.Field.cell(), r.Pending).Unit == UnitHours)
	} else {
		err = checkScore(float64(m.Scale.Min-1), m.Scale)
	}
	r.setDraft(a.Field, &Draft{Text: a.Text, Err: sentence(r.Lang, err)})
	return true
}

// answersFromLink: a share link opened on the visitor view is the
// visitor's to answer (not a read-only shared copy); the first answer
// makes it their own, so the link leaves the address bar and a reload
// shows the saved answers, not the link's.
func (r views) answersFromLink() {
	if r.linkAnswers && !r.Embed.On {
		r.linkAnswers = false
		r.do(CleanURL{Hash: true})
	}
}
