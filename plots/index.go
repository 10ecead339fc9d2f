package plots

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/cii"
)

// The charts of an industrial-internet index (package cii, simulate
// index): the comparison of the industries (the report's figure "2019-2020
// 年中国七大行业产业互联网指数"), one chart of each industry's stages, the
// industries' indices stacked by stage contribution, and the index path a
// scenario drives θ with. Industry and stage names are the index file's:
// name in English, name_zh in Chinese.

// indexLabels is the text of the index charts in one language. The English
// text keeps to Windows-1252 (no Σ, θ, κ), which gonum's PDF backend draws.
type indexLabels struct {
	IndustriesTitleF string // %s: the index's name
	IndexAxis        string // index, points
	Published        string // legend: published value
	MeanF            string // legend: %s the mean
	IndustriesNoteF  string // caption: %s the aggregate's note

	StagesTitleF   string // %s: industry name; %s: its index
	PenAxis        string // penetration, %
	Text           string // legend: a value the text gives
	Reconstructed  string // legend: a reconstructed value
	Assumed        string // legend: an assumption or a given value
	Derived        string // legend: a stage with sub-stages
	FeasibleLegend string // legend: the feasible interval
	IndustryIndexF string // legend: %s the industry's index
	WeightF        string // tick label of a stage: %s the name, %s its weight in %
	SubWeightF     string // tick label of a sub-stage: %s the name, %s its weight in % of its stage
	StagesNote     string // caption

	ContribTitle string
	ContribAxis  string
	Upstream     string // legend: the first stage of a chain
	Downstream   string // legend: the last stage
	ContribNote  string // caption

	PathTitleF string // %s: the scenario
	PathAxis   string
	PathLine   string // legend
	PathNoteF  string // caption: %s the scenario, %s the coefficients κ

	RanksTitleF string // %s: the index's name; %d: the number of draws
	RankAxis    string
	RankBand    string // legend: the 5–95 % range
	RankMedian  string // legend
	RankBase    string // legend: the rank in the index as given
	RanksNote   string // caption

	Source string // the report as the source of published values
	Model  string
}

var indexEN = indexLabels{
	IndustriesTitleF: "Industrial-internet index by industry (%s)",
	IndexAxis:        "Industrial-internet index (points)",
	Published:        "Published index",
	MeanF:            "Mean of the industries: %s",
	IndustriesNoteF:  "Index = sum over stages of weight × penetration of the industrial internet's modes (points: +1 point = 1 %% more of the industry using them). %s",

	StagesTitleF:   "%s: penetration by stage (index %s)",
	PenAxis:        "Penetration (%)",
	Text:           "Given by the report's text",
	Reconstructed:  "Reconstructed",
	Assumed:        "Assumption",
	Derived:        "Stage: weighted mean of its sub-stages",
	FeasibleLegend: "Interval the text and the published index leave",
	IndustryIndexF: "Industry index: %s",
	WeightF:        "%s (weight %s %%)",
	SubWeightF:     "· %s (%s %% of the stage)",
	StagesNote:     "Bar thickness grows with the stage's share of the industry; sub-stages (·) follow their stage, their weight a share of it. Reconstructed values reproduce the published index as close as possible to equal weights and to the middle of what the text allows (docs/cii.md).",

	ContribTitle: "Industrial-internet index by stage contribution",
	ContribAxis:  "Contribution to the industry's index (points)",
	Upstream:     "First stage of the chain",
	Downstream:   "Last stage",
	ContribNote:  "Each segment is a stage's weight × penetration, in the order of the industry's chain (left: upstream; right: towards the consumer). Markers: published index.",

	PathTitleF: "%s: the industrial-internet index that drives theta",
	PathAxis:   "Industrial-internet index (points)",
	PathLine:   "Index I, driving theta = kappa × I / 100",
	PathNoteF:  "Scenario %s: the II share theta of each TFP dimension is kappa × I / 100, kappa = %s. Model: simulate.",

	RanksTitleF: "%s: ranks of the industries over %d draws",
	RankAxis:    "Rank (1 = highest index)",
	RankBand:    "5–95 % of the draws",
	RankMedian:  "Median rank",
	RankBase:    "Rank in the index as given",
	RanksNote:   "Ranks of each draw of the uncertain values of the index (composite-indicator uncertainty analysis, as in the OECD/JRC handbook). Model: simulate.",

	Source: "Published values: iResearch × Tsinghua report, July 2020.",
	Model:  "Model: simulate.",
}

