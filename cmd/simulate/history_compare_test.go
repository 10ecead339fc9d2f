package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"simulate/pwt"
	"simulate/results"
)

// noYearCountries is the number of countries in PWT 9.1 for which simulate
// history, with its defaults, computes no year (no labsh or no rkna at
// all; docs/history.md quotes it).
const noYearCountries = 48

// TestHistoryAllCountries runs simulate history with its defaults for every
// country of PWT 9.1: each either writes a history.csv with rows and says
// no more than a line about the years before its data begin, or exits 2
// with one message naming what is missing and which choice of inputs would
// work. It counts the second kind.
func TestHistoryAllCountries(t *testing.T) {
	t.Parallel()
	tab, err := pwt.Default()
	if err != nil {
		t.Fatal(err)
	}
	isos := tab.Countries()
	if len(isos) != 182 {
		t.Fatalf("%d countries, want 182", len(isos))
	}
	var mu sync.Mutex
	var failed []string
	t.Run("each", func(t *testing.T) {
		for _, iso := range isos {
			t.Run(iso, func(t *testing.T) {
				t.Parallel()
				out := filepath.Join(t.TempDir(), "out")
				code, stdout, stderr := simulate(t, "history", "--country", iso, "--out", out, "--format", "svg")
				switch code {
				case 0:
					_, rows := readCSV(t, filepath.Join(out, "history-"+iso, "history.csv"))
					if len(rows) == 0 {
						t.Errorf("history.csv has no rows")
					}
					if !strings.Contains(stdout, "mean ") {
						t.Errorf("stdout lacks the means:\n%s", stdout)
					}
					if n := strings.Count(stderr, "before its data begin"); n > 1 {
						t.Errorf("%d lines about the years before the data:\n%s", n, stderr)
					}
					// Years before the first row are never listed one by one.
					first, _ := strconv.Atoi(rows[0][0])
					for y := 1951; y < first; y++ {
						if strings.Contains(stderr, "\n  "+strconv.Itoa(y)+":") {
							t.Errorf("%d is listed on its own:\n%s", y, stderr)
						}
					}
				case exitInvalid:
					for _, want := range []string{"simulate history: " + iso + " (", ") has no year with complete inputs in 1951–2017 (K = rkna, L = auto): ",
						"missing in all 67 years", "; no --labor or --capital choice gives a year"} {
						if !strings.Contains(stderr, want) {
							t.Errorf("message lacks %q:\n%s", want, stderr)
						}
					}
					if n := strings.Count(stderr, "\n"); n != 1 {
						t.Errorf("%d lines, want one message:\n%s", n, stderr)
					}
					if _, err := os.Stat(out); !os.IsNotExist(err) {
						t.Errorf("the output folder was created")
					}
					mu.Lock()
					failed = append(failed, iso)
					mu.Unlock()
				default:
					t.Errorf("exit %d: %s", code, stderr)
				}
			})
		}
	})
	if len(failed) != noYearCountries {
		t.Errorf("%d countries without a computable year, want %d: %v", len(failed), noYearCountries, failed)
	}
	t.Logf("%d of %d countries have no computable year with the defaults", len(failed), len(isos))
}

