package workbook_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"simulate/calibrate"
	"simulate/cii"
	"simulate/indexes"
	"simulate/metrics"
	"simulate/model"
	"simulate/results"
	"simulate/scenarios"
	"simulate/sensitivity"
	"simulate/workbook"
)

// load returns a scenario, its results and its workbook, as simulate run
// --format xlsx builds them.
func load(t *testing.T, name string) (*scenarios.Scenario, *model.Results, []byte) {
	t.Helper()
	s, err := scenarios.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	var pub []results.PublishedRow
	if s.Published != "" {
		spec, err := calibrate.Open(s.Published)
		if err != nil {
			t.Fatal(err)
		}
		for _, tg := range spec.Targets {
			if tg.Metric.Check(res.Years[0].Year, res.Years[len(res.Years)-1].Year) == nil {
				pub = append(pub, results.PublishedRow{Metric: tg.Metric, Published: tg.Value, Precision: tg.Precision, Model: tg.Metric.Value(&res)})
			}
		}
	}
	rows := inputRowsOf(s)
	b, err := workbook.RunBook(workbook.Run{Scenario: s.Name, Title: s.Title, Results: &res, Inputs: rows, Published: pub}).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return s, &res, b
}

// inputRowsOf returns the inputs of s with their sources, as simulate
// builds them.
func inputRowsOf(s *scenarios.Scenario) []results.InputRow {
	return results.InputRows(s.Inputs, func(key string) results.InputSource {
		k := s.SourceOf(key)
		return results.InputSource{Where: k.Where(), Comment: k.Comment, Inherited: k.Inherited}
	})
}

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// rawRows returns the cells of a sheet as stored (not formatted).
func rawRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func csvRows(t *testing.T, write func(io.Writer) error) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// equalCells compares a sheet with a CSV file cell by cell: the same text,
// or numbers that parse to the same float64.
func equalCells(t *testing.T, sheet string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d (as the CSV)", sheet, len(got), len(want))
	}
	for i := range want {
		g := got[i]
		for len(g) < len(want[i]) {
			g = append(g, "") // GetRows drops trailing empty cells
		}
		if len(g) != len(want[i]) {
			t.Fatalf("%s row %d: %d cells, want %d", sheet, i+1, len(g), len(want[i]))
		}
		for j := range want[i] {
			if g[j] == want[i][j] {
				continue
			}
			gv, err1 := strconv.ParseFloat(g[j], 64)
			wv, err2 := strconv.ParseFloat(want[i][j], 64)
			if err1 != nil || err2 != nil || gv != wv {
				t.Errorf("%s cell %s: got %q, want %q", sheet, cellName(j+1, i+1), g[j], want[i][j])
			}
		}
	}
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// charts returns the XML of each chart part of the workbook, by part name.
func charts(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			x, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			m[f.Name] = string(x)
		}
		if strings.HasPrefix(f.Name, "xl/media/") {
			t.Errorf("the workbook holds a picture %s: charts must be native", f.Name)
		}
	}
	return m
}

func TestRunResultsEqualCSV(t *testing.T) {
	for _, name := range []string{"report2020", "actual2019-2024", "solow-china"} {
		t.Run(name, func(t *testing.T) {
			_, res, b := load(t, name)
			f := open(t, b)
			want := csvRows(t, func(w io.Writer) error { return results.WriteCSV(w, res) })
			equalCells(t, workbook.SheetResults, rawRows(t, f, workbook.SheetResults), want)

			// Numbers are numbers, with a number format per unit.
			for j, c := range metrics.Columns {
				ref := cellName(j+2, 2)
				typ, err := f.GetCellType(workbook.SheetResults, ref)
				if err != nil {
					t.Fatal(err)
				}
				if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
					t.Errorf("Results %s (%s): cell type %v, want a number", ref, c.Name, typ)
				}
				id, err := f.GetCellStyle(workbook.SheetResults, ref)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				if st.CustomNumFmt == nil || *st.CustomNumFmt != workbook.FormatOf(c.Unit) {
					t.Errorf("Results %s (%s, %s): number format %v, want %q", ref, c.Name, c.Unit, st.CustomNumFmt, workbook.FormatOf(c.Unit))
				}
			}
			// The header is frozen.
			for _, sheet := range []string{workbook.SheetInputs, workbook.SheetResults, workbook.SheetTotals} {
				p, err := f.GetPanes(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
					t.Errorf("%s: panes %+v, want the first row frozen", sheet, p)
				}
			}
		})
	}
}

