package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Typed is what the visitor typed or chose in the prerendered page before
// app.wasm ran: go-app replaces that page with its own tree, whose fields
// show the state, so it is read before and replayed after.
type Typed struct {
	fields []typedField
	focus  string // id of the element that had the focus
	start  int    // its selection, if a text field
	end    int
}

type typedField struct {
	id, value string
	checked   bool
	check     bool // a checkbox or radio input: replay checked, not value
	text      bool // a text field: still being typed, so no change event
}

// ReadTyped reads the prerendered page's fields that differ from their
// markup, before go-app replaces them.
func ReadTyped() Typed {
	var t Typed
	doc := app.Window().Get("document")
	if !doc.Truthy() {
		return t
	}
	els := doc.Call("querySelectorAll", "input[id], textarea[id], select[id]")
	for i := 0; i < els.Length(); i++ {
		el := els.Index(i)
		id := el.Get("id").String()
		switch typ := el.Get("type").String(); {
		case typ == "radio" && !el.Get("checked").Bool():
			// Unchecked by checking another of its group, which is
			// replayed: replaying this one too would answer with it.
		case typ == "checkbox" || typ == "radio":
			if c := el.Get("checked").Bool(); c != el.Get("defaultChecked").Bool() {
				t.fields = append(t.fields, typedField{id: id, checked: c, check: true})
			}
		case el.Get("tagName").String() == "SELECT":
			if o := el.Get("selectedOptions"); o.Length() > 0 && !o.Index(0).Get("defaultSelected").Bool() {
				t.fields = append(t.fields, typedField{id: id, value: el.Get("value").String()})
			}
		default:
			if v := el.Get("value").String(); v != el.Get("defaultValue").String() {
				t.fields = append(t.fields, typedField{id: id, value: v, text: true})
			}
		}
	}
	if a := doc.Get("activeElement"); a.Truthy() && a.Get("id").String() != "" {
		t.focus = a.Get("id").String()
		if s := a.Get("selectionStart"); s.Type() == app.TypeNumber {
			t.start, t.end = s.Int(), a.Get("selectionEnd").Int()
		}
	}
	return t
}

// Replay puts what was typed into the live page's fields of the same id
// and sends the events the components listen to, so each edit goes
// through the reducer like one typed now; then gives the focus back.
func (t Typed) Replay() {
	doc := app.Window().Get("document")
	for _, f := range t.fields {
		el := doc.Call("getElementById", f.id)
		if !el.Truthy() {
			continue
		}
		if f.check {
			el.Set("checked", f.checked)
		} else {
			el.Set("value", f.value)
		}
		events := []string{"input", "change"}
		if f.text {
			events = events[:1]
		}
		for _, name := range events {
			el.Call("dispatchEvent", app.Window().Get("Event").New(name, map[string]any{"bubbles": true}))
		}
	}
	if t.focus == "" {
		return
	}
	if el := doc.Call("getElementById", t.focus); el.Truthy() {
		el.Call("focus")
		if el.Get("selectionStart").Type() == app.TypeNumber {
			el.Call("setSelectionRange", t.start, t.end)
		}
	}
}