var indexZH = indexLabels{
	IndustriesTitleF: "各行业产业互联网指数（%s）",
	IndexAxis:        "产业互联网指数（点）",
	Published:        "报告值",
	MeanF:            "各行业算术平均：%s",
	IndustriesNoteF:  "指数=各流程权重×产业互联网模式渗透率之和（点；指数每增加1个百分点，意味着产业互联网模式在该行业中的应用增加了1个百分点）。%s",

	StagesTitleF:   "%s：各流程产业互联网渗透率（指数%s）",
	PenAxis:        "渗透率（%）",
	Text:           "报告正文给出",
	Reconstructed:  "重构值",
	Assumed:        "假设",
	Derived:        "流程：各子环节的加权平均",
	FeasibleLegend: "正文与报告指数允许的区间",
	IndustryIndexF: "行业指数：%s",
	WeightF:        "%s（权重%s%%）",
	SubWeightF:     "· %s（占流程%s%%）",
	StagesNote:     "条形粗细随流程在行业中的权重增加；子环节（·）列于所属流程之下，其权重为占该流程的比例。重构值在与报告指数一致、满足正文全部约束的取值中，最接近等权重与正文区间中点（见docs/cii.md）。",

	ContribTitle: "各行业产业互联网指数：按流程贡献分解",
	ContribAxis:  "对行业指数的贡献（点）",
	Upstream:     "产业链首个流程",
	Downstream:   "最后一个流程",
	ContribNote:  "各段为流程权重×渗透率，按行业产业链顺序排列（左为上游，右为接近消费端）。标记为报告指数。",

	PathTitleF: "%s：驱动θ的产业互联网指数",
	PathAxis:   "产业互联网指数（点）",
	PathLine:   "驱动θ的指数I：θ = κ·I/100",
	PathNoteF:  "情景%s：全要素生产率各维度中产业互联网的占比θ = κ·I/100，κ = %s。来源：simulate模型计算。",

	RanksTitleF: "%s：各行业排名（%d次抽样）",
	RankAxis:    "排名（1为指数最高）",
	RankBand:    "5–95%抽样区间",
	RankMedian:  "排名中位数",
	RankBase:    "原指数排名",
	RanksNote:   "对指数不确定取值逐次抽样后的行业排名（综合指标不确定性分析，参见OECD/JRC手册）。来源：simulate模型计算。",

	Source: "报告值：艾瑞研究院、清华大学互联网产业研究院，2020年7月。",
	Model:  "来源：simulate模型计算。",
}

// index returns the index labels of the theme's language.
func (t *Theme) index() *indexLabels {
	if t.theme().lang == Chinese {
		return &indexZH
	}
	return &indexEN
}

func (l *indexLabels) runes() []rune { return textRunes(*l) }

// name returns the name of an industry, stage or mode in the theme's
// language: name_zh in Chinese (else the English name or key), name in
// English (else the key).
func (t *Theme) name(en, zh, key string) string {
	if t.theme().lang == Chinese && zh != "" {
		return zh
	}
	if en != "" {
		return en
	}
	return key
}

// checkIndex returns an error unless every score of r is finite and r has
// one per industry.
func checkIndex(ix *cii.Index, r *cii.Result) error {
	if len(ix.Industries) == 0 || len(r.Scores) != len(ix.Industries) {
		return errors.New("plots: an index chart needs one score per industry")
	}
	for i, s := range r.Scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			return fmt.Errorf("plots: the index of %s is not finite", ix.Industries[i].Key)
		}
	}
	return nil
}

