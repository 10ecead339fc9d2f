package results

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"

	"simulate/metrics"
	"simulate/model"
)

// Run is the results of one scenario, by name.
type Run struct {
	Name    string
	Results *model.Results
}

// CompareRow is one value of compare.csv.
type CompareRow struct {
	Scenario string
	Year     int
	Metric   string // a per-year column of package metrics, or CompareIIDiff
	Value    float64
}

// compareColumns are the per-year columns of package metrics that
// compare.csv holds for every scenario and year, in order.
var compareColumns = []string{"growth_pct", "delta_gdp_yi", "ii_increment_yi", "ii_share_pct", "ii_cumulative_yi"}

// CompareIIDiff is the metric of compare.csv that gives a scenario's II
// increment minus the first scenario's in the same year, 亿元.
const CompareIIDiff = "ii_increment_diff_yi"

// CompareHeader is the header of compare.csv.
var CompareHeader = []string{"scenario", "year", "metric", "value"}

// CompareRows returns the comparison of runs in long format: for each run
// in order, each of its years, the columns growth_pct, delta_gdp_yi,
// ii_increment_yi, ii_share_pct and ii_cumulative_yi of package metrics
// and, for every run after the first at the first's price base (the same
// base year, so that its levels are at the same constant prices) in the
// years it shares with the first, CompareIIDiff.
func CompareRows(runs []Run) []CompareRow {
	cols := make([]*metrics.Column, len(compareColumns))
	for i, name := range compareColumns {
		c, ok := metrics.Lookup(name)
		if !ok {
			panic("results: compare.csv names an unknown column " + name)
		}
		cols[i] = c
	}
	var rows []CompareRow
	var ref map[int]float64
	refBase := 0
	for i, r := range runs {
		years := r.Results.Years
		if i == 0 {
			ref = make(map[int]float64, len(years))
			for _, y := range years {
				ref[y.Year] = y.II
			}
			refBase = priceBase(r.Results)
		}
		samePrices := priceBase(r.Results) == refBase
		for k := range years {
			y := &years[k]
			for _, c := range cols {
				rows = append(rows, CompareRow{Scenario: r.Name, Year: y.Year, Metric: c.Name, Value: c.Value(y)})
			}
			if v, ok := ref[y.Year]; ok && i > 0 && samePrices {
				rows = append(rows, CompareRow{Scenario: r.Name, Year: y.Year, Metric: CompareIIDiff, Value: y.II - v})
			}
		}
	}
	return rows
}

// priceBase returns the year at whose prices res gives GDP: the year
// before its first, or 0 for no years.
func priceBase(res *model.Results) int {
	if len(res.Years) == 0 {
		return 0
	}
	return res.Years[0].Year - 1
}

// WriteCompareCSV writes rows as compare.csv: the header [CompareHeader]
// and one row per value. Values are rounded to 6 decimals and written
// without exponent or trailing zeros.
func WriteCompareCSV(w io.Writer, rows []CompareRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CompareHeader); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.Scenario, strconv.Itoa(r.Year), r.Metric, formatRounded(r.Value)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formatRounded rounds v to 6 decimals and formats it without exponent or
// trailing zeros; it never returns "-0".
func formatRounded(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strings.ToLower(strconv.FormatFloat(v, 'f', -1, 64))
	}
	r := math.Round(v*1e6) / 1e6
	if r == 0 {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
