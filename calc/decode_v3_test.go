package calc_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// fileV3 is file in format valuecalc/3.
func fileV3(fields ...string) string {
	return `{"format": "valuecalc/3"` + prefixComma(fields) + `}`
}

// driversV3 are two drivers, "agents" and "tickets".
const driversV3 = `"drivers": [{"id": "agents", "name": "Agents", "unit": "agents", "value": 25},
	{"id": "tickets", "name": "Tickets", "value": 4000}]`

// moneyFileV3 is a money model of valuecalc/3 with driversV3, a benefit
// "a" and one scenario "s" with the given entries.
func moneyFileV3(entries string) string {
	return fileV3(`"mode": "money"`, driversV3,
		`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary"}]`,
		`"scenarios": [{"id": "s", "name": "S", "entries": {`+entries+`}}]`)
}

func TestDecodeV3(t *testing.T) {
	m, err := calc.Decode([]byte(fileV3(`"mode": "money"`, `"customer": "Acme Corp"`, `"summary": "Two lines\nof it"`,
		`"drivers": [{"id": "agents", "name": "Agents", "unit": "agents", "value": 25, "low": 20, "high": 30,
			"ask": true, "note": "Everyone who answers tickets", "source": "HR, 2026"}]`,
		`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary"}]`,
		`"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 40, "per": "month", "times": ["agents"],
			"start": 2, "end": 30, "ramp": 3, "growth": 0.05, "source": "pilot"}}}]`)))
	require.NoError(t, err)
	assert.Equal(t, calc.Format, m.Format)
	assert.Equal(t, "Acme Corp", m.Customer)
	assert.Equal(t, "Two lines\nof it", m.Summary)
	assert.Equal(t, []calc.Driver{{ID: "agents", Name: "Agents", Unit: "agents", Value: 25, Low: f(20), High: f(30),
		Ask: true, Note: "Everyone who answers tickets", Source: "HR, 2026"}}, m.Drivers)
	assert.Equal(t, &calc.Entry{Amount: f(40), Per: calc.PerMonth, Times: []string{"agents"}, Start: 2, End: 30,
		Ramp: 3, Growth: 0.05, Source: "pilot"}, m.Scenarios[0].Entries[0])

	// Written back as version 3, and read again as the same model.
	data, err := calc.Encode(m)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"format": "valuecalc/3"`)
	again, err := calc.Decode(data)
	require.NoError(t, err)
	assert.Equal(t, m, again)
	data2, err := calc.Encode(again)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(data2))
}

// TestEncodeLowestVersion: a model writes the lowest version that holds
// it (SPEC, the version header).
func TestEncodeLowestVersion(t *testing.T) {
	tests := []struct {
		name   string
		change func(m *calc.Model)
		want   string
	}{
		{"no field of version 3", func(*calc.Model) {}, calc.FormatV2},
		{"a customer", func(m *calc.Model) { m.Customer = "Acme" }, calc.Format},
		{"a summary", func(m *calc.Model) { m.Summary = "Why" }, calc.Format},
		{"a driver", func(m *calc.Model) {
			m.Drivers = []calc.Driver{{ID: "d", Name: "D", Value: 1}}
		}, calc.Format},
		{"an entry's start", func(m *calc.Model) { m.Scenarios[0].Entries[0].Start = 2 }, calc.Format},
		{"an entry's end", func(m *calc.Model) { m.Scenarios[0].Entries[0].End = 2 }, calc.Format},
		{"an entry's ramp", func(m *calc.Model) { m.Scenarios[0].Entries[0].Ramp = 2 }, calc.Format},
		{"an entry's growth", func(m *calc.Model) { m.Scenarios[0].Entries[0].Growth = 0.1 }, calc.Format},
		{"an entry's source", func(m *calc.Model) { m.Scenarios[0].Entries[0].Source = "x" }, calc.Format},
		{"an entry's times", func(m *calc.Model) {
			m.Drivers = []calc.Driver{{ID: "d", Name: "D", Value: 1}}
			m.Scenarios[0].Entries[0].Times = []string{"d"}
		}, calc.Format},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := calc.Decode([]byte(moneyFileV2(`"a": {"amount": 400, "per": "month"}`)))
			require.NoError(t, err)
			e := *m.Scenarios[0].Entries[0]
			m.Scenarios[0].Entries[0] = &e
			tt.change(&m)
			data, err := calc.Encode(m)
			require.NoError(t, err)
			assert.Contains(t, string(data), `"format": "`+tt.want+`"`)
			back, err := calc.Decode(data)
			require.NoError(t, err)
			assert.Equal(t, m, back)
		})
	}
}

func TestDecodeV3Errors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Fields of version 3 in older files.
		{"customer in v2", fileV2(`"customer": "Acme"`), `customer: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`},
		{"summary in v1", file(`"summary": "x"`), `summary: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/3"`},
		{"drivers in v2", fileV2(`"drivers": []`), `drivers: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`},
		{"timing in v2", moneyFileV2(`"a": {"amount": 1, "per": "month", "start": 2, "ramp": 1, "growth": 0.1, "end": 5, "source": "s"}`),
			strings.Join([]string{
				`scenarios[0].entries.a.start: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`,
				`scenarios[0].entries.a.end: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`,
				`scenarios[0].entries.a.ramp: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`,
				`scenarios[0].entries.a.growth: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`,
				`scenarios[0].entries.a.source: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`,
			}, "\n")},
		{"times in v1", moneyFile(`"a": {"amount": 1, "times": ["x"]}`),
			`scenarios[0].entries.a.times: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/3"`},

		// Drivers.
		{"driver without value", fileV3(`"drivers": [{"id": "d", "name": "D"}]`), `drivers[0].value: required`},
		{"driver id", fileV3(`"drivers": [{"id": "a b", "name": "D", "value": 1}]`),
			`drivers[0].id: must hold only letters A-Z a-z, digits 0-9, "_" and "-", got "a b"`},
		{"driver ids unique", fileV3(`"drivers": [{"id": "d", "name": "D", "value": 1}, {"id": "d", "name": "E", "value": 2}]`),
			`drivers[1].id: duplicate id "d"`},
		{"driver value", fileV3(`"drivers": [{"id": "d", "name": "D", "value": -1}]`),
			`drivers[0].value: must be between 0 and 1000000000, got -1`},
		{"driver range", fileV3(`"drivers": [{"id": "d", "name": "D", "value": 5, "low": 6, "high": 7}]`),
			`drivers[0].low: must be at most the value 5, got 6`},
		{"driver range half", fileV3(`"drivers": [{"id": "d", "name": "D", "value": 5, "high": 7}]`),
			`drivers[0].low: required with "high"`},
		{"driver unit", fileV3(`"drivers": [{"id": "d", "name": "D", "value": 5, "unit": "` + strings.Repeat("u", 41) + `"}]`),
			`drivers[0].unit: must be at most 40 characters, got 41`},
		{"driver ask", fileV3(`"drivers": [{"id": "d", "name": "D", "value": 5, "ask": 1}]`),
			`drivers[0].ask: must be true or false, got number 1`},
		{"driver field", fileV3(`"drivers": [{"id": "d", "name": "D", "value": 5, "colour": 1}]`),
			`drivers[0].colour: unknown field`},
		{"customer", fileV3(`"customer": "` + strings.Repeat("c", 201) + `"`), `customer: must be at most 200 characters, got 201`},
		{"summary", fileV3(`"summary": "\u001b[2J"`), `summary: must not hold control characters, got "\x1b[2J"`},

		// Entries.
		{"no such driver", moneyFileV3(`"a": {"amount": 40, "per": "month", "times": ["agent"]}`),
			`scenarios[0].entries.a.times[0]: no driver "agent"`},
		{"times empty", moneyFileV3(`"a": {"amount": 40, "times": []}`),
			`scenarios[0].entries.a.times: must name 1 to 3 drivers, got 0`},
		{"times repeated", moneyFileV3(`"a": {"amount": 40, "times": ["agents", "agents"]}`),
			`scenarios[0].entries.a.times[1]: duplicate driver "agents"`},
		{"times too many", moneyFileV3(`"a": {"amount": 40, "times": ["agents", "tickets", "x", "y"]}`),
			strings.Join([]string{
				`scenarios[0].entries.a.times: must name 1 to 3 drivers, got 4`,
				`scenarios[0].entries.a.times[2]: no driver "x"`,
				`scenarios[0].entries.a.times[3]: no driver "y"`,
			}, "\n")},
		{"times kind", moneyFileV3(`"a": {"amount": 40, "times": "agents"}`),
			`scenarios[0].entries.a.times: must be an array, got string "agents"`},
		{"start 0", moneyFileV3(`"a": {"amount": 40, "start": 0}`), `scenarios[0].entries.a.start: must be between 1 and 361, got 0`},
		{"start 362", moneyFileV3(`"a": {"amount": 40, "start": 362}`), `scenarios[0].entries.a.start: must be between 1 and 361, got 362`},
		{"start fraction", moneyFileV3(`"a": {"amount": 40, "start": 1.5}`), `scenarios[0].entries.a.start: must be an integer, got 1.5`},
		{"end before start", moneyFileV3(`"a": {"amount": 40, "per": "month", "start": 5, "end": 4}`),
			`scenarios[0].entries.a.end: must not be before the start, month 5, got 4`},
		{"end 361", moneyFileV3(`"a": {"amount": 40, "per": "month", "end": 361}`), `scenarios[0].entries.a.end: must be between 1 and 360, got 361`},
		{"ramp", moneyFileV3(`"a": {"amount": 40, "per": "year", "ramp": 121}`), `scenarios[0].entries.a.ramp: must be between 0 and 120, got 121`},
		{"growth", moneyFileV3(`"a": {"amount": 40, "per": "year", "growth": -0.6}`), `scenarios[0].entries.a.growth: must be between -0.5 and 1, got -0.6`},
		{"timing on once", moneyFileV3(`"a": {"amount": 40, "end": 3, "ramp": 2, "growth": 0.1}`),
			strings.Join([]string{
				`scenarios[0].entries.a.end: not allowed on a once entry: it is paid or gained in one month`,
				`scenarios[0].entries.a.ramp: not allowed on a once entry: it is paid or gained in one month`,
				`scenarios[0].entries.a.growth: not allowed on a once entry: it is paid or gained in one month`,
			}, "\n")},
		{"timing on a score", fileV3(driversV3, `"items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}]`,
			`"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 3, "times": ["agents"], "start": 2}}}]`),
			strings.Join([]string{
				`scenarios[0].entries.a.times: not allowed in score mode`,
				`scenarios[0].entries.a.start: not allowed in score mode`,
			}, "\n")},
		{"entry source", moneyFileV3(`"a": {"amount": 40, "source": "` + strings.Repeat("s", 201) + `"}`),
			`scenarios[0].entries.a.source: must be at most 200 characters, got 201`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := calc.Decode([]byte(tt.in))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.Equal(t, calc.Model{}, m)
		})
	}
}

