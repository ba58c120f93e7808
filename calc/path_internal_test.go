package calc

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProblemOrder checks that result sorts problems by path, in the
// order they were found among problems at the same path, and counts the
// ones past maxProblems in a last line.
func TestProblemOrder(t *testing.T) {
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
	// The order of the paths, by hand: the format's fields in SPEC order,
	// unknown fields last.
	order := []string{"(root)", "format", "title", "items[0].id", "items[2]", "items[2].weight", "items[10].name",
		"scenarios[0].entries.a", "scenarios[1].entries.a.score", "scenarios[1].entries.b.weight", "colour"}
	var wantLines []string
	for _, path := range order {
		for i := range 120 {
			if paths[i*5%len(paths)].String() == path {
				wantLines = append(wantLines, path+": problem "+strconv.Itoa(i))
			}
		}
	}
	wantLines = append(wantLines[:maxProblems], "(root): 20 more problems not shown")

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
