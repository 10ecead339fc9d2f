package workbench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// FuzzRequest sends arbitrary bodies to the API: every answer is 200 or a
// 4xx with a message, never a 500 or a panic, and every number of a 200
// answer (the JSON's, a chart's, a TOML file's) is finite.
func FuzzRequest(f *testing.F) {
	for _, s := range []string{
		`{"scenario": "report2020", "changes": ["capital.ict_share=0.2", "gdp.growth_pct[2024]+0.5"]}`,
		`{"scenario": "report2020", "changes": ["tfp.weight.technical_progress*2"]}`,
		`{"scenario": "report2020", "changes": ["gdp.base_yi=-1"]}`,
		`{"states": [{"name": "a", "scenario": "report2020", "changes": []}]}`,
		`{"scenario": "report2020", "changes": ["labor.share_pct[2020]=99"]}`,
		`{`, `[]`, `null`,
	} {
		f.Add("/api/run", s)
		f.Add("/api/toml", s)
		f.Add("/api/compare", s)
	}
	h := newTestServer(f).Handler()
	f.Fuzz(func(t *testing.T, path, body string) {
		switch path {
		case "/api/run", "/api/toml", "/api/compare", "/api/chart/ii_increment.svg":
		default:
			path = "/api/run"
		}
		r := httptest.NewRequest("POST", path, strings.NewReader(body))
		r.Host = "127.0.0.1:8080"
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 && (w.Code < 400 || w.Code >= 500) {
			t.Fatalf("%s %q: %d %s", path, body, w.Code, w.Body)
		}
		if w.Code == 403 {
			t.Fatalf("%s %q: refused by the host check: the fuzz test does not reach the API", path, body)
		}
		if w.Code != 200 && w.Body.Len() == 0 {
			t.Fatalf("%s %q: %d without a message", path, body, w.Code)
		}
		if w.Code == 200 {
			checkFiniteAnswer(t, path, body, w.Header().Get("Content-Type"), w.Body.Bytes())
		}
	})
}

// nonFiniteText is a NaN or an infinity as Go formats one in text: in an
// SVG's coordinates, a label or a TOML value.
var nonFiniteText = regexp.MustCompile(`\bNaN\b|[+-]Inf\b|\binf\b|\bnan\b`)

// checkFiniteAnswer fails unless every number of an answer is finite: a
// JSON answer decodes whole (encoding/json cannot write a NaN or an
// infinity, and the server would have stopped mid-answer) and each of its
// numbers, and each string (a chart as SVG, a TOML file), holds none.
func checkFiniteAnswer(t *testing.T, path, body, ctype string, answer []byte) {
	t.Helper()
	if !strings.HasPrefix(ctype, "application/json") {
		if m := nonFiniteText.Find(answer); m != nil {
			t.Fatalf("%s %q: the %s answer holds %q", path, body, ctype, m)
		}
		return
	}
	dec := json.NewDecoder(bytes.NewReader(answer))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s %q: the JSON answer does not decode (%v): %.200s", path, body, err, answer)
	}
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch x := v.(type) {
		case json.Number:
			if f, err := x.Float64(); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				t.Fatalf("%s %q: %s is %s, not a finite number", path, body, at, x)
			}
		case string:
			if m := nonFiniteText.FindString(x); m != "" {
				t.Fatalf("%s %q: %s holds %q", path, body, at, m)
			}
		case []any:
			for i, e := range x {
				walk(e, fmt.Sprintf("%s[%d]", at, i))
			}
		case map[string]any:
			for k, e := range x {
				walk(e, at+"."+k)
			}
		}
	}
	walk(v, "answer")
}
