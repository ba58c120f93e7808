package app

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/app/browser"
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/app/state"
	"github.com/valuecalc/valuecalc/calc"
)

// cellView is one scenario's value for one item: a score, or an amount
// or hours with their recurrence; and an optional weight override. Its
// Cell is a view the reducer replaces when anything it shows changes.
type cellView struct {
	app.Compo
	Cell *state.CellView
	Num  *browser.Numbers
	Lang i18n.Lang
}

func (c *cellView) Render() app.UI {
	v := c.Cell
	value := state.EntryField(v.Scenario, v.Item)
	weight := state.EntryWeightField(v.Scenario, v.Item)
	l := c.Lang
	label := l.T(i18n.CellIn, v.ItemName, v.ScenarioName)
	cell := app.Td().Class("cell"+cls(" unscored", !v.HasEntry)+cls(" has-hint", v.Hint.Shown())).DataSet("scenario", v.Scenario).DataSet("label", v.ScenarioName)
	override := &textField{Field: weight, Input: v.Weight, Label: l.T(i18n.CellWeightOf, label), Class: "override-input", Number: true,
		Placeholder: "×" + l.Write(v.ItemWeight, false), Title: l.T(i18n.CellWeightTitle), Disabled: !v.HasEntry && !v.WeightTyped}
	if v.Mode == calc.ModeScore {
		return cell.Body(
			app.Div().Class("cell-inputs").Body(
				&textField{Field: value, Input: v.Value, Label: l.T(i18n.ScoreOf, label), Class: "score-input", Number: true,
					Placeholder: strconv.Itoa(v.Scale.Min) + "–" + strconv.Itoa(v.Scale.Max)},
				override,
			),
			fieldError(value, v.Value), fieldError(weight, v.Weight),
			c.rangeInputs(label), c.hint(), c.detail(label),
		)
	}
	return cell.Body(
		app.Div().Class("cell-inputs").Body(
			&textField{Field: value, Input: v.Value, Label: l.T(i18n.ValueOf, label), Class: "money-input", Number: true, Placeholder: "—"},
			app.Select().ID(value.ElementID()+"-per").Class("select select-small per-select").Aria("label", l.T(i18n.UnitOf, label)).
				OnChange(c.onPer).Body(
				app.Range(state.PerOptions).Slice(func(i int) app.UI {
					o := state.PerOptions[i]
					return option(o.Value(), perShort.name(l, o, v.Currency), o == v.Setting)
				}),
			),
			c.driverSelect(0, l.T(i18n.PricedPerOf, label)),
			override,
		),
		fieldError(value, v.Value), fieldError(weight, v.Weight),
		c.says(), c.rangeInputs(label), c.hint(), c.detail(label),
	)
}

// rangeInputs are the cell's low and high estimates, when asked for.
func (c *cellView) rangeInputs(label string) app.UI {
	v := c.Cell
	if !v.ShowRange || !v.HasEntry {
		return nil
	}
	low := state.EntryRangeField(state.FieldEntryLow, v.Scenario, v.Item)
	high := state.EntryRangeField(state.FieldEntryHigh, v.Scenario, v.Item)
	return app.Div().Class("cell-range").Body(
		&textField{Field: low, Input: v.Low, Label: c.Lang.T(i18n.LowOf, label), Class: "range-input", Number: true, Placeholder: c.Lang.T(i18n.LowPlaceholder)},
		app.Span().Aria("hidden", "true").Text("–"),
		&textField{Field: high, Input: v.High, Label: c.Lang.T(i18n.HighOf, label), Class: "range-input", Number: true, Placeholder: c.Lang.T(i18n.HighPlaceholder)},
		fieldError(low, v.Low), fieldError(high, v.High),
	)
}

// hint says, on the cell typed into last, where its scenario breaks even
// and where it ties with its rival.
func (c *cellView) hint() app.UI {
	h := c.Cell.Hint
	if !h.Shown() {
		return nil
	}
	m := calc.Model{Mode: c.Cell.Mode, Currency: c.Cell.Currency}
	var parts []string
	if h.HasBreakEven {
		parts = append(parts, c.Lang.T(i18n.BreaksEvenAt, unitValue(c.Lang, c.Num, m, h.Unit, h.Per, h.BreakEven)))
	}
	if h.HasTie {
		parts = append(parts, c.Lang.T(i18n.TiesWithAt, h.Rival, unitValue(c.Lang, c.Num, m, h.Unit, h.Per, h.Tie)))
	}
	return app.P().ID(state.EntryField(c.Cell.Scenario, c.Cell.Item).ElementID() + "-hint").Class("cell-hint").
		Text(strings.Join(parts, "; "))
}

func (c *cellView) send(ctx app.Context, a state.Action) { browser.Send(ctx, a) }

