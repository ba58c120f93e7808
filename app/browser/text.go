package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// ShowText makes the input or textarea el show text, the state's, where a
// render left it showing something else; was is the text the previous
// render gave it. go-app cannot do it: it drops an empty value, then
// removes the value attribute, which no longer says what an input shows
// once it was typed into or set (GOAPP-NOTES.md). So a model whose cell
// is empty showed the previous model's figure there.
//
// It is called by the one component every text input is (app/textField),
// on its own element, before go-app updates that element.
func ShowText(el app.Value, was, text string) {
	if !el.Truthy() {
		return
	}
	now := el.Get("value").String()
	if now == text {
		return // most fields on most renders: one call into JavaScript
	}
	focused := el.Equal(app.Window().Get("document").Get("activeElement"))
	if overwrite(now, was, text, focused) {
		el.Set("value", text)
	}
}

// overwrite says whether an element showing now, given was by the last
// render, must be given text: when it shows something else, unless the
// user is typing in it something the state has not caught up with yet
// (focused, and now is neither what was rendered nor the state's text).
// Those keys' input events are on their way: overwriting would lose them.
func overwrite(now, was, text string, focused bool) bool {
	if now == text {
		return false
	}
	return !focused || now == was
}
