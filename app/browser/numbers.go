package browser

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Numbers formats numbers for display. In the browser it uses the user's
// locale through Intl.NumberFormat, unless calc's English formatting
// writes the same (see english); elsewhere (prerendering, native tests)
// it falls back to calc's English formatting.
type Numbers struct {
	lang  string    // the locale Intl formats in: "en-US", "de-AT"
	nav   string    // the browser's language (navigator.language)
	ui    i18n.Lang // the interface's language, for the words around numbers
	cache map[string]app.Value
	memo  map[fmtKey]string
}

// fmtKey is one number as formatted by Intl: an edit changes a few totals,
// and crossing into JavaScript again for the hundred unchanged ones on
// screen cost more than evaluating the model.
type fmtKey struct {
	currency string // "" for a plain number
	digits   int
	bits     uint64 // the number's bits: -0 and NaN are keys like any other
}

// maxMemo bounds the memo; it is cleared when full.
const maxMemo = 4096

// memoised returns what Intl wrote for v before, if it did.
func (n *Numbers) memoised(currency string, digits int, v float64) (string, bool) {
	if n == nil {
		return "", false
	}
	s, ok := n.memo[fmtKey{currency, digits, math.Float64bits(v)}]
	return s, ok
}

// format returns f.format(v) and memoises it under currency and digits.
func (n *Numbers) format(f app.Value, currency string, digits int, v float64) string {
	k := fmtKey{currency, digits, math.Float64bits(v)}
	s := f.Call("format", v).String()
	if n.memo == nil || len(n.memo) >= maxMemo {
		n.memo = make(map[fmtKey]string, 256)
	}
	n.memo[k] = s
	return s
}

// NewNumbers returns a formatter for the browser's language, if any.
func NewNumbers() *Numbers {
	n := &Numbers{lang: "en-US", cache: map[string]app.Value{}}
	if nav := app.Window().Get("navigator"); nav.Truthy() {
		if l := nav.Get("language"); l.Truthy() {
			n.lang, n.nav = l.String(), l.String()
		}
	}
	return n
}

// SetLang makes n write numbers for the interface's language l: in the
// browser's own locale when it is a form of l (de-AT, fr-CA), else in l's
// usual one.
func (n *Numbers) SetLang(l i18n.Lang) {
	if n == nil {
		return
	}
	n.ui = l
	locale := localeOf(l, n.nav)
	if locale == n.lang {
		return
	}
	n.lang, n.cache, n.memo = locale, map[string]app.Value{}, nil
}

// localeOf is the locale numbers are written in for the interface's
// language l and the browser's language nav.
func localeOf(l i18n.Lang, nav string) string {
	if p, ok := i18n.Parse(nav); ok && p == l {
		return nav
	}
	if l == i18n.EN {
		return "en-US"
	}
	return string(l)
}

// intl returns a cached Intl.NumberFormat, or nil outside a browser.
func (n *Numbers) intl(key string, opts map[string]any) (v app.Value) {
	if n == nil {
		return nil
	}
	if f, ok := n.cache[key]; ok {
		return f
	}
	defer func() {
		if r := recover(); r != nil {
			app.Window().Get("console").Call("warn", fmt.Sprintf("valuecalc: Intl.NumberFormat for %s failed, numbers are written in English: %v", n.lang, r))
			n.cache[key], v = nil, nil // asked once
		}
	}()
	ctor := app.Window().Get("Intl")
	if !ctor.Truthy() {
		n.cache[key] = nil
		return nil
	}
	f := ctor.Get("NumberFormat").New(n.lang, opts)
	n.cache[key] = f
	return f
}

// Money formats an amount in a currency: whole units for large amounts
// ("$15,155") and for whole ones ("$0", "$300", not "$0.00" next to
// "$46,388"), cents below 1,000 when it has some ("$412.50"), a negative
// one with a minus sign ("−$46,388").
func (n *Numbers) Money(v float64, currency string) string { return minus(n.money(v, currency)) }

// minus writes a number's minus as the minus sign, U+2212, as the rest
// of the interface does ("−3.5", "−$1,200"): Intl and calc write a
// hyphen-minus.
func minus(s string) string { return strings.ReplaceAll(s, "-", "−") }

// WholeMoney formats an amount in whole units of its currency ("$0").
func (n *Numbers) WholeMoney(v float64, currency string) string {
	return minus(n.moneyDigits(v, currency, 0))
}

