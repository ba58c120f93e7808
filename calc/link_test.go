package calc_test

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// pythonLink is the fragment scripts/make-link.py writes for the domain
// example: "m=" and the base64url, without padding, of zlib.compress.
const pythonLink = "m=eNpNkLFqxDAMhl8laA5crtDlxhY6d-hWblAdpRXYUrGVgxD87ic3KbnJ6NPvT0IrTJoTGlzghnGmgDGcztCDsUVy-pY1de-L_ag4TTo2mFRo8ZKNUoHL5wo8Ov5GbiHB1EIvJDSxla5hGr1R-O_319ZoQ5bff51hXqD2uyloscP0oYaxa6wclj2yKyYWlMAYoV49Ekgwsz7sVs6H73UupomyExLLTJ5bt-39xaSz-EGeh2Go_TbnAT81XOu13gFc3Gat"

// pythonLinkV1 is the same as make-link.py wrote it for links of version
// 1: "model=" and raw DEFLATE (zlib with wbits=-15).
const pythonLinkV1 = "model=TZCxasQwDIZfJWgOXK7Q5cYWOnfoVm5QHaUV2FKxlYMQ_O4nNym5yejT709CK0yaExpc4IZxpoAxnM7Qg7FFcvqWNXXvi_2oOE06NphUaPGSjVKBy-cKPDr-Rm4hwdRCLyQ0sZWuYRq9Ufjv99fWaEOW33-dYV6g9rspaLHD9KGGsWusHJY9sismFpTAGKFePRJIMLM-7FbOh-91LqaJshMSy0yeW7ft_cWks_hBnodhqP025wE_NVzrtd4B"

// deflate packs data as another program would: raw DEFLATE, base64url.
func deflate(t testing.TB, data []byte) string {
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.DefaultCompression)
	require.NoError(t, err)
	w.Write(data)
	require.NoError(t, w.Close())
	return base64.RawURLEncoding.EncodeToString(z.Bytes())
}

// zlibLink packs data as another program would make an "m=" link.
func zlibLink(t testing.TB, data []byte) string {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(data)
	require.NoError(t, w.Close())
	return "m=" + base64.RawURLEncoding.EncodeToString(z.Bytes())
}

func TestLinkRoundTrip(t *testing.T) {
	for _, path := range vectorFiles(t) {
		m, err := calc.Decode(readVector(t, path).Model)
		require.NoError(t, err)
		link, err := calc.EncodeLink(m)
		require.NoError(t, err, path)
		require.True(t, strings.HasPrefix(link, "m="), link)
		payload := strings.TrimPrefix(link, "m=")
		assert.NotContains(t, payload, "=", "no padding")
		assert.NotContains(t, payload, "+")
		assert.NotContains(t, payload, "/")
		for _, fragment := range []string{link, "#" + link, "#view=report&" + link + "&x=1"} {
			got, err := calc.DecodeLink(fragment)
			require.NoError(t, err, path)
			assert.Equal(t, m, got, path)
		}
	}
}

// TestLinkLength: a realistic 30-item × 3-scenario model must fit in a
// link of at most 2,000 characters, the most some mail and chat programs
// keep.
func TestLinkLength(t *testing.T) {
	m := benchModel(calc.ModeMoney, 30, 3)
	for i := range m.Items {
		m.Items[i].Name = fmt.Sprintf("Benefit or cost number %d", i)
	}
	link, err := calc.EncodeLink(m)
	require.NoError(t, err)
	assert.LessOrEqual(t, len("https://valuecalc.example/#")+len(link), 2000, "%d characters", len(link))

	// A business case as a user writes it stays within the budget. The
	// same case with 5 drivers, entries priced per them and timed (SPEC
	// §2.1) is not there yet: issue 27 asks for 2,000 characters, but the
	// case without drivers already takes 1,901, and the drivers (names,
	// units, sources), the entries' times, timing and sources add about
	// 410 more, most of it text that does not compress. Leaving defaults
	// out of the JSON would save about 75. Until that is settled the
	// test holds it to 2,400, so that it does not grow unnoticed. Both
	// open as the same model.
	for name, c := range map[string]struct {
		m      calc.Model
		budget int
	}{"realistic": {fixture.Realistic(), 2000}, "drivers": {fixture.RealisticDrivers(), 2400}} {
		link, err := calc.EncodeLink(c.m)
		require.NoError(t, err, name)
		url := "https://valuecalc.example/#" + link
		t.Logf("%s: %d characters", name, len(url))
		assert.LessOrEqual(t, len(url), c.budget, "%s: %d characters", name, len(url))
		m := c.m
		got, err := calc.DecodeLink(link)
		require.NoError(t, err, name)
		assert.Equal(t, m, got, name)
	}
	d := fixture.RealisticDrivers()
	require.Len(t, d.Drivers, 5)
	priced, timed := 0, 0
	for _, e := range d.Scenarios[1].Entries {
		if e != nil && e.Times != nil {
			priced++
		}
		if e != nil && e.Timed(d.HorizonYears) {
			timed++
		}
	}
	assert.GreaterOrEqual(t, priced, 15, "entries priced per driver")
	assert.GreaterOrEqual(t, timed, 15, "entries timed")
}

