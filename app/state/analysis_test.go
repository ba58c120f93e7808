package state

import (
	"github.com/valuecalc/valuecalc/app/i18n"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

// purchase opens the software-purchase template, a money model with two
// scenarios, and lets its first analysis run.
func purchase(t *testing.T) *tab {
	tb := newTab(t, MemStorage{}, Start{Query: "template=software-purchase"})
	tb.runIdle()
	require.True(t, tb.state().AnalysisFresh())
	tb.take()
	return tb
}

var (
	implementation = EntryField("with-us", "implementation")
	implLow        = EntryRangeField(FieldEntryLow, "with-us", "implementation")
	implHigh       = EntryRangeField(FieldEntryHigh, "with-us", "implementation")
)

// TestAnalysisFollowsEditsInIdleTime: an edit only marks the analysis
// stale and asks for it once typing pauses (AnalysisQuiet) and the browser
// is idle; the analysis there is calc's for the model on screen.
func TestAnalysisFollowsEditsInIdleTime(t *testing.T) {
	tb := purchase(t)
	before := tb.state().Analysis
	effects := tb.input(implementation, "9000")
	s := tb.state()
	assert.False(t, s.AnalysisFresh(), "stale until the browser is idle")
	assert.Same(t, before, s.Analysis, "the typing path does not analyse")
	assert.Contains(t, effectsOf[WhenQuiet](effects), WhenQuiet{AnalysisQuiet, Analyze{}}, "it waits for typing to pause")
	assert.Empty(t, effectsOf[WhenIdle](effects))

	tb.advance(AnalysisQuiet - time.Millisecond)
	effects = tb.input(implementation, "9400")
	assert.Contains(t, effectsOf[WhenQuiet](effects), WhenQuiet{AnalysisQuiet, Analyze{}}, "the next keystroke starts the wait again")
	tb.advance(AnalysisQuiet - time.Millisecond)
	assert.Empty(t, tb.idle, "no analysis while the keystrokes come faster than the pause")
	tb.advance(time.Millisecond)
	assert.Equal(t, []Action{Analyze{}}, tb.idle, "one analysis for the burst, once it pauses")

	tb.runIdle()
	s = tb.state()
	require.True(t, s.AnalysisFresh())
	want, err := calc.Sensitivity(s.Model())
	require.NoError(t, err)
	assert.Equal(t, want, *s.Analysis)
	assert.Empty(t, effectsOf[Simulate](tb.take()), "no ranges, no simulation")
}

// TestChartsFollowTheKeystrokesFrame: a keystroke's totals show on its
// own frame and its charts on the next; any other change shows both at
// once.
func TestChartsFollowTheKeystrokesFrame(t *testing.T) {
	tb := purchase(t)
	s := tb.state()
	require.Equal(t, s.Result, s.Charted, "opened: the charts draw the result")
	before := s.Result

	effects := tb.input(implementation, "9000")
	s = tb.state()
	assert.NotEqual(t, before, s.Result, "the totals move at once")
	assert.Equal(t, before, s.Charted, "the charts wait for the totals' frame")
	assert.Equal(t, []AfterFrame{{ChartsCatchUp{}}}, effectsOf[AfterFrame](effects))

	tb.rendered()
	s = tb.state()
	assert.Equal(t, s.Result, s.Charted, "the next frame draws them")

	tb.input(implementation, "9")
	tb.input(implementation, "94")
	tb.rendered()
	s = tb.state()
	assert.Equal(t, s.Result, s.Charted, "a burst catches up on the last keystroke's")

	effects = tb.do(Undo{})
	s = tb.state()
	assert.Empty(t, effectsOf[AfterFrame](effects))
	assert.Equal(t, s.Result, s.Charted, "an undo draws both on one frame")

	effects = tb.input(implementation, "abc")
	assert.Empty(t, effectsOf[AfterFrame](effects), "a refused value changes no total")
	assert.Equal(t, tb.state().Result, tb.state().Charted)
}

// TestRanges: typing one end of a range makes a valid range around the
// value; the simulation runs as an effect and its result lands only when
// it is of the model on screen.
func TestRanges(t *testing.T) {
	tb := purchase(t)
	tb.do(ToggleRanges{})
	assert.True(t, tb.state().ShowRanges)

	tb.input(implLow, "6000")
	e, _ := entryOf(tb.model(), "with-us", "implementation")
	require.True(t, e.Ranged(), "the other end is the value until typed")
	assert.Equal(t, 6000.0, *e.Low)
	assert.Equal(t, 8000.0, *e.High)
	tb.input(implHigh, "15000")
	e, _ = entryOf(tb.model(), "with-us", "implementation")
	assert.Equal(t, 15000.0, *e.High)

	tb.take()
	tb.runIdle()
	sims := effectsOf[Simulate](tb.take())
	require.Len(t, sims, 1)
	s := tb.state()
	assert.True(t, s.Simulating)
	assert.Equal(t, s.DocRev, sims[0].Rev)

	// A slice's progress, then an edit makes the simulation stale.
	tb.do(Simulated{Rev: sims[0].Rev, Done: 0.25})
	assert.Equal(t, 0.25, tb.state().SimProgress)
	done := finished(sims[0])
	tb.input(EntryField("with-us", "training"), "3500")
	tb.do(done)
	assert.Nil(t, tb.state().Analysis.Ranges, "a simulation of an older model is dropped")

	tb.take()
	tb.runIdle()
	sims = effectsOf[Simulate](tb.take())
	require.Len(t, sims, 1, "the edit started another")
	tb.do(finished(sims[0]))
	s = tb.state()
	assert.False(t, s.Simulating)
	require.NotNil(t, s.Analysis.Ranges)
	full, err := calc.Analyze(s.Model())
	require.NoError(t, err)
	assert.Equal(t, full, *s.Analysis, "the same figures as calc.Analyze")
}

// TestEditStopsSimulation: the first edit while a simulation runs stops
// it, since its figures would be dropped; the next edits have nothing to
// stop, and the idle analysis starts the simulation of the new model.
func TestEditStopsSimulation(t *testing.T) {
	tb := purchase(t)
	tb.do(ToggleRanges{})
	tb.input(implLow, "6000")
	tb.take()
	tb.runIdle()
	require.Len(t, effectsOf[Simulate](tb.take()), 1)
	require.True(t, tb.state().Simulating)

	tb.input(EntryField("with-us", "training"), "3500")
	assert.Len(t, effectsOf[StopSimulation](tb.take()), 1, "the edit stops the run")
	tb.input(EntryField("with-us", "training"), "3600")
	assert.Empty(t, effectsOf[StopSimulation](tb.take()), "nothing runs any more")

	tb.runIdle()
	sims := effectsOf[Simulate](tb.take())
	require.Len(t, sims, 1, "the idle analysis starts another")
	assert.Equal(t, tb.state().DocRev, sims[0].Rev)
	tb.input(EntryField("with-us", "training"), "3700")
	assert.Len(t, effectsOf[StopSimulation](tb.take()), 1, "and an edit stops that one")

	// Once a run has finished, an edit has nothing to stop.
	tb.runIdle()
	sims = effectsOf[Simulate](tb.take())
	require.Len(t, sims, 1)
	tb.do(finished(sims[0]))
	require.False(t, tb.state().Simulating)
	tb.take()
	tb.input(EntryField("with-us", "training"), "3800")
	assert.Empty(t, effectsOf[StopSimulation](tb.take()))
}

// finished is the last message of the run s asks for, as the browser
// sends it once it has simulated every case, a slice at a time.
func finished(s Simulate) Simulated {
	sim := calc.NewSimulation(s.Model)
	for !sim.Step(1000) {
	}
	return Simulated{Rev: s.Rev, Done: 1, Ranges: sim.Result()}
}

// runSimulation lets the idle analysis run and its simulation to its
// end, and hands its figures back.
func runSimulation(t *testing.T, tb *tab) *calc.Ranges {
	t.Helper()
	tb.runIdle()
	sims := effectsOf[Simulate](tb.take())
	require.NotEmpty(t, sims)
	done := finished(sims[len(sims)-1])
	tb.do(done)
	require.False(t, tb.state().Simulating)
	return done.Ranges
}

// TestLastRangesStayWhileTheNextRuns: after an edit, the ranges block and
// the cards keep the last figures simulated, known as not current, until
// the next run's replace them; never another assessment's, nor figures
// of other scenarios.
func TestLastRangesStayWhileTheNextRuns(t *testing.T) {
	tb := purchase(t)
	tb.input(implLow, "6000")
	first := runSimulation(t, tb)
	rs, current := tb.state().CardRanges()
	assert.Same(t, first, rs)
	assert.True(t, current, "the run's figures are of the model on screen")

	tb.input(implementation, "9000")
	rs, current = tb.state().CardRanges()
	assert.Same(t, first, rs, "typing keeps them")
	assert.False(t, current, "but they are of the model before the edit")

	tb.runIdle()
	s := tb.state()
	require.True(t, s.Simulating)
	assert.Same(t, first, s.LastRanges, "the ranges block shows them while the next run goes")
	rs, current = s.CardRanges()
	assert.Same(t, first, rs)
	assert.False(t, current)

	tb.input(implementation, "9400") // an edit during the run
	tb.runIdle()
	assert.Same(t, first, tb.state().LastRanges, "still the last that finished")

	second := runSimulation(t, tb)
	s = tb.state()
	assert.Nil(t, s.LastRanges, "the run's own figures replace them")
	rs, current = s.CardRanges()
	assert.Same(t, second, rs)
	assert.True(t, current)
	assert.NotEqual(t, first.Scenarios, second.Scenarios)

	// A second analysis of the same model (two waits that both ended)
	// changes nothing and simulates nothing again.
	tb.take()
	tb.do(Analyze{})
	s = tb.state()
	assert.Empty(t, effectsOf[Simulate](tb.take()), "the model is the one analysed")
	assert.False(t, s.Simulating)
	assert.Nil(t, s.LastRanges)
	rs, current = s.CardRanges()
	assert.Same(t, second, rs)
	assert.True(t, current)

	// Another scenario: the last figures have no row for it.
	tb.do(AddScenario{Name: "Competitor"})
	tb.runIdle()
	s = tb.state()
	require.True(t, s.Simulating)
	assert.Nil(t, s.LastRanges, "figures of other scenarios are not shown")
	rs, _ = s.CardRanges()
	assert.Nil(t, rs)

	// Another assessment: nothing of this one's.
	runSimulation(t, tb)
	tb.do(NewFromTemplate{ID: "software-purchase"})
	rs, _ = tb.state().CardRanges()
	assert.Nil(t, rs, "a new assessment shows no figures of the last")
	tb.runIdle()
	assert.Nil(t, tb.state().LastRanges)
}

// TestRangeInput: bad range input stays in the field with its message;
// emptying both ends removes the range; a value outside the range widens
// it, never leaving an invalid model.
func TestRangeInput(t *testing.T) {
	tb := purchase(t)
	tb.do(ToggleRanges{})
	for _, tc := range []struct {
		name  string
		field Field
		text  string
		want  string
	}{
		{"low above the value", implLow, "9000", "Enter a low estimate from 0 up to the value, 8,000."},
		{"high below the value", implHigh, "7000", "Enter a high estimate from the value, 8,000, up to 1,000,000,000,000."},
		{"negative low", implLow, "-5", "Enter a low estimate from 0 up to the value, 8,000."},
		{"letters", implHigh, "lots", "Enter a number, such as 1200 or 4.5."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := tb.model()
			tb.input(tc.field, tc.text)
			d, _ := tb.state().Draft(tc.field)
			assert.Equal(t, Draft{Text: tc.text, Err: tc.want}, d)
			assert.Equal(t, before, tb.model(), "the model keeps its last valid value")
		})
	}

	tb.input(implLow, "6000")
	tb.input(implHigh, "12000")
	tb.input(implementation, "13000")
	e, _ := entryOf(tb.model(), "with-us", "implementation")
	assert.Equal(t, [2]float64{6000, 13000}, [2]float64{*e.Low, *e.High}, "the range widens to hold the value")
	require.NoError(t, calc.Validate(tb.model()))

	tb.input(implLow, "")
	tb.input(implHigh, "")
	e, _ = entryOf(tb.model(), "with-us", "implementation")
	assert.False(t, e.Ranged(), "both ends emptied: no range")
}

