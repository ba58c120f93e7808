package state

import "github.com/valuecalc/valuecalc/calc"

// Edit is an action that changes the document, applied by ReduceModel
// through the history. Edits are plain values: the history is a list of
// the models they produce, so undo and redo need nothing from them but
// Key.
type Edit interface {
	Action
	// Key names what the edit changes ("item/a/name"). Consecutive edits
	// with the same non-empty key are one undo step, so typing a name
	// letter by letter is undone at once.
	Key() string
}

// Settings.
type (
	// SetTitle renames the assessment.
	SetTitle struct{ Title string }
	// SetMode switches between score and money. Entries of the old mode do
	// not fit the new one and are dropped; the UI asks first.
	SetMode struct{ Mode calc.Mode }
	// SetScale changes the score scale; existing scores are rescaled
	// linearly so they keep their place on the scale.
	SetScale struct{ Min, Max int }
	// SetCurrency sets the ISO 4217 currency code.
	SetCurrency struct{ Currency string }
	// SetHorizon sets the horizon in years.
	SetHorizon struct{ Years int }
	// SetDiscountRate sets the yearly discount rate (0.08 = 8 %).
	SetDiscountRate struct{ Rate float64 }
	// SetHourlyRate sets the money value of an hour.
	SetHourlyRate struct{ Rate float64 }
)

// Items.
type (
	// AddItem appends a new item to a side, with the side's first type and
	// a fresh id chosen by Reduce.
	AddItem struct {
		Side calc.Side
		Name string
	}
	// DeleteItem removes an item and its entries in every scenario.
	DeleteItem struct{ ID string }
	// DuplicateItem inserts a copy of an item, entries included, after it.
	DuplicateItem struct{ ID string }
	// MoveItem moves an item By places among the items of its side.
	MoveItem struct {
		ID string
		By int
	}
	// SetItemName renames an item.
	SetItemName struct{ ID, Name string }
	// SetItemType changes an item's value type.
	SetItemType struct {
		ID   string
		Type calc.Type
	}
	// SetItemStage changes an item's journey stage.
	SetItemStage struct {
		ID    string
		Stage calc.Stage
	}
	// SetItemWeight changes an item's weight.
	SetItemWeight struct {
		ID     string
		Weight float64
	}
	// SetItemNote changes an item's note.
	SetItemNote struct{ ID, Note string }
)

// Scenarios.
type (
	// AddScenario appends an empty scenario with a fresh id.
	AddScenario struct{ Name string }
	// RenameScenario renames a scenario.
	RenameScenario struct{ ID, Name string }
	// DuplicateScenario inserts a copy of a scenario after it.
	DuplicateScenario struct{ ID string }
	// DeleteScenario removes a scenario; the last one cannot be deleted.
	DeleteScenario struct{ ID string }
	// MoveScenario moves a scenario By places; the first is the baseline.
	MoveScenario struct {
		ID string
		By int
	}
)

// Entries: a scenario's value for an item.
type (
	// SetScore sets an item's score in a scenario, or clears the entry
	// when Score is nil.
	SetScore struct {
		Scenario, Item string
		Score          *float64
	}
	// SetMoney sets an item's money entry in a scenario: an amount, or
	// hours when Hours is true; a nil Value clears the entry.
	SetMoney struct {
		Scenario, Item string
		Value          *float64
		Hours          bool
		Per            calc.Per
	}
	// SetRange sets the uncertainty range around an entry's value, or
	// removes it when Low and High are nil.
	SetRange struct {
		Scenario, Item string
		Low, High      *float64
	}
	// SetEntryWeight overrides an item's weight in one scenario, or removes
	// the override when Weight is nil.
	SetEntryWeight struct {
		Scenario, Item string
		Weight         *float64
	}
)

// SetDriverValue sets a driver's value (the visitor's answer to its
// question); a range around it widens to hold it.
type SetDriverValue struct {
	ID    string
	Value float64
}

// ReplaceModel swaps in a whole model: a template, an import, a library
// entry. It is never coalesced.
type ReplaceModel struct{ Model calc.Model }

func (SetTitle) Key() string          { return "title" }
func (SetMode) Key() string           { return "" }
func (SetScale) Key() string          { return "scale" }
func (SetCurrency) Key() string       { return "currency" }
func (SetHorizon) Key() string        { return "horizon" }
func (SetDiscountRate) Key() string   { return "discount" }
func (SetHourlyRate) Key() string     { return "hourly" }
func (AddItem) Key() string           { return "" }
func (DeleteItem) Key() string        { return "" }
func (DuplicateItem) Key() string     { return "" }
func (MoveItem) Key() string          { return "" }
func (a SetItemName) Key() string     { return "item/" + a.ID + "/name" }
func (a SetItemType) Key() string     { return "" }
func (a SetItemStage) Key() string    { return "" }
func (a SetItemWeight) Key() string   { return "item/" + a.ID + "/weight" }
func (a SetItemNote) Key() string     { return "item/" + a.ID + "/note" }
func (AddScenario) Key() string       { return "" }
func (a RenameScenario) Key() string  { return "scenario/" + a.ID + "/name" }
func (DuplicateScenario) Key() string { return "" }
func (DeleteScenario) Key() string    { return "" }
func (MoveScenario) Key() string      { return "" }
func (a SetScore) Key() string        { return "entry/" + a.Scenario + "/" + a.Item }
func (a SetMoney) Key() string        { return "entry/" + a.Scenario + "/" + a.Item }
func (a SetRange) Key() string        { return "entry/" + a.Scenario + "/" + a.Item + "/range" }
func (a SetEntryWeight) Key() string  { return "entry/" + a.Scenario + "/" + a.Item + "/weight" }
func (ReplaceModel) Key() string      { return "" }
func (a SetDriverValue) Key() string  { return "driver/" + a.ID + "/value" }

func (SetTitle) Path() string          { return "/settings/title" }
func (SetMode) Path() string           { return "/settings/mode" }
func (SetScale) Path() string          { return "/settings/scale" }
func (SetCurrency) Path() string       { return "/settings/currency" }
func (SetHorizon) Path() string        { return "/settings/horizon" }
func (SetDiscountRate) Path() string   { return "/settings/discount" }
func (SetHourlyRate) Path() string     { return "/settings/hourly" }
func (AddItem) Path() string           { return "/item/add" }
func (DeleteItem) Path() string        { return "/item/delete" }
func (DuplicateItem) Path() string     { return "/item/duplicate" }
func (MoveItem) Path() string          { return "/item/move" }
func (SetItemName) Path() string       { return "/item/name" }
func (SetItemType) Path() string       { return "/item/type" }
func (SetItemStage) Path() string      { return "/item/stage" }
func (SetItemWeight) Path() string     { return "/item/weight" }
func (SetItemNote) Path() string       { return "/item/note" }
func (AddScenario) Path() string       { return "/scenario/add" }
func (RenameScenario) Path() string    { return "/scenario/name" }
func (DuplicateScenario) Path() string { return "/scenario/duplicate" }
func (DeleteScenario) Path() string    { return "/scenario/delete" }
func (MoveScenario) Path() string      { return "/scenario/move" }
func (SetScore) Path() string          { return "/entry/score" }
func (SetMoney) Path() string          { return "/entry/money" }
func (SetEntryWeight) Path() string    { return "/entry/weight" }
func (ReplaceModel) Path() string      { return "/doc/replace" }
func (SetRange) Path() string          { return "/entry/range" }
func (SetDriverValue) Path() string    { return "/driver/value" }
