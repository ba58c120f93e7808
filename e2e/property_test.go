//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

// The property test's seed and number of steps: VALUECALC_PROP_SEED
// (a number, or "random" for one from the clock) and VALUECALC_PROP_STEPS
// replay a failure or run longer than the suite's 80 steps.
const (
	propSeed  = 26
	propSteps = 80
)

// TestGridShowsTheState: a seeded random sequence of what a user does in
// the editor (type numbers, wrong text, "12.000" and nothing into cells,
// weights, names and ranges, leaving by Tab or by a click, or not; undo and
// redo by button and by keyboard; templates, share links, languages,
// modes, scales; rows added, deleted and moved; low/high shown and
// hidden). After every step, every text input and textarea of the
// editor's fields (ids "f-…": the grid's, the title, the settings) shows
// in its DOM value property the text the state says it shows: the model the
// page saved (or the template or link it opened, not saved yet), written
// by state.FieldText in the page's language, or the text the user typed
// where the state keeps it (it was wrong, or the field is still being
// typed in). The rows and columns are the model's, in its order.
//
// The page has no hooks for it: the model is read where the app keeps
// it, in localStorage, once the status says it is saved.
func TestGridShowsTheState(t *testing.T) {
	seed := uint64(propSeed)
	if s := os.Getenv("VALUECALC_PROP_SEED"); s == "random" {
		seed = uint64(time.Now().UnixNano())
	} else if s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err, "VALUECALC_PROP_SEED")
		seed = n
	}
	steps := propSteps
	if s := os.Getenv("VALUECALC_PROP_STEPS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, "VALUECALC_PROP_STEPS")
		steps = n
	}
	t.Logf("seed %d, %d steps (replay: VALUECALC_PROP_SEED=%d VALUECALC_PROP_STEPS=%d)", seed, steps, seed, steps)

	ctx := newBrowserFor(t, time.Minute+time.Duration(steps)*4*time.Second)
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(1440, 900)))
	p := &propRun{t: t, ctx: ctx, seed: seed, drafts: map[state.Field]string{}, wrong: map[state.Field]bool{}}
	openApp(t, ctx, "/?template=customer-value&view=editor")
	p.desc = "open the customer-value template"
	p.fixed = p.templateModel("customer-value", p.pageLang())
	p.check()
	for p.step = 1; p.step <= steps; p.step++ {
		// A source of its own for each step: a step that goes another
		// way on a replay (the page offered other buttons) does not
		// change the steps after it.
		p.rng = rand.New(rand.NewPCG(seed, uint64(p.step)))
		p.act()
		p.check()
	}
}

// propRun is the property test under way: the page, the random source,
// and what the test knows that the saved model does not say.
type propRun struct {
	t    *testing.T
	ctx  context.Context
	seed uint64
	rng  *rand.Rand
	step int
	desc string // what the step did, for the log and failures

	// What the page shows when the status says nothing is saved: the
	// template it opened, or the link's model.
	fixed *calc.Model
	// drafts are the texts the state keeps as typed: wrong ones, and the
	// one in the field still focused (focused), even when right.
	drafts  map[state.Field]string
	wrong   map[state.Field]bool // the draft's text is wrong: the field says so
	focused *state.Field

	// What the last check saw.
	seen  pageSeen
	model calc.Model
	lang  i18n.Lang
}

// pageSeen is what one look at the page reads.
type pageSeen struct {
	Lang    string      `json:"lang"`
	Status  string      `json:"status"`
	Record  string      `json:"record"`
	Inputs  []seenInput `json:"inputs"`
	Rows    []string    `json:"rows"`
	Columns []string    `json:"columns"`
	Undo    bool        `json:"undo"` // enabled
	Redo    bool        `json:"redo"`
	Ranges  bool        `json:"ranges"`
	Shared  bool        `json:"shared"`
	Confirm bool        `json:"confirm"`
	Library bool        `json:"library"`
	Open    []string    `json:"open"` // the rows showing their details
}

type seenInput struct {
	ID      string `json:"id"`
	Value   string `json:"value"`
	Invalid bool   `json:"invalid"`
}

