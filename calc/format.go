package calc

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// Style is how a language writes numbers and amounts of money: the one
// formatter of valuecalc. The command line writes English; the app writes
// the interface's language, in the cells, the results, the report, the
// explanation and the charts alike. Each language's style writes what
// Intl.NumberFormat writes in its usual locale (en-US, de, fr, es), so
// that the app needs no Intl: "$1,234.50", "1.234,50 €", "1 234,50 €"
// (narrow no-break space), "1234,50 €" (Spanish groups from five digits).
// Unlike Intl, a number that rounds to zero has no minus sign.
type Style struct {
	// Lang is the language whose currency symbols and their place the
	// style writes: "en", "de", "fr" or "es"; any other is English.
	Lang string
	// Group is written between thousands: "," in English.
	Group string
	// Decimal is written between the whole part and the decimals.
	Decimal string
	// MinGroup is how many whole digits a number needs for its thousands
	// to be grouped: 4 ("1,234"), 5 in Spanish ("1234", "12.345"); 0
	// never groups.
	MinGroup int
	// Minus is written before a negative number: "-" as Intl writes it
	// and as it is typed; the app shows the minus sign, "−" (U+2212).
	Minus string
}

// StyleOf returns the style of the language lang ("en", "de", "fr",
// "es"), as Intl.NumberFormat writes it in en-US, de, fr and es, with a
// hyphen-minus. Any other lang gives English.
func StyleOf(lang string) Style {
	switch lang {
	case "de":
		return Style{Lang: lang, Group: ".", Decimal: ",", MinGroup: 4, Minus: "-"}
	case "fr":
		return Style{Lang: lang, Group: "\u202f", Decimal: ",", MinGroup: 4, Minus: "-"}
	case "es":
		return Style{Lang: lang, Group: ".", Decimal: ",", MinGroup: 5, Minus: "-"}
	}
	return Style{Lang: "en", Group: ",", Decimal: ".", MinGroup: 4, Minus: "-"}
}

// Number writes v with exactly decimals decimals, rounded by the rule of
// [Round] (ties away from zero, on the number as written): in English
// Number(1234567.891, 2) is "1,234,567.89" and Number(1.005, 2) "1.01". A
// negative decimals writes as many as v needs, its shortest form that
// reads back as v: Number(3.5, -1) is "3.5". There is never an exponent;
// decimals past 1074, where every float64 has only zeros left, are not
// written. A number that rounds to zero has no minus sign. NaN and
// infinities are written "NaN", "∞" and "-∞" (with the style's minus).
func (s Style) Number(v float64, decimals int) string {
	return string(s.appendNumber(nil, v, decimals, false))
}

// UpTo writes v as [Style.Number] does with at most max decimals: without
// trailing zeros, as Intl's maximumFractionDigits does. UpTo(2.50, 2) is
// "2.5"; UpTo(2.004, 2) is "2".
func (s Style) UpTo(v float64, max int) string {
	return string(s.appendNumber(nil, v, max, true))
}

func (s Style) appendNumber(out []byte, v float64, decimals int, trim bool) []byte {
	switch {
	case math.IsNaN(v):
		return append(out, "NaN"...)
	case math.IsInf(v, 1):
		return append(out, "∞"...)
	case math.IsInf(v, -1):
		return append(append(out, s.Minus...), "∞"...)
	}
	digits := roundedDigits(math.Abs(v), min(decimals, maxDecimals))
	if trim && bytes.IndexByte(digits, '.') >= 0 {
		digits = bytes.TrimRight(digits, "0")
		digits = bytes.TrimSuffix(digits, []byte("."))
	}
	intLen := len(digits)
	zero := true
	for i, c := range digits {
		if c == '.' {
			intLen = i
		} else if c != '0' {
			zero = false
		}
	}
	if v < 0 && !zero {
		out = append(out, s.Minus...)
	}
	group := s.MinGroup > 0 && intLen >= s.MinGroup
	for i := 0; i < intLen; i++ {
		if group && i > 0 && (intLen-i)%3 == 0 {
			out = append(out, s.Group...)
		}
		out = append(out, digits[i])
	}
	if intLen < len(digits) {
		out = append(append(out, s.Decimal...), digits[intLen+1:]...)
	}
	return out
}

