package calc_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// fileV2 is file in format valuecalc/2.
func fileV2(fields ...string) string {
	return `{"format": "valuecalc/2"` + prefixComma(fields) + `}`
}

// scoreFileV2 and moneyFileV2 are scoreFile and moneyFile in valuecalc/2.
func scoreFileV2(entries string) string {
	return fileV2(`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}]`,
		`"scenarios": [{"id": "s", "name": "S", "entries": {`+entries+`}}]`)
}

func moneyFileV2(entries string) string {
	return fileV2(`"mode": "money"`, `"items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary"}]`,
		`"scenarios": [{"id": "s", "name": "S", "entries": {`+entries+`}}]`)
}

func TestDecodeV2(t *testing.T) {
	itemA := func(typ calc.Type) []calc.Item {
		return []calc.Item{{ID: "a", Name: "A", Side: calc.SideBenefit, Type: typ, Weight: 1}}
	}
	withEntry := func(mode calc.Mode, e calc.Entry, scale ...calc.Scale) func() calc.Model {
		return func() calc.Model {
			m := calc.NewModel()
			m.Mode = mode
			typ := calc.TypeFunctional
			if mode == calc.ModeMoney {
				typ = calc.TypeMonetary
			}
			if len(scale) > 0 {
				m.Scale = scale[0]
			}
			m.Items = itemA(typ)
			m.Scenarios[0] = calc.Scenario{ID: "s", Name: "S", Entries: []*calc.Entry{&e}}
			return m
		}
	}
	tests := []struct {
		name string
		in   string
		want func() calc.Model
	}{
		{"minimal v2 file", `{"format": "valuecalc/2"}`, calc.NewModel},
		{"a v1 file is the same model in v2", `{"format": "valuecalc/1"}`, calc.NewModel},
		{"scale labels", fileV2(`"scale": {"min": 0, "max": 10, "minLabel": "Not at all", "maxLabel": "Completely"}`),
			func() calc.Model {
				m := calc.NewModel()
				m.Scale = calc.Scale{Min: 0, Max: 10, MinLabel: "Not at all", MaxLabel: "Completely"}
				return m
			}},
		{"labels of 40 characters", fileV2(`"scale": {"min": 1, "max": 5, "minLabel": "` + strings.Repeat("é", 40) + `", "maxLabel": "x"}`),
			func() calc.Model {
				m := calc.NewModel()
				m.Scale = calc.Scale{Min: 1, Max: 5, MinLabel: strings.Repeat("é", 40), MaxLabel: "x"}
				return m
			}},
		{"one label only", fileV2(`"scale": {"min": 1, "max": 5, "maxLabel": "Always"}`),
			func() calc.Model {
				m := calc.NewModel()
				m.Scale.MaxLabel = "Always"
				return m
			}},
		{"score range", scoreFileV2(`"a": {"score": 3, "low": 2, "high": 4.5}`),
			withEntry(calc.ModeScore, calc.Entry{Score: f(3), Low: f(2), High: f(4.5)})},
		{"score range to the scale's ends", scoreFileV2(`"a": {"score": 3, "low": 1, "high": 5}`),
			withEntry(calc.ModeScore, calc.Entry{Score: f(3), Low: f(1), High: f(5)})},
		{"range of zero width", scoreFileV2(`"a": {"score": 3, "low": 3, "high": 3}`),
			withEntry(calc.ModeScore, calc.Entry{Score: f(3), Low: f(3), High: f(3)})},
		{"amount range", moneyFileV2(`"a": {"amount": 400, "per": "month", "low": 200, "high": 600}`),
			withEntry(calc.ModeMoney, calc.Entry{Amount: f(400), Per: calc.PerMonth, Low: f(200), High: f(600)})},
		{"amount range to the limit", moneyFileV2(`"a": {"amount": 5, "low": 0, "high": 1e12}`),
			withEntry(calc.ModeMoney, calc.Entry{Amount: f(5), Per: calc.PerOnce, Low: f(0), High: f(1e12)})},
		{"hours range above the amount limit's hours", moneyFileV2(`"a": {"hours": 20, "low": 10, "high": 1e9}`),
			withEntry(calc.ModeMoney, calc.Entry{Hours: f(20), Per: calc.PerOnce, Low: f(10), High: f(1e9)})},
		{"ask", moneyFileV2(`"a": {"hours": 20, "ask": true}`),
			withEntry(calc.ModeMoney, calc.Entry{Hours: f(20), Per: calc.PerOnce, Ask: true})},
		{"ask false is the default", scoreFileV2(`"a": {"score": 2, "ask": false}`),
			withEntry(calc.ModeScore, calc.Entry{Score: f(2)})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := calc.Decode([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, parallel(tt.want()), got)
			assert.Equal(t, calc.Format, got.Format)
		})
	}
}