// lookJS reads the page: every text input and textarea named for a field
// of the state (ids "f-…"), with its value property, not its attribute.
const lookJS = `(() => {
	const cur = localStorage.getItem("valuecalc/v1/current") || "";
	const on = id => { const el = document.getElementById(id); return !!el && !el.disabled };
	const toggle = document.getElementById("toggle-ranges");
	return {
		lang: document.documentElement.lang,
		status: (document.getElementById("save-status") || {}).textContent || "",
		record: cur ? (localStorage.getItem("valuecalc/v1/doc/" + cur) || "") : "",
		inputs: [...document.querySelectorAll("input[type=text][id^='f-'], textarea[id^='f-']")].map(e => ({
			id: e.id, value: e.value, invalid: e.getAttribute("aria-invalid") === "true"})),
		rows: [...document.querySelectorAll("#grid tr.item-row")].map(r => r.dataset.item),
		columns: [...document.querySelectorAll("#grid thead th.col-scenario")].map(c => c.dataset.scenario),
		undo: on("undo"), redo: on("redo"),
		ranges: !!toggle && toggle.classList.contains("on"),
		shared: !!document.getElementById("shared-banner"),
		confirm: !!document.getElementById("confirm-mode"),
		library: !!document.getElementById("library"),
		open: [...document.querySelectorAll("#grid tr.item-row.open")].map(r => r.dataset.item),
	};
})()`

func (p *propRun) look() pageSeen {
	p.t.Helper()
	var s pageSeen
	require.NoError(p.t, chromedp.Run(p.ctx, chromedp.Evaluate(lookJS, &s)), "step %d (%s): reading the page", p.step, p.desc)
	return s
}

func (p *propRun) pageLang() i18n.Lang {
	var tag string
	require.NoError(p.t, chromedp.Run(p.ctx, chromedp.Evaluate(`document.documentElement.lang`, &tag)))
	l, ok := i18n.Parse(tag)
	require.True(p.t, ok, "the page's language %q", tag)
	return l
}

