package state

import (
	"github.com/valuecalc/valuecalc/app/i18n"
)

// SharingState is sharing and the embed: a share link's model on screen,
// the share panel, a link that did not open, and how the app is framed.
type SharingState struct {
	Shared bool // a share link's model: read-only, never saved
	Share  Share
	Link   Problem // why the link in the URL did not open
	Embed  Embed
	// Framed: another page frames the app without ?embed=1, so it shows
	// a link to open it in its own tab and nothing else (framed.go).
	Framed     bool
	FramedLink string // the address that link opens
	startHash  string // location.hash at start
}

// sharing reduces share links, the share panel and the embed's host.
type sharing struct{ *reducer }

func (r *reducer) sharing() sharing { return sharing{r} }

// reduce handles sharing's and the embed's actions; it reports whether a
// was one of them.
func (r sharing) reduce(a Action) bool {
	switch a := a.(type) {
	case HashChanged:
		if _, link := linkFragment(a.Hash); link && r.saveFirst(a) {
			break
		}
		r.docs().save()
		r.openLink(a.Hash)
	case SaveSharedCopy:
		// "Edit a copy" in the report: the copy opens in the editor.
		r.Shared, r.Dirty, r.Unkept = false, true, true // the link leaves the address
		r.views().setView(ViewEditor)
		r.docs().save()
		r.do(CleanURL{Hash: true})
		r.noticeOnSave = true // see Saved: the notice waits for the save
	case CloseShared:
		r.Shared = false
		r.do(CleanURL{Hash: true})
		r.docs().openOwn(false)
	case DismissLinkError:
		r.Link = Problem{}
		r.do(CleanURL{Hash: true})
	case CopyLink:
		if r.Share.Link != "" {
			r.do(CopyText{r.Share.Link})
		}
	case Copied:
		if a.OK {
			r.Share.Status = r.Lang.T(i18n.LinkCopied)
		} else {
			r.do(SelectText{"share-link"})
			r.Share.Status = r.Lang.T(i18n.CopyRefused)
		}
	case HostMessage:
		r.hostMessage(a)
	case Resized:
		if r.Embed.On && a.Height != r.Embed.Height {
			r.Embed.Height = a.Height
			r.do(r.Embed.post(map[string]any{"type": msgResize, "height": a.Height})...)
		}
	case PressCTA:
		if r.Embed.CTA != "" {
			r.postResult(msgCTA, r.Result)
		}
	case SendResults:
		link, err := shareLink(r.Base, r.Model())
		if r.Brand.CTA.URL == "" || err != nil {
			break
		}
		r.do(OpenTab{SendResultsURL(r.Brand.CTA.URL, link)})
	case OpenFull:
		link, err := shareLink(r.Base, r.Model())
		if err != nil {
			r.say(Notice{Text: r.Lang.T(i18n.CouldNotOpen, firstProblem(err)), IsErr: true})
			break
		}
		r.do(OpenTab{link})

	// What the library reports.
	default:
		return false
	}
	return true
}
