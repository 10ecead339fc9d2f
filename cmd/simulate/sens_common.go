package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"simulate/metrics"
	"simulate/model"
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
