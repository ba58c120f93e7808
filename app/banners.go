package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// banners are the messages above the editor: a new version, records set
// aside, a shared link, a link that did not open, another tab's save, and
// a save that failed, with a download of the work.
func banners(v view) app.UI {
	st := v.st
	return app.Div().Class("banners").Body(
		iff(st.Update, func() app.UI {
			return app.Div().ID("update-banner").Class("banner banner-info").Attr("role", "status").Body(
				app.P().Text(v.t(i18n.UpdateReady)),
				app.Div().Class("banner-actions").Body(
					&button{ID: "update-reload", Class: "btn btn-primary", Text: v.t(i18n.ReloadNow), Action: state.UpdateReload{}},
					&button{ID: "update-later", Class: "btn", Text: v.t(i18n.Later), Action: state.UpdateLater{}},
				),
			)
		}),
		iff(len(st.Damaged) > 0, func() app.UI { return damagedBanner(v, st.Damaged) }),
		iff(st.Shared, func() app.UI { return sharedBanner(v) }),
		iff(st.Link.Text != "", func() app.UI { return linkError(v, st.Link) }),
		iff(st.Conflict, func() app.UI {
			return app.Div().ID("conflict").Class("banner banner-warn").Attr("role", "alert").Body(
				app.P().Text(v.t(i18n.ConflictText)),
				&button{ID: "conflict-reload", Class: "btn", Text: v.t(i18n.ConflictReload), Action: state.ConflictReload{}},
				&button{ID: "conflict-keep", Class: "btn", Text: v.t(i18n.ConflictKeep), Action: state.ConflictKeep{}},
			)
		}),
		iff(st.SaveErr != "", func() app.UI {
			// Until a save lands, a file is the only copy that outlasts
			// the page: one click away.
			return app.Div().ID("save-error-banner").Class("banner banner-error").Body(
				app.P().ID("save-error").Attr("role", "alert").Text(st.SaveErr),
				app.Div().Class("banner-actions").Body(
					&button{ID: "save-error-download", Class: "btn", Text: v.t(i18n.DownloadCopy), Action: state.ExportJSON{}},
				),
			)
		}),
	)
}

func sharedBanner(v view) app.UI {
	return app.Div().ID("shared-banner").Class("banner banner-info").Attr("role", "status").Body(
		app.P().Body(
			app.Strong().Text(v.t(i18n.SharedReadOnly)+" "),
			app.Text(v.t(i18n.SharedUntouched)),
		),
		app.Div().Class("banner-actions").Body(
			&button{ID: "save-copy", Class: "btn btn-primary", Text: v.t(i18n.SaveCopy), Action: state.SaveSharedCopy{}},
			&button{ID: "close-shared", Class: "btn", Text: v.t(i18n.Close), Action: state.CloseShared{}},
		),
	)
}

// linkError says why the link in the address did not open.
func linkError(v view, p state.Problem) app.UI {
	return app.Div().ID("link-error").Class("banner banner-error").Attr("role", "alert").Body(
		app.Div().Body(
			app.P().Text(p.Text),
			iff(len(p.List) > 0, func() app.UI { return problemList(v.lang(), "link-problems", p.List, p.More) }),
			app.P().Class("small").Text(v.t(i18n.NothingOpened)),
		),
		&button{ID: "link-error-close", Class: "btn", Text: v.t(i18n.Dismiss), Action: state.DismissLinkError{}},
	)
}

// problemList lists a model's problems, the first twenty of them, and
// counts the rest: those in problems past twenty, and more past those.
func problemList(l i18n.Lang, id string, problems []string, more int) app.UI {
	shown := problems
	if len(shown) > 20 {
		shown = shown[:20]
	}
	return app.Ul().ID(id).Class("problems").Body(
		app.Range(shown).Slice(func(i int) app.UI { return app.Li().Text(shown[i]) }),
		iff(len(problems)+more > len(shown), func() app.UI {
			return app.Li().Class("muted").Text(l.T(i18n.AndMore, len(problems)-len(shown)+more))
		}),
	)
}

// problemDetails lists a file's problems in the user's words, the first
// twenty of them, each with calc's wording and path as detail
// ("scenarios[1].entries.hours.amount: …") for those who want it.
func problemDetails(l i18n.Lang, id string, words, detail []string, more int) app.UI {
	if len(detail) != len(words) {
		return problemList(l, id, words, more)
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
		iff(len(words)+more > len(shown), func() app.UI {
			return app.Li().Class("muted").Text(l.T(i18n.AndMore, len(words)-len(shown)+more))
		}),
	)
}

// damagedBanner tells the user which saved records could not be opened
// and were set aside, and offers their data.
func damagedBanner(v view, damaged []state.Damaged) app.UI {
	return app.Div().ID("damaged").Class("banner banner-warn").Attr("role", "alert").Body(
		app.Div().Body(
			app.P().Text(v.lang().N(i18n.DamagedText, len(damaged))),
			app.Ul().ID("damaged-list").Class("problems").Body(
				app.Range(damaged).Slice(func(i int) app.UI {
					d := damaged[i]
					why := d.Reason
					if d.Why != nil {
						why = v.lang().Err(d.Why)
					}
					return app.Li().Text(damagedName(v.lang(), d) + ": " + why)
				}),
			),
		),
		app.Div().Class("banner-actions").Body(
			&button{ID: "damaged-download", Class: "btn", Text: v.t(i18n.DownloadData), Action: state.DownloadDamaged{}},
			&button{ID: "damaged-dismiss", Class: "btn", Text: v.t(i18n.Dismiss), Action: state.DismissDamaged{}},
		),
	)
}

func damagedName(l i18n.Lang, d state.Damaged) string {
	switch {
	case d.ID == "index":
		return l.T(i18n.DamagedIndex)
	case d.Title != "":
		return l.T(i18n.Quoted, d.Title)
	}
	return l.T(i18n.DamagedAssessment, d.ID)
}

// noticeArea is the notice at the bottom of the screen, with its undo.
func noticeArea(v view, n state.Notice) app.UI {
	return app.Div().ID("notice").Class("notice-area").Aria("live", "polite").Body(
		iff(n.Text != "", func() app.UI {
			return app.Div().Class("notice"+cls(" notice-error", n.IsErr)).Body(
				app.Span().Text(n.Text),
				iff(n.Undo != nil, func() app.UI {
					return &button{ID: "notice-undo", Class: "btn btn-link", Text: v.t(i18n.Undo), Action: state.NoticeUndo{}}
				}),
				&button{Class: "btn btn-link", Label: v.t(i18n.Dismiss), Text: "×", Action: state.DismissNotice{}},
			)
		}),
	)
}
