package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Storage is a string key-value store: the browser's localStorage in the
// app, memory in tests, in embed mode and when the browser refuses storage.
// Every method may fail (quota exceeded, storage disabled).
type Storage interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Del(key string) error
	Keys() ([]string, error)
}

// Storage keys. Records are versioned so a later format can migrate them.
const (
	keyIndex   = "valuecalc/v1/index"
	keyCurrent = "valuecalc/v1/current"
	keyDoc     = "valuecalc/v1/doc/"
	// keyDamaged keeps, as they were, records that could not be read, so
	// that nothing is ever dropped silently: the user can download them.
	keyDamaged = "valuecalc/v1/damaged/"
	// keyDamagedTitle keeps the title the index had for a damaged record.
	keyDamagedTitle = "valuecalc/v1/damaged-title/"
)

// ErrConflict reports that a saved assessment changed since it was loaded:
// another tab saved it. Saving again would overwrite that tab's work.
var ErrConflict = errors.New("this assessment was changed in another tab")

// ErrStorageFull reports that the browser's storage for this site is
// full (a QuotaExceededError): the Storage of the browser returns it.
var ErrStorageFull = i18n.Errorf(i18n.ErrStorageFull)

// Meta describes a saved assessment in the library's list.
type Meta struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Updated int64  `json:"updated"` // Unix milliseconds
}

// newestFirst sorts metas most recently updated first, keeping the order
// of equal times.
func newestFirst(list []Meta) {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Updated > list[j].Updated })
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
	newestFirst(list)
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
	data, err := calc.EncodeCompact(m)
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
	// The record as json.Marshal would write it (compact: storage is
	// small), without another pass to validate the JSON Encode just wrote.
	rec := `{"rev":` + strconv.Itoa(rev+1) + `,"saved":` + strconv.FormatInt(now, 10) + `,"model":` + string(data) + `}`
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

