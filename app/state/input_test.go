package state

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
)

// TestReadNumber reads numbers as people type them in each language
// (SPEC §9): how reads says whether the text reads one way, two ways (alt
// being the other), or was typed the other language's way.
func TestReadNumber(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		in   string
		want float64
		how  int
		alt  float64
	}{
		// Any language.
		{i18n.EN, "1200", 1200, oneWay, 0},
		{i18n.DE, "1200", 1200, oneWay, 0},
		{i18n.EN, "  42 ", 42, oneWay, 0},
		{i18n.EN, "$99.99", 99.99, oneWay, 0},
		{i18n.EN, "1 200 €", 1200, oneWay, 0},
		{i18n.EN, "-$5", -5, oneWay, 0},
		{i18n.EN, "$-5", -5, oneWay, 0},
		{i18n.EN, "−3", -3, oneWay, 0},
		{i18n.EN, "-0", 0, oneWay, 0},
		{i18n.DE, "-0,0", 0, oneWay, 0},
		{i18n.EN, "1e3", 1000, oneWay, 0},
		{i18n.DE, "1,5e3", 1500, oneWay, 0},
		{i18n.EN, "1'000", 1000, oneWay, 0},
		{i18n.DE, "1'000,5", 1000.5, oneWay, 0},
		{i18n.EN, "1\u00a0000", 1000, oneWay, 0},
		{i18n.FR, "1\u202f234,5", 1234.5, oneWay, 0},
		{i18n.FR, "1 234 567,25 €", 1234567.25, oneWay, 0},
		{i18n.ES, "12 000", 12000, oneWay, 0},

		// English.
		{i18n.EN, "4.5", 4.5, oneWay, 0},
		{i18n.EN, ".5", 0.5, oneWay, 0},
		{i18n.EN, "0.500", 0.5, oneWay, 0},
		{i18n.EN, "1234.567", 1234.567, oneWay, 0},
		{i18n.EN, "51,850.00", 51850, oneWay, 0},
		{i18n.EN, "1,234,567.5", 1234567.5, oneWay, 0},
		{i18n.EN, "1,234.5", 1234.5, oneWay, 0},
		{i18n.EN, "12.000", 12, twoWays, 12000},
		{i18n.EN, "1.234", 1.234, twoWays, 1234},
		{i18n.EN, "-12.000", -12, twoWays, -12000},
		{i18n.EN, "12,000", 12000, twoWays, 12},
		{i18n.EN, "1,5", 1.5, otherWay, 0},
		{i18n.EN, "0,500", 0.5, otherWay, 0},
		{i18n.EN, "1,00", 1, otherWay, 0},
		{i18n.EN, "1.234,5", 1234.5, otherWay, 0},
		{i18n.EN, "1.234.567", 1234567, otherWay, 0},
		{i18n.EN, "1 234,5", 1234.5, otherWay, 0},

		// German.
		{i18n.DE, "1.234,5", 1234.5, oneWay, 0},
		{i18n.DE, "1,5", 1.5, oneWay, 0},
		{i18n.DE, ",5", 0.5, oneWay, 0},
		{i18n.DE, "0,500", 0.5, oneWay, 0},
		{i18n.DE, "1.234.567,89 €", 1234567.89, oneWay, 0},
		{i18n.DE, "1.234.567", 1234567, oneWay, 0},
		{i18n.DE, "12.000", 12000, twoWays, 12},
		{i18n.DE, "1,234", 1.234, twoWays, 1234},
		{i18n.DE, "12,000", 12, twoWays, 12000},
		{i18n.DE, "1.5", 1.5, otherWay, 0},
		{i18n.DE, "99.99 €", 99.99, otherWay, 0},
		{i18n.DE, "1,234.5", 1234.5, otherWay, 0},
		{i18n.DE, "1,234,567", 1234567, otherWay, 0},

		// Spanish: as German.
		{i18n.ES, "1.234,5", 1234.5, oneWay, 0},
		{i18n.ES, "1234,5", 1234.5, oneWay, 0},
		{i18n.ES, "12.000", 12000, twoWays, 12},
		{i18n.ES, "2,500", 2.5, twoWays, 2500},
		{i18n.ES, "2.5", 2.5, otherWay, 0},

		// French: a comma for decimals, spaces between thousands; a point
		// between thousands too, as many write it.
		{i18n.FR, "1,5", 1.5, oneWay, 0},
		{i18n.FR, "1 234", 1234, oneWay, 0},
		{i18n.FR, "12.000", 12000, twoWays, 12},
		{i18n.FR, "1,234", 1.234, twoWays, 1234},
		{i18n.FR, "1.5", 1.5, otherWay, 0},
		{i18n.FR, "1.234.567", 1234567, oneWay, 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+" "+tt.in, func(t *testing.T) {
			got, err := readNumber(tt.lang, tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.v)
			if tt.want == 0 {
				assert.False(t, math.Signbit(got.v), "no negative zero")
			}
			assert.Equal(t, tt.how == twoWays, got.twoWays, "reads two ways")
			assert.Equal(t, tt.how == otherWay, got.otherWay, "read the other way")
			if tt.how == twoWays {
				assert.Equal(t, tt.alt, got.alt, "the other reading")
			}
		})
	}
}

