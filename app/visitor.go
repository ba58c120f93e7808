package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// visitorPage is the visitor view (SPEC §6): the model's questions for
// someone assessing their own case, drivers first, each starting from the
// model's figure shown as typical. The host sizes an embed to its content,
// so nothing can pin the answer to the visitor's screen: each question
// carries the answer so far beneath it, and the full answer, with the
// host's call to action, ends the page. Nothing structural can be changed
// here.
func visitorPage(v view) app.UI {
	st, m := v.st, v.model()
	all := state.Questions(m)
	qs := all[:v.firstOf(len(all), firstQuestions)]
	verdict, note := visitorVerdict(v), typicalNote(v)
	return app.Div().Class("page visitor"+cls(" embed", st.Embed.On)).Body(
		iff(!st.Embed.On, func() app.UI { return visitorBar(v) }),
		app.Main().ID("main").Class("visitor-main").Body(
			iff(!st.Embed.On, func() app.UI { return banners(v) }),
			app.Div().Class("visitor-layout").Body(
				app.Section().ID("questions").Class("questions").Aria("labelledby", "visitor-title").Body(
					app.Div().Class("questions-head").Body(
						app.H1().ID("visitor-title").Text(m.Title),
						iff(!st.ViewFixed, func() app.UI {
							return &button{ID: "open-editor", Class: "btn", Title: v.t(i18n.EditWholeTitle),
								Text: v.t(i18n.EditWhole), Action: state.SetView{View: state.ViewEditor}}
						}),
						iff(st.Embed.On, func() app.UI {
							return &button{ID: "open-full", Class: "btn", Title: v.t(i18n.OpenFullTitle),
								Text: v.t(i18n.OpenFull, st.Brand.Title()), Action: state.OpenFull{}}
						}),
					),
					app.P().Class("visitor-intro").Text(visitorIntro(v.lang(), len(all))),
					app.Ol().ID("question-list").Class("question-list").Body(
						app.Range(qs).Slice(func(i int) app.UI {
							q := qs[i]
							d, typing := st.Draft(q.Field())
							if !typing {
								d.Mark, d.MarkOK = st.MarkText(q.Field())
							}
							unit := q.Unit
							if q.Driver == "" {
								unit = perWords.name(st.Lang, state.MoneySetting(m, state.Cell{Scenario: q.Scenario, Item: q.Item}, st.Pending), m.Currency)
							}
							return app.Li().Body(&question{Q: q, Mode: m.Mode, Scale: m.Scale, Lang: st.Lang,
								Value: st.FieldValue(q.Field()), Err: d.Err, Read: d.Read, Mark: d.Mark, MarkOK: d.MarkOK, Unit: unit,
								Progress: v.t(i18n.QuestionNofM, i+1, len(all)), Typical: typical(v, q)}, answerBar(v.lang(), verdict, note))
						}),
					),
					moreLater(st.Lang, i18n.MoreQuestionsLater, len(all)-len(qs), "more-questions"),
				),
				visitorAnswer(v),
			),
		),
		stateDialogs(v),
		noticeArea(v, st.Notice),
	)
}

// typical is what a question says of the model's figure until the
// visitor answers it: "typical: 25 agents", "typical: $3,000 a year".
func typical(v view, q state.Question) string {
	m := v.model()
	x, ok := q.Value(m)
	if !ok || v.st.Answered[q.Field()] {
		return ""
	}
	var s string
	switch {
	case q.Driver != "":
		s = v.n.Number(x, 2)
		if q.Unit != "" {
			s += " " + q.Unit
		}
	case m.Mode == calc.ModeMoney:
		cs := state.MoneySetting(m, state.Cell{Scenario: q.Scenario, Item: q.Item}, nil)
		u := calc.UnitAmount
		if cs.Unit == state.UnitHours {
			u = calc.UnitHours
		}
		s = unitValue(v.lang(), v.n, m, u, cs.Per, x)
	default:
		s = v.n.Number(x, 2)
	}
	return v.t(i18n.TypicalValue, s)
}

