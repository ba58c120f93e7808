package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// view is what the plain render functions read: the state, and the
// formatter that writes its numbers.
type view struct {
	st  *state.State
	n   *browser.Numbers
	pre bool // a page prerendered on the server: what fits a first screen (first-screen.go)
}

// t returns k's text in the interface's language.
func (v view) t(k i18n.Key, args ...any) string { return v.st.Lang.T(k, args...) }

// lang is the interface's language.
func (v view) lang() i18n.Lang { return v.st.Lang }

func (v view) model() calc.Model { return v.st.Model() }

// hasDrivers reports whether the editor shows its drivers: always in money
// mode, where entries are priced per them; in score mode only to say
// that they are kept.
func (v view) hasDrivers() bool {
	m := v.st.Model()
	return m.Mode == calc.ModeMoney || len(m.Drivers) > 0
}

// page is the whole screen: the report, the embed or the editor, with the
// dialog that is open.
func page(v view) app.UI {
	st := v.st
	if st.Framed {
		return framedPage(v)
	}
	if st.View == state.ViewVisitor {
		return visitorPage(v)
	}
	if st.View == state.ViewReport {
		return app.Div().Class("page-wrap").Body(
			report(v),
			stateDialogs(v),
			noticeArea(v, st.Notice),
		)
	}
	if st.Presenting {
		return presentation(v)
	}
	if st.Embed.On {
		return app.Div().Class("page editor embed").Body(
			embedBar(v),
			app.Main().ID("main").Class("content").Body(
				app.H1().ID("editor-title").Class("sr-only").Text(v.model().Title),
				results(v),
				settings(v),
				iff(v.hasDrivers(), func() app.UI { return drivers(v) }),
				v.firstGrid(st.Grid.Head, st.Grid.Rows),
				v.firstCharts(),
				analysis(v, false),
			),
			iff(st.Explained != nil, func() app.UI { return explainDialog(v) }),
			iff(st.Confirm != "", func() app.UI { return confirmMode(v) }),
			noticeArea(v, st.Notice),
		)
	}
	return app.Div().Class("page editor"+cls(" dragging", st.Dragging)+cls(" shared", st.Shared)).Body(
		topBar(v),
		app.Main().ID("main").Class("content").Body(
			// The title is the top bar's field; the page's heading says it.
			app.H1().ID("editor-title").Class("sr-only").Text(v.model().Title),
			banners(v),
			results(v),
			resultsStrip(v),
			editable(!st.Shared, settings(v)),
			iff(v.hasDrivers(), func() app.UI { return editable(!st.Shared, drivers(v)) }),
			editable(!st.Shared, v.firstGrid(st.Grid.Head, st.Grid.Rows)),
			v.firstCharts(),
			cashflow(v, "cashflow", false),
			analysis(v, false),
		),
		iff(st.Panel == state.PanelLibrary, func() app.UI { return libraryDialog(v) }),
		iff(st.Panel == state.PanelShare, func() app.UI { return shareDialog(v, st.Share) }),
		iff(st.Panel == state.PanelFiles, func() app.UI { return filesDialog(v, st.Import) }),
		iff(st.Explained != nil, func() app.UI { return explainDialog(v) }),
		iff(st.Confirm != "", func() app.UI { return confirmMode(v) }),
		stateDialogs(v),
		iff(st.Dragging, func() app.UI {
			return app.Div().ID("drop-hint").Class("drop-hint").Aria("hidden", "true").Text(v.t(i18n.DropHint))
		}),
		noticeArea(v, st.Notice),
	)
}

// presentation fills the screen with the answer for a room to read: the
// title, the verdict, the cards and the main chart, large. Esc or its one
// button goes back.
func presentation(v view) app.UI {
	m, res := v.model(), v.st.Result
	return app.Div().ID("presentation").Class("page presentation").Body(
		app.Main().ID("main").Class("present-main").Body(
			app.Header().Class("present-head").Body(
				app.H1().ID("present-title").Text(m.Title),
				&button{ID: "present-exit", Class: "btn present-exit", AutoFocus: true, Title: v.t(i18n.BackToEditing),
					Text: v.t(i18n.Exit), Action: state.Present{On: false}},
			),
			verdict(v),
			app.Section().ID("results").Class("results").Aria("label", v.t(i18n.ResultsTitle)).Body(
				resultCards(v),
			),
			&chart{ID: "present-chart", Title: v.t(i18n.ChartBenefitsCosts), Kind: chartBenefitsCosts, Result: res,
				Mode: m.Mode, Currency: m.Currency, TableOpen: v.st.TablesOpen["present-chart"], Num: v.n, Lang: v.lang()},
		),
		iff(v.st.Explained != nil, func() app.UI { return explainDialog(v) }),
		noticeArea(v, v.st.Notice),
	)
}

// analysis is the "how sure is this?" section of the editor or the report.
func analysis(v view, report bool) app.UI {
	st := v.st
	// The section shows the model the analysis is of: it renders again when
	// the analysis changes, not on every keystroke; while an edit waits
	// for its analysis, the wrapper dims it and says so.
	//
	// The section comes first and the tag after it, always there: an
	// element that came and went in front of it would make go-app mount
	// the whole section afresh twice per edit.
	updating := !st.AnalysisFresh() && st.Analysis != nil
	heading := ""
	if report {
		heading = sureHead(st.Lang, st.Analyzed, st)
	}
	return app.Div().Class("how-sure-wrap"+cls(" stale", !st.AnalysisFresh())).Body(
		&howSure{Heading: heading, Analysis: st.Analysis, Model: st.Analyzed, Result: st.AnalyzedResult,
			Tornado: st.Tornado, Simulating: st.Simulating, SimProgress: st.SimProgress, Last: st.LastRanges, Goal: st.Goal, Num: v.n, Report: report, Lang: st.Lang},
		app.P().Class("tag how-sure-updating").Hidden(!updating).Aria("live", "polite").Text(v.t(i18n.Updating)),
	)
}

// editable wraps part of the editor in a fieldset that, when on is false,
// disables every control in it at once: a shared assessment is read-only.
func editable(on bool, ui app.UI) app.UI {
	return app.FieldSet().Class("edit-area").Disabled(!on).Body(ui)
}

// iff is app.If, kept out of line: inlined, app.If copies its closure and
// IfSlice's body into every caller.
//
//go:noinline
func iff(cond bool, ui func() app.UI) app.Condition { return app.If(cond, ui) }

func cls(name string, on bool) string {
	if on {
		return name
	}
	return ""
}

// opening is the page until the store has opened an assessment: the
// prerendered HTML shown while app.wasm loads, and the first tree go-app
// mounts. Mounting the whole editor around an empty model there, only to
// replace it a moment later, cost ~120 ms of every start.
//
// Before the language is known (prerendering, the first mount) it says
// nothing in words: the prerendered page serves every language.
func opening(l i18n.Lang, name string) app.UI {
	text := "…"
	if l != "" {
		text = l.T(i18n.Opening)
	}
	return app.Div().Class("page editor").Body(
		app.Header().Class("topbar").Body(app.Span().Class("brand").Text(name)),
		app.Main().ID("main").Class("content").Aria("busy", "true").Body(
			app.H1().Class("sr-only").Text(name),
			app.P().Class("opening muted").Text(text),
		),
	)
}
