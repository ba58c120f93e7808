package calc

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
)

// maxDepth is how deeply Decode lets JSON arrays and objects nest. A
// model needs 5 levels.
const maxDepth = 64

// Decode reads a model file of format valuecalc/3, valuecalc/2 or
// valuecalc/1 (SPEC §2 and §2.1), applies the defaults of absent fields
// and checks every rule with Validate. A file of an older version is read
// as the same model in valuecalc/3: the model's Format is always Format. On success the model has every
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
//   - data is UTF-16 or UTF-32 text, with or without a byte order mark
//     (ErrUTF16);
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
//   - a valuecalc/1 or valuecalc/2 file holds a field of version 3:
//     customer, summary, drivers, an entry's times, start, end, ramp,
//     growth or source (ErrInvalid);
//   - an entry's start, end or ramp is not an integer (ErrWrongKind) or
//     lies outside 1–MaxStart, 1–MaxEnd, 0–MaxRamp (ErrOutOfRange);
//   - a scale label is an empty string (ErrOutOfRange);
//   - format, an item's id, name, side or type, or a scenario's id or name
//     is absent (ErrRequired);
//   - the model breaks a rule of Validate.
func Decode(data []byte) (Model, error) {
	if err := CheckSize(int64(len(data))); err != nil {
		return Model{}, Problems{{Path: fieldPath{}.String(), Err: err}}
	}
	var root node
	base := 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		base = 3 // positions count from the byte order mark
	}
	if fe := parse(data, base, &root); fe != nil {
		return Model{}, Problems{fe}
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
	// A file of version 1 or 2 is the same model in version 3.
	m.Format = Format
	return m, nil
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
	// pre3 is set for a file of FormatV1 or FormatV2, where version 3's
	// fields are errors; format is the file's format.
	pre3   bool
	format string
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
