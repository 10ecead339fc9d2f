package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"

	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/scenarios"
	"simulate/workbook"
)

func init() {
	register(&command{
		name: "compare",
		args: "[--out DIR] [--name NAME] [--format png,svg,pdf,xlsx] [--lang en|zh] [--font FILE] A B [C ...]",
		summary: "Overlay scenarios (files or embedded names): II increment, II share, GDP growth and each one's difference from the first\n" +
			"        (at the first's price base); write DIR/compare-A-B[-…]/compare.csv, the charts and manifest.json.",
		run: runCompare,
	})
}

// maxCompareDir bounds the length of the folder name made from the
// scenarios' names.
const maxCompareDir = 100

func runCompare(e *env, args []string) error {
	c := commands["compare"]
	fs := newFlags(c)
	out := fs.String("out", "out", "output `folder`; each comparison writes into its own folder in it")
	name := fs.String("name", "", "the comparison's `folder` in DIR (default: compare-A-B-…, from the scenarios' names)")
	cf := addChartFlags(fs).withWorkbook(fs)
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) < 2 {
		return usagef("compare needs at least two scenarios, e.g. simulate compare report2020 actual2019-2024")
	}
	if *name != "" {
		if err := scenarios.CheckName(*name); err != nil {
			return usagef("--name: %v", err)
		}
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
		if err := finite(s, &res); err != nil {
			return err
		}
		printNotes(e.stderr, s)
		sc = append(sc, plots.Scenario{Name: s.Name, Results: res})
		runs = append(runs, results.Run{Name: s.Name, Results: &res})
	}
	warnPrices(e, sc)

	dir := *name
	if dir == "" {
		dir = compareDir(list)
	}
	batch := output.NewBatch(*out)
	var buf bytes.Buffer
	if err := results.WriteCompareCSV(&buf, results.CompareRows(runs)); err != nil {
		return err
	}
	if err := batch.Add(path.Join(dir, "compare.csv"), buf.Bytes()); err != nil {
		return err
	}
	charts, err := plots.CompareCharts(theme, sc)
	if err != nil {
		return err
	}
	if err := addCharts(batch, dir, charts, formats); err != nil {
		return err
	}
	for _, s := range list {
		addInputs(batch, dir, s)
		protectChain(batch, s)
	}
	if cf.xlsx {
		if err := addWorkbook(batch, dir, "compare", workbook.CompareBook("compare "+strings.Join(names(list), " "), runs)); err != nil {
			return err
		}
	}

	if err := writeCompareTable(e, sc); err != nil {
		return err
	}
	return commit(e, batch)
}

// compareDir returns the folder of a comparison: compare-A-B-…, from the
// scenarios' names; when that is too long, the first two names, the number
// of the others and a hash of all the names.
func compareDir(list []*scenarios.Scenario) string {
	var names []string
	for _, s := range list {
		names = append(names, s.Name)
	}
	dir := "compare-" + strings.Join(names, "-")
	if len(dir) <= maxCompareDir {
		return dir
	}
	sum := sha256.Sum256([]byte(strings.Join(names, "\x00")))
	dir = fmt.Sprintf("compare-%s-%s-and-%d-more-%s", names[0], names[1], len(names)-2, hex.EncodeToString(sum[:4]))
	if len(dir) > maxCompareDir {
		dir = "compare-" + hex.EncodeToString(sum[:8])
	}
	return dir
}

// period returns "2019–2024", the years of res.
func period(res model.Results) string {
	return fmt.Sprintf("%d–%d", res.Years[0].Year, res.Years[len(res.Years)-1].Year)
}

// warnPrices warns when the scenarios differ in price base or period:
// their levels are at different constant prices and their totals cover
// different years. It says what the difference chart covers.
func warnPrices(e *env, sc []plots.Scenario) {
	samePrices, samePeriod := true, true
	for _, s := range sc {
		samePrices = samePrices && plots.PriceBase(s.Results) == plots.PriceBase(sc[0].Results)
		samePeriod = samePeriod && period(s.Results) == period(sc[0].Results)
	}
	if samePrices && samePeriod {
		if !plots.HasDifference(sc) {
			fmt.Fprintf(e.stderr, "note: no difference chart: no scenario shares a year with %s\n", sc[0].Name)
		}
		return
	}
	var each []string
	for _, s := range sc {
		each = append(each, fmt.Sprintf("%s at %d prices, %s", s.Name, plots.PriceBase(s.Results), period(s.Results)))
	}
	what := "price base and period"
	switch {
	case samePrices:
		what = "period"
	case samePeriod:
		what = "price base"
	}
	msg := fmt.Sprintf("warning: the scenarios differ in %s: %s.", what, strings.Join(each, "; "))
	if !samePeriod {
		msg += " Their totals cover different years."
	}
	if !samePrices {
		ref := sc[0]
		msg += " Their levels (亿元) are at different constant prices:"
		if plots.HasDifference(sc) {
			msg += fmt.Sprintf(" the difference chart and ii_increment_diff_yi cover only the scenarios at %s's prices (%d), in the years they share with it.",
				ref.Name, plots.PriceBase(ref.Results))
		} else {
			msg += fmt.Sprintf(" no difference from %s is drawn, as no other scenario is at its prices (%d).", ref.Name, plots.PriceBase(ref.Results))
		}
	}
	fmt.Fprintln(e.stderr, msg)
}

// writeCompareTable prints the period totals of each scenario side by side,
// with the period they cover and their price base.
func writeCompareTable(e *env, sc []plots.Scenario) error {
	rows := [][]string{{"scenario", "prices", "period", "Σ II 亿元", "Σ ΔGDP 亿元", "II share %"}}
	for _, s := range sc {
		t := s.Results.Totals
		rows = append(rows, []string{s.Name, fmt.Sprint(plots.PriceBase(s.Results)), period(s.Results),
			fmt.Sprintf("%.1f", t.II), fmt.Sprintf("%.1f", t.DeltaGDP), fmt.Sprintf("%.2f", 100*t.IIShare)})
	}
	if err := results.WriteColumns(e.stdout, rows, true); err != nil {
		return err
	}
	_, err := fmt.Fprintln(e.stdout)
	return err
}
