package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"path"
	"strings"

	"simulate/cii"
	"simulate/indexes"
	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/results"
	"simulate/scenarios"
	"simulate/workbook"
)

// defaultIndex is the index `simulate index` reads without an argument.
const defaultIndex = "cii2020"

func init() {
	register(&command{
		name: "index",
		args: "[--out DIR] [--format png,svg,pdf,xlsx] [--lang en|zh] [--font FILE] [--reconstruct] [FILE|NAME]",
		summary: "Compute an industrial-internet index (default: the embedded cii2020, the report's CII) and write\n" +
			"        DIR/<index>/industries.csv, stages.csv (with each reconstructed value's feasible interval), summary.json and charts.",
		run: runIndex,
	})
}

func runIndex(e *env, args []string) error {
	c := commands["index"]
	fs := newFlags(c)
	out := fs.String("out", "out", "output `folder`; the index writes into DIR/<index-name>/")
	recon := fs.Bool("reconstruct", false, "recompute the values marked reconstructed from the file's constraints and published indices (docs/cii.md), and write the file with them as DIR/<index>/<index>.toml")
	cf := addChartFlags(fs).withWorkbook(fs)
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	formats, theme, err := cf.resolve()
	if err != nil {
		return err
	}
	switch len(pos) {
	case 0:
		pos = []string{defaultIndex}
	case 1:
	default:
		return invalidf("index takes one index file or embedded name, not %d: %s", len(pos), strings.Join(pos, " "))
	}
	f, err := indexes.Open(pos[0])
	if err != nil {
		return invalid(err)
	}
	ix := f.Index
	var rewritten []byte
	if *recon {
		rec, _, err := cii.Reconstruct(ix)
		if err != nil {
			return invalid(fmt.Errorf("%s: %w", f.Source, err))
		}
		if rewritten, err = f.Rewrite(rec); err != nil {
			return invalid(err)
		}
		var moved float64
		for _, p := range ix.Paths() {
			a, _ := cii.Lookup(ix, p)
			b, _ := cii.Lookup(rec, p)
			moved = math.Max(moved, math.Abs(a.Get()-b.Get()))
		}
		fmt.Fprintf(e.stdout, "reconstructed the values marked reconstructed; the largest change from the file is %.6g\n", moved)
		ix = rec
	}
	run := &results.IndexRun{Index: ix, Feasible: map[string]map[string]cii.Interval{}}
	ix.Evaluate(&run.Result)
	var infeasible []string
	for _, ind := range ix.Industries {
		ivs, err := ix.Feasible(ind)
		if err != nil {
			infeasible = append(infeasible, err.Error())
			continue
		}
		run.Feasible[ind.Key] = ivs
	}

	title := ix.Name
	if ix.Title != "" {
		title += " — " + ix.Title
	}
	if err := results.WriteIndexTable(e.stdout, title, run); err != nil {
		return err
	}
	nRec, nVal := 0, 0
	for _, p := range ix.Paths() {
		ref, _ := cii.Lookup(ix, p)
		v := ref.Stage.Weight
		if ref.Field == cii.PenetrationField {
			v = ref.Stage.Penetration
		}
		nVal++
		if v.Source == cii.Reconstructed {
			nRec++
		}
	}
	fmt.Fprintf(e.stdout, "%d of %d weights and penetrations are reconstructed (not published); stages.csv gives the interval the text and the published index leave each.\n", nRec, nVal)
	for _, v := range ix.Violations() {
		fmt.Fprintf(e.stdout, "note: %s\n", v)
	}
	for _, msg := range infeasible {
		fmt.Fprintf(e.stdout, "note: %s (no feasible intervals for this industry)\n", strings.TrimPrefix(msg, "cii: "))
	}

	batch := output.NewBatch(*out)
	var ind, st, sum bytes.Buffer
	if err := results.WriteIndustriesCSV(&ind, run); err != nil {
		return err
	}
	if err := results.WriteStagesCSV(&st, run); err != nil {
		return err
	}
	if err := results.WriteIndexJSON(&sum, results.NewIndexSummary(run, f.Source, "simulate index")); err != nil {
		return err
	}
	files := map[string][]byte{"industries.csv": ind.Bytes(), "stages.csv": st.Bytes(), "summary.json": sum.Bytes()}
	if rewritten != nil {
		files[ix.Name+".toml"] = rewritten
	}
	for name, b := range files {
		if err := batch.Add(path.Join(ix.Name, name), b); err != nil {
			return err
		}
	}
	charts, err := indexCharts(theme, run)
	if err != nil {
		return err
	}
	if err := addCharts(batch, ix.Name, charts, formats); err != nil {
		return err
	}
	if cf.xlsx {
		b := workbook.New(ix.Name + " — " + ix.Title)
		b.Index(run)
		if err := addWorkbook(batch, ix.Name, ix.Name, b); err != nil {
			return err
		}
	}
	if err := batch.Commit(e.ctx); err != nil {
		return err
	}
	for _, p := range batch.Paths() {
		fmt.Fprintln(e.stdout, "wrote", p)
	}
	return nil
}

