package app

import "github.com/valuecalc/valuecalc/calc"

// asProblems is errors.As(err, &probs) for probs of type calc.Problems:
// it finds the first calc.Problems in err's tree, depth first, as
// errors.As does. A type switch rather than errors.As, which links
// internal/reflectlite's type comparisons into app.wasm (15 KB of gzip,
// with the sort.SliceStable that newestFirst replaced).
func asProblems(err error) (calc.Problems, bool) {
	for err != nil {
		switch e := err.(type) {
		case calc.Problems:
			return e, true
		case interface{ Unwrap() error }:
			err = e.Unwrap()
		case interface{ Unwrap() []error }:
			for _, err := range e.Unwrap() {
				if probs, ok := asProblems(err); ok {
					return probs, true
				}
			}
			return nil, false
		default:
			return nil, false
		}
	}
	return nil, false
}
