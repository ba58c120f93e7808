package state

import (
	"errors"
	"net/url"
	"strings"

	"github.com/valuecalc/valuecalc/app/i18n"
	"github.com/valuecalc/valuecalc/calc"
)

// linkFragment finds the share link in a URL fragment: "#m=…" (or a
// link of version 1, "#model=…"), with or without the "#", possibly among
// other "&"-separated parameters. It returns that parameter, its value
// percent-unescaped, for calc.DecodeLink, and reports whether the
// fragment names a model at all, so that "#m=" with nothing after it is
// an empty link, not no link.
func linkFragment(fragment string) (string, bool) {
	for part := range strings.SplitSeq(strings.TrimPrefix(fragment, "#"), "&") {
		for _, param := range []string{calc.LinkParam, calc.LinkParamV1} {
			if v, ok := strings.CutPrefix(part, param+"="); ok {
				// Browsers and mail programs may percent-escape what they pass on.
				if u, err := url.PathUnescape(v); err == nil {
					v = u
				}
				return param + "=" + v, true
			}
		}
	}
	return "", false
}

// shareLink is the link that opens m: base (the app's URL without query
// or fragment) plus the fragment "#m=…".
func shareLink(base string, m calc.Model) (string, error) {
	fragment, err := calc.EncodeLink(m)
	if err != nil {
		return "", err
	}
	return base + "#" + fragment, nil
}

// openLink shows the model of the share link in hash, if there is one,
// in the view a link opens: read-only, until the user saves a copy. A link that does not open says
// why, and nothing else changes.
func (r sharing) openLink(hash string) bool {
	fragment, ok := linkFragment(hash)
	if !ok {
		return false
	}
	m, err := calc.DecodeLink(fragment)
	if err != nil {
		r.views().quiet()
		r.Link = linkError(r.Lang, err)
		return false
	}
	r.Link = Problem{}
	r.docs().show(r.newID(), m, 0, false)
	// A link opened on the questionnaire (?view=visitor) is there to be
	// answered: the visitor's own, saved once answered.
	answer := !r.Started && r.View == ViewVisitor
	r.Shared = !r.Embed.On && !answer
	r.linkAnswers = !r.Embed.On && answer
	r.Panel, r.View = PanelNone, r.linkView
	return true
}

// linkError explains why a link did not open.
func linkError(l i18n.Lang, err error) Problem {
	var probs calc.Problems
	isProbs := errors.As(err, &probs)
	switch {
	case errors.Is(err, calc.ErrTooLarge):
		return Problem{Text: l.T(i18n.LinkTooLarge)}
	case errors.Is(err, calc.ErrLink):
		msg := strings.TrimPrefix(err.Error(), calc.ErrLink.Error()+": ")
		return Problem{Text: l.T(i18n.LinkNotOpened, msg)}
	case isProbs && len(probs) == 1 && errors.Is(probs[0], calc.ErrSyntax):
		return Problem{Text: l.T(i18n.LinkNoAssessment)}
	case isProbs:
		n, listed := probs.Total(), probs.Listed()
		return Problem{Text: l.N(i18n.LinkProblems, n, i18n.Number(n)), List: problemTexts(listed), More: n - len(listed)}
	}
	return Problem{Text: l.T(i18n.LinkNotOpened, err.Error())}
}

// importError explains why a file was not imported: a file in UTF-16 or
// a CSV file in words, a file that is not JSON by where it breaks, and a
// model's problems each in the user's words (the first 100, and how many
// more there are).
func importError(l i18n.Lang, name string, data []byte, err error) Problem {
	var probs calc.Problems
	if errors.As(err, &probs) {
		switch {
		case len(probs) == 1 && errors.Is(probs[0], calc.ErrUTF16):
			return Problem{Text: l.T(i18n.FileUTF16, name)}
		case len(probs) == 1 && errors.Is(probs[0], calc.ErrSyntax) && isCSV(name, data):
			return Problem{Text: l.T(i18n.FileIsCSV, name)}
		case len(probs) == 1 && errors.Is(probs[0], calc.ErrSyntax):
			return Problem{Text: l.T(i18n.NotAValuecalcFile, name, probs[0].Error())}
		}
		n, listed := probs.Total(), probs.Listed()
		return Problem{Text: l.N(i18n.NotImportedProblems, n, name, i18n.Number(n)),
			List: problemWords(l, data, listed), Detail: problemTexts(listed), More: n - len(listed)}
	}
	return Problem{Text: l.T(i18n.NotImported, name, err.Error())}
}

// isCSV reports whether a file that is not JSON is a CSV file: it is
// named so, or its first lines are rows of as many fields, separated by
// commas, semicolons or tabs, as the comparison valuecalc exports is.
func isCSV(name string, data []byte) bool {
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		return true
	}
	text := strings.TrimPrefix(string(data[:min(len(data), 4096)]), "\uFEFF")
	if t := strings.TrimSpace(text); t == "" || t[0] == '{' || t[0] == '[' {
		return false
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last may be cut short
	}
	if len(lines) < 2 {
		return false
	}
	for _, sep := range []string{",", ";", "\t"} {
		n := strings.Count(lines[0], sep)
		same := n > 0
		for _, line := range lines[1:min(len(lines), 5)] {
			same = same && strings.Count(line, sep) >= n
		}
		if same {
			return true
		}
	}
	return false
}
