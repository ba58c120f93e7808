package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// gridView is the grid as a component: go-app renders it again only when
// its Rev changes, which every change of the model makes except an edit
// in one row (Editor.inRow), or when an event inside it asks. An edit in a
// cell, at 200 items × 5 scenarios, then renders its row and the results,
// not 200 row signatures, components to compare and the scenario heads.
type gridView struct {
	app.Compo
	E   *Editor
	Rev uint64

	ctx app.Context // its own, from OnMount: see inRow
}

func (g *gridView) OnMount(ctx app.Context) { g.E.grid, g.ctx = g, ctx }

func (g *gridView) OnDismount() {
	if g.E.grid == g {
		g.E.grid = nil
	}
}

func (g *gridView) Render() app.UI { return g.E.renderGrid(g.E.hist.Present()) }

// inRow makes h, the handler of a field in one item's row, an edit of that
// row alone. go-app renders every component around the element an event
// comes from again: the row, the grid and the editor. Such an edit changes
// nothing of the grid outside its row, so inRow puts back the gridRev that
// evaluate moved on, takes back the update of the grid and of the editor
// around it, then asks for the editor's alone: the row renders itself and
// the editor its results, while the grid, skipped, keeps its other rows as
// they are.
func (e *Editor) inRow(h app.EventHandler) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		rev := e.gridRev
		h(ctx, ev)
		e.gridRev = rev
		if g := e.grid; g != nil {
			g.ctx.PreventUpdate()
			e.ctx.Update()
		}
	}
}

// fieldHandler is h, the handler of the field key, made an edit of one row
// (inRow) when the field is in a row of the grid.
func (e *Editor) fieldHandler(key string, h app.EventHandler) app.EventHandler {
	if rowItem(key) != "" {
		return e.inRow(h)
	}
	return h
}

// renderGrid is the comparison: items as rows, grouped as benefits and
// costs, scenarios as columns. Every action is a button or a field, so the
// whole grid works from the keyboard.
func (e *Editor) renderGrid(m calc.Model) app.UI {
	drafts := e.draftsByItem()
	return app.Section().Class("grid-section card").Aria("labelledby", "grid-title").Body(
		app.Div().Class("section-head").Body(
			app.H2().ID("grid-title").Text("Items and scenarios"),
			app.Button().ID("add-scenario").Class("btn").Disabled(len(m.Scenarios) >= calc.MaxScenarios).
				OnClick(e.onAction(AddScenario{})).Text("+ Add scenario"),
		),
		app.P().Class("muted hint").Text(gridHint(m)),
		app.Div().Class("grid-wrap").Body(
			app.Table().ID("grid").Class("grid"+cls(" grid-large", len(m.Items) > largeGrid)).Body(
				app.Caption().Class("sr-only").Text("Benefits and costs per scenario"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Class("col-item").Text("Item"),
					app.Th().Scope("col").Class("col-weight").Text("Weight"),
					app.Range(m.Scenarios).Slice(func(i int) app.UI {
						return e.renderScenarioHead(m, i)
					}),
				)),
				e.renderSide(m, calc.SideBenefit, drafts),
				e.renderSide(m, calc.SideCost, drafts),
			),
		),
	)
}

// largeGrid is the number of items above which rows off screen skip
// rendering (web/app.css, .grid-large): below it the whole grid is cheap
// to lay out, and every row is ready the moment it scrolls into view.
const largeGrid = 40

func gridHint(m calc.Model) string {
	if m.Mode == calc.ModeMoney {
		return "Enter an amount or hours per scenario, paid or gained once, monthly or yearly. " +
			"A weight below 1 risk-adjusts an item (0.8 = expect 80 %); leave a cell empty when it does not apply."
	}
	return "Score each item from " + strconv.Itoa(m.Scale.Min) + " to " + strconv.Itoa(m.Scale.Max) +
		" per scenario; the weight says how much it matters (2 = twice as much). The first scenario is the baseline."
}

