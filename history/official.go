package history

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Official is China's official real GDP growth of one year, from the
// National Bureau of Statistics (NBS), in percent (simple growth over the
// year before, at constant prices).
type Official struct {
	Year int
	// First is the growth as first published (January release or
	// statistical communiqué), percent; NaN when the data have none.
	First float64
	// Final is the growth after NBS's final verification or a census
	// revision, percent; NaN when the data have none. For 1990–2008 it is
	// computed from the constant-price GDP of the China Statistical
	// Yearbook 2012 (see data/README.md).
	Final float64
}

// Growth returns the final figure where there is one, else the first, in
// percent.
func (o Official) Growth() float64 {
	if !math.IsNaN(o.Final) {
		return o.Final
	}
	return o.First
}

// LogPoints returns Growth in log points, 100·ln(1 + g/100): the unit of
// the growth accounting, so that the two can be compared.
func (o Official) LogPoints() float64 { return 100 * math.Log1p(o.Growth()/100) }

//go:embed data/china_nbs_gdp.csv
var nbsGrowthCSV []byte

//go:embed data/china_nbs_gdp_constant.csv
var nbsConstantCSV []byte

// ChinaOfficial returns China's official real GDP growth shipped with the
// package, by increasing year: 1990–2008 from NBS's constant-price GDP
// (China Statistical Yearbook 2012, table 2-3) and 2010–2024 from NBS's
// communiqués and verification bulletins. 2009 is not in the data. The
// slice is shared: callers must not change it.
func ChinaOfficial() ([]Official, error) { return chinaOnce() }

var chinaOnce = sync.OnceValues(func() ([]Official, error) {
	early, err := ReadConstantPrices(bytes.NewReader(nbsConstantCSV))
	if err != nil {
		return nil, fmt.Errorf("%w (in the embedded data/china_nbs_gdp_constant.csv)", err)
	}
	late, err := ReadOfficial(bytes.NewReader(nbsGrowthCSV))
	if err != nil {
		return nil, fmt.Errorf("%w (in the embedded data/china_nbs_gdp.csv)", err)
	}
	all := append(early, late...)
	slices.SortFunc(all, func(a, b Official) int { return a.Year - b.Year })
	for i := 1; i < len(all); i++ {
		if all[i].Year == all[i-1].Year {
			return nil, fmt.Errorf("history: embedded NBS data give %d twice", all[i].Year)
		}
	}
	return all, nil
})

// officialColumns is the header of china_nbs_gdp.csv.
var officialColumns = []string{"year", "gdp_nominal_first_yi", "gdp_nominal_final_yi", "real_growth_first_pct", "real_growth_final_pct", "note"}

// constantColumns is the header of china_nbs_gdp_constant.csv.
var constantColumns = []string{"price_base_year", "year", "gdp_constant_yi"}

// maxGrowthPct bounds the growth rates the readers accept, in percent.
const maxGrowthPct = 100

