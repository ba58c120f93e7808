// Package browser is the only code of the interface that touches the
// window: storage, the address, the clipboard, files, postMessage, Intl
// and timers. It turns the browser's events into state actions and runs
// the effects the state asks for (docs/ARCHITECTURE.md).
package browser

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// dispatcherState is the go-app state under which the root component
// leaves its dispatch, for Send.
const dispatcherState = "valuecalc/dispatch"

// dispatcher is the root component's dispatch and context, as a go-app
// state value.
type dispatcher struct {
	dispatch func(state.Action)
	ctx      app.Context
}

// Serve makes dispatch the receiver of every Send. The root component
// calls it with its own context when it mounts: it alone reduces actions,
// and it is never removed.
func Serve(ctx app.Context, dispatch func(state.Action)) {
	ctx.SetState(dispatcherState, dispatcher{dispatch, ctx})
}

// Send hands a to the root component, which reduces it at once, in the
// same turn of go-app's loop as the event that sent it: the state and the
// screen never lag behind what was typed (a field rendered from an older
// state would put back the text before the last keystroke).
func Send(ctx app.Context, a state.Action) {
	var d dispatcher
	ctx.GetState(dispatcherState, &d)
	if d.dispatch != nil {
		d.dispatch(a)
	}
}

// sendLater sends a from outside go-app's loop (a promise, a timer of the
// browser's), through the root's context: go-app drops what is dispatched
// from the context of an element that is gone by then, such as the file
// input of a closed dialog.
func sendLater(ctx app.Context, a state.Action) {
	var d dispatcher
	ctx.GetState(dispatcherState, &d)
	if d.dispatch != nil {
		d.ctx.Dispatch(func(app.Context) { d.dispatch(a) })
	}
}

// Browser runs effects and listens to the window for the root component.
// Its context is the root's: timers and callbacks dispatch from a context
// that outlives every element.
type Browser struct {
	ctx               app.Context
	now               func(state.Action) state.State // reduces at once, for a page going away, and returns the state after
	release           []func()
	controlledAtStart bool                   // a service worker served this page
	simGen            uint64                 // the simulation that runs: a new one or a stop moves it on
	pageTitle         string                 // the page's own title, in the interface's language
	docTitle          string                 // the document's title while the report shows, else ""
	quiet             map[string]*time.Timer // WhenQuiet's waits, by the type of what each sends
	kept              app.Value              // what had the focus when a dialog opened (KeepFocus)
	// The grid's window (window.go): the grid to watch for size changes,
	// the window last sent and the one shown when it was.
	observeGrid         func(grid app.Value)
	sentWindow, sentFor state.GridWindow
}

// StartAction is what the state needs to know of the page to start. It
// reads the window and touches nothing: the root reduces it before its
// first render, so the first tree go-app mounts is the page itself, the
// same markup as the prerendered HTML it replaces (no flash, no jump).
func StartAction() state.Start {
	loc := app.Window().Get("location")
	var seed [8]byte
	rand.Read(seed[:])
	return state.Start{
		Query:          strings.TrimPrefix(loc.Get("search").String(), "?"),
		Hash:           loc.Get("hash").String(),
		Base:           loc.Get("origin").String() + loc.Get("pathname").String(),
		Seed:           binary.LittleEndian.Uint64(seed[:]),
		StorageBlocked: StorageBlocked(),
		Today:          time.Now().Format("2006-01-02"),
		Day:            time.Now().Format("2 Jan"),
		Langs:          navigatorLangs(),
		Brand:          readBrand(),
		SavedLang:      savedLang(),
		Framed:         framed(),
	}
}

// framed reports whether the page is inside a frame. It compares
// window.self with window.top and nothing more: reading any property of
// a top window of another origin throws, which would stop app.wasm.
func framed() bool {
	w := app.Window()
	return !w.Get("self").Equal(w.Get("top"))
}

