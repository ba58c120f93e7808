package browser

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/state"
)

// download hands data to the browser as a file called name, and reports
// whether it could (a page can not know whether the user then kept it).
func download(name, mime string, data []byte) (ok bool) {
	defer warnRecovered("downloading " + name) // ok stays false
	win := app.Window()
	arr := win.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	blob := win.Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := win.Get("URL").Call("createObjectURL", blob)
	doc := win.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// The download has its own copy once it starts; free the blob later.
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		win.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	win.Call("setTimeout", revoke, 60000)
	return true
}

// ImportPicked reads the file chosen in the file input the event came
// from, and sends it to be imported.
func ImportPicked(ctx app.Context) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	readFile(ctx, files.Index(0))
	ctx.JSSrc().Set("value", "") // picking the same file again fires again
}

// OpenPicker opens the file picker of the input with id.
func OpenPicker(id string) {
	if in := app.Window().GetElementByID(id); in.Truthy() {
		in.Call("click")
	}
}

// readFile reads a File object's bytes and sends them to be imported.
// Files over the format's size limit are refused unread. The bytes go to
// calc as they are, as the CLI reads them: File.text() would decode
// UTF-16 with a byte order mark, and replace bytes that are not UTF-8,
// importing files that the CLI refuses.
func readFile(ctx app.Context, file app.Value) {
	name := file.Get("name").String()
	if size := file.Get("size").Int(); size > maxFile {
		Send(ctx, state.ImportUnreadable{FileName: name, Size: size, TooLarge: true})
		return
	}
	var done, failed app.Func
	release := func() { done.Release(); failed.Release() }
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		arr := app.Window().Get("Uint8Array").New(args[0])
		data := make([]byte, arr.Length())
		app.CopyBytesToGo(data, arr)
		sendLater(ctx, state.ImportFile{FileName: name, Text: string(data)})
		release()
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		sendLater(ctx, state.ImportUnreadable{FileName: name})
		release()
		return nil
	})
	file.Call("arrayBuffer").Call("then", done, failed)
}

// listenDrops imports a file dropped anywhere on the page.
func (b *Browser) listenDrops() {
	hasFiles := func(ev app.Value) bool {
		dt := ev.Get("dataTransfer")
		if !dt.Truthy() {
			return false
		}
		types := dt.Get("types")
		for i := 0; i < types.Length(); i++ {
			if types.Index(i).String() == "Files" {
				return true
			}
		}
		return false
	}
	win := app.Window()
	dragging := false
	b.addListener(win, "dragover", func(ev app.Value) {
		if !hasFiles(ev) {
			return
		}
		ev.Call("preventDefault")
		ev.Get("dataTransfer").Set("dropEffect", "copy")
		if !dragging {
			dragging = true
			b.send(state.Drag{On: true})
		}
	})
	b.addListener(win, "dragleave", func(ev app.Value) {
		// Leaving the window, not moving between elements.
		if !ev.Get("relatedTarget").Truthy() {
			dragging = false
			b.send(state.Drag{On: false})
		}
	})
	b.addListener(win, "drop", func(ev app.Value) {
		if !hasFiles(ev) {
			return
		}
		ev.Call("preventDefault")
		dragging = false
		files := ev.Get("dataTransfer").Get("files")
		b.send(state.Drag{On: false})
		if files.Length() > 0 {
			readFile(b.ctx, files.Index(0))
		}
	})
}
