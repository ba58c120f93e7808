//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/valuecalc/valuecalc/calc"
)

// runEval implements `valuecalc eval [--json] FILE|-`: it decodes a model
// file (standard input for "-"), and prints its results as a table per
// scenario or, with --json, as the result object of SPEC §4. An invalid
// model gets exit status 1 and every problem on stderr, one per line,
// prefixed with the file name; bad usage gets exit status 2.
func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	m, asJSON, code := openModel("eval", "print the result object of SPEC §4 instead of a table", args, stdin, stderr)
	if code >= 0 {
		return code
	}
	// With ranges, the result carries each net's spread (SPEC §4).
	res := calc.EvaluateWithRanges(m)
	w := bufio.NewWriter(stdout)
	if asJSON {
		out, err := json.MarshalIndent(res, "", "  ")
		if err != nil { // Evaluate's results are always finite; this is a bug.
			fmt.Fprintf(stderr, "valuecalc eval: %v\n", err)
			return 1
		}
		w.Write(append(out, '\n'))
	} else {
		writeTable(w, m, res)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "valuecalc eval: %v\n", err)
		return 1
	}
	return 0
}

// openModel parses the flags of `valuecalc cmd [--json] FILE|-` and
// decodes the model file. It returns the model, whether --json was given
// and -1, or else the exit status to return: 0 for -help, 2 for bad usage,
// 1 for a file that cannot be read or holds an invalid model (every
// problem on stderr, one per line, prefixed with the file name).
func openModel(cmd, jsonUsage string, args []string, stdin io.Reader, stderr io.Writer) (calc.Model, bool, int) {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, jsonUsage)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: valuecalc %s [--json] FILE|-\n", cmd)
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return calc.Model{}, false, 0
		}
		return calc.Model{}, false, 2
	}
	if len(files) != 1 {
		fs.Usage()
		return calc.Model{}, false, 2
	}
	name := files[0]
	data, size, err := readModel(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "valuecalc %s: %s\n", cmd, printable(err.Error()))
		return calc.Model{}, false, 1
	}
	label := printable(name)
	if name == "-" {
		label = "<stdin>"
	}
	if err := calc.CheckSize(size); err != nil {
		// Only the start of the file was read: say how large it is.
		fmt.Fprintf(stderr, "%s: (root): %v\n", label, err)
		return calc.Model{}, false, 1
	}
	m, err := calc.Decode(data)
	if err != nil {
		for _, line := range problemLines(err) {
			fmt.Fprintf(stderr, "%s: %s\n", label, printable(line))
		}
		return calc.Model{}, false, 1
	}
	return m, *asJSON, -1
}

