package state

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
	"github.com/valuecalc/valuecalc/internal/fixture"
)

func moneyModel(t *testing.T) calc.Model {
	m, err := ReduceModel(fixture.Small(), SetMode{calc.ModeMoney})
	require.NoError(t, err)
	m, err = ReduceModel(m, SetMoney{Scenario: "s1", Item: "c1", Value: calc.Float(3000), Per: calc.PerYear})
	require.NoError(t, err)
	m, err = ReduceModel(m, SetMoney{Scenario: "s1", Item: "b1", Value: calc.Float(20), Hours: true, Per: calc.PerMonth})
	require.NoError(t, err)
	return m
}

func TestFieldAction(t *testing.T) {
	money := moneyModel(t)
	pending := map[Cell]CellSetting{{"s2", "b2"}: {Unit: UnitHours, Per: calc.PerMonth}}
	tests := []struct {
		name  string
		model calc.Model
		key   Field
		text  string
		want  Edit
	}{
		{"title", fixture.Small(), SettingField(FieldTitle), "Acme deal", SetTitle{"Acme deal"}},
		{"currency", money, SettingField(FieldCurrency), " eur", SetCurrency{"EUR"}},
		{"horizon", money, SettingField(FieldHorizon), "5", SetHorizon{5}},
		{"discount percent", money, SettingField(FieldDiscount), "8", SetDiscountRate{0.08}},
		{"discount with sign", money, SettingField(FieldDiscount), "7.5 %", SetDiscountRate{0.075}},
		{"hourly with dollar", money, SettingField(FieldHourly), "$45", SetHourlyRate{45}},
		{"scale max", fixture.Small(), SettingField(FieldScaleMax), "10", SetScale{1, 10}},
		{"scale min", fixture.Small(), SettingField(FieldScaleMin), "0", SetScale{0, 5}},
		{"item name", fixture.Small(), ItemField(FieldItemName, "b1"), "Uptime", SetItemName{"b1", "Uptime"}},
		{"item weight", fixture.Small(), ItemField(FieldItemWeight, "b1"), "2.5", SetItemWeight{"b1", 2.5}},
		{"item note", fixture.Small(), ItemField(FieldItemNote, "b1"), "per seat", SetItemNote{"b1", "per seat"}},
		{"scenario name", fixture.Small(), ScenarioNameField("s2"), "Enterprise", RenameScenario{"s2", "Enterprise"}},
		{"note of lines and columns", fixture.Small(), ItemField(FieldItemNote, "b1"), "per seat\n\tmonthly", SetItemNote{"b1", "per seat\n\tmonthly"}},
		{"right-to-left name with its mark", fixture.Small(), ItemField(FieldItemName, "b1"), "\u05e9\u05dc\u05d5\u05dd\u200f", SetItemName{"b1", "\u05e9\u05dc\u05d5\u05dd\u200f"}},
		{"score", fixture.Small(), EntryField("s1", "b1"), "4", SetScore{"s1", "b1", calc.Float(4)}},
		{"clear score", fixture.Small(), EntryField("s1", "b1"), " ", SetScore{"s1", "b1", nil}},
		{"amount keeps its per", money, EntryField("s1", "c1"), "12,000", SetMoney{Scenario: "s1", Item: "c1", Value: calc.Float(12000), Per: calc.PerYear}},
		{"hours keep unit", money, EntryField("s1", "b1"), "30", SetMoney{Scenario: "s1", Item: "b1", Value: calc.Float(30), Hours: true, Per: calc.PerMonth}},
		{"new cell uses pending", money, EntryField("s2", "b2"), "5", SetMoney{Scenario: "s2", Item: "b2", Value: calc.Float(5), Hours: true, Per: calc.PerMonth}},
		{"new cell default", money, EntryField("s2", "c1"), "100", SetMoney{Scenario: "s2", Item: "c1", Value: calc.Float(100), Per: calc.PerOnce}},
		{"entry weight", fixture.Small(), EntryWeightField("s1", "b1"), "0.8", SetEntryWeight{"s1", "b1", calc.Float(0.8)}},
		{"clear entry weight", fixture.Small(), EntryWeightField("s1", "b1"), "", SetEntryWeight{"s1", "b1", nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fieldAction(i18n.EN, tt.model, tt.key, tt.text, pending)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFieldActionErrors(t *testing.T) {
	tests := []struct {
		name       string
		key        Field
		text, want string
	}{
		{"letters in score", EntryField("s1", "b1"), "four", "enter a number, such as 1200 or 4.5"},
		{"letters in weight", ItemField(FieldItemWeight, "b1"), "2x", "enter a number, such as 1200 or 4.5"},
		{"thousands out of place", ItemField(FieldItemWeight, "b1"), "1,2,3", "write the thousands in groups of three digits, such as 12,500"},
		{"empty title", SettingField(FieldTitle), "  ", "enter a title"},
		{"bad currency", SettingField(FieldCurrency), "dollars", "enter a three-letter currency code, such as USD or EUR"},
		{"horizon too long", SettingField(FieldHorizon), "31", "enter whole years from 1 to 30"},
		{"horizon fraction", SettingField(FieldHorizon), "2.5", "enter whole years from 1 to 30"},
		{"discount 100", SettingField(FieldDiscount), "100", "enter a rate from 0 up to 100 %"},
		{"negative hourly", SettingField(FieldHourly), "-1", "enter a rate of 0 or more"},
		{"hourly too large", SettingField(FieldHourly), "2e12", "enter a rate of at most 1,000,000,000,000"},
		{"scale inverted", SettingField(FieldScaleMin), "5", "the lowest score must be below the highest"},
		{"scale over 100", SettingField(FieldScaleMax), "101", "enter a whole number from 0 to 100"},
		{"unknown", Field{Kind: 99}, "red", "unknown field"},
		{"screen clear pasted in a title", SettingField(FieldTitle), "Deal\x1b[2J", "remove the invisible control characters from this text"},
		{"title too long", SettingField(FieldTitle), strings.Repeat("x", 201), "use at most 200 characters"},
		{"window title in an item's name", ItemField(FieldItemName, "b1"), "\x1b]0;pwned\x07", "remove the invisible control characters from this text"},
		{"blank item name", ItemField(FieldItemName, "b1"), "   ", "enter a name"},
		{"override in a scenario's name", ScenarioNameField("s2"), "invoice\u202etxt.exe", "remove the invisible control characters from this text"},
		{"NUL in a note", ItemField(FieldItemNote, "b1"), "a\x00b", "remove the invisible control characters from this text"},
		{"isolate in a note", ItemField(FieldItemNote, "b1"), "\u2066x\u2069", "remove the invisible control characters from this text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := fieldAction(i18n.EN, fixture.Small(), tt.key, tt.text, nil)
			require.EqualError(t, err, tt.want)
		})
	}
}

// TestControlCharsInTheUsersLanguage: the message next to a field into
// which a control character was pasted, in each language.
func TestControlCharsInTheUsersLanguage(t *testing.T) {
	want := map[i18n.Lang]string{
		i18n.EN: "Remove the invisible control characters from this text.",
		i18n.DE: "Entfernen Sie die unsichtbaren Steuerzeichen aus diesem Text.",
		i18n.FR: "Supprimez les caractères de contrôle invisibles de ce texte.",
		i18n.ES: "Elimine los caracteres de control invisibles de este texto.",
	}
	for _, l := range i18n.All {
		_, err := fieldAction(l, fixture.Small(), SettingField(FieldTitle), "\x1b]0;pwned\x07", nil)
		require.Error(t, err)
		assert.Equal(t, want[l], sentence(l, err))
	}
}

func TestFieldTextRoundTrips(t *testing.T) {
	m := moneyModel(t)
	m, err := ReduceModel(m, SetDiscountRate{0.075})
	require.NoError(t, err)
	m, err = ReduceModel(m, SetItemWeight{"b1", 1.234})
	require.NoError(t, err)
	for _, l := range i18n.All {
		for _, key := range []Field{SettingField(FieldTitle), SettingField(FieldCurrency), SettingField(FieldHorizon),
			SettingField(FieldDiscount), SettingField(FieldHourly), SettingField(FieldScaleMin), SettingField(FieldScaleMax),
			ItemField(FieldItemName, "b1"), ItemField(FieldItemWeight, "b1"), ItemField(FieldItemNote, "b1"),
			ScenarioNameField("s1"), EntryField("s1", "c1"), EntryField("s1", "b1")} {
			t.Run(string(l)+" "+key.ElementID(), func(t *testing.T) {
				a, err := fieldAction(l, m, key, FieldText(l, m, key), nil)
				require.NoError(t, err)
				got, err := ReduceModel(m, a)
				require.NoError(t, err)
				assert.Equal(t, m, got, "showing a value and reading it back changes nothing")
			})
		}
	}
	assert.Equal(t, "7.5", FieldText(i18n.EN, m, SettingField(FieldDiscount)))
	assert.Equal(t, "7,5", FieldText(i18n.DE, m, SettingField(FieldDiscount)), "a German field shows a decimal comma")
	assert.Equal(t, "1,234", FieldText(i18n.FR, m, ItemField(FieldItemWeight, "b1")))
	assert.Equal(t, "3.000", FieldText(i18n.DE, m, EntryField("s1", "c1")), "a figure, its thousands grouped the local way")
	assert.Equal(t, "3,000", FieldText(i18n.EN, m, EntryField("s1", "c1")))
	assert.Equal(t, "3\u202f000", FieldText(i18n.FR, m, EntryField("s1", "c1")))
	assert.Equal(t, "", FieldText(i18n.EN, m, EntryField("s2", "c1")))
}
