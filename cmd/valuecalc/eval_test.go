//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valuecalc/valuecalc/calc"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// evalRun runs `valuecalc eval args...` with stdin and returns its exit
// status, standard output and standard error.
func evalRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(append([]string{"eval"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// evalJSON runs `valuecalc eval --json file` and decodes the result.
func evalJSON(t *testing.T, file string) map[string]any {
	t.Helper()
	code, out, errOut := evalRun(t, "", "--json", file)
	require.Equal(t, 0, code, errOut)
	require.Empty(t, errOut)
	var res map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	return res
}

// scenario returns the result of scenario id from a decoded result object.
func scenario(t *testing.T, res map[string]any, id string) map[string]any {
	t.Helper()
	for _, s := range res["scenarios"].([]any) {
		if s := s.(map[string]any); s["id"] == id {
			return s
		}
	}
	t.Fatalf("no scenario %q in %v", id, res)
	return nil
}

// TestEvalVectors checks that `eval --json` prints exactly the expected
// result object of every test vector, to a relative 1e-9.
func TestEvalVectors(t *testing.T) {
	files, err := filepath.Glob("../../calc/testdata/vectors/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var v struct {
				Model  json.RawMessage `json:"model"`
				Result any             `json:"result"`
			}
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(data, &v))
			file := filepath.Join(t.TempDir(), "model.json")
			require.NoError(t, os.WriteFile(file, v.Model, 0o644))
			sameJSON(t, v.Result, any(evalJSON(t, file)), "result")
		})
	}
}

// sameJSON compares decoded JSON values, numbers to a relative 1e-9.
func sameJSON(t *testing.T, want, got any, path string) {
	t.Helper()
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		require.True(t, ok, "%s: want an object, got %v", path, got)
		keys := func(m map[string]any) []string {
			var ks []string
			for k := range m {
				ks = append(ks, k)
			}
			return ks
		}
		assert.ElementsMatch(t, keys(w), keys(g), "%s: keys", path)
		for k := range w {
			if _, ok := g[k]; ok {
				sameJSON(t, w[k], g[k], path+"."+k)
			}
		}
	case []any:
		g, ok := got.([]any)
		require.True(t, ok, "%s: want an array, got %v", path, got)
		require.Len(t, g, len(w), path)
		for i := range w {
			sameJSON(t, w[i], g[i], fmt.Sprintf("%s[%d]", path, i))
		}
	case float64:
		g, ok := got.(float64)
		require.True(t, ok, "%s: want a number, got %v", path, got)
		assert.InDelta(t, w, g, 1e-9*math.Max(1, math.Abs(w)), path)
	default:
		assert.Equal(t, want, got, path)
	}
}

