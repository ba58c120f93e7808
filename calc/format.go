package calc

import (
	"bytes"
	"math"
	"strconv"
)

// FormatMoney formats v as an amount of currency for display, English
// style, rounded to the currency's minor unit as FormatNumber rounds (ties
// away from zero, see Round): "$5,000.00", "-$1,234.50",
// "€12.00", "£7.50", "¥1,200" (yen have no minor unit). Currencies without
// a symbol here are written with their code: "CHF 1,234.56"; an empty
// currency gives the number alone. An amount that rounds to zero has no
// minus sign. NaN and infinities are written "NaN", "∞" and "-∞" after the
// symbol.
func FormatMoney(v float64, currency string) string {
	symbol, decimals := currencySymbol(currency)
	num := FormatNumber(math.Abs(v), decimals)
	neg := v < 0 && num != FormatNumber(0, decimals)
	b := make([]byte, 0, len(num)+len(symbol)+2)
	if neg {
		b = append(b, '-')
	}
	b = append(b, symbol...)
	return string(append(b, num...))
}

// currencySymbol returns what FormatMoney writes before an amount of
// currency and the number of decimals of its minor unit (ISO 4217).
func currencySymbol(currency string) (string, int) {
	switch currency {
	case "":
		return "", 2
	case "USD":
		return "$", 2
	case "EUR":
		return "€", 2
	case "GBP":
		return "£", 2
	case "JPY":
		return "¥", 0
	case "KRW", "VND", "CLP", "ISK", "PYG", "UGX", "XAF", "XOF":
		return currency + " ", 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return currency + " ", 3
	}
	return currency + " ", 2
}

// FormatNumber formats v for display with the given number of decimals and
// commas between thousands: FormatNumber(1234567.891, 2) is
// "1,234,567.89". It rounds by the rule of [Round]: ties away from zero,
// on the number as written, so 1.005 gives "1.01" and -0.125 "-0.13", as
// Intl.NumberFormat writes them in the app. A negative decimals means as
// many as v needs: FormatNumber(3.5, -1) is "3.5". Decimals past 1074,
// where every float64 has only zeros left, are not written. A number that
// rounds to zero has no minus sign. NaN and infinities are written "NaN",
// "∞" and "-∞".
func FormatNumber(v float64, decimals int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	digits := roundedDigits(math.Abs(v), min(decimals, maxDecimals))
	intLen := len(digits)
	zero := true
	for i, c := range digits {
		if c == '.' {
			intLen = i
		} else if c != '0' {
			zero = false
		}
	}
	out := make([]byte, 0, len(digits)+len(digits)/3+1)
	if v < 0 && !zero {
		out = append(out, '-')
	}
	for i := 0; i < intLen; i++ {
		if i > 0 && (intLen-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, digits[i])
	}
	return string(append(out, digits[intLen:]...))
}

// maxDecimals is the most decimals FormatNumber writes: the exact value of
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
