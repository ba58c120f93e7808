package calc_test

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// hostile are inputs that have broken decoders before.
var hostile = []string{
	``,
	`null`,
	`[]`,
	`{}`,
	`{"format": "valuecalc/1"}`,
	`{"format": "valuecalc/1", "hourlyRate": NaN}`,
	`{"format": "valuecalc/1", "hourlyRate": Infinity}`,
	`{"format": "valuecalc/1", "hourlyRate": 1e309}`,
	`{"format": "valuecalc/1", "hourlyRate": -0}`,
	`{"format": "valuecalc/1", "hourlyRate": 1e-400}`,
	`{"format": "valuecalc/1", "horizonYears": 1e20}`,
	`{"format": "valuecalc/1", "horizonYears": -9223372036854775809}`,
	`{"format": "valuecalc/1", "items": [{"id": "a", "name": "A", "side": "cost", "type": "risk", "weight": "1,000"}]}`,
	`{"format": "valuecalc/1", "colour": 1, "colour": 2}`,
	`{"format": "valuecalc/1", "items": [{"id": "a", "name": "A", "side": "cost", "type": "risk"}, {"id": "a", "name": "B", "side": "cost", "type": "risk"}]}`,
	`{"format": "valuecalc/1", "scenarios": [{"id": "s", "name": "S", "entries": {"x": {"score": 1}}}]}`,
	`{"format": "valuecalc/1", "title": "<script>alert(1)</script>"}`,
	`{"format": "valuecalc/1", "title": "\ud800"}`,
	`{"format": "valuecalc/1", "title": "\u0000"}`,
	"\uFEFF{\"format\": \"valuecalc/1\"}",
	"{\"format\": \"valuecalc/1\", \"title\": \"\xff\"}",
	`{"format": "valuecalc/1"} {}`,
	`{"format": "valuecalc/1", "x": "\"[[[["}`,
	strings.Repeat("[", 100),
	strings.Repeat(`{"a":`, 100),
	`{"format": "valuecalc/1", "mode": "money", "hourlyRate": 1e12, "items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary", "weight": 1000}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"hours": 1e9, "per": "month", "weight": 1000}}}]}`,
	`{"format": "valuecalc/1", "mode": "money", "items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary"}, {"id": "c", "name": "C", "side": "cost", "type": "risk"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 1e12}, "c": {"amount": 5e-324}}}]}`,
	// Version 2's fields, and their ways of going wrong.
	`{"format": "valuecalc/2", "scale": {"min": 0, "max": 10, "minLabel": "Not at all", "maxLabel": "\u00e9\ud83d\ude00"}}`,
	`{"format": "valuecalc/2", "items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 3, "low": 1, "high": 5, "ask": true}}}]}`,
	`{"format": "valuecalc/2", "mode": "money", "items": [{"id": "a", "name": "A", "side": "cost", "type": "time"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"hours": 1e9, "low": 0, "high": 1e9, "ask": false}}}]}`,
	`{"format": "valuecalc/2", "mode": "money", "items": [{"id": "a", "name": "A", "side": "cost", "type": "time"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 5, "low": 6, "high": 4}}}]}`,
	`{"format": "valuecalc/2", "mode": "money", "items": [{"id": "a", "name": "A", "side": "cost", "type": "time"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 5, "low": null, "ask": "true"}}}]}`,
	`{"format": "valuecalc/1", "scale": {"min": 1, "max": 5, "minLabel": ""}, "items": [{"id": "a", "name": "A", "side": "benefit", "type": "functional"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 3, "low": 1, "high": 5}}}]}`,
	// Version 3's fields, and their ways of going wrong.
	`{"format": "valuecalc/3", "mode": "money", "horizonYears": 30, "customer": "\u202eAcme", "summary": "a\nb\tc", "drivers": [{"id": "d", "name": "D", "value": 1e9, "low": 0, "high": 1e9, "ask": true, "source": "s"}], "items": [{"id": "a", "name": "A", "side": "benefit", "type": "monetary", "weight": 1000}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 1e12, "per": "month", "times": ["d"], "start": 1, "end": 360, "ramp": 120, "growth": 1, "weight": 1000}}}]}`,
	`{"format": "valuecalc/3", "mode": "money", "horizonYears": 1, "drivers": [{"id": "d", "name": "D", "value": 0}], "items": [{"id": "a", "name": "A", "side": "cost", "type": "risk"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"hours": 1, "per": "year", "times": ["d", "d", "e", "f"], "start": 361, "end": 1, "ramp": -1, "growth": -0.5}}}]}`,
	`{"format": "valuecalc/3", "mode": "money", "drivers": [{"id": "d", "name": "D", "value": 2}, {"id": "d", "name": "E"}], "items": [{"id": "a", "name": "A", "side": "cost", "type": "risk"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"amount": 1, "times": [], "start": 13, "end": 12, "source": 1}}}]}`,
	`{"format": "valuecalc/2", "customer": "x", "drivers": [{"id": "d"}], "items": [{"id": "a", "name": "A", "side": "cost", "type": "risk"}], "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 1, "times": "d", "start": 1.5}}}]}`,
}