// parseInterspersed parses flags wherever they come among the arguments,
// as in `valuecalc eval model.json --json` (the flag package stops at the
// first argument that is not a flag), and returns the other arguments in
// order. Everything after "--" is an argument, and so is "-".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if used := args[:len(args)-len(left)]; len(used) > 0 && used[len(used)-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// printable returns s with every character that would drive a terminal
// or turn text around (calc.ControlChar) written as a Go escape, "\x1b"
// for ESC: a model written before calc refused them, or a file's name,
// is shown, never obeyed.
func printable(s string) string {
	if !strings.ContainsFunc(s, calc.ControlChar) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if calc.ControlChar(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// printableModel returns m with its title, names and drivers' units made printable, for
// the readable reports. Decode refuses control characters; this keeps a
// model that did not come through it from writing them to a terminal.
func printableModel(m calc.Model) calc.Model {
	m.Title = printable(m.Title)
	m.Items = slices.Clone(m.Items)
	for i := range m.Items {
		m.Items[i].Name = printable(m.Items[i].Name)
	}
	m.Scenarios = slices.Clone(m.Scenarios)
	for i := range m.Scenarios {
		m.Scenarios[i].Name = printable(m.Scenarios[i].Name)
	}
	m.Drivers = slices.Clone(m.Drivers)
	for i := range m.Drivers {
		m.Drivers[i].Name = printable(m.Drivers[i].Name)
		m.Drivers[i].Unit = printable(m.Drivers[i].Unit)
	}
	return m
}

// runAnalyze implements `valuecalc analyze [--json] FILE|-`: the analysis
// of SPEC §8 of a model file, as a readable report or, with --json, as its
// JSON object. Exit statuses are those of eval.
func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	m, asJSON, code := openModel("analyze", "print the analysis object of SPEC §8 instead of a report", args, stdin, stderr)
	if code >= 0 {
		return code
	}
	a, err := calc.Analyze(m)
	if err != nil { // Decode validated m; this is a bug.
		fmt.Fprintf(stderr, "valuecalc analyze: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	if asJSON {
		out, err := json.MarshalIndent(a, "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "valuecalc analyze: %v\n", err)
			return 1
		}
		w.Write(append(out, '\n'))
	} else {
		writeAnalysis(w, m, calc.Evaluate(m), a)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "valuecalc analyze: %v\n", err)
		return 1
	}
	return 0
}

// tornadoBars is how many entries of each scenario the report's tornado
// shows, the widest swings first; barWidth is its width in characters.
const (
	tornadoBars = 10
	barWidth    = 40
)

// writeAnalysis writes the readable report of `valuecalc analyze`: the
// verdict in a sentence, a tornado of text bars per scenario, break-evens
// and ties in each entry's unit, weight ties and the ranges.
func writeAnalysis(w io.Writer, m calc.Model, res calc.Result, a calc.Analysis) {
	m = printableModel(m)
	f := newFigures(m)
	names := map[string]string{}
	for _, s := range m.Scenarios {
		names[s.ID] = s.Name
	}
	items := map[string]string{}
	for _, it := range m.Items {
		items[it.ID] = it.Name
	}
	drivers := map[string]calc.Driver{}
	for _, d := range m.Drivers {
		drivers[d.ID] = d
	}
	fmt.Fprintf(w, "%s\n%s\n\n%s\n", m.Title, settingsLine(m), verdictSentence(m, res, a, f, names))

	swing := "each figure 20 % lower and higher"
	if !f.money {
		swing = "each score 1 lower and higher"
	}
	fmt.Fprintf(w, "\nWhat moves the net most (%s):\n", swing)
	for j, s := range m.Scenarios {
		var bars []bar
		for _, e := range a.Entries {
			if e.Scenario == s.ID {
				bars = append(bars, bar{clipName(items[e.Item]), e.SwingLow, e.SwingHigh})
			}
		}
		// A driver moves every entry priced per it (SPEC §8): its bar
		// stands among the entries', named as a driver. One no entry of
		// the scenario uses moves nothing and has no bar.
		for _, d := range a.Drivers {
			if d.Scenario == s.ID && d.Slope != 0 {
				bars = append(bars, bar{clipName(drivers[d.Driver].Name) + " (driver)", d.SwingLow, d.SwingHigh})
			}
		}
		fmt.Fprintf(w, "\n  %s (net %s)\n", s.Name, f.value(res.Scenarios[j].Net))
		if len(bars) == 0 {
			fmt.Fprintln(w, "    no entries")
			continue
		}
		slices.SortStableFunc(bars, func(x, y bar) int {
			return -cmpFloat(x.high-x.low, y.high-y.low)
		})
		bars = bars[:min(len(bars), tornadoBars)]
		writeTornado(w, bars, res.Scenarios[j].Net, f)
	}

	fmt.Fprintln(w, "\nBreak-evens and ties (the value of each figure at which the net is 0, or equals the rival's):")
	for _, s := range m.Scenarios {
		rival := a.Best
		if s.ID == a.Best && a.RunnerUp != nil {
			rival = *a.RunnerUp
		}
		fmt.Fprintf(w, "\n  %s\n", s.Name)
		any := false
		for _, e := range a.Entries {
			if e.Scenario != s.ID {
				continue
			}
			any = true
			line := fmt.Sprintf("    %s: %s now", items[e.Item], f.unit(e.Unit, e.Value))
			if e.BreakEven != nil {
				line += "; breaks even at " + f.unit(e.Unit, *e.BreakEven)
			}
			if e.Tie != nil {
				line += "; ties with " + names[rival] + " at " + f.unit(e.Unit, *e.Tie)
				if e.Flips {
					line += " (within its swing: this figure can change the winner)"
				}
			}
			if e.BreakEven == nil && e.Tie == nil {
				line += "; no break-even or tie within its bounds"
			}
			fmt.Fprintln(w, line)
		}
		if !any {
			fmt.Fprintln(w, "    no entries")
		}
	}

	if len(a.Drivers) > 0 {
		writeDrivers(w, m, a, drivers, names)
	}

	if a.RunnerUp != nil {
		fmt.Fprintf(w, "\nWeight ties (the item weight at which %s draws level with %s):\n", names[*a.RunnerUp], names[a.Best])
		for _, wt := range a.Weights {
			tie := "never, within 0–1000"
			if wt.WeightTie != nil {
				tie = "at " + en.UpTo(*wt.WeightTie, 2)
			}
			fmt.Fprintf(w, "  %s: weight %s now; level %s\n", items[wt.Item], en.UpTo(wt.Weight, 2), tie)
		}
	}

	if a.Ranges != nil {
		of := "the entries' ranges"
		if slices.ContainsFunc(m.Drivers, func(d calc.Driver) bool { return d.Ranged() }) {
			of = "the ranges of entries and drivers"
		}
		fmt.Fprintf(w, "\nRanges (%s samples of %s; net at the 10th, 50th and 90th percentiles):\n",
			en.Number(float64(a.Ranges.Samples), 0), of)
		var t table
		for _, r := range a.Ranges.Scenarios {
			t.row(names[r.ID], fmt.Sprintf("p10 %s   p50 %s   p90 %s   chance best %s   chance net > 0 %s",
				f.value(r.P10), f.value(r.P50), f.value(r.P90), pct(r.PBest), pct(r.PPositive)))
		}
		t.write(w)
	}
}

// verdictSentence says who wins and how firmly, in a sentence.
func verdictSentence(m calc.Model, res calc.Result, a calc.Analysis, f figures, names map[string]string) string {
	best := names[a.Best]
	switch a.Verdict {
	case calc.VerdictSingle:
		return fmt.Sprintf("One scenario, %s: net %s.", best, f.value(res.Scenarios[0].Net))
	case calc.VerdictTie:
		return fmt.Sprintf("%s and %s tie: the same net, %s.", best, names[*a.RunnerUp], f.value(netOf(res, a.Best)))
	}
	swing := "no single figure off by 20 %"
	if !f.money {
		swing = "no single score off by 1"
	}
	s := fmt.Sprintf("%s wins by %s over %s", best, f.value(*a.Lead), names[*a.RunnerUp])
	if a.Verdict == calc.VerdictClear {
		return s + "; " + swing + " changes that."
	}
	n := 0
	for _, e := range a.Entries {
		if e.Flips {
			n++
		}
	}
	// A driver is one figure however many scenarios' rows flip with it.
	flipped := map[string]bool{}
	for _, d := range a.Drivers {
		if d.Flips && !flipped[d.Driver] {
			flipped[d.Driver] = true
			n++
		}
	}
	what := "figure"
	if n != 1 {
		what = "figures"
	}
	return s + fmt.Sprintf(", but the winner is fragile: %d %s within their swing would change it.", n, what)
}

func netOf(res calc.Result, id string) float64 {
	for _, s := range res.Scenarios {
		if s.ID == id {
			return s.Net
		}
	}
	return 0
}

// bar is one bar of the tornado: the figure's name as its label shows it
// (clipName) and the net at each end of its swing, the smaller first.
type bar struct {
	name      string
	low, high float64
}

// writeDrivers lists, per scenario, each driver's value now, where the
// scenario breaks even and where it ties with its rival, and which way
// of the tie the scenario falls behind or overtakes (SPEC §8's driver
// rows): "If Acme has fewer than 14 agents, the status quo wins."
func writeDrivers(w io.Writer, m calc.Model, a calc.Analysis, drivers map[string]calc.Driver, names map[string]string) {
	fmt.Fprintln(w, "\nDrivers (shared by every scenario, so the rival moves too: the value of each at which the net is 0, or ties):")
	slope := map[[2]string]float64{}
	for _, d := range a.Drivers {
		slope[[2]string{d.Scenario, d.Driver}] = d.Slope
	}
	for _, s := range m.Scenarios {
		rival := a.Best
		if s.ID == a.Best && a.RunnerUp != nil {
			rival = *a.RunnerUp
		}
		fmt.Fprintf(w, "\n  %s\n", s.Name)
		for _, d := range a.Drivers {
			if d.Scenario != s.ID {
				continue
			}
			dr := drivers[d.Driver]
			v := func(x float64) string {
				if dr.Unit == "" {
					return en.UpTo(x, 2)
				}
				return en.UpTo(x, 2) + " " + dr.Unit
			}
			line := fmt.Sprintf("    %s: %s now", dr.Name, v(d.Value))
			if d.Slope == 0 {
				line += "; no entry of this scenario uses it"
			}
			if d.BreakEven != nil {
				line += "; breaks even at " + v(*d.BreakEven)
			}
			if d.Tie != nil {
				// Past the tie the gap to the rival has changed sign:
				// the best falls behind its rival, another overtakes.
				gap := d.Slope - slope[[2]string{rival, d.Driver}]
				side := "above"
				if (gap > 0) == (s.ID == a.Best) {
					side = "below"
				}
				verb := "overtakes it"
				if s.ID == a.Best {
					verb = "falls behind it"
				}
				line += fmt.Sprintf("; ties with %s at %s and %s %s that", names[rival], v(*d.Tie), verb, side)
				if d.Flips {
					line += " (within its swing: this driver can change the winner)"
				}
			}
			if d.Slope != 0 && d.BreakEven == nil && d.Tie == nil {
				line += "; no break-even or tie within its bounds"
			}
			fmt.Fprintln(w, line)
		}
	}
}

// writeTornado draws each figure's swing as a bar on one axis from the
// smallest net to the largest, with the net now marked "|".
func writeTornado(w io.Writer, bars []bar, net float64, f figures) {
	lo, hi := net, net
	labelWidth := 0
	for _, e := range bars {
		lo, hi = min(lo, e.low), max(hi, e.high)
		labelWidth = max(labelWidth, utf8.RuneCountInString(e.name))
	}
	col := func(v float64) int {
		if hi == lo {
			return 0
		}
		return min(barWidth-1, int(math.Round((v-lo)/(hi-lo)*float64(barWidth-1))))
	}
	for _, e := range bars {
		line := []rune(strings.Repeat(" ", barWidth))
		for c := col(e.low); c <= col(e.high); c++ {
			line[c] = '#'
		}
		line[col(net)] = '|'
		name := e.name
		fmt.Fprintf(w, "    %s%s  %s  %s … %s\n", name, strings.Repeat(" ", labelWidth-utf8.RuneCountInString(name)),
			string(line), f.value(e.low), f.value(e.high))
	}
}

// clipName cuts a long item name for a label.
func clipName(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:29]) + "…"
	}
	return s
}

