package main

// The sensitivity commands on an index: sweep, tornado, mc and sobol given
// an index file or the name of an embedded index (cii2020) where they take
// a scenario. Each command's run function hands its arguments here when
// its one positional argument names an index (indexes.IsIndex); the flags
// are the scenario command's, with the index's metrics and key paths.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"simulate/cii"
	"simulate/indexes"
	"simulate/internal/memlimit"
	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/sensitivity"
	"simulate/uncertain"
)

// defaultIndexMetric is the metric of the sensitivity commands on an
// index given no --metric: the mean of the industries (the report's 17.09).
const defaultIndexMetric = "mean_pts"

// onIndex reports whether the arguments of a sensitivity command name one
// index rather than a scenario. It runs before the command parses its
// flags (whose --param reads scenario key paths), so it finds the
// positional arguments itself: every flag without "=" takes the next
// argument as its value, but for the boolean ones (boolFlags). With -h the
// command prints its own help.
func onIndex(args []string) bool {
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			name := strings.TrimLeft(a, "-")
			if name == "h" || name == "help" {
				return false // the command's own help
			}
			if !strings.Contains(name, "=") && !boolFlags[name] {
				i++
			}
		default:
			pos = append(pos, a)
		}
	}
	return len(pos) == 1 && indexes.IsIndex(pos[0])
}

// boolFlags are the flags of the sensitivity commands that take no value.
var boolFlags = map[string]bool{"keep-draws": true}

// indexRanges is a repeatable --param PATH=LO:HI:N flag of index key
// paths (cii.ParseRange).
type indexRanges []sensitivity.Range

func (r *indexRanges) String() string { return "" }
func (r *indexRanges) Set(s string) error {
	t, lo, hi, n, err := cii.ParseRange(s)
	if err != nil {
		return err
	}
	*r = append(*r, sensitivity.Range{Target: t, Lo: lo, Hi: hi, N: n})
	return nil
}

// loadIndexArg loads the index a sensitivity command works on.
func loadIndexArg(pos []string) (*indexes.File, error) {
	f, err := indexes.Open(pos[0])
	if err != nil {
		return nil, invalid(err)
	}
	return f, nil
}

// indexMetric reads --metric on an index.
func indexMetric(ix *cii.Index, text string) (cii.Metric, error) {
	m, err := ix.ParseMetric(strings.TrimSpace(text))
	if err != nil {
		return m, usagef("--metric: %s", strings.TrimPrefix(err.Error(), "cii: "))
	}
	return m, nil
}

// checkIndexTarget checks that a target's path names a value of ix.
func checkIndexTarget(ix *cii.Index, t model.Target) error {
	if _, err := cii.Lookup(ix, t.Path); err != nil {
		pe, _ := errors.AsType[*cii.PathError](err) // Lookup's errors are *cii.PathError
		return invalidf("%s (index %s)", pe.Msg, ix.Name)
	}
	return nil
}

// indexTargetUnit returns the unit of the values applied to t: a factor, a
// fraction (a weight), pp (added to a penetration) or %.
func indexTargetUnit(t model.Target) string {
	switch {
	case t.Mode == model.Scale:
		return "factor"
	case strings.HasSuffix(t.Path, ".weight"):
		return "fraction"
	case t.Mode == model.Add:
		return "pp"
	}
	return "%"
}

// indexMetricUnit returns the unit of m as a chart writes it.
func indexMetricUnit(theme *plots.Theme, m cii.Metric) string {
	zh := theme.Language() == plots.Chinese
	switch {
	case m.Unit == "rank" && zh:
		return "名次"
	case m.Unit == "rank":
		return "rank"
	case zh:
		return "点"
	}
	return "points"
}

// indexMetricLabel names an index metric in words for a chart: the
// industry's name from the file ("Finance: index", "金融：名次"), or the
// aggregate. The metric's name, which the user typed, stays in the
// file names and the printed lines.
func indexMetricLabel(theme *plots.Theme, ix *cii.Index, m cii.Metric) string {
	zh := theme.Language() == plots.Chinese
	switch m.Name {
	case "mean_pts":
		if zh {
			return "七大产业指数的算术平均"
		}
		return "Mean of the industries' indices"
	case "va_mean_pts":
		if zh {
			return "按增加值加权的产业指数平均"
		}
		return "Value-added-weighted mean of the industries' indices"
	}
	for _, ind := range ix.Industries {
		name := ind.Name
		if zh && ind.NameZh != "" {
			name = ind.NameZh
		}
		if name == "" {
			name = ind.Key
		}
		switch m.Name {
		case ind.Key + "_pts":
			if zh {
				return name + "产业互联网指数"
			}
			return name + ": index"
		case ind.Key + "_rank":
			if zh {
				return name + "指数的名次"
			}
			return name + ": rank among the industries"
		}
	}
	return m.Name
}

