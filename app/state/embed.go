package state

import (
	"encoding/json"
	"net/url"

	"github.com/valuecalc/valuecalc/calc"
)

// The messages of SPEC §6 between an embed and its host page.
const (
	msgReady  = "valuecalc:ready"
	msgResult = "valuecalc:result"
	msgResize = "valuecalc:resize"
	msgLoad   = "valuecalc:load"
)

// parseEmbedding reads ?embed=1 and ?origin= from the query. An origin
// that is no origin ("*", a path, credentials) means: send nothing, take
// nothing.
func parseEmbedding(query string) Embed {
	q, err := url.ParseQuery(query)
	if err != nil || q.Get("embed") != "1" {
		return Embed{}
	}
	em := Embed{On: true, Target: "*"}
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

// resultMessage is the valuecalc:result message of res.
func resultMessage(res calc.Result) ([]byte, error) {
	return json.Marshal(struct {
		Type   string      `json:"type"`
		Result calc.Result `json:"result"`
	}{msgResult, res})
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

// result is the effect that sends res to the host page.
func (em Embed) result(res calc.Result) []Effect {
	if !em.On || em.Target == "" {
		return nil
	}
	data, err := resultMessage(res)
	if err != nil {
		return nil
	}
	return []Effect{Post{em.Target, data}}
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