func TestRunSheetsAndCharts(t *testing.T) {
	_, res, b := load(t, "report2020")
	f := open(t, b)
	want := []string{"Inputs", "Results", "Totals", "Published", "Charts"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	cs := charts(t, b)
	if len(cs) != 3 {
		t.Fatalf("%d charts, want 3 (the report's figure, the decomposition, the channels)", len(cs))
	}
	var fig, decomp string
	for _, x := range cs {
		switch {
		case strings.Contains(x, "$R$2:$R$7"):
			fig = x
		case strings.Contains(x, `<grouping val="stacked">`) && strings.Contains(x, "$E$2:$E$7"):
			decomp = x
		}
	}
	// The report's figure: columns of the II increment (column R of
	// Results) and a line of the II share (column K) on a second axis.
	if fig == "" {
		t.Fatal("no chart of the II increment")
	}
	for _, s := range []string{"<barChart>", `<barDir val="col">`, "Results!$R$2:$R$7", "<lineChart>", "Results!$K$2:$K$7"} {
		if !strings.Contains(fig, s) {
			t.Errorf("report's figure: no %s", s)
		}
	}
	if n := strings.Count(fig, "<valAx>"); n != 2 {
		t.Errorf("report's figure: %d value axes, want 2 (the share on a secondary axis)", n)
	}
	// The decomposition: L, K and TFP (columns E, F, G) stacked.
	if decomp == "" {
		t.Fatal("no stacked decomposition chart")
	}
	for _, s := range []string{"Results!$E$2:$E$7", "Results!$F$2:$F$7", "Results!$G$2:$G$7", `<overlap val="100">`} {
		if !strings.Contains(decomp, s) {
			t.Errorf("decomposition: no %s", s)
		}
	}

	// Totals: every total of summary.json.
	tot := results.NewTotals(res)
	rows := rawRows(t, f, workbook.SheetTotals)
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]] = r[1]
	}
	for k, v := range tot.Values {
		if g, _ := strconv.ParseFloat(got[k], 64); g != v {
			t.Errorf("Totals %s: got %s, want %v", k, got[k], v)
		}
	}
	for k, m := range tot.Channels {
		for ch, v := range m {
			if g, _ := strconv.ParseFloat(got[k+"."+ch], 64); g != v {
				t.Errorf("Totals %s.%s: got %s, want %v", k, ch, got[k+"."+ch], v)
			}
		}
	}

	// Published: the six published increments and shares, each within
	// its printed precision.
	pub := rawRows(t, f, workbook.SheetPublished)
	if len(pub) < 13 {
		t.Fatalf("Published: %d rows, want the header and 12 figures or more", len(pub))
	}
	for _, r := range pub[1:] {
		if r[0] == "ii_increment_yi" && r[7] != "1" {
			t.Errorf("Published %v: the model's increment is not within the printed precision", r)
		}
	}
}

