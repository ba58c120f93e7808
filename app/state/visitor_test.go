package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

func TestParseView(t *testing.T) {
	for _, tc := range []struct {
		query  string
		embed  bool
		want   View
		chosen bool
	}{
		{"", false, ViewEditor, false},
		{"", true, ViewVisitor, false},
		{"view=editor", false, ViewEditor, true},
		{"view=visitor", false, ViewVisitor, true},
		{"view=report", false, ViewReport, true},
		{"view=Visitor", false, ViewVisitor, true},
		{"embed=1&view=editor", true, ViewEditor, true},
		{"embed=1&view=report", true, ViewReport, true},
		{"template=segments&view=visitor", false, ViewVisitor, true},
		// A value that names no view chooses nothing: the default stays.
		{"view=grid", false, ViewEditor, false},
		{"view=grid", true, ViewVisitor, false},
		{"view=", true, ViewVisitor, false},
		{"view=%zz", true, ViewVisitor, false},
	} {
		v, chosen := ParseView(tc.query, tc.embed)
		assert.Equal(t, tc.want, v, "%q embed=%v", tc.query, tc.embed)
		assert.Equal(t, tc.chosen, chosen, "%q embed=%v", tc.query, tc.embed)
	}
}

// TestStartView: the address chooses the view; an embed opens on the
// visitor view, and a view its host chose cannot be left.
func TestStartView(t *testing.T) {
	for _, tc := range []struct {
		name     string
		query    string
		want     View
		fixed    bool
		canLeave bool
	}{
		{"the editor, asked for", "template=segments&view=editor", ViewEditor, false, true},
		{"the visitor view, asked for", "template=segments&view=visitor", ViewVisitor, false, true},
		{"the report, asked for", "template=segments&view=report", ViewReport, false, true},
		{"a template alone opens the editor", "template=segments", ViewEditor, false, true},
		{"an embed opens on the visitor view", "embed=1&template=segments", ViewVisitor, false, true},
		{"an embed's host chose the editor", "embed=1&template=segments&view=editor", ViewEditor, true, false},
		{"an embed's host chose the visitor view", "embed=1&template=segments&view=visitor", ViewVisitor, true, false},
		{"an embed's host chose the report", "embed=1&template=segments&view=report", ViewReport, true, false},
		{"an embed's unknown view fixes nothing", "embed=1&template=segments&view=table", ViewVisitor, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTab(t, MemStorage{}, Start{Query: tc.query})
			s := tb.state()
			assert.Equal(t, tc.want, s.View)
			assert.Equal(t, tc.fixed, s.ViewFixed)

			other := ViewEditor
			if tc.want == ViewEditor {
				other = ViewVisitor
			}
			tb.do(SetView{other})
			if tc.canLeave {
				assert.Equal(t, other, tb.state().View, "the user moves to another view")
				tb.do(SetView{tc.want})
				assert.Equal(t, tc.want, tb.state().View, "and back")
			} else {
				assert.Equal(t, tc.want, tb.state().View, "the host's choice stays")
			}
		})
	}
}

// TestFirstVisit: a first visit to the full app opens the customer-value
// template on the questionnaire; a visit that names a template, a view or
// a link, or finds saved work, does not.
func TestFirstVisit(t *testing.T) {
	link, err := calc.EncodeLink(exampleModel(t, "segments"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		start Start
		saved bool
		want  View
		title string
	}{
		{"nothing saved, nothing asked", Start{}, false, ViewVisitor, "Customer value assessment"},
		{"a template", Start{Query: "template=software-purchase"}, false, ViewEditor, "Helpdesk software: 3-year business case"},
		{"the editor, asked for", Start{Query: "view=editor"}, false, ViewEditor, "Customer value assessment"},
		{"a link: the case to read", Start{Hash: "#" + link}, false, ViewReport, "Segment comparison: SMB vs Enterprise"},
		{"saved work", Start{}, true, ViewEditor, "Helpdesk software: 3-year business case"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mem := MemStorage{}
			if tc.saved {
				mem, _ = ownWork(t)
			}
			tb := newTab(t, mem, tc.start)
			tb.settle()
			assert.Equal(t, tc.want, tb.state().View)
			assert.Equal(t, tc.title, tb.model().Title)
			assert.False(t, tb.state().ViewFixed, "the editor is one click away")
		})
	}
}