// check waits until the page has settled after the step (the status no
// longer says it is saving) and compares it with the state; a page that
// still differs after ten seconds fails the test, naming the step.
func (p *propRun) check() {
	p.t.Helper()
	// Two frames: the step's events are reduced and rendered.
	require.NoError(p.t, chromedp.Run(p.ctx, chromedp.Evaluate(
		`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, nil,
		func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) })))
	deadline := time.Now().Add(10 * time.Second) // a loaded machine saves late; only a failure waits it out
	var diffs []string
	var m calc.Model
	for {
		s := p.look()
		var l i18n.Lang
		var settled bool
		var problem string
		m, l, settled, problem = p.stateOf(s)
		if settled {
			if problem != "" {
				diffs = []string{problem}
			} else {
				diffs = p.compare(s, m, l)
				if len(diffs) == 0 {
					p.seen, p.model, p.lang = s, m, l
					return
				}
			}
		}
		if time.Now().After(deadline) {
			if !settled {
				diffs = []string{fmt.Sprintf("the status still says %q", s.Status)}
			}
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	var page string
	_ = chromedp.Run(p.ctx, chromedp.Evaluate(`JSON.stringify({focus: document.activeElement && document.activeElement.id,
		errors: [...document.querySelectorAll(".field-error")].map(e => e.id + ": " + e.textContent), hint: (document.querySelector(".hint") || {}).textContent})`, &page))
	p.t.Fatalf("seed %d, step %d (%s): the page does not show the state:\n\t%s\nthe state's model: mode %s, scale %d–%d, %d items, %d scenarios; page: %s\nreplay: VALUECALC_PROP_SEED=%d VALUECALC_PROP_STEPS=%d",
		p.seed, p.step, p.desc, strings.Join(diffs, "\n\t"), m.Mode, m.Scale.Min, m.Scale.Max, len(m.Items), len(m.Scenarios), page, p.seed, p.step)
}

// stateOf is the model and language of the state the page shows, and
// whether the page has settled: the saved model once saved, the template
// or link opened while nothing is saved.
func (p *propRun) stateOf(s pageSeen) (m calc.Model, l i18n.Lang, settled bool, problem string) {
	l, ok := i18n.Parse(s.Lang)
	if !ok {
		return m, l, true, fmt.Sprintf("<html lang=%q> is no language of the app", s.Lang)
	}
	switch s.Status {
	case l.T(i18n.Saving):
		return m, l, false, ""
	case l.T(i18n.SavedOnThisDevice):
		var rec struct {
			Model json.RawMessage `json:"model"`
		}
		if err := json.Unmarshal([]byte(s.Record), &rec); err != nil {
			return m, l, true, fmt.Sprintf("saved, but the record of the current assessment is unreadable: %v", err)
		}
		m, err := calc.Decode(rec.Model)
		if err != nil {
			return m, l, true, fmt.Sprintf("saved, but the saved model is invalid: %v", err)
		}
		return m, l, true, ""
	case l.T(i18n.NotSavedYet), l.T(i18n.SaveShared):
		if p.fixed == nil {
			return m, l, true, fmt.Sprintf("the status says %q, but the test opened no template or link", s.Status)
		}
		if want := l.T(i18n.SaveShared); (s.Status == want) != s.Shared {
			return m, l, true, fmt.Sprintf("the status says %q, the shared banner is there: %v", s.Status, s.Shared)
		}
		return *p.fixed, l, true, ""
	}
	return m, l, true, fmt.Sprintf("the status says %q", s.Status)
}

// compare lists how the page differs from model m in language l and the
// drafts the test knows of.
func (p *propRun) compare(s pageSeen, m calc.Model, l i18n.Lang) []string {
	var diffs []string
	if s.Confirm || s.Library {
		diffs = append(diffs, fmt.Sprintf("a dialog stayed open (mode: %v, library: %v)", s.Confirm, s.Library))
	}
	fields := propFields(m)
	present := map[string]bool{}
	for _, in := range s.Inputs {
		f, ok := fields[in.ID]
		if !ok {
			diffs = append(diffs, fmt.Sprintf("#%s shows %q but is no field of the model", in.ID, in.Value))
			continue
		}
		present[in.ID] = true
		want, typed := p.drafts[f]
		if !typed {
			want = state.FieldText(l, m, f)
		}
		if in.Value != want {
			how := "the state says"
			if typed {
				how = "the user typed, and the state keeps,"
			}
			diffs = append(diffs, fmt.Sprintf("#%s (%s) has DOM value %q; %s %q%s", in.ID, fieldName(m, f), in.Value, how, want, entryOf(m, f)))
		}
		if want := typed && p.wrong[f]; in.Invalid != want {
			diffs = append(diffs, fmt.Sprintf("#%s (%s) says it is wrong (aria-invalid): %v, want %v", in.ID, fieldName(m, f), in.Invalid, want))
		}
	}
	// Every field the model always shows is there: a grid without its
	// cells cannot pass.
	need := []state.Field{state.SettingField(state.FieldTitle)}
	for _, sc := range m.Scenarios {
		need = append(need, state.ScenarioNameField(sc.ID))
	}
	for i, it := range m.Items {
		need = append(need, state.ItemField(state.FieldItemName, it.ID), state.ItemField(state.FieldItemWeight, it.ID))
		for _, sc := range m.Scenarios {
			need = append(need, state.EntryField(sc.ID, it.ID), state.EntryWeightField(sc.ID, it.ID))
			if s.Ranges && sc.Entry(i) != nil {
				need = append(need, state.EntryRangeField(state.FieldEntryLow, sc.ID, it.ID), state.EntryRangeField(state.FieldEntryHigh, sc.ID, it.ID))
			}
		}
	}
	for _, f := range need {
		if !present[f.ElementID()] {
			diffs = append(diffs, fmt.Sprintf("#%s (%s) is not on the page", f.ElementID(), fieldName(m, f)))
		}
	}
	var rows, cols []string
	for _, side := range []calc.Side{calc.SideBenefit, calc.SideCost} {
		for _, it := range m.Items {
			if it.Side == side {
				rows = append(rows, it.ID)
			}
		}
	}
	for _, sc := range m.Scenarios {
		cols = append(cols, sc.ID)
	}
	if !slices.Equal(rows, s.Rows) {
		diffs = append(diffs, fmt.Sprintf("the grid's rows are %v, the model's items %v", s.Rows, rows))
	}
	if !slices.Equal(cols, s.Columns) {
		diffs = append(diffs, fmt.Sprintf("the grid's columns are %v, the model's scenarios %v", s.Columns, cols))
	}
	return diffs
}

// propFields are the text fields the editor can show for m, by element id.
func propFields(m calc.Model) map[string]state.Field {
	out := map[string]state.Field{}
	add := func(f state.Field) { out[f.ElementID()] = f }
	add(state.SettingField(state.FieldTitle))
	add(state.SettingField(state.FieldCustomer))
	add(state.SettingField(state.FieldSummary))
	if m.Mode == calc.ModeMoney {
		for _, d := range m.Drivers {
			for k := state.FieldDriverName; k <= state.FieldDriverNote; k++ {
				add(state.DriverField(k, d.ID))
			}
		}
	}
	for _, k := range []state.FieldKind{state.FieldCurrency, state.FieldHorizon, state.FieldDiscount, state.FieldHourly} {
		if m.Mode == calc.ModeMoney {
			add(state.SettingField(k))
		}
	}
	if m.Mode == calc.ModeScore && state.ScalePresetOf(m.Scale) == "custom" {
		add(state.SettingField(state.FieldScaleMin))
		add(state.SettingField(state.FieldScaleMax))
	}
	for _, sc := range m.Scenarios {
		add(state.ScenarioNameField(sc.ID))
	}
	for _, it := range m.Items {
		for _, k := range []state.FieldKind{state.FieldItemName, state.FieldItemWeight, state.FieldItemNote} {
			add(state.ItemField(k, it.ID))
		}
		for _, sc := range m.Scenarios {
			add(state.EntryField(sc.ID, it.ID))
			add(state.EntryWeightField(sc.ID, it.ID))
			add(state.EntryRangeField(state.FieldEntryLow, sc.ID, it.ID))
			add(state.EntryRangeField(state.FieldEntryHigh, sc.ID, it.ID))
			for k := state.FieldEntryStart; k <= state.FieldEntrySource; k++ {
				add(state.Field{Kind: k, Scenario: sc.ID, Item: it.ID})
			}
		}
	}
	return out
}

// entryOf describes the entry of a cell's field in m, for failures.
func entryOf(m calc.Model, f state.Field) string {
	j, i := m.ScenarioIndex(f.Scenario), m.ItemIndex(f.Item)
	if f.Scenario == "" || j < 0 || i < 0 {
		return ""
	}
	e := m.Scenarios[j].Entry(i)
	if e == nil {
		return " (the model has no entry there, mode " + string(m.Mode) + ")"
	}
	b, _ := json.Marshal(e)
	return " (the model's entry: " + string(b) + ", mode " + string(m.Mode) + ")"
}

// fieldName says which field f is, in words, for failures.
func fieldName(m calc.Model, f state.Field) string {
	item, scenario := m.ItemName(f.Item), m.ScenarioName(f.Scenario)
	switch f.Kind {
	case state.FieldTitle:
		return "the title"
	case state.FieldItemName:
		return "name of " + item
	case state.FieldItemWeight:
		return "weight of " + item
	case state.FieldItemNote:
		return "note on " + item
	case state.FieldScenarioName:
		return "name of scenario " + scenario
	case state.FieldEntry:
		return "cell " + item + " × " + scenario
	case state.FieldEntryWeight:
		return "weight override of " + item + " × " + scenario
	case state.FieldEntryLow:
		return "low end of " + item + " × " + scenario
	case state.FieldEntryHigh:
		return "high end of " + item + " × " + scenario
	}
	return "setting " + f.ElementID()
}

// templateModel is the model the app opens for a template in language l.
func (p *propRun) templateModel(id string, l i18n.Lang) *calc.Model {
	p.t.Helper()
	if id == state.BlankTemplate {
		m := calc.NewModel()
		m.Title = l.T(i18n.NewAssessment)
		return &m
	}
	tpl, ok := examples.GetIn(string(l), id)
	require.True(p.t, ok, "template %q", id)
	m, err := calc.Decode(tpl.Data)
	require.NoError(p.t, err)
	return &m
}

// act does one random step, as a user would, and says what it did in
// p.desc and the log.
func (p *propRun) act() {
	p.t.Helper()
	s, m := p.seen, p.model
	type choice struct {
		weight int
		ok     bool
		do     func()
	}
	hasEntries := state.CountEntries(m) > 0
	choices := []choice{
		{30, !s.Shared && len(m.Items) > 0, p.typeCell},
		{8, !s.Shared && len(m.Items) > 0, p.typeWeight},
		{6, !s.Shared, p.typeName},
		{5, !s.Shared && s.Ranges && hasEntries, p.typeRange},
		{3, !s.Shared && len(m.Items) > 0, p.typeNote},
		{7, !s.Shared && hasEntries, p.clearCell},
		{9, s.Undo, p.undo},
		{6, s.Redo, p.redo},
		{3, true, p.loadTemplate},
		{3, !s.Shared, p.openLink},
		{40, s.Shared, p.leaveShared},
		{5, true, p.switchLang},
		{3, !s.Shared, p.switchMode},
		{3, !s.Shared && m.Mode == calc.ModeScore, p.switchScale},
		{4, !s.Shared && len(m.Items) < 14, p.addRow},
		{3, !s.Shared && len(m.Items) > 1, p.deleteRow},
		{4, !s.Shared && len(m.Items) > 1, p.moveRow},
		{1, !s.Shared && len(m.Scenarios) < 4, p.addScenario},
		{1, !s.Shared && len(m.Scenarios) > 1, p.deleteScenario},
		{1, !s.Shared && len(m.Scenarios) > 1, p.moveScenario},
		{3, !s.Shared, p.toggleRanges},
	}
	total := 0
	for _, c := range choices {
		if c.ok {
			total += c.weight
		}
	}
	n := p.rng.IntN(total)
	for _, c := range choices {
		if !c.ok {
			continue
		}
		if n < c.weight {
			c.do()
			break
		}
		n -= c.weight
	}
	p.t.Logf("step %d: %s", p.step, p.desc)
}

// run runs the step's actions, for at most 20 seconds: a step that waits
// for what never comes fails, named, rather than the whole test's time.
func (p *propRun) run(actions ...chromedp.Action) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		var page string
		_ = chromedp.Run(p.ctx, chromedp.Evaluate(`JSON.stringify({focus: document.activeElement && document.activeElement.id,
			dialogs: [...document.querySelectorAll("[role=dialog], [role=alertdialog]")].map(d => d.id),
			notice: (document.getElementById("notice") || {}).textContent, status: (document.getElementById("save-status") || {}).textContent,
			mode: [...document.querySelectorAll("[id^=mode-].on")].map(b => b.id), scrollY})`, &page))
		p.t.Fatalf("seed %d, step %d (%s): %v\npage: %s", p.seed, p.step, p.desc, err, page)
	}
}

func (p *propRun) pick(n int) int { return p.rng.IntN(n) }

func (p *propRun) pickItem() calc.Item { return p.model.Items[p.pick(len(p.model.Items))] }

func (p *propRun) pickScenario() calc.Scenario {
	return p.model.Scenarios[p.pick(len(p.model.Scenarios))]
}

// moveFocus is what any step that is no keyboard shortcut does first:
// the focus leaves the field typed in, which the state then takes as
// left (InputDone): a right text is the model's now, a wrong one stays.
func (p *propRun) moveFocus(to *state.Field) {
	if p.focused == nil || (to != nil && *p.focused == *to) {
		return
	}
	f := *p.focused
	p.focused = nil
	if !p.wrong[f] {
		p.dropDraft(f)
	}
}

func (p *propRun) dropDraft(f state.Field) {
	delete(p.drafts, f)
	delete(p.wrong, f)
}

func (p *propRun) dropDrafts() {
	clear(p.drafts)
	clear(p.wrong)
	p.focused = nil
}

// click clicks the button with id, as a user does, once it is in the
// middle of the window: at its edge, the sticky top bar would take the
// click.
func (p *propRun) click(id string) {
	p.moveFocus(nil)
	p.run(centre(id), chromedp.Click("#"+id, chromedp.ByQuery))
}

// centre scrolls the element with id to the middle of the window and
// waits until a click there reaches it.
func centre(id string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.WaitVisible("#"+id, chromedp.ByQuery).Do(ctx); err != nil {
			return err
		}
		if err := chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).scrollIntoView({block: "center"}); true`, id), nil).Do(ctx); err != nil {
			return err
		}
		return waitJSFor(5*time.Second, fmt.Sprintf(`(() => { const el = document.getElementById(%q); const r = el.getBoundingClientRect();
			const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return !!at && el.contains(at) })()`, id)).Do(ctx)
	})
}