// unit writes an entry's value in its unit: money as value writes it,
// hours with "h", a score as a number.
func (f figures) unit(u calc.Unit, v float64) string {
	switch u {
	case calc.UnitAmount:
		return en.Money(v, f.currency, f.cents)
	case calc.UnitHours:
		return en.UpTo(v, 2) + " h"
	}
	return en.UpTo(v, 2)
}

func pct(p float64) string { return en.UpTo(100*p, 1) + " %" }

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// readModel reads a model file, or standard input for "-", and returns
// it with its size in bytes. It holds at most one byte past calc's size
// limit in memory: of a larger file it returns the start, and its size
// from the file system, or for a stream by counting the rest.
func readModel(name string, stdin io.Reader) ([]byte, int64, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, 0, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, calc.MaxInputSize+1))
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", name, err)
	}
	size := int64(len(data))
	if size <= calc.MaxInputSize {
		return data, size, nil
	}
	if f, ok := r.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return data, max(size, fi.Size()), nil
		}
	}
	rest, err := io.Copy(io.Discard, r)
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", name, err)
	}
	return data, size + rest, nil
}

// problemLines lists each problem of a Decode error on its own line.
func problemLines(err error) []string {
	var probs calc.Problems
	if errors.As(err, &probs) {
		lines := make([]string, len(probs))
		for i, p := range probs {
			lines[i] = p.Error()
		}
		return lines
	}
	return []string{err.Error()}
}

