package tomlfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCheckShape(t *testing.T) {
	deep := MaxDepth + 1
	tests := []struct {
		name, src string
		want      string // "" when the file keeps to the limits
	}{
		{"flat", "a = 1\n[t]\nb = { c = [1, 2], d = \"x]\" }\n[[arr]]\ne = 1\n", ""},
		{"at the depth limit, dotted", strings.Repeat("a.", MaxDepth-1) + "a = 1\n", ""},
		{"at the depth limit, inline", "x = " + strings.Repeat("{a = ", MaxDepth-1) + "1" + strings.Repeat("}", MaxDepth-1) + "\n", ""},
		{"at the depth limit, header", "[" + strings.Repeat("a.", MaxDepth-1) + "a]\n", ""},
		{"at the depth limit, arrays", "x = " + strings.Repeat("[", MaxDepth-1) + strings.Repeat("]", MaxDepth-1) + "\n", ""},
		{"strings hide brackets", "x = \"[[[[{{{{\"\ny = '''\n" + strings.Repeat("{a = ", 100) + "'''\nz = 1\n", ""},
		{"deep inline tables", "title = \"x\"\nx = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000) + "\n",
			"x.toml:2:" + strconv.Itoa(4+5*(MaxDepth-1)+2) + ": nested 33 levels deep; a file may nest at most 32 levels"},
		{"deep header", "[" + strings.Repeat("a.", 50000) + "a]\n", "x.toml:1:1: nested 50001 levels deep"},
		{"deep array of tables", "[[" + strings.Repeat("a.", deep-1) + "a]]\n", "x.toml:1:1: nested 33 levels deep"},
		{"deep dotted key", "\n" + strings.Repeat("a.", deep-1) + "a = 1\n", "x.toml:2:1: nested 33 levels deep"},
		{"deep arrays", "x = " + strings.Repeat("[", 10000) + "\n", "x.toml:1:" + strconv.Itoa(4+MaxDepth) + ": nested 33 levels deep"},
		{"deep under a header", "[a.b]\n" + "c = " + strings.Repeat("{d = ", deep) + "1" + strings.Repeat("}", deep) + "\n", "x.toml:2:"},
		{"too many keys", strings.Repeat("k = 1\n", MaxKeys+1), "x.toml:20001:1: more than 20000 keys"},
		{"too many keys inline", "x = {" + strings.Repeat("k = 1, ", MaxKeys) + "}\n", "x.toml:1:" + strconv.Itoa(6+7*(MaxKeys-1)) + ": more than 20000 keys"},
	}
	for _, tc := range tests {
		start := time.Now()
		err := NewFile("x.toml", []byte(tc.src)).CheckShape()
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %v", tc.name, d)
		}
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
			t.Errorf("%s: got %v, want %q…", tc.name, err, tc.want)
		}
	}
}

// TestCheckShapeRealFiles checks that every TOML file of the repository
// keeps to the limits.
func TestCheckShapeRealFiles(t *testing.T) {
	n := 0
	err := filepath.WalkDir(filepath.Join("..", ".."), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if err := NewFile(p, src).CheckShape(); err != nil {
			t.Error(err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("only %d TOML files found", n)
	}
}
