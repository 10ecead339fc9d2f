package main

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"simulate/internal/memlimit"
	"simulate/metrics"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/sensitivity"
	"simulate/sobol"
)

// Defaults of simulate sobol.
const (
	defaultSobolN = 4096
	maxBootstrap  = 100000
)

func init() {
	register(&command{
		name: "sobol",
		args: "[--n N] [--seed S] [--bootstrap B] [--metric M[,M…]] [--out DIR] [--format png,svg,pdf] [--lang en|zh] [--font FILE] [FILE|NAME]",
		summary: "First-order and total Sobol indices of every uncertain input (Saltelli design on a scrambled Sobol sequence) with " +
			"confidence intervals; write DIR/<scenario>/sobol.csv and a bar chart.",
		run: runSobol,
	})
}

func runSobol(e *env, args []string) error {
	c := commands["sobol"]
	fs := newFlags(c)
	nFlag := fs.String("n", strconv.Itoa(defaultSobolN), fmt.Sprintf("base rows `N` of the design, a power of two from %d to %d; the model runs N·(k+2) times for k inputs",
		sensitivity.MinSobolN, sensitivity.MaxSobolN))
	seedFlag := fs.String("seed", "1", "`seed` of the scrambling and the bootstrap: the same seed gives the same files")
	bootFlag := fs.String("bootstrap", "0", fmt.Sprintf("`B` > 0: percentile bootstrap intervals from B resamples (10 to %d; conservative on a Sobol design); 0: Student-t intervals over %d scrambled replicates",
		maxBootstrap, sensitivity.SobolReplicates))
	metricFlag := fs.String("metric", "ii_total_yi", "the `metrics`, comma-separated (see docs/sensitivity.md)")
	out := fs.String("out", "out", "output `folder`; files go to DIR/<scenario>/")
	cf := addChartFlags(fs)
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	formats, theme, err := cf.resolve()
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(*nFlag)
	if err != nil {
		return usagef("--n %s: must be a power of two from %d to %d", *nFlag, sensitivity.MinSobolN, sensitivity.MaxSobolN)
	}
	if err := sensitivity.CheckSobolN(n); err != nil {
		return usagef("--n: %v", err)
	}
	seed, err := parseSeed(*seedFlag)
	if err != nil {
		return err
	}
	boot, err := strconv.Atoi(*bootFlag)
	if err != nil || boot != 0 && (boot < 10 || boot > maxBootstrap) {
		return usagef("--bootstrap %s: must be 0 (Student-t intervals over replicates) or a whole number of resamples from 10 to %d", *bootFlag, maxBootstrap)
	}
	s, err := loadOne(c, pos)
	if err != nil {
		return err
	}
	var ms []metrics.Metric
	for _, text := range strings.Split(*metricFlag, ",") {
		m, err := parseMetric(strings.TrimSpace(text), s)
		if err != nil {
			return err
		}
		if containsMetric(ms, m) {
			return usagef("--metric %s is given twice", m)
		}
		ms = append(ms, m)
	}
	if len(s.Uncertainty) == 0 {
		return invalidf("scenario %s has no [uncertainty] table: nothing to analyse (see docs/sensitivity.md)", s.Name)
	}

	k := uint64(len(s.Uncertainty))
	need := 8 * (uint64(n)*(k+2)*uint64(len(ms)) + 2*k*uint64(boot))
	if err := memlimit.Check(fmt.Sprintf("%d base rows × %d inputs × %d metrics", n, k, len(ms)), need); err != nil {
		return err
	}
	var prog sensitivity.Progress
	stop := progressBar(e, "sobol", &prog)
	res, err := sensitivity.Sobol(e.ctx, s.Inputs, s.Uncertainty, sensitivity.SobolConfig{
		N: n, Seed: seed, Bootstrap: boot, Metrics: ms, Progress: &prog,
	})
	stop()
	if err != nil {
		if e.ctx.Err() != nil {
			return e.ctx.Err()
		}
		return invalidf("scenario %s: %v", s.Name, err)
	}

	interval := fmt.Sprintf("%g %% Student-t intervals over %d scrambled replicates", 100*res.Options.Level, sensitivity.SobolReplicates)
	if res.Options.CI == sobol.Bootstrap {
		interval = fmt.Sprintf("%g %% percentile bootstrap intervals, %d resamples", 100*res.Options.Level, res.Options.Resamples)
	}
	var charts []plots.NamedChart
	for mi, m := range ms {
		ix := res.Indices[mi]
		sd := plots.Sobol{Scenario: s.Name, Metric: m.String(), N: n, Runs: res.Runs, Interval: interval}
		for i, u := range s.Uncertainty {
			sd.Indices = append(sd.Indices, plots.SobolIndex{Label: u.Label(),
				S1: ix.S1[i], S1Lo: ix.S1Lo[i], S1Hi: ix.S1Hi[i], ST: ix.ST[i], STLo: ix.STLo[i], STHi: ix.STHi[i]})
		}
		ch, err := plots.SobolChart(theme, sd)
		if err != nil {
			return err
		}
		name := "sobol"
		if len(ms) > 1 {
			name = "sobol_" + fileSafe(m.String())
		}
		charts = append(charts, plots.NamedChart{Name: name, Chart: ch})
	}
	var buf bytes.Buffer
	if err := results.WriteSobolCSV(&buf, labels(s.Uncertainty), res); err != nil {
		return err
	}
	batch := output.NewBatch(*out)
	if err := batch.Add(s.Name+"/sobol.csv", buf.Bytes()); err != nil {
		return err
	}
	if err := addCharts(batch, s.Name, charts, formats); err != nil {
		return err
	}

	fmt.Fprintf(e.stdout, "%s: Sobol indices, N = %d base rows, %d model runs, seed %d; %s\n", s.Name, n, res.Runs, seed, interval)
	fmt.Fprintln(e.stdout, "Estimators: first order Saltelli et al. (2010), total Jansen (1999), as implemented in package sobol.")
	for mi, m := range ms {
		ix := res.Indices[mi]
		fmt.Fprintf(e.stdout, "\n%s (mean %s, standard deviation %s)\n", m, metricText(m, ix.Mean), metricText(m, math.Sqrt(ix.Var)))
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "param\tS1\tinterval\tST\tinterval\t")
		for i, u := range s.Uncertainty {
			fmt.Fprintf(tw, "%s\t%.3f\t[%.3f, %.3f]\t%.3f\t[%.3f, %.3f]\t\n", u.Label(), ix.S1[i], ix.S1Lo[i], ix.S1Hi[i], ix.ST[i], ix.STLo[i], ix.STHi[i])
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(e.stdout)
	return commit(e, batch)
}

// fileSafe turns a metric or a parameter label into part of a file name:
// ii_share_pct[2024] → ii_share_pct_2024, gdp.growth_pct+ →
// gdp.growth_pct_add, capital.ict_share* → capital.ict_share_scale.
func fileSafe(s string) string {
	return strings.NewReplacer("[", "_", "]", "", "+", "_add", "*", "_scale").Replace(s)
}