// IndexIndustries returns the comparison of the industries: a bar per
// industry, highest first, with its index as a label, the published
// indices as markers and the mean as a dashed line.
func IndexIndustries(t *Theme, ix *cii.Index, r *cii.Result) (*Chart, error) {
	if err := checkIndex(ix, r); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.index()
	c := newChart(t, fmt.Sprintf(l.IndustriesTitleF, ix.Name), l.IndexAxis)
	c.Plot.X.Label.Text = ""
	order := make([]int, len(ix.Industries))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return r.Scores[order[a]] > r.Scores[order[b]] })
	var xs, ys, pubX, pubY []float64
	ticks := make([]plot.Tick, len(order))
	for k, i := range order {
		ind := ix.Industries[i]
		xs, ys = append(xs, float64(k)), append(ys, r.Scores[i])
		if v := ind.Published.V; !math.IsNaN(v) {
			pubX, pubY = append(pubX, float64(k)), append(pubY, v)
		}
		ticks[k] = plot.Tick{Value: float64(k), Label: t.name(ind.Name, ind.NameZh, ind.Key)}
	}
	bars := newStackedBars(xs, 0.62, [][]float64{ys}, []color.Color{colBlue})
	mean := draw.LineStyle{Color: colVermillion, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
	// The mean behind the bars, the values inside their tops in white.
	inside := labelsAt(t, xs, ys, 2, "")
	inside.style.Color = color.White
	inside.offset = vg.Points(5)
	for i := range inside.below {
		inside.below[i] = true
	}
	c.Plot.Add(hline{y: r.Mean, line: mean}, bars, inside)
	c.addLegend(fmt.Sprintf(l.MeanF, formatNumber(r.Mean, 2)), lineThumb{line: mean})
	if len(pubX) > 0 {
		c.Plot.Add(&points{xs: pubX, ys: pubY, glyph: pubBarGlyph})
		g := pubBarGlyph
		c.addLegend(l.Published, lineThumb{glyph: &g})
	}
	niceRange(0, math.Max(maxOf(ys), maxOf(pubY))*1.08, 8).apply(&c.Plot.Y)
	c.Plot.X.Min, c.Plot.X.Max = -0.6, float64(len(order))-0.4
	c.Plot.X.Tick.Marker = plot.ConstantTicks(ticks)
	c.Plot.X.Tick.Length = 0
	src := l.Model
	if len(pubX) > 0 {
		src = l.Model + t.lbl.Sentence + l.Source
	}
	c.Caption = fmt.Sprintf(l.IndustriesNoteF, src)
	return c, nil
}

func maxOf(vs []float64) float64 {
	m := 0.0
	for _, v := range vs {
		m = math.Max(m, v)
	}
	return m
}

// hline draws a horizontal line at y across the data area.
type hline struct {
	y    float64
	line draw.LineStyle
}

// Plot implements plot.Plotter.
func (h hline) Plot(c draw.Canvas, p *plot.Plot) {
	y := c.Y(p.Y.Norm(h.y))
	c.StrokeLine2(h.line, c.Min.X, y, c.Max.X, y)
}

// stageRow is one row of a stage chart.
type stageRow struct {
	label    string
	pen      float64
	share    float64 // of the industry
	source   cii.Source
	iv       cii.Interval
	hasIV    bool
	subStage bool
}