func (e *Editor) renderScenarioHead(m calc.Model, i int) app.UI {
	s := m.Scenarios[i]
	key := "scenario/" + s.ID + "/name"
	id := fieldID(key)
	last := len(m.Scenarios) == 1
	return app.Th().Scope("col").Class("col-scenario").DataSet("scenario", s.ID).Body(
		app.Div().Class("scenario-head").Body(
			app.Label().For(id).Class("sr-only").Text("Scenario name"),
			e.textInput(key, id, "Scenario name", "scenario-name"),
			iff(i == 0, func() app.UI {
				return app.Span().Class("tag").Title("Deltas are shown against the baseline").Text("Baseline")
			}),
			e.fieldError(key),
			app.Div().Class("row-actions").Body(
				e.iconButton("scenario-left-"+s.ID, "Move "+s.Name+" left", "◀", i == 0, e.onAction(MoveScenario{s.ID, -1})),
				e.iconButton("scenario-right-"+s.ID, "Move "+s.Name+" right", "▶", i == len(m.Scenarios)-1, e.onAction(MoveScenario{s.ID, 1})),
				e.iconButton("scenario-dup-"+s.ID, "Duplicate "+s.Name, copyGlyph, len(m.Scenarios) >= calc.MaxScenarios, e.onAction(DuplicateScenario{s.ID})),
				e.iconButton("scenario-del-"+s.ID, "Delete "+s.Name, "✕", last, func(ctx app.Context, ev app.Event) {
					if e.apply(ctx, DeleteScenario{s.ID}) {
						e.say(ctx, notice{Text: "Deleted scenario “" + s.Name + "”.", Undo: e.undo})
					}
				}),
			),
		),
	)
}

func (e *Editor) iconButton(id, label, glyph string, disabled bool, h app.EventHandler) app.UI {
	var icon app.UI = app.Span().Aria("hidden", "true").Text(glyph)
	if glyph == copyGlyph {
		icon = copyIcon()
	}
	return app.Button().ID(id).Class("btn btn-icon").Aria("label", label).Title(label).
		Disabled(disabled).OnClick(e.on(id, "click", h)).Body(icon)
}

// copyGlyph asks iconButton for the duplicate icon, drawn in SVG: no font
// on every device has a "copy" glyph.
const copyGlyph = "copy"

func copyIcon() app.UI {
	return svg("svg").Attr("viewBox", "0 0 16 16").Aria("hidden", "true").Attr("focusable", "false").Body(
		svg("rect").Attr("x", "5.5").Attr("y", "1.5").Attr("width", "9").Attr("height", "9").Attr("rx", "1.5").
			Attr("fill", "none").Attr("stroke", "currentColor").Attr("stroke-width", "1.5"),
		svg("path").Attr("d", "M3.5 5.5h-1a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h7a1 1 0 0 0 1-1v-1").
			Attr("fill", "none").Attr("stroke", "currentColor").Attr("stroke-width", "1.5"),
	)
}

func (e *Editor) renderSide(m calc.Model, side calc.Side, drafts map[string][]keyDraft) app.UI {
	var rows []int // indexes in m.Items
	for i := range m.Items {
		if m.Items[i].Side == side {
			rows = append(rows, i)
		}
	}
	cols := 2 + len(m.Scenarios)
	return app.TBody().Class("side side-"+string(side)).Body(
		app.Tr().Class("side-head").Body(
			app.Th().Scope("rowgroup").ColSpan(cols).Body(
				app.Div().Class("side-title").Body(
					app.H3().Text(sideLabel(side)),
					app.Button().ID("add-"+string(side)).Class("btn btn-small").
						Disabled(len(m.Items) >= calc.MaxItems).
						OnClick(e.onAction(AddItem{Side: side})).Text("+ Add "+string(side)),
				),
			),
		),
		iff(len(rows) == 0, func() app.UI {
			return app.Tr().Class("empty").Body(app.Td().ColSpan(cols).Text(emptyText(side)))
		}),
		app.Range(rows).Slice(func(k int) app.UI {
			i := rows[k]
			id := m.Items[i].ID
			return &itemRow{E: e, ID: id, First: k == 0, Last: k == len(rows)-1, Sig: e.rowSig(m, i, drafts[id])}
		}),
	)
}

