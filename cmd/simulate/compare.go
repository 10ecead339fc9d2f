package main

import (
	"bytes"
	"fmt"

	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
)

func init() {
	register(&command{
		name:    "compare",
		args:    "[--out DIR] [--format png,svg,pdf] [--lang en|zh] A B [C ...]",
		summary: "Overlay scenarios (files or embedded names): II increment, II share, GDP growth and each one's difference from the first; writes DIR/compare/compare.csv and charts.",
		run:     runCompare,
	})
}

func runCompare(e *env, args []string) error {
	c := commands["compare"]
	fs := newFlags(c)
	out := fs.String("out", "out", "output `folder`; files go to DIR/compare/")
	cf := addChartFlags(fs)
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) < 2 {
		return invalidf("compare needs at least two scenarios, e.g. simulate compare report2020 actual2019-2024")
	}
	formats, theme, err := cf.resolve()
	if err != nil {
		return err
	}
	list, err := loadAll(pos)
	if err != nil {
		return err
	}
	var sc []plots.Scenario
	var runs []results.Run
	for _, s := range list {
		var res model.Results
		model.Evaluate(&res, s.Inputs)
		sc = append(sc, plots.Scenario{Name: s.Name, Results: res})
		runs = append(runs, results.Run{Name: s.Name, Results: &res})
	}

	batch := output.NewBatch(*out)
	var buf bytes.Buffer
	if err := results.WriteCompareCSV(&buf, results.CompareRows(runs)); err != nil {
		return err
	}
	if err := batch.Add("compare/compare.csv", buf.Bytes()); err != nil {
		return err
	}
	charts, err := plots.CompareCharts(theme, sc)
	if err != nil {
		return err
	}
	if err := addCharts(batch, "compare", charts, formats); err != nil {
		return err
	}

	if err := writeCompareTable(e, sc); err != nil {
		return err
	}
	if err := batch.Commit(e.ctx); err != nil {
		return err
	}
	for _, p := range batch.Paths() {
		fmt.Fprintln(e.stdout, "wrote", p)
	}
	return nil
}

// writeCompareTable prints the period totals of each scenario side by side.
func writeCompareTable(e *env, sc []plots.Scenario) error {
	rows := [][]string{{"scenario", "Σ II 亿元", "Σ ΔGDP 亿元", "II share %"}}
	for _, s := range sc {
		t := s.Results.Totals
		rows = append(rows, []string{s.Name, fmt.Sprintf("%.1f", t.II), fmt.Sprintf("%.1f", t.DeltaGDP), fmt.Sprintf("%.2f", 100*t.IIShare)})
	}
	if err := results.WriteColumns(e.stdout, rows, true); err != nil {
		return err
	}
	_, err := fmt.Fprintln(e.stdout)
	return err
}
