package browser

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/calc"
)

// TestNumbersMemo checks that a number Intl formatted once comes from the
// memo the next time, that the memo tells -0 from 0 and keeps currencies
// and digits apart, and that it stays bounded. Under Node (make
// wasm-test) the numbers go through Intl; natively through calc's
// formatter, which the memo does not hold.
func TestNumbersMemo(t *testing.T) {
	n := NewNumbers()
	n.lang = "en-GB" // a language that asks Intl: see english
	first := n.Money(1234.5, "USD")
	assert.Equal(t, first, n.Money(1234.5, "USD"))
	assert.NotEqual(t, first, n.Money(1234.5, "EUR"))
	assert.NotEqual(t, n.Number(2.5, 0), n.Number(2.5, 1))
	if n.intl("n1", map[string]any{"maximumFractionDigits": 1}) == nil {
		assert.Empty(t, n.memo, "no Intl, nothing memoised")
		return
	}
	assert.Equal(t, "US$1,235", first)
	assert.Len(t, n.memo, 4)
	n.Number(math.Copysign(0, -1), 0)
	n.Number(0, 0)
	assert.Len(t, n.memo, 6, "-0 and 0 are two keys: Intl may write them differently")
	for i := range maxMemo + 10 {
		n.Number(float64(i), 0)
	}
	assert.LessOrEqual(t, len(n.memo), maxMemo)
	assert.Equal(t, "12", n.Number(12, 0))
}

// TestEnglishIsIntl holds numbers' American English, written without
// Intl, to what Intl.NumberFormat writes: under Node (make wasm-test)
// every figure of the table is formatted both ways. Natively, where
// there is no Intl, it checks which languages and currencies go without.
func TestEnglishIsIntl(t *testing.T) {
	en := &Numbers{lang: "en-US", cache: map[string]app.Value{}}
	values := []float64{0, 1, -1, 0.5, 0.05, 0.125, 0.375, 1.005, 2.25, 2.35, 12.345, 412.5, -412.5,
		999.994, 999.995, 999.5, -999.5, 1000, 1234.5, -1234.5, 15154.5, 1e6 + 0.5, 123456789.25,
		1e12, -1e12, 3.5e15, 0.001, 1e-9, math.Copysign(0, -1), -0.3, -0.004, math.Inf(1), math.NaN()}
	for i := range 300 {
		values = append(values, float64(i*i*37%100003)/8-2000, float64(i)*1.05, float64(i)/3)
	}
	if en.intl("probe", map[string]any{}) == nil {
		assert.True(t, en.english("USD") && sameAsIntl(5, "$5"))
		assert.True(t, en.english("") && sameAsIntl(5, "5"))
		assert.False(t, en.english("JPY"), "JPY has no cents: calc and the app's digits differ")
		assert.False(t, en.english("CHF"), "Intl writes a no-break space")
		assert.False(t, sameAsIntl(math.Copysign(0, -1), "0"), "Intl writes -0")
		assert.False(t, sameAsIntl(math.NaN(), "NaN"))
		assert.False(t, (&Numbers{lang: "de-DE"}).english(""))
		assert.False(t, (&Numbers{lang: "en-GB"}).english("USD"), "en-GB writes US$")
		assert.Equal(t, "$1,235", en.Money(1234.5, "USD"))
		return
	}
	// intl asks Intl whatever english says.
	for _, cur := range []string{"USD", "EUR", "GBP"} {
		for _, v := range values {
			digits := 2
			if math.Abs(v) >= 1000 {
				digits = 0
			}
			s := englishMoney(v, cur, digits)
			if !en.english(cur) || !sameAsIntl(v, s) {
				continue
			}
			f := en.intl("m"+cur+strconv.Itoa(digits), map[string]any{"style": "currency", "currency": cur,
				"minimumFractionDigits": digits, "maximumFractionDigits": digits})
			assert.Equal(t, f.Call("format", v).String(), s, "%v %s", v, cur)
		}
	}
	for _, digits := range []int{0, 1, 2} {
		f := en.intl("n"+strconv.Itoa(digits), map[string]any{"maximumFractionDigits": digits})
		for _, v := range values {
			if s := englishNumber(v, digits); en.english("") && sameAsIntl(v, s) {
				assert.Equal(t, f.Call("format", v).String(), s, "%v with %d digits", v, digits)
			}
		}
	}
}