// Listen installs the window's listeners for a page started with start.
// now reduces an action at once, not on the next turn of the UI loop, and
// returns the state it leaves: a page going away saves before it is
// frozen, and asks to stay while that leaves work unsaved.
func Listen(ctx app.Context, start state.Start, now func(state.Action) state.State) *Browser {
	b := &Browser{ctx: ctx, now: now}
	win := app.Window()
	b.controlledAtStart = servedByWorker()
	b.pageTitle = win.Get("document").Get("title").String()
	b.listenKeys()
	b.listenPage()
	b.listenDrops()
	if q, err := url.ParseQuery(start.Query); err == nil && q.Get("embed") == "1" {
		b.listenHost()
	}
	b.watchUpdates()
	b.watchGrid()
	keepWasm()
	return b
}

// keepWasm asks the service worker to keep the app.wasm that runs here.
// On a first visit the worker installs while the page downloads app.wasm;
// told that the page has it, the worker takes it from the browser's HTTP
// cache instead of downloading it a second time
// (cmd/valuecalc/app-worker.js). A worker that has it already does
// nothing.
func keepWasm() {
	defer warnRecovered("asking the service worker to keep app.wasm")
	win := app.Window()
	// Through Reflect.get: reading navigator.serviceWorker throws in a
	// frame without its own origin, and a throwing read would stop the
	// program.
	sw := win.Get("Reflect").Call("get", win.Get("navigator"), "serviceWorker")
	if !sw.Truthy() {
		return
	}
	var ready app.Func
	ready = app.FuncOf(func(this app.Value, args []app.Value) any {
		ready.Release()
		if len(args) > 0 {
			if w := args[0].Get("active"); w.Truthy() {
				w.Call("postMessage", "valuecalc:keep-wasm")
			}
		}
		return nil
	})
	sw.Get("ready").Call("then", ready)
}

// servedByWorker reports whether a service worker served this page. Asking
// whether one controls it now is not the same: the page shows while app.wasm
// loads, and on a slow network the first install may finish and claim the
// page before the wasm runs, which go-app then reports as an update.
func servedByWorker() bool {
	defer warnRecovered("performance navigation timing")
	win := app.Window()
	if p := win.Get("performance"); p.Truthy() && p.Get("getEntriesByType").Truthy() {
		if nav := p.Call("getEntriesByType", "navigation"); nav.Length() > 0 {
			return nav.Index(0).Get("workerStart").Float() > 0
		}
	}
	sw := win.Get("navigator").Get("serviceWorker")
	return sw.Truthy() && sw.Get("controller").Truthy()
}

// Close removes the window's listeners.
func (b *Browser) Close() {
	for _, f := range b.release {
		f()
	}
	b.release = nil
	for _, t := range b.quiet {
		t.Stop()
	}
}

// send dispatches a from a JavaScript callback, on the UI goroutine.
func (b *Browser) send(a state.Action) { sendLater(b.ctx, a) }

// UpdateReady reports whether a new version, installed over the one that
// served this page, is ready. go-app also reports the first install as an
// update: only a page a worker served has an older version.
func (b *Browser) UpdateReady(ctx app.Context) bool {
	return ctx.AppUpdateAvailable() && b.controlledAtStart
}

// Run carries out the effects the state asked for, a state go-app renders
// on its next frame.
func (b *Browser) Run(effects []state.Effect) {
	for _, e := range effects {
		b.run(e, false)
	}
}

// RunRendered is Run for the effects of a state already on screen: the
// one the root was mounted with.
func (b *Browser) RunRendered(effects []state.Effect) {
	for _, e := range effects {
		b.run(e, true)
	}
}

