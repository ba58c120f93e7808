package app

import (
	"encoding/json"
	"math"
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// The messages of SPEC §6.
const (
	msgReady  = "valuecalc:ready"
	msgResult = "valuecalc:result"
	msgResize = "valuecalc:resize"
	msgLoad   = "valuecalc:load"
)

// embedding is how the app talks to the page that embeds it (?embed=1).
type embedding struct {
	on bool
	// origin is the host page's origin from ?origin=: messages go only
	// there and valuecalc:load is taken only from there. "" means any
	// parent gets messages and no load is taken; an ?origin= that is not
	// an origin leaves target "" too and sends nothing.
	origin string
	target string // postMessage's targetOrigin, "" to send nothing
	height int
}

// parseEmbedding reads ?embed=1 and ?origin= from a URL's query.
func parseEmbedding(query string) embedding {
	q, err := url.ParseQuery(query)
	if err != nil || q.Get("embed") != "1" {
		return embedding{}
	}
	em := embedding{on: true, target: "*"}
	if q.Has("origin") {
		em.origin, em.target = "", ""
		if o, ok := cleanOrigin(q.Get("origin")); ok {
			em.origin, em.target = o, o
		}
	}
	return em
}

// cleanOrigin checks that s is an origin, "https://shop.example" or
// "http://127.0.0.1:8001", and returns it in the form browsers report
// event.origin.
func cleanOrigin(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", false
	}
	return u.Scheme + "://" + u.Host, true
}

// loadMessage is the model of a valuecalc:load message, if data is one:
// the model re-encoded as JSON for calc.Decode.
func loadMessage(data []byte) ([]byte, bool) {
	var msg struct {
		Type  string          `json:"type"`
		Model json.RawMessage `json:"model"`
	}
	if json.Unmarshal(data, &msg) != nil || msg.Type != msgLoad || len(msg.Model) == 0 {
		return nil, false
	}
	return msg.Model, true
}

// resultMessage is the valuecalc:result message for res, as JSON.
func resultMessage(res calc.Result) ([]byte, error) {
	return json.Marshal(struct {
		Type   string      `json:"type"`
		Result calc.Result `json:"result"`
	}{msgResult, res})
}

// post sends a message (JSON) to the host page.
func (em *embedding) post(data []byte) {
	if !em.on || em.target == "" {
		return
	}
	win := app.Window()
	parent := win.Get("parent")
	if !parent.Truthy() || parent.Equal(win.JSValue()) {
		return // not in a frame
	}
	parent.Call("postMessage", win.Get("JSON").Call("parse", string(data)), em.target)
}

func (em *embedding) postJSON(v any) {
	if data, err := json.Marshal(v); err == nil {
		em.post(data)
	}
}

// postResult tells the host the current results.
func (e *Editor) postResult() {
	if !e.em.on {
		return
	}
	if data, err := resultMessage(e.result); err == nil {
		e.em.post(data)
	}
}

// startEmbed announces the app to its host, reports its height whenever
// it changes, and takes models from the host when ?origin= allows.
func (e *Editor) startEmbed(ctx app.Context) {
	e.em.postJSON(map[string]string{"type": msgReady, "format": calc.Format})
	e.postResult()

	body := app.Window().Get("document").Get("body")
	resize := app.FuncOf(func(this app.Value, args []app.Value) any {
		h := int(math.Ceil(body.Call("getBoundingClientRect").Get("height").Float()))
		if h != e.em.height {
			e.em.height = h
			e.em.postJSON(map[string]any{"type": msgResize, "height": h})
		}
		return nil
	})
	observer := app.Window().Get("ResizeObserver").New(resize)
	observer.Call("observe", body)

	e.addListener(app.Window(), "message", func(ev app.Value) {
		// A hostile message (a cyclic object, a BigInt) makes JSON.stringify
		// throw: ignore it rather than let it stop the app.
		defer func() { recover() }()
		data := ev.Get("data")
		if data.Type() != app.TypeObject {
			return
		}
		raw := app.Window().Get("JSON").Call("stringify", data)
		if raw.Type() != app.TypeString {
			return
		}
		text := raw.String()
		if len(text) > calc.MaxInputSize+1024 {
			app.Window().Get("console").Call("warn", "valuecalc: valuecalc:load ignored: the model is larger than 5 MB")
			return
		}
		model, ok := loadMessage([]byte(text))
		if !ok {
			return
		}
		// SPEC §6: loads only from the one origin ?origin= names, and only
		// from the page that embeds us.
		warn := func(why string) { app.Window().Get("console").Call("warn", "valuecalc: valuecalc:load ignored: "+why) }
		switch from := ev.Get("origin").String(); {
		case e.em.origin == "":
			warn("the embed URL has no ?origin= naming the page allowed to load models")
			return
		case from != e.em.origin:
			warn("it came from " + from + ", not " + e.em.origin)
			return
		case !ev.Get("source").Equal(app.Window().Get("parent")):
			warn("it did not come from the embedding page")
			return
		}
		ctx.Dispatch(func(ctx app.Context) { e.hostLoad(ctx, model) })
	})
	e.release = append(e.release, func() {
		observer.Call("disconnect")
		resize.Release()
	})
}

// hostLoad shows a model the host page sent. An invalid one changes
// nothing and posts nothing; the problems go to the console, for the
// host page's developer.
func (e *Editor) hostLoad(ctx app.Context, data []byte) {
	m, err := calc.Decode(data)
	if err != nil {
		app.Window().Get("console").Call("warn", "valuecalc: valuecalc:load ignored: "+err.Error())
		return
	}
	e.show(ctx, newDocID(), m, 0, false)
	e.postResult()
}

// openFull opens the model on screen in the full app, in a new tab.
func (e *Editor) openFull(ctx app.Context, ev app.Event) {
	link, err := shareURL(baseURL(), e.hist.Present())
	if err != nil {
		e.say(ctx, notice{Text: "Could not open it: " + errString(err), IsErr: true})
		return
	}
	app.Window().Call("open", link, "_blank", "noopener")
}

func (e *Editor) renderEmbedBar(m calc.Model) app.UI {
	return app.Header().Class("topbar embed-bar").Body(
		app.Div().Class("title-field").Body(
			app.Label().For("f-title").Class("sr-only").Text("Assessment title"),
			e.textInput("title", "f-title", "Assessment title", "title-input"),
			e.fieldError("title"),
		),
		app.Div().Class("toolbar").Body(
			e.undoButton(), e.redoButton(),
			app.Button().ID("open-full").Class("btn btn-bar").Title("Opens in a new tab, where you can save it").
				OnClick(e.openFull).Text("Open in valuecalc ↗"),
		),
	)
}
