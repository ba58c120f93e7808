// Package perf is valuecalc's performance harness, run by `make bench`
// (never by `make test`; timings are reported, never asserted).
//
// bench_test.go (build tag perf) serves valuecalc and the go-app hello
// world of perf/hello side by side, compressed and served by the same code
// (internal/sitefiles), loads both in headless Chromium on loopback and on
// an emulated 10 Mbit/s, 40 ms network, times edits on a large model, runs
// the engine benchmark and writes the table of docs/PERFORMANCE.md.
package perf
