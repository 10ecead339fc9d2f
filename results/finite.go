package results

import (
	"fmt"
	"math"
	"strconv"

	"simulate/metrics"
	"simulate/model"
)

// NonFiniteError is a result that is NaN or infinite: no file is written
// with one. Year is 0 for a period total.
type NonFiniteError struct {
	Year   int
	Column string // the column or total, e.g. "share_labor_pct"
	Value  float64
}

func (e *NonFiniteError) Error() string {
	at := "the period total"
	if e.Year != 0 {
		at = "year " + strconv.Itoa(e.Year)
	}
	return fmt.Sprintf("%s is %v in %s: the inputs give a result that is not a finite number", e.Column, e.Value, at)
}

// CheckFinite returns a *NonFiniteError for the first value of res (every
// column of results.csv, then every total of summary.json) that is NaN or
// infinite, or nil.
func CheckFinite(res *model.Results) error {
	for i := range res.Years {
		y := &res.Years[i]
		for j := range metrics.Columns {
			c := &metrics.Columns[j]
			if v := c.FileValue(y); math.IsNaN(v) || math.IsInf(v, 0) {
				return &NonFiniteError{Year: y.Year, Column: c.Name, Value: v}
			}
		}
	}
	for i := range metrics.Totals {
		c := &metrics.Totals[i]
		if !c.PerChannel() {
			if v := c.Total(res); math.IsNaN(v) || math.IsInf(v, 0) {
				return &NonFiniteError{Column: c.Name, Value: v}
			}
			continue
		}
		for ch := range model.Channel(model.NumChannels) {
			if v := c.ChannelTotal(res, ch); math.IsNaN(v) || math.IsInf(v, 0) {
				return &NonFiniteError{Column: c.Name + "." + ch.String(), Value: v}
			}
		}
	}
	return nil
}

// NonFiniteCellError is the error of a CSV file of an analysis (sweep,
// tornado, Sobol, percentiles) with a NaN or an infinity in a cell: the
// inputs of that row give a result that is not a finite number.
type NonFiniteCellError struct {
	Row    int    // from 1, after the header
	Column string // the column's header
	Key    string // the row's first cell (its point, parameter or metric)
	Value  string // "NaN", "+Inf" or "-Inf"
}

func (e *NonFiniteCellError) Error() string {
	return fmt.Sprintf("%s is %s in row %d (%s): the inputs of that row give a result that is not a finite number; nothing is written",
		e.Column, e.Value, e.Row, e.Key)
}
