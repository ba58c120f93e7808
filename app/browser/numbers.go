package browser

import (
	"math"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// Numbers writes the figures the interface shows outside its fields (the
// results, the report, the explanation, the charts) in the interface's
// language, with calc's one formatter (i18n.Lang.Style, calc.Style), the
// formatter of the fields and the command line too: "$18,000",
// "18.000 €". Negative numbers have the minus sign, U+2212 ("−$1,200"),
// where a field has the hyphen-minus that is typed. It needs no
// Intl.NumberFormat: the styles write what Intl writes in en-US, de, fr
// and es (TestStyleIsIntl), in the prerendered pages and in native tests
// alike.
//
// A *Numbers is immutable: For gives another when the language or the
// model's decimals change, so that a component holding one as a prop is
// rendered again (go-app compares props by value). A nil *Numbers writes
// English, money without cents.
type Numbers struct {
	ui    i18n.Lang  // the interface's language, for the words around numbers
	st    calc.Style // its style, with the minus sign
	cents int        // the decimals of the model's money: calc.Model.MoneyDecimals
	seen  *scanned   // the model cents was found for: a memo, not what n writes
}

// scanned identifies a model by what an edit replaces: the state edits
// copy on write (its undo history shares the rest), so an edit to an
// entry gives its scenario new Entries. A dispatch that leaves the model
// alone (a scroll, a panel) then costs no scan: 3 ms in app.wasm at
// 1,000 × 50 (BenchmarkMoneyDecimals).
type scanned struct {
	currency string
	hourly   float64
	entries  [][]*calc.Entry // each scenario's, as it was
}

func scanKey(m calc.Model) *scanned {
	k := &scanned{currency: m.Currency, hourly: m.HourlyRate, entries: make([][]*calc.Entry, len(m.Scenarios))}
	for j, s := range m.Scenarios {
		k.entries[j] = s.Entries
	}
	return k
}

func (k *scanned) same(m calc.Model) bool {
	if k == nil || k.currency != m.Currency || k.hourly != m.HourlyRate || len(k.entries) != len(m.Scenarios) {
		return false
	}
	for j, es := range k.entries {
		if !sameSlice(es, m.Scenarios[j].Entries) {
			return false
		}
	}
	return true
}

// sameSlice reports whether a and b are one slice: the same array, length.
func sameSlice(a, b []*calc.Entry) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// NewNumbers returns a formatter for English and money without cents.
func NewNumbers() *Numbers { return (*Numbers)(nil).For(i18n.EN, calc.Model{}) }

// For returns the formatter for the interface's language l and the model
// m on screen: n itself when it writes both already. It scans m once
// (calc.Model.MoneyDecimals); the figures then cost no scan each.
func (n *Numbers) For(l i18n.Lang, m calc.Model) *Numbers {
	if n != nil && n.ui == l && n.seen.same(m) {
		return n
	}
	cents, seen := m.MoneyDecimals(), scanKey(m)
	if n != nil && n.ui == l && n.cents == cents {
		n.seen = seen // what n writes is the same
		return n
	}
	st := l.Style()
	st.Minus = "−"
	return &Numbers{ui: l, st: st, cents: cents, seen: seen}
}

// style is the style n writes in.
func (n *Numbers) style() calc.Style {
	if n == nil {
		return NewNumbers().st
	}
	return n.st
}

// Money formats an amount in m's currency with the decimals of the model
// n was made for (For): no cents anywhere when every amount typed is
// whole ("$0" and "$300" beside "$46,388"), else cents everywhere
// ("$412.50", "$46,388.27").
func (n *Numbers) Money(m calc.Model, v float64) string {
	cents := 0
	if n != nil {
		cents = n.cents
	}
	if cents > 0 { // the currency's own: none for yen, three for dinars
		cents = calc.MinorUnit(m.Currency)
	}
	return n.style().Money(v, m.Currency, cents)
}

// WholeMoney formats an amount in whole units of its currency ("$0").
func (n *Numbers) WholeMoney(v float64, currency string) string {
	return n.style().Money(v, currency, 0)
}

// ExactMoney formats an amount to the cent as a field holds it, at any
// size: "$24,067.92", whole ones without cents ("$24,068").
func (n *Numbers) ExactMoney(v float64, currency string) string {
	digits := calc.MinorUnit(currency)
	if calc.Round(v, digits) == calc.Round(v, 0) {
		digits = 0
	}
	return n.style().Money(v, currency, digits)
}

// Number formats a plain number with at most digits decimals, without
// trailing zeros ("2.5", "1,200").
func (n *Numbers) Number(v float64, digits int) string { return n.style().UpTo(v, digits) }

// Value shows a total in the model's unit: money in its currency, with
// the model's decimals (Money), or weighted points in score mode, whole
// from 1,000 and with at most two decimals below. One rule everywhere
// (cards, charts, tables, the report).
func (n *Numbers) Value(m calc.Model, v float64) string {
	if m.Mode == calc.ModeMoney {
		return n.Money(m, v)
	}
	if math.Abs(v) >= 1000 {
		return n.Number(v, 0)
	}
	return n.Number(v, 2)
}

// Signed shows a difference with its sign: "+$1,200", "−3.5".
func (n *Numbers) Signed(m calc.Model, v float64) string {
	switch {
	case v > 0:
		return "+" + n.Value(m, v)
	case v < 0:
		return "−" + n.Value(m, -v)
	}
	return "±" + n.Value(m, 0)
}

// Ratio shows a benefit/cost ratio, or a dash when there are no costs.
func (n *Numbers) Ratio(r *float64) string {
	if r == nil {
		return "—"
	}
	return n.Number(*r, 2) + "×"
}

// Percent shows a fraction as a percentage, or a dash for null.
func (n *Numbers) Percent(r *float64) string {
	if r == nil {
		return "—"
	}
	return n.Number(*r*100, 0) + " %"
}

// Payback shows payback months: immediate, a count, or never.
func (n *Numbers) Payback(m *float64) string {
	switch {
	case m == nil:
		return n.words().T(i18n.PaybackNever)
	case *m == 0:
		return n.words().T(i18n.PaybackNow)
	}
	return n.words().T(i18n.PaybackMonths, n.Number(*m, 1))
}

// words is the language of the words around the numbers.
func (n *Numbers) words() i18n.Lang {
	if n == nil || n.ui == "" {
		return i18n.EN
	}
	return n.ui
}

// DescribeSettings summarises the assumptions a model's results rest on.
func DescribeSettings(n *Numbers, m calc.Model) string {
	if m.Mode == calc.ModeMoney {
		return n.words().T(i18n.SettingsMoney, m.Currency, m.HorizonYears, n.Number(m.DiscountRate*100, 2), n.Money(m, m.HourlyRate))
	}
	return n.words().T(i18n.SettingsScores, m.Scale.Min, m.Scale.Max)
}
