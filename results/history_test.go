package results_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"simulate/history"
	"simulate/pwt"
	"simulate/results"
)

func decompose(t *testing.T, iso string) history.Result {
	t.Helper()
	tab, err := pwt.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := tab.Country(iso)
	if !ok {
		t.Fatalf("no %s", iso)
	}
	res, err := history.Decompose(s, history.Options{Labour: pwt.LabourAuto})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestHistoryCSVColumns checks the columns of history.csv: the first six
// as first released, then the new ones; hours + quality = labour; the
// measure by name; an empty cell for growth per capita without pop.
func TestHistoryCSVColumns(t *testing.T) {
	want := "year,gdp_growth_pct,capital_pp,labor_pp,tfp_pp,labor_share," +
		"labor_hours_pp,labor_quality_pp,labor_measure,gdp_per_capita_growth_pct,gdp_per_worker_growth_pct"
	if got := strings.Join(results.HistoryColumns, ","); got != want {
		t.Fatalf("columns %s", got)
	}
	res := decompose(t, "CHN")
	res.Rows[0].GDPPerCapita = math.NaN()
	var buf bytes.Buffer
	if err := results.WriteHistoryCSV(&buf, res.Rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[1][0] != "1957" || recs[1][8] != "persons-hc" || recs[1][9] != "" || recs[len(recs)-1][8] != "hours-hc" {
		t.Errorf("first row %v, last %v", recs[1], recs[len(recs)-1])
	}
	for _, r := range recs[1:] {
		labour, _ := strconv.ParseFloat(r[3], 64)
		hours, _ := strconv.ParseFloat(r[6], 64)
		quality, _ := strconv.ParseFloat(r[7], 64)
		if hours+quality != labour {
			t.Errorf("%s: hours %v + quality %v ≠ labour %v", r[0], hours, quality, labour)
		}
	}
}

// TestHistoryCompareRoundTrip writes history_compare.csv for China and the
// USA, reads it back, and finds every value of the rows, exactly.
func TestHistoryCompareRoundTrip(t *testing.T) {
	res := []history.Result{decompose(t, "CHN"), decompose(t, "USA")}
	var buf bytes.Buffer
	if err := results.WriteHistoryCompareCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "country,year,variable,value\nCHN,1957,gdp_growth_pct,") {
		t.Errorf("starts %q", buf.String()[:60])
	}
	vals, err := results.ReadHistoryCompareCSV(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		c string
		y int
		v string
	}
	got := map[key]float64{}
	for _, v := range vals {
		got[key{v.Country, v.Year, v.Variable}] = v.Value
	}
	n := 0
	for _, h := range res {
		for _, r := range h.Rows {
			for i, want := range []float64{r.GDP, r.Capital, r.Labour, r.TFP, r.LabourShare, r.LabourHours, r.LabourQuality, r.GDPPerCapita, r.GDPPerWorker} {
				g, ok := got[key{h.ISO, r.Year, results.HistoryVariables[i]}]
				if !ok || g != want {
					t.Errorf("%s %d %s: read %v (%v), wrote %v", h.ISO, r.Year, results.HistoryVariables[i], g, ok, want)
				}
				n++
			}
		}
	}
	if n != len(vals) || n < 9*100 {
		t.Errorf("%d values read, %d written", len(vals), n)
	}
}

func TestReadHistoryCompareErrors(t *testing.T) {
	const hdr = "country,year,variable,value\n"
	for _, tt := range []struct{ name, src, want string }{
		{"empty", "", "empty input"},
		{"header", "iso,year,variable,value\n", `line 1: header "iso,year,variable,value"`},
		{"ragged", hdr + "CHN,2000,tfp_pp\n", "wrong number of fields"},
		{"variable", hdr + "CHN,2000,tfp,1\n", `line 2, column "variable": unknown variable "tfp"; allowed: gdp_growth_pct`},
		{"value", hdr + "CHN,2000,tfp_pp,NaN\n", `line 2, column "value": "NaN" is not a finite number`},
		{"year", hdr + "CHN,y2k,tfp_pp,1\n", `column "year": "y2k" is not a year`},
		{"country", hdr + ",2000,tfp_pp,1\n", "empty country code"},
		{"duplicate", hdr + "CHN,2000,tfp_pp,1\nCHN,2000,tfp_pp,2\n", "line 3: CHN 2000 tfp_pp again (first at line 2)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := results.ReadHistoryCompareCSV(strings.NewReader(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func FuzzReadHistoryCompareCSV(f *testing.F) {
	f.Add([]byte("country,year,variable,value\nCHN,2000,tfp_pp,1.5\nUSA,2000,labor_share,0.6\n"))
	f.Add([]byte("country,year,variable,value\nCHN,2000,tfp_pp,1e400\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		vals, err := results.ReadHistoryCompareCSV(bytes.NewReader(b))
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error")
			}
			return
		}
		// What is read writes back to the same values.
		for _, v := range vals {
			if math.IsNaN(v.Value) || math.IsInf(v.Value, 0) || v.Country == "" {
				t.Errorf("accepted %+v", v)
			}
		}
	})
}

// TestHistoryPeriodsCSV checks history_periods.csv on China's three
// periods: the means and shares as history.Means computes them.
func TestHistoryPeriodsCSV(t *testing.T) {
	res := decompose(t, "CHN")
	ms, err := history.Means(res, []history.Period{{From: 1960, To: 1970}, {From: 2010, To: 2017}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := results.WriteHistoryPeriodsCSV(&buf, []results.CountryPeriods{{ISO: "CHN", Means: ms}}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(results.HistoryPeriodColumns, ",") || len(recs) != 3 {
		t.Fatalf("header %v, %d rows", recs[0], len(recs))
	}
	col := map[string]int{}
	for i, c := range recs[0] {
		col[c] = i
	}
	r := recs[2]
	if r[col["period"]] != "2010-2017" || r[col["years"]] != "7" || r[col["missing_years"]] != "" || r[col["labor_measures"]] != "hours-hc" {
		t.Errorf("row %v", r)
	}
	if recs[1][col["labor_measures"]] != "persons-hc" {
		t.Errorf("1960-1970 measures %q", recs[1][col["labor_measures"]])
	}
	m := ms[1]
	for name, want := range map[string]float64{
		"gdp_growth_pct": m.GDP, "tfp_pp": m.TFP, "labor_quality_pp": m.LabourQuality,
		"tfp_share_pct": 100 * m.TFP / m.GDP, "labor_hours_share_pct": 100 * m.LabourHours / m.GDP,
	} {
		if got, _ := strconv.ParseFloat(r[col[name]], 64); got != want {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

func TestOfficialCSV(t *testing.T) {
	res := decompose(t, "CHN")
	off, err := history.ChinaOfficial()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := results.WriteOfficialCSV(&buf, res.Rows, off); err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(&buf).ReadAll()
	// 1990–2008 and 2010–2017: the years PWT and NBS both have.
	if len(recs) != 1+19+8 || recs[1][0] != "1990" || recs[20][0] != "2010" || recs[27][0] != "2017" {
		t.Fatalf("%d rows: %v … %v", len(recs), recs[1], recs[len(recs)-1])
	}
	if got := strings.Join(recs[27][2:5], ","); got != "6.9,6.8,6.8" {
		t.Errorf("2017 NBS first, final, used: %s", got)
	}
	pwtG, _ := strconv.ParseFloat(recs[27][1], 64)
	lp, _ := strconv.ParseFloat(recs[27][5], 64)
	gap, _ := strconv.ParseFloat(recs[27][6], 64)
	if lp != 100*math.Log1p(0.068) || gap != pwtG-lp {
		t.Errorf("2017: log points %v, gap %v", lp, gap)
	}
}
