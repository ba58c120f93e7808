// Package contrast checks an accent colour for legible contrast (WCAG 2.x
// relative luminance) and derives the shades the interface draws with.
// The build checks a brand's accent with it, the app an embed's ?accent=:
// one rule for both. Plain Go, no browser.
package contrast

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Colour is an sRGB colour, 8 bits a channel.
type Colour struct{ R, G, B uint8 }

// White is the surface the app draws on, and the text on accent buttons.
var White = Colour{255, 255, 255}

// MinText is the WCAG AA ratio for normal text: white text on the accent
// (buttons, the top bar) and the accent as text on white (links,
// summaries) both need it.
const MinText = 4.5

// Parse reads "#RRGGBB" or "RRGGBB" (as ?accent= carries it).
func Parse(s string) (Colour, error) {
	h := strings.TrimPrefix(s, "#")
	if len(h) != 6 {
		return Colour{}, fmt.Errorf("must be a colour as #RRGGBB, got %q", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Colour{}, fmt.Errorf("must be a colour as #RRGGBB, got %q", s)
	}
	return Colour{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// String is the colour as CSS writes it: "#1d4ed8".
func (c Colour) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the colour's relative luminance, 0 for black to 1 for white.
func (c Colour) Luminance() float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Ratio is the contrast ratio of a and b, from 1 to 21, in either order.
func Ratio(a, b Colour) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Mix is a blended with b, t of b (0 ≤ t ≤ 1).
func Mix(a, b Colour, t float64) Colour {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return Colour{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B)}
}

// Palette is the accent and the shades derived from it, by the names of
// web/app.css's custom properties.
type Palette struct {
	Accent Colour // buttons, links, chart bars: white text on it
	Dark   Colour // the top bar, text on Weak: darker than Accent
	Weak   Colour // light backgrounds: chosen buttons, info banners
	Faint  Colour // the lightest, for hover backgrounds
}

// Properties are the CSS custom properties that apply the palette, in a
// fixed order.
func (p Palette) Properties() [][2]string {
	return [][2]string{
		{"--accent", p.Accent.String()},
		{"--accent-dark", p.Dark.String()},
		{"--accent-weak", p.Weak.String()},
		{"--accent-faint", p.Faint.String()},
	}
}

// Check derives the palette of accent, written as "#RRGGBB" or "RRGGBB".
//
// Check returns an error if:
//   - the text is not six hex digits;
//   - white text on the accent, or the accent as text on white, is below
//     4.5:1 (the message gives the ratio).
func Check(s string) (Palette, error) {
	c, err := Parse(s)
	if err != nil {
		return Palette{}, err
	}
	if r := Ratio(c, White); r < MinText {
		return Palette{}, fmt.Errorf("%s has a contrast of %s:1 with white, below the %s:1 legible text needs: choose a darker colour",
			c, ratioText(r), ratioText(MinText))
	}
	black := Colour{}
	p := Palette{
		Accent: c,
		Dark:   Mix(c, black, 0.35),
		Weak:   Mix(c, White, 0.85),
		Faint:  Mix(c, White, 0.96),
	}
	// Dark text sits on Weak (info banners, chosen buttons); darkening the
	// accent only raises its contrast, but check rather than trust.
	if r := Ratio(p.Dark, p.Weak); r < MinText {
		return Palette{}, fmt.Errorf("%s gives too little contrast between its shades (%s:1)", c, ratioText(r))
	}
	return p, nil
}

// ratioText writes a ratio with two decimals; one below MinText is never
// rounded up to it (4.497 shows as 4.49, not as a passing 4.50).
func ratioText(r float64) string {
	v := math.Round(r*100) / 100
	if r < MinText && v >= MinText {
		v = math.Floor(r*100) / 100
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
