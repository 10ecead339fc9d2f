package main

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"text/tabwriter"

	"simulate/internal/memlimit"
	"simulate/metrics"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/sensitivity"
	"simulate/workbook"
)

// Defaults and limits of simulate mc.
const (
	defaultDraws = 10000
	// maxKeptValues bounds draws.csv, draws × columns: about 20 bytes a
	// value, so at most some 300 MiB of text held in memory before writing.
	maxKeptValues = 1 << 24
)

func init() {
	register(&command{
		name: "mc",
		args: "[--draws N] [--seed S] [--keep-draws] [--metric M] [--out DIR] [--format png,svg,pdf,xlsx|none] [--lang en|zh] [--font FILE] [FILE|NAME]",
		summary: "Monte Carlo: draw the scenario's [uncertainty] inputs N times (with their rank correlations); write DIR/<scenario>/percentiles.csv, " +
			"fan charts of the II increment, the II share and GDP growth, and with --keep-draws draws.csv.",
		run: runMC,
	})
}

func runMC(e *env, args []string) error {
	if onIndex(args) {
		return runMCIndex(e, args) // an index file or name: indexsens.go
	}
	c := commands["mc"]
	o, pos, err := parseMCFlags(e, args, false)
	if err != nil {
		return helpOK(err)
	}
	draws, seed, formats, theme, cf := o.draws, o.seed, o.formats, o.theme, o.cf
	s, err := loadOne(c, pos)
	if err != nil {
		return err
	}
	extra, err := parseMetric(o.metric, s)
	if err != nil {
		return err
	}
	if len(s.Uncertainty) == 0 {
		return invalidf("scenario %s has no [uncertainty] table: nothing to draw (see docs/sensitivity.md)", s.Name)
	}

	// The metrics recorded: per year the II increment, the II share and
	// growth (the fan charts), then the totals, then --metric.
	in := s.Inputs
	var ms []metrics.Metric
	for _, name := range fanMetrics {
		m := mustMetric(name)
		for y := in.FirstYear(); y <= in.LastYear(); y++ {
			ms = append(ms, m.WithYear(y))
		}
	}
	totals := []metrics.Metric{mustMetric("ii_total_yi"), mustMetric("period_ii_share_pct")}
	ms = append(ms, totals...)
	kept := totals
	if !containsMetric(ms, extra) {
		ms = append(ms, extra)
		kept = append(kept, extra)
	}
	series := len(ms)
	if o.keep {
		series += len(s.Uncertainty)
	}
	if !o.keep {
		series = 0 // only --keep-draws keeps every value (sensitivity.MonteCarloOf)
		if len(s.Correlations) > 0 {
			series = len(s.Uncertainty) // but correlated draws are held to be rearranged
		}
	}
	if err := sensitivity.CheckSize(draws, series); err != nil {
		return usagef("--draws %d: %v", draws, err)
	}
	if cols := len(s.Uncertainty) + len(kept) + 1; o.keep && draws > maxKeptValues/cols {
		return usagef("--keep-draws with %d draws would write %d × %d values to draws.csv; the limit is %d values: use at most %d draws",
			draws, draws, cols, maxKeptValues, maxKeptValues/cols)
	}

	// Under an address-space limit (ulimit -v), refuse what cannot fit
	// (exit 1) rather than die of the runtime's "out of memory".
	need := drawsMemory(draws, series, len(s.Uncertainty)+len(kept)+1, o.keep, bytesPerDrawsText)
	if err := memlimit.Check(fmt.Sprintf("%d draws × %d values per draw", draws, series), need); err != nil {
		return err
	}
	var prog sensitivity.Progress
	stop := progressBar(e, "mc", &prog)
	res, err := sensitivity.MonteCarlo(e.ctx, in, s.Uncertainty, sensitivity.MCConfig{
		Draws: draws, Seed: seed, Metrics: ms, KeepDraws: o.keep, Correlations: s.Correlations, Progress: &prog,
	})
	stop()
	if err != nil {
		return err
	}
	sums := res.Summaries
	// Nothing non-finite is written: a metric whose mean or percentiles
	// are NaN or infinite (some draw gave such a value) is refused, naming
	// the scenario and the metric.
	for m := range sums {
		v := sums[m].Mean
		for _, p := range sums[m].P {
			v += p
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return invalidf("%s: the draws of the [uncertainty] table give %s values that are not finite numbers (mean %v); check the distributions of its entries (%s)",
				s.Source, ms[m], sums[m].Mean, strings.Join(labels(s.Uncertainty), ", "))
		}
	}

	batch := output.NewBatch(o.out)
	if o.keep {
		var buf bytes.Buffer
		if err := results.WriteDrawsCSV(&buf, labels(s.Uncertainty), res, kept); err != nil {
			return err
		}
		if err := batch.Add(s.Name+"/draws.csv", buf.Bytes()); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := results.WritePercentilesCSV(&buf, ms, sums); err != nil {
		return err
	}
	if err := batch.Add(s.Name+"/percentiles.csv", buf.Bytes()); err != nil {
		return err
	}

	var charts []plots.NamedChart
	n := in.Len()
	for k, name := range []string{"fan_ii_increment", "fan_ii_share", "fan_growth"} {
		if len(formats) == 0 {
			break // --format none
		}
		f := plots.Fan{Scenario: s.Name, Kind: plots.FanKind(k), Draws: draws, Seed: seed, ScenarioTitle: s.Title, PriceBase: in.BaseYear, Correlations: len(s.Correlations)}
		for i := range n {
			f.Years = append(f.Years, in.FirstYear()+i)
			f.P = append(f.P, sums[k*n+i].P)
		}
		ch, err := plots.FanChart(theme, f)
		if err != nil {
			return err
		}
		charts = append(charts, plots.NamedChart{Name: name, Chart: ch})
	}
	if err := addCharts(batch, s.Name, charts, formats); err != nil {
		return err
	}
	if cf.xlsx {
		b := workbook.InputsBook(s.Name+" — Monte Carlo", inputRows(s))
		b.Percentiles(ms, sums)
		if err := addWorkbook(batch, s.Name, "mc", b); err != nil {
			return err
		}
	}

	fmt.Fprintf(e.stdout, "%s: %d draws (seed %d) of %d uncertain inputs", s.Name, draws, seed, len(s.Uncertainty))
	if nc := len(s.Correlations); nc > 0 {
		fmt.Fprintf(e.stdout, ", %d rank correlation(s) induced by Iman–Conover", nc)
	}
	fmt.Fprint(e.stdout, "\n\n")
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tmean\tp5\tp25\tp50\tp75\tp95\t")
	for i, m := range ms {
		if m.PerYear() && m != extra {
			continue
		}
		sm := sums[i]
		d := m.Column().Decimals
		fmt.Fprintf(tw, "%s (%s)\t%s\t%s\t%s\t%s\t%s\t%s\t\n", m, m.Unit(), fixed(sm.Mean, d), fixed(sm.P[0], d), fixed(sm.P[1], d), fixed(sm.P[2], d), fixed(sm.P[3], d), fixed(sm.P[4], d))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	return commit(e, batch)
}

// fanMetrics are the per-year metrics of the fan charts, in the order of
// plots.FanKind.
var fanMetrics = []string{"ii_increment_yi", "ii_share_pct", "growth_pct"}

// mustMetric parses a metric name known to be valid.
func mustMetric(name string) metrics.Metric {
	m, err := metrics.Parse(name)
	if err != nil {
		panic(err)
	}
	return m
}

func containsMetric(ms []metrics.Metric, m metrics.Metric) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}