func TestInputsSheet(t *testing.T) {
	s, _, b := load(t, "actual2019-2024")
	f := open(t, b)
	rows := rawRows(t, f, workbook.SheetInputs)
	head := rows[0]
	col := func(name string) int {
		i := slices.Index(head, name)
		if i < 0 {
			t.Fatalf("Inputs: no column %q in %v", name, head)
		}
		return i
	}
	byKey := map[string][]string{}
	for _, r := range rows[1:] {
		for len(r) < len(head) {
			r = append(r, "")
		}
		byKey[r[0]] = r
	}
	for _, p := range model.Params {
		applies := !p.PerYear && p.Active(s.Inputs)
		for i := range s.Inputs.Len() {
			applies = applies || p.PerYear && p.Applies(s.Inputs, i)
		}
		if applies && byKey[p.Key] == nil {
			t.Errorf("Inputs: no row for %s", p.Key)
		}
	}
	// growth is the file's own; the base GDP is inherited from report2020,
	// with the comment written there.
	g, base := byKey["gdp.growth_pct"], byKey["gdp.base_yi"]
	if g[col("inherited")] != "0" || !strings.HasPrefix(g[col("given in")], "embedded:actual2019-2024.toml:") {
		t.Errorf("gdp.growth_pct: inherited %q, given in %q; want the file's own", g[col("inherited")], g[col("given in")])
	}
	if base[col("inherited")] != "1" || !strings.HasPrefix(base[col("given in")], "embedded:report2020.toml:") {
		t.Errorf("gdp.base_yi: inherited %q, given in %q; want inherited from report2020", base[col("inherited")], base[col("given in")])
	}
	if !strings.Contains(base[col("source comment")], "NBS") {
		t.Errorf("gdp.base_yi: source comment %q, want the file's comment (NBS)", base[col("source comment")])
	}
	if v := g[col("2020")]; v != "2.2" {
		t.Errorf("gdp.growth_pct 2020: %q, want 2.2", v)
	}
	if v := base[col("value")]; v == "" {
		t.Error("gdp.base_yi: no value")
	}
}

func TestSameBytes(t *testing.T) {
	_, _, a := load(t, "report2020")
	_, _, b := load(t, "report2020")
	if !bytes.Equal(a, b) {
		t.Fatal("two workbooks of the same run differ")
	}
	// No time of writing in the document properties.
	f := open(t, a)
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != workbook.Stamp || p.Modified != workbook.Stamp {
		t.Errorf("document times %q, %q; want %q", p.Created, p.Modified, workbook.Stamp)
	}
}

func compareRuns(t *testing.T, names ...string) []results.Run {
	t.Helper()
	var runs []results.Run
	for _, n := range names {
		s, err := scenarios.Open(n)
		if err != nil {
			t.Fatal(err)
		}
		res := new(model.Results)
		model.Evaluate(res, s.Inputs)
		runs = append(runs, results.Run{Name: s.Name, Results: res})
	}
	return runs
}

func TestCompare(t *testing.T) {
	runs := compareRuns(t, "report2020", "actual2019-2024", "solow-china")
	b, err := workbook.CompareBook("compare", runs).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	if got, want := f.GetSheetList(), []string{"Compare", "Totals", "Overlays", "Charts"}; !slices.Equal(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	want := csvRows(t, func(w io.Writer) error { return results.WriteCompareCSV(w, results.CompareRows(runs)) })
	equalCells(t, workbook.SheetCompare, rawRows(t, f, workbook.SheetCompare), want)

	// One overlay per metric of compare.csv, each a line per scenario
	// that has the metric.
	metricsOf := map[string]int{}
	for _, r := range want[1:] {
		metricsOf[r[2]]++
	}
	cs := charts(t, b)
	if len(cs) != len(metricsOf) {
		t.Errorf("%d charts, want one per metric: %d", len(cs), len(metricsOf))
	}
	ser := regexp.MustCompile(`<ser>`)
	total := 0
	for _, x := range cs {
		if !strings.Contains(x, "<lineChart>") {
			t.Error("an overlay is not a line chart")
		}
		total += len(ser.FindAllString(x, -1))
	}
	// 5 metrics × 3 scenarios, and the difference for actual2019-2024
	// only (solow-china is at other prices).
	if total != 16 {
		t.Errorf("%d lines in all, want 16", total)
	}
	b2, err := workbook.CompareBook("compare", runs).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Error("two workbooks of the same comparison differ")
	}
}

