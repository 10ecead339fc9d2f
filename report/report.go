package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strconv"
	"strings"

	"simulate/metrics"
	"simulate/model"
	"simulate/results"
)

// Chart is one chart of a report: its name (the file name simulate run
// gives it, without extension) and its SVG rendering (plots.Render with
// plots.SVG).
type Chart struct {
	Name string
	SVG  []byte
}

// Run is one scenario of a report.
type Run struct {
	Name        string
	Title       string
	Description string
	Source      string   // the file, or embedded:NAME.toml
	Extends     []string // the files it extends, nearest first
	Results     *model.Results
	Inputs      []results.InputRow     // results.InputRows
	Published   []results.PublishedRow // none when the scenario names no published figures
	InputsHash  string                 // results.InputsHash
	// Charts are the run's charts, the report's figure (ii_increment)
	// first.
	Charts []Chart
}

// Report is the content of one HTML report.
type Report struct {
	Lang string // "en" or "zh"
	Runs []Run  // one or more
	// Compare are the comparison charts (plots.CompareCharts), for a
	// report on several scenarios.
	Compare []Chart
	// Command and Version are the command line that wrote the report and
	// the version of simulate, printed at its foot.
	Command string
	Version string
}

// MaxBaselineBytes is the size the report of the baseline must stay
// under (checked by the tests).
const MaxBaselineBytes = 2 << 20

//go:embed report.html.tmpl
var page string

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"add": func(a, b int) int { return a + b },
}).Parse(page))

// Headline are the headline numbers of a run, formatted as the page
// prints them: Σ II over the span (ii_total_yi), the period's II share of
// growth (period_ii_share_pct) and the last year's II increment, each to
// the decimals of its row in package metrics, with the unit.
type Headline struct {
	TotalII, PeriodShare, LastIncrement string
	LastYear                            int
}

// Headlines returns the headline numbers of res.
func Headlines(res *model.Results) Headline {
	var h Headline
	total, _ := metrics.Lookup("ii_total_yi")
	share, _ := metrics.Lookup("period_ii_share_pct")
	inc, _ := metrics.Lookup("ii_increment_yi")
	h.TotalII = Fixed(total.Total(res), total.Decimals) + " " + total.Unit
	h.PeriodShare = Fixed(share.Total(res), share.Decimals) + " " + share.Unit
	if n := len(res.Years); n > 0 {
		y := &res.Years[n-1]
		h.LastYear = y.Year
		h.LastIncrement = Fixed(inc.Value(y), inc.Decimals) + " " + inc.Unit
	}
	return h
}

