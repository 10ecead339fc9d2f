package workbook

import (
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"simulate/metrics"
	"simulate/results"
	"simulate/sensitivity"
)

// Sheet names of the sensitivity and index commands.
const (
	SheetPercentiles = "Percentiles"
	SheetSobol       = "Sobol"
	SheetTornado     = "Tornado"
	SheetIndustries  = "Industries"
	SheetStages      = "Stages"
)

// InputsBook returns a workbook with only the sheet Inputs, for a command
// whose results are added with the methods below.
func InputsBook(title string, inputs []results.InputRow) *Book {
	b := New(title)
	b.inputs(inputs)
	return b
}

// Percentiles adds the sheet Percentiles: the columns of percentiles.csv
// (results.WritePercentilesCSV) as numbers, and a native line chart of
// the mean and the percentiles of each per-year metric over the years.
func (b *Book) Percentiles(ms []metrics.Metric, sums []sensitivity.Summary) {
	if len(ms) != len(sums) {
		panic("workbook: Percentiles with metrics and summaries of different lengths")
	}
	t := Table{Name: SheetPercentiles, Header: []string{"metric", "year", "mean"}, Formats: []string{"", fmtYear}, Widths: []float64{24, 8}}
	for _, p := range sensitivity.Percents {
		t.Header = append(t.Header, "p"+strconv.FormatFloat(p, 'f', -1, 64))
	}
	for i, m := range ms {
		var year any
		if m.PerYear() {
			year = m.Year
		}
		row := []any{m.Name(), year, sums[i].Mean}
		for _, v := range sums[i].P {
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	b.Table(t)
	for i, m := range ms {
		first, _ := excelize.CoordinatesToCellName(3, i+2)
		last, _ := excelize.CoordinatesToCellName(3+len(sensitivity.Percents), i+2)
		b.fail(b.f.SetCellStyle(SheetPercentiles, first, last, b.style(FormatOf(m.Unit()))))
	}
	// A chart per run of rows of one per-year metric.
	for i := 0; i < len(ms); {
		j := i
		for j < len(ms) && ms[j].PerYear() && ms[j].Name() == ms[i].Name() {
			j++
		}
		if j-i < 2 {
			i = max(j, i+1)
			continue
		}
		var ser []excelize.ChartSeries
		for k, h := range t.Header[2:] {
			s := excelize.ChartSeries{
				Name:       cell(SheetPercentiles, 3+k, 1),
				Categories: ref(SheetPercentiles, 2, i+2, j+1),
				Values:     ref(SheetPercentiles, 3+k, i+2, j+1),
				Line:       excelize.LineOptions{Width: 1.5},
			}
			if h == "p50" || h == "mean" {
				s.Line.Width = 2.5
			}
			ser = append(ser, s)
		}
		what := metricLabel(ms[i].Name())
		b.chart(&excelize.Chart{
			Type:   excelize.Line,
			Series: ser,
			Title:  title(what + ": mean and percentiles over the draws"),
			XAxis:  excelize.ChartAxis{Title: title("year")},
			YAxis:  excelize.ChartAxis{Title: title(what), MajorGridLines: true},
		})
		i = j
	}
}

// Sobol adds the sheet Sobol: the columns of sobol.csv
// (results.WriteSobolCSV), a row per metric and uncertain input (labelled
// inputs[i]), and a native bar chart of the first-order and total indices
// of each metric.
func (b *Book) Sobol(inputs []string, res *sensitivity.SobolResult) {
	t := Table{Name: SheetSobol, Header: []string{"metric", "year", "param", "s1", "s1_lo", "s1_hi", "st", "st_lo", "st_hi"},
		Formats: []string{"", fmtYear, "", fmtFraction, fmtFraction, fmtFraction, fmtFraction, fmtFraction, fmtFraction}, Widths: []float64{24, 8, 40}}
	for mi, m := range res.Metrics {
		ix := res.Indices[mi]
		var year any // empty for a period total, as in sobol.csv
		if m.PerYear() {
			year = m.Year
		}
		for i, label := range inputs {
			t.Rows = append(t.Rows, []any{m.Name(), year, label, ix.S1[i], ix.S1Lo[i], ix.S1Hi[i], ix.ST[i], ix.STLo[i], ix.STHi[i]})
		}
	}
	b.Table(t)
	k := len(inputs)
	for mi, m := range res.Metrics {
		if k == 0 {
			break
		}
		first, last := 2+mi*k, 1+(mi+1)*k
		var ser []excelize.ChartSeries
		for _, col := range []int{4, 7} {
			ser = append(ser, excelize.ChartSeries{
				Name:       cell(SheetSobol, col, 1),
				Categories: ref(SheetSobol, 3, first, last),
				Values:     ref(SheetSobol, col, first, last),
			})
		}
		b.chart(&excelize.Chart{
			Type:   excelize.Bar,
			Series: ser,
			Title:  title("Sobol indices of " + m.String()),
			XAxis:  excelize.ChartAxis{ReverseOrder: true},
			YAxis:  excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
		})
	}
}

// Tornado adds the sheet Tornado: the columns of tornado.csv
// (results.WriteTornadoCSV), a row per bar.
func (b *Book) Tornado(bars []sensitivity.Bar) {
	t := Table{Name: SheetTornado, Header: []string{"param", "low_value", "high_value", "metric_low", "metric_high", "swing"}, Widths: []float64{40}}
	for _, r := range bars {
		t.Rows = append(t.Rows, []any{r.Label, r.Low, r.High, r.MetricLow, r.MetricHigh, r.Swing()})
	}
	b.Table(t)
}

// optional returns v, or nil (an empty cell) for NaN.
func optional(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}

// Index adds the sheets of an index: Industries, the columns of
// industries.csv (results.WriteIndustriesCSV), and Stages, those of
// stages.csv (results.WriteStagesCSV), as numbers; and a native column
// chart of the index and the published index by industry.
func (b *Book) Index(r *results.IndexRun) {
	b.industries(r)
	b.stages(r)
	b.industriesChart(r)
}

func (b *Book) industries(r *results.IndexRun) {
	t := Table{Name: SheetIndustries, Header: []string{"industry", "name_zh", "index", "published", "rank"},
		Formats: []string{"", "", fmtPts, fmtPts, "0"}, Widths: []float64{16, 10}}
	for i, ind := range r.Index.Industries {
		t.Rows = append(t.Rows, []any{ind.Key, ind.NameZh, r.Result.Scores[i], optional(ind.Published.V), r.Result.Ranks[i]})
	}
	b.Table(t)
}

func (b *Book) industriesChart(r *results.IndexRun) {
	n := len(r.Index.Industries)
	if n == 0 {
		return
	}
	var ser []excelize.ChartSeries
	for _, col := range []int{3, 4} {
		ser = append(ser, excelize.ChartSeries{
			Name:       cell(SheetIndustries, col, 1),
			Categories: ref(SheetIndustries, 1, 2, n+1),
			Values:     ref(SheetIndustries, col, 2, n+1),
		})
	}
	b.chart(&excelize.Chart{
		Type:     excelize.Col,
		Series:   ser,
		Title:    title(r.Index.Name + ": index by industry (points)"),
		YAxis:    excelize.ChartAxis{Title: title("points"), MajorGridLines: true},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
	})
}

func (b *Book) stages(r *results.IndexRun) {
	t := Table{Name: SheetStages, Header: []string{"industry", "stage", "name_zh", "weight", "penetration_pct", "contribution_pts",
		"source", "feasible_lo_pct", "feasible_hi_pct", "industry_share", "weight_source"},
		Formats: []string{"", "", "", fmtFraction, fmtPct, fmtPts, "", fmtPct, fmtPct, fmtFraction},
		Widths:  []float64{16, 30, 14, 10, 16, 16, 14, 16, 16, 14, 14}}
	for _, ind := range r.Index.Industries {
		ivs := r.Feasible[ind.Key]
		add := func(path, name string, weight, pen float64, src, wsrc string, share float64) {
			var lo, hi any
			if iv, ok := ivs[path]; ok {
				lo, hi = iv.Lo, iv.Hi
			}
			t.Rows = append(t.Rows, []any{ind.Key, path, name, weight, pen, share * pen, src, lo, hi, share, wsrc})
		}
		for _, s := range ind.Stages {
			add(s.Key, s.NameZh, s.Weight.V, s.Penetration.V, s.Penetration.Source.String(), s.Weight.Source.String(), s.Weight.V)
			for _, c := range s.Subs {
				add(s.Key+"."+c.Key, c.NameZh, c.Weight.V, c.Penetration.V, c.Penetration.Source.String(), c.Weight.Source.String(), s.Weight.V*c.Weight.V)
			}
		}
	}
	b.Table(t)
}
