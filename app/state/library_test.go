package state

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

func TestLibrarySaveLoadList(t *testing.T) {
	lib := Library{Store: MemStorage{}}
	list, err := lib.List()
	require.NoError(t, err)
	assert.Empty(t, list)

	m := fixture.Small()
	m.Title = "First"
	rev, err := lib.Save("a1", m, 0, 1000)
	require.NoError(t, err)
	assert.Equal(t, 1, rev)

	m2 := fixture.Small()
	m2.Title = "Second"
	_, err = lib.Save("a2", m2, 0, 2000)
	require.NoError(t, err)

	got, gotRev, err := lib.Load("a1")
	require.NoError(t, err)
	assert.Equal(t, 1, gotRev)
	assert.Equal(t, m, got)

	list, err = lib.List()
	require.NoError(t, err)
	assert.Equal(t, []Meta{{"a2", "Second", 2000}, {"a1", "First", 1000}}, list)

	m.Title = "First, renamed"
	rev, err = lib.Save("a1", m, rev, 3000)
	require.NoError(t, err)
	assert.Equal(t, 2, rev)
	list, _ = lib.List()
	assert.Equal(t, Meta{"a1", "First, renamed", 3000}, list[0])

	require.NoError(t, lib.Delete("a1"))
	list, _ = lib.List()
	assert.Equal(t, []Meta{{"a2", "Second", 2000}}, list)
	_, _, err = lib.Load("a1")
	require.Error(t, err)
}

func TestLibraryListNewestFirstStable(t *testing.T) {
	lib := Library{Store: MemStorage{}}
	require.NoError(t, lib.Store.Set(keyIndex, `[{"id":"a","updated":1},{"id":"b","updated":2},{"id":"c","updated":1},{"id":"d","updated":3},{"id":"e","updated":2},{"id":"f","updated":1}]`))
	list, err := lib.List()
	require.NoError(t, err)
	var ids []string
	for _, m := range list {
		ids = append(ids, m.ID)
	}
	// Newest first; equal times keep the index's order.
	assert.Equal(t, []string{"d", "b", "e", "a", "c", "f"}, ids)
}

func TestLibraryConflict(t *testing.T) {
	store := MemStorage{}
	tab1, tab2 := Library{Store: store}, Library{Store: store}
	rev1, err := tab1.Save("a1", fixture.Small(), 0, 1)
	require.NoError(t, err)
	_, rev2, err := tab2.Load("a1")
	require.NoError(t, err)

	_, err = tab2.Save("a1", fixture.Small(), rev2, 2)
	require.NoError(t, err)
	_, err = tab1.Save("a1", fixture.Small(), rev1, 3)
	require.ErrorIs(t, err, ErrConflict, "tab 1 must not silently overwrite tab 2")
}

func TestLibraryNeverSavesInvalid(t *testing.T) {
	store := MemStorage{}
	lib := Library{Store: store}
	bad := fixture.Small()
	bad.Items[0].Weight = -1
	_, err := lib.Save("a1", bad, 0, 1)
	require.Error(t, err)
	assert.Empty(t, store)
}

type failingStorage struct{ MemStorage }

func (failingStorage) Set(string, string) error { return errors.New("QuotaExceededError") }

func TestLibraryStorageFull(t *testing.T) {
	lib := Library{Store: failingStorage{MemStorage{}}}
	rev, err := lib.Save("a1", fixture.Small(), 0, 1)
	require.EqualError(t, err, "QuotaExceededError")
	assert.Equal(t, 0, rev)
}

func TestLibraryCorruptRecord(t *testing.T) {
	store := MemStorage{keyDoc + "x": `{"rev":1,"model":{"format":"valuecalc/0"}}`, keyDoc + "y": `not json`}
	lib := Library{Store: store}
	_, _, err := lib.Load("x")
	require.ErrorContains(t, err, `saved assessment "x" is invalid`)
	_, _, err = lib.Load("y")
	require.ErrorContains(t, err, `saved assessment "y" is unreadable`)
	var ps calc.Problems
	_, _, err = lib.Load("x")
	assert.True(t, errors.As(err, &ps))
}