// visitorVerdict is the answer in a sentence: in money, who comes out
// ahead by how much; in scores, in words on the scale's terms ("clearly
// better on what matters to you"), never in points.
func visitorVerdict(v view) string {
	m, l := v.model(), v.lang()
	vd := state.Decide(m, v.st.Result)
	if m.Mode == calc.ModeMoney || vd.Empty {
		return verdictText(l, v.n, m, vd)
	}
	if vd.RunnerUp == "" {
		if vd.Net > 0 {
			return l.T(i18n.ScoreSingleGood, vd.Best)
		}
		return l.T(i18n.ScoreSingleBad, vd.Best)
	}
	switch state.ScoreLead(m, vd) {
	case state.LeadClear:
		return l.T(i18n.ScoreClear, vd.Best)
	case state.LeadBetter:
		return l.T(i18n.ScoreBetter, vd.Best)
	case state.LeadSlight:
		return l.T(i18n.ScoreSlight, vd.Best)
	}
	return l.T(i18n.ScoreEven, vd.Best, vd.RunnerUp)
}

// typicalNote says the answer is of the model's figures until the visitor
// has answered a question; "" after.
func typicalNote(v view) string {
	if len(v.st.Answered) > 0 {
		return ""
	}
	return v.t(i18n.TypicalFigures)
}

// answerBar is the answer so far, beneath each question: the verdict and
// whether it is still of typical figures (note, "" when not).
func answerBar(l i18n.Lang, verdict, note string) app.UI {
	return app.Div().Class("answer-bar").Body(
		app.Span().Class("answer-bar-label").Text(l.T(i18n.AnswerSoFar)),
		app.Span().Class("answer-bar-figure").Text(verdict),
		iff(note != "", func() app.UI { return app.Span().Class("answer-bar-typical").Text(note) }),
	)
}

func visitorIntro(l i18n.Lang, n int) string {
	if n == 0 {
		return l.T(i18n.VisitorNoQuestions)
	}
	return l.N(i18n.VisitorIntro, n)
}

// visitorBar is the full app's bar over the questions: undo and redo, and
// what saving did.
func visitorBar(v view) app.UI {
	st := v.st
	return app.Header().Class("topbar visitor-bar").Body(
		brandMark(st.Brand, "brand"),
		app.Div().Class("toolbar").Body(
			undoRedo(v),
			&langMenu{Lang: st.Lang},
			app.Span().ID("save-status").Class("save-status").Aria("live", "polite").Text(st.SaveStatus()),
		),
	)
}

// visitorButton moves from the editor to the questionnaire.
func visitorButton(v view) app.UI {
	return &button{ID: "open-visitor", Class: "btn btn-bar", Title: v.t(i18n.QuestionsTitle),
		Text: v.t(i18n.Questions), Action: state.SetView{View: state.ViewVisitor}}
}

// question is one question of the visitor view. Its handlers read its own
// fields when the event fires (see button.go), so an answer always goes
// to the question shown.
type question struct {
	app.Compo
	Q     state.Question
	Mode  calc.Mode
	Scale calc.Scale
	Value string // the answer field's text: its draft, else the model's
	Err   string
	Read  string // how a number that reads two ways was read (state.Draft)
	// Mark and MarkOK: a number read as a decimal of two readings, kept
	// after moving on, and its confirm button's name (state.Draft).
	Mark, MarkOK string
	Unit         string // a money answer's unit and recurrence, a driver's unit
	Lang         i18n.Lang
	Progress     string // "3 of 5"
	Typical      string // "typical: 25 agents", "" once answered
}

// maxChoices is the largest scale answered with buttons; a longer one is a
// slider.
const maxChoices = 11