// ReadOfficial reads official growth in the format of china_nbs_gdp.csv:
// the header year, gdp_nominal_first_yi, gdp_nominal_final_yi,
// real_growth_first_pct, real_growth_final_pct, note, then a row per year,
// years increasing. An empty cell is a figure not in the data; the nominal
// levels are checked (positive) but not returned. Every problem names its
// line and column.
func ReadOfficial(r io.Reader) ([]Official, error) {
	recs, err := readStrict(r, officialColumns)
	if err != nil {
		return nil, err
	}
	var out []Official
	var errs []error
	for _, rec := range recs {
		e := &cellErrs{line: rec.line}
		o := Official{Year: e.year(rec.f[0], "year"), First: math.NaN(), Final: math.NaN()}
		e.number(rec.f[1], officialColumns[1], 0, math.Inf(1))
		e.number(rec.f[2], officialColumns[2], 0, math.Inf(1))
		o.First = e.number(rec.f[3], officialColumns[3], -maxGrowthPct, maxGrowthPct)
		o.Final = e.number(rec.f[4], officialColumns[4], -maxGrowthPct, maxGrowthPct)
		if math.IsNaN(o.First) && math.IsNaN(o.Final) && len(e.errs) == 0 {
			e.errs = append(e.errs, fmt.Errorf("history: line %d: %d has no real growth rate (first or final)", rec.line, o.Year))
		}
		if n := len(out); len(e.errs) == 0 && n > 0 && o.Year <= out[n-1].Year {
			e.errs = append(e.errs, fmt.Errorf("history: line %d, column %q: %d after %d; years must increase", rec.line, "year", o.Year, out[n-1].Year))
		}
		if len(e.errs) > 0 {
			errs = append(errs, e.errs...)
			continue
		}
		out = append(out, o)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// ReadConstantPrices reads GDP at constant prices in the format of
// china_nbs_gdp_constant.csv — the header price_base_year, year,
// gdp_constant_yi, then a row per price base and year, as NBS's yearbook
// table gives them — and returns the growth of every year t whose level
// and the level of t − 1 are given at the same price base:
// Final = 100·(Y_t/Y_{t−1} − 1), First NaN. Each year must get its growth
// from one base only, and grow by at most 100 %.
func ReadConstantPrices(r io.Reader) ([]Official, error) {
	recs, err := readStrict(r, constantColumns)
	if err != nil {
		return nil, err
	}
	type key struct{ base, year int }
	level := map[key]float64{}
	lineOf := map[key]int{}
	var errs []error
	var keys []key
	for _, rec := range recs {
		e := &cellErrs{line: rec.line}
		k := key{e.year(rec.f[0], "price_base_year"), e.year(rec.f[1], "year")}
		v := e.number(rec.f[2], "gdp_constant_yi", 0, math.Inf(1))
		if len(e.errs) == 0 {
			switch {
			case math.IsNaN(v) || v == 0:
				e.errs = append(e.errs, fmt.Errorf("history: line %d, column %q: want a positive level", rec.line, "gdp_constant_yi"))
			case lineOf[k] != 0:
				e.errs = append(e.errs, fmt.Errorf("history: line %d: price base %d, year %d given twice (first at line %d)", rec.line, k.base, k.year, lineOf[k]))
			}
		}
		if len(e.errs) > 0 {
			errs = append(errs, e.errs...)
			continue
		}
		level[k], lineOf[k] = v, rec.line
		keys = append(keys, k)
	}
	byYear := map[int]Official{}
	for _, k := range keys {
		prev, ok := level[key{k.base, k.year - 1}]
		if !ok {
			continue
		}
		if _, dup := byYear[k.year]; dup {
			errs = append(errs, fmt.Errorf("history: line %d: the growth of %d is given by two price bases", lineOf[k], k.year))
			continue
		}
		g := 100 * (level[k]/prev - 1)
		if !(g <= maxGrowthPct) {
			errs = append(errs, fmt.Errorf("history: line %d: growth of %v %% in %d; want at most %v %%", lineOf[k], g, k.year, maxGrowthPct))
			continue
		}
		byYear[k.year] = Official{Year: k.year, First: math.NaN(), Final: g}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := make([]Official, 0, len(byYear))
	for _, o := range byYear {
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b Official) int { return a.Year - b.Year })
	return out, nil
}

// record is a data row of a CSV file and its line.
type record struct {
	line int
	f    []string
}

// readStrict reads a CSV whose header must be exactly cols, and returns its
// data rows. Errors name the line and, where there is one, the column.
func readStrict(r io.Reader, cols []string) ([]record, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("history: empty input; want the header " + strings.Join(cols, ","))
	}
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	if !slices.Equal(header, cols) {
		return nil, fmt.Errorf("history: line 1: header %q; want %s", strings.Join(header, ","), strings.Join(cols, ","))
	}
	var recs []record
	for {
		f, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if len(f) != len(cols) {
			return nil, fmt.Errorf("history: line %d: %d fields, want %d (%s)", line, len(f), len(cols), strings.Join(cols, ","))
		}
		recs = append(recs, record{line, f})
	}
	if len(recs) == 0 {
		return nil, errors.New("history: no data rows after the header")
	}
	return recs, nil
}

// cellErrs collects the problems of one record.
type cellErrs struct {
	line int
	errs []error
}

// year parses a year cell.
func (e *cellErrs) year(cell, col string) int {
	y, err := strconv.Atoi(cell)
	if err != nil || y < 1 || y > 9999 {
		e.errs = append(e.errs, fmt.Errorf("history: line %d, column %q: %q is not a year", e.line, col, cell))
		return 0
	}
	return y
}

// number parses a numeric cell within [lo, hi]; an empty cell is NaN.
func (e *cellErrs) number(cell, col string, lo, hi float64) float64 {
	if cell == "" {
		return math.NaN()
	}
	x, err := strconv.ParseFloat(cell, 64)
	switch {
	case err != nil || math.IsNaN(x) || math.IsInf(x, 0):
		e.errs = append(e.errs, fmt.Errorf("history: line %d, column %q: %q is not a finite number", e.line, col, cell))
		return math.NaN()
	case x < lo || x > hi:
		e.errs = append(e.errs, fmt.Errorf("history: line %d, column %q: %v is outside [%v, %v]", e.line, col, x, lo, hi))
		return math.NaN()
	}
	return x
}

// OfficialGap compares PWT's GDP growth with official growth over a
// period: the means, in log points a year, over the years both have.
type OfficialGap struct {
	Period
	Years    []int   // years of the period with a row and an official figure
	PWT      float64 // mean of Row.GDP over Years
	Official float64 // mean of Official.LogPoints over Years
}

// Gap returns PWT − Official, log points a year.
func (g OfficialGap) Gap() float64 { return g.PWT - g.Official }

// CompareOfficial returns, for each period, the mean growth of res's rows
// and of the official figures off over the years of the period that have
// both. Periods without such a year are left out.
func CompareOfficial(res Result, off []Official, ps []Period) []OfficialGap {
	var out []OfficialGap
	for _, p := range ps {
		g := OfficialGap{Period: p}
		for _, r := range res.Rows {
			if r.Year <= p.From || r.Year > p.To {
				continue
			}
			i, ok := slices.BinarySearchFunc(off, r.Year, func(o Official, y int) int { return o.Year - y })
			if !ok || math.IsNaN(off[i].Growth()) {
				continue
			}
			g.Years = append(g.Years, r.Year)
			g.PWT += r.GDP
			g.Official += off[i].LogPoints()
		}
		if n := float64(len(g.Years)); n > 0 {
			g.PWT /= n
			g.Official /= n
			out = append(out, g)
		}
	}
	return out
}
