package results_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/metrics"
	"simulate/model"
	"simulate/results"
)

// TestCSVReadsTable checks that results.csv is the table of package
// metrics: its header is "year" and the names of metrics.Columns, and each
// value is the metric NAME[YEAR] that --metric and calibration targets read
// (to float64 rounding: the file writes the shortest decimal that converts
// back to the model's value, metrics.Column.FileValue).
func TestCSVReadsTable(t *testing.T) {
	_, res := run(t, "report2020")
	recs := readCSV(t, res)
	want := []string{"year"}
	for _, c := range metrics.Columns {
		want = append(want, c.Name)
	}
	if !slices.Equal(recs[0], want) || !slices.Equal(results.Columns, want) {
		t.Fatalf("header %v, want %v", recs[0], want)
	}
	for _, rec := range recs[1:] {
		for j, name := range recs[0][1:] {
			m, err := metrics.Parse(name + "[" + rec[0] + "]")
			if err != nil {
				t.Fatal(err)
			}
			got, err := strconv.ParseFloat(rec[j+1], 64)
			if err != nil {
				t.Fatal(err)
			}
			// One rounding of x·100 apart at most.
			const tol = 4e-16
			if want := m.Value(res); !scalar.EqualWithinAbsOrRel(got, want, tol, tol) {
				t.Errorf("%s: got %s, want %v", m, rec[j+1], want)
			}
		}
	}
}

// TestCSVEchoesInputs checks that inputs echoed in results.csv read
// exactly as the scenario file types them: report2020 gives growth 6.3,
// labour's share 3.7 % and capital's 32.5 % (3.7/100·100 is
// 3.7000000000000006 in float64). TFP's share, the residual, is computed
// and kept at full precision.
func TestCSVEchoesInputs(t *testing.T) {
	_, res := run(t, "report2020")
	recs := readCSV(t, res)
	col := map[string]int{}
	for i, c := range recs[0] {
		col[c] = i
	}
	for _, rec := range recs[1:] {
		for name, want := range map[string]string{"labor_share_pct": "3.7", "capital_share_pct": "32.5"} {
			if got := rec[col[name]]; got != want {
				t.Errorf("%s %s: got %s, want %s", rec[0], name, got, want)
			}
		}
	}
	if got := recs[1][col["growth_pct"]]; got != "6.3" {
		t.Errorf("2019 growth_pct: got %s, want 6.3", got)
	}
}

// TestSummaryTotalsReadTable checks that summary.json's totals are the
// rows of metrics.Totals, in order, then years, each the metric of its
// name, and that they read back.
func TestSummaryTotalsReadTable(t *testing.T) {
	_, res := run(t, "report2020")
	tot := results.NewTotals(res)
	b, err := json.Marshal(tot)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range metrics.Totals {
		want = append(want, strconv.Quote(c.Name))
	}
	want = append(want, `"years"`)
	if got := topKeys(t, b); !slices.Equal(got, want) {
		t.Errorf("keys %v, want %v", got, want)
	}
	for _, name := range metrics.Names() {
		if m, _ := metrics.Parse(name); !m.PerYear() && tot.Values[name] != m.Value(res) {
			t.Errorf("%s: got %v, want %v", name, tot.Values[name], m.Value(res))
		}
	}
	if ch := tot.Channels["ii_by_channel_yi"]; len(ch) != model.NumChannels || ch["tfp_tp"] != res.Totals.Channel[model.ChannelTP] {
		t.Errorf("ii_by_channel_yi: %v", ch)
	}
	var back results.Totals
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(back)
	if !bytes.Equal(b, b2) || back.Years != 6 {
		t.Errorf("read back as\n%s\nwant\n%s", b2, b)
	}
}

// TestNewColumnIsOneRow adds a row to each table of package metrics, as a
// new column or total would, and checks that it reaches results.csv, the
// printed table, summary.json and the metric names.
func TestNewColumnIsOneRow(t *testing.T) {
	cols, tots := metrics.Columns, metrics.Totals
	t.Cleanup(func() { metrics.Columns, metrics.Totals = cols, tots })
	c := cols[0] // gdp_yi, read the same way under a new name
	c.Name, c.Short = "gdp_again_yi", "GDP again"
	metrics.Columns = append(slices.Clip(cols), c)
	tc := tots[0] // ii_total_yi
	tc.Name, tc.Short = "ii_total_again_yi", "Σ II again"
	metrics.Totals = append(slices.Clip(tots), tc)

	_, res := run(t, "report2020")
	recs := readCSV(t, res)
	last := len(recs[0]) - 1
	if recs[0][last] != "gdp_again_yi" || recs[1][last] != recs[1][1] {
		t.Errorf("results.csv: header %v, first row %v", recs[0], recs[1])
	}
	var buf bytes.Buffer
	if err := results.WriteTable(&buf, "title", res); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.Contains(s, "GDP again 亿元") || !strings.Contains(s, "Σ II again 46306.9 亿元") {
		t.Errorf("printed table:\n%s", s)
	}
	b, err := json.Marshal(results.NewTotals(res))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"ii_total_again_yi":46306.89999998528,"years":6}`) {
		t.Errorf("summary totals: %s", b)
	}
	m, err := metrics.Parse("gdp_again_yi[2024]")
	if err != nil || m.Value(res) != res.Years[5].GDP {
		t.Errorf("metric gdp_again_yi[2024]: %v", err)
	}
	if _, err := metrics.Parse("ii_total_again_yi"); err != nil {
		t.Error(err)
	}
}

func readCSV(t *testing.T, res *model.Results) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := results.WriteCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// topKeys returns the keys of the JSON object b, in order, quoted.
func topKeys(t *testing.T, b []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	var keys []string
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, strconv.Quote(k.(string)))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// TestTableGolden compares the table simulate run prints for report2020
// with testdata/golden/report2020_table.txt, byte for byte: it is rounded
// for reading, so only a change of layout or a visible change of a number
// alters it.
func TestTableGolden(t *testing.T) {
	s, res := run(t, "report2020")
	var buf bytes.Buffer
	if err := results.WriteTable(&buf, s.Name+" — "+s.Title, res); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "testdata", "golden", "report2020_table.txt")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("got\n%s\nwant\n%s", buf.Bytes(), want)
	}
}

// TestDocListsColumns checks that the package doc lists the columns of
// results.csv as the table has them.
func TestDocListsColumns(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(strings.ReplaceAll(string(b), "//", "")), " ")
	if want := strings.Join(results.Columns[1:], ", ") + "."; !strings.Contains(doc, want) {
		t.Errorf("doc.go does not list the columns of results.csv: %s", want)
	}
	for _, c := range metrics.Totals {
		if !strings.Contains(doc, c.Name) {
			t.Errorf("doc.go does not name the total %s", c.Name)
		}
	}
}
