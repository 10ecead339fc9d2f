package plots

import (
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/history"
	"simulate/model"
	"simulate/pwt"
)

// Reference is a published split of one year's growth, drawn by
// [HistoryProjection] as an outlined bar beside the chart's own bar of
// that year (or alone, in a year without one).
type Reference struct {
	Year  int
	Label string // legend text, e.g. "Report 2024"; "" names the year
	// Contribution holds the contributions of labour, capital and TFP
	// (indexed by model.Labor, model.Capital, model.TFP) in percentage
	// points; NaN marks one that was not published, which is not drawn.
	Contribution [model.NumFactors]float64
}

// History returns stacked bars of the growth accounting h of observed
// years: the contributions of labour — its quantity (hours, or persons)
// and its quality (human capital) as two stacks —, capital and TFP (log
// points, which add up to growth exactly), with GDP growth as markers.
// Signs stack as in [Decomposition]. Years whose labour input is a
// fallback without hours (h made with pwt.LabourAuto) are shaded, and the
// caption names them. dataFile names the data in the caption: "" for the
// Penn World Table 9.1 embedded in the tool, else the file (in PWT's
// format) h was computed from. official, when given, is drawn as a line
// over the years of the chart: China's official growth, in log points.
func History(t *Theme, h history.Result, dataFile string, official ...history.Official) (*Chart, error) {
	hist, err := historyBars(t, h)
	if err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.lbl
	first, last := h.Rows[0].Year, h.Rows[len(h.Rows)-1].Year
	c := newChart(t, fmt.Sprintf(l.HistTitleF, t.country(h), first, last), l.HistAxis)
	shades := c.addFallbackShades(h)
	c.addHistoryBars(hist, bars{}, nil)
	note := c.addOfficial(official, first, last)
	c.legend = append(c.legend, shades...)
	c.Caption = t.caption(t.historyNotes(h), note, dataSource(t, dataFile))
	return c, nil
}

// HistoryProjection returns [History]'s bars of h followed by the
// projection of scenario proj (percent and percentage points, in lighter
// colours), the boundary between them marked by a dashed line whose labels
// name the unit of each side: the parts are in different units. ref, when
// not nil, is drawn as an outlined bar beside the bar of its year. The
// projection must start after the history's last year.
func HistoryProjection(t *Theme, h history.Result, dataFile string, proj Scenario, ref *Reference) (*Chart, error) {
	hist, err := historyBars(t, h)
	if err != nil {
		return nil, err
	}
	if err := checkResults(proj.Results); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", proj.Name, err)
	}
	if err := checkReference(ref); err != nil {
		return nil, err
	}
	hFirst, hLast := h.Rows[0].Year, h.Rows[len(h.Rows)-1].Year
	pFirst, pLast := span(proj.Results)
	if pFirst <= hLast {
		return nil, fmt.Errorf("plots: the projection starts in %d, before the history ends (%d)", pFirst, hLast)
	}
	t = t.theme()
	l := t.lbl
	name := l.QuoteL + proj.Name + l.QuoteR
	c := newChart(t, fmt.Sprintf(l.HistProjTitleF, t.countryName(h), hFirst, hLast, name, pFirst, pLast), l.HistProjAxis)
	shades := c.addFallbackShades(h)
	c.addHistoryBars(hist, resultBars(t, proj.Results), ref)
	c.legend = append(c.legend, shades...)
	c.Caption = t.caption(t.historyNotes(h), fmt.Sprintf(l.ProjNoteF, proj.Name), dataSource(t, dataFile))
	return c, nil
}

// bars are the years of a history chart with the contributions and
// growth of each, in the chart's units: one stack per part, with its
// colour, legend name and the factor it belongs to.
type bars struct {
	years  []int
	parts  [][]float64 // by stack, then year
	colors []color.Color
	names  []string
	// factor of each stack (model.Labor, model.Capital, model.TFP); a
	// projection's stack of the same factor shares its legend entry.
	// noFactor marks labour quality, which projections do not split.
	factor []int
	growth []float64
}

// noFactor is bars.factor of a stack that is no model factor.
const noFactor = -1

// labourTol bounds |LabourHours + LabourQuality − Labour| in a row, log
// points: package history makes them equal, rows made by hand may round.
const labourTol = 1e-9

