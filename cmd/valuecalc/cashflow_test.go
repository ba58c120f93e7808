//go:build !wasm

package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cashflowTables returns the cash-flow tables of eval's text output, one
// per money scenario: the lines from each caption to the scenario's end.
func cashflowTables(out string) []string {
	var tables []string
	for _, part := range strings.Split(out, "  Cash flow by year")[1:] {
		// A table ends where the next scenario's heading starts: a line
		// that is not indented.
		end := len(part)
		for i := 0; i < len(part)-1; i++ {
			if part[i] == '\n' && part[i+1] != ' ' && part[i+1] != '\n' {
				end = i + 1
				break
			}
		}
		tables = append(tables, "  Cash flow by year"+part[:end])
	}
	return tables
}

// TestEvalCashflow: eval prints each money scenario's cash flow by year
// (SPEC §3) after its table, years across, as the vectors give it.
func TestEvalCashflow(t *testing.T) {
	tests := []struct {
		name   string
		vector string
		want   []string // each scenario's table, in order
	}{
		{
			name:   "drivers, start, ramp and growth",
			vector: "drivers-and-timing",
			want: []string{`  Cash flow by year (undiscounted; costs as positive amounts):
               Initial    Year 1    Year 2    Year 3
  Benefits          $0  $108,000  $108,000  $108,000
  Costs             $0    $4,500    $4,950    $5,445
  Net               $0  $103,500  $103,050  $102,555
  Cumulative        $0  $103,500  $206,550  $309,105

`, `  Cash flow by year (undiscounted; costs as positive amounts):
               Initial    Year 1    Year 2    Year 3
  Benefits          $0  $171,480  $217,920  $217,920
  Costs        $15,000   $63,750   $12,600   $13,230
  Net         -$15,000  $107,730  $205,320  $204,690
  Cumulative  -$15,000   $92,730  $298,050  $502,740
`},
		},
		{
			name:   "payback shapes",
			vector: "payback-phased",
			want: []string{`  Cash flow by year (undiscounted; costs as positive amounts):
              Initial   Year 1   Year 2
  Benefits         $0  $12,000  $12,000
  Costs            $0   $8,000       $0
  Net              $0   $4,000  $12,000
  Cumulative       $0   $4,000  $16,000

`, `  Cash flow by year (undiscounted; costs as positive amounts):
              Initial   Year 1   Year 2
  Benefits         $0   $7,200   $1,200
  Costs        $5,000       $0       $0
  Net         -$5,000   $7,200   $1,200
  Cumulative  -$5,000   $2,200   $3,400

`, `  Cash flow by year (undiscounted; costs as positive amounts):
              Initial   Year 1   Year 2
  Benefits         $0  $11,400  $14,400
  Costs        $2,900       $0       $0
  Net         -$2,900  $11,400  $14,400
  Cumulative  -$2,900   $8,500  $22,900

`, `  Cash flow by year (undiscounted; costs as positive amounts):
              Initial   Year 1   Year 2
  Benefits         $0       $0   $1,800
  Costs        $9,000       $0       $0
  Net         -$9,000       $0   $1,800
  Cumulative  -$9,000  -$9,000  -$7,200

`, `  Cash flow by year (undiscounted; costs as positive amounts):
              Initial   Year 1   Year 2
  Benefits         $0       $0   $1,200
  Costs        $1,000       $0       $0
  Net         -$1,000       $0   $1,200
  Cumulative  -$1,000  -$1,000     $200

`, `  Cash flow by year (undiscounted; costs as positive amounts):
              Initial   Year 1   Year 2
  Benefits         $0   $5,400       $0
  Costs        $1,000     $600       $0
  Net         -$1,000   $4,800       $0
  Cumulative  -$1,000   $3,800   $3,800
`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file, _, _ := vectorModel(t, "../../calc/testdata/vectors/"+tt.vector+".json")
			code, out, errOut := evalRun(t, "", file)
			require.Equal(t, 0, code, errOut)
			assert.Equal(t, tt.want, cashflowTables(out), out)
		})
	}
}

// TestEvalCashflowScore: a score model has no cash flow and prints none.
func TestEvalCashflowScore(t *testing.T) {
	for _, file := range []string{"../../examples/customer-value.json", "../../examples/segments.json"} {
		code, out, errOut := evalRun(t, "", file)
		require.Equal(t, 0, code, errOut)
		assert.NotContains(t, out, "Cash flow", file)
		assert.NotContains(t, out, "Year ", file)
	}
	// The examples in money do print one, so the test above can fail.
	_, out, _ := evalRun(t, "", "../../examples/software-purchase.json")
	assert.Len(t, cashflowTables(out), 2)
}

// TestEvalCashflowLong: a long horizon wraps into blocks of years that
// keep to 80 columns, share the years out evenly and label every block,
// each year once and in order.
func TestEvalCashflowLong(t *testing.T) {
	for _, years := range []int{1, 3, 7, 10, 20, 30} {
		t.Run(fmt.Sprint(years), func(t *testing.T) {
			// Large, negative and euro figures make the columns wide.
			model := fmt.Sprintf(`{"format": "valuecalc/3", "mode": "money", "currency": "EUR",
				"horizonYears": %d, "discountRate": 0.05,
				"items": [{"id": "a", "name": "Gain", "side": "benefit", "type": "monetary"},
				          {"id": "b", "name": "Fee", "side": "cost", "type": "financial"}],
				"scenarios": [{"id": "s", "name": "S", "entries": {
					"a": {"amount": 1000000, "per": "year", "ramp": 24, "growth": 0.03},
					"b": {"amount": 15000000}}}]}`, years)
			code, out, errOut := evalRun(t, model, "-")
			require.Equal(t, 0, code, errOut)
			tables := cashflowTables(out)
			require.Len(t, tables, 1, out)
			blocks := strings.Split(strings.TrimSuffix(tables[0], "\n"), "\n\n")
			var heads []string
			sizes := map[int]bool{}
			for _, b := range blocks {
				lines := strings.Split(b, "\n")
				if strings.HasPrefix(lines[0], "  Cash flow by year") {
					lines = lines[1:]
				}
				require.Len(t, lines, 5, b)
				for i, label := range []string{"", "Benefits", "Costs", "Net", "Cumulative"} {
					assert.True(t, strings.HasPrefix(lines[i], "  "+label+" "), "%q", lines[i])
					assert.LessOrEqual(t, utf8.RuneCountInString(lines[i]), 80, "%q", lines[i])
					assert.Equal(t, utf8.RuneCountInString(lines[0]), utf8.RuneCountInString(lines[i]), "%q", lines[i])
				}
				cols := strings.Split(strings.TrimSpace(strings.ReplaceAll(lines[0], "Year ", "Year_")), " ")
				n := 0
				for _, c := range cols {
					if c != "" {
						heads = append(heads, c)
						n++
					}
				}
				sizes[n] = true
			}
			want := []string{"Initial"}
			for y := 1; y <= years; y++ {
				want = append(want, fmt.Sprintf("Year_%d", y))
			}
			assert.Equal(t, want, heads)
			// Evenly: the blocks' sizes differ by one at most.
			lo, hi := len(heads), 0
			for n := range sizes {
				lo, hi = min(lo, n), max(hi, n)
			}
			assert.LessOrEqual(t, hi-lo, 1, sizes)
			if years <= 3 {
				assert.Len(t, blocks, 1, "3 years fit on one line")
			}
		})
	}
}
