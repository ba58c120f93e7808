//go:build perf

package perf

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
	"github.com/valuecalc/valuecalc/internal/headless"
	"github.com/valuecalc/valuecalc/internal/sitefiles"
	"github.com/valuecalc/valuecalc/internal/wasmoverlay"
)

// Settings, overridable from the environment for a quicker look:
// PERF_RUNS (load runs per site on loopback, default 7, at least 5 for the
// report), PERF_NET_RUNS (load runs per site at 10 Mbit/s, default 5),
// PERF_EDITS (edits timed, default 100), CHROMIUM (the browser).
var (
	loadRuns  = envInt("PERF_RUNS", 7)
	netRuns   = envInt("PERF_NET_RUNS", 5)
	editCount = envInt("PERF_EDITS", 100)
	chromium  = envOr("CHROMIUM", "/usr/bin/chromium")
)

// Sizes of the edited model and of the share-link model.
const (
	editItems, editScenarios = 200, 5
	linkItems, linkScenarios = 30, 3
	// editGap is the pause between two timed edits: about a fast
	// typist's pace, so the 300 ms autosave lands among the edits as it
	// does for a user.
	editGap = 120 * time.Millisecond
	// settle is the pause before a timed load.
	settle = time.Second
)

// initJS runs in every document before the page's own scripts. It records
// in window.__readyAt the performance.now() at which body gets
// data-ready="1" (both apps set it in their component's OnMount); in
// window.__fcp the first-contentful-paint; in window.__instAt when
// app.wasm was compiled and instantiated; in window.__contentAt the first
// animation frame in which the page shows text and go-app's loader
// (#app-wasm-loader, a full-window cover until the wasm starts) no longer
// covers it: the first moment a visitor sees the page rather than a
// loading screen. It keeps the Go instance's linear memory, which app.js
// holds only in a local variable, by wrapping
// WebAssembly.instantiate(Streaming).
const initJS = `(() => {
  if (window.__perfInit) return;
  window.__perfInit = true;
  window.__readyAt = null;
  window.__wasmMem = null;
  window.__fcp = null;
  window.__contentAt = null;
  window.__instAt = null;
  const check = () => {
    const b = document.body;
    if (window.__readyAt === null && b && b.getAttribute('data-ready') === '1') window.__readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-ready']});
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint' && window.__fcp === null) window.__fcp = e.startTime;
    }).observe({type: 'paint', buffered: true});
  } catch (e) {}
  const covered = (el) => {
    if (!el || !el.isConnected) return false;
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0 &&
      r.width * r.height >= 0.5 * innerWidth * innerHeight;
  };
  const frame = () => {
    const b = document.body, loader = document.getElementById('app-wasm-loader');
    if (b && !covered(loader)) {
      const text = b.innerText.length - (loader && loader.isConnected ? loader.innerText.length : 0);
      if (text > 0) { window.__contentAt = performance.now(); return; }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const keep = (r) => {
    try {
      const inst = r instanceof WebAssembly.Instance ? r : r && r.instance;
      if (inst && inst.exports && inst.exports.mem) window.__wasmMem = inst.exports.mem;
      if (window.__instAt === null) window.__instAt = performance.now();
    } catch (e) {}
    return r;
  };
  const wrap = (name) => {
    const f = WebAssembly[name];
    if (typeof f !== 'function') return;
    WebAssembly[name] = function (...args) { return f.apply(this, args).then(keep); };
  };
  wrap('instantiateStreaming');
  wrap('instantiate');
})();`

// editJS times one edit in the page: it sets an input's value, dispatches
// an input event and resolves with the milliseconds from just before the
// dispatch to the first animation frame after the element watchID (in
// valuecalc a scenario's net total, #net-<scenario>) shows new text; -1 if
// it did not change within 3 s. The observer watches the whole body, so a
// re-created element is still seen.
const editJS = `window.__edit = (id, watchID, value) => new Promise((resolve) => {
  const input = document.getElementById(id);
  const netText = () => { const n = document.getElementById(watchID); return n ? n.textContent : null; };
  const before = netText();
  let done = false, t0 = 0;
  const finish = (v) => { if (done) return; done = true; mo.disconnect(); resolve(v); };
  const mo = new MutationObserver(() => {
    if (done || netText() === before) return;
    mo.disconnect();
    requestAnimationFrame(() => finish(performance.now() - t0));
  });
  mo.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
  setTimeout(() => finish(-1), 3000);
  input.value = String(value);
  t0 = performance.now();
  input.dispatchEvent(new Event('input', {bubbles: true}));
}); true`

