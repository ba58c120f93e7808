//go:build englishonly

package i18n

// The catalogue of `make bench`'s English-only build (`-tags englishonly`),
// which measures what the other three languages cost: their texts empty,
// so every key falls back to English. valuecalc is never shipped this way.
var de, fr, es [numKeys]string