// IndexStages returns the chart of one industry's stages: a horizontal bar
// per stage and sub-stage (indented under its stage) of its penetration,
// thicker for a larger share of the industry, its weight in the label;
// values the text gives solid, reconstructed ones light with a dark
// outline, a stage with sub-stages as an outline only; the interval the
// constraints and the published index leave each penetration (feasible,
// keyed by stage path; may be nil) as whiskers; and the industry's index
// as a dashed line.
func IndexStages(t *Theme, ind *cii.Industry, score float64, feasible map[string]cii.Interval) (*Chart, error) {
	if len(ind.Stages) == 0 || math.IsNaN(score) || math.IsInf(score, 0) {
		return nil, fmt.Errorf("plots: industry %s has no stage or no finite index", ind.Key)
	}
	t = t.theme()
	l := t.index()
	var rows []stageRow
	add := func(path string, s *cii.Stage, share float64, sub bool) {
		iv, ok := feasible[path]
		name := t.name(s.Name, s.NameZh, s.Key)
		w := formatNumber(100*s.Weight.V, 1)
		label := fmt.Sprintf(l.WeightF, name, w)
		if sub {
			label = fmt.Sprintf(l.SubWeightF, name, w)
		}
		rows = append(rows, stageRow{label: label, pen: s.Penetration.V, share: share, source: s.Penetration.Source, iv: iv, hasIV: ok, subStage: sub})
	}
	for _, s := range ind.Stages {
		add(s.Key, s, s.Weight.V, false)
		for _, c := range s.Subs {
			add(s.Key+"."+c.Key, c, s.Weight.V*c.Weight.V, true)
		}
	}
	for _, r := range rows {
		if math.IsNaN(r.pen) || math.IsInf(r.pen, 0) {
			return nil, fmt.Errorf("plots: a penetration of %s is not finite", ind.Key)
		}
	}
	c := newChart(t, fmt.Sprintf(l.StagesTitleF, t.name(ind.Name, ind.NameZh, ind.Key), formatNumber(score, 1)), "")
	c.Plot.X.Label.Text = l.PenAxis
	n := len(rows)
	var maxShare float64
	for _, r := range rows {
		maxShare = math.Max(maxShare, r.share)
	}
	hb := &hbars{}
	ticks := make([]plot.Tick, n)
	for i, r := range rows {
		y := float64(n - 1 - i) // the first stage on top
		h := 0.18 + 0.62*r.share/maxShare
		hb.add(y, r.pen, h, r.source, r.hasIV, r.iv)
		ticks[i] = plot.Tick{Value: y, Label: r.label}
	}
	index := draw.LineStyle{Color: colVermillion, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
	grid := plotter.NewGrid()
	grid.Horizontal.Color = nil
	grid.Vertical = draw.LineStyle{Color: colorGrid, Width: vg.Points(0.6)}
	c.Plot.Add(grid, hb, vline{x: score, line: index})
	hi := 0.0
	for _, r := range rows {
		hi = math.Max(hi, r.pen)
		if r.hasIV {
			hi = math.Max(hi, r.iv.Hi)
		}
	}
	niceRange(0, math.Min(100, math.Max(hi, score)*1.02), 10).apply(&c.Plot.X)
	c.Plot.Y.Min, c.Plot.Y.Max = -0.6, float64(n)-0.4
	c.Plot.Y.Tick.Marker = plot.ConstantTicks(ticks)
	c.Plot.Y.Tick.Length = 0
	seen := map[cii.Source]bool{}
	for _, r := range rows {
		seen[r.source] = true
	}
	for _, s := range []cii.Source{cii.Text, cii.Figure, cii.Reconstructed, cii.Assumption, cii.Given, cii.Derived} {
		if !seen[s] {
			continue
		}
		text := map[cii.Source]string{cii.Text: l.Text, cii.Figure: l.Text, cii.Reconstructed: l.Reconstructed,
			cii.Assumption: l.Assumed, cii.Given: l.Assumed, cii.Derived: l.Derived}[s]
		if s == cii.Figure && seen[cii.Text] || s == cii.Given && seen[cii.Assumption] {
			continue
		}
		c.addLegend(text, barThumb{source: s})
	}
	if len(feasible) > 0 {
		c.addLegend(l.FeasibleLegend, whiskerThumb{})
	}
	c.addLegend(fmt.Sprintf(l.IndustryIndexF, formatNumber(score, 2)), lineThumb{line: index})
	c.Caption = l.StagesNote
	return c, nil
}

// Fill and outline of a bar by the source of its value.
var (
	colText  = colBlue
	colRecon = tint(colBlue, 0.65)
	colAssum = tint(colGreen, 0.45)
)

func barStyle(s cii.Source) (fill, outline color.Color) {
	switch s {
	case cii.Text, cii.Figure:
		return colText, nil
	case cii.Reconstructed:
		return colRecon, colBlue
	case cii.Derived:
		return nil, colorAxis
	}
	return colAssum, colGreen
}

// hbars draws horizontal bars from 0 to a value, each of its own
// thickness and style, with whiskers for an interval.
type hbars struct {
	ys, vs, hs []float64
	srcs       []cii.Source
	ivs        []cii.Interval
	hasIV      []bool
}

func (b *hbars) add(y, v, h float64, s cii.Source, hasIV bool, iv cii.Interval) {
	b.ys, b.vs, b.hs = append(b.ys, y), append(b.vs, v), append(b.hs, h)
	b.srcs, b.ivs, b.hasIV = append(b.srcs, s), append(b.ivs, iv), append(b.hasIV, hasIV)
}

// Plot implements plot.Plotter.
func (b *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	for i, y := range b.ys {
		x0, x1 := c.X(p.X.Norm(0)), c.X(p.X.Norm(b.vs[i]))
		y0, y1 := c.Y(p.Y.Norm(y-b.hs[i]/2)), c.Y(p.Y.Norm(y+b.hs[i]/2))
		pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
		fill, outline := barStyle(b.srcs[i])
		if fill != nil {
			c.FillPolygon(fill, c.ClipPolygonXY(pts))
		}
		if outline != nil {
			w := vg.Points(1)
			if b.srcs[i] == cii.Derived {
				w = vg.Points(1.4)
			}
			c.StrokeLines(draw.LineStyle{Color: outline, Width: w}, c.ClipLinesXY(append(pts, pts[0]))...)
		}
		if b.hasIV[i] && b.ivs[i].Hi-b.ivs[i].Lo > 1e-9 {
			lo, hi := c.X(p.X.Norm(b.ivs[i].Lo)), c.X(p.X.Norm(b.ivs[i].Hi))
			ym := c.Y(p.Y.Norm(y))
			capH := vg.Points(4)
			ws := draw.LineStyle{Color: colBlack, Width: vg.Points(1)}
			c.StrokeLine2(ws, lo, ym, hi, ym)
			c.StrokeLine2(ws, lo, ym-capH, lo, ym+capH)
			c.StrokeLine2(ws, hi, ym-capH, hi, ym+capH)
		}
	}
}

// DataRange implements plot.DataRanger.
func (b *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = 0, math.Inf(1)
	xmax, ymax = 0, math.Inf(-1)
	for i, y := range b.ys {
		xmax = math.Max(xmax, b.vs[i])
		ymin, ymax = math.Min(ymin, y-b.hs[i]/2), math.Max(ymax, y+b.hs[i]/2)
	}
	return
}

// barThumb is the legend thumbnail of a bar of a source.
type barThumb struct{ source cii.Source }

// Thumbnail implements plot.Thumbnailer.
func (t barThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	inset := (r.Max.Y - r.Min.Y) * 0.15
	pts := []vg.Point{{X: r.Min.X, Y: r.Min.Y + inset}, {X: r.Max.X, Y: r.Min.Y + inset}, {X: r.Max.X, Y: r.Max.Y - inset}, {X: r.Min.X, Y: r.Max.Y - inset}}
	fill, outline := barStyle(t.source)
	if fill != nil {
		c.FillPolygon(fill, pts)
	}
	if outline != nil {
		c.StrokeLines(draw.LineStyle{Color: outline, Width: vg.Points(1)}, append(pts, pts[0]))
	}
}

// whiskerThumb is the legend thumbnail of an interval.
type whiskerThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (whiskerThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	y := c.Center().Y
	ws := draw.LineStyle{Color: colBlack, Width: vg.Points(1)}
	h := vg.Points(4)
	c.StrokeLine2(ws, r.Min.X, y, r.Max.X, y)
	c.StrokeLine2(ws, r.Min.X, y-h, r.Min.X, y+h)
	c.StrokeLine2(ws, r.Max.X, y-h, r.Max.X, y+h)
}

// IndexContributions returns each industry's index as a horizontal bar
// stacked by its stages' contributions (weight × penetration, points), in
// the order of the industry's chain, coloured from the first stage
// (upstream) to the last (towards the consumer), with the stage names in
// the segments where they fit and the published indices as markers.
func IndexContributions(t *Theme, ix *cii.Index, r *cii.Result) (*Chart, error) {
	if err := checkIndex(ix, r); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.index()
	c := newChart(t, l.ContribTitle, "")
	c.Plot.X.Label.Text = l.ContribAxis
	grid := plotter.NewGrid()
	grid.Horizontal.Color = nil
	grid.Vertical = draw.LineStyle{Color: colorGrid, Width: vg.Points(0.6)}
	c.Plot.Add(grid)
	n := len(ix.Industries)
	segs := &hstack{style: t.valueStyle()}
	ticks := make([]plot.Tick, n)
	var pubX, pubY []float64
	hi := 0.0
	for i, ind := range ix.Industries {
		y := float64(n - 1 - i)
		x := 0.0
		for k, s := range ind.Stages {
			v := s.Weight.V * s.Penetration.V
			f := 0.0
			if len(ind.Stages) > 1 {
				f = float64(k) / float64(len(ind.Stages)-1)
			}
			segs.add(y, x, x+v, chainColor(f), t.name(s.Name, s.NameZh, s.Key))
			x += v
		}
		hi = math.Max(hi, x)
		if v := ind.Published.V; !math.IsNaN(v) {
			pubX, pubY = append(pubX, v), append(pubY, y)
			hi = math.Max(hi, v)
		}
		ticks[i] = plot.Tick{Value: y, Label: t.name(ind.Name, ind.NameZh, ind.Key)}
	}
	c.Plot.Add(segs)
	if len(pubX) > 0 {
		g := draw.GlyphStyle{Color: colBlack, Radius: vg.Points(9), Shape: vdashGlyph{}}
		c.Plot.Add(&points{xs: pubX, ys: pubY, glyph: g})
		c.addLegend(l.Published, lineThumb{glyph: &g})
	}
	niceRange(0, hi*1.04, 8).apply(&c.Plot.X)
	c.Plot.Y.Min, c.Plot.Y.Max = -0.6, float64(n)-0.4
	c.Plot.Y.Tick.Marker = plot.ConstantTicks(ticks)
	c.Plot.Y.Tick.Length = 0
	c.addLegend(l.Upstream, swatch{chainColor(0)})
	c.addLegend(l.Downstream, swatch{chainColor(1)})
	c.Caption = l.ContribNote
	if len(pubX) > 0 {
		c.Caption += t.lbl.Sentence + l.Source
	}
	return c, nil
}

// chainColor returns the colour of a stage at position f in [0, 1] of its
// industry's chain: from a light sky blue (upstream) to a deep blue.
func chainColor(f float64) color.Color {
	a := color.RGBA{0xc6, 0xdb, 0xef, 0xff}
	b := color.RGBA{0x08, 0x30, 0x6b, 0xff}
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + f*(float64(y)-float64(x)))) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// vdashGlyph is a thick vertical stroke: the marker of a published value
// on a horizontal bar.
type vdashGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (vdashGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	ls := draw.LineStyle{Color: sty.Color, Width: vg.Points(2.2)}
	c.StrokeLine2(ls, pt.X, pt.Y-sty.Radius, pt.X, pt.Y+sty.Radius)
}