// historyBars returns the bars of h in log points — labour quantity,
// labour quality (left out when zero in every year), capital, TFP —, or
// an error if h has no rows, a value that is not finite, or labour parts
// that do not add up to labour.
func historyBars(t *Theme, h history.Result) (bars, error) {
	if len(h.Rows) == 0 {
		return bars{}, ErrNoYears
	}
	l := t.theme().lbl
	var b bars
	hours, quality, capital, tfp := make([]float64, len(h.Rows)), make([]float64, len(h.Rows)), make([]float64, len(h.Rows)), make([]float64, len(h.Rows))
	anyQuality := false
	for i, r := range h.Rows {
		for _, v := range []float64{r.GDP, r.Labour, r.Capital, r.TFP, r.LabourHours, r.LabourQuality} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return bars{}, fmt.Errorf("plots: history of %d holds a non-finite value", r.Year)
			}
		}
		if math.Abs(r.LabourHours+r.LabourQuality-r.Labour) > labourTol*max(1, math.Abs(r.Labour)) {
			return bars{}, fmt.Errorf("plots: history of %d: labour hours %v + quality %v is not labour %v", r.Year, r.LabourHours, r.LabourQuality, r.Labour)
		}
		b.years = append(b.years, r.Year)
		b.growth = append(b.growth, r.GDP)
		hours[i], quality[i], capital[i], tfp[i] = r.LabourHours, r.LabourQuality, r.Capital, r.TFP
		anyQuality = anyQuality || r.LabourQuality != 0
	}
	b.add(hours, colFactor[model.Labor], l.labourName(h), int(model.Labor))
	if anyQuality {
		b.add(quality, colQuality, l.HistQuality, noFactor)
	}
	b.add(capital, colFactor[model.Capital], l.Factor[model.Capital], int(model.Capital))
	b.add(tfp, colFactor[model.TFP], l.Factor[model.TFP], int(model.TFP))
	return b, nil
}

// add appends a stack.
func (b *bars) add(vals []float64, c color.Color, name string, factor int) {
	b.parts = append(b.parts, vals)
	b.colors = append(b.colors, c)
	b.names = append(b.names, name)
	b.factor = append(b.factor, factor)
}

// colQuality is the colour of labour quality: next to labour's orange.
var colQuality = colVermillion

// labourName returns the legend name of the labour quantity of h: hours,
// persons, or either.
func (l *labels) labourName(h history.Result) string {
	hours, persons := false, false
	for _, r := range h.Rows {
		if r.LabourMeasure == pwt.LabourHoursHC {
			hours = true
		} else {
			persons = true
		}
	}
	switch {
	case hours && persons:
		return l.HistLabour[2]
	case persons:
		return l.HistLabour[1]
	}
	return l.HistLabour[0]
}

// resultBars returns the bars of res in percent and percentage points.
func resultBars(t *Theme, res model.Results) bars {
	l := t.theme().lbl
	var b bars
	vals := make([][]float64, model.NumFactors)
	for _, y := range res.Years {
		b.years = append(b.years, y.Year)
		for f := range model.NumFactors {
			vals[f] = append(vals[f], 100*y.Contribution[f])
		}
		b.growth = append(b.growth, 100*y.Growth)
	}
	for f := range model.NumFactors {
		b.add(vals[f], colFactor[f], l.Factor[f], int(f))
	}
	return b
}

func checkReference(ref *Reference) error {
	if ref == nil {
		return nil
	}
	given := false
	for _, v := range ref.Contribution {
		if math.IsInf(v, 0) {
			return fmt.Errorf("plots: reference of %d holds an infinite value", ref.Year)
		}
		given = given || !math.IsNaN(v)
	}
	if !given {
		return fmt.Errorf("plots: reference of %d has no contribution", ref.Year)
	}
	return nil
}

// country returns the name and code of h's country, e.g. "China (CHN)".
func (t *Theme) country(h history.Result) string {
	return fmt.Sprintf(t.lbl.CountryF, t.countryName(h), h.ISO)
}

// countryName returns the name of h's country in the theme's language
// where the label table has it, else as the data name it.
func (t *Theme) countryName(h history.Result) string {
	if n, ok := t.lbl.Countries[h.ISO]; ok {
		return n
	}
	if h.Country != "" {
		return h.Country
	}
	return h.ISO
}