// TestEvalExamples checks the shipped examples against figures worked out
// by hand from SPEC §3.
func TestEvalExamples(t *testing.T) {
	t.Run("software-purchase", func(t *testing.T) {
		// 3 years at 8 %: a yearly amount is worth a × (1/1.08 + 1/1.08² + 1/1.08³).
		a := 1/1.08 + 1/(1.08*1.08) + 1/(1.08*1.08*1.08)
		res := evalJSON(t, "../../examples/software-purchase.json")
		assert.Equal(t, "USD", res["currency"])
		assert.Equal(t, "with-us", res["best"])

		quo := scenario(t, res, "status-quo")
		assert.InDelta(t, 18000*a, quo["costs"], 1e-6) // maintenance, $18,000 a year
		assert.InDelta(t, -18000*a, quo["net"], 1e-6)
		assert.EqualValues(t, 0, quo["benefits"])
		assert.EqualValues(t, 0, quo["ratio"])
		assert.EqualValues(t, -1, quo["roi"])
		assert.EqualValues(t, 6, quo["unscored"])

		us := scenario(t, res, "with-us")
		// 60 hours a month at $60, and $1,500 a month of outages at weight 0.8.
		benefits := 12*60*60*a + 12*0.8*1500*a
		// $12,000 + $2,400 a year; $8,000 + $3,000 once; 80 hours once at $60.
		costs := 14400*a + 8000 + 3000 + 80*60
		assert.InDelta(t, benefits, us["benefits"], 1e-6)
		assert.InDelta(t, costs, us["costs"], 1e-6)
		assert.InDelta(t, benefits-costs, us["net"], 1e-6)
		assert.InDelta(t, 95530.59, us["net"], 0.01)
		assert.InDelta(t, benefits/costs, us["ratio"], 1e-9)
		assert.InDelta(t, (benefits-costs)/costs, us["roi"], 1e-9)
		// Undiscounted: −$15,800 up front, then +$3,600 a month net.
		assert.InDelta(t, 15800.0/3600, us["paybackMonths"], 1e-9)
		assert.InDelta(t, 14400*a+8000+3000, scenario(t, res, "with-us")["costsByType"].(map[string]any)["financial"], 1e-6)
	})
	t.Run("customer-value", func(t *testing.T) {
		res := evalJSON(t, "../../examples/customer-value.json")
		assert.Equal(t, "score", res["mode"])
		assert.NotContains(t, res, "currency")
		assert.Equal(t, "with-us", res["best"])
		quo, us := scenario(t, res, "status-quo"), scenario(t, res, "with-us")
		assert.EqualValues(t, 2, quo["net"])
		assert.EqualValues(t, 25, us["net"])
		assert.EqualValues(t, 47, us["benefits"])
		assert.EqualValues(t, 22, us["costs"])
		assert.NotContains(t, us, "roi")
		assert.NotContains(t, us, "paybackMonths")
	})
	t.Run("segments", func(t *testing.T) {
		res := evalJSON(t, "../../examples/segments.json")
		assert.Equal(t, "enterprise", res["best"])
		assert.EqualValues(t, 32, scenario(t, res, "smb")["net"])
		assert.EqualValues(t, 44, scenario(t, res, "enterprise")["net"])
	})
}

func TestEvalTable(t *testing.T) {
	code, out, errOut := evalRun(t, "", "../../examples/software-purchase.json")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Helpdesk software: 3-year business case\n")
	assert.Contains(t, out, "money in USD over 3 years, discounted at 8% a year, time at $60 an hour\n")
	assert.Contains(t, out, "\nStatus quo (baseline)\n")
	assert.Contains(t, out, "\nWith us  * best\n")
	assert.Contains(t, out, "  Net value              $95,531\n")
	assert.Contains(t, out, "  ROI                     180.6%\n")
	assert.Contains(t, out, "  Payback             4.4 months\n")
	assert.Contains(t, out, "  Net vs Status quo    +$141,918\n")

	// Within a scenario's table every line has the same width: labels
	// left, figures right-aligned.
	for _, block := range strings.Split(out, "\n\n")[1:] {
		lines := strings.Split(strings.TrimSpace(block), "\n")[1:]
		require.NotEmpty(t, lines)
		width := len([]rune(lines[0]))
		for _, l := range lines {
			assert.Len(t, []rune(l), width, "%q", l)
		}
	}
}

// TestEvalCents: money shows cents everywhere once one amount the user
// gave has cents, as in the app (calc.Model.MoneyDecimals); the table
// above, of whole amounts, shows none.
func TestEvalCents(t *testing.T) {
	model := `{"format": "valuecalc/1", "mode": "money", "currency": "EUR", "hourlyRate": 50,
		"items": [{"id": "a", "name": "Gain", "side": "benefit", "type": "monetary"},
		          {"id": "b", "name": "Fee", "side": "cost", "type": "financial"}],
		"scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 1500.5}, "b": {"amount": 200}}}]}`
	code, out, errOut := evalRun(t, model, "-")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "time at €50.00 an hour\n")
	assert.Contains(t, out, "  Net value             €1,300.50\n")
	assert.Contains(t, out, "    functional              €0.00\n")
}

func TestEvalPaybackTexts(t *testing.T) {
	file, _, _ := vectorModel(t, "../../calc/testdata/vectors/payback-never-and-zero-costs.json")
	code, out, errOut := evalRun(t, "", file)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "n/a (no costs)\n")
	assert.Contains(t, out, "Payback")

	file, _, _ = vectorModel(t, "../../calc/testdata/vectors/payback-costs-only.json")
	code, out, errOut = evalRun(t, "", file)
	require.Equal(t, 0, code, errOut)
	for _, want := range []string{"\nStatus quo (baseline)\n", "never\n", "immediately\n"} {
		assert.Contains(t, out, want)
	}
}

