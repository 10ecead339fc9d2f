package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"simulate/output"
	"simulate/results"
	"simulate/scenarios"
	"simulate/sensitivity"
)

// The economist's first hour (issue 10): each numbered problem found by
// following the README as a new user, replayed, asserting the behaviour
// that replaced it.

// inDir runs simulate with the working directory dir: the user's
// folder, where relative paths and out/ resolve. Tests that use it are
// not parallel (t.Chdir).
func inDir(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	defer t.Chdir(wd)
	return simulate(t, args...)
}

// column reads a column of a results.csv.
func column(t *testing.T, file, name string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	k := -1
	for i, c := range rows[0] {
		if c == name {
			k = i
		}
	}
	if k < 0 {
		t.Fatalf("%s has no column %s", file, name)
	}
	var vs []string
	for _, r := range rows[1:] {
		vs = append(vs, r[k])
	}
	return vs
}

func contains(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// 1. The command: `simulate version` and `simulate --version`; the README
// installs the command and every example, in README and docs, calls it.
func TestFirstHourCommand(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, stderr := simulate(t, args...)
		if code != 0 || !regexp.MustCompile(`^simulate \S+ \(.*go1\.`).MatchString(stdout) {
			t.Errorf("%v: exit %d, %q %q", args, code, stdout, stderr)
		}
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "README", string(readme), "go install ./cmd/simulate", "$(go env GOPATH)/bin", "simulate run")
	docs, _ := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	for _, f := range append(docs, filepath.Join("..", "..", "README.md")) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The README's set-up runs the main job once with go run (a fresh
		// clone needs nothing else); every example calls simulate.
		allowed := 0
		if filepath.Base(f) == "README.md" {
			allowed = 1
			if !strings.Contains(string(b), "go run ./cmd/simulate run ") {
				t.Errorf("%s: the Quick start lacks the main job, go run ./cmd/simulate run", f)
			}
		}
		if n := strings.Count(string(b), "go run ./cmd/simulate"); n > allowed {
			t.Errorf("%s runs the command with go run %d times: examples call simulate", f, n)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", "LICENSE")); err != nil {
		t.Error(err)
	}
}

// 2. `simulate show report2020 > mine.toml`, edit φ and the 2022–2024
// growth, run: the copy runs as mine into out/mine/, never touches
// out/report2020/, and compares with the baseline.
func TestFirstHourCopy(t *testing.T) {
	dir := t.TempDir()
	code, src, stderr := simulate(t, "show", "report2020")
	if code != 0 {
		t.Fatal(stderr)
	}
	src = strings.Replace(src, "ict_share = 0.15", "ict_share = 0.2", 1)
	src = strings.Replace(src, "2022 = 5.7, 2023 = 5.6, 2024 = 5.5", "2022 = 3.0, 2023 = 5.2, 2024 = 5.0", 1)
	writeFile(t, dir, "mine.toml", src)
	code, stdout, stderr := inDir(t, dir, "run", "--format", "svg", "mine.toml")
	if code != 0 {
		t.Fatal(stderr)
	}
	contains(t, "run's table", stdout, "mine — Copy of report2020", "wrote "+filepath.Join("out", "mine", "results.csv"))
	if _, err := os.Stat(filepath.Join(dir, "out", "report2020")); !os.IsNotExist(err) {
		t.Errorf("the copy wrote into out/report2020: %v", err)
	}
	if got := column(t, filepath.Join(dir, "out", "mine", "results.csv"), "growth_pct"); strings.Join(got, " ") != "6.3 6.1 6 3 5.2 5" {
		t.Errorf("growth %v", got)
	}
	code, stdout, stderr = inDir(t, dir, "compare", "--format", "svg", "report2020", "mine.toml")
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, stderr)
	}
	contains(t, "compare", stdout, "compare-report2020-mine")
}

