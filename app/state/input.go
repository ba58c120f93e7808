package state

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/valuecalc/valuecalc/app/i18n"
)

// Messages for numbers that cannot be read, shown next to the field.
var (
	errNotNumber   = i18n.Errorf(i18n.ErrNotNumber)
	errCommaDecims = i18n.Errorf(i18n.ErrCommaDecimals)
	errTooLarge    = i18n.Errorf(i18n.ErrTooLarge)
)

// parseNumber reads a number as people type it: surrounding spaces, a
// currency sign ($ € £ ¥) and thousands separators ("12,500") are allowed;
// letters, several signs, NaN, infinities and numbers too large for a
// float64 are not. "-0" reads as 0.
func parseNumber(text string) (float64, error) {
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
	if s == "" {
		return 0, errNotNumber
	}
	s, err := dropGrouping(s)
	if err != nil {
		return 0, err
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != 'e' && r != 'E' && r != '+' && r != '-' {
			return 0, errNotNumber
		}
	}
	if s[0] < '0' || s[0] > '9' {
		if s[0] != '.' {
			return 0, errNotNumber
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case errors.Is(err, strconv.ErrRange) && math.IsInf(v, 0):
		return 0, errTooLarge
	case err != nil:
		return 0, errNotNumber
	}
	if neg {
		v = -v
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return v, nil
}

// dropGrouping removes thousands separators (commas, or thin spaces and
// apostrophes as some people type them) when they separate groups of three
// digits before the decimal point.
func dropGrouping(s string) (string, error) {
	if !strings.ContainsAny(s, ",'’\u202f\u00a0 ") {
		return s, nil
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	groups := strings.FieldsFunc(intPart, func(r rune) bool { return strings.ContainsRune(",'’\u202f\u00a0 ", r) })
	if len(groups) < 2 || strings.ContainsAny(frac, ",'’ ") {
		return "", groupingError(s)
	}
	for i, g := range groups {
		if (i > 0 && len(g) != 3) || (i == 0 && (len(g) == 0 || len(g) > 3)) {
			return "", groupingError(s)
		}
	}
	// The separators must each be a single character between groups.
	if n := len([]rune(intPart)) - len(strings.Join(groups, "")); n != len(groups)-1 {
		return "", groupingError(s)
	}
	out := strings.Join(groups, "")
	if hasFrac {
		out += "." + frac
	}
	return out, nil
}

func groupingError(s string) error {
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		return errCommaDecims
	}
	return errNotNumber
}
