package workbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"simulate/metrics"
	"simulate/model"
	"simulate/results"
)

// Run is what the workbook of one scenario's run shows.
type Run struct {
	Scenario string // the scenario's name
	Title    string
	Results  *model.Results
	// Inputs are the resolved inputs with their sources
	// (results.InputRows).
	Inputs []results.InputRow
	// Published are the published figures the scenario names, beside the
	// model's values; none for a scenario that names none (the sheet
	// Published is then left out).
	Published []results.PublishedRow
}

// Sheet names of a run's workbook.
const (
	SheetInputs    = "Inputs"
	SheetResults   = "Results"
	SheetTotals    = "Totals"
	SheetPublished = "Published"
	SheetCharts    = "Charts"
)

// RunBook returns the workbook of one run: the sheets Inputs, Results
// (the columns of results.csv), Totals and Published (when r has
// published figures), and the sheet Charts with native charts of the
// report's figure (II increment as columns, II share of growth as a line
// on a secondary axis), the L/K/TFP decomposition (stacked columns with
// growth as a line) and the II increment by channel (stacked columns).
// Further sheets (Percentiles, …) may be added before Bytes.
func RunBook(r Run) *Book {
	b := New(r.Scenario + " — " + r.Title)
	b.inputs(r.Inputs)
	b.results(r.Results)
	b.totals(r.Results)
	if len(r.Published) > 0 {
		b.published(r.Published)
	}
	b.runCharts(r)
	return b
}

// results adds the sheet Results: exactly the columns of results.csv, the
// values as results.WriteCSV writes them, as numbers.
func (b *Book) results(res *model.Results) {
	t := Table{Name: SheetResults, Header: results.Columns, Formats: []string{fmtYear}}
	for i := range metrics.Columns {
		t.Formats = append(t.Formats, FormatOf(metrics.Columns[i].Unit))
	}
	for i := range res.Years {
		y := &res.Years[i]
		row := []any{y.Year}
		for j := range metrics.Columns {
			row = append(row, metrics.Columns[j].FileValue(y))
		}
		t.Rows = append(t.Rows, row)
	}
	b.Table(t)
}

// totals adds the sheet Totals: a row per period total of summary.json
// (one per channel for the total by channel), with its unit and meaning.
func (b *Book) totals(res *model.Results) {
	t := Table{Name: SheetTotals, Header: []string{"total", "value", "unit", "meaning"},
		Widths: []float64{34, 14, 10, 50}}
	for i := range metrics.Totals {
		c := &metrics.Totals[i]
		if !c.PerChannel() {
			t.Rows = append(t.Rows, []any{c.Name, c.Total(res), c.Unit, c.Doc})
			continue
		}
		for ch := range model.Channel(model.NumChannels) {
			t.Rows = append(t.Rows, []any{c.Name + "." + ch.String(), c.ChannelTotal(res, ch), c.Unit, c.Doc + ": " + ch.String()})
		}
	}
	t.Rows = append(t.Rows, []any{"years", len(res.Years), "", "the number of projected years"})
	b.Table(t)
	// The value column's format differs by row: set it per cell.
	for i, row := range t.Rows {
		unit, _ := row[2].(string)
		c, _ := excelize.CoordinatesToCellName(2, i+2)
		b.fail(b.f.SetCellStyle(SheetTotals, c, c, b.style(FormatOf(unit))))
	}
}