// 3. A file with only extends and capital.share_pct = 40 runs: TFP takes
// the residual, 56.3 %; validate notes the inherited stated TFP share it
// no longer checks.
func TestFirstHourShareOverride(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "k40.toml", "extends = \"report2020\"\n[capital]\nshare_pct = 40\n")
	code, stdout, stderr := simulate(t, "validate", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	contains(t, "validate", stdout, "k40.toml: ok", "note: tfp.share_pct = 63.9, stated in embedded:report2020.toml:61, is not checked in 2019–2024", "residual, 56.3 %")
	out := filepath.Join(dir, "out")
	if code, _, stderr := simulate(t, "run", "--format", "svg", "--out", out, f); code != 0 {
		t.Fatal(stderr)
	}
	for _, v := range column(t, filepath.Join(out, "k40", "results.csv"), "tfp_share_pct") {
		if x, _ := strconv.ParseFloat(v, 64); x < 56.3-1e-9 || x > 56.3+1e-9 {
			t.Errorf("TFP share %s %%, want 56.3 %%", v)
		}
	}
	if got := column(t, filepath.Join(out, "k40", "results.csv"), "capital_share_pct"); got[0] != "40" {
		t.Errorf("capital share %v", got)
	}
}

// 4. growth_pct = { 2022 = 3.0, 2023 = 5.2, 2024 = 5.0 } in an extending
// file: 2019–2021 are inherited.
func TestFirstHourPartialTable(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "late.toml", "extends = \"report2020\"\n[gdp]\ngrowth_pct = { 2022 = 3.0, 2023 = 5.2, 2024 = 5.0 }\n")
	out := filepath.Join(dir, "out")
	if code, _, stderr := simulate(t, "run", "--format", "svg", "--out", out, f); code != 0 {
		t.Fatal(stderr)
	}
	if got := column(t, filepath.Join(out, "late", "results.csv"), "growth_pct"); strings.Join(got, " ") != "6.3 6.1 6 3 5.2 5" {
		t.Errorf("growth %v, want 2019–2021 inherited", got)
	}
	// In a file that extends nothing a missing year is still an error.
	src, _ := os.ReadFile(filepath.Join("..", "..", "testdata", "bad", "missing-year.toml"))
	if code, _, stderr := simulate(t, "validate", writeFile(t, dir, "alone.toml", string(src))); code != 2 || !strings.Contains(stderr, "missing year 2020") {
		t.Errorf("alone: exit %d, %s", code, stderr)
	}
}

// 5. A misspelt key, a string where a number belongs and
// capital.share_pct = 99: all three in one run, the share once.
func TestFirstHourValidateAll(t *testing.T) {
	f := writeFile(t, t.TempDir(), "three.toml", "extends = \"report2020\"\n[capital]\nict_shar = 0.2\nprivate_ii_share = \"0.3\"\nshare_pct = 99\n")
	for _, cmd := range []string{"validate", "run"} {
		code, _, stderr := simulate(t, cmd, "--", f)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2", cmd, code)
		}
		contains(t, cmd, stderr,
			"simulate "+cmd+": ",
			"three.toml:3:1: capital.ict_shar: unknown key \"ict_shar\" in [capital]; did you mean ict_share?",
			"three.toml:4:1: capital.private_ii_share: must be a number",
			"three.toml:5:1: capital.share_pct: labour and capital shares add up to 102.7 % of growth in 2019–2024")
		if n := strings.Count(stderr, "102.7"); n != 1 {
			t.Errorf("%s: the share's problem is reported %d times, want once", cmd, n)
		}
	}
}

// 6. report2020 (2018 prices, 2019–2024) against solow-china (2017
// prices, 2018–2024): a warning naming both, a period column, captions
// that name each price base, no difference across price bases, and the
// comparison's own folder.
func TestFirstHourComparePrices(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "compare", "--out", out, "--format", "svg", "report2020", "solow-china")
	if code != 0 {
		t.Fatal(stderr)
	}
	if !regexp.MustCompile(`(?m)^warning: .*report2020 at 2018 prices, 2019–2024; solow-china at 2017 prices, 2018–2024`).MatchString(stderr) {
		t.Errorf("no warning naming the price bases and periods:\n%s", stderr)
	}
	contains(t, "the totals table", stdout, "period", "2019–2024", "2018–2024", "prices")
	dir := filepath.Join(out, "compare-report2020-solow-china")
	svg, err := os.ReadFile(filepath.Join(dir, "compare_ii_increment.svg"))
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "compare_ii_increment.svg", string(svg), "at 2017 prices", "at 2018 prices")
	if _, err := os.Stat(filepath.Join(dir, "compare_ii_diff.svg")); !os.IsNotExist(err) {
		t.Errorf("a difference across price bases was drawn: %v", err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "compare.csv"))
	if strings.Contains(string(b), results.CompareIIDiff) {
		t.Error("compare.csv subtracts across price bases")
	}
	// Lines that coincide are named; --name chooses the folder.
	code, _, stderr = simulate(t, "compare", "--out", out, "--name", "hindcast", "--format", "svg", "report2020", "actual2019-2024")
	if code != 0 {
		t.Fatal(stderr)
	}
	svg, err = os.ReadFile(filepath.Join(out, "hindcast", "compare_ii_share.svg"))
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "compare_ii_share.svg", string(svg), "coincide")
}

