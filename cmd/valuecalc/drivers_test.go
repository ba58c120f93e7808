//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/valuecalc/valuecalc/calc"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAnalyzeDrivers: analyze lists SPEC §8's driver rows per scenario,
// in each driver's unit, with the side of the tie on which the scenario
// falls behind or overtakes, and draws the drivers' bars in the tornado.
func TestAnalyzeDrivers(t *testing.T) {
	file, _, _ := vectorModel(t, "../../calc/testdata/vectors/drivers-and-timing.json")
	code, out, errOut := analyzeRun(t, "", file)
	require.Equal(t, 0, code, errOut)
	require.Empty(t, errOut)
	for _, want := range []string{
		"\nDrivers (shared by every scenario, so the rival moves too: the value of each at which the net is 0, or ties):\n\n  Status quo\n",
		// Status quo's slope in agents is −509, With us's −3,213: with
		// more agents With us pays more, and past 83.31 loses.
		"    Support agents: 25 agents now; breaks even at 546.47 agents; ties with With us at 83.31 agents and overtakes it above that\n",
		"    Tickets a month: 4,000 tickets now; breaks even at 182.99 tickets; ties with With us at 1,335 tickets and overtakes it below that\n",
		// No entry of the status quo is priced per site, but With us's
		// net moves with the sites, so they tie somewhere.
		"    Sites: 2 sites now; no entry of this scenario uses it; ties with With us at 10.29 sites and overtakes it above that\n",
		"\n  With us\n    Support agents: 25 agents now; breaks even at 156.72 agents; ties with Status quo at 83.31 agents and falls behind it above that\n",
		"    Sites: 2 sites now; breaks even at 24.25 sites; ties with Status quo at 10.29 sites and falls behind it above that\n",
		// The tornado: the drivers' bars among the entries', widest first.
		"  With us (net $423,268)\n    Tickets a month (driver)  ###################|####################  $320,271 … $526,266\n" +
			"    Faster triage             ###################|####################  $320,271 … $526,266\n" +
			"    Support agents (driver)                   ###|####                  $407,202 … $439,335\n",
	} {
		assert.Contains(t, out, want)
	}
	// Sites move nothing in the status quo: no bar there.
	quo := out[strings.Index(out, "  Status quo (net"):strings.Index(out, "  With us (net")]
	assert.NotContains(t, quo, "Sites")
	assert.Contains(t, quo, "Support agents (driver)")

	// Ranged drivers: the simulation says it draws them too.
	file, _, _ = vectorModel(t, "../../calc/testdata/vectors/ranges-drivers.json")
	code, out, errOut = analyzeRun(t, "", file)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "    Not used: 10 now; no entry of this scenario uses it\n")
	assert.Contains(t, out, "    Users: 200 users now; breaks even at 13.6 users\n")
	assert.Contains(t, out, "Ranges (10,000 samples of the ranges of entries and drivers;")

	// The helpdesk template is priced per agent and per ticket a month.
	code, out, errOut = analyzeRun(t, "", "../../examples/software-purchase.json")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "    Support agents: 10 agents now; breaks even at 34.67 agents; ties with Status quo at 46.65 agents and falls behind it above that\n")
	assert.Contains(t, out, "    Tickets a month: 1,200 tickets now; breaks even at 170.3 tickets\n")

	// Without drivers, and in score mode, there is no such section.
	noDrivers, _, _ := vectorModel(t, "../../calc/testdata/vectors/money-discounted.json")
	for _, f := range []string{noDrivers, "../../examples/segments.json"} {
		code, out, errOut = analyzeRun(t, "", f)
		require.Equal(t, 0, code, errOut)
		assert.NotContains(t, out, "Drivers (", f)
		assert.NotContains(t, out, "(driver)", f)
	}
}

