package tomlfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"simulate/internal/input"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDecode(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"syntax", "a = = 1\n", "x.toml:1:5: a: TOML syntax: "},
		{"crlf syntax", "a = 1\r\nb = = 2\r\n", "x.toml:2:5: b: TOML syntax: "},
		{"duplicate key", "a = 1\na = 2\n", "x.toml:2:7: a: TOML syntax: Key 'a' has already been defined"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewFile("x.toml", []byte(c.src)).Decode()
			var e *Error
			if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v, want an *Error starting %q", err, c.want)
			}
		})
	}
	raw, err := NewFile("x.toml", []byte("a = 1\n[t]\nb = \"x\"\n")).Decode()
	if err != nil || raw["a"] != int64(1) || raw["t"].(map[string]any)["b"] != "x" {
		t.Errorf("got %v, %v", raw, err)
	}
}

func TestErrors(t *testing.T) {
	es := Errors{
		{File: "b.toml", Line: 1, Msg: "b1"},
		{File: "a.toml", Line: 3, Col: 2, Key: "k", Msg: "a3"},
		{File: "a.toml", Msg: "a0"},
		{File: "a.toml", Line: 3, Col: 1, Msg: "a3 first"},
	}
	want := "a.toml: a0\na.toml:3:1: a3 first\na.toml:3:2: k: a3\nb.toml:1: b1"
	if got := es.Sort().Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var e *Error
	if !errors.As(error(es), &e) || e.Msg != "a0" {
		t.Errorf("errors.As: got %v", e)
	}
}