func TestEvalStdin(t *testing.T) {
	data, err := os.ReadFile("../../examples/segments.json")
	require.NoError(t, err)
	code, out, errOut := evalRun(t, string(data), "-json", "-")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"best": "enterprise"`)

	code, out, _ = evalRun(t, string(data), "-")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "scores from 1 to 10, weighted")
	assert.Contains(t, out, "Net vs SMB")
}

func TestEvalInvalid(t *testing.T) {
	bad := `{"format":"valuecalc/1","mode":"score","colour":"red",
	  "items":[{"id":"a","name":"","side":"benefit","type":"risk","weight":-1}],
	  "scenarios":[{"id":"s","name":"S","entries":{"a":{"score":9},"zz":{"score":1}}}]}`
	file := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(file, []byte(bad), 0o644))

	code, out, errOut := evalRun(t, "", file)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	for _, want := range []string{
		"colour", "items[0].name", "items[0].type", "items[0].weight: must be between 0 and 1000, got -1",
		"scenarios[0].entries.a.score", "scenarios[0].entries.zz",
	} {
		assert.Contains(t, errOut, want)
	}
	assert.GreaterOrEqual(t, len(lines), 6, errOut)
	for _, l := range lines {
		assert.True(t, strings.HasPrefix(l, file+": "), "%q names the file", l)
	}

	// The same from standard input, and with --json: still problems, no result.
	code, out, errOut = evalRun(t, bad, "--json", "-")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "<stdin>: items[0].weight: must be between 0 and 1000, got -1")
}

func TestEvalBrokenInput(t *testing.T) {
	for name, input := range map[string]string{
		"empty":      "",
		"not json":   "hello",
		"truncated":  `{"format":"valuecalc/1","items":[`,
		"array":      `[1,2,3]`,
		"nan":        `{"format":"valuecalc/1","hourlyRate":NaN}`,
		"huge":       `{"title":"` + strings.Repeat("x", 6<<20) + `"}`,
		"bad utf8":   "{\"title\":\"\xff\"}",
		"deep":       strings.Repeat("[", 100000),
		"big number": `{"format":"valuecalc/1","hourlyRate":1e999}`,
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := evalRun(t, input, "-")
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.True(t, strings.HasPrefix(errOut, "<stdin>: "), errOut)
			assert.Less(t, len(errOut), 4000, "a short message, not the input echoed back")
		})
	}
}

func TestEvalUsage(t *testing.T) {
	code, _, errOut := evalRun(t, "")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "usage: valuecalc eval [--json] FILE|-")

	code, _, _ = evalRun(t, "", "--bogus", "x.json")
	assert.Equal(t, 2, code)

	code, _, _ = evalRun(t, "", "a.json", "b.json")
	assert.Equal(t, 2, code)

	code, out, errOut := evalRun(t, "", filepath.Join(t.TempDir(), "missing.json"))
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "missing.json")
	assert.Contains(t, errOut, "no such file")
}

// analyzeRun runs `valuecalc analyze args...` with stdin.
func analyzeRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(append([]string{"analyze"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// vectorModel writes the model of a test vector to a file and returns its
// path, the vector's result and its analysis (nil without one).
func vectorModel(t *testing.T, path string) (string, any, any) {
	t.Helper()
	var v struct {
		Model    json.RawMessage `json:"model"`
		Result   any             `json:"result"`
		Analysis any             `json:"analysis"`
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &v))
	file := filepath.Join(t.TempDir(), "model.json")
	require.NoError(t, os.WriteFile(file, v.Model, 0o644))
	return file, v.Result, v.Analysis
}

// TestAnalyzeVectors checks that `analyze --json` prints the expected
// analysis of every test vector that has one, to a relative 1e-9.
func TestAnalyzeVectors(t *testing.T) {
	files, err := filepath.Glob("../../calc/testdata/vectors/*.json")
	require.NoError(t, err)
	checked := 0
	for _, path := range files {
		file, _, want := vectorModel(t, path)
		if want == nil {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			code, out, errOut := analyzeRun(t, "", "--json", file)
			require.Equal(t, 0, code, errOut)
			var got any
			require.NoError(t, json.Unmarshal([]byte(out), &got), out)
			sameJSON(t, want, got, "analysis")
		})
		checked++
	}
	assert.GreaterOrEqual(t, checked, 4, "the vectors of version 2 have analyses")
}

func TestAnalyzeReport(t *testing.T) {
	vector := func(name string) string {
		file, _, _ := vectorModel(t, "../../calc/testdata/vectors/"+name+".json")
		return file
	}
	tests := []struct {
		name string
		file string
		want []string
		not  []string
	}{
		{
			name: "money: clear verdict, tornado, units, weight ties",
			file: vector("analysis-money"),
			want: []string{
				"With us wins by $43,771 over Competitor; no single figure off by 20 % changes that.\n",
				"What moves the net most (each figure 20 % lower and higher):",
				"  With us (net $104,716)\n    Agent hours saved  ####################|###################  $82,450 … $126,982\n",
				"    Agent hours saved: 60 h now; breaks even at 3.57 h; ties with Competitor at 36.41 h\n",
				"    Subscription: $12,000 now; breaks even at $52,633; ties with Competitor at $28,985\n",
				"    Fewer outages: $1,500 now; no break-even or tie within its bounds\n",
				"Weight ties (the item weight at which Competitor draws level with With us):\n",
				"  Agent hours saved: weight 1 now; level at 0.61\n",
				"  Fewer outages: weight 0.8 now; level never, within 0–1000\n",
			},
			not: []string{"Ranges"},
		},
		{
			name: "score: fragile verdict, ±1 swings, flips",
			file: vector("analysis-score"),
			want: []string{
				"Enterprise wins by 0.5 over SMB, but the winner is fragile: 8 figures within their swing would change it.\n",
				"What moves the net most (each score 1 lower and higher):",
				"    Product quality: 4 now; ties with Enterprise at 4.17 (within its swing: this figure can change the winner)\n",
				"  Peace of mind: weight 2 now; level at 2.17\n",
			},
		},
		{
			name: "ranges: percentiles and chances",
			file: vector("ranges-monte-carlo"),
			want: []string{
				"Ranges (10,000 samples of the entries' ranges; net at the 10th, 50th and 90th percentiles):\n",
				"p10 -$3,805   p50 $14,378   p90 $30,950   chance best 74.8 %   chance net > 0 83.9 %\n",
				"chance best 25.3 %   chance net > 0 95 %\n",
			},
		},
		{
			name: "one scenario: no ties, no weight ties",
			file: "../../examples/customer-value.json",
			want: []string{"scores from 1 to 5"},
		},
		{
			name: "ties: equal nets",
			file: vector("ties-and-zero-weights"),
			want: []string{" tie: the same net, "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := analyzeRun(t, "", tt.file)
			require.Equal(t, 0, code, errOut)
			require.Empty(t, errOut)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			for _, n := range tt.not {
				assert.NotContains(t, out, n)
			}
		})
	}
}

// TestAnalyzeTornado: at most ten bars per scenario, the widest first.
func TestAnalyzeTornado(t *testing.T) {
	items := make([]string, 12)
	entries := make([]string, 12)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id": "i%d", "name": "Item %02d", "side": "benefit", "type": "monetary"}`, i, i)
		entries[i] = fmt.Sprintf(`"i%d": {"amount": %d}`, i, 100*(i+1))
	}
	model := `{"format": "valuecalc/2", "mode": "money", "items": [` + strings.Join(items, ",") +
		`], "scenarios": [{"id": "s", "name": "S", "entries": {` + strings.Join(entries, ",") + `}}]}`
	code, out, errOut := analyzeRun(t, model, "-")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "One scenario, S: net $7,800.\n")
	section := out[strings.Index(out, "  S (net"):strings.Index(out, "Break-evens")]
	var bars []string
	for _, l := range strings.Split(section, "\n") {
		if strings.Contains(l, "Item ") {
			bars = append(bars, strings.Fields(l)[1])
		}
	}
	assert.Equal(t, []string{"11", "10", "09", "08", "07", "06", "05", "04", "03", "02"}, bars, section)
	assert.NotContains(t, out, "Weight ties")
}

