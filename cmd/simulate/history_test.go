package main

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"simulate/internal/race"
	"simulate/pwt"
	"simulate/results"
)

// readCSV reads a CSV file into its header and rows.
func readCSV(t *testing.T, file string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// checkPNG checks that file is a PNG image of 1600 × 1000 pixels, the size
// of every chart.
func checkPNG(t *testing.T, file string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(file), err)
	}
	if got := img.Bounds().Size(); got.X != 1600 || got.Y != 1000 {
		t.Errorf("%s: %v pixels, want 1600×1000", filepath.Base(file), got)
	}
}

// rtfpnaTol bounds |tfp_pp − 100·dln rtfpna| in percentage points: the
// history package reproduces PWT's rtfpna growth to about 1e-7 in log growth
// (data README: 1.3e-7 for CHN 1971–2017 and USA 1955–2017), 1e-5 pp; the
// CSV holds full precision.
const rtfpnaTol = 1e-4

// TestHistoryReproducesRTFPNA runs `simulate history` with the defaults for
// China and the USA and checks history.csv against PWT's own TFP series:
// its tfp_pp is 100·dln(rtfpna) in every year computed on hours, and the
// contributions add up. It checks the columns added after the first six
// too: labour hours + quality = labour, and growth per person and per
// worker from PWT's pop and emp.
func TestHistoryReproducesRTFPNA(t *testing.T) {
	t.Parallel()
	tab, err := pwt.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		iso         string
		first, last int // of the rows; the automatic measure falls back to emp×hc before hours begin
		hours       int // first year on hours
	}{{"CHN", 1957, 2017, 1971}, {"USA", 1955, 2017, 1955}} {
		t.Run(tt.iso, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			code, stdout, stderr := simulate(t, "history", "--country", tt.iso, "--out", out, "--format", "svg")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			dir := filepath.Join(out, "history-"+tt.iso)
			header, rows := readCSV(t, filepath.Join(dir, "history.csv"))
			if got := strings.Join(header, ","); got != strings.Join(results.HistoryColumns, ",") ||
				!strings.HasPrefix(got, "year,gdp_growth_pct,capital_pp,labor_pp,tfp_pp,labor_share,") {
				t.Errorf("header %s", got)
			}
			s, _ := tab.Country(tt.iso)
			var maxDiff float64
			hoursYears := 0
			for _, r := range rows {
				v := make([]float64, len(r))
				for i, cell := range r {
					if header[i] == "labor_measure" {
						continue
					}
					if v[i], err = strconv.ParseFloat(cell, 64); err != nil {
						t.Fatalf("row %v: %v", r, err)
					}
				}
				year := int(v[0])
				p, _ := s.Row(year - 1)
				c, _ := s.Row(year)
				if sum := v[2] + v[3] + v[4]; math.Abs(sum-v[1]) > 1e-12 {
					t.Errorf("%d: contributions add to %v, growth %v", year, sum, v[1])
				}
				if v[6]+v[7] != v[3] {
					t.Errorf("%d: labour hours %v + quality %v ≠ labour %v", year, v[6], v[7], v[3])
				}
				value := func(row pwt.Row, x pwt.Var) float64 { f, _ := row.Value(x); return f }
				y0, y1 := value(p, pwt.RGDPNA), value(c, pwt.RGDPNA)
				if want := 100 * math.Log((y1/value(c, pwt.POP))/(y0/value(p, pwt.POP))); math.Abs(v[9]-want) > 1e-9 {
					t.Errorf("%d: per capita %v, want 100·Δln(rgdpna/pop) = %v", year, v[9], want)
				}
				if want := 100 * math.Log((y1/value(c, pwt.EMP))/(y0/value(p, pwt.EMP))); math.Abs(v[10]-want) > 1e-9 {
					t.Errorf("%d: per worker %v, want 100·Δln(rgdpna/emp) = %v", year, v[10], want)
				}
				if wantM := map[bool]string{true: "hours-hc", false: "persons-hc"}[year >= tt.hours]; r[8] != wantM {
					t.Errorf("%d: labor_measure %s, want %s", year, r[8], wantM)
				}
				if r[8] != "hours-hc" {
					continue
				}
				hoursYears++
				want := 100 * math.Log(value(c, pwt.RTFPNA)/value(p, pwt.RTFPNA))
				d := math.Abs(v[4] - want)
				maxDiff = max(maxDiff, d)
				if !(d <= rtfpnaTol) {
					t.Errorf("%d: tfp_pp %v, 100·dln rtfpna %v", year, v[4], want)
				}
			}
			if got := rows[0][0] + "–" + rows[len(rows)-1][0]; got != strconv.Itoa(tt.first)+"–"+strconv.Itoa(tt.last) {
				t.Errorf("years %s, want %d–%d", got, tt.first, tt.last)
			}
			if hoursYears != tt.last-tt.hours+1 {
				t.Errorf("%d years on hours, want %d–%d", hoursYears, tt.hours, tt.last)
			}
			t.Logf("%s: max |tfp_pp − 100·dln rtfpna| = %.2g pp over %d years on hours", tt.iso, maxDiff, hoursYears)
			if !strings.Contains(stdout, "wrote "+filepath.Join(dir, "history.csv")) || !strings.Contains(stdout, "wrote "+filepath.Join(dir, "history.svg")) ||
				!strings.Contains(stdout, "mean ") {
				t.Errorf("stdout lacks the table or the files written:\n%s", stdout)
			}
		})
	}
}

