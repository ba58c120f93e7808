package calc

import (
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProblemOrderMatchesSortStableFunc checks that result sorts problems
// as the slices.SortStableFunc it replaced did: by path, and in the order
// they were found among problems at the same path. There are more
// problems than sort.Stable's insertion-sort blocks, so the merges run.
func TestProblemOrderMatchesSortStableFunc(t *testing.T) {
	root := fieldPath{}
	paths := []fieldPath{
		root.field("scenarios").at(1).field("entries").field("b").field("weight"),
		root.field("title"),
		root.field("items").at(2).field("weight"),
		root.field("scenarios").at(0).field("entries").field("a"),
		root.field("colour"),
		root.field("items").at(0).field("id"),
		root,
		root.field("items").at(10).field("name"),
		root.field("scenarios").at(1).field("entries").field("a").field("score"),
		root.field("format"),
		root.field("items").at(2),
	}
	var l problemList
	for i := range 120 {
		l.add(paths[i*5%len(paths)], ErrInvalid, "problem "+strconv.Itoa(i))
	}
	want := slices.Clone(l.items)
	slices.SortStableFunc(want, func(a, b problem) int { return comparePaths(a.path, b.path) })
	var wantLines []string
	for _, pr := range want[:maxProblems] {
		wantLines = append(wantLines, pr.err.Error())
	}
	wantLines = append(wantLines, "(root): 20 more problems not shown")

	probs, ok := l.result().(Problems)
	require.True(t, ok)
	var got []string
	for _, fe := range probs {
		got = append(got, fe.Error())
	}
	assert.Equal(t, wantLines, got)
	// The root's problems come first, in the order they were found.
	assert.Equal(t, []string{"(root): problem 10", "(root): problem 21", "(root): problem 32"}, got[:3])
}
