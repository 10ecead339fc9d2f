package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// badCase is one entry of testdata/bad/cases.toml.
type badCase struct {
	Name string
	File string
	Args []string
	Code int
	Want []string
}

// TestBadInputs runs the catalogue of bad inputs: each is refused with its
// exit code (2 unless stated) and every fragment of its message, and leaves
// no output behind.
func TestBadInputs(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata", "bad")
	var cat struct{ Case []badCase }
	md, err := toml.DecodeFile(filepath.Join(dir, "cases.toml"), &cat)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Fatalf("cases.toml: unknown keys %v", u)
	}
	if len(cat.Case) < 30 {
		t.Fatalf("only %d cases", len(cat.Case))
	}
	for _, c := range cat.Case {
		name := c.Name
		if name == "" {
			name = c.File
		}
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := c.Args
			if args == nil {
				args = []string{"run", "--out", "{out}", "{file}"}
			}
			r := strings.NewReplacer("{file}", filepath.Join(dir, c.File), "{dir}", dir, "{out}", out)
			for i := range args {
				args[i] = r.Replace(args[i])
			}
			want := c.Code
			if want == 0 {
				want = exitInvalid
			}
			code, _, stderr := simulate(t, args...)
			if code != want {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, want, stderr)
			}
			rest := stderr
			for _, w := range c.Want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("message lacks %q (in order):\n%s", w, stderr)
				}
				rest = rest[i+len(w):]
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Errorf("message shows a panic:\n%s", stderr)
			}
			if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
				t.Errorf("output left behind: %v", entries)
			}
		})
	}
}
