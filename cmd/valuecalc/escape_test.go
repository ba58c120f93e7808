//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func TestReencodeAttributes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<!doctype html><p class="a">x &amp; y</p>`, `<!doctype html><p class="a">x &amp; y</p>`},
		{`<input value="Support \"Gold\" plan">`, `<input value="Support &#34;Gold&#34; plan">`},
		{`<input value="\"><meta http-equiv=refresh>">`, `<input value="&#34;&gt;&lt;meta http-equiv=refresh&gt;">`},
		{`<b title="C:\\dir 'x' & \u200b\n">t</b>`, "<b title=\"C:\\dir &#39;x&#39; &amp; \u200b\n\">t</b>"},
		{`<button disabled="false" aria-pressed>go</button>`, `<button aria-pressed="true">go</button>`},
		{`<input checked disabled="true">`, `<input checked disabled="true">`},
	} {
		got, err := reencodeAttributes([]byte(tc.in))
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, string(got), tc.in)
	}
	for _, in := range []string{
		`<p class='single'>`,              // not Go quoting
		`<p class=bare>`,                  // nor this
		`<p class="open`,                  // a value that does not end
		`<meta name="x" content="y"/>`,    // raw HTML, not go-app's
		`<p>a</p><script>x<y</script>`,    // a "<" in text
		`<p class="a"` + "\n" + `id="b">`, // not go-app's separator
	} {
		_, err := reencodeAttributes([]byte(in))
		assert.Error(t, err, in)
	}
}

// hostile are deployers' names that break out of an attribute quoted the
// Go way, or of a JavaScript string, with each character HTML escapes.
var hostile = []string{
	`Support "Gold" plan`,
	`x" onmouseover="alert(1)`,
	`"><meta http-equiv=refresh content=5;url=https://evil.example>`,
	`It's <b>bold</b> & "quoted"`,
	`'><img src=x onerror=alert(1)>`,
	`C:\temp\ "\"" \u0041 </title></textarea>`,
}

// hostileBrand is a brand's name (at most 40 characters) that breaks out
// of attributes and of app.js's loading label.
const hostileBrand = `Acme" onmouseover="alert(1)";x="<&'>`

// placeholder is a harmless name as long as hostile name i, so that
// whatever the page does with a name's length it does the same with both.
func placeholder(i int, like string) string {
	p := fmt.Sprintf("Nm%d", i)
	return p + strings.Repeat("a", utf8.RuneCountInString(like)-len(p))
}

