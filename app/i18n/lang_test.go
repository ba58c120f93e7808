package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want Lang
	}{
		{"none", nil, EN},
		{"german of Austria", []string{"de-AT", "en"}, DE},
		{"unknown first", []string{"nl-NL", "fr-CA"}, FR},
		{"underscore and case", []string{"ES_mx"}, ES},
		{"none spoken", []string{"ja", "zh-Hans"}, EN},
		{"empty tag", []string{""}, EN},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Match(tc.tags...))
		})
	}
}
