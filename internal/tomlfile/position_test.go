package tomlfile

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestLocate(t *testing.T) {
	f := NewFile("x.toml", []byte("a = 1\n# c\n[t]\nk = { 2019 = 1, \"2020\" = 2 }\n[t.u]\nv = 3\n'q'.w = 4\ns = \"\"\"\nx = 1\n\"\"\"\nx = 5\n"))
	tests := []struct {
		path      []string
		line, col int
	}{
		{[]string{"a"}, 1, 1},
		{[]string{"t"}, 3, 1},
		{[]string{"t", "k"}, 4, 1},
		{[]string{"t", "k", "2019"}, 4, 7},
		{[]string{"t", "k", "2020"}, 4, 17},
		{[]string{"t", "k", "2021"}, 4, 1}, // not in the inline table: the key holding it
		{[]string{"t", "u", "v"}, 6, 1},
		{[]string{"t", "u", "q", "w"}, 7, 1},
		{[]string{"t", "u", "x"}, 11, 1},
		{[]string{"nope"}, 0, 0},
		{nil, 0, 0},
	}
	for _, tc := range tests {
		line, col := f.Locate(tc.path...)
		if line != tc.line || col != tc.col {
			t.Errorf("%v: got %d:%d, want %d:%d", tc.path, line, col, tc.line, tc.col)
		}
	}
}

func TestLocateSpec(t *testing.T) {
	f := NewFile("spec.toml", []byte(`# comment with [brackets] and key = 1
scenario = "report2020"

[free.theta]
keys = ["a", "b"]
min = 0

[targets."ii_share_pct[2024]"]
value = 14.2

[targets.ii_increment_yi]
values = { 2019 = 6096.4, 2020 = 6703.5 }

[[tables]]
x = 1

[[tables]]
x = 2
`))
	for _, c := range []struct {
		path      []string
		line, col int
	}{
		{[]string{"scenario"}, 2, 1},
		{[]string{"free", "theta"}, 4, 1},
		{[]string{"free", "theta", "min"}, 6, 1},
		{[]string{"targets", "ii_share_pct[2024]"}, 8, 1},
		{[]string{"targets", "ii_share_pct[2024]", "value"}, 9, 1},
		{[]string{"targets", "ii_increment_yi", "values", "2020"}, 12, 27},
		{[]string{"tables", "x"}, 15, 1}, // the first of the array of tables
		{[]string{"free", "nope"}, 0, 0},
	} {
		line, col := f.Locate(c.path...)
		if line != c.line || col != c.col {
			t.Errorf("%v: got %d:%d, want %d:%d", c.path, line, col, c.line, c.col)
		}
	}
	for s, want := range map[string]int{`a.b]`: 3, `"x]"]`: 4, `'y]']`: 4, `"open`: -1} {
		if got := headerEnd(s); got != want {
			t.Errorf("headerEnd(%q): got %d, want %d", s, got, want)
		}
	}
}

