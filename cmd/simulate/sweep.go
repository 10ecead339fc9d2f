package main

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"simulate/metrics"
	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/scenarios"
	"simulate/sensitivity"
)

func init() {
	register(&command{
		name: "sweep",
		args: "--param P=LO:HI:N [--param Q=LO:HI:M] [--metric M] [--out DIR] [--format png,svg,pdf] [--lang en|zh] [--font FILE] [FILE|NAME]",
		summary: "Run a scenario over a range of one parameter (line chart) or a grid of two (heat map); write sweep.csv, the chart\n" +
			"        and manifest.json to DIR/<scenario>/sweep-<param>[-<param>]-<metric>/.",
		run: runSweep,
	})
}

func runSweep(e *env, args []string) error {
	if onIndex(args) {
		return runSweepIndex(e, args) // an index file or name: indexsens.go
	}
	c := commands["sweep"]
	o, pos, err := parseSweepFlags(e, args, false)
	if err != nil {
		return helpOK(err)
	}
	ranges, formats, theme := o.ranges, o.formats, o.theme
	s, err := loadOne(c, pos)
	if err != nil {
		return err
	}
	m, err := parseMetric(o.metric, s)
	if err != nil {
		return err
	}
	for _, r := range ranges {
		if err := checkTarget(r.Target, s); err != nil {
			return err
		}
	}
	if err := checkSweepMemory(sweepShape(ranges), sweepPoints(ranges)); err != nil {
		return err
	}
	res, err := sensitivity.Sweep(e.ctx, s.Inputs, ranges, m)
	if err != nil {
		return invalidf("scenario %s: %v", s.Name, err)
	}

	if err := sweepFinite(s, res); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := results.WriteSweepCSV(&buf, res); err != nil {
		return err
	}
	var labels []string
	for _, r := range ranges {
		labels = append(labels, r.Label())
	}
	dir := path.Join(s.Name, "sweep-"+fileSafe(strings.Join(append(labels, m.String()), "-")))
	batch := output.NewBatch(o.out)
	if err := batch.Add(path.Join(dir, "sweep.csv"), buf.Bytes()); err != nil {
		return err
	}
	addInputs(batch, dir, s)
	data2 := plots.Sweep{Scenario: s.Name, Metric: m.String(), MetricUnit: m.Unit(), Z: res.Z,
		ScenarioTitle: s.Title, PriceBase: s.Inputs.BaseYear, First: s.Inputs.FirstYear(), Last: s.Inputs.LastYear(),
		BaseZ: baseMetric(s, m)}
	for k, r := range ranges {
		vals := res.X
		if k == 1 {
			vals = res.Y
		}
		base, ok := baseValue(r.Target, s)
		data2.Axes = append(data2.Axes, plots.SweepAxis{Label: r.Label(), Unit: targetUnit(r.Target), Values: vals, Base: base, HasBase: ok})
	}
	var ch *plots.Chart
	if len(ranges) == 1 {
		ch, err = plots.SweepLine(theme, data2)
	} else {
		ch, err = plots.SweepHeatmap(theme, data2)
	}
	if err != nil {
		return err
	}
	if err := addCharts(batch, dir, []plots.NamedChart{{Name: "sweep", Chart: ch}}, formats); err != nil {
		return err
	}
	lo, hi := 0, 0
	for i, z := range res.Z {
		if z < res.Z[lo] {
			lo = i
		}
		if z > res.Z[hi] {
			hi = i
		}
	}
	fmt.Fprintf(e.stdout, "%s: %s over %d points: min %s, max %s\n", s.Name, m, len(res.Z), metricText(m, res.Z[lo]), metricText(m, res.Z[hi]))
	return commit(e, batch)
}

// baseValue returns the value of t in the scenario, in the unit of the
// values a sweep applies: 0 for a shift, 1 for a scale change, else the
// parameter's value when it is the same in every year the path addresses.
func baseValue(t model.Target, s *scenarios.Scenario) (float64, bool) {
	switch t.Mode {
	case model.Add:
		return 0, true
	case model.Scale:
		return 1, true
	}
	r, err := model.Lookup(s.Inputs, t.Path)
	if err != nil || r.Len() == 0 {
		return 0, false
	}
	v := r.Get(0)
	for k := 1; k < r.Len(); k++ {
		if r.Get(k) != v {
			return 0, false
		}
	}
	return v, true
}

// baseMetric returns metric m of the scenario as it is.
func baseMetric(s *scenarios.Scenario, m metrics.Metric) float64 {
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	return m.Value(&res)
}

// sweepPoints returns the number of points of a grid of ranges.
func sweepPoints(ranges []sensitivity.Range) int {
	n := 1
	for _, r := range ranges {
		n *= r.N
	}
	return n
}

// sweepShape writes the shape of a grid of ranges, e.g. "1000 × 1000".
func sweepShape(ranges []sensitivity.Range) string {
	var parts []string
	for _, r := range ranges {
		parts = append(parts, strconv.Itoa(r.N))
	}
	return strings.Join(parts, " × ")
}

// sweepFinite refuses a sweep with a point whose metric is not a finite
// number, before anything is written: the error names the point's row and
// the inputs of its run that produce the value (model.Attribute). Sweep
// points are validated like scenarios, so this is a guard, as the
// writers' refusal is.
func sweepFinite(s *scenarios.Scenario, res *sensitivity.SweepResult) error {
	idx := -1
	for k, z := range res.Z {
		if math.IsNaN(z) || math.IsInf(z, 0) {
			idx = k
			break
		}
	}
	if idx < 0 {
		return nil
	}
	targets := make([]model.Target, len(res.Ranges))
	for k, r := range res.Ranges {
		targets[k] = r.Target
	}
	x := []float64{res.X[idx]}
	if len(res.Ranges) == 2 {
		x = []float64{res.X[idx/len(res.Y)], res.Y[idx%len(res.Y)]}
	}
	e := &results.NonFiniteCellError{Row: idx + 1, Column: res.Metric.String(), Key: model.FormatExact(x[0]), Value: results.Format(res.Z[idx])}
	if b, err := model.Bind(s.Inputs, targets); err == nil {
		b.Apply(x)
		e.Inputs = model.Attribute(b.Inputs(), func(r *model.Results) bool {
			v := res.Metric.Value(r)
			return math.IsNaN(v) || math.IsInf(v, 0)
		})
	}
	return invalid(fmt.Errorf("%s: sweep.csv: %w", s.Source, e))
}
