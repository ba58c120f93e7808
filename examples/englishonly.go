//go:build englishonly

package examples

// translations is empty in `make bench`'s English-only build (`-tags
// englishonly`), which measures what the other three languages cost:
// every language gets the English templates. valuecalc is never shipped
// this way.
var translations map[string][]Template
