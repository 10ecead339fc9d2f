package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// badCase is one entry of testdata/bad/cases.toml.
type badCase struct {
	Name string
	File string
	Args []string
	Code int
	Want []string
	Gen  *badGen

	// Memory, when not 0, runs the case in a child process whose
	// address-space limit (ulimit -v) is what it uses plus Memory MiB:
	// a command that would not fit is refused (where the limit can be
	// set: Linux).
	Memory int
}

// badGen is a file a case writes before it runs, for inputs too large or
// too odd to keep in the repository: the concatenation of its parts, each
// a text and how many times it is repeated. Its path is {gen}.
type badGen struct {
	Name  string
	Parts [][]any
}

// write writes the file into dir and returns its path.
func (g *badGen) write(t *testing.T, dir string, r *strings.Replacer) string {
	t.Helper()
	var b strings.Builder
	for _, p := range g.Parts {
		if len(p) != 2 {
			t.Fatalf("gen part %v: want [text, times]", p)
		}
		text, ok1 := p[0].(string)
		n, ok2 := p[1].(int64)
		if !ok1 || !ok2 {
			t.Fatalf("gen part %v: want [text, times]", p)
		}
		b.WriteString(strings.Repeat(text, int(n)))
	}
	return writeFile(t, dir, g.Name, r.Replace(b.String()))
}

// badCaseLimit bounds the time of any case: a hostile input is refused
// quickly, never after reading or decoding at length (nor never).
const badCaseLimit = 10 * time.Second

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
			// {fifo} is a named pipe nothing writes to; {sparse} a 5 GB
			// file of zeros that takes no disk space; {gen} the case's
			// generated file, whose text may name them too.
			tmp := t.TempDir()
			fifo, sparse := filepath.Join(tmp, "fifo.toml"), filepath.Join(tmp, "sparse.toml")
			r := strings.NewReplacer("{file}", filepath.Join(dir, c.File), "{dir}", dir, "{out}", out,
				"{fifo}", fifo, "{sparse}", sparse)
			gen := ""
			joined := strings.Join(args, "\x00")
			if c.Gen != nil {
				gen = c.Gen.write(t, tmp, r)
				joined += "\x00" + fmt.Sprint(c.Gen.Parts)
			}
			if strings.Contains(joined, "{fifo}") {
				if err := mkfifo(fifo); err != nil {
					t.Skip("no named pipes here:", err)
				}
			}
			if strings.Contains(joined, "{sparse}") {
				f, err := os.Create(sparse)
				if err == nil {
					err = errors.Join(f.Truncate(5<<30), f.Close())
				}
				if err != nil {
					t.Skip("no sparse files here:", err)
				}
			}
			args = slices.Clone(args)
			for i := range args {
				args[i] = strings.ReplaceAll(r.Replace(args[i]), "{gen}", gen)
			}
			want := c.Code
			if want == 0 {
				want = exitInvalid
			}
			type result struct {
				code   int
				stderr string
			}
			if c.Memory != 0 && !canLimitMemory {
				t.Skip("no address-space limit for a child here")
			}
			done := make(chan result, 1)
			start := time.Now()
			go func() {
				if c.Memory != 0 {
					code, stderr := runLimited(t, args, c.Memory)
					done <- result{code, stderr}
					return
				}
				var out, errb bytes.Buffer
				err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
				code := exitCode(err, &errb)
				done <- result{code, errb.String()}
			}()
			var code int
			var stderr string
			select {
			case r := <-done:
				code, stderr = r.code, r.stderr
			case <-time.After(badCaseLimit):
				t.Fatalf("still running after %v", badCaseLimit)
			}
			if d := time.Since(start); d > badCaseLimit {
				t.Errorf("took %v, more than %v", d, badCaseLimit)
			}
			if code != want {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, want, stderr)
			}
			wantInOrder(t, stderr, c.Want)
			if i := strings.IndexFunc(stderr, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f }); i >= 0 {
				t.Errorf("message holds a raw control character %q at byte %d:\n%q", stderr[i], i, stderr)
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

// wantInOrder fails t unless msg holds every string of want, in order.
func wantInOrder(t *testing.T, msg string, want []string) {
	t.Helper()
	rest := msg
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("message lacks %q (in order):\n%s", w, msg)
		}
		rest = rest[i+len(w):]
	}
}