// 7. CLI messages: the error first, then where the usage is; the nearest
// command, flag, parameter and metric; every flag in the usage line, in
// one style; the documented limit of mc's draws is the one enforced.
func TestFirstHourMessages(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"runn"}, []string{"simulate: unknown command \"runn\"; did you mean run?\nRun 'simulate -h' for usage.\n"}},
		{[]string{"run", "--fromat", "svg"}, []string{"simulate run: unknown flag --fromat; did you mean --format?\nRun 'simulate run -h' for usage.\n"}},
		{[]string{"sweep", "--param", "capital.ict_shar=0:1:3"}, []string{"simulate sweep: ", "unknown parameter \"capital.ict_shar\"; did you mean capital.ict_share?"}},
		{[]string{"tornado", "--metric", "ii_totl_yi"}, []string{"simulate tornado: --metric: ", "did you mean ii_total_yi?"}},
		{[]string{"compare", "report2020"}, []string{"simulate compare: compare needs at least two scenarios", "Run 'simulate compare -h' for usage."}},
	}
	for _, tc := range tests {
		code, _, stderr := simulate(t, tc.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if !strings.HasPrefix(stderr, "simulate") || strings.Contains(stderr, "Flags:") {
			t.Errorf("%v: the error is not first, or the usage is printed:\n%s", tc.args, stderr)
		}
		contains(t, strings.Join(tc.args, " "), stderr, tc.want...)
	}

	// Every flag of every command is in its usage line, as --name.
	flagLine := regexp.MustCompile(`(?m)^  --([a-z-]+)`)
	for _, name := range commandNames() {
		_, stdout, _ := simulate(t, name, "-h")
		usage, _, _ := strings.Cut(stdout, "\n\n")
		for _, m := range flagLine.FindAllStringSubmatch(stdout, -1) {
			if !strings.Contains(usage, "--"+m[1]) {
				t.Errorf("simulate %s: the usage line lacks --%s:\n%s", name, m[1], usage)
			}
		}
		if regexp.MustCompile(`(^|[\s\[])-[a-z]`).MatchString(strings.ReplaceAll(usage, "--", "")) {
			t.Errorf("simulate %s: a flag written with one dash:\n%s", name, usage)
		}
	}

	// mc -h gives the largest number of draws with --keep-draws for
	// report2020 (draws.csv: the draw number, 6 inputs and 2 totals per
	// row); it is the one enforced. Without --keep-draws the percentiles
	// are streamed and the bound is sensitivity.MaxDraws.
	_, help, _ := simulate(t, "mc", "-h")
	m := regexp.MustCompile(`so up to (\d+) draws`).FindStringSubmatch(help)
	if m == nil {
		t.Fatalf("mc -h gives no limit:\n%s", help)
	}
	n, _ := strconv.Atoi(m[1])
	code, _, stderr := simulate(t, "mc", "--keep-draws", "--draws", strconv.Itoa(n+1))
	if code != 2 || !strings.Contains(stderr, "use at most "+m[1]+" draws") {
		t.Errorf("%d draws: exit %d, %s", n+1, code, stderr)
	}
	code, _, stderr = simulate(t, "mc", "--draws", strconv.Itoa(sensitivity.MaxDraws+1))
	if code != 2 || !strings.Contains(stderr, "from 1 to "+strconv.Itoa(sensitivity.MaxDraws)) {
		t.Errorf("%d draws: exit %d, %s", sensitivity.MaxDraws+1, code, stderr)
	}
}