// enabled says whether the element with id is there and enabled.
func (p *propRun) enabled(id string) bool {
	var ok bool
	p.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.getElementById(%q); return !!el && !el.disabled && !el.closest("fieldset[disabled]") })()`, id), &ok))
	return ok
}

// choose picks value in the select with id as a user does: it takes the
// focus, then changes.
func (p *propRun) choose(id, value string) {
	p.moveFocus(nil)
	p.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.focus(); el.value = %q;
		el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, id, value), nil))
}

// typeText types text into field f, key by key after selecting what it
// holds (or presses Delete for ""), then leaves it by Tab, by a click on
// the grid's heading, or not at all.
func (p *propRun) typeText(f state.Field, text string) {
	p.moveFocus(&f)
	id := f.ElementID()
	leave := []string{"Tab", "click", "stay"}[p.pick(3)]
	was, typed := p.drafts[f]
	if !typed {
		was = state.FieldText(p.lang, p.model, f)
	}
	p.desc = fmt.Sprintf("type %q into #%s (%s, showing %q), then %s", text, id, fieldName(p.model, f), was, leave)
	var sel bool
	p.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.scrollIntoView({block: "center"}); el.focus(); el.select(); return document.activeElement === el })()`, id), &sel))
	require.True(p.t, sel, "step %d (%s): the field takes no focus", p.step, p.desc)
	if text == "" {
		p.run(chromedp.KeyEvent(kb.Delete))
	} else {
		p.run(chromedp.KeyEvent(text))
	}
	if text == "" && was == "" {
		// Delete in an empty field changes nothing: no input event.
		p.desc += " (nothing to delete)"
	} else {
		err := p.keeps(f, text)
		p.drafts[f], p.wrong[f] = text, err != ""
		if err != "" {
			p.desc += " (wrong: " + err + ")"
		}
	}
	switch leave {
	case "Tab":
		p.run(chromedp.KeyEvent(kb.Tab))
	case "click":
		p.run(centre("grid-title"), chromedp.Click("#grid-title", chromedp.ByQuery))
	}
	if leave == "stay" {
		p.focused = &f
	} else if !p.wrong[f] {
		p.dropDraft(f)
	}
}

