package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"strings"
	"text/tabwriter"

	"simulate/history"
	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/pwt"
	"simulate/results"
	"simulate/scenarios"
)

func init() {
	register(&command{
		name: "history",
		args: "--country ISO [--data FILE] [--from YEAR] [--to YEAR] [--capital rkna|rnna] [--labor hours-hc|persons-hc|persons]\n" +
			"        [--out DIR] [--format png,svg,pdf] [--lang en|zh] [--font FILE]",
		summary: "Decompose a country's observed real GDP growth into capital, labour and TFP (Törnqvist, Penn World Table 9.1);\n" +
			"        write DIR/history-<ISO>/history.csv, the chart history.png (or .svg, .pdf; history.zh.png in Chinese) and manifest.json.",
		run: runHistory,
	})
}

func runHistory(e *env, args []string) error {
	c := commands["history"]
	fs := newFlags(c)
	data := fs.String("data", "", "PWT table as CSV `file` (default: the embedded Penn World Table 9.1)")
	country := fs.String("country", "", "ISO 3166-1 alpha-3 `code` of the country, e.g. CHN")
	from := fs.Int("from", 0, "first `year` of growth (from year−1 to year; default: the first with data)")
	to := fs.Int("to", 0, "last `year` (default: the last with data)")
	capital := fs.String("capital", "rkna", "capital input: rkna (capital services, as PWT's TFP) or rnna (capital stock)")
	labor := fs.String("labor", "hours-hc", "labour input: hours-hc (emp×avh×hc, as PWT's TFP), persons-hc (emp×hc) or persons (emp)")
	out := fs.String("out", "out", "output `folder`; files go to DIR/history-<ISO>/")
	cf := addChartFlags(fs)
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) > 0 {
		return usagef("history takes no arguments, only flags (got %q)", pos[0])
	}

	var opt history.Options
	var errs []error
	if opt.Capital, err = pwt.ParseCapital(*capital); err != nil {
		errs = append(errs, fmt.Errorf("--capital: %s", err.(*pwt.NameError).Detail()))
	}
	if opt.Labour, err = pwt.ParseLabour(*labor); err != nil {
		errs = append(errs, fmt.Errorf("--labor: %s", err.(*pwt.NameError).Detail()))
	}
	opt.From, opt.To = *from, *to
	if opt.From != 0 && opt.To != 0 && opt.From > opt.To {
		errs = append(errs, fmt.Errorf("--from %d is after --to %d", opt.From, opt.To))
	}
	if *country == "" {
		errs = append(errs, fmt.Errorf("give the country with --country ISO, e.g. --country CHN"))
	}
	formats, theme, err := cf.resolve()
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return usageError{joinErrors(errs)}
	}

	tab, err := loadTable(*data)
	if err != nil {
		return err
	}
	s, err := countrySeries(tab, *country, *data)
	if err != nil {
		return err
	}
	res, err := history.Decompose(s, opt)
	if err != nil {
		return invalid(err)
	}
	reportSkipped(e.stderr, &res)
	if len(res.Rows) == 0 {
		first, last := s.Rows[0].Year, s.Rows[len(s.Rows)-1].Year
		return invalidf("%s has no year with complete inputs (%v, %v, labsh, rgdpna) in the range asked; its data cover %d–%d",
			s.ISO, opt.Capital, opt.Labour, first, last)
	}

	if err := writeHistoryTable(e.stdout, &res); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := results.WriteHistoryCSV(&buf, res.Rows); err != nil {
		return err
	}
	chart, err := plots.History(theme, res, *data)
	if err != nil {
		return err
	}
	dir := "history-" + s.ISO
	batch := output.NewBatch(*out)
	if err := batch.Add(path.Join(dir, "history.csv"), buf.Bytes()); err != nil {
		return err
	}
	if err := addCharts(batch, dir, []plots.NamedChart{{Name: "history", Chart: chart}}, formats); err != nil {
		return err
	}
	return commit(e, batch)
}

