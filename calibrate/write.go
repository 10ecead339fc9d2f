package calibrate

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"simulate/model"
	"simulate/results"
)

// Method describes how Calibrate solves, for the files it writes.
const Method = "weighted least squares in bounded coordinates: Newton's method (gonum/optimize) with the Gauss–Newton Hessian, block by block"

// decimals returns the number of decimals of a printed precision: 1 for
// 0.1, 0 for 100.
func decimals(precision float64) int {
	if precision <= 0 || precision >= 1 {
		return 0
	}
	return int(math.Ceil(-math.Log10(precision) - 1e-9))
}

// formatFit writes a fitted value with three digits more than printed.
func formatFit(v, precision float64) string {
	if precision <= 0 {
		return strconv.FormatFloat(v, 'g', 8, 64)
	}
	return strconv.FormatFloat(v, 'f', decimals(precision)+3, 64)
}

// signed writes a residual with a sign and three digits more than printed.
func signed(r, precision float64) string {
	if r == 0 {
		r = 0 // no "-0"
	}
	if precision <= 0 {
		return strconv.FormatFloat(r, 'g', 3, 64)
	}
	s := strconv.FormatFloat(r, 'f', decimals(precision)+3, 64)
	if !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	if strings.Trim(s, "+-0.") == "" {
		s = "±" + s[1:]
	}
	return s
}

func within(t *TargetFit) string {
	switch {
	case t.Precision == 0:
		return "-"
	case t.Within:
		return "yes"
	}
	return "no"
}

