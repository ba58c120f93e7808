package calc

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxProblems is how many problems Decode and Validate list before they
// summarise the rest in one line.
const maxProblems = 100

// seg is one step of a fieldPath: a named field or key, or an array index.
type seg struct {
	name  string // field name or object key; "" for an index
	index int    // array index, or -1 for a name
	rank  int    // where a named field comes in its object's fields; see ranked
}

// maxPathLen is the most steps a fieldPath holds: the deepest value of
// the format, scenarios[0].entries.id.times[0], is 6 steps down.
const maxPathLen = 6

// fieldPath locates a value in a model file. The zero fieldPath is the
// root. Paths are values that never allocate until they are printed, so
// that checking a large valid model costs nothing for paths. Paths sort in
// the order of the format's fields, so that problems are listed in the
// same order whatever order a file's keys come in.
type fieldPath struct {
	n    int
	segs [maxPathLen]seg
}

// rankUnknown ranks fields the format does not define after those it does.
const rankUnknown = 1 << 10

// field returns the path of the field name inside the object at p.
func (p fieldPath) field(name string) fieldPath {
	return p.push(seg{name: name, index: -1})
}

// at returns the path of element i of the array at p.
func (p fieldPath) at(i int) fieldPath {
	return p.push(seg{index: i})
}

func (p fieldPath) push(s seg) fieldPath {
	if p.n < maxPathLen { // always, for the values the format defines
		p.segs[p.n] = s
		p.n++
	}
	return p
}

// parent returns the path of the value holding the one at p.
func (p fieldPath) parent() fieldPath {
	if p.n > 0 {
		p.n--
		p.segs[p.n] = seg{}
	}
	return p
}

// is reports whether step i of p is the field name.
func (p fieldPath) is(i int, name string) bool {
	return i < p.n && p.segs[i].index < 0 && p.segs[i].name == name
}

// fields returns the fields of the object at p in format order, separated
// by spaces, or "" when the object at p has no fixed fields.
func fields(p fieldPath) string {
	switch {
	case p.n == 0:
		return "format title mode scale currency horizonYears discountRate hourlyRate customer summary drivers items scenarios"
	case p.n == 1 && p.is(0, "scale"):
		return "min max minLabel maxLabel"
	case p.n == 2 && p.is(0, "items") && p.segs[1].index >= 0:
		return "id name side type stage weight note"
	case p.n == 2 && p.is(0, "drivers") && p.segs[1].index >= 0:
		return "id name unit value low high ask note source"
	case p.n == 2 && p.is(0, "scenarios") && p.segs[1].index >= 0:
		return "id name entries"
	case p.n == 4 && p.is(0, "scenarios") && p.is(2, "entries"):
		return "score amount hours per weight low high ask times start end ramp growth source"
	}
	return ""
}

// fieldRank returns the rank of name among the fields of the object at p,
// or rankUnknown when the format does not define it there. Keys of an
// entries object all rank 0, so they sort by name.
func fieldRank(p fieldPath, name string) int {
	if p.n == 3 && p.is(0, "scenarios") && p.is(2, "entries") {
		return 0
	}
	i := 0
	for f := range strings.SplitSeq(fields(p), " ") {
		if f == name && f != "" {
			return i
		}
		i++
	}
	return rankUnknown
}

// known reports whether the format defines the field name in the object
// at p.
func known(p fieldPath, name string) bool {
	return fieldRank(p, name) != rankUnknown
}

// ranked returns p with the rank of each named step set, for sorting.
// Only paths of problems need ranks, so field leaves them to this.
func (p fieldPath) ranked() fieldPath {
	var q fieldPath
	for _, s := range p.segs[:p.n] {
		if s.index < 0 {
			s.rank = fieldRank(q, s.name)
		}
		q = q.push(s)
	}
	return q
}

