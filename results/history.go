package results

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"simulate/history"
)

// HistoryColumns are the columns of history.csv. Growth and contributions
// are in log points (100 × log difference), so that they add up exactly;
// labor_share is a fraction; labor_measure names the labour input of the
// year as --labor does (hours-hc, persons-hc or persons). The first six
// are those of the first release of history.csv; the others were added
// after them.
var HistoryColumns = []string{
	"year", "gdp_growth_pct", "capital_pp", "labor_pp", "tfp_pp", "labor_share",
	"labor_hours_pp", "labor_quality_pp", "labor_measure", "gdp_per_capita_growth_pct", "gdp_per_worker_growth_pct",
}

// historyValues are the numeric values of a row of history.csv after the
// year, in the order of HistoryColumns without labor_measure: the
// variables of history_compare.csv.
func historyValues(r history.Row) []float64 {
	return []float64{r.GDP, r.Capital, r.Labour, r.TFP, r.LabourShare, r.LabourHours, r.LabourQuality, r.GDPPerCapita, r.GDPPerWorker}
}

// HistoryVariables are the variables of history_compare.csv: the numeric
// columns of history.csv, in order.
var HistoryVariables = []string{
	"gdp_growth_pct", "capital_pp", "labor_pp", "tfp_pp", "labor_share",
	"labor_hours_pp", "labor_quality_pp", "gdp_per_capita_growth_pct", "gdp_per_worker_growth_pct",
}

// formatOrEmpty formats v, or returns "" for NaN (a value the data do not
// give).
func formatOrEmpty(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return Format(v)
}

