package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"simulate/metrics"
	"simulate/model"
	"simulate/plots"
	"simulate/scenarios"
	"simulate/sensitivity"
	"simulate/uncertain"
)

// defaultScenario is the scenario of every command given none.
const defaultScenario = "report2020"

// loadOne loads the one scenario a sensitivity command works on: the
// embedded default when pos is empty.
func loadOne(c *command, pos []string) (*scenarios.Scenario, error) {
	switch len(pos) {
	case 0:
		pos = []string{defaultScenario}
	case 1:
	default:
		return nil, usagef("%s takes one scenario (a file or an embedded name), not %d: %s", c.name, len(pos), strings.Join(pos, " "))
	}
	s, err := scenarios.Open(pos[0])
	if err != nil {
		return nil, invalid(err)
	}
	return s, nil
}

// parseMetric reads a metric and checks its year against the scenario.
func parseMetric(text string, s *scenarios.Scenario) (metrics.Metric, error) {
	m, err := metrics.Parse(text)
	if err != nil {
		me, _ := errors.AsType[*metrics.Error](err) // Parse's errors are *metrics.Error
		return m, usagef("--metric: %s", me.Detail())
	}
	if err := m.Check(s.Inputs.FirstYear(), s.Inputs.LastYear()); err != nil {
		me, _ := errors.AsType[*metrics.Error](err) // Check's errors are *metrics.Error
		return m, invalidf("--metric: %s (scenario %s)", me.Detail(), s.Name)
	}
	return m, nil
}

// targetUnit returns the unit of the values applied to t.
func targetUnit(t model.Target) string { return t.Unit() }

// checkTarget checks that a target resolves against the scenario.
func checkTarget(t model.Target, s *scenarios.Scenario) error {
	if err := t.Check(s.Inputs); err != nil {
		pe, _ := errors.AsType[*model.PathError](err) // Check's errors are *model.PathError
		return invalidf("%s: %s (scenario %s)", t.Label(), pe.Msg, s.Name)
	}
	return nil
}

// rangeList is a repeatable --param PATH=LO:HI:N flag.
type rangeList []sensitivity.Range

func (r *rangeList) String() string { return "" }
func (r *rangeList) Set(s string) error {
	v, err := sensitivity.ParseRange(s)
	if err != nil {
		return err
	}
	*r = append(*r, v)
	return nil
}

// labels returns the label of each uncertain input: the column or row
// that names it in the files of mc and sobol.
func labels(unc []uncertain.Input) []string {
	l := make([]string, len(unc))
	for i := range unc {
		l[i] = unc[i].Label()
	}
	return l
}

// chartLabelsOf maps the label of each uncertain input that has a label
// of its own for charts (the entry's label key) to that label.
func chartLabelsOf(unc []uncertain.Input) map[string]string {
	m := map[string]string{}
	for i := range unc {
		if unc[i].Text != "" {
			m[unc[i].Label()] = unc[i].Text
		}
	}
	return m
}

// checkIndependent refuses a scenario whose uncertain inputs are rank
// correlated, for the commands whose analysis assumes independent inputs,
// unless ignore.
func checkIndependent(c *command, s *scenarios.Scenario, ignore bool) error {
	if len(s.Correlations) == 0 || ignore {
		return nil
	}
	var pairs []string
	for _, cr := range s.Correlations {
		pairs = append(pairs, fmt.Sprintf("%s–%s %s", s.Uncertainty[cr.A].Name, s.Uncertainty[cr.B].Name, model.FormatValue(cr.Rank)))
	}
	why := "Sobol indices split the variance of the metric into parts due to each input, which holds only for independent inputs"
	if c.name == "tornado" {
		why = "a tornado moves one input at a time with every other at its base value, which ignores how correlated inputs move together"
	}
	return invalidf("scenario %s correlates its uncertain inputs (%s): %s. "+
		"simulate mc draws them with their correlations; give --ignore-correlation to run %s as if they were independent",
		s.Name, strings.Join(pairs, ", "), why, c.name)
}

// parseCount reads a positive whole number no larger than max for flag
// name, refusing exponents, signs and fractions with a message that gives
// the range.
func parseCount(name, s string, max int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0, usagef("--%s %s: must be a whole number from 1 to %d", name, s, max)
	}
	return n, nil
}

// parseSeed reads a seed: a whole number from 0 to 2⁶⁴−1.
func parseSeed(s string) (uint64, error) {
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, usagef("--seed %s: must be a whole number from 0 to %d", s, uint64(1<<64-1))
	}
	return v, nil
}

