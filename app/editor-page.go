package app

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

// saveDelay is how long the editor waits after an edit before saving, so
// that typing saves once per pause, still within a second, and saving a
// large model does not land on every other keystroke.
const saveDelay = 700 * time.Millisecond

// draft is the raw text of a field being typed, and what is wrong with it.
// The model only ever holds valid values; the draft keeps the user's text.
type draft struct {
	Text string
	Err  string
}

// notice is a short message at the bottom of the screen, with an optional
// undo of what it reports.
type notice struct {
	Text   string
	Undo   func(ctx app.Context)
	IsErr  bool
	serial int
}

// Editor is the calculator: settings, items and scenarios, live results
// and charts, the library of saved assessments, undo and redo. It owns the
// state; everything it shows is rendered from it.
type Editor struct {
	app.Compo

	hist    History
	result  calc.Result
	docID   string
	rev     int  // the library revision this tab loaded or saved last
	saved   bool // whether the document is in the library
	drafts  map[string]draft
	pending map[string]cellSetting
	focus   string // the scenario the waterfall shows
	// tablesOpen holds the charts whose "Show as table" is open, by
	// chart id: see chartData.
	tablesOpen map[string]bool

	lib       Library
	list      []Meta
	panel     string // "" or "library"
	confirm   *calc.Mode
	notice    notice
	saveErr   string
	conflict  bool
	dirty     bool
	saveTimer bool
	num       *numbers
	release   []func()

	// shared is set while a share link's model is on screen: read-only,
	// never saved, until the user saves a copy.
	shared       bool
	linkErr      string   // why the link in the URL did not open
	linkProblems []string // the problems of the model in it
	shareStatus  string

	view       string // "" (the editor) or "report"
	explain    *explainTarget
	importErr  string
	importList []string
	dragging   bool
	em         embedding                   // shown in an iframe on another site (?embed=1)
	update     bool                        // a new version is installed: reload to use it
	handlers   map[string]app.EventHandler // by element id: see on
	// The grid is a component that renders again only when gridRev
	// changes or an event inside it asks, and an edit inside one row
	// renders that row alone: see inRow.
	grid    *gridView
	gridRev uint64
	// ctx is the editor's own context. Timers must use it: go-app drops
	// what is dispatched from the context of an element that is gone, such
	// as the Delete button of a deleted row, and the autosave with it.
	ctx               app.Context
	mounted           bool      // OnMount has run: see renderOpening
	controlledAtStart bool      // a service worker served this page
	damaged           []Damaged // saved records set aside at start, to tell the user
	setAside          []Damaged // all records set aside, listed in the library
}

// OnMount opens the assessment asked for by the URL, or the last one, and
// listens for the keyboard shortcuts and for the page going away.
func (e *Editor) OnMount(ctx app.Context) {
	e.ctx, e.mounted = ctx, true
	if sw := app.Window().Get("navigator").Get("serviceWorker"); sw.Truthy() {
		e.controlledAtStart = sw.Get("controller").Truthy()
	}
	e.num = newNumbers()
	e.em = parseEmbedding(strings.TrimPrefix(app.Window().Get("location").Get("search").String(), "?"))
	e.lib = Library{Store: browserStorage{}}
	if e.em.on {
		// An embed writes nothing to the visitor's saved assessments.
		e.lib = Library{Store: MemStorage{}}
	} else if damaged, err := e.lib.Repair(); err != nil {
		e.saveErr = "Your saved assessments could not be checked: " + err.Error() + "."
	} else {
		e.damaged = damaged
	}
	e.open(ctx)
	e.listen(ctx)
	e.listenDrops(ctx)
	if e.em.on {
		e.startEmbed(ctx)
	}
	e.watchUpdates(ctx)
	app.Window().Get("document").Get("body").Call("setAttribute", "data-ready", "1")
}

// OnDismount stops listening to the window.
func (e *Editor) OnDismount() {
	for _, f := range e.release {
		f()
	}
	e.release = nil
}

// open picks the starting assessment: the model of a share link
// (#model=), a template named by ?template=, the assessment open last, the
// most recent one, or the first template.
func (e *Editor) open(ctx app.Context) {
	e.refreshList()
	if e.openLink(ctx) {
		return
	}
	if e.em.on {
		id, _ := templateParam(false)
		if _, ok := examples.Get(id); !ok && id != blankTemplate {
			id = examples.List()[0].ID
		}
		e.newFromTemplate(ctx, id)
		return
	}
	e.openOwn(ctx)
}

