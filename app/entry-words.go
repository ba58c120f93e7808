package app

import (
	"math"
	"strings"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// perDriverWords words a money cell whose entry is priced per drivers:
// the sentence "$40 per agent a month" and its product "= $1,000 a month
// for 25 agents"; "" for both when it is priced per none.
//
// A driver's unit is the user's own text, in the user's language. Only
// English makes it singular, and only by a trailing "s" ("agents" →
// "agent"; "staff" and "kWh" stay): German, French and Spanish plurals
// have no such rule ("Agenten", "sedes", "chevaux"), so those languages
// name the unit as typed after "per unit" ("40 $ je Einheit (Agenten)
// pro Monat"), which is right whatever the noun. Without a unit the
// driver's name stands in its place ("per unit of Support agents").
func perDriverWords(l i18n.Lang, n *browser.Numbers, currency string, cs state.CellSetting, p *state.EntryParts, ds *state.Drivers) (sentence, product string) {
	if !p.HasTimes() {
		return "", ""
	}
	var per, counts []string
	total := p.Value
	for _, id := range p.Times {
		d, ok := ds.Of(id)
		if id == "" || !ok {
			continue
		}
		total *= d.Value
		unit := d.Unit
		switch {
		case unit == "":
			per = append(per, l.T(i18n.PerUnitOf, d.Name))
			unit = d.Name
		case l == i18n.EN:
			per = append(per, l.T(i18n.PerUnit, singular(unit)))
		default:
			per = append(per, l.T(i18n.PerUnit, unit))
		}
		if l == i18n.EN && d.Value == 1 {
			unit = singular(unit)
		}
		counts = append(counts, n.Number(d.Value, 2)+" "+unit)
	}
	if len(per) == 0 {
		return "", ""
	}
	sentence = recurring(l, cs.Per, quantity(l, n, currency, cs.Unit, p.Value)+" "+strings.Join(per, " "))
	product = l.T(i18n.ProductFor, recurring(l, cs.Per, quantity(l, n, currency, cs.Unit, total)), strings.Join(counts, " × "))
	return sentence, product
}

// quantity is an amount of money or of hours: "$40", "0.1 h".
func quantity(l i18n.Lang, n *browser.Numbers, currency string, u state.Unit, v float64) string {
	if u == state.UnitHours {
		return l.T(i18n.HoursShort, n.Number(v, 2))
	}
	return n.ExactMoney(v, currency)
}

// recurring adds how often s recurs: "$40 a month"; once, nothing.
func recurring(l i18n.Lang, per calc.Per, s string) string {
	switch per {
	case calc.PerMonth:
		return l.T(i18n.AMonth, s)
	case calc.PerYear:
		return l.T(i18n.AYear, s)
	}
	return s
}

// singular is an English unit made singular by its trailing "s":
// "agents" → "agent", "tickets" → "ticket"; "class", "status" and
// "staff" stay.
func singular(unit string) string {
	if len(unit) > 2 && strings.HasSuffix(unit, "s") && !strings.HasSuffix(unit, "ss") &&
		!strings.HasSuffix(unit, "us") && !strings.HasSuffix(unit, "is") {
		return unit[:len(unit)-1]
	}
	return unit
}

// timingWords summarises a money entry's timing when it has any: "from
// month 2, full by month 5, +5 %/yr", "months 1–6", "in month 7" (once).
func timingWords(l i18n.Lang, n *browser.Numbers, per calc.Per, p *state.EntryParts) string {
	start := max(p.Start, 1)
	var parts []string
	switch {
	case per == calc.PerOnce:
		if start > 1 {
			parts = append(parts, l.T(i18n.TimingIn, start))
		}
	case p.End != 0:
		parts = append(parts, l.T(i18n.TimingMonths, start, p.End))
	case start > 1:
		parts = append(parts, l.T(i18n.TimingFrom, start))
	}
	if per != calc.PerOnce {
		if p.Ramp > 0 {
			parts = append(parts, l.T(i18n.TimingFullBy, start+p.Ramp))
		}
		if p.Growth != 0 {
			sign := "+"
			if p.Growth < 0 {
				sign = "−"
			}
			parts = append(parts, l.T(i18n.TimingGrowth, sign+n.Number(math.Abs(p.Growth)*100, 2)))
		}
	}
	return strings.Join(parts, ", ")
}
