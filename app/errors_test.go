package app

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/valuecalc/valuecalc/calc"
)

func TestAsProblemsMatchesErrorsAs(t *testing.T) {
	_, decodeErr := calc.Decode([]byte(`{"format":"valuecalc/0"}`))
	probs := calc.Problems{{Path: "title", Err: calc.ErrInvalid}}
	other := calc.Problems{{Path: "mode", Err: calc.ErrInvalid}}
	for name, err := range map[string]error{
		"nil":                nil,
		"plain":              errors.New("plain"),
		"sentinel":           calc.ErrLink,
		"problems":           probs,
		"nil problems":       calc.Problems(nil),
		"decode":             decodeErr,
		"wrapped":            fmt.Errorf("reading: %w", probs),
		"wrapped twice":      fmt.Errorf("a: %w", fmt.Errorf("b: %w", probs)),
		"wrapped plain":      fmt.Errorf("a: %w", errors.New("plain")),
		"joined":             errors.Join(errors.New("plain"), nil, probs, other),
		"joined none":        errors.Join(errors.New("x"), errors.New("y")),
		"joined in wrapped":  fmt.Errorf("a: %w", errors.Join(errors.New("x"), fmt.Errorf("b: %w", other))),
		"multi %w":           fmt.Errorf("%w and %w", errors.New("x"), other),
		"field error":        probs[0],
		"problems in joined": errors.Join(fmt.Errorf("a: %w", errors.New("x")), probs),
	} {
		t.Run(name, func(t *testing.T) {
			var want calc.Problems
			wantOK := errors.As(err, &want)
			got, ok := asProblems(err)
			assert.Equal(t, wantOK, ok)
			assert.Equal(t, want, got)
		})
	}
}
