package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/valuecalc/valuecalc/calc"
)

// Storage is a string key-value store: the browser's localStorage in the
// app, memory in tests, in embed mode and when the browser refuses storage.
// Every method may fail (quota exceeded, storage disabled).
type Storage interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Del(key string) error
}

// Storage keys. Records are versioned so a later format can migrate them.
const (
	keyIndex   = "valuecalc/v1/index"
	keyCurrent = "valuecalc/v1/current"
	keyDoc     = "valuecalc/v1/doc/"
)

// ErrConflict reports that a saved assessment changed since it was loaded:
// another tab saved it. Saving again would overwrite that tab's work.
var ErrConflict = errors.New("this assessment was changed in another tab")

// Meta describes a saved assessment in the library's list.
type Meta struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Updated int64  `json:"updated"` // Unix milliseconds
}

// record is how an assessment is stored: its model in the file format, and
// a revision that increases with every save.
type record struct {
	Rev   int             `json:"rev"`
	Saved int64           `json:"saved"`
	Model json.RawMessage `json:"model"`
}

// Library is the user's saved assessments, kept in a Storage.
type Library struct{ Store Storage }

// List returns the saved assessments, most recently updated first. A
// missing index is an empty library.
func (l Library) List() ([]Meta, error) {
	raw, ok, err := l.Store.Get(keyIndex)
	if err != nil || !ok {
		return nil, err
	}
	var list []Meta
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		return nil, fmt.Errorf("the library index is unreadable: %w", err)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Updated > list[j].Updated })
	return list, nil
}

// Load returns a saved assessment's model and revision. It returns an
// error if there is no such assessment or its record does not decode as a
// valid model.
func (l Library) Load(id string) (calc.Model, int, error) {
	raw, ok, err := l.Store.Get(keyDoc + id)
	if err != nil {
		return calc.Model{}, 0, err
	}
	if !ok {
		return calc.Model{}, 0, fmt.Errorf("no saved assessment %q", id)
	}
	var rec record
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return calc.Model{}, 0, fmt.Errorf("saved assessment %q is unreadable: %w", id, err)
	}
	m, err := calc.Decode(rec.Model)
	if err != nil {
		return calc.Model{}, 0, fmt.Errorf("saved assessment %q is invalid: %w", id, err)
	}
	return m, rec.Rev, nil
}

// Rev returns the stored revision of an assessment, 0 if it is not saved.
func (l Library) Rev(id string) (int, error) {
	raw, ok, err := l.Store.Get(keyDoc + id)
	if err != nil || !ok {
		return 0, err
	}
	// Records start with their revision ({"rev":12,…}, as Save writes
	// them): read just that, not the whole model, on every autosave.
	if rest, ok := strings.CutPrefix(raw, `{"rev":`); ok {
		if end := strings.IndexByte(rest, ','); end > 0 {
			if n, err := strconv.Atoi(rest[:end]); err == nil {
				return n, nil
			}
		}
	}
	var rec record
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return 0, err
	}
	return rec.Rev, nil
}

// Save stores m as assessment id and returns its new revision. rev is the
// revision the caller loaded (0 for a new assessment); Save returns
// ErrConflict and stores nothing if the stored revision differs. It also
// returns an error if m is invalid (nothing invalid is ever saved) or the
// storage refuses the write.
func (l Library) Save(id string, m calc.Model, rev int, now int64) (int, error) {
	data, err := calc.Encode(m)
	if err != nil {
		return rev, err
	}
	stored, err := l.Rev(id)
	if err != nil {
		return rev, err
	}
	if stored != rev {
		return rev, ErrConflict
	}
	// The record as json.Marshal would write it, without re-validating
	// the model's JSON, which Encode has just written.
	rec := `{"rev":` + strconv.Itoa(rev+1) + `,"saved":` + strconv.FormatInt(now, 10) + `,"model":` + string(bytes.TrimSpace(data)) + `}`
	if err := l.Store.Set(keyDoc+id, rec); err != nil {
		return rev, err
	}
	if err := l.updateIndex(Meta{ID: id, Title: m.Title, Updated: now}); err != nil {
		return rev + 1, err
	}
	return rev + 1, nil
}

// Delete removes an assessment from the library.
func (l Library) Delete(id string) error {
	list, err := l.List()
	if err != nil {
		return err
	}
	kept := list[:0]
	for _, meta := range list {
		if meta.ID != id {
			kept = append(kept, meta)
		}
	}
	if err := l.writeIndex(kept); err != nil {
		return err
	}
	return l.Store.Del(keyDoc + id)
}

// Current returns the id of the assessment open last, "" if none.
func (l Library) Current() string {
	id, _, _ := l.Store.Get(keyCurrent)
	return id
}

// SetCurrent remembers the assessment open now.
func (l Library) SetCurrent(id string) error {
	return l.Store.Set(keyCurrent, id)
}

func (l Library) updateIndex(meta Meta) error {
	list, err := l.List()
	if err != nil {
		return err
	}
	found := false
	for i := range list {
		if list[i].ID == meta.ID {
			list[i], found = meta, true
		}
	}
	if !found {
		list = append(list, meta)
	}
	return l.writeIndex(list)
}

func (l Library) writeIndex(list []Meta) error {
	if list == nil {
		list = []Meta{}
	}
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	return l.Store.Set(keyIndex, string(b))
}

// MemStorage is a Storage in memory.
type MemStorage map[string]string

// Get returns the value of key.
func (s MemStorage) Get(key string) (string, bool, error) {
	v, ok := s[key]
	return v, ok, nil
}

// Set stores value under key.
func (s MemStorage) Set(key, value string) error {
	s[key] = value
	return nil
}

// Del removes key.
func (s MemStorage) Del(key string) error {
	delete(s, key)
	return nil
}
