package state

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// visitorHelpdeskV3 is a money model of version 3 whose visitor questions are
// drivers (SPEC §2.1): the vendor's price is fixed, one benefit is asked.
const visitorHelpdeskV3 = `{"format": "valuecalc/3", "title": "Helpdesk", "mode": "money", "currency": "USD",
 "horizonYears": 3, "hourlyRate": 40,
 "drivers": [
  {"id": "agents", "name": "Support agents", "unit": "agents", "value": 25, "low": 20, "high": 30, "ask": true, "note": "Everyone who answers tickets."},
  {"id": "tickets", "name": "Tickets a month", "unit": "tickets", "value": 4000, "ask": true},
  {"id": "sites", "name": "Sites", "unit": "sites", "value": 2}
 ],
 "items": [
  {"id": "triage", "name": "Faster triage", "side": "benefit", "type": "monetary"},
  {"id": "CRM", "name": "CRM sync", "side": "benefit", "type": "functional"},
  {"id": "sub", "name": "Subscription", "side": "cost", "type": "financial"}
 ],
 "scenarios": [{"id": "with", "name": "With us", "entries": {
  "triage": {"hours": 0.1, "per": "month", "times": ["tickets"]},
  "CRM": {"amount": 300, "per": "month", "ask": true},
  "sub": {"amount": 40, "per": "month", "times": ["agents", "sites"]}
 }}]}`

func decodeModel(t testing.TB, js string) calc.Model {
	t.Helper()
	m, err := calc.Decode([]byte(js))
	require.NoError(t, err)
	return m
}

// visitorTab opens m on the visitor view of an embed whose host is the
// shop, with query added.
func visitorTab(t *testing.T, m calc.Model, query string) *tab {
	t.Helper()
	link, err := calc.EncodeLink(m)
	require.NoError(t, err)
	tb := newTab(t, MemStorage{}, Start{Query: shopEmbed + query, Hash: "#" + link})
	require.Equal(t, ViewVisitor, tb.state().View)
	require.Equal(t, m.Title, tb.model().Title)
	return tb
}

