package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		lang  Lang
		v     float64
		group bool
		want  string
	}{
		{EN, 1234.5, true, "1,234.5"},
		{EN, 1234.5, false, "1234.5"},
		{DE, 1234.5, true, "1.234,5"},
		{ES, -1234567.25, true, "-1.234.567,25"},
		{FR, 1234.5, true, "1\u202f234,5"},
		{FR, 0.001, false, "0,001"},
		{DE, 123, true, "123"},
		{DE, 1234, true, "1.234"},
		{ES, 1234, true, "1234"}, // Spanish groups from five digits, as Intl
		{ES, 12345, true, "12.345"},
		{EN, 0.125, true, "0.125"},
		{DE, 1e21, false, "1000000000000000000000"},
		{"", 2.5, false, "2.5"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.lang.Write(tt.v, tt.group), "%s %v", tt.lang, tt.v)
	}
}
