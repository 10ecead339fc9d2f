package sensitivity

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"simulate/metrics"
	"simulate/model"
	"simulate/uncertain"
)

// Bar is one bar of a tornado diagram: the metric with one target at its
// low and at its high value, every other input at its base value.
type Bar struct {
	model.Target
	Low, High             float64 // the values applied (key units, or a factor for Scale)
	MetricLow, MetricHigh float64 // the metric at Low and at High
}

// Swing returns |MetricHigh − MetricLow|.
func (b Bar) Swing() float64 { return math.Abs(b.MetricHigh - b.MetricLow) }

// Tornado returns the bars of a tornado diagram of metric m, sorted by
// swing, largest first (ties keep the order of targets), and the metric at
// the base. lows[i] and highs[i] are the values applied to targets[i].
//
// It returns an error, naming each, if a low or high value gives inputs
// outside the model's domain.
func Tornado(base *model.Inputs, targets []model.Target, lows, highs []float64, m metrics.Metric) ([]Bar, float64, error) {
	if len(lows) != len(targets) || len(highs) != len(targets) {
		panic("sensitivity: Tornado with lows, highs and targets of different lengths")
	}
	if err := m.Check(base.FirstYear(), base.LastYear()); err != nil {
		return nil, 0, err
	}
	var res model.Results
	model.Evaluate(&res, base)
	baseValue := m.Value(&res)

	bars := make([]Bar, len(targets))
	var errs []error
	x := []float64{0}
	for i, t := range targets {
		ev, err := NewEvaluator(base, []model.Target{t})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		b := Bar{Target: t, Low: lows[i], High: highs[i]}
		for k, v := range []float64{lows[i], highs[i]} {
			x[0] = v
			ev.Apply(x)
			if err := ev.Inputs().Validate(); err != nil {
				errs = append(errs, fmt.Errorf("at %s: %w", Change{Target: t, Value: v}, err))
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

// QuantileRange returns the p-th and (100−p)-th percentiles of each
// uncertain input's distribution: the low and high values of a tornado
// diagram built from an uncertainty table (p = 5 gives the 5 % and 95 %
// quantiles).
func QuantileRange(unc []uncertain.Input, p float64) (targets []model.Target, lows, highs []float64) {
	for _, u := range unc {
		targets = append(targets, u.Target)
		lows = append(lows, u.Dist.Quantile(p/100))
		highs = append(highs, u.Dist.Quantile(1-p/100))
	}
	return targets, lows, highs
}

// DeltaRange returns, for each path, a Scale target with the low and high
// factors 1 − delta and 1 + delta: a tornado of ±delta around the base.
func DeltaRange(paths []string, delta float64) (targets []model.Target, lows, highs []float64) {
	for _, p := range paths {
		targets = append(targets, model.Target{Path: p, Mode: model.Scale})
		lows = append(lows, 1-delta)
		highs = append(highs, 1+delta)
	}
	return targets, lows, highs
}