// TestQuestionsDriversFirst: the drivers marked ask come first, then the
// entries marked ask; with nothing marked, every entry; a score model's
// drivers are kept and ignored (SPEC §2.1), so never asked.
func TestQuestionsDriversFirst(t *testing.T) {
	type q struct{ driver, scenario, item string }
	m := decodeModel(t, visitorHelpdeskV3)
	noEntryAsked := m
	noEntryAsked.Scenarios = unmarked(m).Scenarios
	nothing := unmarked(m)
	nothing.Drivers = append([]calc.Driver(nil), m.Drivers...)
	for i := range nothing.Drivers {
		nothing.Drivers[i].Ask = false
	}
	score := decodeModel(t, `{"format": "valuecalc/3", "mode": "score",
	 "drivers": [{"id": "agents", "name": "Agents", "value": 3, "ask": true}],
	 "items": [{"id": "a", "name": "Ease", "side": "benefit", "type": "functional"}],
	 "scenarios": [{"id": "s", "name": "S", "entries": {"a": {"score": 3}}}]}`)
	for _, tc := range []struct {
		name string
		m    calc.Model
		want []q
	}{
		{"drivers, then the entries marked", m, []q{{"agents", "", ""}, {"tickets", "", ""}, {"", "with", "CRM"}}},
		{"drivers alone: the vendor's prices are not asked", noEntryAsked, []q{{"agents", "", ""}, {"tickets", "", ""}}},
		{"nothing marked: every entry", nothing, []q{{"", "with", "triage"}, {"", "with", "CRM"}, {"", "with", "sub"}}},
		{"a score model asks no driver", score, []q{{"", "s", "a"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []q
			for _, x := range Questions(tc.m) {
				got = append(got, q{x.Driver, x.Scenario, x.Item})
			}
			assert.Equal(t, tc.want, got)
		})
	}
	qs := Questions(m)
	assert.Equal(t, DriverField(FieldDriverValue, "agents"), qs[0].Field())
	assert.Equal(t, "f-driver-agents-value", qs[0].Field().ElementID())
	assert.Equal(t, "agents", qs[0].Unit)
	assert.Equal(t, "Everyone who answers tickets.", qs[0].Note, "the driver's note is the help")
}

// TestQuestionWords: questions are worded from the name and the side in
// each language, without a capital in the middle of a sentence.
func TestQuestionWords(t *testing.T) {
	driver := Question{Driver: "agents", ItemName: "Support agents", Unit: "agents"}
	benefit := Question{Scenario: "s", Item: "a", ItemName: "Peace of mind", Side: calc.SideBenefit}
	cost := Question{Scenario: "s", Item: "b", ItemName: "Time to learn", Side: calc.SideCost}
	acronym := Question{Scenario: "s", Item: "c", ItemName: "CRM sync", Side: calc.SideBenefit}
	for _, tc := range []struct {
		l    i18n.Lang
		q    Question
		mode calc.Mode
		want string
	}{
		{i18n.EN, driver, calc.ModeMoney, "How many support agents do you have?"},
		{i18n.DE, driver, calc.ModeMoney, "Wie viele Support agents haben Sie?"},
		{i18n.FR, driver, calc.ModeMoney, "Support agents : combien en avez-vous ?"},
		{i18n.ES, driver, calc.ModeMoney, "Support agents: ¿qué cantidad tiene?"},
		{i18n.EN, benefit, calc.ModeScore, "How would you rate peace of mind?"},
		{i18n.EN, cost, calc.ModeScore, "How heavy is time to learn for you?"},
		{i18n.EN, benefit, calc.ModeMoney, "What is peace of mind worth to you?"},
		{i18n.EN, cost, calc.ModeMoney, "What does time to learn cost you?"},
		{i18n.EN, acronym, calc.ModeMoney, "What is CRM sync worth to you?"},
		{i18n.DE, cost, calc.ModeMoney, "Was kostet Time to learn Sie?"},
		{i18n.FR, benefit, calc.ModeScore, "Peace of mind : quelle note lui donneriez-vous ?"},
		{i18n.ES, cost, calc.ModeMoney, "Time to learn: ¿cuánto le cuesta?"},
	} {
		assert.Equal(t, tc.want, tc.q.Prompt(tc.l, tc.mode), "%s %s", tc.l, tc.q.ItemName)
	}
	withScenario := cost
	withScenario.ScenarioName = "With us"
	assert.Equal(t, "With us: what does time to learn cost you?", withScenario.Text(i18n.EN, calc.ModeMoney))
}

// TestMidSentence: the rule for a name inside an English sentence.
func TestMidSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Peace of mind":     "peace of mind",
		"Support agents":    "support agents",
		"Élan":              "élan",
		"CRM sync":          "CRM sync",
		"SLA-backed uptime": "SLA-backed uptime",
		"iPhone support":    "iPhone support",
		"McKinsey report":   "McKinsey report",
		"Q4 revenue":        "Q4 revenue",
		"A/B tests":         "A/B tests",
		"X":                 "X",
		"hours saved":       "hours saved",
		"24/7 support":      "24/7 support",
		"C:\\temp cleanup":  "C:\\temp cleanup",
		"Follow-up calls":   "follow-up calls",
		"":                  "",
	} {
		assert.Equal(t, want, MidSentence(i18n.EN, in), in)
	}
	for _, l := range []i18n.Lang{i18n.DE, i18n.FR, i18n.ES} {
		assert.Equal(t, "Peace of mind", MidSentence(l, "Peace of mind"), "%s keeps the capital", l)
	}
}

