package app

import "github.com/valuecalc/valuecalc/calc"

// typeInfo is how the UI names and explains a value type (SPEC §1).
type typeInfo struct {
	Label   string
	Explain string
	Color   string // chart colour, AA contrast against white text
}

// typeInfos holds the benefit types and the cost types apart: "emotional"
// exists on both sides with different meanings.
var typeInfos = map[calc.Side]map[calc.Type]typeInfo{
	calc.SideBenefit: {
		calc.TypeFunctional: {"Functional", "How well it performs: quality, reliability, outcomes.", "#1d4ed8"},
		calc.TypeEmotional:  {"Emotional", "Reassurance, confidence, peace of mind, less anxiety.", "#7c3aed"},
		calc.TypeSocial:     {"Social", "Credibility or reputation gained by association.", "#0e7490"},
		calc.TypeMonetary:   {"Monetary", "Savings, efficiency gains, return over time.", "#15803d"},
	},
	calc.SideCost: {
		calc.TypeFinancial: {"Financial", "Money paid: price, subscription, fees (tangible).", "#b91c1c"},
		calc.TypeTime:      {"Time", "Time spent learning, setting up, fixing issues.", "#c2410c"},
		calc.TypeEffort:    {"Effort", "Work and friction: forms, steps, poor usability.", "#a16207"},
		calc.TypeEmotional: {"Emotional", "Stress, uncertainty, frustration.", "#be185d"},
		calc.TypeRisk:      {"Risk", "Chance of a wrong choice or failure: errors, lock-in.", "#57534e"},
	},
}

// info returns the UI's description of type t on side s.
func info(s calc.Side, t calc.Type) typeInfo {
	if ti, ok := typeInfos[s][t]; ok {
		return ti
	}
	return typeInfo{Label: string(t), Color: "#6b7280"}
}

// stageLabels names the journey stages.
var stageLabels = map[calc.Stage]string{
	calc.StageNone:       "Any stage",
	calc.StageEvaluation: "Evaluation",
	calc.StageOnboarding: "Onboarding",
	calc.StageUse:        "Use",
	calc.StageSupport:    "Support",
	calc.StageRenewal:    "Renewal",
}

// sideLabel names a side in the plural, as the groups of the editor.
func sideLabel(s calc.Side) string {
	if s == calc.SideCost {
		return "Costs"
	}
	return "Benefits"
}

// tangible reports whether a cost type is tangible (money paid).
func tangible(t calc.Type) bool { return t == calc.TypeFinancial }
