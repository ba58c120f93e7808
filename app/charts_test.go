package app

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// testModel is a small score model: two benefits, one cost, two scenarios.
func TestWaterfallSteps(t *testing.T) {
	m := fixture.Small()
	res := calc.Evaluate(m)
	s := res.Scenarios[0] // b1 2×2, b2 1×3, c1 1×1
	steps := waterfallSteps(i18n.EN, s)
	require.Len(t, steps, 4)
	assert.Equal(t, "Functional", steps[0].label)
	assert.Equal(t, 4.0, steps[0].delta)
	assert.Equal(t, "Emotional", steps[1].label)
	assert.Equal(t, 3.0, steps[1].delta)
	assert.Equal(t, "Financial", steps[2].label)
	assert.Equal(t, -1.0, steps[2].delta)
	assert.Equal(t, step{label: "Net value", delta: 6, color: netColor, total: true, amount: 6}, steps[3])
	sum := 0.0
	for _, st := range steps[:3] {
		sum += st.delta
	}
	assert.Equal(t, s.Net, sum, "the steps add up to the net")
}

func TestChartsAreSVGWithTextAlternatives(t *testing.T) {
	m := fixture.Small()
	res := calc.Evaluate(m)
	var n *browser.Numbers
	for name, ui := range map[string]app.UI{
		"benefits-costs": benefitsCostsChart(i18n.EN, n, m, res),
		"types":          typesChart(i18n.EN, n, m, res),
		"waterfall":      waterfallChart(i18n.EN, n, m, res.Scenarios[1]),
	} {
		t.Run(name, func(t *testing.T) {
			html := app.HTMLString(ui)
			assert.Contains(t, html, `<svg `)
			assert.Contains(t, html, `role="img"`)
			assert.Contains(t, html, `aria-label=`)
			assert.Contains(t, html, "<rect")
			assert.NotContains(t, html, "NaN")
			assert.NotContains(t, html, "Inf")
		})
	}
	table := app.HTMLString(benefitsCostsTable(i18n.EN, n, m, res))
	assert.Contains(t, table, "Status quo")
	assert.Contains(t, table, "<td>6</td>", "net of Status quo: 2×2 + 1×3 − 1×1")
	assert.Contains(t, table, "<td>11</td>", "net of With us: 3×5 − 1×4")
}

func TestChartsEmptyModel(t *testing.T) {
	m := calc.NewModel()
	res := calc.Evaluate(m)
	html := app.HTMLString(benefitsCostsChart(i18n.EN, nil, m, res)) + app.HTMLString(typesChart(i18n.EN, nil, m, res)) +
		app.HTMLString(waterfallChart(i18n.EN, nil, m, res.Scenarios[0]))
	assert.NotContains(t, html, "NaN")
	assert.False(t, strings.Contains(html, "Inf"))
}

// TestChartsManyScenarios: with the most scenarios a model may have, the
// charts' slots are too narrow for a name; they render with an ellipsis
// instead of panicking (a 200 × 50 model took the whole page down).
func TestChartsManyScenarios(t *testing.T) {
	assert.Equal(t, "…", truncate("Scenario 12", 0))
	assert.Equal(t, "…", truncate("Scenario 12", 1))
	assert.Equal(t, "S…", truncate("Scenario 12", 2))
	assert.Equal(t, "ab", truncate("ab", 0+2))
	assert.Equal(t, "", truncate("", 0))

	m := calc.NewModel()
	m.Mode = calc.ModeMoney
	m.Items = []calc.Item{{ID: "b1", Name: "Benefit", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1}}
	m.Scenarios = nil
	for j := range calc.MaxScenarios {
		id := "s" + strconv.Itoa(j+1)
		m.Scenarios = append(m.Scenarios, calc.Scenario{ID: id, Name: "Scenario " + id, Entries: []*calc.Entry{{Amount: calc.Float(float64(100 * (j + 1))), Per: calc.PerOnce}}})
	}
	res := calc.Evaluate(m)
	n := browser.NewNumbers()
	assert.NotPanics(t, func() { benefitsCostsChart(i18n.EN, n, m, res) })
}