// hstack draws horizontal bar segments with a label inside where it fits.
type hstack struct {
	ys, x0s, x1s []float64
	colors       []color.Color
	labels       []string
	style        text.Style
}

func (s *hstack) add(y, x0, x1 float64, c color.Color, label string) {
	s.ys, s.x0s, s.x1s = append(s.ys, y), append(s.x0s, x0), append(s.x1s, x1)
	s.colors, s.labels = append(s.colors, c), append(s.labels, label)
}

// Plot implements plot.Plotter.
func (s *hstack) Plot(c draw.Canvas, p *plot.Plot) {
	const h = 0.62
	sep := draw.LineStyle{Color: color.White, Width: vg.Points(0.8)}
	for i, y := range s.ys {
		x0, x1 := c.X(p.X.Norm(s.x0s[i])), c.X(p.X.Norm(s.x1s[i]))
		y0, y1 := c.Y(p.Y.Norm(y-h/2)), c.Y(p.Y.Norm(y+h/2))
		pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
		c.FillPolygon(s.colors[i], c.ClipPolygonXY(pts))
		c.StrokeLines(sep, c.ClipLinesXY(append(pts, pts[0]))...)
		sty := s.style
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		sty.Color = contrastText(s.colors[i])
		label := s.labels[i]
		if sty.Width(label)+vg.Points(4) > x1-x0 {
			label = shorten(sty, label, x1-x0-vg.Points(4))
		}
		if label != "" {
			c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, label)
		}
	}
}