func TestPercentilesEqualCSV(t *testing.T) {
	var ms []metrics.Metric
	for _, s := range []string{"ii_increment_yi[2019]", "ii_increment_yi[2020]", "ii_increment_yi[2021]", "ii_total_yi"} {
		m, err := metrics.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	sums := []sensitivity.Summary{
		{Mean: 6000.25, P: [5]float64{5000, 5500.5, 6000, 6500, 7000.125}},
		{Mean: 6700, P: [5]float64{5600, 6100, 6700, 7300, 7800}},
		{Mean: 7400.1, P: [5]float64{6000, 6800, 7400, 8000, 8800}},
		{Mean: 46306.9, P: [5]float64{40000, 43000, 46000, 49000, 52000}},
	}
	bk := workbook.New("mc")
	bk.Percentiles(ms, sums)
	b, err := bk.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	want := csvRows(t, func(w io.Writer) error { return results.WritePercentilesCSV(w, ms, sums) })
	equalCells(t, workbook.SheetPercentiles, rawRows(t, f, workbook.SheetPercentiles), want)
	if n := len(charts(t, b)); n != 1 {
		t.Errorf("%d charts, want 1 (the per-year metric)", n)
	}
}

func TestIndexEqualCSV(t *testing.T) {
	f, err := indexes.Open("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	run := &results.IndexRun{Index: f.Index, Feasible: map[string]map[string]cii.Interval{}}
	f.Index.Evaluate(&run.Result)
	for _, ind := range f.Index.Industries {
		if ivs, err := f.Index.Feasible(ind); err == nil {
			run.Feasible[ind.Key] = ivs
		}
	}
	bk := workbook.New("cii2020")
	bk.Index(run)
	b, err := bk.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	x := open(t, b)
	equalCells(t, workbook.SheetIndustries, rawRows(t, x, workbook.SheetIndustries),
		csvRows(t, func(w io.Writer) error { return results.WriteIndustriesCSV(w, run) }))
	equalCells(t, workbook.SheetStages, rawRows(t, x, workbook.SheetStages),
		csvRows(t, func(w io.Writer) error { return results.WriteStagesCSV(w, run) }))
	if n := len(charts(t, b)); n != 1 {
		t.Errorf("%d charts, want 1", n)
	}
}

func TestTornadoEqualCSV(t *testing.T) {
	s, err := scenarios.Open("report2020")
	if err != nil {
		t.Fatal(err)
	}
	m, err := metrics.Parse("ii_total_yi")
	if err != nil {
		t.Fatal(err)
	}
	targets, lows, highs := sensitivity.QuantileRange(s.Uncertainty, 5)
	bars, _, err := sensitivity.Tornado(s.Inputs, targets, lows, highs, m)
	if err != nil {
		t.Fatal(err)
	}
	bk := workbook.New("tornado")
	bk.Tornado(bars)
	b, err := bk.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	equalCells(t, workbook.SheetTornado, rawRows(t, open(t, b), workbook.SheetTornado),
		csvRows(t, func(w io.Writer) error { return results.WriteTornadoCSV(w, bars) }))
}

func TestSobolEqualCSV(t *testing.T) {
	s, err := scenarios.Open("report2020")
	if err != nil {
		t.Fatal(err)
	}
	var ms []metrics.Metric
	for _, name := range []string{"ii_total_yi", "period_ii_share_pct"} {
		m, err := metrics.Parse(name)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	res, err := sensitivity.Sobol(context.Background(), s.Inputs, s.Uncertainty, sensitivity.SobolConfig{N: 256, Seed: 1, Metrics: ms})
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, u := range s.Uncertainty {
		inputs = append(inputs, u.Label())
	}
	bk := workbook.New("sobol")
	bk.Sobol(inputs, res)
	b, err := bk.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	equalCells(t, workbook.SheetSobol, rawRows(t, open(t, b), workbook.SheetSobol),
		csvRows(t, func(w io.Writer) error { return results.WriteSobolCSV(w, inputs, res) }))
	if n := len(charts(t, b)); n != len(ms) {
		t.Errorf("%d charts, want one per metric: %d", n, len(ms))
	}
}