// inputs adds the sheet Inputs: a row per resolved input with its key
// path, meaning, unit, value (a scalar) or values per year, where it is
// given, whether that is inherited, and the comment there.
func (b *Book) inputs(rows []results.InputRow) {
	var years []int
	for _, r := range rows {
		for _, y := range r.Years {
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	slices.Sort(years)
	t := Table{Name: SheetInputs, Header: []string{"key", "label", "unit", "value"}, Widths: []float64{34, 48, 9, 11}}
	for _, y := range years {
		t.Header = append(t.Header, strconv.Itoa(y))
		t.Widths = append(t.Widths, 10)
	}
	t.Header = append(t.Header, "given in", "inherited", "source comment")
	t.Widths = append(t.Widths, 30, 10, 70)
	t.Wrap = make([]bool, len(t.Header))
	t.Wrap[1], t.Wrap[len(t.Header)-1] = true, true
	for _, r := range rows {
		label := r.Doc
		if p, ok := model.LookupParam(r.Key); ok && p.Label("en") != "" {
			label = p.Label("en")
		}
		row := []any{r.Key, label, r.Unit, nil}
		if r.Scalar {
			row[3] = r.Value
		}
		for _, y := range years {
			if k := slices.Index(r.Years, y); k >= 0 {
				row = append(row, r.Values[k])
			} else {
				row = append(row, nil)
			}
		}
		where := r.Source.Where
		if where == "" {
			where = "default"
		}
		row = append(row, where, r.Source.Inherited, r.Source.Comment)
		t.Rows = append(t.Rows, row)
	}
	b.Table(t)
	for i, r := range rows {
		first, _ := excelize.CoordinatesToCellName(4, i+2)
		last, _ := excelize.CoordinatesToCellName(4+len(years), i+2)
		b.fail(b.f.SetCellStyle(SheetInputs, first, last, b.style(FormatOf(r.Unit))))
	}
}

// published adds the sheet Published: each published figure, the model's
// value, the difference and whether the model's value rounds to the
// figure at its printed precision.
func (b *Book) published(rows []results.PublishedRow) {
	t := Table{Name: SheetPublished, Header: []string{"metric", "year", "unit", "published", "model", "difference", "precision", "within precision"},
		Widths: []float64{24, 8, 8, 14, 14, 14, 11, 16}}
	for _, r := range rows {
		var year any
		if r.Metric.PerYear() {
			year = r.Metric.Year
		}
		var prec any
		if r.Precision > 0 {
			prec = r.Precision
		}
		t.Rows = append(t.Rows, []any{r.Metric.Name(), year, r.Metric.Unit(), r.Published, r.Model, r.Diff(), prec, r.Within()})
	}
	b.Table(t)
	for i, r := range rows {
		first, _ := excelize.CoordinatesToCellName(4, i+2)
		last, _ := excelize.CoordinatesToCellName(6, i+2)
		b.fail(b.f.SetCellStyle(SheetPublished, first, last, b.style(FormatOf(r.Metric.Unit()))))
	}
}

// column returns the column (1-based) of the sheet Results that holds the
// per-year metric name.
func column(name string) int {
	i := slices.Index(results.Columns, name)
	if i < 0 {
		panic("workbook: results.csv has no column " + name)
	}
	return i + 1
}

// label returns a metric's meaning with its unit, from package metrics.
func label(name string) string {
	c, ok := metrics.Lookup(name)
	if !ok {
		panic("workbook: no metric " + name)
	}
	return c.Label("en") + " (" + c.UnitLabel("en") + ")"
}

// series returns the chart series of a column of Results, named by the
// metric's meaning.
func (b *Book) series(n int, name string) excelize.ChartSeries {
	c, _ := metrics.Lookup(name)
	return excelize.ChartSeries{
		Name:       b.name(c.Label("en") + " (" + c.UnitLabel("en") + ")"),
		Categories: ref(SheetResults, 1, 2, n+1),
		Values:     ref(SheetResults, column(name), 2, n+1),
	}
}

// runCharts adds the charts of a run to the sheet Charts.
func (b *Book) runCharts(r Run) {
	n := len(r.Results.Years)
	if n == 0 {
		return
	}
	span := strconv.Itoa(r.Results.Years[0].Year) + "–" + strconv.Itoa(r.Results.Years[n-1].Year)
	xAxis := excelize.ChartAxis{Title: title(results.Columns[0])}

	// The report's figure: II increment (columns, left axis) and II share
	// of growth (line with markers, right axis).
	inc := b.series(n, "ii_increment_yi")
	inc.DataLabelPosition = excelize.ChartDataLabelsPositionInsideEnd
	share := b.series(n, "ii_share_pct")
	share.Marker = excelize.ChartMarker{Symbol: "circle", Size: 6}
	share.Line = excelize.LineOptions{Width: 2.25}
	share.DataLabelPosition = excelize.ChartDataLabelsPositionAbove
	b.chart(&excelize.Chart{
		Type:     excelize.Col,
		Series:   []excelize.ChartSeries{inc},
		Title:    title(r.Scenario + ": " + label("ii_increment_yi") + ", " + span),
		XAxis:    xAxis,
		YAxis:    excelize.ChartAxis{Title: title(label("ii_increment_yi")), MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
	}, &excelize.Chart{
		Type:     excelize.Line,
		Series:   []excelize.ChartSeries{share},
		YAxis:    excelize.ChartAxis{Secondary: true, Title: title(label("ii_share_pct")), NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0"}},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
	})

	// The decomposition: contributions of L, K and TFP stacked, growth as
	// a line.
	var parts []excelize.ChartSeries
	for _, name := range []string{"labor_pp", "capital_pp", "tfp_pp"} {
		parts = append(parts, b.series(n, name))
	}
	growth := b.series(n, "growth_pct")
	growth.Marker = excelize.ChartMarker{Symbol: "diamond", Size: 6}
	b.chart(&excelize.Chart{
		Type:   excelize.ColStacked,
		Series: parts,
		Title:  title(r.Scenario + ": contributions to " + label("growth_pct") + ", " + span),
		XAxis:  xAxis,
		YAxis:  excelize.ChartAxis{Title: title("pp"), MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0"}},
	}, &excelize.Chart{
		Type:   excelize.Line,
		Series: []excelize.ChartSeries{growth},
	})

	// The II increment by channel, stacked.
	var chans []excelize.ChartSeries
	for i := range metrics.Columns {
		c := &metrics.Columns[i]
		if strings.HasPrefix(c.Name, "ii_") && c.Unit == "亿元" && c.Name != "ii_increment_yi" && c.Name != "ii_cumulative_yi" {
			chans = append(chans, b.series(n, c.Name))
		}
	}
	b.chart(&excelize.Chart{
		Type:   excelize.ColStacked,
		Series: chans,
		Title:  title(r.Scenario + ": " + label("ii_increment_yi") + " by channel, " + span),
		XAxis:  xAxis,
		YAxis:  excelize.ChartAxis{Title: title("亿元"), MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
	})
}
