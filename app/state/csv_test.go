package state

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/examples"
)

const utf8BOM = "\uFEFF"

// csvExample decodes the built-in example id.
func csvExample(t testing.TB, id string) calc.Model {
	t.Helper()
	tpl, ok := examples.Get(id)
	require.True(t, ok, id)
	m, err := calc.Decode(tpl.Data)
	require.NoError(t, err)
	return m
}

// csvExport exports m and parses the result back, checking the byte order
// mark and that every row has the header's fields: 10, or 16 for a money
// model with drivers or timing.
func csvExport(t testing.TB, m calc.Model) (calc.Result, [][]string) {
	t.Helper()
	require.NoError(t, calc.Validate(m))
	res := calc.Evaluate(m)
	return res, csvParse(t, ComparisonCSV(m, res))
}

// csvExportLegacy is csvExport for a model whose names hold line breaks
// or tabs, which calc refuses now, as a model made before that may hold:
// the export still keeps its rows whole.
func csvExportLegacy(t testing.TB, m calc.Model) (calc.Result, [][]string) {
	t.Helper()
	if err := calc.Validate(m); err != nil {
		var probs calc.Problems
		require.ErrorAs(t, err, &probs)
		for _, p := range probs {
			require.ErrorIs(t, p, calc.ErrControl)
		}
	}
	res := calc.Evaluate(m)
	return res, csvParse(t, ComparisonCSV(m, res))
}

func csvParse(t testing.TB, out []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(out, []byte(utf8BOM))
	require.True(t, ok, "output must start with a UTF-8 byte order mark")
	r := csv.NewReader(bytes.NewReader(body))
	rows, err := r.ReadAll() // every row as wide as the first
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	if len(rows[0]) != len(csvHeader) {
		require.Equal(t, csvHeaderV3, rows[0])
	}
	return rows
}

// csvRow returns the row whose first two cells are scenario and item.
func csvRow(t testing.TB, rows [][]string, scenario, item string) []string {
	t.Helper()
	for _, row := range rows {
		if row[0] == scenario && row[1] == item {
			return row
		}
	}
	require.Failf(t, "row not found", "%q / %q", scenario, item)
	return nil
}

// totalsRow returns the expected row of a total: only Contribution set.
func totalsRow(scenario, label, value string) []string {
	return []string{scenario, label, "", "", "", "", "", "", "", value}
}

// csvMoneyModel is a small money model: one scenario with only a benefit
// (no costs: ratio and ROI are null), one with only a one-off cost (no
// payback), one with extreme numbers.
func csvMoneyModel() calc.Model {
	m := calc.NewModel()
	m.Mode, m.Currency, m.HourlyRate = calc.ModeMoney, "EUR", 50
	m.Items = []calc.Item{
		{ID: "gain", Name: "Gain", Side: calc.SideBenefit, Type: calc.TypeMonetary, Weight: 1},
		{ID: "fee", Name: "Fee", Side: calc.SideCost, Type: calc.TypeFinancial, Stage: calc.StageEvaluation, Weight: 1},
	}
	m.Scenarios = []calc.Scenario{
		{ID: "a", Name: "Only benefit", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
			"gain": {Amount: calc.Float(100)},
		})},
		{ID: "b", Name: "Only cost", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
			"fee": {Hours: calc.Float(2), Per: calc.PerOnce},
		})},
		{ID: "c", Name: "Extremes", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{
			"gain": {Amount: calc.Float(1e12), Per: calc.PerOnce},
			"fee":  {Amount: calc.Float(1e12), Per: calc.PerOnce, Weight: calc.Float(5e-7)},
		})},
	}
	return m
}