// TestHistorySkipped checks that years without complete inputs are reported
// on stderr and are not in the CSV: the years before the data begin in one
// line, the years between rows one by one.
func TestHistorySkipped(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, _, stderr := simulate(t, "history", "--country", "chn", "--labor", "hours-hc", "--from", "1965", "--to", "1975", "--out", out, "--format", "svg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "simulate: CHN: no row for 1965–1970 (6 years), before its data begin: avh missing 1964–1969\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	_, rows := readCSV(t, filepath.Join(out, "history-CHN", "history.csv"))
	if len(rows) != 5 || rows[0][0] != "1971" || rows[4][0] != "1975" {
		t.Errorf("got %d rows from %s, want 1971–1975", len(rows), rows[0][0])
	}

	// The defaults: six years before the data begin, in one line.
	code, _, stderr = simulate(t, "history", "--country", "CHN", "--out", t.TempDir(), "--format", "svg")
	if want := "simulate: CHN: no row for 1951–1956 (6 years), before its data begin: rgdpna missing 1950–1951, labsh missing 1950–1951, rkna missing 1950–1955, emp missing 1950–1951\n"; code != 0 || stderr != want {
		t.Errorf("exit %d, stderr %q; want %q", code, stderr, want)
	}

	// A gap between rows is listed year by year, and the years after the
	// data end in one line.
	gap := writeTemp(t, "gap.csv", dataHeader+
		"X,XYZ,2000,100,200,1,10,2000,2,0.6,1\n"+
		"X,XYZ,2001,105,210,1.04,10.1,1990,2.01,0.64,1\n"+
		"X,XYZ,2002,,,,,,,,\n"+
		"X,XYZ,2003,110,220,1.08,10.2,1980,2.02,0.64,1\n"+
		"X,XYZ,2004,115,230,1.12,10.3,1970,2.03,0.64,1\n"+
		"X,XYZ,2005,,,,,,,,\n"+
		"X,XYZ,2006,,,,,,,,\n")
	code, _, stderr = simulate(t, "history", "--data", gap, "--country", "XYZ", "--out", t.TempDir(), "--format", "svg")
	for _, want := range []string{
		"simulate: XYZ: 2 years without complete inputs have no row:\n  2002: rgdpna 2002 missing",
		"  2003: rgdpna 2002 missing",
		"simulate: XYZ: no row for 2005–2006 (2 years), after its data end: rgdpna missing 2005–2006",
	} {
		if code != 0 || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, stderr)
		}
	}
}