func TestQuestions(t *testing.T) {
	type q struct{ driver, scenario, item string }
	for _, tc := range []struct {
		name string
		m    calc.Model
		want []q
	}{
		{"customer-value: the entries marked ask", exampleModel(t, "customer-value"), []q{
			{"", "status-quo", "quality"}, {"", "status-quo", "fit"}, {"", "status-quo", "peace"}, {"", "status-quo", "effort"},
			{"", "status-quo", "stress"}, {"", "with-us", "fit"}, {"", "with-us", "learning"},
		}},
		{"software-purchase: the drivers, then the entries marked ask", exampleModel(t, "software-purchase"), []q{
			{"agents", "", ""}, {"tickets", "", ""}, {"", "status-quo", "maintenance"}, {"", "with-us", "outages"},
		}},
		{"segments: a few", exampleModel(t, "segments"), []q{
			{"", "smb", "ease"}, {"", "smb", "price"}, {"", "enterprise", "integrations"}, {"", "enterprise", "change"},
		}},
		{"none marked: every entry", unmarked(exampleModel(t, "software-purchase")), []q{
			{"", "status-quo", "maintenance"},
			{"", "with-us", "hours-saved"}, {"", "with-us", "outages"}, {"", "with-us", "subscription"}, {"", "with-us", "implementation"},
			{"", "with-us", "training"}, {"", "with-us", "maintenance"}, {"", "with-us", "learning"},
		}},
		{"no entries: no questions", calc.NewModel(), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []q
			for _, x := range Questions(tc.m) {
				got = append(got, q{x.Driver, x.Scenario, x.Item})
			}
			assert.Equal(t, tc.want, got)
		})
	}
	// 5–8 questions in the templates that a visitor meets first; the
	// helpdesk asks its two drivers (agents, tickets a month) and two
	// entries of the customer's own: today's tools and outages.
	assert.Len(t, Questions(exampleModel(t, "customer-value")), 7)
	assert.Len(t, Questions(exampleModel(t, "software-purchase")), 4)
}

func unmarked(m calc.Model) calc.Model {
	m.Drivers = append([]calc.Driver(nil), m.Drivers...)
	for i := range m.Drivers {
		m.Drivers[i].Ask = false
	}
	m.Scenarios = mapScenarios(m.Scenarios, func(s calc.Scenario) calc.Scenario {
		s.Entries = mapEntries(s.Entries, len(m.Items), func(e calc.Entry) calc.Entry {
			e.Ask = false
			return e
		})
		return s
	})
	return m
}

func TestQuestionText(t *testing.T) {
	cv := Questions(exampleModel(t, "customer-value"))
	assert.Equal(t, "Status quo: how would you rate product quality and reliability?", cv[0].Text(i18n.EN, calc.ModeScore))
	assert.Equal(t, "Uptime, fewer defects, outcomes delivered.", cv[0].Note, "the item's note is the help")
	sw := Questions(exampleModel(t, "software-purchase"))
	assert.Equal(t, "With us: what is fewer outages worth to you?", sw[3].Text(i18n.EN, calc.ModeMoney))

	one := calc.NewModel()
	one.Items = []calc.Item{{ID: "a", Name: "Peace of mind", Side: calc.SideBenefit, Type: calc.TypeEmotional, Weight: 1}}
	one.Scenarios[0].Entries = []*calc.Entry{{Score: calc.Float(3)}}
	qs := Questions(one)
	require.Len(t, qs, 1)
	assert.Equal(t, "How would you rate peace of mind?", qs[0].Text(i18n.EN, calc.ModeScore), "one scenario: no scenario name")

	low, high := ScaleEnds(i18n.EN, calc.Scale{Min: 1, Max: 5}, calc.SideBenefit)
	assert.Equal(t, [2]string{"Not at all", "Completely"}, [2]string{low, high})
	low, high = ScaleEnds(i18n.EN, calc.Scale{Min: 1, Max: 5}, calc.SideCost)
	assert.Equal(t, [2]string{"Very light", "Very heavy"}, [2]string{low, high})
	low, high = ScaleEnds(i18n.EN, exampleModel(t, "customer-value").Scale, calc.SideCost)
	assert.Equal(t, [2]string{"Very low", "Very high"}, [2]string{low, high}, "the model's labels")
	assert.Equal(t, "10 = a heavy cost, 1 = hardly any", CostHint(i18n.EN, calc.Scale{Min: 1, Max: 10}))
}

