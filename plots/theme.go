package plots

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"image/color"
	"strings"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/internal/input"
)

// Language is the language of a chart's text.
type Language int

const (
	English Language = iota // "en"
	Chinese                 // "zh", simplified, in the report's wording
)

// String returns "en" or "zh".
func (l Language) String() string {
	switch l {
	case English:
		return "en"
	case Chinese:
		return "zh"
	}
	return fmt.Sprintf("Language(%d)", int(l))
}

// ParseLanguage returns the language named "en" or "zh".
func ParseLanguage(s string) (Language, error) {
	switch s {
	case "en":
		return English, nil
	case "zh":
		return Chinese, nil
	}
	return 0, fmt.Errorf("plots: unknown language %q (allowed: en, zh)", s)
}

// ErrNoCJKFont is returned (wrapped) by [NewTheme] when Chinese text is
// asked for and no font with Chinese glyphs can be found.
var ErrNoCJKFont = errors.New("plots: no font with Chinese glyphs found")

// CJKFontPaths are the well-known places where [NewTheme] looks for a font
// with Chinese glyphs, in order. The first is where Debian and Ubuntu's
// fonts-noto-cjk package installs Noto Sans CJK.
var CJKFontPaths = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
	"/usr/share/fonts/noto-cjk/NotoSansCJKsc-Regular.otf",
	"/usr/local/share/fonts/NotoSansCJK-Regular.ttc",
	"/usr/local/share/fonts/NotoSansCJKsc-Regular.otf",
	"/Library/Fonts/NotoSansCJK-Regular.ttc",
	"/Library/Fonts/NotoSansCJKsc-Regular.otf",
}

// cjkSubset is Noto Sans CJK SC Regular cut down to the characters of the
// Chinese label table and a few common scenario words (see fonts/README.md).
// It is used when no CJK font is installed.
//
//go:embed fonts/NotoSansCJKsc-Regular-subset.otf
var cjkSubset []byte

// Theme holds what every chart of one language shares: the label table and
// the font. Build it once with [NewTheme] and use it for all charts; a nil
// *Theme means English with the built-in Liberation Sans font.
type Theme struct {
	lang    Language
	lbl     *labels
	handler text.Handler
	font    font.Font // descriptor looked up in handler's cache
	face    *opentype.Font
	family  string // the font's family name, as written into SVG
	source  string // where the font came from, for messages
	// trueType reports whether the face has TrueType outlines and is a
	// single font, not a member of a collection: only then can the PDF
	// backend embed it.
	trueType bool
}

// NewTheme returns the theme of language lang.
//
// The font is, in order: the file fontFile when it is not empty (TrueType
// or OpenType, .ttf, .otf or .ttc; from a collection the Simplified Chinese
// face is taken when there is one, else the first); for English, gonum's
// built-in Liberation Sans; for Chinese, the first of [CJKFontPaths] that
// exists, and failing that a subset of Noto Sans CJK SC shipped with this
// package, which covers the label text but not arbitrary Chinese text such
// as unusual scenario names (rendering then fails with an error naming the
// missing characters, see [Render]).
func NewTheme(lang Language, fontFile string) (*Theme, error) {
	var lbl *labels
	switch lang {
	case English:
		lbl = &labelsEN
	case Chinese:
		lbl = &labelsZH
	default:
		return nil, fmt.Errorf("plots: unknown language %v", lang)
	}
	if fontFile != "" {
		data, err := input.Read(fontFile, input.Font)
		if err != nil {
			return nil, fmt.Errorf("plots: font file %s: %w", fontFile, err)
		}
		pf, err := parseFont(data, lang)
		if err != nil {
			return nil, fmt.Errorf("plots: font file %s: %w", fontFile, err)
		}
		if miss := missing(pf.face, lbl.runes()); len(miss) > 0 {
			err := fmt.Errorf("plots: font file %s has no glyph for %q of the chart labels", fontFile, string(miss))
			if lang == Chinese {
				err = fmt.Errorf("%w (%w): use a CJK font such as Noto Sans CJK (apt-get install fonts-noto-cjk)", err, ErrNoCJKFont)
			}
			return nil, err
		}
		return newTheme(lang, lbl, pf, fontFile), nil
	}
	if lang == English {
		return defaultTheme(), nil
	}
	for _, path := range CJKFontPaths {
		data, err := input.Read(path, input.Font)
		if err != nil {
			continue
		}
		pf, err := parseFont(data, lang)
		if err != nil || !covers(pf.face, lbl.runes()) {
			continue
		}
		return newTheme(lang, lbl, pf, path), nil
	}
	if len(cjkSubset) > 0 {
		return embeddedCJKTheme()
	}
	return nil, fmt.Errorf("%w: install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) "+
		"or pass a font file with Chinese glyphs", ErrNoCJKFont)
}

// embeddedCJKTheme returns the Chinese theme with the shipped font subset.
func embeddedCJKTheme() (*Theme, error) {
	pf, err := parseFont(cjkSubset, Chinese)
	if err != nil {
		return nil, fmt.Errorf("plots: embedded CJK font: %w", err)
	}
	return newTheme(Chinese, &labelsZH, pf, "built-in Noto Sans CJK SC subset"), nil
}

var enTheme *Theme

