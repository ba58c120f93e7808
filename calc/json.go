package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// nodeKind is the kind of a JSON value.
type nodeKind uint8

const (
	kindNull nodeKind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

// node is a parsed JSON value. Objects keep their keys in order, without
// repeats: the first value of a repeated key is kept and the key is listed
// in dups.
type node struct {
	kind nodeKind
	text string   // a string's value, a number's literal, "true" or "false"
	keys []string // an object's keys, parallel to kids
	kids []node   // an object's values or an array's elements
	dups []string // an object's repeated keys, each once
}

// get returns the value of key in an object, or nil.
func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k == key {
			return &n.kids[i]
		}
	}
	return nil
}

// describe returns the kind of n for a message, with the value of a
// scalar: `string "1,000"`, `number 5`, `array`.
func (n *node) describe() string {
	switch n.kind {
	case kindNull:
		return "null"
	case kindBool:
		return "boolean " + n.text
	case kindNumber:
		return "number " + clip(n.text)
	case kindString:
		return "string " + quote(n.text)
	case kindArray:
		return "array"
	}
	return "object"
}

// parse reads data into root, or returns the single problem that makes
// data unreadable, with its position. Positions count from the start of
// input, of which data is the part from byte base on (past a byte order
// mark).
func parse(input []byte, base int, root *node) *FieldError {
	data := input[base:]
	// fatal is the problem what at byte at of data, with detail.
	fatal := func(sentinel error, what string, at int, detail string) *FieldError {
		pos := positionOf(input, base+at)
		msg := what + " at byte " + strconv.FormatInt(pos.Offset, 10)
		if detail != "" {
			msg += ": " + detail
		}
		return &FieldError{Path: fieldPath{}.String(), Pos: &pos, Err: &ruleError{sentinel, msg}}
	}
	if isUTF16(input) {
		return &FieldError{Path: fieldPath{}.String(), Err: &ruleError{ErrUTF16,
			"is UTF-16 text; valuecalc files are UTF-8: save the file as UTF-8"}}
	}
	if !utf8.Valid(data) {
		return fatal(ErrSyntax, "invalid UTF-8", invalidUTF8(data), "")
	}
	if at := tooDeep(data); at >= 0 {
		return fatal(ErrTooDeep, "nested deeper than "+strconv.Itoa(maxDepth)+" levels", at, "")
	}
	// encoding/json's scanner checks syntax without recursion and
	// reports exact offsets.
	if !json.Valid(data) {
		var raw json.RawMessage
		var se *json.SyntaxError
		if !errors.As(json.Unmarshal(data, &raw), &se) {
			return &FieldError{Path: fieldPath{}.String(), Err: &ruleError{ErrSyntax, "invalid JSON"}}
		}
		if strings.HasPrefix(se.Error(), "unexpected end") {
			return fatal(ErrSyntax, "invalid JSON", int(se.Offset), "unexpected end of input")
		}
		return fatal(ErrSyntax, "invalid JSON", int(se.Offset-1), se.Error())
	}
	b := builder{data: data}
	if err := b.value(root, 1); err != nil {
		// Unreachable after the syntax check, but never trust that.
		return fatal(ErrSyntax, "invalid JSON", b.pos, err.Error())
	}
	return nil
}

// isUTF16 reports whether data is UTF-16 (or UTF-32) text: it starts with
// the byte order mark of one, or with a character of which one byte is
// zero, as ASCII is in UTF-16. UTF-8 JSON never starts with a zero byte.
func isUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return true
	}
	return len(data) >= 2 && (data[0] == 0) != (data[1] == 0)
}

// positionOf returns the position of byte offset in data: its line and
// its column in characters, both from 1.
func positionOf(data []byte, offset int) Position {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return Position{Offset: int64(offset), Line: line, Column: utf8.RuneCount(before[lineStart:]) + 1}
}

