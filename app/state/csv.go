package state

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"

	"github.com/valuecalc/valuecalc/calc"
)

// csvHeader is the first row of exportCSV's output. Item rows fill every
// column; totals rows fill only Scenario, Item (the total's label) and
// Contribution.
var csvHeader = []string{"Scenario", "Item", "Side", "Type", "Stage", "Weight", "Value", "Unit", "Per", "Contribution"}

// csvHeaderV3 is csvHeader's columns for a money model with drivers or
// timing (SPEC §2.1): after Contribution, an entry's drivers by name
// (its Value is per unit of each), its start and end month, ramp months,
// yearly growth (a fraction) and source, each empty where it is the
// default. A model without them keeps csvHeader's ten columns, so its
// file is the same as before version 3.
var csvHeaderV3 = append(csvHeader[:len(csvHeader):len(csvHeader)], "Per driver", "Start month", "End month", "Ramp months", "Growth a year", "Source")

// csvDriverSide is the Side of a driver's row, which comes before the
// item rows: Item is the driver's name, Value its value, Unit its unit,
// Source its source.
const csvDriverSide = "driver"

// ComparisonCSV returns the comparison of m, evaluated as res (res =
// calc.Evaluate(m)), as a CSV file that Excel, LibreOffice and Google
// Sheets open cleanly: UTF-8 with a byte order mark, comma separated, CRLF
// line endings.
//
// In a money model with drivers or timing the header is csvHeaderV3, and
// a row per driver (Side "driver") comes first.
//
// After the header come the item rows, one per scenario × item (scenarios
// in model order, items in model order within each), then for each
// scenario its totals rows: the per-type sums ("Benefits: functional", …,
// "Costs: financial", …), "Total benefits", "Total costs", "Net value",
// "Benefit/cost ratio" and, in money mode, "ROI" (a fraction) and "Payback
// months". An item without a value in a scenario gets a row with Value,
// Unit, Per and Contribution empty; so does a ratio, ROI or payback that
// is null.
//
// Numbers are written in full, unrounded, with a '.' decimal point and no
// grouping or exponent, so every spreadsheet reads them as numbers. Text
// that a spreadsheet would take for a formula is neutralised (see
// csvText).
func ComparisonCSV(m calc.Model, res calc.Result) []byte {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	cols := len(csvHeader)
	if m.Mode == calc.ModeMoney && m.UsesV3() {
		cols = len(csvHeaderV3)
		w.Write(csvHeaderV3)
		for _, d := range m.Drivers {
			row := make([]string, cols)
			row[1], row[2], row[6], row[7], row[15] = csvText(d.Name), csvDriverSide, csvNumber(d.Value), csvText(d.Unit), csvText(d.Source)
			w.Write(row)
		}
	} else {
		w.Write(csvHeader)
	}
	for j, sc := range m.Scenarios {
		r := csvScenario(res, j)
		for i, it := range m.Items {
			w.Write(csvItemRow(m, sc, it, r, i, cols))
		}
	}
	for j, sc := range m.Scenarios {
		if r := csvScenario(res, j); r != nil {
			for _, row := range csvTotalRows(sc.Name, r, m.Mode == calc.ModeMoney, cols) {
				w.Write(row)
			}
		}
	}
	w.Flush() // writes to a bytes.Buffer cannot fail
	return buf.Bytes()
}

// csvScenario returns the j-th scenario of res, or nil when res has none.
func csvScenario(res calc.Result, j int) *calc.ScenarioResult {
	if j < len(res.Scenarios) {
		return &res.Scenarios[j]
	}
	return nil
}

// csvItemRow returns the row of item it (the i-th of m) in scenario sc,
// whose result is r (nil if unknown), with cols columns.
func csvItemRow(m calc.Model, sc calc.Scenario, it calc.Item, r *calc.ScenarioResult, i, cols int) []string {
	row := make([]string, cols)
	row[0], row[1], row[2], row[3], row[4], row[5] = csvText(sc.Name), csvText(it.Name), csvText(string(it.Side)),
		csvText(string(it.Type)), csvText(string(it.Stage)), csvNumber(it.Weight)
	ep := sc.Entry(i)
	if ep == nil {
		return row
	}
	e := *ep
	if e.Weight != nil {
		row[5] = csvNumber(*e.Weight)
	}
	value, unit, per, ok := csvValue(m, e)
	if !ok {
		return row
	}
	row[6], row[7], row[8] = csvNumber(value), csvText(unit), csvText(string(per))
	if r != nil && i < len(r.Contributions) {
		row[9] = csvNumber(r.Contributions[i])
	}
	if cols > len(csvHeader) {
		csvTiming(m, e, row[len(csvHeader):])
	}
	return row
}

