package calc

// Format is the newest model file format, valuecalc/3 (SPEC §2 and
// §2.1): the format a model in memory has. Decode reads it, FormatV2 and
// FormatV1; Encode writes the lowest of them that holds the model:
// Format when it uses a field of version 3 (see Model.UsesV3), else
// FormatV2, so that a model without them still opens in an older copy of
// the app.
const Format = "valuecalc/3"

// FormatV2 is the second release's format: ranges, scale labels and
// visitor questions, but no drivers, timing or story. A FormatV2 file may
// hold none of version 3's fields.
const FormatV2 = "valuecalc/2"

// FormatV1 is the first release's format. Decode reads a FormatV1 file as
// the same model with none of version 2's fields (ranges, scale labels,
// questions), which such a file may not hold.
const FormatV1 = "valuecalc/1"

// MaxInputSize is the largest model file Decode accepts, in bytes.
const MaxInputSize = 5 << 20

// Mode is how a model measures its items: by score or by money.
type Mode string

// The two modes.
const (
	ModeScore Mode = "score"
	ModeMoney Mode = "money"
)

// Side says whether an item is a benefit or a cost.
type Side string

// The two sides.
const (
	SideBenefit Side = "benefit"
	SideCost    Side = "cost"
)

// Type is an item's value type. Which types are allowed depends on the
// item's side: see BenefitTypes and CostTypes.
type Type string

// The value types. TypeEmotional exists on both sides.
const (
	TypeFunctional Type = "functional"
	TypeEmotional  Type = "emotional"
	TypeSocial     Type = "social"
	TypeMonetary   Type = "monetary"
	TypeFinancial  Type = "financial"
	TypeTime       Type = "time"
	TypeEffort     Type = "effort"
	TypeRisk       Type = "risk"
)

// BenefitTypes returns the four benefit types in SPEC order.
func BenefitTypes() []Type {
	return []Type{TypeFunctional, TypeEmotional, TypeSocial, TypeMonetary}
}

// CostTypes returns the five cost types in SPEC order; TypeFinancial is the
// tangible one, the others are intangible.
func CostTypes() []Type {
	return []Type{TypeFinancial, TypeTime, TypeEffort, TypeEmotional, TypeRisk}
}

// TypesOf returns the value types allowed on side, or nil for an unknown side.
func TypesOf(side Side) []Type {
	switch side {
	case SideBenefit:
		return BenefitTypes()
	case SideCost:
		return CostTypes()
	}
	return nil
}

// Stage is the customer journey stage where an item arises.
type Stage string

// The journey stages. StageNone means the item names no stage.
const (
	StageNone       Stage = ""
	StageEvaluation Stage = "evaluation"
	StageOnboarding Stage = "onboarding"
	StageUse        Stage = "use"
	StageSupport    Stage = "support"
	StageRenewal    Stage = "renewal"
)

// Stages returns the five journey stages in order.
func Stages() []Stage {
	return []Stage{StageEvaluation, StageOnboarding, StageUse, StageSupport, StageRenewal}
}

// Per says how often a money entry recurs.
type Per string

// The recurrences of a money entry.
const (
	PerOnce  Per = "once"
	PerMonth Per = "month"
	PerYear  Per = "year"
)

// Scale is the integer range of scores in score mode: 0 ≤ Min < Max ≤ 100.
// MinLabel and MaxLabel (version 2) say what the ends mean, such as "Not
// at all" and "Completely"; "" means none, and the app words the ends
// itself.
type Scale struct {
	Min      int    `json:"min"`
	Max      int    `json:"max"`
	MinLabel string `json:"minLabel,omitempty"`
	MaxLabel string `json:"maxLabel,omitempty"`
}

