package results

import (
	"math"

	"simulate/metrics"
	"simulate/model"
)

// InputRow is one resolved input of a run, as the workbook's Inputs sheet
// and the HTML report list it: every addressable parameter of
// [model.Params] that the inputs have, with its value in its key unit
// (per year, for the years it applies to), and where the value comes
// from.
type InputRow struct {
	Key  string // key path, e.g. "capital.ict_share"
	Doc  string // the parameter's one-line meaning (model.Param.Doc)
	Unit string // "%", "pp", "亿元", "fraction"

	// A scalar has one Value and no Years; a per-year parameter a value
	// for each of Years (those it applies to).
	Scalar bool
	Value  float64
	Years  []int
	Values []float64

	Source InputSource
}

// InputSource says where an input's value comes from.
type InputSource struct {
	Where     string // "file:line" that gives it; "" when the default applies
	Comment   string // the comment written with it there, or ""
	Inherited bool   // given by a scenario that the run's scenario extends
}

// InputRows returns the resolved inputs of in, in the order of
// [model.Params], with the source of each from source (nil: none known).
func InputRows(in *model.Inputs, source func(key string) InputSource) []InputRow {
	var rows []InputRow
	for _, p := range model.Params {
		if !p.Active(in) {
			continue
		}
		r := InputRow{Key: p.Key, Doc: p.Doc, Unit: p.Unit, Scalar: !p.PerYear}
		if p.PerYear {
			first, _ := p.Years(in)
			for i, v := range p.Series(in) {
				if p.Applies(in, i) {
					r.Years = append(r.Years, first+i)
					r.Values = append(r.Values, p.KeyValue(v))
				}
			}
			if len(r.Years) == 0 {
				continue
			}
		} else {
			r.Value = p.KeyValue(*p.Scalar(in))
		}
		if source != nil {
			r.Source = source(p.Key)
		}
		rows = append(rows, r)
	}
	return rows
}

// PublishedRow is a published figure beside the model's value of the
// same metric.
type PublishedRow struct {
	Metric    metrics.Metric
	Published float64 // as printed, in the metric's unit
	// Precision is the unit of the printed figure's last digit (0.1 for
	// 6096.4), or 0 when not known.
	Precision float64
	Model     float64 // the model's value, in the metric's unit
}

// Diff returns the model's value minus the published one.
func (r PublishedRow) Diff() float64 { return r.Model - r.Published }

// Within reports whether the model's value rounds to the published
// figure: |Diff| ≤ Precision/2 (with a margin of float64 rounding). It is
// false when the precision is not known.
func (r PublishedRow) Within() bool {
	return r.Precision > 0 && math.Abs(r.Diff()) <= r.Precision/2*(1+1e-9)
}

// Decimals returns the number of decimals the figure was printed with
// (1 for a precision of 0.1), or the metric's decimals when the precision
// is not known.
func (r PublishedRow) Decimals() int {
	if r.Precision <= 0 {
		return r.Metric.Column().Decimals
	}
	d := int(math.Round(-math.Log10(r.Precision)))
	return max(d, 0)
}
