package state

import (
	"errors"
	"strconv"

	"github.com/valuecalc/valuecalc/calc"
)

// Plural writes n and what, with an s unless n is 1: "1 item", "3 items".
func Plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// Capitalize upper-cases the first letter of an ASCII sentence.
func Capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// sentence makes err a sentence for the person typing: "Enter a name."
func sentence(err error) string { return Capitalize(err.Error()) + "." }

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
