package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// RepairURL makes the address in the browser's location bar one that Go's
// url.Parse accepts, before go-app reads it. go-app ignores the parse
// error and crashes on a nil URL, so a hostile or mangled link such as
// "#model=%%%" would stop the whole app; with the stray "%" escaped the
// app starts and the editor explains what is wrong with the link.
func RepairURL() {
	if app.IsServer {
		return
	}
	loc := app.Window().Get("location")
	href := loc.Get("href").String()
	if fixed := escapeStrayPercents(href); fixed != href {
		app.Window().Get("history").Call("replaceState", nil, "", fixed)
	}
}

// escapeStrayPercents writes every "%" of s that does not start a valid
// escape ("%" and two hex digits) as "%25".
func escapeStrayPercents(s string) string {
	isHex := func(c byte) bool {
		return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			if b == nil {
				b = append(make([]byte, 0, len(s)+8), s[:i]...)
			}
			b = append(b, "%25"...)
			continue
		}
		if b != nil {
			b = append(b, s[i])
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}