func TestReadNumberErrors(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		in   string
		want error
		msg  string
	}{
		{i18n.EN, "", errNotNumber, "enter a number, such as 1200 or 4.5"},
		{i18n.DE, "", errNotNumber, "enter a number, such as 1200 or 4,5"},
		{i18n.EN, "   ", errNotNumber, ""},
		{i18n.EN, "12abc", errNotNumber, ""},
		{i18n.EN, "lots", errNotNumber, ""},
		{i18n.EN, "NaN", errNotNumber, ""},
		{i18n.EN, "Infinity", errNotNumber, ""},
		{i18n.DE, "-inf", errNotNumber, ""},
		{i18n.EN, "0x10", errNotNumber, ""},
		{i18n.EN, "1e309", errTooLarge, ""},
		{i18n.DE, "1e309", errTooLarge, ""},
		{i18n.EN, "--5", errNotNumber, ""},
		{i18n.EN, "$", errNotNumber, ""},
		{i18n.EN, ".", errNotNumber, ""},
		{i18n.DE, ",", errNotNumber, ""},
		{i18n.EN, "1_000", errNotNumber, ""},
		{i18n.EN, "１２", errNotNumber, ""},
		{i18n.EN, "1e", errNotNumber, ""},
		{i18n.EN, "1e+-3", errNotNumber, ""},
		{i18n.EN, "1.5.2,3", errGrouping, ""},
		{i18n.EN, "1.5,2.3", errNotNumber, ""},
		{i18n.DE, "1,2,3.4", errGrouping, ""},
		{i18n.EN, "12,34,567", errGrouping, "write the thousands in groups of three digits, such as 12,500"},
		{i18n.DE, "12.34.567", errGrouping, "write the thousands in groups of three digits, such as 12.500"},
		{i18n.EN, "1.2.3", errGrouping, ""},
		{i18n.EN, "1,,000", errGrouping, ""},
		{i18n.EN, "1,000,", errGrouping, ""},
		{i18n.FR, "1  234", errNotNumber, ""},
		{i18n.EN, "3 4", errNotNumber, ""},
		{i18n.EN, "1234,567.5", errGrouping, ""},
		{i18n.DE, "1,2 3", errNotNumber, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+" "+tt.in, func(t *testing.T) {
			_, err := readNumber(tt.lang, tt.in)
			require.ErrorIs(t, err, tt.want)
			if tt.msg != "" {
				assert.EqualError(t, err, tt.msg)
			}
		})
	}
}

