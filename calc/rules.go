package calc

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Limits of SPEC §2. Validate, Decode and the Check functions use these
// and nothing else, so that a rule lives in one place.
const (
	MaxItems      = 1000 // items in a model
	MaxScenarios  = 50   // scenarios in a model
	MaxIDLen      = 64   // bytes of an item's or scenario's id
	MaxNameLen    = 200  // characters of an item's or scenario's name
	MaxTitleLen   = 200  // characters of a model's title
	MaxNoteLen    = 2000 // characters of an item's note
	MaxLabelLen   = 40   // characters of a scale's end label
	MaxWeight     = 1000 // an item's or entry's weight, from 0
	MaxAmount     = 1e12 // an entry's amount, from 0
	MaxHours      = 1e9  // an entry's hours, from 0
	MaxHourlyRate = 1e12 // money per hour, from 0: no hour is worth more than the largest amount
	MinHorizon    = 1    // years of the horizon
	MaxHorizon    = 30   // years of the horizon
	MaxScaleBound = 100  // the scale's bounds, from 0

	// Version 3 (SPEC §2.1).
	MaxDrivers     = 100  // drivers in a model
	MaxDriverValue = 1e9  // a driver's value, from 0
	MaxUnitLen     = 40   // characters of a driver's unit
	MaxSourceLen   = 200  // characters of a driver's or entry's source
	MaxCustomerLen = 200  // characters of a model's customer
	MaxSummaryLen  = 4000 // characters of a model's summary
	MaxTimes       = 3    // drivers an entry is priced per
	MaxStart       = 361  // an entry's start month: 12 × MaxHorizon + 1
	MaxEnd         = 360  // an entry's end month: 12 × MaxHorizon
	MaxRamp        = 120  // months of an entry's ramp, from 0
	MinGrowth      = -0.5 // an entry's yearly growth
	MaxGrowth      = 1    // an entry's yearly growth
)

// CheckCustomer checks whom a model's case is for.
//
// CheckCustomer returns an error if:
//   - s is not valid UTF-8 (ErrInvalid);
//   - s holds a character for which ControlChar is true (ErrControl);
//   - s is longer than MaxCustomerLen characters (ErrOutOfRange).
func CheckCustomer(s string) error { return checkText(s, MaxCustomerLen, false) }

// CheckSummary checks a model's executive summary, which may hold tabs
// and line feeds.
//
// CheckSummary returns an error if:
//   - s is not valid UTF-8 (ErrInvalid);
//   - s holds a character for which ControlChar is true, other than a tab
//     or a line feed (ErrControl);
//   - s is longer than MaxSummaryLen characters (ErrOutOfRange).
func CheckSummary(s string) error { return checkText(s, MaxSummaryLen, true) }

// CheckUnit checks what a driver counts, such as "agents".
//
// CheckUnit returns an error if:
//   - s is not valid UTF-8 (ErrInvalid);
//   - s holds a character for which ControlChar is true (ErrControl);
//   - s is longer than MaxUnitLen characters (ErrOutOfRange).
func CheckUnit(s string) error { return checkText(s, MaxUnitLen, false) }

// CheckSource checks where a driver's or an entry's figure comes from.
//
// CheckSource returns an error if:
//   - s is not valid UTF-8 (ErrInvalid);
//   - s holds a character for which ControlChar is true (ErrControl);
//   - s is longer than MaxSourceLen characters (ErrOutOfRange).
func CheckSource(s string) error { return checkText(s, MaxSourceLen, false) }

// CheckDriverValue checks a driver's value.
//
// CheckDriverValue returns an error if:
//   - v is NaN or infinite (ErrOutOfRange);
//   - v is not within 0–MaxDriverValue (ErrOutOfRange).
func CheckDriverValue(v float64) error { return checkBetween(v, 0, MaxDriverValue) }

