package app

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// linkFragment finds the share link in a URL fragment: "#m=…" (or a
// link of version 1, "#model=…"), with or without the "#", possibly among
// other "&"-separated parameters. It returns that parameter, its value
// percent-unescaped, for calc.DecodeLink, and reports whether the
// fragment names a model at all, so that "#m=" with nothing after it is
// an empty link, not no link.
func linkFragment(fragment string) (string, bool) {
	for part := range strings.SplitSeq(strings.TrimPrefix(fragment, "#"), "&") {
		for _, param := range []string{calc.LinkParam, calc.LinkParamV1} {
			if v, ok := strings.CutPrefix(part, param+"="); ok {
				// Browsers and mail programs may percent-escape what they pass on.
				if u, err := url.PathUnescape(v); err == nil {
					v = u
				}
				return param + "=" + v, true
			}
		}
	}
	return "", false
}

// shareURL is the link that opens m: base (the app's URL without query or
// fragment) plus the fragment "#m=…".
func shareURL(base string, m calc.Model) (string, error) {
	fragment, err := calc.EncodeLink(m)
	if err != nil {
		return "", err
	}
	return base + "#" + fragment, nil
}

// linkError explains why a link did not open, in a sentence or, for an
// invalid model, a sentence and the list of problems.
func linkError(err error) (string, []string) {
	probs, isProbs := asProblems(err)
	switch {
	case errors.Is(err, calc.ErrTooLarge):
		return "This link could not be opened: the assessment in it is larger than 5 MB.", nil
	case errors.Is(err, calc.ErrLink):
		msg := strings.TrimPrefix(err.Error(), calc.ErrLink.Error()+": ")
		return "This link could not be opened: " + msg, nil
	case isProbs && len(probs) == 1 && errors.Is(probs[0], calc.ErrSyntax):
		return "This link could not be opened: it does not hold a valuecalc assessment.", nil
	case isProbs:
		return "This link holds an assessment with " + plural(len(probs), "problem") + ":", problemTexts(probs)
	}
	return "This link could not be opened: " + err.Error(), nil
}

// problemTexts lists problems one per line, for a list under a message.
func problemTexts(probs calc.Problems) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.Error()
	}
	return out
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// baseURL is the app's address without query or fragment, for links.
func baseURL() string {
	loc := app.Window().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String()
}

// clearFragment removes a "#m=" fragment from the address bar without
// reloading, so a reload shows the user's own work again.
func clearFragment() {
	loc := app.Window().Get("location")
	url := loc.Get("pathname").String() + loc.Get("search").String()
	app.Window().Get("history").Call("replaceState", nil, "", url)
}

// templateParam returns the template named by ?template=. With remove,
// it also takes the parameter out of the address bar, once the assessment
// made from it is saved.
func templateParam(remove bool) (string, bool) {
	loc := app.Window().Get("location")
	q, err := url.ParseQuery(strings.TrimPrefix(loc.Get("search").String(), "?"))
	if err != nil || !q.Has("template") {
		return "", false
	}
	id := q.Get("template")
	if remove {
		q.Del("template")
		rest := q.Encode()
		if rest != "" {
			rest = "?" + rest
		}
		app.Window().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+rest+loc.Get("hash").String())
	}
	return id, true
}

// openLink shows the model of a share link, read-only until the user
// saves a copy. It reports whether the URL holds a link at all. A broken
// link is explained in a banner and opens nothing; saved work is never
// touched either way.
func (e *Editor) openLink(ctx app.Context) bool {
	fragment, ok := linkFragment(app.Window().Get("location").Get("hash").String())
	if !ok {
		return false
	}
	m, err := calc.DecodeLink(fragment)
	if err != nil {
		e.linkErr, e.linkProblems = linkError(err)
		return false
	}
	e.linkErr, e.linkProblems = "", nil
	e.show(ctx, newDocID(), m, 0, false)
	// In an embed the link only presets the calculator; nothing is saved
	// there anyway.
	e.shared = !e.em.on
	return true
}

// saveSharedCopy keeps the shared assessment as a new one of the user's.
func (e *Editor) saveSharedCopy(ctx app.Context) {
	e.shared, e.dirty = false, true
	e.save()
	clearFragment()
	if e.saveErr == "" {
		e.say(ctx, notice{Text: "Saved a copy of “" + e.hist.Present().Title + "” to your assessments."})
	}
}

// closeShared leaves the shared assessment and goes back to the user's own.
func (e *Editor) closeShared(ctx app.Context) {
	e.shared = false
	clearFragment()
	e.openOwn(ctx)
}

