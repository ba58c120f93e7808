package calc_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// vectorFiles returns the paths of the test vectors of SPEC §3–4.
func vectorFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no test vectors in testdata/vectors")
	return files
}

// vector is one test vector file. Analysis is absent from the files of
// version 1.
type vector struct {
	Model    json.RawMessage `json:"model"`
	Result   json.RawMessage `json:"result"`
	Analysis json.RawMessage `json:"analysis"`
}

func readVector(t testing.TB, path string) vector {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var v vector
	require.NoError(t, json.Unmarshal(data, &v))
	require.NotEmpty(t, v.Model)
	require.NotEmpty(t, v.Result)
	return v
}

func TestVectors(t *testing.T) {
	for _, path := range vectorFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			v := readVector(t, path)
			m, err := calc.Decode(v.Model)
			require.NoError(t, err)
			got, err := json.Marshal(calc.EvaluateWithRanges(m))
			require.NoError(t, err)
			assertSameJSON(t, decodeJSON(t, v.Result), decodeJSON(t, got), "result")
			if len(v.Analysis) == 0 {
				return
			}
			a, err := calc.Analyze(m)
			require.NoError(t, err)
			got, err = json.Marshal(a)
			require.NoError(t, err)
			assertSameJSON(t, decodeJSON(t, v.Analysis), decodeJSON(t, got), "analysis")
		})
	}
}

// TestVectorsCover makes sure the vectors of version 2 are there and
// checked for their analysis, not only their result.
func TestVectorsCover(t *testing.T) {
	analyses := 0
	for _, path := range vectorFiles(t) {
		if len(readVector(t, path).Analysis) > 0 {
			analyses++
		}
	}
	assert.GreaterOrEqual(t, analyses, 4, "analysis-money, analysis-score, payback-costs-only, ranges-monte-carlo")
	// Version 3's vectors are there, with their cash flow and driver rows.
	for _, name := range []string{"drivers-and-timing", "payback-phased", "ranges-drivers"} {
		v := readVector(t, filepath.Join("testdata", "vectors", name+".json"))
		assert.Contains(t, string(v.Model), `"valuecalc/3"`, name)
		assert.Contains(t, string(v.Result), `"cashflow"`, name)
		assert.Contains(t, string(v.Analysis), `"drivers"`, name)
	}
}

// decodeJSON decodes data into plain values, numbers as float64.
func decodeJSON(t testing.TB, data []byte) any {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	require.NoError(t, dec.Decode(&v))
	return v
}

// assertSameJSON asserts that got has the keys, nulls and strings of want,
// and its numbers within a relative tolerance of 1e-9 (absolute for 0).
func assertSameJSON(t reporter, want, got any, path string) {
	t.Helper()
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !assert.Truef(t, ok, "%s: want an object, got %#v", path, got) {
			return
		}
		assert.Equalf(t, sortedKeys(w), sortedKeys(g), "%s: keys", path)
		for k, wv := range w {
			if gv, ok := g[k]; ok {
				assertSameJSON(t, wv, gv, path+"."+k)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !assert.Truef(t, ok, "%s: want an array, got %#v", path, got) ||
			!assert.Lenf(t, g, len(w), "%s: length", path) {
			return
		}
		for i := range w {
			assertSameJSON(t, w[i], g[i], fmt.Sprintf("%s[%d]", path, i))
		}
	case float64:
		g, ok := got.(float64)
		if !assert.Truef(t, ok, "%s: want a number, got %#v", path, got) {
			return
		}
		assert.Truef(t, closeEnough(w, g), "%s: want %v, got %v", path, w, g)
	default: // nil, bool, string
		assert.Equalf(t, want, got, "%s", path)
	}
}

// reporter is what assertSameJSON reports to: a *testing.T, or a
// recorder in the test of the comparison itself.
type reporter interface {
	assert.TestingT
	Helper()
}

// recorder is a reporter that remembers whether anything failed.
type recorder struct{ failed bool }

func (r *recorder) Errorf(string, ...any) { r.failed = true }

func (r *recorder) Helper() {}

// closeEnough reports whether got is within a relative 1e-9 of want, or
// an absolute 1e-9 when want is 0.
func closeEnough(want, got float64) bool {
	if want == 0 {
		return math.Abs(got) <= 1e-9
	}
	return math.Abs(got-want) <= 1e-9*math.Abs(want)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestVectorComparison makes sure the comparison above can fail.
func TestVectorComparison(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
	}{
		{"number off", `{"a": 1.5}`, `{"a": 1.5000001}`},
		{"zero off", `{"a": 0}`, `{"a": 0.001}`},
		{"null for number", `{"a": null}`, `{"a": 0}`},
		{"absent for null", `{"a": null}`, `{}`},
		{"extra key", `{}`, `{"roi": null}`},
		{"string", `{"a": "x"}`, `{"a": "y"}`},
		{"array length", `[1, 2]`, `[1]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r recorder
			assertSameJSON(&r, decodeJSON(t, []byte(tt.want)), decodeJSON(t, []byte(tt.got)), "x")
			assert.True(t, r.failed)
		})
	}
	var r recorder
	assertSameJSON(&r, decodeJSON(t, []byte(`{"a": [1, null, "s"]}`)),
		decodeJSON(t, []byte(`{"a": [1.0000000000001, null, "s"]}`)), "x")
	assert.False(t, r.failed)
}
