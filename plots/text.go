package plots

import (
	"encoding/binary"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// emBox is a font's em box as fractions of its size: ascent above and
// descent below the baseline, and the gap between lines.
type emBox struct {
	asc, desc, gap float64
}

// ideographicBox is the em box of CJK fonts made after Adobe's (Source
// Han Sans, Noto Sans CJK), used when a font's OS/2 table cannot be read.
var ideographicBox = emBox{asc: 0.88, desc: 0.12}

// boxText is a plain-text handler that measures and places text by an em
// box given to it instead of the font's line metrics.
//
// gonum's text.Plain places a line's baseline Font.Size below the top of
// the box it measured with the font's ascent and descent. That suits Latin
// fonts, whose ascent is about 0.9 em, but CJK fonts declare far larger
// line metrics (Noto Sans CJK: ascent 1.16 em, descent 0.29 em), and their
// text is then drawn half an em below where it was measured: legend texts
// sit below their keys and value labels below the middle of their bars.
// boxText uses the font's typographic em box instead (Noto Sans CJK: 0.88
// and 0.12 em), inside which ideographs are centred.
type boxText struct {
	text.Plain
	box emBox
}

// Extents implements text.Handler.
func (h boxText) Extents(f font.Font) font.Extents {
	s := float64(f.Size)
	return font.Extents{
		Ascent:  vg.Length(s * h.box.asc),
		Descent: vg.Length(s * h.box.desc),
		Height:  vg.Length(s * (h.box.asc + h.box.desc + h.box.gap)),
	}
}

// Box implements text.Handler.
func (h boxText) Box(txt string, f font.Font) (width, height, depth vg.Length) {
	face := h.Fonts.Lookup(f, f.Size)
	e := h.Extents(f)
	return face.Width(txt), e.Ascent, e.Descent
}

// Draw implements text.Handler: the text's box (of Style.Height) is
// aligned to pt by sty.XAlign and sty.YAlign, each line's baseline its
// descent above the bottom of its line box.
func (h boxText) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	lines := h.Lines(txt)
	if len(txt) == 0 || len(lines) == 0 {
		return
	}
	face := h.Fonts.Lookup(sty.Font, sty.Font.Size)
	e := h.Extents(sty.Font)
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
		defer c.Pop()
	}
	// pt in the rotated frame.
	sin, cos := math.Sincos(sty.Rotation)
	pt.X, pt.Y = pt.Y*vg.Length(sin)+pt.X*vg.Length(cos), pt.Y*vg.Length(cos)-pt.X*vg.Length(sin)

	bottom := pt.Y + sty.Height(txt)*vg.Length(sty.YAlign)
	for i, line := range lines {
		base := bottom + e.Descent + vg.Length(len(lines)-1-i)*e.Height
		x := pt.X + vg.Length(sty.XAlign)*face.Width(line)
		c.FillString(face, vg.Point{X: x, Y: base}, line)
	}
}

// typoBox returns the typographic em box from the OS/2 table of the font
// at offset off of data (a font file, or a collection with off the font's
// table directory), with ok false when there is none.
func typoBox(data []byte, off int, unitsPerEm int) (b emBox, ok bool) {
	be := binary.BigEndian
	if unitsPerEm <= 0 || off < 0 || len(data) < off+12 {
		return b, false
	}
	n := int(be.Uint16(data[off+4:]))
	for i := range n {
		rec := off + 12 + 16*i
		if len(data) < rec+16 {
			return b, false
		}
		if string(data[rec:rec+4]) != "OS/2" {
			continue
		}
		t := int(be.Uint32(data[rec+8:]))
		if int(be.Uint32(data[rec+12:])) < 74 || len(data) < t+74 {
			return b, false
		}
		asc := float64(int16(be.Uint16(data[t+68:])))
		desc := -float64(int16(be.Uint16(data[t+70:])))
		gap := float64(int16(be.Uint16(data[t+72:])))
		u := float64(unitsPerEm)
		if asc <= 0 || desc < 0 || gap < 0 || asc+desc > 2*u {
			return b, false
		}
		return emBox{asc: asc / u, desc: desc / u, gap: gap / u}, true
	}
	return b, false
}
