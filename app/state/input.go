package state

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/valuecalc/valuecalc/app/i18n"
)

// Messages for numbers, shown next to the field. Numbers in them (%s) are
// written in the user's language.
var (
	errNotNumber = i18n.Errorf(i18n.ErrNotNumber)
	errGrouping  = i18n.Errorf(i18n.ErrGrouping)
	errTooLarge  = i18n.Errorf(i18n.ErrTooLarge)
)

// notNumber is errNotNumber with examples: "such as 1200 or 4,5".
func notNumber(l i18n.Lang) error {
	return i18n.Errorf(i18n.ErrNotNumber, l.Write(4.5, false))
}

// badGrouping is errGrouping with an example: "such as 12.500".
func badGrouping(l i18n.Lang) error {
	return i18n.Errorf(i18n.ErrGrouping, l.Write(12500, true))
}

// readAs says how a number that reads two ways was read: "12.000 → 12,
// not 12000".
func readAs(l i18n.Lang, typed, read, not string) string {
	return l.T(i18n.ReadTwoWays, typed, read, not)
}

// readOtherWay says how a number typed the other language's way was read:
// "1.5 → 1,5".
func readOtherWay(typed, read string) string { return typed + " → " + read }

// reading is a number as readNumber read it.
type reading struct {
	v float64
	// twoWays: the text reads another way too, alt, by the other
	// language's habit ("12.000" in English: 12, or 12000 in German).
	twoWays bool
	alt     float64
	// otherWay: the text was read by the other language's habit (a
	// decimal point in German, "1.5"), the only way it reads.
	otherWay bool
}

// parseNumber reads a number typed in language l; see readNumber.
func parseNumber(l i18n.Lang, text string) (float64, error) {
	r, err := readNumber(l, text)
	return r.v, err
}

// readNumber reads a number as people type it in language l (SPEC §9):
// surrounding spaces, a currency sign ($ € £ ¥), the language's decimal
// mark and its thousands separators, or spaces and apostrophes between
// thousands, are allowed; letters, several signs, NaN, infinities and
// numbers too large for a float64 are not. "-0" reads as 0.
//
// A text with one point or comma and exactly three digits after it
// ("12.000", "1,234", not "0.500") reads two ways: it is read by l's rule
// (a decimal in English, thousands in German) and says so (twoWays). A
// mark that cannot be l's (a comma with two decimals in English, "1,50";
// "1.234,5" in English, "1.5" in German) is the other habit's and read
// that way (otherWay).
func readNumber(l i18n.Lang, text string) (reading, error) {
	s := strings.TrimFunc(text, unicode.IsSpace)
	neg := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		neg = true
		s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−")
	}
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("$€£¥", r) })
	if !neg && (strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−")) {
		neg = true
		s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−")
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		e := strings.TrimLeft(exp, "+-")
		if len(exp)-len(e) > 1 || e == "" || strings.Trim(e, "0123456789") != "" {
			return reading{}, notNumber(l)
		}
		exp = "e" + exp
	}
	num, alt, how, err := readMarks(l, mant)
	if err != nil {
		return reading{}, err
	}
	r := reading{twoWays: how == twoWays, otherWay: how == otherWay}
	if r.v, err = toFloat(l, num+exp, neg); err != nil {
		return reading{}, err
	}
	if r.twoWays {
		if r.alt, err = toFloat(l, alt+exp, neg); err != nil {
			r.twoWays = false
		}
	}
	return r, nil
}