// 8. Numbers for people: no float noise, no exponent, a visible swing is
// not 0.0; files echo an input as typed.
func TestFirstHourNumbers(t *testing.T) {
	out := t.TempDir()
	noise := regexp.MustCompile(`\d\.\d{9,}|\de[+-]\d`)
	for _, args := range [][]string{
		{"tornado", "--format", "svg"},
		{"tornado", "--format", "svg", "--metric", "period_ii_share_pct"},
		{"tornado", "--format", "svg", "--delta", "10%", "--metric", "ii_share_pct[2024]", "actual2019-2024"},
		{"tornado", "--format", "svg", "--delta", "1%", "--metric", "ii_share_pct[2024]"}, // swings of 0.01–0.1 pp
		{"sweep", "--format", "svg", "--param", "capital.ict_share=0.05:0.3:6"},
		{"sobol", "--format", "svg", "--n", "128"},
		{"mc", "--format", "svg", "--draws", "500"},
	} {
		stdout := mustRun(t, append(args, "--out", out)...)
		text, _, _ := strings.Cut(stdout, "wrote")
		if m := noise.FindString(text); m != "" {
			t.Errorf("%v prints %q:\n%s", args, m, text)
		}
		if args[0] == "tornado" {
			// Each swing of tornado.csv that is not float64 rounding is
			// printed with two significant digits.
			csvPath := regexp.MustCompile(`wrote (\S+tornado\.csv)`).FindStringSubmatch(stdout)[1]
			printed := map[string]string{}
			for _, line := range strings.Split(text, "\n") {
				if f := strings.Fields(line); len(f) == 6 {
					printed[f[0]] = f[5]
				}
			}
			for _, r := range readSensCSV(t, csvPath)[1:] {
				swing, _ := strconv.ParseFloat(r[5], 64)
				got, _ := strconv.ParseFloat(printed[r[0]], 64)
				if swing > 1e-6 && (got == 0 || math.Abs(got-swing) > 0.05*swing) {
					t.Errorf("%v: %s swings %v, printed %q", args, r[0], swing, printed[r[0]])
				}
			}
		}
	}
	if got := column(t, filepath.Join(out, "report2020", "sweep-capital.ict_share-ii_total_yi", "sweep.csv"), "ii_total_yi"); len(got) != 6 {
		t.Errorf("sweep.csv %v", got)
	}
	run := t.TempDir()
	mustRun(t, "run", "--format", "svg", "--out", run)
	if got := column(t, filepath.Join(run, "report2020", "results.csv"), "labor_share_pct"); got[0] != "3.7" {
		t.Errorf("results.csv echoes 3.7 as %s", got[0])
	}
	b, _ := os.ReadFile(filepath.Join(run, "report2020", "summary.json"))
	if !strings.Contains(string(b), `"labor.share_pct": {`) || strings.Contains(string(b), "3.7000000000000006") || !strings.Contains(string(b), `"2019": 3.7`) {
		t.Errorf("summary.json does not echo 3.7 as typed")
	}
}

// 9. Outputs keep apart and say what wrote them: Chinese charts get their
// own names, a second sweep or tornado does not erase the first, and
// every folder written has a manifest.json naming, for each file, the
// command, the inputs' hash, the version and the time.
func TestFirstHourOutputs(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--out", out, "--format", "svg")
	mustRun(t, "run", "--out", out, "--format", "svg", "--lang", "zh")
	dir := filepath.Join(out, "report2020")
	for _, f := range []string{"ii_increment.svg", "ii_increment.zh.svg", "decomposition.zh.svg"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	m, err := output.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	var sum results.Summary
	b, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	en, zh := m.Files["ii_increment.svg"], m.Files["ii_increment.zh.svg"]
	if !strings.HasPrefix(en.Command, "simulate run --out ") || strings.Contains(en.Command, "zh") || !strings.Contains(zh.Command, "--lang zh") {
		t.Errorf("commands %q, %q", en.Command, zh.Command)
	}
	if en.Inputs["report2020"] != sum.InputsHash || en.Version == "" || en.Time == "" {
		t.Errorf("entry %+v, want the inputs_sha256 %s of summary.json", en, sum.InputsHash)
	}
	if len(m.Files) != 12 { // 5 charts (history_projection from [history]) × 2 languages, results.csv, summary.json
		t.Errorf("manifest lists %d files: %v", len(m.Files), m.Files)
	}

	mustRun(t, "sweep", "--out", out, "--format", "svg", "--param", "capital.ict_share=0.05:0.3:3")
	mustRun(t, "sweep", "--out", out, "--format", "svg", "--param", "labor.share_pct=0:8:3", "--metric", "period_ii_share_pct")
	mustRun(t, "tornado", "--out", out, "--format", "svg")
	mustRun(t, "tornado", "--out", out, "--format", "svg", "--metric", "ii_share_pct[2024]")
	for _, f := range []string{
		"sweep-capital.ict_share-ii_total_yi/sweep.csv", "sweep-labor.share_pct-period_ii_share_pct/sweep.csv",
		"tornado-ii_total_yi/tornado.csv", "tornado-ii_share_pct_2024/tornado.svg", "tornado-ii_share_pct_2024/manifest.json",
	} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Error(err)
		}
	}
	// history writes a manifest too, without inputs.
	mustRun(t, "history", "--country", "CHN", "--from", "2010", "--out", out, "--format", "svg")
	h, err := output.ReadManifest(filepath.Join(out, "history-CHN"))
	if err != nil || h.Files["history.csv"].Inputs != nil || !strings.Contains(h.Files["history.csv"].Command, "--country CHN") {
		t.Errorf("history manifest %+v, %v", h, err)
	}
}

