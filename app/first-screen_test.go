package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// opened is the state a page opened on query has, with a brand whose one
// template is m, as root.OnPreRender starts it.
func opened(t *testing.T, m calc.Model, query string) *state.State {
	t.Helper()
	data, err := calc.Encode(m)
	require.NoError(t, err)
	s := state.Store{Lib: state.Library{Store: state.MemStorage{}}, Now: func() int64 { return 0 }}
	s.Dispatch(state.Start{Query: query, Base: "/", Seed: 1, Langs: []string{"en"},
		Brand: state.Brand{Templates: []examples.Template{{ID: "big", Title: m.Title, Data: data}}}})
	require.True(t, s.State.Started)
	return &s.State
}

// TestFirstScreenOnlyInPrerenderedPages: a prerendered page (view.pre)
// shows the first rows, columns, cards and questions and says how many
// more there are; the browser's page (what app.wasm renders) shows all.
func TestFirstScreenOnlyInPrerenderedPages(t *testing.T) {
	m := fixture.Large(40, 9) // 20 benefits, 20 costs
	n := browser.NewNumbers()

	editor := opened(t, m, "template=big")
	require.Equal(t, state.ViewEditor, editor.View)
	all := app.HTMLString(page(view{st: editor, n: n}))
	first := app.HTMLString(page(view{st: editor, n: n, pre: true}))
	assert.Equal(t, 40, strings.Count(all, `class="item-row`))
	assert.Equal(t, 40*9, strings.Count(all, `class="cell"`))
	assert.Equal(t, 9, strings.Count(all, "<article"))
	assert.Contains(t, all, `id="charts"`)
	assert.NotContains(t, all, "more-later")
	assert.Equal(t, 2*firstRows, strings.Count(first, `class="item-row`))
	assert.Equal(t, 2*firstRows*firstScenarios, strings.Count(first, `class="cell"`))
	assert.Equal(t, firstScenarios, strings.Count(first, "<article"))
	assert.NotContains(t, first, `id="charts"`, "charts draw every scenario")
	assert.Contains(t, first, "24 more items show once the app has loaded.")
	assert.Contains(t, first, "3 more scenarios show once the app has loaded.")

	visitor := opened(t, m, "template=big&view=visitor")
	require.Equal(t, state.ViewVisitor, visitor.View)
	qs := len(state.Questions(visitor.Model()))
	all = app.HTMLString(page(view{st: visitor, n: n}))
	first = app.HTMLString(page(view{st: visitor, n: n, pre: true}))
	assert.Equal(t, qs, strings.Count(all, "<li>"))
	assert.NotContains(t, all, "more-later")
	assert.Contains(t, first, strconv.Itoa(qs-firstQuestions)+" more questions show once the app has loaded.")

	small := opened(t, fixture.Small(), "template=big")
	first = app.HTMLString(page(view{st: small, n: n, pre: true}))
	assert.Equal(t, len(small.Model().Items), strings.Count(first, `class="item-row`), "a model that fits the first screen is prerendered whole")
	assert.Contains(t, first, `id="charts"`)
	assert.NotContains(t, first, "more-later")
}