func emptyText(side calc.Side) string {
	if side == calc.SideCost {
		return "No costs yet. Add what the customer gives up: money paid (financial), time, effort, stress (emotional) and risk."
	}
	return "No benefits yet. Add what the customer gains: performance (functional), peace of mind (emotional), reputation (social) and savings (monetary)."
}

// renderItemRow is the row of m.Items[item].
func (e *Editor) renderItemRow(m calc.Model, item int, first, last bool) app.UI {
	it := m.Items[item]
	nameKey := "item/" + it.ID + "/name"
	weightKey := "item/" + it.ID + "/weight"
	noteKey := "item/" + it.ID + "/note"
	ti := info(it.Side, it.Type)
	return app.Tr().Class("item-row").DataSet("item", it.ID).Body(
		app.Th().Scope("row").Class("col-item").Body(
			app.Div().Class("item-main").Body(
				e.textInput(nameKey, fieldID(nameKey), "Item name", "item-name"),
				e.fieldError(nameKey),
				app.Div().Class("item-meta").Body(
					app.Select().ID("f-item-"+it.ID+"-type").Class("select select-small").Aria("label", "Value type of "+it.Name).
						Title(ti.Explain).
						OnChange(e.on("f-item-"+it.ID+"-type", "change", e.inRow(func(ctx app.Context, ev app.Event) {
							e.apply(ctx, SetItemType{it.ID, calc.Type(ctx.JSSrc().Get("value").String())})
						}))).Body(
						app.Range(calc.TypesOf(it.Side)).Slice(func(i int) app.UI {
							t := calc.TypesOf(it.Side)[i]
							return option(string(t), info(it.Side, t).Label, t == it.Type).Title(info(it.Side, t).Explain)
						}),
					),
					app.Select().ID("f-item-"+it.ID+"-stage").Class("select select-small").Aria("label", "Journey stage of "+it.Name).
						OnChange(e.on("f-item-"+it.ID+"-stage", "change", e.inRow(func(ctx app.Context, ev app.Event) {
							e.apply(ctx, SetItemStage{it.ID, calc.Stage(ctx.JSSrc().Get("value").String())})
						}))).Body(
						app.Range(append([]calc.Stage{calc.StageNone}, calc.Stages()...)).Slice(func(i int) app.UI {
							st := append([]calc.Stage{calc.StageNone}, calc.Stages()...)[i]
							return option(string(st), stageLabels[st], st == it.Stage)
						}),
					),
					iff(it.Side == calc.SideCost, func() app.UI {
						if tangible(it.Type) {
							return app.Span().Class("tag tag-tangible").Text("Tangible")
						}
						return app.Span().Class("tag tag-intangible").Text("Intangible")
					}),
				),
				app.P().Class("type-explain").Text(ti.Explain),
				app.Details().Class("note").Body(
					app.Summary().Text(noteSummary(it)),
					app.Label().For(fieldID(noteKey)).Class("sr-only").Text("Note"),
					app.Textarea().ID(fieldID(noteKey)).Class("input note-input").Rows(2).
						Aria("label", "Note on "+it.Name).
						OnInput(e.on(fieldID(noteKey), "input", e.onField(noteKey))).
						OnChange(e.on(fieldID(noteKey), "change", e.onFieldDone(noteKey))).Text(e.fieldValue(noteKey)),
					e.fieldError(noteKey),
				),
				app.Div().Class("row-actions").Body(
					e.iconButton("item-up-"+it.ID, "Move "+it.Name+" up", "▲", first, e.onAction(MoveItem{it.ID, -1})),
					e.iconButton("item-down-"+it.ID, "Move "+it.Name+" down", "▼", last, e.onAction(MoveItem{it.ID, 1})),
					e.iconButton("item-dup-"+it.ID, "Duplicate "+it.Name, copyGlyph, len(m.Items) >= calc.MaxItems, e.onAction(DuplicateItem{it.ID})),
					e.iconButton("item-del-"+it.ID, "Delete "+it.Name, "✕", false, func(ctx app.Context, ev app.Event) {
						if e.apply(ctx, DeleteItem{it.ID}) {
							e.say(ctx, notice{Text: "Deleted “" + it.Name + "”.", Undo: e.undo})
						}
					}),
				),
			),
		),
		app.Td().Class("col-weight").DataSet("label", "Weight").Body(
			e.numberInput(weightKey, fieldID(weightKey), "Weight of "+it.Name, "weight-input"),
			e.fieldError(weightKey),
		),
		app.Range(m.Scenarios).Slice(func(i int) app.UI {
			s := m.Scenarios[i]
			return &cellView{E: e, Scenario: s.ID, Item: it.ID, Sig: e.cellSig(m, s, item)}
		}),
	)
}

