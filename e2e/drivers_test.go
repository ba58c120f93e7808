//go:build e2e

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// driversCase is a year of a helpdesk priced per agent and per ticket:
// in "With us" benefits 0.5 × 4,000 tickets × 12 = 24,000 and costs 40 ×
// 25 agents × 12 = 12,000, a net of 12,000.
const driversCase = `{"format": "valuecalc/3", "title": "Helpdesk for Acme", "mode": "money", "currency": "USD", "horizonYears": 1,
 "drivers": [
  {"id": "agents", "name": "Support agents", "unit": "agents", "value": 25, "source": "Acme's HR list"},
  {"id": "tickets", "name": "Tickets a month", "unit": "tickets", "value": 4000}],
 "items": [
  {"id": "triage", "name": "Faster triage", "side": "benefit", "type": "monetary"},
  {"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"}],
 "scenarios": [
  {"id": "with", "name": "With us", "entries": {
   "triage": {"amount": 0.5, "per": "month", "times": ["tickets"]},
   "sub": {"amount": 40, "per": "month", "times": ["agents"]}}},
  {"id": "later", "name": "Next year", "entries": {
   "sub": {"amount": 45, "per": "month", "times": ["agents"]}}}]}`

// openHelpdesk opens driversCase from a link (query: "?lang=de", or "")
// and saves it as the user's own, to edit.
func openHelpdesk(t *testing.T, ctx context.Context, query string) {
	t.Helper()
	m, err := calc.Decode([]byte(driversCase))
	require.NoError(t, err)
	fragment, err := calc.EncodeLink(m)
	require.NoError(t, err)
	if !strings.HasPrefix(fragment, "#") {
		fragment = "#" + fragment
	}
	if query == "" {
		query = "?view=editor"
	} else {
		query += "&view=editor"
	}
	openApp(t, ctx, "/"+query+fragment)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#save-copy", chromedp.ByQuery),
		chromedp.WaitNotPresent("#shared-banner", chromedp.ByQuery),
		waitValue("net-with", 12000),
	))
}

