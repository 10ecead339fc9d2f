package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"simulate/calibrate"
	"simulate/output"
	"simulate/plots"
	"simulate/scenarios"
)

func init() {
	register(&command{
		name: "calibrate",
		args: "[--out FILE] [--force] [--format png,svg,pdf] [--lang en|zh] [--font FILE] SPEC",
		summary: "Fit a scenario's free inputs to published targets as the calibration spec SPEC (a .toml file or an embedded spec) says; " +
			"write the calibrated scenario FILE (default calibrated.toml) with NAME.fit.csv and the chart NAME.fit.png beside it (FILE is NAME.toml). Format: docs/calibration.md.",
		run: runCalibrate,
	})
}

func runCalibrate(e *env, args []string) error {
	c := commands["calibrate"]
	fs := newFlags(c)
	out := fs.String("out", "calibrated.toml", "the calibrated scenario `file` NAME.toml; NAME.fit.csv and NAME.fit.png are written beside it")
	force := fs.Bool("force", false, "write the best fit even when it misses a target or leaves an input unidentified (the exit code is still 1)")
	cf := addChartFlags(fs)
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	formats, theme, err := cf.resolve()
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("calibrate takes one spec: a file ending in .toml, or an embedded spec (%s)", strings.Join(calibrate.Names(), ", "))
	}
	stem, ok := strings.CutSuffix(filepath.Base(*out), ".toml")
	if !ok {
		return usagef("--out %s: the calibrated scenario is a TOML file; give a name ending in .toml", *out)
	}
	if err := scenarios.CheckName(stem); err != nil {
		return usagef("--out %s: the file name becomes the scenario's name: %v", *out, err)
	}

	spec, err := calibrate.Open(pos[0])
	if err != nil {
		return invalid(err)
	}
	if spec.ScenarioPath != "" && samePath(spec.ScenarioPath, *out) {
		return invalidf("--out %s is the start scenario, which the calibrated scenario extends; write it elsewhere", *out)
	}
	// No output replaces an input: the spec, or a file the start scenario
	// extends (the calibrated scenario would extend itself).
	if fileExists(pos[0]) && sameFile(pos[0], *out) {
		return invalidf("--out %s is the calibration spec being run; write the calibrated scenario elsewhere", *out)
	}
	if spec.Start != nil {
		for _, p := range spec.Start.Chain[1:] {
			if !strings.HasPrefix(p, "embedded:") && sameFile(p, *out) {
				return invalidf("--out %s is %s, which the start scenario extends: the calibrated scenario would replace it and extend itself; write it elsewhere", *out, p)
			}
		}
	}
	fit, err := calibrate.Calibrate(e.ctx, spec)
	if err != nil {
		return err
	}

	title := spec.Title
	if title == "" {
		title = spec.Source
	}
	fmt.Fprintf(e.stdout, "calibration %s — %s\nstart scenario: %s\nmethod: %s\n\n", spec.Name, title, spec.Scenario, calibrate.Method)
	if err := fit.WriteTable(e.stdout); err != nil {
		return err
	}
	fitErr := fit.Err()
	if fitErr != nil && !*force {
		fmt.Fprintln(e.stdout, "\nnothing written: the fit has problems (below); --force writes the best fit anyway")
		return fitErr
	}

	dir := filepath.Dir(*out)
	var toml, csv bytes.Buffer
	if err := fit.WriteScenario(&toml, spec.Extends(dir)); err != nil {
		return err
	}
	if err := fit.WriteCSV(&csv); err != nil {
		return err
	}
	chart, err := plots.Fit(theme, spec.Name, fitPanels(fit))
	if err != nil {
		return err
	}
	chart.Subtitle = theme.ScenarioSubtitle(stem, title, 0)
	batch := output.NewBatch(dir)
	if spec.Start != nil {
		protectChain(batch, spec.Start)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{filepath.Base(*out), toml.Bytes()}, {stem + ".fit.csv", csv.Bytes()}} {
		if err := batch.Add(f.name, f.data); err != nil {
			return err
		}
	}
	if err := addCharts(batch, ".", []plots.NamedChart{{Name: stem + ".fit", Chart: chart}}, formats); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	if err := commit(e, batch); err != nil {
		return err
	}
	if fitErr == nil {
		fmt.Fprintf(e.stdout, "run it with: simulate run %s\n", *out)
	}
	return fitErr
}

// sameFile reports whether a and b name the same existing file, or the
// same path.
func sameFile(a, b string) bool {
	x, err1 := os.Stat(a)
	y, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(x, y)
	}
	return samePath(a, b)
}

// fileExists reports whether p names an existing regular file.
func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return errors.Join(err1, err2) == nil && x == y
}

// fitPanels returns the panels of the fit chart: one per metric of f's targets,
// whose targets of one metric are consecutive.
func fitPanels(f *calibrate.Fit) []plots.FitPanel {
	var panels []plots.FitPanel
	for i, t := range f.Targets {
		m := t.Metric
		if i == 0 || m.Name() != f.Targets[i-1].Metric.Name() {
			panels = append(panels, plots.FitPanel{Metric: m.Name(), Unit: m.Unit(), PerYear: m.PerYear(), First: f.Inputs.FirstYear(), Last: f.Inputs.LastYear()})
		}
		p := &panels[len(panels)-1]
		p.Points = append(p.Points, plots.FitPoint{Year: m.Year, Published: t.Value, Precision: t.Precision, Fitted: t.Fitted})
	}
	return panels
}
