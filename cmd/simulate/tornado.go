package main

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"
	"text/tabwriter"

	"simulate/metrics"
	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/scenarios"
	"simulate/sensitivity"
	"simulate/workbook"
)

// tornadoPercent is the percentile of each input's distribution taken as
// its low value (and 100 − it as its high value).
const tornadoPercent = 5

func init() {
	register(&command{
		name: "tornado",
		args: "[--metric M] [--delta 10%] [--ignore-correlation] [--out DIR] [--format png,svg,pdf,xlsx|none] [--lang en|zh] [--font FILE] [FILE|NAME]",
		summary: "Move each uncertain input alone to its 5 % and 95 % quantiles (or ±delta around the base); write tornado.csv, a tornado\n" +
			"        chart and manifest.json to DIR/<scenario>/tornado-<metric>/ (tornado-<metric>-delta<D>/ with --delta).",
		run: runTornado,
	})
}

func runTornado(e *env, args []string) error {
	if onIndex(args) {
		return runTornadoIndex(e, args) // an index file or name: indexsens.go
	}
	c := commands["tornado"]
	o, pos, err := parseTornadoFlags(e, args, false)
	if err != nil {
		return helpOK(err)
	}
	formats, theme, cf := o.formats, o.theme, o.cf
	s, err := loadOne(c, pos)
	if err != nil {
		return err
	}
	m, err := parseMetric(o.metric, s)
	if err != nil {
		return err
	}
	if err := checkIndependent(c, s, o.ignoreCorr); err != nil {
		return err
	}

	var factors []sensitivity.Factor
	var lows, highs []float64
	how := fmt.Sprintf("inputs at their %d %% and %d %% quantiles", tornadoPercent, 100-tornadoPercent)
	if o.delta != "" {
		d, err := parseDelta(o.delta)
		if err != nil {
			return err
		}
		factors, lows, highs = sensitivity.DeltaRange(deltaFactors(s), d)
		how = fmt.Sprintf("inputs scaled by 1 ± %s", o.delta)
	} else {
		if len(s.Uncertainty) == 0 {
			return invalidf("scenario %s has no [uncertainty] table: add one (docs/sensitivity.md) or give --delta 10%%", s.Name)
		}
		factors, lows, highs = sensitivity.QuantileRange(s.Uncertainty, tornadoPercent)
	}
	bars, base, err := sensitivity.Tornado(s.Inputs, factors, lows, highs, m)
	if err != nil {
		return invalidf("scenario %s: %v", s.Name, err)
	}

	if err := tornadoFinite(s, bars, m); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := results.WriteTornadoCSV(&buf, bars); err != nil {
		return err
	}
	dir := path.Join(s.Name, "tornado-"+fileSafe(m.String()))
	if o.delta != "" {
		dir += "-delta" + fileSafe(strings.TrimSuffix(strings.TrimSpace(o.delta), "%"))
	}
	batch := output.NewBatch(o.out)
	if err := batch.Add(path.Join(dir, "tornado.csv"), buf.Bytes()); err != nil {
		return err
	}
	addInputs(batch, dir, s)
	td := plots.Tornado{Scenario: s.Name, Metric: m.String(), MetricUnit: m.Unit(), Base: base, Percent: tornadoPercent, Uncorrelated: len(s.Correlations) > 0,
		ScenarioTitle: s.Title, PriceBase: s.Inputs.BaseYear, First: s.Inputs.FirstYear(), Last: s.Inputs.LastYear()}
	if o.delta != "" {
		td.Delta = strings.TrimSuffix(strings.TrimSpace(o.delta), "%")
	}
	chartLabels := chartLabelsOf(s.Uncertainty)
	for _, b := range bars {
		label := b.Label
		if l, ok := chartLabels[b.Label]; ok {
			label = l
		}
		td.Bars = append(td.Bars, plots.TornadoBar{Label: label, Low: b.Low, High: b.High, MetricLow: b.MetricLow, MetricHigh: b.MetricHigh})
	}
	ch, err := plots.TornadoChart(theme, td)
	if err != nil {
		return err
	}
	if err := addCharts(batch, dir, []plots.NamedChart{{Name: "tornado", Chart: ch}}, formats); err != nil {
		return err
	}
	if cf.xlsx {
		b := workbook.InputsBook(s.Name+" — tornado of "+m.String(), inputRows(s))
		b.Tornado(bars)
		if err := addWorkbook(batch, dir, "tornado", b); err != nil {
			return err
		}
	}

	fmt.Fprintf(e.stdout, "%s: %s = %s at the base; %s\n\n", s.Name, m, metricText(m, base), how)
	// Every swing shows at least two significant digits.
	var swings []float64
	for _, b := range bars {
		swings = append(swings, b.Swing())
	}
	d := decimalsToShow(m.Column().Decimals, base, swings...)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "param\tlow\thigh\tmetric at low\tmetric at high\tswing (%s)\t\n", m.Unit())
	for _, b := range bars {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", b.Label, valueText(b.Low), valueText(b.High), fixed(b.MetricLow, d), fixed(b.MetricHigh, d), fixedOrZero(b.Swing(), d, base))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	return commit(e, batch)
}

