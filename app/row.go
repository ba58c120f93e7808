package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// itemRow is one item's row of the grid. go-app renders it again only when
// its Row, a view the reducer replaces when anything the row shows
// changes, is another one. Its handlers are methods: they read the item
// the row shows when the event fires.
type itemRow struct {
	app.Compo
	Row  *state.Row
	Num  *browser.Numbers
	Lang i18n.Lang
}

func (r *itemRow) Render() app.UI {
	row := r.Row
	it := row.Item
	name := state.ItemField(state.FieldItemName, it.ID)
	weight := state.ItemField(state.FieldItemWeight, it.ID)
	l := r.Lang
	ti := info(l, it.Side, it.Type)
	return app.Tr().Class("item-row"+cls(" open", row.Open)).DataSet("item", it.ID).Body(
		app.Th().Scope("row").Class("col-item").Body(
			app.Div().Class("item-main").Body(
				app.Div().Class("item-line").Body(
					&textField{Field: name, Input: row.Name, Label: l.T(i18n.ItemName), Class: "item-name"},
					// Type, stage and note open on demand, so that a row is one
					// line; the button says the type and stage at a glance.
					&button{ID: "item-more-" + it.ID, Class: "btn btn-small more-btn", Title: l.T(i18n.TypeStageNote),
						Label: l.T(i18n.TypeStageNoteOf, it.Name, moreSummary(l, it)), Text: moreSummary(l, it),
						Controls: "item-details-" + it.ID, Expanded: row.Open, Action: state.ToggleRow{ID: it.ID, Open: !row.Open}},
					app.Div().Class("row-actions").Body(
						r.action("item-up-"+it.ID, l.T(i18n.MoveUp, it.Name), "▲", row.First, r.onUp),
						r.action("item-down-"+it.ID, l.T(i18n.MoveDown, it.Name), "▼", row.Last, r.onDown),
						r.action("item-dup-"+it.ID, l.T(i18n.DuplicateNamed, it.Name), copyGlyph, row.Full, r.onDuplicate),
						r.action("item-del-"+it.ID, l.T(i18n.DeleteNamed, it.Name), "✕", false, r.onDelete),
					),
				),
				fieldError(name, row.Name),
				iff(row.Open, func() app.UI { return r.details(ti) }),
			),
		),
		app.Td().Class("col-weight").DataSet("label", l.T(i18n.Weight)).Body(
			&textField{Field: weight, Input: row.Weight, Label: l.T(i18n.WeightOf, it.Name), Class: "weight-input", Number: true},
			fieldError(weight, row.Weight),
			iff(row.HasWeightTie, func() app.UI {
				return app.Span().ID("weight-tie-" + it.ID).Class("weight-tie-hint").Text(l.T(i18n.TiesAtWeight, r.Num.Number(row.WeightTie, 2)))
			}),
		),
		// A cell outside the window's columns is empty: its column's width
		// comes from the head, which has every scenario.
		app.Range(row.Cells).Slice(func(i int) app.UI {
			if row.Cells[i] == nil {
				return app.Td().Class("cell-gap")
			}
			return &cellView{Cell: row.Cells[i], Num: r.Num, Lang: l}
		}),
	)
}

// details are the item's type, stage and note, shown while open.
func (r *itemRow) details(ti typeInfo) app.UI {
	row := r.Row
	it := row.Item
	note := state.ItemField(state.FieldItemNote, it.ID)
	l := r.Lang
	return app.Div().ID("item-details-"+it.ID).Class("item-details").Body(
		app.Div().Class("item-meta").Body(
			app.Select().ID("f-item-"+it.ID+"-type").Class("select select-small").Aria("label", l.T(i18n.ValueTypeOf, it.Name)).
				Title(ti.Explain).OnChange(r.onType).Body(
				app.Range(calc.TypesOf(it.Side)).Slice(func(i int) app.UI {
					t := calc.TypesOf(it.Side)[i]
					return option(string(t), info(l, it.Side, t).Label, t == it.Type).Title(info(l, it.Side, t).Explain)
				}),
			),
			app.Select().ID("f-item-"+it.ID+"-stage").Class("select select-small").Aria("label", l.T(i18n.StageOf, it.Name)).
				OnChange(r.onStage).Body(
				app.Range(stages).Slice(func(i int) app.UI {
					return option(string(stages[i]), stageLabel(l, stages[i]), stages[i] == it.Stage)
				}),
			),
			iff(it.Side == calc.SideCost, func() app.UI {
				if tangible(it.Type) {
					return app.Span().Class("tag tag-tangible").Text(l.T(i18n.Tangible))
				}
				return app.Span().Class("tag tag-intangible").Text(l.T(i18n.Intangible))
			}),
		),
		app.P().Class("type-explain").Text(ti.Explain),
		&textField{Field: note, Input: row.Note, Label: l.T(i18n.NoteOn, it.Name), Class: "note-input", Rows: 2, Placeholder: l.T(i18n.NotePlaceholder)},
		fieldError(note, row.Note),
	)
}

// action is one of the row's icon buttons: a method of the row, so that
// it acts on the row's item at the time of the click.
func (r *itemRow) action(id, label, glyph string, disabled bool, h app.EventHandler) app.UI {
	var icon app.UI = app.Span().Aria("hidden", "true").Text(glyph)
	if glyph == copyGlyph {
		icon = copyIcon()
	}
	return app.Button().ID(id).Class("btn btn-icon").Aria("label", label).Title(label).
		Disabled(disabled).OnClick(h).Body(icon)
}

func (r *itemRow) id() string { return r.Row.Item.ID }

func (r *itemRow) onType(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.SetItemType{ID: r.id(), Type: calc.Type(ctx.JSSrc().Get("value").String())})
}

func (r *itemRow) onStage(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.SetItemStage{ID: r.id(), Stage: calc.Stage(ctx.JSSrc().Get("value").String())})
}

func (r *itemRow) onUp(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.MoveItem{ID: r.id(), By: -1})
}
func (r *itemRow) onDown(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.MoveItem{ID: r.id(), By: 1})
}
func (r *itemRow) onDuplicate(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.DuplicateItem{ID: r.id()})
}
func (r *itemRow) onDelete(ctx app.Context, e app.Event) {
	browser.Send(ctx, state.DeleteItem{ID: r.id()})
}

// stages are the journey stages an item can name, none first.
var stages = append([]calc.Stage{calc.StageNone}, calc.Stages()...)

// option is one choice of a grid select, named by its label attribute
// rather than by a text node: at 200 items × 5 scenarios the grid holds
// over 8,000 options, and their text nodes were a third of the page.
func option(value, label string, selected bool) app.HTMLOption {
	return app.Option().Value(value).Label(label).Selected(selected)
}

// moreSummary says an item's type and stage, and whether it has a note:
// "Monetary · Use · note".
func moreSummary(l i18n.Lang, it calc.Item) string {
	s := info(l, it.Side, it.Type).Label
	if it.Stage != calc.StageNone {
		s += " · " + stageLabel(l, it.Stage)
	}
	if it.Note != "" {
		s += " · " + l.T(i18n.HasNote)
	}
	return s
}