// writeTable writes a heading for the model and then, for each scenario,
// a two-column table: labels on the left, figures right-aligned.
func writeTable(w io.Writer, m calc.Model, res calc.Result) {
	m = printableModel(m)
	res.Scenarios = slices.Clone(res.Scenarios)
	for i := range res.Scenarios {
		res.Scenarios[i].Name = printable(res.Scenarios[i].Name)
	}
	fmt.Fprintf(w, "%s\n%s\n", m.Title, settingsLine(m))
	money := m.Mode == calc.ModeMoney
	f := newFigures(m)
	var base calc.ScenarioResult
	for i, s := range res.Scenarios {
		if i == 0 {
			base = s
		}
		heading := s.Name
		switch {
		case i == 0 && len(res.Scenarios) > 1:
			heading += " (baseline)"
		}
		if s.ID == res.Best && len(res.Scenarios) > 1 {
			heading += "  * best"
		}
		var t table
		t.row("Benefits", f.value(s.Benefits))
		for _, ts := range s.BenefitsByType {
			t.row("  "+string(ts.Type), f.value(ts.Value))
		}
		t.row("Costs", f.value(s.Costs))
		for _, ts := range s.CostsByType {
			t.row("  "+string(ts.Type), f.value(ts.Value))
		}
		t.row("Net value", f.value(s.Net))
		t.row("Benefit/cost ratio", ratio(s.Ratio))
		if money {
			t.row("ROI", percent(s.ROI))
			t.row("Payback", paybackText(s.PaybackMonths, s.Costs))
		}
		if i > 0 {
			t.row("Net vs "+res.Scenarios[0].Name, f.signed(s.Net-base.Net))
		}
		if s.Unscored > 0 {
			t.row("Unscored items", fmt.Sprint(s.Unscored))
		}
		fmt.Fprintf(w, "\n%s\n", heading)
		t.write(w)
		if len(s.Cashflow) > 0 {
			fmt.Fprintln(w)
			writeCashflow(w, s.Cashflow, f, lineWidth)
		}
	}
}