func TestErrorf(t *testing.T) {
	f := NewFile("x.toml", []byte("[free.a]\nmin = 0\n"))
	for _, c := range []struct {
		at   []string
		want string
	}{
		{[]string{"free", "a", "min"}, "x.toml:2:1: free.a.min: m"},
		{[]string{"free", "a", "max"}, "x.toml:1:1: free.a.max: m"}, // not written: its table
		{[]string{"nope"}, "x.toml: nope: m"},
	} {
		if got := f.Errorf(c.at, "%s", "m").Error(); got != c.want {
			t.Errorf("%v: got %q, want %q", c.at, got, c.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	allowed := []string{"max", "min", "path"}
	for name, want := range map[string]string{
		"MAX":      "; keys are case-sensitive: write max",
		"minn":     "; did you mean min?",
		"pth":      "; did you mean path?",
		"whatever": "; allowed here: max, min, path",
	} {
		if got := Suggest(name, allowed); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	if got, want := UnknownKey("minn", "free.a", allowed), `unknown key "minn" in [free.a]; did you mean min?`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := UnknownKey("xyzzy", "", allowed), `unknown key "xyzzy" at the top level; allowed here: max, min, path`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFields(t *testing.T) {
	var v struct {
		Min  any `toml:"min"`
		Max  any `toml:"max"`
		Path any `toml:"path,omitempty"`
	}
	v.Path = "stale"
	unknown := Fields(map[string]any{"min": int64(1), "MAX": 2.5, "zz": true}, &v)
	if v.Min != int64(1) || v.Max != nil || v.Path != nil {
		t.Errorf("fields: %+v", v)
	}
	if !slices.Equal(unknown, []string{"MAX", "zz"}) {
		t.Errorf("unknown: %v", unknown)
	}
	if got := Keys(&v); !slices.Equal(got, []string{"max", "min", "path"}) {
		t.Errorf("keys: %v", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("a field of another type: no panic")
		}
	}()
	var bad struct {
		N float64 `toml:"n"`
	}
	Fields(nil, &bad)
}

func TestNumberAndTypeName(t *testing.T) {
	for v, want := range map[any]string{"s": "a string", int64(1): "an integer", 1.5: "a float", true: "a boolean"} {
		if got := TypeName(v); got != want {
			t.Errorf("%v: got %q, want %q", v, got, want)
		}
	}
	if got := TypeName(map[string]any{}); got != "a table" {
		t.Errorf("table: %q", got)
	}
	if x, ok := Number(int64(3)); !ok || x != 3 {
		t.Error("integer")
	}
	if _, ok := Number("3"); ok {
		t.Error("string accepted as a number")
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.toml")
	if err := os.WriteFile(p, []byte("a = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if src, err := ReadFile(p, input.Scenario); err != nil || string(src) != "a = 1\n" {
		t.Errorf("got %q, %v", src, err)
	}
	if _, err := ReadFile(dir, input.Scenario); err == nil || err.Error() != "not a regular file (a folder)" {
		t.Errorf("folder: got %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "none.toml"), input.Scenario); err == nil || strings.Contains(err.Error(), dir) {
		t.Errorf("missing: got %v, want an error without the path", err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(big, input.Spec); err == nil || !strings.Contains(err.Error(), "1048577 bytes is larger than the 1 MiB (1048576 bytes) a calibration spec may have") {
		t.Errorf("too large: got %v", err)
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("plain", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	load := func(s string) (string, error) { return "file " + s, nil }
	emb := func(s string) (string, error) { return "embedded " + s, nil }
	for arg, want := range map[string]string{
		"report2020":     "embedded report2020",
		"x.toml":         "file x.toml",
		"d/x":            "file d/x",
		`d\x`:            `file d\x`,
		"plain":          "file plain",
		"report2020.txt": "embedded report2020.txt",
	} {
		if got, _ := Open(arg, load, emb); got != want {
			t.Errorf("%s: got %q, want %q", arg, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	for name, want := range map[string]string{
		"report2020.toml":                      "report2020",
		"a/b/c.toml":                           "c",
		"embedded:report2020.toml":             "report2020",
		"embedded:calibration/report2020.toml": "report2020",
		"noext":                                "noext",
	} {
		if got := NameFromFile(name); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	fsys := fstest.MapFS{"d/b.toml": {}, "d/a.toml": {}, "d/c.txt": {}, "d/e.toml/x": {}}
	if got := Names(fsys, "d"); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Names: %v", got)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("a = 1\n[t]\nk = { 2019 = 1 }\n")
	f.Add("a = \"\"\"\nb\r\n\"\"\"\r\nx = = 1\r\n")
	f.Add("[[a]]\nb = 1\n[[a]]\nb = 2\n")
	f.Add("x = [{a = [{b = {c = 1}}]}]\n[t.'u.v'.\"w\"]\ny.z = \"\"\"\n[[[\n\"\"\"\n")
	f.Add("x = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40))
	// It computes no number of its own: the values it decodes are the
	// file's (nan and inf are valid TOML; the loaders refuse them).
	f.Fuzz(func(t *testing.T, src string) {
		file := NewFile("fuzz.toml", []byte(src))
		raw, err := file.Decode()
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.toml") {
				t.Fatalf("error without the file name: %q", err)
			}
			return
		}
		// The shape check bounds what the decoder builds: an array of
		// tables counts as one level there and two here.
		if d := depth(raw); d > 2*MaxDepth+1 {
			t.Fatalf("decoded %d levels deep past the shape check", d)
		}
		for k := range raw {
			file.Locate(k, "x")
		}
	})
}

// depth is the nesting of a decoded value: each table key and each array
// is a level.
func depth(v any) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			d = max(d, 1+depth(e))
		}
	case []map[string]any:
		for _, e := range x {
			d = max(d, 1+depth(e))
		}
	case []any:
		for _, e := range x {
			d = max(d, 1+depth(e))
		}
	}
	return d
}

func TestMergeYears(t *testing.T) {
	at := func(line int, key, msg string, year int) *Error {
		return &Error{File: "f.toml", Line: line, Col: 1, Key: key, Msg: msg, Year: year}
	}
	var es Errors
	for _, y := range []int{2019, 2020, 2021, 2023} {
		es = append(es, at(3, fmt.Sprintf("capital.ict_share[%d]", y), "1.5 is outside the allowed range [0, 1] (fraction)", y))
		es = append(es, at(5, "tfp.share_pct", fmt.Sprintf("shares add up to 107.6 %% in %d; they must add up to 100 %%", y), y))
	}
	es = append(es, at(7, "labor.share_pct", fmt.Sprintf("year %d gives the factor split twice", 2024), 2024))
	es = append(es, at(9, "name", "not a name", 0))
	es = append(es, at(5, "tfp.share_pct", "shares add up to 110 % in 2024; they must add up to 100 %", 2024))
	got := es.MergeYears()
	want := []string{
		"f.toml:3:1: capital.ict_share: 1.5 is outside the allowed range [0, 1] (fraction) in years 2019–2021, 2023",
		"f.toml:5:1: tfp.share_pct: shares add up to 107.6 % in 2019–2021, 2023; they must add up to 100 %",
		"f.toml:7:1: labor.share_pct: year 2024 gives the factor split twice",
		"f.toml:9:1: name: not a name",
		"f.toml:5:1: tfp.share_pct: shares add up to 110 % in 2024; they must add up to 100 %",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Error() != want[i] {
			t.Errorf("%d: got %q, want %q", i, got[i].Error(), want[i])
		}
	}
	if es[0].Key != "capital.ict_share[2019]" {
		t.Errorf("MergeYears changed its input: %v", es[0])
	}
	var two Errors
	for _, y := range []int{2019, 2020} {
		two = append(two, at(2, "labor.share_pct", fmt.Sprintf("no factor split for year %d", y), y))
	}
	if got, want := two.MergeYears()[0].Msg, "no factor split for years 2019–2020"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestYearList(t *testing.T) {
	for _, tc := range []struct {
		years []int
		want  string
	}{{[]int{2021}, "year 2021"}, {[]int{2019, 2020, 2021, 2023}, "years 2019–2021, 2023"}, {[]int{2019, 2021}, "years 2019, 2021"}} {
		if got := YearList(tc.years); got != tc.want {
			t.Errorf("YearList(%v) = %q, want %q", tc.years, got, tc.want)
		}
	}
}
