package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"simulate/history"
	"simulate/internal/input"
	"simulate/internal/memlimit"
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
		args: "--country ISO[,ISO…] [--periods FROM-TO,…] [--data FILE] [--from YEAR] [--to YEAR] [--capital rkna|rnna]\n" +
			"        [--labor auto|hours-hc|persons-hc|persons] [--out DIR] [--format png,svg,pdf] [--lang en|zh] [--font FILE]\n" +
			"        simulate history --list [--data FILE] [--capital rkna|rnna] [--country ISO,…]",
		summary: "Decompose countries' observed real GDP growth into capital, labour (hours and quality) and TFP (Törnqvist,\n" +
			"        Penn World Table 9.1); write DIR/history-<ISO>/history.csv, the chart history.png (or .svg, .pdf; history.zh.png in Chinese)\n" +
			"        and manifest.json,\n" +
			"        with several countries also DIR/history-compare-<ISO-…>/; --list lists the countries and their years.",
		run: runHistory,
	})
}

// countryFlag collects --country: comma-separated codes, the flag given
// once or more.
type countryFlag []string

func (c *countryFlag) String() string { return strings.Join(*c, ",") }

func (c *countryFlag) Set(s string) error {
	for part := range strings.SplitSeq(s, ",") {
		*c = append(*c, strings.TrimSpace(part))
	}
	return nil
}

// historyRun is one country of a history run.
type historyRun struct {
	series pwt.Series
	res    history.Result
	means  []history.PeriodMean // with --periods
}

func runHistory(e *env, args []string) error {
	c := commands["history"]
	fs := newFlags(c)
	data := fs.String("data", "", "PWT table as CSV `file` (default: the embedded Penn World Table 9.1)")
	var countries countryFlag
	fs.Var(&countries, "country", "ISO 3166-1 alpha-3 `codes` of the countries, e.g. CHN or CHN,USA,DEU (or the flag repeated)")
	from := fs.Int("from", 0, "first `year` of growth (from year−1 to year; default: the first with data)")
	to := fs.Int("to", 0, "last `year` (default: the last with data)")
	capital := fs.String("capital", "rkna", "capital input: rkna (capital services, as PWT's TFP) or rnna (capital stock)")
	labor := fs.String("labor", "auto", "labour input: auto (emp×avh×hc where hours exist, else emp×hc, else emp), hours-hc (emp×avh×hc, as PWT's TFP),\npersons-hc (emp×hc) or persons (emp)")
	periods := fs.String("periods", "", "period `list` FROM-TO,… (e.g. 1990-2000,2000-2010,2010-2017): print and write mean growth and contributions over each")
	list := fs.Bool("list", false, "list every country in the data with its years and the years each labour measure can compute, and write nothing")
	out := fs.String("out", "out", "output `folder`; files go to DIR/history-<ISO>/ (and DIR/history-compare-<ISO-…>/)")
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
	codes, err := countryCodes(countries)
	if err != nil {
		errs = append(errs, err)
	}
	if len(codes) == 0 && err == nil && !*list {
		errs = append(errs, fmt.Errorf("give the country with --country ISO, e.g. --country CHN (or several: --country CHN,USA; --list lists them)"))
	}
	var ps []history.Period
	if *periods != "" {
		if ps, err = history.ParsePeriods(*periods); err != nil {
			errs = append(errs, flagErrors("--periods", err)...)
		}
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
	if *list {
		return listCountries(e.stdout, tab, codes, *data, opt)
	}
	var runs []historyRun
	var unknown []string
	for _, code := range codes {
		s, ok := tab.Country(code)
		if !ok || len(s.Rows) == 0 {
			unknown = append(unknown, code)
			continue
		}
		runs = append(runs, historyRun{series: s})
	}
	if len(unknown) > 0 {
		return unknownCountries(tab, unknown, *data)
	}
	for i := range runs {
		r := &runs[i]
		if r.res, err = history.Decompose(r.series, opt); err != nil {
			return invalid(err)
		}
		if len(r.res.Rows) == 0 {
			errs = append(errs, noYearError(r.series, opt))
			continue
		}
		if ps != nil {
			if r.means, err = history.Means(r.res, ps); err != nil {
				errs = append(errs, flagErrors("--periods", err)...)
			}
		}
	}
	if len(errs) > 0 {
		return invalid(joinErrors(errs))
	}

	official, err := history.ChinaOfficial()
	if err != nil {
		return err
	}
	batch := output.NewBatch(*out)
	for _, r := range runs {
		reportSkipped(e.stderr, &r.res)
		if err := writeHistoryTable(e.stdout, &r.res); err != nil {
			return err
		}
		if r.means != nil {
			if err := writePeriodTable(e.stdout, &r.res, r.means); err != nil {
				return err
			}
		}
		var off []history.Official
		if r.res.ISO == "CHN" {
			off = official
			if err := writeOfficialGap(e.stdout, &r.res, off, ps); err != nil {
				return err
			}
		}
		if err := addHistoryFiles(batch, r, off, *data, theme, formats); err != nil {
			return err
		}
	}
	if len(runs) > 1 {
		if err := addCompareFiles(e.stdout, batch, runs, ps, *data, theme, formats); err != nil {
			return err
		}
	}
	return commit(e, batch)
}

// flagErrors returns each error joined in err as an error of flag: its
// Detail (the message without the package prefix) where it has one.
func flagErrors(flag string, err error) []error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]error, len(list))
	for i, e := range list {
		msg := e.Error()
		if d, ok := e.(interface{ Detail() string }); ok {
			msg = d.Detail()
		}
		out[i] = fmt.Errorf("%s: %s", flag, msg)
	}
	return out
}

