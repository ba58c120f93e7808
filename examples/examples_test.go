package examples

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryFile checks that every .json file here is a template, with the
// file's bytes, the file's title and a description.
func TestEveryFile(t *testing.T) {
	names, err := filepath.Glob("*.json")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		id := strings.TrimSuffix(name, ".json")
		want, err := os.ReadFile(name)
		require.NoError(t, err)
		tpl, ok := Get(id)
		require.True(t, ok, "%s is not a template: add it to order", name)
		assert.Equal(t, id, tpl.ID)
		assert.Equal(t, want, tpl.Data, name)
		var head struct{ Title string }
		require.NoError(t, json.Unmarshal(want, &head), name)
		assert.NotEmpty(t, head.Title, name)
		assert.Equal(t, head.Title, tpl.Title, "%s: the title in templates is not the file's", name)
		assert.NotEmpty(t, tpl.Description, name)
	}
	require.Len(t, List(), len(names))
}

// TestTranslations checks that each template in another language is the
// English model in other words: the same ids, modes, sides, types,
// stages, weights, values, drivers and settings; only titles, names,
// notes, labels, units and sources differ, and each of those is set where
// the English one is.
func TestTranslations(t *testing.T) {
	for lang, list := range translations {
		require.Len(t, list, len(templates), lang)
		for i, tr := range list {
			en := templates[i]
			require.Equal(t, en.ID, tr.ID, "%s: the same order", lang)
			name := lang + "/" + tr.ID + ".json"
			file, err := os.ReadFile(name)
			require.NoError(t, err)
			assert.Equal(t, file, tr.Data, name)
			var head struct{ Title string }
			require.NoError(t, json.Unmarshal(tr.Data, &head), name)
			assert.Equal(t, head.Title, tr.Title, "%s: the title in translations is not the file's", name)
			assert.NotEqual(t, en.Title, tr.Title, name)
			assert.NotEmpty(t, tr.Description, name)
			assert.NotEqual(t, en.Description, tr.Description, name)

			var a, b any
			require.NoError(t, json.Unmarshal(en.Data, &a))
			require.NoError(t, json.Unmarshal(tr.Data, &b))
			assert.Equal(t, skeleton(a), skeleton(b), "%s differs from the English model in more than its words", name)
			for text := range words {
				assert.Equal(t, count(a, text), count(b, text), "%s: every %s is translated", name, text)
			}
		}
	}
	for _, lang := range []string{"de", "fr", "es"} {
		assert.Contains(t, translations, lang)
		got, ok := GetIn(lang, "customer-value")
		require.True(t, ok)
		assert.NotEqual(t, templates[0].Title, got.Title)
	}
	got, ok := GetIn("xx", "segments")
	require.True(t, ok)
	assert.Equal(t, "Segment comparison: SMB vs Enterprise", got.Title, "a language without translations: English")
}

// words are the fields of a model file that hold words, not figures.
var words = map[string]bool{"title": true, "name": true, "note": true, "minLabel": true, "maxLabel": true,
	"unit": true, "source": true, "customer": true, "summary": true}

// skeleton is a decoded model file with its words blanked out.
func skeleton(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if _, isText := x.(string); isText && words[k] {
				out[k] = "…"
				continue
			}
			out[k] = skeleton(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = skeleton(x)
		}
		return out
	}
	return v
}

// count is how many fields named key hold text in v.
func count(v any, key string) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == key && s != "" {
				n++
			}
			n += count(x, key)
		}
	case []any:
		for _, x := range v {
			n += count(x, key)
		}
	}
	return n
}
