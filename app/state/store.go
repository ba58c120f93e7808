package state

import "errors"

// Store holds the state and runs what Reduce asks of the library. The
// library is plain Go over a Storage (the browser's localStorage in the
// app, memory in tests and embeds), so a Store runs natively, and two
// Stores over one Storage are two tabs.
type Store struct {
	State State
	Lib   Library
	// Now is the time of a save, in Unix milliseconds.
	Now func() int64
}

// Dispatch reduces a, runs the library effects it asks for and reduces
// what they report, in order, and returns the effects left for the
// browser.
func (s *Store) Dispatch(a Action) []Effect {
	var out []Effect
	queue := []Action{a}
	for len(queue) > 0 {
		var effects []Effect
		s.State, effects = Reduce(s.State, queue[0])
		queue = queue[1:]
		for _, e := range effects {
			if then, ok := s.run(e); ok {
				if then != nil {
					queue = append(queue, then)
				}
				continue
			}
			out = append(out, e)
		}
	}
	return out
}

// run runs a library effect and returns what it reports; ok is false for
// an effect of the browser's.
func (s *Store) run(e Effect) (then Action, ok bool) {
	l := s.Lib
	switch e := e.(type) {
	case RepairLibrary:
		damaged, err := l.Repair()
		return LibraryRepaired{Damaged: damaged, Err: s.errText(err)}, true
	case ReadLibrary:
		list, err := l.List()
		read := LibraryRead{List: list, Current: l.Current(), Err: s.errText(err), HasSetAside: e.SetAside}
		if e.SetAside {
			read.SetAside, _ = l.DamagedList()
		}
		return read, true
	case LoadDoc:
		var last error
		for _, id := range e.IDs {
			m, rev, err := l.Load(id)
			if err == nil {
				l.SetCurrent(id)
				return DocLoaded{ID: id, Model: m, Rev: rev, Why: e.Why}, true
			}
			last = err
		}
		return DocLoadFailed{Why: e.Why, Err: s.errText(last)}, true
	case SaveDoc:
		rev, err := l.Save(e.ID, e.Model, e.Rev, s.Now())
		switch {
		case errors.Is(err, ErrConflict):
			return SaveConflict{}, true
		case err != nil:
			return SaveFailed{Err: s.errText(err), Full: errors.Is(err, ErrStorageFull), Rev: rev}, true
		}
		l.SetCurrent(e.ID)
		list, _ := l.List()
		return Saved{ID: e.ID, Rev: rev, List: list}, true
	case CheckRev:
		rev, err := l.Rev(e.ID)
		if err != nil {
			return nil, true
		}
		return StoredRev{e.ID, rev}, true
	case RetitleDoc:
		m, rev, err := l.Load(e.ID)
		if err == nil {
			m.Title = e.Title
			_, err = l.Save(e.ID, m, rev, s.Now())
		}
		return s.listed(err), true
	case CopyDoc:
		m, _, err := l.Load(e.ID)
		if err == nil {
			m.Title = copyName(m.Title)
			_, err = l.Save(e.NewID, m, 0, s.Now())
		}
		return s.listed(err), true
	case RemoveDoc:
		list, _ := l.List()
		meta := Meta{ID: e.ID, Title: e.ID}
		for _, m := range list {
			if m.ID == e.ID {
				meta = m
			}
		}
		m, _, loadErr := l.Load(e.ID)
		if err := l.Delete(e.ID); err != nil {
			return DocRemoved{Meta: meta, Err: s.errText(err)}, true
		}
		list, _ = l.List()
		return DocRemoved{Meta: meta, Model: m, CanRestore: loadErr == nil, List: list}, true
	case RestoreDoc:
		_, err := l.Save(e.Meta.ID, e.Model, 0, e.Meta.Updated)
		return s.listed(err), true
	case RemoveDamaged:
		err := l.DeleteDamaged(e.ID)
		read := s.listed(err)
		read.HasSetAside = true
		read.SetAside, _ = l.DamagedList()
		return read, true
	}
	return nil, false
}

// listed is the library's list after a change, with the change's error.
func (s *Store) listed(err error) LibraryRead {
	list, listErr := s.Lib.List()
	read := LibraryRead{List: list, Current: s.Lib.Current(), Err: s.errText(listErr)}
	read.Failed = s.errText(err)
	return read
}

// errText is err's message in the interface's language, "" for nil.
func (s *Store) errText(err error) string {
	if err == nil {
		return ""
	}
	return s.State.Lang.Err(err)
}