// historyNotes returns the caption's sentences on the history: years
// without a bar, years on a fallback labour measure, the unit and the
// inputs.
func (t *Theme) historyNotes(h history.Result) string {
	l := t.lbl
	var gaps string
	if g := missingYears(h.Rows); len(g) > 0 {
		gaps = fmt.Sprintf(l.HistGapsF, strings.Join(g, l.ListSep))
	}
	var parts []string
	for _, m := range []pwt.Labour{pwt.LabourPersonsHC, pwt.LabourPersons} {
		if ys := h.YearsOn(m); len(ys) > 0 && len(h.Measures()) > 1 {
			parts = append(parts, fmt.Sprintf(l.HistShadePartF, m, strings.Join(yearRanges(ys), l.ListSep)))
		}
	}
	var shaded string
	if len(parts) > 0 {
		shaded = fmt.Sprintf(l.HistShadeF, strings.Join(parts, l.SemiSep))
	}
	var labour []string
	for _, m := range h.Measures() {
		labour = append(labour, m.String())
	}
	if len(labour) == 0 {
		labour = append(labour, h.Options.Labour.String())
	}
	inputs := fmt.Sprintf(l.HistInputsF, h.Options.Capital, strings.Join(labour, l.Else))
	return t.caption(gaps, shaded, l.HistUnits, inputs)
}

// yearRanges returns years (increasing) as single years and ranges of
// consecutive years: "1957–1970", "1998".
func yearRanges(ys []int) []string {
	var out []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if i == j {
			out = append(out, strconv.Itoa(ys[i]))
		} else {
			out = append(out, strconv.Itoa(ys[i])+"–"+strconv.Itoa(ys[j]))
		}
		i = j + 1
	}
	return out
}

// Shading of the years whose labour input has no hours: persons × hc, and
// persons alone (darker). Translucent, so that gridlines show through.
var colShade = map[pwt.Labour]color.Color{
	pwt.LabourPersonsHC: color.NRGBA{0, 0, 0, 0x14},
	pwt.LabourPersons:   color.NRGBA{0, 0, 0, 0x2c},
}

// addFallbackShades shades the years of h whose labour input is a
// fallback without hours, when h mixes measures, and returns their legend
// entries (for the caller to add after the bars').
func (c *Chart) addFallbackShades(h history.Result) []legendEntry {
	if len(h.Measures()) < 2 {
		return nil
	}
	l := c.theme.theme().lbl
	var entries []legendEntry
	for i, m := range []pwt.Labour{pwt.LabourPersonsHC, pwt.LabourPersons} {
		ys := h.YearsOn(m)
		if len(ys) == 0 {
			continue
		}
		c.Plot.Add(&shade{years: ys, color: colShade[m]})
		entries = append(entries, legendEntry{text: l.HistShade[i], thumbs: []plot.Thumbnailer{swatch{colShade[m]}}})
	}
	return entries
}

// shade fills the slot of each year, from year − 0.5 to year + 0.5, over
// the whole height of the data area.
type shade struct {
	years []int
	color color.Color
}

// Plot implements plot.Plotter.
func (s *shade) Plot(c draw.Canvas, p *plot.Plot) {
	for _, r := range yearRuns(s.years) {
		x0 := c.X(p.X.Norm(float64(r[0]) - 0.5))
		x1 := c.X(p.X.Norm(float64(r[1]) + 0.5))
		pts := []vg.Point{{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}}
		c.FillPolygon(s.color, c.ClipPolygonXY(pts))
	}
}

// yearRuns returns the runs of consecutive years in ys (increasing) as
// first and last year.
func yearRuns(ys []int) [][2]int {
	var out [][2]int
	for _, y := range ys {
		if n := len(out); n > 0 && out[n-1][1] == y-1 {
			out[n-1][1] = y
			continue
		}
		out = append(out, [2]int{y, y})
	}
	return out
}

// officialGlyph marks official growth.
var officialGlyph = draw.GlyphStyle{Color: colPurple, Radius: vg.Points(3.2), Shape: draw.PyramidGlyph{}}

