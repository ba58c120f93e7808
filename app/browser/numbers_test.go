package browser

import (
	"math"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// intlFormat returns Intl.NumberFormat(locale, opts).format, or nil
// where there is no Intl (natively).
func intlFormat(locale string, opts map[string]any) func(float64) string {
	ctor := app.Window().Get("Intl")
	if !ctor.Truthy() {
		return nil
	}
	f := ctor.Get("NumberFormat").New(locale, opts)
	return func(v float64) string { return f.Call("format", v).String() }
}

// locales are the locales whose Intl each language's style writes.
var locales = map[i18n.Lang]string{i18n.EN: "en-US", i18n.DE: "de", i18n.FR: "fr", i18n.ES: "es"}

// TestStyleIsIntl holds the one formatter, calc.Style, to what
// Intl.NumberFormat writes in en-US, de, fr and es: under Node (make
// wasm-test) every figure of the table, in the four languages, for
// dollars, euros, pounds, yen and francs, with and without cents, and
// plain numbers; and one amount in every currency Intl knows, with the
// currency's own decimals. The one difference is kept on purpose: a
// number that rounds to zero has no minus ("0", where Intl writes "-0").
// Natively, where there is no Intl, it checks figures Intl wrote under
// Node.
func TestStyleIsIntl(t *testing.T) {
	if intlFormat("en-US", map[string]any{}) == nil {
		for _, tt := range []struct{ got, want string }{ // as Intl wrote them under Node
			{calc.StyleOf("de").Money(-1234.5, "EUR", 0), "-1.235\u00a0€"},
			{calc.StyleOf("de").Money(-412.5, "USD", 2), "-412,50\u00a0$"},
			{calc.StyleOf("fr").Money(-1234.5, "USD", 0), "-1\u202f235\u00a0$US"},
			{calc.StyleOf("fr").Money(12.5, "GBP", 2), "12,50\u00a0£GB"},
			{calc.StyleOf("fr").UpTo(1234.5, 2), "1\u202f234,5"},
			{calc.StyleOf("es").UpTo(1234.5, 2), "1234,5"},
			{calc.StyleOf("es").UpTo(12345.678, 2), "12.345,68"},
			{calc.StyleOf("es").Money(412.5, "USD", 2), "412,50\u00a0US$"},
			{calc.StyleOf("es").Money(412.5, "GBP", 2), "412,50\u00a0GBP"},
			{calc.StyleOf("en").Money(-1234.5, "CHF", -1), "-CHF\u00a01,234.50"},
			{calc.StyleOf("en").Money(1234.5, "XOF", -1), "F\u202fCFA\u00a01,235"},
			{calc.StyleOf("en").Money(1234.5, "CAD", -1), "CA$1,234.50"},
			{calc.StyleOf("de").Money(1234.5, "KWD", -1), "1.234,500\u00a0KWD"},
			{calc.StyleOf("de").UpTo(0.125, 2), "0,13"},
		} {
			assert.Equal(t, tt.want, tt.got)
		}
		return
	}
	values := []float64{0, 1, -1, 0.5, 0.05, 0.005, 0.125, 0.375, 1.005, 2.25, 2.35, 12.345, 412.5, -412.5,
		999.994, 999.995, 999.5, -999.5, 1000, 1234.5, -1234.5, 9999.5, 15154.5, 1e6 + 0.5, 123456789.25,
		1e12, -1e12, 3.5e15, 0.001, 1e-9, math.Copysign(0, -1), -0.3, -0.004}
	for i := range 150 {
		values = append(values, float64(i*i*37%100003)/8-2000, float64(i)*1.05, float64(i)/3, float64(i*i*i))
	}
	// intlOf is Intl's text for v, with the minus dropped where v rounds
	// to zero with decimals.
	intlOf := func(f func(float64) string, v float64, decimals int) string {
		if calc.Round(v, decimals) == 0 {
			v = 0
		}
		return f(v)
	}
	for l, locale := range locales {
		st := l.Style()
		for _, cur := range []string{"USD", "EUR", "GBP", "JPY", "CHF"} {
			for _, digits := range []int{0, 2} {
				f := intlFormat(locale, map[string]any{"style": "currency", "currency": cur,
					"minimumFractionDigits": digits, "maximumFractionDigits": digits})
				for _, v := range values {
					require.Equal(t, intlOf(f, v, digits), st.Money(v, cur, digits), "%s %v %s with %d digits", locale, v, cur, digits)
				}
			}
		}
		for _, digits := range []int{0, 1, 2} {
			f := intlFormat(locale, map[string]any{"maximumFractionDigits": digits})
			for _, v := range values {
				require.Equal(t, intlOf(f, v, digits), st.UpTo(v, digits), "%s %v with %d digits", locale, v, digits)
			}
		}
		currencies := app.Window().Get("Intl").Call("supportedValuesOf", "currency")
		for i := range currencies.Length() {
			cur := currencies.Index(i).String()
			if cur == "XCG" {
				continue // Caribbean guilders, from 2025: Node's ICU has "Cg.", Chromium's may not yet
			}
			f := intlFormat(locale, map[string]any{"style": "currency", "currency": cur})
			for _, v := range []float64{-1234.5, 7.25, 1234567.125} {
				assert.Equal(t, intlOf(f, v, calc.MinorUnit(cur)), st.Money(v, cur, -1), "%s %v %s", locale, v, cur)
			}
		}
	}
}

// TestOneMinusOneRule: every figure is written with the minus sign
// (U+2212), never a hyphen, and with one rule for decimals: money with
// the model's (none when its amounts are whole), points whole from 1,000
// and with at most two decimals below.
func TestOneMinusOneRule(t *testing.T) {
	money := calc.Model{Mode: calc.ModeMoney, Currency: "USD", HourlyRate: 60}
	cents := calc.Model{Mode: calc.ModeMoney, Currency: "USD", HourlyRate: 62.5}
	score := calc.Model{Mode: calc.ModeScore}
	n, c := NewNumbers().For(i18n.EN, money), NewNumbers().For(i18n.EN, cents)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"negative money", n.Value(money, -46388.4), "−$46,388"},
		{"small negative money", n.Value(money, -12.5), "−$13"},
		{"whole money below 1,000", n.Value(money, 412.5), "$413"},
		{"money with cents below 1,000", c.Value(cents, 412.5), "$412.50"},
		{"money with cents from 1,000", c.Value(cents, 1000.4), "$1,000.40"},
		{"negative money with cents", c.Value(cents, -46388.4), "−$46,388.40"},
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
	en, de := NewNumbers(), NewNumbers().For(i18n.DE, calc.Model{})
	toGerman := strings.NewReplacer(",", ".", ".", ",")
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, en.Number(tt.v, 2), "the English the app writes")
			assert.Equal(t, toGerman.Replace(tt.want), de.Number(tt.v, 2), "the German the app writes")
			cli := strings.ReplaceAll(calc.StyleOf("en").UpTo(tt.v, 2), "-", "−")
			assert.Equal(t, tt.want, cli, "the command line")
			f := intlFormat("en-US", map[string]any{"maximumFractionDigits": 2})
			if f == nil {
				return // natively: no Intl
			}
			assert.Equal(t, tt.want, strings.ReplaceAll(f(tt.v), "-", "−"), "Intl in English")
			fde := intlFormat("de", map[string]any{"maximumFractionDigits": 2})
			assert.Equal(t, toGerman.Replace(tt.want), strings.ReplaceAll(fde(tt.v), "-", "−"), "Intl in German")
		})
	}
}

