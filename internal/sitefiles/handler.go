package sitefiles

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// file is one file of the site as Handler serves it.
type file struct {
	path    string // on disk
	ctype   string // Content-Type, "" to let http.ServeContent decide
	modTime time.Time
	hash    string            // of the uncompressed content, for ETags
	copies  map[string]string // encoding name → path of the precompressed copy
}

// Handler serves the built static site in dir as a static host with
// precompressed files would (nginx with brotli_static and gzip_static): a
// file's .br copy to clients that accept br, its .gz copy to those that
// accept gzip only, the file itself otherwise, with Vary: Accept-Encoding.
// Every encoding of a file has the file's Last-Modified and an ETag of its
// own. Range requests get the file itself, so a range never cuts into
// compressed bytes.
//
// The site must not change while it is served: Handler reads the list of
// files, and hashes them, once. Paths it does not know (directories,
// missing files) go to http.FileServer.
func Handler(dir string) (http.Handler, error) {
	files := map[string]*file{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		if ext := filepath.Ext(p); ext == ".br" || ext == ".gz" {
			return nil // a copy, found from its original below
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		hash, err := HashFile(p)
		if err != nil {
			return err
		}
		f := &file{path: p, modTime: info.ModTime(), hash: hash, copies: map[string]string{}}
		if ct, ok := compressible[filepath.Ext(p)]; ok {
			f.ctype = ct
			for _, enc := range encodings {
				if st, err := os.Stat(p + enc.ext); err == nil && st.Mode().IsRegular() {
					f.copies[enc.name] = p + enc.ext
				}
			}
		} else {
			f.ctype = mime.TypeByExtension(filepath.Ext(p))
		}
		rel, _ := filepath.Rel(dir, p)
		files["/"+filepath.ToSlash(rel)] = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	fallback := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		f := files[name]
		if f == nil || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			fallback.ServeHTTP(w, r)
			return
		}
		serveFile(w, r, f)
	}), nil
}

func serveFile(w http.ResponseWriter, r *http.Request, f *file) {
	h := w.Header()
	p, etag := f.path, `"`+f.hash+`"`
	if len(f.copies) > 0 {
		h.Add("Vary", "Accept-Encoding")
		if r.Header.Get("Range") == "" {
			if enc := negotiate(r.Header.Get("Accept-Encoding"), f.copies); enc != "" {
				p, etag = f.copies[enc], `"`+f.hash+"-"+enc+`"`
				h.Set("Content-Encoding", enc)
			}
		}
	}
	fh, err := os.Open(p)
	if err != nil {
		http.Error(w, "file missing from the site", http.StatusInternalServerError)
		return
	}
	defer fh.Close()
	if f.ctype != "" {
		h.Set("Content-Type", f.ctype)
	}
	h.Set("Etag", etag)
	if h.Get("Content-Encoding") != "" {
		// http.ServeContent leaves Content-Length out when the body is
		// encoded (it cannot know the handler sends what it reads).
		if st, err := fh.Stat(); err == nil {
			w = lengthWriter{w, st.Size()}
		}
	}
	http.ServeContent(w, r, p, f.modTime, fh)
}

// lengthWriter sets the Content-Length of a 200 response: the only one
// with a body that serveFile sends compressed (never a range, and 304s
// and errors have their own lengths).
type lengthWriter struct {
	http.ResponseWriter
	size int64
}

func (w lengthWriter) WriteHeader(code int) {
	if code == http.StatusOK {
		w.Header().Set("Content-Length", strconv.FormatInt(w.size, 10))
	}
	w.ResponseWriter.WriteHeader(code)
}

// negotiate picks the content coding of a response from the request's
// Accept-Encoding header and the codings a file has copies in ("br",
// "gzip"): the one with the highest q-value, br before gzip before the
// file itself ("") on a tie. No header, or one that accepts neither, gets
// the file itself: RFC 9110 §12.5.3 allows identity unless refused, and a
// server may send it rather than 406 even then.
func negotiate(header string, have map[string]string) string {
	q := map[string]float64{}
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		weight := 1.0
		for param := range strings.SplitSeq(params, ";") {
			k, v, _ := strings.Cut(param, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				var err error
				if weight, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil || weight < 0 || weight > 1 {
					weight = 0 // malformed: not an acceptance
				}
			}
		}
		q[coding] = weight
	}
	weight := func(coding string) float64 {
		if v, ok := q[coding]; ok {
			return v
		}
		return q["*"] // 0 when absent
	}
	// The file itself is the fallback whatever the header says; it wins
	// only when named with a higher q-value than the compressed codings.
	best, bestQ := "", weight("identity")
	for _, enc := range []string{"gzip", "br"} { // each beats the previous on a tie
		if _, ok := have[enc]; ok && weight(enc) > 0 && weight(enc) >= bestQ {
			best, bestQ = enc, weight(enc)
		}
	}
	return best
}

// HashFile returns the first 20 hex digits of the SHA-256 of the file at
// p: its ETag here, and the version in app.wasm's URL (?v=), which the
// service worker checks what it caches against.
func HashFile(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(sum.Sum(nil))[:20], nil
}