// keeps says why the state keeps text typed into f as a draft with a
// message, "" when it takes it: the app's own reducer is given the
// keystrokes the page gets, from the model on screen.
func (p *propRun) keeps(f state.Field, text string) string {
	s := state.State{Lang: p.lang}
	s.Hist, s.View = state.NewHistory(p.model), state.ViewEditor
	if text == "" {
		s, _ = state.Reduce(s, state.Input{Field: f, Text: ""})
	}
	for i, r := range text {
		s, _ = state.Reduce(s, state.Input{Field: f, Text: text[:i+utf8.RuneLen(r)]})
	}
	d, ok := s.Draft(f)
	if !ok {
		return ""
	}
	return d.Err
}

// numberText is a random text for a number field: mostly a number a user
// would type (the language's way or the other's), else one that reads two
// ways, a wrong one, or nothing.
func (p *propRun) numberText(values []float64) string {
	switch r := p.pick(100); {
	case r < 55:
		v := values[p.pick(len(values))]
		return p.writeNumber(v, p.pick(3) == 0)
	case r < 70:
		return []string{"12.000", "12,000", "1.500", "2,500", "1.234,5"}[p.pick(5)]
	case r < 88:
		return []string{"abc", "12x", "1..2", "--3", "3 4", "½", "1e999"}[p.pick(7)]
	}
	return ""
}

