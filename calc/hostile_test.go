package calc_test

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

// Hostile names: markup, script URLs and right-to-left text with its
// marks. They are valid text in a name: the app shows them as text, never
// as markup, so the model keeps them byte for byte. (A right-to-left
// override is not text: Decode refuses it, see TestHostileInputs.)
var hostileNames = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`javascript:alert(1)`,
	"\u05e9\u05dc\u05d5\u05dd\u200f txt.exe", // Hebrew with a right-to-left mark
	`"quoted" \ back\slash </title><svg onload=alert(1)>`,
}

// hxScore returns a score model file (1–5) with one benefit item "a" plus
// extra items, and one scenario "s" with the given entries; extra top
// fields go after format.
func hxScore(top, items, entries string) []byte {
	return []byte(`{"format": "valuecalc/1"` + hxComma(top) +
		`, "items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}` + hxComma(items) + `]` +
		`, "scenarios": [{"id": "s", "name": "S", "entries": {` + entries + `}}]}`)
}

// hxMoney is hxScore in money mode, item "a" a monetary benefit.
func hxMoney(items, entries string) []byte {
	return []byte(`{"format": "valuecalc/1", "mode": "money"` +
		`, "items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary"}` + hxComma(items) + `]` +
		`, "scenarios": [{"id": "s", "name": "S", "entries": {` + entries + `}}]}`)
}

func hxComma(s string) string {
	if s == "" {
		return ""
	}
	return ", " + s
}

// hxDeflate packs data as a link payload the way another program would.
func hxDeflate(t testing.TB, data []byte) string {
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestCompression)
	require.NoError(t, err)
	_, err = w.Write(data)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return base64.RawURLEncoding.EncodeToString(z.Bytes())
}

// hxFlip flips bit of byte i of a payload's compressed data and returns
// the payload, still valid base64url.
func hxFlip(t testing.TB, payload string, i int, bit byte) string {
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	require.NoError(t, err)
	if i < 0 {
		i += len(raw)
	}
	raw[i] ^= bit
	return base64.RawURLEncoding.EncodeToString(raw)
}

// hxNamed returns a score model whose title, item names, scenario names
// and notes are the hostile names.
func hxNamed() calc.Model {
	m := calc.NewModel()
	m.Title = strings.Join(hostileNames, " ")
	m.Items = nil
	m.Scenarios = nil
	for i, n := range hostileNames {
		id := string(rune('a' + i))
		m.Items = append(m.Items, calc.Item{ID: id, Name: n, Side: calc.SideBenefit, Type: calc.TypeSocial, Weight: 1, Note: n})
		m.Scenarios = append(m.Scenarios, calc.Scenario{ID: "s" + id, Name: n})
	}
	for i := range m.Scenarios {
		id := string(rune('a' + i))
		m.Scenarios[i].Entries = calc.EntriesByID(m.Items, map[string]calc.Entry{id: {Score: calc.Float(3)}})
	}
	return m
}