// countryCodes returns the codes of --country in upper case, in order, or
// an error for an empty code or a code given twice.
func countryCodes(given []string) ([]string, error) {
	var codes []string
	var errs []error
	for _, g := range given {
		code := strings.ToUpper(g)
		switch {
		case code == "":
			errs = append(errs, fmt.Errorf("--country: an empty code in %q; give ISO codes separated by commas, e.g. CHN,USA", strings.Join(given, ",")))
		case slices.Contains(codes, code):
			errs = append(errs, fmt.Errorf("--country: %s is given twice", code))
		default:
			codes = append(codes, code)
		}
	}
	return codes, errors.Join(errs...)
}

// addHistoryFiles adds a country's files to batch: history.csv, the chart,
// and with --periods history_periods.csv, for China official_growth.csv.
func addHistoryFiles(batch *output.Batch, r historyRun, off []history.Official, dataFile string, theme *plots.Theme, formats []plots.Format) error {
	dir := "history-" + r.res.ISO
	var buf bytes.Buffer
	if err := results.WriteHistoryCSV(&buf, r.res.Rows); err != nil {
		return err
	}
	if err := batch.Add(path.Join(dir, "history.csv"), buf.Bytes()); err != nil {
		return err
	}
	if r.means != nil {
		buf = bytes.Buffer{} // batch keeps the bytes it is given
		if err := results.WriteHistoryPeriodsCSV(&buf, []results.CountryPeriods{{ISO: r.res.ISO, Means: r.means}}); err != nil {
			return err
		}
		if err := batch.Add(path.Join(dir, "history_periods.csv"), buf.Bytes()); err != nil {
			return err
		}
	}
	if off != nil {
		buf = bytes.Buffer{}
		if err := results.WriteOfficialCSV(&buf, r.res.Rows, off); err != nil {
			return err
		}
		if err := batch.Add(path.Join(dir, "official_growth.csv"), buf.Bytes()); err != nil {
			return err
		}
	}
	chart, err := plots.History(theme, r.res, dataFile, off...)
	if err != nil {
		return err
	}
	return addCharts(batch, dir, []plots.NamedChart{{Name: "history", Chart: chart}}, formats)
}

