package state

import (
	"encoding/json"
	"net/url"
	"strings"
	"unicode"

	"github.com/valuecalc/valuecalc/calc"
)

// The messages of SPEC §6 between an embed and its host page.
const (
	msgReady  = "valuecalc:ready"
	msgResult = "valuecalc:result"
	msgResize = "valuecalc:resize"
	msgLoad   = "valuecalc:load"
	msgCTA    = "valuecalc:cta"
)

// parseEmbedding reads ?embed=1 and ?origin= from the query. An origin
// that is no origin ("*", a path, credentials) means: send nothing, take
// nothing.
func parseEmbedding(query string) Embed {
	q, err := url.ParseQuery(query)
	if err != nil || q.Get("embed") != "1" {
		return Embed{}
	}
	em := Embed{On: true, Target: "*", CTA: ctaText(q.Get("cta"))}
	if q.Has("origin") {
		em.Origin, em.Target = "", ""
		if o, ok := cleanOrigin(q.Get("origin")); ok {
			em.Origin, em.Target = o, o
		}
	}
	return em
}

// cleanOrigin returns s as an origin ("https://shop.example"), if it is one.
func cleanOrigin(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", false
	}
	return u.Scheme + "://" + u.Host, true
}

// loadMessage returns the model of a valuecalc:load message, if data is one.
func loadMessage(data []byte) ([]byte, bool) {
	var msg struct {
		Type  string          `json:"type"`
		Model json.RawMessage `json:"model"`
	}
	if json.Unmarshal(data, &msg) != nil || msg.Type != msgLoad || len(msg.Model) == 0 || string(msg.Model) == "null" {
		return nil, false
	}
	return msg.Model, true
}

// Answers are the visitor's answers as they stand (SPEC §6): each asked
// driver's value, and each asked entry's by scenario and item.
type Answers struct {
	Drivers map[string]float64            `json:"drivers"`
	Entries map[string]map[string]float64 `json:"entries"`
}

// AnswersOf are the values of m's questions.
func AnswersOf(m calc.Model) Answers {
	a := Answers{Drivers: map[string]float64{}, Entries: map[string]map[string]float64{}}
	for _, q := range Questions(m) {
		v, ok := fieldNumber(m, q.Field())
		if !ok {
			continue
		}
		if q.Driver != "" {
			a.Drivers[q.Driver] = v
			continue
		}
		if a.Entries[q.Scenario] == nil {
			a.Entries[q.Scenario] = map[string]float64{}
		}
		a.Entries[q.Scenario][q.Item] = v
	}
	return a
}

// resultMessage is the message typ (valuecalc:result or valuecalc:cta)
// of res, the result of m: with the visitor's answers and the share link
// of m, the app at base.
func resultMessage(typ string, res calc.Result, m calc.Model, base string) ([]byte, error) {
	link, err := shareLink(base, m)
	if err != nil {
		return nil, err
	}
	return json.Marshal(struct {
		Type    string      `json:"type"`
		Result  calc.Result `json:"result"`
		Answers Answers     `json:"answers"`
		Link    string      `json:"link"`
	}{typ, res, AnswersOf(m), link})
}

// post is the effect that sends v to the host page, when there is one
// to send to.
func (em Embed) post(v any) []Effect {
	if !em.On || em.Target == "" {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return []Effect{Post{em.Target, data}}
}

// postResult sends res, the result of the model on screen, to the host
// page as message typ, when there is one.
func (r *reducer) postResult(typ string, res calc.Result) {
	if !r.Embed.On || r.Embed.Target == "" {
		return
	}
	if data, err := resultMessage(typ, res, r.Model(), r.Base); err == nil {
		r.do(Post{r.Embed.Target, data})
	}
}

// maxCTA is the longest ?cta= label kept: a button's words, not a text.
const maxCTA = 60

// ctaText is the label ?cta= gives the call to action: trimmed, without
// control characters, at most maxCTA characters; "" for none.
func ctaText(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if r := []rune(s); len(r) > maxCTA {
		s = strings.TrimSpace(string(r[:maxCTA-1])) + "…"
	}
	return s
}

// hostMessage loads a model the host page sends, when it comes from the
// origin the embed was given and from the embedding page itself; anything
// else is ignored, with the reason in the console.
func (r sharing) hostMessage(a HostMessage) {
	if !r.Embed.On {
		return
	}
	warn := func(why string) { r.do(Warn{"valuecalc: valuecalc:load ignored: " + why}) }
	if len(a.Data) > calc.MaxInputSize+1024 {
		warn("the model is larger than 5 MB")
		return
	}
	model, ok := loadMessage([]byte(a.Data))
	if !ok {
		return
	}
	switch {
	case r.Embed.Origin == "":
		warn("the embed URL has no ?origin= naming the page allowed to load models")
		return
	case a.Origin != r.Embed.Origin:
		warn("it came from " + a.Origin + ", not " + r.Embed.Origin)
		return
	case !a.FromParent:
		warn("it did not come from the embedding page")
		return
	}
	m, err := calc.Decode(model)
	if err != nil {
		warn(err.Error())
		return
	}
	r.docs().show(r.newID(), m, 0, false)
}