func TestDecodeV2Errors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"label in a v1 file", file(`"scale": {"min": 1, "max": 5, "minLabel": "Never"}`),
			`scale.minLabel: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/2"`},
		{"range in a v1 file", scoreFile(`"a": {"score": 3, "low": 2, "high": 4}`),
			`scenarios[0].entries.a.low: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/2"` + "\n" +
				`scenarios[0].entries.a.high: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/2"`},
		{"ask in a v1 file, even false", moneyFile(`"a": {"amount": 1, "ask": false}`),
			`scenarios[0].entries.a.ask: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/2"`},
		{"label too long", fileV2(`"scale": {"min": 1, "max": 5, "maxLabel": "` + strings.Repeat("x", 41) + `"}`),
			`scale.maxLabel: must be at most 40 characters, got 41`},
		{"label empty", fileV2(`"scale": {"min": 1, "max": 5, "minLabel": ""}`),
			`scale.minLabel: must be 1 to 40 characters, got an empty string`},
		{"label not a string", fileV2(`"scale": {"min": 1, "max": 5, "minLabel": 1}`),
			`scale.minLabel: must be a string, got number 1`},
		{"low without high", scoreFileV2(`"a": {"score": 3, "low": 2}`),
			`scenarios[0].entries.a.high: required with "low"`},
		{"high without low", moneyFileV2(`"a": {"amount": 3, "high": 4}`),
			`scenarios[0].entries.a.low: required with "high"`},
		{"low above the value", scoreFileV2(`"a": {"score": 3, "low": 3.5, "high": 4}`),
			`scenarios[0].entries.a.low: must be at most the value 3, got 3.5`},
		{"high below the value", moneyFileV2(`"a": {"amount": 400, "low": 200, "high": 399}`),
			`scenarios[0].entries.a.high: must be at least the value 400, got 399`},
		{"low and high swapped", moneyFileV2(`"a": {"amount": 400, "low": 600, "high": 200}`),
			`scenarios[0].entries.a.low: must be at most the value 400, got 600` + "\n" +
				`scenarios[0].entries.a.high: must be at least the value 400, got 200`},
		{"low below the scale", scoreFileV2(`"a": {"score": 3, "low": 0, "high": 4}`),
			`scenarios[0].entries.a.low: must be between 1 and 5, got 0`},
		{"high above the scale", scoreFileV2(`"a": {"score": 3, "low": 1, "high": 6}`),
			`scenarios[0].entries.a.high: must be between 1 and 5, got 6`},
		{"negative low amount", moneyFileV2(`"a": {"amount": 400, "low": -1, "high": 600}`),
			`scenarios[0].entries.a.low: must be between 0 and 1000000000000, got -1`},
		{"high hours beyond the hours limit", moneyFileV2(`"a": {"hours": 400, "low": 1, "high": 2e9}`),
			`scenarios[0].entries.a.high: must be between 0 and 1000000000, got 2000000000`},
		{"low as a string", moneyFileV2(`"a": {"amount": 400, "low": "200", "high": 600}`),
			`scenarios[0].entries.a.low: must be a number, got string "200"`},
		{"high not finite", moneyFileV2(`"a": {"amount": 400, "low": 200, "high": 1e400}`),
			`scenarios[0].entries.a.high: must be a finite number, got 1e400`},
		{"ask as a string", scoreFileV2(`"a": {"score": 3, "ask": "yes"}`),
			`scenarios[0].entries.a.ask: must be true or false, got string "yes"`},
		{"ask as a number", scoreFileV2(`"a": {"score": 3, "ask": 1}`),
			`scenarios[0].entries.a.ask: must be true or false, got number 1`},
		{"unknown field beside them", scoreFileV2(`"a": {"score": 3, "question": true}`),
			`scenarios[0].entries.a.question: unknown field`},
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