// csvTiming fills cells, the columns of csvHeaderV3 after Contribution,
// with e's drivers by name (joined by " × "), start, end, ramp, growth
// and source; a default is left empty.
func csvTiming(m calc.Model, e calc.Entry, cells []string) {
	names := make([]string, len(e.Times))
	for k, id := range e.Times {
		names[k] = id
		if d := m.DriverIndex(id); d >= 0 {
			names[k] = m.Drivers[d].Name
		}
	}
	cells[0] = csvText(strings.Join(names, " × "))
	for k, n := range [3]int{e.Start, e.End, e.Ramp} {
		if n != 0 {
			cells[1+k] = strconv.Itoa(n)
		}
	}
	if e.Growth != 0 {
		cells[4] = csvNumber(e.Growth)
	}
	cells[5] = csvText(e.Source)
}

// csvValue returns what e holds in m's mode: the score, unit "score" and no
// recurrence in score mode; the amount in m's currency or the hours, and
// their recurrence, in money mode. It reads e as calc.Evaluate does, and
// returns false when e holds no value for the mode.
func csvValue(m calc.Model, e calc.Entry) (value float64, unit string, per calc.Per, ok bool) {
	if m.Mode != calc.ModeMoney {
		if e.Score == nil {
			return 0, "", "", false
		}
		return *e.Score, "score", "", true
	}
	per = calc.PerOnce
	if e.Per == calc.PerMonth || e.Per == calc.PerYear {
		per = e.Per
	}
	switch {
	case e.Amount != nil:
		return *e.Amount, m.Currency, per, true
	case e.Hours != nil:
		return *e.Hours, "hours", per, true
	}
	return 0, "", "", false
}

// csvTotalRows returns the totals rows, of cols columns, of the scenario
// named name, whose result is r: per-type sums first, then the totals.
func csvTotalRows(name string, r *calc.ScenarioResult, money bool, cols int) [][]string {
	var rows [][]string
	add := func(label, value string) {
		row := make([]string, cols)
		row[0], row[1], row[9] = csvText(name), csvText(label), value
		rows = append(rows, row)
	}
	for _, ts := range r.BenefitsByType {
		add("Benefits: "+string(ts.Type), csvNumber(ts.Value))
	}
	for _, ts := range r.CostsByType {
		add("Costs: "+string(ts.Type), csvNumber(ts.Value))
	}
	add("Total benefits", csvNumber(r.Benefits))
	add("Total costs", csvNumber(r.Costs))
	add("Net value", csvNumber(r.Net))
	add("Benefit/cost ratio", csvOptional(r.Ratio))
	if money {
		add("ROI", csvOptional(r.ROI))
		add("Payback months", csvOptional(r.PaybackMonths))
	}
	return rows
}

// csvNumber formats v for a spreadsheet: every digit, '.' as the decimal
// point, no grouping, no exponent (1e12 is "1000000000000"), and negative
// zero as "0". A NaN or infinity, which no valid model produces, is
// written as an empty cell rather than text that looks like a formula
// ("+Inf").
func csvNumber(v float64) string {
	switch {
	case v == 0: // also -0
		return "0"
	case math.IsNaN(v) || math.IsInf(v, 0):
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// csvOptional formats *p as csvNumber does, or "" when p is nil.
func csvOptional(p *float64) string {
	if p == nil {
		return ""
	}
	return csvNumber(*p)
}

// csvLineBreaks turns CRLF and lone CR into LF: encoding/csv's Writer with
// UseCRLF writes LF inside a field as CRLF (read back as LF) but drops a
// lone CR.
var csvLineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// csvText prepares a text cell. Text starting with '=', '+', '-', '@', tab
// or carriage return is prefixed with a single quote, so that a spreadsheet
// shows it as text instead of running it as a formula (CSV injection, see
// OWASP). Line breaks are written as the spreadsheet's own, LF.
func csvText(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		s = "'" + s
	}
	return csvLineBreaks.Replace(s)
}

// CSVFileName returns a safe file name for downloading the CSV of the
// assessment titled title, e.g. "helpdesk-for-acme.csv".
func CSVFileName(title string) string { return fileSlug(title) + ".csv" }

// JSONFileName returns a safe file name for downloading the model file of
// the assessment titled title, e.g. "helpdesk-for-acme.json".
func JSONFileName(title string) string { return fileSlug(title) + ".json" }

// fileSlug turns title into a file name stem that is safe everywhere:
// lower-case ASCII letters and digits, every run of other characters (non-ASCII
// included) made a single '-', no '-' at either end, at most 60 characters;
// "assessment" when nothing is left.
func fileSlug(title string) string {
	const maxLen = 60
	b := make([]byte, 0, maxLen+2)
	gap := false
	for i := 0; i < len(title) && len(b) < maxLen; i++ {
		c := title[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			gap = true
			continue
		}
		if gap && len(b) > 0 {
			b = append(b, '-')
		}
		b, gap = append(b, c), false
	}
	s := strings.TrimRight(string(b[:min(len(b), maxLen)]), "-")
	if s == "" {
		return "assessment"
	}
	return s
}