// TestMoneyCents: a model's money shows cents everywhere or nowhere: a
// model of whole amounts reads "$0" next to "$46,388", not "$0.00"; one
// amount with cents gives every figure cents. In German too.
func TestMoneyCents(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	whole := calc.Model{Mode: calc.ModeMoney, Currency: "USD", HourlyRate: 60,
		Scenarios: []calc.Scenario{{ID: "s", Entries: []*calc.Entry{{Amount: f(18000)}, nil, {Hours: f(1.5)}}}}}
	cents := whole
	cents.Scenarios = []calc.Scenario{{ID: "s", Entries: []*calc.Entry{{Amount: f(18000)}, {Amount: f(412.5)}}}}
	for _, tt := range []struct {
		m    calc.Model
		v    float64
		want string
	}{
		{whole, 0, "$0"}, {whole, 300, "$300"}, {whole, -300, "−$300"}, {whole, 412.5, "$413"},
		{whole, 999.999, "$1,000"}, {whole, 46388.4, "$46,388"},
		{cents, 0, "$0.00"}, {cents, 412.5, "$412.50"}, {cents, 0.05, "$0.05"}, {cents, 46388.4, "$46,388.40"},
		{cents, 999.995, "$1,000.00"}, {cents, -0.004, "$0.00"},
	} {
		assert.Equal(t, tt.want, NewNumbers().For(i18n.EN, tt.m).Money(tt.m, tt.v), "%v", tt.v)
	}
	de := NewNumbers().For(i18n.DE, whole)
	assert.Equal(t, "46.388\u00a0$", de.Money(whole, 46388.4))
	assert.Equal(t, "−46.388,40\u00a0$", de.For(i18n.DE, cents).Money(cents, -46388.4))
	assert.Same(t, de, de.For(i18n.DE, whole), "the same language and decimals: the same formatter, no new render")
	assert.NotSame(t, de, de.For(i18n.FR, whole))
	jpy := calc.Model{Mode: calc.ModeMoney, Currency: "JPY", HourlyRate: 62.5}
	assert.Equal(t, "¥1,235", NewNumbers().For(i18n.EN, jpy).Money(jpy, 1234.5), "yen have no cents")
	assert.Equal(t, "24.067,92\u00a0$", de.ExactMoney(24067.92, "USD"), "to the cent, as a field holds it")
	assert.Equal(t, "24.068\u00a0$", de.ExactMoney(24068, "USD"))
}