func (e *Editor) renderSharedBanner() app.UI {
	return app.Div().ID("shared-banner").Class("banner banner-info").Attr("role", "status").Body(
		app.P().Body(
			app.Strong().Text("Shared assessment, read-only. "),
			app.Text("It is not saved on this device, and your own assessments are untouched."),
		),
		app.Div().Class("banner-actions").Body(
			app.Button().ID("save-copy").Class("btn btn-primary").Text("Save a copy").
				OnClick(func(ctx app.Context, ev app.Event) { e.saveSharedCopy(ctx) }),
			app.Button().ID("close-shared").Class("btn").Text("Close").
				OnClick(func(ctx app.Context, ev app.Event) { e.closeShared(ctx) }),
		),
	)
}

func (e *Editor) renderLinkError() app.UI {
	return app.Div().ID("link-error").Class("banner banner-error").Attr("role", "alert").Body(
		app.Div().Body(
			app.P().Text(e.linkErr),
			iff(len(e.linkProblems) > 0, func() app.UI { return problemList("link-problems", e.linkProblems) }),
			app.P().Class("small").Text("Nothing was opened or changed. Your saved assessments are as they were."),
		),
		app.Button().ID("link-error-close").Class("btn").Text("Dismiss").
			OnClick(func(ctx app.Context, ev app.Event) {
				e.linkErr, e.linkProblems = "", nil
				clearFragment()
			}),
	)
}

// problemList is a list of a file's or link's problems, at most 20 shown.
func problemList(id string, problems []string) app.UI {
	shown := problems
	if len(shown) > 20 {
		shown = shown[:20]
	}
	return app.Ul().ID(id).Class("problems").Body(
		app.Range(shown).Slice(func(i int) app.UI { return app.Li().Text(shown[i]) }),
		iff(len(problems) > len(shown), func() app.UI {
			return app.Li().Class("muted").Text("… and " + strconv.Itoa(len(problems)-len(shown)) + " more")
		}),
	)
}

// renderShare is the dialog with the link to the assessment on screen.
func (e *Editor) renderShare() app.UI {
	link, err := shareURL(baseURL(), e.hist.Present())
	return app.Div().Class("overlay").Body(
		app.Div().ID("share").Class("dialog card").Attr("role", "dialog").Aria("modal", "true").
			Aria("labelledby", "share-title").Body(
			app.H2().ID("share-title").Text("Share this assessment"),
			iff(err != nil, func() app.UI {
				return app.P().Class("field-error").Text("No link can be made: " + errString(err))
			}).Else(func() app.UI {
				return app.Div().Class("share-body").Body(
					app.P().Class("muted").Text("The whole assessment travels inside the link, after the #: it is never sent to a server. "+
						"Whoever opens it sees this version, read-only, and can save their own copy."),
					app.Label().For("share-link").Class("setting-label").Text("Link"),
					app.Input().ID("share-link").Class("input share-link").ReadOnly(true).Value(link).
						OnFocus(func(ctx app.Context, ev app.Event) { ctx.JSSrc().Call("select") }),
					iff(len(link) > 2000, func() app.UI {
						return app.P().ID("share-long").Class("hint").Text("This link is " + strconv.Itoa(len(link)) +
							" characters long; some email and chat apps cut long links. Export a file to send a large assessment.")
					}),
					app.P().ID("share-status").Class("hint").Aria("live", "polite").Text(e.shareStatus),
				)
			}),
			app.Div().Class("dialog-actions").Body(
				iff(err == nil, func() app.UI {
					return app.Button().ID("copy-link").Class("btn btn-primary").AutoFocus(true).Text("Copy link").
						OnClick(func(ctx app.Context, ev app.Event) { e.copyLink(ctx, link) })
				}),
				app.Button().ID("share-close").Class("btn").Text("Close").
					OnClick(func(ctx app.Context, ev app.Event) { e.panel = "" }),
			),
		),
	)
}

func errString(err error) string {
	if probs, _ := asProblems(err); len(probs) > 0 {
		return probs[0].Error()
	}
	return err.Error()
}

// copyLink puts the link on the clipboard; where the browser refuses, the
// link is selected for the user to copy.
func (e *Editor) copyLink(ctx app.Context, link string) {
	fallback := func() {
		e.ctx.Dispatch(func(ctx app.Context) {
			if in := app.Window().GetElementByID("share-link"); in.Truthy() {
				in.Call("focus")
				in.Call("select")
			}
			e.shareStatus = "Your browser did not let the page copy: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it."
		})
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		fallback()
		return
	}
	var done, failed app.Func
	release := func() { done.Release(); failed.Release() }
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		e.ctx.Dispatch(func(ctx app.Context) { e.shareStatus = "Link copied. Paste it into an email or chat." })
		release()
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		fallback()
		release()
		return nil
	})
	clip.Call("writeText", link).Call("then", done, failed)
}