// openOwn opens the user's own work, or the template the URL names.
func (e *Editor) openOwn(ctx app.Context) {
	if id, _ := templateParam(false); id != "" {
		if _, ok := examples.Get(id); ok || id == blankTemplate {
			e.newFromTemplate(ctx, id)
			return
		}
		e.say(ctx, notice{Text: "There is no template “" + id + "”. Opened your last assessment instead.", IsErr: true})
	}
	for _, id := range []string{e.lib.Current(), firstID(e.list)} {
		if id == "" {
			continue
		}
		if err := e.load(ctx, id); err == nil {
			return
		}
	}
	e.newFromTemplate(ctx, examples.List()[0].ID)
}

func firstID(list []Meta) string {
	if len(list) == 0 {
		return ""
	}
	return list[0].ID
}

// blankTemplate is the id of the empty starting point.
const blankTemplate = "blank"

// newFromTemplate starts a new, not yet saved assessment from a template.
func (e *Editor) newFromTemplate(ctx app.Context, id string) {
	m := calc.NewModel()
	m.Title = "New assessment"
	if t, ok := examples.Get(id); ok {
		if tm, err := calc.Decode(t.Data); err == nil {
			m = tm
		}
	}
	e.show(ctx, newDocID(), m, 0, false)
}

// load opens a saved assessment.
func (e *Editor) load(ctx app.Context, id string) error {
	m, rev, err := e.lib.Load(id)
	if err != nil {
		return err
	}
	e.show(ctx, id, m, rev, true)
	e.lib.SetCurrent(id)
	return nil
}

// show makes m the assessment on screen, with a fresh history.
func (e *Editor) show(ctx app.Context, id string, m calc.Model, rev int, saved bool) {
	e.hist = NewHistory(m)
	e.shared, e.explain = false, nil
	e.docID, e.rev, e.saved = id, rev, saved
	e.drafts, e.pending = map[string]draft{}, map[string]cellSetting{}
	e.conflict, e.saveErr, e.dirty = false, blockedMessage(), false
	e.focus = ""
	e.evaluate()
}

func (e *Editor) evaluate() {
	e.gridRev++ // the model changed: the grid may show it anywhere
	e.result = calc.Evaluate(e.hist.Present())
	if scenarioIndex(e.hist.Present(), e.focus) < 0 {
		e.focus = e.result.Best
	}
}

func newDocID() string {
	var b [6]byte
	rand.Read(b[:])
	return "a" + hex.EncodeToString(b[:])
}

// listen installs the window listeners: Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z
// (or Ctrl+Y) for undo and redo, Escape to close a panel, and a last save
// when the page is hidden or closed.
func (e *Editor) listen(ctx app.Context) {
	win := app.Window()
	e.addListener(win, "keydown", func(ev app.Value) {
		if !(ev.Get("ctrlKey").Bool() || ev.Get("metaKey").Bool()) {
			if ev.Get("key").String() == "Escape" {
				ctx.Dispatch(func(ctx app.Context) { e.panel, e.confirm, e.explain = "", nil, nil })
			}
			return
		}
		switch key := ev.Get("key").String(); {
		case (key == "z" || key == "Z") && ev.Get("shiftKey").Bool(), key == "y" || key == "Y":
			ev.Call("preventDefault")
			ctx.Dispatch(e.redo)
		case key == "z" || key == "Z":
			ev.Call("preventDefault")
			ctx.Dispatch(e.undo)
		}
	})
	flush := func(app.Value) {
		// The page may not come back: save now, not after the delay.
		if e.dirty {
			e.save()
		}
	}
	e.addListener(win, "pagehide", flush)
	e.addListener(win.Get("document"), "visibilitychange", flush)
	e.addListener(win, "hashchange", func(app.Value) {
		// A share link pasted into the address bar of an open tab.
		ctx.Dispatch(func(ctx app.Context) {
			e.save()
			if e.openLink(ctx) {
				e.panel, e.view = "", ""
			}
		})
	})
	e.addListener(win, "storage", func(ev app.Value) {
		// Another tab saved: follow it, or say so if this tab has edits of
		// its own that saving would overwrite.
		key := ev.Get("key")
		if key.Type() != app.TypeString || key.String() != keyDoc+e.docID {
			if key.Type() != app.TypeString || key.String() == keyIndex {
				ctx.Dispatch(func(ctx app.Context) { e.refreshList() })
			}
			return
		}
		ctx.Dispatch(func(ctx app.Context) { e.otherTabSaved(ctx) })
	})
}

