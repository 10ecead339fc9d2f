package main

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"simulate/history"
	"simulate/metrics"
	"simulate/model"
	"simulate/scenarios"
)

// TestHistoryProjectionAgrees checks that the observed years of a
// history_projection chart are those of the simulate history command its
// caption gives: the scenario's capital and labour measures.
func TestHistoryProjectionAgrees(t *testing.T) {
	s, err := scenarios.Open("solow-china")
	if err != nil {
		t.Fatal(err)
	}
	h := s.History
	tab, err := loadTable("")
	if err != nil {
		t.Fatal(err)
	}
	series, err := countrySeries(tab, h.Country, "")
	if err != nil {
		t.Fatal(err)
	}
	hist, err := history.Decompose(series, history.Options{Capital: h.Capital, Labour: h.Labour, From: h.From, To: h.To})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cmd := historyCommand(h)
	if !strings.Contains(cmd, "--capital rnna") {
		t.Errorf("command %q does not give solow-china's capital measure", cmd)
	}
	args := append(strings.Fields(strings.TrimPrefix(cmd, "simulate ")), "--out", dir)
	if code, stdout, stderr := simulate(t, args...); code != exitOK {
		t.Fatalf("%s: exit %d\n%s%s", cmd, code, stdout, stderr)
	}
	head, rows := readCSV(t, filepath.Join(dir, "history-CHN", "history.csv"))
	tfp := -1
	for i, c := range head {
		if c == "tfp_pp" {
			tfp = i
		}
	}
	if len(rows) != len(hist.Rows) || tfp < 0 {
		t.Fatalf("%d rows (tfp_pp column %d), want %d", len(rows), tfp, len(hist.Rows))
	}
	for i, r := range hist.Rows {
		got, _ := strconv.ParseFloat(rows[i][tfp], 64)
		if math.Abs(got-r.TFP) > 1e-9 {
			t.Errorf("%s: TFP %g, chart's %g", rows[i][0], got, r.TFP)
		}
	}
}

var svgText = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// svgTexts returns the text elements of an SVG file.
func svgTexts(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range svgText.FindAllStringSubmatch(string(b), -1) {
		out = append(out, unescape(m[1]))
	}
	return out
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`).Replace(s)
}

// codeWords are the key paths and metric names no chart text but the
// caption may hold.
func codeWords() []string {
	w := model.Keys()
	for _, c := range append(append([]metrics.Column(nil), metrics.Columns...), metrics.Totals...) {
		w = append(w, c.Name)
	}
	return w
}

// TestChartsSpeakWords runs every chart command in both languages as SVG
// and checks that the scenario is named (for a scenario other than the
// baseline too), that the human labels are there, and that no text but the
// caption's last lines holds a key path or a metric name.
func TestChartsSpeakWords(t *testing.T) {
	t.Parallel()
	words := codeWords()
	for _, lang := range []string{"en", "zh"} {
		dir := t.TempDir()
		runs := [][]string{
			{"run", "actual2019-2024"},
			{"sweep", "--param", "capital.ict_share=0.1:0.2:3"},
			{"sweep", "--param", "capital.ict_share=0.1:0.2:3", "--param", "gdp.growth_pct+-1:1:3", "--metric", "ii_share_pct[2024]"},
			{"tornado"},
			{"sobol", "--n", "64"},
			{"mc", "--draws", "200"},
			{"calibrate", "--out", filepath.Join(dir, "x.toml"), "report2020"},
			{"compare", "report2020", "actual2019-2024"},
		}
		for _, r := range runs {
			args := append(append([]string{}, r...), "--lang", lang, "--format", "svg")
			if r[0] != "calibrate" {
				args = append(args, "--out", dir)
			}
			if code, stdout, stderr := simulate(t, args...); code != exitOK {
				t.Fatalf("%v: exit %d\n%s%s", args, code, stdout, stderr)
			}
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.svg"))
		more, _ := filepath.Glob(filepath.Join(dir, "*", "*", "*.svg"))
		top, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
		files = append(append(files, more...), top...)
		t.Logf("%s: %d charts", lang, len(files))
		if len(files) < 10 {
			t.Fatalf("%s: %d charts", lang, len(files))
		}
		for _, f := range files {
			texts := svgTexts(t, f)
			all := strings.Join(texts, "\n")
			name := "report2020"
			switch {
			case strings.Contains(f, "actual2019-2024"):
				name = "actual2019-2024"
			case strings.HasSuffix(filepath.Base(f), ".fit.svg") || strings.HasSuffix(filepath.Base(f), ".fit.zh.svg"):
				name = "x"
			}
			if strings.Contains(f, "compare-") {
				// Each series by its name in the legend (the reference of
				// the difference chart in its title).
				for _, n := range []string{"report2020", "actual2019-2024"} {
					if !slices.Contains(texts, n) && !strings.Contains(f, "compare_ii_diff") {
						t.Errorf("%s: no legend entry %q", f, n)
					}
					if !strings.Contains(all, n) {
						t.Errorf("%s: %q is not named", f, n)
					}
				}
			} else if !strings.Contains(all, "“"+name+"”") {
				t.Errorf("%s: the scenario %q is not named", f, name)
			}
			// The caption is the last lines, in the caption's grey.
			caption := captionTexts(t, f)
			for _, s := range texts {
				if caption[s] {
					continue
				}
				for _, w := range words {
					if strings.Contains(s, w) {
						t.Errorf("%s: %q holds %q outside the caption", f, s, w)
					}
				}
			}
		}
	}
}

// The caption is set in 8-point grey (plots' sizeCaption, colorCaption).
var captionText = regexp.MustCompile(`<text[^>]*style="[^"]*font-size:8px;fill:#555555[^"]*"[^>]*>([^<]*)</text>`)

// captionTexts returns the texts of an SVG drawn in the caption's colour.
func captionTexts(t *testing.T, file string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, m := range captionText.FindAllStringSubmatch(string(b), -1) {
		out[unescape(m[1])] = true
	}
	return out
}
