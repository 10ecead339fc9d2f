package sensitivity

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"simulate/metrics"
	"simulate/model"
)

// MaxSweepPoints is the most model runs a sweep may ask for.
const MaxSweepPoints = 1_000_000

// SweepResult is a metric over a grid of one or two ranges.
type SweepResult struct {
	Ranges []Range   // one or two
	X, Y   []float64 // the values of Ranges[0] and, for two ranges, Ranges[1]
	Z      []float64 // the metric at (X[i]) or (X[i], Y[j]), index i·len(Y)+j
	Metric metrics.Metric
}

// At returns the metric at X[i] (and Y[j]).
func (s *SweepResult) At(i, j int) float64 {
	if len(s.Ranges) == 1 {
		return s.Z[i]
	}
	return s.Z[i*len(s.Y)+j]
}

// Sweep runs the model of base at every point of the grid of one or two
// ranges and records metric m.
//
// Before running anything it checks that every point gives valid inputs.
// The inputs are affine in each range's value (a set, an add and a scale
// are affine, and so is a weight's proportional rescaling), and every
// constraint of the model is convex, so checking the ends of a range (the
// four corners of a grid) checks every point between them.
//
// Sweep stops with ctx's error when ctx is done (it looks every 1024
// points, a few milliseconds of work).
func Sweep(ctx context.Context, base *model.Inputs, ranges []Range, m metrics.Metric) (*SweepResult, error) {
	if len(ranges) < 1 || len(ranges) > 2 {
		return nil, fmt.Errorf("a sweep takes one or two ranges, not %d", len(ranges))
	}
	if err := m.Check(base.FirstYear(), base.LastYear()); err != nil {
		return nil, err
	}
	points := 1
	targets := make([]model.Target, len(ranges))
	for i, r := range ranges {
		points *= r.N
		targets[i] = r.Target
	}
	if points > MaxSweepPoints {
		return nil, fmt.Errorf("%d × %d = %d points: a sweep may have at most %d", ranges[0].N, ranges[1].N, points, MaxSweepPoints)
	}
	ev, err := NewEvaluator(base, targets)
	if err != nil {
		return nil, err
	}
	s := &SweepResult{Ranges: ranges, Metric: m, X: ranges[0].Values()}
	ys := []float64{0}
	if len(ranges) == 2 {
		s.Y = ranges[1].Values()
		ys = s.Y
	}
	x := make([]float64, len(ranges))
	var errs []error
	for _, a := range []float64{ranges[0].Lo, ranges[0].Hi} {
		for _, b := range []float64{ys[0], ys[len(ys)-1]} {
			x[0] = a
			if len(x) == 2 {
				x[1] = b
			}
			ev.Apply(x)
			if err := ev.Inputs().Validate(); err != nil {
				errs = append(errs, fmt.Errorf("at %s: %w", pointText(ranges, x), err))
			}
			if len(x) == 1 {
				break
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// Every point is validated like a scenario, not the corners only: a
	// value the model derives (φ in a Solow scenario) can leave its
	// domain inside the grid. The first few invalid points are named.
	const maxNamed = 5
	invalid, n := 0, 0
	s.Z = make([]float64, 0, points)
	for _, a := range s.X {
		x[0] = a
		for _, b := range ys {
			if len(x) == 2 {
				x[1] = b
			}
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ev.Apply(x)
			if err := ev.Inputs().Validate(); err != nil {
				if invalid++; invalid <= maxNamed {
					errs = append(errs, fmt.Errorf("at %s: %w", pointText(ranges, x), err))
				}
				continue
			}
			s.Z = append(s.Z, m.Value(ev.Eval(x)))
		}
	}
	if invalid > maxNamed {
		errs = append(errs, fmt.Errorf("and %d more points of the %d are invalid", invalid-maxNamed, points))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// pointText writes a grid point as changes: "capital.ict_share=0.3, gdp.growth_pct+1".
func pointText(ranges []Range, x []float64) string {
	parts := make([]string, len(ranges))
	for i, r := range ranges {
		parts[i] = Change{Target: r.Target, Value: x[i]}.String()
	}
	return strings.Join(parts, ", ")
}
