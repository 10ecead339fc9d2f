package plots

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// csvTol is the rounding of WriteCompareCSV: values are written to 6
// decimals.
const csvTol = 5e-7

// TestCompareRows checks the long-format rows: every metric of every
// year of every scenario, differences only after the first scenario, and
// values in the units their names give.
func TestCompareRows(t *testing.T) {
	sc := scenarios()
	rows := CompareRows(sc)
	n := len(sc[0].Results.Years)
	perYear := []string{MetricGrowth, MetricDeltaGDP, MetricII, MetricIIShare, MetricIICum}
	if want := len(sc)*n*len(perYear) + (len(sc)-1)*n; len(rows) != want {
		t.Fatalf("%d rows, want %d", len(rows), want)
	}
	got := map[string]float64{}
	for _, r := range rows {
		got[r.Scenario+"/"+strconv.Itoa(r.Year)+"/"+r.Metric] = r.Value
	}
	for i, s := range sc {
		for _, y := range s.Results.Years {
			key := s.Name + "/" + strconv.Itoa(y.Year) + "/"
			want := map[string]float64{
				MetricGrowth:   100 * y.Growth,
				MetricDeltaGDP: y.DeltaGDP,
				MetricII:       y.II,
				MetricIIShare:  100 * y.IIShare,
				MetricIICum:    y.IICumulative,
			}
			ref := sc[0].Results.Years[y.Year-sc[0].Results.Years[0].Year]
			if i > 0 {
				want[MetricIIDiff] = y.II - ref.II
			} else if _, ok := got[key+MetricIIDiff]; ok {
				t.Errorf("%s: the reference has a difference row", key)
			}
			for m, w := range want {
				g, ok := got[key+m]
				if !ok {
					t.Errorf("no row %s%s", key, m)
					continue
				}
				if !scalar.EqualWithinAbsOrRel(g, w, 1e-12, 1e-12) {
					t.Errorf("%s%s = %v, want %v", key, m, g, w)
				}
			}
		}
	}
	if rows[0].Scenario != "baseline" || rows[0].Year != 2019 || rows[0].Metric != MetricGrowth {
		t.Errorf("first row %+v, want baseline, 2019, %s", rows[0], MetricGrowth)
	}
}

// TestWriteCompareCSV checks the header and that the file reads back to
// the rows within the written precision.
func TestWriteCompareCSV(t *testing.T) {
	rows := CompareRows(scenarios())
	rows = append(rows, Row{Scenario: `odd, "name"`, Year: 2030, Metric: MetricII, Value: -1e-9})
	var buf bytes.Buffer
	if err := WriteCompareCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "scenario,year,metric,value\nbaseline,2019,growth_pct,6.3\n") {
		t.Errorf("CSV starts %q", buf.String()[:60])
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(rows)+1 {
		t.Fatalf("%d records, want %d", len(recs), len(rows)+1)
	}
	for i, r := range rows {
		rec := recs[i+1]
		v, err := strconv.ParseFloat(rec[3], 64)
		if err != nil {
			t.Fatal(err)
		}
		if rec[0] != r.Scenario || rec[1] != strconv.Itoa(r.Year) || rec[2] != r.Metric || math.Abs(v-r.Value) > csvTol {
			t.Errorf("record %q, want %+v", rec, r)
		}
		if strings.ContainsAny(rec[3], "eE") || rec[3] == "-0" {
			t.Errorf("value written as %q", rec[3])
		}
	}
}
