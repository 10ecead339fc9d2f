package suggest

import (
	"strings"
	"testing"
)

func TestNearest(t *testing.T) {
	cmds := []string{"calibrate", "compare", "history", "list", "mc", "new", "params", "run", "show", "sobol", "sweep", "tornado", "validate", "version"}
	params := []string{"capital.ict_share", "capital.private_ii_share", "capital.share_pct", "labor.share_pct"}
	tests := []struct {
		name    string
		allowed []string
		want    string
		ok      bool
	}{
		{"runn", cmds, "run", true},
		{"RUN", cmds, "run", true},
		{"torando", cmds, "tornado", true},
		{"valdate", cmds, "validate", true},
		{"frobnicate", cmds, "", false},
		{"capital.ict_shar", params, "capital.ict_share", true},
		{"capital.ict_shares", params, "capital.ict_share", true},
		{"capitl.ict_shre", params, "capital.ict_share", true}, // 2 edits
		{"labour.shr_pct", params, "labor.share_pct", true},    // 3 edits in a 14-rune name
		{"x", params, "", false},
		{"run", cmds, "run", true},
	}
	for _, tc := range tests {
		got, ok := Nearest(tc.name, tc.allowed)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Nearest(%q): got %q, %v, want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	if got, want := DidYouMean("runn", []string{"run", "show"}), "; did you mean run?"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := DidYouMean("run", []string{"run", "show"}); got != "" {
		t.Errorf("exact name: got %q, want none", got)
	}
	if got := DidYouMean("zzzzzz", []string{"run", "show"}); got != "" {
		t.Errorf("far name: got %q, want none", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"亿元", "亿", 1}, {"flaw", "lawn", 2}} {
		if got := Distance(tc.a, tc.b); got != tc.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.d)
		}
		if got := Distance(tc.b, tc.a); got != tc.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.d)
		}
	}
}

// TestHomoglyphs: a name written with look-alike letters of another
// script is the Latin name it looks like (issue 17: "cаpital" with a
// Cyrillic а was matched to another key).
func TestHomoglyphs(t *testing.T) {
	allowed := []string{"labor", "capital", "gdp", "tfp"}
	for name, want := range map[string]string{"cаpital": "capital", "lаbоr": "labor", "gdр": "gdp", "ТFP": "tfp"} {
		if got, ok := Nearest(name, allowed); !ok || got != want {
			t.Errorf("Nearest(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	msg := DidYouMean("gdр", allowed)
	if !strings.Contains(msg, "did you mean gdp?") || !strings.Contains(msg, "U+0440") {
		t.Errorf("DidYouMean: %q", msg)
	}
}
