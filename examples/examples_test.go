package examples

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryFile checks that every .json file here is a template, with the
// file's bytes and a title, and that List offers them in order's order.
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
		assert.NotEmpty(t, tpl.Title, name)
		assert.NotEmpty(t, tpl.Description, name)
	}
	list := List()
	require.Len(t, list, len(names))
	for i, o := range order {
		assert.Equal(t, o.id, list[i].ID)
	}
}