// TestDriverAnswer: a driver question is answered in the visitor's number
// format; the result follows; a bad answer stays with its message and the
// last valid result; a range widens to hold the answer.
func TestDriverAnswer(t *testing.T) {
	m := decodeModel(t, visitorHelpdeskV3)
	agents := DriverField(FieldDriverValue, "agents")
	for _, tc := range []struct {
		name, lang, text string
		want             float64
		err              string
	}{
		{"a count", "en", "40", 40, ""},
		{"grouped the visitor's way", "de", "1.200", 1200, ""},
		{"grouped the English way", "en", "1,200", 1200, ""},
		{"inside the range", "en", "22", 22, ""},
		{"a word", "en", "many", 25, "Enter a number, such as 1200 or 4.5."},
		{"negative", "en", "-3", 25, "Enter a number from 0 to 1,000,000,000."},
		{"emptied", "en", "", 25, "Enter a number from 0 to 1,000,000,000."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := visitorTab(t, m, "&lang="+tc.lang)
			before := tb.state()
			tb.input(agents, tc.text)
			s := tb.state()
			d := s.Model().Drivers[0]
			assert.Equal(t, tc.want, d.Value)
			assert.Equal(t, calc.Evaluate(s.Model()), s.Result)
			dr, _ := s.Draft(agents)
			if tc.err != "" {
				if tc.lang == "en" {
					assert.Equal(t, tc.err, dr.Err)
				}
				assert.NotEmpty(t, dr.Err)
				assert.Equal(t, tc.text, s.FieldValue(agents), "the text stays")
				assert.Equal(t, before.Result, s.Result, "the last valid result stays")
				return
			}
			assert.Empty(t, dr.Err)
			assert.NotEqual(t, before.Result, s.Result)
			assert.Equal(t, min(20, tc.want), *d.Low, "the range holds the answer")
			assert.Equal(t, max(30, tc.want), *d.High)
		})
	}
}

// TestAnswered: an answer marks its question answered, so it no longer
// shows the model's figure as typical; a new model starts unanswered; the
// editor's typing answers nothing.
func TestAnswered(t *testing.T) {
	m := decodeModel(t, visitorHelpdeskV3)
	tb := visitorTab(t, m, "")
	assert.Empty(t, tb.state().Answered, "it opens on typical figures")
	tb.input(DriverField(FieldDriverValue, "tickets"), "3000")
	assert.Equal(t, map[Field]bool{DriverField(FieldDriverValue, "tickets"): true}, tb.state().Answered)
	tb.input(DriverField(FieldDriverValue, "tickets"), "oops")
	assert.True(t, tb.state().Answered[DriverField(FieldDriverValue, "tickets")], "a bad answer is an answer being typed")

	tb.do(HostMessage{Origin: shopOrigin, FromParent: true, Data: loadMsg(t, m)})
	assert.Empty(t, tb.state().Answered, "another model starts on typical figures")

	ed := newTab(t, MemStorage{}, Start{Query: "template=segments"})
	ed.input(EntryField("smb", "ease"), "2")
	assert.Empty(t, ed.state().Answered, "the editor answers no questions")
}