func TestPerf(t *testing.T) {
	if loadRuns < 1 || netRuns < 1 || editCount < 1 {
		t.Fatal("PERF_RUNS, PERF_NET_RUNS and PERF_EDITS must be positive")
	}
	start := time.Now()
	root, err := filepath.Abs("..")
	must(t, err)
	scratch, err := os.MkdirTemp("", "valuecalc-perf-")
	must(t, err)
	defer os.RemoveAll(scratch)

	step(t, "building valuecalc and the hello baseline")
	must(t, ensureValuecalc(root))
	helloSite, err := buildHello(root, scratch)
	must(t, err)

	// The engine runs first, while nothing else competes for the CPU.
	step(t, "engine benchmark")
	engineNs, engineV3Ns, engineOut, err := engineBenchmark(root)
	must(t, err)
	fmt.Print(engineOut)
	step(t, "analysis benchmark in wasm")
	analysisNs, analysisOut, err := analysisBenchmark(root)
	must(t, err)
	fmt.Print(analysisOut)

	step(t, "serving both sites")
	vcURL, stopVC, err := serveValuecalc(root)
	must(t, err)
	defer stopVC()
	headers, err := siteHeaders(vcURL + "/")
	must(t, err)
	helloFiles, err := sitefiles.Handler(helloSite)
	must(t, err)
	hello := httptest.NewServer(withHeaders(helloFiles, headers))
	defer hello.Close()
	t.Logf("valuecalc on %s, hello on %s", vcURL, hello.URL)
	notes, err := compressionNote(vcURL+"/web/app.wasm", hello.URL+"/web/app.wasm")
	must(t, err)
	notes = append(notes, "Headers: the baseline is served with valuecalc's site-wide headers ("+strings.Join(slices.Sorted(maps.Keys(headers)), ", ")+").")

	loadBefore := loadAvg()
	// Run 0 warms the machine (disk cache, CPU clocks) and is dropped.
	step(t, "loads on loopback")
	vcRuns, helloRuns, chromiumVersion := loadRunsOf(t, scratch, vcURL, hello.URL, loadRuns, true, nil)
	step(t, fmt.Sprintf("loads at %s", realNetwork.name))
	vcNet, helloNet, _ := loadRunsOf(t, scratch, vcURL, hello.URL, netRuns, false, &realNetwork)

	step(t, "what the four languages cost: an English-only build, a German page")
	langs, err := measureLangs(t, root, scratch, vcURL, netRuns)
	must(t, err)

	step(t, "first visits: what the page and its service worker download")
	visits, err := measureFirstVisits(scratch, vcURL, hello.URL, visitRuns)
	must(t, err)

	step(t, "edits on a 200-item × 5-scenario model")
	edits, err := measureEdits(scratch, vcURL)
	must(t, err)
	t.Logf("model opened by %s; %d edits timed, %d without a repaint", edits.Method, len(edits.Times), edits.Failed)

	helloEdits, err := measureHelloEdits(scratch, hello.URL+"/")
	must(t, err)

	step(t, "typing on a 30-item × 3-scenario model, without and with ranges")
	simEdits, err := measureSimEdits(scratch, vcURL)
	must(t, err)
	step(t, fmt.Sprintf("the simulation of a %d-item × %d-scenario model", bigItems, bigScenarios))
	simLog = t.Logf
	bigSim, err := measureBigSim(scratch, vcURL)
	bigErr := ""
	if err != nil { // reported in its rows: the rest of the bench stands
		t.Logf("the simulation's measurement: %v", err)
		bigErr = err.Error()
	}

	step(t, "keystrokes into the grid at 200 × 5, 500 × 20 and 1,000 × 50")
	grids := measureGrids(t, root, scratch, vcURL)

	link, payload, err := linkLength(fixture.Realistic())
	must(t, err)
	linkDrivers, _, err := linkLength(fixture.RealisticDrivers())
	must(t, err)

	step(t, fmt.Sprintf("building a site with a %d × %d template", buildItems, buildScenarios))
	build := measureBuild(root, scratch)
	t.Logf("build: %s wall, %s CPU, %d MB peak, largest page %d B; %s", build.Wall, build.CPU, build.MaxRSS>>20, build.Largest, build.Err)

	rep := report{
		VC: vcRuns, Hello: helloRuns, VCNet: vcNet, HelloNet: helloNet, Edits: edits, HelloEdits: helloEdits, EngineNs: engineNs, EngineV3Ns: engineV3Ns, AnalysisNs: analysisNs,
		LinkFragment: link, LinkPayload: payload, LinkDrivers: linkDrivers, Notes: notes, SimEdits: simEdits, BigSim: bigSim, BigErr: bigErr, Langs: langs, Visits: visits,
		Chromium: chromiumVersion, Elapsed: time.Since(start), Load: [2]string{loadBefore, loadAvg()},
		Build: build, Grids: grids,
	}
	table := rep.markdown()
	fmt.Println()
	fmt.Println(table)
	must(t, writeDoc(filepath.Join(root, "docs", "PERFORMANCE.md"), table))
	t.Logf("docs/PERFORMANCE.md updated; harness took %s", time.Since(start).Round(time.Second))
}

// loadRunsOf measures runs cold and warm loads of each site, in a fresh
// profile each, on the given network (nil: loopback as it is), with
// loadSites. It returns valuecalc's runs, the baseline's and the browser's
// version.
func loadRunsOf(t *testing.T, scratch, vcURL, helloURL string, runs int, warmUp bool, net *networkProfile) (vc, hello []loadResult, browser string) {
	rs, browser := loadSites(t, scratch, []loadSite{{"valuecalc", vcURL + "/"}, {"hello", helloURL + "/"}}, runs, warmUp, net)
	return rs[0], rs[1], browser
}

// A loadSite is a page whose loads are measured: its name in the log and
// its URL.
type loadSite struct{ name, url string }

// loadSites measures runs cold and warm loads of each site's page, in a
// fresh profile each, on the given network (nil: loopback as it is). The
// sites take turns, and the one going first moves on every run, so drift
// hits them alike; with warmUp an extra first round is dropped. It returns
// each site's runs, in the order of sites, and the browser's version.
func loadSites(t *testing.T, scratch string, sites []loadSite, runs int, warmUp bool, net *networkProfile) (out [][]loadResult, browser string) {
	out = make([][]loadResult, len(sites))
	first := 1
	if warmUp {
		first = 0
	}
	for r := first; r <= runs; r++ {
		for k := range sites {
			i := (k + r) % len(sites)
			s := sites[i]
			res, err := measureLoad(scratch, s.url, net)
			must(t, err)
			if browser == "" {
				browser = res.Browser
			}
			label := fmt.Sprintf("run %d", r)
			if r == 0 {
				label = "warm-up (dropped)"
			} else {
				out[i] = append(out[i], res)
			}
			t.Logf("%-9s %s: cold %.0f ms (first contentful paint %.0f ms, content visible %.0f ms), warm %.0f ms, app.wasm %d B over the wire (%s), warm from service worker: %v, cached by the worker %.0f ms after navigation",
				s.name, label, res.ColdMS, res.FCPMS, res.ContentMS, res.WarmMS, res.WasmEncoded, res.Encoding, res.WarmFromSW, res.CachedMS)
		}
	}
	return out, browser
}

// A networkProfile is what Chromium's network emulation is set to for a
// load (Network.emulateNetworkConditions).
type networkProfile struct {
	name             string
	latencyMS        float64
	downBps, upBps   float64 // bits per second
	downMbit, upMbit float64 // for the report
}

// realNetwork is a good home or office connection, far from loopback:
// 10 Mbit/s down, 5 Mbit/s up, 40 ms latency.
var realNetwork = networkProfile{name: "10 Mbit/s", latencyMS: 40, downBps: 10e6, upBps: 5e6, downMbit: 10, upMbit: 5}

// analysisRuns is how many times the analysis benchmark runs in wasm.
const analysisRuns = 5

// analysisBenchmark runs calc's BenchmarkAnalyze (a 30 × 3 money model
// with every entry timed and ranged and 5 ranged drivers: the sensitivity
// and 10,000 simulated samples)
// compiled to WebAssembly, under Node: the engine as the browser runs it.
func analysisBenchmark(root string) ([]float64, string, error) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, "", err
	}
	env := []string{"GOOS=js", "GOARCH=wasm"}
	for _, k := range []string{"PATH", "HOME", "GOCACHE", "GOMODCACHE", "GOPROXY", "GOFLAGS", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkAnalyze$", "-benchtime", "20x",
		"-count", strconv.Itoa(analysisRuns), "-exec", filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "go_js_wasm_exec"), "./calc/")
	cmd.Dir, cmd.Env = root, env // the wasm runner fails over ~8 KB of environment
	b, err := cmd.CombinedOutput()
	if err != nil {
		return nil, "", fmt.Errorf("analysis benchmark in wasm: %v\n%s", err, b)
	}
	runs, err := nsPerOp(b, "BenchmarkAnalyze")
	return runs, string(b), err
}

// ---------------------------------------------------------------------------
// Building and serving