// Model is a valuecalc/3 model: items shared by all scenarios, and each
// scenario's entries for them; in version 3 also drivers, the facts that
// entries are priced per, and the case's customer and summary. A Model returned by Decode has every default
// of SPEC §2 applied and passes Validate. Encode writes it as a file;
// encoding/json would leave the entries out, since a file keys them by
// item id (see Scenario).
type Model struct {
	Format       string  `json:"format"`
	Title        string  `json:"title"`
	Mode         Mode    `json:"mode"`
	Scale        Scale   `json:"scale"`
	Currency     string  `json:"currency"`
	HorizonYears int     `json:"horizonYears"`
	DiscountRate float64 `json:"discountRate"`
	HourlyRate   float64 `json:"hourlyRate"`
	// Customer (version 3) is who the case is for; "" for none.
	Customer string `json:"customer,omitempty"`
	// Summary (version 3) is the executive summary in the author's words.
	Summary string `json:"summary,omitempty"`
	// Drivers (version 3) are the customer's facts (agents, tickets a
	// month) that money entries are priced per (Entry.Times). Kept and
	// ignored in score mode.
	Drivers   []Driver   `json:"drivers,omitempty"`
	Items     []Item     `json:"items"`
	Scenarios []Scenario `json:"scenarios"`
}

// Driver (version 3) is a fact of the customer's that entries are priced
// per: "25 support agents", "4,000 tickets a month". Low and High are an
// uncertainty range around Value, as an entry's; Ask makes it a question
// for the visitor view.
type Driver struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Unit   string   `json:"unit,omitempty"`
	Value  float64  `json:"value"`
	Low    *float64 `json:"low,omitempty"`
	High   *float64 `json:"high,omitempty"`
	Ask    bool     `json:"ask,omitempty"`
	Note   string   `json:"note,omitempty"`
	Source string   `json:"source,omitempty"`
}

// Ranged reports whether d has an uncertainty range, both Low and High.
func (d *Driver) Ranged() bool { return d.Low != nil && d.High != nil }

// DriverIndex returns the index in m.Drivers of the first driver with id,
// or -1.
func (m *Model) DriverIndex(id string) int {
	for i := range m.Drivers {
		if m.Drivers[i].ID == id {
			return i
		}
	}
	return -1
}

// UsesV3 reports whether m holds a field of version 3: a customer, a
// summary, a driver, or an entry's times, start, end, ramp, growth or
// source. Encode writes Format for such a model and FormatV2 for any
// other.
func (m *Model) UsesV3() bool {
	if m.Customer != "" || m.Summary != "" || len(m.Drivers) > 0 {
		return true
	}
	for j := range m.Scenarios {
		for _, e := range m.Scenarios[j].Entries {
			if e != nil && e.usesV3() {
				return true
			}
		}
	}
	return false
}

// Item is one benefit or cost, shared by every scenario of a model.
type Item struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Side   Side    `json:"side"`
	Type   Type    `json:"type"`
	Stage  Stage   `json:"stage,omitempty"`
	Weight float64 `json:"weight"`
	Note   string  `json:"note"`
}

// Scenario is a column of the comparison: a segment or an option, holding
// its own entry for each item.
//
// Entries is parallel to the model's Items: Entries[i] is the entry for
// Items[i], nil where the item has none (it is unscored). In a file the
// entries are an object keyed by item id (SPEC §2); in memory they are a
// slice, so that Evaluate reads them in order rather than looking each
// one up: 50,000 map lookups were most of its time at 1,000 items × 50
// scenarios. An *Entry is never changed once in a model: code that edits
// one sets a new pointer in a copy of the slice, so models that share
// a slice (the app's undo history) never see each other's edits.
type Scenario struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Entries []*Entry `json:"-"`
}

// ItemIndex returns the index in m.Items of the first item with id, or -1.
func (m *Model) ItemIndex(id string) int {
	for i := range m.Items {
		if m.Items[i].ID == id {
			return i
		}
	}
	return -1
}

// ScenarioIndex returns the index in m.Scenarios of the first scenario
// with id, or -1.
func (m *Model) ScenarioIndex(id string) int {
	for i := range m.Scenarios {
		if m.Scenarios[i].ID == id {
			return i
		}
	}
	return -1
}