// shorten returns the longest prefix of s with an ellipsis that fits in
// w, or "" when none of at least five characters (two Chinese ones) does.
func shorten(sty text.Style, s string, w vg.Length) string {
	rs := []rune(s)
	least := 5
	for _, r := range rs {
		if r > 0x2E80 {
			least = 2
		}
	}
	for n := len(rs) - 1; n >= least; n-- {
		t := strings.TrimRight(string(rs[:n]), " ") + "…"
		if sty.Width(t) <= w {
			return t
		}
	}
	return ""
}

// IndexPath returns the line chart of the index path a scenario drives θ
// with (θ_d,t = κ_d·I_t/100), with each year's value as a label; kappa
// describes the coefficients for the caption (e.g. "1.1355").
func IndexPath(t *Theme, scenario string, years []int, index []float64, kappa string) (*Chart, error) {
	if len(years) == 0 || len(years) != len(index) {
		return nil, errors.New("plots: an index path needs one value per year")
	}
	for _, v := range index {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("plots: an index path value is not finite")
		}
	}
	t = t.theme()
	l := t.index()
	c := newChart(t, fmt.Sprintf(l.PathTitleF, scenario), l.PathAxis)
	xs := make([]float64, len(years))
	for i, y := range years {
		xs[i] = float64(y)
	}
	c.setYears(years[0], years[len(years)-1])
	line := draw.LineStyle{Color: colBlue, Width: vg.Points(2)}
	g := circle(colBlue, 3.5)
	c.Plot.Add(&polyline{xs: xs, ys: index, line: line}, &points{xs: xs, ys: index, glyph: g}, labelsAt(t, xs, index, 2, ""))
	c.addLegend(l.PathLine, lineThumb{line: line, glyph: &g})
	niceRange(0, maxOf(index)*1.15, 8).apply(&c.Plot.Y)
	c.Caption = fmt.Sprintf(l.PathNoteF, scenario, kappa)
	return c, nil
}