// indexUncertainty returns the uncertain inputs of an index file's
// [uncertainty] table; what is the command, for the message when there
// are none.
func indexUncertainty(f *indexes.File, what string) ([]uncertain.Input, error) {
	unc, err := f.UncertainInputs()
	if err != nil {
		return nil, invalid(err)
	}
	if len(unc) == 0 {
		return nil, invalidf("index %s has no [uncertainty] table: %s (docs/cii.md)", f.Index.Name, what)
	}
	return unc, nil
}

// indexInputLabel names the value a target moves in a chart, in the
// theme's language, from the names the index file gives: a penetration
// by its industry and stage or sub-stage ("Entertainment · Distribution",
// "文娱·发行", "Retail · Payment settlement"),
// a weight with "· weight" ("·权重"); with " +" (added to) or " ×"
// (scaled) for those modes.
func indexInputLabel(theme *plots.Theme, ix *cii.Index, t model.Target) string {
	ref, err := cii.Lookup(ix, t.Path)
	if err != nil {
		return t.Label()
	}
	zh := theme.Language() == plots.Chinese
	name := func(en, nameZh, key string) string {
		switch {
		case zh && nameZh != "":
			return nameZh
		case en != "":
			return en
		}
		return key
	}
	ind := ix.Industries[ref.Industry]
	parts := []string{name(ind.Name, ind.NameZh, ind.Key)}
	keys := strings.Split(strings.TrimPrefix(t.Path, cii.PathPrefix+ind.Key+"."), ".")
	parts = append(parts, name(ref.Stage.Name, ref.Stage.NameZh, keys[len(keys)-2]))
	if ref.Field == cii.WeightField {
		parts = append(parts, map[bool]string{false: "weight", true: "权重"}[zh])
	}
	label := strings.Join(parts, sepOf(theme))
	switch t.Mode {
	case model.Add:
		label += " +"
	case model.Scale:
		label += " ×"
	}
	return label
}

// sepOf returns the separator of the parts of an input's label.
func sepOf(theme *plots.Theme) string {
	if theme.Language() == plots.Chinese {
		return "·"
	}
	return " · "
}

// maxChartInputs and maxSobolInputs are the most inputs a tornado or a
// Sobol chart of an index shows: those with the largest swing or total
// index (a Sobol chart's labels run aslant under its bars and need the
// room). The CSV files hold every input.
const (
	maxChartInputs = 15
	maxSobolInputs = 10
)

// chartSubset returns the metric name a chart's title shows when the chart
// keeps only the largest shown of n inputs.
func chartSubset(theme *plots.Theme, metric string, shown, n int) string {
	if shown >= n {
		return metric
	}
	if theme.Language() == plots.Chinese {
		return fmt.Sprintf("%s，%d个输入中最大的%d个", metric, n, shown)
	}
	return fmt.Sprintf("%s, the %d largest of %d inputs", metric, shown, n)
}

func addIndexInputs(b *output.Batch, dir string, ix *cii.Index) {
	b.AddInputs(dir, ix.Name, results.IndexHash(ix))
}

