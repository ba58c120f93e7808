//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the result object of SPEC §4 instead of a table")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: valuecalc eval [--json] FILE|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	name := fs.Arg(0)
	data, err := readModel(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "valuecalc eval: %v\n", err)
		return 1
	}
	label := name
	if name == "-" {
		label = "<stdin>"
	}
	m, err := calc.Decode(data)
	if err != nil {
		for _, line := range problemLines(err) {
			fmt.Fprintf(stderr, "%s: %s\n", label, line)
		}
		return 1
	}
	// With ranges, the result carries each net's spread (SPEC §4).
	res := calc.EvaluateWithRanges(m)
	w := bufio.NewWriter(stdout)
	if *asJSON {
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

// readModel reads a model file, or standard input for "-". It reads at most
// one byte past calc's size limit, so that Decode reports an oversized file
// without the whole of it being held in memory.
func readModel(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, calc.MaxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return data, nil
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
	fmt.Fprintf(w, "%s\n%s\n", m.Title, settingsLine(m))
	money := m.Mode == calc.ModeMoney
	f := figures{money: money, currency: m.Currency}
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
			t.row("Payback", paybackText(s.PaybackMonths))
		}
		if i > 0 {
			t.row("Net vs "+res.Scenarios[0].Name, f.signed(s.Net-base.Net))
		}
		if s.Unscored > 0 {
			t.row("Unscored items", fmt.Sprint(s.Unscored))
		}
		fmt.Fprintf(w, "\n%s\n", heading)
		t.write(w)
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
			calc.FormatNumber(m.DiscountRate*100, -1), calc.FormatMoney(m.HourlyRate, m.Currency))
	}
	return fmt.Sprintf("scores from %d to %d, weighted", m.Scale.Min, m.Scale.Max)
}

// figures formats the values of one model: money in its currency, scores
// with up to two decimals.
type figures struct {
	money    bool
	currency string
}

func (f figures) value(v float64) string {
	if f.money {
		return calc.FormatMoney(v, f.currency)
	}
	return trimZeros(calc.FormatNumber(v, 2))
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
	return calc.FormatNumber(*r, 2)
}

func percent(r *float64) string {
	if r == nil {
		return "n/a (no costs)"
	}
	return calc.FormatNumber(*r*100, 1) + "%"
}

func paybackText(p *float64) string {
	switch {
	case p == nil:
		return "never"
	case *p == 0:
		return "immediately"
	}
	return calc.FormatNumber(*p, 1) + " months"
}

// trimZeros drops the zeros ending a number's decimals, and the point
// if none are left: "2.50" is "2.5", "3.00" is "3".
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
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
