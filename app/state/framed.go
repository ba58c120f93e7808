package state

import "github.com/valuecalc/valuecalc/app/i18n"

// Only the embed (?embed=1) is meant to be framed by other sites (SPEC
// §6). The full app, framed by a page of another site, would show that
// site's visitors their own saved assessments and let it overlay the
// editor's buttons (clickjacking). `serve` sends frame-ancestors 'self'
// for such pages, but a static host's headers cannot tell ?embed=1 from
// the rest (README, "Embedding"): so the app itself, framed without
// ?embed=1, opens nothing, reads no storage, and shows a link that opens
// it in a tab of its own.

// startFramed starts the app framed without ?embed=1: started, with
// nothing opened and the library never read.
func (r sharing) startFramed(a Start) {
	r.Framed = true
	r.FramedLink = a.Base
	if a.Query != "" {
		r.FramedLink += "?" + a.Query
	}
	r.Started = true
}

// reduceFramed is the reducer of a framed app: the language can change
// (for this page only: nothing is written to storage); every other
// action, from a key, a drop, the address or the library, is ignored.
func (r *reducer) reduceFramed(a Action) {
	if sl, ok := a.(SetLang); ok {
		if _, known := i18n.Parse(string(sl.Lang)); known {
			r.Lang = sl.Lang
			r.do(r.pageLang())
		}
	}
}