func TestExportCSVHeaderBOMAndCRLF(t *testing.T) {
	for _, tc := range []struct{ id, header string }{
		{"customer-value", "Scenario,Item,Side,Type,Stage,Weight,Value,Unit,Per,Contribution\r\n"},
		{"software-purchase", "Scenario,Item,Side,Type,Stage,Weight,Value,Unit,Per,Contribution," +
			"Per driver,Start month,End month,Ramp months,Growth a year,Source\r\n"},
		{"segments", "Scenario,Item,Side,Type,Stage,Weight,Value,Unit,Per,Contribution\r\n"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			m := csvExample(t, tc.id)
			out := string(ComparisonCSV(m, calc.Evaluate(m)))
			require.True(t, strings.HasPrefix(out, utf8BOM+tc.header), "%.200q", out)
			assert.True(t, strings.HasSuffix(out, "\r\n"))
			assert.Equal(t, strings.Count(out, "\n"), strings.Count(out, "\r\n"), "every line ends in CRLF")
			assert.Equal(t, 1, strings.Count(out, utf8BOM), "one BOM, at the start")
		})
	}
}

func TestExportCSVScoreMode(t *testing.T) {
	m := csvExample(t, "customer-value")
	_, rows := csvExport(t, m)
	// Header, 2 scenarios × 10 items, 2 × (4 + 5 benefit and cost types + 4 totals).
	require.Len(t, rows, 1+2*10+2*13)
	assert.Equal(t, csvHeader, rows[0])

	tests := []struct {
		name string
		row  int
		want []string
	}{
		{"first item", 1, []string{"Status quo", "Product quality and reliability", "benefit", "functional", "use", "3", "2", "score", "", "6"}},
		{"cost item", 6, []string{"Status quo", "Price and fees", "cost", "financial", "evaluation", "3", "2", "score", "", "6"}},
		{"second scenario", 11, []string{"With us", "Product quality and reliability", "benefit", "functional", "use", "3", "5", "score", "", "15"}},
		{"last item", 20, []string{"With us", "Risk of lock-in or failure", "cost", "risk", "renewal", "2", "2", "score", "", "4"}},
		{"first type sum", 21, totalsRow("Status quo", "Benefits: functional", "12")},
		{"last benefit type", 24, totalsRow("Status quo", "Benefits: monetary", "6")},
		{"first cost type", 25, totalsRow("Status quo", "Costs: financial", "6")},
		{"last cost type", 29, totalsRow("Status quo", "Costs: risk", "6")},
		{"total benefits", 30, totalsRow("Status quo", "Total benefits", "24")},
		{"total costs", 31, totalsRow("Status quo", "Total costs", "22")},
		{"net", 32, totalsRow("Status quo", "Net value", "2")},
		{"ratio", 33, totalsRow("Status quo", "Benefit/cost ratio", "1.0909090909090908")},
		{"second scenario totals", 34, totalsRow("With us", "Benefits: functional", "23")},
		{"second net, last row", 45, totalsRow("With us", "Net value", "25")},
		{"second ratio", 46, totalsRow("With us", "Benefit/cost ratio", "2.1363636363636362")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, rows[tt.row])
		})
	}
	for _, row := range rows {
		assert.NotContains(t, []string{"ROI", "Payback months"}, row[1], "no money totals in score mode")
	}
}

func TestExportCSVWeightOverride(t *testing.T) {
	m := csvExample(t, "segments")
	_, rows := csvExport(t, m)
	assert.Equal(t, []string{"SMB", "Ease of use", "benefit", "functional", "use", "3", "9", "score", "", "27"}, csvRow(t, rows, "SMB", "Ease of use"))
	assert.Equal(t, []string{"Enterprise", "Ease of use", "benefit", "functional", "use", "2", "7", "score", "", "14"}, csvRow(t, rows, "Enterprise", "Ease of use"))
	assert.Equal(t, []string{"SMB", "Integrations and security features", "benefit", "functional", "evaluation", "0.5", "5", "score", "", "2.5"},
		csvRow(t, rows, "SMB", "Integrations and security features"))
}

// wide pads row with the six empty cells of csvHeaderV3's columns after
// Contribution.
func wide(row []string) []string {
	return append(row, make([]string, len(csvHeaderV3)-len(csvHeader))...)
}