func toFloat(l i18n.Lang, num string, neg bool) (float64, error) {
	v, err := strconv.ParseFloat(num, 64)
	switch {
	case errors.Is(err, strconv.ErrRange) && math.IsInf(v, 0):
		return 0, errTooLarge
	case err != nil:
		return 0, notNumber(l)
	}
	if neg {
		v = -v
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return v, nil
}

// How a number's marks were read.
const (
	oneWay = iota
	twoWays
	otherWay
)

// readMarks reads the marks of s, digits with points, commas, spaces or
// apostrophes, in language l: it returns the number for
// strconv.ParseFloat, the other reading when it has two, and how it was
// read.
func readMarks(l i18n.Lang, s string) (num, alt string, how int, err error) {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != ',' && !i18n.IsSpaceGroup(r) {
			return "", "", 0, notNumber(l)
		}
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var dec, group rune // the decimal mark and the thousands mark, 0 for none
	switch {
	case dots > 0 && commas > 0:
		// Both: the last is the decimal mark.
		dec = rune(s[strings.LastIndexAny(s, ".,")])
		group = '.' + ',' - dec
		if strings.Count(s, string(dec)) > 1 {
			return "", "", 0, notNumber(l)
		}
		if dec != l.Decimal() {
			how = otherWay
		}
	case dots+commas > 1:
		// One mark, several times: thousands.
		group = '.'
		if commas > 0 {
			group = ','
		}
		if group == l.Decimal() {
			how = otherWay
		}
	case dots+commas == 1:
		c := rune(s[strings.IndexAny(s, ".,")])
		whole, frac, _ := strings.Cut(s, string(c))
		_, okGroups := groups(s, c)
		thousands := len(frac) == 3 && whole != "" && whole[0] != '0' && okGroups
		switch {
		case c == l.Decimal():
			dec = c
			if thousands {
				how, alt = twoWays, plainDigits(s)
			}
		case thousands:
			group, how = c, twoWays
			alt = strings.Map(dropGroup, whole) + "." + frac
		default:
			dec, how = c, otherWay
		}
	}
	whole, frac, hasDec := s, "", false
	if dec != 0 {
		whole, frac, hasDec = strings.Cut(s, string(dec))
	}
	if strings.Trim(frac, "0123456789") != "" {
		return "", "", 0, notNumber(l)
	}
	digits, ok := groups(whole, group)
	switch {
	case !ok && group != 0:
		return "", "", 0, badGrouping(l)
	case !ok:
		return "", "", 0, notNumber(l) // "3 4": two numbers
	}
	if digits == "" && frac == "" {
		return "", "", 0, notNumber(l)
	}
	num = digits
	if hasDec {
		num += "." + frac
	}
	return num, alt, how, nil
}

// groups returns the digits of whole, written with thousands separators
// (group, spaces, apostrophes) or none, and whether the separators are
// well placed: each alone, between groups of three digits after a first
// group of one to three.
func groups(whole string, group rune) (string, bool) {
	isSep := func(r rune) bool { return (group != 0 && r == group) || i18n.IsSpaceGroup(r) }
	if strings.IndexFunc(whole, isSep) < 0 {
		return whole, strings.Trim(whole, "0123456789") == ""
	}
	parts := strings.FieldsFunc(whole, isSep)
	seps := 0
	for _, r := range whole {
		if isSep(r) {
			seps++
		}
	}
	if len(parts) != seps+1 {
		return "", false // a separator at an end, or two together
	}
	for i, p := range parts {
		if (i == 0 && (len(p) == 0 || len(p) > 3)) || (i > 0 && len(p) != 3) || strings.Trim(p, "0123456789") != "" {
			return "", false
		}
	}
	return strings.Join(parts, ""), true
}

// dropGroup drops thousands separators of any language from a number's
// digits.
func dropGroup(r rune) rune {
	if r == '.' || r == ',' || i18n.IsSpaceGroup(r) {
		return -1
	}
	return r
}

// plainDigits is s read as thousands only.
func plainDigits(s string) string { return strings.Map(dropGroup, s) }

// decimalOfTwo returns the mark of text typed into f in language l when
// it reads two ways and was read as a decimal ("12.000" in English,
// "12,000" in German: 12, where the user may have meant twelve
// thousand), the reading that would lose the most if it was not meant.
func decimalOfTwo(l i18n.Lang, f Field, text string) (Mark, bool) {
	if f.Kind.words() {
		return Mark{}, false
	}
	if f.Kind == FieldDiscount {
		text = strings.TrimSuffix(strings.TrimSpace(text), "%")
	}
	r, err := readNumber(l, text)
	if err != nil || !r.twoWays || math.Abs(r.v) >= math.Abs(r.alt) {
		return Mark{}, false
	}
	return Mark{Typed: strings.TrimSpace(text), Read: r.v}, true
}

// readHint is what a number field shows of how its text was read: ""
// when it reads one way in the user's language l, else the typed text
// and the number, "12.000 → 12, not 12000" (the field's value is
// accepted; this is no error).
func readHint(l i18n.Lang, f Field, text string) string {
	if f.Kind.words() {
		return ""
	}
	if f.Kind == FieldDiscount {
		text = strings.TrimSuffix(strings.TrimSpace(text), "%")
	}
	r, err := readNumber(l, text)
	typed := strings.TrimSpace(text)
	switch {
	case err != nil:
		return ""
	case r.twoWays:
		return readAs(l, typed, l.Write(r.v, false), l.Write(r.alt, false))
	case r.otherWay:
		return readOtherWay(typed, l.Write(r.v, false))
	}
	return ""
}
