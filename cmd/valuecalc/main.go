//go:build !wasm

// Command valuecalc serves the valuecalc app, writes it as a static site and
// evaluates model files on the command line:
//
//	valuecalc serve [-addr 127.0.0.1:8000] [-web web] [-brand brand.json] [-templates DIR]
//	valuecalc build [-o dist] [-prefix /sub/path] [-web web] [-brand brand.json] [-templates DIR]
//	valuecalc eval [--json] FILE|-
//	valuecalc analyze [--json] FILE|-
//
// serve is the default command.
package main

import (
	"fmt"
	"io"
	"os"

	ui "github.com/valuecalc/valuecalc/app"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage:
  valuecalc serve [-addr 127.0.0.1:8000] [-web web]   serve the app (default)
                  [-brand brand.json] [-templates DIR]
  valuecalc build [-o dist] [-prefix /sub/path] [-web web]
                  [-brand brand.json] [-templates DIR]
                                                       write the static site
  valuecalc eval [--json] FILE|-                       evaluate a model file
  valuecalc analyze [--json] FILE|-                    what would change the answer
`

// run dispatches to a subcommand and returns the process exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ui.Register()
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(args, stdout, stderr)
	case "build":
		return runBuild(args, stdout, stderr)
	case "eval":
		return runEval(args, stdin, stdout, stderr)
	case "analyze":
		return runAnalyze(args, stdin, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "valuecalc: unknown command %q\n%s", cmd, usage)
	return 2
}
