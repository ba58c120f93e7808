package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

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
