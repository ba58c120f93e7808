package calc_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// file returns a model file with the given top-level fields after format.
func file(fields ...string) string {
	return `{"format": "valuecalc/1"` + prefixComma(fields) + `}`
}

// scoreFile returns a score model file with one benefit item "a" (plus
// the given items) and one scenario "s" with the given entries.
func scoreFile(entries string, items ...string) string {
	return file(`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}`+prefixComma(items)+`]`,
		`"scenarios": [{"id": "s", "name": "S", "entries": {`+entries+`}}]`)
}

// moneyFile is scoreFile in money mode.
func moneyFile(entries string, items ...string) string {
	return file(`"mode": "money"`,
		`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary"}`+prefixComma(items)+`]`,
		`"scenarios": [{"id": "s", "name": "S", "entries": {`+entries+`}}]`)
}

func prefixComma(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}

// item returns an item object with the given fields.
func item(fields string) string { return `{` + fields + `}` }

func TestDecode(t *testing.T) {
	itemA := calc.Item{ID: "a", Name: "A", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1}
	tests := []struct {
		name string
		in   string
		want func() calc.Model
	}{
		{
			name: "minimal file gets every default",
			in:   `{"format": "valuecalc/1"}`,
			want: calc.NewModel,
		},
		{
			name: "item defaults",
			in:   file(`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}]`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Items = []calc.Item{itemA}
				return m
			},
		},
		{
			name: "every field given",
			in: `{"format": "valuecalc/1", "title": "Helpdesk", "mode": "money", "scale": {"min": 0, "max": 10},
				"currency": "EUR", "horizonYears": 5, "discountRate": 0.08, "hourlyRate": 45.5,
				"items": [{"id": "up-time_1", "name": "Fewer outages", "side": "benefit", "type": "functional",
					"stage": "use", "weight": 0.8, "note": "from the SLA"},
					{"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"}],
				"scenarios": [{"id": "smb", "name": "SMB", "entries": {
					"up-time_1": {"amount": 400, "per": "month", "weight": 2},
					"sub": {"hours": 3, "per": "year"}}}]}`,
			want: func() calc.Model {
				m := calc.Model{
					Format: calc.Format, Title: "Helpdesk", Mode: calc.ModeMoney, Scale: calc.Scale{Min: 0, Max: 10},
					Currency: "EUR", HorizonYears: 5, DiscountRate: 0.08, HourlyRate: 45.5,
					Items: []calc.Item{
						{ID: "up-time_1", Name: "Fewer outages", Side: calc.SideBenefit, Type: calc.TypeFunctional,
							Stage: calc.StageUse, Weight: 0.8, Note: "from the SLA"},
						{ID: "sub", Name: "Subscription", Side: calc.SideCost, Type: calc.TypeFinancial, Weight: 1},
					},
				}
				m.Scenarios = []calc.Scenario{{ID: "smb", Name: "SMB", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
					"up-time_1": {Amount: f(400), Per: calc.PerMonth, Weight: f(2)},
					"sub":       {Hours: f(3), Per: calc.PerYear},
				})}}
				return m
			},
		},
		{
			name: "money entries default to once",
			in:   moneyFile(`"a": {"amount": 5000}`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Mode = calc.ModeMoney
				m.Items = []calc.Item{{ID: "a", Name: "A", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1}}
				m.Scenarios = []calc.Scenario{{ID: "s", Name: "S", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{"a": {Amount: f(5000), Per: calc.PerOnce}})}}
				return m
			},
		},
		{
			name: "score model keeps money settings",
			in:   file(`"currency": "CHF"`, `"horizonYears": 10`, `"discountRate": 0.5`, `"hourlyRate": 100`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Currency, m.HorizonYears, m.DiscountRate, m.HourlyRate = "CHF", 10, 0.5, 100
				return m
			},
		},
		{
			name: "money model keeps the scale",
			in:   file(`"mode": "money"`, `"scale": {"min": 0, "max": 100}`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Mode = calc.ModeMoney
				m.Scale = calc.Scale{Min: 0, Max: 100}
				return m
			},
		},
		{
			name: "scenario without entries",
			in:   file(`"scenarios": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y", "entries": {}}]`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Scenarios = []calc.Scenario{{ID: "x", Name: "X", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{})}, {ID: "y", Name: "Y", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{})}}
				return m
			},
		},
		{
			name: "decimal scores and entry weights",
			in:   scoreFile(`"a": {"score": 2.5, "weight": 0}`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Items = []calc.Item{itemA}
				m.Scenarios = []calc.Scenario{{ID: "s", Name: "S", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{"a": {Score: f(2.5), Weight: f(0)}})}}
				return m
			},
		},
		{
			name: "-0 is 0",
			in:   file(`"discountRate": -0`, `"items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional", "weight": -0.0}]`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Items = []calc.Item{itemA}
				m.Items[0].Weight = 0
				return m
			},
		},
		{
			name: "integers written as decimals",
			in:   file(`"horizonYears": 1e1`, `"scale": {"min": 0.0, "max": 10.00}`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.HorizonYears, m.Scale = 10, calc.Scale{Min: 0, Max: 10}
				return m
			},
		},
		{
			name: "a number too small for float64 is 0",
			in:   file(`"hourlyRate": 1e-400`),
			want: calc.NewModel,
		},
		{
			name: "names are kept verbatim",
			in: file(`"title": "<script>alert(1)</script>"`,
				`"items": [{"id": "a", "name": "  <img src=x onerror=alert(1)> & \"quotes\"  ", "side": "benefit", "type": "functional", "note": "line\nbreak \u2028 é 日本"}]`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Title = "<script>alert(1)</script>"
				m.Items = []calc.Item{itemA}
				m.Items[0].Name = `  <img src=x onerror=alert(1)> & "quotes"  `
				m.Items[0].Note = "line\nbreak \u2028 é 日本"
				return m
			},
		},
		{
			name: "title of 200 characters, not bytes",
			in:   file(`"title": "` + strings.Repeat("é", 200) + `"`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Title = strings.Repeat("é", 200)
				return m
			},
		},
		{
			name: "empty stage is no stage",
			in:   file(`"items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional", "stage": ""}]`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Items = []calc.Item{itemA}
				return m
			},
		},
		{
			name: "byte order mark and white space",
			in:   "\uFEFF \r\n\t" + `{"format": "valuecalc/1"}` + "\n\n",
			want: calc.NewModel,
		},
		{
			name: "exactly the size limit",
			in:   `{"format": "valuecalc/1"}` + strings.Repeat(" ", calc.MaxInputSize-25),
			want: calc.NewModel,
		},
		{
			name: "keys in any order",
			in:   `{"scenarios": [{"entries": {}, "name": "S", "id": "s"}], "mode": "score", "format": "valuecalc/1"}`,
			want: func() calc.Model {
				m := calc.NewModel()
				m.Scenarios = []calc.Scenario{{ID: "s", Name: "S", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{})}}
				return m
			},
		},
		{
			name: "limits themselves are allowed",
			in: file(`"mode": "money"`, `"horizonYears": 30`, `"discountRate": 0.999`, `"hourlyRate": 1e12`,
				`"items": [{"id": "`+strings.Repeat("x", 64)+`", "name": "`+strings.Repeat("n", 200)+`", "side": "cost", "type": "risk", "weight": 1000, "note": "`+strings.Repeat("z", 2000)+`"}]`,
				`"scenarios": [{"id": "s", "name": "S", "entries": {"`+strings.Repeat("x", 64)+`": {"amount": 1e12, "weight": 1000}}}]`),
			want: func() calc.Model {
				m := calc.NewModel()
				m.Mode, m.HorizonYears, m.DiscountRate, m.HourlyRate = calc.ModeMoney, 30, 0.999, 1e12
				id := strings.Repeat("x", 64)
				m.Items = []calc.Item{{ID: id, Name: strings.Repeat("n", 200), Side: calc.SideCost, Type: calc.TypeRisk,
					Weight: 1000, Note: strings.Repeat("z", 2000)}}
				m.Scenarios = []calc.Scenario{{ID: "s", Name: "S", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{id: {Amount: f(1e12), Per: calc.PerOnce, Weight: f(1000)}})}}
				return m
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := calc.Decode([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, parallel(tt.want()), got)
			assert.False(t, math.Signbit(got.DiscountRate))
			for _, it := range got.Items {
				assert.False(t, math.Signbit(it.Weight), "-0 must become 0")
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	manyItems := make([]string, 1001)
	for i := range manyItems {
		manyItems[i] = fmt.Sprintf(`{"id": "i%d", "name": "I", "side": "cost", "type": "risk"}`, i)
	}
	manyScenarios := make([]string, 51)
	for i := range manyScenarios {
		manyScenarios[i] = fmt.Sprintf(`{"id": "s%d", "name": "S"}`, i)
	}
	manyUnknown := make([]string, 150)
	for i := range manyUnknown {
		manyUnknown[i] = fmt.Sprintf(`"x%03d": 1`, i)
	}
	tests := []struct {
		name string
		in   string
		want string
	}{
		// The file as a whole.
		{"empty input", ``, `(root): invalid JSON at byte 0: unexpected end of input`},
		{"white space only", "  \n", `(root): invalid JSON at byte 3: unexpected end of input`},
		{"array", `[]`, `(root): must be an object, got array`},
		{"string", `"valuecalc/1"`, `(root): must be an object, got string "valuecalc/1"`},
		{"null", `null`, `(root): must be an object, got null`},
		{"number", `1`, `(root): must be an object, got number 1`},
		{"unclosed object", `{"format": "valuecalc/1"`, `(root): invalid JSON at byte 24: unexpected end of input`},
		{"trailing comma", `{"format": "valuecalc/1",}`, `(root): invalid JSON at byte 25: invalid character '}' looking for beginning of object key string`},
		{"trailing data", `{"format": "valuecalc/1"} {}`, `(root): invalid JSON at byte 26: invalid character '{' after top-level value`},
		{"trailing garbage", `{"format": "valuecalc/1"}x`, `(root): invalid JSON at byte 25: invalid character 'x' after top-level value`},
		{"NaN literal", `{"format": "valuecalc/1", "hourlyRate": NaN}`, `(root): invalid JSON at byte 40: invalid character 'N' looking for beginning of value`},
		{"Infinity literal", `{"format": "valuecalc/1", "hourlyRate": Infinity}`, `(root): invalid JSON at byte 40: invalid character 'I' looking for beginning of value`},
		{"-Infinity literal", `{"format": "valuecalc/1", "hourlyRate": -Infinity}`, `(root): invalid JSON at byte 41: invalid character 'I' in numeric literal`},
		{"single quotes", `{'format': 'valuecalc/1'}`, `(root): invalid JSON at byte 1: invalid character '\'' looking for beginning of object key string`},
		{"comment", "{\"format\": \"valuecalc/1\" // the format\n}", `(root): invalid JSON at byte 25: invalid character '/' after object key:value pair`},
		{"hex number", `{"format": "valuecalc/1", "hourlyRate": 0x10}`, `(root): invalid JSON at byte 41: invalid character 'x' after object key:value pair`},
		{"byte order mark counts in offsets", "\uFEFF{\"a\": NaN}", `(root): invalid JSON at byte 9: invalid character 'N' looking for beginning of value`},
		{"invalid UTF-8", "{\"format\": \"valuecalc/1\", \"title\": \"caf\xe9\"}", `(root): invalid UTF-8 at byte 39`},
		{"nesting 100000 deep", strings.Repeat("[", 100000), `(root): nested deeper than 64 levels at byte 64`},
		{"nesting deep in an unknown field", file(`"x": ` + strings.Repeat(`{"y": `, 70) + `1` + strings.Repeat(`}`, 70)),
			`(root): nested deeper than 64 levels at byte 409`},
		{"brackets in strings do not nest", file(`"title": "`+strings.Repeat("[{", 100)+`"`, `"x": 1`), `x: unknown field`},
		{"too large", file(`"title": "` + long(calc.MaxInputSize) + `"`),
			fmt.Sprintf(`(root): must be at most 5242880 bytes (5 MB), got %d bytes`, calc.MaxInputSize+38)},

		{"too large with a byte order mark", "\uFEFF" + file(`"title": "`+long(calc.MaxInputSize-40)+`"`),
			`(root): must be at most 5242880 bytes (5 MB), got 5242881 bytes`},
		{"long literals are cut short", file(`"title": ` + strings.Repeat("9", 100)),
			`title: must be a string, got number ` + strings.Repeat("9", 64) + `…`},

		// Settings.
		{"format missing", `{"title": "T"}`, `format: required`},
		{"format wrong", file(`"format": "valuecalc/2"`), "format: duplicate key"},
		{"format version", `{"format": "valuecalc/4"}`, `format: must be "valuecalc/3", "valuecalc/2" or "valuecalc/1", got "valuecalc/4"`},
		{"format kind", `{"format": 1}`, `format: must be a string, got number 1`},
		{"title too long", file(`"title": "` + long(201) + `"`), `title: must be at most 200 characters, got 201`},
		{"title kind", file(`"title": null`), `title: must be a string, got null`},
		{"title repeated", file(`"title": "a"`, `"title": "b"`), `title: duplicate key`},
		{"mode unknown", file(`"mode": "points"`), `mode: must be "score" or "money", got "points"`},
		{"mode case", file(`"mode": "Money"`), `mode: must be "score" or "money", got "Money"`},
		{"mode kind", file(`"mode": true`), `mode: must be a string, got boolean true`},
		{"scale kind", file(`"scale": [1, 5]`), `scale: must be an object, got array`},
		{"scale min negative", file(`"scale": {"min": -1, "max": 5}`), `scale.min: must be between 0 and 100, got -1`},
		{"scale max over 100", file(`"scale": {"min": 1, "max": 101}`), `scale.max: must be between 0 and 100, got 101`},
		{"scale empty", file(`"scale": {"min": 5, "max": 5}`), `scale: min must be less than max, got min 5 and max 5`},
		{"scale reversed", file(`"scale": {"min": 10, "max": 1}`), `scale: min must be less than max, got min 10 and max 1`},
		{"scale fraction", file(`"scale": {"min": 0.5, "max": 5}`), `scale.min: must be an integer, got 0.5`},
		{"scale max missing", file(`"scale": {"min": 1}`), `scale.max: required`},
		{"scale unknown field", file(`"scale": {"min": 1, "max": 5, "step": 1}`), `scale.step: unknown field`},
		{"scale string", file(`"scale": {"min": "1", "max": 5}`), `scale.min: must be a number, got string "1"`},
		{"currency lower case", file(`"currency": "usd"`), `currency: must be three capital letters (an ISO 4217 code), got "usd"`},
		{"currency symbol", file(`"currency": "$"`), `currency: must be three capital letters (an ISO 4217 code), got "$"`},
		{"currency too long", file(`"currency": "USDT"`), `currency: must be three capital letters (an ISO 4217 code), got "USDT"`},
		{"horizon 0", file(`"horizonYears": 0`), `horizonYears: must be between 1 and 30, got 0`},
		{"horizon 31", file(`"horizonYears": 31`), `horizonYears: must be between 1 and 30, got 31`},
		{"horizon fraction", file(`"horizonYears": 2.5`), `horizonYears: must be an integer, got 2.5`},
		{"horizon huge", file(`"horizonYears": 1e20`), `horizonYears: must be between 1 and 30, got 1e20`},
		{"horizon string", file(`"horizonYears": "3"`), `horizonYears: must be a number, got string "3"`},
		{"discount rate negative", file(`"discountRate": -0.1`), `discountRate: must be at least 0 and less than 1, got -0.1`},
		{"discount rate 1", file(`"discountRate": 1`), `discountRate: must be at least 0 and less than 1, got 1`},
		{"discount rate percent", file(`"discountRate": "8%"`), `discountRate: must be a number, got string "8%"`},
		{"hourly rate negative", file(`"hourlyRate": -45`), `hourlyRate: must be 0 or more, got -45`},
		{"hourly rate too large", file(`"hourlyRate": 2e12`), `hourlyRate: must be at most 1000000000000, got 2000000000000`},
		{"hourly rate with a currency sign", file(`"hourlyRate": "$45"`), `hourlyRate: must be a number, got string "$45"`},
		{"number overflows", file(`"hourlyRate": 1e309`), `hourlyRate: must be a finite number, got 1e309`},
		{"negative number overflows", file(`"discountRate": -1e309`), `discountRate: must be a finite number, got -1e309`},
		{"unknown field", file(`"colour": "red"`), `colour: unknown field`},
		{"unknown field case", file(`"Title": "T"`), `Title: unknown field`},
		{"unknown field odd name", file(`"a.b c": 1`), `["a.b c"]: unknown field`},

		// Items.
		{"items kind", file(`"items": {}`), `items: must be an array, got object`},
		{"too many items", file(`"items": [` + strings.Join(manyItems, ",") + `]`), `items: must have at most 1000 items, got 1001`},
		{"item kind", file(`"items": ["a"]`), `items[0]: must be an object, got string "a"`},
		{"item empty", file(`"items": [{}]`), "items[0].id: required\nitems[0].name: required\nitems[0].side: required\nitems[0].type: required"},
		{"item id empty", file(`"items": [` + item(`"id": "", "name": "A", "side": "cost", "type": "risk"`) + `]`), `items[0].id: must not be empty`},
		{"item id too long", file(`"items": [` + item(`"id": "`+long(65)+`", "name": "A", "side": "cost", "type": "risk"`) + `]`),
			`items[0].id: must be at most 64 characters, got 65`},
		{"item id with a space", file(`"items": [` + item(`"id": "a b", "name": "A", "side": "cost", "type": "risk"`) + `]`),
			`items[0].id: must hold only letters A-Z a-z, digits 0-9, "_" and "-", got "a b"`},
		{"item id with an accent", file(`"items": [` + item(`"id": "é", "name": "A", "side": "cost", "type": "risk"`) + `]`),
			`items[0].id: must hold only letters A-Z a-z, digits 0-9, "_" and "-", got "é"`},
		{"item id kind", file(`"items": [` + item(`"id": 1, "name": "A", "side": "cost", "type": "risk"`) + `]`),
			`items[0].id: must be a string, got number 1`},
		{"item ids repeated", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk"`) + `, ` +
			item(`"id": "b", "name": "B", "side": "cost", "type": "risk"`) + `, ` + item(`"id": "a", "name": "C", "side": "cost", "type": "risk"`) + `]`),
			`items[2].id: duplicate id "a"`},
		{"item name blank", file(`"items": [` + item(`"id": "a", "name": " \t\n", "side": "cost", "type": "risk"`) + `]`), `items[0].name: must not be blank`},
		{"item name too long", file(`"items": [` + item(`"id": "a", "name": "`+long(201)+`", "side": "cost", "type": "risk"`) + `]`),
			`items[0].name: must be at most 200 characters, got 201`},
		{"item side unknown", file(`"items": [` + item(`"id": "a", "name": "A", "side": "gain", "type": "risk"`) + `]`),
			`items[0].side: must be "benefit" or "cost", got "gain"`},
		{"item side and type unknown", file(`"items": [` + item(`"id": "a", "name": "A", "side": "gain", "type": "money"`) + `]`),
			"items[0].side: must be \"benefit\" or \"cost\", got \"gain\"\n" +
				`items[0].type: must be one of functional, emotional, social, monetary, financial, time, effort, risk, got "money"`},
		{"benefit of a cost type", file(`"items": [` + item(`"id": "a", "name": "A", "side": "benefit", "type": "financial"`) + `]`),
			`items[0].type: must be one of functional, emotional, social, monetary for a benefit, got "financial"`},
		{"cost of a benefit type", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "social"`) + `]`),
			`items[0].type: must be one of financial, time, effort, emotional, risk for a cost, got "social"`},
		{"item stage unknown", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk", "stage": "sales"`) + `]`),
			`items[0].stage: must be one of evaluation, onboarding, use, support, renewal, got "sales"`},
		{"item stage null", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk", "stage": null`) + `]`),
			`items[0].stage: must be a string, got null`},
		{"item weight negative", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk", "weight": -1`) + `]`),
			`items[0].weight: must be between 0 and 1000, got -1`},
		{"item weight too large", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk", "weight": 1000.5`) + `]`),
			`items[0].weight: must be between 0 and 1000, got 1000.5`},
		{"item weight with a thousands separator", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk", "weight": "1,000"`) + `]`),
			`items[0].weight: must be a number, got string "1,000"`},
		{"item weight as a percentage", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk", "weight": "80%"`) + `]`),
			`items[0].weight: must be a number, got string "80%"`},
		{"item note too long", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk", "note": "`+long(2001)+`"`) + `]`),
			`items[0].note: must be at most 2000 characters, got 2001`},
		{"item unknown field", file(`"items": [` + item(`"id": "a", "name": "A", "side": "cost", "type": "risk", "colour": "red"`) + `]`),
			`items[0].colour: unknown field`},
		{"item repeated key", file(`"items": [` + item(`"id": "a", "name": "A", "name": "B", "side": "cost", "type": "risk"`) + `]`),
			`items[0].name: duplicate key`},

		// Scenarios.
		{"no scenarios", file(`"scenarios": []`), `scenarios: must have 1 to 50 scenarios, got 0`},
		{"too many scenarios", file(`"scenarios": [` + strings.Join(manyScenarios, ",") + `]`), `scenarios: must have 1 to 50 scenarios, got 51`},
		{"scenarios null", file(`"scenarios": null`), `scenarios: must be an array, got null`},
		{"scenario kind", file(`"scenarios": [[]]`), `scenarios[0]: must be an object, got array`},
		{"scenario empty", file(`"scenarios": [{}]`), "scenarios[0].id: required\nscenarios[0].name: required"},
		{"scenario id invalid", file(`"scenarios": [{"id": "s/1", "name": "S"}]`), `scenarios[0].id: must hold only letters A-Z a-z, digits 0-9, "_" and "-", got "s/1"`},
		{"scenario ids repeated", file(`"scenarios": [{"id": "s", "name": "S"}, {"id": "s", "name": "T"}]`), `scenarios[1].id: duplicate id "s"`},
		{"scenario name blank", file(`"scenarios": [{"id": "s", "name": ""}]`), `scenarios[0].name: must not be blank`},
		{"scenario unknown field", file(`"scenarios": [{"id": "s", "name": "S", "values": {}}]`), `scenarios[0].values: unknown field`},
		{"entries kind", file(`"scenarios": [{"id": "s", "name": "S", "entries": []}]`), `scenarios[0].entries: must be an object, got array`},
		{"entry kind", scoreFile(`"a": 4`), `scenarios[0].entries.a: must be an object, got number 4`},
		{"entry for an unknown item", scoreFile(`"x": {"score": 1}`), `scenarios[0].entries.x: unknown item "x"`},
		{"entries for unknown items in key order", scoreFile(`"z": {"score": 1}, "b": {"score": 1}, "a b": {"score": 1}`),
			"scenarios[0].entries[\"a b\"]: unknown item \"a b\"\nscenarios[0].entries.b: unknown item \"b\"\nscenarios[0].entries.z: unknown item \"z\""},
		{"unknown item with a value of the wrong kind", scoreFile(`"x": {"score": "1"}`),
			"scenarios[0].entries.x: unknown item \"x\"\nscenarios[0].entries.x.score: must be a number, got string \"1\""},
		{"entry repeated", scoreFile(`"a": {"score": 1}, "a": {"score": 2}`), `scenarios[0].entries.a: duplicate key`},
		{"entry unknown field", scoreFile(`"a": {"score": 1, "comment": "x"}`), `scenarios[0].entries.a.comment: unknown field`},
		{"entry weight negative", scoreFile(`"a": {"score": 1, "weight": -2}`), `scenarios[0].entries.a.weight: must be between 0 and 1000, got -2`},
		{"entry weight null", scoreFile(`"a": {"score": 1, "weight": null}`), `scenarios[0].entries.a.weight: must be a number, got null`},

		// Score entries.
		{"score missing", scoreFile(`"a": {}`), `scenarios[0].entries.a.score: required`},
		{"score above the scale", scoreFile(`"a": {"score": 6}`), `scenarios[0].entries.a.score: must be between 1 and 5, got 6`},
		{"score below the scale", scoreFile(`"a": {"score": 0.5}`), `scenarios[0].entries.a.score: must be between 1 and 5, got 0.5`},
		{"score on a custom scale", file(`"scale": {"min": 0, "max": 10}`,
			`"items": [{"id": "a", "name": "A", "side": "cost", "type": "risk"}]`,
			`"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 11}}}]`), `scenarios[0].entries.a.score: must be between 0 and 10, got 11`},
		{"score as a string", scoreFile(`"a": {"score": "4"}`), `scenarios[0].entries.a.score: must be a number, got string "4"`},
		{"score as a fraction string", scoreFile(`"a": {"score": "4/5"}`), `scenarios[0].entries.a.score: must be a number, got string "4/5"`},
		{"money fields in score mode", scoreFile(`"a": {"score": 1, "amount": 5, "hours": 1, "per": "once"}`),
			"scenarios[0].entries.a.amount: not allowed in score mode\nscenarios[0].entries.a.hours: not allowed in score mode\nscenarios[0].entries.a.per: not allowed in score mode"},

		// Money entries.
		{"score in money mode", moneyFile(`"a": {"score": 4}`),
			"scenarios[0].entries.a: must have an amount or hours\nscenarios[0].entries.a.score: not allowed in money mode"},
		{"neither amount nor hours", moneyFile(`"a": {"per": "month"}`), `scenarios[0].entries.a: must have an amount or hours`},
		{"both amount and hours", moneyFile(`"a": {"amount": 1, "hours": 1}`), `scenarios[0].entries.a: must have an amount or hours, not both`},
		{"amount negative", moneyFile(`"a": {"amount": -5}`), `scenarios[0].entries.a.amount: must be between 0 and 1000000000000, got -5`},
		{"amount too large", moneyFile(`"a": {"amount": 2e12}`), `scenarios[0].entries.a.amount: must be between 0 and 1000000000000, got 2000000000000`},
		{"amount with a currency", moneyFile(`"a": {"amount": "$99.99"}`), `scenarios[0].entries.a.amount: must be a number, got string "$99.99"`},
		{"amount with separators", moneyFile(`"a": {"amount": "51,850.00"}`), `scenarios[0].entries.a.amount: must be a number, got string "51,850.00"`},
		{"hours too many", moneyFile(`"a": {"hours": 1e10}`), `scenarios[0].entries.a.hours: must be between 0 and 1000000000, got 10000000000`},
		{"per unknown", moneyFile(`"a": {"amount": 1, "per": "week"}`), `scenarios[0].entries.a.per: must be one of once, month, year, got "week"`},
		{"per plural", moneyFile(`"a": {"amount": 1, "per": "months"}`), `scenarios[0].entries.a.per: must be one of once, month, year, got "months"`},
		{"per kind", moneyFile(`"a": {"amount": 1, "per": 12}`), `scenarios[0].entries.a.per: must be a string, got number 12`},

		// Many problems at once, in the order of the format.
		{
			"every problem listed",
			`{"title": 5, "mode": "points", "scale": {"min": 2.5, "max": 1e309},
			  "items": [{"id": "a", "name": "A", "side": "benefit", "type": "financial", "weight": -1, "colour": "red"},
			            {"id": "a", "name": " ", "side": "gain", "type": "functional", "weight": "1,000"}],
			  "scenarios": [{"id": "s", "name": "S", "entries": {"x": {"score": 1}, "a": {"score": 1}}}],
			  "format": "valuecalc/1", "format": "valuecalc/1"}`,
			`format: duplicate key
title: must be a string, got number 5
mode: must be "score" or "money", got "points"
scale.min: must be an integer, got 2.5
scale.max: must be a finite number, got 1e309
items[0].type: must be one of functional, emotional, social, monetary for a benefit, got "financial"
items[0].weight: must be between 0 and 1000, got -1
items[0].colour: unknown field
items[1].id: duplicate id "a"
items[1].name: must not be blank
items[1].side: must be "benefit" or "cost", got "gain"
items[1].weight: must be a number, got string "1,000"
scenarios[0].entries.x: unknown item "x"`,
		},
		{
			"problems of a value not read are not repeated",
			moneyFile(`"a": {"amount": "5"}, "b": {"hours": [1]}`, `{"id": "b", "name": "B", "side": "cost", "type": "time"}`),
			"scenarios[0].entries.a.amount: must be a number, got string \"5\"\nscenarios[0].entries.b.hours: must be a number, got array",
		},
		{
			"entries are not called unknown when an item id is unreadable",
			file(`"items": [{"id": ["a"], "name": "A", "side": "cost", "type": "risk"}]`, `"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 1}}}]`),
			`items[0].id: must be a string, got array`,
		},
		{
			"an unreadable mode skips entry kinds",
			file(`"mode": 1`, `"items": [{"id": "a", "name": "A", "side": "cost", "type": "risk"}]`, `"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 1}}}]`),
			`mode: must be a string, got number 1`,
		},
		{
			"too many problems",
			file(manyUnknown...),
			func() string {
				lines := make([]string, 100)
				for i := range lines {
					lines[i] = fmt.Sprintf("x%03d: unknown field", i)
				}
				return strings.Join(lines, "\n") + "\n(root): 50 more problems not shown"
			}(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := calc.Decode([]byte(tt.in))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.Equal(t, calc.Model{}, m, "a failed Decode returns a zero Model")
			var problems calc.Problems
			require.ErrorAs(t, err, &problems)
			assert.Len(t, problems, strings.Count(tt.want, "\n")+1)
		})
	}
}