// Money writes v as an amount of currency (ISO 4217) with decimals
// decimals, or with those of the currency's minor unit ([MinorUnit]) when
// decimals is negative; the currency's symbol where Intl writes it in the
// style's language: "$1,234.50", "-CHF 1,234.50", "1.234,50 €",
// "1 234,50 $US", "1234,50 US$". A symbol after the number follows a
// no-break space, as does a code before it. An empty currency writes the
// number alone.
func (s Style) Money(v float64, currency string, decimals int) string {
	if decimals < 0 {
		decimals = MinorUnit(currency)
	}
	if currency == "" {
		return s.Number(v, decimals)
	}
	sym := Symbol(s.Lang, currency)
	if s.Lang == "de" || s.Lang == "fr" || s.Lang == "es" {
		return s.Number(v, decimals) + "\u00a0" + sym
	}
	if c := sym[len(sym)-1]; 'A' <= c && c <= 'Z' { // a code or letters: "CHF 1,234.50", as ICU spaces them
		sym += "\u00a0"
	}
	num := s.appendNumber(nil, math.Abs(v), decimals, false)
	out := make([]byte, 0, len(num)+len(sym)+len(s.Minus))
	if v < 0 && !math.IsNaN(v) && !bytes.Equal(num, s.appendNumber(nil, 0, decimals, false)) {
		out = append(out, s.Minus...)
	}
	return string(append(append(out, sym...), num...))
}

// MinorUnit returns the decimals Intl.NumberFormat writes for an amount of
// currency (ISO 4217, as CLDR has them): 2 for most, 0 for the yen, the
// won and others, 3 for the Kuwaiti dinar and a few more.
func MinorUnit(currency string) int {
	if len(currency) == 3 && !strings.Contains(currency, " ") { // a code, not across two
		switch {
		case strings.Contains(noDecimals, currency):
			return 0
		case strings.Contains(threeDecimals, currency):
			return 3
		}
	}
	return 2
}

// The currencies Intl writes with no decimals, or with three (CLDR).
const (
	noDecimals    = "AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK PKR PYG RWF SLL SOS SYP UGX VND VUV XAF XOF XPF YER"
	threeDecimals = "BHD JOD KWD LYD OMR TND"
)

// Symbol returns what Intl.NumberFormat writes for currency in the usual
// locale of lang ("en", "de", "fr", "es"): a symbol ("$" in English, "$US"
// in French, "US$" in Spanish) or, for most currencies, the code itself.
func Symbol(lang, currency string) string {
	var table string
	switch lang {
	case "de":
		table = symbolsDE
	case "fr":
		table = symbolsFR
	case "es":
		table = symbolsES
	default:
		table = symbolsEN
	}
	if len(currency) == 3 {
		if i := strings.Index(table, " "+currency+"="); i >= 0 {
			sym := table[i+5:]
			return sym[:strings.IndexByte(sym, ' ')]
		}
	}
	return currency
}