func fieldText(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	var s string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("`+id+`").value`, &s)))
	return s
}

func driverOrder(t *testing.T, ctx context.Context) string {
	t.Helper()
	var s string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
		`[...document.querySelectorAll("#drivers li.driver-row")].map(r => r.dataset.driver).join(" ")`, &s)))
	return s
}

// TestDriversPanel: "Your numbers" lists a case's drivers above the grid;
// a rep changes one and the totals follow; bad text stays with its
// message; a driver in use is not deleted, and the message names where
// it is used; add, reorder, ask, delete and undo work from the panel.
func TestDriversPanel(t *testing.T) {
	ctx := newBrowserFor(t, 6*time.Minute) // a long walk through the panel
	openHelpdesk(t, ctx, "")
	assert.Equal(t, "agents tickets", driverOrder(t, ctx))
	assert.Equal(t, "25", fieldText(t, ctx, "f-driver-agents-value"))
	assert.Equal(t, "agents", fieldText(t, ctx, "f-driver-agents-unit"))
	assert.Equal(t, "Acme's HR list", fieldText(t, ctx, "f-driver-agents-source"))
	shotAt(t, ctx, 1440, "drivers")
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(375, 900), chromedp.ScrollIntoView("#drivers", chromedp.ByQuery)))
	shotAt(t, ctx, 375, "drivers")
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(1280, 900)))

	// Live: 30 agents cost 40 × 30 × 12 = 14,400; the net is 9,600, and
	// Next year's 45 × 30 × 12 = 16,200 of costs.
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-driver-agents-value", "30"),
		waitValue("net-with", 9600),
		waitValue("net-later", -16200),
	))

	// Text that is no number stays, with its message; the figures keep
	// the last valid value.
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-driver-agents-value", "lots"),
		chromedp.WaitVisible("#f-driver-agents-value-err", chromedp.ByQuery),
	))
	assert.Equal(t, "lots", fieldText(t, ctx, "f-driver-agents-value"))
	assert.Equal(t, 9600.0, dataValue(t, ctx, "net-with"))
	var invalid string
	require.NoError(t, chromedp.Run(ctx, chromedp.AttributeValue("#f-driver-agents-value", "aria-invalid", &invalid, nil, chromedp.ByQuery)))
	assert.Equal(t, "true", invalid)
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-driver-agents-value", "30"),
		chromedp.WaitNotPresent("#f-driver-agents-value-err", chromedp.ByQuery),
	))

	// A range: the low end typed alone runs up to the value.
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-driver-agents-low", "20"),
		typeInto("f-driver-agents-high", "20"),
		chromedp.WaitVisible("#f-driver-agents-high-err", chromedp.ByQuery),
		typeInto("f-driver-agents-high", "40"),
		chromedp.WaitNotPresent("#f-driver-agents-high-err", chromedp.ByQuery),
	))

	// Deleting a driver that entries use is refused, naming them.
	var notice string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#driver-del-agents", chromedp.ByQuery),
		chromedp.WaitVisible("#notice .notice-error", chromedp.ByQuery),
		chromedp.Text("#notice .notice-error", &notice, chromedp.ByQuery),
	))
	assert.Contains(t, notice, "“Support agents” is used by Subscription (With us, Next year)")
	assert.Equal(t, "agents tickets", driverOrder(t, ctx))

	// Add one: named, focused; rename it, move it up, ask it, delete it.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#add-driver", chromedp.ByQuery),
		waitJS(`document.activeElement && document.activeElement.id === "f-driver-d1-name"`),
	))
	assert.Equal(t, "New number", fieldText(t, ctx, "f-driver-d1-name"))
	assert.Equal(t, "agents tickets d1", driverOrder(t, ctx))
	require.NoError(t, chromedp.Run(ctx,
		typeInto("f-driver-d1-name", "Sites"),
		chromedp.Click("#driver-up-d1", chromedp.ByQuery),
		waitJS(`document.querySelector("#drivers li.driver-row:nth-child(2)").dataset.driver === "d1"`),
		chromedp.Click("#driver-up-d1", chromedp.ByQuery),
		waitJS(`document.querySelector("#drivers li.driver-row").dataset.driver === "d1"`),
	))
	assert.Equal(t, "d1 agents tickets", driverOrder(t, ctx))
	assert.True(t, inputDisabled(t, ctx, "driver-up-d1"), "the first cannot go up")
	// The row's controls follow their driver: the button now first acts on d1.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#f-driver-d1-ask", chromedp.ByQuery),
		waitJS(`document.getElementById("f-driver-d1-ask").getAttribute("aria-checked") === "true"`),
		chromedp.WaitVisible("#f-driver-d1-note", chromedp.ByQuery),
	))
	var askLabel string
	require.NoError(t, chromedp.Run(ctx, chromedp.AttributeValue("#f-driver-d1-ask", "aria-label", &askLabel, nil, chromedp.ByQuery)))
	assert.Equal(t, "Sites: Ask the visitor", askLabel)

	// Nothing wrong for axe with every field shown.
	vs := axe(t, ctx)
	assert.Empty(t, vs, "%s", describe(vs))

	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#driver-del-d1", chromedp.ByQuery),
		waitJS(`!document.getElementById("f-driver-d1-name")`),
	))
	assert.Equal(t, "agents tickets", driverOrder(t, ctx))

	// Undo brings it back; undo after undo, back to 25 agents.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#notice-undo", chromedp.ByQuery),
		waitJS(`document.getElementById("f-driver-d1-name") && document.getElementById("f-driver-d1-name").value === "Sites"`),
	))
	for range 8 {
		require.NoError(t, chromedp.Run(ctx, chromedp.Click("#undo", chromedp.ByQuery)))
	}
	require.NoError(t, chromedp.Run(ctx,
		waitValue("net-with", 12000),
		waitJS(`document.getElementById("f-driver-agents-value").value === "25"`),
	))
	assert.Equal(t, "agents tickets", driverOrder(t, ctx))
}

// TestDriversInGerman: a German rep types German numbers into a driver;
// the panel speaks German, and the totals follow.
func TestDriversInGerman(t *testing.T) {
	ctx := newBrowser(t)
	openHelpdesk(t, ctx, "?lang=de")
	var title string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Text("#drivers-title", &title, chromedp.ByQuery),
		// 1.234,5 agents: costs 40 × 1,234.5 × 12 = 592,560.
		typeInto("f-driver-agents-value", "1.234,5"),
		waitValue("net-with", 24000-592560),
	))
	assert.Equal(t, "Ihre Zahlen", title)
	assert.Equal(t, "4.000", fieldText(t, ctx, "f-driver-tickets-value"))
}

// TestDriversEmptyAndScoreMode: a money case without drivers says what
// they are; a score case keeps its drivers and says so instead of
// offering to edit what nothing uses.
func TestDriversEmptyAndScoreMode(t *testing.T) {
	ctx := newBrowser(t)
	plain := calc.NewModel() // a money case with no drivers (the helpdesk template has two)
	plain.Title, plain.Mode = "Plain money", calc.ModeMoney
	fragment, err := calc.EncodeLink(plain)
	require.NoError(t, err)
	openApp(t, ctx, "/?view=editor#"+strings.TrimPrefix(fragment, "#"))
	var empty string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#save-copy", chromedp.ByQuery),
		chromedp.WaitNotPresent("#shared-banner", chromedp.ByQuery),
		chromedp.Text("#drivers-empty", &empty, chromedp.ByQuery),
	))
	assert.Contains(t, empty, "The customer's own quantities")
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(375, 900), chromedp.ScrollIntoView("#drivers", chromedp.ByQuery)))
	shotAt(t, ctx, 375, "drivers-empty")

	openHelpdesk(t, ctx, "")
	var kept string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#mode-score", chromedp.ByQuery),
		chromedp.Click("#confirm-mode-yes", chromedp.ByQuery),
		chromedp.WaitNotPresent("#drivers", chromedp.ByQuery),
		chromedp.Text("#drivers-kept", &kept, chromedp.ByQuery),
	))
	assert.Equal(t, "2 numbers are kept for when you measure in money; scores do not use them.", kept)
}