// TestHints: the cell typed into last shows where its scenario breaks
// even and ties; no other cell does, and other rows keep their views.
func TestHints(t *testing.T) {
	tb := purchase(t)
	tb.input(implementation, "8500")
	tb.runIdle()
	s := tb.state()
	m := s.Model()
	row := s.Grid.Rows[m.ItemIndex("implementation")]
	cell := row.Cells[1]
	assert.True(t, cell.Hint.HasBreakEven)
	assert.True(t, cell.Hint.HasTie)
	assert.Equal(t, "Status quo", cell.Hint.Rival)
	an, _ := EntryOf(s.Analysis, "with-us", "implementation")
	assert.Equal(t, *an.BreakEven, cell.Hint.BreakEven)
	assert.Equal(t, Hint{}, row.Cells[0].Hint, "the other scenario's cell has none")
	assert.True(t, row.HasWeightTie, "the active row shows its weight tie")
	for i, r := range s.Grid.Rows {
		if r != row {
			assert.Equal(t, Hint{}, r.Cells[1].Hint, "row %d", i)
		}
	}

	before := tb.state().Grid.Rows
	tb.input(implementation, "8600")
	tb.runIdle()
	after := tb.state().Grid.Rows
	for i := range after {
		if after[i].Item.ID != "implementation" {
			assert.Same(t, before[i], after[i], "row %s is left alone", after[i].Item.ID)
		}
	}
}