// writeNumber writes v as a user of the page's language types it,
// grouped or not; sometimes with the other language's decimal point.
func (p *propRun) writeNumber(v float64, group bool) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	dec, sep := ".", ","
	if p.lang != i18n.EN {
		dec, sep = ",", "."
	}
	if p.pick(8) == 0 {
		dec, sep = sep, dec // the other habit
	}
	if group && len(whole) > 3 && p.lang != i18n.FR {
		var b strings.Builder
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteString(sep)
			}
			b.WriteRune(c)
		}
		whole = b.String()
	}
	if frac != "" {
		return whole + dec + frac
	}
	return whole
}

func (p *propRun) typeCell() {
	it, sc := p.pickItem(), p.pickScenario()
	values := []float64{1, 2, 3, 4, 5, 2.5, 7, 0, 11}
	if p.model.Mode == calc.ModeMoney {
		values = []float64{0, 150, 1200, 2500.5, 18000, 45000, 999.99}
	}
	p.typeText(state.EntryField(sc.ID, it.ID), p.numberText(values))
}

func (p *propRun) typeWeight() {
	it := p.pickItem()
	f := state.ItemField(state.FieldItemWeight, it.ID)
	if p.pick(3) == 0 {
		sc := p.pickScenario()
		if g := state.EntryWeightField(sc.ID, it.ID); p.enabled(g.ElementID()) {
			f = g
		}
	}
	p.typeText(f, p.numberText([]float64{0, 0.5, 1, 1.5, 2, 3, 2.25}))
}