func init() {
	var face *opentype.Font
	for _, f := range liberation.Collection() {
		if f.Font.Variant == "Sans" && f.Font.Weight == xfont.WeightNormal && f.Font.Style == xfont.StyleNormal {
			face = f.Face
		}
	}
	if face == nil {
		panic("plots: Liberation Sans missing from gonum's font collection")
	}
	enTheme = newTheme(English, &labelsEN, parsedFont{face: face, trueType: true}, "built-in Liberation Sans")
}

// defaultTheme returns the English theme with Liberation Sans.
func defaultTheme() *Theme { return enTheme }

// newTheme returns the theme of lang with font pf. Chinese text is placed
// by the font's em box (see [boxText]).
func newTheme(lang Language, lbl *labels, pf parsedFont, source string) *Theme {
	var buf sfnt.Buffer
	family, err := pf.face.Name(&buf, sfnt.NameIDFamily)
	if err != nil || family == "" {
		family = "Chart"
	}
	fnt := font.Font{Typeface: font.Typeface(family)}
	plain := text.Plain{Fonts: font.NewCache(font.Collection{{Font: fnt, Face: pf.face}})}
	var h text.Handler = plain
	if lang == Chinese {
		box, ok := typoBox(pf.data, pf.offset, int(pf.face.UnitsPerEm()))
		if !ok {
			box = ideographicBox
		}
		h = boxText{Plain: plain, box: box}
	}
	return &Theme{
		lang:     lang,
		lbl:      lbl,
		handler:  h,
		font:     fnt,
		face:     pf.face,
		family:   family,
		source:   source,
		trueType: pf.trueType,
	}
}

// Language returns the theme's language.
func (t *Theme) Language() Language { return t.theme().lang }

// FontSource says where the theme's font came from: a file path or
// "built-in …".
func (t *Theme) FontSource() string { return t.theme().source }

func (t *Theme) theme() *Theme {
	if t == nil {
		return defaultTheme()
	}
	return t
}

// parsedFont is a font face and what else is known of its file.
type parsedFont struct {
	face     *opentype.Font
	data     []byte // the file
	offset   int    // of the face's table directory in data
	trueType bool   // a single font with TrueType outlines
}

// parseFont parses a font file or collection. From a collection it takes
// the Simplified Chinese face for Chinese when there is one, else the first
// face.
func parseFont(data []byte, lang Language) (parsedFont, error) {
	if bytes.HasPrefix(data, []byte("ttcf")) {
		coll, err := opentype.ParseCollection(data)
		if err != nil {
			return parsedFont{}, err
		}
		if coll.NumFonts() == 0 {
			return parsedFont{}, errors.New("empty font collection")
		}
		var buf sfnt.Buffer
		pick := 0
		for i := range coll.NumFonts() {
			f, err := coll.Font(i)
			if err != nil {
				continue
			}
			name, _ := f.Name(&buf, sfnt.NameIDFamily)
			if lang == Chinese && strings.HasSuffix(name, " SC") && !strings.Contains(name, "Mono") {
				pick = i
				break
			}
		}
		f, err := coll.Font(pick)
		if err != nil {
			return parsedFont{}, err
		}
		off := -1
		if len(data) >= 16+4*pick {
			off = int(binary.BigEndian.Uint32(data[12+4*pick:]))
		}
		return parsedFont{face: f, data: data, offset: off}, nil
	}
	f, err := opentype.Parse(data)
	if err != nil {
		return parsedFont{}, err
	}
	// TrueType outlines: sfnt version 0x00010000 or "true"; "OTTO" is CFF.
	tt := bytes.HasPrefix(data, []byte{0, 1, 0, 0}) || bytes.HasPrefix(data, []byte("true"))
	return parsedFont{face: f, data: data, trueType: tt}, nil
}

// covers reports whether f has a glyph for every rune of rs.
func covers(f *opentype.Font, rs []rune) bool { return len(missing(f, rs)) == 0 }

// missing returns the runes of rs that f has no glyph for.
func missing(f *opentype.Font, rs []rune) []rune {
	var buf sfnt.Buffer
	var miss []rune
	for _, r := range rs {
		if !hasGlyph(f, &buf, r) {
			miss = append(miss, r)
		}
	}
	return miss
}

// hasGlyph reports whether f has a glyph for r. Control characters need
// none.
func hasGlyph(f *opentype.Font, buf *sfnt.Buffer, r rune) bool {
	if r < 0x20 {
		return true
	}
	i, err := f.GlyphIndex(buf, r)
	return err == nil && i != 0
}

// Text sizes and colours shared by the charts.
const (
	sizeTitle    = 13
	sizeSubtitle = 10
	sizeAxis     = 10.5
	sizeTick     = 9.5
	sizeLegend   = 9.5
	sizeCaption  = 8
	sizeValue    = 8
)

var (
	colorText    = color.Gray{Y: 0x20}
	colorCaption = color.Gray{Y: 0x55}
	colorGrid    = color.Gray{Y: 0xdd}
	colorAxis    = color.Gray{Y: 0x40}
)

// style returns a text style of the theme's font at size points.
func (t *Theme) style(size vg.Length, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    font.From(t.font, size),
		Handler: t.handler,
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
	}
}
