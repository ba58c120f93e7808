package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// goalSeek answers "what must this figure be for the net, the ROI or the
// payback to reach a target?", solved by calc from the model as it is.
type goalSeek struct {
	app.Compo
	Goal  state.Goal
	Model calc.Model
	Num   *browser.Numbers
	Lang  i18n.Lang
}

// question is the goal's question with its defaults filled in: the last
// scenario (usually the offer), its first item with a value, the net.
func (g *goalSeek) question() state.AskGoal {
	return g.fill(state.AskGoal{Scenario: g.Goal.Scenario, Item: g.Goal.Item, Metric: g.Goal.Metric, Target: g.Goal.Target, Driver: g.Goal.Driver})
}

// fill gives q's blanks their defaults.
func (g *goalSeek) fill(q state.AskGoal) state.AskGoal {
	m := g.Model
	if m.ScenarioIndex(q.Scenario) < 0 && len(m.Scenarios) > 0 {
		q.Scenario = m.Scenarios[len(m.Scenarios)-1].ID
	}
	if m.Mode != calc.ModeMoney || m.DriverIndex(q.Driver) < 0 {
		q.Driver = "" // drivers count in money mode only
	}
	if j := m.ScenarioIndex(q.Scenario); j >= 0 && (m.ItemIndex(q.Item) < 0 || m.Scenarios[j].Entry(m.ItemIndex(q.Item)) == nil) {
		q.Item = ""
		for i, it := range m.Items {
			if m.Scenarios[j].Entry(i) != nil {
				q.Item = it.ID
				break
			}
		}
	}
	if q.Metric == "" || (m.Mode == calc.ModeScore && q.Metric != calc.MetricNet) {
		q.Metric = calc.MetricNet
	}
	return q
}

func (g *goalSeek) Render() app.UI {
	m, n, q, l := g.Model, g.Num, g.question(), g.Lang
	j := m.ScenarioIndex(q.Scenario)
	var items []calc.Item
	if j >= 0 {
		for i, it := range m.Items {
			if m.Scenarios[j].Entry(i) != nil {
				items = append(items, it)
			}
		}
	}
	metrics := []calc.Metric{calc.MetricNet}
	if m.Mode == calc.ModeMoney {
		metrics = append(metrics, calc.MetricROI, calc.MetricPayback)
	}
	unit := map[calc.Metric]string{calc.MetricNet: m.Currency, calc.MetricROI: "%", calc.MetricPayback: l.T(i18n.MonthsUnit)}[q.Metric]
	if m.Mode == calc.ModeScore {
		unit = l.T(i18n.PointsUnit)
	}
	goal := g.Goal
	var drivers []calc.Driver
	if m.Mode == calc.ModeMoney {
		drivers = m.Drivers
	}
	return app.Div().ID("goal-seek").Class("goal-seek").Body(
		app.H3().Text(l.T(i18n.GoalTitle)),
		app.Div().Class("goal-form").Body(
			app.Label().For("goal-item").Text(l.T(i18n.GoalWhatMust)),
			// The drivers first, as the case's own facts: "how many
			// agents before With us wins?".
			app.Select().ID("goal-item").Class("select select-small").OnChange(g.item).Body(
				app.Range(drivers).Slice(func(i int) app.UI {
					d := drivers[i]
					return app.Option().Value(driverOption + d.ID).Selected(d.ID == q.Driver).Text(l.T(i18n.YourNumber) + ": " + d.Name)
				}),
				app.Range(items).Slice(func(i int) app.UI {
					return app.Option().Value(items[i].ID).Selected(q.Driver == "" && items[i].ID == q.Item).Text(items[i].Name)
				}),
			),
			app.Label().For("goal-scenario").Text(l.T(i18n.GoalBeIn)),
			app.Select().ID("goal-scenario").Class("select select-small").OnChange(g.scenario).Body(
				app.Range(m.Scenarios).Slice(func(i int) app.UI {
					s := m.Scenarios[i]
					return app.Option().Value(s.ID).Selected(s.ID == q.Scenario).Text(s.Name)
				}),
			),
			app.Label().For("goal-metric").Text(l.T(i18n.GoalForIts)),
			app.Select().ID("goal-metric").Class("select select-small").OnChange(g.metric).Body(
				app.Range(metrics).Slice(func(i int) app.UI {
					return app.Option().Value(string(metrics[i])).Selected(metrics[i] == q.Metric).Text(metricLabel(l, metrics[i]))
				}),
			),
			app.Label().For("goal-target").Text(l.T(i18n.GoalToReach)),
			&textField{ID: "goal-target", Input: state.Draft{Text: q.Target, Err: goal.Err}, // named by the label before it
				Class: "short", Number: true, Placeholder: "0", DescribedBy: "goal-answer", Send: g.target},
			app.Span().Class("goal-unit").Text(l.T(i18n.GoalUnitQ, unit)),
		),
		app.P().ID("goal-answer").Class("goal-answer"+cls(" field-error", goal.Err != "")+cls(" muted", goal.Err == "" && goal.Answer == nil)).Aria("live", "polite").Text(g.answer(q)),
		iff(goal.Answer != nil, func() app.UI {
			return &button{ID: "goal-use", Class: "btn btn-small", Text: l.T(i18n.UseThisValue), Action: state.UseGoal{}}
		}),
		app.P().Class("hint muted").Text(g.now(q, n)),
	)
}

