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

	// Inputs, when not nil, are the inputs that produce the value
	// ([CheckFiniteOf], model.Attribute): the message names them.
	Inputs *model.Attribution

	col *metrics.Column // the column or total, when CheckFinite found it
	ch  model.Channel   // its channel, for a total per channel; else −1
}

func (e *NonFiniteError) Error() string {
	at := "the period total"
	if e.Year != 0 {
		at = "year " + strconv.Itoa(e.Year)
	}
	msg := fmt.Sprintf("%s is %v in %s: the inputs give a result that is not a finite number", e.Column, e.Value, at)
	if by := e.Inputs.String(); by != "" {
		msg += ", " + by
	}
	return msg
}

// value returns the value e is about in res, and false when e does not
// say where it is (an error of a summary's totals, without a column).
func (e *NonFiniteError) value(res *model.Results) (float64, bool) {
	switch {
	case e.col == nil:
		return 0, false
	case e.Year != 0:
		for i := range res.Years {
			if res.Years[i].Year == e.Year {
				return e.col.FileValue(&res.Years[i]), true
			}
		}
		return 0, false
	case e.ch >= 0:
		return e.col.ChannelTotal(res, e.ch), true
	}
	return e.col.Total(res), true
}

// CheckFiniteOf is [CheckFinite] of res, the results of in, whose error
// also names the inputs of in that produce the value (model.Attribute):
// "ii_increment_yi is +Inf in year 2046: …, produced by gdp.base_yi =
// 1e+300 with gdp.growth_pct = 100 in 2019–2046".
func CheckFiniteOf(in *model.Inputs, res *model.Results) error {
	err := CheckFinite(res)
	if e, ok := err.(*NonFiniteError); ok {
		e.Inputs = model.Attribute(in, func(r *model.Results) bool {
			v, ok := e.value(r)
			return ok && (math.IsNaN(v) || math.IsInf(v, 0))
		})
	}
	return err
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
				return &NonFiniteError{Year: y.Year, Column: c.Name, Value: v, col: c, ch: -1}
			}
		}
	}
	for i := range metrics.Totals {
		c := &metrics.Totals[i]
		if !c.PerChannel() {
			if v := c.Total(res); math.IsNaN(v) || math.IsInf(v, 0) {
				return &NonFiniteError{Column: c.Name, Value: v, col: c, ch: -1}
			}
			continue
		}
		for ch := range model.Channel(model.NumChannels) {
			if v := c.ChannelTotal(res, ch); math.IsNaN(v) || math.IsInf(v, 0) {
				return &NonFiniteError{Column: c.Name + "." + ch.String(), Value: v, col: c, ch: ch}
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

	// Inputs, when not nil, are the inputs of the row's model run that
	// produce the value (model.Attribute): the message names them.
	Inputs *model.Attribution
}

func (e *NonFiniteCellError) Error() string {
	by := ""
	if s := e.Inputs.String(); s != "" {
		by = ", " + s
	}
	return fmt.Sprintf("%s is %s in row %d (%s): the inputs of that row give a result that is not a finite number%s; nothing is written",
		e.Column, e.Value, e.Row, e.Key, by)
}