// TestHostileInputs feeds Decode and DecodeLink what an attacker, a broken
// program or a careless hand would: each input is either rejected as a
// whole with the exact kind of problem (its sentinel), where it is and a
// message saying what is wrong, or accepted as a model that is valid,
// evaluates to finite numbers and survives Encode and Decode unchanged.
func TestHostileInputs(t *testing.T) {
	software, ok := examples.Get("software-purchase")
	require.True(t, ok)
	softwareModel, err := calc.Decode(software.Data)
	require.NoError(t, err)
	valid, err := calc.EncodeLink(softwareModel)
	require.NoError(t, err)
	validPayload := strings.TrimPrefix(valid, "m=")
	legacy := hxDeflate(t, software.Data)
	named := hxNamed()
	namedJSON, err := calc.Encode(named)
	require.NoError(t, err)
	namedLink, err := calc.EncodeLink(named)
	require.NoError(t, err)

	// A 10 MB file that would be valid but for its size: a long note is
	// not the problem, the size is checked first.
	big := append([]byte(`{"format": "valuecalc/1", "title": "big"`), bytes.Repeat([]byte(" "), 10<<20)...)
	big = append(big, '}')
	deepArrays := []byte(`{"format": "valuecalc/1", "items": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`)
	deepObjects := []byte(strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000))
	// A link that unpacks to 6 MB: a small payload, a large model.
	bomb := hxDeflate(t, append([]byte(`{"format": "valuecalc/1", "title": "`), bytes.Repeat([]byte("x"), 6<<20)...))

	tests := []struct {
		name string
		in   []byte // for Decode
		link string // for DecodeLink, when in is nil
		// Rejected: the sentinel, the path of the problem ("" for a link
		// error that is not a FieldError) and part of its message.
		want error
		path string
		msg  string
		// Accepted (want == nil): what the model must hold.
		check func(t *testing.T, m calc.Model)
	}{
		// Numbers JSON does not have, or float64 cannot hold.
		{name: "NaN literal", in: []byte(`{"format": "valuecalc/1", "hourlyRate": NaN}`),
			want: calc.ErrSyntax, path: "(root)", msg: "invalid JSON at byte 40: invalid character 'N'"},
		{name: "Infinity literal", in: hxMoney("", `"a": {"amount": Infinity}`),
			want: calc.ErrSyntax, path: "(root)", msg: "invalid character 'I' looking for beginning of value"},
		{name: "-Infinity literal", in: hxMoney("", `"a": {"amount": -Infinity}`),
			want: calc.ErrSyntax, path: "(root)", msg: "invalid character 'I' in numeric literal"},
		{name: "NaN as a string", in: hxMoney("", `"a": {"amount": "NaN"}`),
			want: calc.ErrWrongKind, path: "scenarios[0].entries.a.amount", msg: `must be a number, got string "NaN"`},
		{name: "1e309 amount", in: hxMoney("", `"a": {"amount": 1e309}`),
			want: calc.ErrOutOfRange, path: "scenarios[0].entries.a.amount", msg: "must be a finite number, got 1e309"},
		{name: "-1e309 weight", in: hxScore("", `{"id": "b", "name": "B", "side": "cost", "type": "risk", "weight": -1e309}`, ""),
			want: calc.ErrOutOfRange, path: "items[1].weight", msg: "must be a finite number, got -1e309"},
		{name: "1e309 hourly rate", in: []byte(`{"format": "valuecalc/1", "hourlyRate": 1e309}`),
			want: calc.ErrOutOfRange, path: "hourlyRate", msg: "must be a finite number, got 1e309"},
		{name: "amount just above the limit", in: hxMoney("", `"a": {"amount": 1.0000000001e12}`),
			want: calc.ErrOutOfRange, path: "scenarios[0].entries.a.amount", msg: "must be between 0 and 1000000000000, got 1000000000100"},
		{name: "-0 amount is 0", in: hxMoney("", `"a": {"amount": -0}`),
			check: func(t *testing.T, m calc.Model) {
				a := *entryOf(m, 0, "a").Amount
				assert.Equal(t, 0.0, a)
				assert.False(t, math.Signbit(a), "no negative zero")
				assert.Equal(t, 0.0, calc.Evaluate(m).Scenarios[0].Net)
			}},
		{name: "-0 weight, -0.0 discount rate and score -0 on a 0-based scale", in: []byte(`{"format": "valuecalc/1",
				"scale": {"min": -0, "max": 5}, "discountRate": -0.0,
				"items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional", "weight": -0}],
				"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": -0, "weight": -0e5}}}]}`),
			check: func(t *testing.T, m calc.Model) {
				e := entryOf(m, 0, "a")
				for name, v := range map[string]float64{"weight": m.Items[0].Weight, "score": *e.Score,
					"entry weight": *e.Weight, "discount rate": m.DiscountRate} {
					assert.Equal(t, 0.0, v, name)
					assert.False(t, math.Signbit(v), "%s: no negative zero", name)
				}
				assert.Equal(t, 0, m.Scale.Min)
			}},

		// Numbers written as people type them belong in the app's fields,
		// not in files.
		{name: `"1,000" as an amount`, in: hxMoney("", `"a": {"amount": "1,000"}`),
			want: calc.ErrWrongKind, path: "scenarios[0].entries.a.amount", msg: `must be a number, got string "1,000"`},
		{name: `"1,000" as a weight`, in: hxScore("", `{"id": "b", "name": "B", "side": "cost", "type": "risk", "weight": "1,000"}`, ""),
			want: calc.ErrWrongKind, path: "items[1].weight", msg: `must be a number, got string "1,000"`},
		{name: `"$1,200" as an hourly rate`, in: []byte(`{"format": "valuecalc/1", "hourlyRate": "$1,200"}`),
			want: calc.ErrWrongKind, path: "hourlyRate", msg: `must be a number, got string "$1,200"`},

		// Values outside their bounds.
		{name: "negative item weight", in: hxScore("", `{"id": "b", "name": "B", "side": "cost", "type": "risk", "weight": -1}`, ""),
			want: calc.ErrOutOfRange, path: "items[1].weight", msg: "must be between 0 and 1000, got -1"},
		{name: "negative entry weight", in: hxScore("", "", `"a": {"score": 3, "weight": -0.5}`),
			want: calc.ErrOutOfRange, path: "scenarios[0].entries.a.weight", msg: "must be between 0 and 1000, got -0.5"},
		{name: "weight above 1000", in: hxScore("", `{"id": "b", "name": "B", "side": "cost", "type": "risk", "weight": 1001}`, ""),
			want: calc.ErrOutOfRange, path: "items[1].weight", msg: "must be between 0 and 1000, got 1001"},
		{name: "score above the scale", in: hxScore("", "", `"a": {"score": 99}`),
			want: calc.ErrOutOfRange, path: "scenarios[0].entries.a.score", msg: "must be between 1 and 5, got 99"},
		{name: "score below the scale", in: hxScore("", "", `"a": {"score": 0.5}`),
			want: calc.ErrOutOfRange, path: "scenarios[0].entries.a.score", msg: "must be between 1 and 5, got 0.5"},
		{name: "score above a 0-10 scale", in: hxScore(`"scale": {"min": 0, "max": 10}`, "", `"a": {"score": 10.01}`),
			want: calc.ErrOutOfRange, path: "scenarios[0].entries.a.score", msg: "must be between 0 and 10, got 10.01"},
		{name: "negative amount", in: hxMoney("", `"a": {"amount": -5}`),
			want: calc.ErrOutOfRange, path: "scenarios[0].entries.a.amount", msg: "must be between 0 and 1000000000000, got -5"},
		{name: "negative hours", in: hxMoney("", `"a": {"hours": -1, "per": "month"}`),
			want: calc.ErrOutOfRange, path: "scenarios[0].entries.a.hours", msg: "must be between 0 and 1000000000, got -1"},

		// Fields the format does not define: a typo must not drop data.
		{name: "unknown top-level field", in: []byte(`{"format": "valuecalc/1", "colour": "red"}`),
			want: calc.ErrUnknownField, path: "colour", msg: "unknown field"},
		{name: "unknown item field", in: hxScore("", `{"id": "b", "name": "B", "side": "cost", "type": "risk", "wieght": 2}`, ""),
			want: calc.ErrUnknownField, path: "items[1].wieght", msg: "unknown field"},
		{name: "unknown entry field", in: hxScore("", "", `"a": {"score": 3, "onerror": "alert(1)"}`),
			want: calc.ErrUnknownField, path: "scenarios[0].entries.a.onerror", msg: "unknown field"},
		{name: "__proto__ field", in: []byte(`{"format": "valuecalc/1", "__proto__": {"polluted": 1}}`),
			want: calc.ErrUnknownField, path: "__proto__", msg: "unknown field"},

		// Repeats.
		{name: "duplicate item ids", in: hxScore("", `{"id": "a", "name": "Again", "side": "cost", "type": "risk"}`, ""),
			want: calc.ErrDuplicate, path: "items[1].id", msg: `duplicate id "a"`},
		{name: "duplicate scenario ids", in: []byte(`{"format": "valuecalc/1", "scenarios": [{"id": "s", "name": "S"}, {"id": "s", "name": "Again"}]}`),
			want: calc.ErrDuplicate, path: "scenarios[1].id", msg: `duplicate id "s"`},
		{name: "duplicate key in an entry", in: hxScore("", "", `"a": {"score": 3, "score": 99}`),
			want: calc.ErrDuplicate, path: "scenarios[0].entries.a.score", msg: "duplicate key"},
		{name: "duplicate entry for one item", in: hxScore("", "", `"a": {"score": 3}, "a": {"score": 4}`),
			want: calc.ErrDuplicate, path: "scenarios[0].entries.a", msg: "duplicate key"},

		// Entries that belong to nothing.
		{name: "entry for an unknown item", in: hxScore("", "", `"a": {"score": 3}, "ghost": {"score": 4}`),
			want: calc.ErrUnknownItem, path: "scenarios[0].entries.ghost", msg: `unknown item "ghost"`},
		{name: "entry for an unknown item with a hostile key", in: hxScore("", "", `"<img src=x onerror=alert(1)>": {"score": 4}`),
			want: calc.ErrUnknownItem, path: `scenarios[0].entries["<img src=x onerror=alert(1)>"]`, msg: `unknown item "<img src=x onerror=alert(1)>"`},

		// Size and shape.
		{name: "10 MB file", in: big,
			want: calc.ErrTooLarge, path: "(root)", msg: "must be at most 5242880 bytes (5 MB), got 10485801 bytes"},
		{name: "100000 nested arrays", in: deepArrays,
			want: calc.ErrTooDeep, path: "(root)", msg: "nested deeper than 64 levels at byte 98"},
		{name: "100000 nested objects", in: deepObjects,
			want: calc.ErrTooDeep, path: "(root)", msg: "nested deeper than 64 levels at byte 320"},
		{name: "brackets inside a string do not count", in: []byte(`{"format": "valuecalc/1", "title": "` + strings.Repeat("[", 150) + `"}`),
			check: func(t *testing.T, m calc.Model) { assert.Equal(t, strings.Repeat("[", 150), m.Title) }},
		{name: "invalid UTF-8 in a name", in: hxScore("", `{"id": "b", "name": "B`+"\xc3\x28"+`", "side": "cost", "type": "risk"}`, ""),
			want: calc.ErrSyntax, path: "(root)", msg: "invalid UTF-8 at byte"},
		{name: "lone surrogate escape in a name", in: hxScore("", `{"id": "b", "name": "\ud800", "side": "cost", "type": "risk"}`, ""),
			check: func(t *testing.T, m calc.Model) {
				// encoding/json reads it as U+FFFD: valid text, nothing lost
				// that was ever text.
				assert.Equal(t, "\uFFFD", m.Items[1].Name)
			}},

		// Hostile text: valid where a name belongs, never in an id.
		{name: "hostile names are text", in: namedJSON,
			check: func(t *testing.T, m calc.Model) { assert.Equal(t, named, m) }},
		{name: "hostile names written with JSON escapes", in: []byte(`{"format": "valuecalc/1", "title": "\u003cscript\u003ealert(1)\u003c/script\u003e \u200f"}`),
			check: func(t *testing.T, m calc.Model) { assert.Equal(t, "<script>alert(1)</script> \u200F", m.Title) }},
		{name: "right-to-left override written with a JSON escape", in: []byte(`{"format": "valuecalc/1", "title": "invoice\u202etxt.exe"}`),
			want: calc.ErrControl, path: "title", msg: `must not hold control characters, got "invoice\u202etxt.exe"`},
		{name: "terminal escape in a scenario's name", in: []byte(`{"format": "valuecalc/1", "scenarios": [{"id": "s", "name": "\u001b]0;pwned\u0007"}]}`),
			want: calc.ErrControl, path: "scenarios[0].name", msg: `must not hold control characters, got "\x1b]0;pwned\a"`},
		{name: "markup in an id", in: hxScore("", `{"id": "<script>", "name": "B", "side": "cost", "type": "risk"}`, ""),
			want: calc.ErrInvalid, path: "items[1].id", msg: `must hold only letters A-Z a-z, digits 0-9, "_" and "-", got "<script>"`},
		{name: "right-to-left override in an id", in: hxScore("", `{"id": "b`+"\u202E"+`", "name": "B", "side": "cost", "type": "risk"}`, ""),
			want: calc.ErrInvalid, path: "items[1].id", msg: `got "b\u202e"`},
		{name: "javascript: as a mode", in: []byte(`{"format": "valuecalc/1", "mode": "javascript:alert(1)"}`),
			want: calc.ErrInvalid, path: "mode", msg: `must be "score" or "money", got "javascript:alert(1)"`},

		// Share links.
		{name: "link: valid", link: valid,
			check: func(t *testing.T, m calc.Model) { assert.Equal(t, softwareModel, m) }},
		{name: "link: hostile names", link: namedLink,
			check: func(t *testing.T, m calc.Model) { assert.Equal(t, named, m) }},
		{name: "link: empty", link: "",
			want: calc.ErrLink, msg: "the link holds no model"},
		{name: "link: empty m=", link: "#m=",
			want: calc.ErrLink, msg: "the link holds no model"},
		{name: "link: another parameter only", link: "#view=report",
			want: calc.ErrLink, msg: "the link holds no model (no #m= in it)"},
		{name: "link: truncated by a third", link: "m=" + validPayload[:len(validPayload)*2/3],
			want: calc.ErrLinkDamaged, msg: "it is damaged"},
		{name: "link: last character cut", link: valid[:len(valid)-1],
			want: calc.ErrLinkDamaged, msg: "it is damaged"},
		{name: "link: first half only", link: "m=" + validPayload[:len(validPayload)/2],
			want: calc.ErrLinkDamaged, msg: "it is damaged"},
		{name: "link: bit flipped in the zlib header", link: "m=" + hxFlip(t, validPayload, 1, 0x10),
			want: calc.ErrLinkDamaged, msg: "it is damaged"},
		{name: "link: bit flipped in the checksum", link: "m=" + hxFlip(t, validPayload, -1, 0x80),
			want: calc.ErrLinkDamaged, msg: "it is damaged"},
		{name: "link: bit flipped mid-stream is refused, not read as other JSON", link: "m=" + hxFlip(t, validPayload, len(validPayload)*3/8, 0x80),
			want: calc.ErrLinkDamaged, msg: "it is damaged"},
		{name: "link: base64 characters changed", link: strings.NewReplacer("A", "B", "g", "h").Replace(valid),
			want: calc.ErrLinkDamaged, msg: "it is damaged"},
		{name: "link v1: truncated by a third", link: "model=" + legacy[:len(legacy)*2/3],
			want: calc.ErrLink, msg: "its data is damaged or cut short; was it copied whole?"},
		{name: "link v1: bit flipped in the block header", link: "model=" + hxFlip(t, legacy, 1, 0x10),
			want: calc.ErrLink, msg: "damaged or cut short"},
		{name: "link: javascript: URL", link: "m=javascript:alert(1)",
			want: calc.ErrLink, msg: `it holds ":alert(1", which has no place in a valuecalc link`},
		{name: "link: script tag", link: "#model=<script>alert(1)</script>",
			want: calc.ErrLink, msg: `it holds "<script>", which has no place in a valuecalc link`},
		{name: "link v1: javascript: text deflated", link: "model=" + hxDeflate(t, []byte("javascript:alert(1)")),
			want: calc.ErrSyntax, path: "(root)", msg: "invalid JSON at byte 0"},
		{name: "link v1: NaN deflated", link: "model=" + hxDeflate(t, []byte(`{"format": "valuecalc/1", "discountRate": NaN}`)),
			want: calc.ErrSyntax, path: "(root)", msg: "invalid character 'N'"},
		{name: "link v1: hostile id deflated", link: "model=" + hxDeflate(t, hxScore("", `{"id": "x onerror=alert(1)", "name": "B", "side": "cost", "type": "risk"}`, "")),
			want: calc.ErrInvalid, path: "items[1].id", msg: `got "x onerror=alert(1)"`},
		{name: "link v1: unpacks to 6 MB", link: "model=" + bomb,
			want: calc.ErrTooLarge, msg: "the model in the link is larger than 5 MB"},
		{name: "link v1: 100000 nested arrays", link: "model=" + hxDeflate(t, deepArrays),
			want: calc.ErrTooDeep, path: "(root)", msg: "nested deeper than 64 levels"},
		{name: "link: longer than MaxLinkLen", link: "m=" + strings.Repeat("A", calc.MaxLinkLen+1),
			want: calc.ErrLink, msg: "the link is too long"},
	}
	sentinels := []error{calc.ErrTooLarge, calc.ErrTooDeep, calc.ErrSyntax, calc.ErrUnknownField, calc.ErrWrongKind,
		calc.ErrRequired, calc.ErrOutOfRange, calc.ErrInvalid, calc.ErrDuplicate, calc.ErrUnknownItem, calc.ErrLink}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m calc.Model
			var err error
			require.NotPanics(t, func() {
				if tt.in != nil {
					m, err = calc.Decode(tt.in)
				} else {
					m, err = calc.DecodeLink(tt.link)
				}
			})
			if tt.want == nil {
				require.NoError(t, err)
				if tt.check != nil {
					tt.check(t, m)
				}
				hxAccepted(t, m)
				return
			}
			require.Error(t, err, "must be rejected")
			assert.Equal(t, calc.Model{}, m, "a rejected input gives no model")
			require.ErrorIs(t, err, tt.want)
			if tt.path == "" {
				assert.Contains(t, err.Error(), tt.msg)
				var probs calc.Problems
				assert.False(t, errors.As(err, &probs), "a link that cannot be unpacked has no model problems")
				return
			}
			var probs calc.Problems
			require.ErrorAs(t, err, &probs)
			var found *calc.FieldError
			for _, fe := range probs {
				if fe.Path == tt.path && errors.Is(fe, tt.want) {
					found = fe
					break
				}
			}
			require.NotNil(t, found, "no %v problem at %s in:\n%v", tt.want, tt.path, err)
			assert.Contains(t, found.Error(), tt.msg)
			for _, s := range sentinels {
				if s != tt.want {
					assert.NotErrorIs(t, found, s, "a problem wraps one sentinel")
				}
			}
		})
	}
}

// hxAccepted checks what every accepted model must be: valid, finite in
// every result, and unchanged through Encode, Decode and the link format,
// hostile text included.
func hxAccepted(t *testing.T, m calc.Model) {
	t.Helper()
	require.NoError(t, calc.Validate(m))
	for _, s := range calc.Evaluate(m).Scenarios {
		for _, v := range []float64{s.Benefits, s.Costs, s.Net} {
			assert.False(t, math.IsNaN(v) || math.IsInf(v, 0), "%s: %v is not finite", s.ID, v)
		}
	}
	data, err := calc.Encode(m)
	require.NoError(t, err)
	again, err := calc.Decode(data)
	require.NoError(t, err)
	assert.Equal(t, m, again, "Decode→Encode→Decode")
	data2, err := calc.Encode(again)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(data2), "encoding is stable")
	for _, n := range hostileNames {
		if strings.Contains(m.Title, n) && !strings.ContainsAny(n, `"\`) {
			assert.Contains(t, string(data), n, "the file holds the text as it is, not escaped")
		}
	}
	payload, err := calc.EncodeLink(m)
	require.NoError(t, err)
	linked, err := calc.DecodeLink(payload)
	require.NoError(t, err)
	assert.Equal(t, m, linked, "through a share link")
}