// TestVisitorAnswers: answering a question is typing into the entry's
// field: a valid answer changes the model and the result and is saved;
// a bad one stays in the field with its message and changes nothing; an
// emptied one too, keeping the question; undo takes an answer back.
func TestVisitorAnswers(t *testing.T) {
	outages := EntryField("with-us", "outages")
	for _, tc := range []struct {
		name, text string
		err        string // "" for a valid answer
		want       string // the field's model value after
	}{
		{"an amount", "2000", "", "2,000"},
		{"an amount as people type it", " $2,500 ", "", "2,500"},
		{"a word", "lots", "Enter a number, such as 1200 or 4.5.", "1,500"},
		{"a negative number", "-5", "Enter an amount between 0 and 1,000,000,000,000.", "1,500"},
		{"emptied", "", "Enter an amount between 0 and 1,000,000,000,000.", "1,500"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mem := MemStorage{}
			tb := newTab(t, mem, Start{Query: "template=software-purchase&view=visitor"})
			require.Equal(t, ViewVisitor, tb.state().View)
			before := tb.state()
			tb.input(outages, tc.text)
			s := tb.state()
			assert.Equal(t, tc.want, FieldText(i18n.EN, s.Model(), outages))
			assert.Equal(t, calc.Evaluate(s.Model()), s.Result)
			d, _ := s.Draft(outages)
			if tc.err != "" {
				assert.Equal(t, tc.err, d.Err)
				assert.Equal(t, tc.text, s.FieldValue(outages), "the text stays in the field")
				assert.Equal(t, before.Model(), s.Model())
				assert.Equal(t, before.Result, s.Result, "the last valid result stays")
				assert.Len(t, Questions(s.Model()), 4, "no question is lost")
				return
			}
			assert.Empty(t, d.Err)
			assert.NotEqual(t, before.Result, s.Result, "the answer moves the result")
			e, _ := entryOf(s.Model(), "with-us", "outages")
			assert.True(t, e.Ask, "the answered entry stays a question")

			tb.settle()
			saved, _ := storedDoc(t, mem, tb.state().DocID)
			assert.Equal(t, tc.want, FieldText(i18n.EN, saved, outages), "the answer is saved")

			tb.do(Undo{})
			assert.Equal(t, "1,500", FieldText(i18n.EN, tb.model(), outages), "undo takes it back")
			assert.Equal(t, ViewVisitor, tb.state().View)
		})
	}
}

func TestVisitorScoreAnswer(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{})
	require.Equal(t, ViewVisitor, tb.state().View)
	q := Questions(tb.model())[0]
	before := tb.state().Result
	tb.input(q.Field(), "5")
	tb.do(InputDone{q.Field()})
	assert.Equal(t, "5", FieldText(i18n.EN, tb.model(), q.Field()))
	assert.NotEqual(t, before, tb.state().Result)
	_, ok := tb.state().Draft(q.Field())
	assert.False(t, ok, "a valid answer leaves no draft once done")

	tb.input(q.Field(), "6")
	d, _ := tb.state().Draft(q.Field())
	assert.Equal(t, "Enter a score from 1 to 5.", d.Err)
	assert.Equal(t, "5", FieldText(i18n.EN, tb.model(), q.Field()))
}

// TestEmbedAnswersNotSaved: an embed's visitor answers, the host hears the
// result, and nothing is written.
func TestEmbedAnswersNotSaved(t *testing.T) {
	mem := MemStorage{}
	tb := newTab(t, mem, Start{Query: "embed=1&template=software-purchase"})
	require.Equal(t, ViewVisitor, tb.state().View)
	tb.take()
	effects := tb.input(EntryField("with-us", "hours-saved"), "90")
	assert.NotEmpty(t, effectsOf[Post](effects), "the host hears the new result")
	tb.settle()
	assert.Empty(t, docKeys(mem))
}

// TestVisitorLink: a link opened on the visitor view is answered, not
// read-only; the first answer takes the link out of the address bar, and
// the answers are saved.
func TestVisitorLink(t *testing.T) {
	link, err := calc.EncodeLink(exampleModel(t, "segments"))
	require.NoError(t, err)
	mem := MemStorage{}
	tb := newTab(t, mem, Start{Query: "view=visitor", Hash: "#" + link})
	s := tb.state()
	require.Equal(t, "Segment comparison: SMB vs Enterprise", s.Model().Title)
	assert.Equal(t, ViewVisitor, s.View)
	assert.False(t, s.Shared)
	tb.take()
	effects := tb.input(EntryField("smb", "ease"), "4")
	assert.Contains(t, effectsOf[CleanURL](effects), CleanURL{Hash: true})
	tb.settle()
	saved, _ := storedDoc(t, mem, tb.state().DocID)
	assert.Equal(t, "4", FieldText(i18n.EN, saved, EntryField("smb", "ease")))

	// Opened without ?view=, the same link is the read-only shared copy.
	tb = newTab(t, MemStorage{}, Start{Hash: "#" + link})
	assert.True(t, tb.state().Shared)
}
