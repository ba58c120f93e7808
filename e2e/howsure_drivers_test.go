//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// importModel opens m as the user's own assessment through the files
// dialog, as a file made elsewhere is opened.
func importModel(t *testing.T, ctx context.Context, m calc.Model) {
	t.Helper()
	data, err := calc.Encode(m)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "case.json")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#open-files", chromedp.ByQuery),
		chromedp.SetUploadFiles("#import-file", []string{path}, chromedp.ByQuery),
		chromedp.WaitNotPresent("#files", chromedp.ByQuery),
		waitJS(`document.getElementById("f-title").value === `+jsString(importedTitle(m.Title))),
		// The notice that says so covers the bottom of a phone's screen.
		chromedp.Click("#notice .notice button:last-child", chromedp.ByQuery),
		chromedp.WaitNotPresent("#notice .notice", chromedp.ByQuery),
	))
}

// shotOf saves a screenshot of the element sel at width px to
// $VALUECALC_SHOTS/name-width.png when that is set, for a person to look at.
func shotOf(t *testing.T, ctx context.Context, width int64, sel, name string) {
	t.Helper()
	dir := os.Getenv("VALUECALC_SHOTS")
	if dir == "" {
		return
	}
	var png []byte
	shoot := chromedp.Screenshot(sel, &png, chromedp.ByQuery)
	if sel == "#explain" {
		shoot = chromedp.CaptureScreenshot(&png) // a dialog over the page: as the screen shows it
	}
	// The sticky top bar would stand in the middle of a long section's shot.
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(width, 900),
		chromedp.Evaluate(`(document.querySelector(".topbar") || {style: {}}).style.visibility = "hidden"`, nil),
		chromedp.Sleep(300*time.Millisecond), shoot,
		chromedp.Evaluate(`(document.querySelector(".topbar") || {style: {}}).style.visibility = ""`, nil)))
	require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width)), png, 0o644))
}

// wholeGoal is the goal seek's answer for a driver counted in whole
// numbers: of the two whole numbers around calc's exact answer, the
// nearer that gives a net of at least target.
func wholeGoal(t *testing.T, m calc.Model, scenario, driver string, target float64) (float64, float64) {
	t.Helper()
	exact, err := calc.GoalSeekDriver(m, scenario, driver, calc.Goal{Metric: calc.MetricNet, Target: target})
	require.NoError(t, err)
	net := func(v float64) float64 {
		m2 := m
		m2.Drivers = append([]calc.Driver(nil), m.Drivers...)
		m2.Drivers[m.DriverIndex(driver)].Value = v
		return calc.Evaluate(m2).Scenarios[m.ScenarioIndex(scenario)].Net
	}
	near, far := math.Floor(exact), math.Ceil(exact)
	if exact-near > far-exact {
		near, far = far, near
	}
	for _, v := range []float64{near, far} {
		if net(v) >= target {
			return v, net(v)
		}
	}
	t.Fatalf("neither %v nor %v reaches %v", near, far, target)
	return 0, 0
}

