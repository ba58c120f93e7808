package app

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// helpdesk is the model of calc's drivers-and-timing vector: drivers
// agents (25), tickets (4,000, with a source) and sites (2); With us's
// triage has a source. Agents get a range here.
func helpdesk(t *testing.T) calc.Model {
	t.Helper()
	m, err := fixture.Helpdesk("../calc/testdata/vectors")
	require.NoError(t, err)
	return m
}

// TestExplainPricedPerDriver: an entry priced per drivers says so in the
// explanation, each driver with its value and unit, in the user's
// number format.
func TestExplainPricedPerDriver(t *testing.T) {
	m := helpdesk(t)
	with := m.Scenarios[m.ScenarioIndex("with")]
	for _, tc := range []struct {
		lang i18n.Lang
		item string
		want string
	}{
		{i18n.EN, "triage", "0.1 h × $45/h × 4,000 tickets a month, for 3 years"},
		{i18n.EN, "renewal", "$900 × 25 agents × 2 sites once"},
		{i18n.EN, "setup", "$15,000 once"},
		{i18n.DE, "triage", "0,1 Std. × 45\u00a0$/Std. × 4.000 tickets pro Monat, 3 Jahre lang"},
	} {
		n := browser.NewNumbers().For(tc.lang, m)
		got := describeEntry(tc.lang, n, m, *with.Entry(m.ItemIndex(tc.item)))
		assert.Equal(t, tc.want, got, "%s %s", tc.lang, tc.item)
	}
}

// TestExplainSources: the explanation shows each entry's source under
// its name, and the drivers behind the figures shown with their ranges
// and sources; only those the scenario's entries on the shown sides are
// priced per.
func TestExplainSources(t *testing.T) {
	m := helpdesk(t)
	res := calc.Evaluate(m)
	n, l := browser.NewNumbers().For(i18n.EN, m), i18n.EN
	j := m.ScenarioIndex("with")
	ps := parts(l, n, m, res, j, calc.SideBenefit)
	html := app.HTMLString(partsTable(l, "explain-benefit", calc.SideBenefit, n, m, ps, res.Scenarios[j].Benefits, 0))
	assert.Contains(t, html, "Source: pilot at Beta Inc, 2025")
	assert.Equal(t, 1, strings.Count(html, "Source:"), "only the entry with a source")

	both := []calc.Side{calc.SideBenefit, calc.SideCost}
	html = app.HTMLString(explainDrivers(l, n, m, j, both))
	for _, want := range []string{
		"Your numbers behind these figures",
		"Support agents: 25 agents (20 to 30 agents)",
		"Tickets a month: 4,000 tickets",
		"Tickets a month: 4,000 tickets. Source: Acme&#39;s 2026 helpdesk export",
		"Sites: 2 sites",
	} {
		assert.Contains(t, html, want)
	}
	html = app.HTMLString(explainDrivers(l, n, m, m.ScenarioIndex("now"), []calc.Side{calc.SideBenefit}))
	assert.Contains(t, html, "Tickets a month")
	assert.NotContains(t, html, "Support agents", "Status quo's benefits are priced per tickets only")

	m.Mode = calc.ModeScore
	assert.Nil(t, explainDrivers(l, n, m, j, both), "drivers count in money mode only")
}

// TestReportSources: the report's assumptions list the drivers (name,
// value with unit, range, source), then the entries that name a source;
// a model with neither adds nothing.
func TestReportSources(t *testing.T) {
	m := helpdesk(t)
	for _, tc := range []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.EN, []string{"Your numbers", "Support agents", "25 agents", "20 to 30 agents", "Acme&#39;s 2026 helpdesk export",
			"Where the figures come from", "Faster triage in With us: pilot at Beta Inc, 2025"}},
		{i18n.DE, []string{"Ihre Zahlen", "4.000 tickets", "20 bis 30 agents", "Woher die Zahlen stammen"}},
	} {
		html := app.HTMLString(reportSources(tc.lang, browser.NewNumbers().For(tc.lang, m), m))
		for _, want := range tc.want {
			assert.Contains(t, html, want, "%s", tc.lang)
		}
		assert.Less(t, strings.Index(html, "report-drivers"), strings.Index(html, "report-entry-sources"), "drivers first")
	}
	html := app.HTMLString(reportSources(i18n.EN, browser.NewNumbers(), fixture.Small()))
	assert.NotContains(t, html, "<li", "nothing to list")
}
