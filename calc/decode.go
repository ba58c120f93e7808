package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDepth is how deeply Decode lets JSON arrays and objects nest. A
// model needs 5 levels.
const maxDepth = 64

// Decode reads a model file of format valuecalc/2 or valuecalc/1 (SPEC
// §2), applies the defaults of absent fields and checks every rule with
// Validate. A valuecalc/1 file is read as the same model in valuecalc/2:
// the model's Format is always Format. On success the model has every
// default filled in: settings of both modes, item weights, notes,
// one scenario when the file has none, entries parallel to the items, and Per of
// every money entry (PerOnce when absent).
//
// A leading UTF-8 byte order mark is skipped. Decode does not stop at the
// first problem: it returns a zero Model and a Problems listing everything
// wrong with the file, in the order of the format's fields, except when the
// file cannot be read as JSON at all, which is a single problem at "(root)".
//
// Decode returns an error if:
//   - data is larger than MaxInputSize (ErrTooLarge);
//   - data is not valid UTF-8, not valid JSON, or holds anything after the
//     top-level value (ErrSyntax; the message gives the byte offset);
//   - arrays and objects nest more than 64 deep (ErrTooDeep);
//   - the top-level value is not an object, or any value has the wrong JSON
//     kind, such as a number given as a string: "1,000" (ErrWrongKind);
//   - horizonYears, scale.min or scale.max is a number but not an integer
//     (ErrWrongKind);
//   - a number is too large to be a finite float64, such as 1e309
//     (ErrOutOfRange);
//   - an object has a field the format does not define (ErrUnknownField)
//     or the same key twice (ErrDuplicate);
//   - a valuecalc/1 file holds a field of version 2: a scale's minLabel or
//     maxLabel, an entry's low, high or ask (ErrInvalid);
//   - a scale label is an empty string (ErrOutOfRange);
//   - format, an item's id, name, side or type, or a scenario's id or name
//     is absent (ErrRequired);
//   - the model breaks a rule of Validate.
func Decode(data []byte) (Model, error) {
	if len(data) > MaxInputSize {
		return Model{}, Problems{{Path: fieldPath{}.String(), Err: &ruleError{ErrTooLarge,
			fmt.Sprintf("must be at most %d bytes (5 MB), got %d bytes", MaxInputSize, len(data))}}}
	}
	var root node
	var off int64
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		data, off = data[3:], 3
	}
	if fe := parse(data, &root); fe != nil {
		// Offsets in the message count from the byte order mark.
		return Model{}, Problems{shiftOffset(fe, off)}
	}
	var d walker
	m := d.model(&root)
	if d.fatal {
		return Model{}, d.list.result()
	}
	var v validator
	v.model(m)
	covered := d.coverage()
	list := d.list
	for _, vp := range v.list.items {
		if !covered(vp) {
			list.push(vp)
		}
	}
	list.extra += v.list.extra
	if err := list.result(); err != nil {
		return Model{}, err
	}
	// A file of version 1 is the same model in version 2.
	m.Format = Format
	return m, nil
}

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
// data unreadable.
func parse(data []byte, root *node) *FieldError {
	fatal := func(sentinel error, msg string) *FieldError {
		return &FieldError{Path: fieldPath{}.String(), Err: &ruleError{sentinel, msg}}
	}
	if !utf8.Valid(data) {
		return fatal(ErrSyntax, fmt.Sprintf("invalid UTF-8 at byte %d", invalidUTF8(data)))
	}
	if at := tooDeep(data); at >= 0 {
		return fatal(ErrTooDeep, fmt.Sprintf("nested deeper than %d levels at byte %d", maxDepth, at))
	}
	// encoding/json's scanner checks syntax without recursion and
	// reports exact offsets.
	if !json.Valid(data) {
		var raw json.RawMessage
		err := json.Unmarshal(data, &raw)
		// json.Unmarshal returns the *json.SyntaxError itself, unwrapped;
		// a type assertion rather than errors.As keeps reflectlite out of
		// app.wasm.
		se, ok := err.(*json.SyntaxError)
		if !ok {
			return fatal(ErrSyntax, "invalid JSON")
		}
		if strings.HasPrefix(se.Error(), "unexpected end") {
			return fatal(ErrSyntax, fmt.Sprintf("invalid JSON at byte %d: unexpected end of input", se.Offset))
		}
		return fatal(ErrSyntax, fmt.Sprintf("invalid JSON at byte %d: %s", se.Offset-1, se.Error()))
	}
	b := builder{data: data}
	if err := b.value(root, 1); err != nil {
		// Unreachable after the syntax check, but never trust that.
		return fatal(ErrSyntax, fmt.Sprintf("invalid JSON at byte %d: %v", b.pos, err))
	}
	return nil
}