// TestLocalIsIntl holds the numbers the app writes itself in German,
// French and Spanish (localStyle) to what Intl.NumberFormat writes: under
// Node (make wasm-test) every figure of the table both ways. Natively,
// where there is no Intl, it checks figures Intl wrote under Node.
func TestLocalIsIntl(t *testing.T) {
	locales := []string{"de", "de-DE", "fr", "fr-FR", "es", "es-ES"}
	if (&Numbers{lang: "de", cache: map[string]app.Value{}}).intl("probe", map[string]any{}) == nil {
		in := func(l string) *Numbers { return &Numbers{lang: l} }
		for _, tt := range []struct{ got, want string }{ // as Intl wrote them under Node
			{in("de").Money(-1234.5, "EUR"), "−1.235\u00a0€"},
			{in("de-DE").Money(-412.5, "USD"), "−412,50\u00a0$"},
			{in("fr").Money(-1234.5, "USD"), "−1\u202f235\u00a0$US"},
			{in("fr-FR").Money(12.5, "GBP"), "12,50\u00a0£GB"},
			{in("fr-FR").Money(12, "GBP"), "12\u00a0£GB"},
			{in("fr").Number(1234.5, 2), "1\u202f234,5"},
			{in("es").Number(1234.5, 2), "1234,5"},
			{in("es-ES").Number(12345.678, 2), "12.345,68"},
			{in("es").Money(412.5, "USD"), "412,50\u00a0US$"},
			{in("de").Number(0.125, 2), "0,13"},
			{in("de").Number(-0.004, 2), "−0"},
		} {
			assert.Equal(t, tt.want, tt.got)
		}
		_, ok := (&Numbers{lang: "de-AT"}).local()
		assert.False(t, ok, "Austrian German groups and places € its own way: Intl writes it")
		return
	}
	values := []float64{0, 1, -1, 0.5, 0.05, 0.125, 0.375, 1.005, 2.25, 2.35, 12.345, 412.5, -412.5,
		999.994, 999.995, 999.5, -999.5, 1000, 1234.5, -1234.5, 9999.5, 15154.5, 1e6 + 0.5, 123456789.25,
		1e12, -1e12, 0.001, 1e-9, math.Copysign(0, -1), -0.3, -0.004}
	for i := range 300 {
		values = append(values, float64(i*i*37%100003)/8-2000, float64(i)*1.05, float64(i)/3, float64(i*i*i))
	}
	for _, l := range locales {
		n := &Numbers{lang: l, cache: map[string]app.Value{}}
		for _, cur := range []string{"USD", "EUR", "GBP"} {
			for _, v := range values {
				for _, digits := range []int{0, 2} {
					f := n.intl("m"+cur+strconv.Itoa(digits), map[string]any{"style": "currency", "currency": cur,
						"minimumFractionDigits": digits, "maximumFractionDigits": digits})
					assert.Equal(t, minus(f.Call("format", v).String()), minus(n.moneyDigits(v, cur, digits)), "%s %v %s", l, v, cur)
				}
			}
		}
		for _, digits := range []int{0, 1, 2} {
			f := n.intl("n"+strconv.Itoa(digits), map[string]any{"maximumFractionDigits": digits})
			for _, v := range values {
				assert.Equal(t, minus(f.Call("format", v).String()), n.Number(v, digits), "%s %v with %d digits", l, v, digits)
			}
		}
	}
}