// scanLocate is the search the index replaces, line by line for one path:
// the index must place every key exactly where it does.
func scanLocate(src []byte, path []string) (line, col int) {
	var table []string
	inMulti := ""
	underLine, underCol := 0, 0
	for n, raw := range strings.Split(string(src), "\n") {
		text := strings.TrimSuffix(raw, "\r")
		if inMulti != "" {
			if strings.Count(text, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		switch {
		case trimmed == "" || trimmed[0] == '#':
			continue
		case trimmed[0] == '[':
			inner := strings.TrimLeft(trimmed, "[")
			end := headerEnd(inner)
			if end < 0 {
				continue
			}
			table = splitKey(inner[:end])
			if equal(table, path) {
				return n + 1, indent + 1
			}
			if underLine == 0 && len(table) > len(path) && equal(table[:len(path)], path) {
				underLine, underCol = n+1, indent+1
			}
			continue
		}
		eq := strings.IndexByte(trimmed, '=')
		if eq < 0 {
			continue
		}
		full := append(append([]string(nil), table...), splitKey(trimmed[:eq])...)
		if equal(full, path) {
			return n + 1, indent + 1
		}
		if len(full) < len(path) && equal(full, path[:len(full)]) {
			rest := trimmed[eq+1:]
			c := indent + eq + 2
			for _, k := range path[len(full):] {
				i := findKey(rest, k)
				if i < 0 {
					return n + 1, indent + 1
				}
				c += i
				rest = rest[i:]
			}
			return n + 1, c
		}
		for _, d := range []string{`"""`, `'''`} {
			if strings.Count(trimmed[eq:], d)%2 == 1 {
				inMulti = d
			}
		}
	}
	return underLine, underCol // only implied by a header under it
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestIndexAgreesWithScan places every path of random files, valid TOML or
// not, with the index and with the line-by-line search.
func TestIndexAgreesWithScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"a", "b", "c", `"a"`, "'b'", "2019"}
	lines := []string{"", "# x = 1", `s = """`, `"""`, "x = '''", "'''", "[a]", "[a.b]", "[[c]]", "[ \"b\" . c ]", "[a", "k = 1"}
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			switch rng.IntN(3) {
			case 0:
				b.WriteString(pick(lines))
			case 1:
				fmt.Fprintf(&b, "  %s.%s = { %s = 1, %s = { %s = 2 } }", pick(names), pick(names), pick(names), pick(names), pick(names))
			default:
				fmt.Fprintf(&b, "%s = %d", pick(names), rng.IntN(9))
			}
			b.WriteString(pick([]string{"\n", "\r\n"}))
		}
		src := []byte(b.String())
		f := NewFile("r.toml", src)
		for range 20 {
			path := make([]string, 1+rng.IntN(4))
			for i := range path {
				path[i] = strings.Trim(pick(names), `"'`)
			}
			l1, c1 := f.Locate(path...)
			l2, c2 := scanLocate(src, path)
			if l1 != l2 || c1 != c2 {
				t.Fatalf("%v in\n%s\nindex %d:%d, scan %d:%d", path, src, l1, c1, l2, c2)
			}
		}
	}
}

// BenchmarkErrorsOfAFile places an error at every key of a file with n
// keys: the index makes it linear in the file's size.
func BenchmarkErrorsOfAFile(b *testing.B) {
	for _, n := range []int{100, 10000} {
		b.Run(fmt.Sprintf("keys=%d", n), func(b *testing.B) {
			var src strings.Builder
			src.WriteString("[t]\n")
			for i := range n {
				fmt.Fprintf(&src, "k%d = { 2019 = %d }\n", i, i)
			}
			b.ReportAllocs()
			for b.Loop() {
				f := NewFile("b.toml", []byte(src.String()))
				for i := range n {
					if line, _ := f.Locate("t", fmt.Sprintf("k%d", i), "2019"); line != i+2 {
						b.Fatalf("k%d on line %d", i, line)
					}
				}
			}
		})
	}
}

func TestLocateArray(t *testing.T) {
	src := `[uncertainty]
"a" = { dist = "uniform", min = 0, max = 1 }

[[uncertainty.correlation]]
inputs = ["a", "b"]
rank = 0.5

[[uncertainty.correlation]]
  rank = 0.2
  inputs = ["a", "c"]
`
	f := NewFile("x.toml", []byte(src))
	path := []string{"uncertainty", "correlation"}
	tests := []struct {
		n         int
		below     []string
		line, col int
	}{
		{0, nil, 4, 1},
		{1, nil, 8, 1},
		{0, []string{"rank"}, 6, 1},
		{1, []string{"inputs"}, 10, 3},
		{1, []string{"missing"}, 8, 1},
		{2, nil, 0, 0},
	}
	for _, tc := range tests {
		line, col := f.LocateArray(tc.n, path, tc.below...)
		if line != tc.line || col != tc.col {
			t.Errorf("LocateArray(%d, %v): got %d:%d, want %d:%d", tc.n, tc.below, line, col, tc.line, tc.col)
		}
	}
}