// CheckGrowth checks an entry's yearly growth, 0.05 for +5 % a year.
//
// CheckGrowth returns an error if:
//   - g is NaN or infinite (ErrOutOfRange);
//   - g is not within MinGrowth–MaxGrowth (ErrOutOfRange).
func CheckGrowth(g float64) error { return checkBetween(g, MinGrowth, MaxGrowth) }

// CheckTitle checks a model's title.
//
// CheckTitle returns an error if:
//   - s is not valid UTF-8 (ErrInvalid);
//   - s holds a character for which ControlChar is true (ErrControl);
//   - s is longer than MaxTitleLen characters (ErrOutOfRange).
func CheckTitle(s string) error { return checkText(s, MaxTitleLen, false) }

// CheckNote checks an item's note.
//
// CheckNote returns an error if:
//   - s is not valid UTF-8 (ErrInvalid);
//   - s holds a character for which ControlChar is true, other than a tab
//     or a line feed, which a note of several lines or columns holds
//     (ErrControl);
//   - s is longer than MaxNoteLen characters (ErrOutOfRange).
func CheckNote(s string) error { return checkText(s, MaxNoteLen, true) }

// CheckName checks an item's or a scenario's name.
//
// CheckName returns an error if:
//   - s is empty or only white space (ErrRequired);
//   - s is not valid UTF-8 (ErrInvalid);
//   - s holds a character for which ControlChar is true (ErrControl);
//   - s is longer than MaxNameLen characters (ErrOutOfRange).
func CheckName(s string) error {
	if strings.TrimSpace(s) == "" {
		return rule(ErrRequired, "must not be blank")
	}
	return checkText(s, MaxNameLen, false)
}

// CheckID checks the form of an item's or a scenario's id; that it is
// unique is for Validate to check.
//
// CheckID returns an error if:
//   - s is empty (ErrRequired);
//   - s holds a character other than A–Z a–z 0–9 _ - (ErrInvalid);
//   - s is longer than MaxIDLen characters (ErrOutOfRange).
func CheckID(s string) error {
	switch {
	case s == "":
		return rule(ErrRequired, "must not be empty")
	case !idChars(s):
		return rule(ErrInvalid, `must hold only letters A-Z a-z, digits 0-9, "_" and "-", got `+quote(s))
	case len(s) > MaxIDLen:
		return rule(ErrOutOfRange, fmt.Sprintf("must be at most %d characters, got %d", MaxIDLen, len(s)))
	}
	return nil
}

// CheckCurrency checks a model's currency.
//
// CheckCurrency returns an error if:
//   - s is not three capital letters, as an ISO 4217 code is (ErrInvalid).
func CheckCurrency(s string) error {
	if !validCurrency(s) {
		return rule(ErrInvalid, "must be three capital letters (an ISO 4217 code), got "+quote(s))
	}
	return nil
}

// CheckHorizon checks a money model's horizon in years.
//
// CheckHorizon returns an error if:
//   - years is not within MinHorizon–MaxHorizon (ErrOutOfRange).
func CheckHorizon(years int) error {
	if years < MinHorizon || years > MaxHorizon {
		return rule(ErrOutOfRange, fmt.Sprintf("must be between %d and %d, got %d", MinHorizon, MaxHorizon, years))
	}
	return nil
}

// CheckDiscountRate checks a money model's yearly discount rate, 0.08
// for 8 %.
//
// CheckDiscountRate returns an error if:
//   - r is NaN or infinite (ErrOutOfRange);
//   - r is negative, or 1 or more (ErrOutOfRange).
func CheckDiscountRate(r float64) error {
	if err := checkFinite(r); err != nil {
		return err
	}
	if r < 0 || r >= 1 {
		return rule(ErrOutOfRange, "must be at least 0 and less than 1, got "+formatFloat(r))
	}
	return nil
}