// ensureValuecalc builds bin/valuecalc and web/app.wasm when they are
// missing (`make bench` builds them first, with the Makefile's flags).
func ensureValuecalc(root string) error {
	if _, err := os.Stat(filepath.Join(root, "web", "app.wasm")); err != nil {
		if err := goBuild(root, true, "web/app.wasm", "./cmd/valuecalc"); err != nil {
			return err
		}
	}
	if _, err := os.Stat(filepath.Join(root, "bin", "valuecalc")); err != nil {
		return goBuild(root, false, "bin/valuecalc", "./cmd/valuecalc")
	}
	return nil
}

// goBuild builds pkg to out, for the browser with exactly valuecalc's
// wasm flags, or natively; flags come after them.
func goBuild(root string, wasm bool, out, pkg string, flags ...string) error {
	args := append([]string{"build", "-trimpath"}, flags...)
	if wasm {
		// The Makefile's browser go.mod: go-app without its server half.
		mod, err := wasmoverlay.Write(root, filepath.Join(root, ".cache", "wasmoverlay"))
		if err != nil {
			return err
		}
		args = append(args, "-ldflags=-s -w", "-modfile="+mod)
	}
	cmd := exec.Command("go", append(args, "-o", out, pkg)...)
	cmd.Dir = root
	cmd.Env = os.Environ()
	if wasm {
		cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm")
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s: %v\n%s", strings.Join(cmd.Args[1:], " "), err, b)
	}
	return nil
}

// buildHello builds perf/hello's app.wasm and generator and writes its
// static site; it returns the site's directory.
func buildHello(root, scratch string) (string, error) {
	web := filepath.Join(scratch, "hello-web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return "", err
	}
	for _, f := range []string{"icon.svg", "icon-192.png", "icon-512.png"} {
		b, err := os.ReadFile(filepath.Join(root, "perf", "hello", "web", f))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(web, f), b, 0o644); err != nil {
			return "", err
		}
	}
	if err := goBuild(root, true, filepath.Join(web, "app.wasm"), "./perf/hello"); err != nil {
		return "", err
	}
	gen := filepath.Join(scratch, "hello")
	if err := goBuild(root, false, gen, "./perf/hello"); err != nil {
		return "", err
	}
	site := filepath.Join(scratch, "hello-site")
	if b, err := exec.Command(gen, "-o", site, "-web", web).CombinedOutput(); err != nil {
		return "", fmt.Errorf("hello -o: %v\n%s", err, b)
	}
	return site, nil
}

// serveValuecalc runs `bin/valuecalc serve` on a free loopback port.
func serveValuecalc(root string) (string, func(), error) {
	return serveWith(root, filepath.Join(root, "web"))
}

// serveWith serves the web directory web with valuecalc's own server.
func serveWith(root, web string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(filepath.Join(root, "bin", "valuecalc"), "serve", "-addr", addr, "-web", web)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}
	url := "http://" + addr
	deadline := time.Now().Add(3 * time.Minute) // a new app.wasm is compressed first
	for {
		res, err := http.Get(url + "/")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return url, stop, nil
			}
		}
		if time.Now().After(deadline) {
			stop()
			return "", nil, fmt.Errorf("valuecalc serve did not answer on %s", url)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// perResponse are the headers that describe one response, not the site:
// siteHeaders leaves them out.
var perResponse = []string{"Content-Type", "Content-Length", "Content-Encoding", "Content-Range", "Date",
	"Last-Modified", "Etag", "Accept-Ranges", "Vary", "Transfer-Encoding", "Connection", "Keep-Alive"}

// siteHeaders returns the headers valuecalc's server sends with every
// response (cache policy, security headers), read from its answer for url,
// so that the baseline is served with the same ones whatever
// cmd/valuecalc's siteHandler sets today.
func siteHeaders(url string) (http.Header, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	h := res.Header.Clone()
	for _, k := range perResponse {
		h.Del(k)
	}
	return h, nil
}

// withHeaders adds valuecalc's site-wide headers to every response of h.
func withHeaders(h http.Handler, site http.Header) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range site {
			w.Header()[k] = slices.Clone(v)
		}
		h.ServeHTTP(w, r)
	})
}

// compressionNote says how each server answers a browser's request for
// app.wasm: both sites are precompressed (sitefiles.Precompress) and
// served (sitefiles.Handler) by the same code.
func compressionNote(vcWasmURL, helloWasmURL string) ([]string, error) {
	const accept = "gzip, deflate, br, zstd"
	vc, err := servedEncoding(vcWasmURL, accept)
	if err != nil {
		return nil, err
	}
	hello, err := servedEncoding(helloWasmURL, accept)
	if err != nil {
		return nil, err
	}
	return []string{fmt.Sprintf("Compression: both sites are compressed at build time by internal/sitefiles (brotli quality 11, gzip -9) and served by its handler; "+
		"to Chromium's Accept-Encoding (%s) valuecalc's server answers %s, the baseline's %s.", accept, or(vc, "identity"), or(hello, "identity"))}, nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// servedEncoding returns the Content-Encoding a server answers for url
// to a request with the Accept-Encoding header enc.
func servedEncoding(url, enc string) (string, error) {
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 30 * time.Second}
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Accept-Encoding", enc)
	res, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, res.Status)
	}
	return strings.ToLower(res.Header.Get("Content-Encoding")), nil
}

// engineRuns is how many times the engine benchmark runs: the machine is
// shared, and one run can land on a busy second.
const engineRuns = 7

// engineBenchmark runs calc's BenchmarkEvaluate/money (1,000 items × 50
// scenarios) and BenchmarkEvaluate/money-timed (the same with every entry
// timed, 30 years and 5 drivers, version 3) engineRuns times and returns
// each run's ns/op of each and the output.
func engineBenchmark(root string) (untimed, timed []float64, out string, err error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkEvaluate$/^money(-timed)?$", "-benchmem",
		"-count", strconv.Itoa(engineRuns), "./calc/")
	cmd.Dir = root
	b, err := cmd.CombinedOutput()
	if err != nil {
		return nil, nil, "", fmt.Errorf("calc benchmark: %v\n%s", err, b)
	}
	if untimed, err = nsPerOp(b, "BenchmarkEvaluate/money"); err != nil {
		return nil, nil, "", err
	}
	timed, err = nsPerOp(b, "BenchmarkEvaluate/money-timed")
	return untimed, timed, string(b), err
}

// nsPerOp reads the ns/op of every run of benchmark name in go test's
// output.
func nsPerOp(out []byte, name string) ([]float64, error) {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + `(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op`)
	var runs []float64
	for _, m := range re.FindAllSubmatch(out, -1) {
		ns, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			return nil, err
		}
		runs = append(runs, ns)
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("no %s line in:\n%s", name, out)
	}
	return runs, nil
}