// shiftOffset returns fe with the byte offset in its message moved by off.
func shiftOffset(fe *FieldError, off int64) *FieldError {
	re := fe.Err.(*ruleError)
	if off == 0 {
		return fe
	}
	const marker = "at byte "
	i := strings.Index(re.msg, marker)
	if i < 0 {
		return fe
	}
	rest := re.msg[i+len(marker):]
	j := 0
	for j < len(rest) && '0' <= rest[j] && rest[j] <= '9' {
		j++
	}
	n, err := strconv.ParseInt(rest[:j], 10, 64)
	if err != nil {
		return fe
	}
	msg := re.msg[:i+len(marker)] + strconv.FormatInt(n+off, 10) + rest[j:]
	return &FieldError{Path: fe.Path, Err: &ruleError{re.sentinel, msg}}
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

// walker builds a Model from parsed JSON, applying defaults and collecting
// problems with the kinds of values, unknown fields and repeated keys.
// Problems with the values themselves are left to the validator.
type walker struct {
	list problemList
	// idsKnown is false when some item's id could not be read.
	idsKnown bool
	// fatal is set when the file is not an object at all.
	fatal bool
	// v1 is set for a file of FormatV1, where version 2's fields are
	// errors.
	v1 bool
}

// coverage returns a function reporting whether a problem the validator
// found only follows from a value the walker could not read (one absent or
// of the wrong kind): a problem at that value or inside it, or one with
// the object holding it, which the validator sees without it (but not an
// unknown item or a duplicate id, which have nothing to do with it).
func (d *walker) coverage() func(problem) bool {
	reported := make(map[string]bool, len(d.list.items))
	holders := make(map[string]bool)
	for _, q := range d.list.items {
		if q.dropped && q.path.n > 0 {
			reported[q.err.Path] = true
			holders[q.path.parent().String()] = true
		}
	}
	return func(vp problem) bool {
		p := vp.path
		if holders[p.String()] && !errors.Is(vp.err, ErrUnknownItem) && !errors.Is(vp.err, ErrDuplicate) {
			return true
		}
		for ; p.n > 0; p = p.parent() {
			if reported[p.String()] {
				return true
			}
		}
		return false
	}
}

// object checks that n is an object with only the fields the format
// defines at p, and no repeated keys.
func (d *walker) object(n *node, p fieldPath) bool {
	if n.kind != kindObject {
		d.list.drop(p, ErrWrongKind, "must be an object, got "+n.describe())
		return false
	}
	d.repeats(n, p)
	for _, k := range n.keys {
		if !known(p, k) {
			d.list.add(p.field(k), ErrUnknownField, "unknown field")
		}
	}
	return true
}

// repeats reports the repeated keys of the object n at p.
func (d *walker) repeats(n *node, p fieldPath) {
	for _, k := range n.dups {
		d.list.add(p.field(k), ErrDuplicate, "duplicate key")
	}
}

// str returns the string at p, or reports n's wrong kind.
func (d *walker) str(n *node, p fieldPath) (string, bool) {
	if n.kind != kindString {
		d.list.drop(p, ErrWrongKind, "must be a string, got "+n.describe())
		return "", false
	}
	return n.text, true
}

// num returns the finite number at p, or reports why n is not one.
func (d *walker) num(n *node, p fieldPath) (float64, bool) {
	if n.kind != kindNumber {
		d.list.drop(p, ErrWrongKind, "must be a number, got "+n.describe())
		return 0, false
	}
	f, err := strconv.ParseFloat(n.text, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || math.IsInf(f, 0) {
		d.list.drop(p, ErrOutOfRange, "must be a finite number, got "+clip(n.text))
		return 0, false
	}
	if f == 0 {
		f = 0 // -0 is 0
	}
	return f, true
}

// numPtr is num for an optional entry field.
func (d *walker) numPtr(n *node, p fieldPath) *float64 {
	if f, ok := d.num(n, p); ok {
		return &f
	}
	return nil
}

// integer returns the integer at p, which must lie within lo–hi, or
// reports why n is not one. Numbers such as 3.0 are integers.
func (d *walker) integer(n *node, p fieldPath, lo, hi int) (int, bool) {
	f, ok := d.num(n, p)
	if !ok {
		return 0, false
	}
	if f != math.Trunc(f) {
		d.list.drop(p, ErrWrongKind, "must be an integer, got "+clip(n.text))
		return 0, false
	}
	if f < float64(lo) || f > float64(hi) {
		d.list.drop(p, ErrOutOfRange, fmt.Sprintf("must be between %d and %d, got %s", lo, hi, clip(n.text)))
		return 0, false
	}
	return int(f), true
}

// model builds the model from the top-level value n.
func (d *walker) model(n *node) Model {
	var root fieldPath
	d.idsKnown = true
	m := NewModel()
	m.Format = ""
	if !d.object(n, root) {
		d.fatal = true
		return Model{}
	}
	if c := n.get("format"); c == nil {
		d.list.drop(root.field("format"), ErrRequired, "required")
	} else if s, ok := d.str(c, root.field("format")); ok {
		m.Format = s
		d.v1 = s == FormatV1
	}
	if c := n.get("title"); c != nil {
		if s, ok := d.str(c, root.field("title")); ok {
			m.Title = s
		}
	}
	if c := n.get("mode"); c != nil {
		m.Mode = "" // neither mode: the validator skips what depends on it
		if s, ok := d.str(c, root.field("mode")); ok {
			m.Mode = Mode(s)
		}
	}
	if c := n.get("scale"); c != nil {
		p := root.field("scale")
		if d.object(c, p) {
			m.Scale = Scale{}
			for i, name := range []string{"min", "max"} {
				bound := &m.Scale.Min
				if i == 1 {
					bound = &m.Scale.Max
				}
				if b := c.get(name); b == nil {
					d.list.drop(p.field(name), ErrRequired, "required")
				} else if v, ok := d.integer(b, p.field(name), 0, MaxScaleBound); ok {
					*bound = v
				}
			}
			m.Scale.MinLabel = d.label(c, p, "minLabel")
			m.Scale.MaxLabel = d.label(c, p, "maxLabel")
		}
	}
	if c := n.get("currency"); c != nil {
		if s, ok := d.str(c, root.field("currency")); ok {
			m.Currency = s
		}
	}
	if c := n.get("horizonYears"); c != nil {
		if v, ok := d.integer(c, root.field("horizonYears"), 1, MaxHorizon); ok {
			m.HorizonYears = v
		}
	}
	if c := n.get("discountRate"); c != nil {
		if v, ok := d.num(c, root.field("discountRate")); ok {
			m.DiscountRate = v
		}
	}
	if c := n.get("hourlyRate"); c != nil {
		if v, ok := d.num(c, root.field("hourlyRate")); ok {
			m.HourlyRate = v
		}
	}
	if c := n.get("items"); c != nil {
		m.Items = d.items(c, root.field("items"))
	}
	if c := n.get("scenarios"); c != nil {
		m.Scenarios = d.scenarios(c, root.field("scenarios"), m.Mode, m.Items)
	} else {
		m.Scenarios[0].Entries = make([]*Entry, len(m.Items))
	}
	return m
}

// v2 reports whether the field name of the object n at p may be read:
// false, with a problem, when it is there in a file of version 1.
func (d *walker) v2(n *node, p fieldPath, name string) bool {
	if n.get(name) == nil {
		return false
	}
	if d.v1 {
		d.list.add(p.field(name), ErrInvalid, notInV1)
		return false
	}
	return true
}

// label returns the scale label name of the object n at p, "" when it is
// absent or cannot be read.
func (d *walker) label(n *node, p fieldPath, name string) string {
	if !d.v2(n, p, name) {
		return ""
	}
	s, ok := d.str(n.get(name), p.field(name))
	if ok && s == "" {
		// A Model has "" for no label: a file leaves the field out.
		d.list.add(p.field(name), ErrOutOfRange, "must be 1 to "+strconv.Itoa(MaxLabelLen)+" characters, got an empty string")
	}
	return s
}

// items builds the items from the array n at p.
func (d *walker) items(n *node, p fieldPath) []Item {
	if n.kind != kindArray {
		d.list.drop(p, ErrWrongKind, "must be an array, got "+n.describe())
		d.idsKnown = false
		return nil
	}
	items := make([]Item, len(n.kids))
	for i := range n.kids {
		c, ip := &n.kids[i], p.at(i)
		it := &items[i]
		it.Weight = 1
		if !d.object(c, ip) {
			d.idsKnown = false
			continue
		}
		id, ok := d.required(c, ip, "id")
		it.ID = id
		if !ok {
			d.idsKnown = false
		}
		it.Name, _ = d.required(c, ip, "name")
		side, _ := d.required(c, ip, "side")
		it.Side = Side(side)
		typ, _ := d.required(c, ip, "type")
		it.Type = Type(typ)
		if s := c.get("stage"); s != nil {
			stage, _ := d.str(s, ip.field("stage"))
			it.Stage = Stage(stage)
		}
		if w := c.get("weight"); w != nil {
			if v, ok := d.num(w, ip.field("weight")); ok {
				it.Weight = v
			}
		}
		if s := c.get("note"); s != nil {
			it.Note, _ = d.str(s, ip.field("note"))
		}
	}
	return items
}

// required returns the string field name of the object n at p, or reports
// that it is absent or not a string.
func (d *walker) required(n *node, p fieldPath, name string) (string, bool) {
	c := n.get(name)
	if c == nil {
		d.list.drop(p.field(name), ErrRequired, "required")
		return "", false
	}
	return d.str(c, p.field(name))
}

// scenarios builds the scenarios from the array n at p, for a model of
// the given mode and items.
func (d *walker) scenarios(n *node, p fieldPath, mode Mode, items []Item) []Scenario {
	if n.kind != kindArray {
		d.list.drop(p, ErrWrongKind, "must be an array, got "+n.describe())
		return nil
	}
	// index finds an item by id; with duplicate ids (an error of its own)
	// the first item's.
	index := make(map[string]int, len(items))
	for i := len(items) - 1; i >= 0; i-- {
		index[items[i].ID] = i
	}
	scenarios := make([]Scenario, len(n.kids))
	for j := range n.kids {
		c, sp := &n.kids[j], p.at(j)
		sc := &scenarios[j]
		sc.Entries = make([]*Entry, len(items))
		if !d.object(c, sp) {
			continue
		}
		sc.ID, _ = d.required(c, sp, "id")
		sc.Name, _ = d.required(c, sp, "name")
		e := c.get("entries")
		if e == nil {
			continue
		}
		ep := sp.field("entries")
		if e.kind != kindObject {
			d.list.drop(ep, ErrWrongKind, "must be an object, got "+e.describe())
			continue
		}
		d.repeats(e, ep)
		// One allocation for the scenario's entries, in the file's order:
		// Evaluate then reads them from consecutive memory.
		backing := make([]Entry, len(e.keys))
		for k, key := range e.keys {
			backing[k] = d.entry(&e.kids[k], ep.field(key), mode)
			i, ok := index[key]
			if !ok {
				// An entry for an item whose id could not be read may be
				// its own: it is only reported when every id was read.
				if d.idsKnown {
					d.list.add(ep.field(key), ErrUnknownItem, "unknown item "+quote(key))
				}
				continue
			}
			if sc.Entries[i] == nil {
				sc.Entries[i] = &backing[k]
			}
		}
	}
	return scenarios
}

// entry builds the entry n at p.
func (d *walker) entry(n *node, p fieldPath, mode Mode) Entry {
	var e Entry
	if !d.object(n, p) {
		return e
	}
	if c := n.get("score"); c != nil {
		e.Score = d.numPtr(c, p.field("score"))
	}
	if c := n.get("amount"); c != nil {
		e.Amount = d.numPtr(c, p.field("amount"))
	}
	if c := n.get("hours"); c != nil {
		e.Hours = d.numPtr(c, p.field("hours"))
	}
	if c := n.get("per"); c != nil {
		per, _ := d.str(c, p.field("per"))
		e.Per = Per(per)
	} else if mode == ModeMoney {
		e.Per = PerOnce
	}
	if c := n.get("weight"); c != nil {
		e.Weight = d.numPtr(c, p.field("weight"))
	}
	if d.v2(n, p, "low") {
		e.Low = d.numPtr(n.get("low"), p.field("low"))
	}
	if d.v2(n, p, "high") {
		e.High = d.numPtr(n.get("high"), p.field("high"))
	}
	if d.v2(n, p, "ask") {
		c := n.get("ask")
		if c.kind != kindBool {
			d.list.drop(p.field("ask"), ErrWrongKind, "must be true or false, got "+c.describe())
		} else {
			e.Ask = c.text == "true"
		}
	}
	return e
}