// TestWaterfallValuesDoNotOverlap: on the helpdesk template's "With us"
// (five steps of six-figure dollars, three charts across at 1440 px) the
// values side by side touched ("$166,996−$48,110"); values on one line
// now keep the widest font's room between them, else they alternate
// above and below their bars.
func TestWaterfallValuesDoNotOverlap(t *testing.T) {
	tpl, ok := examples.Get("software-purchase")
	require.True(t, ok)
	m, err := calc.Decode(tpl.Data)
	require.NoError(t, err)
	res := calc.Evaluate(m)
	html := app.HTMLString(waterfallChart(i18n.EN, browser.NewNumbers(), m, res.Scenarios[m.ScenarioIndex("with-us")]))
	type placed struct {
		x, y float64
		text string
	}
	var values []placed
	text := regexp.MustCompile(`<text ([^>]*)>([^<]*)</text>`)
	attr := func(attrs, name string) string {
		g := regexp.MustCompile(`\b` + name + `="([^"]*)"`).FindStringSubmatch(attrs)
		if g == nil {
			return ""
		}
		return g[1]
	}
	for _, g := range text.FindAllStringSubmatch(html, -1) {
		if !strings.HasPrefix(attr(g[1], "class"), "chart-value") {
			continue
		}
		x, _ := strconv.ParseFloat(attr(g[1], "x"), 64)
		y, _ := strconv.ParseFloat(attr(g[1], "y"), 64)
		values = append(values, placed{x, y, g[2]})
	}
	require.Len(t, values, 5, "a value per step: %s", html)
	for i, a := range values {
		for _, b := range values[i+1:] {
			if math.Abs(a.y-b.y) < 13 {
				assert.GreaterOrEqual(t, math.Abs(a.x-b.x), (valueWidth(a.text)+valueWidth(b.text))/2,
					"%q and %q on one line overlap", a.text, b.text)
			}
		}
	}
}

// TestTickText: an axis of whole steps writes whole money even in a model
// whose amounts have cents; a finer axis writes cents.
func TestTickText(t *testing.T) {
	n := browser.NewNumbers()
	cents := calc.Model{Mode: calc.ModeMoney, Currency: "USD", HourlyRate: 62.5}
	whole := calc.Model{Mode: calc.ModeMoney, Currency: "USD", HourlyRate: 60}
	score := calc.Model{Mode: calc.ModeScore}
	assert.Equal(t, "$50,000", tickText(n, cents, 50000, 10000))
	assert.Equal(t, "−$10,000", tickText(n, cents, -10000, 10000))
	assert.Equal(t, "$0", tickText(n, cents, 0, 10000))
	assert.Equal(t, "$0.50", tickText(n, cents, 0.5, 0.25))
	assert.Equal(t, "$0.25", tickText(n, whole, 0.25, 0.25), "not $0 twice")
	assert.Equal(t, "0", tickText(n, score, 0, 1))
	assert.Equal(t, "2.5", tickText(n, score, 2.5, 0.5))
}

// TestSlotLabel: a label under a bar is whole: on one line, on two at a
// space, or squeezed a little; cut short only when nothing else fits.
func TestSlotLabel(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		room       float64
		want       []string // in the HTML
		not        []string
	}{
		{"fits", "Time", 67, []string{">Time</text>"}, []string{"tspan", "…"}},
		{"one long word, squeezed", "Functional", 67, []string{">Functional</tspan>", `textLength="61"`}, []string{"…"}},
		{"two words, two lines", "Monetärer Nutzen", 67, []string{">Monetärer</tspan>", ">Nutzen</tspan>"}, []string{"…"}},
		{"far too long, cut", "Extraordinarily", 20, []string{"…"}, []string{"tspan"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			html := app.HTMLString(slotLabel(100, tt.text, tt.room))
			for _, w := range tt.want {
				assert.Contains(t, html, w)
			}
			for _, w := range tt.not {
				assert.NotContains(t, html, w)
			}
		})
	}
}