// TestScoreLead: a score model's lead in words, measured against the
// whole scale of what was scored.
func TestScoreLead(t *testing.T) {
	model := func(a, b []float64) calc.Model {
		m := calc.NewModel()
		m.Scenarios = []calc.Scenario{{ID: "x", Name: "Status quo"}, {ID: "y", Name: "With us"}}
		for i := range a {
			id := string(rune('a' + i))
			m.Items = append(m.Items, calc.Item{ID: id, Name: id, Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: 1})
			m.Scenarios[0].Entries = append(m.Scenarios[0].Entries, &calc.Entry{Score: calc.Float(a[i])})
			m.Scenarios[1].Entries = append(m.Scenarios[1].Entries, &calc.Entry{Score: calc.Float(b[i])})
		}
		return m
	}
	for _, tc := range []struct {
		name string
		a, b []float64
		want Lead
	}{
		{"a tie", []float64{3, 3}, []float64{3, 3}, LeadEven},
		{"0.1 of 8", []float64{3, 3}, []float64{3, 3.1}, LeadEven},
		{"0.5 of 8", []float64{3, 3}, []float64{3, 3.5}, LeadSlight},
		{"1 of 8", []float64{3, 3}, []float64{4, 3}, LeadBetter},
		{"3 of 8", []float64{2, 3}, []float64{4, 4}, LeadClear},
		{"1 of 80", []float64{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, []float64{4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, LeadEven},
	} {
		m := model(tc.a, tc.b)
		assert.Equal(t, tc.want, ScoreLead(m, Decide(m, calc.Evaluate(m))), tc.name)
	}
	one := model([]float64{4}, []float64{4})
	one.Scenarios = one.Scenarios[:1]
	assert.Equal(t, LeadEven, ScoreLead(one, Decide(one, calc.Evaluate(one))), "one scenario leads nothing")
}

// TestResultAnswersAndLink: valuecalc:result carries the visitor's
// answers as they stand and the share link of the model shown (SPEC §6).
func TestResultAnswersAndLink(t *testing.T) {
	m := decodeModel(t, visitorHelpdeskV3)
	tb := visitorTab(t, m, "")
	msgs := posted(t, tb.take(), shopOrigin)
	require.Equal(t, []string{msgReady, msgResult}, postTypes(msgs))
	assert.Equal(t, map[string]any{"drivers": map[string]any{"agents": 25.0, "tickets": 4000.0},
		"entries": map[string]any{"with": map[string]any{"CRM": 300.0}}}, msgs[1]["answers"])

	tb.input(DriverField(FieldDriverValue, "agents"), "12")
	msgs = posted(t, tb.take(), shopOrigin)
	require.Equal(t, []string{msgResult}, postTypes(msgs))
	assert.Equal(t, 12.0, msgs[0]["answers"].(map[string]any)["drivers"].(map[string]any)["agents"])
	link := msgs[0]["link"].(string)
	require.Contains(t, link, "https://valuecalc.example/#m=")
	fragment, ok := linkFragment(link[len("https://valuecalc.example/"):])
	require.True(t, ok)
	got, err := calc.DecodeLink(fragment)
	require.NoError(t, err)
	assert.Equal(t, tb.model(), got, "the link opens the model with the answers")
	res := msgs[0]["result"].(map[string]any)
	assert.Equal(t, calc.Evaluate(tb.model()).Scenarios[0].Net, res["scenarios"].([]any)[0].(map[string]any)["net"])
}

// TestPressCTA: with ?cta= the visitor's press posts valuecalc:cta with
// the result, the answers and the link; without one, pressing does
// nothing; nothing is ever sent to anyone but the host page.
func TestPressCTA(t *testing.T) {
	m := decodeModel(t, visitorHelpdeskV3)
	tb := visitorTab(t, m, "&cta=Book%20a%20call")
	assert.Equal(t, "Book a call", tb.state().Embed.CTA)
	tb.input(DriverField(FieldDriverValue, "tickets"), "5000")
	tb.take()
	tb.do(PressCTA{})
	effects := tb.take()
	msgs := posted(t, effects, shopOrigin)
	require.Equal(t, []string{msgCTA}, postTypes(msgs))
	want, err := resultMessage(msgCTA, tb.state().Result, tb.model(), tb.state().Base)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(mustJSON(t, msgs[0])))
	assert.Len(t, effects, 1, "the press posts to the host page and does nothing else")

	plain := visitorTab(t, m, "")
	plain.take()
	plain.do(PressCTA{})
	assert.Empty(t, plain.take(), "no call to action, nothing to press")
}

func TestCTAText(t *testing.T) {
	for in, want := range map[string]string{
		"Book a call":       "Book a call",
		"  Book\ta\n call ": "Book a call",
		"":                  "",
		"\x00\x07":          "",
		"Get your personalised quote from our sales team today, no strings attached at all": "Get your personalised quote from our sales team today, no s…",
	} {
		got := ctaText(in)
		assert.Equal(t, want, got, "%q", in)
		assert.LessOrEqual(t, len([]rune(got)), maxCTA)
	}
	q := parseEmbedding("embed=1&cta=Talk%20to%20us")
	assert.Equal(t, "Talk to us", q.CTA)
	assert.Empty(t, parseEmbedding("cta=Talk").CTA, "only an embed has a host to call")
}

func TestAnswersJSON(t *testing.T) {
	data, err := json.Marshal(AnswersOf(calc.NewModel()))
	require.NoError(t, err)
	assert.JSONEq(t, `{"drivers": {}, "entries": {}}`, string(data), "no questions: empty answers, never null")
}

func TestSafeCTAURL(t *testing.T) {
	for u, ok := range map[string]bool{
		"https://acme.example/contact":         true,
		"https://acme.example/c?x=1&y=2":       true,
		"mailto:sales@acme.example":            true,
		"mailto:sales@acme.example?subject=Hi": true,
		"http://acme.example":                  false,
		"javascript:alert(1)":                  false,
		"https://acme.example/\"><script>":     false,
		"https://acme.example/a b":             false,
		"https:///path":                        false,
		"mailto:":                              false,
		"data:text/html,hi":                    false,
		"":                                     false,
	} {
		assert.Equal(t, ok, SafeCTAURL(u), u)
	}
}

// TestSendResults: the brand's call to action is a plain link; "Send my
// results" opens it with the share link added, only when pressed.
func TestSendResults(t *testing.T) {
	link := "https://valuecalc.example/#m=eJyr"
	assert.Equal(t, "https://acme.example/contact?valuecalc=https%3A%2F%2Fvaluecalc.example%2F%23m%3DeJyr",
		SendResultsURL("https://acme.example/contact", link))
	assert.Equal(t, "https://acme.example/c?src=web&valuecalc=https%3A%2F%2Fvaluecalc.example%2F%23m%3DeJyr",
		SendResultsURL("https://acme.example/c?src=web", link))
	assert.Equal(t, "https://acme.example/c?valuecalc=https%3A%2F%2Fvaluecalc.example%2F%23m%3DeJyr#form",
		SendResultsURL("https://acme.example/c#form", link), "the query goes before the fragment")
	assert.Equal(t, "mailto:sales@acme.example?body=https%3A%2F%2Fvaluecalc.example%2F%23m%3DeJyr",
		SendResultsURL("mailto:sales@acme.example", link))
	assert.Equal(t, "mailto:sales@acme.example?subject=Hi%20there&body=My%20case%0A%0Ahttps%3A%2F%2Fvaluecalc.example%2F%23m%3DeJyr",
		SendResultsURL("mailto:sales@acme.example?subject=Hi%20there&body=My%20case", link))
	assert.Equal(t, "mailto:sales@acme.example?body=Hi%0A%0Ahttps%3A%2F%2Fvaluecalc.example%2F%23m%3DeJyr&subject=Case",
		SendResultsURL("mailto:sales@acme.example?body=Hi&subject=Case", link))

	m := decodeModel(t, visitorHelpdeskV3)
	data, err := calc.EncodeLink(m)
	require.NoError(t, err)
	tb := newTab(t, MemStorage{}, Start{Query: "embed=1", Hash: "#" + data,
		Brand: Brand{CTA: CTA{Text: "Book a call", URL: "mailto:sales@acme.example"}}})
	tb.input(DriverField(FieldDriverValue, "agents"), "30")
	tb.take()
	tb.do(SendResults{})
	tabs := effectsOf[OpenTab](tb.take())
	require.Len(t, tabs, 1)
	want, err := shareLink(tb.state().Base, tb.model())
	require.NoError(t, err)
	assert.Equal(t, SendResultsURL("mailto:sales@acme.example", want), tabs[0].URL, "the link of the visitor's answers")

	plain := newTab(t, MemStorage{}, Start{Query: "embed=1"})
	plain.take()
	plain.do(SendResults{})
	assert.Empty(t, effectsOf[OpenTab](plain.take()), "no brand call to action, nothing opens")
}
