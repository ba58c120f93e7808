package app

import (
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

// driverLine is a driver in a line, with its range and source: "Support
// agents: 25 agents (20 to 30 agents). Source: Acme's 2026 export".
func driverLine(l i18n.Lang, n *browser.Numbers, d calc.Driver) string {
	s := d.Name + ": " + driverValue(n, d, d.Value)
	if d.Ranged() {
		s += " (" + l.T(i18n.FromTo, n.Number(*d.Low, 2), driverValue(n, d, *d.High)) + ")"
	}
	if d.Source != "" {
		s += ". " + l.T(i18n.SourceIs, d.Source)
	}
	return s
}

// driversOf returns the indexes of the drivers that scenario j's entries
// on sides are priced per, in the model's order; none in score mode,
// where drivers count for nothing.
func driversOf(m calc.Model, j int, sides ...calc.Side) []int {
	if m.Mode != calc.ModeMoney || j < 0 || j >= len(m.Scenarios) {
		return nil
	}
	used := make([]bool, len(m.Drivers))
	for i, it := range m.Items {
		if e := m.Scenarios[j].Entry(i); e != nil && (it.Side == sides[0] || it.Side == sides[len(sides)-1]) {
			for _, id := range e.Times {
				if d := m.DriverIndex(id); d >= 0 {
					used[d] = true
				}
			}
		}
	}
	var out []int
	for d, u := range used {
		if u {
			out = append(out, d)
		}
	}
	return out
}

// sourceNote is a figure's source under its name, or nothing.
func sourceNote(l i18n.Lang, source string) app.UI {
	if source == "" {
		return nil
	}
	return app.Span().Class("report-note source").Text(l.T(i18n.SourceIs, source))
}

// yourNumber is the tag that marks a driver, one of the case's own facts,
// among entries.
func yourNumber(l i18n.Lang) app.UI {
	return app.Span().Class("tag driver-tag").Text(l.T(i18n.YourNumber))
}

// lineList is a list of lines under a heading.
func lineList(id, heading string, lines []string) app.UI {
	return app.Div().ID(id).Class("line-list").Body(
		app.H3().Text(heading),
		app.Ul().Body(app.Range(lines).Slice(func(i int) app.UI { return app.Li().Text(lines[i]) })),
	)
}

// explainDrivers lists, in the explain dialog, the drivers the figures of
// scenario j on sides are priced per.
func explainDrivers(l i18n.Lang, n *browser.Numbers, m calc.Model, j int, sides []calc.Side) app.UI {
	var lines []string
	for _, d := range driversOf(m, j, sides...) {
		lines = append(lines, driverLine(l, n, m.Drivers[d]))
	}
	if len(lines) == 0 {
		return nil
	}
	return lineList("explain-drivers", l.T(i18n.DriversBehind), lines)
}

// reportSources is the report's part of the assumptions that the case's
// own facts are: the drivers (name, value with its unit, range, source),
// then the entries that name where their figure comes from.
func reportSources(l i18n.Lang, n *browser.Numbers, m calc.Model) app.UI {
	var drivers, sourced []string
	for _, d := range m.Drivers {
		if m.Mode == calc.ModeMoney {
			drivers = append(drivers, driverLine(l, n, d))
		}
	}
	for _, s := range m.Scenarios {
		for i, e := range s.Entries[:min(len(s.Entries), len(m.Items))] {
			if e != nil && e.Source != "" {
				sourced = append(sourced, l.T(i18n.SourceOfEntry, m.Items[i].Name, s.Name, e.Source))
			}
		}
	}
	return app.Div().ID("report-sources").Body(
		iff(len(drivers) > 0, func() app.UI { return lineList("report-drivers", l.T(i18n.YourNumbers), drivers) }),
		iff(len(sourced) > 0, func() app.UI { return lineList("report-entry-sources", l.T(i18n.EntrySources), sourced) }),
	)
}
