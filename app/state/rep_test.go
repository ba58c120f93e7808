package state

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

func TestPresent(t *testing.T) {
	tests := []struct {
		name    string
		actions []Action
		want    bool
		effects []Effect // of the last action, Fullscreen and notices aside
		notice  string
	}{
		{"on", []Action{Present{On: true}}, true, []Effect{Fullscreen{On: true}}, ""},
		{"off again", []Action{Present{On: true}, Present{On: false}}, false, []Effect{Fullscreen{On: false}}, ""},
		{"on twice asks once", []Action{Present{On: true}, Present{On: true}}, true, nil, ""},
		{"escape leaves", []Action{Present{On: true}, Escape{}}, false, []Effect{Fullscreen{On: false}}, ""},
		{"escape closes a dialog first", []Action{Present{On: true}, Explain{Scenario: "with-us", What: "net"}, Escape{}}, true, nil, ""},
		{"the browser leaves full screen", []Action{Present{On: true}, FullscreenLeft{}}, false, nil, ""},
		{"refused: the window instead", []Action{Present{On: true}, FullscreenRefused{}}, true, nil,
			"The browser did not allow full screen: the presentation fills the window. Press Esc to leave it."},
		{"a late refusal after leaving says nothing", []Action{Present{On: true}, Present{On: false}, FullscreenRefused{}}, false, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			var last []Effect
			for _, a := range tt.actions {
				last = tb.do(a)
			}
			s := tb.state()
			assert.Equal(t, tt.want, s.Presenting)
			assert.Equal(t, tt.effects, nonTimers(last))
			assert.Equal(t, tt.notice, s.Notice.Text)
		})
	}
}

// nonTimers are effects other than timers.
func nonTimers(effects []Effect) []Effect {
	var out []Effect
	for _, e := range effects {
		if _, ok := e.(After); !ok {
			out = append(out, e)
		}
	}
	return out
}

func TestPresentFromAPanel(t *testing.T) {
	tb := editorTab(t)
	tb.do(OpenPanel{PanelShare})
	tb.do(SetView{ViewReport})
	tb.do(Present{On: true})
	s := tb.state()
	assert.True(t, s.Presenting)
	assert.Equal(t, PanelNone, s.Panel)
	assert.Equal(t, ViewEditor, s.View, "presenting shows the answer of the editor")
}

func TestAddFocusesTheNewName(t *testing.T) {
	tests := []struct {
		name   string
		action Action
		want   string
	}{
		{"a benefit", AddItem{Side: calc.SideBenefit}, "f-item-b1-name"},
		{"a cost", AddItem{Side: calc.SideCost}, "f-item-c1-name"},
		{"a scenario", AddScenario{}, "f-scenario-s1-name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			effects := tb.do(tt.action)
			assert.Equal(t, []FocusElement{{tt.want}}, effectsOf[FocusElement](effects))
		})
	}
	t.Run("a refused add focuses nothing", func(t *testing.T) {
		tb := editorTab(t)
		tb.store.State.Shared = true
		effects := tb.do(AddItem{Side: calc.SideBenefit})
		assert.Empty(t, effectsOf[FocusElement](effects))
	})
	t.Run("typing focuses nothing", func(t *testing.T) {
		tb := editorTab(t)
		assert.Empty(t, effectsOf[FocusElement](tb.input(qualityCell, "4")))
	})
}

func TestImportNamed(t *testing.T) {
	long := strings.Repeat("x", calc.MaxTitleLen)
	tests := []struct {
		name, title, day, want string
	}{
		{"dated", "Helpdesk for Acme", "2 Dec", "Helpdesk for Acme (imported 2 Dec)"},
		{"imported again", "Helpdesk for Acme (imported 2 Dec)", "5 Jan", "Helpdesk for Acme (imported 5 Jan)"},
		{"no day known", "Helpdesk for Acme", "", "Helpdesk for Acme"},
		{"long title cut to fit", long, "2 Dec", long[:calc.MaxTitleLen-len(" (imported 2 Dec)")] + " (imported 2 Dec)"},
		{"in German, from the browser's date", "Helpdesk (imported 2 Dec)", "de:2026-12-05", "Helpdesk (importiert am 5. Dez.)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem, _ := ownWork(t)
			start := Start{Day: tt.day}
			if today, ok := strings.CutPrefix(tt.day, "de:"); ok {
				start = Start{Query: "lang=de", Today: today}
			}
			tb := newTab(t, mem, start)
			m := exampleModel(t, "segments")
			m.Title = tt.title
			data, err := calc.Encode(m)
			require.NoError(t, err)
			tb.do(ImportFile{FileName: "f.json", Text: string(data)})
			got := tb.model().Title
			assert.Equal(t, tt.want, got)
			assert.LessOrEqual(t, len([]rune(got)), calc.MaxTitleLen)
			stored, _ := storedDoc(t, mem, tb.state().DocID)
			assert.Equal(t, tt.want, stored.Title, "saved under that name")
		})
	}
}

