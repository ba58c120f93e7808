package i18n

import (
	"unicode/utf8"

	"github.com/valuecalc/valuecalc/calc"
)

// Decimal is the mark the language writes between a number's whole part
// and its decimals: "." in English, "," in German, French and Spanish.
func (l Lang) Decimal() rune {
	r, _ := utf8.DecodeRuneInString(l.Style().Decimal)
	return r
}

// Other is the decimal mark of the other habit: "," in English, "." in
// German, French and Spanish. Typed in a number, it is either the
// language's thousands separator or a decimal mark typed the other way.
func (l Lang) Other() rune {
	if l.Decimal() == ',' {
		return '.'
	}
	return ','
}

// Group is the mark the language writes between thousands: "," in
// English, "." in German and Spanish, a narrow no-break space (U+202F) in
// French, as Intl.NumberFormat writes them.
func (l Lang) Group() rune {
	r, _ := utf8.DecodeRuneInString(l.Style().Group)
	return r
}

// IsSpaceGroup reports whether r separates thousands in every language:
// spaces (plain, no-break, narrow no-break, thin) and apostrophes, as
// people type them and as Intl writes French and Swiss numbers.
func IsSpaceGroup(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\u202f', '\u2009', '\'', '’':
		return true
	}
	return false
}

// Style is how the language writes numbers and money: calc's one
// formatter, which the cells, the results, the report, the explanation,
// the charts and the command line share.
func (l Lang) Style() calc.Style { return calc.StyleOf(string(l)) }

// Write writes v as a field holds it: in the language's marks with as many
// decimals as it needs (its shortest form that reads back as v), without
// an exponent; group puts the language's mark between thousands where the
// language groups them (from five digits in Spanish, as Intl does). A
// negative number has a hyphen-minus, as it is typed: Write(DE, -1234.5,
// true) is "-1.234,5".
func (l Lang) Write(v float64, group bool) string {
	st := l.Style()
	if !group {
		st.MinGroup = 0
	}
	return st.Number(v, -1)
}
