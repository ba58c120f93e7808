//go:build perf

package perf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// What the four languages cost (issue 16): the shipped app.wasm against
// one built with `-tags englishonly` (the German, French and Spanish
// catalogues and templates left out, every other byte the same), both on
// their English page, and the shipped build's German page against its
// English one.

// langResult holds the languages' load runs: each on loopback and at
// realNetwork.
type langResult struct {
	All, EnglishOnly, German          []loadResult // loopback
	AllNet, EnglishOnlyNet, GermanNet []loadResult // realNetwork
}

// measureLangs builds and serves the English-only site beside valuecalc's
// (served at vcURL) and loads the three pages in turn, runs times on each
// network.
func measureLangs(t *testing.T, root, scratch, vcURL string, runs int) (langResult, error) {
	var r langResult
	web, err := englishOnlyWeb(root, scratch)
	if err != nil {
		return r, err
	}
	enURL, stop, err := serveWith(root, web)
	if err != nil {
		return r, err
	}
	defer stop()
	sites := []loadSite{
		{"four languages, English page", vcURL + "/"},
		{"English only", enURL + "/"},
		{"four languages, German page", vcURL + "/?lang=de"},
	}
	rs, _ := loadSites(t, scratch, sites, runs, false, nil)
	r.All, r.EnglishOnly, r.German = rs[0], rs[1], rs[2]
	rs, _ = loadSites(t, scratch, sites, runs, false, &realNetwork)
	r.AllNet, r.EnglishOnlyNet, r.GermanNet = rs[0], rs[1], rs[2]
	return r, nil
}

// englishOnlyWeb writes a copy of root/web whose app.wasm is built with
// `-tags englishonly`, with exactly valuecalc's other flags; it returns
// the copy's directory.
func englishOnlyWeb(root, scratch string) (string, error) {
	web := filepath.Join(scratch, "englishonly-web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return "", err
	}
	files, err := os.ReadDir(filepath.Join(root, "web"))
	if err != nil {
		return "", err
	}
	for _, f := range files {
		if f.IsDir() || f.Name() == "app.wasm" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, "web", f.Name()))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(web, f.Name()), b, 0o644); err != nil {
			return "", err
		}
	}
	return web, goBuild(root, true, filepath.Join(web, "app.wasm"), "./cmd/valuecalc", "-tags=englishonly")
}

// langRows are the report's rows for the languages.
func (r report) langRows() string {
	l := r.Langs
	var b strings.Builder
	wire := func(rs []loadResult) float64 {
		return median(field(rs, func(x loadResult) float64 { return float64(x.WasmEncoded) }))
	}
	cold := func(rs []loadResult) float64 {
		return median(field(rs, func(x loadResult) float64 { return x.ColdMS }))
	}
	content := func(rs []loadResult) float64 {
		return median(field(rs, func(x loadResult) float64 { return x.ContentMS }))
	}
	all, en := wire(l.All), wire(l.EnglishOnly)
	fmt.Fprintf(&b, "| languages: app.wasm over the wire, four languages (baseline: the same build with English only; information) | %s | %s | %.3f× (+%s B) | — | — |\n",
		bytesStr(all), bytesStr(en), all/en, thousands(int64(all-en)))
	net := fmt.Sprintf("%g Mbit/s down, %g up, %g ms", realNetwork.downMbit, realNetwork.upMbit, realNetwork.latencyMS)
	for _, n := range []struct {
		where                  string
		all, englishOnly, germ []loadResult
	}{{"loopback", l.All, l.EnglishOnly, l.German}, {net, l.AllNet, l.EnglishOnlyNet, l.GermanNet}} {
		fmt.Fprintf(&b, "| languages, %s: cold load → interactive, English page, four languages (baseline: English only), median of %d (information) | %s | %s | %.2f× | — | — |\n",
			n.where, len(n.all), msStr(cold(n.all)), msStr(cold(n.englishOnly)), cold(n.all)/cold(n.englishOnly))
		fmt.Fprintf(&b, "| languages, %s: cold load → interactive, German page `?lang=de` (baseline: the English page), median of %d (information) | %s | %s | %.2f× | — | — |\n",
			n.where, len(n.germ), msStr(cold(n.germ)), msStr(cold(n.all)), cold(n.germ)/cold(n.all))
		fmt.Fprintf(&b, "| languages, %s: cold load → real content visible, German page (baseline: the English page), median of %d (information) | %s | %s | %.2f× | — | — |\n",
			n.where, len(n.germ), msStr(content(n.germ)), msStr(content(n.all)), content(n.germ)/content(n.all))
	}
	return b.String()
}

// langNotes says how the languages' rows were measured, with their runs.
func (r report) langNotes() string {
	l := r.Langs
	cold := func(rs []loadResult) string { return list(field(rs, func(x loadResult) float64 { return x.ColdMS })) }
	return fmt.Sprintf("- Languages: the English-only app.wasm is built with `-tags englishonly`, which leaves out the German, French and Spanish texts and "+
		"templates and nothing else (the code that looks texts up and reads numbers stays, so the rows are the other three languages' cost, not the catalogue's); "+
		"its site is served by `valuecalc serve` like the shipped one. The three pages take turns, cold and warm, one fresh profile each. "+
		"The German page is `/?lang=de`, prerendered in German (p/lang-de.html) like the English one. "+
		"Cold runs on loopback (ms): four languages %s, English only %s, German %s; at %g Mbit/s: %s, %s, %s.\n",
		cold(l.All), cold(l.EnglishOnly), cold(l.German), realNetwork.downMbit, cold(l.AllNet), cold(l.EnglishOnlyNet), cold(l.GermanNet))
}

// TestLangBench measures the languages' rows alone and prints them
// (`go test -tags perf -run TestLangBench -v ./perf/`; PERF_NET_RUNS runs);
// TestPerf measures them as part of `make bench`.
func TestLangBench(t *testing.T) {
	root, scratch, url := standalone(t, "lang")
	var r report
	var err error
	r.Langs, err = measureLangs(t, root, scratch, url, netRuns)
	must(t, err)
	fmt.Println(r.langRows())
	fmt.Println(r.langNotes())
}