func (q *question) Render() app.UI {
	f, l := q.Q.Field(), q.Lang
	id := f.ElementID()
	head := app.Span().Class("q-scenario").Body(app.Text(q.Q.ScenarioName), app.Span().Class("sr-only").Text(": "))
	help := iff(q.Q.Note != "", func() app.UI { return app.P().Class("q-help").Text(q.Q.Note) })
	progress := app.Span().Class("q-progress").Text(q.Progress)
	typ := iff(q.Typical != "", func() app.UI { return app.P().ID(id + "-typical").Class("q-typical").Text(q.Typical) })
	if q.Mode == calc.ModeMoney {
		return app.Div().ID("q-"+id).Class("question card").Body(
			progress,
			app.Label().For(id).Class("q-text").Body(
				iff(q.Q.ScenarioName != "", func() app.UI { return head }),
				app.Text(q.Q.Prompt(l, q.Mode)),
			),
			help,
			app.Div().Class("q-input").Body(
				&textField{Field: f, Input: state.Draft{Text: q.Value, Err: q.Err, Read: q.Read, Mark: q.Mark}, Label: l.T(i18n.InUnit, q.Q.Text(l, q.Mode), q.Unit),
					Class: "answer-input", Number: true},
				app.Span().Class("q-unit").Aria("hidden", "true").Text(q.Unit),
			),
			typ,
			fieldError(f, state.Draft{Text: q.Value, Err: q.Err, Read: q.Read, Mark: q.Mark, MarkOK: q.MarkOK}),
		)
	}
	low, high := state.ScaleEnds(l, q.Scale, q.Q.Side)
	var control app.UI
	if q.Scale.Max-q.Scale.Min+1 <= maxChoices {
		scores := make([]int, 0, q.Scale.Max-q.Scale.Min+1)
		for s := q.Scale.Min; s <= q.Scale.Max; s++ {
			scores = append(scores, s)
		}
		control = app.Div().Class("choices").Body(
			app.Range(scores).Slice(func(i int) app.UI {
				s := strconv.Itoa(scores[i])
				var end app.UI
				switch i {
				case 0:
					end = app.Span().Class("sr-only").Text(", " + low)
				case len(scores) - 1:
					end = app.Span().Class("sr-only").Text(", " + high)
				}
				return app.Label().Class("choice").Body(
					app.Input().Type("radio").ID(id+"-"+s).Name(id).Value(s).Checked(q.Value == s).OnChange(q.pick),
					app.Span().Class("choice-face").Body(app.Text(s), end),
				)
			}),
		)
	} else {
		control = app.Div().Class("slider").Body(
			app.Input().Type("range").ID(id).Class("slider-input").Min(q.Scale.Min).Max(q.Scale.Max).Step(1).
				Value(q.Value).Aria("label", q.Q.Text(l, q.Mode)).Aria("valuetext", l.T(i18n.SliderValueText, q.Value, low, q.Scale.Min, high, q.Scale.Max)).
				OnInput(q.slide).OnChange(q.slideDone),
			app.Output().For(id).Class("slider-value").Text(q.Value),
		)
	}
	return app.FieldSet().ID("q-"+id).Class("question card").Body(
		progress,
		app.Legend().Class("q-text").Body(
			iff(q.Q.ScenarioName != "", func() app.UI { return head }),
			app.Text(q.Q.Prompt(l, q.Mode)),
		),
		help,
		control,
		app.Div().Class("scale-ends").Aria("hidden", "true").Body(
			app.Span().Text(strconv.Itoa(q.Scale.Min)+" = "+low),
			app.Span().Text(strconv.Itoa(q.Scale.Max)+" = "+high),
		),
		iff(q.Q.Side == calc.SideCost, func() app.UI {
			return app.P().Class("q-hint").Text(l.T(i18n.ACost, state.CostHint(l, q.Scale)))
		}),
		typ,
	)
}

func (q *question) pick(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.Input{Field: q.Q.Field(), Text: ctx.JSSrc().Get("value").String()})
	browser.Send(ctx, state.InputDone{Field: q.Q.Field()})
}

func (q *question) slide(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.Input{Field: q.Q.Field(), Text: ctx.JSSrc().Get("value").String()})
}

func (q *question) slideDone(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.InputDone{Field: q.Q.Field()})
}

