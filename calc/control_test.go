package calc_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// jsonString writes s as a JSON string, every control character escaped
// as \u00XX so that the file itself is plain text.
func jsonString(s string) string {
	out := []byte{'"'}
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			out = append(out, '\\', byte(r))
		case r < 0x20:
			out = append(out, []byte(`\u00`+string("0123456789abcdef"[r>>4])+string("0123456789abcdef"[r&15]))...)
		default:
			out = append(out, string(r)...)
		}
	}
	return string(append(out, '"'))
}

// textFile is a valuecalc/2 score file with the given title, item name,
// note, scenario name and scale labels.
func textFile(title, name, note, scenario, minLabel, maxLabel string) string {
	return fileV2(`"title": `+jsonString(title),
		`"scale": {"min": 1, "max": 5, "minLabel": `+jsonString(minLabel)+`, "maxLabel": `+jsonString(maxLabel)+`}`,
		`"items": [{"id": "a", "name": `+jsonString(name)+`, "side": "benefit", "type": "functional", "note": `+jsonString(note)+`}]`,
		`"scenarios": [{"id": "s", "name": `+jsonString(scenario)+`}]`)
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name                                        string
		title, item, note, scenario, minLab, maxLab string
	}{
		{"plain", "Helpdesk", "Speed", "Faster", "With us", "Never", "Always"},
		{"tabs and line feeds in a note", "Helpdesk", "Speed", "line 1\nline 2\tcolumn", "With us", "Never", "Always"},
		{"right-to-left text with its marks", "\u05e9\u05dc\u05d5\u05dd\u200f", "\u0645\u0631\u062d\u0628\u0627\u061c", "\u200e", "S\u200f", "\u05dc\u05d0", "\u05db\u05df"},
		{"characters next to the refused ones", "\u00a0space\u00a0", "\u00a1", "\u2065\u206a", "\u2029x", "\u2029a", "\u202f5"},
		{"emoji and joiners", "👩\u200d💻", "Zero\u200bwidth", "", "S", "😞", "😀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := calc.Decode([]byte(textFile(tt.title, tt.item, tt.note, tt.scenario, tt.minLab, tt.maxLab)))
			require.NoError(t, err)
			assert.Equal(t, tt.title, m.Title)
			assert.Equal(t, tt.item, m.Items[0].Name)
			assert.Equal(t, tt.note, m.Items[0].Note)
			assert.Equal(t, tt.scenario, m.Scenarios[0].Name)
			assert.Equal(t, tt.minLab, m.Scale.MinLabel)
			assert.Equal(t, tt.maxLab, m.Scale.MaxLabel)
		})
	}
}

func TestDecodeTextErrors(t *testing.T) {
	ok := func(title, item, note, scenario, minLab, maxLab string) string {
		return textFile(title, item, note, scenario, minLab, maxLab)
	}
	long := "a long title whose escape comes after what a message quotes, so that it is quoted from nearer"
	tests := []struct {
		name string
		in   string
		want string
		is   error
	}{
		{"screen clear in an item's name", ok("T", "\x1b[2J", "", "S", "L", "H"),
			`items[0].name: must not hold control characters, got "\x1b[2J"`, calc.ErrControl},
		{"window title in the title", ok("\x1b]0;pwned\x07", "A", "", "S", "L", "H"),
			`title: must not hold control characters, got "\x1b]0;pwned\a"`, calc.ErrControl},
		{"NUL in a scenario's name", ok("T", "A", "", "S\x00", "L", "H"),
			`scenarios[0].name: must not hold control characters, got "S\x00"`, calc.ErrControl},
		{"carriage return in a note", ok("T", "A", "one\r\ntwo", "S", "L", "H"),
			`items[0].note: must not hold control characters, got "one\r\ntwo"`, calc.ErrControl},
		{"tab in a name", ok("T", "A\tB", "", "S", "L", "H"),
			`items[0].name: must not hold control characters, got "A\tB"`, calc.ErrControl},
		{"line feed in a title", ok("T\nU", "A", "", "S", "L", "H"),
			`title: must not hold control characters, got "T\nU"`, calc.ErrControl},
		{"DEL in a label", ok("T", "A", "", "S", "L\x7f", "H"),
			`scale.minLabel: must not hold control characters, got "L\x7f"`, calc.ErrControl},
		{"C1 control (CSI) in a label", ok("T", "A", "", "S", "L", "\u009b2J"),
			`scale.maxLabel: must not hold control characters, got "\u009b2J"`, calc.ErrControl},
		{"right-to-left override in a name", ok("T", "invoice\u202etxt.exe", "", "S", "L", "H"),
			`items[0].name: must not hold control characters, got "invoice\u202etxt.exe"`, calc.ErrControl},
		{"left-to-right embedding in a note", ok("T", "A", "\u202aX", "S", "L", "H"),
			`items[0].note: must not hold control characters, got "\u202aX"`, calc.ErrControl},
		{"isolates in a scenario's name", ok("T", "A", "", "\u2066S\u2069", "L", "H"),
			`scenarios[0].name: must not hold control characters, got "\u2066S\u2069"`, calc.ErrControl},
		{"escape far into a long title", ok(long+"\x1b[1A", "A", "", "S", "L", "H"),
			`title: must not hold control characters, got "…rom nearer\x1b[1A"`, calc.ErrControl},
		{"label of spaces only", ok("T", "A", "", "S", "   ", "H"),
			`scale.minLabel: must not be blank`, calc.ErrRequired},
		{"label of white space only", ok("T", "A", "", "S", "L", "\u00a0\u3000"),
			`scale.maxLabel: must not be blank`, calc.ErrRequired},
		{"every text at once", ok("\x07", "\x1b", "\x00", "\u202e", "\x08", "\u0090"),
			`title: must not hold control characters, got "\a"` + "\n" +
				`scale.minLabel: must not hold control characters, got "\b"` + "\n" +
				`scale.maxLabel: must not hold control characters, got "\u0090"` + "\n" +
				`items[0].name: must not hold control characters, got "\x1b"` + "\n" +
				`items[0].note: must not hold control characters, got "\x00"` + "\n" +
				`scenarios[0].name: must not hold control characters, got "\u202e"`, calc.ErrControl},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := calc.Decode([]byte(tt.in))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.ErrorIs(t, err, tt.is)
			assert.Equal(t, calc.Model{}, m)
		})
	}
}