func TestExportCSVMoneyMode(t *testing.T) {
	m := csvExample(t, "software-purchase")
	res, rows := csvExport(t, m)
	// Header, 2 drivers, 2 scenarios × 7 items, 2 × (4 + 5 types + 6 totals).
	require.Len(t, rows, 1+2+2*7+2*15)
	assert.Equal(t, csvHeaderV3, rows[0])
	with := res.Scenarios[1]
	contribution := func(i int) string { return strconv.FormatFloat(with.Contributions[i], 'f', -1, 64) }
	driver := func(name, value, unit, source string) []string {
		return []string{"", name, "driver", "", "", "", value, unit, "", "", "", "", "", "", "", source}
	}
	assert.Equal(t, driver("Support agents", "10", "agents", "Your team roster"), rows[1], "the drivers first")
	assert.Equal(t, driver("Tickets a month", "1200", "tickets", "Your helpdesk's monthly report"), rows[2])

	tests := []struct {
		name, scenario, item string
		want                 []string
	}{
		{"no entry", "Status quo", "Subscription", wide([]string{"Status quo", "Subscription", "cost", "financial", "renewal", "1", "", "", "", ""})},
		{"no entry keeps item weight", "Status quo", "Fewer outages", wide([]string{"Status quo", "Fewer outages", "benefit", "functional", "use", "0.8", "", "", "", ""})},
		{"hours per ticket a month", "With us", "Agent hours saved", []string{"With us", "Agent hours saved", "benefit", "monetary", "use", "1", "0.05", "hours", "month",
			contribution(0), "Tickets a month", "", "", "", "", ""}},
		{"amount per month, risk-adjusted", "With us", "Fewer outages", wide([]string{"With us", "Fewer outages", "benefit", "functional", "use", "0.8", "1500", "USD", "month",
			contribution(1)})},
		{"amount per agent a month, with its source", "With us", "Subscription", []string{"With us", "Subscription", "cost", "financial", "renewal", "1", "100", "USD", "month",
			contribution(2), "Support agents", "", "", "", "", "Our price list"}},
		{"once by default", "With us", "Implementation", wide([]string{"With us", "Implementation", "cost", "financial", "onboarding", "1", "8000", "USD", "once", "8000"})},
		{"amount per agent once", "With us", "Training", []string{"With us", "Training", "cost", "financial", "onboarding", "1", "300", "USD", "once", "3000",
			"Support agents", "", "", "", "", "Our price list"}},
		{"hours per agent once", "With us", "Time to learn", []string{"With us", "Time to learn", "cost", "time", "onboarding", "1", "8", "hours", "once", "4800",
			"Support agents", "", "", "", "", ""}},
		{"roi", "Status quo", "ROI", wide(totalsRow("Status quo", "ROI", "-1"))},
		{"ratio zero", "Status quo", "Benefit/cost ratio", wide(totalsRow("Status quo", "Benefit/cost ratio", "0"))},
		{"payback never: recurring costs only", "Status quo", "Payback months", wide(totalsRow("Status quo", "Payback months", ""))},
		{"payback", "With us", "Payback months", wide(totalsRow("With us", "Payback months", strconv.FormatFloat(*with.PaybackMonths, 'f', -1, 64)))},
		{"type sum", "With us", "Costs: time", wide(totalsRow("With us", "Costs: time", "4800"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, csvRow(t, rows, tt.scenario, tt.item))
		})
	}

	t.Run("totals order", func(t *testing.T) {
		var labels []string
		for _, row := range rows[1+2+2*7:] {
			if row[0] == "With us" {
				labels = append(labels, row[1])
			}
		}
		assert.Equal(t, []string{
			"Benefits: functional", "Benefits: emotional", "Benefits: social", "Benefits: monetary",
			"Costs: financial", "Costs: time", "Costs: effort", "Costs: emotional", "Costs: risk",
			"Total benefits", "Total costs", "Net value", "Benefit/cost ratio", "ROI", "Payback months",
		}, labels)
	})

	t.Run("negative net is a plain number", func(t *testing.T) {
		net := csvRow(t, rows, "Status quo", "Net value")[9]
		assert.True(t, strings.HasPrefix(net, "-46387.7"), net)
		v, err := strconv.ParseFloat(net, 64)
		require.NoError(t, err)
		assert.Equal(t, res.Scenarios[0].Net, v, "written in full, not rounded")
	})
}

