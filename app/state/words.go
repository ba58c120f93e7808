package state

import (
	"errors"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Plural writes n and what, with an s unless n is 1: "1 item", "3 items".
func Plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// Capitalize upper-cases the first letter of a sentence.
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// sentence makes err a sentence for the person typing, in l: "Enter a
// name.", "Geben Sie einen Namen ein."
func sentence(l i18n.Lang, err error) string { return Capitalize(l.Err(err)) + "." }

// problemTexts lists a model's problems one per line, for a list under a
// message.
func problemTexts(probs calc.Problems) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.Error()
	}
	return out
}

// firstProblem is err's first problem when it lists a model's problems,
// else err's text.
func firstProblem(err error) string {
	var probs calc.Problems
	if errors.As(err, &probs) && len(probs) > 0 {
		return probs[0].Error()
	}
	return err.Error()
}