var propNames = []string{"Faster onboarding", "Fewer outages", "Größere Reichweite", "Coût d'entrée", "Año 2", "", "   "}

func (p *propRun) typeName() {
	if p.pick(3) == 0 || len(p.model.Items) == 0 {
		p.typeText(state.ScenarioNameField(p.pickScenario().ID), propNames[p.pick(len(propNames))])
		return
	}
	p.typeText(state.ItemField(state.FieldItemName, p.pickItem().ID), propNames[p.pick(len(propNames))])
}

func (p *propRun) typeRange() {
	type cell struct {
		f state.Field
		v float64
	}
	var cells []cell
	for i, it := range p.model.Items {
		for _, sc := range p.model.Scenarios {
			if e := sc.Entry(i); e != nil {
				v, _, _ := e.Value(p.model.Mode)
				cells = append(cells, cell{state.EntryField(sc.ID, it.ID), v})
			}
		}
	}
	c := cells[p.pick(len(cells))]
	kind := []state.FieldKind{state.FieldEntryLow, state.FieldEntryHigh}[p.pick(2)]
	values := []float64{math.Round(c.v * 0.8), math.Round(c.v * 1.25), c.v, c.v + 1, math.Max(0, c.v-1)}
	p.typeText(state.EntryRangeField(kind, c.f.Scenario, c.f.Item), p.numberText(values))
}

func (p *propRun) typeNote() {
	it := p.pickItem()
	if !slices.Contains(p.seen.Open, it.ID) {
		p.click("item-more-" + it.ID)
		p.desc = "open the details of " + it.Name
		return
	}
	p.typeText(state.ItemField(state.FieldItemNote, it.ID), []string{"Measured in Q3", "", "Zählt doppelt"}[p.pick(3)])
}

func (p *propRun) clearCell() {
	var cells []state.Field
	for i, it := range p.model.Items {
		for _, sc := range p.model.Scenarios {
			if sc.Entry(i) != nil {
				cells = append(cells, state.EntryField(sc.ID, it.ID))
			}
		}
	}
	p.typeText(cells[p.pick(len(cells))], "")
}

// undo and redo: by the top bar's button or by the keyboard, which acts
// even in the field being typed in.
func (p *propRun) undo() { p.history("undo", "z", 0) }

func (p *propRun) redo() {
	if p.pick(2) == 0 {
		p.history("redo", "y", 0)
		return
	}
	p.history("redo", "z", input.ModifierShift)
}

func (p *propRun) history(id, key string, mod input.Modifier) {
	if p.pick(2) == 0 {
		p.desc = "click " + id
		p.click(id)
	} else {
		p.desc = fmt.Sprintf("press Ctrl+%s for %s", strings.ToUpper(key), id)
		if mod != 0 {
			p.desc = fmt.Sprintf("press Ctrl+Shift+%s for %s", strings.ToUpper(key), id)
		}
		if p.focused != nil {
			p.desc += " in #" + p.focused.ElementID()
		}
		p.run(chromedp.KeyEvent(key, chromedp.KeyModifiers(input.ModifierCtrl|mod)))
	}
	// The button was enabled: history moves, and drafts go.
	p.dropDrafts()
}

func (p *propRun) loadTemplate() {
	ids := []string{"customer-value", "software-purchase", "segments", state.BlankTemplate}
	id := ids[p.pick(len(ids))]
	p.desc = "open the library and start from template " + id
	p.click("open-library")
	p.run(centre("new-"+id), chromedp.Click("#new-"+id, chromedp.ByQuery), waitJS(`!document.getElementById("library")`))
	p.fixed = p.templateModel(id, p.lang)
	p.dropDrafts()
}

// openLink opens a share link of another model, made by the app's own
// link encoder: a template with entries taken out and weights changed.
func (p *propRun) openLink() {
	ids := []string{"customer-value", "software-purchase", "segments"}
	id := ids[p.pick(len(ids))]
	m := *p.templateModel(id, i18n.All[p.pick(len(i18n.All))])
	m.Title = fmt.Sprintf("Shared %d", p.step)
	for j := range m.Scenarios {
		es := slices.Clone(m.Scenarios[j].Entries)
		for i := range es {
			if p.pick(3) == 0 {
				es[i] = nil
			}
		}
		m.Scenarios[j].Entries = es
	}
	m.Items = slices.Clone(m.Items)
	for i := range m.Items {
		if p.pick(3) == 0 {
			m.Items[i].Weight = float64(p.pick(7)) / 2
		}
	}
	frag, err := calc.EncodeLink(m)
	require.NoError(p.t, err)
	got, err := calc.DecodeLink(frag)
	require.NoError(p.t, err)
	p.desc = fmt.Sprintf("open a share link of %s with entries taken out (#%.20s…)", id, frag)
	p.moveFocus(nil)
	p.run(chromedp.Evaluate(`location.href = location.href.split("#")[0] + "#" + `+jsString(frag)+`; true`, nil),
		waitJS(`!!document.getElementById("shared-banner")`))
	p.fixed = &got
	p.dropDrafts()
}

