package calc_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		currency string
		want     string
	}{
		{"dollars", 5000, "USD", "$5,000.00"},
		{"negative dollars", -1234.5, "USD", "-$1,234.50"},
		{"cents", 0.07, "USD", "$0.07"},
		{"zero", 0, "USD", "$0.00"},
		{"negative zero", math.Copysign(0, -1), "USD", "$0.00"},
		{"rounds to zero without a sign", -0.004, "USD", "$0.00"},
		{"rounds half a cent up", 0.125, "USD", "$0.13"},
		{"rounds half a cent away from zero", -0.125, "USD", "-$0.13"},
		{"rounds the number as written", 1.005, "USD", "$1.01"},
		{"rounds up past a half cent", 0.0050000001, "USD", "$0.01"},
		{"carries into thousands", 999.999, "USD", "$1,000.00"},
		{"millions", 1234567.891, "USD", "$1,234,567.89"},
		{"euros", 12, "EUR", "€12.00"},
		{"pounds", -7.5, "GBP", "-£7.50"},
		{"yen have no decimals", 1234.4, "JPY", "¥1,234"},
		{"yen round half up", 1234.5, "JPY", "¥1,235"},
		{"code for other currencies", 1234.56, "CHF", "CHF 1,234.56"},
		{"negative with a code", -1234.56, "CHF", "-CHF 1,234.56"},
		{"won have no decimals", 1500, "KRW", "KRW 1,500"},
		{"dinars have three decimals", 1.5, "KWD", "KWD 1.500"},
		{"no currency", 1234.5, "", "1,234.50"},
		{"large", 1e15, "USD", "$1,000,000,000,000,000.00"},
		{"infinity", math.Inf(1), "USD", "$∞"},
		{"negative infinity", math.Inf(-1), "EUR", "-€∞"},
		{"NaN", math.NaN(), "USD", "$NaN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, calc.FormatMoney(tt.v, tt.currency))
		})
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		decimals int
		want     string
	}{
		{"integer", 5, 0, "5"},
		{"thousands", 1000, 0, "1,000"},
		{"below a thousand", 999.99, 2, "999.99"},
		{"rounds up to a thousand", 999.999, 2, "1,000.00"},
		{"millions", 1234567.891, 2, "1,234,567.89"},
		{"negative", -1234567.891, 1, "-1,234,567.9"},
		{"six digits", 123456, 0, "123,456"},
		{"seven digits", 1234567, 0, "1,234,567"},
		{"fraction", 0.5, 3, "0.500"},
		{"as many decimals as needed", 3.5, -1, "3.5"},
		{"as many decimals as needed, large", 1234.0625, -1, "1,234.0625"},
		{"payback months", 5.666666666666667, 1, "5.7"},
		{"half rounds away from zero", 2.5, 0, "3"},
		{"negative half rounds away from zero", -2.5, 0, "-3"},
		{"just below a half", 0.49999999999999994, 0, "0"},
		{"exact value just above the tie", 999.995, 2, "1,000.00"},
		{"carries to a new digit", 9.96, 1, "10.0"},
		{"carries with no decimals", 99999.5, 0, "100,000"},
		{"tiny", 5e-324, 2, "0.00"},
		{"more decimals than the value has", 0.5, 20, "0.50000000000000000000"},
		{"no more decimals than any float64 has", 0.5, 1 << 40, "0.5" + strings.Repeat("0", 1073)},
		{"rounds to zero without a sign", -0.04, 1, "0.0"},
		{"negative zero", math.Copysign(0, -1), 0, "0"},
		{"huge", 1e21, 0, "1,000,000,000,000,000,000,000"},
		{"NaN", math.NaN(), 2, "NaN"},
		{"infinity", math.Inf(1), 2, "∞"},
		{"negative infinity", math.Inf(-1), 2, "-∞"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, calc.FormatNumber(tt.v, tt.decimals))
		})
	}
}

// TestRoundTies: the command line and the app round ties by one rule,
// away from zero on the number as written (SPEC §9, issue 16). The app's
// side, Intl.NumberFormat included, is app/browser's TestTiesRoundOneWay.
func TestRoundTies(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{1.005, 2, "1.01"},
		{-1.005, 2, "-1.01"},
		{2.675, 2, "2.68"},
		{0.125, 2, "0.13"},
		{-0.125, 2, "-0.13"},
		{1.045, 2, "1.05"},
		{8.345, 2, "8.35"},
		{0.615, 2, "0.62"},
		{1.115, 2, "1.12"},
		{0.285, 2, "0.29"},
		{1.0049, 2, "1.00"},
		{999.995, 2, "1,000.00"},
		{2.5, 0, "3"},
		{-2.5, 0, "-3"},
		{0.05, 1, "0.1"},
		{1234.5, 0, "1,235"},
		{0.1, 20, "0.10000000000000000000"},
		{5e-324, 2, "0.00"},
	}
	for _, tt := range tests {
		t.Run(strconv.FormatFloat(tt.v, 'g', -1, 64), func(t *testing.T) {
			assert.Equal(t, tt.want, calc.FormatNumber(tt.v, tt.decimals))
			want, err := strconv.ParseFloat(strings.ReplaceAll(tt.want, ",", ""), 64)
			require.NoError(t, err)
			assert.Equal(t, want, calc.Round(tt.v, tt.decimals))
		})
	}
	assert.True(t, math.Signbit(calc.Round(-0.004, 2)), "a negative number rounded to zero keeps its sign: Intl writes -0")
	assert.True(t, math.IsNaN(calc.Round(math.NaN(), 2)))
	assert.Equal(t, 1.23456, calc.Round(1.23456, -1))
}