// TestExportCSVTiming: an entry's drivers, start, end, ramp, growth and
// source each have a column, empty where they are the default; text
// there is neutralised like any other.
func TestExportCSVTiming(t *testing.T) {
	m := csvMoneyModel()
	m.Drivers = []calc.Driver{
		{ID: "agents", Name: "Agents", Unit: "agents", Value: 25, Source: "=HR export"},
		{ID: "sites", Name: "Sites", Value: 2},
	}
	m.Scenarios[0].Entries = calc.EntriesByID(m.Items, map[string]calc.Entry{
		"gain": {Amount: calc.Float(40), Per: calc.PerMonth, Times: []string{"agents", "sites"}, Start: 2, End: 14, Ramp: 3, Growth: -0.05, Source: "pilot, 2025"},
		"fee":  {Amount: calc.Float(100), Start: 13},
	})
	res, rows := csvExport(t, m)
	assert.Equal(t, []string{"", "Agents", "driver", "", "", "", "25", "agents", "", "", "", "", "", "", "", "'=HR export"}, rows[1])
	assert.Equal(t, []string{"", "Sites", "driver", "", "", "", "2", "", "", "", "", "", "", "", "", ""}, rows[2])
	assert.Equal(t, []string{"Only benefit", "Gain", "benefit", "monetary", "", "1", "40", "EUR", "month",
		strconv.FormatFloat(res.Scenarios[0].Contributions[0], 'f', -1, 64), "Agents × Sites", "2", "14", "3", "-0.05", "pilot, 2025"},
		csvRow(t, rows, "Only benefit", "Gain"))
	assert.Equal(t, []string{"Only benefit", "Fee", "cost", "financial", "evaluation", "1", "100", "EUR", "once",
		strconv.FormatFloat(res.Scenarios[0].Contributions[1], 'f', -1, 64), "", "13", "", "", "", ""},
		csvRow(t, rows, "Only benefit", "Fee"))

	// Drivers of a score model are kept and ignored: its export has no
	// driver rows and the ten columns.
	m = csvExample(t, "customer-value")
	m.Drivers = []calc.Driver{{ID: "agents", Name: "Agents", Value: 25}}
	_, rows = csvExport(t, m)
	assert.Equal(t, csvHeader, rows[0])
	assert.Len(t, rows, 1+2*10+2*13)
}

// TestExportCSVKeepsDriversAndTiming reads every money model of the test
// vectors back from its export, by the names a spreadsheet shows: the
// drivers (name, value, unit, source) and each entry's value, unit,
// recurrence, drivers, start, end, ramp, growth and source come back as
// they are in the model. Ranges, questions and notes are the valuecalc
// file's alone, and the import refuses a CSV file (TestImportProblems).
func TestExportCSVKeepsDriversAndTiming(t *testing.T) {
	files, err := filepath.Glob("../../calc/testdata/vectors/*.json")
	require.NoError(t, err)
	timed := 0
	for _, file := range files {
		var v struct {
			Model json.RawMessage `json:"model"`
		}
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &v))
		m, err := calc.Decode(v.Model)
		if err != nil || m.Mode != calc.ModeMoney {
			continue // a vector of a broken model, or a score one
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, rows := csvExport(t, m)
			if !m.UsesV3() {
				assert.Equal(t, csvHeader, rows[0], "a model of version 2 exports as before")
				return
			}
			timed++
			drivers, entries := csvReadBack(t, rows, len(m.Drivers), len(m.Items))
			var want []calc.Driver
			for _, d := range m.Drivers {
				want = append(want, calc.Driver{Name: d.Name, Unit: d.Unit, Value: d.Value, Source: d.Source})
			}
			assert.Equal(t, want, drivers)
			for j, sc := range m.Scenarios {
				for i := range m.Items {
					var e *calc.Entry
					if ep := sc.Entry(i); ep != nil {
						e = &calc.Entry{Amount: ep.Amount, Hours: ep.Hours, Per: ep.Per, Start: ep.Start, End: ep.End, Ramp: ep.Ramp, Growth: ep.Growth, Source: ep.Source}
						if e.Per == "" {
							e.Per = calc.PerOnce
						}
						for _, id := range ep.Times {
							e.Times = append(e.Times, m.Drivers[m.DriverIndex(id)].Name)
						}
					}
					assert.Equal(t, e, entries[j][i], "%s, %s", sc.Name, m.Items[i].Name)
				}
			}
		})
	}
	assert.GreaterOrEqual(t, timed, 3, "the vectors of drivers and timing")
}