func TestValidateText(t *testing.T) {
	tests := []struct {
		name   string
		change func(m *calc.Model)
		want   string
	}{
		{"title", func(m *calc.Model) { m.Title = "\x1b[2J" }, `title: must not hold control characters, got "\x1b[2J"`},
		{"item name", func(m *calc.Model) { m.Items[0].Name = "a\u202eb" }, `items[0].name: must not hold control characters, got "a\u202eb"`},
		{"scenario name", func(m *calc.Model) { m.Scenarios[0].Name = "\u009b" }, `scenarios[0].name: must not hold control characters, got "\u009b"`},
		{"label", func(m *calc.Model) { m.Scale.MaxLabel = " " }, `scale.maxLabel: must not be blank`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := calc.NewModel()
			m.Items = []calc.Item{{ID: "a", Name: "A", Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1, Note: "x\ty\nz"}}
			m.Scenarios[0].Entries = []*calc.Entry{nil}
			require.NoError(t, calc.Validate(m))
			tt.change(&m)
			assert.EqualError(t, calc.Validate(m), tt.want)
		})
	}
}

func TestControlChar(t *testing.T) {
	for _, r := range []rune{0, '\t', '\n', '\r', 0x1b, 0x1f, 0x7f, 0x80, 0x9f, 0x202a, 0x202e, 0x2066, 0x2069} {
		assert.True(t, calc.ControlChar(r), "%U", r)
	}
	for _, r := range []rune{' ', '~', 0xa0, 0x200e, 0x200f, 0x061c, 0x2029, 0x2065, 0x206a, 0xfeff, 'é'} {
		assert.False(t, calc.ControlChar(r), "%U", r)
	}
}

func TestUTF16(t *testing.T) {
	utf16 := func(s string, bigEndian, bom bool) []byte {
		var out []byte
		if bom {
			s = "\ufeff" + s
		}
		for _, r := range s { // ASCII and the BOM: one unit each
			hi, lo := byte(r>>8), byte(r)
			if bigEndian {
				out = append(out, hi, lo)
			} else {
				out = append(out, lo, hi)
			}
		}
		return out
	}
	file := `{"format": "valuecalc/2"}`
	for _, tt := range []struct {
		name string
		in   []byte
	}{
		{"little-endian with BOM", utf16(file, false, true)},
		{"big-endian with BOM", utf16(file, true, true)},
		{"little-endian without BOM", utf16(file, false, false)},
		{"big-endian without BOM", utf16(file, true, false)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.Decode(tt.in)
			assert.EqualError(t, err, `(root): is UTF-16 text; valuecalc files are UTF-8: save the file as UTF-8`)
			assert.ErrorIs(t, err, calc.ErrUTF16)
		})
	}
	// A file of UTF-8 with its byte order mark is still read.
	_, err := calc.Decode(append([]byte("\ufeff"), file...))
	require.NoError(t, err)
	// Invalid UTF-8 that is not UTF-16 stays a syntax error.
	_, err = calc.Decode([]byte("{\xff}"))
	assert.ErrorIs(t, err, calc.ErrSyntax)
	assert.False(t, errors.Is(err, calc.ErrUTF16))
}

func TestCheckSize(t *testing.T) {
	require.NoError(t, calc.CheckSize(calc.MaxInputSize))
	err := calc.CheckSize(12 << 20)
	assert.EqualError(t, err, "must be at most 5242880 bytes (5 MB), got 12582912 bytes")
	assert.ErrorIs(t, err, calc.ErrTooLarge)
}

func TestProblemsTotal(t *testing.T) {
	items := ""
	for i := range 250 {
		if i > 0 {
			items += ", "
		}
		items += `{"id": "i` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `", "name": " ", "side": "cost", "type": "risk"}`
	}
	_, err := calc.Decode([]byte(fileV2(`"items": [` + items + `]`)))
	var probs calc.Problems
	require.ErrorAs(t, err, &probs)
	assert.Len(t, probs, 101, "100 listed and a line for the rest")
	assert.Equal(t, 250, probs.Total())
	assert.Len(t, probs.Listed(), 100)
	assert.EqualError(t, probs[100], "(root): 150 more problems not shown")
	assert.ErrorIs(t, probs[100], calc.ErrMore)
	assert.NotErrorIs(t, probs[0], calc.ErrMore)

	_, err = calc.Decode([]byte(fileV2(`"title": 1`)))
	require.ErrorAs(t, err, &probs)
	assert.Equal(t, 1, probs.Total())
	assert.Len(t, probs.Listed(), 1)
}
