package calc_test

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// pythonLink is the payload scripts/make-link.py writes for the domain
// example (zlib with wbits=-15, urlsafe base64 without padding).
const pythonLink = "TZCxasQwDIZfJWgOXK7Q5cYWOnfoVm5QHaUV2FKxlYMQ_O4nNym5yejT709CK0yaExpc4IZxpoAxnM7Qg7FFcvqWNXXvi_2oOE06NphUaPGSjVKBy-cKPDr-Rm4hwdRCLyQ0sZWuYRq9Ufjv99fWaEOW33-dYV6g9rspaLHD9KGGsWusHJY9sismFpTAGKFePRJIMLM-7FbOh-91LqaJshMSy0yeW7ft_cWks_hBnodhqP025wE_NVzrtd4B"

// deflate packs data as another program would: raw DEFLATE, base64url.
func deflate(t testing.TB, data []byte) string {
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.DefaultCompression)
	require.NoError(t, err)
	w.Write(data)
	require.NoError(t, w.Close())
	return base64.RawURLEncoding.EncodeToString(z.Bytes())
}

func TestLinkRoundTrip(t *testing.T) {
	for _, path := range vectorFiles(t) {
		m, err := calc.Decode(readVector(t, path).Model)
		require.NoError(t, err)
		payload, err := calc.EncodeLink(m)
		require.NoError(t, err, path)
		assert.NotContains(t, payload, "=", "no padding")
		assert.NotContains(t, payload, "+")
		assert.NotContains(t, payload, "/")
		got, err := calc.DecodeLink(payload)
		require.NoError(t, err, path)
		assert.Equal(t, m, got, path)
	}
}

func TestLinkFromOtherPrograms(t *testing.T) {
	m, err := calc.DecodeLink(pythonLink)
	require.NoError(t, err)
	assert.Equal(t, "From Python", m.Title)
	assert.Equal(t, 3000.0, calc.Evaluate(m).Scenarios[0].Net)

	// The same written with padding, the standard alphabet, or with a + that
	// URL decoding turned into a space.
	std := base64.StdEncoding.EncodeToString(mustRawURL(t, pythonLink))
	require.True(t, strings.ContainsAny(std, "+/="), "the test needs a payload with + / or =")
	for name, payload := range map[string]string{
		"padded":   base64.URLEncoding.EncodeToString(mustRawURL(t, pythonLink)),
		"standard": std,
		"spaces":   strings.ReplaceAll(std, "+", " "),
		"wrapped":  pythonLink[:40] + "\n" + pythonLink[40:],
	} {
		got, err := calc.DecodeLink(payload)
		require.NoError(t, err, name)
		assert.Equal(t, m, got, name)
	}
}

func mustRawURL(t *testing.T, s string) []byte {
	b, err := base64.RawURLEncoding.DecodeString(s)
	require.NoError(t, err)
	return b
}

func TestLinkErrors(t *testing.T) {
	valid, err := calc.EncodeLink(calc.NewModel())
	require.NoError(t, err)
	flipped := []byte(valid)
	flipped[len(flipped)/2] ^= 0x01
	for _, tc := range []struct {
		name    string
		payload string
		is      error
		msg     string
	}{
		{"empty", "", calc.ErrLink, "the link holds no model"},
		{"not base64", "!!!***", calc.ErrLink, `it holds "!!!***", which has no place in a valuecalc link`},
		{"percent escapes", "%3Cscript%3E", calc.ErrLink, "no place in a valuecalc link"},
		{"truncated", valid[:len(valid)/2], calc.ErrLink, "damaged or cut short"},
		{"one char", valid[:1], calc.ErrLink, "damaged or cut short"},
		{"too long", strings.Repeat("A", calc.MaxLinkLen+1), calc.ErrLink, "too long"},
		{"not json", deflate(t, []byte("hello")), calc.ErrSyntax, "invalid JSON"},
		{"invalid model", deflate(t, []byte(`{"format":"valuecalc/1","items":[{"id":"a","name":"","side":"cost","type":"risk","weight":-1}]}`)),
			calc.ErrOutOfRange, "items[0].weight: must be between 0 and 1000, got -1"},
		{"bomb", deflate(t, bytes.Repeat([]byte(" "), calc.MaxInputSize+10)), calc.ErrTooLarge, "larger than 5 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := calc.DecodeLink(tc.payload)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.is)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
	// A flipped bit either breaks the stream or the model; it never passes
	// silently as something else.
	if m, err := calc.DecodeLink(string(flipped)); err == nil {
		assert.Equal(t, calc.NewModel(), m)
	}
}

// FuzzDecodeLink: no payload panics DecodeLink, and what it accepts
// survives EncodeLink → DecodeLink unchanged.
func FuzzDecodeLink(f *testing.F) {
	f.Add(pythonLink)
	f.Add(pythonLink[:len(pythonLink)/2])
	f.Add("")
	f.Add("====")
	f.Add("%3Cscript%3E")
	for _, s := range hostile {
		f.Add(deflate(f, []byte(s)))
	}
	f.Fuzz(func(t *testing.T, payload string) {
		m, err := calc.DecodeLink(payload)
		if err != nil {
			return
		}
		again, err := calc.EncodeLink(m)
		require.NoError(t, err)
		m2, err := calc.DecodeLink(again)
		require.NoError(t, err)
		require.Equal(t, m, m2)
	})
}