// ---------------------------------------------------------------------------
// Chromium

// launch starts headless Chromium with a fresh profile under scratch.
func launch(scratch string, extra ...chromedp.ExecAllocatorOption) (context.Context, func(), error) {
	return launchFor(scratch, 5*time.Minute, extra...)
}

// launchFor is launch for a session of at most timeout.
func launchFor(scratch string, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) (context.Context, func(), error) {
	dir, err := os.MkdirTemp(scratch, "chromium-")
	if err != nil {
		return nil, nil, err
	}
	ctx, stop := headless.Start(chromium, dir, timeout, extra...)
	done := func() {
		stop()
		os.RemoveAll(dir)
	}
	if err := chromedp.Run(ctx, network.Enable(), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(initJS).Do(ctx)
		return err
	})); err != nil {
		done()
		return nil, nil, fmt.Errorf("starting Chromium: %w", err)
	}
	return ctx, done, nil
}

// waitReady waits for body[data-ready="1"] and returns the milliseconds
// from navigation start at which initJS saw it.
func waitReady(ctx context.Context) (float64, error) {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var at float64
		if err := chromedp.Run(ctx, chromedp.Evaluate(`window.__readyAt ?? -1`, &at)); err != nil {
			return 0, err
		}
		if at >= 0 {
			return at, nil
		}
		if time.Now().After(deadline) {
			return 0, errors.New("the page never set body[data-ready=1]")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitJS polls an expression (which may return a promise) until it is true.
func waitJS(ctx context.Context, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		if err := chromedp.Run(ctx, evalAwait(expr, &ok)); err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %s waiting for %s", timeout, expr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func evalAwait(expr string, res any) chromedp.Action {
	return chromedp.Evaluate(expr, res, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	})
}

// wasmEntry is the resource timing entry of the last app.wasm fetch.
type wasmEntry struct {
	Encoded  int64 `json:"enc"`
	Decoded  int64 `json:"dec"`
	Transfer int64 `json:"transfer"`
	Worker   bool  `json:"worker"`
	// Start and End are when app.wasm was asked for and received, Inst
	// when it was compiled and instantiated: ms from navigation start.
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Inst  float64 `json:"inst"`
}

const wasmEntryJS = `(() => {
  const e = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('/web/app.wasm')).pop();
  return e ? {enc: e.encodedBodySize, dec: e.decodedBodySize, transfer: e.transferSize, worker: e.workerStart > 0,
    start: e.startTime, end: e.responseEnd, inst: window.__instAt ?? -1} : null;
})()`

// isWasmURL reports whether u is app.wasm's URL, whatever its query.
func isWasmURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && strings.HasSuffix(p.Path, "/web/app.wasm")
}

// cachedJS is true once the page is controlled by a service worker whose
// cache holds app.wasm: only then is a repeat visit a warm load.
const cachedJS = `(async () => {
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return false;
  for (const k of await caches.keys()) {
    if (await (await caches.open(k)).match('/web/app.wasm', {ignoreSearch: true})) return true; // valuecalc's is app.wasm?v=HASH
  }
  return false;
})()`

// phases are a load's milestones, ms from navigation start: app.wasm asked
// for (the page and app.js before it), received, compiled and
// instantiated; the app ready (Go's runtime and package init, the first
// render and mount).
type phases struct{ Asked, Got, Inst, Ready float64 }

// phaseNote says where the warm loads' time went, medians of runs.
func phaseNote(name string, vc, hello []loadResult) string {
	m := func(rs []loadResult, f func(phases) float64) float64 {
		return median(field(rs, func(x loadResult) float64 { return f(x.Warm) }))
	}
	part := func(rs []loadResult) string {
		return fmt.Sprintf("app.wasm asked for at %s, received at %s, compiled and instantiated at %s, ready at %s (Go: %s)",
			msStr(m(rs, func(p phases) float64 { return p.Asked })), msStr(m(rs, func(p phases) float64 { return p.Got })),
			msStr(m(rs, func(p phases) float64 { return p.Inst })), msStr(m(rs, func(p phases) float64 { return p.Ready })),
			msStr(m(rs, func(p phases) float64 { return p.Ready - p.Inst })))
	}
	return fmt.Sprintf("Where a warm load's time goes, %s (ms from navigation, medians): valuecalc %s; baseline %s.", name, part(vc), part(hello))
}

// loadResult is one cold and one warm load of a site in a fresh profile.
type loadResult struct {
	ColdMS, WarmMS float64
	FCPMS          float64 // first-contentful-paint, cold load
	ContentMS      float64 // the page shown with no loader over it, cold load (initJS)
	CachedMS       float64 // the service worker's cache held app.wasm, cold load (polled)
	WasmEncoded    int64   // body bytes of app.wasm on the wire, cold load
	WasmDecoded    int64   // bytes of app.wasm after decoding
	Encoding       string  // Content-Encoding of app.wasm, cold load
	WarmFromSW     bool    // the warm load's app.wasm came from the service worker
	Warm           phases  // where the warm load's time went
	WasmMemory     int64   // the Go instance's linear memory at ready, cold load
	Browser        string
}