func TestDecodeErrorSentinels(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
		path string
	}{
		{"too large", strings.Repeat(" ", calc.MaxInputSize+1), calc.ErrTooLarge, "(root)"},
		{"too deep", strings.Repeat("[", 65), calc.ErrTooDeep, "(root)"},
		{"syntax", `{"a": NaN}`, calc.ErrSyntax, "(root)"},
		{"invalid UTF-8", "\xff", calc.ErrSyntax, "(root)"},
		{"unknown field", file(`"colour": 1`), calc.ErrUnknownField, "colour"},
		{"wrong kind", file(`"hourlyRate": "1,000"`), calc.ErrWrongKind, "hourlyRate"},
		{"not an integer", file(`"horizonYears": 2.5`), calc.ErrWrongKind, "horizonYears"},
		{"root kind", `[]`, calc.ErrWrongKind, "(root)"},
		{"required", `{}`, calc.ErrRequired, "format"},
		{"blank name", file(`"scenarios": [{"id": "s", "name": " "}]`), calc.ErrRequired, "scenarios[0].name"},
		{"missing amount", moneyFile(`"a": {}`), calc.ErrRequired, "scenarios[0].entries.a"},
		{"out of range", scoreFile(`"a": {"score": 9}`), calc.ErrOutOfRange, "scenarios[0].entries.a.score"},
		{"not finite", file(`"hourlyRate": 1e999`), calc.ErrOutOfRange, "hourlyRate"},
		{"too long", file(`"title": "` + strings.Repeat("t", 201) + `"`), calc.ErrOutOfRange, "title"},
		{"invalid", file(`"mode": "points"`), calc.ErrInvalid, "mode"},
		{"wrong entry for the mode", scoreFile(`"a": {"score": 1, "hours": 1}`), calc.ErrInvalid, "scenarios[0].entries.a.hours"},
		{"duplicate key", file(`"title": "a"`, `"title": "a"`), calc.ErrDuplicate, "title"},
		{"duplicate id", file(`"scenarios": [{"id": "s", "name": "S"}, {"id": "s", "name": "S"}]`), calc.ErrDuplicate, "scenarios[1].id"},
		{"unknown item", scoreFile(`"b": {"score": 1}`), calc.ErrUnknownItem, "scenarios[0].entries.b"},
	}
	sentinels := []error{calc.ErrTooLarge, calc.ErrTooDeep, calc.ErrSyntax, calc.ErrUnknownField, calc.ErrWrongKind,
		calc.ErrRequired, calc.ErrOutOfRange, calc.ErrInvalid, calc.ErrDuplicate, calc.ErrUnknownItem}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.Decode([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			var fe *calc.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path)
			assert.ErrorIs(t, fe, tt.want)
			assert.ErrorIs(t, fe.Err, tt.want)
			for _, s := range sentinels {
				if s != tt.want {
					assert.NotErrorIs(t, fe, s, "a problem wraps one sentinel")
				}
			}
			assert.Equal(t, fe.Path+": "+fe.Err.Error(), fe.Error())
			assert.NotContains(t, fe.Error(), ": "+tt.want.Error()+":", "the sentinel's text is not added to the message")
			assert.False(t, strings.HasSuffix(fe.Error(), ": "+fe.Err.Error()+": "+tt.want.Error()), "the sentinel's text is not added to the message")
		})
	}
}

