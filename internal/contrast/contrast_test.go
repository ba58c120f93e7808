package contrast

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRatio(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"black on white", "#000000", "#ffffff", 21},
		{"white on white", "#ffffff", "#ffffff", 1},
		{"grey 777 on white", "#777777", "#ffffff", 4.48},
		{"grey 767676 on white", "#767676", "#ffffff", 4.54},
		{"the default accent", "#1d4ed8", "#ffffff", 6.70},
		{"pure red", "#ff0000", "#ffffff", 4.00},
		{"order does not matter", "#ffffff", "#777777", 4.48},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.a)
			require.NoError(t, err)
			b, err := Parse(tt.b)
			require.NoError(t, err)
			assert.InDelta(t, tt.want, Ratio(a, b), 0.005)
		})
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name, in string
		want     Palette
	}{
		{"the default blue", "#1d4ed8", Palette{Accent: Colour{0x1d, 0x4e, 0xd8}}},
		{"without #, as ?accent= has it", "15803d", Palette{Accent: Colour{0x15, 0x80, 0x3d}}},
		{"upper case", "#0B5FFF", Palette{Accent: Colour{0x0b, 0x5f, 0xff}}},
		{"just passing", "#767676", Palette{Accent: Colour{0x76, 0x76, 0x76}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Check(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want.Accent, p.Accent)
			assert.GreaterOrEqual(t, Ratio(p.Dark, White), MinText)
			assert.GreaterOrEqual(t, Ratio(p.Dark, p.Weak), MinText)
			assert.GreaterOrEqual(t, Ratio(p.Accent, p.Faint), 3.0)
			assert.Len(t, p.Properties(), 4)
		})
	}
}

func TestCheckErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"grey 777 is just short", "#777777", "#777777 has a contrast of 4.48:1 with white, below the 4.50:1"},
		{"yellow", "#ffff00", "#ffff00 has a contrast of 1.07:1"},
		{"light blue", "#93c5fd", "contrast of 1.80:1"},
		{"three digits", "#fff", `must be a colour as #RRGGBB, got "#fff"`},
		{"a name", "green", `got "green"`},
		{"not hex", "#12345g", `got "#12345g"`},
		{"empty", "", `got ""`},
		{"with alpha", "#11223344", `got "#11223344"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Check(tt.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