// measureLoad opens url in a fresh profile (cold), waits until the service
// worker has cached app.wasm, and opens it again (warm); with net, on that
// emulated network.
func measureLoad(scratch, url string, net *networkProfile) (loadResult, error) {
	var r loadResult
	ctx, done, err := launch(scratch)
	if err != nil {
		return r, err
	}
	defer done()
	if net != nil {
		if err := chromedp.Run(ctx, network.EmulateNetworkConditions(false, net.latencyMS, net.downBps/8, net.upBps/8)); err != nil {
			return r, fmt.Errorf("emulating %s: %w", net.name, err)
		}
	}
	var mu sync.Mutex
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventResponseReceived); ok && isWasmURL(e.Response.URL) {
			mu.Lock()
			defer mu.Unlock()
			if r.Encoding == "" {
				r.Encoding = "identity"
				for k, v := range e.Response.Headers {
					if strings.EqualFold(k, "Content-Encoding") {
						r.Encoding = fmt.Sprint(v)
					}
				}
			}
		}
	})
	err = chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, product, _, _, _, err := browser.GetVersion().Do(ctx)
		_, ver, _ := strings.Cut(product, "/")
		r.Browser = "Chromium " + ver + " (headless)"
		return err
	}))
	if err != nil {
		return r, err
	}

	// Each load starts from a quiet browser: settle lets start-up work, and
	// before the warm load the cold load's background compilation (wasm
	// tier-up) and the service worker's install, finish first.
	time.Sleep(settle)
	if err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		return r, err
	}
	if r.ColdMS, err = waitReady(ctx); err != nil {
		return r, fmt.Errorf("cold load of %s: %w", url, err)
	}
	var cold *wasmEntry
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(wasmEntryJS, &cold),
		chromedp.Evaluate(`window.__wasmMem ? window.__wasmMem.buffer.byteLength : -1`, &r.WasmMemory),
	); err != nil {
		return r, err
	}
	// The paint entry and the frame watcher may trail the ready marker by
	// a frame.
	if err := waitJS(ctx, `window.__fcp !== null && window.__contentAt !== null`, 10*time.Second); err != nil {
		return r, fmt.Errorf("%s: no first contentful paint or no content frame: %w", url, err)
	}
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.__fcp`, &r.FCPMS),
		chromedp.Evaluate(`Math.max(window.__contentAt, window.__fcp)`, &r.ContentMS),
	); err != nil {
		return r, err
	}
	if cold == nil {
		return r, fmt.Errorf("%s: no resource timing entry for app.wasm", url)
	}
	r.WasmEncoded, r.WasmDecoded = cold.Encoded, cold.Decoded

	if err := waitJS(ctx, cachedJS, 2*time.Minute); err != nil {
		return r, fmt.Errorf("%s: the service worker never cached app.wasm: %w", url, err)
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`performance.now()`, &r.CachedMS)); err != nil {
		return r, err
	}
	if err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		return r, err
	}
	time.Sleep(2 * settle)
	if err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		return r, err
	}
	if r.WarmMS, err = waitReady(ctx); err != nil {
		return r, fmt.Errorf("warm load of %s: %w", url, err)
	}
	var warm *wasmEntry
	if err := chromedp.Run(ctx, chromedp.Evaluate(wasmEntryJS, &warm)); err != nil {
		return r, err
	}
	r.WarmFromSW = warm != nil && warm.Worker
	if warm != nil {
		r.Warm = phases{Asked: warm.Start, Got: warm.End, Inst: warm.Inst, Ready: r.WarmMS}
	}
	mu.Lock()
	defer mu.Unlock()
	return r, nil
}

// editResult is the edit → repaint timing on the large model.
type editResult struct {
	Method   string    // how the model was opened
	Times    []float64 // ms per edit that repainted
	Failed   int       // edits whose total did not change within 3 s
	WasmMem  int64     // Go linear memory after the model opened
	JSHeap   int64     // performance.memory.usedJSHeapSize then
	LinkLen  int       // length of the #model= link that opened it
	OpenedMS float64   // navigation start → ready with the link
}

// measureEdits opens a 200-item × 5-scenario money model in valuecalc and
// times editCount edits of different cells.
func measureEdits(scratch, vcURL string) (editResult, error) {
	var res editResult
	m := fixture.Large(editItems, editScenarios)
	payload, err := calc.EncodeLink(m)
	if err != nil {
		return res, err
	}
	ctx, done, err := launch(scratch, chromedp.Flag("enable-precise-memory-info", true))
	if err != nil {
		return res, err
	}
	defer done()
	link := vcURL + "/?view=editor#" + payload // payload is the fragment "m=…"; ?view=editor: the editor, not the report
	res.LinkLen = len(link)
	if err := chromedp.Run(ctx, chromedp.Navigate(link)); err != nil {
		return res, err
	}
	if res.OpenedMS, err = waitReady(ctx); err != nil {
		return res, err
	}
	firstCell := cellID(m.Scenarios[0].ID, m.Items[0].ID)
	editable := fmt.Sprintf(`(() => { const el = document.getElementById(%q); const t = document.getElementById('f-title');
	  return !!el && !el.matches(':disabled') && !!t && t.value === %q && !document.getElementById('shared-banner') })()`, firstCell, m.Title)
	// The app shows a share link read-only; "Save a copy" makes it the
	// user's own, editable assessment.
	if waitJS(ctx, `!!document.getElementById('save-copy')`, 10*time.Second) == nil {
		res.Method = "share link #model=… then “Save a copy”"
		if err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById('save-copy').click(); true`, nil)); err != nil {
			return res, err
		}
	} else {
		// Fallback for an app that does not open links: the model goes
		// into localStorage as app/library.go stores it, then a reload.
		res.Method = "localStorage record (the app did not open the #model= link)"
		data, err := calc.Encode(m)
		if err != nil {
			return res, err
		}
		now := time.Now().UnixMilli()
		rec := fmt.Sprintf(`{"rev":1,"saved":%d,"model":%s}`, now, data)
		idx := fmt.Sprintf(`[{"id":"aperf","title":%q,"updated":%d}]`, m.Title, now)
		js := fmt.Sprintf(`localStorage.setItem("valuecalc/v1/doc/aperf", %q); localStorage.setItem("valuecalc/v1/index", %q);
		  localStorage.setItem("valuecalc/v1/current", "aperf"); true`, rec, idx)
		if err := chromedp.Run(ctx, chromedp.Evaluate(js, nil), chromedp.Navigate("about:blank"), chromedp.Navigate(vcURL+"/")); err != nil {
			return res, err
		}
		if _, err := waitReady(ctx); err != nil {
			return res, err
		}
	}
	if err := waitJS(ctx, editable, 30*time.Second); err != nil {
		return res, fmt.Errorf("the %d-item model did not open for editing: %w", editItems, err)
	}
	time.Sleep(time.Second) // let the first save and any idle work finish
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.__wasmMem ? window.__wasmMem.buffer.byteLength : -1`, &res.WasmMem),
		chromedp.Evaluate(`performance.memory ? performance.memory.usedJSHeapSize : -1`, &res.JSHeap),
		chromedp.Evaluate(editJS, nil),
	); err != nil {
		return res, err
	}
	for k := range editCount {
		s := m.Scenarios[k%len(m.Scenarios)]
		it := m.Items[(k*37)%len(m.Items)] // 37 is prime to 200: every edit hits a new cell
		value := 20007 + 10*k
		var ms float64
		js := fmt.Sprintf(`window.__edit(%q, %q, "%d")`, cellID(s.ID, it.ID), "net-"+s.ID, value)
		if err := chromedp.Run(ctx, evalAwait(js, &ms)); err != nil {
			return res, fmt.Errorf("edit %d: %w", k, err)
		}
		if ms < 0 {
			res.Failed++
		} else {
			res.Times = append(res.Times, ms)
		}
		time.Sleep(editGap)
	}
	if len(res.Times) == 0 {
		return res, errors.New("no edit repainted the totals")
	}
	return res, nil
}

// measureHelloEdits times editCount edits of the baseline's input, each
// until its echo paragraph is repainted, as measureEdits does for
// valuecalc: go-app's own floor for input → repaint on this machine.
func measureHelloEdits(scratch, url string) ([]float64, error) {
	ctx, done, err := launch(scratch)
	if err != nil {
		return nil, err
	}
	defer done()
	if err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if _, err := waitReady(ctx); err != nil {
		return nil, err
	}
	time.Sleep(time.Second)
	if err := chromedp.Run(ctx, chromedp.Evaluate(editJS, nil)); err != nil {
		return nil, err
	}
	var times []float64
	for k := range editCount {
		var ms float64
		if err := chromedp.Run(ctx, evalAwait(fmt.Sprintf(`window.__edit("name", "echo", "Ada %d")`, k), &ms)); err != nil {
			return nil, fmt.Errorf("hello edit %d: %w", k, err)
		}
		if ms >= 0 {
			times = append(times, ms)
		}
		time.Sleep(editGap)
	}
	if len(times) == 0 {
		return nil, errors.New("no edit of the baseline repainted its echo")
	}
	return times, nil
}

// cellID is the id of a cell's value input (fieldID in app/editor-view.go
// of the key "entry/<scenario>/<item>").
func cellID(scenario, item string) string {
	return strings.NewReplacer("/", "-", ".", "-").Replace("f-entry/" + scenario + "/" + item)
}

// linkLength returns the length of the fragment "#m=PAYLOAD" and of the
// payload for a realistic 30-item × 3-scenario money model m.
func linkLength(m calc.Model) (int, int, error) {
	fragment, err := calc.EncodeLink(m)
	if err != nil {
		return 0, 0, err
	}
	return len("#") + len(fragment), len(fragment) - len("m="), nil
}

// ---------------------------------------------------------------------------
// Report

type report struct {
	VC, Hello    []loadResult // on loopback
	VCNet        []loadResult // at realNetwork
	HelloNet     []loadResult
	Edits        editResult
	HelloEdits   []float64 // ms, the baseline's input → echo repainted
	EngineNs     []float64 // ns/op of each run
	EngineV3Ns   []float64 // the same, every entry timed (version 3)
	AnalysisNs   []float64 // ns/op of each run of the analysis in wasm
	LinkFragment int
	LinkPayload  int
	LinkDrivers  int // LinkFragment of the model with 5 drivers, priced per them and timed
	Notes        []string
	Chromium     string
	Elapsed      time.Duration
	Load         [2]string // /proc/loadavg's 1-minute figure before the load runs and at the end
	SimEdits     simEditResult
	BigSim       bigSimResult
	BigErr       string // why the simulation's measurement failed, if it did
	Langs        langResult
	Visits       firstVisits
	Build        buildResult // build_bench_test.go
	Grids        gridBench   // grid_bench_test.go
}

func (r report) markdown() string {
	pick := field
	vcCold, hCold := pick(r.VC, func(x loadResult) float64 { return x.ColdMS }), pick(r.Hello, func(x loadResult) float64 { return x.ColdMS })
	vcWarm, hWarm := pick(r.VC, func(x loadResult) float64 { return x.WarmMS }), pick(r.Hello, func(x loadResult) float64 { return x.WarmMS })
	vcWire, hWire := median(pick(r.VC, func(x loadResult) float64 { return float64(x.WasmEncoded) })), median(pick(r.Hello, func(x loadResult) float64 { return float64(x.WasmEncoded) }))
	vcRaw, hRaw := median(pick(r.VC, func(x loadResult) float64 { return float64(x.WasmDecoded) })), median(pick(r.Hello, func(x loadResult) float64 { return float64(x.WasmDecoded) }))
	vcMem, hMem := median(pick(r.VC, func(x loadResult) float64 { return float64(x.WasmMemory) })), median(pick(r.Hello, func(x loadResult) float64 { return float64(x.WasmMemory) }))
	editMed, editP95 := median(r.Edits.Times), percentile(r.Edits.Times, 0.95)
	engineMS := median(r.EngineNs) / 1e6

	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("| metric | valuecalc | baseline | ratio | budget | met |\n|---|---:|---:|---:|---|---|\n")
	ratioRow := func(metric, vc, base string, ratio, budget float64) {
		w("| %s | %s | %s | %.2f× | ≤ %.2f× baseline | %s |\n", metric, vc, base, ratio, budget, yes(ratio <= budget))
	}
	ratioRow(fmt.Sprintf("app.wasm over the wire (%s / %s)", encodings(r.VC), encodings(r.Hello)),
		bytesStr(vcWire), bytesStr(hWire), vcWire/hWire, 1.15)
	ratioRow(fmt.Sprintf("cold load → interactive, median of %d", len(vcCold)), msStr(median(vcCold)), msStr(median(hCold)), median(vcCold)/median(hCold), 1.2)
	ratioRow(fmt.Sprintf("warm load (service worker) → interactive, median of %d", len(vcWarm)), msStr(median(vcWarm)), msStr(median(hWarm)), median(vcWarm)/median(hWarm), 1.2)
	nvcWire := median(pick(r.VCNet, func(x loadResult) float64 { return float64(x.WasmEncoded) }))
	nhWire := median(pick(r.HelloNet, func(x loadResult) float64 { return float64(x.WasmEncoded) }))
	nvcCold, nhCold := pick(r.VCNet, func(x loadResult) float64 { return x.ColdMS }), pick(r.HelloNet, func(x loadResult) float64 { return x.ColdMS })
	nvcWarm, nhWarm := pick(r.VCNet, func(x loadResult) float64 { return x.WarmMS }), pick(r.HelloNet, func(x loadResult) float64 { return x.WarmMS })
	nvcContent, nhContent := pick(r.VCNet, func(x loadResult) float64 { return x.ContentMS }), pick(r.HelloNet, func(x loadResult) float64 { return x.ContentMS })
	nvcFCP, nhFCP := pick(r.VCNet, func(x loadResult) float64 { return x.FCPMS }), pick(r.HelloNet, func(x loadResult) float64 { return x.FCPMS })
	net := fmt.Sprintf("%g Mbit/s down, %g up, %g ms", realNetwork.downMbit, realNetwork.upMbit, realNetwork.latencyMS)
	ratioRow(fmt.Sprintf("%s: app.wasm over the wire (%s / %s)", net, encodings(r.VCNet), encodings(r.HelloNet)),
		bytesStr(nvcWire), bytesStr(nhWire), nvcWire/nhWire, 1.25)
	ratioRow(fmt.Sprintf("%s: cold load → interactive, median of %d", net, len(nvcCold)), msStr(median(nvcCold)), msStr(median(nhCold)), median(nvcCold)/median(nhCold), 1.25)
	ratioRow(fmt.Sprintf("%s: warm load (service worker) → interactive, median of %d", net, len(nvcWarm)), msStr(median(nvcWarm)), msStr(median(nhWarm)), median(nvcWarm)/median(nhWarm), 1.2)
	content, own := median(nvcContent), median(nvcCold)
	w("| %s: cold load → real content visible (no loader over the page), median of %d | %s | %s | %.2f× valuecalc's interactive | ≤ 0.50× valuecalc's interactive and ≤ 600 ms | %s |\n",
		net, len(nvcContent), msStr(content), msStr(median(nhContent)), content/own, yes(content <= 0.5*own && content <= 600))
	w("| %s: cold load → first contentful paint (information: go-app's loading screen counts) | %s | %s | %.2f× | — | — |\n",
		net, msStr(median(nvcFCP)), msStr(median(nhFCP)), median(nvcFCP)/median(nhFCP))
	b.WriteString(r.visitRows())
	b.WriteString(r.langRows())
	w("| edit → totals repainted, median (%d × %d money model, %d edits) | %s | — | — | ≤ 16 ms | %s |\n",
		editItems, editScenarios, len(r.Edits.Times), msStr1(editMed), yes(editMed <= 16))
	w("| edit → totals repainted, p95 | %s | — | — | ≤ 33 ms | %s |\n", msStr1(editP95), yes(editP95 <= 33))
	b.WriteString(r.Grids.gridRows())
	w("| engine: Evaluate, 1,000 items × 50 scenarios, money, median of %d (fastest %.3f ms) | %.3f ms | — | — | ≤ 1 ms | %s |\n",
		len(r.EngineNs), slices.Min(r.EngineNs)/1e6, engineMS, yes(engineMS <= 1))
	v3MS := median(r.EngineV3Ns) / 1e6
	w("| engine: Evaluate, 1,000 items × 50 scenarios, money, every entry timed (start, ramp, growth), 30 years, 5 drivers, median of %d (fastest %.3f ms) | %.3f ms | — | — | ≤ 5 ms | %s |\n",
		len(r.EngineV3Ns), slices.Min(r.EngineV3Ns)/1e6, v3MS, yes(v3MS <= 5))
	analysisMS := median(r.AnalysisNs) / 1e6
	w("| analysis in wasm: Analyze, 30 items × 3 scenarios, every entry timed and ranged, 5 ranged drivers (10,000 samples), median of %d (fastest %.1f ms) | %.1f ms | — | — | ≤ 50 ms | %s |\n",
		len(r.AnalysisNs), slices.Min(r.AnalysisNs)/1e6, analysisMS, yes(analysisMS <= 50))
	b.WriteString(r.simRows())
	b.WriteString(r.buildRows())
	w("| share link, %d items × %d scenarios (#model=… fragment) | %s chars | — | — | ≤ 2,000 chars | %s |\n",
		linkItems, linkScenarios, thousands(int64(r.LinkFragment)), yes(r.LinkFragment <= 2000))
	w("| share link, %d items × %d scenarios, 5 drivers, entries priced per driver and timed (#m=… fragment) | %s chars | — | — | ≤ 2,000 chars | %s |\n",
		linkItems, linkScenarios, thousands(int64(r.LinkDrivers)), yes(r.LinkDrivers <= 2000))
	w("| input → repainted, median / p95 (information: the baseline's echo, valuecalc's net total) | %s / %s | %s / %s | %.1f× | — | — |\n",
		msStr1(editMed), msStr1(editP95), msStr1(median(r.HelloEdits)), msStr1(percentile(r.HelloEdits, 0.95)), editMed/median(r.HelloEdits))
	w("| app.wasm uncompressed (information) | %s | %s | %.2f× | — | — |\n", bytesStr(vcRaw), bytesStr(hRaw), vcRaw/hRaw)
	w("| Go wasm memory at ready, cold load (information) | %s | %s | %.2f× | — | — |\n", bytesStr(vcMem), bytesStr(hMem), vcMem/hMem)
	w("| Go wasm memory with the %d × %d model open (information) | %s | — | — | — | — |\n", editItems, editScenarios, bytesStr(float64(r.Edits.WasmMem)))
	w("| JS heap with the %d × %d model open (information) | %s | — | — | — | — |\n", editItems, editScenarios, bytesStr(float64(r.Edits.JSHeap)))
	w("\n")
	w("Machine: %s, %d cores; %s; %s. Date: %s. The harness took %s.\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), r.Chromium, time.Now().UTC().Format("2006-01-02 15:04 UTC"), r.Elapsed.Round(time.Second))
	w("\nRuns (ms): valuecalc cold %s, warm %s; baseline cold %s, warm %s. Edits: min %s, max %s, %d of %d without a repaint within 3 s.\n",
		list(vcCold), list(vcWarm), list(hCold), list(hWarm), msStr1(slices.Min(r.Edits.Times)), msStr1(slices.Max(r.Edits.Times)), r.Edits.Failed, editCount)
	w("\nRuns at %s (ms): valuecalc cold %s, warm %s, content visible %s, first contentful paint %s; baseline cold %s, warm %s, content visible %s, first contentful paint %s. "+
		"The service worker's cache held app.wasm, median, %s (valuecalc) and %s (baseline) after navigation.\n",
		net, list(nvcCold), list(nvcWarm), list(nvcContent), list(nvcFCP), list(nhCold), list(nhWarm), list(nhContent), list(nhFCP),
		msStr(median(pick(r.VCNet, func(x loadResult) float64 { return x.CachedMS }))), msStr(median(pick(r.HelloNet, func(x loadResult) float64 { return x.CachedMS }))))
	warmSW := true
	for _, x := range slices.Concat(r.VC, r.Hello, r.VCNet, r.HelloNet) {
		warmSW = warmSW && x.WarmFromSW
	}
	w("\nNotes:\n\n")
	for _, n := range r.Notes {
		w("- %s\n", n)
	}
	w("- Every warm load took app.wasm from the service worker: %s.\n", yes(warmSW))
	w("- %s\n", phaseNote("loopback", r.VC, r.Hello))
	w("- %s\n", phaseNote(net, r.VCNet, r.HelloNet))
	paired := func(f func(loadResult) float64) float64 {
		var rs []float64
		for i := range min(len(r.VC), len(r.Hello)) {
			rs = append(rs, f(r.VC[i])/f(r.Hello[i]))
		}
		return median(rs)
	}
	w("- Median of the paired ratios (each valuecalc run over the baseline run next to it), less sensitive to load drift: cold %.2f×, warm %.2f×. "+
		"Load average (1 min) before the load runs %s, at the end %s: on a shared %d-core machine, load times move with it.\n",
		paired(func(x loadResult) float64 { return x.ColdMS }), paired(func(x loadResult) float64 { return x.WarmMS }), r.Load[0], r.Load[1], runtime.NumCPU())
	w("- The large model was opened by %s (link of %s chars); the share-link fragment's payload alone is %s chars.\n",
		r.Edits.Method, thousands(int64(r.Edits.LinkLen)), thousands(int64(r.LinkPayload)))
	b.WriteString(r.visitNotes())
	b.WriteString(r.langNotes())
	b.WriteString(r.simNotes())
	b.WriteString(r.Grids.gridNotes())
	return b.String()
}

// field returns f of each run of rs.
func field(rs []loadResult, f func(loadResult) float64) []float64 {
	out := make([]float64, len(rs))
	for i, x := range rs {
		out[i] = f(x)
	}
	return out
}

func encodings(rs []loadResult) string {
	var seen []string
	for _, x := range rs {
		if !slices.Contains(seen, x.Encoding) {
			seen = append(seen, x.Encoding)
		}
	}
	return strings.Join(seen, "+")
}

const method = `How it is measured (perf/bench_test.go):