// addCompareFiles adds the comparison of several countries to batch, in
// DIR/history-compare-<ISO-…>/: history_compare.csv, history_periods.csv
// and the charts compare_tfp and compare_periods. Without --periods the
// periods are the decades of the years every country has (history.Decades);
// it prints them.
func addCompareFiles(w io.Writer, batch *output.Batch, runs []historyRun, ps []history.Period, dataFile string, theme *plots.Theme, formats []plots.Format) error {
	isos := make([]string, len(runs))
	hs := make([]history.Result, len(runs))
	for i, r := range runs {
		isos[i], hs[i] = r.res.ISO, r.res
	}
	dir := "history-compare-" + strings.Join(isos, "-")
	var buf bytes.Buffer
	if err := results.WriteHistoryCompareCSV(&buf, hs); err != nil {
		return err
	}
	if err := batch.Add(path.Join(dir, "history_compare.csv"), buf.Bytes()); err != nil {
		return err
	}
	tfp, err := plots.HistoryCompareTFP(theme, hs, dataFile)
	if err != nil {
		return err
	}
	charts := []plots.NamedChart{{Name: "compare_tfp", Chart: tfp}}

	means := make([][]history.PeriodMean, len(runs))
	if ps != nil {
		for i, r := range runs {
			means[i] = r.means
		}
	} else {
		first, last := math.MinInt, math.MaxInt
		for _, h := range hs {
			first, last = max(first, h.Rows[0].Year-1), min(last, h.Rows[len(h.Rows)-1].Year)
		}
		ps = history.Decades(first, last)
		for i, h := range hs {
			if means[i], err = history.Means(h, ps); err != nil {
				ps = nil // a country without a row in a period
				break
			}
		}
		if ps == nil {
			fmt.Fprintf(w, "The countries have no years in common: no period chart (give --periods).\n")
		} else {
			fmt.Fprintf(w, "Periods of the comparison (the decades of %d–%d, the years all countries have; --periods chooses others): %s\n",
				first, last, periodList(ps))
		}
	}
	if ps != nil {
		cps := make([]plots.CountryPeriods, len(runs))
		rcps := make([]results.CountryPeriods, len(runs))
		for i, h := range hs {
			cps[i] = plots.CountryPeriods{History: h, Means: means[i]}
			rcps[i] = results.CountryPeriods{ISO: h.ISO, Means: means[i]}
		}
		buf = bytes.Buffer{} // batch keeps the bytes it is given
		if err := results.WriteHistoryPeriodsCSV(&buf, rcps); err != nil {
			return err
		}
		if err := batch.Add(path.Join(dir, "history_periods.csv"), buf.Bytes()); err != nil {
			return err
		}
		chart, err := plots.HistoryComparePeriods(theme, cps, dataFile)
		if err != nil {
			return err
		}
		charts = append(charts, plots.NamedChart{Name: "compare_periods", Chart: chart})
	}
	return addCharts(batch, dir, charts, formats)
}

// periodList returns periods for reading: "1990–2000, 2000–2010".
func periodList(ps []history.Period) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = fmt.Sprintf("%d–%d", p.From, p.To)
	}
	return strings.Join(s, ", ")
}

// noYearError explains a country without a computable year: what is
// missing, and which --labor or --capital choice would give years, if any.
func noYearError(s pwt.Series, opt history.Options) error {
	d := history.Diagnose(s, opt)
	res, _ := history.Decompose(s, opt)
	var span string
	if n := len(res.Skipped); n > 0 {
		span = fmt.Sprintf(" in %d–%d", res.Skipped[0].Year, res.Skipped[n-1].Year)
	} else {
		first, last := s.Rows[0].Year, s.Rows[len(s.Rows)-1].Year
		span = fmt.Sprintf(" in the years asked (its data cover %d–%d)", first, last)
	}
	var all, some []string
	for _, g := range d.Gaps {
		if g.Years == d.Years {
			all = append(all, g.Var.String())
		} else {
			some = append(some, fmt.Sprintf("%v in %d", g.Var, g.Years))
		}
	}
	var missing string
	switch {
	case len(all) > 0:
		missing = fmt.Sprintf("%s %s missing in all %d years", andList(all), isAre(len(all)), d.Years)
		if len(some) > 0 {
			missing += ", " + strings.Join(some, ", ")
		}
	case len(some) > 0:
		missing = "missing: " + strings.Join(some, ", ") + " of the " + strconv.Itoa(d.Years) + " years"
	default:
		missing = "no year in range"
	}
	// The best alternative of each capital input.
	var alts []string
	seen := map[pwt.Capital]bool{}
	for _, a := range d.Alternatives {
		if seen[a.Capital] {
			continue
		}
		seen[a.Capital] = true
		var flags []string
		if a.Capital != opt.Capital {
			flags = append(flags, "--capital "+a.Capital.Name())
		}
		if a.Labour != opt.Labour {
			flags = append(flags, "--labor "+a.Labour.Name())
		}
		alts = append(alts, fmt.Sprintf("%s gives %d years (%d–%d)", strings.Join(flags, " "), a.Rows, a.First, a.Last))
	}
	help := "no --labor or --capital choice gives a year"
	if len(alts) > 0 {
		help = strings.Join(alts, "; ")
	}
	return fmt.Errorf("%s (%s) has no year with complete inputs%s (K = %s, L = %s): %s; %s",
		s.ISO, s.Country, span, opt.Capital.Name(), opt.Labour.Name(), missing, help)
}

