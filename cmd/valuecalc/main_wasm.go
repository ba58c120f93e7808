//go:build wasm

package main

import (
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "github.com/valuecalc/valuecalc/app"
	"github.com/valuecalc/valuecalc/app/browser"
)

// main is the browser's entry point: app.wasm runs the UI and nothing else,
// so the server and CLI code stay out of the download.
func main() {
	// At 200 items × 5 scenarios an edit allocates ~1 MB (go-app renders
	// the editor's tree again) over a ~25 MB live heap. With Go's default
	// GOGC of 100 a collection came every ~20 keystrokes, and in
	// WebAssembly its marking runs on the page's only thread, 100-300 ms
	// at a time: the p95 of edit → repaint. At 400 it comes every ~80; the
	// soft limit keeps the heap from growing past 256 MiB whatever the
	// model (docs/PERFORMANCE.md).
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(256 << 20)
	ui.Register()
	browser.RepairURL()
	browser.GuardStorage()
	app.RunWhenOnBrowser()
}