// csvReadBack reads the first nd rows after the header as drivers and
// the item rows after them, ni per scenario, as entries, with each
// entry's drivers by name.
func csvReadBack(t *testing.T, rows [][]string, nd, ni int) ([]calc.Driver, [][]*calc.Entry) {
	t.Helper()
	number := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		return v
	}
	whole := func(s string) int {
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		require.NoError(t, err)
		return n
	}
	var drivers []calc.Driver
	for _, row := range rows[1 : 1+nd] {
		require.Equal(t, "driver", row[2])
		drivers = append(drivers, calc.Driver{Name: row[1], Unit: row[7], Value: number(row[6]), Source: row[15]})
	}
	var entries [][]*calc.Entry
	items := rows[1+nd:]
	for len(items) >= ni && items[0][2] != "" {
		sc := make([]*calc.Entry, ni)
		for i, row := range items[:ni] {
			if row[6] == "" {
				continue
			}
			e := &calc.Entry{Per: calc.Per(row[8]), Start: whole(row[11]), End: whole(row[12]), Ramp: whole(row[13]), Source: row[15]}
			if v := number(row[6]); row[7] == "hours" {
				e.Hours = &v
			} else {
				e.Amount = &v
			}
			if row[10] != "" {
				e.Times = strings.Split(row[10], " × ")
			}
			if row[14] != "" {
				e.Growth = number(row[14])
			}
			sc[i] = e
		}
		entries = append(entries, sc)
		items = items[ni:]
	}
	return drivers, entries
}

func TestExportCSVNullTotalsAndExtremes(t *testing.T) {
	_, rows := csvExport(t, csvMoneyModel())
	tests := []struct {
		scenario, item string
		want           []string
	}{
		{"Only benefit", "Benefit/cost ratio", totalsRow("Only benefit", "Benefit/cost ratio", "")},
		{"Only benefit", "ROI", totalsRow("Only benefit", "ROI", "")},
		{"Only benefit", "Payback months", totalsRow("Only benefit", "Payback months", "")},
		{"Only cost", "Payback months", totalsRow("Only cost", "Payback months", "")},
		{"Only cost", "ROI", totalsRow("Only cost", "ROI", "-1")},
		{"Only cost", "Fee", []string{"Only cost", "Fee", "cost", "financial", "evaluation", "1", "2", "hours", "once", "100"}},
		{"Only cost", "Gain", []string{"Only cost", "Gain", "benefit", "monetary", "", "1", "", "", "", ""}},
		{"Extremes", "Gain", []string{"Extremes", "Gain", "benefit", "monetary", "", "1", "1000000000000", "EUR", "once", "1000000000000"}},
		{"Extremes", "Fee", []string{"Extremes", "Fee", "cost", "financial", "evaluation", "0.0000005", "1000000000000", "EUR", "once", "500000"}},
		{"Extremes", "Net value", totalsRow("Extremes", "Net value", "999999500000")},
		{"Extremes", "Benefit/cost ratio", totalsRow("Extremes", "Benefit/cost ratio", "2000000")},
	}
	for _, tt := range tests {
		t.Run(tt.scenario+"/"+tt.item, func(t *testing.T) {
			assert.Equal(t, tt.want, csvRow(t, rows, tt.scenario, tt.item))
		})
	}
}