// andList joins words with commas and "and".
func andList(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// listCountries prints every country of tab (or those of codes) with the
// years its data cover and the years each labour measure computes with
// the capital input of opt, and a count of those without any.
func listCountries(w io.Writer, tab *pwt.Table, codes []string, dataFile string, opt history.Options) error {
	if len(codes) == 0 {
		codes = tab.Countries()
	}
	measures := []pwt.Labour{pwt.LabourAuto, pwt.LabourHoursHC, pwt.LabourPersonsHC, pwt.LabourPersons}
	rows := [][]string{{"ISO", "country", "GDP data", "auto", "hours-hc", "persons-hc", "persons"}}
	none := 0
	var errs []error
	for _, code := range codes {
		s, err := countrySeries(tab, code, dataFile)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		row := []string{s.ISO, s.Country, yearsOf(s, pwt.RGDPNA)}
		for _, l := range measures {
			o := opt
			o.Labour = l
			res, err := history.Decompose(s, o)
			if err != nil {
				return invalid(err)
			}
			cell := "–"
			if n := len(res.Rows); n > 0 {
				cell = fmt.Sprintf("%d–%d (%d)", res.Rows[0].Year, res.Rows[n-1].Year, n)
			} else if l == pwt.LabourAuto {
				none++
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	if len(errs) > 0 {
		return invalid(joinErrors(errs))
	}
	fmt.Fprintf(w, "Countries of %s: the years with GDP (rgdpna), and for each labour measure the years of growth it computes with K = %s\n"+
		"(first–last, and how many; auto uses hours where they exist; --from/--to bound them).\n", dataName(dataFile), opt.Capital.Name())
	if err := results.WriteColumns(w, rows, false); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d countries; %d have no year that any labour measure computes with K = %s (simulate history exits 2 for them).\n",
		len(rows)-1, none, opt.Capital.Name())
	return err
}

// yearsOf returns the first and last year in which s has v, "–" if none.
func yearsOf(s pwt.Series, v pwt.Var) string {
	first, last := 0, 0
	for _, r := range s.Rows {
		if r.Has(v) {
			if first == 0 {
				first = r.Year
			}
			last = r.Year
		}
	}
	if first == 0 {
		return "–"
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// dataName names the data for messages.
func dataName(file string) string {
	if file == "" {
		return "the embedded Penn World Table 9.1"
	}
	return file
}

// loadTable returns the PWT table of file, or the embedded PWT 9.1 when file
// is "". A file that cannot be read or parsed is the user's error.
func loadTable(file string) (*pwt.Table, error) {
	if file == "" {
		return pwt.Default()
	}
	// Reading and parsing a table take about three times its size
	// (a 60 MiB table peaked at 182 MB resident): refuse up front what
	// the address-space limit cannot hold. A file that is not regular is
	// input.Read's to refuse.
	if fi, err := os.Stat(file); err == nil && fi.Mode().IsRegular() && fi.Size() <= input.PWT.Max {
		what := fmt.Sprintf("--data %s (%s)", file, input.Size(fi.Size()))
		if err := memlimit.Check(what, bytesPerDataByte*uint64(fi.Size())); err != nil {
			return nil, err
		}
	}
	src, err := input.Read(file, input.PWT)
	if err != nil {
		return nil, invalid(fmt.Errorf("--data %s: %w", file, err))
	}
	tab, err := pwt.Read(bytes.NewReader(src))
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
	return pwt.Series{}, unknownCountries(tab, []string{iso}, file)
}

// unknownCountries is the error for codes tab has no rows for: it names
// them and lists the codes the table has.
func unknownCountries(tab *pwt.Table, codes []string, file string) error {
	quoted := make([]string, len(codes))
	for i, c := range codes {
		quoted[i] = strconv.Quote(c)
	}
	what, it := "country", "it"
	if len(codes) > 1 {
		what, it = "countries", "them"
	}
	all := tab.Countries()
	return invalidf("unknown %s %s: %s has no rows for %s; give ISO 3166-1 alpha-3 codes, of these %d:\n%s",
		what, strings.Join(quoted, ", "), dataName(file), it, len(all), wrapCodes(all, 20))
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

// reportSkipped prints the years without complete inputs to w: they have
// no row, and are neither filled in nor set to zero. The years before the
// first row (before the data begin) and after the last are summarised in
// a line each, with what is missing; the years between rows are listed one
// by one.
func reportSkipped(w io.Writer, res *history.Result) {
	if len(res.Skipped) == 0 {
		return
	}
	var before, inside, after []history.Skip
	for _, sk := range res.Skipped {
		switch {
		case len(res.Rows) == 0 || sk.Year < res.Rows[0].Year:
			before = append(before, sk)
		case sk.Year > res.Rows[len(res.Rows)-1].Year:
			after = append(after, sk)
		default:
			inside = append(inside, sk)
		}
	}
	if len(before) > 0 {
		fmt.Fprintf(w, "simulate: %s: no row for %s, before its data begin: %s\n", res.ISO, skipSpan(before), missingSummary(before))
	}
	if len(inside) > 0 {
		fmt.Fprintf(w, "simulate: %s: %d years without complete inputs have no row:\n", res.ISO, len(inside))
		for _, sk := range inside {
			fmt.Fprintf(w, "  %v\n", sk)
		}
	}
	if len(after) > 0 {
		fmt.Fprintf(w, "simulate: %s: no row for %s, after its data end: %s\n", res.ISO, skipSpan(after), missingSummary(after))
	}
}

// skipSpan returns the years of consecutive skips: "1951–1956" or "1951".
func skipSpan(sks []history.Skip) string {
	a, b := sks[0].Year, sks[len(sks)-1].Year
	if a == b {
		return strconv.Itoa(a)
	}
	return fmt.Sprintf("%d–%d (%d years)", a, b, len(sks))
}

// missingSummary lists, for each input with a gap in sks, the years it is
// missing from (or not positive in), as ranges: "rkna missing 1950–1955".
func missingSummary(sks []history.Skip) string {
	var order []pwt.Var
	years := map[pwt.Var][]int{}
	bad := map[pwt.Var]bool{}
	for _, sk := range sks {
		for _, g := range sk.Gaps {
			if _, ok := years[g.Var]; !ok {
				order = append(order, g.Var)
			}
			if !slices.Contains(years[g.Var], g.Year) {
				years[g.Var] = append(years[g.Var], g.Year)
			}
			bad[g.Var] = bad[g.Var] || !math.IsNaN(g.Value)
		}
	}
	parts := make([]string, len(order))
	for i, v := range order {
		ys := years[v]
		slices.Sort(ys)
		what := "missing"
		if bad[v] {
			what = "missing or not positive"
		}
		parts[i] = fmt.Sprintf("%v %s %s", v, what, strings.Join(yearRanges(ys), ", "))
	}
	return strings.Join(parts, ", ")
}

// yearRanges returns increasing years as ranges of consecutive years:
// "1950–1955", "1960".
func yearRanges(ys []int) []string {
	var out []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if i == j {
			out = append(out, strconv.Itoa(ys[i]))
		} else {
			out = append(out, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		}
		i = j + 1
	}
	return out
}

// writeHistoryTable prints the decomposition for reading, with the means of
// the span below. Years on a labour fallback without hours are marked *.
func writeHistoryTable(w io.Writer, res *history.Result) error {
	rows := res.Rows
	labour := res.Options.Labour.String()
	if ms := res.Measures(); len(ms) == 1 {
		labour = ms[0].String()
	}
	fmt.Fprintf(w, "%s (%s): growth accounting, K = %v, L = %s; log points (100 × Δln), contributions add up to GDP growth\n",
		res.Country, res.ISO, res.Options.Capital, labour)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "year\tGDP\tK\tL\tL hours\tL quality\tTFP\tlabour share\tper capita\tper worker\tL input\t")
	var mean [8]float64
	marked := false
	for _, r := range rows {
		year := strconv.Itoa(r.Year)
		if r.LabourMeasure != pwt.LabourHoursHC && len(res.Measures()) > 1 {
			year += "*"
			marked = true
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.3f\t%s\t%.2f\t%s\t\n", year, r.GDP, r.Capital, r.Labour, r.LabourHours, r.LabourQuality,
			r.TFP, r.LabourShare, fixed(r.GDPPerCapita, 2), r.GDPPerWorker, r.LabourMeasure.Name())
		for i, v := range [8]float64{r.GDP, r.Capital, r.Labour, r.TFP, r.LabourHours, r.LabourQuality, r.GDPPerCapita, r.GDPPerWorker} {
			mean[i] += v / float64(len(rows))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if marked {
		var parts []string
		for _, m := range res.Measures()[1:] {
			parts = append(parts, fmt.Sprintf("%s (%v) in %s", m.Name(), m, strings.Join(yearRanges(res.YearsOn(m)), ", ")))
		}
		fmt.Fprintf(w, "* no hours in the data: labour is %s; PWT's own TFP (rtfpna) is on hours, so these years differ from it\n", strings.Join(parts, ", "))
	}
	share := math.NaN()
	if mean[0] != 0 {
		share = 100 * mean[3] / mean[0]
	}
	_, err := fmt.Fprintf(w, "mean %d–%d (%d years): GDP %.2f = K %.2f + L %.2f + TFP %.2f log points a year; TFP %.1f %% of growth; %d years skipped\n"+
		"  labour %.2f = hours %.2f + quality %.2f; GDP per capita %s, per worker %.2f log points a year\n",
		rows[0].Year, rows[len(rows)-1].Year, len(rows), mean[0], mean[1], mean[2], mean[3], share, len(res.Skipped),
		mean[2], mean[4], mean[5], fixed(mean[6], 2), mean[7])
	return err
}

// writePeriodTable prints the period means of a country, as the Total
// Economy Database and EU KLEMS tabulate them: growth and contributions in
// log points a year, and shares of growth.
func writePeriodTable(w io.Writer, res *history.Result, ms []history.PeriodMean) error {
	fmt.Fprintf(w, "%s (%s): period averages, log points a year (FROM–TO: growth from FROM to TO); shares of GDP growth in %%\n", res.Country, res.ISO)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "period\tyears\tGDP\tK\tL\tL hours\tL quality\tTFP\tK %\tL %\tTFP %\tper capita\tper worker\t")
	var notes []string
	for _, m := range ms {
		fmt.Fprintf(tw, "%d–%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s\t%s\t%.2f\t\n", m.From, m.To, m.Rows,
			m.GDP, m.Capital, m.Labour, m.LabourHours, m.LabourQuality, m.TFP,
			fixed(m.Share(m.Capital), 1), fixed(m.Share(m.Labour), 1), fixed(m.Share(m.TFP), 1), fixed(m.GDPPerCapita, 2), m.GDPPerWorker)
		if len(m.Missing) > 0 {
			notes = append(notes, fmt.Sprintf("%d–%d lacks %s", m.From, m.To, strings.Join(yearRanges(m.Missing), ", ")))
		}
		if len(m.Measures) > 1 || (len(m.Measures) == 1 && m.Measures[0] != pwt.LabourHoursHC && res.Options.Labour == pwt.LabourAuto) {
			names := make([]string, len(m.Measures))
			for i, l := range m.Measures {
				names[i] = l.Name()
			}
			notes = append(notes, fmt.Sprintf("%d–%d: labour %s", m.From, m.To, strings.Join(names, " and ")))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(notes) > 0 {
		_, err := fmt.Fprintf(w, "  (%s)\n", strings.Join(notes, "; "))
		return err
	}
	return nil
}

// writeOfficialGap prints, for China, PWT's GDP growth against official
// growth (NBS) by period: the periods of --periods that both cover, and
// the whole span they share.
func writeOfficialGap(w io.Writer, res *history.Result, off []history.Official, ps []history.Period) error {
	var years []int
	for _, r := range res.Rows {
		if _, ok := slices.BinarySearchFunc(off, r.Year, func(o history.Official, y int) int { return o.Year - y }); ok {
			years = append(years, r.Year)
		}
	}
	if len(years) == 0 {
		return nil
	}
	whole := history.Period{From: years[0] - 1, To: years[len(years)-1]}
	if ps == nil {
		ps = history.Decades(whole.From, whole.To)
	}
	if !slices.Contains(ps, whole) {
		ps = append(slices.Clone(ps), whole)
	}
	gaps := history.CompareOfficial(*res, off, ps)
	fmt.Fprintf(w, "%s: real GDP growth in PWT (rgdpna) and official (NBS, final figures where revised), log points a year, over the years both have\n", res.Country)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "period\tyears\tPWT\tNBS\tPWT − NBS\t")
	for _, g := range gaps {
		fmt.Fprintf(tw, "%d–%d\t%d\t%.2f\t%.2f\t%.2f\t\n", g.From, g.To, len(g.Years), g.PWT, g.Official, g.Gap())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var lacking []int
	for y := whole.From + 1; y <= whole.To; y++ {
		if !slices.Contains(years, y) {
			lacking = append(lacking, y)
		}
	}
	if len(lacking) > 0 {
		_, err := fmt.Fprintf(w, "  (no official figure for %s in the data shipped; those years are left out of both means)\n", strings.Join(yearRanges(lacking), ", "))
		return err
	}
	return nil
}

// addHistoryChart adds history_projection.<ext> in each format to batch for
// a scenario that names a history: PWT's growth accounting of the country,
// then the scenario's projection, with the scenario's reference marked.
func addHistoryChart(e *env, batch *output.Batch, s *scenarios.Scenario, res *model.Results, theme *plots.Theme, formats []plots.Format) error {
	charts, err := historyChart(e, s, res, theme)
	if err != nil || len(charts) == 0 {
		return err
	}
	return addCharts(batch, s.Name, charts, formats)
}

// historyChart returns the chart history_projection of a scenario with a
// [history] table (none for another), as addHistoryChart adds it.
func historyChart(e *env, s *scenarios.Scenario, res *model.Results, theme *plots.Theme) ([]plots.NamedChart, error) {
	h := s.History
	if h == nil {
		return nil, nil
	}
	tab, err := loadTable("")
	if err != nil {
		return nil, err
	}
	series, err := countrySeries(tab, h.Country, "")
	if err != nil {
		return nil, invalid(fmt.Errorf("scenario %s: history.country: %w", s.Name, err))
	}
	opt := history.Options{Capital: h.Capital, Labour: h.Labour, From: h.From, To: h.To}
	hist, err := history.Decompose(series, opt)
	if err != nil {
		return nil, invalid(fmt.Errorf("scenario %s: %w", s.Name, err))
	}
	reportSkipped(e.stderr, &hist)
	if len(hist.Rows) == 0 {
		return nil, invalidf("scenario %s: PWT has no year of %s with complete inputs in %d–%d", s.Name, h.Country, h.From, h.To)
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
		return nil, fmt.Errorf("scenario %s: %w", s.Name, err)
	}
	chart.Subtitle = theme.ScenarioSubtitle(s.Name, s.Title, plots.PriceBase(*res))
	chart.AddHistoryCommand(historyCommand(h))
	return []plots.NamedChart{{Name: "history_projection", Chart: chart}}, nil
}

// historyCommand returns the simulate history command whose growth
// accounting is the history part of a scenario's history_projection chart:
// the same country, years and capital and labour measures.
func historyCommand(h *scenarios.History) string {
	cmd := fmt.Sprintf("simulate history --country %s --capital %s --labor %s", h.Country, h.Capital.Name(), h.Labour.Name())
	if h.From != 0 {
		cmd += fmt.Sprintf(" --from %d", h.From)
	}
	if h.To != 0 {
		cmd += fmt.Sprintf(" --to %d", h.To)
	}
	return cmd
}