// writeTemplates writes a template "hostile" whose title, items and
// scenarios are named names[0..5], and a brand whose name is brandName and
// whose first template it is.
func writeTemplates(t *testing.T, names []string, brandName string) *brand {
	t.Helper()
	dir := t.TempDir()
	j := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	model := `{"format": "valuecalc/2", "title": ` + j(names[0]) + `, "mode": "score", "scale": {"min": 1, "max": 5},
	  "items": [
	    {"id": "a", "name": ` + j(names[1]) + `, "side": "benefit", "type": "functional", "stage": "use", "weight": 3},
	    {"id": "b", "name": ` + j(names[2]) + `, "side": "cost", "type": "financial", "stage": "evaluation", "weight": 2},
	    {"id": "c", "name": ` + j(names[5]) + `, "side": "benefit", "type": "social", "stage": "use", "weight": 1}],
	  "scenarios": [
	    {"id": "s1", "name": ` + j(names[3]) + `, "entries": {"a": {"score": 2}, "b": {"score": 2}, "c": {"score": 1}}},
	    {"id": "s2", "name": ` + j(names[4]) + `, "entries": {"a": {"score": 5}, "b": {"score": 3}, "c": {"score": 4}}}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hostile.json"), []byte(model), 0o644))
	brandFile := filepath.Join(t.TempDir(), "brand.json")
	require.NoError(t, os.WriteFile(brandFile, []byte(`{"name": `+j(brandName)+`, "template": "hostile"}`), 0o644))
	b, err := loadBrand(brandFile, dir)
	require.NoError(t, err)
	return b
}

// node is one element or text of a parsed page, flattened in document
// order: what it is and where, and its text or attribute values.
type node struct {
	where string            // path of tags, and for an element its sorted attribute names
	text  string            // a text node's text
	attrs map[string]string // an element's attributes
}

func parsePage(t *testing.T, path string) []node {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	doc, err := html.Parse(f)
	require.NoError(t, err, path)
	var nodes []node
	var walk func(n *html.Node, at string)
	walk = func(n *html.Node, at string) {
		switch n.Type {
		case html.ElementNode:
			at += "/" + n.Data
			attrs := map[string]string{}
			var names []string
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
				names = append(names, a.Key)
			}
			slices.Sort(names)
			nodes = append(nodes, node{where: at + "[" + strings.Join(names, " ") + "]", attrs: attrs})
		case html.TextNode:
			nodes = append(nodes, node{where: at + "/#text", text: n.Data})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, at)
		}
	}
	walk(doc, "")
	return nodes
}

// TestDeployersTextStaysText builds a site twice, with harmless names and
// with hostile ones of the same lengths, and parses every page of both
// with an HTML parser: the hostile site has the same elements with the
// same attributes, and where the harmless one shows a name (an
// attribute's value, a text) the hostile one shows the hostile name, intact.
func TestDeployersTextStaysText(t *testing.T) {
	web := fakeWeb(t, "\x00asm")
	safe := make([]string, len(hostile))
	for i, h := range hostile {
		safe[i] = placeholder(i, h)
	}
	safeBrand := placeholder(9, hostileBrand)
	plainOut, hostileOut := t.TempDir(), t.TempDir()
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: web, Out: plainOut, Brand: writeTemplates(t, safe, safeBrand)}))
	require.NoError(t, buildSite(siteOptions{Cache: testCache, Web: web, Out: hostileOut, Brand: writeTemplates(t, hostile, hostileBrand)}))
	names := append(slices.Clone(hostile), hostileBrand)
	placeholders := append(slices.Clone(safe), safeBrand)
	// swap is s with each placeholder replaced by its hostile name, also
	// one cut short with "…" (a chart's label).
	swap := func(s string) string {
		for i, p := range placeholders {
			s = strings.ReplaceAll(s, p, names[i])
			if cut, ok := strings.CutSuffix(s, "…"); ok {
				for n := len(p) - 1; n >= 3; n-- {
					if strings.HasSuffix(cut, p[:n]) {
						s = strings.TrimSuffix(cut, p[:n]) + string([]rune(names[i])[:n]) + "…"
						break
					}
				}
			}
		}
		return s
	}

	var pages []string
	require.NoError(t, filepath.WalkDir(hostileOut, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(hostileOut, path)
			pages = append(pages, rel)
		}
		return err
	}))
	require.Greater(t, len(pages), 20)
	intact := map[string]int{} // name → times found whole as a value or text
	for _, page := range pages {
		want, got := parsePage(t, filepath.Join(plainOut, page)), parsePage(t, filepath.Join(hostileOut, page))
		require.Equal(t, len(want), len(got), "%s: the hostile names added or removed elements", page)
		for i := range want {
			w, g := want[i], got[i]
			require.Equal(t, w.where, g.where, "%s: the hostile names changed the page's elements or attributes", page)
			assert.Equal(t, swap(w.text), g.text, "%s: %s", page, w.where)
			for k, v := range w.attrs {
				if slices.Contains(placeholders, v) {
					intact[swap(v)]++
				}
				assert.Equal(t, swap(v), g.attrs[k], "%s: %s %s", page, w.where, k)
			}
			if slices.Contains(placeholders, w.text) {
				intact[swap(w.text)]++
			}
		}
	}
	for _, name := range names {
		assert.Positive(t, intact[name], "%q is shown whole somewhere", name)
	}
	index := parsePage(t, filepath.Join(hostileOut, "index.html"))
	assert.Contains(t, index, node{where: "/html/head/meta[content property]", attrs: map[string]string{"property": "og:title", "content": hostileBrand}})
	assert.Contains(t, index, node{where: "/html/head/title/#text", text: hostileBrand})

	// app.js holds the brand's name in a JavaScript string.
	appJS := read(t, filepath.Join(hostileOut, "app.js"))
	m := regexp.MustCompile(`const goappLoadingLabel = ("(?:[^"\\\n]|\\.)*");\n`).FindStringSubmatch(appJS)
	require.NotNil(t, m, "the loading label is one string literal")
	var label string
	require.NoError(t, json.Unmarshal([]byte(m[1]), &label))
	assert.Equal(t, hostileBrand+" · {progress}%", label)
	var manifest struct{ Name string }
	require.NoError(t, json.Unmarshal([]byte(read(t, filepath.Join(hostileOut, "manifest.webmanifest"))), &manifest))
	assert.Equal(t, hostileBrand, manifest.Name)
}