// simulate new NAME writes NAME.toml, which loads as it is and names
// itself after its file; it does not overwrite a file without --force.
func TestNew(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := inDir(t, dir, "new", "mine")
	if code != 0 {
		t.Fatal(stderr)
	}
	contains(t, "new", stdout, "wrote mine.toml", "simulate run mine.toml")
	src, err := os.ReadFile(filepath.Join(dir, "mine.toml"))
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "mine.toml", string(src), "extends = \"report2020\"", "# ict_share = 0.15\n", "# share_pct = 32.5\n", "Assumption (not published)")
	// Uncomment capital's share and change it: TFP is the residual.
	edited := strings.Replace(string(src), "# share_pct = 32.5\n", "share_pct = 40\n", 1)
	writeFile(t, dir, "mine.toml", edited)
	code, stdout, stderr = inDir(t, dir, "validate", "mine.toml")
	if code != 0 {
		t.Fatalf("edited: %s", stderr)
	}
	contains(t, "validate", stdout, "mine.toml: ok (mine, 2019–2024)", "residual, 56.3 %")
	if code, _, stderr := inDir(t, dir, "new", "mine"); code != 2 || !strings.Contains(stderr, "mine.toml exists") {
		t.Errorf("overwrite: exit %d, %s", code, stderr)
	}
	if code, _, stderr := inDir(t, dir, "new", "--force", "--from", "solow-china", "mine"); code != 0 {
		t.Errorf("--force --from solow-china: %s", stderr)
	}
	if code, _, stderr := inDir(t, dir, "validate", "mine.toml"); code != 0 {
		t.Errorf("from solow-china: %s", stderr)
	}
	// From a file: extends names it relative to the new file.
	writeFile(t, dir, "base/b.toml", "extends = \"report2020\"\n[capital]\nict_share = 0.2\n")
	if code, _, stderr := inDir(t, dir, "new", "--from", "base/b.toml", "sub/c"); code != 0 {
		t.Fatal(stderr)
	}
	src, _ = os.ReadFile(filepath.Join(dir, "sub", "c.toml"))
	contains(t, "c.toml", string(src), "extends = \"../base/b.toml\"", "# ict_share = 0.2\n")
	if code, _, stderr := inDir(t, dir, "validate", "sub/c.toml"); code != 0 {
		t.Errorf("sub/c.toml: %s", stderr)
	}
	if code, _, stderr := inDir(t, dir, "new", "bad/../.."); code != 2 {
		t.Errorf("bad name: exit %d, %s", code, stderr)
	}
}

// TestCompareDir checks the folder names of comparisons: the scenarios'
// names, or, when too long, the first two, the number of the others and a
// hash of all, so that different lists get different folders.
func TestCompareDir(t *testing.T) {
	named := func(names ...string) []*scenarios.Scenario {
		var l []*scenarios.Scenario
		for _, n := range names {
			l = append(l, &scenarios.Scenario{Name: n})
		}
		return l
	}
	if got := compareDir(named("report2020", "actual2019-2024")); got != "compare-report2020-actual2019-2024" {
		t.Errorf("got %s", got)
	}
	long := strings.Repeat("x", 60)
	a := compareDir(named(long+"1", long+"2", long+"3"))
	b := compareDir(named(long+"1", long+"2", long+"4"))
	if a == b || len(a) > maxCompareDir || len(b) > maxCompareDir || scenarios.CheckName(strings.TrimPrefix(a, "compare-")[:10]) != nil {
		t.Errorf("long names: %q, %q", a, b)
	}
	if a != compareDir(named(long+"1", long+"2", long+"3")) {
		t.Error("the folder of the same list differs")
	}
}