// TestHowSureDrivers: a case priced per drivers, opened from a file. Its
// tornado has the drivers' bars, marked as the user's numbers; the ranged
// driver is simulated; the goal seek solves for a driver ("how many
// agents can With us carry before its net is 0?") in whole agents, its
// answer used and undone, and says plainly when no value works; the
// explanation and the report show the drivers and the sources. At a
// phone's and a desktop's width, with axe finding nothing.
func TestHowSureDrivers(t *testing.T) {
	m, err := fixture.Helpdesk("../calc/testdata/vectors")
	require.NoError(t, err)
	an, err := calc.Analyze(m)
	require.NoError(t, err)
	require.NotNil(t, an.Ranges, "the ranged driver alone is simulated")
	require.Equal(t, "with", an.Best)
	for _, width := range []int64{1440, 375} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ctx := newBrowserFor(t, 3*time.Minute)
			require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(width, 900)))
			openApp(t, ctx, "/?template=customer-value")
			importModel(t, ctx, m)
			require.NoError(t, chromedp.Run(ctx, chromedp.WaitVisible("#how-sure-ranges", chromedp.ByQuery), analysisDone()))

			// The tornado of With us: entries' and drivers' bars, largest
			// swing first, as the state picks them from calc's analysis.
			var rows []struct{ Item, Driver, Name, Label string }
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#how-sure-tornado li")].map(li => ({
				Item: li.dataset.item || "", Driver: li.dataset.driver || "",
				Name: li.querySelector(".tornado-name").textContent, Label: li.querySelector("svg").getAttribute("aria-label")}))`, &rows)))
			want := state.Tornado(&an, m, "with", 10)
			require.Len(t, rows, len(want))
			names := map[string]string{}
			for i, w := range want {
				assert.Equal(t, w.Item, rows[i].Item, "bar %d", i)
				assert.Equal(t, w.Driver, rows[i].Driver, "bar %d", i)
				if w.Driver != "" {
					names[w.Driver] = rows[i].Name
				}
			}
			assert.Equal(t, map[string]string{
				"agents":  "Support agentsYour number 25 agents",
				"tickets": "Tickets a monthYour number 4,000 tickets",
				"sites":   "SitesYour number 2 sites",
			}, names, "the drivers that price With us, named, marked and valued")
			var agentsBar string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
				`document.querySelector('#how-sure-tornado li[data-driver="agents"] svg').getAttribute("aria-label")`, &agentsBar)))
			for _, d := range an.Drivers {
				if d.Scenario == "with" && d.Driver == "agents" {
					assert.Equal(t, fmt.Sprintf("Support agents: net from %s to %s", dollarsOf(d.SwingLow), dollarsOf(d.SwingHigh)), agentsBar)
				}
			}
			assert.Contains(t, text(t, ctx, "#how-sure .tornado"), "one of your numbers")
			var pBest float64
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(
				`parseFloat(document.querySelector('#how-sure-ranges tr[data-scenario="with"] .chance-best').dataset.value)`, &pBest)))
			assert.InDelta(t, an.Ranges.Scenarios[1].PBest, pBest, 1e-12, "the page's simulation is calc's, the driver drawn")
			noSidewaysScroll(t, ctx, "#how-sure")

			// Goal seek on a driver: how many agents can With us carry
			// before its net falls to 0? Whole agents, the count that
			// still reaches it.
			agents, net := wholeGoal(t, m, "with", "agents", 0)
			require.NoError(t, chromedp.Run(ctx,
				selectValue("goal-scenario", "with"),
				selectValue("goal-item", "driver:agents"),
				typeInto("goal-target", "0"),
				waitJS(`document.getElementById("goal-answer").textContent.startsWith("It must be")`),
			))
			assert.Equal(t, fmt.Sprintf("It must be %[1]v agents. With %[1]v agents: net value %s.", agents, dollarsOf(net)), text(t, ctx, "#goal-answer"))
			assert.Equal(t, "Support agents is 25 agents now, the same in every scenario.", text(t, ctx, "#goal-seek .hint"))
			assert.Empty(t, axe(t, ctx), "the analysis with drivers has no accessibility violations")
			shotOf(t, ctx, width, "#how-sure", "howsure-drivers")

			used := m
			used.Drivers = append([]calc.Driver(nil), m.Drivers...)
			used.Drivers[0].Value, used.Drivers[0].High = agents, calc.Float(math.Max(30, agents))
			res := calc.Evaluate(used)
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#goal-use", chromedp.ByQuery),
				waitValue("net-with", res.Scenarios[1].Net),
				waitValue("net-now", res.Scenarios[0].Net),
				waitJS(fmt.Sprintf(`document.querySelector("#goal-seek .hint").textContent === "Support agents is %v agents now, the same in every scenario."`, agents)),
			))
			// Undo takes it back, in every scenario.
			before := calc.Evaluate(m)
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#undo", chromedp.ByQuery),
				waitValue("net-with", before.Scenarios[1].Net),
				waitValue("net-now", before.Scenarios[0].Net),
				analysisDone(),
			))

			// The same question of Status quo, which pays for agents too;
			// then one no value answers: Status quo is priced per no site.
			nowAgents, _ := wholeGoal(t, m, "now", "agents", 0)
			require.NoError(t, chromedp.Run(ctx,
				selectValue("goal-scenario", "now"),
				waitJS(fmt.Sprintf(`document.getElementById("goal-answer").textContent.startsWith("It must be %v agents.")`, nowAgents)),
				selectValue("goal-item", "driver:sites"),
				waitJS(`document.getElementById("goal-answer").textContent.startsWith("No value")`),
			))
			assert.Equal(t, "No value of Sites reaches that: the figure does not depend on it, or it would have to go below 0 or beyond what it can be.",
				text(t, ctx, "#goal-answer"))
			var useShown bool
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`!!document.getElementById("goal-use")`, &useShown)))
			assert.False(t, useShown, "nothing to use")

			// The explanation of With us's net: each entry priced per its
			// drivers, its source under its name, and the drivers behind
			// it with their ranges and sources.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#explain-net-with", chromedp.ByQuery),
				chromedp.WaitVisible("#explain-drivers", chromedp.ByQuery),
			))
			triage := text(t, ctx, `#explain-benefit tr[data-item="triage"]`)
			assert.Contains(t, triage, "Source: pilot at Beta Inc, 2025")
			assert.Contains(t, triage, "0.1 h × $45/h × 4,000 tickets a month, for 3 years")
			var lines []string
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#explain-drivers li")].map(li => li.textContent)`, &lines)))
			assert.Equal(t, []string{
				"Support agents: 25 agents (20 to 30 agents)",
				"Tickets a month: 4,000 tickets. Source: Acme's 2026 helpdesk export",
				"Sites: 2 sites",
			}, lines)
			noSidewaysScroll(t, ctx, "#explain")
			assert.Empty(t, axe(t, ctx), "the explanation has no accessibility violations")
			shotOf(t, ctx, width, "#explain", "howsure-explain")
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#explain-close", chromedp.ByQuery),
				chromedp.WaitNotPresent("#explain", chromedp.ByQuery),
			))

			// The report: the drivers' bars in its tornado, and its
			// assumptions list the drivers, then the entries' sources.
			require.NoError(t, chromedp.Run(ctx,
				chromedp.Click("#open-report", chromedp.ByQuery),
				chromedp.WaitVisible("#report-drivers", chromedp.ByQuery),
				chromedp.WaitVisible(`#report-how-sure-tornado li[data-driver="agents"]`, chromedp.ByQuery),
			))
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#report-drivers li")].map(li => li.textContent)`, &lines)))
			assert.Equal(t, []string{
				"Support agents: 25 agents (20 to 30 agents)",
				"Tickets a month: 4,000 tickets. Source: Acme's 2026 helpdesk export",
				"Sites: 2 sites",
			}, lines)
			assert.Equal(t, "Where the figures come from Faster triage in With us: pilot at Beta Inc, 2025",
				strings.Join(strings.Fields(text(t, ctx, "#report-entry-sources")), " "))
			noSidewaysScroll(t, ctx, "#report-assumptions")
			assert.Empty(t, axe(t, ctx), "the report with drivers has no accessibility violations")
			shotOf(t, ctx, width, "#report-assumptions", "howsure-report-assumptions")
		})
	}
}

// dollarsOf writes v as the page writes a whole-dollar amount: "$1,234",
// "−$1,234".
func dollarsOf(v float64) string {
	s := calc.StyleOf("en")
	s.Minus = "−"
	return s.Money(v, "USD", 0)
}