// TestGoalSeek: the question is answered by calc, and its answer can be
// put in the cell.
func TestGoalSeek(t *testing.T) {
	tb := purchase(t)
	tb.do(AskGoal{Scenario: "with-us", Item: "implementation", Metric: calc.MetricNet, Target: "100000"})
	g := tb.state().Goal
	require.NotNil(t, g.Answer, g.Err)
	want, err := calc.GoalSeek(tb.model(), "with-us", "implementation", calc.Goal{Metric: calc.MetricNet, Target: 100000})
	require.NoError(t, err)
	assert.Equal(t, calc.Round(want, 2), *g.Answer, "rounded to cents")

	assert.Equal(t, 100000.0, g.Reach, "the target read")
	tb.do(UseGoal{})
	res := calc.Evaluate(tb.model())
	require.NotNil(t, g.Gives)
	assert.Equal(t, *g.Gives, res.Scenarios[1].Net, "the figure it reports is the one the rounded value gives")
	assert.InDelta(t, 100000, res.Scenarios[1].Net, 1)
	assert.True(t, tb.state().Hist.CanUndo(), "an edit like any other")

	tb.do(AskGoal{Scenario: "with-us", Item: "implementation", Metric: calc.MetricROI, Target: "50"})
	require.NotNil(t, tb.state().Goal.Answer, "ROI is typed as a percentage")
	assert.Equal(t, 0.5, tb.state().Goal.Reach, "read as a fraction")
	m := tb.model()
	e, _ := entryOf(m, "with-us", "implementation")
	e.Amount = tb.state().Goal.Answer
	j := m.ScenarioIndex("with-us")
	m.Scenarios[j].Entries = append([]*calc.Entry(nil), m.Scenarios[j].Entries...)
	m.Scenarios[j].Entries[m.ItemIndex("implementation")] = &e
	assert.Equal(t, *tb.state().Goal.Gives, *calc.Evaluate(m).Scenarios[1].ROI)
	assert.InDelta(t, 0.5, *calc.Evaluate(m).Scenarios[1].ROI, 1e-4)

	for _, tc := range []struct{ name, target, want string }{
		{"not a number", "soon", "Enter a number, such as 1200 or 4.5."},
		{"out of reach", "-1e15", "No value of this item reaches that: the figure does not depend on it, or it would have to go beyond what the item can be."},
	} {
		tb.do(AskGoal{Scenario: "with-us", Item: "implementation", Metric: calc.MetricNet, Target: tc.target})
		assert.Equal(t, tc.want, tb.state().Goal.Err, tc.name)
		assert.Nil(t, tb.state().Goal.Answer, tc.name)
	}
	tb.do(AskGoal{Scenario: "status-quo", Item: "implementation", Metric: calc.MetricNet, Target: "0"})
	assert.Equal(t, "Enter a value for this item in this scenario first.", tb.state().Goal.Err)
}