func TestFieldError(t *testing.T) {
	fe := &calc.FieldError{Path: "items[2].weight", Err: errors.New("must be between 0 and 1000, got -1")}
	assert.Equal(t, "items[2].weight: must be between 0 and 1000, got -1", fe.Error())
	assert.Equal(t, fe.Err, errors.Unwrap(fe))
	assert.Equal(t, "title: invalid", (&calc.FieldError{Path: "title"}).Error())
}

func TestProblems(t *testing.T) {
	a := &calc.FieldError{Path: "a", Err: fmt.Errorf("x: %w", calc.ErrRequired)}
	b := &calc.FieldError{Path: "b", Err: fmt.Errorf("y: %w", calc.ErrDuplicate)}
	var err error = calc.Problems{a, b}
	assert.Equal(t, "a: x: required\nb: y: duplicate", err.Error())
	assert.ErrorIs(t, err, calc.ErrRequired)
	assert.ErrorIs(t, err, calc.ErrDuplicate)
	assert.NotErrorIs(t, err, calc.ErrSyntax)
	var fe *calc.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Same(t, a, fe, "errors.As finds the first problem")
	assert.Equal(t, []error{a, b}, calc.Problems{a, b}.Unwrap())
	assert.Empty(t, calc.Problems{}.Error())
}

