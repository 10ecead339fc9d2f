package plots

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"slices"
	"strings"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Format is an output format.
type Format int

const (
	PNG Format = iota // raster, 1600×1000 pixels
	SVG               // vector; text stays text
	PDF               // vector; Western European text only
)

var formatNames = [...]string{"png", "svg", "pdf"}

// String returns "png", "svg" or "pdf".
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return fmt.Sprintf("Format(%d)", int(f))
	}
	return formatNames[f]
}

// Ext returns the file extension of f, with its dot: ".png".
func (f Format) Ext() string { return "." + f.String() }

// ParseFormat returns the format named s ("png", "svg" or "pdf").
func ParseFormat(s string) (Format, error) {
	for i, n := range formatNames {
		if s == n {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("plots: unknown format %q (allowed: png, svg, pdf)", s)
}

// The size of every chart but [Fit]: 8 × 5 inches, which at DPI is
// 1600 × 1000 pixels in PNG.
const (
	Width  = 8 * vg.Inch
	Height = 5 * vg.Inch
	DPI    = 200
)

// ErrPDF is returned (wrapped) when a chart cannot be written as PDF:
// gonum's PDF backend encodes text as Windows-1252 in a TrueType font, so it
// can draw neither Chinese (nor any character outside Western European
// scripts) nor text in an OpenType/CFF font such as Noto Sans CJK.
var ErrPDF = errors.New("plots: PDF output cannot draw this chart")

// GlyphError is returned when the chart's font lacks glyphs for some of
// its text; such a chart would show gaps or boxes, so none is written.
type GlyphError struct {
	Font    string   // the font's family and where it came from
	Missing []rune   // the characters without a glyph
	Text    []string // the texts holding them
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("plots: font %s has no glyph for %q (in %q); "+
		"install a font that has them (Debian/Ubuntu: apt-get install fonts-noto-cjk) or pass a font file",
		e.Font, string(e.Missing), strings.Join(e.Text, `", "`))
}

// Render draws c in format f and returns the file's bytes. Nothing is
// returned but an error when the font lacks a glyph of the chart's text
// (a *GlyphError) or when format f cannot draw the chart (see [ErrPDF]).
func Render(c *Chart, f Format) ([]byte, error) {
	t := c.theme.theme()
	w, h, dpi := c.size()
	var buf bytes.Buffer
	switch f {
	case PNG:
		cv := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi),
			vgimg.UseBackgroundColor(color.White))
		if err := drawChecked(c, cv, false); err != nil {
			return nil, err
		}
		// Fastest compression: a third of the encoding time of the default
		// for files a fifth larger; the pixels are the same.
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, cv.Image()); err != nil {
			return nil, fmt.Errorf("plots: encoding PNG: %w", err)
		}
	case SVG:
		cv := vgsvg.NewWith(vgsvg.UseWH(w, h))
		if err := drawChecked(c, cv, false); err != nil {
			return nil, err
		}
		if _, err := cv.WriteTo(&buf); err != nil {
			return nil, fmt.Errorf("plots: encoding SVG: %w", err)
		}
		return svgFallbackFonts(buf.Bytes(), t.family), nil
	case PDF:
		if t.lang == Chinese {
			return nil, fmt.Errorf("%w: it cannot draw Chinese text; use png or svg for -lang zh", ErrPDF)
		}
		if !t.trueType {
			return nil, fmt.Errorf("%w: font %s is not a single TrueType font; use png or svg, or a .ttf font", ErrPDF, t.source)
		}
		cv := vgpdf.New(w, h)
		if err := drawChecked(c, cv, true); err != nil {
			return nil, err
		}
		if _, err := cv.WriteTo(&buf); err != nil {
			return nil, fmt.Errorf("plots: encoding PDF: %w", err)
		}
	default:
		return nil, fmt.Errorf("plots: unknown format %v", f)
	}
	return buf.Bytes(), nil
}

// drawChecked draws c on cv through a canvas that checks every text
// against its font (and, for PDF, encodes it as Windows-1252), and turns a
// panic of the backend into an error.
func drawChecked(c *Chart, cv vg.CanvasSizer, pdf bool) (err error) {
	tc := &textCanvas{Canvas: cv, pdf: pdf}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("plots: drawing chart %q: %v", c.Title, r)
		}
	}()
	w, h := cv.Size()
	c.Draw(draw.NewCanvas(tc, w, h))
	return tc.err(c.theme.theme())
}

// textCanvas passes drawing to Canvas and checks the text: characters the
// font has no glyph for, and for PDF characters outside Windows-1252,
// are collected and the text is not drawn.
type textCanvas struct {
	vg.Canvas
	pdf bool
	buf sfnt.Buffer

	missing   []rune
	badText   []string
	unencoded []rune
}

// FillString implements vg.Canvas.
func (tc *textCanvas) FillString(f font.Face, pt vg.Point, s string) {
	orig, ok := s, true
	for _, r := range s {
		if !hasGlyph(f.Face, &tc.buf, r) {
			tc.missing = appendNew(tc.missing, r)
			ok = false
		}
	}
	if tc.pdf {
		enc, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			for _, r := range s {
				if _, ok := charmap.Windows1252.EncodeRune(r); !ok {
					tc.unencoded = appendNew(tc.unencoded, r)
				}
			}
			ok = false
		}
		// vgpdf hands the string to a Windows-1252 font as bytes: give it
		// that encoding rather than UTF-8, or "–" would print as "â€“".
		s = enc
	}
	if !ok {
		tc.badText = append(tc.badText, orig)
		return
	}
	tc.Canvas.FillString(f, pt, s)
}

func (tc *textCanvas) err(t *Theme) error {
	if len(tc.missing) > 0 {
		return &GlyphError{Font: t.family + " (" + t.source + ")", Missing: tc.missing, Text: tc.badText}
	}
	if len(tc.unencoded) > 0 {
		return fmt.Errorf("%w: it can only draw Western European (Windows-1252) characters, not %q; use png or svg",
			ErrPDF, string(tc.unencoded))
	}
	return nil
}

func appendNew(rs []rune, r rune) []rune {
	if slices.Contains(rs, r) {
		return rs
	}
	return append(rs, r)
}

// svgFallbackFonts gives the SVG's font-family a list of fallbacks: vgsvg
// writes only the family name of the font it measured the text with, and a
// viewer without that font would substitute its default (often a serif).
// Liberation Sans is metric-compatible with Arial, so text keeps its place.
func svgFallbackFonts(svg []byte, family string) []byte {
	var list string
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`'"<>&;`, r) {
			return -1
		}
		return r
	}, family)
	switch {
	case strings.HasPrefix(family, "Liberation Sans"):
		list = "'Liberation Sans',Arial,Helvetica,sans-serif"
	case strings.Contains(family, "CJK") || strings.Contains(family, "Han"):
		list = "'" + clean + "','Noto Sans CJK SC','Source Han Sans SC','Source Han Sans CN'," +
			"'PingFang SC','Microsoft YaHei',sans-serif"
	default:
		list = "'" + clean + "',sans-serif"
	}
	return bytes.ReplaceAll(svg, []byte("font-family:"+family+";"), []byte("font-family:"+list+";"))
}