// progressBar shows p on e.stderr while a long run works, when stderr is
// a terminal, and nothing otherwise. Call the returned function when the
// run ends.
func progressBar(e *env, label string, p *sensitivity.Progress) (stop func()) {
	f, ok := e.stderr.(*os.File)
	if !ok || !isTerminal(f) {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				drawBar(f, label, p)
				fmt.Fprintln(f)
				return
			case <-t.C:
				drawBar(f, label, p)
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

func drawBar(w io.Writer, label string, p *sensitivity.Progress) {
	d, t := p.Done()
	if t <= 0 {
		return
	}
	const width = 30
	n := int(d * width / t)
	fmt.Fprintf(w, "\r%s [%s%s] %3d%%", label, strings.Repeat("#", n), strings.Repeat(".", width-n), d*100/t)
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// sensFlags are the flags every sensitivity command has: the metric, the
// output folder and the chart flags.
type sensFlags struct {
	metric  string
	out     string
	cf      *chartFlags
	formats []plots.Format
	theme   *plots.Theme
}

// define adds them to fs. The metric's default is the index's on an index
// file; workbook lets --format list xlsx.
func (o *sensFlags) define(fs *flag.FlagSet, index, workbook bool, metricUsage, outUsage string) {
	metric := "ii_total_yi"
	if index {
		metric = defaultIndexMetric
	}
	fs.StringVar(&o.metric, "metric", metric, metricUsage)
	fs.StringVar(&o.out, "out", "out", outUsage)
	o.cf = addChartFlags(fs)
	if workbook {
		o.cf.withWorkbook(fs)
	}
}

// resolve checks the chart flags (usage errors, exit 2).
func (o *sensFlags) resolve() (err error) {
	o.formats, o.theme, err = o.cf.resolve()
	return err
}

// sobolFlags are the flags of simulate sobol, checked: one definition for
// a scenario and for an index file (onIndex), which has no workbook and no
// correlations.
type sobolFlags struct {
	sensFlags
	n, boot    int
	seed       uint64
	ignoreCorr bool
}

// parseSobolFlags parses the arguments of simulate sobol; index selects the
// flags of an index file. Its error is flag.ErrHelp after --help.
func parseSobolFlags(e *env, args []string, index bool) (*sobolFlags, []string, error) {
	c := commands["sobol"]
	fs := newFlags(c)
	nFlag := fs.String("n", strconv.Itoa(defaultSobolN), fmt.Sprintf("base rows `N` of the design, a power of two from %d to %d; the model runs N·(k+2) times for k inputs",
		sensitivity.MinSobolN, sensitivity.MaxSobolN))
	seedFlag := fs.String("seed", "1", "`seed` of the scrambling and the bootstrap: the same seed gives the same files")
	bootFlag := fs.String("bootstrap", "0", fmt.Sprintf("`B` > 0: percentile bootstrap intervals from B resamples (10 to %d; conservative on a Sobol design); 0: Student-t intervals over %d scrambled replicates",
		maxBootstrap, sensitivity.SobolReplicates))
	o := &sobolFlags{}
	o.define(fs, index, !index, "the `metrics`, comma-separated (see docs/sensitivity.md); NAME[*] is a per-year metric in every year",
		"output `folder`; files go to DIR/<scenario>/")
	if !index {
		fs.BoolVar(&o.ignoreCorr, "ignore-correlation", false, "compute indices for a scenario with rank correlations between its inputs as if they were independent")
	}
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return nil, nil, err
	}
	if err := o.resolve(); err != nil {
		return nil, nil, err
	}
	if o.n, err = strconv.Atoi(*nFlag); err != nil {
		return nil, nil, usagef("--n %s: must be a power of two from %d to %d", *nFlag, sensitivity.MinSobolN, sensitivity.MaxSobolN)
	}
	if err := sensitivity.CheckSobolN(o.n); err != nil {
		return nil, nil, usagef("--n: %v", err)
	}
	if o.seed, err = parseSeed(*seedFlag); err != nil {
		return nil, nil, err
	}
	o.boot, err = strconv.Atoi(*bootFlag)
	if err != nil || o.boot != 0 && (o.boot < 10 || o.boot > maxBootstrap) {
		return nil, nil, usagef("--bootstrap %s: must be 0 (Student-t intervals over replicates) or a whole number of resamples from 10 to %d", *bootFlag, maxBootstrap)
	}
	return o, pos, nil
}

// mcFlags are the flags of simulate mc, checked: one definition for a
// scenario and for an index file (onIndex), which has no workbook.
type mcFlags struct {
	sensFlags
	draws int
	seed  uint64
	keep  bool
}

// parseMCFlags parses the arguments of simulate mc; index selects the
// flags of an index file. Its error is flag.ErrHelp after --help.
func parseMCFlags(e *env, args []string, index bool) (*mcFlags, []string, error) {
	c := commands["mc"]
	fs := newFlags(c)
	drawsFlag := fs.String("draws", strconv.Itoa(defaultDraws), fmt.Sprintf("number of `draws`, 1 to %d (the percentiles are exact without keeping every value); "+
		"with --keep-draws draws.csv holds at most %d values: draws × (the draw number, the inputs, the 2 totals, +1 for another --metric): 9 for report2020, so up to %d draws",
		sensitivity.MaxDraws, maxKeptValues, maxKeptValues/9))
	seedFlag := fs.String("seed", "1", "`seed` of the random streams, 0 to 2^64−1: the same seed gives the same files")
	o := &mcFlags{}
	fs.BoolVar(&o.keep, "keep-draws", false, "also write draws.csv: each draw's inputs and the total metrics")
	o.define(fs, index, !index, "a further `metric` for percentiles.csv and draws.csv (see docs/sensitivity.md)", "output `folder`; files go to DIR/<scenario>/")
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return nil, nil, err
	}
	if err := o.resolve(); err != nil {
		return nil, nil, err
	}
	if o.draws, err = parseCount("draws", *drawsFlag, sensitivity.MaxDraws); err != nil {
		return nil, nil, err
	}
	if o.seed, err = parseSeed(*seedFlag); err != nil {
		return nil, nil, err
	}
	return o, pos, nil
}

// sweepFlags are the flags of simulate sweep, checked: one definition for
// a scenario and for an index file (onIndex), whose --param paths are
// index keys.
type sweepFlags struct {
	sensFlags
	ranges []sensitivity.Range
}

// parseSweepFlags parses the arguments of simulate sweep; index selects
// the flags of an index file. Its error is flag.ErrHelp after --help.
func parseSweepFlags(e *env, args []string, index bool) (*sweepFlags, []string, error) {
	c := commands["sweep"]
	fs := newFlags(c)
	o := &sweepFlags{}
	var param flag.Value = (*rangeList)(&o.ranges)
	if index {
		param = (*indexRanges)(&o.ranges)
	}
	fs.Var(param, "param", "a parameter and its range, `P=LO:HI:N` (N evenly spaced values; P+LO:HI:N adds them to the base, P*LO:HI:N scales it); once or twice")
	o.define(fs, index, false, "the `metric` to record (see docs/sensitivity.md)", "output `folder`; files go to DIR/<scenario>/sweep-<param>[-<param>]-<metric>/")
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return nil, nil, err
	}
	r := o.ranges
	if len(r) == 0 || len(r) > 2 {
		return nil, nil, usagef("sweep needs one or two --param P=LO:HI:N, not %d", len(r))
	}
	if len(r) == 2 && r[0].Label() == r[1].Label() {
		return nil, nil, usagef("--param %s is given twice", r[0].Label())
	}
	if err := o.resolve(); err != nil {
		return nil, nil, err
	}
	return o, pos, nil
}

// tornadoFlags are the flags of simulate tornado, checked: one definition
// for a scenario and for an index file (onIndex), which has no workbook and
// no correlations.
type tornadoFlags struct {
	sensFlags
	delta      string
	ignoreCorr bool
}

// parseTornadoFlags parses the arguments of simulate tornado; index
// selects the flags of an index file. Its error is flag.ErrHelp after
// --help.
func parseTornadoFlags(e *env, args []string, index bool) (*tornadoFlags, []string, error) {
	c := commands["tornado"]
	fs := newFlags(c)
	o := &tornadoFlags{}
	o.define(fs, index, !index, "the `metric` to record (see docs/sensitivity.md)", "output `folder`; files go to DIR/<scenario>/tornado-<metric>/")
	fs.StringVar(&o.delta, "delta", "", "instead of the uncertainty table's 5 % and 95 % quantiles, scale each input by 1 ± `D` (a percentage, e.g. 10%)")
	if !index {
		fs.BoolVar(&o.ignoreCorr, "ignore-correlation", false, "analyse a scenario with rank correlations between its inputs as if they were independent")
	}
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return nil, nil, err
	}
	if err := o.resolve(); err != nil {
		return nil, nil, err
	}
	return o, pos, nil
}