func TestHistoryOptions(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "history", "--country", "CHN", "--capital", "rnna", "--labor", "persons", "--from", "2000", "--out", out, "--format", "svg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "K = rnna, L = emp;") {
		t.Errorf("stdout does not name the inputs:\n%s", stdout)
	}
	_, rows := readCSV(t, filepath.Join(out, "history-CHN", "history.csv"))
	if len(rows) != 18 {
		t.Errorf("%d rows, want 18 (2000–2017)", len(rows))
	}
}

// TestHistoryChartFlags checks --format, --lang and --font of history: the
// chart in each format next to history.csv, in Chinese on request, and the
// usage errors of run's chart flags, before anything is written. Under
// -race it leaves out PNG, which TestRunCharts renders.
func TestHistoryChartFlags(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	formats := []string{"png", "svg", "pdf"}
	if race.Enabled {
		formats = formats[1:]
	}
	code, stdout, stderr := simulate(t, "history", "--country", "CHN", "--from", "2010", "--out", out, "--format", strings.Join(formats, ","))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	dir := filepath.Join(out, "history-CHN")
	for _, f := range append([]string{"csv"}, formats...) {
		if !strings.Contains(stdout, "wrote "+filepath.Join(dir, "history."+f)) {
			t.Errorf("stdout lacks history.%s:\n%s", f, stdout)
		}
	}
	if !race.Enabled {
		checkPNG(t, filepath.Join(dir, "history.png"))
	}
	svg, err := os.ReadFile(filepath.Join(dir, "history.svg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"China (CHN): sources of real GDP growth, 2010–2017", "Capital (K)", ">2017<",
		"Labour: hours (L)", "Labour quality (hc)", "Official growth, NBS", "Data: Penn", "Timmer 2015)."} { // the caption wraps
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("history.svg lacks %q", want)
		}
	}

	zh := t.TempDir()
	code, _, stderr = simulate(t, "history", "--country", "CHN", "--from", "2010", "--out", zh, "--lang", "zh", "--format", "svg")
	if code != 0 {
		t.Fatalf("zh: exit %d: %s", code, stderr)
	}
	svg, err = os.ReadFile(filepath.Join(zh, "history-CHN", "history.zh.svg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"中国（CHN）：2010–2017年实际GDP增长的来源", "全要素生产率（TFP）", "数据来源：佩恩表 9.1"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("zh history.svg lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(zh, "history-CHN", "history.png")); !os.IsNotExist(err) {
		t.Errorf("history.png written though --format svg: %v", err)
	}

	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"zh pdf", []string{"--lang", "zh", "--format", "pdf"}, "--format pdf cannot draw Chinese text"},
		{"bad lang", []string{"--lang", "fr"}, `--lang "fr"`},
		{"bad format", []string{"--format", "jpeg"}, `--format "jpeg"`},
		{"font for en", []string{"--font", "x.ttf"}, "--font is for --lang zh"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			// A bad capital input is reported together with the chart flag.
			args := append([]string{"history", "--country", "CHN", "--capital", "stock", "--out", dir}, tt.args...)
			code, _, stderr := simulate(t, args...)
			if code != 2 || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "--capital") {
				t.Errorf("exit %d, stderr %s; want 2, %q and --capital", code, stderr, tt.want)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("the output folder was created")
			}
		})
	}
}

// writeTemp writes content to a file in a temporary folder and returns its path.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	return writeFile(t, t.TempDir(), name, content)
}

const dataHeader = "country,isocode,year,rgdpna,rnna,rkna,emp,avh,hc,labsh,rtfpna\n"