// IndexRanks returns the chart of rank intervals over a Monte Carlo run on
// an index (cii.RankIntervals): for each industry, best rank first,
// the 5–95 % range of its rank as a bar, the median rank as a dot and the
// rank in the index as given as a ring, on an axis from rank 1 (left).
func IndexRanks(t *Theme, ix *cii.Index, ris []cii.RankInterval, draws int) (*Chart, error) {
	if len(ris) == 0 || len(ris) != len(ix.Industries) {
		return nil, errors.New("plots: a rank chart needs one interval per industry")
	}
	t = t.theme()
	l := t.index()
	c := newChart(t, fmt.Sprintf(l.RanksTitleF, ix.Name, draws), "")
	c.Plot.X.Label.Text = l.RankAxis
	n := len(ris)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ris[order[a]].Base < ris[order[b]].Base })
	var mx, my, bx, by []float64
	ticks := make([]plot.Tick, n)
	ranges := &rankBands{height: 0.42, color: tint(colBlue, 0.45)}
	for k, i := range order {
		r, ind := ris[i], ix.Industries[i]
		y := float64(n - 1 - k) // the best rank in the index on top
		mx, my = append(mx, r.Median), append(my, y)
		bx, by = append(bx, float64(r.Base)), append(by, y)
		ranges.ys = append(ranges.ys, y)
		ranges.lo, ranges.hi = append(ranges.lo, r.P5), append(ranges.hi, r.P95)
		ticks[k] = plot.Tick{Value: y, Label: t.name(ind.Name, ind.NameZh, ind.Key)}
	}
	med := circle(colBlue, 4)
	base := draw.GlyphStyle{Color: colVermillion, Radius: vg.Points(6), Shape: ringGlyph{width: vg.Points(1.4)}}
	c.Plot.Add(ranges, &points{xs: mx, ys: my, glyph: med}, &points{xs: bx, ys: by, glyph: base})
	ticksX := make([]plot.Tick, n)
	for k := range n {
		ticksX[k] = plot.Tick{Value: float64(k + 1), Label: fmt.Sprint(k + 1)}
	}
	c.Plot.X.Min, c.Plot.X.Max = 0.5, float64(n)+0.5
	c.Plot.X.Tick.Marker = plot.ConstantTicks(ticksX)
	c.Plot.Y.Min, c.Plot.Y.Max = -0.6, float64(n)-0.4
	c.Plot.Y.Tick.Marker = plot.ConstantTicks(ticks)
	c.Plot.Y.Tick.Length = 0
	c.addLegend(l.RankBand, swatch{tint(colBlue, 0.45)})
	c.addLegend(l.RankMedian, lineThumb{glyph: &med})
	c.addLegend(l.RankBase, lineThumb{glyph: &base})
	c.Caption = l.RanksNote
	return c, nil
}

// rankBands draws a horizontal band from lo to hi in each row.
type rankBands struct {
	ys, lo, hi []float64
	height     float64
	color      color.Color
}

// Plot implements plot.Plotter.
func (b *rankBands) Plot(c draw.Canvas, p *plot.Plot) {
	for i, y := range b.ys {
		lo, hi := b.lo[i], b.hi[i]
		if hi-lo < 0.1 { // a single rank: a narrow band around it
			lo, hi = lo-0.05, hi+0.05
		}
		x0, x1 := c.X(p.X.Norm(lo)), c.X(p.X.Norm(hi))
		y0, y1 := c.Y(p.Y.Norm(y-b.height/2)), c.Y(p.Y.Norm(y+b.height/2))
		c.FillPolygon(b.color, c.ClipPolygonXY([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}))
	}
}