// TestGoalRounds: "Use this value" writes what the field would show and
// people type, cents for money, a tenth for hours, two decimals for
// scores, never 128.408148513; the figure it reports is the one that
// rounded value gives.
func TestGoalRounds(t *testing.T) {
	for _, tc := range []struct {
		name     string
		query    string
		scenario string
		item     string
		metric   calc.Metric
		target   string
		decimals int
	}{
		{"money", "template=software-purchase", "with-us", "implementation", calc.MetricNet, "99999.123", 2},
		{"money, ROI", "template=software-purchase", "with-us", "subscription", calc.MetricROI, "37.3", 2},
		{"hours", "template=software-purchase", "with-us", "hours-saved", calc.MetricNet, "100001", 1},
		{"score", "view=editor", "with-us", "quality", calc.MetricNet, "23.31", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTab(t, MemStorage{}, Start{Query: tc.query})
			tb.do(AskGoal{Scenario: tc.scenario, Item: tc.item, Metric: tc.metric, Target: tc.target})
			g := tb.state().Goal
			require.NotNil(t, g.Answer, g.Err)
			exact, err := calc.GoalSeek(tb.model(), tc.scenario, tc.item, calc.Goal{Metric: tc.metric, Target: g.Reach})
			require.NoError(t, err)
			require.NotEqual(t, exact, calc.Round(exact, tc.decimals), "the exact answer has more decimals than the field shows")
			assert.Equal(t, calc.Round(exact, tc.decimals), *g.Answer)
			gives := g.Gives
			require.NotNil(t, gives)

			tb.do(UseGoal{})
			e, _ := entryOf(tb.model(), tc.scenario, tc.item)
			v, _, _ := e.Value(tb.model().Mode)
			assert.Equal(t, calc.Round(exact, tc.decimals), v, "the cell holds the rounded value")
			assert.Equal(t, *gives, figureOf(tb.model(), tc.scenario, tc.metric), "the figure reported is the rounded value's")
			assert.Equal(t, FieldText(i18n.EN, tb.model(), EntryField(tc.scenario, tc.item)),
				i18n.EN.Write(calc.Round(exact, tc.decimals), true), "the field shows all of it")
		})
	}
}

