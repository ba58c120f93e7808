package app

import (
	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// typeInfo is how the UI names and explains a value type (SPEC §1).
type typeInfo struct {
	Label   string
	Explain string
	Color   string // chart colour, AA contrast against white text
}

// typeKey is a value type's name and explanation in the catalogue.
type typeKey struct {
	label, explain i18n.Key
	color          string
}

// typeKeys holds the benefit types and the cost types apart: "emotional"
// exists on both sides with different meanings.
var typeKeys = map[calc.Side]map[calc.Type]typeKey{
	calc.SideBenefit: {
		calc.TypeFunctional: {i18n.TypeFunctional, i18n.TypeFunctionalExplain, "#1d4ed8"},
		calc.TypeEmotional:  {i18n.TypeEmotionalBenefit, i18n.TypeEmotionalBenefitExplain, "#7c3aed"},
		calc.TypeSocial:     {i18n.TypeSocial, i18n.TypeSocialExplain, "#0e7490"},
		calc.TypeMonetary:   {i18n.TypeMonetary, i18n.TypeMonetaryExplain, "#15803d"},
	},
	calc.SideCost: {
		calc.TypeFinancial: {i18n.TypeFinancial, i18n.TypeFinancialExplain, "#b91c1c"},
		calc.TypeTime:      {i18n.TypeTime, i18n.TypeTimeExplain, "#c2410c"},
		calc.TypeEffort:    {i18n.TypeEffort, i18n.TypeEffortExplain, "#a16207"},
		calc.TypeEmotional: {i18n.TypeEmotionalCost, i18n.TypeEmotionalCostExplain, "#be185d"},
		calc.TypeRisk:      {i18n.TypeRisk, i18n.TypeRiskExplain, "#57534e"},
	},
}

// info returns the UI's description of type t on side s, in l.
func info(l i18n.Lang, s calc.Side, t calc.Type) typeInfo {
	if k, ok := typeKeys[s][t]; ok {
		return typeInfo{Label: l.T(k.label), Explain: l.T(k.explain), Color: k.color}
	}
	return typeInfo{Label: string(t), Color: "#6b7280"}
}

// stageKeys name the journey stages.
var stageKeys = map[calc.Stage]i18n.Key{
	calc.StageNone:       i18n.StageNone,
	calc.StageEvaluation: i18n.StageEvaluation,
	calc.StageOnboarding: i18n.StageOnboarding,
	calc.StageUse:        i18n.StageUse,
	calc.StageSupport:    i18n.StageSupport,
	calc.StageRenewal:    i18n.StageRenewal,
}

// stageLabel names a journey stage in l.
func stageLabel(l i18n.Lang, s calc.Stage) string {
	if k, ok := stageKeys[s]; ok {
		return l.T(k)
	}
	return string(s)
}

// sideLabel names a side in the plural, as the groups of the editor.
func sideLabel(l i18n.Lang, s calc.Side) string {
	if s == calc.SideCost {
		return l.T(i18n.Costs)
	}
	return l.T(i18n.Benefits)
}

// tangible reports whether a cost type is tangible (money paid).
func tangible(t calc.Type) bool { return t == calc.TypeFinancial }