func (b *Browser) run(e state.Effect, rendered bool) {
	win := app.Window()
	switch e := e.(type) {
	case state.After:
		b.ctx.After(e.Delay, func(ctx app.Context) { Send(ctx, e.Then) })
	case state.WhenIdle:
		b.whenIdle(e.Then)
	case state.WhenQuiet:
		b.whenQuiet(e.Delay, e.Then)
	case state.AfterFrame:
		// go-app runs what is deferred once the frame's render is done;
		// what that dispatches renders on go-app's next tick, a task of
		// its own, after the browser has painted this one.
		b.ctx.Defer(func(app.Context) { b.send(e.Then) })
	case state.Post:
		post(e.Target, e.Data)
	case state.Warn:
		win.Get("console").Call("warn", e.Console)
	case state.Download:
		if download(e.FileName, e.MIME, e.Data) && e.Done != nil {
			b.send(e.Done)
		}
	case state.KeepFocus:
		b.kept = win.Get("document").Get("activeElement")
	case state.ReturnFocus:
		// After the render that takes the dialog away.
		kept := b.kept
		b.kept = nil
		b.ctx.Defer(func(app.Context) {
			if kept != nil && kept.Truthy() && kept.Get("isConnected").Bool() {
				kept.Call("focus")
			}
		})
	case state.CopyText:
		b.copy(e.Text)
	case state.SelectText:
		if in := win.GetElementByID(e.ID); in.Truthy() {
			in.Call("focus")
			in.Call("select")
		}
	case state.CleanURL:
		cleanURL(e)
	case state.OpenTab:
		win.Call("open", e.URL, "_blank", "noopener")
	case state.Reload:
		b.ctx.Reload()
	case state.PrintPage:
		win.Call("print")
	case state.Simulate:
		b.simulate(e)
	case state.StopSimulation:
		b.stopSimulation()
	case state.FocusElement:
		// After the render that adds the element.
		b.ctx.Defer(func(app.Context) { focusElement(e.ID) })
	case state.Fullscreen:
		b.fullscreen(e.On)
	case state.SetStyle:
		setStyle(e.Properties)
	case state.SetPageLang:
		// <html lang> says the language of the text on screen: it
		// changes in the same task as that text, after the frame's
		// render (an action's effects run before go-app renders, in a
		// task of their own). Set at once, a screen reader read the
		// English page as German for a frame; so did a test.
		if rendered {
			b.setPageLang(e)
		} else {
			b.ctx.Defer(func(app.Context) { b.setPageLang(e) })
		}
	case state.RememberLang:
		// Best effort: a browser that refuses storage asks again next time.
		_ = LocalStorage{}.Set(langKey, string(e.Lang))
	case state.SetDocTitle:
		b.docTitle = e.Text
		t := e.Text
		if t == "" {
			t = b.pageTitle
		}
		win.Get("document").Set("title", t)
	}
}

// setPageLang sets <html lang> and the page's title in that language,
// unless a document's title names the page.
func (b *Browser) setPageLang(e state.SetPageLang) {
	b.pageTitle = e.Title
	doc := app.Window().Get("document")
	doc.Get("documentElement").Set("lang", string(e.Lang))
	if b.docTitle == "" {
		doc.Set("title", e.Title)
	}
}

// focusElement scrolls element id into view and focuses it.
func focusElement(id string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	el.Call("scrollIntoView", map[string]any{"block": "center"})
	el.Call("focus", map[string]any{"preventScroll": true})
}

// fullscreen asks to fill the screen, or to leave it. A browser that
// refuses (no API, no user gesture, an iframe without permission) is
// reported: the presentation then fills the window alone.
func (b *Browser) fullscreen(on bool) {
	doc := app.Window().Get("document")
	if !on {
		if doc.Get("fullscreenElement").Truthy() {
			doc.Call("exitFullscreen")
		}
		return
	}
	el := doc.Get("documentElement")
	if !el.Get("requestFullscreen").Truthy() || !doc.Get("fullscreenEnabled").Truthy() {
		Send(b.ctx, state.FullscreenRefused{})
		return
	}
	var failed app.Func
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		failed.Release()
		b.send(state.FullscreenRefused{})
		return nil
	})
	el.Call("requestFullscreen").Call("catch", failed)
}

// whenIdle sends a when the browser is next idle, or after a second at
// the latest. Saving a 200 × 5 model takes ~10 ms; at a random moment it
// delays the keystroke that comes in meanwhile, while in the idle time
// after a repaint it lands between keystrokes. Without
// requestIdleCallback (Safari), a is sent at once.
func (b *Browser) whenIdle(a state.Action) {
	w := app.Window()
	if !w.Get("requestIdleCallback").Truthy() {
		Send(b.ctx, a)
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		cb.Release()
		b.send(a)
		return nil
	})
	w.Call("requestIdleCallback", cb, map[string]any{"timeout": 1000})
}

