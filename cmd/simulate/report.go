package main

import (
	"bytes"
	"context"
	"io"
	"path"

	"simulate/internal/parallel"
	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/report"
	"simulate/results"
	"simulate/scenarios"
)

func init() {
	register(&command{
		name: "report",
		args: "[--out DIR] [--name NAME] [--lang en|zh] [--font FILE] [FILE|NAME ...]",
		summary: "Write one self-contained HTML report of scenarios (default: the embedded report2020) to DIR/report/<name>.html:\n" +
			"        headline numbers, the charts as inline SVG, the results, model against published figures, every input with its source,\n" +
			"        the method and, for several scenarios, the comparison; it opens without a network and prints to PDF.",
		run: runReport,
	})
}

func runReport(e *env, args []string) error {
	c := commands["report"]
	fs := newFlags(c)
	out := fs.String("out", "out", "output `folder`; the report is DIR/report/<name>.html")
	name := fs.String("name", "", "the report's file `name`, without .html (default: the scenario's name, or compare-A-B-… for several)")
	// The report's charts are inline SVG: it takes --lang and --font, not
	// --format.
	cf := &chartFlags{
		format: new(string),
		lang:   fs.String("lang", "en", "`language` of the report and its charts: en or zh (Chinese text is text, drawn by the reader's fonts)"),
		font:   fs.String("font", "", "font `file` against which the zh charts' characters are checked (.ttf, .otf or .ttc); default: an installed Noto Sans CJK, else the shipped subset"),
	}
	*cf.format = "svg"
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	_, theme, err := cf.resolve()
	if err != nil {
		return err
	}
	if *name != "" {
		if err := scenarios.CheckName(*name); err != nil {
			return usagef("--name: %v", err)
		}
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
	file := *name
	switch {
	case file != "":
	case len(list) == 1:
		file = list[0].Name
	default:
		file = compareDir(list)
	}

	r := &report.Report{Lang: theme.Language().String(), Command: commandLine(e.args), Version: buildVersion()}
	var sc []plots.Scenario
	for i, s := range list {
		res := new(model.Results)
		model.Evaluate(res, s.Inputs)
		printNotes(e.stderr, s)
		charts, err := plots.ResultCharts(theme, *res, pubs[i])
		if err != nil {
			return err
		}
		hist, err := historyChart(e, s, res, theme)
		if err != nil {
			return err
		}
		idx, err := indexPathChart(io.Discard, s, theme)
		if err != nil {
			return err
		}
		svgs, err := renderSVG(append(append(charts, hist...), idx...))
		if err != nil {
			return err
		}
		pub, err := publishedRows(s, res)
		if err != nil {
			return err
		}
		r.Runs = append(r.Runs, report.Run{
			Name: s.Name, Title: s.Title, Description: s.Description, Source: s.Source, Extends: s.Chain[1:],
			Results: res, Inputs: inputRows(s), Published: pub, InputsHash: results.InputsHash(s.Inputs), Charts: svgs,
		})
		sc = append(sc, plots.Scenario{Name: s.Name, Results: *res})
	}
	if len(list) > 1 {
		warnPrices(e, sc)
		charts, err := plots.CompareCharts(theme, sc)
		if err != nil {
			return err
		}
		if r.Compare, err = renderSVG(charts); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, r); err != nil {
		return err
	}
	batch := output.NewBatch(*out)
	if err := batch.Add(path.Join("report", file+".html"), buf.Bytes()); err != nil {
		return err
	}
	for _, s := range list {
		addInputs(batch, "report", s)
	}
	return commit(e, batch)
}

// renderSVG renders charts as SVG, on up to GOMAXPROCS goroutines; a chart
// that cannot be drawn fails the report (see addCharts).
func renderSVG(charts []plots.NamedChart) ([]report.Chart, error) {
	out := make([]report.Chart, len(charts))
	err := parallel.For(context.Background(), len(charts), func(i int) error {
		b, err := plots.Render(charts[i].Chart, plots.SVG)
		if err != nil {
			return chartError(charts[i].Name, err)
		}
		out[i] = report.Chart{Name: charts[i].Name, SVG: b}
		return nil
	})
	return out, err
}
