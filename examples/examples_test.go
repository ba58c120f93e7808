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
