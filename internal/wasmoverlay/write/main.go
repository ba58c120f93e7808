// Command write writes the go.mod for the browser build that keeps go-app's
// server half out of app.wasm (package wasmoverlay) into the directory given
// as its argument and prints its path, for `go build -modfile`.
package main

import (
	"fmt"
	"os"

	"github.com/valuecalc/valuecalc/internal/wasmoverlay"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: write DIR")
		os.Exit(2)
	}
	path, err := wasmoverlay.Write(".", os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(path)
}