func TestReadHint(t *testing.T) {
	tests := []struct {
		lang  i18n.Lang
		field Field
		in    string
		want  string
	}{
		{i18n.EN, qualityCell, "12.000", "12.000 → 12, not 12000"},
		{i18n.EN, qualityCell, " 1,234 ", "1,234 → 1234, not 1.234"},
		{i18n.EN, qualityCell, "1,5", "1,5 → 1.5"},
		{i18n.EN, qualityCell, "1.5", ""},
		{i18n.EN, qualityCell, "12,500.5", ""},
		{i18n.EN, qualityCell, "four", ""},
		{i18n.DE, qualityCell, "12,000", "12,000 → 12, nicht 12000"},
		{i18n.DE, qualityCell, "12.000", "12.000 → 12000, nicht 12"},
		{i18n.DE, qualityCell, "1,234", "1,234 → 1,234, nicht 1234"},
		{i18n.DE, qualityCell, "1.5", "1.5 → 1,5"},
		{i18n.DE, qualityCell, "1.234,5", ""},
		{i18n.FR, qualityCell, "2.5", "2.5 → 2,5"},
		{i18n.ES, qualityCell, "2,500", "2,500 → 2,5, no 2500"},
		{i18n.DE, SettingField(FieldDiscount), "7.5 %", "7.5 → 7,5"},
		{i18n.EN, SettingField(FieldTitle), "1,234", ""},
		{i18n.EN, ItemField(FieldItemName, "fit"), "12.000", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+" "+tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, readHint(tt.lang, tt.field, tt.in))
		})
	}
}