// TestHistoryCountries runs several countries with periods: each
// country's folder, the comparison folder, the long CSV read back and
// matched with each history.csv, and the period table against means of
// history.csv worked out here for two countries.
func TestHistoryCountries(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "history", "--country", "CHN,USA", "--country", "DEU", "--periods", "1990-2000,2000-2010,2010-2017",
		"--out", out, "--format", "svg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cmp := filepath.Join(out, "history-compare-CHN-USA-DEU")
	for _, f := range []string{"history-CHN/history.csv", "history-CHN/history_periods.csv", "history-CHN/official_growth.csv", "history-USA/history.svg",
		"history-DEU/history_periods.csv", "history-compare-CHN-USA-DEU/history_compare.csv", "history-compare-CHN-USA-DEU/history_periods.csv",
		"history-compare-CHN-USA-DEU/compare_tfp.svg", "history-compare-CHN-USA-DEU/compare_periods.svg"} {
		if !strings.Contains(stdout, "wrote "+filepath.Join(out, f)+"\n") {
			t.Errorf("stdout does not list %s", f)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "history-USA", "official_growth.csv")); !os.IsNotExist(err) {
		t.Errorf("official growth written for the USA: %v", err)
	}
	for _, want := range []string{"United States of America (USA): period averages", "  2010–2017      7  ", "Germany (DEU): period averages"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}

	// history_compare.csv holds every value of each history.csv.
	b, err := os.ReadFile(filepath.Join(cmp, "history_compare.csv"))
	if err != nil {
		t.Fatal(err)
	}
	vals, err := results.ReadHistoryCompareCSV(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	long := map[string]string{}
	for _, v := range vals {
		long[v.Country+"/"+strconv.Itoa(v.Year)+"/"+v.Variable] = results.Format(v.Value)
	}
	n := 0
	for _, iso := range []string{"CHN", "USA", "DEU"} {
		header, rows := readCSV(t, filepath.Join(out, "history-"+iso, "history.csv"))
		for _, r := range rows {
			for i, col := range header {
				if col == "year" || col == "labor_measure" {
					continue
				}
				if got := long[iso+"/"+r[0]+"/"+col]; got != r[i] {
					t.Errorf("%s %s %s: history_compare.csv %q, history.csv %q", iso, r[0], col, got, r[i])
				}
				n++
			}
		}
	}
	if n != len(vals) {
		t.Errorf("history_compare.csv holds %d values, the history.csv files %d", len(vals), n)
	}

	// The period table, by hand from history.csv, for China and the USA.
	_, periods := readCSV(t, filepath.Join(cmp, "history_periods.csv"))
	if len(periods) != 9 {
		t.Fatalf("%d rows in history_periods.csv, want 3 countries × 3 periods", len(periods))
	}
	for _, iso := range []string{"CHN", "USA"} {
		header, rows := readCSV(t, filepath.Join(out, "history-"+iso, "history.csv"))
		col := map[string]int{}
		for i, c := range header {
			col[c] = i
		}
		for _, p := range periods {
			if p[0] != iso {
				continue
			}
			from, _ := strconv.Atoi(p[2])
			to, _ := strconv.Atoi(p[3])
			var gdp, k, l, q, tfp float64
			for _, r := range rows {
				y, _ := strconv.Atoi(r[0])
				if y <= from || y > to {
					continue
				}
				f := func(c string) float64 { v, _ := strconv.ParseFloat(r[col[c]], 64); return v / float64(to-from) }
				gdp, k, l, q, tfp = gdp+f("gdp_growth_pct"), k+f("capital_pp"), l+f("labor_pp"), q+f("labor_quality_pp"), tfp+f("tfp_pp")
			}
			for i, want := range map[int]float64{6: gdp, 7: k, 8: l, 10: q, 11: tfp, 18: 100 * tfp / gdp} {
				got, _ := strconv.ParseFloat(p[i], 64)
				if math.Abs(got-want) > 1e-12*max(1, math.Abs(want)) {
					t.Errorf("%s %s %s: %v, by hand %v", iso, p[1], results.HistoryPeriodColumns[i], got, want)
				}
			}
		}
	}

	// Without --periods the comparison uses the decades of the common years.
	out2 := t.TempDir()
	code, stdout, stderr = simulate(t, "history", "--country", "CHN,USA", "--out", out2, "--format", "svg")
	if code != 0 || !strings.Contains(stdout, "the decades of 1956–2017, the years all countries have; --periods chooses others): 1960–1970, 1970–1980") {
		t.Errorf("exit %d, %s\n%s", code, stderr, stdout)
	}
	svg, err := os.ReadFile(filepath.Join(out2, "history-compare-CHN-USA", "compare_periods.svg"))
	if err != nil || !bytes.Contains(svg, []byte("2010–2017")) {
		t.Errorf("compare_periods.svg: %v", err)
	}
}

// TestHistoryList checks --list: every country with its years, the count
// of those without a year, and nothing written.
func TestHistoryList(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := simulate(t, "history", "--list", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"ISO  country                             GDP data   auto            hours-hc        persons-hc      persons",
		"CHN  China                               1952–2017  1957–2017 (61)  1971–2017 (47)  1957–2017 (61)  1957–2017 (61)",
		"PAK  Pakistan                            1950–2017  –               –               –               –",
		"182 countries; 48 have no year that any labour measure computes with K = rkna",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	if n := strings.Count(stdout, "\n"); n != 182+4 {
		t.Errorf("%d lines, want 182 countries, a header of 3 and a count", n)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--list wrote %s", out)
	}
	code, stdout, _ = simulate(t, "history", "--list", "--country", "usa,KEN", "--capital", "rnna")
	if code != 0 || !strings.Contains(stdout, "KEN  Kenya") || strings.Contains(stdout, "CHN") || !strings.Contains(stdout, "2 countries; 0 have no year") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

// TestHistoryOfficial checks China's official growth: the gap by period
// printed, official_growth.csv, and the line in the chart.
func TestHistoryOfficial(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "history", "--country", "CHN", "--from", "2010", "--periods", "2011-2017", "--out", out, "--format", "svg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// NBS: final figures where revised, else first (data/README.md), for
	// 2010–2017; PWT: gdp_growth_pct of history.csv.
	nbs := []float64{10.4, 9.2, 7.7, 7.7, 7.3, 6.9, 6.7, 6.8}
	_, hist := readCSV(t, filepath.Join(out, "history-CHN", "history.csv"))
	mean := func(first int) (pwtMean, nbsMean float64) {
		for i := first; i < len(nbs); i++ {
			g, _ := strconv.ParseFloat(hist[i][1], 64)
			pwtMean += g / float64(len(nbs)-first)
			nbsMean += 100 * math.Log1p(nbs[i]/100) / float64(len(nbs)-first)
		}
		return pwtMean, nbsMean
	}
	p1, n1 := mean(2) // 2011–2017: growth of 2012–2017
	p2, n2 := mean(0) // 2009–2017, the years both have
	for _, want := range []string{
		"China: real GDP growth in PWT (rgdpna) and official (NBS, final figures where revised), log points a year, over the years both have",
		fmt.Sprintf("  2011–2017      6  %.2f  %.2f      %.2f", p1, n1, p1-n1),
		fmt.Sprintf("  2009–2017      8  %.2f  %.2f      %.2f", p2, n2, p2-n2),
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	header, rows := readCSV(t, filepath.Join(out, "history-CHN", "official_growth.csv"))
	if strings.Join(header, ",") != strings.Join(results.OfficialColumns, ",") || len(rows) != 8 || rows[0][0] != "2010" || rows[0][4] != "10.4" {
		t.Errorf("official_growth.csv: %v, %d rows, first %v", header, len(rows), rows[0])
	}
	svg, err := os.ReadFile(filepath.Join(out, "history-CHN", "history.svg"))
	if err != nil || !bytes.Contains(svg, []byte("Official growth, NBS")) {
		t.Errorf("history.svg lacks the official line: %v", err)
	}
}
