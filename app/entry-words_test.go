package app

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

var wordsDrivers = &state.Drivers{List: []state.DriverCol{
	{ID: "agents", Name: "Support agents", Unit: "agents", Value: 25},
	{ID: "tickets", Name: "Tickets a month", Unit: "tickets", Value: 4000},
	{ID: "sites", Name: "Sites", Value: 2},
	{ID: "one", Name: "Heads", Unit: "heads", Value: 1},
	{ID: "staff", Name: "Staff", Unit: "staff", Value: 3},
}}

func TestPerDriverWords(t *testing.T) {
	monthly := state.CellSetting{Unit: state.UnitAmount, Per: calc.PerMonth}
	hours := state.CellSetting{Unit: state.UnitHours, Per: calc.PerMonth}
	once := state.CellSetting{Unit: state.UnitAmount, Per: calc.PerOnce}
	yearly := state.CellSetting{Unit: state.UnitAmount, Per: calc.PerYear}
	tests := []struct {
		name              string
		lang              i18n.Lang
		cs                state.CellSetting
		value             float64
		times             [3]string
		sentence, product string
	}{
		{"en per agent", i18n.EN, monthly, 40, [3]string{"agents"}, "$40 per agent a month", "= $1,000 a month for 25 agents"},
		{"en hours per ticket", i18n.EN, hours, 0.1, [3]string{"tickets"}, "0.1 h per ticket a month", "= 400 h a month for 4,000 tickets"},
		{"en no unit: the name", i18n.EN, once, 500, [3]string{"sites"}, "$500 per unit of Sites", "= $1,000 for 2 Sites"},
		{"en a count of one is singular", i18n.EN, yearly, 12.5, [3]string{"one"}, "$12.50 per head a year", "= $12.50 a year for 1 head"},
		{"en a unit without an s stays", i18n.EN, monthly, 10, [3]string{"staff"}, "$10 per staff a month", "= $30 a month for 3 staff"},
		{"en two drivers", i18n.EN, monthly, 2, [3]string{"agents", "sites"}, "$2 per agent per unit of Sites a month", "= $100 a month for 25 agents × 2 Sites"},
		{"de per unit as typed", i18n.DE, monthly, 40, [3]string{"agents"}, "40\u00a0$ je Einheit (agents) pro Monat", "= 1.000\u00a0$ pro Monat für 25 agents"},
		{"de hours", i18n.DE, hours, 0.1, [3]string{"tickets"}, "0,1 Std. je Einheit (tickets) pro Monat", "= 400 Std. pro Monat für 4.000 tickets"},
		{"fr", i18n.FR, monthly, 40, [3]string{"agents"}, "40\u00a0$US par unité (agents) par mois", "= 1\u202f000\u00a0$US par mois pour 25 agents"},
		{"es", i18n.ES, yearly, 1500, [3]string{"tickets"}, "1500\u00a0US$ por unidad (tickets) al año", "= 6.000.000\u00a0US$ al año para 4000 tickets"},
		{"not priced per a driver", i18n.EN, monthly, 40, [3]string{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := browser.NewNumbers().For(tt.lang, calc.Model{Currency: "USD"})
			p := state.EntryParts{Value: tt.value, Times: tt.times}
			s, prod := perDriverWords(tt.lang, n, "USD", tt.cs, &p, wordsDrivers)
			assert.Equal(t, tt.sentence, s)
			assert.Equal(t, tt.product, prod)
		})
	}
}

func TestTimingWords(t *testing.T) {
	tests := []struct {
		name string
		lang i18n.Lang
		per  calc.Per
		p    state.EntryParts
		want string
	}{
		{"en start, ramp, growth", i18n.EN, calc.PerMonth, state.EntryParts{Start: 2, Ramp: 3, Growth: 0.05}, "from month 2, full by month 5, +5 %/yr"},
		{"en an end", i18n.EN, calc.PerMonth, state.EntryParts{End: 6}, "months 1–6"},
		{"en a ramp from month 1", i18n.EN, calc.PerYear, state.EntryParts{Ramp: 2}, "full by month 3"},
		{"en falling", i18n.EN, calc.PerYear, state.EntryParts{Growth: -0.025}, "−2.5 %/yr"},
		{"en once, later", i18n.EN, calc.PerOnce, state.EntryParts{Start: 7}, "in month 7"},
		{"en untimed", i18n.EN, calc.PerMonth, state.EntryParts{}, ""},
		{"de", i18n.DE, calc.PerMonth, state.EntryParts{Start: 2, End: 24, Ramp: 3, Growth: 0.025}, "Monate 2–24, voll ab Monat 5, +2,5 %/Jahr"},
		{"de once", i18n.DE, calc.PerOnce, state.EntryParts{Start: 13}, "im Monat 13"},
		{"fr", i18n.FR, calc.PerMonth, state.EntryParts{Start: 2, Ramp: 3, Growth: 0.05}, "dès le mois 2, plein au mois 5, +5 %/an"},
		{"fr an end", i18n.FR, calc.PerMonth, state.EntryParts{End: 6}, "mois 1 à 6"},
		{"es", i18n.ES, calc.PerMonth, state.EntryParts{Start: 2, Ramp: 3, Growth: -0.125}, "desde el mes 2, completo en el mes 5, −12,5 %/año"},
		{"es an end", i18n.ES, calc.PerYear, state.EntryParts{End: 6}, "meses 1–6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := browser.NewNumbers().For(tt.lang, calc.Model{Currency: "USD"})
			assert.Equal(t, tt.want, timingWords(tt.lang, n, tt.per, &tt.p))
		})
	}
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{"agents": "agent", "tickets": "ticket", "hours": "hour", "class": "class",
		"status": "status", "staff": "staff", "kWh": "kWh", "s": "s", "analysis": "analysis"} {
		assert.Equal(t, want, singular(in), in)
	}
}