// addOfficial draws the official growth of the years first…last as a
// line (broken where a year has no figure) with markers, adds its legend
// entry, widens the y range to hold it and returns the caption's sentence
// on it; "" when no year of off falls in the span.
func (c *Chart) addOfficial(off []history.Official, first, last int) string {
	var ys []int
	var vs []float64
	for _, o := range off {
		if o.Year >= first && o.Year <= last && !math.IsNaN(o.Growth()) {
			ys = append(ys, o.Year)
			vs = append(vs, o.LogPoints())
		}
	}
	if len(ys) == 0 {
		return ""
	}
	l := c.theme.theme().lbl
	line := draw.LineStyle{Color: colPurple, Width: vg.Points(1.6)}
	i := 0
	var missing []int
	for _, r := range yearRuns(ys) {
		n := r[1] - r[0] + 1
		xs := make([]float64, n)
		for k := range xs {
			xs[k] = float64(r[0] + k)
		}
		c.Plot.Add(&polyline{xs: xs, ys: vs[i : i+n], line: line}, &points{xs: xs, ys: vs[i : i+n], glyph: officialGlyph})
		i += n
	}
	for y := ys[0] + 1; y < ys[len(ys)-1]; y++ {
		if !slices.Contains(ys, y) {
			missing = append(missing, y)
		}
	}
	lo, hi := slices.Min(vs), slices.Max(vs)
	niceRange(math.Min(lo, c.Plot.Y.Min), math.Max(hi, c.Plot.Y.Max), 8).apply(&c.Plot.Y)
	c.addLegend(l.OfficialLine, lineThumb{line: line, glyph: &officialGlyph})
	note := l.OfficialNote
	if len(missing) > 0 {
		note = c.theme.theme().caption(note, fmt.Sprintf(l.OfficialGapsF, strings.Join(yearRanges(missing), l.ListSep)))
	}
	return note
}

// missingYears returns the years between the first and last row that have
// none, as single years and ranges: "1998", "2003–2004".
func missingYears(rows []history.Row) []string {
	var out []string
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1].Year+1, rows[i].Year-1
		switch {
		case a == b:
			out = append(out, strconv.Itoa(a))
		case a < b:
			out = append(out, strconv.Itoa(a)+"–"+strconv.Itoa(b))
		}
	}
	return out
}

// dataSource returns the caption's sentence on the data.
func dataSource(t *Theme, dataFile string) string {
	if dataFile == "" {
		return t.lbl.SourcePWT
	}
	return fmt.Sprintf(t.lbl.SourceFileF, filepath.Base(dataFile))
}

// Bar geometry in a year that also holds a reference: the chart's own bar
// on the left half of a wider slot, the reference on the right.
const (
	refSlot = 1.0  // years
	refGap  = 0.06 // between the two bars
)

// labelledBars is the most bars a history chart labels with values; more
// would not fit.
const labelledBars = 12

// historyParts are the plotters of a history chart; proj, ref and bound
// are nil when the chart has none.
type historyParts struct {
	hist, proj *stackedBars
	ref        *outlinedBar
	bound      *boundary
}