// CheckHourlyRate checks a money model's hourly rate.
//
// CheckHourlyRate returns an error if:
//   - r is NaN or infinite (ErrOutOfRange);
//   - r is negative (ErrOutOfRange: "must be 0 or more");
//   - r is more than MaxHourlyRate (ErrOutOfRange: "must be at most …").
func CheckHourlyRate(r float64) error {
	if err := checkFinite(r); err != nil {
		return err
	}
	switch {
	case r < 0:
		return rule(ErrOutOfRange, "must be 0 or more, got "+formatFloat(r))
	case r > MaxHourlyRate:
		return rule(ErrOutOfRange, "must be at most "+formatFloat(MaxHourlyRate)+", got "+formatFloat(r))
	}
	return nil
}

// CheckWeight checks an item's or an entry's weight.
//
// CheckWeight returns an error if:
//   - w is NaN or infinite (ErrOutOfRange);
//   - w is not within 0–MaxWeight (ErrOutOfRange).
func CheckWeight(w float64) error { return checkBetween(w, 0, MaxWeight) }

// CheckAmount checks a money entry's amount.
//
// CheckAmount returns an error if:
//   - a is NaN or infinite (ErrOutOfRange);
//   - a is not within 0–MaxAmount (ErrOutOfRange).
func CheckAmount(a float64) error { return checkBetween(a, 0, MaxAmount) }

// CheckHours checks a money entry's hours.
//
// CheckHours returns an error if:
//   - h is NaN or infinite (ErrOutOfRange);
//   - h is not within 0–MaxHours (ErrOutOfRange).
func CheckHours(h float64) error { return checkBetween(h, 0, MaxHours) }

// CheckScore checks a score entry's score on the scale s; decimals are
// allowed.
//
// CheckScore returns an error if:
//   - v is NaN or infinite (ErrOutOfRange);
//   - v is not within s.Min–s.Max (ErrOutOfRange).
func CheckScore(s Scale, v float64) error {
	return checkBetween(v, float64(s.Min), float64(s.Max))
}

// CheckScaleBound checks one bound of a scale, scale.min or scale.max.
//
// CheckScaleBound returns an error if:
//   - v is not within 0–MaxScaleBound (ErrOutOfRange).
func CheckScaleBound(v int) error {
	if v < 0 || v > MaxScaleBound {
		return rule(ErrOutOfRange, fmt.Sprintf("must be between 0 and %d, got %d", MaxScaleBound, v))
	}
	return nil
}

// CheckScale checks a scale as a whole: both bounds, and their order.
//
// CheckScale returns an error if:
//   - min or max is not within 0–MaxScaleBound (ErrOutOfRange);
//   - min is not less than max (ErrOutOfRange).
func CheckScale(min, max int) error {
	if err := CheckScaleBound(min); err != nil {
		return rule(ErrOutOfRange, "min "+err.Error())
	}
	if err := CheckScaleBound(max); err != nil {
		return rule(ErrOutOfRange, "max "+err.Error())
	}
	if min >= max {
		return rule(ErrOutOfRange, fmt.Sprintf("min must be less than max, got min %d and max %d", min, max))
	}
	return nil
}

// CheckScaleLabel checks what one end of a scale means, scale.minLabel
// or scale.maxLabel. An empty label is no label in a Model; a file must
// leave the field out instead.
//
// CheckScaleLabel returns an error if:
//   - s is only white space (ErrRequired): a visitor would read "5 = ";
//   - s is not valid UTF-8 (ErrInvalid);
//   - s holds a character for which ControlChar is true (ErrControl);
//   - s is longer than MaxLabelLen characters (ErrOutOfRange).
func CheckScaleLabel(s string) error {
	if s != "" && strings.TrimSpace(s) == "" {
		return rule(ErrRequired, "must not be blank")
	}
	return checkText(s, MaxLabelLen, false)
}

// CheckSize checks the size of a model file in bytes.
//
// CheckSize returns an error if:
//   - n is more than MaxInputSize (ErrTooLarge; the message gives n).
func CheckSize(n int64) error {
	if n > MaxInputSize {
		return rule(ErrTooLarge, fmt.Sprintf("must be at most %d bytes (5 MB), got %d bytes", MaxInputSize, n))
	}
	return nil
}