// statement is an answered goal seek in the report, in words: its
// question, its answer and the figure as it is now. Nothing to choose or
// type on a page that is sent or printed.
func (g *goalSeek) statement(id string) app.UI {
	q, l := g.question(), g.Lang
	return app.Div().ID(id).Class("goal-statement").Body(
		app.H3().Text(l.T(i18n.GoalTitle)),
		app.P().Class("goal-question").Text(g.questionText(q)),
		app.P().Class("goal-answer").Text(g.answer(q)),
		app.P().Class("hint muted").Text(g.now(q, g.Num)),
	)
}

// questionText is the question in a sentence, its target written as the
// figure it is: "$100,000", "25 points", "50 %", "6 months".
func (g *goalSeek) questionText(q state.AskGoal) string {
	m, n, l, t := g.Model, g.Num, g.Lang, g.Goal.Reach
	item, scenario := m.ItemName(q.Item), m.ScenarioName(q.Scenario)
	if d := m.DriverIndex(q.Driver); d >= 0 {
		item = m.Drivers[d].Name
	}
	switch q.Metric {
	case calc.MetricROI:
		return l.T(i18n.GoalAskROI, item, scenario, n.Number(t*100, 2)+" %")
	case calc.MetricPayback:
		return l.T(i18n.GoalAskPayback, item, scenario, l.T(i18n.PaybackMonths, n.Number(t, 1)))
	}
	if m.Mode == calc.ModeScore {
		return l.T(i18n.GoalAskNet, item, scenario, n.Value(m, t)+" "+l.T(i18n.PointsUnit))
	}
	return l.T(i18n.GoalAskNet, item, scenario, n.Value(m, t))
}

func (g *goalSeek) answer(q state.AskGoal) string {
	switch {
	case g.Goal.Err != "":
		return g.Goal.Err
	case g.Goal.Answer == nil:
		return g.Lang.T(i18n.TypeTarget)
	}
	m := g.Model
	e, _ := entryAt(m, q.Scenario, q.Item)
	_, u, _ := e.Value(m.Mode)
	// The answer as the cell will hold it: to the cent, a tenth of an hour.
	l, n, x := g.Lang, g.Num, unitValueOf(g.Lang, g.Num, m, u, e.Per, *g.Goal.Answer, true)
	if d := m.DriverIndex(q.Driver); d >= 0 {
		x = driverValue(n, m.Drivers[d], *g.Goal.Answer)
	}
	out := l.T(i18n.ItMustBe, x)
	if v := g.Goal.Gives; v != nil {
		var fig string
		switch q.Metric {
		case calc.MetricROI:
			fig = n.Number(*v*100, 1) + " %"
		case calc.MetricPayback:
			fig = l.T(i18n.PaybackMonths, n.Number(*v, 1))
		default:
			fig = n.Value(m, *v)
			if m.Mode == calc.ModeScore {
				fig += " " + l.T(i18n.PointsUnit)
			}
		}
		out += " " + l.T(i18n.GoalGives, x, metricLabel(l, q.Metric), fig)
	}
	return out
}

// now says what the item is now, for comparison.
func (g *goalSeek) now(q state.AskGoal, n *browser.Numbers) string {
	m := g.Model
	if d := m.DriverIndex(q.Driver); d >= 0 {
		return g.Lang.T(i18n.DriverIsNow, m.Drivers[d].Name, driverValue(n, m.Drivers[d], m.Drivers[d].Value))
	}
	e, ok := entryAt(m, q.Scenario, q.Item)
	if !ok {
		return g.Lang.T(i18n.EnterValuesToAsk)
	}
	x, u, _ := e.Value(m.Mode)
	return g.Lang.T(i18n.IsNow, m.ItemName(q.Item), m.ScenarioName(q.Scenario), unitValueOf(g.Lang, n, m, u, e.Per, x, true))
}

func entryAt(m calc.Model, scenario, item string) (calc.Entry, bool) {
	j, i := m.ScenarioIndex(scenario), m.ItemIndex(item)
	if j < 0 || i < 0 || m.Scenarios[j].Entry(i) == nil {
		return calc.Entry{}, false
	}
	return *m.Scenarios[j].Entry(i), true
}

func metricLabel(l i18n.Lang, mt calc.Metric) string {
	switch mt {
	case calc.MetricROI:
		return l.T(i18n.ROI)
	case calc.MetricPayback:
		return l.T(i18n.MetricPayback)
	}
	return l.T(i18n.MetricNet)
}

func (g *goalSeek) ask(ctx app.Context, edit func(q *state.AskGoal)) {
	q := g.question()
	edit(&q)
	browser.Send(ctx, g.fill(q))
}

func (g *goalSeek) value(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// driverOption starts the value of a driver's option in the goal's
// first choice: no item id has a colon.
const driverOption = "driver:"

func (g *goalSeek) item(ctx app.Context, e app.Event) {
	g.ask(ctx, func(q *state.AskGoal) {
		v := g.value(ctx)
		q.Item, q.Driver = v, ""
		if id, ok := strings.CutPrefix(v, driverOption); ok {
			q.Item, q.Driver = "", id
		}
	})
}

func (g *goalSeek) scenario(ctx app.Context, e app.Event) {
	g.ask(ctx, func(q *state.AskGoal) { q.Scenario, q.Item = g.value(ctx), "" })
}

func (g *goalSeek) metric(ctx app.Context, e app.Event) {
	g.ask(ctx, func(q *state.AskGoal) { q.Metric = calc.Metric(g.value(ctx)) })
}

// target is the question with text as its target.
func (g *goalSeek) target(text string) state.Action {
	q := g.question()
	q.Target = text
	return g.fill(q)
}
