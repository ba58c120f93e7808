//go:build !wasm

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// maxPage is the largest page the build may write: a prerendered page
// shows what fits a first screen, whatever the size of the model.
const maxPage = 1 << 20

// TestLargeTemplateBuildsSmallPages builds a site whose brand's template
// is as large as SPEC allows a model to be in practice, 1,000 items in 50
// scenarios (its grid alone made 55 MB pages), and checks the size of
// every page written. How long it takes is make bench's to measure.
func TestLargeTemplateBuildsSmallPages(t *testing.T) {
	dir := t.TempDir()
	data, err := calc.Encode(fixture.Large(1000, 50))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "large.json"), data, 0o644))
	b, err := loadBrand("", dir)
	require.NoError(t, err)
	b.Config.Template = "large" // index.html and the embed open it too
	// go-app's Handler copies its Env, the template included, into the
	// process's environment (os.Setenv): 2 MB there makes every later
	// exec of this test binary fail with "argument list too long".
	t.Setenv(browser.BrandEnv, "")
	out := t.TempDir()
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: fakeWeb(t, "\x00asm"), Out: out, Brand: b}))

	pages, largest := 0, ""
	var most int64
	require.NoError(t, filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".html") {
			return err
		}
		info, err := d.Info()
		require.NoError(t, err)
		pages++
		if info.Size() > most {
			most, largest = info.Size(), path
		}
		assert.LessOrEqual(t, info.Size(), int64(maxPage), "%s is over 1 MB", path)
		return nil
	}))
	require.Greater(t, pages, 20)
	t.Logf("%d pages, the largest %s: %d bytes", pages, largest, most)
	editor := read(t, filepath.Join(out, "p", "template-large.html"))
	assert.Contains(t, editor, "984 more items show once the app has loaded.")
	assert.Contains(t, editor, "44 more scenarios show once the app has loaded.")
	assert.Contains(t, read(t, filepath.Join(out, "index.html")), `id="more-questions"`)
}
