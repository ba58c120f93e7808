package i18n

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// verbs are a text's fmt verbs, sorted: "%s", "%d", "%[2]s", "%%".
func verbs(s string) []string {
	v := regexp.MustCompile(`%(\[\d+\])?[-+#0]*\d*(\.\d+)?[a-zA-Z%]`).FindAllString(s, -1)
	slices.Sort(v)
	return v
}

// TestEveryKeyInEveryLanguage fails when a key has no text in a language,
// or when a translation's placeholders or plural forms differ from the
// English text's: a missing %s drops a name, an extra one prints
// "%!s(MISSING)".
func TestEveryKeyInEveryLanguage(t *testing.T) {
	for k := noKey + 1; k < numKeys; k++ {
		want := en[k]
		require.NotEmpty(t, want, "key %d has no English text", k)
		wantForms := strings.Split(want, "|")
		for _, l := range All[1:] {
			got := l.texts()[k]
			if !assert.NotEmpty(t, got, "%s: no text for %q", l, want) {
				continue
			}
			forms := strings.Split(got, "|")
			if !assert.Len(t, forms, len(wantForms), "%s: %q has other plural forms than %q", l, got, want) {
				continue
			}
			for i := range forms {
				assert.Equal(t, verbs(wantForms[i]), verbs(forms[i]), "%s: placeholders of %q differ from %q", l, forms[i], wantForms[i])
			}
		}
	}
}

func TestNoTranslationIsEnglishByMistake(t *testing.T) {
	// Texts that are the same words in another language, by right.
	same := map[string]bool{"Link": true, "ROI": true, "Median": true, "Export": true, "Import": true,
		"Support": true, "Tangible": true, "Intangible": true, "Effort": true, "Type": true, "Contribution": true,
		"Questions": true, "points": true, "note": true, "Social": true,
		"Horizon": true, "%s h × %s/h": true, "Name": true, "Source": true, "Initial": true, "Total": true}
	for k := noKey + 1; k < numKeys; k++ {
		if len(verbs(en[k])) > 0 && len(strings.Fields(regexp.MustCompile(`%\S*`).ReplaceAllString(en[k], ""))) < 2 {
			continue // a format with hardly a word of its own, such as "%s: %s"
		}
		for _, l := range All[1:] {
			if l.texts()[k] == en[k] && !same[en[k]] && !strings.HasPrefix(en[k], " ") && len(en[k]) > 3 {
				t.Errorf("%s: %q is not translated", l, en[k])
			}
		}
	}
}

func TestT(t *testing.T) {
	assert.Equal(t, "Teilen", DE.T(Share))
	assert.Equal(t, "Share", Lang("xx").T(Share), "an unknown language speaks English")
	assert.Equal(t, "Ergebnisse für With us", DE.T(ResultsFor, "With us"))
	assert.Equal(t, "", EN.T(numKeys))
}

func TestN(t *testing.T) {
	assert.Equal(t, "1 item has no value here", EN.N(UnscoredNote, 1))
	assert.Equal(t, "0 items have no value here", EN.N(UnscoredNote, 0))
	assert.Equal(t, "3 Posten haben hier keinen Wert", DE.N(UnscoredNote, 3))
	assert.Equal(t, "0 élément n'a pas de valeur ici", FR.N(UnscoredNote, 0), "French counts 0 as one")
	assert.Equal(t, "2 elementos no tienen valor aquí", ES.N(UnscoredNote, 2))
	assert.Equal(t, "€ 5 pro Monat, 3 Jahre lang", DE.N(MonthlyForYears, 3, "€ 5"), "n first, the other arguments after it")
}

func TestErr(t *testing.T) {
	err := Errorf(ErrScore, 1, 5)
	assert.Equal(t, "enter a score from 1 to 5", err.Error(), "English outside the screen")
	assert.Equal(t, "geben Sie eine Punktzahl von 1 bis 5 ein", DE.Err(err))
	assert.Equal(t, "saisissez une note de 1 à 5", FR.Err(fmt.Errorf("field: %w", err)), "wrapped")
	assert.Equal(t, "plain", DE.Err(errors.New("plain")))
	assert.Equal(t, "", DE.Err(nil))
}

func TestDate(t *testing.T) {
	assert.Equal(t, "1 December 2026", EN.Date("2026-12-01"))
	assert.Equal(t, "1. März 2026", DE.Date("2026-03-01"))
	assert.Equal(t, "14 juillet 2026", FR.Date("2026-07-14"))
	assert.Equal(t, "2 de enero de 2027", ES.Date("2027-01-02"))
	assert.Equal(t, "2 Dec 2026", DE.Date("2 Dec 2026"), "not an ISO date: as it is")
	assert.Equal(t, "2 Dec", EN.ShortDate("2026-12-02"))
	assert.Equal(t, "2. Dez.", DE.ShortDate("2026-12-02"))
	assert.Equal(t, "2. Mai", DE.ShortDate("2026-05-02"))
	assert.Equal(t, "2 déc.", FR.ShortDate("2026-12-02"))
	assert.Equal(t, "2 dic.", ES.ShortDate("2026-12-02"))
	assert.Equal(t, "x", ES.ShortDate("x"))
}

func TestNumberArguments(t *testing.T) {
	assert.Equal(t, "enter a rate of at most 1,000,000", EN.T(ErrRateMax, Number(1e6)))
	assert.Equal(t, "geben Sie einen Satz von höchstens 1.000.000 ein", DE.T(ErrRateMax, Number(1e6)))
	err := Errorf(ErrRateMax, Number(2.5))
	assert.Equal(t, "enter a rate of at most 2.5", err.Error(), "in English for logs")
	assert.Equal(t, "introduzca una tarifa de como máximo 2,5", ES.Err(err), "in the user's language on screen")
}
