package plots

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/image/font/sfnt"

	"simulate/indexes"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata and the font subset's charset")

// charsetPath lists the characters kept in the shipped font subset, one
// file read by fonts/subset.sh.
const charsetPath = "fonts/charset.txt"

// subsetRunes returns the characters the shipped CJK font must have: the
// Chinese label table, common scenario words, printable ASCII and the
// punctuation that labels and numbers use.
func subsetRunes() []rune {
	rs := labelsZH.runes()
	rs = append(rs, sensZH.runes()...)
	rs = append(rs, indexZH.runes()...)
	rs = append(rs, shippedIndexRunes()...)
	rs = append(rs, []rune(scenarioWords)...)
	for r := rune(0x20); r < 0x7f; r++ {
		rs = append(rs, r)
	}
	rs = append(rs, []rune("–—×·…“”‘’（）：；，。、！？《》「」【】％")...)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// shippedIndexRunes returns the characters of the Chinese names of the
// industries, stages and modes of the embedded index files, which the
// index charts draw.
func shippedIndexRunes() []rune {
	var rs []rune
	for _, name := range indexes.Names() {
		f, err := indexes.LoadEmbedded(name)
		if err != nil {
			panic(err)
		}
		for _, ind := range f.Index.Industries {
			rs = append(rs, []rune(ind.NameZh)...)
			for _, s := range ind.Stages {
				rs = append(rs, []rune(s.NameZh)...)
				for _, c := range s.Subs {
					rs = append(rs, []rune(c.NameZh)...)
				}
			}
		}
	}
	return rs
}

// TestCharset checks that fonts/charset.txt lists every character of the
// Chinese labels; with -update it rewrites the file (then run
// fonts/subset.sh to cut the font).
func TestCharset(t *testing.T) {
	want := string(subsetRunes()) + "\n"
	if *update {
		if err := os.WriteFile(filepath.FromSlash(charsetPath), []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(filepath.FromSlash(charsetPath))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is stale: run go test -run TestCharset -update, then fonts/subset.sh", charsetPath)
	}
}

// TestEmbeddedFontCoversLabels checks that the shipped subset has a glyph
// for every character the Chinese charts can print, so that adding a
// label without regenerating the subset fails here, not in a user's chart.
func TestEmbeddedFontCoversLabels(t *testing.T) {
	th, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var missing []rune
	for _, r := range subsetRunes() {
		if !hasGlyph(th.face, &buf, r) {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		t.Errorf("embedded font lacks %q: regenerate it (see fonts/README.md)", string(missing))
	}
	if th.family != "Noto Sans CJK SC" {
		t.Errorf("family = %q, want %q", th.family, "Noto Sans CJK SC")
	}
}

// TestEmbeddedFontSize keeps the shipped subset small.
func TestEmbeddedFontSize(t *testing.T) {
	const limit = 1 << 20
	if n := len(cjkSubset); n == 0 || n > limit {
		t.Errorf("embedded font is %d bytes, want 1…%d", n, limit)
	}
}