func TestCSVNumber(t *testing.T) {
	tenth := 0.1 // a variable: constant 0.1 + 0.2 would be exactly 0.3
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{1, "1"},
		{-46387.5, "-46387.5"},
		{1e12, "1000000000000"},
		{1e21, "1000000000000000000000"},
		{5e-7, "0.0000005"},
		{tenth + 0.2, "0.30000000000000004"},
		{1234567.25, "1234567.25"},
		{math.NaN(), ""},
		{math.Inf(1), ""},
		{math.Inf(-1), ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, csvNumber(tt.in))
		})
	}
}

func TestExportCSVNegativeZero(t *testing.T) {
	// Hand-made results reach numbers a valid model never gives.
	m := csvMoneyModel()
	res := calc.Evaluate(m)
	negZero := math.Copysign(0, -1)
	res.Scenarios[0].Net = negZero
	res.Scenarios[0].Contributions[0] = negZero
	rows := csvParse(t, ComparisonCSV(m, res))
	assert.Equal(t, "0", csvRow(t, rows, "Only benefit", "Net value")[9])
	assert.Equal(t, "0", csvRow(t, rows, "Only benefit", "Gain")[9])
}

func TestExportCSVMismatchedResult(t *testing.T) {
	// A result that does not match the model leaves cells empty rather than
	// panicking.
	m := csvMoneyModel()
	rows := csvParse(t, ComparisonCSV(m, calc.Result{}))
	require.Len(t, rows, 1+3*2)
	assert.Equal(t, []string{"Only benefit", "Gain", "benefit", "monetary", "", "1", "100", "EUR", "once", ""}, rows[1])
}

func TestExportCSVTextRoundTrips(t *testing.T) {
	names := []struct{ name, want string }{
		{"Acme, Inc.", "Acme, Inc."},
		{`The "best" option`, `The "best" option`},
		{"Line one\nline two", "Line one\nline two"},
		{"Windows\r\nbreak", "Windows\nbreak"},
		{"Lone\rreturn", "Lone\nreturn"},
		{"semi;colon", "semi;colon"},
		{" leading and trailing ", " leading and trailing "},
		{"Ünïcödé ✓ 日本語 €", "Ünïcödé ✓ 日本語 €"},
		{"'Already quoted", "'Already quoted"},
		{"Cost - tax", "Cost - tax"},
	}
	for _, tt := range names {
		t.Run(tt.name, func(t *testing.T) {
			m := calc.NewModel()
			m.Items = []calc.Item{{ID: "i", Name: tt.name, Side: calc.SideBenefit, Type: calc.TypeSocial, Weight: 1}}
			m.Scenarios = []calc.Scenario{{ID: "s", Name: tt.name, Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{"i": {Score: calc.Float(4)}})}}
			_, rows := csvExportLegacy(t, m)
			assert.Equal(t, []string{tt.want, tt.want, "benefit", "social", "", "1", "4", "score", "", "4"}, rows[1])
			assert.Equal(t, totalsRow(tt.want, "Net value", "4"), csvRow(t, rows, tt.want, "Net value"))
		})
	}
}

// TestCSVLineBreaks checks that every line break in a cell becomes LF.
func TestCSVLineBreaks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"no breaks", "no breaks"},
		{"a\nb", "a\nb"},
		{"a\r\nb", "a\nb"},
		{"a\rb", "a\nb"},
		{"\r", "\n"},
		{"\r\n", "\n"},
		{"a\r", "a\n"},
		{"\ra", "\na"},
		{"\r\r\n", "\n\n"},
		{"\n\r", "\n\n"},
		{"\r\n\r\n\r", "\n\n\n"},
		{"Ünï\r\ncödé\r€", "Ünï\ncödé\n€"},
	} {
		got := csvLineBreaks.Replace(tc.in)
		assert.Equal(t, tc.want, got, "%q", tc.in)
	}
}

