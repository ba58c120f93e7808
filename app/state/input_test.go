package state

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{"integer", "1200", 1200},
		{"decimal", "4.5", 4.5},
		{"leading point", ".5", 0.5},
		{"spaces", "  42 ", 42},
		{"thousands", "12,500", 12500},
		{"thousands and decimals", "51,850.00", 51850},
		{"millions", "1,234,567.5", 1234567.5},
		{"dollar", "$99.99", 99.99},
		{"euro after", "1 200 €", 1200},
		{"negative dollar", "-$5", -5},
		{"dollar negative", "$-5", -5},
		{"unicode minus", "−3", -3},
		{"minus zero", "-0", 0},
		{"exponent", "1e3", 1000},
		{"apostrophe grouping", "1'000", 1000},
		{"no-break space grouping", "1\u00a0000", 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseNumber(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			if tt.want == 0 {
				assert.False(t, 1/got < 0, "negative zero")
			}
		})
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", errNotNumber},
		{"spaces", "   ", errNotNumber},
		{"letters", "12abc", errNotNumber},
		{"word", "lots", errNotNumber},
		{"NaN", "NaN", errNotNumber},
		{"Infinity", "Infinity", errNotNumber},
		{"inf", "-inf", errNotNumber},
		{"hex", "0x10", errNotNumber},
		{"overflow", "1e309", errTooLarge},
		{"comma decimal", "1,5", errCommaDecims},
		{"bad grouping", "1,00", errCommaDecims},
		{"bad grouping 2", "12,34,567", errNotNumber},
		{"double minus", "--5", errNotNumber},
		{"two points", "1.2.3", errNotNumber},
		{"only sign", "$", errNotNumber},
		{"underscore", "1_000", errNotNumber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseNumber(tt.in)
			require.ErrorIs(t, err, tt.want)
		})
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1200", "$1,000.50", "-0", "1e309", "NaN", "1,5", "１２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseNumber(s)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("parseNumber(%q) = %v: not a finite number", s, v)
		}
	})
}