func TestLinkFromOtherPrograms(t *testing.T) {
	for _, link := range []string{pythonLink, pythonLinkV1} {
		m, err := calc.DecodeLink(link)
		require.NoError(t, err, link)
		assert.Equal(t, "From Python", m.Title)
		assert.Equal(t, 3000.0, calc.Evaluate(m).Scenarios[0].Net)

		// The same written with padding, the standard alphabet, or with a +
		// that URL decoding turned into a space.
		param, payload, _ := strings.Cut(link, "=")
		std := base64.StdEncoding.EncodeToString(mustRawURL(t, payload))
		require.True(t, strings.ContainsAny(std, "+/="), "the test needs a payload with + / or =")
		for name, p := range map[string]string{
			"padded":   base64.URLEncoding.EncodeToString(mustRawURL(t, payload)),
			"standard": std,
			"spaces":   strings.ReplaceAll(std, "+", " "),
			"wrapped":  payload[:40] + "\n" + payload[40:],
		} {
			got, err := calc.DecodeLink(param + "=" + p)
			require.NoError(t, err, name)
			assert.Equal(t, m, got, name)
		}
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
	raw := mustRawURL(t, strings.TrimPrefix(valid, "m="))
	flip := func(i int) string {
		b := bytes.Clone(raw)
		b[(i+len(b))%len(b)] ^= 0x01
		return "m=" + base64.RawURLEncoding.EncodeToString(b)
	}
	for _, tc := range []struct {
		name string
		link string
		is   error
		msg  string
	}{
		{"empty", "", calc.ErrLink, "the link holds no model"},
		{"payload only, no parameter", strings.TrimPrefix(valid, "m="), calc.ErrLink, "no #m= in it"},
		{"not base64", "m=!!!***", calc.ErrLink, `it holds "!!!***", which has no place in a valuecalc link`},
		{"percent escapes", "m=%3Cscript%3E", calc.ErrLink, "no place in a valuecalc link"},
		{"truncated", valid[:len(valid)/2], calc.ErrLinkDamaged, "it is damaged"},
		{"one char", valid[:3], calc.ErrLinkDamaged, "it is damaged"},
		{"checksum broken", flip(-1), calc.ErrLinkDamaged, "it is damaged"},
		{"data changed", flip(len(raw) / 2), calc.ErrLinkDamaged, "it is damaged"},
		{"header changed", flip(0), calc.ErrLinkDamaged, "it is damaged"},
		{"raw DEFLATE under m=", "m=" + deflate(t, []byte(`{"format":"valuecalc/2"}`)), calc.ErrLinkDamaged, "it is damaged"},
		{"too long", "m=" + strings.Repeat("A", calc.MaxLinkLen+1), calc.ErrLink, "too long"},
		{"v1 truncated", pythonLinkV1[:len(pythonLinkV1)/2], calc.ErrLink, "damaged or cut short"},
		{"not json", zlibLink(t, []byte("hello")), calc.ErrSyntax, "invalid JSON"},
		{"invalid model", zlibLink(t, []byte(`{"format":"valuecalc/2","items":[{"id":"a","name":"","side":"cost","type":"risk","weight":-1}]}`)),
			calc.ErrOutOfRange, "items[0].weight: must be between 0 and 1000, got -1"},
		{"v1 invalid model", "model=" + deflate(t, []byte(`{"format":"valuecalc/1","items":[{"id":"a","name":"","side":"cost","type":"risk","weight":-1}]}`)),
			calc.ErrOutOfRange, "items[0].weight: must be between 0 and 1000, got -1"},
		{"bomb", zlibLink(t, bytes.Repeat([]byte(" "), calc.MaxInputSize+10)), calc.ErrTooLarge, "larger than 5 MB"},
		{"v1 bomb", "model=" + deflate(t, bytes.Repeat([]byte(" "), calc.MaxInputSize+10)), calc.ErrTooLarge, "larger than 5 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := calc.DecodeLink(tc.link)
			require.Error(t, err)
			assert.Equal(t, calc.Model{}, m)
			assert.ErrorIs(t, err, tc.is)
			assert.Contains(t, err.Error(), tc.msg)
			if errors.Is(err, calc.ErrLinkDamaged) {
				assert.ErrorIs(t, err, calc.ErrLink, "a damaged link is a broken link")
			}
		})
	}
}

// TestLinkDamageIsCaught flips every bit of a link's data in turn: each
// is refused as damaged, never opened as another model. (A flip in the
// unused bits that pad DEFLATE's last byte changes no data: that link
// still opens the same model.)
func TestLinkDamageIsCaught(t *testing.T) {
	m, err := calc.Decode([]byte(`{"format": "valuecalc/2", "title": "T", "items": [{"id": "a", "name": "A", "side": "benefit", "type": "social"}],
		"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 3}}}]}`))
	require.NoError(t, err)
	link, err := calc.EncodeLink(m)
	require.NoError(t, err)
	raw := mustRawURL(t, strings.TrimPrefix(link, "m="))
	for i := range raw {
		for bit := range 8 {
			b := bytes.Clone(raw)
			b[i] ^= 1 << bit
			got, err := calc.DecodeLink("m=" + base64.RawURLEncoding.EncodeToString(b))
			if err == nil {
				require.Equal(t, m, got, "byte %d bit %d: opened as another model", i, bit)
				continue
			}
			if !errors.Is(err, calc.ErrLinkDamaged) {
				t.Fatalf("byte %d bit %d: %v, not ErrLinkDamaged", i, bit, err)
			}
		}
	}
}

// FuzzDecodeLink: no fragment panics DecodeLink, and what it accepts
// survives EncodeLink → DecodeLink unchanged.
func FuzzDecodeLink(f *testing.F) {
	f.Add(pythonLink)
	f.Add(pythonLinkV1)
	f.Add(pythonLink[:len(pythonLink)/2])
	f.Add("")
	f.Add("m=====")
	f.Add("#model=%3Cscript%3E")
	for _, s := range hostile {
		f.Add("model=" + deflate(f, []byte(s)))
		f.Add(zlibLink(f, []byte(s)))
	}
	f.Fuzz(func(t *testing.T, fragment string) {
		m, err := calc.DecodeLink(fragment)
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