// parseDelta reads a percentage such as "10%" as a fraction, 0 < d < 1.
func parseDelta(s string) (float64, error) {
	num, ok := strings.CutSuffix(strings.TrimSpace(s), "%")
	v, err := strconv.ParseFloat(num, 64)
	if !ok || err != nil || !(v > 0 && v < 100) {
		return 0, usagef("--delta %s: write a percentage above 0 and below 100, e.g. 10%%", s)
	}
	return v / 100, nil
}

// deltaFactors returns what a --delta tornado moves: the entries of the
// uncertainty table when there is one (a group's keys together), else every
// parameter the model reads with a value other than zero (in a Solow
// scenario its solow.* inputs rather than the growth path and split they
// drive; never a residual TFP weight, which follows the others).
func deltaFactors(s *scenarios.Scenario) []sensitivity.Factor {
	var factors []sensitivity.Factor
	seen := map[string]bool{}
	for i := range s.Uncertainty {
		u := &s.Uncertainty[i]
		if !seen[u.Name] {
			seen[u.Name] = true
			f := sensitivity.InputFactor(u)
			if !u.Group {
				f = sensitivity.TargetFactor(model.Target{Path: u.Name})
			}
			factors = append(factors, f)
		}
	}
	if len(factors) > 0 {
		return factors
	}
	in := s.Inputs
	for _, p := range model.Params {
		if !p.Active(in) || p.Derived(in) {
			continue
		}
		if d, ok := p.Dimension(); ok && in.WeightRule.IsResidual(d) {
			continue
		}
		if !p.PerYear {
			if *p.Scalar(in) != 0 {
				factors = append(factors, sensitivity.TargetFactor(model.Target{Path: p.Key}))
			}
			continue
		}
		for i, v := range p.Series(in) {
			if p.Applies(in, i) && v != 0 {
				factors = append(factors, sensitivity.TargetFactor(model.Target{Path: p.Key}))
				break
			}
		}
	}
	return factors
}

// tornadoFinite refuses a tornado with a bar whose metric is not a finite
// number, before anything is written: the error names the bar's row and
// column and the inputs of its run that produce the value
// (model.Attribute). Tornado runs are validated like scenarios, so this
// is a guard, as the writers' refusal is.
func tornadoFinite(s *scenarios.Scenario, bars []sensitivity.Bar, m metrics.Metric) error {
	for i, b := range bars {
		for k, col := range []string{"metric_low", "metric_high"} {
			v, at := b.MetricLow, b.Low
			if k == 1 {
				v, at = b.MetricHigh, b.High
			}
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				continue
			}
			e := &results.NonFiniteCellError{Row: i + 1, Column: col, Key: b.Label, Value: results.Format(v)}
			if bd, err := model.Bind(s.Inputs, b.Targets); err == nil {
				x := make([]float64, len(b.Targets))
				for j := range x {
					x[j] = at
				}
				bd.Apply(x)
				e.Inputs = model.Attribute(bd.Inputs(), func(r *model.Results) bool {
					v := m.Value(r)
					return math.IsNaN(v) || math.IsInf(v, 0)
				})
			}
			return invalid(fmt.Errorf("%s: tornado.csv: %w", s.Source, e))
		}
	}
	return nil
}
