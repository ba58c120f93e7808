package app

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// driverValue writes a driver's value v with its unit: "25 agents", "1.5".
func driverValue(n *browser.Numbers, d calc.Driver, v float64) string {
	if d.Unit == "" {
		return n.Number(v, 2)
	}
	return n.Number(v, 2) + " " + d.Unit
}

// driverRange writes a driver's range, "20 to 30 agents", or "—".
func driverRange(l i18n.Lang, n *browser.Numbers, d calc.Driver) string {
	if !d.Ranged() {
		return "—"
	}
	return l.T(i18n.FromTo, n.Number(*d.Low, 2), driverValue(n, d, *d.High))
}

// driverLine is a driver in a line: "Support agents: 25 agents (20 to 30
// agents)".
func driverLine(l i18n.Lang, n *browser.Numbers, d calc.Driver) string {
	s := d.Name + ": " + driverValue(n, d, d.Value)
	if d.Ranged() {
		s += " (" + driverRange(l, n, d) + ")"
	}
	return s
}

// driversOf returns the indexes of the drivers that scenario j's entries
// on sides are priced per, in the model's order; none in score mode,
// where drivers count for nothing.
func driversOf(m calc.Model, j int, sides []calc.Side) []int {
	var out []int
	if m.Mode != calc.ModeMoney || j < 0 || j >= len(m.Scenarios) {
		return nil
	}
	for i, it := range m.Items {
		e := m.Scenarios[j].Entry(i)
		if e == nil || !slices.Contains(sides, it.Side) {
			continue
		}
		for _, id := range e.Times {
			if d := m.DriverIndex(id); d >= 0 && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	slices.Sort(out)
	return out
}

// sourceNote is a figure's source under its name, or nothing.
func sourceNote(l i18n.Lang, source string) app.UI {
	if source == "" {
		return nil
	}
	return app.Span().Class("report-note source").Text(l.T(i18n.SourceIs, source))
}

// explainDrivers lists, in the explain dialog, the drivers the figures of
// scenario j on sides are priced per, each with its range and source.
func explainDrivers(l i18n.Lang, n *browser.Numbers, m calc.Model, j int, sides []calc.Side) app.UI {
	ds := driversOf(m, j, sides)
	if len(ds) == 0 {
		return nil
	}
	return app.Div().ID("explain-drivers").Class("explain-drivers").Body(
		app.H3().Text(l.T(i18n.DriversBehind)),
		app.Ul().Class("driver-list").Body(
			app.Range(ds).Slice(func(i int) app.UI {
				d := m.Drivers[ds[i]]
				return app.Li().DataSet("driver", d.ID).Body(
					app.Text(driverLine(l, n, d)),
					sourceNote(l, d.Source),
				)
			}),
		),
	)
}

// reportSources is the report's part of the assumptions that the case's
// own facts are: the drivers (name, value with its unit, range, source),
// then the entries that name where their figure comes from.
func reportSources(l i18n.Lang, n *browser.Numbers, m calc.Model) app.UI {
	drivers := m.Mode == calc.ModeMoney && len(m.Drivers) > 0
	var sourced []string
	for _, s := range m.Scenarios {
		for i, e := range s.Entries[:min(len(s.Entries), len(m.Items))] {
			if e != nil && e.Source != "" {
				sourced = append(sourced, l.T(i18n.SourceOfEntry, m.Items[i].Name, s.Name, e.Source))
			}
		}
	}
	if !drivers && len(sourced) == 0 {
		return nil
	}
	return app.Div().ID("report-sources").Class("report-sources").Body(
		iff(drivers, func() app.UI {
			return app.Table().ID("report-drivers").Class("data-table drivers stack-narrow").Body(
				app.Caption().Text(l.T(i18n.YourNumbers)),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text(l.T(i18n.YourNumber)),
					app.Th().Scope("col").Text(l.T(i18n.Value)),
					app.Th().Scope("col").Text(l.T(i18n.Range)),
					app.Th().Scope("col").Text(l.T(i18n.Source)),
				)),
				app.TBody().Body(
					app.Range(m.Drivers).Slice(func(i int) app.UI {
						d := m.Drivers[i]
						return app.Tr().DataSet("driver", d.ID).Body(
							app.Th().Scope("row").Body(
								app.Text(d.Name),
								iff(d.Note != "", func() app.UI { return app.Span().Class("report-note").Text(d.Note) }),
							),
							app.Td().DataSet("label", l.T(i18n.Value)).Text(driverValue(n, d, d.Value)),
							app.Td().DataSet("label", l.T(i18n.Range)).Text(driverRange(l, n, d)),
							app.Td().DataSet("label", l.T(i18n.Source)).Text(orDash(d.Source)),
						)
					}),
				),
			)
		}),
		iff(len(sourced) > 0, func() app.UI {
			return app.Div().Class("entry-sources").Body(
				app.H3().Text(l.T(i18n.EntrySources)),
				app.Ul().ID("report-entry-sources").Body(
					app.Range(sourced).Slice(func(i int) app.UI { return app.Li().Text(sourced[i]) }),
				),
			)
		}),
	)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
