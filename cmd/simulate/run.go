package main

import (
	"bytes"
	"fmt"
	"io"
	"path"

	"simulate/calibrate"
	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/scenarios"
)

func init() {
	register(&command{
		name: "run",
		args: "[--out DIR] [--format png,svg,pdf,xlsx] [--lang en|zh] [--font FILE] [FILE|NAME ...]",
		summary: "Run scenarios (default: the embedded report2020) and write DIR/<scenario>/results.csv, summary.json, the charts\n" +
			"        (and history_projection for a scenario with a [history] table) and manifest.json.",
		run: runRun,
	})
}

func runRun(e *env, args []string) error {
	c := commands["run"]
	fs := newFlags(c)
	out := fs.String("out", "out", "output `folder`; each scenario writes into DIR/<scenario-name>/")
	cf := addChartFlags(fs).withWorkbook(fs)
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	formats, theme, err := cf.resolve()
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		pos = []string{"report2020"}
	}
	list, err := loadAll(pos)
	if err != nil {
		return err
	}
	pubs, err := publishedAll(list)
	if err != nil {
		return err
	}

	batch := output.NewBatch(*out)
	for i, s := range list {
		var res model.Results
		model.Evaluate(&res, s.Inputs)
		if err := finite(s, &res); err != nil {
			return err
		}
		printNotes(e.stderr, s)
		if err := results.WriteTable(e.stdout, fmt.Sprintf("%s — %s", s.Name, s.Title), &res); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout)
		addInputs(batch, s.Name, s)
		protectChain(batch, s)
		if err := addRunFiles(batch, s, &res); err != nil {
			return err
		}
		charts, err := plots.ResultCharts(theme, res, pubs[i])
		if err != nil {
			return err
		}
		sub := theme.ScenarioSubtitle(s.Name, s.Title, plots.PriceBase(res))
		for _, nc := range charts {
			nc.Chart.Subtitle = sub
		}
		if err := addCharts(batch, s.Name, charts, formats); err != nil {
			return err
		}
		if err := addHistoryChart(e, batch, s, &res, theme, formats); err != nil {
			return err
		}
		if err := addIndexPath(e, batch, s, theme, formats); err != nil {
			return err
		}
		if cf.xlsx {
			b, err := runWorkbook(s, &res)
			if err != nil {
				return err
			}
			if err := addWorkbook(batch, s.Name, s.Name, b); err != nil {
				return err
			}
		}
	}
	return commit(e, batch)
}

// finite refuses results with a NaN or an infinity, naming the scenario
// whose inputs gave them and the inputs that produce the value: nothing
// non-finite is ever written.
func finite(s *scenarios.Scenario, res *model.Results) error {
	if err := results.CheckFiniteOf(s.Inputs, res); err != nil {
		return invalid(fmt.Errorf("%s: %w; check its inputs", s.Source, err))
	}
	return nil
}

// printNotes writes the notes of scenario s (an inherited statement no
// longer checked, …) to w, one a line.
func printNotes(w io.Writer, s *scenarios.Scenario) {
	for _, n := range s.Notes {
		fmt.Fprintf(w, "note: %s: %s\n", escapeControls(s.Source), escapeControls(n))
	}
}

// loadAll loads every scenario named on the command line, reporting every
// problem of every scenario before anything is run, and refuses two
// scenarios of the same name (their outputs would overwrite each other).
func loadAll(args []string) ([]*scenarios.Scenario, error) {
	var list []*scenarios.Scenario
	var errs []error
	seen := map[string]string{}
	for _, a := range args {
		s, err := scenarios.Open(a)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, dup := seen[s.Name]; dup {
			errs = append(errs, fmt.Errorf("%s and %s are both named %q: their outputs would overwrite each other", prev, a, s.Name))
			continue
		}
		seen[s.Name] = a
		list = append(list, s)
	}
	if len(errs) > 0 {
		return nil, invalid(joinErrors(errs))
	}
	return list, nil
}

// addRunFiles renders the files of one scenario's run into batch, under
// the scenario's name.
func addRunFiles(batch *output.Batch, s *scenarios.Scenario, res *model.Results) error {
	var csvBuf, jsonBuf bytes.Buffer
	if err := results.WriteCSV(&csvBuf, res); err != nil {
		return err
	}
	sum := &results.Summary{
		Scenario:    s.Name,
		Title:       s.Title,
		Source:      s.Source,
		Extends:     s.Chain[1:],
		BaseYear:    s.Inputs.BaseYear,
		LastYear:    s.Inputs.LastYear(),
		Inputs:      results.ResolvedInputs(s.Inputs),
		InputsHash:  results.InputsHash(s.Inputs),
		Totals:      results.NewTotals(res),
		GeneratedBy: "simulate run",
	}
	if err := results.WriteJSON(&jsonBuf, sum); err != nil {
		return err
	}
	if err := batch.Add(path.Join(s.Name, "results.csv"), csvBuf.Bytes()); err != nil {
		return err
	}
	return batch.Add(path.Join(s.Name, "summary.json"), jsonBuf.Bytes())
}

// published returns the figures a scenario names with its published key,
// to draw as markers over its charts: the per-year targets
// ii_increment_yi and ii_share_pct of that calibration spec. It returns
// nil when the scenario names none.
func published(s *scenarios.Scenario) (*plots.Published, error) {
	if s.Published == "" {
		return nil, nil
	}
	spec, err := calibrate.Open(s.Published)
	if err == nil {
		var pub *plots.Published
		if pub, err = plots.NewPublished(spec.Figures("ii_increment_yi"), spec.Figures("ii_share_pct")); err == nil {
			return pub, nil
		}
	}
	return nil, fmt.Errorf("%s: published: %w", s.Origin("published"), err)
}

// publishedAll returns the published figures of each scenario of list,
// reporting every problem at once.
func publishedAll(list []*scenarios.Scenario) ([]*plots.Published, error) {
	pubs := make([]*plots.Published, len(list))
	var errs []error
	for i, s := range list {
		var err error
		if pubs[i], err = published(s); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, invalid(joinErrors(errs))
	}
	return pubs, nil
}
