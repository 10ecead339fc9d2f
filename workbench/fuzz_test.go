package workbench

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzRequest sends arbitrary bodies to the API: every answer is 200 or a
// 4xx with a message, never a 500 or a panic.
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
	})
}