func TestHistoryData(t *testing.T) {
	t.Parallel()
	good := writeTemp(t, "mini.csv", dataHeader+
		"X,XYZ,2000,100,200,1,10,2000,2,0.6,1\n"+
		"X,XYZ,2001,105,210,1.04,10.1,1990,2.01,0.64,1\n")
	out := t.TempDir()
	code, _, stderr := simulate(t, "history", "--data", good, "--country", "XYZ", "--out", out, "--format", "svg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, rows := readCSV(t, filepath.Join(out, "history-XYZ", "history.csv"))
	if len(rows) != 1 || rows[0][0] != "2001" {
		t.Errorf("rows %v, want one for 2001", rows)
	}
	if svg, err := os.ReadFile(filepath.Join(out, "history-XYZ", "history.svg")); err != nil || !bytes.Contains(svg, []byte("XYZ")) {
		t.Errorf("history.svg: %v, or it does not name the country", err)
	}
}

// TestHistoryErrors checks the exit code 2 and the message for bad usage and
// bad data, and that nothing is written.
func TestHistoryErrors(t *testing.T) {
	t.Parallel()
	bad := writeTemp(t, "bad.csv", dataHeader+
		"X,XYZ,2000,100,200,1,10,2000,2,0.6,1\n"+
		"X,XYZ,2001,105,abc,1.04,10.1,1990,2.01,0.64,1\n")
	ragged := writeTemp(t, "ragged.csv", dataHeader+"X,XYZ,2000,100,200\n")
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"unknown country", []string{"--country", "ZZZ"}, []string{`unknown country "ZZZ"`, "of these 182", "CHN", "USA"}},
		{"unknown countries", []string{"--country", "CHN,ZZZ", "--country", "QQQ"}, []string{`unknown countries "ZZZ", "QQQ": the embedded Penn World Table 9.1 has no rows for them`}},
		{"twice", []string{"--country", "CHN,usa", "--country", "chn"}, []string{"--country: CHN is given twice"}},
		{"empty code", []string{"--country", "CHN,,USA"}, []string{`--country: an empty code in "CHN,,USA"`}},
		{"periods", []string{"--country", "CHN", "--periods", "2000-1990,1990"}, []string{
			`--periods: period "2000-1990" is reversed: write 1990-2000`, `--periods: period "1990" is not FROM-TO`}},
		{"periods outside", []string{"--country", "CHN,USA", "--periods", "1950-1960"}, []string{
			"--periods: period 1950-1960 is outside the data of CHN, which give growth for 1957–2017: periods may run from 1956 to 2017",
			"--periods: period 1950-1960 is outside the data of USA, which give growth for 1955–2017"}},
		{"no country", nil, []string{"give the country with --country ISO"}},
		{"from after to", []string{"--country", "CHN", "--from", "2010", "--to", "2000"}, []string{"--from 2010 is after --to 2000"}},
		{"bad capital", []string{"--country", "CHN", "--capital", "stock"}, []string{`--capital: unknown capital input "stock"; allowed: rkna, rnna`}},
		{"bad labor", []string{"--country", "CHN", "--labor", "hours"}, []string{`--labor: unknown labour input "hours"; allowed: hours-hc, persons, persons-hc, auto`}},
		{"malformed data", []string{"--data", bad, "--country", "XYZ"}, []string{"bad.csv: pwt: line 3, column \"rnna\": \"abc\" is not a number"}},
		{"ragged data", []string{"--data", ragged, "--country", "XYZ"}, []string{"line 2: 5 fields, header has 11"}},
		{"missing data file", []string{"--data", filepath.Join(t.TempDir(), "none.csv"), "--country", "XYZ"}, []string{"none.csv: no such file"}},
		{"no data in range", []string{"--country", "CHN", "--to", "1956"}, []string{
			"CHN (China) has no year with complete inputs in 1951–1956 (K = rkna, L = auto): rkna is missing in all 6 years, rgdpna in 2, labsh in 2, emp in 2; --capital rnna gives 4 years (1953–1956)"}},
		{"no data", []string{"--country", "PAK"}, []string{
			"PAK (Pakistan) has no year with complete inputs in 1951–2017 (K = rkna, L = auto): labsh and rkna are missing in all 67 years; no --labor or --capital choice gives a year"}},
		{"no hours", []string{"--country", "KEN", "--labor", "hours-hc"}, []string{
			"KEN (Kenya) has no year with complete inputs in 1951–2017 (K = rkna, L = hours-hc): avh is missing in all 67 years, rkna in 4; --capital rnna --labor auto gives 67 years (1951–2017); --labor auto gives 63 years (1955–2017)"}},
		{"argument", []string{"CHN"}, []string{"history takes no arguments"}},
		{"unknown flag", []string{"--country", "CHN", "--capitol", "rnna"}, []string{"unknown flag --capitol; did you mean --capital?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := simulate(t, append(append([]string{"history"}, tt.args...), "--out", out)...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("the output folder was created")
			}
		})
	}
	if code, stdout, _ := simulate(t, "history", "-h"); code != 0 || !strings.Contains(stdout, "--capital rkna|rnna") {
		t.Errorf("-h: exit %d, usage %q", code, stdout)
	}
}