// visitorAnswer is the answer to the questions: a sentence naming the
// best scenario and its lead, each scenario's net value, and the benefits
// and costs chart. It stays in view as the visitor answers.
func visitorAnswer(v view) app.UI {
	m, res, n, l := v.model(), v.st.Result, v.n, v.lang()
	shown := res.Scenarios[:v.firstOf(len(res.Scenarios), firstScenarios)]
	return app.Aside().ID("visitor-answer").Class("answer").Aria("labelledby", "answer-title").Body(
		app.H2().ID("answer-title").Class("answer-title").Text(l.T(i18n.YourAnswer)),
		app.P().ID("visitor-verdict").Class("verdict").Aria("live", "polite").Text(visitorVerdict(v)),
		iff(typicalNote(v) != "", func() app.UI { return app.P().ID("visitor-typical").Class("answer-typical").Text(typicalNote(v)) }),
		app.Ul().Class("answer-nets").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				s := shown[i]
				best := s.ID == res.Best && len(res.Scenarios) > 1
				return app.Li().Class("answer-net"+cls(" best", best)+cls(" negative", s.Net < 0)).Body(
					app.Span().Class("answer-net-name").Text(s.Name),
					app.Span().ID("visitor-net-"+s.ID).Class("answer-net-value").DataSet("value", raw(s.Net)).
						Body(app.Span().Class("sr-only").Text(l.T(i18n.NetValueSR)+" "), app.Text(n.Value(m, s.Net))),
				)
			}),
		),
		moreLater(l, i18n.MoreScenariosLater, len(res.Scenarios)-len(shown), "more-nets"),
		iff(len(shown) == len(res.Scenarios), func() app.UI { return answerChart(l, n, m, res) }),
		callToAction(v),
	)
}

// callToAction ends the visitor view with the host's call to action
// (?cta=), which hands the host the result only when pressed, and the
// brand's (SPEC §10): a link to the company, and "Send my results", which
// adds the share link only when pressed, and says so.
func callToAction(v view) app.UI {
	host, brand := v.st.Embed.CTA, v.st.Brand.CTA
	return iff(host != "" || brand.URL != "", func() app.UI {
		return app.Div().Class("cta").Body(
			iff(host != "", func() app.UI {
				return &button{ID: "cta", Class: "btn btn-primary cta-button", Text: host, Action: state.PressCTA{}}
			}),
			iff(brand.URL != "", func() app.UI {
				return app.A().ID("brand-cta").Class("btn btn-primary cta-button").Href(brand.URL).
					Target("_blank").Rel("noopener").Text(brand.Text)
			}),
			iff(brand.URL != "", func() app.UI {
				return &button{ID: "send-results", Class: "btn cta-button", Text: v.t(i18n.SendResults), Action: state.SendResults{}}
			}),
			iff(brand.URL != "", func() app.UI { return app.P().Class("cta-note").Text(v.t(i18n.SendResultsNote)) }),
		)
	})
}

// answerChart draws each scenario's benefits and costs as two horizontal
// bars, sized for the narrow column beside the questions: the editor's
// charts, drawn 640 wide, would shrink their text below legibility there.
func answerChart(l i18n.Lang, n *browser.Numbers, m calc.Model, res calc.Result) app.UI {
	const w, legendH, rowH, barH, labelW = 360.0, 24.0, 62.0, 16.0, 96.0
	top := 0.0
	for _, s := range res.Scenarios {
		top = max(top, s.Benefits, s.Costs)
	}
	if top == 0 {
		top = 1
	}
	span := w - labelW - 4
	body := []app.UI{legend([]legendItem{{l.T(i18n.Benefits), benefitColor}, {l.T(i18n.Costs), costColor}})}
	summary := l.T(i18n.AnswerSummaryHead)
	for i, s := range res.Scenarios {
		y := legendH + rowH*float64(i)
		body = append(body, label(0, y+13, "start", "answer-chart-name", truncate(s.Name, 40)))
		for j, bar := range []struct {
			v     float64
			color string
			what  i18n.Key
		}{{s.Benefits, benefitColor, i18n.NamedBenefits}, {s.Costs, costColor, i18n.NamedCosts}} {
			by := y + 20 + float64(j)*(barH+4)
			text := n.Value(m, bar.v)
			body = append(body,
				rect(0, by, bar.v/top*span, barH, bar.color, l.T(bar.what, s.Name, text)),
				label(bar.v/top*span+6, by+12.5, "start", "chart-value", text),
			)
		}
		summary += l.T(i18n.AnswerSummaryPart, s.Name, n.Value(m, s.Benefits), n.Value(m, s.Costs))
	}
	h := legendH + rowH*float64(len(res.Scenarios))
	return app.Figure().ID("visitor-chart").Class("answer-chart").Body(
		app.FigCaption().Class("chart-title").Text(l.T(i18n.BenefitsAndCosts)),
		svg("svg").Attr("viewBox", "0 0 "+f2s(w)+" "+f2s(h)).Attr("role", "img").Aria("label", summary).
			Class("chart-svg").Body(body...),
	)
}