// whenIdle runs f on the UI goroutine when the browser is next idle, or
// after a second at the latest. Saving a 200 × 5 model takes ~10 ms; at a
// random moment it delays the keystroke that comes in meanwhile, while in
// the idle time after a repaint it lands between keystrokes. Without
// requestIdleCallback (Safari), f is dispatched at once.
func whenIdle(ctx app.Context, f func(app.Context)) {
	w := app.Window()
	if !w.Get("requestIdleCallback").Truthy() {
		ctx.Dispatch(f)
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		cb.Release()
		ctx.Dispatch(f)
		return nil
	})
	w.Call("requestIdleCallback", cb, map[string]any{"timeout": 1000})
}

// addListener calls fn with each event of the type named on target, until
// the editor is dismounted.
func (e *Editor) addListener(target app.Value, event string, fn func(ev app.Value)) {
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		fn(args[0])
		return nil
	})
	target.Call("addEventListener", event, f)
	e.release = append(e.release, func() {
		target.Call("removeEventListener", event, f)
		f.Release()
	})
}

// apply runs an action through the history; a refused action is shown as
// a notice and changes nothing.
func (e *Editor) apply(ctx app.Context, a Action) bool {
	if e.shared {
		e.say(ctx, notice{Text: "This shared assessment is read-only: save a copy to edit it.", IsErr: true})
		return false
	}
	h, err := e.hist.Apply(a)
	if err != nil {
		e.say(ctx, notice{Text: capitalize(err.Error()) + ".", IsErr: true})
		return false
	}
	e.hist = h
	e.changed(ctx)
	return true
}

// changed recomputes the results and schedules the autosave.
func (e *Editor) changed(ctx app.Context) {
	e.evaluate()
	e.postResult()
	if !e.saved && !e.em.on && !e.shared {
		// The first edit makes the template's copy the user's work: a
		// reload, even before the autosave, must show it (the page saves
		// when it goes away), not a fresh copy of the template.
		templateParam(true)
	}
	e.dirty = true
	if !e.saveTimer {
		e.saveTimer = true
		e.ctx.After(saveDelay, func(ctx app.Context) {
			whenIdle(ctx, func(ctx app.Context) {
				e.saveTimer = false
				e.save()
			})
		})
	}
}

// save writes the assessment to the library. It never overwrites another
// tab's newer save, and reports storage that refuses the write; the work
// stays on screen either way.
func (e *Editor) save() {
	if !e.dirty || e.conflict || e.shared {
		return
	}
	rev, err := e.lib.Save(e.docID, e.hist.Present(), e.rev, time.Now().UnixMilli())
	switch {
	case errors.Is(err, ErrConflict):
		e.conflict = true
		return
	case err != nil:
		e.saveErr = "Not saved: " + err.Error() + ". Your work is kept on this page."
		return
	}
	if !e.saved && !e.em.on {
		// Saved work now stands for the template the URL asked for: a
		// reload must show it, not a fresh copy of the template.
		templateParam(true)
	}
	e.rev, e.saved, e.dirty = rev, true, false
	e.saveErr = blockedMessage() // saved in memory only: the warning stays
	e.lib.SetCurrent(e.docID)
	e.refreshList()
}

func (e *Editor) refreshList() {
	list, err := e.lib.List()
	if err != nil {
		e.saveErr = err.Error()
	}
	e.list = list
}

// refreshSetAside reads the records set aside, for the library panel. It
// walks every stored key, so it runs when the panel opens, not on saves.
func (e *Editor) refreshSetAside() {
	e.setAside, _ = e.lib.DamagedList()
}

func (e *Editor) undo(ctx app.Context) {
	if !e.hist.CanUndo() {
		return
	}
	e.hist = e.hist.Undo()
	e.drafts = map[string]draft{}
	e.changed(ctx)
}

func (e *Editor) redo(ctx app.Context) {
	if !e.hist.CanRedo() {
		return
	}
	e.hist = e.hist.Redo()
	e.drafts = map[string]draft{}
	e.changed(ctx)
}

// say shows a notice for a few seconds.
func (e *Editor) say(ctx app.Context, n notice) {
	n.serial = e.notice.serial + 1
	e.notice = n
	e.ctx.After(8*time.Second, func(ctx app.Context) {
		if e.notice.serial == n.serial {
			e.notice = notice{serial: n.serial}
		}
	})
}

// onField handles typing into the field key: a valid value becomes an
// action at once (live results); an invalid one stays as a draft with its
// message, and the model keeps its last valid value.
func (e *Editor) onField(key string) app.EventHandler {
	h := func(ctx app.Context, ev app.Event) {
		if e.shared {
			return
		}
		text := ctx.JSSrc().Get("value").String()
		m := e.hist.Present()
		if sm, ok := e.cellOf(key); ok && m.Mode == calc.ModeMoney {
			// Clearing a value and typing another keeps its unit and
			// recurrence.
			e.pending[key] = moneySetting(m, sm[0], sm[1], e.pending)
		}
		a, err := fieldAction(m, key, text, e.pending)
		if err == nil {
			var h History
			if h, err = e.hist.Apply(a); err == nil {
				e.hist = h
				e.drafts[key] = draft{Text: text}
				e.changed(ctx)
				return
			}
		}
		e.drafts[key] = draft{Text: text, Err: capitalize(err.Error()) + "."}
	}
	return e.fieldHandler(key, h)
}