// lineWidth is the width the readable reports keep to, a terminal's 80
// columns.
const lineWidth = 80

// writeCashflow writes a money scenario's cash flow by year (SPEC §3,
// undiscounted, as in Forrester's TEI tables) under a caption: years across, "Initial"
// (year 0) then "Year 1" to "Year N", and rows benefits, costs, net and
// cumulative net. Every column has the width of the widest figure, and
// as many years as fit in width share a line; a longer horizon wraps
// into blocks of years, each with its own header and row labels, so the
// table reads the same way for 3 years as for 30 and never needs a wider
// terminal.
func writeCashflow(w io.Writer, cf []calc.CashflowYear, f figures, width int) {
	fmt.Fprintln(w, "  Cash flow by year (undiscounted; costs as positive amounts):")
	labels := [...]string{"", "Benefits", "Costs", "Net", "Cumulative"}
	cells := make([][len(labels)]string, len(cf))
	cw := 0
	for i, y := range cf {
		head := "Initial"
		if y.Year > 0 {
			head = "Year " + strconv.Itoa(y.Year)
		}
		cells[i] = [len(labels)]string{head, f.value(y.Benefits), f.value(y.Costs), f.value(y.Net), f.value(y.Cumulative)}
		for _, c := range cells[i] {
			cw = max(cw, utf8.RuneCountInString(c))
		}
	}
	lw := 0
	for _, l := range labels {
		lw = max(lw, utf8.RuneCountInString(l))
	}
	// Each line is "  " + the label + "  " and a column per year.
	// The years are shared out evenly among the fewest blocks that fit:
	// 31 columns of which 6 fit make Initial–Year 5, Years 6–10, … 26–30,
	// not five blocks of six and a last one of Year 30 alone.
	per := max(1, (width-2-lw)/(2+cw))
	blocks := (len(cells) + per - 1) / per
	for i, from := 0, 0; i < blocks; i++ {
		if i > 0 {
			fmt.Fprintln(w)
		}
		n := len(cells) / blocks
		if i < len(cells)%blocks {
			n++
		}
		block := cells[from : from+n]
		from += n
		for r, l := range labels {
			var b strings.Builder
			b.WriteString("  " + l + strings.Repeat(" ", lw-utf8.RuneCountInString(l)))
			for _, c := range block {
				b.WriteString(strings.Repeat(" ", 2+cw-utf8.RuneCountInString(c[r])) + c[r])
			}
			fmt.Fprintln(w, b.String())
		}
	}
}