// addHistoryBars draws hist and proj (which may be empty) as stacked bars
// with growth markers, proj in lighter colours after a boundary line, ref
// as an outlined bar, sets the axes and adds the legend.
func (c *Chart) addHistoryBars(hist, proj bars, ref *Reference) historyParts {
	t := c.theme.theme()
	l := t.lbl
	n := len(hist.years) + len(proj.years)
	first, last := hist.years[0], hist.years[len(hist.years)-1]
	if len(proj.years) > 0 {
		last = proj.years[len(proj.years)-1]
	}
	if ref != nil {
		first, last = min(first, ref.Year), max(last, ref.Year)
	}
	c.setYears(first, last)

	glyph := growthGlyph(c.Plot.X.Max - c.Plot.X.Min)
	shared := false // whether ref shares its year with a bar
	mk := func(b bars, cols []color.Color) (*stackedBars, []float64) {
		xs := make([]float64, len(b.years))
		widths := make([]float64, len(b.years))
		for i, y := range b.years {
			xs[i], widths[i] = float64(y), barWidth
			if ref != nil && y == ref.Year {
				w := (refSlot - refGap) / 2
				xs[i], widths[i] = float64(y)-(refGap+w)/2, w
				shared = true
			}
		}
		sb := newStackedBars(xs, barWidth, b.parts, cols)
		sb.widths = widths
		sb.marks, sb.markR = b.growth, glyph.Radius
		if n <= labelledBars {
			sb.label = func(v float64) string { return formatNumber(v, 1) }
			sb.labelStyle = t.valueStyle()
		}
		return sb, xs
	}
	hb, hx := mk(hist, hist.colors)
	var pb *stackedBars
	var px []float64
	light := make([]color.Color, len(proj.colors))
	for i, col := range proj.colors {
		light[i] = tint(col, projTint)
	}
	if len(proj.years) > 0 {
		pb, px = mk(proj, light)
	}
	var rb *outlinedBar
	if ref != nil {
		w := barWidth
		x := float64(ref.Year)
		if shared {
			w = (refSlot - refGap) / 2
			x += (refGap + w) / 2
		}
		rb = &outlinedBar{x: x, width: w, vals: ref.Contribution}
		// Keep the reference off the edge of the data area.
		c.Plot.X.Max = math.Max(c.Plot.X.Max, x+w/2+0.4)
	}

	// The y range covers the bars, the markers and the reference, with
	// room above for the boundary's labels.
	lo, hi := 0.0, 0.0
	extend := func(b *stackedBars, growth []float64) {
		_, _, bl, bh := b.DataRange()
		lo, hi = math.Min(lo, bl), math.Max(hi, bh)
		for _, v := range growth {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	extend(hb, hist.growth)
	if pb != nil {
		extend(pb, proj.growth)
	}
	if rb != nil {
		rlo, rhi := rb.extent()
		lo, hi = math.Min(lo, rlo), math.Max(hi, rhi)
	}
	if pb != nil {
		hi += boundaryRoom * (hi - lo)
	}
	niceRange(lo, hi, 8).apply(&c.Plot.Y)

	c.Plot.Add(hb)
	if pb != nil {
		c.Plot.Add(pb)
	}
	if rb != nil {
		c.Plot.Add(rb)
	}
	c.Plot.Add(zeroLine{})
	var bd *boundary
	if pb != nil {
		sty := t.style(vg.Points(sizeTick), colorText)
		x := (float64(hist.years[len(hist.years)-1]) + float64(proj.years[0])) / 2
		bd = &boundary{x: x, left: l.HistSide, right: l.ProjSide, style: sty}
		c.Plot.Add(bd)
	}
	c.Plot.Add(&points{xs: hx, ys: hist.growth, glyph: glyph})
	if pb != nil {
		c.Plot.Add(&points{xs: px, ys: proj.growth, glyph: glyph})
	}
	if n <= labelledBars {
		c.Plot.Add(totalLabels(t, hb, hx, hist.growth))
		if pb != nil {
			c.Plot.Add(totalLabels(t, pb, px, proj.growth))
		}
	}

	for i, name := range hist.names {
		var th plot.Thumbnailer = swatch{hist.colors[i]}
		if j := slices.Index(proj.factor, hist.factor[i]); pb != nil && j >= 0 && hist.factor[i] != noFactor {
			th = splitSwatch{hist.colors[i], light[j]}
		}
		c.addLegend(name, th)
	}
	c.addLegend(l.HistGrowth, lineThumb{glyph: &glyph})
	if ref != nil {
		label := ref.Label
		if label == "" {
			label = strconv.Itoa(ref.Year)
		}
		var parts []string
		for f, v := range ref.Contribution {
			if !math.IsNaN(v) {
				parts = append(parts, l.RefPart[f]+" "+strconv.FormatFloat(v, 'f', -1, 64))
			}
		}
		c.addLegend(fmt.Sprintf(l.RefF, label, strings.Join(parts, " + ")), outlineThumb{})
	}
	return historyParts{hist: hb, proj: pb, ref: rb, bound: bd}
}

// growthGlyph returns the growth marker of a chart spanning years: that of
// [Decomposition] while it fits in a year, smaller on long spans, where
// markers that size would touch.
func growthGlyph(years float64) draw.GlyphStyle {
	// The data area is about 500 points wide.
	r := min(float64(totalGlyph.Radius), max(2.2, 0.35*500/years))
	if r == float64(totalGlyph.Radius) {
		return totalGlyph
	}
	return draw.GlyphStyle{Color: totalGlyph.Color, Radius: vg.Length(r), Shape: dotGlyph{rim: vg.Length(0.3 * r)}}
}

// projTint is how much of a factor's colour its projected bars keep, the
// rest being white.
const projTint = 0.5

// boundaryRoom is the room above the bars for the boundary's labels, as a
// fraction of the bars' span.
const boundaryRoom = 0.12

// tint returns c mixed with white, keeping the fraction f of c.
func tint(c color.Color, f float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8(math.Round(f*float64(v>>8) + (1-f)*255)) }
	return color.RGBA{mix(r), mix(g), mix(b), 0xff}
}

// outlinedBar is a stacked bar drawn as outlines in the factors' colours:
// a published split beside the chart's own bar. NaN values are not drawn.
type outlinedBar struct {
	x, width float64
	vals     [model.NumFactors]float64
}

// segments returns the stacked bounds of the bar's values, NaN ones
// empty.
func (o *outlinedBar) segments() (lo, hi []float64) {
	vals := make([][]float64, len(o.vals))
	for f, v := range o.vals {
		if math.IsNaN(v) {
			v = 0
		}
		vals[f] = []float64{v}
	}
	l, h := stack(vals)
	for f := range vals {
		lo, hi = append(lo, l[f][0]), append(hi, h[f][0])
	}
	return lo, hi
}

// extent returns the bottom and top of the bar.
func (o *outlinedBar) extent() (lo, hi float64) {
	l, h := o.segments()
	for f := range l {
		lo, hi = math.Min(lo, l[f]), math.Max(hi, h[f])
	}
	return lo, hi
}

// Plot implements plot.Plotter.
func (o *outlinedBar) Plot(c draw.Canvas, p *plot.Plot) {
	lo, hi := o.segments()
	const w = 1.6 // stroke width, points
	in := vg.Points(w / 2)
	x0 := c.X(p.X.Norm(o.x-o.width/2)) + in
	x1 := c.X(p.X.Norm(o.x+o.width/2)) - in
	for f, v := range o.vals {
		if math.IsNaN(v) || v == 0 {
			continue
		}
		y0, y1 := c.Y(p.Y.Norm(lo[f])), c.Y(p.Y.Norm(hi[f]))
		if y1 < y0 {
			y0, y1 = y1, y0
		}
		y0, y1 = y0+in, y1-in
		if y1 < y0 {
			y0, y1 = (y0+y1)/2, (y0+y1)/2
		}
		pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}}
		c.StrokeLines(draw.LineStyle{Color: colFactor[f], Width: vg.Points(w)}, c.ClipLinesXY(pts)...)
	}
}

