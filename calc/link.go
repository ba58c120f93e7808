package calc

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrLink reports a share link that holds no model that can be unpacked:
// no "m=" or "model=" parameter, an empty one, a payload that is not
// base64url, or, for a "model=" link, not a complete raw DEFLATE stream.
// A payload that unpacks to a broken model gets Decode's problems
// instead.
var ErrLink = errors.New("broken link")

// ErrLinkDamaged reports an "m=" link whose data fails zlib's Adler-32
// checksum or is cut short: a character changed or lost in copying. Such
// a link is never opened as another model. An error that wraps it also
// wraps ErrLink.
var ErrLinkDamaged = errors.New("damaged link")

// Share link parameters of a URL fragment (SPEC §5).
const (
	// LinkParam is the parameter of a link of version 2, "#m=PAYLOAD",
	// which EncodeLink writes: zlib (RFC 1950), with a checksum.
	LinkParam = "m"
	// LinkParamV1 is the parameter of a link of version 1,
	// "#model=PAYLOAD": raw DEFLATE (RFC 1951), without a checksum.
	// DecodeLink still opens them.
	LinkParamV1 = "model"
)

// MaxLinkLen is the longest link payload DecodeLink reads: one that
// unpacks to more than MaxInputSize is refused anyway, and refusing a long
// payload early keeps a hostile link from costing much.
const MaxLinkLen = 8 << 20

// EncodeLink returns the URL fragment of a share link to m (SPEC §5),
// without the "#": "m=" and the model's canonical JSON without
// indentation, compressed with zlib (RFC 1950, whose Adler-32 checksum
// lets DecodeLink tell a damaged link) and written in base64url without
// padding. The link is the app's URL, "#" and the fragment.
//
// EncodeLink returns an error if:
//   - m fails Validate (the error is the Problems).
func EncodeLink(m Model) (string, error) {
	data, err := EncodeCompact(m)
	if err != nil {
		return "", err
	}
	var z bytes.Buffer
	w, err := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if err != nil {
		return "", err
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		return "", err
	}
	return LinkParam + "=" + base64.RawURLEncoding.EncodeToString(z.Bytes()), nil
}

// DecodeLink opens the model of a share link's fragment: "m=PAYLOAD"
// (zlib) or, from links of version 1, "model=PAYLOAD" (raw DEFLATE), with
// or without the leading "#", alone or among other parameters separated
// by "&"; the first "m=" or "model=" counts. The payload must be as it
// was written: a caller that reads it from a URL undoes percent-escapes
// first. DecodeLink is lenient about how other programs write base64:
// padding, the standard alphabet's + and /, a + turned into a space by
// URL decoding, and line breaks are accepted. The model is decoded as
// Decode does.
//
// DecodeLink returns an error if:
//   - the fragment has no "m=" or "model=" parameter, or an empty one, or
//     its payload is longer than MaxLinkLen or not base64 (ErrLink);
//   - an "m=" payload is cut short or fails its checksum (ErrLinkDamaged,
//     which wraps ErrLink too);
//   - a "model=" payload is not a complete raw DEFLATE stream (ErrLink);
//   - it unpacks to more than MaxInputSize bytes (ErrTooLarge);
//   - the model in it is invalid (Decode's Problems).
func DecodeLink(fragment string) (Model, error) {
	payload, checked, ok := linkPayload(fragment)
	if !ok {
		return Model{}, fmt.Errorf("%w: the link holds no model (no #%s= in it)", ErrLink, LinkParam)
	}
	if payload == "" {
		return Model{}, fmt.Errorf("%w: the link holds no model", ErrLink)
	}
	if len(payload) > MaxLinkLen {
		return Model{}, fmt.Errorf("%w: the link is too long (%d characters; at most %d)", ErrLink, len(payload), MaxLinkLen)
	}
	s := strings.NewReplacer("+", "-", "/", "_", " ", "-", "\n", "", "\r", "", "=", "").Replace(payload)
	if i := strings.IndexFunc(s, notBase64URL); i >= 0 {
		return Model{}, fmt.Errorf("%w: it holds %q, which has no place in a valuecalc link", ErrLink, clip(s[i:min(len(s), i+8)]))
	}
	damaged := func() error {
		if checked {
			return &linkDamagedError{}
		}
		return fmt.Errorf("%w: its data is damaged or cut short; was it copied whole?", ErrLink)
	}
	z, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		// Only the length can be wrong now: the link was cut short.
		return Model{}, damaged()
	}
	var r io.ReadCloser
	if checked {
		if r, err = zlib.NewReader(bytes.NewReader(z)); err != nil {
			return Model{}, damaged()
		}
	} else {
		r = flate.NewReader(bytes.NewReader(z))
	}
	defer r.Close()
	// zlib checks its checksum at the end of the stream: a damaged link
	// is read to its end before it is refused, never decoded half.
	data, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	switch {
	case len(data) > MaxInputSize:
		return Model{}, fmt.Errorf("%w: the model in the link is larger than 5 MB", ErrTooLarge)
	case err != nil:
		return Model{}, damaged()
	}
	return Decode(data)
}

// linkDamagedError is the error of a damaged "m=" link: it wraps both
// ErrLinkDamaged and ErrLink.
type linkDamagedError struct{}

func (*linkDamagedError) Error() string {
	return ErrLink.Error() + ": it is damaged (a character changed or lost in copying, or the link was cut short); ask for the link again"
}

func (*linkDamagedError) Unwrap() []error { return []error{ErrLinkDamaged, ErrLink} }

// linkPayload finds the payload of the first "m=" or "model=" parameter
// of fragment, and reports whether it has a checksum (an "m=" link).
func linkPayload(fragment string) (payload string, checked, ok bool) {
	for part := range strings.SplitSeq(strings.TrimPrefix(fragment, "#"), "&") {
		if v, ok := strings.CutPrefix(part, LinkParam+"="); ok {
			return v, true, true
		}
		if v, ok := strings.CutPrefix(part, LinkParamV1+"="); ok {
			return v, false, true
		}
	}
	return "", false, false
}

// notBase64URL reports a character outside the base64url alphabet.
func notBase64URL(r rune) bool {
	return !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_')
}
