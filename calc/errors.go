package calc

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every *FieldError that Decode, Validate and Encode
// return wraps exactly one of them, so callers can tell kinds of problems
// apart with errors.Is without parsing messages. A sentinel is for
// errors.Is only: its text is not added to the problem's message.
var (
	// ErrTooLarge reports an input larger than MaxInputSize.
	ErrTooLarge = errors.New("input too large")
	// ErrTooDeep reports JSON nested deeper than Decode allows.
	ErrTooDeep = errors.New("nesting too deep")
	// ErrSyntax reports input that is not valid UTF-8 JSON holding a
	// single value.
	ErrSyntax = errors.New("syntax error")
	// ErrUnknownField reports an object field the format does not define.
	ErrUnknownField = errors.New("unknown field")
	// ErrWrongKind reports a JSON value of the wrong kind, such as a
	// string where a number belongs, or a fraction where an integer does.
	ErrWrongKind = errors.New("wrong kind")
	// ErrRequired reports a missing or empty value that must be given.
	ErrRequired = errors.New("required")
	// ErrOutOfRange reports a number, length or count outside its
	// bounds, including numbers that are not finite.
	ErrOutOfRange = errors.New("out of range")
	// ErrInvalid reports any other value the format does not allow: an
	// unknown mode, side, type, stage or recurrence, a malformed id or
	// currency, or an entry of the wrong kind for the model's mode.
	ErrInvalid = errors.New("invalid value")
	// ErrDuplicate reports a repeated object key or a repeated id.
	ErrDuplicate = errors.New("duplicate")
	// ErrUnknownItem reports a scenario entry whose key is no item's id.
	ErrUnknownItem = errors.New("unknown item")
	// ErrControl reports text holding a character that is not text but
	// an instruction to a terminal or to the layout of text: a control
	// character or a bidirectional override (see ControlChar).
	ErrControl = errors.New("control character")
	// ErrUTF16 reports input in UTF-16 (or UTF-32) rather than UTF-8.
	ErrUTF16 = errors.New("UTF-16 text")
	// ErrMore is the last line of a Problems listing more than it shows:
	// it counts the problems not listed (see Problems.Total).
	ErrMore = errors.New("more problems")
)

// FieldError is one problem found in a model, at the location Path.
//
// Path names the value in the model file the way a JavaScript expression
// would, starting from the top-level object: "title", "scale.min",
// "items[2].weight", "scenarios[1].entries.sub.amount". A key that is not
// a plain id is written in brackets and quotes, as in `items[0]["a b"]`.
// Problems with the file as a whole have the path "(root)".
//
// Err describes the problem in lower case, quoting the offending input, and
// wraps one of the package's sentinel errors.
//
// Pos is where in the file the problem was found, for a file that cannot
// be read as JSON at all (ErrSyntax, ErrTooDeep); nil for every other
// problem, which Path locates.
type FieldError struct {
	Path string
	Err  error
	Pos  *Position
}

// Position is a place in a model file: a byte offset from the start of
// the file (a byte order mark included), and the line and the column in
// characters, both from 1.
type Position struct {
	Offset int64
	Line   int
	Column int
}

// Error returns the path and the problem, as in
// "items[2].weight: must be between 0 and 1000, got -1".
func (e *FieldError) Error() string {
	if e.Err == nil {
		return e.Path + ": invalid"
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns e.Err, so that errors.Is(e, ErrOutOfRange) and the like
// work.
func (e *FieldError) Unwrap() error { return e.Err }

// Problems is every problem found in a model, in the order of the fields
// of the format (SPEC §2), entries in the order of their keys. Decode and
// Validate return a Problems as their error; it is never empty then.
type Problems []*FieldError

// Error returns the problems one per line.
func (p Problems) Error() string {
	var b strings.Builder
	for i, fe := range p {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(fe.Error())
	}
	return b.String()
}

// Total returns how many problems were found: those listed, and those
// the last line counts when the list is cut short (ErrMore).
func (p Problems) Total() int {
	n := len(p)
	if n > 0 {
		var m *moreError
		if errors.As(p[n-1].Err, &m) {
			return n - 1 + m.n
		}
	}
	return n
}

// Listed returns the problems without the last line counting those not
// listed, if any.
func (p Problems) Listed() Problems {
	if n := len(p); n > 0 && errors.Is(p[n-1].Err, ErrMore) {
		return p[:n-1]
	}
	return p
}

// Unwrap returns the problems as a slice of errors, so that errors.Is and
// errors.As look into each of them.
func (p Problems) Unwrap() []error {
	errs := make([]error, len(p))
	for i, fe := range p {
		errs[i] = fe
	}
	return errs
}

// ruleError is the Err of a FieldError: a message that wraps a sentinel
// without repeating its text.
type ruleError struct {
	sentinel error
	msg      string
}

func (e *ruleError) Error() string { return e.msg }

func (e *ruleError) Unwrap() error { return e.sentinel }

// moreError is the Err of the last line of a Problems cut short: it
// counts the problems not listed.
type moreError struct{ n int }

func (e *moreError) Error() string { return strconv.Itoa(e.n) + " more problems not shown" }

func (e *moreError) Unwrap() error { return ErrMore }
