package browser

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEscapeStrayPercents(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://h/#model=abc", "http://h/#model=abc"},
		{"http://h/#model=%%%x%%%", "http://h/#model=%25%25%25x%25%25%25"},
		{"http://h/?template=%zz#a", "http://h/?template=%25zz#a"},
		{"http://h/#a%2", "http://h/#a%252"},
		{"http://h/#%41%4a", "http://h/#%41%4a"},
		{"%", "%25"},
		{"", ""},
	} {
		got := escapeStrayPercents(tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		_, err := url.Parse(got)
		assert.NoError(t, err, "url.Parse accepts %q", got)
	}
}
