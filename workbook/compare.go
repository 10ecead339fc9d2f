package workbook

import (
	"math"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"simulate/metrics"
	"simulate/results"
)

// Sheet names of a comparison's workbook.
const (
	SheetCompare  = "Compare"
	SheetOverlays = "Overlays"
)

// CompareRound rounds a value of the sheet Compare as compare.csv writes
// it: to 6 decimals.
func CompareRound(v float64) float64 {
	r := math.Round(v*1e6) / 1e6
	if r == 0 {
		return 0 // never −0
	}
	return r
}

// CompareBook returns the workbook of a comparison of runs (in order, the
// first the reference): the sheet Compare (the rows of compare.csv,
// results.CompareRows), Totals (each scenario's period totals with its
// years and price base), Overlays (a column per metric and scenario, a
// row per year) and Charts, with one native line chart per metric of
// compare.csv overlaying the scenarios.
func CompareBook(title string, runs []results.Run) *Book {
	b := New(title)
	rows := results.CompareRows(runs)
	t := Table{Name: SheetCompare, Header: results.CompareHeader, Formats: []string{"", fmtYear, "", "0.000000"},
		Widths: []float64{22, 8, 22, 16}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.Scenario, r.Year, r.Metric, CompareRound(r.Value)})
	}
	b.Table(t)
	b.compareTotals(runs)
	b.overlays(runs, rows)
	return b
}

// compareTotals adds the sheet Totals of a comparison: a row per scenario
// with its price base, first and last year and every period total of one
// number.
func (b *Book) compareTotals(runs []results.Run) {
	t := Table{Name: SheetTotals, Header: []string{"scenario", "prices", "first year", "last year"},
		Formats: []string{"", fmtYear, fmtYear, fmtYear}, Widths: []float64{22, 9, 10, 10}}
	var cols []*metrics.Column
	for i := range metrics.Totals {
		if c := &metrics.Totals[i]; !c.PerChannel() {
			cols = append(cols, c)
			t.Header = append(t.Header, c.Name)
			t.Formats = append(t.Formats, FormatOf(c.Unit))
			t.Widths = append(t.Widths, 20)
		}
	}
	for _, r := range runs {
		ys := r.Results.Years
		if len(ys) == 0 {
			continue
		}
		row := []any{r.Name, ys[0].Year - 1, ys[0].Year, ys[len(ys)-1].Year}
		for _, c := range cols {
			row = append(row, c.Total(r.Results))
		}
		t.Rows = append(t.Rows, row)
	}
	b.Table(t)
}

// overlays adds the sheet Overlays and a line chart per metric.
func (b *Book) overlays(runs []results.Run, rows []results.CompareRow) {
	var years []int
	var names []string // metrics, in the order of compare.csv
	for _, r := range rows {
		if !slices.Contains(years, r.Year) {
			years = append(years, r.Year)
		}
		if !slices.Contains(names, r.Metric) {
			names = append(names, r.Metric)
		}
	}
	slices.Sort(years)
	type key struct {
		scenario, metric string
		year             int
	}
	val := map[key]float64{}
	for _, r := range rows {
		val[key{r.Scenario, r.Metric, r.Year}] = r.Value
	}
	t := Table{Name: SheetOverlays, Header: []string{"year"}, Formats: []string{fmtYear}, Widths: []float64{8}}
	type block struct {
		metric string
		cols   []int // column of each scenario with values, 1-based
		runs   []string
	}
	var blocks []block
	for _, m := range names {
		bl := block{metric: m}
		for _, r := range runs {
			has := false
			for _, y := range years {
				_, ok := val[key{r.Name, m, y}]
				has = has || ok
			}
			if !has {
				continue
			}
			t.Header = append(t.Header, m+": "+r.Name)
			t.Formats = append(t.Formats, FormatOf(unitOf(m)))
			t.Widths = append(t.Widths, 18)
			bl.cols = append(bl.cols, len(t.Header))
			bl.runs = append(bl.runs, r.Name)
		}
		blocks = append(blocks, bl)
	}
	for _, y := range years {
		row := []any{y}
		for _, bl := range blocks {
			for _, name := range bl.runs {
				if v, ok := val[key{name, bl.metric, y}]; ok {
					row = append(row, v)
				} else {
					row = append(row, nil)
				}
			}
		}
		t.Rows = append(t.Rows, row)
	}
	b.Table(t)

	n := len(years)
	span := strconv.Itoa(years[0]) + "–" + strconv.Itoa(years[n-1])
	for _, bl := range blocks {
		var ser []excelize.ChartSeries
		for i, col := range bl.cols {
			ser = append(ser, excelize.ChartSeries{
				Name:       b.name(bl.runs[i]),
				Categories: ref(SheetOverlays, 1, 2, n+1),
				Values:     ref(SheetOverlays, col, 2, n+1),
				Marker:     excelize.ChartMarker{Symbol: markers[i%len(markers)], Size: 6},
				Line:       excelize.LineOptions{Width: 2},
			})
		}
		what := metricLabel(bl.metric)
		b.chart(&excelize.Chart{
			Type:         excelize.Line,
			Series:       ser,
			Title:        title(what + " by scenario, " + span),
			XAxis:        excelize.ChartAxis{Title: title("year")},
			YAxis:        excelize.ChartAxis{Title: title(what), MajorGridLines: true},
			ShowBlanksAs: "gap",
		})
	}
}

// markers tell the scenarios' lines apart in print.
var markers = []string{"circle", "square", "triangle", "diamond", "x", "star", "plus"}

// unitOf returns the unit of a metric of compare.csv.
func unitOf(name string) string {
	if c, ok := metrics.Lookup(name); ok {
		return c.Unit
	}
	if name == results.CompareIIDiff {
		return "亿元"
	}
	return ""
}

// metricLabel returns the meaning and unit of a metric of compare.csv.
func metricLabel(name string) string {
	if _, ok := metrics.Lookup(name); ok {
		return label(name)
	}
	if name == results.CompareIIDiff {
		return "II increment minus the first scenario's (亿元)"
	}
	return name
}
