package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// errStorageUnavailable reports a browser that refuses storage (disabled
// cookies and site data, some private modes, sandboxed frames).
var errStorageUnavailable = errors.New("this browser does not allow saving")

// browserStorage is the browser's localStorage. Every call is guarded: a
// browser that refuses storage, or a full quota, throws, and that must be
// an error to show, not a crash.
type browserStorage struct{}

func localStorage() (v app.Value, err error) {
	defer recoverJS(&err)
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return nil, errStorageUnavailable
	}
	return ls, nil
}

// Get returns the value stored under key.
func (browserStorage) Get(key string) (value string, ok bool, err error) {
	defer recoverJS(&err)
	ls, err := localStorage()
	if err != nil {
		return "", false, err
	}
	item := ls.Call("getItem", key)
	if item.IsNull() || item.IsUndefined() {
		return "", false, nil
	}
	return item.String(), true, nil
}

// Set stores value under key.
func (browserStorage) Set(key, value string) (err error) {
	defer recoverJS(&err)
	ls, err := localStorage()
	if err != nil {
		return err
	}
	ls.Call("setItem", key, value)
	return nil
}

// Del removes key.
func (browserStorage) Del(key string) (err error) {
	defer recoverJS(&err)
	ls, err := localStorage()
	if err != nil {
		return err
	}
	ls.Call("removeItem", key)
	return nil
}

// Keys lists the keys stored for this site.
func (browserStorage) Keys() (keys []string, err error) {
	defer recoverJS(&err)
	ls, err := localStorage()
	if err != nil {
		return nil, err
	}
	n := ls.Get("length").Int()
	for i := 0; i < n; i++ {
		if k := ls.Call("key", i); k.Type() == app.TypeString {
			keys = append(keys, k.String())
		}
	}
	return keys, nil
}

// recoverJS turns a JavaScript exception, which syscall/js raises as a
// panic, into an error.
func recoverJS(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if e, ok := r.(error); ok {
		if isQuotaError(e) {
			*err = errQuotaExceeded
			return
		}
		*err = e
		return
	}
	*err = fmt.Errorf("%v", r)
}

// errQuotaExceeded reports that the browser's storage for this site is full.
var errQuotaExceeded = errors.New("the browser's storage for this site is full")

func isQuotaError(err error) bool {
	return strings.Contains(strings.ToLower(err.Error()), "quota")
}