// leaveShared saves the shared model as the user's own, or closes it for
// the user's own work (only when that is saved: else the app opens a
// template the test did not choose).
func (p *propRun) leaveShared() {
	if p.pick(3) == 0 && p.hadSaved() {
		p.desc = "close the shared link"
		p.click("close-shared")
		return
	}
	p.desc = "save a copy of the shared link"
	p.click("save-copy")
}

// hadSaved: the current assessment in storage is one the user worked on
// (close-shared opens it).
func (p *propRun) hadSaved() bool {
	var ok bool
	p.run(chromedp.Evaluate(`!!localStorage.getItem("valuecalc/v1/doc/" + localStorage.getItem("valuecalc/v1/current"))`, &ok))
	return ok
}

func (p *propRun) switchLang() {
	var others []i18n.Lang
	for _, l := range i18n.All {
		if l != p.lang {
			others = append(others, l)
		}
	}
	l := others[p.pick(len(others))]
	p.desc = "switch the language to " + string(l)
	p.choose("lang-menu", string(l))
}

func (p *propRun) switchMode() {
	to := calc.ModeMoney
	if p.model.Mode == calc.ModeMoney {
		to = calc.ModeScore
	}
	p.desc = "switch to " + string(to)
	p.click("mode-" + string(to))
	if state.CountEntries(p.model) == 0 {
		return
	}
	p.run(chromedp.WaitVisible("#confirm-mode", chromedp.ByQuery))
	if p.pick(4) == 0 {
		p.desc += ", and cancel"
		p.click("confirm-mode-no")
		return
	}
	p.desc += ", and confirm"
	p.click("confirm-mode-yes")
}

func (p *propRun) switchScale() {
	v := []string{"1-5", "1-10", "custom"}[p.pick(3)]
	p.desc = "choose the scale " + v
	p.choose("f-scale", v)
}

func (p *propRun) addRow() {
	side := []string{"benefit", "cost"}[p.pick(2)]
	p.desc = "add a " + side
	p.click("add-" + side)
}

func (p *propRun) deleteRow() {
	it := p.pickItem()
	p.desc = "delete row " + it.Name
	p.click("item-del-" + it.ID)
	p.forget(func(f state.Field) bool { return f.Item == it.ID })
}

func (p *propRun) moveRow() {
	it := p.pickItem()
	dir := []string{"up", "down"}[p.pick(2)]
	id := "item-" + dir + "-" + it.ID
	if !p.enabled(id) {
		dir = map[string]string{"up": "down", "down": "up"}[dir]
		id = "item-" + dir + "-" + it.ID
	}
	p.desc = "move row " + it.Name + " " + dir
	if !p.enabled(id) {
		p.desc += " (cannot: it is alone on its side)"
		return
	}
	p.click(id)
}

func (p *propRun) addScenario() {
	p.desc = "add a scenario"
	p.click("add-scenario")
}

func (p *propRun) deleteScenario() {
	sc := p.pickScenario()
	p.desc = "delete scenario " + sc.Name
	p.click("scenario-del-" + sc.ID)
	p.forget(func(f state.Field) bool { return f.Scenario == sc.ID })
}

func (p *propRun) moveScenario() {
	sc := p.pickScenario()
	id := "scenario-left-" + sc.ID
	if !p.enabled(id) {
		id = "scenario-right-" + sc.ID
	}
	p.desc = "move scenario " + sc.Name + " (#" + id + ")"
	p.click(id)
}

func (p *propRun) toggleRanges() {
	p.desc = "show or hide low/high"
	p.click("toggle-ranges")
}

// forget drops the drafts of a row or column deleted: what was typed
// there went with it, and must not come back in a new one.
func (p *propRun) forget(gone func(state.Field) bool) {
	for f := range p.drafts {
		if gone(f) {
			p.dropDraft(f)
		}
	}
}