// ControlChar reports whether r is a character that text in a model
// must not hold, as it is an instruction rather than text: to a terminal
// (a C0 control U+0000–U+001F, DEL U+007F or a C1 control U+0080–U+009F;
// "\x1b[2J" clears a screen, "\x1b]0;…\x07" retitles a window), or to
// the layout of the text around it (a bidirectional embedding or override
// U+202A–U+202E, or an isolate U+2066–U+2069, which make "exe.txt" show
// as "txt.exe"). The marks U+200E, U+200F and U+061C are allowed: they set
// the direction of the characters next to them only, and right-to-left
// text needs them.
func ControlChar(r rune) bool {
	return r < 0x20 || 0x7f <= r && r <= 0x9f ||
		0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
}

// CheckLow checks the low end of an entry's range around its value x
// (SPEC §2), lo–hi being the bounds of the value (see Model.Bounds).
//
// CheckLow returns an error if:
//   - low is NaN or infinite (ErrOutOfRange);
//   - low is not within lo–hi (ErrOutOfRange);
//   - low is more than x (ErrOutOfRange).
func CheckLow(low, x, lo, hi float64) error {
	if err := checkBetween(low, lo, hi); err != nil {
		return err
	}
	if low > x {
		return rule(ErrOutOfRange, "must be at most the value "+formatFloat(x)+", got "+formatFloat(low))
	}
	return nil
}

// CheckHigh checks the high end of an entry's range around its value x,
// as CheckLow does the low end.
//
// CheckHigh returns an error if:
//   - high is NaN or infinite (ErrOutOfRange);
//   - high is not within lo–hi (ErrOutOfRange);
//   - high is less than x (ErrOutOfRange).
func CheckHigh(high, x, lo, hi float64) error {
	if err := checkBetween(high, lo, hi); err != nil {
		return err
	}
	if high < x {
		return rule(ErrOutOfRange, "must be at least the value "+formatFloat(x)+", got "+formatFloat(high))
	}
	return nil
}

// rule returns the Err of a FieldError: msg, wrapping sentinel.
func rule(sentinel error, msg string) error { return &ruleError{sentinel, msg} }

// checkText checks that s is valid UTF-8 of at most max characters with
// no control characters (see ControlChar), but for tabs and line feeds
// when lines is set.
func checkText(s string, max int, lines bool) error {
	if !utf8.ValidString(s) {
		return rule(ErrInvalid, "must be valid UTF-8")
	}
	n := 0
	for i, r := range s {
		n++
		if ControlChar(r) && !(lines && (r == '\t' || r == '\n')) {
			return rule(ErrControl, "must not hold control characters, got "+quoteAt(s, i))
		}
	}
	if n > max {
		return rule(ErrOutOfRange, fmt.Sprintf("must be at most %d characters, got %d", max, n))
	}
	return nil
}

// checkFinite checks that x is neither NaN nor infinite.
func checkFinite(x float64) error {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return rule(ErrOutOfRange, "must be a finite number, got "+formatFloat(x))
	}
	return nil
}

// checkBetween checks that x is a finite number within lo–hi.
func checkBetween(x, lo, hi float64) error {
	if err := checkFinite(x); err != nil {
		return err
	}
	if x < lo || x > hi {
		return rule(ErrOutOfRange, "must be between "+formatFloat(lo)+" and "+formatFloat(hi)+", got "+formatFloat(x))
	}
	return nil
}

// validID reports whether s is a well-formed id: 1–MaxIDLen characters of
// A–Z a–z 0–9 _ -.
func validID(s string) bool {
	return s != "" && len(s) <= MaxIDLen && idChars(s)
}

// idChars reports whether s holds only A–Z a–z 0–9 _ -.
func idChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// validCurrency reports whether s is three capital letters.
func validCurrency(s string) bool {
	return len(s) == 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2])
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
