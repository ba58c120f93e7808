package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
)

func TestSharingActions(t *testing.T) {
	share := func(t *testing.T, tb *tab) { tb.do(OpenPanel{PanelShare}) }
	runConcern(t, bySharing, []concernCase{
		{"copy the link", share, CopyLink{},
			func(t *testing.T, before, _ State, effects []Effect) {
				require.NotEmpty(t, before.Share.Link)
				assert.Equal(t, []Effect{CopyText{before.Share.Link}}, effects)
			}},
		{"no link, nothing to copy", nil, CopyLink{},
			func(t *testing.T, _, _ State, effects []Effect) { assert.Empty(t, effects) }},
		{"copied", share, Copied{OK: true},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.Equal(t, i18n.EN.T(i18n.LinkCopied), s.Share.Status)
			}},
		{"copy refused: the link is selected to copy by hand", share, Copied{OK: false},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, i18n.EN.T(i18n.CopyRefused), s.Share.Status)
				assert.Equal(t, []Effect{SelectText{"share-link"}}, effects)
			}},
		{"a link's problem dismissed", func(t *testing.T, tb *tab) { tb.store.State.Link = Problem{Text: "broken"} }, DismissLinkError{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Equal(t, Problem{}, s.Link)
				assert.Equal(t, []Effect{CleanURL{Hash: true}}, effects)
			}},
		{"open in full", nil, OpenFull{},
			func(t *testing.T, _, _ State, effects []Effect) {
				o := effectsOf[OpenTab](effects)
				require.Len(t, o, 1)
				assert.Contains(t, o[0].URL, "https://valuecalc.example/#m=")
			}},
		{"resized outside an embed", nil, Resized{Height: 600},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.Zero(t, s.Embed.Height)
				assert.Empty(t, effects)
			}},
		{"a host's message outside an embed", nil, HostMessage{Origin: "https://evil.example", FromParent: true, Data: `{"type":"valuecalc:load"}`},
			func(t *testing.T, before, s State, effects []Effect) {
				assert.Equal(t, before.Model(), s.Model())
				assert.Empty(t, effects)
			}},
		{"a pasted link opens its model, read-only", nil, HashChanged{Hash: shareHash(t, exampleModel(t, "segments"))},
			func(t *testing.T, _, s State, _ []Effect) {
				assert.True(t, s.Shared)
				assert.Equal(t, exampleModel(t, "segments"), s.Model())
			}},
		{"a shared model saved as a copy", func(t *testing.T, tb *tab) {
			tb.do(HashChanged{Hash: shareHash(t, exampleModel(t, "segments"))})
		}, SaveSharedCopy{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.False(t, s.Shared)
				assert.Len(t, effectsOf[SaveDoc](effects), 1)
				assert.Contains(t, effects, Effect(CleanURL{Hash: true}))
			}},
		{"a shared model closed", func(t *testing.T, tb *tab) {
			tb.do(HashChanged{Hash: shareHash(t, exampleModel(t, "segments"))})
		}, CloseShared{},
			func(t *testing.T, _, s State, effects []Effect) {
				assert.False(t, s.Shared)
				assert.Contains(t, effects, Effect(CleanURL{Hash: true}))
			}},
	})
}