- Both sites are served on 127.0.0.1: valuecalc by ` + "`bin/valuecalc serve`" + `, the baseline
  (perf/hello, a one-component go-app v10 hello world built with the same
  ` + "`GOOS=js GOARCH=wasm go build -trimpath -ldflags=\"-s -w\"`" + `, with go-app's server
  half left out by internal/wasmoverlay's go.mod) by a handler with the same headers and
  the same compression as valuecalc's server, detected by asking it for app.wasm in br and gzip.
- "Over the wire" is the resource timing encodedBodySize of app.wasm in Chromium, cold load.
- Rows marked 10 Mbit/s are loaded with Chromium's network emulation
  (` + "`Network.emulateNetworkConditions`" + `: 10 Mbit/s down, 5 Mbit/s up, 40 ms latency) on the
  page, one fresh profile per run, the sites alternating, no warm-up round. "Real content
  visible" is the first animation frame in which the page shows text and go-app's loader
  (` + "`#app-wasm-loader`" + `, which covers the window until the wasm starts) no longer covers half of
  the window or more, and not before the first contentful paint (PerformanceObserver 'paint');
  the first contentful paint alone counts go-app's loading screen. The emulation throttles the
  service worker's own fetches (the baseline's install caches app.wasm while the page loads it) at the same
  rate but, as a check at 200 KB/s showed, not from the page's budget: on a real link the two
  share it, so a first visit there is slower than measured here.
- Load times ("interactive") run from navigation start to the moment body[data-ready="1"] appears (set by
  each app's OnMount), recorded in the page by a MutationObserver injected with
  Page.addScriptToEvaluateOnNewDocument. Cold: a fresh Chromium profile, 1 s after launch.
  Warm: the same profile, via about:blank, 2 s after the service worker's cache holds
  app.wasm (so the cold load's background work is done). One warm-up run per site is
  dropped; the sites alternate and swap order every run.
- Edits: the model opens from a #model= share link; each edit sets a cell input's value,
  dispatches an input event and is timed in the page until the first animation frame after
  the scenario's #net total shows new text. Edits are ` + "120 ms" + ` apart (typing pace), so autosaves land
  among them. The baseline's row times its input → echo paragraph the same way: go-app's
  own floor for an update on this machine.
- Go wasm memory is the byteLength of the instance's exported linear memory (go-app's app.js
  keeps the Go instance in a local variable, so the harness wraps WebAssembly.instantiate*
  to reach it); it only grows, so it bounds the Go heap from above. The JS heap is
  performance.memory.usedJSHeapSize with --enable-precise-memory-info
  (measureUserAgentSpecificMemory needs cross-origin isolation, which the site does not have).
- Engine: ` + "`go test -run '^$' -bench '^BenchmarkEvaluate$/^money(-timed)?$' -benchmem -count 7 ./calc/`" + `, the median ns/op of the runs of each.
- Analysis in wasm: calc's BenchmarkAnalyze built with GOOS=js GOARCH=wasm and run under Node
  (V8, as in Chromium), 20 iterations a run, 5 runs, the median ns/op. The app runs the same code
  when the browser is idle after an edit, the simulation in slices of ~6 ms.
- Share link: calc.EncodeLink of a realistic 30-item × 3-scenario money model; the length
  counted is the fragment "#model=" + payload.
- Typing while the simulation runs (perf/sim_bench_test.go): the share link's realistic
  30 × 3 model, edited as above (the offers' 60 cells in turn, each to 1.01–1.17× its value), in
  one page as it is and in another with every entry ranged from 0.5× to 1.3× its value, so each
  edit is followed, in idle time, by the analysis and the simulation of 10,000 cases. The
  analysis waits for typing to pause (app/state.AnalysisQuiet, 300 ms), so these edits come
  320 ms apart, in both pages: each one lands as the previous one's analysis and simulation run.
- The 1,000 × 50 simulation: the largest model (every cell filled, every entry ranged as
  above: 500 million draws a run), opened like the 200 × 5 one. An animation-frame loop in the
  page follows the progress bar (#how-sure-progress) and the ranges table. Each timed run starts
  with an edit: its repaint (the scenario's total), the first frame showing progress above 0,
  the frame showing the simulated figures, and the distinct progress values shown. Cancelled
  runs: an edit starts a run; once the bar shows 20–60 %, the next edit comes, timed to its
  repaint; that edit's own run must then finish with the figures.
`

// writeDoc replaces the generated section of docs/PERFORMANCE.md, between
// the bench markers, keeping everything else (## Levers included).
func writeDoc(file, table string) error {
	const startMark, endMark = "<!-- bench:start -->", "<!-- bench:end -->"
	section := startMark + "\n## Measured by `make bench`\n\nGenerated: edit outside the bench markers only.\n\n" +
		table + "\n" + method + endMark + "\n"
	old, err := os.ReadFile(file)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		doc := "# valuecalc performance\n\nBudgets against a go-app hello world built the same way, and absolute figures. " +
			"`make bench` rewrites the section between the bench markers; the rest of this file is kept.\n\n" + section
		return os.WriteFile(file, []byte(doc), 0o644)
	case err != nil:
		return err
	}
	s := string(old)
	i, j := strings.Index(s, startMark), strings.Index(s, endMark)
	if i >= 0 && j > i {
		rest := strings.TrimPrefix(s[j+len(endMark):], "\n")
		s = s[:i] + section + rest
	} else {
		s = strings.TrimRight(s, "\n") + "\n\n" + section
	}
	return os.WriteFile(file, []byte(s), 0o644)
}

// ---------------------------------------------------------------------------
// Small helpers

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// percentile is the nearest-rank percentile.
func percentile(xs []float64, p float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	k := int(math.Ceil(p*float64(len(s)))) - 1
	return s[max(0, min(k, len(s)-1))]
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}

func msStr(v float64) string  { return fmt.Sprintf("%.0f ms", v) }
func msStr1(v float64) string { return fmt.Sprintf("%.1f ms", v) }

func bytesStr(v float64) string {
	return fmt.Sprintf("%s B (%.2f MB)", thousands(int64(v)), v/1e6)
}

func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var out []byte
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			out = append(out, ',')
		}
		out = append(out, c)
	}
	return string(out)
}

func list(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strings.Join(parts, ", ")
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "?"
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func step(t *testing.T, what string) { t.Logf("== %s", what) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return def
}
