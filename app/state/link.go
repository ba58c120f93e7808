package state

import (
	"errors"
	"net/url"
	"strings"

	"github.com/valuecalc/valuecalc/calc"
)

// linkParam is the fragment parameter that carries a model: #model=….
const linkParam = "model"

// linkPayload returns the model payload of a URL fragment ("#model=…", with
// or without the "#", possibly among other "&"-separated parameters). It
// reports whether the fragment names a model at all, so that "#model="
// with nothing after it is an empty link, not no link.
func linkPayload(fragment string) (string, bool) {
	for part := range strings.SplitSeq(strings.TrimPrefix(fragment, "#"), "&") {
		if v, ok := strings.CutPrefix(part, linkParam+"="); ok {
			// Browsers and mail programs may percent-escape what they pass on.
			if u, err := url.PathUnescape(v); err == nil {
				v = u
			}
			return v, true
		}
	}
	return "", false
}

// shareLink is the link that carries m, on the app at base.
func shareLink(base string, m calc.Model) (string, error) {
	payload, err := calc.EncodeLink(m)
	if err != nil {
		return "", err
	}
	return base + "#" + linkParam + "=" + payload, nil
}

// openLink shows the model of the share link in hash, if there is one:
// read-only, until the user saves a copy. A link that does not open says
// why, and nothing else changes.
func (r *reducer) openLink(hash string) bool {
	payload, ok := linkPayload(hash)
	if !ok {
		return false
	}
	m, err := calc.DecodeLink(payload)
	if err != nil {
		r.Link = linkError(err)
		return false
	}
	r.Link = Problem{}
	r.show(r.newID(), m, 0, false)
	r.Shared = !r.Embed.On
	return true
}

// linkError explains why a link did not open.
func linkError(err error) Problem {
	var probs calc.Problems
	isProbs := errors.As(err, &probs)
	switch {
	case errors.Is(err, calc.ErrTooLarge):
		return Problem{Text: "This link could not be opened: the assessment in it is larger than 5 MB."}
	case errors.Is(err, calc.ErrLink):
		msg := strings.TrimPrefix(err.Error(), calc.ErrLink.Error()+": ")
		return Problem{Text: "This link could not be opened: " + msg}
	case isProbs && len(probs) == 1 && errors.Is(probs[0], calc.ErrSyntax):
		return Problem{Text: "This link could not be opened: it does not hold a valuecalc assessment."}
	case isProbs:
		return Problem{Text: "This link holds an assessment with " + Plural(len(probs), "problem") + ":", List: problemTexts(probs)}
	}
	return Problem{Text: "This link could not be opened: " + err.Error()}
}

// importError explains why a file was not imported.
func importError(name string, err error) Problem {
	var probs calc.Problems
	if errors.As(err, &probs) {
		if len(probs) == 1 && errors.Is(probs[0], calc.ErrSyntax) {
			return Problem{Text: "“" + name + "” is not a valuecalc file: " + probs[0].Error() + ". Nothing was imported."}
		}
		return Problem{Text: "“" + name + "” was not imported: it has " + Plural(len(probs), "problem") + ". Nothing was changed.", List: problemTexts(probs)}
	}
	return Problem{Text: "“" + name + "” was not imported: " + err.Error()}
}