// loadTable returns the PWT table of file, or the embedded PWT 9.1 when file
// is "". A file that cannot be read or parsed is the user's error.
func loadTable(file string) (*pwt.Table, error) {
	if file == "" {
		return pwt.Default()
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, invalid(fmt.Errorf("--data %s: %w", file, unwrapPath(err)))
	}
	defer f.Close()
	tab, err := pwt.Read(f)
	if err != nil {
		return nil, invalid(fmt.Errorf("--data %s: %w", file, err))
	}
	return tab, nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// countrySeries returns the series of the country iso (case-insensitive), or
// an error that lists the codes the table has.
func countrySeries(tab *pwt.Table, iso, file string) (pwt.Series, error) {
	code := strings.ToUpper(strings.TrimSpace(iso))
	if s, ok := tab.Country(code); ok && len(s.Rows) > 0 {
		return s, nil
	}
	where := "the embedded Penn World Table 9.1"
	if file != "" {
		where = file
	}
	codes := tab.Countries()
	return pwt.Series{}, invalidf("unknown country %q: %s has no rows for it; give an ISO 3166-1 alpha-3 code, one of these %d:\n%s",
		iso, where, len(codes), wrapCodes(codes, 20))
}

// wrapCodes lists codes, perLine to a line, indented.
func wrapCodes(codes []string, perLine int) string {
	var b strings.Builder
	for i := 0; i < len(codes); i += perLine {
		b.WriteString("  " + strings.Join(codes[i:min(i+perLine, len(codes))], " "))
		if i+perLine < len(codes) {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// reportSkipped prints the years without complete inputs to w: they have no
// row, and are neither filled in nor set to zero.
func reportSkipped(w io.Writer, res *history.Result) {
	if len(res.Skipped) == 0 {
		return
	}
	fmt.Fprintf(w, "simulate: %s: %d years without complete inputs have no row:\n", res.ISO, len(res.Skipped))
	for _, sk := range res.Skipped {
		fmt.Fprintf(w, "  %v\n", sk)
	}
}

// writeHistoryTable prints the decomposition for reading, with the means of
// the span below.
func writeHistoryTable(w io.Writer, res *history.Result) error {
	rows := res.Rows
	fmt.Fprintf(w, "%s (%s): growth accounting, K = %v, L = %v; log points (100 × Δln), contributions add up to GDP growth\n",
		res.Country, res.ISO, res.Options.Capital, res.Options.Labour)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "year\tGDP\tK\tL\tTFP\tlabour share\t")
	var mean [4]float64
	for _, r := range rows {
		fmt.Fprintf(tw, "%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.3f\t\n", r.Year, r.GDP, r.Capital, r.Labour, r.TFP, r.LabourShare)
		for i, v := range [4]float64{r.GDP, r.Capital, r.Labour, r.TFP} {
			mean[i] += v / float64(len(rows))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	share := math.NaN()
	if mean[0] != 0 {
		share = 100 * mean[3] / mean[0]
	}
	_, err := fmt.Fprintf(w, "mean %d–%d (%d years): GDP %.2f = K %.2f + L %.2f + TFP %.2f log points a year; TFP %.1f %% of growth; %d years skipped\n",
		rows[0].Year, rows[len(rows)-1].Year, len(rows), mean[0], mean[1], mean[2], mean[3], share, len(res.Skipped))
	return err
}

// addHistoryChart adds history_projection.<ext> in each format to batch for
// a scenario that names a history: PWT's growth accounting of the country,
// then the scenario's projection, with the scenario's reference marked.
func addHistoryChart(e *env, batch *output.Batch, s *scenarios.Scenario, res *model.Results, theme *plots.Theme, formats []plots.Format) error {
	h := s.History
	if h == nil {
		return nil
	}
	tab, err := loadTable("")
	if err != nil {
		return err
	}
	series, err := countrySeries(tab, h.Country, "")
	if err != nil {
		return invalid(fmt.Errorf("scenario %s: history.country: %w", s.Name, err))
	}
	opt := history.Options{Capital: h.Capital, Labour: h.Labour, From: h.From, To: h.To}
	hist, err := history.Decompose(series, opt)
	if err != nil {
		return invalid(fmt.Errorf("scenario %s: %w", s.Name, err))
	}
	reportSkipped(e.stderr, &hist)
	if len(hist.Rows) == 0 {
		return invalidf("scenario %s: PWT has no year of %s with complete inputs in %d–%d", s.Name, h.Country, h.From, h.To)
	}
	var ref *plots.Reference
	if r := s.Reference; r != nil {
		ref = &plots.Reference{Year: r.Year, Label: r.Label}
		for f, c := range [model.NumFactors]struct {
			v  float64
			ok bool
		}{model.Labor: {r.Labor, r.LaborOK}, model.Capital: {r.Capital, r.CapitalOK}, model.TFP: {r.TFP, r.TFPOK}} {
			ref.Contribution[f] = math.NaN()
			if c.ok {
				ref.Contribution[f] = c.v
			}
		}
	}
	chart, err := plots.HistoryProjection(theme, hist, "", plots.Scenario{Name: s.Name, Results: *res}, ref)
	if err != nil {
		return fmt.Errorf("scenario %s: %w", s.Name, err)
	}
	return addCharts(batch, s.Name, []plots.NamedChart{{Name: "history_projection", Chart: chart}}, formats)
}