// TestRecordFormat: Save writes records that json.Unmarshal reads, and
// Rev's fast path agrees with the full parse.
func TestRecordFormat(t *testing.T) {
	lib := Library{Store: MemStorage{}}
	m := calc.NewModel()
	m.Title = `Quotes " and \ and <tags>`
	rev, err := lib.Save("a1", m, 0, 1234)
	require.NoError(t, err)
	rev, err = lib.Save("a1", m, rev, 5678)
	require.NoError(t, err)
	raw, ok, err := lib.Store.Get(keyDoc + "a1")
	require.NoError(t, err)
	require.True(t, ok)
	var rec record
	require.NoError(t, json.Unmarshal([]byte(raw), &rec))
	assert.Equal(t, 2, rec.Rev)
	assert.Equal(t, int64(5678), rec.Saved)
	got, err := calc.Decode(rec.Model)
	require.NoError(t, err)
	assert.Equal(t, m, got)
	stored, err := lib.Rev("a1")
	require.NoError(t, err)
	assert.Equal(t, rev, stored)

	// A record written some other way still has its revision read.
	require.NoError(t, lib.Store.Set(keyDoc+"b1", `{"saved":1,"model":{},"rev":7}`))
	stored, err = lib.Rev("b1")
	require.NoError(t, err)
	assert.Equal(t, 7, stored)
}

func TestLibraryRepair(t *testing.T) {
	good := calc.NewModel()
	good.Title = "Good one"
	lib := Library{Store: MemStorage{}}
	_, err := lib.Save("good", good, 0, 100)
	require.NoError(t, err)
	bare, err := calc.Encode(calc.NewModel())
	require.NoError(t, err)
	store := lib.Store.(MemStorage)
	store[keyDoc+"bare"] = string(bare)                                          // an older way: the model alone
	store[keyDoc+"junk"] = "{not json"                                           // corrupt
	store[keyDoc+"bad"] = `{"rev":3,"saved":5,"model":{"format":"valuecalc/0"}}` // a format this version does not know
	store[keyIndex] = `[{"id":"good","title":"Good one","updated":100},{"id":"junk","title":"Lost work","updated":50},{"id":"gone","title":"Gone","updated":1}]`

	damaged, err := lib.Repair()
	require.NoError(t, err)
	require.Len(t, damaged, 2)
	byID := map[string]Damaged{}
	for _, d := range damaged {
		byID[d.ID] = d
	}
	assert.Equal(t, "Lost work", byID["junk"].Title)
	assert.Contains(t, byID["junk"].Reason, "not readable")
	assert.Equal(t, "{not json", byID["junk"].Data)
	assert.Contains(t, byID["bad"].Reason, `format: must be "valuecalc/3", "valuecalc/2" or "valuecalc/1"`)
	// Set aside, not dropped: the data is under its own key.
	assert.Equal(t, "{not json", store[keyDamaged+"junk"])
	assert.NotContains(t, store, keyDoc+"junk")
	list, err := lib.DamagedList()
	require.NoError(t, err)
	assert.Len(t, list, 2)

	// The bare model was migrated into a record; the index lists what opens.
	m, _, err := lib.Load("bare")
	require.NoError(t, err)
	assert.Equal(t, calc.NewModel(), m)
	metas, err := lib.List()
	require.NoError(t, err)
	var ids []string
	for _, meta := range metas {
		ids = append(ids, meta.ID)
	}
	assert.ElementsMatch(t, []string{"good", "bare"}, ids)

	// A second start finds nothing new; an unreadable index is rebuilt.
	damaged, err = lib.Repair()
	require.NoError(t, err)
	assert.Empty(t, damaged)
	store[keyIndex] = "garbage"
	damaged, err = lib.Repair()
	require.NoError(t, err)
	require.Len(t, damaged, 1)
	assert.Equal(t, "index", damaged[0].ID)
	metas, err = lib.List()
	require.NoError(t, err)
	assert.Len(t, metas, 2)
	require.NoError(t, lib.DeleteDamaged("junk"))
	assert.NotContains(t, store, keyDamaged+"junk")
}