// Keys lists the stored keys.
func (s MemStorage) Keys() ([]string, error) {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

// Damaged is a saved record that could not be used: kept under its own
// key, as it was, with the reason.
type Damaged struct {
	ID     string // the assessment's id, or "index"
	Title  string // from the index, when it knew one
	Reason string // why, in English
	Why    error  // why, for the screen in the user's language (Lang.Err)
	Data   string // the record as it was stored
}

// Repair checks the whole library when the app starts. It moves records
// that cannot be read aside (to keyDamaged, never deleting their data),
// migrates a bare model file stored without its record, rebuilds an index
// that is unreadable or out of step with the records, and returns the
// records it set aside now.
func (l Library) Repair() ([]Damaged, error) {
	keys, err := l.Store.Keys()
	if err != nil {
		return nil, err
	}
	index, indexErr := l.List()
	titles := map[string]string{}
	for _, m := range index {
		titles[m.ID] = m.Title
	}
	var damaged []Damaged
	setAside := func(id, key string, why error) error {
		reason := why.Error()
		raw, _, err := l.Store.Get(key)
		if err != nil {
			return err
		}
		if err := l.Store.Set(keyDamaged+id, raw); err != nil {
			return err // the record stays where it is rather than be lost
		}
		if t := titles[id]; t != "" {
			l.Store.Set(keyDamagedTitle+id, t) // a name for it in the library; best effort
		}
		damaged = append(damaged, Damaged{ID: id, Title: titles[id], Reason: reason, Why: why, Data: raw})
		return l.Store.Del(key)
	}
	if indexErr != nil {
		if err := setAside("index", keyIndex, indexErr); err != nil {
			return damaged, err
		}
	}
	var metas []Meta
	for _, key := range keys {
		id, ok := strings.CutPrefix(key, keyDoc)
		if !ok {
			continue
		}
		raw, _, err := l.Store.Get(key)
		if err != nil {
			return damaged, err
		}
		meta, migrated, why := checkRecord(id, raw)
		if why != nil {
			if err := setAside(id, key, why); err != nil {
				return damaged, err
			}
			continue
		}
		if migrated != "" {
			if err := l.Store.Set(key, migrated); err != nil {
				return damaged, err
			}
		}
		if t, ok := titles[id]; ok && meta.Title == "" {
			meta.Title = t
		}
		for _, m := range index {
			if m.ID == id && m.Updated > meta.Updated {
				meta.Updated = m.Updated
			}
		}
		metas = append(metas, meta)
	}
	newestFirst(metas)
	if indexErr != nil || !sameMetas(index, metas) {
		if err := l.writeIndex(metas); err != nil {
			return damaged, err
		}
	}
	return damaged, nil
}

// checkRecord reads a stored record: its index entry, the record to store
// instead when it had to be migrated, or why it cannot be used.
func checkRecord(id, raw string) (meta Meta, migrated string, why error) {
	var rec record
	if err := json.Unmarshal([]byte(raw), &rec); err != nil || rec.Model == nil {
		// A model file stored as it is, without its record: migrate it.
		if m, err := calc.Decode([]byte(raw)); err == nil {
			data, _ := calc.EncodeCompact(m)
			return Meta{ID: id, Title: m.Title}, `{"rev":1,"saved":0,"model":` + string(data) + `}`, nil
		}
		if err != nil {
			return Meta{}, "", i18n.Errorf(i18n.DamagedUnreadable, err.Error())
		}
		return Meta{}, "", i18n.Errorf(i18n.DamagedNoAssessment)
	}
	m, err := calc.Decode(rec.Model)
	if mended, ok := mendText(rec.Model, err); ok {
		// Saved before calc refused control characters: kept, without
		// them, rather than set aside.
		if m, err := calc.Decode(mended); err == nil {
			data, _ := calc.EncodeCompact(m)
			out, _ := json.Marshal(record{Rev: rec.Rev, Saved: rec.Saved, Model: data})
			return Meta{ID: id, Title: m.Title, Updated: rec.Saved}, string(out), nil
		}
	}
	if err != nil {
		var probs calc.Problems
		if errors.As(err, &probs) && probs.Total() > 1 {
			return Meta{}, "", i18n.Errorf(i18n.DamagedInvalidMore, probs[0].Error(), probs.Total())
		}
		if len(probs) == 1 {
			err = probs[0]
		}
		return Meta{}, "", i18n.Errorf(i18n.DamagedInvalid, err.Error())
	}
	return Meta{ID: id, Title: m.Title, Updated: rec.Saved}, "", nil
}

// mendText returns a model whose only problems (err) are control
// characters in its text with them taken out: tabs and line breaks
// become spaces, but in notes, which keep tabs and line feeds; the rest,
// ESC, NUL, text direction overrides and the like, go. A model saved
// before calc refused them is kept, not set aside as damaged.
func mendText(model json.RawMessage, err error) (json.RawMessage, bool) {
	var probs calc.Problems
	if !errors.As(err, &probs) {
		return nil, false
	}
	for _, p := range probs {
		if !errors.Is(p, calc.ErrControl) {
			return nil, false
		}
	}
	d := json.NewDecoder(bytes.NewReader(model))
	d.UseNumber() // numbers as they were written
	var v any
	if d.Decode(&v) != nil {
		return nil, false
	}
	var mend func(v any, note bool) any
	mend = func(v any, note bool) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				v[k] = mend(x, k == "note")
			}
		case []any:
			for i, x := range v {
				v[i] = mend(x, false)
			}
		case string:
			if note {
				v = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
			}
			return strings.Map(func(r rune) rune {
				switch {
				case note && (r == '\t' || r == '\n'):
					return r
				case r == '\t' || r == '\n' || r == '\r':
					return ' '
				case calc.ControlChar(r):
					return -1
				}
				return r
			}, v)
		}
		return v
	}
	out, err := json.Marshal(mend(v, false))
	return out, err == nil
}

func sameMetas(a, b []Meta) bool {
	if len(a) != len(b) {
		return false
	}
	ids := map[string]Meta{}
	for _, m := range a {
		ids[m.ID] = m
	}
	for _, m := range b {
		if x, ok := ids[m.ID]; !ok || x.Title != m.Title {
			return false
		}
	}
	return true
}

// DamagedList returns the records set aside, now or before.
func (l Library) DamagedList() ([]Damaged, error) {
	keys, err := l.Store.Keys()
	if err != nil {
		return nil, err
	}
	var out []Damaged
	for _, key := range keys {
		if id, ok := strings.CutPrefix(key, keyDamaged); ok {
			raw, _, err := l.Store.Get(key)
			if err != nil {
				return nil, err
			}
			title, _, _ := l.Store.Get(keyDamagedTitle + id)
			out = append(out, Damaged{ID: id, Title: title, Data: raw})
		}
	}
	return out, nil
}

// DeleteDamaged removes a record set aside, for good.
func (l Library) DeleteDamaged(id string) error {
	l.Store.Del(keyDamagedTitle + id)
	return l.Store.Del(keyDamaged + id)
}
