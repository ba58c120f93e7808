package calc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestToBase64URL checks toBase64URL against the strings.Replacer it
// replaced.
func TestToBase64URL(t *testing.T) {
	replacer := strings.NewReplacer("+", "-", "/", "_", " ", "-", "\n", "", "\r", "", "=", "")
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"AbC-_09", "AbC-_09"},
		{"a+b/c", "a-b_c"},
		{"a b", "a-b"},
		{"abcd==", "abcd"},
		{"ab\r\ncd\nef\rgh", "abcdefgh"},
		{"  ++//==\r\n", "----__"},
		{"%3Cscript%3E", "%3Cscript%3E"},
		{"!!!***", "!!!***"},
		{"tab\there", "tab\there"},
		{"é+ü/", "é-ü_"},
		{"\xff+\xfe", "\xff-\xfe"},
	} {
		got := toBase64URL(tc.in)
		assert.Equal(t, tc.want, got, "%q", tc.in)
		assert.Equal(t, replacer.Replace(tc.in), got, "%q", tc.in)
	}
}