// WriteHistoryCSV writes history.csv of simulate history: the header
// [HistoryColumns] and a row per year of rows, at full precision. A
// growth per capita the data do not give (no pop) is an empty cell.
func WriteHistoryCSV(w io.Writer, rows []history.Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(HistoryColumns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{strconv.Itoa(r.Year), Format(r.GDP), Format(r.Capital), Format(r.Labour), Format(r.TFP), Format(r.LabourShare),
			Format(r.LabourHours), Format(r.LabourQuality), r.LabourMeasure.Name(), formatOrEmpty(r.GDPPerCapita), Format(r.GDPPerWorker)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// HistoryCompareColumns are the columns of history_compare.csv.
var HistoryCompareColumns = []string{"country", "year", "variable", "value"}

// WriteHistoryCompareCSV writes history_compare.csv of simulate history
// with several countries: long format, a row per country (in the order
// given), year and variable ([HistoryVariables], in order), at full
// precision. A value the data do not give has no row.
func WriteHistoryCompareCSV(w io.Writer, res []history.Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(HistoryCompareColumns); err != nil {
		return err
	}
	for _, h := range res {
		for _, r := range h.Rows {
			for i, v := range historyValues(r) {
				if math.IsNaN(v) {
					continue
				}
				if err := cw.Write([]string{h.ISO, strconv.Itoa(r.Year), HistoryVariables[i], Format(v)}); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// HistoryValue is a row of history_compare.csv.
type HistoryValue struct {
	Country  string // ISO code
	Year     int
	Variable string // one of HistoryVariables
	Value    float64
}

// ReadHistoryCompareCSV reads history_compare.csv as
// [WriteHistoryCompareCSV] writes it. It is strict: the header must be
// [HistoryCompareColumns], every variable one of [HistoryVariables],
// every value a finite number, and a country, year and variable may
// appear once. Errors name the line and column.
func ReadHistoryCompareCSV(r io.Reader) ([]HistoryValue, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(HistoryCompareColumns)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("results: history_compare.csv: empty input")
	}
	if err != nil {
		return nil, fmt.Errorf("results: history_compare.csv: %w", err)
	}
	if !slices.Equal(header, HistoryCompareColumns) {
		return nil, fmt.Errorf("results: history_compare.csv: line 1: header %q, want %s", strings.Join(header, ","), strings.Join(HistoryCompareColumns, ","))
	}
	type key struct {
		c string
		y int
		v string
	}
	seen := map[key]int{}
	var out []HistoryValue
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("results: history_compare.csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		bad := func(col int, format string, args ...any) error {
			return fmt.Errorf("results: history_compare.csv: line %d, column %q: %s", line, HistoryCompareColumns[col], fmt.Sprintf(format, args...))
		}
		v := HistoryValue{Country: strings.Clone(rec[0]), Variable: strings.Clone(rec[2])}
		if v.Country == "" {
			return nil, bad(0, "empty country code")
		}
		if v.Year, err = strconv.Atoi(rec[1]); err != nil {
			return nil, bad(1, "%q is not a year", rec[1])
		}
		if !slices.Contains(HistoryVariables, v.Variable) {
			return nil, bad(2, "unknown variable %q; allowed: %s", v.Variable, strings.Join(HistoryVariables, ", "))
		}
		if v.Value, err = strconv.ParseFloat(rec[3], 64); err != nil || math.IsNaN(v.Value) || math.IsInf(v.Value, 0) {
			return nil, bad(3, "%q is not a finite number", rec[3])
		}
		k := key{v.Country, v.Year, v.Variable}
		if first, dup := seen[k]; dup {
			return nil, fmt.Errorf("results: history_compare.csv: line %d: %s %d %s again (first at line %d)", line, v.Country, v.Year, v.Variable, first)
		}
		seen[k] = line
		out = append(out, v)
	}
}

// HistoryPeriodColumns are the columns of history_periods.csv: the
// country, the period (as --periods writes it, and its first and last
// year), the rows it holds and the years without one (space-separated),
// the means in log points a year, the shares of growth in percent, and
// the labour measures of its rows (space-separated --labor names).
var HistoryPeriodColumns = []string{
	"country", "period", "from_year", "to_year", "years", "missing_years",
	"gdp_growth_pct", "capital_pp", "labor_pp", "labor_hours_pp", "labor_quality_pp", "tfp_pp",
	"gdp_per_capita_growth_pct", "gdp_per_worker_growth_pct",
	"capital_share_pct", "labor_share_pct", "labor_hours_share_pct", "labor_quality_share_pct", "tfp_share_pct",
	"labor_measures",
}

// CountryPeriods are the period means of one country.
type CountryPeriods struct {
	ISO   string
	Means []history.PeriodMean
}

// WriteHistoryPeriodsCSV writes history_periods.csv: the header
// [HistoryPeriodColumns] and a row per country and period, at full
// precision. A value the data do not give (per capita without pop, a
// share of zero growth) is an empty cell.
func WriteHistoryPeriodsCSV(w io.Writer, cps []CountryPeriods) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(HistoryPeriodColumns); err != nil {
		return err
	}
	for _, cp := range cps {
		for _, m := range cp.Means {
			missing := make([]string, len(m.Missing))
			for i, y := range m.Missing {
				missing[i] = strconv.Itoa(y)
			}
			measures := make([]string, len(m.Measures))
			for i, l := range m.Measures {
				measures[i] = l.Name()
			}
			rec := []string{cp.ISO, m.Period.String(), strconv.Itoa(m.From), strconv.Itoa(m.To), strconv.Itoa(m.Rows), strings.Join(missing, " ")}
			for _, v := range []float64{m.GDP, m.Capital, m.Labour, m.LabourHours, m.LabourQuality, m.TFP, m.GDPPerCapita, m.GDPPerWorker,
				m.Share(m.Capital), m.Share(m.Labour), m.Share(m.LabourHours), m.Share(m.LabourQuality), m.Share(m.TFP)} {
				rec = append(rec, formatOrEmpty(v))
			}
			rec = append(rec, strings.Join(measures, " "))
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// OfficialColumns are the columns of official_growth.csv: the year, PWT's
// GDP growth (log points), NBS's growth as first published and final
// (percent; empty where not in the data), the one used (final, else first)
// in percent and in log points, and the gap PWT − NBS in log points.
var OfficialColumns = []string{"year", "pwt_gdp_growth_pct", "nbs_growth_first_pct", "nbs_growth_final_pct", "nbs_growth_pct", "nbs_growth_log_pct", "gap_pp"}

// WriteOfficialCSV writes official_growth.csv of simulate history
// --country CHN: a row per year of rows that off has, at full precision.
func WriteOfficialCSV(w io.Writer, rows []history.Row, off []history.Official) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(OfficialColumns); err != nil {
		return err
	}
	for _, r := range rows {
		i, ok := slices.BinarySearchFunc(off, r.Year, func(o history.Official, y int) int { return o.Year - y })
		if !ok {
			continue
		}
		o := off[i]
		rec := []string{strconv.Itoa(r.Year), Format(r.GDP), formatOrEmpty(o.First), formatOrEmpty(o.Final), Format(o.Growth()),
			Format(o.LogPoints()), Format(r.GDP - o.LogPoints())}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
