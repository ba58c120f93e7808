//go:build wasm

package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// main is the browser's entry point. Like valuecalc's cmd/valuecalc/main_wasm.go
// it holds no server code at all; the IsClient guard is then a no-op, kept
// so the file reads like go-app's documented hello world.
func main() {
	register()
	app.RunWhenOnBrowser()
	if app.IsClient {
		return
	}
}