func TestImportErrorWords(t *testing.T) {
	bad := `{"format":"valuecalc/2","mode":"money","horizonYears":99,"colour":"red",
	  "items":[{"id":"hours","name":"Agent hours saved","side":"benefit","type":"risk"},{"id":"x","name":"","side":"cost","type":"financial","weight":-1}],
	  "scenarios":[{"id":"s","name":"Status quo","entries":{}},
	    {"id":"w","name":"With us","entries":{"hours":{"amount":-5,"per":"week"},"zz":{"amount":1},"x":{"hours":3,"low":5,"high":9,"oops":1}}}]}`
	tb := editorTab(t)
	tb.do(ImportFile{FileName: "bad.json", Text: bad})
	p := tb.state().Import
	_, err := calc.Decode([]byte(bad))
	var probs calc.Problems
	require.ErrorAs(t, err, &probs)
	assert.Equal(t, problemTexts(probs), p.Detail, "the detail is calc's, with the path")
	assert.Equal(t, []string{
		"The horizon in years must be between 1 and 30, got 99",
		"Agent hours saved: the type must be one of functional, emotional, social, monetary for a benefit, got \"risk\"",
		"Item 2: the name must not be blank",
		"Item 2: the weight must be between 0 and 1000, got -1",
		"Agent hours saved, With us: the amount must be 0 or more, got -5",
		"Agent hours saved, With us: the recurrence must be one of once, month, year, got \"week\"",
		"Item 2, With us: the low end of the range must be at most the value 3, got 5",
		"Item 2, With us: “oops” is not a field valuecalc knows",
		"“zz”, With us: there is no item with the id “zz”",
		"“colour” is not a field of a valuecalc file",
	}, p.List)

	tb.do(SetLang{Lang: i18n.DE})
	tb.do(ImportFile{FileName: "bad.json", Text: bad})
	p = tb.state().Import
	assert.Equal(t, "„bad.json“ wurde nicht importiert: Die Datei hat 10 Probleme. Nichts wurde geändert.", p.Text)
	assert.Equal(t, []string{
		"Der Zeitraum in Jahren liegt außerhalb des erlaubten Bereichs",
		"Agent hours saved: die Art ist ungültig",
		"Posten 2: der Name fehlt",
		"Posten 2: das Gewicht liegt außerhalb des erlaubten Bereichs",
		"Agent hours saved, With us: der Betrag liegt außerhalb des erlaubten Bereichs",
		"Agent hours saved, With us: die Wiederholung ist ungültig",
		"Posten 2, With us: das untere Ende der Bandbreite liegt außerhalb des erlaubten Bereichs",
		"Posten 2, With us: „oops“ ist kein Feld, das valuecalc kennt",
		"„zz“, With us: Es gibt keinen Posten mit der ID „zz“",
		"„colour“ ist kein Feld einer valuecalc-Datei",
	}, p.List, "in German, with calc's wording as the detail")
}

func TestErrorsQuietSuccess(t *testing.T) {
	tests := []struct {
		name   string
		action Action
		keep   bool
	}{
		{"a failed import", ImportFile{FileName: "x.json", Text: "{"}, false},
		{"an unreadable file", ImportUnreadable{FileName: "x.json"}, false},
		{"a failed save", SaveFailed{Err: "quota exceeded"}, false},
		{"a conflict", SaveConflict{}, false},
		{"a broken link", HashChanged{Hash: "#m=AAAA"}, false},
		{"a new panel", OpenPanel{PanelShare}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := editorTab(t)
			tb.do(ExportCSV{})
			require.Equal(t, "Exported the comparison as a CSV file.", tb.state().Notice.Text)
			tb.do(tt.action)
			if tt.keep {
				assert.Equal(t, "Exported the comparison as a CSV file.", tb.state().Notice.Text)
			} else {
				assert.Empty(t, tb.state().Notice.Text, "no success next to an error")
			}
		})
	}
	t.Run("an error notice stays", func(t *testing.T) {
		tb := editorTab(t)
		tb.do(RenameSaved{ID: "x", Title: ""})
		require.True(t, tb.state().Notice.IsErr)
		tb.do(SaveFailed{Err: "quota exceeded"})
		assert.True(t, tb.state().Notice.IsErr)
	})
}