// invalidUTF8 returns the offset of the first byte of data that is not
// part of a valid UTF-8 sequence.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// tooDeep returns the offset of the first bracket that nests deeper than
// maxDepth, or -1. It skips strings and ignores every other syntax rule.
func tooDeep(data []byte) int {
	depth := 0
	inString, escaped := false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > maxDepth {
				return i
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return -1
}

// builder reads JSON that encoding/json has found valid into nodes. It
// is some ten times faster than json.Decoder.Token, and as exact: strings
// with escapes are decoded by encoding/json itself.
type builder struct {
	data []byte
	pos  int
}

// builderError is an error of the builder, a type so that errBadJSON can
// be a constant.
type builderError string

func (e builderError) Error() string { return string(e) }

// errBadJSON is what the builder returns for JSON it cannot read.
const errBadJSON = builderError("unexpected input")

// value reads the value at b.pos into n, at the given depth.
func (b *builder) value(n *node, depth int) error {
	if depth > maxDepth {
		return errBadJSON
	}
	b.space()
	if b.pos >= len(b.data) {
		return errBadJSON
	}
	switch c := b.data[b.pos]; c {
	case '{':
		n.kind = kindObject
		return b.object(n, depth)
	case '[':
		n.kind = kindArray
		b.pos++
		if b.next(']') {
			return nil
		}
		for {
			n.kids = append(n.kids, node{})
			if err := b.value(&n.kids[len(n.kids)-1], depth+1); err != nil {
				return err
			}
			if b.next(']') {
				return nil
			}
			if !b.next(',') {
				return errBadJSON
			}
		}
	case '"':
		s, err := b.str()
		n.kind, n.text = kindString, s
		return err
	case 't', 'f', 'n':
		for _, lit := range [...]string{"true", "false", "null"} {
			if bytes.HasPrefix(b.data[b.pos:], []byte(lit)) {
				b.pos += len(lit)
				n.kind, n.text = kindBool, lit
				if lit == "null" {
					n.kind, n.text = kindNull, ""
				}
				return nil
			}
		}
		return errBadJSON
	default:
		start := b.pos
		for b.pos < len(b.data) && strings.IndexByte("+-0123456789.eE", b.data[b.pos]) >= 0 {
			b.pos++
		}
		if b.pos == start {
			return errBadJSON
		}
		n.kind, n.text = kindNumber, string(b.data[start:b.pos])
		return nil
	}
}

// object reads the object at b.pos into n, keeping the first value of a
// repeated key and listing the key in n.dups.
func (b *builder) object(n *node, depth int) error {
	b.pos++ // {
	if b.next('}') {
		return nil
	}
	var index map[string]struct{} // for large objects only
	for {
		b.space()
		key, err := b.str()
		if err != nil {
			return err
		}
		if !b.next(':') {
			return errBadJSON
		}
		var kid node
		if err := b.value(&kid, depth+1); err != nil {
			return err
		}
		if index == nil && len(n.keys) >= 16 {
			index = make(map[string]struct{}, 2*len(n.keys))
			for _, k := range n.keys {
				index[k] = struct{}{}
			}
		}
		repeated := false
		if index != nil {
			_, repeated = index[key]
			index[key] = struct{}{}
		} else {
			repeated = slices.Contains(n.keys, key)
		}
		switch {
		case !repeated:
			n.keys = append(n.keys, key)
			n.kids = append(n.kids, kid)
		case !slices.Contains(n.dups, key):
			n.dups = append(n.dups, key)
		}
		if b.next('}') {
			return nil
		}
		if !b.next(',') {
			return errBadJSON
		}
	}
}

// str reads the string at b.pos.
func (b *builder) str() (string, error) {
	if b.pos >= len(b.data) || b.data[b.pos] != '"' {
		return "", errBadJSON
	}
	escaped := false
	i := b.pos + 1
	for ; i < len(b.data); i++ {
		if c := b.data[i]; c == '"' {
			break
		} else if c == '\\' {
			escaped = true
			i++
		}
	}
	if i >= len(b.data) {
		return "", errBadJSON
	}
	raw := b.data[b.pos : i+1]
	b.pos = i + 1
	if !escaped {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

// space skips white space.
func (b *builder) space() {
	for b.pos < len(b.data) {
		switch b.data[b.pos] {
		case ' ', '\t', '\n', '\r':
			b.pos++
		default:
			return
		}
	}
}

// next skips white space and then c, reporting whether c was there.
func (b *builder) next(c byte) bool {
	b.space()
	if b.pos < len(b.data) && b.data[b.pos] == c {
		b.pos++
		return true
	}
	return false
}