func TestAnalyzeInvalid(t *testing.T) {
	bad := `{"format":"valuecalc/2","mode":"score","colour":"red",
	  "items":[{"id":"a","name":"","side":"benefit","type":"risk","weight":-1}],
	  "scenarios":[{"id":"s","name":"S","entries":{"a":{"score":3,"low":4,"high":5}}}]}`
	for _, args := range [][]string{{"-"}, {"--json", "-"}} {
		code, out, errOut := analyzeRun(t, bad, args...)
		assert.Equal(t, 1, code)
		assert.Empty(t, out)
		for _, want := range []string{
			"<stdin>: colour: unknown field", "<stdin>: items[0].name", "<stdin>: items[0].type",
			"<stdin>: items[0].weight: must be between 0 and 1000, got -1",
			"<stdin>: scenarios[0].entries.a.low: must be at most the value 3, got 4",
		} {
			assert.Contains(t, errOut, want)
		}
	}
	code, _, errOut := analyzeRun(t, "")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "usage: valuecalc analyze [--json] FILE|-")
	code, _, errOut = analyzeRun(t, "", filepath.Join(t.TempDir(), "missing.json"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no such file")
}

// TestFlagsAfterTheFile: flags may follow the file, as in most commands.
func TestFlagsAfterTheFile(t *testing.T) {
	for _, run := range []func(*testing.T, string, ...string) (int, string, string){evalRun, analyzeRun} {
		code, out, errOut := run(t, "", "../../examples/software-purchase.json", "--json")
		require.Equal(t, 0, code, errOut)
		var v map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &v), out)

		code, out, errOut = run(t, "", "../../examples/software-purchase.json", "-json=false")
		require.Equal(t, 0, code, errOut)
		assert.True(t, strings.HasPrefix(out, "Helpdesk software"), out)
	}
	// Standard input, then the flag.
	data, err := os.ReadFile("../../examples/segments.json")
	require.NoError(t, err)
	code, out, errOut := evalRun(t, string(data), "-", "--json")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"best": "enterprise"`)

	// After "--" a name that looks like a flag is a file's.
	code, _, errOut = evalRun(t, "", "--", "--json")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "open --json: no such file")
	// Still one file only, and unknown flags anywhere are bad usage.
	code, _, errOut = evalRun(t, "", "a.json", "--json", "b.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "usage: valuecalc eval [--json] FILE|-")
	code, _, _ = evalRun(t, "", "../../examples/software-purchase.json", "--bogus")
	assert.Equal(t, 2, code)
}

// TestEvalRealSize: an oversized file's message gives its size, not the
// size of the part read.
func TestEvalRealSize(t *testing.T) {
	big := `{"format":"valuecalc/2","title":"` + strings.Repeat("x", 12<<20) + `"}`
	file := filepath.Join(t.TempDir(), "big.json")
	require.NoError(t, os.WriteFile(file, []byte(big), 0o644))
	want := fmt.Sprintf("(root): must be at most 5242880 bytes (5 MB), got %d bytes\n", len(big))

	code, out, errOut := evalRun(t, "", file)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, file+": "+want, errOut)

	code, _, errOut = analyzeRun(t, big, "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, "<stdin>: "+want, errOut, "a stream is counted")

	// One byte over.
	over := big[:calc.MaxInputSize+1]
	code, _, errOut = evalRun(t, over, "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, "<stdin>: (root): must be at most 5242880 bytes (5 MB), got 5242881 bytes\n", errOut)
}

// hostileText is a title that retitles a terminal window, an item name
// that clears the screen and a scenario name turned around.
const (
	retitle  = "\x1b]0;pwned\x07"
	clear    = "Speed\x1b[2J\x1b[H"
	reversed = "invoice\u202etxt.exe"
)

// TestControlCharactersRefused: a file holding them is refused, and the
// messages quote them escaped.
func TestControlCharactersRefused(t *testing.T) {
	file := filepath.Join(t.TempDir(), "pwned.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"format":"valuecalc/2","title":"\u001b]0;pwned\u0007",`+
		`"items":[{"id":"a","name":"Speed\u001b[2J\u001b[H","side":"benefit","type":"functional"}],`+
		`"scenarios":[{"id":"s","name":"invoice\u202etxt.exe"}]}`), 0o644))
	for _, run := range []func(*testing.T, string, ...string) (int, string, string){evalRun, analyzeRun} {
		code, out, errOut := run(t, "", file)
		assert.Equal(t, 1, code)
		assert.Empty(t, out)
		assert.Equal(t, file+`: title: must not hold control characters, got "\x1b]0;pwned\a"`+"\n"+
			file+`: items[0].name: must not hold control characters, got "Speed\x1b[2J\x1b[H"`+"\n"+
			file+`: scenarios[0].name: must not hold control characters, got "invoice\u202etxt.exe"`+"\n", errOut)
	}
	// Raw bytes, not JSON escapes: not even JSON, and the message says
	// the character escaped.
	code, _, errOut := evalRun(t, `{"format":"valuecalc/2","title":"`+retitle+`"}`, "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `invalid character '\x1b' in string literal`)
	assert.False(t, hasControl(errOut), "%q", errOut)
}