// whenQuiet sends a when the browser is idle after d without another
// whenQuiet of an action of a's type: each call starts the wait again, for
// the last one. The wait is a Go timer, not a dispatch: a keystroke that
// restarts it renders nothing more.
func (b *Browser) whenQuiet(d time.Duration, a state.Action) {
	key := fmt.Sprintf("%T", a)
	if t := b.quiet[key]; t != nil {
		t.Stop()
	}
	if b.quiet == nil {
		b.quiet = map[string]*time.Timer{}
	}
	b.quiet[key] = time.AfterFunc(d, func() { b.whenIdle(a) })
}

// post sends JSON data to the embedding page, if there is one.
func post(target string, data []byte) {
	win := app.Window()
	parent := win.Get("parent")
	if !parent.Truthy() || parent.Equal(win.JSValue()) {
		return // not in a frame
	}
	parent.Call("postMessage", win.Get("JSON").Call("parse", string(data)), target)
}

// copy puts text on the clipboard and reports whether it could.
func (b *Browser) copy(text string) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		Send(b.ctx, state.Copied{OK: false})
		return
	}
	var done, failed app.Func
	release := func() { done.Release(); failed.Release() }
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		b.send(state.Copied{OK: true})
		release()
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		b.send(state.Copied{OK: false})
		release()
		return nil
	})
	clip.Call("writeText", text).Call("then", done, failed)
}

// cleanURL takes the share link or the template out of the address bar.
func cleanURL(e state.CleanURL) {
	win := app.Window()
	loc := win.Get("location")
	search, hash := loc.Get("search").String(), loc.Get("hash").String()
	if e.Template {
		if q, err := url.ParseQuery(strings.TrimPrefix(search, "?")); err == nil && q.Has("template") {
			q.Del("template")
			search = q.Encode()
			if search != "" {
				search = "?" + search
			}
		}
	}
	if e.Hash {
		hash = ""
	}
	win.Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+search+hash)
}

// addListener calls fn with each event of the type named on target,
// until Close.
func (b *Browser) addListener(target app.Value, event string, fn func(ev app.Value)) {
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		fn(args[0])
		return nil
	})
	target.Call("addEventListener", event, f)
	b.release = append(b.release, func() {
		target.Call("removeEventListener", event, f)
		f.Release()
	})
}

// listenKeys turns Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y) into undo
// and redo, and Escape into closing what is open.
func (b *Browser) listenKeys() {
	b.addListener(app.Window(), "keydown", func(ev app.Value) {
		if !(ev.Get("ctrlKey").Bool() || ev.Get("metaKey").Bool()) {
			if ev.Get("key").String() == "Escape" {
				b.send(state.Escape{})
			}
			return
		}
		switch key := ev.Get("key").String(); {
		case (key == "z" || key == "Z") && ev.Get("shiftKey").Bool(), key == "y" || key == "Y":
			ev.Call("preventDefault")
			b.send(state.Redo{})
		case key == "z" || key == "Z":
			ev.Call("preventDefault")
			b.send(state.Undo{})
		}
	})
}

// listenPage reports the page going away (save now), a link pasted into
// the address bar, and other tabs' saves.
func (b *Browser) listenPage() {
	win := app.Window()
	hidden := func(app.Value) {
		// The page may not come back: save now, not after the delay. The
		// save must run before the browser freezes the page, so it is
		// reduced here rather than sent.
		b.now(state.PageHidden{})
	}
	b.addListener(win, "pagehide", hidden)
	// Registered once, for the page's life: whether to ask is the
	// state's, read when the page is about to go. The save is tried
	// first, so a tab closed within the autosave's delay asks nothing
	// when storage takes it. The browser shows its own words, and only
	// once the user has interacted with the page.
	b.addListener(win, "beforeunload", func(ev app.Value) {
		st := b.now(state.PageHidden{})
		b.ctx.Dispatch(nil) // show what the save did, should the user stay
		if st.Unsaved() {
			ev.Call("preventDefault")
			ev.Set("returnValue", true) // older browsers ask only for this
		}
	})
	b.addListener(win.Get("document"), "visibilitychange", hidden)
	b.addListener(win.Get("document"), "fullscreenchange", func(app.Value) {
		if !win.Get("document").Get("fullscreenElement").Truthy() {
			b.send(state.FullscreenLeft{})
		}
	})
	b.addListener(win, "hashchange", func(app.Value) {
		b.send(state.HashChanged{Hash: win.Get("location").Get("hash").String()})
	})
	b.addListener(win, "storage", func(ev app.Value) {
		key := ev.Get("key")
		k := ""
		if key.Type() == app.TypeString {
			k = key.String()
		}
		b.send(state.StorageChanged{Key: k})
	})
}

