package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/valuecalc/valuecalc/calc"
)

// pane is a part of the editor as a component that go-app renders again
// only when its Sig, a hash of all the pane shows, changes (or when an
// event inside it asks). The editor renders on every edit, for the
// results; without panes it also rebuilt, and go-app compared element by
// element, the top bar, the settings, every result card and the waterfall,
// which an edit in one cell mostly leaves as they were.
//
// Each Kind's signature (topbarSig, settingsSig, cardSig, waterfallSig)
// must hash everything its render reads, or the pane would not update;
// their tests change each shown field in turn.
type pane struct {
	app.Compo
	E    *Editor
	Kind paneKind
	I    int // the scenario of a result card
	Sig  uint64
}

type paneKind int

const (
	paneTopbar paneKind = iota
	paneSettings
	paneCard
	paneWaterfall
)

func (p *pane) Render() app.UI {
	e := p.E
	m := e.hist.Present()
	switch p.Kind {
	case paneTopbar:
		return e.renderTopbar(m)
	case paneSettings:
		return e.renderSettings(m)
	case paneCard:
		if p.I < len(e.result.Scenarios) {
			return e.renderResultCard(m, e.result, p.I)
		}
	case paneWaterfall:
		return e.waterfallCard(m, e.result)
	}
	return app.Div() // a card whose scenario is gone: dropped in the same render
}

// topbarSig hashes what renderTopbar reads: the title, its draft, the save
// status and whether there is a step to undo or redo.
func (e *Editor) topbarSig(m calc.Model) uint64 {
	return uint64(*newSig().str(m.Title).draft(e.drafts, "title").
		str(e.saveStatus()).flag(e.shared).flag(e.hist.CanUndo()).flag(e.hist.CanRedo()))
}

// settingsKeys are the fields of the settings.
var settingsKeys = []string{"currency", "horizon", "discount", "hourly", "scale.min", "scale.max"}

// settingsSig hashes what renderSettings reads: the mode, scale and money
// settings, and the drafts typed into them.
func (e *Editor) settingsSig(m calc.Model) uint64 {
	h := newSig().str(string(m.Mode)).int(m.Scale.Min).int(m.Scale.Max).str(m.Currency).
		int(m.HorizonYears).num(m.DiscountRate).num(m.HourlyRate)
	for _, k := range settingsKeys {
		h.draft(e.drafts, k)
	}
	return uint64(*h)
}
