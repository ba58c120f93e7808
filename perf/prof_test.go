//go:build perf && prof

package perf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"encoding/json"
	"sync"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// TestProfileEdits profiles edits on the 200×5 model (PROF_ITEMS and
// PROF_SCENARIOS for another size, PROF_MODEL=realistic or ranged for the
// simulation bench's 30 × 3 model): PROF_WEB names a web directory whose
// app.wasm keeps its symbols.
func TestProfileEdits(t *testing.T) {
	root, _ := filepath.Abs("..")
	scratch, _ := os.MkdirTemp("", "vc-prof-")
	defer os.RemoveAll(scratch)
	url, stop, err := serveWeb(root, os.Getenv("PROF_WEB"))
	must(t, err)
	defer stop()
	m := fixture.Large(envInt("PROF_ITEMS", editItems), envInt("PROF_SCENARIOS", editScenarios))
	switch os.Getenv("PROF_MODEL") { // the sim bench's 30 × 3 model, as is or every entry ranged
	case "realistic":
		m = fixture.Realistic()
	case "ranged":
		m = fixture.Ranged(fixture.Realistic())
	}
	payload, _ := calc.EncodeLink(m)
	ctx, done, err := launch(scratch)
	must(t, err)
	defer done()
	must(t, chromedp.Run(ctx, chromedp.Navigate(url+"/?view=editor#"+payload)))
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
	timeline := os.Getenv("PROF_TIMELINE") != ""
	type tlEvent struct {
		name         string
		ts, dur, cpu float64 // ms
		tid          int
	}
	var events, invals []tlEvent
	invalCounts := map[string]int{} // PROF_INVAL: invalidations by kind, node and reason
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, raw := range e.Value {
				var te struct {
					Name string  `json:"name"`
					Ph   string  `json:"ph"`
					Ts   float64 `json:"ts"`
					Tid  int     `json:"tid"`
					Dur  float64 `json:"dur"`
					TDur float64 `json:"tdur"`
					Args struct {
						Data struct {
							Clip     []float64 `json:"clip"`
							NodeID   int       `json:"nodeId"`
							Type     string    `json:"type"`
							NodeName string    `json:"nodeName"` // invalidation tracking
							Reason   string    `json:"reason"`
						} `json:"data"`
						Begin struct {
							Dirty   int  `json:"dirtyObjects"`
							Total   int  `json:"totalObjects"`
							Partial bool `json:"partialLayout"`
						} `json:"beginData"`
					} `json:"args"`
					Cat string `json:"cat"`
				}
				if json.Unmarshal(raw, &te) != nil {
					continue
				}
				if strings.HasSuffix(te.Name, "InvalidationTracking") {
					k := fmt.Sprintf("%s %s (%s)", te.Name, te.Args.Data.NodeName, te.Args.Data.Reason)
					invalCounts[k]++
					invals = append(invals, tlEvent{name: k, ts: te.Ts / 1000})
				}
				if te.Ph == "X" {
					if timeline {
						name := te.Name + " " + te.Args.Data.Type
						if b := te.Args.Begin; te.Name == "Layout" {
							name = fmt.Sprintf("Layout (dirty %d of %d, partial %v)", b.Dirty, b.Total, b.Partial)
						}
						events = append(events, tlEvent{name, te.Ts / 1000, te.Dur / 1000, te.TDur / 1000, te.Tid})
					}
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
					if te.Name == "Layout" && os.Getenv("PROF_LAYOUT") != "" {
						b := te.Args.Begin
						k := fmt.Sprintf("Layout dirty %d of %d partial %v", b.Dirty, b.Total, b.Partial)
						durs[k] += te.Dur / 1000
						counts[k]++
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
		cats := []string{"devtools.timeline", "blink", "v8"}
		if os.Getenv("PROF_INVAL") != "" { // what each frame lays out and paints again, by node and reason
			cats = append(cats, "disabled-by-default-devtools.timeline.invalidationTracking")
		}
		if more := os.Getenv("PROF_CATS"); more != "" { // e.g. cc,disabled-by-default-devtools.timeline for raster
			cats = append(cats, strings.Split(more, ",")...)
		}
		must(t, chromedp.Run(ctx, tracing.Start().WithTraceConfig(&tracing.TraceConfig{IncludedCategories: cats}).WithTransferMode(tracing.TransferModeReportEvents)))
	} else if os.Getenv("PROF_PLAIN") == "" {
		must(t, chromedp.Run(ctx, profiler.Start()))
	}
	if os.Getenv("PROF_NOIDLE") != "" {
		// No idle work (analysis, autosave): the profile is the edits'.
		must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.requestIdleCallback = () => 0; true`, nil)))
	}
	if os.Getenv("PROF_SPLIT") != "" {
		// Each edit's time in three parts: to the task that changed the
		// total (its mutation record), from there to the next frame.
		must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__parts = []; window.__edit = (id, watchID, value) => new Promise((resolve) => {
		  const input = document.getElementById(id);
		  const netText = () => { const n = document.getElementById(watchID); return n ? n.textContent : null; };
		  const before = netText();
		  let done = false, t0 = 0, tm = 0;
		  const mo = new MutationObserver(() => {
		    if (done || netText() === before) return;
		    mo.disconnect(); tm = performance.now();
		    requestAnimationFrame(() => { done = true; const tf = performance.now(); window.__parts.push([tm - t0, tf - tm]); resolve(tf - t0); });
		  });
		  mo.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
		  input.value = String(value);
		  t0 = performance.now();
		  input.dispatchEvent(new Event('input', {bubbles: true}));
		}); true`, nil)))
		defer func() {
			var parts [][2]float64
			must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__parts`, &parts)))
			var a, b []float64
			for _, p := range parts {
				a, b = append(a, p[0]), append(b, p[1])
			}
			t.Logf("split: input → mutation median %.1f ms (p95 %.1f), mutation → frame median %.1f ms (p95 %.1f)", median(a), percentile(a, .95), median(b), percentile(b, .95))
		}()
	}
	if skip := os.Getenv("PROF_SKIP"); skip != "" {
		// A scratch build's skip() leaves these sections out.
		must(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`window.__skip = {}; for (const k of %q.split(",")) window.__skip[k] = true; true`, skip), nil)))
	}
	if os.Getenv("PROF_RC") != "" {
		// Renders per component, counted by a scratch build's rc() calls.
		must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__rc = {}; true`, nil)))
		defer func() {
			var rc map[string]float64
			must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__rc`, &rc)))
			for k, v := range rc {
				t.Logf("renders %6.1f per edit  %s", v/float64(envInt("PERF_EDITS", 40)), k)
			}
		}()
	}
	defer func() {
		var mem float64
		must(t, chromedp.Run(ctx, chromedp.Evaluate(`window.__wasmMem ? window.__wasmMem.buffer.byteLength : -1`, &mem)))
		t.Logf("Go wasm memory after the edits: %.0f MB", mem/1e6)
	}()
	var times []float64
	for k := range envInt("PERF_EDITS", 40) {
		s := m.Scenarios[k%len(m.Scenarios)]
		it := m.Items[(k*37)%len(m.Items)]
		var ms float64
		js := fmt.Sprintf(`window.__edit(%q, %q, "%d")`, cellID(s.ID, it.ID), "net-"+s.ID, 20007+10*k)
		must(t, chromedp.Run(ctx, evalAwait(js, &ms)))
		times = append(times, ms)
		time.Sleep(time.Duration(envInt("PROF_GAP", int(editGap/time.Millisecond))) * time.Millisecond)
	}
	sort.Float64s(times)
	if os.Getenv("PROF_TIMES") != "" { // every edit's time, sorted: shows whether they bunch at frame intervals
		t.Logf("edit times (ms): %.1f", times)
	}
	t.Logf("edits: median %.1f ms, p95 %.1f ms, max %.1f", times[len(times)/2], times[len(times)*95/100], times[len(times)-1])
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
		if timeline {
			// The main thread's top-level events from a few edits' input
			// event on, 60 ms each.
			sort.Slice(events, func(i, j int) bool { return events[i].ts < events[j].ts })
			// The task that renders each edit: the first timer after its
			// input event that runs over 1 ms (go-app's frame).
			var taskCPU, taskWall, lifeCPU []float64
			for i, e := range events {
				if e.name != "EventDispatch input" {
					continue
				}
				gotTask := false
				for _, f := range events[i+1:] {
					if f.tid != e.tid || f.ts > e.ts+100 {
						continue
					}
					if !gotTask && f.name == "TimerBase::run " && f.cpu > 1 {
						taskCPU, taskWall = append(taskCPU, f.cpu), append(taskWall, f.dur)
						gotTask = true
					} else if gotTask && f.name == "WebFrameWidgetImpl::UpdateLifecycle " {
						lifeCPU = append(lifeCPU, f.cpu)
						break
					}
				}
			}
			t.Logf("edit's render task: median cpu %.1f ms, wall %.1f ms; its frame's lifecycle: median cpu %.1f ms (%d edits)", median(taskCPU), median(taskWall), median(lifeCPU), len(taskCPU))
			shown := 0
			for _, e := range events {
				if e.name != "EventDispatch input" || shown >= envInt("PROF_SHOW", 0) {
					continue
				}
				shown++
				t.Logf("--- edit at %.1f", e.ts)
				end := 0.0
				for _, f := range events {
					if os.Getenv("PROF_TIMELINE") == "all" && shown == 3 && f.tid == e.tid && f.ts >= e.ts && f.ts < e.ts+40 && f.dur > 0.05 {
						t.Logf("   %+7.2f ms %6.2f ms (cpu %5.2f) %s", f.ts-e.ts, f.dur, f.cpu, f.name)
						continue
					}
					if f.tid == e.tid && f.ts >= e.ts-float64(envInt("PROF_BEFORE", 1)) && f.ts < e.ts+60 && f.ts >= end && f.dur > 0.2 {
						t.Logf("%+7.1f ms %6.1f ms (cpu %5.1f) %s", f.ts-e.ts, f.dur, f.cpu, f.name)
						end = f.ts + f.dur
					}
				}
			}
		}
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
			if i < envInt("PROF_TOP", 40) {
				t.Logf("trace %8.1f ms %5d× %s", e.v, counts[e.k], e.k)
			}
		}
		byCount := func(m map[string]int) []string { // m's keys, the most frequent first
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
			return keys
		}
		if timeline && len(invals) > 0 {
			// What the input's own frame (the first lifecycle after the
			// input event) was asked to do again.
			own := map[string]int{}
			for i, e := range events {
				if e.name != "EventDispatch input" {
					continue
				}
				for _, f := range events[i+1:] {
					if f.tid == e.tid && f.name == "WebFrameWidgetImpl::UpdateLifecycle " {
						for _, iv := range invals {
							if iv.ts >= e.ts-1 && iv.ts < f.ts {
								own[iv.name]++
							}
						}
						break
					}
				}
			}
			for _, k := range byCount(own) {
				t.Logf("own frame inval %5.1f per edit  %s", float64(own[k])/float64(len(times)), k)
			}
		}
		for i, k := range byCount(invalCounts) {
			if i < envInt("PROF_TOP", 40) {
				t.Logf("inval %6.1f per edit  %s", float64(invalCounts[k])/float64(len(times)), k)
			}
		}
		return
	}
	if os.Getenv("PROF_PLAIN") != "" { // the edits' times alone, neither traced nor profiled
		return
	}
	var prof *profiler.Profile
	must(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		prof, err = profiler.Stop().Do(ctx)
		return err
	})))
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
	for _, e := range top(incl, envInt("PROF_TOP", 80)) {
		t.Logf("incl %6.1f ms %s", float64(e.v)/10, e.k)
	}
}

func serveWeb(root, web string) (string, func(), error) {
	if web == "" {
		return serveValuecalc(root)
	}
	return serveWith(root, web)
}