// TestRunSolowChina runs the shipped Solow scenario: the same table and
// results.csv columns as every scenario, and the history + projection chart
// beside the others, in the formats and language asked for.
func TestRunSolowChina(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "run", "--out", out, "--format", "svg", "solow-china")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"solow-china — Supply side", "II share %", "period 2018–2024", "history_projection.svg"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	header, rows := readCSV(t, filepath.Join(out, "solow-china", "results.csv"))
	if strings.Join(header, ",") != strings.Join(results.Columns, ",") {
		t.Errorf("header %v, want %v", header, results.Columns)
	}
	if len(rows) != 7 || rows[0][0] != "2018" || rows[6][0] != "2024" {
		t.Errorf("%d rows, want 2018–2024", len(rows))
	}
	if svg, err := os.ReadFile(filepath.Join(out, "solow-china", "history_projection.svg")); err != nil ||
		!bytes.Contains(svg, []byte("China: growth accounting 2000–2017 and projection")) {
		t.Errorf("history_projection.svg: %v, or it lacks its English title", err)
	}
	if _, err := os.Stat(filepath.Join(out, "solow-china", "summary.json")); err != nil {
		t.Error(err)
	}

	// The chart follows run's --format and --lang: written, and listed,
	// in each format asked for and no other, in Chinese.
	zh := t.TempDir()
	code, _, stderr = simulate(t, "run", "--out", zh, "--lang", "zh", "--format", "svg,pdf", "solow-china")
	if code == 0 || !strings.Contains(stderr, "--format pdf cannot draw Chinese text") {
		t.Errorf("zh pdf: exit %d, stderr %s; want the usage error", code, stderr)
	}
	code, stdout, stderr = simulate(t, "run", "--out", zh, "--lang", "zh", "--format", "svg", "solow-china")
	if code != 0 {
		t.Fatalf("zh: exit %d: %s", code, stderr)
	}
	dir := filepath.Join(zh, "solow-china")
	for _, f := range []string{"history_projection.zh.svg", "ii_increment.zh.svg"} {
		if !strings.Contains(stdout, "wrote "+filepath.Join(dir, f)) {
			t.Errorf("stdout does not list %s:\n%s", f, stdout)
		}
	}
	if strings.Contains(stdout, ".png") {
		t.Errorf("PNG written though --format svg:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "history_projection.zh.png")); !os.IsNotExist(err) {
		t.Errorf("history_projection.zh.png exists though --format svg: %v", err)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "history_projection.zh.svg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"中国：2000–2017年增长核算与“solow-china”情景2018–2024年预测", "历史：对数百分点", "预测：%",
		"Report 2024（空心柱）：L 0.2 + K 1.8 + TFP 3.5个百分点"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("history_projection.svg lacks %q", want)
		}
	}
}

// TestRunHistoryErrors: a scenario whose history names a country PWT does
// not have fails with exit 2 and writes nothing.
func TestRunHistoryErrors(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("..", "..", "scenarios", "solow-china.toml"))
	if err != nil {
		t.Fatal(err)
	}
	bad := writeTemp(t, "bad.toml", strings.Replace(string(src), `country = "CHN"`, `country = "ZZZ"`, 1))
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := simulate(t, "run", "--out", out, "--format", "svg", bad)
	// Refused when the scenario is loaded, at the key (issue 17: validate
	// passed it and run named no line).
	if code != 2 || !regexp.MustCompile(`bad\.toml:\d+:1: history\.country: unknown country "ZZZ"`).MatchString(stderr) {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output folder was created")
	}
}