// indexCharts returns the charts of an index: the comparison of the
// industries (cii_industries), their indices by stage contribution
// (cii_contributions) and one chart of each industry's stages
// (cii_stages_INDUSTRY).
func indexCharts(t *plots.Theme, r *results.IndexRun) ([]plots.NamedChart, error) {
	var out []plots.NamedChart
	ch, err := plots.IndexIndustries(t, r.Index, &r.Result)
	if err != nil {
		return nil, err
	}
	out = append(out, plots.NamedChart{Name: "cii_industries", Chart: ch})
	if ch, err = plots.IndexContributions(t, r.Index, &r.Result); err != nil {
		return nil, err
	}
	out = append(out, plots.NamedChart{Name: "cii_contributions", Chart: ch})
	for i, ind := range r.Index.Industries {
		ch, err := plots.IndexStages(t, ind, r.Result.Scores[i], r.Feasible[ind.Key])
		if err != nil {
			return nil, err
		}
		out = append(out, plots.NamedChart{Name: "cii_stages_" + ind.Key, Chart: ch})
	}
	return out, nil
}

// addIndexPath prints the index path of a scenario that drives θ from the
// industrial-internet index, and adds its chart (cii_path); it does nothing
// for other scenarios.
func addIndexPath(e *env, batch *output.Batch, s *scenarios.Scenario, theme *plots.Theme, formats []plots.Format) error {
	charts, err := indexPathChart(e.stdout, s, theme)
	if err != nil || len(charts) == 0 {
		return err
	}
	return addCharts(batch, s.Name, charts, formats)
}

// indexPathChart prints the index path of a scenario that drives θ from
// the index to w and returns its chart, cii_path (none for another
// scenario).
func indexPathChart(w io.Writer, s *scenarios.Scenario, theme *plots.Theme) ([]plots.NamedChart, error) {
	in := s.Inputs
	if in.Index == nil {
		return nil, nil
	}
	years := make([]int, in.Len())
	pts := make([]float64, in.Len())
	var parts []string
	for i, v := range in.Index.Level {
		years[i], pts[i] = in.FirstYear()+i, 100*v
		parts = append(parts, fmt.Sprintf("%d %.2f", years[i], pts[i]))
	}
	fmt.Fprintf(w, "CII path driving θ = κ·I/100 (points): %s\n", strings.Join(parts, ", "))
	var kappa, short []string
	for d := range model.Dimension(model.NumDimensions) {
		k := in.Index.Kappa[d]
		kappa = append(kappa, fmt.Sprintf("%s %.4f", d, k))
		short = append(short, fmt.Sprintf("%s %.4f", dimAbbrev[d], k))
	}
	fmt.Fprintf(w, "κ: %s\n\n", strings.Join(kappa, ", "))
	ch, err := plots.IndexPath(theme, s.Name, years, pts, strings.Join(short, ", "))
	if err != nil {
		return nil, err
	}
	ch.Subtitle = theme.ScenarioSubtitle(s.Name, s.Title, 0)
	return []plots.NamedChart{{Name: "cii_path", Chart: ch}}, nil
}

// dimAbbrev are the TFP dimensions' abbreviations, as the charts' captions
// write them.
var dimAbbrev = [model.NumDimensions]string{"TP", "TE", "SE", "AE"}