func TestReportFromTheAddress(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{Query: "template=software-purchase&view=report"})
	s := tb.state()
	assert.Equal(t, ViewReport, s.View)
	assert.Contains(t, tb.take(), Effect(SetDocTitle{s.Model().Title}), "the document is named after the assessment")
	tb.do(SetView{ViewEditor})
	assert.Equal(t, []SetDocTitle{{""}}, effectsOf[SetDocTitle](tb.take()))
	tb.do(SetView{ViewReport})
	assert.Equal(t, []SetDocTitle{{s.Model().Title}}, effectsOf[SetDocTitle](tb.take()))
	tb.input(SettingField(FieldTitle), "Acme renewal")
	assert.Equal(t, []SetDocTitle{{"Acme renewal"}}, effectsOf[SetDocTitle](tb.take()), "renamed while shown")

	plain := newTab(t, MemStorage{}, Start{Query: "template=segments&view=visitorx"}) // an unknown view: the editor
	assert.Equal(t, ViewEditor, plain.state().View)
	assert.Empty(t, effectsOf[SetDocTitle](plain.take()))
}

func TestToggleRow(t *testing.T) {
	tb := editorTab(t)
	before := tb.state().Grid.Rows
	tb.do(ToggleRow{ID: "fit", Open: true})
	rows := tb.state().Grid.Rows
	for i, r := range rows {
		if r.Item.ID == "fit" {
			assert.True(t, r.Open)
			assert.NotSame(t, before[i], r, "the row shows it")
		} else {
			assert.False(t, r.Open)
			assert.Same(t, before[i], r, "other rows untouched")
		}
	}
	tb.do(MoveItem{ID: "fit", By: -1})
	for _, r := range tb.state().Grid.Rows {
		assert.Equal(t, r.Item.ID == "fit", r.Open, "open follows the item, not the place: %s", r.Item.ID)
	}
	tb.do(ToggleRow{ID: "fit", Open: false})
	for _, r := range tb.state().Grid.Rows {
		assert.False(t, r.Open)
	}
}

func TestVerdict(t *testing.T) {
	sw, _ := examples.Get("software-purchase")
	m, err := calc.Decode(sw.Data)
	require.NoError(t, err)
	one := m
	one.Scenarios = m.Scenarios[1:]
	tied := m
	tied.Scenarios = []calc.Scenario{m.Scenarios[1], m.Scenarios[1]}
	tied.Scenarios[1].ID, tied.Scenarios[1].Name = "twin", "Twin"
	empty := m
	empty.Scenarios = append([]calc.Scenario{}, m.Scenarios...)
	empty.Scenarios[0].Entries = make([]*calc.Entry, len(m.Items))
	none := empty
	none.Scenarios = []calc.Scenario{empty.Scenarios[0]}

	res := calc.Evaluate(m)
	lead := res.Scenarios[1].Net - res.Scenarios[0].Net
	tests := []struct {
		name string
		m    calc.Model
		want Verdict
	}{
		{"two", m, Verdict{Best: "With us", BestID: "with-us", Net: res.Scenarios[1].Net, RunnerUp: "Status quo", Lead: lead, Payback: res.Scenarios[1].PaybackMonths}},
		{"one", one, Verdict{Best: "With us", BestID: "with-us", Net: res.Scenarios[1].Net, Payback: res.Scenarios[1].PaybackMonths}},
		{"tied", tied, Verdict{Best: "With us", BestID: "with-us", Net: res.Scenarios[1].Net, RunnerUp: "Twin", Tie: true, Payback: res.Scenarios[1].PaybackMonths}},
		{"an empty scenario is no runner-up", empty, Verdict{Best: "With us", BestID: "with-us", Net: res.Scenarios[1].Net, Payback: res.Scenarios[1].PaybackMonths}},
		{"nothing entered", none, Verdict{Empty: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Decide(tt.m, calc.Evaluate(tt.m)))
		})
	}
}

func TestEmptyAndStatusQuo(t *testing.T) {
	sw, _ := examples.Get("software-purchase")
	m, err := calc.Decode(sw.Data)
	require.NoError(t, err)
	assert.True(t, StatusQuo(m), "the status quo holds costs only")
	assert.False(t, EmptyScenario(m, 0))
	assert.False(t, EmptyScenario(m, 1))
	un := Unscored(m)
	assert.Empty(t, un[0], "a status quo's missing values are no news")
	assert.Empty(t, un[1])

	m2 := m
	m2.Scenarios = append([]calc.Scenario{}, m.Scenarios...)
	es := append([]*calc.Entry{}, m.Scenarios[1].Entries...)
	es[len(es)-1] = nil // "Time to learn" without a value
	m2.Scenarios[1].Entries = es
	assert.Equal(t, [][]string{nil, {m.Items[len(m.Items)-1].Name}}, Unscored(m2))

	m3 := m2
	m3.Scenarios = append([]calc.Scenario{}, m2.Scenarios...)
	m3.Scenarios[0].Entries = make([]*calc.Entry, len(m.Items))
	assert.True(t, EmptyScenario(m3, 0))
	assert.Nil(t, Unscored(m3)[0], "an empty scenario says nothing entered, not a list")

	cv, _ := examples.Get("customer-value")
	m4, err := calc.Decode(cv.Data)
	require.NoError(t, err)
	assert.False(t, StatusQuo(m4), "a first scenario with benefits is no status quo")
}