// TestValidateV3 checks the rules of version 3 on models built in code.
func TestValidateV3(t *testing.T) {
	base := func() calc.Model {
		m, err := calc.Decode([]byte(moneyFileV3(`"a": {"amount": 40, "per": "month", "times": ["agents"]}`)))
		require.NoError(t, err)
		return m
	}
	require.NoError(t, calc.Validate(base()))
	m := base()
	m.Format = calc.FormatV2
	assert.EqualError(t, calc.Validate(m), strings.Join([]string{
		`drivers: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`,
		`scenarios[0].entries.a.times: not allowed in a "valuecalc/2" file; it needs "format": "valuecalc/3"`,
	}, "\n"))
	m = base()
	m.Drivers = m.Drivers[1:] // "agents" deleted while an entry uses it
	assert.EqualError(t, calc.Validate(m), `scenarios[0].entries.a.times[0]: no driver "agents"`)
}

// TestLinkV3: a model of version 3 survives a share link whole.
func TestLinkV3(t *testing.T) {
	for _, name := range []string{"drivers-and-timing", "payback-phased", "ranges-drivers"} {
		m := vectorModelOf(t, name)
		link, err := calc.EncodeLink(m)
		require.NoError(t, err)
		back, err := calc.DecodeLink(link)
		require.NoError(t, err)
		assert.Equal(t, m, back, name)
	}
}