// listenHost reports messages from other windows and the content's height
// to an embed's state.
func (b *Browser) listenHost() {
	win := app.Window()
	b.addListener(win, "message", func(ev app.Value) {
		defer warnRecovered("a message from another window") // a message of any shape must not stop the app
		data := ev.Get("data")
		if data.Type() != app.TypeObject {
			return
		}
		raw := win.Get("JSON").Call("stringify", data)
		if raw.Type() != app.TypeString {
			return
		}
		b.send(state.HostMessage{
			Origin:     ev.Get("origin").String(),
			FromParent: ev.Get("source").Equal(win.Get("parent")),
			Data:       raw.String(),
		})
	})
	body := win.Get("document").Get("body")
	resize := app.FuncOf(func(this app.Value, args []app.Value) any {
		h := int(math.Ceil(body.Call("getBoundingClientRect").Get("height").Float()))
		b.send(state.Resized{Height: h})
		return nil
	})
	observer := win.Get("ResizeObserver").New(resize)
	observer.Call("observe", body)
	b.release = append(b.release, func() {
		observer.Call("disconnect")
		resize.Release()
	})
}

// updateInterval is how often an open tab asks for a new version.
const updateInterval = 30 * time.Minute

// watchUpdates asks for a new version when the tab comes back into view
// and every half hour (go-app v10 checks only at start).
func (b *Browser) watchUpdates() {
	doc := app.Window().Get("document")
	b.addListener(doc, "visibilitychange", func(app.Value) {
		if doc.Get("visibilityState").String() == "visible" {
			app.TryUpdate()
		}
	})
	var tick func(ctx app.Context)
	tick = func(ctx app.Context) {
		app.TryUpdate()
		ctx.After(updateInterval, tick)
	}
	b.ctx.After(updateInterval, tick)
}

// warnRecovered, deferred around a JavaScript call that can throw (which
// syscall/js raises as a panic), stops the panic and says what it caught
// in the console.
func warnRecovered(what string) {
	if r := recover(); r != nil {
		app.Window().Get("console").Call("warn", fmt.Sprintf("valuecalc: %s failed: %v", what, r))
	}
}

// Now is the time, in Unix milliseconds: the Store's clock for the time
// of a save. Only the browser reads the clock.
func Now() int64 { return time.Now().UnixMilli() }

// MarkReady tells tests and the bench that the app has started.
func MarkReady() {
	app.Window().Get("document").Get("body").Call("setAttribute", "data-ready", "1")
}

// maxFile is the size of the largest file read for an import.
const maxFile = calc.MaxInputSize

// langKey is where the language chosen in the app is remembered.
const langKey = "valuecalc/v1/lang"

// savedLang is the language chosen in the app on an earlier visit, if any.
func savedLang() string {
	l, _, _ := LocalStorage{}.Get(langKey)
	return l
}

// navigatorLangs is the browser's languages, preferred first.
func navigatorLangs() (langs []string) {
	defer warnRecovered("navigator.languages")
	nav := app.Window().Get("navigator")
	if l := nav.Get("languages"); l.Truthy() {
		for i := 0; i < l.Length(); i++ {
			langs = append(langs, l.Index(i).String())
		}
	}
	if len(langs) == 0 && nav.Get("language").Truthy() {
		langs = append(langs, nav.Get("language").String())
	}
	return langs
}