// TestAnalyzeDriverFlips: a driver whose tie lies within its ±20 % swing
// makes the verdict fragile, and counts once as a figure however many
// scenarios' rows flip with it, while no single entry flips.
func TestAnalyzeDriverFlips(t *testing.T) {
	// Ten benefits of $10 per agent (10 agents): $1,000, against a fixed
	// $1,050. Each entry's ±20 % moves the net by $20, short of the $50
	// lead; the driver's moves it by $200 and ties at 10.5 agents.
	// The fixed $1,050 is ten entries of $105 for the same reason.
	var items, per, fixed []string
	for i := range 10 {
		items = append(items, fmt.Sprintf(`{"id": "i%d", "name": "Gain %d", "side": "benefit", "type": "monetary"}`, i, i))
		per = append(per, fmt.Sprintf(`"i%d": {"amount": 10, "times": ["agents"]}`, i))
		fixed = append(fixed, fmt.Sprintf(`"i%d": {"amount": 105}`, i))
	}
	model := `{"format": "valuecalc/3", "mode": "money", "currency": "USD",
		"drivers": [{"id": "agents", "name": "Agents", "unit": "agents", "value": 10}],
		"items": [` + strings.Join(items, ",") + `],
		"scenarios": [{"id": "per", "name": "Per agent", "entries": {` + strings.Join(per, ",") + `}},
		              {"id": "fixed", "name": "Fixed", "entries": {` + strings.Join(fixed, ",") + `}}]}`
	code, out, errOut := analyzeRun(t, model, "-")
	require.Equal(t, 0, code, errOut)
	require.Empty(t, errOut)
	assert.Contains(t, out, "Fixed wins by $50 over Per agent, but the winner is fragile: 1 figure within their swing would change it.\n")
	assert.Contains(t, out, "    Agents: 10 agents now; breaks even at 0 agents; ties with Fixed at 10.5 agents and overtakes it above that (within its swing: this driver can change the winner)\n")
	assert.Contains(t, out, "    Agents: 10 agents now; no entry of this scenario uses it; ties with Per agent at 10.5 agents and falls behind it above that (within its swing: this driver can change the winner)\n")
	assert.NotContains(t, out, "this figure can change the winner")
}

// TestJSONCashflowAndDrivers pins the shapes SPEC §4 and §8 give the new
// keys, beside the vectors' values (TestEvalVectors, TestAnalyzeVectors):
// cashflow is N + 1 years of exactly five keys in money mode and absent in
// score mode; drivers is a list of rows of exactly nine keys, empty (not
// null) without drivers.
func TestJSONCashflowAndDrivers(t *testing.T) {
	file, _, _ := vectorModel(t, "../../calc/testdata/vectors/drivers-and-timing.json")
	res := evalJSON(t, file)
	for _, s := range res["scenarios"].([]any) {
		cf, ok := s.(map[string]any)["cashflow"].([]any)
		require.True(t, ok, "%v", s)
		require.Len(t, cf, 4, "3 years and the initial one")
		for y, row := range cf {
			row := row.(map[string]any)
			assert.ElementsMatch(t, []string{"year", "benefits", "costs", "net", "cumulative"}, keysOf(row))
			assert.EqualValues(t, y, row["year"])
		}
	}
	for _, f := range []string{"../../examples/customer-value.json", "../../examples/segments.json"} {
		for _, s := range evalJSON(t, f)["scenarios"].([]any) {
			assert.NotContains(t, s, "cashflow", f)
		}
	}

	code, out, errOut := analyzeRun(t, "", "--json", file)
	require.Equal(t, 0, code, errOut)
	var a map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &a))
	assert.Equal(t, "valuecalc/3", a["format"])
	rows := a["drivers"].([]any)
	require.Len(t, rows, 6, "2 scenarios × 3 drivers")
	for _, r := range rows {
		assert.ElementsMatch(t, []string{"scenario", "driver", "value", "slope", "breakEven", "tie", "swingLow", "swingHigh", "flips"},
			keysOf(r.(map[string]any)))
	}
	noDrivers, _, _ := vectorModel(t, "../../calc/testdata/vectors/money-discounted.json")
	for _, f := range []string{noDrivers, "../../examples/segments.json"} {
		code, out, errOut := analyzeRun(t, "", "--json", f)
		require.Equal(t, 0, code, errOut)
		assert.Contains(t, out, `"drivers": [],`, f)
	}
}

func keysOf(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestDriverNamesEscaped: a driver's name and unit that hold control
// characters anyway (a model that did not come through Decode) are
// written escaped in the tornado and the driver rows.
func TestDriverNamesEscaped(t *testing.T) {
	file, _, _ := vectorModel(t, "../../calc/testdata/vectors/drivers-and-timing.json")
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	m, err := calc.Decode(data)
	require.NoError(t, err)
	a, err := calc.Analyze(m)
	require.NoError(t, err)
	m.Drivers[0].Name, m.Drivers[0].Unit = "Agents\x1b[2J", "seats\u202e"
	m.Drivers[1].Name = "Tickets a month, from the helpdesk's 2026 export"
	var report bytes.Buffer
	writeAnalysis(&report, m, calc.Evaluate(m), a)
	out := report.String()
	assert.False(t, hasControl(out), "%q", out)
	assert.Contains(t, out, `Agents\x1b[2J (driver)`)
	assert.Contains(t, out, `Agents\x1b[2J: 25 seats\u202e now`)
	assert.Equal(t, "Agents\x1b[2J", m.Drivers[0].Name, "the caller's model is not changed")
	// A long name is clipped as an item's is, and still says it is a driver.
	assert.Contains(t, out, "    Tickets a month, from the hel… (driver)  ")
}
