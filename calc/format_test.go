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

// TestMoneyEnglish: amounts as the command line writes them, with the
// decimals of the currency's minor unit.
func TestMoneyEnglish(t *testing.T) {
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
		{"code for other currencies", 1234.56, "CHF", "CHF\u00a01,234.56"},
		{"negative with a code", -1234.56, "CHF", "-CHF\u00a01,234.56"},
		{"won have no decimals", 1500, "KRW", "₩1,500"},
		{"dinars have three decimals", 1.5, "KWD", "KWD\u00a01.500"},
		{"no currency", 1234.5, "", "1,234.50"},
		{"large", 1e15, "USD", "$1,000,000,000,000,000.00"},
		{"infinity", math.Inf(1), "USD", "$∞"},
		{"negative infinity", math.Inf(-1), "EUR", "-€∞"},
		{"NaN", math.NaN(), "USD", "$NaN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, calc.StyleOf("en").Money(tt.v, tt.currency, -1))
		})
	}
}

func TestNumberEnglish(t *testing.T) {
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
			assert.Equal(t, tt.want, calc.StyleOf("en").Number(tt.v, tt.decimals))
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
			assert.Equal(t, tt.want, calc.StyleOf("en").Number(tt.v, tt.decimals))
			want, err := strconv.ParseFloat(strings.ReplaceAll(tt.want, ",", ""), 64)
			require.NoError(t, err)
			assert.Equal(t, want, calc.Round(tt.v, tt.decimals))
		})
	}
	assert.True(t, math.Signbit(calc.Round(-0.004, 2)), "a negative number rounded to zero keeps its sign: Intl writes -0")
	assert.True(t, math.IsNaN(calc.Round(math.NaN(), 2)))
	assert.Equal(t, 1.23456, calc.Round(1.23456, -1))
}

