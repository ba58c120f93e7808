package i18n

import (
	"strconv"
	"strings"
)

// Decimal is the mark the language writes between a number's whole part
// and its decimals: "." in English, "," in German, French and Spanish.
func (l Lang) Decimal() rune {
	if l == DE || l == FR || l == ES {
		return ','
	}
	return '.'
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
	switch l {
	case DE, ES:
		return '.'
	case FR:
		return '\u202f'
	}
	return ','
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

// Write writes v in the language's marks with as many decimals as it
// needs (its shortest form that reads back as v), without an exponent;
// group puts the language's mark between thousands. A negative number
// has a hyphen-minus, as Intl writes it: Write(DE, -1234.5, true) is
// "-1.234,5". v must be finite.
func (l Lang) Write(v float64, group bool) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(whole) {
		if group && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteRune(l.Group())
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteRune(l.Decimal())
		b.WriteString(frac)
	}
	return b.String()
}