// The currencies Intl writes with a symbol, by language (Node 20's ICU,
// held to Intl by app/browser's TestStyleIsIntl under Node): " CODE=symbol
// ".
const (
	symbolsEN = " AUD=A$ BRL=R$ CAD=CA$ CNY=CN¥ EUR=€ GBP=£ HKD=HK$ ILS=₪ INR=₹ JPY=¥ KRW=₩ MXN=MX$ NZD=NZ$ PHP=₱ TWD=NT$ USD=$ VND=₫ XAF=FCFA XCD=EC$ XOF=F\u202fCFA XPF=CFPF "
	symbolsDE = " AUD=AU$ BRL=R$ CAD=CA$ CNY=CN¥ EUR=€ GBP=£ HKD=HK$ ILS=₪ INR=₹ JPY=¥ KRW=₩ MXN=MX$ NZD=NZ$ THB=฿ TWD=NT$ USD=$ VND=₫ XAF=FCFA XCD=EC$ XOF=F\u202fCFA XPF=CFPF "
	symbolsFR = " ARS=$AR AUD=$AU BMD=$BM BND=$BN BRL=R$ BZD=$BZ CAD=$CA CLP=$CL COP=$CO EUR=€ FJD=$FJ FKP=£FK GBP=£GB GIP=£GI ILS=₪ INR=₹ KRW=₩ LBP=£LB MXN=$MX NAD=$NA NZD=$NZ SBD=$SB SGD=$SG SRD=$SR TTD=$TT USD=$US UYU=$UY VND=₫ WST=$WS XAF=FCFA XOF=F\u202fCFA XPF=FCFP "
	symbolsES = " EUR=€ THB=฿ USD=US$ VND=₫ XPF=CFPF "
)

// maxDecimals is the most decimals Style.Number writes: the exact value of
// the smallest float64, 2^-1074, has 1074.
const maxDecimals = 1074

// Round returns v rounded to the given number of decimals (0 to 1074) by
// the rule the command line and the app share: ties away from zero, on v
// as written, that is on the shortest decimal that reads back as v (the
// digits strconv.FormatFloat and JavaScript write), not on its binary
// value. 1.005, whose float64 is a hair below 1.005, rounds to 1.01;
// 2.675 to 2.68; -1.005 to -1.01; 0.125 to 0.13. That is what
// Intl.NumberFormat does by default (roundingMode "halfExpand").
// NaN, infinities and a negative decimals give v unchanged.
func Round(v float64, decimals int) float64 {
	if decimals < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, err := strconv.ParseFloat(string(roundedDigits(math.Abs(v), min(decimals, maxDecimals))), 64)
	if err != nil {
		return v
	}
	return math.Copysign(r, v)
}

// roundedDigits returns the finite, non-negative x in decimal with the
// given number of decimals, rounded by Round's rule, or in the shortest
// form that reads back as x when decimals is negative.
func roundedDigits(x float64, decimals int) []byte {
	b := strconv.AppendFloat(nil, x, 'f', -1, 64)
	if decimals < 0 {
		return b
	}
	point := bytes.IndexByte(b, '.')
	if point < 0 {
		point = len(b)
		b = append(b, '.')
	}
	if have := len(b) - point - 1; have <= decimals {
		for range decimals - have {
			b = append(b, '0')
		}
		if decimals == 0 {
			b = b[:point]
		}
		return b
	}
	up := b[point+1+decimals] >= '5'
	b = b[:point+1+decimals]
	if decimals == 0 {
		b = b[:point]
	}
	if !up {
		return b
	}
	for i := len(b) - 1; i >= 0; i-- {
		switch b[i] {
		case '.':
			continue
		case '9':
			b[i] = '0'
			continue
		default:
			b[i]++
			return b
		}
	}
	return append([]byte{'1'}, b...)
}

// MoneyDecimals returns the decimals m's amounts of money are shown with,
// everywhere alike (fields, totals, the report, the command line): none
// when every amount the user gave is whole (the entries' amounts and
// their ranges, and the hourly rate), as most models are ("$18,000"
// beside "$46,388", not "$0.00" beside it); else those of the currency's
// minor unit ("$412.50", "$46,388.27").
func (m Model) MoneyDecimals() int {
	minor := MinorUnit(m.Currency)
	whole := func(v *float64) bool { // the first test is all most models need: 50,000 entries in 0.1 ms
		return v == nil || *v == math.Trunc(*v) || Round(*v, minor) == Round(*v, 0)
	}
	if !whole(&m.HourlyRate) {
		return minor
	}
	for _, s := range m.Scenarios {
		for _, e := range s.Entries {
			if e != nil && e.Amount != nil && !(whole(e.Amount) && whole(e.Low) && whole(e.High)) {
				return minor
			}
		}
	}
	return 0
}