// ExactMoney formats an amount to the cent as a field holds it, at any
// size: "$24,067.92", whole ones without cents ("$24,068").
func (n *Numbers) ExactMoney(v float64, currency string) string {
	digits := 2
	if calc.Round(v, 2) == calc.Round(v, 0) {
		digits = 0
	}
	return minus(n.moneyDigits(v, currency, digits))
}

func (n *Numbers) money(v float64, currency string) string {
	digits := 2
	if math.Abs(v) >= 1000 || calc.Round(v, 2) == calc.Round(v, 0) {
		digits = 0
	}
	return n.moneyDigits(v, currency, digits)
}

func (n *Numbers) moneyDigits(v float64, currency string, digits int) string {
	if s, ok := n.memoised(currency, digits, v); ok {
		return s
	}
	if n.english(currency) {
		if s := englishMoney(v, currency, digits); sameAsIntl(v, s) {
			return s
		}
	}
	if st, ok := n.local(); ok && finite(v) {
		if sym, ok := st.symbols[currency]; ok {
			return st.write(calc.FormatNumber(v, digits), v) + "\u00a0" + sym
		}
	}
	key := "m" + currency + strconv.Itoa(digits)
	if f := n.intl(key, map[string]any{"style": "currency", "currency": currency,
		"minimumFractionDigits": digits, "maximumFractionDigits": digits}); f != nil {
		return n.format(f, currency, digits, v)
	}
	return englishMoney(v, currency, digits)
}

// englishMoney is money as calc writes it, with Intl's digits. calc rounds
// ties as Intl does (calc.Round).
func englishMoney(v float64, currency string, digits int) string {
	if digits != 0 {
		return calc.FormatMoney(v, currency)
	}
	s := calc.FormatMoney(calc.Round(v, 0), currency)
	if i := strings.LastIndexByte(s, '.'); i >= 0 && currency != "JPY" {
		s = s[:i]
	}
	return s
}

// Number formats a plain number with at most digits decimals.
func (n *Numbers) Number(v float64, digits int) string { return minus(n.number(v, digits)) }

func (n *Numbers) number(v float64, digits int) string {
	if s, ok := n.memoised("", digits, v); ok {
		return s
	}
	if n.english("") {
		if s := englishNumber(v, digits); sameAsIntl(v, s) {
			return s
		}
	}
	if st, ok := n.local(); ok && finite(v) {
		return st.write(englishNumber(v, digits), v)
	}
	key := "n" + strconv.Itoa(digits)
	if f := n.intl(key, map[string]any{"maximumFractionDigits": digits}); f != nil {
		return n.format(f, "", digits, v)
	}
	return englishNumber(v, digits)
}

// englishNumber is number as calc writes it (rounding ties as Intl does,
// calc.Round) and, like Intl's maximumFractionDigits, without trailing
// zeros.
func englishNumber(v float64, digits int) string {
	s := calc.FormatNumber(v, digits)
	if digits > 0 {
		for len(s) > 0 && s[len(s)-1] == '0' && strings.LastIndexByte(s, '.') >= 0 {
			s = s[:len(s)-1]
		}
		if len(s) > 0 && s[len(s)-1] == '.' {
			s = s[:len(s)-1]
		}
	}
	return s
}

// english reports whether calc's formatting of amounts in currency (""
// for plain numbers) writes what Intl.NumberFormat writes in the
// browser's language, so that Intl need not be asked: in American
// English, for plain numbers, dollars, euros and pounds. sameAsIntl
// names the numbers where it still does not. TestEnglishIsIntl holds calc
// to Intl there.
//
// The first Intl.NumberFormat of a page costs 20 to 45 ms here (V8 loads
// the locale's data), a twentieth of a cold start; American English,
// the language of most of our users, now does without it.
func (n *Numbers) english(currency string) bool {
	if n == nil || (n.lang != "en-US" && n.lang != "en") {
		return false
	}
	switch currency {
	case "", "USD", "EUR", "GBP":
		return true
	}
	return false
}

// localStyle is how Intl.NumberFormat writes numbers in a locale of the
// interface's other languages, where the app writes them itself: the
// server's prerendered pages have no Intl, and should show the figures the
// wasm then shows; and a German visitor's cold start is spared the first
// Intl.NumberFormat too (see english). TestLocalIsIntl holds them to Intl
// under Node.
type localStyle struct {
	lang     i18n.Lang         // its group and decimal marks
	minGroup int               // whole digits from which thousands are grouped: 5 in Spanish ("1234", "12.345")
	symbols  map[string]string // each currency's symbol, after the number and a no-break space
}