// TestWriteReadsBack: a number written in a language (as FieldText and
// the hints write it) reads back as itself in that language, with
// thousands separators or without.
func TestWriteReadsBack(t *testing.T) {
	for _, l := range i18n.All {
		for _, v := range []float64{0, 1, -1, 0.5, 1.234, 12, 12.5, 999.999, 1000, 1234.5, -1234.5, 12000, 1234567.891, 1e12, 0.001, 1e-7} {
			for _, group := range []bool{false, true} {
				s := l.Write(v, group)
				got, err := parseNumber(l, s)
				require.NoError(t, err, "%s %q", l, s)
				assert.Equal(t, v, got, "%s %q", l, s)
			}
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1200", "$1,000.50", "-0", "1e309", "NaN", "1,5", "１２", "12.000", "1.234,5", "1 234,5 €", "1'000", "0,500"} {
		f.Add(s, 1.5, uint8(0))
	}
	f.Add("", 1234.5, uint8(1))
	f.Add("", -0.001, uint8(2))
	f.Add("", 1e21, uint8(3))
	f.Fuzz(func(t *testing.T, s string, v float64, lang uint8) {
		l := i18n.All[int(lang)%len(i18n.All)]
		r, err := readNumber(l, s)
		if err == nil && (math.IsNaN(r.v) || math.IsInf(r.v, 0) || math.Signbit(r.v) && r.v == 0) {
			t.Fatalf("readNumber(%s, %q) = %v: not a finite number", l, s, r.v)
		}
		if err == nil && r.twoWays && r.otherWay {
			t.Fatalf("readNumber(%s, %q): both two ways and the other way", l, s)
		}
		_ = readHint(l, qualityCell, s)

		// A number written in a language reads back as itself.
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		for _, group := range []bool{false, true} {
			w := l.Write(v, group)
			got, err := parseNumber(l, w)
			if err != nil || got != v && !(v == 0 && got == 0) {
				t.Fatalf("%s: %v written %q reads %v, %v", l, v, w, got, err)
			}
		}
	})
}

// TestReadMark: a number that reads two ways and was read as a decimal
// ("12.000" in English, "12,000" in German) keeps a mark with the value
// read after the user moves on, until typed again or confirmed; one read
// as thousands, or one way only, keeps none.
func TestReadMark(t *testing.T) {
	sub := EntryField("with-us", "subscription")
	for _, tt := range []struct {
		lang       i18n.Lang
		text       string
		mark, ok   string // "" for none
		shownAfter string
	}{
		{i18n.EN, "12.000", "12.000 read as 12", "Yes, 12 is right", "12"},
		{i18n.EN, " 1.500 ", "1.500 read as 1.5", "Yes, 1.5 is right", "1.5"},
		{i18n.DE, "12,000", "12,000 gelesen als 12", "Ja, 12 stimmt", "12"},
		{i18n.FR, "12,000", "12,000 lu comme 12", "Oui, 12 est juste", "12"},
		{i18n.ES, "12,000", "12,000 leído como 12", "Sí, 12 es correcto", "12"},
		{i18n.EN, "12,000", "", "", "12,000"},
		{i18n.DE, "12.000", "", "", "12.000"},
		{i18n.EN, "12.5", "", "", "12.5"},
		{i18n.EN, "0.500", "", "", "0.5"},
		{i18n.DE, "1.5", "", "", "1,5"},
	} {
		t.Run(string(tt.lang)+" "+tt.text, func(t *testing.T) {
			tb := newTab(t, MemStorage{}, Start{Query: "view=editor&template=software-purchase&lang=" + string(tt.lang)})
			tb.input(sub, tt.text)
			cell := func() *CellView {
				s := tb.state()
				m := s.Model()
				return s.Grid.Rows[m.ItemIndex(sub.Item)].Cells[m.ScenarioIndex(sub.Scenario)]
			}
			assert.Empty(t, cell().Value.Mark, "no mark while typing: the hint says it")
			tb.do(InputDone{Field: sub})
			assert.Equal(t, tt.shownAfter, cell().Value.Text, "the figure, written the local way")
			assert.Equal(t, tt.mark, cell().Value.Mark, "the mark stays after moving on")
			assert.Equal(t, tt.ok, cell().Value.MarkOK)
			if tt.mark == "" {
				assert.Empty(t, tb.state().Marks)
				return
			}
			tb.do(Input{Field: EntryField("with-us", "implementation"), Text: "15000"})
			tb.do(InputDone{Field: EntryField("with-us", "implementation")})
			assert.Equal(t, tt.mark, cell().Value.Mark, "typing elsewhere leaves it")

			tb.do(ConfirmRead{Field: sub})
			assert.Empty(t, cell().Value.Mark, "confirmed")
			assert.Empty(t, tb.state().Marks)

			tb.input(sub, tt.text)
			tb.do(InputDone{Field: sub})
			require.Equal(t, tt.mark, cell().Value.Mark, "typed again the same way: asked again")
			tb.input(sub, tt.text+"5")
			assert.Empty(t, cell().Value.Mark, "typing into it again takes it")
			assert.Empty(t, tb.state().Marks)
			tb.do(InputDone{Field: sub})
			assert.Empty(t, cell().Value.Mark, "an unambiguous number has none")
		})
	}
}

// TestReadMarkFollowsTheValue: the mark shows only while the field holds
// the number it read: undo takes it away; a switch of language rewrites
// it; a new model has none.
func TestReadMarkFollowsTheValue(t *testing.T) {
	sub := EntryField("with-us", "subscription")
	tb := newTab(t, MemStorage{}, Start{Query: "view=editor&template=software-purchase&lang=en"})
	tb.input(sub, "12.500")
	tb.do(InputDone{Field: sub})
	mark, _ := tb.state().MarkText(sub)
	assert.Equal(t, "12.500 read as 12.5", mark)

	tb.do(SetLang{Lang: i18n.DE})
	s := tb.state()
	m := s.Model()
	cell := s.Grid.Rows[m.ItemIndex(sub.Item)].Cells[m.ScenarioIndex(sub.Scenario)]
	assert.Equal(t, "12.500 gelesen als 12,5", cell.Value.Mark, "the grid follows the language")
	assert.Equal(t, "12,5", cell.Value.Text)

	tb.do(Undo{})
	mark, _ = tb.state().MarkText(sub)
	assert.Empty(t, mark, "the field no longer holds what was read")

	tb.do(Redo{})
	mark, _ = tb.state().MarkText(sub)
	assert.NotEmpty(t, mark, "back again, and still not confirmed")

	doc := tb.state().DocID
	tb.do(NewFromTemplate{ID: "software-purchase"})
	tb.settle()
	require.NotEqual(t, doc, tb.state().DocID, "another assessment")
	assert.Empty(t, tb.state().Marks, "a new model starts without marks")
}