// TestLibraryMigratesV1: an assessment saved by the first release
// (valuecalc/1 inside its record) opens as it was, is kept as it is until
// it changes, and is saved as valuecalc/2 on the next save; exported
// before and after, it reads the same.
func TestLibraryMigratesV1(t *testing.T) {
	v1 := `{"format":"valuecalc/1","title":"Saved last year","mode":"money","currency":"EUR","horizonYears":2,
		"discountRate":0.05,"hourlyRate":40,
		"items":[{"id":"hours","name":"Hours saved","side":"benefit","type":"monetary","weight":1},
		         {"id":"fee","name":"Fee","side":"cost","type":"financial","weight":1}],
		"scenarios":[{"id":"now","name":"Now","entries":{"fee":{"amount":100,"per":"month"}}},
		             {"id":"new","name":"New","entries":{"hours":{"hours":10,"per":"month"},"fee":{"amount":300,"per":"month"}}}]}`
	mem := MemStorage{
		keyDoc + "old": `{"rev":3,"saved":1600000000000,"model":` + v1 + `}`,
		keyIndex:       `[{"id":"old","title":"Saved last year","updated":1600000000000}]`,
		keyCurrent:     "old",
	}
	before, err := calc.Decode([]byte(v1))
	require.NoError(t, err)

	tb := newTab(t, mem, Start{})
	s := tb.state()
	assert.Empty(t, s.Damaged, "a version 1 record is not damaged")
	assert.Equal(t, "old", s.DocID)
	assert.Equal(t, before, s.Model(), "it opens as it was")
	assert.Contains(t, mem[keyDoc+"old"], `"valuecalc/1"`, "opening it writes nothing")

	exported, err := calc.Encode(s.Model())
	require.NoError(t, err)
	again, err := calc.Decode(exported)
	require.NoError(t, err)
	assert.Equal(t, before, again, "exported, it reads the same")
	assert.Contains(t, string(exported), `"valuecalc/2"`)

	tb.input(SettingField(FieldTitle), "Saved last year, updated")
	tb.settle()
	assert.Contains(t, mem[keyDoc+"old"], `"valuecalc/2"`, "the next save writes version 2")
	stored, rev := storedDoc(t, mem, "old")
	assert.Equal(t, 4, rev)
	stored.Title = before.Title
	assert.Equal(t, before, stored, "nothing else changed")
}

// TestLibraryRepairMendsText: a record saved before calc refused control
// characters (a tab pasted from a spreadsheet, a text direction override)
// is kept without them, not set aside as damaged; a record with other
// problems too still is.
func TestLibraryRepairMendsText(t *testing.T) {
	lib := Library{Store: MemStorage{}}
	store := lib.Store.(MemStorage)
	store[keyDoc+"old"] = `{"rev":4,"saved":77,"model":{"format":"valuecalc/2","title":"Q3\tplan\u001b[2J",` +
		`"items":[{"id":"a","name":"invoice\u202etxt.exe","side":"benefit","type":"functional","weight":2.5,"note":"one\r\ntwo\tthree\u0007"}],` +
		`"scenarios":[{"id":"s","name":"With\nus","entries":{"a":{"score":4}}}]}}`
	store[keyDoc+"worse"] = `{"rev":1,"saved":1,"model":{"format":"valuecalc/2","title":"\u001b","horizonYears":99}}`
	store[keyIndex] = `[{"id":"old","title":"Q3","updated":77},{"id":"worse","title":"Worse","updated":1}]`

	damaged, err := lib.Repair()
	require.NoError(t, err)
	require.Len(t, damaged, 1)
	assert.Equal(t, "worse", damaged[0].ID)

	m, rev, err := lib.Load("old")
	require.NoError(t, err)
	assert.Equal(t, 4, rev, "the record keeps its revision")
	assert.Equal(t, "Q3 plan[2J", m.Title, "ESC goes; what follows it is plain text")
	assert.Equal(t, "invoicetxt.exe", m.Items[0].Name)
	assert.Equal(t, "one\ntwo\tthree", m.Items[0].Note, "a note keeps its lines and tabs")
	assert.Equal(t, 2.5, m.Items[0].Weight)
	assert.Equal(t, "With us", m.Scenarios[0].Name)
	assert.Equal(t, 4.0, *m.Scenarios[0].Entries[0].Score)
	metas, err := lib.List()
	require.NoError(t, err)
	assert.Equal(t, []Meta{{"old", "Q3 plan[2J", 77}}, metas)

	// A second start has nothing left to mend.
	damaged, err = lib.Repair()
	require.NoError(t, err)
	assert.Empty(t, damaged)
}