// option is one choice of a grid select, named by its label attribute
// rather than by a text node: at 200 items × 5 scenarios the grid holds
// over 8,000 options, and their text nodes were a third of the page.
func option(value, label string, selected bool) app.HTMLOption {
	return app.Option().Value(value).Label(label).Selected(selected)
}

func noteSummary(it calc.Item) string {
	if it.Note == "" {
		return "Add a note"
	}
	return "Note: " + truncate(it.Note, 60)
}

// fieldValue is the text a field shows: its draft, else the model's value.
func (e *Editor) fieldValue(key string) string {
	if d, ok := e.drafts[key]; ok {
		return d.Text
	}
	return fieldText(e.hist.Present(), key)
}

// cellView is a cell of a row as a component: a row renders again for an
// edit in one of its cells, and its other cells, whose Sig (cellSig) is
// unchanged, are left as they are. A cell's events also mark its row, so
// the row always renders first and brings the cell's Sig up to date.
type cellView struct {
	app.Compo
	E              *Editor
	Scenario, Item string
	Sig            uint64
}

func (c *cellView) Render() app.UI {
	m := c.E.hist.Present()
	si, ii := scenarioIndex(m, c.Scenario), itemIndex(m, c.Item)
	if si < 0 || ii < 0 {
		return app.Td() // gone: the row drops this cell in the same render
	}
	return c.E.renderCell(m, m.Scenarios[si], ii)
}

// cellSig hashes what renderCell reads: the settings its inputs are drawn
// with, the names in its labels, the item's weight (the placeholder of the
// weight override), the entry, the recurrence chosen for it while empty,
// and the drafts typed into it.
// rowSig hashes it too, for each of the row's cells.
func (e *Editor) cellSig(m calc.Model, s calc.Scenario, item int) uint64 {
	it, en, has := m.Items[item], s.Entry(item), true
	if en == nil {
		en, has = &noEntry, false
	}
	h := newSig().str(string(m.Mode)).int(m.Scale.Min).int(m.Scale.Max).str(m.Currency).
		str(s.ID).str(s.Name).str(it.ID).str(it.Name).num(it.Weight).
		flag(has).ptr(en.Score).ptr(en.Amount).ptr(en.Hours).str(string(en.Per)).ptr(en.Weight)
	if len(e.pending) > 0 || len(e.drafts) > 0 { // cellKey allocates: 1,000 times a grid render at 200 × 5
		key := cellKey(s.ID, it.ID)
		// Only a setting or draft that is there: the first one typed
		// must not change the hash of every other cell.
		if p, ok := e.pending[key]; ok {
			h.flag(true).str(string(p.Unit)).str(string(p.Per))
		}
		h.draft(e.drafts, key).draft(e.drafts, key+"/weight")
	}
	return uint64(*h)
}

// noEntry stands for the entry of an unscored cell.
var noEntry calc.Entry