func TestExportCSVNeutralisesFormulas(t *testing.T) {
	tests := []struct{ name, want string }{
		{"=1+1", "'=1+1"},
		{"+SUM(A1:A9)", "'+SUM(A1:A9)"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tTabbed", "'\tTabbed"},
		{"\rReturn", "'\nReturn"},
		{`=HYPERLINK("https://evil.example","Click")`, `'=HYPERLINK("https://evil.example","Click")`},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"-", "'-"},
		{"Fewer outages", "Fewer outages"},
		{"1+1", "1+1"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			m := csvMoneyModel()
			m.Items[0].Name = tt.name
			m.Scenarios[0].Name = tt.name
			_, rows := csvExportLegacy(t, m)
			assert.Equal(t, []string{tt.want, tt.want, "benefit", "monetary", "", "1", "100", "EUR", "once", "100"}, rows[1])
			assert.Equal(t, totalsRow(tt.want, "Net value", "100"), csvRow(t, rows, tt.want, "Net value"))
			// Our own negative numbers stay numbers.
			assert.Equal(t, totalsRow("Only cost", "Net value", "-100"), csvRow(t, rows, "Only cost", "Net value"))
		})
	}
}

func TestExportCSVMatchesEvaluate(t *testing.T) {
	for _, tpl := range examples.List() {
		t.Run(tpl.ID, func(t *testing.T) {
			m := csvExample(t, tpl.ID)
			res, rows := csvExport(t, m)
			drivers := 0
			if len(rows[0]) > len(csvHeader) {
				drivers = len(m.Drivers)
			}
			for j, sc := range m.Scenarios {
				for i, it := range m.Items {
					row := rows[1+drivers+j*len(m.Items)+i]
					require.Equal(t, []string{sc.Name, it.Name}, row[:2])
					if !res.Scenarios[j].Scored[i] {
						assert.Empty(t, row[9])
						continue
					}
					c, err := strconv.ParseFloat(row[9], 64)
					require.NoError(t, err)
					assert.Equal(t, res.Scenarios[j].Contributions[i], c)
				}
				net, err := strconv.ParseFloat(csvRow(t, rows, sc.Name, "Net value")[9], 64)
				require.NoError(t, err)
				assert.Equal(t, res.Scenarios[j].Net, net)
			}
		})
	}
}

func TestFileNames(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Helpdesk for Acme", "helpdesk-for-acme"},
		{"Helpdesk software: 3-year business case", "helpdesk-software-3-year-business-case"},
		{"Q3 2025 — Enterprise/SMB", "q3-2025-enterprise-smb"},
		{"--A--B--", "a-b"},
		{"../../etc/passwd", "etc-passwd"},
		{`C:\Users\me\file?.csv`, "c-users-me-file-csv"},
		{"Café Crème", "caf-cr-me"},
		{"Ｆｕｌｌ width", "width"},
		{"\xff\xfeX", "x"},
		{"", "assessment"},
		{"   ", "assessment"},
		{"日本語", "assessment"},
		{"=1+1", "1-1"},
		{strings.Repeat("a", 100), strings.Repeat("a", 60)},
		{strings.Repeat("ab ", 30), strings.Repeat("ab-", 19) + "ab"},
		{strings.Repeat("x", 59) + " yz", strings.Repeat("x", 59)},
	}
	valid := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want+".csv", CSVFileName(tt.title))
			assert.Equal(t, tt.want+".json", JSONFileName(tt.title))
			assert.LessOrEqual(t, len(tt.want), 60)
			assert.Regexp(t, valid, tt.want)
		})
	}
}

