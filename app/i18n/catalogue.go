package i18n

import (
	"errors"
	"fmt"
	"strings"
)

// Key names a message of the catalogue. Each language file holds every
// key's text in an array indexed by Key: static data in app.wasm, with no
// map to build at start.
type Key int

// texts returns l's catalogue; English for a language it does not speak.
func (l Lang) texts() *[numKeys]string {
	switch l {
	case DE:
		return &de
	case FR:
		return &fr
	case ES:
		return &es
	}
	return &en
}

// T returns k's text in l, with args in its verbs (fmt's %s, %d, %[1]s)
// when there are any. A key without text in l falls back to English.
func (l Lang) T(k Key, args ...any) string {
	s := l.raw(k)
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, l.local(args)...)
}

// Number is a number in a message's arguments: the message writes it the
// way of the language it is shown in ("1,234.5", "1.234,5").
type Number float64

// local returns args with each Number written in l.
func (l Lang) local(args []any) []any {
	var out []any // a copy, made at the first Number: args stay the caller's
	for i, a := range args {
		if n, ok := a.(Number); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = l.Write(float64(n), true)
		}
	}
	if out == nil {
		return args
	}
	return out
}

func (l Lang) raw(k Key) string {
	if k <= noKey || k >= numKeys {
		return ""
	}
	if s := l.texts()[k]; s != "" {
		return s
	}
	return en[k]
}

// N returns k's plural form for the count n in l, with n as its first
// argument and args after it: N(key, 3) of "%d item|%d items" is
// "3 items". A text without "|" has one form for every count.
func (l Lang) N(k Key, n int, args ...any) string {
	one, other, plural := strings.Cut(l.raw(k), "|")
	s := one
	if plural && !l.singular(n) {
		s = other
	}
	return fmt.Sprintf(s, l.local(append([]any{n}, args...))...)
}

// singular reports whether n takes the "one" form in l: only 1 in
// English, German and Spanish; 0 and 1 in French.
func (l Lang) singular(n int) bool {
	if l == FR {
		return n == 0 || n == 1
	}
	return n == 1
}

// Error is an error whose message is in the catalogue: it reads in
// English (Error, for logs, files and the CLI) and in the user's language
// on screen (Lang.Err).
type Error struct {
	Key  Key
	Args []any
}

// Errorf returns an *Error of k with args.
func Errorf(k Key, args ...any) error { return &Error{Key: k, Args: args} }

func (e *Error) Error() string { return EN.T(e.Key, e.Args...) }

// Is reports whether target is an *Error of the same key, so that a
// message with its arguments matches its sentinel in errors.Is.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Key == e.Key
}

// Err returns err's message in l: the catalogue's when err is or wraps an
// *Error, else err's own text.
func (l Lang) Err(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return l.T(e.Key, e.Args...)
	}
	return err.Error()
}

// Name returns the language's own name, as a menu lists it.
func (l Lang) Name() string {
	switch l {
	case DE:
		return "Deutsch"
	case FR:
		return "Français"
	case ES:
		return "Español"
	}
	return "English"
}

// Texts returns every text of l's catalogue, for tests that look for one
// language's words on a page in another.
func Texts(l Lang) []string { return append([]string(nil), l.texts()[noKey+1:]...) }
