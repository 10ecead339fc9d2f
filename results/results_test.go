package results_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/model"
	"simulate/results"
	"simulate/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenTol is the relative tolerance of the numeric goldens: the values are
// computed in float64 from the same inputs, so only a change of the model or
// of the inputs moves them by more.
const goldenTol = 1e-12

func run(t *testing.T, name string) (*scenarios.Scenario, *model.Results) {
	t.Helper()
	s, err := scenarios.LoadEmbedded(name)
	if err != nil {
		t.Fatal(err)
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	return s, &res
}

// TestGoldenCSV compares results.csv of every embedded scenario with its
// golden file, value by value.
func TestGoldenCSV(t *testing.T) {
	for _, name := range scenarios.Names() {
		t.Run(name, func(t *testing.T) {
			_, res := run(t, name)
			var buf bytes.Buffer
			if err := results.WriteCSV(&buf, res); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("..", "testdata", "golden", name+"_results.csv")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./results -update to create it)", err)
			}
			compareCSV(t, buf.Bytes(), want)
		})
	}
}

func compareCSV(t *testing.T, got, want []byte) {
	t.Helper()
	g, err1 := csv.NewReader(bytes.NewReader(got)).ReadAll()
	w, err2 := csv.NewReader(bytes.NewReader(want)).ReadAll()
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if len(g) != len(w) || strings.Join(g[0], ",") != strings.Join(w[0], ",") {
		t.Fatalf("shape or header differs:\n%s\nwant\n%s", got, want)
	}
	for i := 1; i < len(g); i++ {
		for j := range g[i] {
			a, _ := strconv.ParseFloat(g[i][j], 64)
			b, _ := strconv.ParseFloat(w[i][j], 64)
			if !scalar.EqualWithinAbsOrRel(a, b, goldenTol, goldenTol) {
				t.Errorf("row %d %s: got %v, want %v", i, g[0][j], a, b)
			}
		}
	}
}

func TestCSVFormat(t *testing.T) {
	_, res := run(t, "report2020")
	var buf bytes.Buffer
	results.WriteCSV(&buf, res)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 7 || lines[0] != strings.Join(results.Columns, ",") {
		t.Fatalf("got\n%s", buf.String())
	}
	for _, l := range lines[1:] {
		if strings.ContainsAny(l, "eE ") || strings.Count(l, ",") != len(results.Columns)-1 {
			t.Errorf("line %q has an exponent, a space or a wrong number of fields", l)
		}
	}
	for _, c := range []struct {
		v    float64
		want string
	}{{6.3, "6.3"}, {1e-7, "0.0000001"}, {1234567.5, "1234567.5"}, {-0.25, "-0.25"}, {0, "0"}} {
		if got := results.Format(c.v); got != c.want {
			t.Errorf("Format(%v): got %s, want %s", c.v, got, c.want)
		}
	}
}

func TestInputsHash(t *testing.T) {
	s, _ := run(t, "report2020")
	h1 := results.InputsHash(s.Inputs)
	if h2 := results.InputsHash(s.Inputs.Clone()); h1 != h2 {
		t.Errorf("the same inputs hash differently: %s %s", h1, h2)
	}
	in := s.Inputs.Clone()
	in.ICTShare[3] += 1e-9
	if results.InputsHash(in) == h1 {
		t.Error("a changed input keeps the hash")
	}
	m := results.ResolvedInputs(s.Inputs)
	g, ok := m["gdp.growth_pct"].(map[string]float64)
	if !ok || math.Abs(g["2024"]-5.5) > 1e-12 || m["gdp.base_yi"] != 900309.0 {
		t.Errorf("resolved inputs: %v", m)
	}
	if _, ok := m["labor.contribution_pp"]; ok {
		t.Error("inputs of a split form no year uses are listed")
	}
}

func TestTable(t *testing.T) {
	_, res := run(t, "report2020")
	var buf bytes.Buffer
	if err := results.WriteTable(&buf, "title", res); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	// Every row of the table has the same display width, CJK counted double.
	width := func(s string) int {
		n := 0
		for _, r := range s {
			n++
			if r >= 0x4E00 && r <= 0x9FFF {
				n++
			}
		}
		return n
	}
	for _, l := range lines[2:8] {
		if width(l) != width(lines[1]) {
			t.Errorf("misaligned:\n%s\n%s", lines[1], l)
		}
	}
	if !strings.Contains(lines[8], "Σ II 46306.9 亿元") {
		t.Errorf("totals line: %q", lines[8])
	}
}

func TestWriteColumns(t *testing.T) {
	rows := [][]string{{"key", "unit", "v"}, {"gdp.base_yi", "亿元", "1"}, {"g", "%", "22"}}
	var left, right bytes.Buffer
	results.WriteColumns(&left, rows, false)
	results.WriteColumns(&right, rows, true)
	wantLeft := "key          unit  v\ngdp.base_yi  亿元  1\ng            %     22\n"
	wantRight := "          key  unit   v\n  gdp.base_yi  亿元   1\n            g     %  22\n"
	if left.String() != wantLeft {
		t.Errorf("left:\n%q\nwant\n%q", left.String(), wantLeft)
	}
	if right.String() != wantRight {
		t.Errorf("right:\n%q\nwant\n%q", right.String(), wantRight)
	}
}
