//go:build perf

package perf

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/valuecalc/valuecalc/internal/sitefiles"
)

// What a first visit downloads in all (issue 25): the page's requests and
// its service worker's, counted on the server side by a proxy in front of
// each site, which sees both. go-app's default worker (the baseline's)
// downloads app.wasm a second time while the page downloads it;
// valuecalc's takes the page's copy from the HTTP cache.

// visitRuns is how many first visits of each site are counted.
const visitRuns = 3

// visitResult is what one first visit was sent.
type visitResult struct {
	Bytes    int64 // response bodies as sent (compressed), headers left out
	Wasm     int   // app.wasm responses with a body
	Wasm304  int   // app.wasm revalidated: 304 Not Modified, no body
	Requests int
}

// firstVisits are the first visits of both sites, at realNetwork.
type firstVisits struct {
	VC, Hello []visitResult
}

// measureFirstVisits counts runs first visits of each site, the sites
// taking turns, each in a fresh profile on a fresh origin.
func measureFirstVisits(scratch, vcURL, helloURL string, runs int) (firstVisits, error) {
	var r firstVisits
	for i := range runs {
		for k := range 2 {
			site, out := vcURL, &r.VC
			if (i+k)%2 == 1 {
				site, out = helloURL, &r.Hello
			}
			v, err := measureFirstVisit(scratch, site)
			if err != nil {
				return r, err
			}
			*out = append(*out, v)
		}
	}
	return r, nil
}

// measureFirstVisit opens site's page in a fresh profile at realNetwork,
// through a counting proxy, and counts what the server sent until the
// service worker's cache holds app.wasm and a second has passed without a
// request.
func measureFirstVisit(scratch, site string) (visitResult, error) {
	target, err := url.Parse(site)
	if err != nil {
		return visitResult{}, err
	}
	c := &countingProxy{proxy: httputil.NewSingleHostReverseProxy(target)}
	c.proxy.FlushInterval = -1 // pass bytes on as they come
	srv := httptest.NewServer(c)
	defer srv.Close()
	ctx, done, err := launch(scratch)
	if err != nil {
		return visitResult{}, err
	}
	defer done()
	n := realNetwork
	if err := chromedp.Run(ctx, network.EmulateNetworkConditions(false, n.latencyMS, n.downBps/8, n.upBps/8)); err != nil {
		return visitResult{}, fmt.Errorf("emulating %s: %w", n.name, err)
	}
	time.Sleep(settle)
	if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		return visitResult{}, err
	}
	if _, err := waitReady(ctx); err != nil {
		return visitResult{}, fmt.Errorf("first visit of %s: %w", site, err)
	}
	if err := waitJS(ctx, cachedJS, 2*time.Minute); err != nil {
		return visitResult{}, fmt.Errorf("%s: the service worker never cached app.wasm: %w", site, err)
	}
	return c.quiet(ctx, time.Second, time.Minute)
}

// countingProxy passes requests on to a site and counts what the site
// sends back.
type countingProxy struct {
	proxy    *httputil.ReverseProxy
	mu       sync.Mutex
	res      visitResult
	inFlight int
	last     time.Time // the last request began or ended
}

func (c *countingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.inFlight++
	c.res.Requests++
	c.last = time.Now()
	c.mu.Unlock()
	cw := &countingWriter{ResponseWriter: w}
	c.proxy.ServeHTTP(cw, r)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.inFlight--
	c.last = time.Now()
	c.res.Bytes += cw.n
	if path.Base(r.URL.Path) == "app.wasm" {
		switch cw.status {
		case http.StatusOK:
			c.res.Wasm++
		case http.StatusNotModified:
			c.res.Wasm304++
		}
	}
}

// quiet waits until no request has been under way for d (at most max)
// and returns the counts.
func (c *countingProxy) quiet(ctx context.Context, d, max time.Duration) (visitResult, error) {
	deadline := time.Now().Add(max)
	for {
		c.mu.Lock()
		done, res := c.inFlight == 0 && time.Since(c.last) >= d, c.res
		c.mu.Unlock()
		if done {
			return res, nil
		}
		if time.Now().After(deadline) {
			return res, fmt.Errorf("requests still under way after %s", max)
		}
		select {
		case <-ctx.Done():
			return res, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// countingWriter counts the body bytes of a response and records its
// status.
type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *countingWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

func (w *countingWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// visitRows is the first visit's row of the bench table.
func (r report) visitRows() string {
	v := r.Visits
	if len(v.VC) == 0 || len(v.Hello) == 0 {
		return ""
	}
	bytes := func(rs []visitResult) float64 {
		xs := make([]float64, len(rs))
		for i, x := range rs {
			xs[i] = float64(x.Bytes)
		}
		return median(xs)
	}
	vc, hello := bytes(v.VC), bytes(v.Hello)
	once := true
	for _, x := range v.VC {
		once = once && x.Wasm == 1
	}
	return fmt.Sprintf("| first visit at %g Mbit/s: bytes sent in all, page and service worker (app.wasm sent %s / %s times), median of %d | %s | %s | %.2f× | app.wasm sent once | %s |\n",
		realNetwork.downMbit, wasmCounts(v.VC), wasmCounts(v.Hello), len(v.VC), bytesStr(vc), bytesStr(hello), vc/hello, yes(once))
}

// visitNotes says how the first visits were counted, with every run.
func (r report) visitNotes() string {
	v := r.Visits
	if len(v.VC) == 0 || len(v.Hello) == 0 {
		return ""
	}
	runs := func(rs []visitResult) string {
		parts := make([]string, len(rs))
		for i, x := range rs {
			parts[i] = fmt.Sprintf("%s B in %d responses (app.wasm: %d sent, %d revalidated with a 304)", thousands(x.Bytes), x.Requests, x.Wasm, x.Wasm304)
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprintf("- First visit: each site behind a proxy that counts the response bodies it passes on, as sent (compressed; headers left out), "+
		"for the page and its service worker alike, from navigation until the worker's cache holds app.wasm and a second passes without a request; "+
		"a fresh profile on a fresh origin each run, at %g Mbit/s (Chromium's emulation), the sites alternating. valuecalc: %s. Baseline: %s.\n",
		realNetwork.downMbit, runs(v.VC), runs(v.Hello))
}

// wasmCounts lists the distinct numbers of app.wasm responses of runs.
func wasmCounts(rs []visitResult) string {
	var seen []string
	for _, x := range rs {
		if s := fmt.Sprint(x.Wasm); !slices.Contains(seen, s) {
			seen = append(seen, s)
		}
	}
	return strings.Join(seen, " or ")
}

// TestFirstVisitBench counts first visits alone, against the worktree's
// build (or PERF_WEB, a web directory) and the baseline, and prints the
// row (`go test -tags perf -count=1 -run TestFirstVisitBench -v ./perf/`);
// TestPerf counts them as part of `make bench`.
func TestFirstVisitBench(t *testing.T) {
	root, scratch, url := standalone(t, "visit")
	helloSite, err := buildHello(root, scratch)
	must(t, err)
	headers, err := siteHeaders(url + "/")
	must(t, err)
	helloFiles, err := sitefiles.Handler(helloSite)
	must(t, err)
	hello := httptest.NewServer(withHeaders(helloFiles, headers))
	defer hello.Close()
	var r report
	r.Visits, err = measureFirstVisits(scratch, url, hello.URL, visitRuns)
	must(t, err)
	fmt.Print(r.visitRows())
	fmt.Print(r.visitNotes())
}