// runSweepIndex is simulate sweep on an index.
func runSweepIndex(e *env, args []string) error {
	o, pos, err := parseSweepFlags(e, args, true)
	if err != nil {
		return helpOK(err)
	}
	ranges, formats, theme := o.ranges, o.formats, o.theme
	f, err := loadIndexArg(pos)
	if err != nil {
		return err
	}
	ix := f.Index
	m, err := indexMetric(ix, o.metric)
	if err != nil {
		return err
	}
	var targets []model.Target
	var values [][]float64
	var labels []string
	for _, r := range ranges {
		if err := checkIndexTarget(ix, r.Target); err != nil {
			return err
		}
		targets = append(targets, r.Target)
		values = append(values, r.Values())
		labels = append(labels, r.Label())
	}
	if n := len(values[0]) * len(values[len(values)-1]); len(values) == 2 && n > sensitivity.MaxSweepPoints {
		return usagef("a grid of %d points: at most %d", n, sensitivity.MaxSweepPoints)
	}
	if err := checkSweepMemory(sweepShape(ranges), sweepPoints(ranges)); err != nil {
		return err
	}
	z, err := cii.SweepIndex(e.ctx, ix, targets, values, m)
	if err != nil {
		return invalidf("index %s: %v", ix.Name, err)
	}

	var buf bytes.Buffer
	if err := results.WriteIndexSweepCSV(&buf, labels, m.Name, values, z); err != nil {
		return err
	}
	dir := path.Join(ix.Name, "sweep-"+fileSafe(strings.Join(append(labels, m.Name), "-")))
	batch := output.NewBatch(o.out)
	if err := batch.Add(path.Join(dir, "sweep.csv"), buf.Bytes()); err != nil {
		return err
	}
	addIndexInputs(batch, dir, ix)
	sw := plots.Sweep{Scenario: ix.Name, Metric: indexMetricLabel(theme, ix, m), MetricUnit: indexMetricUnit(theme, m), Z: z}
	for k, r := range ranges {
		sw.Axes = append(sw.Axes, plots.SweepAxis{Label: r.Label(), Unit: indexTargetUnit(r.Target), Values: values[k]})
	}
	var ch *plots.Chart
	if len(ranges) == 1 {
		ch, err = plots.SweepLine(theme, sw)
	} else {
		ch, err = plots.SweepHeatmap(theme, sw)
	}
	if err != nil {
		return err
	}
	if err := addCharts(batch, dir, []plots.NamedChart{{Name: "sweep", Chart: ch}}, formats); err != nil {
		return err
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range z {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	fmt.Fprintf(e.stdout, "%s: %s over %d points: min %s, max %s\n", ix.Name, m.Name, len(z), indexValueText(m, lo), indexValueText(m, hi))
	return commit(e, batch)
}

// indexValueText writes a metric's value: points to 2 decimals, a rank
// as a whole number when it is one.
func indexValueText(m cii.Metric, v float64) string {
	if m.Unit == "rank" && v == math.Trunc(v) {
		return strconv.Itoa(int(v))
	}
	return fmt.Sprintf("%.2f %s", v, m.Unit)
}

// runTornadoIndex is simulate tornado on an index.
func runTornadoIndex(e *env, args []string) error {
	o, pos, err := parseTornadoFlags(e, args, true)
	if err != nil {
		return helpOK(err)
	}
	formats, theme := o.formats, o.theme
	f, err := loadIndexArg(pos)
	if err != nil {
		return err
	}
	ix := f.Index
	m, err := indexMetric(ix, o.metric)
	if err != nil {
		return err
	}
	unc, err := f.UncertainInputs()
	if err != nil {
		return invalid(err)
	}
	var targets []model.Target
	var lows, highs []float64
	how := fmt.Sprintf("inputs at their %d %% and %d %% quantiles", tornadoPercent, 100-tornadoPercent)
	if o.delta != "" {
		d, err := parseDelta(o.delta)
		if err != nil {
			return err
		}
		var paths []string
		seen := map[string]bool{}
		for _, u := range unc {
			if !seen[u.Name] {
				seen[u.Name] = true
				paths = append(paths, u.Name)
			}
		}
		if len(paths) == 0 {
			// Every value of the index that 1 ± d keeps in its domain: a
			// sole sub-stage's weight of 1 cannot grow, nor can a
			// penetration above 100/(1+d) %.
			var left []string
			for _, p := range ix.Paths() {
				ref, _ := cii.Lookup(ix, p)
				if _, hi := ref.Domain(); ref.Get()*(1+d) > hi {
					left = append(left, p)
					continue
				}
				paths = append(paths, p)
			}
			if len(left) > 0 {
				fmt.Fprintf(e.stdout, "left out (1 + %s would take them above their domain): %s\n", o.delta, strings.Join(left, ", "))
			}
		}
		var factors []sensitivity.Factor
		for _, p := range paths {
			factors = append(factors, sensitivity.TargetFactor(model.Target{Path: p, Mode: model.Set}))
		}
		factors, lows, highs = sensitivity.DeltaRange(factors, d)
		targets = singleTargets(factors)
		how = fmt.Sprintf("inputs scaled by 1 ± %s", o.delta)
	} else {
		if len(unc) == 0 {
			return invalidf("index %s has no [uncertainty] table: add one (docs/cii.md) or give --delta 10%%", ix.Name)
		}
		var factors []sensitivity.Factor
		factors, lows, highs = sensitivity.QuantileRange(unc, tornadoPercent)
		targets = singleTargets(factors)
	}
	bars, base, err := cii.Tornado(ix, targets, lows, highs, m)
	if err != nil {
		return invalidf("index %s: %v", ix.Name, err)
	}

	sbars := make([]sensitivity.Bar, len(bars))
	for i, b := range bars {
		sbars[i] = sensitivity.Bar{Factor: sensitivity.TargetFactor(b.Target), Low: b.Low, High: b.High, MetricLow: b.MetricLow, MetricHigh: b.MetricHigh}
	}
	var buf bytes.Buffer
	if err := results.WriteTornadoCSV(&buf, sbars); err != nil {
		return err
	}
	dir := path.Join(ix.Name, "tornado-"+fileSafe(m.Name))
	if o.delta != "" {
		dir += "-delta" + fileSafe(strings.TrimSuffix(strings.TrimSpace(o.delta), "%"))
	}
	batch := output.NewBatch(o.out)
	if err := batch.Add(path.Join(dir, "tornado.csv"), buf.Bytes()); err != nil {
		return err
	}
	addIndexInputs(batch, dir, ix)
	// The chart keeps the largest swings, and no input that does not move
	// the metric.
	shown := 0
	for shown < len(bars) && shown < maxChartInputs && bars[shown].Swing() > 0 {
		shown++
	}
	if shown == 0 { // nothing moves it: every bar is empty
		shown = min(len(bars), maxChartInputs)
	}
	td := plots.Tornado{Scenario: ix.Name, Metric: chartSubset(theme, indexMetricLabel(theme, ix, m), shown, len(bars)), MetricUnit: indexMetricUnit(theme, m), Base: base, Percent: tornadoPercent}
	if o.delta != "" {
		td.Delta = strings.TrimSuffix(strings.TrimSpace(o.delta), "%")
	}
	for _, b := range bars[:shown] {
		td.Bars = append(td.Bars, plots.TornadoBar{Label: indexInputLabel(theme, ix, b.Target), Low: b.Low, High: b.High, MetricLow: b.MetricLow, MetricHigh: b.MetricHigh})
	}
	ch, err := plots.TornadoChart(theme, td)
	if err != nil {
		return err
	}
	if err := addCharts(batch, dir, []plots.NamedChart{{Name: "tornado", Chart: ch}}, formats); err != nil {
		return err
	}

	fmt.Fprintf(e.stdout, "%s: %s = %s at the base; %s\n\n", ix.Name, m.Name, indexValueText(m, base), how)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "param\tlow\thigh\tmetric at low\tmetric at high\tswing (%s)\t\n", m.Unit)
	for _, b := range bars {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t\n", b.Label(), valueText(b.Low), valueText(b.High), b.MetricLow, b.MetricHigh, b.Swing())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	return commit(e, batch)
}

// indexMCMetrics returns the metrics a Monte Carlo run on an index
// records: every metric of ix whose base value is finite (va_mean_pts
// needs every industry's value added).
func indexMCMetrics(ix *cii.Index) []cii.Metric {
	var r cii.Result
	ix.Evaluate(&r)
	var ms []cii.Metric
	for _, m := range ix.Metrics() {
		if v := m.Value(&r); !math.IsNaN(v) && !math.IsInf(v, 0) {
			ms = append(ms, m)
		}
	}
	return ms
}

// runMCIndex is simulate mc on an index.
func runMCIndex(e *env, args []string) error {
	o, pos, err := parseMCFlags(e, args, true)
	if err != nil {
		return helpOK(err)
	}
	draws, seed, formats, theme := o.draws, o.seed, o.formats, o.theme
	f, err := loadIndexArg(pos)
	if err != nil {
		return err
	}
	ix := f.Index
	if _, err := indexMetric(ix, o.metric); err != nil {
		return err
	}
	unc, err := indexUncertainty(f, "nothing to draw")
	if err != nil {
		return err
	}
	ms := indexMCMetrics(ix)
	series := len(ms) + len(ix.Industries)
	if o.keep {
		series += len(unc)
	}
	if err := sensitivity.CheckSize(draws, series); err != nil {
		return usagef("--draws %d: %v", draws, err)
	}
	if cols := len(unc) + len(ms) + 1; o.keep && draws > maxKeptValues/cols {
		return usagef("--keep-draws with %d draws would write %d × %d values to draws.csv; the limit is %d values: use at most %d draws",
			draws, draws, cols, maxKeptValues, maxKeptValues/cols)
	}

	cols := len(unc) + len(ms) + 1
	need := drawsMemory(draws, series+len(ix.Industries), cols, o.keep, bytesPerIndexDrawsCell) // + the scores
	if err := memlimit.Check(fmt.Sprintf("%d draws × %d values per draw", draws, series), need); err != nil {
		return err
	}
	res, err := cii.MonteCarlo(e.ctx, ix, unc, draws, seed, ms, o.keep)
	if err != nil {
		if e.ctx.Err() != nil {
			return e.ctx.Err()
		}
		return invalidf("index %s: %v", ix.Name, err)
	}
	ris, err := cii.RankIntervals(ix, res.Scores)
	if err != nil {
		return err
	}
	batch := output.NewBatch(o.out)
	addIndexInputs(batch, ix.Name, ix)
	if o.keep {
		var buf bytes.Buffer
		if err := results.WriteIndexDrawsCSV(&buf, labels(unc), res); err != nil {
			return err
		}
		if err := batch.Add(ix.Name+"/draws.csv", buf.Bytes()); err != nil {
			return err
		}
	}
	sums, err := sensitivity.Summarize(e.ctx, res.Values)
	if err != nil {
		return err
	}
	var pbuf, rbuf bytes.Buffer
	if err := results.WriteIndexPercentilesCSV(&pbuf, ms, sums); err != nil {
		return err
	}
	if err := results.WriteRanksCSV(&rbuf, ris); err != nil {
		return err
	}
	if err := batch.Add(ix.Name+"/percentiles.csv", pbuf.Bytes()); err != nil {
		return err
	}
	if err := batch.Add(ix.Name+"/ranks.csv", rbuf.Bytes()); err != nil {
		return err
	}
	ch, err := plots.IndexRanks(theme, ix, ris, draws)
	if err != nil {
		return err
	}
	if err := addCharts(batch, ix.Name, []plots.NamedChart{{Name: "cii_ranks", Chart: ch}}, formats); err != nil {
		return err
	}

	fmt.Fprintf(e.stdout, "%s: %d draws (seed %d) of %d uncertain inputs\n\n", ix.Name, draws, seed, len(unc))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tmean\tp5\tp25\tp50\tp75\tp95\t")
	for i, m := range ms {
		if m.Unit == "rank" {
			continue // in the rank table below
		}
		sm := sums[i]
		fmt.Fprintf(tw, "%s (%s)\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t\n", m.Name, m.Unit, sm.Mean, sm.P[0], sm.P[1], sm.P[2], sm.P[3], sm.P[4])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	tw = tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "industry\tbase rank\tmedian rank\t5–95 %\tbest\tworst\t")
	for _, r := range ris {
		fmt.Fprintf(tw, "%s\t%d\t%g\t%g–%g\t%d\t%d\t\n", r.Industry, r.Base, r.Median, r.P5, r.P95, r.Best, r.Worst)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	return commit(e, batch)
}

// runSobolIndex is simulate sobol on an index.
func runSobolIndex(e *env, args []string) error {
	o, pos, err := parseSobolFlags(e, args, true)
	if err != nil {
		return helpOK(err)
	}
	n, seed, boot, formats, theme := o.n, o.seed, o.boot, o.formats, o.theme
	f, err := loadIndexArg(pos)
	if err != nil {
		return err
	}
	ix := f.Index
	var ms []cii.Metric
	for _, text := range strings.Split(o.metric, ",") {
		m, err := indexMetric(ix, text)
		if err != nil {
			return err
		}
		for _, x := range ms {
			if x.Name == m.Name {
				return usagef("--metric %s is given twice", m.Name)
			}
		}
		ms = append(ms, m)
	}
	unc, err := indexUncertainty(f, "nothing to analyse")
	if err != nil {
		return err
	}
	if per := (len(unc) + 2) * len(ms); n > sensitivity.MaxStoredValues/per {
		return usagef("--n %d: %d base rows × %d outputs per row is above the limit of %d values: use N ≤ %d", n, n, per, sensitivity.MaxStoredValues, sensitivity.MaxStoredValues/per)
	}
	k := len(unc)
	need := sobolMemory(n, k, len(ms), boot, 1) // one metric's indices at a time
	if err := memlimit.Check(fmt.Sprintf("%d base rows × %d inputs × %d metrics", n, k, len(ms)), need); err != nil {
		return err
	}
	res, err := cii.Sobol(e.ctx, ix, unc, n, sensitivity.SobolReplicates, seed, boot, ms)
	if err != nil {
		if e.ctx.Err() != nil {
			return e.ctx.Err()
		}
		return invalidf("index %s: %v", ix.Name, err)
	}

	interval := fmt.Sprintf("%g %% Student-t intervals over %d scrambled replicates", 100*res.Options.Level, sensitivity.SobolReplicates)
	if boot > 0 {
		interval = fmt.Sprintf("%g %% percentile bootstrap intervals, %d resamples", 100*res.Options.Level, res.Options.Resamples)
	}
	var charts []plots.NamedChart
	for mi, m := range ms {
		si := res.Indices[mi]
		// The inputs of the largest total indices, largest first.
		order := make([]int, len(unc))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return si.ST[order[a]] > si.ST[order[b]] })
		shown := min(len(unc), maxSobolInputs)
		sd := plots.Sobol{Scenario: ix.Name, Metric: chartSubset(theme, indexMetricLabel(theme, ix, m), shown, len(unc)), N: n, Runs: res.Runs, Interval: interval,
			Level: res.Options.Level, Replicates: sensitivity.SobolReplicates}
		if res.Options.Resamples > 0 {
			sd.Resamples = res.Options.Resamples
		}
		for _, i := range order[:shown] {
			// On two lines (industry, then stage): the labels are set
			// aslant under the bars, and shorter lines keep the first
			// inside the chart.
			label := indexInputLabel(theme, ix, unc[i].Targets()[0])
			sd.Indices = append(sd.Indices, plots.SobolIndex{Label: label,
				S1: si.S1[i], S1Lo: si.S1Lo[i], S1Hi: si.S1Hi[i], ST: si.ST[i], STLo: si.STLo[i], STHi: si.STHi[i]})
		}
		ch, err := plots.SobolChart(theme, sd)
		if err != nil {
			return err
		}
		name := "sobol"
		if len(ms) > 1 {
			name = "sobol_" + fileSafe(m.Name)
		}
		charts = append(charts, plots.NamedChart{Name: name, Chart: ch})
	}
	var buf bytes.Buffer
	if err := results.WriteIndexSobolCSV(&buf, labels(unc), res); err != nil {
		return err
	}
	batch := output.NewBatch(o.out)
	addIndexInputs(batch, ix.Name, ix)
	if err := batch.Add(ix.Name+"/sobol.csv", buf.Bytes()); err != nil {
		return err
	}
	if err := addCharts(batch, ix.Name, charts, formats); err != nil {
		return err
	}

	fmt.Fprintf(e.stdout, "%s: Sobol indices, N = %d base rows, %d index evaluations, seed %d; %s\n", ix.Name, n, res.Runs, seed, interval)
	fmt.Fprintln(e.stdout, "Estimators: first order Saltelli et al. (2010), total Jansen (1999), as implemented in package sobol.")
	for mi, m := range ms {
		si := res.Indices[mi]
		fmt.Fprintf(e.stdout, "\n%s (mean %s, standard deviation %s)\n", m.Name, indexValueText(m, si.Mean), indexValueText(m, math.Sqrt(si.Var)))
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "param\tS1\tinterval\tST\tinterval\t")
		for i, u := range unc {
			fmt.Fprintf(tw, "%s\t%.3f\t[%.3f, %.3f]\t%.3f\t[%.3f, %.3f]\t\n", u.Label(), si.S1[i], si.S1Lo[i], si.S1Hi[i], si.ST[i], si.STLo[i], si.STHi[i])
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(e.stdout)
	return commit(e, batch)
}

// singleTargets returns the one target of each factor: an index's inputs
// each change one value (its [uncertainty] table has no groups).
func singleTargets(factors []sensitivity.Factor) []model.Target {
	targets := make([]model.Target, len(factors))
	for i, f := range factors {
		targets[i] = f.Targets[0]
	}
	return targets
}
