package scenarios

import "testing"

func TestLocateSpec(t *testing.T) {
	src := []byte(`# comment with [brackets] and key = 1
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
`)
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
		{[]string{"tables", "x"}, 15, 1},
		{[]string{"free", "nope"}, 0, 0},
	} {
		line, col := Locate(src, c.path...)
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