func FuzzDecode(f *testing.F) {
	for _, path := range vectorFiles(f) {
		f.Add([]byte(readVector(f, path).Model))
	}
	for _, s := range hostile {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile("testdata/vectors/money-discounted.json"); err == nil {
		f.Add(b) // a whole vector file: unknown fields at the top
	}
	sentinels := []error{calc.ErrTooLarge, calc.ErrTooDeep, calc.ErrSyntax, calc.ErrUnknownField, calc.ErrWrongKind,
		calc.ErrRequired, calc.ErrOutOfRange, calc.ErrInvalid, calc.ErrDuplicate, calc.ErrUnknownItem,
		calc.ErrControl, calc.ErrUTF16, calc.ErrMore}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := calc.Decode(data)
		if err != nil {
			var problems calc.Problems
			require.ErrorAs(t, err, &problems)
			require.NotEmpty(t, problems)
			for _, p := range problems {
				require.NotEmpty(t, p.Path)
				wraps := 0
				for _, s := range sentinels {
					if errors.Is(p, s) {
						wraps++
					}
				}
				require.Equal(t, 1, wraps, "%q wraps one sentinel", p)
				// Messages quote the input: nothing in them can drive a
				// terminal or turn text around.
				require.False(t, strings.ContainsFunc(p.Error(), calc.ControlChar), "%q quotes its input", p.Error())
			}
			require.GreaterOrEqual(t, problems.Total(), len(problems))
			require.False(t, slices.ContainsFunc(problems.Listed(), func(p *calc.FieldError) bool { return errors.Is(p, calc.ErrMore) }))
			require.Equal(t, calc.Model{}, m)
			return
		}
		require.NoError(t, calc.Validate(m))
		requireText(t, m)

		enc, err := calc.Encode(m)
		require.NoError(t, err)
		m2, err := calc.Decode(enc)
		require.NoError(t, err, "decoding %s", enc)
		require.Equal(t, m, m2)
		enc2, err := calc.Encode(m2)
		require.NoError(t, err)
		require.Equal(t, string(enc), string(enc2), "Encode is a fixed point")

		res := calc.Evaluate(m)
		requireFinite(t, res)
		_, err = json.Marshal(res)
		require.NoError(t, err)
		if enc, _ := calc.Encode(m); !m.UsesV3() {
			require.Contains(t, string(enc), `"format": "valuecalc/2"`, "the lowest version that holds it")
		}
	})
}

// requireText fails unless m's text holds no control characters, but
// for tabs and line feeds in notes.
func requireText(t *testing.T, m calc.Model) {
	t.Helper()
	texts := []string{m.Title, m.Scale.MinLabel, m.Scale.MaxLabel, m.Customer,
		strings.NewReplacer("\t", "", "\n", "").Replace(m.Summary)}
	for _, d := range m.Drivers {
		texts = append(texts, d.Name, d.Unit, d.Source, strings.NewReplacer("\t", "", "\n", "").Replace(d.Note))
	}
	for _, it := range m.Items {
		texts = append(texts, it.Name, strings.NewReplacer("\t", "", "\n", "").Replace(it.Note))
	}
	for _, s := range m.Scenarios {
		texts = append(texts, s.Name)
		for _, e := range s.Entries {
			if e != nil {
				texts = append(texts, e.Source)
			}
		}
	}
	for _, s := range texts {
		require.False(t, strings.ContainsFunc(s, calc.ControlChar), "%q holds a control character", s)
	}
}

// requireFinite fails unless every number of res is finite.
func requireFinite(t *testing.T, res calc.Result) {
	t.Helper()
	finite := func(name string, v float64) {
		t.Helper()
		require.False(t, math.IsNaN(v) || math.IsInf(v, 0), "%s is %v", name, v)
	}
	for _, s := range res.Scenarios {
		finite("benefits", s.Benefits)
		finite("costs", s.Costs)
		finite("net", s.Net)
		for name, p := range map[string]*float64{"ratio": s.Ratio, "roi": s.ROI, "paybackMonths": s.PaybackMonths} {
			if p != nil {
				finite(name, *p)
			}
		}
		for _, ts := range append(s.BenefitsByType, s.CostsByType...) {
			finite(string(ts.Type), ts.Value)
		}
		for _, c := range s.Contributions {
			finite("contribution", c)
		}
		for _, c := range s.Cashflow {
			finite("cash flow benefits", c.Benefits)
			finite("cash flow costs", c.Costs)
			finite("cash flow net", c.Net)
			finite("cash flow cumulative", c.Cumulative)
		}
	}
}

// TestDecodeHostile runs the hostile inputs through the fuzz target's
// checks on every test run, not only when fuzzing.
func TestDecodeHostile(t *testing.T) {
	for _, s := range hostile {
		require.NotPanics(t, func() {
			m, err := calc.Decode([]byte(s))
			if err == nil {
				requireFinite(t, calc.Evaluate(m))
			}
		}, "%q", s)
	}
}