// ItemName returns the name of the item with id, or id itself when the
// model has no such item.
func (m *Model) ItemName(id string) string {
	if i := m.ItemIndex(id); i >= 0 {
		return m.Items[i].Name
	}
	return id
}

// ScenarioName returns the name of the scenario with id, or id itself
// when the model has no such scenario.
func (m *Model) ScenarioName(id string) string {
	if i := m.ScenarioIndex(id); i >= 0 {
		return m.Scenarios[i].Name
	}
	return id
}

// Entry returns the scenario's entry for the item at index i of the
// model's Items, or nil if it has none.
func (s *Scenario) Entry(i int) *Entry {
	if i < 0 || i >= len(s.Entries) {
		return nil
	}
	return s.Entries[i]
}

// EntriesByID returns entries parallel to items from entries keyed by item
// id, as a file has them; keys that are no item's id are left out. It is
// for building models in code; Decode reports such keys.
func EntriesByID(items []Item, byID map[string]Entry) []*Entry {
	out := make([]*Entry, len(items))
	backing := make([]Entry, 0, len(byID))
	for i := range items {
		if e, ok := byID[items[i].ID]; ok {
			backing = append(backing, e)
			out[i] = &backing[len(backing)-1]
		}
	}
	return out
}

// Entry is a scenario's value for one item. In score mode only Score (and
// Weight) is set; in money mode exactly one of Amount and Hours is set, with
// Per. A nil Weight means the item's weight applies.
//
// Low and High (version 2) are an uncertainty range around the entry's
// value, in its unit: both or neither, Low ≤ value ≤ High. Ask (version 2)
// marks the entry as a question for the visitor view.
type Entry struct {
	Score  *float64 `json:"score,omitempty"`
	Amount *float64 `json:"amount,omitempty"`
	Hours  *float64 `json:"hours,omitempty"`
	Per    Per      `json:"per,omitempty"`
	Weight *float64 `json:"weight,omitempty"`
	Low    *float64 `json:"low,omitempty"`
	High   *float64 `json:"high,omitempty"`
	Ask    bool     `json:"ask,omitempty"`

	// Times (version 3) names 1–3 drivers: the amount or hours is per
	// unit of each, so the entry's base is multiplied by their values.
	Times []string `json:"times,omitempty"`
	// Start (version 3) is the month of the horizon in which the entry
	// begins, 1–361 (for a once entry the month it is paid or gained);
	// 0 means 1.
	Start int `json:"start,omitempty"`
	// End (version 3) is the last month in which a month or year entry
	// counts, Start–360; 0 means the horizon's end.
	End int `json:"end,omitempty"`
	// Ramp (version 3) is how many months a month or year entry takes to
	// reach its full value, 0–120: in its k-th month (k ≤ Ramp) it is
	// k/(Ramp + 1) of it.
	Ramp int `json:"ramp,omitempty"`
	// Growth (version 3) is a month or year entry's yearly change,
	// −0.5–1 (0.05 for +5 % a year).
	Growth float64 `json:"growth,omitempty"`
	// Source (version 3) is where the figure comes from.
	Source string `json:"source,omitempty"`
}

// usesV3 reports whether e holds a field of version 3.
func (e *Entry) usesV3() bool {
	return e.Times != nil || e.Start != 0 || e.End != 0 || e.Ramp != 0 || e.Growth != 0 || e.Source != ""
}

// Timed reports whether e's timing differs from the defaults for a
// horizon of years: it starts after month 1, ends before the horizon's
// end, ramps or grows.
func (e *Entry) Timed(years int) bool {
	return e.Start > 1 || e.End != 0 && e.End < 12*years || e.Ramp > 0 || e.Growth != 0
}

// Unit is what an entry's value counts: a score, an amount of money or
// hours.
type Unit string

// The units of an entry's value.
const (
	UnitScore  Unit = "score"
	UnitAmount Unit = "amount"
	UnitHours  Unit = "hours"
)

