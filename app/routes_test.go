package app

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

func TestLinkFragment(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"#m=abc", "m=abc", true},
		{"m=abc", "m=abc", true},
		{"#x=1&m=a-b_c&y=2", "m=a-b_c", true},
		{"#m=", "m=", true},
		{"#m=%25%25x", "m=%%x", true},
		{"#m=a%2Bb", "m=a+b", true},
		{"#model=abc", "model=abc", true},
		{"#x=1&model=a-b_c&y=2", "model=a-b_c", true},
		{"#model=a%2Bb", "model=a+b", true},
		{"#mm=1", "", false},
		{"#other=1", "", false},
		{"", "", false},
	} {
		got, ok := linkFragment(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
}
