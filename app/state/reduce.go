package state

import (
	"net/url"

	"github.com/valuecalc/valuecalc/app/i18n"
)

// BlankTemplate is the id of the empty starting point.
const BlankTemplate = "blank"

// Reduce returns the state that results from a, and the effects it asks
// for. It is pure: s is never changed (maps are copied before they are
// written), and all it needs from the world comes in the action.
func Reduce(s State, a Action) (State, []Effect) {
	r := reducer{State: s, before: &s}
	r.reduce(a)
	r.Grid = r.deriveGrid(r.before.Grid)
	if t := r.docTitle(); t != r.before.docTitle() {
		r.do(SetDocTitle{t})
	}
	return r.State, r.effects
}

// docTitle is what the document is named: the assessment's title while
// the report shows (a printed PDF takes its name from it), else "" for
// the page's own.
func (s *State) docTitle() string {
	if !s.Started || s.View != ViewReport {
		return ""
	}
	return s.Model().Title
}

// reducer is one Reduce in progress: the new state and the effects asked
// for so far.
type reducer struct {
	State
	before  *State
	effects []Effect
	typing  bool // the action is a keystroke in a field
}

func (r *reducer) do(e ...Effect) { r.effects = append(r.effects, e...) }

func (r *reducer) reduce(a Action) {
	if r.Framed {
		r.reduceFramed(a)
		return
	}
	switch a := a.(type) {
	case Start:
		r.docs().start(a)
		return
	case SetLang:
		r.setLang(a.Lang)
		return
	}
	// Each concern owns its actions (State): the first that knows a
	// handles it.
	_ = r.document().reduce(a) || r.views().reduce(a) || r.docs().reduce(a) ||
		r.sharing().reduce(a) || r.reduceAnalysis(a)
}

// start opens the app: the embed or the library, then the assessment
// the address asks for.
func (r docs) start(a Start) {
	r.Base, r.seed, r.StorageBlocked, r.Today, r.day = a.Base, a.Seed, a.StorageBlocked, a.Today, a.Day
	r.Brand = a.Brand
	r.Embed = parseEmbedding(a.Query)
	r.Lang = startLang(a, r.Embed.On)
	r.do(r.pageLang())
	if a.Framed && !r.Embed.On {
		r.sharing().startFramed(a)
		return
	}
	r.startAccent(a.Query)
	r.views().startView(a.Query)
	if q, err := url.ParseQuery(a.Query); err == nil && q.Has("template") {
		r.Template = q.Get("template")
		if r.Template == "" {
			r.Template = " " // asked for, naming none
		}
	}
	if q, err := url.ParseQuery(a.Query); err == nil && q.Get("view") == string(ViewReport) {
		r.View = ViewReport
	}
	r.startHash = a.Hash
	r.SaveErr = r.blockedMessage()
	if !r.Embed.On {
		r.do(RepairLibrary{})
	}
	r.do(ReadLibrary{})
}

// startLang is the language the app opens in: ?lang= when it names one
// the interface speaks, else the one chosen in the app before (not in an
// embed, whose host decides), else the brand's, else the browser's.
func startLang(a Start, embed bool) i18n.Lang {
	if q, err := url.ParseQuery(a.Query); err == nil {
		if l, ok := i18n.Parse(q.Get("lang")); ok {
			return l
		}
	}
	if l, ok := i18n.Parse(a.SavedLang); ok && !embed {
		return l
	}
	if a.Brand.Lang != "" {
		return a.Brand.Lang
	}
	return i18n.Match(a.Langs...)
}

// setLang switches the interface to a language chosen in the app and
// remembers it, except in an embed, which writes nothing to storage.
func (r *reducer) setLang(l i18n.Lang) {
	if _, ok := i18n.Parse(string(l)); !ok {
		return
	}
	r.Lang = l
	r.do(r.pageLang())
	if !r.Embed.On {
		r.do(RememberLang{l})
	}
}

// pageLang is the page's language and its title in it.
func (r *reducer) pageLang() SetPageLang {
	if r.Brand.Name != "" {
		return SetPageLang{Lang: r.Lang, Title: r.Brand.Name}
	}
	return SetPageLang{Lang: r.Lang, Title: r.Lang.T(i18n.PageTitle)}
}

func itoa(n int) string { return Plain(float64(n)) }
