package state

import (
	"net/url"
	"strings"

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

// Question is an entry the visitor view asks about (SPEC §6).
type Question struct {
	Scenario, Item string
	ScenarioName   string // "" when the model has one scenario
	ItemName, Note string
	Side           calc.Side
}

// Field is the question's answer field: the entry's value, typed and
// checked as in the editor.
func (q Question) Field() Field { return EntryField(q.Scenario, q.Item) }

// Prompt is the question in plain words: "How would you rate Peace of
// mind?", "How much is Subscription?".
func (q Question) Prompt(l i18n.Lang, mode calc.Mode) string {
	if mode == calc.ModeMoney {
		return l.T(i18n.HowMuchIs, q.ItemName)
	}
	return l.T(i18n.HowRate, q.ItemName)
}

// Text is the whole question, with the scenario first when the model has
// several: "With us: how would you rate Peace of mind?".
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

// Questions lists what the visitor view asks of m, in scenario order and
// then item order: the entries marked ask, or every entry when none is.
func Questions(m calc.Model) []Question {
	marked := false
	for _, s := range m.Scenarios {
		for _, e := range s.Entries {
			if e != nil && e.Ask {
				marked = true
			}
		}
	}
	var qs []Question
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