// WriteTable prints the fit for reading: each target with its fitted value,
// then each free value, then the work done. Units come last on each line
// (亿元 is wider than its two runes).
func (f *Fit) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "target\tpublished\tfitted\tresidual\tprinted to\twithin\tunit")
	for i := range f.Targets {
		t := &f.Targets[i]
		prec, note := "-", ""
		if t.Precision > 0 {
			prec = model.FormatValue(t.Precision)
		}
		switch {
		case !t.Moved:
			note = "  (no free input moves it)"
		case t.Weight == 0:
			note = "  (check, weight 0)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n", t.Metric, model.FormatValue(t.Value),
			formatFit(t.Fitted, t.Precision), signed(t.Residual, t.Precision), prec, within(t), t.Metric.Unit(), note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "free value\tcalibrated\tstart\tbounds\tunit")
	for _, v := range f.Values {
		note := ""
		switch {
		case !v.Identified:
			note = "  (not identified)"
		case v.AtBound:
			note = "  (at a bound)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t[%s, %s]\t%s%s\n", v.Name, strconv.FormatFloat(v.Value, 'g', 12, 64),
			model.FormatValue(v.Free.Start), model.FormatValue(v.Free.Min), model.FormatValue(v.Free.Max), v.Free.Unit, note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, f.StatsLine())
	return err
}

// StatsLine summarises the work of the calibration in one line, with the
// run time.
func (f *Fit) StatsLine() string {
	return f.work() + ", " + f.Stats.Runtime.Round(time.Microsecond).String()
}

// work summarises the work of the calibration without the run time, which
// would make the files of two identical runs differ.
func (f *Fit) work() string {
	s := f.Stats
	return fmt.Sprintf("%d free value%s, %d block%s: %d iterations, %d objective and %d gradient evaluations, %d model evaluations",
		len(f.Values), plural(len(f.Values)), s.Blocks, plural(s.Blocks), s.Iterations, s.FuncEvaluations, s.GradEvaluations,
		s.ModelEvaluations)
}

// CSVColumns are the columns of NAME.fit.csv.
var CSVColumns = []string{"target", "year", "value", "fitted", "residual", "precision", "within"}

// WriteCSV writes the fit as NAME.fit.csv: one row per target, the metric's
// name and year (empty for a period total), the published and fitted
// values and the residual at full precision, the printed precision (empty
// when not given) and whether the fit is within it (yes, no, or empty).
func (f *Fit) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for i := range f.Targets {
		t := &f.Targets[i]
		year, prec, in := "", "", ""
		if t.Metric.Year != 0 {
			year = strconv.Itoa(t.Metric.Year)
		}
		if t.Precision > 0 {
			prec, in = results.Format(t.Precision), within(t)
		}
		if err := cw.Write([]string{t.Metric.Name(), year, results.Format(t.Value), results.Format(t.Fitted),
			results.Format(t.Residual), prec, in}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteScenario writes the calibrated scenario as TOML: it extends the
// start scenario (extends is how the written file names it) and gives each
// key a free input sets, every value of a calibrated year marked as
// calibrated with the spec's name and the residual of its target. The
// header lists the whole fit.
func (f *Fit) WriteScenario(w io.Writer, extends string) error {
	s := f.Spec
	var b strings.Builder
	fmt.Fprintf(&b, "# Calibrated scenario, written by `simulate calibrate` from the spec %q\n", s.Name)
	if s.Title != "" {
		fmt.Fprintf(&b, "# (%s).\n", s.Title)
	}
	fmt.Fprintf(&b, "# It extends the start scenario %q and gives only the keys the spec\n", s.Scenario)
	b.WriteString("# calibrates; each calibrated value is marked on its line.\n#\n")
	fmt.Fprintf(&b, "# Method: %s.\n", Method)
	fmt.Fprintf(&b, "# %s.\n#\n# Fit:\n", f.work())
	var tb strings.Builder
	if err := f.WriteTable(&tb); err != nil {
		return err
	}
	for line := range strings.SplitSeq(strings.TrimRight(tb.String(), "\n"), "\n") {
		if strings.HasPrefix(line, fmt.Sprintf("%d free value", len(f.Values))) {
			continue
		}
		b.WriteString(strings.TrimRight("#   "+line, " ") + "\n")
	}
	if len(f.Issues) > 0 {
		b.WriteString("#\n# WARNING: written with --force despite these problems:\n")
		for _, i := range f.Issues {
			b.WriteString("#   " + i.String() + "\n")
		}
	}
	fmt.Fprintf(&b, "#\n# Rerun: simulate calibrate %s\n\n", s.rerun)

	title := s.Start.Title
	if title == "" {
		title = s.Start.Name
	}
	fmt.Fprintf(&b, "title = %s\n", strconv.Quote(title+" — calibrated by spec "+s.Name))
	fmt.Fprintf(&b, "extends = %s\n", strconv.Quote(extends))

	// The keys set, in the order of the parameter table: scalars grouped
	// by their parent table first, then one table per per-year key.
	set := map[string]int{} // key → index of the free input setting it
	for fi, fr := range s.Free {
		for _, key := range fr.Keys {
			base, _, _ := strings.Cut(key, "[")
			set[base] = fi
		}
	}
	var scalars, series []*model.Param
	for _, p := range model.Params {
		if _, ok := set[p.Key]; ok && !p.Solow {
			if p.PerYear {
				series = append(series, p)
			} else {
				scalars = append(scalars, p)
			}
		}
	}
	parent := func(key string) (string, string) {
		i := strings.LastIndexByte(key, '.')
		return key[:i], key[i+1:]
	}
	sort.SliceStable(scalars, func(i, j int) bool {
		a, _ := parent(scalars[i].Key)
		c, _ := parent(scalars[j].Key)
		return a < c
	})
	table := ""
	for _, p := range scalars {
		tab, leaf := parent(p.Key)
		if tab != table {
			fmt.Fprintf(&b, "\n[%s]\n", tab)
			table = tab
		}
		fr := s.Free[set[p.Key]]
		fmt.Fprintf(&b, "%s = %s # %s\n", leaf, results.Format(p.FromModel(*p.Scalar(f.Inputs))), f.note(fr, 0))
	}
	for _, p := range series {
		fr := s.Free[set[p.Key]]
		fmt.Fprintf(&b, "\n[%s]\n", p.Key)
		vals := p.Series(f.Inputs)
		for i, v := range vals {
			if !p.Applies(f.Inputs, i) {
				continue
			}
			year := f.Inputs.FirstYear() + i
			note := "from the start scenario"
			if f.sets(fr, p.Key, year) {
				note = f.note(fr, year)
			}
			fmt.Fprintf(&b, "%d = %s # %s\n", year, results.Format(p.FromModel(v)), note)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sets reports whether free input fr sets key in year.
func (f *Fit) sets(fr *Free, key string, year int) bool {
	for _, k := range fr.Keys {
		base, y, hasYear := strings.Cut(k, "[")
		if base != key {
			continue
		}
		if !hasYear || strings.TrimSuffix(y, "]") == strconv.Itoa(year) {
			return true
		}
	}
	return false
}

// note is the comment of a value that free input fr sets in year (0 for a
// scalar): calibrated, by which spec, from which free value, and the
// residual of the target of that year it moves (else of the target it
// moves most).
func (f *Fit) note(fr *Free, year int) string {
	var from string
	var idx []int // indices of fr's values in f.Values
	for j := range f.Values {
		if f.Values[j].Free == fr {
			idx = append(idx, j)
		}
	}
	switch {
	case fr.Knots == nil:
		from = fr.Name
	default:
		k := sort.SearchInts(fr.Knots, year)
		switch {
		case k < len(fr.Knots) && fr.Knots[k] == year:
			from = fr.ValueName(k)
		case k == 0:
			from = fr.ValueName(0) + ", held before it"
		case k == len(fr.Knots):
			from = fr.ValueName(k-1) + ", held after it"
		default:
			from = "interpolated between " + fr.ValueName(k-1) + " and " + fr.ValueName(k)
		}
	}
	note := fmt.Sprintf("calibrated (spec %s: %s)", f.Spec.Name, from)
	best, bestScore := -1, -1.0
	for i := range f.Targets {
		t := &f.Targets[i]
		moved := false
		for _, j := range idx {
			moved = moved || f.dep[i][j]
		}
		if !moved || t.Weight == 0 {
			continue
		}
		score := math.Abs(t.Residual * t.Weight)
		if year != 0 && t.Metric.Year == year {
			score = math.Inf(1)
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return note + "; no target depends on it"
	}
	t := &f.Targets[best]
	return fmt.Sprintf("%s; residual of %s: %s %s", note, t.Metric, signed(t.Residual, t.Precision), t.Metric.Unit())
}