// driverSelect is the select of the driver in slot k of the drivers the
// entry is priced per (state.SetTimes): slot 0 in the cell, where "flat"
// makes the entry a plain amount; slots 1 and 2 in its detail, once the
// one before is chosen. A driver chosen in another slot is not offered.
// Money cells of a model with drivers only.
func (c *cellView) driverSelect(k int, label string) app.UI {
	v := c.Cell
	p := &v.Parts
	if v.Drivers == nil || k > 0 && p.Times[k-1] == "" {
		return nil
	}
	opts := []app.UI{option("", c.Lang.T(i18n.FlatAmount+i18n.Key(min(k, 1))), p.Times[k] == "")}
	for _, d := range v.Drivers.List {
		if i := slices.Index(p.Times[:], d.ID); i < 0 || i == k {
			opts = append(opts, option(d.ID, "× "+d.Name, i == k))
		}
	}
	return app.Select().ID(state.EntryField(v.Scenario, v.Item).ElementID()+"-times-"+strconv.Itoa(k)).
		Class("select select-small times-select").Aria("label", label).DataSet("slot", k).
		Disabled(!v.HasEntry).OnChange(c.onDriver).Body(opts...)
}

func (c *cellView) onDriver(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	slot, _ := strconv.Atoi(el.Get("dataset").Get("slot").String())
	c.send(ctx, state.SetTimes{Scenario: c.Cell.Scenario, Item: c.Cell.Item, Slot: slot, Driver: el.Get("value").String()})
}

// says is what a money cell's entry reads as in words: priced per its
// drivers, "$40 per agent a month = $1,000 a month for 25 agents", and
// its timing, "from month 2, full by month 5".
func (c *cellView) says() app.UI {
	v := c.Cell
	id := state.EntryField(v.Scenario, v.Item).ElementID()
	sentence, product := perDriverWords(c.Lang, c.Num, v.Currency, v.Setting, &v.Parts, v.Drivers)
	timing := timingWords(c.Lang, c.Num, v.Setting.Per, &v.Parts)
	var out []app.UI
	if sentence != "" {
		out = append(out, app.P().ID(id+"-says").Text(sentence+" "+product))
	}
	if timing != "" {
		out = append(out, app.P().ID(id+"-timing").Class("cell-timing").Text(timing))
	}
	if out == nil {
		return nil
	}
	return app.Div().Class("cell-says").Body(out...)
}

// detail is the entry's detail, while its row is open: in money mode the
// further drivers it is priced per and its timing (a once entry has a
// start month alone), and in both modes its source. Each field is
// labelled, its message beneath.
func (c *cellView) detail(label string) app.UI {
	v := c.Cell
	if !v.Open || !v.HasEntry {
		return nil
	}
	l := c.Lang
	money := v.Mode == calc.ModeMoney
	out := []app.UI{c.driverSelect(1, l.T(i18n.AlsoPerOf, label)), c.driverSelect(2, l.T(i18n.AlsoPerOf, label))}
	for k := state.FieldEntryStart; k <= state.FieldEntrySource; k++ {
		n := k - state.FieldEntryStart
		source := k == state.FieldEntrySource
		if !source && (!money || n > 0 && v.Setting.Per == calc.PerOnce) {
			continue
		}
		f := state.Field{Kind: k, Scenario: v.Scenario, Item: v.Item}
		d := *v.Parts.In(k)
		name := l.T(i18n.StartLabel + i18n.Key(n))
		placeholder := [...]string{"1", strconv.Itoa(12 * v.Parts.Horizon), "0", "0", l.T(i18n.SourcePlaceholder)}[n]
		out = append(out, app.Div().Class("detail-field"+cls(" detail-source", source)).Body(
			app.Label().For(f.ElementID()).Text(name),
			&textField{Field: f, Input: d, Label: name + ", " + label, Class: "detail-input", Number: !source, Placeholder: placeholder},
			fieldError(f, d),
		))
	}
	return app.Div().Class("cell-detail").Body(out...)
}

func (c *cellView) onPer(ctx app.Context, e app.Event) {
	c.send(ctx, state.SetPer{Cell: state.Cell{Scenario: c.Cell.Scenario, Item: c.Cell.Item}, Value: ctx.JSSrc().Get("value").String()})
}

// The two ways of naming a money entry's unit and recurrence: short in
// the grid's select ("USD / month"), in words in a question ("USD a
// month").
var (
	perShort = perKeys{once: i18n.OnceUnit, month: i18n.PerMonthUnit, year: i18n.PerYearUnit}
	perWords = perKeys{once: i18n.UnitOneOff, month: i18n.UnitAMonth, year: i18n.UnitAYear}
)

// perKeys are the catalogue's keys of one way of naming a recurrence.
type perKeys struct{ once, month, year i18n.Key }

// name names cs's unit and recurrence in l: "USD / month", "hours a year".
func (k perKeys) name(l i18n.Lang, cs state.CellSetting, currency string) string {
	unit := currency
	if cs.Unit == state.UnitHours {
		unit = l.T(i18n.UnitHours)
	}
	switch cs.Per {
	case calc.PerMonth:
		return l.T(k.month, unit)
	case calc.PerYear:
		return l.T(k.year, unit)
	}
	return l.T(k.once, unit)
}
