package calc

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrLink reports a share link whose payload cannot be unpacked: not
// base64url, or not a complete raw DEFLATE stream. A payload that unpacks
// to a broken model gets Decode's problems instead.
var ErrLink = errors.New("broken link")

// MaxLinkLen is the longest link payload DecodeLink reads: one that
// unpacks to more than MaxInputSize is refused anyway, and refusing a long
// payload early keeps a hostile link from costing much.
const MaxLinkLen = 8 << 20

// EncodeLink packs m into the payload of a share link (SPEC §5): the
// model's canonical JSON without indentation, compressed with raw DEFLATE
// (RFC 1951) and written in base64url without padding. The link itself is
// the app's URL followed by "#model=" and the payload.
//
// EncodeLink returns an error if m fails Validate.
func EncodeLink(m Model) (string, error) {
	data, err := EncodeCompact(m)
	if err != nil {
		return "", err
	}
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestCompression)
	if err != nil {
		return "", err
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(z.Bytes()), nil
}

// DecodeLink unpacks the payload of a share link (what follows "#model=")
// and decodes the model in it as Decode does. It is lenient about how
// other programs write base64: padding, the standard alphabet's + and /,
// a + turned into a space by URL decoding, and line breaks are accepted.
//
// DecodeLink returns an error if:
//   - the payload is empty, longer than MaxLinkLen, not base64, or not a
//     complete raw DEFLATE stream (ErrLink);
//   - it unpacks to more than MaxInputSize bytes (ErrTooLarge);
//   - the model in it is invalid (Decode's Problems).
func DecodeLink(payload string) (Model, error) {
	if payload == "" {
		return Model{}, fmt.Errorf("%w: the link holds no model", ErrLink)
	}
	if len(payload) > MaxLinkLen {
		return Model{}, fmt.Errorf("%w: the link is too long (%d characters; at most %d)", ErrLink, len(payload), MaxLinkLen)
	}
	s := toBase64URL(payload)
	if i := strings.IndexFunc(s, notBase64URL); i >= 0 {
		return Model{}, fmt.Errorf("%w: it holds %q, which has no place in a valuecalc link", ErrLink, clip(s[i:min(len(s), i+8)]))
	}
	z, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		// Only the length can be wrong now: the link was cut short.
		return Model{}, fmt.Errorf("%w: its data is damaged or cut short; was it copied whole?", ErrLink)
	}
	r := flate.NewReader(bytes.NewReader(z))
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	switch {
	case len(data) > MaxInputSize:
		return Model{}, fmt.Errorf("%w: the model in the link is larger than 5 MB", ErrTooLarge)
	case err != nil:
		return Model{}, fmt.Errorf("%w: its data is damaged or cut short; was it copied whole?", ErrLink)
	}
	return Decode(data)
}

// toBase64URL rewrites s in the base64url alphabet: the standard
// alphabet's + and / (and a + that URL decoding turned into a space)
// become - and _, and line breaks and = padding are dropped. Other bytes
// are kept, for notBase64URL to find. A byte loop rather than
// strings.Replacer, whose code costs 9 KB of gzip in app.wasm.
func toBase64URL(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+', ' ':
			b = append(b, '-')
		case '/':
			b = append(b, '_')
		case '\n', '\r', '=':
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// notBase64URL reports a character outside the base64url alphabet.
func notBase64URL(r rune) bool {
	return !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_')
}
