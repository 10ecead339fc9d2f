package sensitivity

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"

	"simulate/metrics"
	"simulate/model"
	"simulate/uncertain"
)

// Factor is what a tornado diagram moves: targets that all take the same
// value, named Label in tornado.csv and on the chart (a target's label, or
// the name of a grouped input).
type Factor struct {
	Label   string
	Targets []model.Target
}

// TargetFactor returns the factor of one target, labelled as the target.
func TargetFactor(t model.Target) Factor { return Factor{Label: t.Label(), Targets: []model.Target{t}} }

// InputFactor returns the factor of an uncertain input: its targets, its
// label.
func InputFactor(u *uncertain.Input) Factor { return Factor{Label: u.Label(), Targets: u.Targets()} }

// change writes the factor at value v for a message: "capital.ict_share=0.3",
// "theta_scale*1.2".
func (f Factor) change(v float64) string {
	if len(f.Targets) == 1 && f.Targets[0].Label() == f.Label {
		return Change{Target: f.Targets[0], Value: v}.String()
	}
	return f.Label + f.Targets[0].Mode.Op() + strconv.FormatFloat(v, 'g', -1, 64)
}

// Bar is one bar of a tornado diagram: the metric with one factor at its
// low and at its high value, every other input at its base value.
type Bar struct {
	Factor
	Low, High             float64 // the values applied (key units, or a factor for Scale)
	MetricLow, MetricHigh float64 // the metric at Low and at High
}

// Swing returns |MetricHigh − MetricLow|.
func (b Bar) Swing() float64 { return math.Abs(b.MetricHigh - b.MetricLow) }

// Tornado returns the bars of a tornado diagram of metric m, sorted by
// swing, largest first (ties keep the order of factors), and the metric at
// the base. lows[i] and highs[i] are the values applied to factors[i].
//
// It returns an error, naming each, if a low or high value gives inputs
// outside the model's domain.
func Tornado(base *model.Inputs, factors []Factor, lows, highs []float64, m metrics.Metric) ([]Bar, float64, error) {
	if len(lows) != len(factors) || len(highs) != len(factors) {
		panic("sensitivity: Tornado with lows, highs and factors of different lengths")
	}
	if err := m.Check(base.FirstYear(), base.LastYear()); err != nil {
		return nil, 0, err
	}
	var res model.Results
	model.Evaluate(&res, base)
	baseValue := m.Value(&res)

	bars := make([]Bar, len(factors))
	var errs []error
	for i, f := range factors {
		ev, err := NewEvaluator(base, f.Targets)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		x := make([]float64, len(f.Targets))
		b := Bar{Factor: f, Low: lows[i], High: highs[i]}
		for k, v := range []float64{lows[i], highs[i]} {
			for j := range x {
				x[j] = v
			}
			ev.Apply(x)
			if err := ev.Inputs().Validate(); err != nil {
				errs = append(errs, fmt.Errorf("at %s: %w", f.change(v), err))
				continue
			}
			y := m.Value(ev.Eval(x))
			if k == 0 {
				b.MetricLow = y
			} else {
				b.MetricHigh = y
			}
		}
		bars[i] = b
	}
	if len(errs) > 0 {
		return nil, 0, errors.Join(errs...)
	}
	sort.SliceStable(bars, func(i, j int) bool { return bars[i].Swing() > bars[j].Swing() })
	return bars, baseValue, nil
}

// QuantileRange returns the factor of each uncertain input and the p-th
// and (100−p)-th percentiles of its distribution: the low and high values
// of a tornado diagram built from an uncertainty table (p = 5 gives the
// 5 % and 95 % quantiles).
func QuantileRange(unc []uncertain.Input, p float64) (factors []Factor, lows, highs []float64) {
	for i := range unc {
		u := &unc[i]
		factors = append(factors, InputFactor(u))
		lows = append(lows, u.Dist.Quantile(p/100))
		highs = append(highs, u.Dist.Quantile(1-p/100))
	}
	return factors, lows, highs
}

// DeltaRange returns, for each factor, the same factor in mode Scale with
// the low and high factors 1 − delta and 1 + delta: a tornado of ±delta
// around the base. A factor labelled as its one target is relabelled as
// the scale target ("capital.ict_share*").
func DeltaRange(factors []Factor, delta float64) (scaled []Factor, lows, highs []float64) {
	for _, f := range factors {
		g := Factor{Label: f.Label}
		for _, t := range f.Targets {
			g.Targets = append(g.Targets, model.Target{Path: t.Path, Mode: model.Scale})
		}
		if len(f.Targets) == 1 && f.Targets[0].Label() == f.Label {
			g.Label = g.Targets[0].Label()
		}
		scaled = append(scaled, g)
		lows = append(lows, 1-delta)
		highs = append(highs, 1+delta)
	}
	return scaled, lows, highs
}