var (
	germanStyle  = &localStyle{i18n.DE, 4, map[string]string{"EUR": "€", "USD": "$", "GBP": "£"}}
	frenchStyle  = &localStyle{i18n.FR, 4, map[string]string{"EUR": "€", "USD": "$US", "GBP": "£GB"}}
	spanishStyle = &localStyle{i18n.ES, 5, map[string]string{"EUR": "€", "USD": "US$", "GBP": "GBP"}}
	localStyles  = map[string]*localStyle{"de": germanStyle, "de-DE": germanStyle, "fr": frenchStyle, "fr-FR": frenchStyle,
		"es": spanishStyle, "es-ES": spanishStyle}
)

// local returns the style the app writes n's locale in itself, if any.
func (n *Numbers) local() (*localStyle, bool) {
	if n == nil {
		return nil, false
	}
	st, ok := localStyles[n.lang]
	return st, ok
}

// write rewrites english, a number as calc writes it ("-1,234.5"), in st's
// marks; v is the number, whose sign Intl keeps even where it rounds to
// zero ("-0"). Negative zero reaches Intl as 0 (syscall/js), so it is
// written "0" here too.
func (st *localStyle) write(english string, v float64) string {
	whole, frac, _ := strings.Cut(strings.NewReplacer("-", "", ",", "").Replace(english), ".")
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i := range len(whole) {
		if len(whole) >= st.minGroup && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteRune(st.lang.Group())
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteRune(st.lang.Decimal())
		b.WriteString(frac)
	}
	return b.String()
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// sameAsIntl reports whether s, what calc wrote for v, is Intl's text too
// where english holds: not for NaN and infinities, nor where Intl keeps a
// minus that calc drops (a negative number that rounds to zero).
func sameAsIntl(v float64, s string) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	return !math.Signbit(v) || strings.HasPrefix(s, "-")
}

// Value shows a total in the model's unit: money in its currency, or
// weighted points in score mode. One rule for decimals everywhere (cards,
// charts, tables, the report): whole units from 1,000, at most two
// decimals below.
func (n *Numbers) Value(m calc.Model, v float64) string {
	if m.Mode == calc.ModeMoney {
		return n.Money(v, m.Currency)
	}
	if math.Abs(v) >= 1000 {
		return n.Number(v, 0)
	}
	return n.Number(v, 2)
}

// Signed shows a difference with its sign: "+$1,200", "−3.5".
func (n *Numbers) Signed(m calc.Model, v float64) string {
	switch {
	case v > 0:
		return "+" + n.Value(m, v)
	case v < 0:
		return "−" + n.Value(m, -v)
	}
	return "±" + n.Value(m, 0)
}

// Ratio shows a benefit/cost ratio, or a dash when there are no costs.
func (n *Numbers) Ratio(r *float64) string {
	if r == nil {
		return "—"
	}
	return n.Number(*r, 2) + "×"
}

// Percent shows a fraction as a percentage, or a dash for null.
func (n *Numbers) Percent(r *float64) string {
	if r == nil {
		return "—"
	}
	return n.Number(*r*100, 0) + " %"
}

// Payback shows payback months: immediate, a count, or never.
func (n *Numbers) Payback(m *float64) string {
	switch {
	case m == nil:
		return n.words().T(i18n.PaybackNever)
	case *m == 0:
		return n.words().T(i18n.PaybackNow)
	}
	return n.words().T(i18n.PaybackMonths, n.Number(*m, 1))
}

// words is the language of the words around the numbers.
func (n *Numbers) words() i18n.Lang {
	if n == nil || n.ui == "" {
		return i18n.EN
	}
	return n.ui
}

// DescribeSettings summarises the assumptions a model's results rest on.
func DescribeSettings(n *Numbers, m calc.Model) string {
	if m.Mode == calc.ModeMoney {
		return n.words().T(i18n.SettingsMoney, m.Currency, m.HorizonYears, n.Number(m.DiscountRate*100, 2), n.Money(m.HourlyRate, m.Currency))
	}
	return n.words().T(i18n.SettingsScores, m.Scale.Min, m.Scale.Max)
}