// boundary marks where history ends and the projection starts: a dashed
// vertical line with a label on each side at the top of the data area.
type boundary struct {
	x           float64
	left, right string
	style       text.Style
}

// Plot implements plot.Plotter.
func (b *boundary) Plot(c draw.Canvas, p *plot.Plot) {
	x := c.X(p.X.Norm(b.x))
	ls := draw.LineStyle{Color: colorAxis, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
	c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
	y := c.Max.Y - vg.Points(3)
	gap := vg.Points(5)
	sty := b.style
	sty.XAlign, sty.YAlign = draw.XRight, draw.YTop
	c.FillText(sty, vg.Point{X: x - gap, Y: y}, b.left)
	sty.XAlign = draw.XLeft
	c.FillText(sty, vg.Point{X: x + gap, Y: y}, b.right)
}

// splitSwatch is the legend thumbnail of a factor in a chart of history
// and projection: its colour on the left half, its projection's on the
// right.
type splitSwatch struct{ left, right color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s splitSwatch) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	inset := (r.Max.Y - r.Min.Y) * 0.1
	mid := (r.Min.X + r.Max.X) / 2
	box := func(x0, x1 vg.Length) []vg.Point {
		return []vg.Point{{X: x0, Y: r.Min.Y + inset}, {X: x1, Y: r.Min.Y + inset},
			{X: x1, Y: r.Max.Y - inset}, {X: x0, Y: r.Max.Y - inset}}
	}
	c.FillPolygon(s.left, box(r.Min.X, mid))
	c.FillPolygon(s.right, box(mid, r.Max.X))
}

// outlineThumb is the legend thumbnail of a reference: an outlined box.
type outlineThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (outlineThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	inset := (r.Max.Y - r.Min.Y) * 0.1
	w := vg.Points(1.6)
	x0, x1 := r.Min.X+w/2, r.Max.X-w/2
	y0, y1 := r.Min.Y+inset+w/2, r.Max.Y-inset-w/2
	c.StrokeLines(draw.LineStyle{Color: colBlack, Width: w},
		[]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
}
