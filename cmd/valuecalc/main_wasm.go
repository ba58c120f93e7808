//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "github.com/valuecalc/valuecalc/app"
)

// main is the browser's entry point: app.wasm runs the UI and nothing else,
// so the server and CLI code stay out of the download.
func main() {
	ui.Register()
	ui.RepairURL()
	ui.GuardStorage()
	app.RunWhenOnBrowser()
}