// String returns the path as FieldError.Path shows it.
func (p fieldPath) String() string {
	if p.n == 0 {
		return "(root)"
	}
	var b strings.Builder
	for i, s := range p.segs[:p.n] {
		switch {
		case s.index >= 0:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		case validID(s.name):
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.name)
		default:
			b.WriteByte('[')
			b.WriteString(quote(s.name))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// comparePaths orders paths by the format's field order, array elements
// by index, entries by key, and a path before the paths inside it.
func comparePaths(a, b fieldPath) int {
	for i := 0; i < a.n && i < b.n; i++ {
		x, y := a.segs[i], b.segs[i]
		if c := cmp.Compare(x.index, y.index); c != 0 {
			return c
		}
		if c := cmp.Compare(x.rank, y.rank); c != 0 {
			return c
		}
		if c := strings.Compare(x.name, y.name); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.n, b.n)
}

// problem is a FieldError on its way out, with the path it sorts by.
type problem struct {
	path fieldPath
	err  *FieldError
	// dropped says the value at path is absent or could not be read, so
	// that the object holding it was built without it.
	dropped bool
}

// maxCollected is how many problems a problemList keeps; past it, it
// only counts them, so that hostile input cannot exhaust memory.
const maxCollected = 10000

// problemList collects problems.
type problemList struct {
	items []problem
	extra int // problems not kept
}

func (l *problemList) add(p fieldPath, sentinel error, msg string) {
	l.addErr(p, &ruleError{sentinel, msg})
}

// addErr adds a problem at p whose Err is err, made by rule.
func (l *problemList) addErr(p fieldPath, err error) {
	l.push(problem{path: p.ranked(), err: &FieldError{Path: p.String(), Err: err}})
}

// drop adds a problem with a value that is absent or could not be read.
func (l *problemList) drop(p fieldPath, sentinel error, msg string) {
	l.push(problem{path: p.ranked(), err: &FieldError{Path: p.String(), Err: &ruleError{sentinel, msg}}, dropped: true})
}

func (l *problemList) push(pr problem) {
	if len(l.items) >= maxCollected {
		l.extra++
		return
	}
	l.items = append(l.items, pr)
}

// result sorts the problems and returns them as an error, or nil when
// there are none. Past maxProblems, one last line counts the rest.
func (l *problemList) result() error {
	if len(l.items) == 0 {
		return nil
	}
	// Stable: among equal paths, the order they were found in.
	slices.SortStableFunc(l.items, func(a, b problem) int { return comparePaths(a.path, b.path) })
	n := min(len(l.items), maxProblems)
	out := make(Problems, n, n+1)
	for i := range n {
		out[i] = l.items[i].err
	}
	if rest := len(l.items) - n + l.extra; rest > 0 {
		out = append(out, &FieldError{Path: fieldPath{}.String(), Err: &moreError{rest}})
	}
	return out
}

// maxQuoted is how many characters of a bad input a message quotes.
const maxQuoted = 64

// quote returns s in Go quotes for a message, cut short when long.
func quote(s string) string {
	return strconv.Quote(clip(s))
}

// quoteAt quotes s for a message that is about its character at byte
// offset i: s from its start when quote shows that character, else from
// a few characters before it, after "…".
func quoteAt(s string, i int) string {
	if utf8.RuneCountInString(s[:i]) < maxQuoted {
		return quote(s)
	}
	j := i
	for range 10 {
		_, size := utf8.DecodeLastRuneInString(s[:j])
		j -= size
	}
	return quote("…" + s[j:])
}

// clip returns s, cut short with "…" when longer than maxQuoted
// characters.
func clip(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// formatFloat formats v as encoding/json does, and non-finite numbers as
// NaN, +Inf and -Inf.
func formatFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return string(appendFloat(nil, v))
}

// appendFloat appends finite v as encoding/json writes it: plain decimals
// from 1e-6 up to 1e21, exponent notation outside.
func appendFloat(b []byte, v float64) []byte {
	abs := math.Abs(v)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, v, format, -1, 64)
	if format == 'e' {
		// Clean up e-09 to e-9.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