// cellOf returns the scenario and item of a cell's value field key.
func (e *Editor) cellOf(key string) ([2]string, bool) {
	parts := strings.Split(key, "/")
	if len(parts) != 3 || parts[0] != "entry" {
		return [2]string{}, false
	}
	return [2]string{parts[1], parts[2]}, true
}

// onFieldDone drops a valid draft when the field loses focus, so the field
// shows the value as the model holds it.
func (e *Editor) onFieldDone(key string) app.EventHandler {
	h := func(ctx app.Context, ev app.Event) {
		if d, ok := e.drafts[key]; ok && d.Err == "" {
			delete(e.drafts, key)
		}
	}
	return e.fieldHandler(key, h)
}

// on registers h as what happens on the element with id, and returns the
// handler to attach to it. go-app keeps an element's old handler when the
// new one comes from the same function literal (it compares code pointers),
// so a handler that captured a row's id would go on acting on whatever row
// was there before a reorder or a deletion. Every element gets the same
// handler instead, which runs what the latest render registered for the
// element's current id (attributes are always brought up to date).
func (e *Editor) on(id, event string, h app.EventHandler) app.EventHandler {
	if e.handlers == nil {
		e.handlers = map[string]app.EventHandler{}
	}
	e.handlers[id+" "+event] = h
	return e.dispatchByID
}

// dispatchByID runs the handler registered for the event's element and
// type.
func (e *Editor) dispatchByID(ctx app.Context, ev app.Event) {
	if h, ok := e.handlers[ctx.JSSrc().Get("id").String()+" "+ev.Get("type").String()]; ok {
		h(ctx, ev)
	}
}

// onAction returns a handler that applies a fixed action.
func (e *Editor) onAction(a Action) app.EventHandler {
	return func(ctx app.Context, ev app.Event) { e.apply(ctx, a) }
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// OnAppUpdate is go-app telling that a new version is installed.
func (e *Editor) OnAppUpdate(ctx app.Context) {
	// go-app also reports the first install as an update: the worker
	// claims the page, so there is a controller when it activates. Only a
	// page that was already served by a worker has an older version.
	e.update = ctx.AppUpdateAvailable() && e.controlledAtStart
}

// updateInterval is how often an open tab asks for a new version.
const updateInterval = 30 * time.Minute

// watchUpdates asks for a new version when the tab comes back into view
// and every half hour (go-app v10 checks only at start).
func (e *Editor) watchUpdates(ctx app.Context) {
	doc := app.Window().Get("document")
	e.addListener(doc, "visibilitychange", func(app.Value) {
		if doc.Get("visibilityState").String() == "visible" {
			app.TryUpdate()
		}
	})
	var tick func(ctx app.Context)
	tick = func(ctx app.Context) {
		app.TryUpdate()
		ctx.After(updateInterval, tick)
	}
	ctx.After(updateInterval, tick)
}

// reloadForUpdate saves the work on screen, then loads the new version.
func (e *Editor) reloadForUpdate(ctx app.Context) {
	e.save()
	if e.dirty && !e.shared && !e.em.on {
		e.say(ctx, notice{Text: "Your latest edits could not be saved, so the page was not reloaded. Export a file to keep them.", IsErr: true})
		return
	}
	ctx.Reload()
}

// otherTabSaved handles another tab's save of the assessment open here.
func (e *Editor) otherTabSaved(ctx app.Context) {
	if e.shared || e.em.on || !e.saved {
		return
	}
	rev, err := e.lib.Rev(e.docID)
	if err != nil || rev == e.rev {
		return
	}
	if e.dirty || hasErrors(e.drafts) {
		e.conflict = true
		return
	}
	if err := e.load(ctx, e.docID); err == nil {
		e.say(ctx, notice{Text: "Updated with the changes saved in another tab."})
	}
}

func hasErrors(drafts map[string]draft) bool {
	for _, d := range drafts {
		if d.Err != "" {
			return true
		}
	}
	return false
}

// blockedMessage is what the editor says while the browser refuses this
// site its storage, and "" otherwise.
func blockedMessage() string {
	if storageBlocked {
		return "This browser does not allow saving for this site: your work stays on this page only. Download a file (Files) to keep it."
	}
	return ""
}