func TestValidateV2(t *testing.T) {
	ranged := func() calc.Model {
		m := calc.NewModel()
		m.Items = []calc.Item{{ID: "a", Name: "A", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1}}
		setEntry(&m, 0, "a", calc.Entry{Score: f(3), Low: f(2), High: f(4), Ask: true})
		m.Scale.MinLabel = "Never"
		return m
	}
	require.NoError(t, calc.Validate(ranged()))

	tests := []struct {
		name   string
		change func(m *calc.Model)
		want   string
	}{
		{"v1 model with v2 fields", func(m *calc.Model) { m.Format = calc.FormatV1 },
			`scale.minLabel: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/2"` + "\n" +
				`scenarios[0].entries.a.low: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/2"` + "\n" +
				`scenarios[0].entries.a.high: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/2"` + "\n" +
				`scenarios[0].entries.a.ask: not allowed in a "valuecalc/1" file; it needs "format": "valuecalc/2"`},
		{"label of invalid UTF-8", func(m *calc.Model) { m.Scale.MaxLabel = "\xff" }, `scale.maxLabel: must be valid UTF-8`},
		{"low alone", func(m *calc.Model) { setEntry(m, 0, "a", calc.Entry{Score: f(3), Low: f(2)}) },
			`scenarios[0].entries.a.high: required with "low"`},
		{"range with a score off the scale", func(m *calc.Model) { setEntry(m, 0, "a", calc.Entry{Score: f(9), Low: f(2), High: f(99)}) },
			`scenarios[0].entries.a.score: must be between 1 and 5, got 9`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ranged()
			tt.change(&m)
			err := calc.Validate(m)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestEncodeV2(t *testing.T) {
	m, err := calc.Decode([]byte(moneyFileV2(`"a": {"hours": 20, "low": 10, "high": 30, "ask": true}`)))
	require.NoError(t, err)
	enc, err := calc.EncodeCompact(m)
	require.NoError(t, err)
	assert.Contains(t, string(enc), `"format":"valuecalc/2"`)
	assert.Contains(t, string(enc), `"a":{"hours":20,"per":"once","low":10,"high":30,"ask":true}`)

	// A v1 model in memory is written as v2.
	m.Format = calc.FormatV1
	m.Scenarios[0].Entries[0] = &calc.Entry{Hours: f(20)}
	enc, err = calc.EncodeCompact(m)
	require.NoError(t, err)
	assert.Contains(t, string(enc), `"format":"valuecalc/2"`)
	assert.NotContains(t, string(enc), `"ask"`)
}

func TestDecodePosition(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want calc.Position
		msg  string
	}{
		{"syntax on the third line", "{\n  \"format\": \"valuecalc/2\",\n  \"title\": x\n}",
			calc.Position{Offset: 40, Line: 3, Column: 12}, "(root): invalid JSON at byte 40: invalid character 'x' looking for beginning of value"},
		{"columns count characters", "{\"title\": \"héllo\" x}", calc.Position{Offset: 19, Line: 1, Column: 19}, "invalid JSON at byte 19"},
		{"a byte order mark counts in the offset", "\uFEFF{\"a\": }", calc.Position{Offset: 9, Line: 1, Column: 8}, "invalid JSON at byte 9"},
		{"end of input", "{\n\"a\": [", calc.Position{Offset: 8, Line: 2, Column: 7}, "unexpected end of input"},
		{"invalid UTF-8", "{\"title\": \"caf\xe9\"}", calc.Position{Offset: 14, Line: 1, Column: 15}, "(root): invalid UTF-8 at byte 14"},
		{"too deep", "\n" + strings.Repeat("[", 70), calc.Position{Offset: 65, Line: 2, Column: 65}, "nested deeper than 64 levels at byte 65"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.Decode([]byte(tt.in))
			var fe *calc.FieldError
			require.ErrorAs(t, err, &fe)
			require.NotNil(t, fe.Pos)
			assert.Equal(t, tt.want, *fe.Pos)
			assert.Contains(t, fe.Error(), tt.msg)
		})
	}
	_, err := calc.Decode([]byte(file(`"title": 1`)))
	var fe *calc.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Nil(t, fe.Pos, "a problem with a value has a path, not a position")
}