// TestOneMinusOneRule: every figure is written with the minus sign
// (U+2212), never a hyphen, and with one rule for decimals: whole units
// from 1,000, at most two decimals below, money and points alike.
func TestOneMinusOneRule(t *testing.T) {
	n := NewNumbers()
	money := calc.Model{Mode: calc.ModeMoney, Currency: "USD"}
	score := calc.Model{Mode: calc.ModeScore}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"negative money", n.Value(money, -46388.4), "−$46,388"},
		{"small negative money", n.Value(money, -12.5), "−$12.50"},
		{"money below 1,000", n.Value(money, 412.5), "$412.50"},
		{"money from 1,000", n.Value(money, 1000.4), "$1,000"},
		{"negative points", n.Value(score, -3.25), "−3.25"},
		{"points below 1,000", n.Value(score, 12.345), "12.35"},
		{"points from 1,000", n.Value(score, 1234.5), "1,235"},
		{"a signed difference", n.Signed(money, -141918), "−$141,918"},
		{"a percent", n.Percent(calc.Float(-1)), "−100 %"},
		{"whole money", n.WholeMoney(0, "USD"), "$0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
			assert.NotContains(t, tt.got, "-", "a hyphen for a minus")
		})
	}
}

// TestTiesRoundOneWay: the app rounds ties (1.005) as the command line
// does, by calc.Round's rule: the numbers it writes itself natively, and,
// under Node (make wasm-test), Intl.NumberFormat in English and German too.
func TestTiesRoundOneWay(t *testing.T) {
	tests := []struct {
		v    float64
		want string // two decimals at most, English
	}{
		{1.005, "1.01"}, {-1.005, "−1.01"}, {2.675, "2.68"}, {0.125, "0.13"}, {-0.125, "−0.13"},
		{1.045, "1.05"}, {8.345, "8.35"}, {0.615, "0.62"}, {1.115, "1.12"}, {0.285, "0.29"},
		{1.0049, "1"}, {999.995, "1,000"}, {2.5, "2.5"},
	}
	en := &Numbers{lang: "en-US", cache: map[string]app.Value{}}
	de := &Numbers{lang: "de-DE", cache: map[string]app.Value{}}
	toGerman := strings.NewReplacer(",", ".", ".", ",")
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, en.Number(tt.v, 2), "the English fast path")
			cli := strings.TrimRight(strings.TrimRight(calc.FormatNumber(tt.v, 2), "0"), ".")
			assert.Equal(t, tt.want, minus(cli), "the command line")
			f := en.intl("n2", map[string]any{"maximumFractionDigits": 2})
			if f == nil {
				return // natively: no Intl
			}
			assert.Equal(t, tt.want, minus(f.Call("format", tt.v).String()), "Intl in English")
			assert.Equal(t, toGerman.Replace(tt.want), de.Number(tt.v, 2), "the German the app writes")
			fde := de.intl("n2", map[string]any{"maximumFractionDigits": 2})
			assert.Equal(t, toGerman.Replace(tt.want), minus(fde.Call("format", tt.v).String()), "Intl in German")
		})
	}
}

// TestMoneyCents: an amount shows cents only when it has some, so that a
// row of whole amounts reads "$0" next to "$46,388", not "$0.00".
func TestMoneyCents(t *testing.T) {
	en := NewNumbers()
	en.SetLang("en")
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{0, "$0"}, {300, "$300"}, {-300, "−$300"}, {412.5, "$412.50"}, {0.05, "$0.05"},
		{999.999, "$1,000"}, {12.001, "$12"}, {46388.4, "$46,388"}, {1234.56, "$1,235"},
	} {
		assert.Equal(t, tt.want, en.Money(tt.v, "USD"), "%v", tt.v)
	}
	assert.Equal(t, "$24,067.92", en.ExactMoney(24067.92, "USD"), "to the cent, as a field holds it")
	assert.Equal(t, "$24,068", en.ExactMoney(24068, "USD"))
}
