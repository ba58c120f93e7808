package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLinkPayload(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"#model=abc", "abc", true},
		{"model=abc", "abc", true},
		{"#x=1&model=a-b_c&y=2", "a-b_c", true},
		{"#model=", "", true},
		{"#model=%25%25x", "%%x", true},
		{"#model=a%2Bb", "a+b", true},
		{"#other=1", "", false},
		{"", "", false},
	} {
		got, ok := linkPayload(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
}
