package state

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/valuecalc/valuecalc/app/i18n"
)

// savedLibrary is a storage holding one saved assessment, "Secret deal".
func savedLibrary(t *testing.T) MemStorage {
	t.Helper()
	storage := MemStorage{}
	tb := newTab(t, storage, Start{Query: "template=segments"})
	tb.input(Field{Kind: FieldTitle}, "Secret deal")
	tb.do(PageHidden{})
	mine := newTab(t, storage, Start{})
	require.Len(t, mine.state().List, 1, "the library holds the assessment")
	require.Equal(t, "Secret deal", mine.model().Title, "the app's own page opens it")
	return storage
}

// TestFramedWithoutEmbedOpensNothing: another site's page framing the app
// without ?embed=1 gets a link to open it in its own tab; the library is
// never read, nothing is opened, and no action opens anything later.
func TestFramedWithoutEmbedOpensNothing(t *testing.T) {
	for _, query := range []string{"", "template=segments", "view=editor", "embed=0"} {
		t.Run(query, func(t *testing.T) {
			storage := savedLibrary(t)
			before := len(storage)
			tb := newTab(t, storage, Start{Query: query, Framed: true, Base: "https://valuecalc.example/app/"})
			st := tb.state()
			assert.True(t, st.Framed)
			want := "https://valuecalc.example/app/"
			if query != "" {
				want += "?" + query
			}
			assert.Equal(t, want, st.FramedLink)
			assert.Empty(t, st.List, "the library is not read")
			assert.Empty(t, st.DocID)
			assert.Empty(t, st.Model().Title, "no assessment is open")
			for _, e := range tb.take() {
				switch e.(type) {
				case ReadLibrary, RepairLibrary, LoadDoc, RememberLang:
					t.Errorf("a framed app asked for %T", e)
				}
			}
			for _, a := range []Action{
				SetView{View: ViewEditor}, OpenPanel{Panel: PanelLibrary}, HashChanged{Hash: "#m=x"},
				Input{Field{Kind: FieldTitle}, "typed"}, PageHidden{}, UpdateAvailable{},
			} {
				assert.Empty(t, tb.do(a), "%T", a)
				assert.Equal(t, st.Panel, tb.state().Panel)
				assert.Empty(t, tb.state().List)
				assert.Empty(t, tb.state().Model().Title)
			}
			assert.Equal(t, []Effect{SetPageLang{Lang: i18n.DE, Title: i18n.DE.T(i18n.PageTitle)}}, tb.do(SetLang{Lang: i18n.DE}),
				"the language changes for this page, and is not remembered")
			assert.Equal(t, i18n.DE, tb.state().Lang)
			assert.Len(t, storage, before, "nothing is written")
		})
	}
}

// TestFramedEmbedIsTheEmbed: ?embed=1 is meant to be framed.
func TestFramedEmbedIsTheEmbed(t *testing.T) {
	tb := newTab(t, savedLibrary(t), Start{Query: "embed=1&template=segments", Framed: true})
	assert.False(t, tb.state().Framed)
	assert.True(t, tb.state().Embed.On)
	assert.Equal(t, "Segment comparison: SMB vs Enterprise", tb.model().Title)
}