// settingsLine describes the model's mode and settings in one line.
func settingsLine(m calc.Model) string {
	if m.Mode == calc.ModeMoney {
		years := "years"
		if m.HorizonYears == 1 {
			years = "year"
		}
		return fmt.Sprintf("money in %s over %d %s, discounted at %s%% a year, time at %s an hour",
			m.Currency, m.HorizonYears, years,
			en.Number(m.DiscountRate*100, -1), newFigures(m).unit(calc.UnitAmount, m.HourlyRate))
	}
	return fmt.Sprintf("scores from %d to %d, weighted", m.Scale.Min, m.Scale.Max)
}

// en is how the command line writes numbers: as the app writes them in
// English (calc.StyleOf), "$46,388" and "1,234.5", with a hyphen-minus
// for plain text.
var en = calc.StyleOf("en")

// figures formats the values of one model: money in its currency with
// the model's decimals (no cents when every amount is whole, as in the
// app: calc.Model.MoneyDecimals), scores with up to two decimals.
type figures struct {
	money    bool
	currency string
	cents    int // the decimals of money
}

func newFigures(m calc.Model) figures {
	return figures{money: m.Mode == calc.ModeMoney, currency: m.Currency, cents: m.MoneyDecimals()}
}

func (f figures) value(v float64) string {
	if f.money {
		return en.Money(v, f.currency, f.cents)
	}
	return en.UpTo(v, 2)
}

// signed is value with an explicit sign for a positive difference.
func (f figures) signed(v float64) string {
	s := f.value(v)
	if v > 0 && s != f.value(0) {
		return "+" + s
	}
	return s
}

func ratio(r *float64) string {
	if r == nil {
		return "n/a (no costs)"
	}
	return en.Number(*r, 2)
}

func percent(r *float64) string {
	if r == nil {
		return "n/a (no costs)"
	}
	return en.Number(*r*100, 1) + "%"
}

// paybackText shows payback months; with no costs there is nothing to
// pay back (SPEC §3), which is not "never".
func paybackText(p *float64, costs float64) string {
	switch {
	case p == nil && costs == 0:
		return "n/a (no costs)"
	case p == nil:
		return "never"
	case *p == 0:
		return "immediately"
	}
	return en.Number(*p, 1) + " months"
}

// table is a two-column table: left-aligned labels, right-aligned values.
type table struct{ rows [][2]string }

func (t *table) row(label, value string) { t.rows = append(t.rows, [2]string{label, value}) }

func (t *table) write(w io.Writer) {
	lw, vw := 0, 0
	for _, r := range t.rows {
		lw = max(lw, utf8.RuneCountInString(r[0]))
		vw = max(vw, utf8.RuneCountInString(r[1]))
	}
	for _, r := range t.rows {
		pad := lw - utf8.RuneCountInString(r[0]) + 2 + vw - utf8.RuneCountInString(r[1])
		fmt.Fprintf(w, "  %s%s%s\n", r[0], strings.Repeat(" ", pad), r[1])
	}
}
