// Package plots draws the simulator's results as charts for reports, with
// gonum/plot, in English or Chinese, as PNG, SVG or PDF.
//
// # Charts
//
// Each function takes results of package model (or, for the history
// charts, of package history; for the fit of a calibration, [FitPanel]s)
// and returns a [*Chart]; the file names are those recommended by
// [ResultCharts] and [CompareCharts], and those the simulate command gives
// the history charts and the fit.
//
//	IIIncrement        ii_increment          bars of the II GDP increment (亿元, left axis), the
//	                                         II share of GDP growth (%) as a line on a right
//	                                         axis, value labels; published values
//	                                         ([Published]) as black markers: the report's own
//	                                         chart
//	Decomposition      decomposition         stacked contributions of labour, capital and TFP
//	                                         (pp) with total growth as markers
//	Channels           ii_channels           stacked II GDP increment by channel (亿元) with the
//	                                         total; channels zero in every year are named in
//	                                         the caption instead of drawn
//	Cumulative         ii_cumulative         cumulative II GDP increment (亿元), published
//	                                         values cumulated as markers
//	CompareII          compare_ii_increment  II GDP increment per scenario, one line each
//	CompareIIShare     compare_ii_share      II share of GDP growth (%) per scenario
//	CompareGrowth      compare_growth        GDP growth (%) per scenario
//	CompareIIDiff      compare_ii_diff       each scenario's II GDP increment minus the first's
//	History            history               stacked contributions of labour (quantity and
//	                                         quality, two stacks), capital and TFP to a
//	                                         country's observed growth (log points) with growth
//	                                         as markers; years on a labour fallback without
//	                                         hours shaded; official growth (China, NBS) as a
//	                                         line when given; source Penn World Table 9.1
//	HistoryCompareTFP  compare_tfp           TFP's contribution per year, one line per country
//	HistoryComparePeriods compare_periods    mean contributions over periods, a stacked bar
//	                                         per country, grouped by period
//	HistoryProjection  history_projection    the same, then a scenario's projection (%, pp) in
//	                                         lighter colours after a dashed line whose labels
//	                                         give each side's unit; a published split
//	                                         ([Reference]) outlined beside its year's bar
//	Fit                fit                   a calibration: per metric, a panel of published
//	                                         targets (± half the printed digit) against the
//	                                         fitted values; 6 × 2.5 inches per panel, English,
//	                                         gonum's default style
//
// The numbers behind the comparison charts are written as compare.csv by
// package results.
//
// Stacked bars stack positive values upward from zero and negative values
// downward from zero, so that a recession year (negative growth, negative
// labour or TFP contribution) reads correctly. Every chart has a title,
// axis labels with units (亿元 is "100 million yuan" in English), year
// ticks on whole years (labelled every 1, 2, 5, 10… years so that at most
// 12 are, with unlabelled ticks between), a legend below the axes and a
// caption with the units, price base and source. gonum/plot has no second
// value axis: the II chart draws the share in left-axis units and its own
// right axis, whose ticks fall on the left axis' gridlines and whose range
// puts the line above the bars.
//
// The history charts mix units honestly: observed years are in log points
// (100 × log difference, in which the contributions add up to growth
// exactly), a projection in percent and percentage points; the axis label,
// the labels either side of the boundary and the caption say so. Years
// between the first and last observed one that have no data have no bar,
// and the caption names them.
//
// # Formats
//
// Charts are 8 × 5 inches ([Fit] excepted). [Render] returns the file's bytes, or an error
// and no bytes; writing files is the caller's (the simulate command writes
// every file of a run together, with package output).
//
//   - PNG: 1600 × 1000 pixels (200 DPI), any language.
//   - SVG: text stays text, in the chart's font with fallbacks
//     (Liberation Sans, then the metric-compatible Arial; Noto Sans CJK SC,
//     then other Simplified Chinese fonts), so its look depends a little
//     on the viewer's fonts. No fonts or images are embedded (gonum's SVG
//     backend mislabels embedded PNG images as JPEG).
//   - PDF: English only. gonum's PDF backend encodes text as Windows-1252
//     in an embedded TrueType font: Render converts the text to that
//     encoding (so "–" and "×" print right) and returns [ErrPDF] for
//     Chinese charts, for characters outside Windows-1252 (such as "α" in
//     a scenario name) and for fonts that are not a single TrueType font.
//     Bold and italic faces are not used, since the backend fails on them.
//
// # Languages and fonts
//
// [NewTheme] returns the labels and font of a [Language]; a nil *Theme is
// English. English uses gonum's built-in Liberation Sans. Chinese follows
// the report's wording ("产业互联网带来的GDP增量（亿元）", "GDP增长的贡献率（%）",
// "劳动力", "资本", "全要素生产率") and needs a font with Chinese glyphs, which
// gonum lacks: NewTheme takes, in order, an explicit font file (.ttf, .otf
// or .ttc, the Simplified Chinese face of a collection), the first font of
// [CJKFontPaths] that exists (Debian's fonts-noto-cjk installs
// /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc), and a subset of
// Noto Sans CJK SC shipped in fonts/ (OFL 1.1), which covers the labels and
// common scenario words but not every Chinese character. Chinese history
// charts name a dozen large economies in Chinese (CHN 中国, USA 美国, …);
// other countries keep the data's English name. Rendering checks every
// text drawn against the font and returns a [*GlyphError] naming the
// missing characters rather than writing a chart with gaps. Chinese text is
// placed by the font's em box rather than its line metrics, which in CJK
// fonts are far taller than the glyphs; wrapped Chinese text starts no line
// with closing punctuation ("，", "。", "）").
//
// # Tests
//
// go test -update rewrites the golden images in testdata and the font
// subset's character list (then run fonts/subset.sh, see fonts/README.md);
// go test -run TestPNG -out DIR writes the PNG of every chart to DIR.
package plots
