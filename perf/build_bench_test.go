//go:build perf

package perf

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// What a large template costs the build (issue 25): a deployer's
// template of 1,000 items × 50 scenarios, valid per SPEC, once took over
// 15 minutes and 1.46 GB and wrote 55 MB pages.
const buildItems, buildScenarios = 1000, 50

// buildResult is one `valuecalc build -templates` of the large template.
type buildResult struct {
	Wall    time.Duration
	CPU     time.Duration // user + system
	MaxRSS  int64         // bytes, the process's peak resident memory
	Largest int64         // bytes, the largest page written
	Page    string        // which
	Pages   int           // how many HTML pages
	Err     string        // why it could not be measured
}

// measureBuild writes the large template and times bin/valuecalc build
// with it, once. Its title names the moment, so that none of its pages or
// its app.js are in the compression cache from an earlier run (app.wasm
// and the rest of the site may be: they are no part of the template's
// cost).
func measureBuild(root, scratch string) buildResult {
	var r buildResult
	fail := func(err error) buildResult { r.Err = err.Error(); return r }
	dir := filepath.Join(scratch, "large-template")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	m := fixture.Large(buildItems, buildScenarios)
	m.Title += " (bench " + time.Now().UTC().Format(time.RFC3339Nano) + ")"
	data, err := calc.Encode(m)
	if err != nil {
		return fail(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "large.json"), data, 0o644); err != nil {
		return fail(err)
	}
	out := filepath.Join(scratch, "large-site")
	cmd := exec.Command(filepath.Join(root, "bin", "valuecalc"), "build", "-web", filepath.Join(root, "web"), "-templates", dir, "-o", out)
	start := time.Now()
	b, err := cmd.CombinedOutput()
	r.Wall = time.Since(start)
	if err != nil {
		return fail(fmt.Errorf("valuecalc build: %v\n%s", err, b))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSS = ru.Maxrss << 10 // KB on Linux
	}
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".html") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		r.Pages++
		if info.Size() > r.Largest {
			r.Largest, r.Page = info.Size(), strings.TrimPrefix(path, out+string(filepath.Separator))
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	return r
}

// buildRows are the report's rows for the large template's build.
func (r report) buildRows() string {
	b := r.Build
	what := fmt.Sprintf("build: %s × %d template (`valuecalc build -templates`)", thousands(buildItems), buildScenarios)
	if b.Err != "" {
		return fmt.Sprintf("| %s | failed: %s | — | — | ≤ 30 s, ≤ 500 MB, pages ≤ 1 MB | no |\n", what, strings.ReplaceAll(strings.SplitN(b.Err, "\n", 2)[0], "|", "/"))
	}
	var s strings.Builder
	fmt.Fprintf(&s, "| %s, wall time (CPU %.1f s) | %.1f s | — | — | ≤ 30 s | %s |\n", what, b.CPU.Seconds(), b.Wall.Seconds(), yes(b.Wall <= 30*time.Second))
	fmt.Fprintf(&s, "| %s, peak memory | %s | — | — | ≤ 500 MB | %s |\n", what, bytesStr(float64(b.MaxRSS)), yes(b.MaxRSS <= 500<<20))
	fmt.Fprintf(&s, "| %s, largest page written (of %d: %s) | %s | — | — | ≤ 1 MB | %s |\n", what, b.Pages, b.Page, bytesStr(float64(b.Largest)), yes(b.Largest <= 1<<20))
	return s.String()
}