// TestTornado: the largest swings first, at most n.
func TestTornado(t *testing.T) {
	tb := purchase(t)
	s := tb.state()
	bars := Tornado(s.Analysis, s.Model(), "with-us", 3)
	require.Len(t, bars, 3)
	for i := 1; i < len(bars); i++ {
		assert.GreaterOrEqual(t, bars[i-1].SwingHigh-bars[i-1].SwingLow, bars[i].SwingHigh-bars[i].SwingLow)
	}
	// The template's tickets a month price the largest benefit, the agent
	// hours saved per ticket, so they swing as much as it does.
	assert.Equal(t, "Tickets a month", bars[0].Name)
	assert.Len(t, Tornado(s.Analysis, s.Model(), "with-us", 100), 9, "7 entries and 2 drivers")
}

// TestEmbedResultGainsRanges: the embed's result message carries the
// ranges once simulated (SPEC §4).
func TestEmbedResultGainsRanges(t *testing.T) {
	tb := newTab(t, MemStorage{}, Start{Query: "embed=1&template=software-purchase"})
	tb.runIdle()
	tb.input(implLow, "6000")
	tb.runIdle()
	sims := effectsOf[Simulate](tb.take())
	require.Len(t, sims, 1)
	posts := effectsOf[Post](tb.do(finished(sims[0])))
	require.Len(t, posts, 1)
	assert.Contains(t, string(posts[0].Data), `"range":{"p10":`)
}

// BenchmarkTornado: the tornado's bars of a 200 × 5 model, as the page
// picks them when an analysis lands.
func BenchmarkTornado(b *testing.B) {
	m := fixture.Large(200, 5)
	an, err := calc.Sensitivity(m)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if len(Tornado(&an, m, "s3", 10)) != 10 {
			b.Fatal("not ten bars")
		}
	}
}

// TestAnalysisActions: the analysis' own actions, on the editor's first
// template as it opens (runConcern).
func TestAnalysisActions(t *testing.T) {
	analyzed := func(t *testing.T, tb *tab) { tb.runIdle() }
	runConcern(t, byAnalysis, []concernCase{
		{"the analysis runs", nil, Analyze{},
			func(t *testing.T, _, s State, _ []Effect) {
				require.True(t, s.AnalysisFresh())
				an, err := calc.Sensitivity(s.Model())
				require.NoError(t, err)
				assert.Equal(t, an, *s.Analysis)
				assert.Equal(t, s.Model(), s.Analyzed)
			}},
		{"a second run has nothing new", analyzed, Analyze{},
			func(t *testing.T, before, s State, effects []Effect) {
				assert.Same(t, before.Analysis, s.Analysis)
				assert.Empty(t, effects)
			}},
		{"a simulation's progress of an older model is dropped", analyzed, Simulated{Rev: 0, Done: 0.5},
			func(t *testing.T, _, s State, _ []Effect) { assert.Zero(t, s.SimProgress) }},
		{"the ranges shown in the cells", nil, ToggleRanges{},
			func(t *testing.T, _, s State, _ []Effect) { assert.True(t, s.ShowRanges) }},
		{"the tornado's scenario", nil, ChooseTornado{ID: "status-quo"},
			func(t *testing.T, _, s State, _ []Effect) { assert.Equal(t, "status-quo", s.Tornado) }},
		{"a goal asked", analyzed, AskGoal{Scenario: "with-us", Item: "quality", Metric: calc.MetricNet, Target: "x"},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, "x", s.Goal.Target)
				assert.NotEmpty(t, s.Goal.Err, "not a number")
				assert.Nil(t, s.Goal.Answer)
			}},
		{"a goal used with no answer", nil, UseGoal{},
			func(t *testing.T, before, s State, _ []Effect) { assert.Equal(t, before.Model(), s.Model()) }},
	})
}
