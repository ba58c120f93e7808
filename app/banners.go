package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
)

// banners are the messages above the editor: a new version, records set
// aside, a shared link, a link that did not open, another tab's save, and
// a save that failed.
func banners(v view) app.UI {
	st := v.st
	return app.Div().Class("banners").Body(
		iff(st.Update, func() app.UI {
			return app.Div().ID("update-banner").Class("banner banner-info").Attr("role", "status").Body(
				app.P().Text("A new version of valuecalc is ready. Reloading keeps your work."),
				app.Div().Class("banner-actions").Body(
					&button{ID: "update-reload", Class: "btn btn-primary", Text: "Reload now", Action: state.UpdateReload{}},
					&button{ID: "update-later", Class: "btn", Text: "Later", Action: state.UpdateLater{}},
				),
			)
		}),
		iff(len(st.Damaged) > 0, func() app.UI { return damagedBanner(st.Damaged) }),
		iff(st.Shared, sharedBanner),
		iff(st.Link.Text != "", func() app.UI { return linkError(st.Link) }),
		iff(st.Conflict, func() app.UI {
			return app.Div().ID("conflict").Class("banner banner-warn").Attr("role", "alert").Body(
				app.P().Text("This assessment was changed in another tab. Your edits here are not saved."),
				&button{ID: "conflict-reload", Class: "btn", Text: "Load the other tab's version", Action: state.ConflictReload{}},
				&button{ID: "conflict-keep", Class: "btn", Text: "Keep mine as a copy", Action: state.ConflictKeep{}},
			)
		}),
		iff(st.SaveErr != "", func() app.UI {
			return app.P().ID("save-error").Class("banner banner-error").Attr("role", "alert").Text(st.SaveErr)
		}),
	)
}

func sharedBanner() app.UI {
	return app.Div().ID("shared-banner").Class("banner banner-info").Attr("role", "status").Body(
		app.P().Body(
			app.Strong().Text("Shared assessment, read-only. "),
			app.Text("It is not saved on this device, and your own assessments are untouched."),
		),
		app.Div().Class("banner-actions").Body(
			&button{ID: "save-copy", Class: "btn btn-primary", Text: "Save a copy", Action: state.SaveSharedCopy{}},
			&button{ID: "close-shared", Class: "btn", Text: "Close", Action: state.CloseShared{}},
		),
	)
}

// linkError says why the link in the address did not open.
func linkError(p state.Problem) app.UI {
	return app.Div().ID("link-error").Class("banner banner-error").Attr("role", "alert").Body(
		app.Div().Body(
			app.P().Text(p.Text),
			iff(len(p.List) > 0, func() app.UI { return problemList("link-problems", p.List) }),
			app.P().Class("small").Text("Nothing was opened or changed. Your saved assessments are as they were."),
		),
		&button{ID: "link-error-close", Class: "btn", Text: "Dismiss", Action: state.DismissLinkError{}},
	)
}

// problemList lists a model's problems, the first twenty of them.
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

// problemDetails lists a file's problems in the user's words, the first
// twenty of them, each with calc's wording and path as detail
// ("scenarios[1].entries.hours.amount: …") for those who want it.
func problemDetails(id string, words, detail []string) app.UI {
	if len(detail) != len(words) {
		return problemList(id, words)
	}
	shown := words
	if len(shown) > 20 {
		shown = shown[:20]
	}
	return app.Ul().ID(id).Class("problems problems-words").Body(
		app.Range(shown).Slice(func(i int) app.UI {
			return app.Li().Body(
				app.Span().Class("problem-words").Text(shown[i]),
				app.Code().Class("problem-detail").Text(detail[i]),
			)
		}),
		iff(len(words) > len(shown), func() app.UI {
			return app.Li().Class("muted").Text("… and " + strconv.Itoa(len(words)-len(shown)) + " more")
		}),
	)
}

// damagedBanner tells the user which saved records could not be opened
// and were set aside, and offers their data.
func damagedBanner(damaged []state.Damaged) app.UI {
	return app.Div().ID("damaged").Class("banner banner-warn").Attr("role", "alert").Body(
		app.Div().Body(
			app.P().Text(state.Plural(len(damaged), "saved item")+" could not be opened and "+isAre(len(damaged))+
				" set aside. Nothing was deleted: download the data to keep it or to send it to us."),
			app.Ul().ID("damaged-list").Class("problems").Body(
				app.Range(damaged).Slice(func(i int) app.UI {
					d := damaged[i]
					return app.Li().Text(damagedName(d) + ": " + d.Reason)
				}),
			),
		),
		app.Div().Class("banner-actions").Body(
			&button{ID: "damaged-download", Class: "btn", Text: "Download the data", Action: state.DownloadDamaged{}},
			&button{ID: "damaged-dismiss", Class: "btn", Text: "Dismiss", Action: state.DismissDamaged{}},
		),
	)
}

func damagedName(d state.Damaged) string {
	switch {
	case d.ID == "index":
		return "The list of assessments (rebuilt from the assessments themselves)"
	case d.Title != "":
		return "“" + d.Title + "”"
	}
	return "Assessment " + d.ID
}

func isAre(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

// noticeArea is the notice at the bottom of the screen, with its undo.
func noticeArea(n state.Notice) app.UI {
	return app.Div().ID("notice").Class("notice-area").Aria("live", "polite").Body(
		iff(n.Text != "", func() app.UI {
			return app.Div().Class("notice"+cls(" notice-error", n.IsErr)).Body(
				app.Span().Text(n.Text),
				iff(n.Undo != nil, func() app.UI {
					return &button{ID: "notice-undo", Class: "btn btn-link", Text: "Undo", Action: state.NoticeUndo{}}
				}),
				&button{Class: "btn btn-link", Label: "Dismiss", Text: "×", Action: state.DismissNotice{}},
			)
		}),
	)
}