// renderCell is one scenario's value for one item: a score, or an amount
// or hours with their recurrence; and an optional weight override.
func (e *Editor) renderCell(m calc.Model, s calc.Scenario, item int) app.UI {
	it := m.Items[item]
	key := cellKey(s.ID, it.ID)
	wkey := key + "/weight"
	scored := s.Entry(item) != nil
	label := it.Name + " in " + s.Name
	cell := app.Td().Class("cell"+cls(" unscored", !scored)).DataSet("scenario", s.ID).DataSet("label", s.Name)
	if m.Mode == calc.ModeScore {
		return cell.Body(
			app.Div().Class("cell-inputs").Body(
				e.numberInput(key, fieldID(key), "Score of "+label, "score-input").
					Placeholder(strconv.Itoa(m.Scale.Min)+"–"+strconv.Itoa(m.Scale.Max)),
				e.weightOverride(wkey, label, it, scored),
			),
			e.fieldError(key), e.fieldError(wkey),
		)
	}
	cs := moneySetting(m, s.ID, it.ID, e.pending)
	return cell.Body(
		app.Div().Class("cell-inputs").Body(
			e.numberInput(key, fieldID(key), "Value of "+label, "money-input").Placeholder("—"),
			app.Select().ID(fieldID(key)+"-per").Class("select select-small per-select").Aria("label", "Unit and recurrence of "+label).
				OnChange(e.on(fieldID(key)+"-per", "change", e.inRow(func(ctx app.Context, ev app.Event) {
					e.onPer(ctx, s.ID, it.ID, ctx.JSSrc().Get("value").String())
				}))).Body(
				app.Range(perOptions).Slice(func(i int) app.UI {
					o := perOptions[i]
					return option(o.value(), o.label(m.Currency), o.setting == cs)
				}),
			),
			e.weightOverride(wkey, label, it, scored),
		),
		e.fieldError(key), e.fieldError(wkey),
	)
}

func (e *Editor) weightOverride(wkey, label string, it calc.Item, scored bool) app.UI {
	return e.numberInput(wkey, fieldID(wkey), "Weight of "+label+" (empty: item weight)", "override-input").
		Placeholder("×" + plain(it.Weight)).Title("Weight in this scenario; empty uses the item's weight").
		Disabled(!scored && e.drafts[wkey].Text == "")
}

// perOption is one choice of a money cell's unit and recurrence.
type perOption struct{ setting cellSetting }

var perOptions = []perOption{
	{cellSetting{UnitAmount, calc.PerOnce}}, {cellSetting{UnitAmount, calc.PerMonth}}, {cellSetting{UnitAmount, calc.PerYear}},
	{cellSetting{UnitHours, calc.PerOnce}}, {cellSetting{UnitHours, calc.PerMonth}}, {cellSetting{UnitHours, calc.PerYear}},
}

func (o perOption) value() string { return string(o.setting.Unit) + "/" + string(o.setting.Per) }

func (o perOption) label(currency string) string {
	unit := currency
	if o.setting.Unit == UnitHours {
		unit = "hours"
	}
	switch o.setting.Per {
	case calc.PerMonth:
		return unit + " / month"
	case calc.PerYear:
		return unit + " / year"
	}
	return unit + " once"
}

// onPer changes a money cell's unit and recurrence: on its entry when it
// has one, else remembered for when a value is typed.
func (e *Editor) onPer(ctx app.Context, scenario, item, value string) {
	var cs cellSetting
	for _, o := range perOptions {
		if o.value() == value {
			cs = o.setting
		}
	}
	if cs.Unit == "" {
		return
	}
	m := e.hist.Present()
	en, ok := entryOf(m, scenario, item)
	if !ok {
		e.pending[cellKey(scenario, item)] = cs
		return
	}
	v := en.Amount
	if v == nil {
		v = en.Hours
	}
	e.apply(ctx, SetMoney{Scenario: scenario, Item: item, Value: v, Hours: cs.Unit == UnitHours, Per: cs.Per})
}