// Fixed formats v with d decimals, never as "-0.0".
func Fixed(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

// view is what the template reads.
type view struct {
	T       text
	Title   string
	Runs    []runView
	Compare []chartView
	Totals  [][]string // the comparison's totals: header, then a row per run
	Command string
	Version string
}

type runView struct {
	Run
	Anchor    string
	Headline  Headline
	Prices    string
	Figure    *chartView
	Charts    []chartView
	Years     []int
	Table     []resultRow
	Published []pubRow
	Inputs    []inputRow
}

type chartView struct {
	Name string
	SVG  template.HTML
}

type resultRow struct {
	Name, Doc, Unit string
	Values          []string
}

type pubRow struct {
	Metric, Year, Unit, Published, Model, Diff, Precision string
	Within                                                bool
}

type inputRow struct {
	Key, Doc, Unit, Value, Where, Inherited, Comment string
}

// Write writes the report r as one HTML file to w.
func Write(w io.Writer, r *Report) error {
	if len(r.Runs) == 0 {
		return fmt.Errorf("report: no scenario")
	}
	t := textEN
	if r.Lang == "zh" {
		t = textZH
	}
	v := view{T: t, Command: r.Command, Version: r.Version}
	var names []string
	for _, run := range r.Runs {
		names = append(names, run.Name)
		rv, err := newRunView(t, run)
		if err != nil {
			return err
		}
		v.Runs = append(v.Runs, rv)
	}
	if len(r.Runs) == 1 {
		v.Title = r.Runs[0].Name + " — " + r.Runs[0].Title
	} else {
		v.Title = t.Comparison + ": " + strings.Join(names, ", ")
		for _, c := range r.Compare {
			cv, err := newChartView(c)
			if err != nil {
				return err
			}
			v.Compare = append(v.Compare, cv)
		}
		v.Totals = compareTotals(t, r.Runs)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func newRunView(t text, r Run) (runView, error) {
	rv := runView{Run: r, Anchor: "s-" + anchor(r.Name), Headline: Headlines(r.Results)}
	res := r.Results
	if len(res.Years) > 0 {
		rv.Prices = fmt.Sprintf(t.PricesF, res.Years[0].Year-1)
	}
	for _, c := range r.Charts {
		cv, err := newChartView(c)
		if err != nil {
			return rv, err
		}
		if c.Name == "ii_increment" && rv.Figure == nil {
			rv.Figure = &cv
			continue
		}
		rv.Charts = append(rv.Charts, cv)
	}
	for _, y := range res.Years {
		rv.Years = append(rv.Years, y.Year)
	}
	for i := range metrics.Columns {
		c := &metrics.Columns[i]
		row := resultRow{Name: c.Name, Doc: c.Label(t.code()), Unit: c.UnitLabel(t.code())}
		for j := range res.Years {
			row.Values = append(row.Values, Fixed(c.Value(&res.Years[j]), c.Decimals))
		}
		rv.Table = append(rv.Table, row)
	}
	for _, p := range r.Published {
		d := p.Decimals()
		row := pubRow{Metric: p.Metric.Name(), Unit: p.Metric.Unit(), Published: Fixed(p.Published, d),
			Model: Fixed(p.Model, d+2), Diff: signed(p.Diff(), d+2), Within: p.Within()}
		if p.Metric.PerYear() {
			row.Year = strconv.Itoa(p.Metric.Year)
		}
		if p.Precision > 0 {
			row.Precision = "±" + Fixed(p.Precision/2, d+1)
		}
		rv.Published = append(rv.Published, row)
	}
	for _, in := range r.Inputs {
		row := inputRow{Key: in.Key, Doc: inputLabel(in, t.code()), Unit: model.UnitLabel(in.Unit, t.code()), Value: inputValue(in), Where: in.Source.Where, Comment: in.Source.Comment}
		if row.Where == "" {
			row.Where = t.Default
		}
		if in.Source.Inherited {
			row.Inherited = fileOf(in.Source.Where)
		}
		rv.Inputs = append(rv.Inputs, row)
	}
	return rv, nil
}

// signed formats a difference with its sign.
func signed(v float64, d int) string {
	s := Fixed(v, d)
	if !strings.HasPrefix(s, "-") && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return strings.Replace(s, "-", "−", 1)
}

// fileOf returns the file of "file:line".
func fileOf(where string) string {
	if i := strings.LastIndexByte(where, ':'); i >= 0 {
		if _, err := strconv.Atoi(where[i+1:]); err == nil {
			return where[:i]
		}
	}
	return where
}

// inputValue writes an input's value: one number for a scalar or a
// series that is the same every year, else "year value" pairs.
func inputValue(in results.InputRow) string {
	if in.Scalar {
		return model.FormatValue(in.Value)
	}
	same := true
	for _, v := range in.Values {
		same = same && v == in.Values[0]
	}
	if same && len(in.Values) > 0 {
		return model.FormatValue(in.Values[0]) + " (" + strconv.Itoa(in.Years[0]) + "–" + strconv.Itoa(in.Years[len(in.Years)-1]) + ")"
	}
	var parts []string
	for i, y := range in.Years {
		parts = append(parts, strconv.Itoa(y)+": "+model.FormatValue(in.Values[i]))
	}
	return strings.Join(parts, " · ")
}

// compareTotals returns the table of totals of a comparison: each run's
// price base and period, then its totals of one number.
func compareTotals(t text, runs []Run) [][]string {
	head := []string{t.Scenarios, t.Prices, t.Period}
	var cols []*metrics.Column
	for i := range metrics.Totals {
		if c := &metrics.Totals[i]; !c.PerChannel() {
			cols = append(cols, c)
			head = append(head, c.Name+" ("+c.Unit+")")
		}
	}
	rows := [][]string{head}
	for _, r := range runs {
		ys := r.Results.Years
		if len(ys) == 0 {
			continue
		}
		row := []string{r.Name, strconv.Itoa(ys[0].Year - 1), strconv.Itoa(ys[0].Year) + "–" + strconv.Itoa(ys[len(ys)-1].Year)}
		for _, c := range cols {
			row = append(row, Fixed(c.Total(r.Results), c.Decimals))
		}
		rows = append(rows, row)
	}
	return rows
}

var (
	svgStart = regexp.MustCompile(`(?s)^.*?<svg\b`)
	svgSize  = regexp.MustCompile(`<svg width="[^"]*" height="[^"]*"`)
)

// newChartView prepares a chart's SVG for inlining: without the XML
// declaration and comment before it, and without a fixed size, so that
// it scales to the page (it keeps its viewBox).
func newChartView(c Chart) (chartView, error) {
	s := string(c.SVG)
	if !strings.Contains(s, "<svg") || !strings.Contains(s, "viewBox=") {
		return chartView{}, fmt.Errorf("report: chart %s is not an SVG with a viewBox", c.Name)
	}
	s = svgStart.ReplaceAllString(s, "<svg")
	s = svgSize.ReplaceAllString(s, `<svg class="chart" role="img" aria-label="`+template.HTMLEscapeString(c.Name)+`"`)
	return chartView{Name: c.Name, SVG: template.HTML(s)}, nil
}

// anchor makes a scenario's name an HTML id.
func anchor(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// code returns the language's code for the labels of packages model and
// metrics: "en" or "zh".
func (t text) code() string {
	if strings.HasPrefix(t.Lang, "zh") {
		return "zh"
	}
	return "en"
}

// inputLabel returns an input's label in words in language lang, or its
// one-line meaning when it has none.
func inputLabel(in results.InputRow, lang string) string {
	if p, ok := model.LookupParam(in.Key); ok {
		if l := p.Label(lang); l != "" {
			return l
		}
	}
	return in.Doc
}