// TestForScansOnlyAnEditedModel: For finds the model's decimals again
// after an edit (the state's edits give the scenario new Entries), and
// not for the same model, where it returns the formatter it was given.
func TestForScansOnlyAnEditedModel(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	m := calc.Model{Mode: calc.ModeMoney, Currency: "USD", HourlyRate: 60,
		Scenarios: []calc.Scenario{{ID: "a", Entries: []*calc.Entry{{Amount: f(100)}}}, {ID: "b", Entries: []*calc.Entry{{Amount: f(200)}}}}}
	n := NewNumbers().For(i18n.EN, m)
	require.NotNil(t, n.seen)
	assert.Same(t, n, n.For(i18n.EN, m))
	assert.Equal(t, "$100", n.Money(m, 100))

	// An edit as the state makes one: a new Scenarios, new Entries for b.
	edited := m
	edited.Scenarios = append([]calc.Scenario(nil), m.Scenarios...)
	edited.Scenarios[1].Entries = []*calc.Entry{{Amount: f(200.5)}}
	c := n.For(i18n.EN, edited)
	assert.NotSame(t, n, c, "cents now: a new formatter")
	assert.Equal(t, "$100.00", c.Money(edited, 100))
	assert.Same(t, c, c.For(i18n.EN, edited))

	// Undo: back to the first model, whose entries are the first ones.
	back := c.For(i18n.EN, m)
	assert.Equal(t, "$100", back.Money(m, 100))
	hourly := m
	hourly.HourlyRate = 62.5
	assert.Equal(t, "$100.00", back.For(i18n.EN, hourly).Money(hourly, 100), "the hourly rate is in the key")
	assert.NotSame(t, back, back.For(i18n.DE, m))
}