// TestControlCharactersEscaped: a model that holds them anyway (written
// before calc refused them) is reported with them escaped, and so is a
// file's name.
func TestControlCharactersEscaped(t *testing.T) {
	m, err := calc.Decode([]byte(`{"format":"valuecalc/2","mode":"money",` +
		`"items":[{"id":"a","name":"Speed","side":"benefit","type":"monetary"},{"id":"c","name":"Fee","side":"cost","type":"financial"}],` +
		`"scenarios":[{"id":"s","name":"Now","entries":{"a":{"amount":100,"low":50,"high":150},"c":{"amount":40}}},` +
		`{"id":"t","name":"Then","entries":{"a":{"amount":200},"c":{"amount":90}}}]}`))
	require.NoError(t, err)
	a, err := calc.Analyze(m) // which checks the model: names come after
	require.NoError(t, err)
	m.Title, m.Items[0].Name, m.Scenarios[1].Name = retitle, clear, reversed

	var table, report bytes.Buffer
	writeTable(&table, m, calc.EvaluateWithRanges(m))
	writeAnalysis(&report, m, calc.Evaluate(m), a)
	for _, out := range []string{table.String(), report.String()} {
		assert.False(t, hasControl(out), "%q", out)
		assert.True(t, strings.HasPrefix(out, `\x1b]0;pwned\a`+"\n"), "%q", out)
		assert.Contains(t, out, `invoice\u202etxt.exe`)
	}
	assert.Contains(t, report.String(), `Speed\x1b[2J\x1b[H`)
	assert.Equal(t, retitle, m.Title, "the caller's model is not changed")
	assert.Equal(t, clear, m.Items[0].Name)

	// A file's name from a glob over downloaded files.
	dir := t.TempDir()
	name := filepath.Join(dir, "a\x1b[2J.json")
	require.NoError(t, os.WriteFile(name, []byte(`{"format":1}`), 0o644))
	code, _, errOut := evalRun(t, "", name)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `a\x1b[2J.json: format:`)
	code, _, errOut = evalRun(t, "", filepath.Join(dir, "missing\x07.json"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `missing\a.json`)
	assert.False(t, hasControl(errOut), "%q", errOut)
}

// hasControl reports a control character other than a line's end.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && calc.ControlChar(r) })
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                      "plain",
		"Café \u05e9\u200f 👩\u200d💻": "Café \u05e9\u200f 👩\u200d💻",
		"\x00\t\n\r\x1b\x7f":         `\x00\t\n\r\x1b\x7f`,
		"\u0085\u009b":               `\u0085\u009b`,
		"a\u202ab\u2066c\u2069":      `a\u202ab\u2066c\u2069`,
	} {
		assert.Equal(t, want, printable(in), "%q", in)
	}
}
