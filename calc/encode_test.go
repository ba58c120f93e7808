package calc_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
)

// canonical is the canonical encoding of smallModel.
const canonical = `{
  "format": "valuecalc/2",
  "title": "<Acme> & co",
  "mode": "money",
  "scale": {
    "min": 1,
    "max": 5
  },
  "currency": "USD",
  "horizonYears": 3,
  "discountRate": 0.08,
  "hourlyRate": 45,
  "items": [
    {
      "id": "learn",
      "name": "Time to learn",
      "side": "cost",
      "type": "time",
      "stage": "onboarding",
      "weight": 1,
      "note": ""
    },
    {
      "id": "gain",
      "name": "Savings",
      "side": "benefit",
      "type": "monetary",
      "weight": 0.8,
      "note": "risk-adjusted"
    }
  ],
  "scenarios": [
    {
      "id": "s",
      "name": "SMB",
      "entries": {
        "learn": {
          "hours": 20,
          "per": "once",
          "weight": 1.5
        },
        "gain": {
          "amount": 5000,
          "per": "month"
        }
      }
    },
    {
      "id": "t",
      "name": "Empty",
      "entries": {}
    }
  ]
}
`

func smallModel() calc.Model {
	m := calc.Model{
		Format: calc.Format, Title: "<Acme> & co", Mode: calc.ModeMoney, Scale: calc.Scale{Min: 1, Max: 5},
		Currency: "USD", HorizonYears: 3, DiscountRate: 0.08, HourlyRate: 45,
		Items: []calc.Item{
			{ID: "learn", Name: "Time to learn", Side: calc.SideCost, Type: calc.TypeTime, Stage: calc.StageOnboarding, Weight: 1},
			{ID: "gain", Name: "Savings", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 0.8, Note: "risk-adjusted"},
		},
	}
	m.Scenarios = []calc.Scenario{
		{ID: "s", Name: "SMB", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
			"gain":  {Amount: f(5000), Per: calc.PerMonth},
			"learn": {Hours: f(20), Weight: f(1.5)}, // Per empty: written as once
		})},
		{ID: "t", Name: "Empty"}, // nil entries: written as {}
	}
	return m
}

func TestEncodeCanonical(t *testing.T) {
	got, err := calc.Encode(smallModel())
	require.NoError(t, err)
	assert.Equal(t, canonical, string(got))

	m, err := calc.Decode(got)
	require.NoError(t, err)
	again, err := calc.Encode(m)
	require.NoError(t, err)
	assert.Equal(t, canonical, string(again), "encoding is stable")
}

func TestEncodeScoreModel(t *testing.T) {
	m := calc.NewModel()
	m.Items = []calc.Item{{ID: "a", Name: "A", Side: calc.SideBenefit, Type: calc.TypeSocial, Weight: 2}}
	setEntry(&m, 0, "a", calc.Entry{Score: f(3.5)})
	got, err := calc.Encode(m)
	require.NoError(t, err)
	assert.Contains(t, string(got), `"entries": {
        "a": {
          "score": 3.5
        }
      }`, "score entries have no per")
	assert.Contains(t, string(got), `"items": [
    {
      "id": "a",`)

	got, err = calc.Encode(calc.NewModel())
	require.NoError(t, err)
	assert.Contains(t, string(got), `"items": [],`, "no items is an empty list, not null")
}

func TestEncodeInvalid(t *testing.T) {
	m := smallModel()
	m.Items[1].Weight = -1
	m.Title = ""
	got, err := calc.Encode(m)
	assert.Nil(t, got)
	require.Error(t, err)
	assert.Equal(t, "items[1].weight: must be between 0 and 1000, got -1", err.Error())
	assert.ErrorIs(t, err, calc.ErrOutOfRange)

	_, err = calc.Encode(calc.Model{})
	assert.Error(t, err)
}

// TestEncodeRoundTrip decodes every vector model, encodes it, decodes it
// again and encodes it again: both models and both encodings are equal.
func TestEncodeRoundTrip(t *testing.T) {
	for _, path := range vectorFiles(t) {
		t.Run(path, func(t *testing.T) {
			v := readVector(t, path)
			m, err := calc.Decode(v.Model)
			require.NoError(t, err)
			enc, err := calc.Encode(m)
			require.NoError(t, err)
			m2, err := calc.Decode(enc)
			require.NoError(t, err)
			assert.Equal(t, m, m2)
			enc2, err := calc.Encode(m2)
			require.NoError(t, err)
			assert.Equal(t, string(enc), string(enc2))
			assert.Equal(t, byte('\n'), enc[len(enc)-1])
		})
	}
}

// TestEncodeDeterministic encodes a model with many entries many times:
// map order must not leak into the output.
func TestEncodeDeterministic(t *testing.T) {
	m := benchModel(calc.ModeMoney, 50, 3)
	first, err := calc.Encode(m)
	require.NoError(t, err)
	for range 20 {
		got, err := calc.Encode(m)
		require.NoError(t, err)
		require.Equal(t, string(first), string(got))
	}
}

// TestEncodeCompact: the same JSON as Encode, without the whitespace.
func TestEncodeCompact(t *testing.T) {
	for _, path := range vectorFiles(t) {
		m, err := calc.Decode(readVector(t, path).Model)
		require.NoError(t, err)
		indented, err := calc.Encode(m)
		require.NoError(t, err)
		var want bytes.Buffer
		require.NoError(t, json.Compact(&want, indented))
		got, err := calc.EncodeCompact(m)
		require.NoError(t, err)
		assert.Equal(t, want.String(), string(got), path)
	}
	_, err := calc.EncodeCompact(calc.Model{})
	assert.Error(t, err, "an invalid model is refused as Encode refuses it")
}