// Value returns the number the user typed for e in a model of the given
// mode, its score, amount or hours, and its unit; false when e has no
// value for the mode. With both Amount and Hours, Amount counts, as in
// Evaluate.
func (e *Entry) Value(mode Mode) (float64, Unit, bool) {
	switch {
	case mode != ModeMoney:
		if e.Score != nil {
			return *e.Score, UnitScore, true
		}
	case e.Amount != nil:
		return *e.Amount, UnitAmount, true
	case e.Hours != nil:
		return *e.Hours, UnitHours, true
	}
	return 0, "", false
}

// Ranged reports whether e has an uncertainty range, both Low and High.
func (e *Entry) Ranged() bool { return e.Low != nil && e.High != nil }

// Bounds returns the bounds of a value of unit u in m (SPEC §8): the
// scale for a score, 0–MaxAmount for an amount, 0–MaxHours for hours.
func (m *Model) Bounds(u Unit) (lo, hi float64) {
	switch u {
	case UnitAmount:
		return 0, MaxAmount
	case UnitHours:
		return 0, MaxHours
	}
	return float64(m.Scale.Min), float64(m.Scale.Max)
}

// Float returns a pointer to v, for building entries.
func Float(v float64) *float64 { return &v }

// NewModel returns an empty, valid model with every default of SPEC §2:
// score mode on a 1–5 scale, no items, one scenario "Scenario 1".
func NewModel() Model {
	return Model{
		Format:       Format,
		Title:        "Untitled",
		Mode:         ModeScore,
		Scale:        Scale{Min: 1, Max: 5},
		Currency:     "USD",
		HorizonYears: 3,
		Items:        []Item{},
		Scenarios:    []Scenario{{ID: "s1", Name: "Scenario 1", Entries: []*Entry{}}},
	}
}

// TypeSum is the total contribution of one value type.
type TypeSum struct {
	Type  Type
	Value float64
}

// TypeSums are the per-type totals of one side, in the side's SPEC order,
// every type present. They marshal to a JSON object in that order.
type TypeSums []TypeSum

// Get returns the sum for t, or 0 when t is not in s.
func (s TypeSums) Get(t Type) float64 {
	for _, ts := range s {
		if ts.Type == t {
			return ts.Value
		}
	}
	return 0
}

// Result is the evaluation of a model (SPEC §4): one ScenarioResult per
// scenario, in the model's order, and the id of the best scenario.
type Result struct {
	Title     string           `json:"title"`
	Mode      Mode             `json:"mode"`
	Currency  string           `json:"currency,omitempty"`
	Best      string           `json:"best"`
	Scenarios []ScenarioResult `json:"scenarios"`
}

// ScenarioResult holds one scenario's totals (SPEC §3). Ratio is nil when
// costs are 0 (or so close to 0 that the quotient overflows). ROI and
// PaybackMonths are only meaningful in money mode (nil means null there; in
// score mode they are nil and left out of the JSON). Evaluate fills it in;
// MarshalJSON writes it as SPEC §4 says.
type ScenarioResult struct {
	ID             string
	Name           string
	Benefits       float64
	Costs          float64
	Net            float64
	Ratio          *float64
	ROI            *float64
	PaybackMonths  *float64
	BenefitsByType TypeSums
	CostsByType    TypeSums
	Unscored       int

	// Cashflow is the money scenario's cash flow by year, years 0 to N
	// (SPEC §3); nil in score mode.
	Cashflow []CashflowYear

	// Range is the spread of the net over the Monte Carlo simulation of
	// the model's ranges (SPEC §4 and §8); nil when the model has none or
	// the simulation has not run: Evaluate leaves it nil, and
	// EvaluateWithRanges and Result.SetRanges set it.
	Range *NetRange

	// Contributions holds each item's contribution, parallel to the
	// model's Items (0 for an item without an entry); Scored says which
	// items have an entry with a value for the mode (a score, or an amount
	// or hours). Neither is part of the JSON result.
	Contributions []float64
	Scored        []bool

	money bool // evaluated in money mode: write "roi" and "paybackMonths"
}