// TestDecodeWrapped checks that the error survives wrapping, as the CLI
// and the UI wrap it.
func TestDecodeWrapped(t *testing.T) {
	_, err := calc.Decode([]byte(file(`"items": [{"id": "a", "name": "A", "side": "cost", "type": "risk", "weight": -1}]`)))
	err = fmt.Errorf("model.json: %w", err)
	var problems calc.Problems
	require.ErrorAs(t, err, &problems)
	require.Len(t, problems, 1)
	assert.Equal(t, "items[0].weight", problems[0].Path)
	assert.Equal(t, "must be between 0 and 1000, got -1", problems[0].Err.Error())
	assert.ErrorIs(t, err, calc.ErrOutOfRange)
}

// parallel returns m with every scenario's entries as long as its items,
// as Decode returns them.
func parallel(m calc.Model) calc.Model {
	m.Scenarios = append([]calc.Scenario(nil), m.Scenarios...)
	for j := range m.Scenarios {
		s := &m.Scenarios[j]
		s.Entries = append(append(make([]*calc.Entry, 0, len(m.Items)), s.Entries...), make([]*calc.Entry, len(m.Items)-len(s.Entries))...)
	}
	return m
}

func TestValidate(t *testing.T) {
	valid := func() calc.Model {
		m := calc.NewModel()
		m.Items = []calc.Item{{ID: "a", Name: "A", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1}}
		setEntry(&m, 0, "a", calc.Entry{Score: f(3)})
		return m
	}
	t.Run("valid", func(t *testing.T) {
		assert.NoError(t, calc.Validate(valid()))
		assert.NoError(t, calc.Validate(calc.NewModel()))
	})
	tests := []struct {
		name   string
		change func(m *calc.Model)
		want   string
	}{
		{"zero model", func(m *calc.Model) { *m = calc.Model{} }, `format: must be "valuecalc/3", "valuecalc/2" or "valuecalc/1", got ""
mode: must be "score" or "money", got ""
scale: min must be less than max, got min 0 and max 0
currency: must be three capital letters (an ISO 4217 code), got ""
horizonYears: must be between 1 and 30, got 0
scenarios: must have 1 to 50 scenarios, got 0`},
		{"NaN weight", func(m *calc.Model) { m.Items[0].Weight = math.NaN() }, `items[0].weight: must be a finite number, got NaN`},
		{"infinite rate", func(m *calc.Model) { m.HourlyRate = math.Inf(1) }, `hourlyRate: must be a finite number, got +Inf`},
		{"infinite discount", func(m *calc.Model) { m.DiscountRate = math.Inf(-1) }, `discountRate: must be a finite number, got -Inf`},
		{"NaN score", func(m *calc.Model) { setEntry(m, 0, "a", calc.Entry{Score: f(math.NaN())}) }, `scenarios[0].entries.a.score: must be a finite number, got NaN`},
		{"tiny number in a message", func(m *calc.Model) { m.Items[0].Weight = -1e-7 }, `items[0].weight: must be between 0 and 1000, got -1e-7`},
		{"invalid UTF-8", func(m *calc.Model) { m.Title = "caf\xe9" }, `title: must be valid UTF-8`},
		{"too many items", func(m *calc.Model) {
			m.Items = make([]calc.Item, 1001)
			for i := range m.Items {
				m.Items[i] = calc.Item{ID: fmt.Sprint("i", i), Name: "I", Side: calc.SideCost, Type: calc.TypeRisk, Weight: 1}
			}
			m.Scenarios[0].Entries = nil
		}, `items: must have at most 1000 items, got 1001`},
		{"empty per in money mode is once", func(m *calc.Model) {
			m.Mode = calc.ModeMoney
			setEntry(m, 0, "a", calc.Entry{Amount: f(1)})
		}, ""},
		{"entries past the items", func(m *calc.Model) {
			m.Scenarios[0].Entries = append(m.Scenarios[0].Entries, &calc.Entry{Hours: f(-1), Per: "daily"})
		}, "scenarios[0].entries: has 2 entries, more than the model's items (1)"},
		{"nil entries", func(m *calc.Model) { m.Scenarios[0].Entries = nil; m.Scenarios[0].ID = "" }, `scenarios[0].id: must not be empty`},
		{"unknown mode skips entry kinds", func(m *calc.Model) {
			m.Mode = "points"
			setEntry(m, 0, "a", calc.Entry{Amount: f(1), Weight: f(-1)})
		}, "mode: must be \"score\" or \"money\", got \"points\"\nscenarios[0].entries.a.weight: must be between 0 and 1000, got -1"},
		{"bad scale skips score ranges", func(m *calc.Model) {
			m.Scale = calc.Scale{Min: 50, Max: 200}
			setEntry(m, 0, "a", calc.Entry{Score: f(300)})
		}, `scale.max: must be between 0 and 100, got 200`},
		{"duplicate ids check entries once", func(m *calc.Model) {
			m.Items = append(m.Items, m.Items[0])
			setEntry(m, 0, "a", calc.Entry{Score: f(9)})
		}, "items[1].id: duplicate id \"a\"\nscenarios[0].entries.a.score: must be between 1 and 5, got 9"},
		{"long id of many bytes", func(m *calc.Model) { m.Items[0].ID = strings.Repeat("é", 40); m.Scenarios[0].Entries = nil },
			`items[0].id: must hold only letters A-Z a-z, digits 0-9, "_" and "-", got "` + strings.Repeat("é", 40) + `"`},
		{"long quoted input is cut", func(m *calc.Model) { m.Currency = strings.Repeat("A", 100) },
			`currency: must be three capital letters (an ISO 4217 code), got "` + strings.Repeat("A", 64) + `…"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := valid()
			tt.change(&m)
			err := calc.Validate(m)
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}
