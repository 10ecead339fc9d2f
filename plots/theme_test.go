package plots

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gonum.org/v1/plot/text"
)

func TestParseLanguage(t *testing.T) {
	for _, l := range []Language{English, Chinese} {
		got, err := ParseLanguage(l.String())
		if err != nil || got != l {
			t.Errorf("ParseLanguage(%q) = %v, %v", l.String(), got, err)
		}
	}
	if _, err := ParseLanguage("fr"); err == nil {
		t.Error("ParseLanguage(fr): no error")
	}
}

// installedCJKFont returns the first of CJKFontPaths that exists, and
// skips the test when there is none.
func installedCJKFont(t *testing.T) string {
	t.Helper()
	for _, p := range CJKFontPaths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skip("no CJK font installed (Debian/Ubuntu: apt-get install fonts-noto-cjk)")
	return ""
}

// TestInstalledCJKFont checks that an installed Noto Sans CJK collection is
// found and its Simplified Chinese face chosen, both by NewTheme's search
// and as an explicit font file, and that it draws names the shipped
// subset cannot.
func TestInstalledCJKFont(t *testing.T) {
	path := installedCJKFont(t)
	for name, file := range map[string]string{"search": "", "file": path} {
		t.Run(name, func(t *testing.T) {
			th, err := NewTheme(Chinese, file)
			if err != nil {
				t.Fatal(err)
			}
			if th.FontSource() != path {
				t.Errorf("font from %q, want %q", th.FontSource(), path)
			}
			if th.family != "Noto Sans CJK SC" {
				t.Errorf("family %q, want Noto Sans CJK SC", th.family)
			}
			if _, ok := th.handler.(boxText); !ok {
				t.Errorf("handler %T, want boxText", th.handler)
			}
			sc := scenarios()[:2]
			sc[1].Name = "鑫源情景"
			c, err := CompareII(th, sc)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Render(c, PNG); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestNoCJKFont checks the fallbacks when no CJK font is installed: the
// shipped subset, and without it an error saying how to get a font.
func TestNoCJKFont(t *testing.T) {
	paths, subset := CJKFontPaths, cjkSubset
	t.Cleanup(func() { CJKFontPaths, cjkSubset = paths, subset })
	CJKFontPaths = []string{filepath.Join(t.TempDir(), "missing.ttc")}

	th, err := NewTheme(Chinese, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(th.FontSource(), "built-in") {
		t.Errorf("font from %q, want the built-in subset", th.FontSource())
	}

	cjkSubset = nil
	_, err = NewTheme(Chinese, "")
	if !errors.Is(err, ErrNoCJKFont) || !strings.Contains(err.Error(), "apt-get install fonts-noto-cjk") {
		t.Errorf("error %v, want ErrNoCJKFont saying how to install a font", err)
	}
	if _, err := NewTheme(English, ""); err != nil {
		t.Errorf("English needs no CJK font: %v", err)
	}
}

// TestFontFile checks explicit font files: a Latin-only font for Chinese
// is refused before any chart is drawn, as is a file that is no font.
func TestFontFile(t *testing.T) {
	dir := t.TempDir()
	latin := filepath.Join(dir, "LiberationSans-Regular.ttf")
	var buf bytes.Buffer
	if _, err := defaultTheme().face.WriteSourceTo(nil, &buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(latin, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewTheme(Chinese, latin)
	if !errors.Is(err, ErrNoCJKFont) || !strings.Contains(err.Error(), "fonts-noto-cjk") {
		t.Errorf("Latin font for zh: %v, want ErrNoCJKFont", err)
	}
	th, err := NewTheme(English, latin)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := th.handler.(text.Plain); !ok || !th.trueType {
		t.Errorf("handler %T, TrueType %v; want text.Plain, true", th.handler, th.trueType)
	}

	junk := filepath.Join(dir, "junk.ttf")
	if err := os.WriteFile(junk, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{junk, filepath.Join(dir, "missing.ttf")} {
		if _, err := NewTheme(English, f); err == nil {
			t.Errorf("NewTheme(%s): no error", f)
		}
	}
}

// TestTypoBox checks that the em box is read from the shipped font's OS/2
// table (Noto Sans CJK: ascender 880, descender −120 of 1000 units).
func TestTypoBox(t *testing.T) {
	th, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	got := th.handler.(boxText).box
	if want := (emBox{asc: 0.88, desc: 0.12}); got != want {
		t.Errorf("em box %+v, want %+v", got, want)
	}
	if _, ok := typoBox([]byte("short"), 0, 1000); ok {
		t.Error("typoBox of junk: ok")
	}
}

// TestLabelTables checks that the tables fill every label and that the
// formats (fields ending in F) have the same verbs, so that no chart
// prints an empty or broken text.
func TestLabelTables(t *testing.T) {
	en, zh := labelTexts(&labelsEN), labelTexts(&labelsZH)
	for name, e := range en {
		z := zh[name]
		if e == "" && name != "Sentence" || z == "" && name != "Sentence" {
			t.Errorf("%s empty: %q, %q", name, e, z)
		}
		if strings.HasSuffix(name, "F") {
			if v, w := verbs(e), verbs(z); v != w || v == "" {
				t.Errorf("%s: verbs %q in %q, %q in %q", name, v, e, w, z)
			}
		}
	}
}

// labelTexts returns the texts of a label table by field name (arrays as
// name[i]).
func labelTexts(l *labels) map[string]string {
	m := map[string]string{}
	v := reflect.ValueOf(*l)
	for i := range v.NumField() {
		name, f := v.Type().Field(i).Name, v.Field(i)
		switch f.Kind() {
		case reflect.String:
			m[name] = f.String()
		case reflect.Array:
			for j := range f.Len() {
				m[fmt.Sprintf("%s[%d]", name, j)] = f.Index(j).String()
			}
		}
	}
	return m
}

// verbs returns the fmt verbs of s, e.g. "%d%d".
func verbs(s string) string {
	var v []string
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' {
			v = append(v, s[i:i+2])
			i++
		}
	}
	return strings.Join(v, "")
}
