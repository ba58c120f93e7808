//go:build perf && prof

package perf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"encoding/json"
	"sync"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/valuecalc/valuecalc/calc"
)

// TestProfileEdits profiles edits on the 200×5 model: PROF_WEB names a web
// directory whose app.wasm keeps its symbols.
func TestProfileEdits(t *testing.T) {
	root, _ := filepath.Abs("..")
	scratch, _ := os.MkdirTemp("", "vc-prof-")
	defer os.RemoveAll(scratch)
	url, stop, err := serveWeb(root, os.Getenv("PROF_WEB"))
	must(t, err)
	defer stop()
	m := largeModel(editItems, editScenarios)
	payload, _ := calc.EncodeLink(m)
	ctx, done, err := launch(scratch)
	must(t, err)
	defer done()
	must(t, chromedp.Run(ctx, chromedp.Navigate(url+"/#"+payload)))
	_, err = waitReady(ctx)
	must(t, err)
	must(t, waitJS(ctx, `!!document.getElementById('save-copy')`, 30*time.Second))
	must(t, chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById('save-copy').click(); true`, nil)))
	time.Sleep(3 * time.Second)
	must(t, chromedp.Run(ctx, chromedp.Evaluate(editJS, nil), profiler.Enable(), profiler.SetSamplingInterval(100)))
	var mu sync.Mutex
	durs := map[string]float64{}
	counts := map[string]int{}
	traceDone := make(chan struct{})
	useTrace := os.Getenv("PROF_TRACE") != ""
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, raw := range e.Value {
				var te struct {
					Name string  `json:"name"`
					Ph   string  `json:"ph"`
					Dur  float64 `json:"dur"`
					TDur float64 `json:"tdur"`
					Args struct {
						Data struct {
							Clip   []float64 `json:"clip"`
							NodeID int       `json:"nodeId"`
						} `json:"data"`
					} `json:"args"`
					Cat string `json:"cat"`
				}
				if json.Unmarshal(raw, &te) == nil && te.Ph == "X" {
					if te.TDur > 0 && os.Getenv("PROF_WALL") == "" {
						te.Dur = te.TDur // CPU time: steadier on a busy machine
					}
					if te.Name == "Paint" && os.Getenv("PROF_PAINT") != "" {
						c := te.Args.Data.Clip
						if len(c) == 8 {
							k := fmt.Sprintf("Paint clip %.0fx%.0f node %d", c[2]-c[0], c[5]-c[1], te.Args.Data.NodeID)
							durs[k] += te.Dur / 1000
							counts[k]++
						}
					}
					durs[te.Name] += te.Dur / 1000
					counts[te.Name]++
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(traceDone)
		}
	})
	if os.Getenv("PROF_MUT") != "" {
		must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__muts = {}; new MutationObserver((ms) => { for (const m of ms) {
		  let el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
		  const sec = el && el.closest('section[id],table[id],.how-sure-wrap,.topbar,#results-strip');
		  const inner = el && el.closest('[id]');
		  const k = (sec ? (sec.id || sec.className) : 'none') + ' / ' + (inner ? inner.id.replace(/[0-9]+/g, 'N') : '') + ' ' + m.type + (m.attributeName ? ':' + m.attributeName : '');
		  window.__muts[k] = (window.__muts[k] || 0) + 1; } }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true}); true`, nil)))
	}
	if useTrace {
		must(t, chromedp.Run(ctx, tracing.Start().WithTraceConfig(&tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline", "blink", "v8"}}).WithTransferMode(tracing.TransferModeReportEvents)))
	} else {
		must(t, chromedp.Run(ctx, profiler.Start()))
	}
	var times []float64
	for k := range envInt("PERF_EDITS", 40) {
		s := m.Scenarios[k%len(m.Scenarios)]
		it := m.Items[(k*37)%len(m.Items)]
		var ms float64
		js := fmt.Sprintf(`window.__edit(%q, %q, "%d")`, cellID(s.ID, it.ID), "net-"+s.ID, 20007+10*k)
		must(t, chromedp.Run(ctx, evalAwait(js, &ms)))
		times = append(times, ms)
		time.Sleep(editGap)
	}
	if os.Getenv("PROF_MUT") != "" {
		var muts map[string]float64
		must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__muts`, &muts)))
		keys := make([]string, 0, len(muts))
		for k := range muts {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return muts[keys[i]] > muts[keys[j]] })
		for _, k := range keys {
			t.Logf("mut %6.1f per edit  %s", muts[k]/float64(len(times)), k)
		}
	}
	if useTrace {
		must(t, chromedp.Run(ctx, tracing.End()))
		<-traceDone
		sort.Float64s(times)
		t.Logf("edits: median %.1f ms, p95 %.1f ms, max %.1f", times[len(times)/2], times[len(times)*95/100], times[len(times)-1])
		type kv struct {
			k string
			v float64
		}
		var l []kv
		for k, v := range durs {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		for i, e := range l {
			if i < 40 {
				t.Logf("trace %8.1f ms %5d× %s", e.v, counts[e.k], e.k)
			}
		}
		return
	}
	var prof *profiler.Profile
	must(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		prof, err = profiler.Stop().Do(ctx)
		return err
	})))
	sort.Float64s(times)
	t.Logf("edits: median %.1f ms, p95 %.1f ms, max %.1f", times[len(times)/2], times[len(times)*95/100], times[len(times)-1])
	self := map[string]int{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range prof.Nodes {
		byID[n.ID] = n
	}
	for _, id := range prof.Samples {
		n := byID[id]
		self[n.CallFrame.FunctionName]++
	}
	// inclusive counts
	parent := map[int64]int64{}
	for _, n := range prof.Nodes {
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	incl := map[string]int{}
	for _, id := range prof.Samples {
		seen := map[string]bool{}
		for x := id; x != 0; x = parent[x] {
			f := byID[x].CallFrame.FunctionName
			if !seen[f] {
				seen[f] = true
				incl[f]++
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	top := func(m map[string]int, n int) []kv {
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		if len(l) > n {
			l = l[:n]
		}
		return l
	}
	total := len(prof.Samples)
	t.Logf("samples %d (0.1 ms each)", total)
	for _, e := range top(self, 40) {
		t.Logf("self %6.1f ms %s", float64(e.v)/10, e.k)
	}
	for _, e := range top(incl, 80) {
		t.Logf("incl %6.1f ms %s", float64(e.v)/10, e.k)
	}
}

func serveWeb(root, web string) (string, func(), error) {
	if web == "" {
		return serveValuecalc(root)
	}
	return serveWith(root, web)
}