// TestStyles: the exact text of each language's numbers and money, as
// Intl.NumberFormat writes them in en-US, de, fr and es (app/browser's
// TestStyleIsIntl compares them under Node), but without a minus on a
// number that rounds to zero.
func TestStyles(t *testing.T) {
	const nb, nnb = "\u00a0", "\u202f"
	tests := []struct {
		name     string
		lang     string
		v        float64
		currency string // "" for a plain number
		decimals int
		want     string
	}{
		{"en whole dollars", "en", 18000, "USD", 0, "$18,000"},
		{"en cents", "en", 412.5, "USD", 2, "$412.50"},
		{"en negative", "en", -46388.27, "USD", 2, "-$46,388.27"},
		{"en zero", "en", 0, "EUR", 0, "€0"},
		{"en rounds half a cent up", "en", 0.005, "USD", 2, "$0.01"},
		{"en 999.995 carries", "en", 999.995, "GBP", 2, "£1,000.00"},
		{"en large", "en", 123456789012.5, "USD", 0, "$123,456,789,013"},
		{"en code", "en", 1234.5, "CHF", 2, "CHF" + nb + "1,234.50"},
		{"en number", "en", 1234.5, "", 1, "1,234.5"},
		{"de whole euros", "de", 18000, "EUR", 0, "18.000" + nb + "€"},
		{"de cents", "de", 412.5, "EUR", 2, "412,50" + nb + "€"},
		{"de negative dollars", "de", -1234.5, "USD", 2, "-1.234,50" + nb + "$"},
		{"de zero", "de", 0, "EUR", 0, "0" + nb + "€"},
		{"de rounds to zero without a sign", "de", -0.004, "EUR", 2, "0,00" + nb + "€"},
		{"de 0.005", "de", 0.005, "EUR", 2, "0,01" + nb + "€"},
		{"de 999.995", "de", 999.995, "EUR", 2, "1.000,00" + nb + "€"},
		{"de four digits grouped", "de", 1234, "", 0, "1.234"},
		{"de large", "de", 1e12, "GBP", 0, "1.000.000.000.000" + nb + "£"},
		{"de yen", "de", 1234.5, "JPY", -1, "1.235" + nb + "¥"},
		{"de code", "de", 1234.5, "CHF", 2, "1.234,50" + nb + "CHF"},
		{"de number", "de", -1.5, "", 2, "-1,50"},
		{"fr euros", "fr", 18000, "EUR", 0, "18" + nnb + "000" + nb + "€"},
		{"fr dollars", "fr", -1234.5, "USD", 2, "-1" + nnb + "234,50" + nb + "$US"},
		{"fr pounds", "fr", 7.5, "GBP", 2, "7,50" + nb + "£GB"},
		{"fr yen", "fr", 1234, "JPY", -1, "1" + nnb + "234" + nb + "JPY"},
		{"fr number", "fr", 1234567.25, "", 2, "1" + nnb + "234" + nnb + "567,25"},
		{"es four digits not grouped", "es", 1234.5, "EUR", 2, "1234,50" + nb + "€"},
		{"es five digits grouped", "es", 12345, "EUR", 0, "12.345" + nb + "€"},
		{"es dollars", "es", -18000, "USD", 0, "-18.000" + nb + "US$"},
		{"es pounds by code", "es", 7.5, "GBP", 2, "7,50" + nb + "GBP"},
		{"es number", "es", 1234, "", 0, "1234"},
		{"other language is English", "it", 1234.5, "USD", 2, "$1,234.50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := calc.StyleOf(tt.lang)
			got := st.Number(tt.v, tt.decimals)
			if tt.currency != "" {
				got = st.Money(tt.v, tt.currency, tt.decimals)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestStyleMinusAndGrouping(t *testing.T) {
	st := calc.StyleOf("de")
	st.Minus = "−"
	assert.Equal(t, "−1.234,5", st.UpTo(-1234.5, 2))
	assert.Equal(t, "−1.234,50\u00a0€", st.Money(-1234.5, "EUR", 2))
	st.MinGroup = 0
	assert.Equal(t, "−1234,5", st.Number(-1234.5, -1), "0 never groups")
	en := calc.StyleOf("en")
	en.Minus = "−"
	assert.Equal(t, "−$1,200", en.Money(-1200, "USD", 0))
	assert.Equal(t, "−∞", en.Number(math.Inf(-1), 2))
}

func TestUpTo(t *testing.T) {
	en := calc.StyleOf("en")
	tests := []struct {
		v    float64
		max  int
		want string
	}{
		{2.5, 2, "2.5"},
		{2.004, 2, "2"},
		{1200, 2, "1,200"},
		{0.125, 2, "0.13"},
		{-0.004, 2, "0"},
		{10, 0, "10"},
		{1.5, -1, "1.5"},
		{999.995, 2, "1,000"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, en.UpTo(tt.v, tt.max), "%v up to %d", tt.v, tt.max)
	}
}

func TestMoneyDecimals(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	model := func(currency string, hourly float64, entries ...*calc.Entry) calc.Model {
		return calc.Model{Mode: calc.ModeMoney, Currency: currency, HourlyRate: hourly,
			Scenarios: []calc.Scenario{{ID: "a", Entries: entries}}}
	}
	tests := []struct {
		name string
		m    calc.Model
		want int
	}{
		{"all whole", model("USD", 60, &calc.Entry{Amount: f(18000)}, nil, &calc.Entry{Hours: f(1.5)}), 0},
		{"an amount with cents", model("USD", 60, &calc.Entry{Amount: f(18000)}, &calc.Entry{Amount: f(412.5)}), 2},
		{"an hourly rate with cents", model("EUR", 62.5, &calc.Entry{Amount: f(100)}), 2},
		{"a range with cents", model("USD", 60, &calc.Entry{Amount: f(100), Low: f(99.5), High: f(101)}), 2},
		{"below a cent is whole", model("USD", 60, &calc.Entry{Amount: f(100.001)}), 0},
		{"dinars have three", model("KWD", 1.25), 3},
		{"yen have none", model("JPY", 1000.5), 0},
		{"no model", calc.Model{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.m.MoneyDecimals())
		})
	}
}

func TestMinorUnit(t *testing.T) {
	for cur, want := range map[string]int{"USD": 2, "EUR": 2, "JPY": 0, "KRW": 0, "HUF": 0, "KWD": 3, "TND": 3,
		"XYZ": 2, "": 2, "N A": 2, "JP": 2} {
		assert.Equal(t, want, calc.MinorUnit(cur), "%q", cur)
	}
}
