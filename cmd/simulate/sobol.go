package main

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"strings"
	"text/tabwriter"

	"simulate/internal/memlimit"
	"simulate/metrics"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/sensitivity"
	"simulate/sobol"
	"simulate/uncertain"
	"simulate/workbook"
)

// Defaults of simulate sobol.
const (
	defaultSobolN = 4096
	maxBootstrap  = 100000
)

func init() {
	register(&command{
		name: "sobol",
		args: "[--n N] [--seed S] [--bootstrap B] [--metric M[,M…]] [--ignore-correlation] [--out DIR] [--format png,svg,pdf,xlsx|none] [--lang en|zh] [--font FILE] [FILE|NAME]",
		summary: "First-order and total Sobol indices of every uncertain input (Saltelli design on a scrambled Sobol sequence) with " +
			"confidence intervals; write DIR/<scenario>/sobol.csv and a bar chart (NAME[*]: every year, and a chart by year).",
		run: runSobol,
	})
}

func runSobol(e *env, args []string) error {
	if onIndex(args) {
		return runSobolIndex(e, args) // an index file or name: indexsens.go
	}
	c := commands["sobol"]
	o, pos, err := parseSobolFlags(e, args, false)
	if err != nil {
		return helpOK(err)
	}
	n, seed, boot, formats, theme, cf := o.n, o.seed, o.boot, o.formats, o.theme, o.cf
	s, err := loadOne(c, pos)
	if err != nil {
		return err
	}
	// Each metric given, or with [*] each year of it: one design for all.
	var ms []metrics.Metric
	var groups [][]metrics.Metric // the metrics of each given, in order
	var byYear []bool             // given as NAME[*]
	for _, text := range strings.Split(o.metric, ",") {
		text = strings.TrimSpace(text)
		var g []metrics.Metric
		name, all := strings.CutSuffix(text, "[*]")
		if all {
			m, err := metrics.Parse(name)
			if err != nil {
				_, err := parseMetric(name, s) // the same message as without [*]
				return err
			}
			if !m.PerYear() {
				return usagef("--metric %s: [*] is for a per-year metric (every year of it), and %s is a total over the span", text, name)
			}
			for y := s.Inputs.FirstYear(); y <= s.Inputs.LastYear(); y++ {
				g = append(g, m.WithYear(y))
			}
			if len(g) < 2 {
				return usagef("--metric %s: the scenario has one year: write %s[%d]", text, name, s.Inputs.FirstYear())
			}
		} else {
			m, err := parseMetric(text, s)
			if err != nil {
				return err
			}
			g = []metrics.Metric{m}
		}
		for _, m := range g {
			if containsMetric(ms, m) {
				return usagef("--metric %s is given twice", m)
			}
			ms = append(ms, m)
		}
		groups, byYear = append(groups, g), append(byYear, all)
	}
	if len(s.Uncertainty) == 0 {
		return invalidf("scenario %s has no [uncertainty] table: nothing to analyse (see docs/sensitivity.md)", s.Name)
	}
	if err := checkIndependent(c, s, o.ignoreCorr); err != nil {
		return err
	}

	k := len(s.Uncertainty)
	need := sobolMemory(n, k, len(ms), boot, runtime.GOMAXPROCS(0)) // metrics' indices in parallel
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
	chartLabels := chartLabelsOf(s.Uncertainty)
	chartLabel := func(u *uncertain.Input) string {
		if l, ok := chartLabels[u.Label()]; ok {
			return l
		}
		return u.Label()
	}
	mi := 0 // index of the first metric of each group in ms
	for gi, g := range groups {
		if len(formats) == 0 {
			break // --format none
		}
		if byYear[gi] {
			sy := plots.SobolYears{Scenario: s.Name, ScenarioTitle: s.Title, PriceBase: s.Inputs.BaseYear, Metric: g[0].Name(), N: n, Runs: res.Runs, Uncorrelated: len(s.Correlations) > 0}
			for i := range s.Uncertainty {
				sy.Labels = append(sy.Labels, chartLabel(&s.Uncertainty[i]))
			}
			for k, m := range g {
				sy.Years = append(sy.Years, m.Year)
				sy.S1 = append(sy.S1, res.Indices[mi+k].S1)
			}
			ch, err := plots.SobolYearsChart(theme, sy)
			if err != nil {
				return err
			}
			charts = append(charts, plots.NamedChart{Name: "sobol_" + g[0].Name() + "_by_year", Chart: ch})
			mi += len(g)
			continue
		}
		m := g[0]
		ix := res.Indices[mi]
		sd := plots.Sobol{Scenario: s.Name, Metric: m.String(), N: n, Runs: res.Runs, Interval: interval,
			Level: res.Options.Level, Replicates: sensitivity.SobolReplicates, Uncorrelated: len(s.Correlations) > 0,
			ScenarioTitle: s.Title, PriceBase: s.Inputs.BaseYear, First: s.Inputs.FirstYear(), Last: s.Inputs.LastYear()}
		if res.Options.CI == sobol.Bootstrap {
			sd.Resamples = res.Options.Resamples
		}
		for i := range s.Uncertainty {
			sd.Indices = append(sd.Indices, plots.SobolIndex{Label: chartLabel(&s.Uncertainty[i]),
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
		mi++
	}
	var buf bytes.Buffer
	if err := results.WriteSobolCSV(&buf, labels(s.Uncertainty), res); err != nil {
		return err
	}
	batch := output.NewBatch(o.out)
	if err := batch.Add(s.Name+"/sobol.csv", buf.Bytes()); err != nil {
		return err
	}
	if err := addCharts(batch, s.Name, charts, formats); err != nil {
		return err
	}
	if cf.xlsx {
		b := workbook.InputsBook(s.Name+" — Sobol indices", inputRows(s))
		b.Sobol(labels(s.Uncertainty), res)
		if err := addWorkbook(batch, s.Name, "sobol", b); err != nil {
			return err
		}
	}

	fmt.Fprintf(e.stdout, "%s: Sobol indices, N = %d base rows, %d model runs, seed %d; %s\n", s.Name, n, res.Runs, seed, interval)
	if len(s.Correlations) > 0 {
		fmt.Fprintln(e.stdout, "The scenario's rank correlations are ignored (--ignore-correlation): the inputs are drawn independently.")
	}
	fmt.Fprintln(e.stdout, "Estimators: first order Saltelli et al. (2010), total Jansen (1999), as implemented in package sobol.")
	mi = 0
	for gi, g := range groups {
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		if byYear[gi] {
			// One table of S1 and one of ST, a column per year.
			for _, which := range []string{"S1", "ST"} {
				fmt.Fprintf(e.stdout, "\n%s[*]: %s by year\n", g[0].Name(), which)
				fmt.Fprint(tw, "param\t")
				for _, m := range g {
					fmt.Fprintf(tw, "%d\t", m.Year)
				}
				fmt.Fprintln(tw)
				for i := range s.Uncertainty {
					fmt.Fprintf(tw, "%s\t", s.Uncertainty[i].Label())
					for k := range g {
						ix := res.Indices[mi+k]
						v := ix.S1[i]
						if which == "ST" {
							v = ix.ST[i]
						}
						fmt.Fprintf(tw, "%.3f\t", v)
					}
					fmt.Fprintln(tw)
				}
				if err := tw.Flush(); err != nil {
					return err
				}
			}
			mi += len(g)
			continue
		}
		ix := res.Indices[mi]
		fmt.Fprintf(e.stdout, "\n%s (mean %s, standard deviation %s)\n", g[0], metricText(g[0], ix.Mean), metricText(g[0], math.Sqrt(ix.Var)))
		fmt.Fprintln(tw, "param\tS1\tinterval\tST\tinterval\t")
		for i := range s.Uncertainty {
			fmt.Fprintf(tw, "%s\t%.3f\t[%.3f, %.3f]\t%.3f\t[%.3f, %.3f]\t\n", s.Uncertainty[i].Label(), ix.S1[i], ix.S1Lo[i], ix.S1Hi[i], ix.ST[i], ix.STLo[i], ix.STHi[i])
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		mi++
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
