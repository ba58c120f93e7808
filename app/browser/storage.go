package browser

import (
	"fmt"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
)

// errStorageUnavailable reports a browser that refuses storage (disabled
// cookies and site data, some private modes, sandboxed frames).
var errStorageUnavailable = i18n.Errorf(i18n.ErrStorageUnavailable)

// LocalStorage is the browser's localStorage as a state.Storage. Every
// call is guarded: a browser that refuses storage, or a full quota, throws,
// and that must be an error to show, not a crash.
type LocalStorage struct{}

func localStorage() (v app.Value, err error) {
	defer recoverJS(&err)
	// Through Reflect.get: a throwing property read would stop the program.
	ls := app.Window().Get("Reflect").Call("get", app.Window(), "localStorage")
	if !ls.Truthy() {
		return nil, errStorageUnavailable
	}
	return ls, nil
}

// Get returns the value stored under key.
func (LocalStorage) Get(key string) (value string, ok bool, err error) {
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
func (LocalStorage) Set(key, value string) (err error) {
	defer recoverJS(&err)
	ls, err := localStorage()
	if err != nil {
		return err
	}
	ls.Call("setItem", key, value)
	return nil
}

// Del removes key.
func (LocalStorage) Del(key string) (err error) {
	defer recoverJS(&err)
	ls, err := localStorage()
	if err != nil {
		return err
	}
	ls.Call("removeItem", key)
	return nil
}

// Keys lists the keys stored for this site.
func (LocalStorage) Keys() (keys []string, err error) {
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
			*err = state.ErrStorageFull
			return
		}
		*err = e
		return
	}
	*err = fmt.Errorf("%v", r)
}

func isQuotaError(err error) bool {
	return strings.Contains(strings.ToLower(err.Error()), "quota")
}

// memoryMark marks the stand-in GuardStorage puts in place of a
// localStorage the browser refuses.
const memoryMark = "valuecalcInMemory"

// StorageBlocked reports whether the browser refuses this site its
// storage, so that GuardStorage put one in memory in its place: the editor
// then says that nothing can be kept.
func StorageBlocked() (blocked bool) {
	defer func() {
		if recover() != nil {
			blocked = true
		}
	}()
	ls := app.Window().Get("Reflect").Call("get", app.Window(), "localStorage")
	return !ls.Truthy() || ls.Get(memoryMark).Truthy()
}

// GuardStorage runs before go-app starts. A browser that blocks site data
// throws on every read of window.localStorage, and a throwing property read
// in Go's wasm_exec.js stops the program: go-app itself reads it at start.
// Probing through Reflect.get turns the exception into a recoverable
// panic; when storage is blocked, window.localStorage becomes an object in
// memory, so the app runs and says that nothing will be kept.
func GuardStorage() {
	if app.IsServer {
		return
	}
	win := app.Window()
	if storageReadable(win) {
		return
	}
	mem := map[string]string{}
	var keys []string
	obj := win.Get("Object").New()
	fn := func(f func(args []app.Value) any) app.Func {
		return app.FuncOf(func(this app.Value, args []app.Value) any { return f(args) })
	}
	arg := func(args []app.Value, i int) string {
		if i < len(args) {
			return args[i].String()
		}
		return "undefined"
	}
	obj.Set("getItem", fn(func(args []app.Value) any {
		if v, ok := mem[arg(args, 0)]; ok {
			return v
		}
		return nil
	}))
	obj.Set("setItem", fn(func(args []app.Value) any {
		k := arg(args, 0)
		if _, ok := mem[k]; !ok {
			keys = append(keys, k)
		}
		mem[k] = arg(args, 1)
		obj.Set("length", len(keys))
		return nil
	}))
	obj.Set("removeItem", fn(func(args []app.Value) any {
		k := arg(args, 0)
		if _, ok := mem[k]; ok {
			delete(mem, k)
			keys = slices.DeleteFunc(keys, func(x string) bool { return x == k })
			obj.Set("length", len(keys))
		}
		return nil
	}))
	obj.Set("key", fn(func(args []app.Value) any {
		if len(args) > 0 {
			if i := args[0].Int(); i >= 0 && i < len(keys) {
				return keys[i]
			}
		}
		return nil
	}))
	obj.Set("clear", fn(func(args []app.Value) any {
		clear(mem)
		keys = nil
		obj.Set("length", 0)
		return nil
	}))
	obj.Set("length", 0)
	obj.Set(memoryMark, true)
	desc := win.Get("Object").New()
	desc.Set("value", obj)
	desc.Set("configurable", true)
	func() {
		defer warnRecovered("putting storage in memory in place of the blocked localStorage")
		win.Get("Object").Call("defineProperty", win, "localStorage", desc)
	}()
}

// storageReadable reports whether localStorage can be read.
func storageReadable(win app.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	ls := win.Get("Reflect").Call("get", win, "localStorage")
	if !ls.Truthy() {
		return false
	}
	ls.Call("getItem", "valuecalc/v1/index")
	return true
}
