package state

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

func TestParseEmbedding(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  Embed
	}{
		{"", Embed{}},
		{"template=segments", Embed{}},
		{"embed=0", Embed{}},
		{"embed=1", Embed{On: true, Target: "*"}},
		{"embed=1&origin=https%3A%2F%2Fshop.example", Embed{On: true, Origin: "https://shop.example", Target: "https://shop.example"}},
		{"embed=1&origin=http://127.0.0.1:8001/", Embed{On: true, Origin: "http://127.0.0.1:8001", Target: "http://127.0.0.1:8001"}},
		// An origin that is no Origin: send nothing, take nothing.
		{"embed=1&origin=*", Embed{On: true}},
		{"embed=1&origin=", Embed{On: true}},
		{"embed=1&origin=javascript:alert(1)", Embed{On: true}},
		{"embed=1&origin=https://shop.example/path", Embed{On: true}},
		{"embed=1&origin=https://user@shop.example", Embed{On: true}},
		{"embed=1&origin=%zz", Embed{}},
	} {
		assert.Equal(t, tc.want, parseEmbedding(tc.query), tc.query)
	}
}

func TestLoadMessage(t *testing.T) {
	tpl, _ := examples.Get("segments")
	msg, _ := json.Marshal(map[string]any{"type": "valuecalc:load", "model": json.RawMessage(tpl.Data)})
	model, ok := loadMessage(msg)
	require.True(t, ok)
	m, err := calc.Decode(model)
	require.NoError(t, err)
	assert.Equal(t, "Segment comparison: SMB vs Enterprise", m.Title)

	for _, bad := range []string{
		``, `null`, `[]`, `"valuecalc:load"`, `{"type":"valuecalc:result","model":{}}`,
		`{"type":"valuecalc:load"}`, `{"type":"valuecalc:load","model":null}`, `{"type":1}`,
	} {
		m, ok := loadMessage([]byte(bad))
		if ok {
			// Only a present model passes; Decode then judges it.
			_, err := calc.Decode(m)
			assert.Error(t, err, bad)
		}
	}
}

func TestResultMessage(t *testing.T) {
	tpl, _ := examples.Get("software-purchase")
	m, err := calc.Decode(tpl.Data)
	require.NoError(t, err)
	data, err := resultMessage(msgResult, calc.Evaluate(m), m, "https://calc.example/")
	require.NoError(t, err)
	var msg struct {
		Type   string         `json:"type"`
		Result map[string]any `json:"result"`
	}
	require.NoError(t, json.Unmarshal(data, &msg))
	assert.Equal(t, "valuecalc:result", msg.Type)
	assert.Equal(t, "with-us", msg.Result["best"])
	assert.Equal(t, "USD", msg.Result["currency"])
}

// FuzzLoadMessage: no host message panics the embed's decoding, and what
// passes is a model calc accepts or a list of problems.
func FuzzLoadMessage(f *testing.F) {
	tpl, _ := examples.Get("segments")
	f.Add([]byte(`{"type":"valuecalc:load","model":` + string(tpl.Data) + `}`))
	f.Add([]byte(`{"type":"valuecalc:load","model":{"format":"valuecalc/1","title":"<img src=x onerror=alert(1)>"}}`))
	f.Add([]byte(`{"type":"valuecalc:load","model":{"format":"valuecalc/1","hourlyRate":1e309}}`))
	f.Add([]byte(`{"type":"valuecalc:load","model":[[[[[[[[[[]]]]]]]]]]}`))
	f.Add([]byte(`{"type":"valuecalc:load","type":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		model, ok := loadMessage(data)
		if !ok {
			return
		}
		m, err := calc.Decode(model)
		if err == nil {
			require.NoError(t, calc.Validate(m))
		}
	})
}
