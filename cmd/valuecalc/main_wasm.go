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
	// at a time: the p95 of edit → repaint. At 400 it comes every ~80.
	//
	// The soft limit is for the largest models only, near what a browser
	// gives WebAssembly (4 GiB at most): at 200 × 50 the live heap is
	// ~300 MB, and a limit of 256 MiB, below it, made the runtime collect
	// without end: an edit took ~1 s (33 ms without), a simulation minutes
	// (docs/PERFORMANCE.md).
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(2 << 30)
	ui.Register()
	browser.RepairURL()
	browser.GuardStorage()
	app.RunWhenOnBrowser()
}