// csvNumberCell matches the numbers exportCSV writes.
var csvNumberCell = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func FuzzExportCSV(f *testing.F) {
	for _, name := range []string{"Fewer outages", "=1+1", "+1", "-1", "@a", "\tx", "\rx", "a,b", `"q"`, "a\r\nb", " =x", "'x", `\.`, "\u00a0x"} {
		f.Add(name, 1.5)
	}
	f.Add("x", 0.0)
	f.Add("x", math.Copysign(0, -1))
	f.Add("x", 1e12)
	f.Add("x", 5e-7)
	f.Add("x", -3.0)
	f.Add("x", math.NaN())

	// build returns a model using name for an item and a scenario, and v
	// for a weight and a value.
	build := func(mode calc.Mode, name string, v float64) calc.Model {
		m := calc.NewModel()
		m.Mode, m.Scale, m.HourlyRate = mode, calc.Scale{Min: 0, Max: 100}, 45
		m.Items = []calc.Item{
			{ID: "b", Name: name, Side: calc.SideBenefit, Type: calc.TypeFunctional, Weight: v},
			{ID: "c", Name: "Cost", Side: calc.SideCost, Type: calc.TypeRisk, Stage: calc.StageUse, Weight: 1},
			{ID: "u", Name: "Unscored", Side: calc.SideCost, Type: calc.TypeTime, Weight: 1},
		}
		var b, c calc.Entry
		if mode == calc.ModeMoney {
			// A driver named name, and b priced per it from month 2.
			m.Drivers = []calc.Driver{{ID: "d", Name: name, Unit: name, Value: 2, Source: name}}
			b = calc.Entry{Amount: calc.Float(v), Per: calc.PerMonth, Times: []string{"d"}, Start: 2, Ramp: 1, Growth: 0.05, Source: name}
			c = calc.Entry{Hours: calc.Float(v), Weight: calc.Float(2)}
		} else {
			b = calc.Entry{Score: calc.Float(v)}
			c = calc.Entry{Score: calc.Float(v), Weight: calc.Float(v)}
		}
		m.Scenarios = []calc.Scenario{
			{ID: "s1", Name: name, Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{"b": b, "c": c})},
			{ID: "s2", Name: "Other", Entries: calc.EntriesByID(m.Items, map[string]calc.Entry{"c": c})},
		}
		return m
	}

	f.Fuzz(func(t *testing.T, name string, v float64) {
		for _, mode := range []calc.Mode{calc.ModeScore, calc.ModeMoney} {
			// Use name and v only where they make a valid model.
			var m calc.Model
			for _, in := range []struct {
				name string
				v    float64
			}{{name, v}, {"Item", v}, {name, 1}, {"Item", 1}} {
				if m = build(mode, in.name, in.v); calc.Validate(m) == nil {
					break
				}
			}
			require.NoError(t, calc.Validate(m))
			res := calc.Evaluate(m)
			out := ComparisonCSV(m, res)
			rows := csvParse(t, out)
			totals, header, drivers := 13, csvHeader, 0
			if mode == calc.ModeMoney {
				totals, header, drivers = 15, csvHeaderV3, 1
			}
			require.Len(t, rows, 1+drivers+2*3+2*totals)
			require.Equal(t, header, rows[0])

			for _, row := range rows[1:] {
				for col, cell := range row {
					switch col {
					case 5, 6, 9, 11, 12, 13, 14: // Weight, Value, Contribution, Start, End, Ramp, Growth
						if cell != "" {
							require.Regexp(t, csvNumberCell, cell)
							require.NotEqual(t, "-0", cell)
						}
					default:
						if cell != "" {
							require.NotContains(t, "=+-@\t\r", cell[:1], "unneutralised text cell %q", cell)
						}
					}
				}
			}

			// The name comes back as written, neutralised if need be.
			got := m.Items[0].Name
			want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(got)
			if strings.ContainsAny(got[:1], "=+-@\t\r") {
				want = "'" + want
			}
			assert.Equal(t, want, rows[1+drivers][1])
			assert.Equal(t, want, rows[1+drivers][0])
			if drivers > 0 {
				// and as the driver's name, unit and source, and the driver
				// of b's row, and its source.
				driver := m.Drivers[0].Name
				want = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(driver)
				if strings.ContainsAny(driver[:1], "=+-@\t\r") {
					want = "'" + want
				}
				assert.Equal(t, []string{want, want, want}, []string{rows[1][1], rows[1][7], rows[1][15]})
				assert.Equal(t, []string{want, want}, []string{rows[2][10], rows[2][15]})
			}

			// Numbers come back exactly.
			for i := range m.Items {
				if cell := rows[1+drivers+i][9]; cell != "" {
					c, err := strconv.ParseFloat(cell, 64)
					require.NoError(t, err)
					assert.Equal(t, res.Scenarios[0].Contributions[i], c)
				}
			}
		}
	})
}
