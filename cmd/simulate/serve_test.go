package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// workbenchServer starts the workbench of the embedded scenarios on an
// httptest server, saving into out.
func workbenchServer(t testing.TB, out string) *httptest.Server {
	t.Helper()
	wb, err := newWorkbench(nil, out, "")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(wb.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func post(t testing.TB, ts *httptest.Server, path, body string) (int, []byte) {
	t.Helper()
	resp, b := postResp(t, ts, path, body)
	return resp.StatusCode, b
}

// postResp posts body to path and returns the response (its body read and
// closed) and the body.
func postResp(t testing.TB, ts *httptest.Server, path, body string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Post(ts.URL+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// TestServeRunMatchesSavedTOML: the rows of /api/run for a state are those
// of `simulate run` on the TOML /api/toml gives for it, to the last digit.
func TestServeRunMatchesSavedTOML(t *testing.T) {
	dir := t.TempDir()
	ts := workbenchServer(t, filepath.Join(dir, "out"))
	for i, c := range []struct{ scenario, changes string }{
		{"report2020", `["capital.ict_share=0.2", "gdp.growth_pct[2024]+0.5"]`},
		{"report2020", `["tfp.weight.technical_progress=0.55", "labor.ii_share*1.5"]`},
		{"report2020", `["labor.share_pct[2021]=31.25", "tfp.ii_share.scale_efficiency[2020]=0.0137", "gdp.base_yi*1.01"]`},
		{"report2020", `[]`},
		{"actual2019-2024", `["gdp.growth_pct[2020]=2.5", "capital.private_ii_share+0.05"]`},
		{"solow-china", `["solow.investment_rate_pct[2020]+2", "solow.tfp_growth_pct*1.3"]`},
		{"solow-china-ict", `["solow.ict.capital_share*1.2", "tfp.weight.scale_efficiency=0.1"]`},
		{"report2020-index", `["cii.kappa.technical_progress*1.1", "cii.index_pts[2022]+3"]`},
	} {
		changes := c.changes
		body := `{"scenario": "` + c.scenario + `", "changes": ` + changes + `}`
		code, b := post(t, ts, "/api/run", body)
		if code != http.StatusOK {
			t.Fatalf("%s: /api/run: %d %s", changes, code, b)
		}
		var resp struct {
			Rows []map[string]float64 `json:"rows"`
		}
		if err := json.Unmarshal(b, &resp); err != nil {
			t.Fatal(err)
		}
		code, toml := post(t, ts, "/api/toml", body)
		if code != http.StatusOK {
			t.Fatalf("%s: /api/toml: %d %s", changes, code, toml)
		}
		sub := filepath.Join(dir, strconv.Itoa(i))
		file := writeFile(t, sub, "state.toml", string(toml))
		if c, _, errs := simulate(t, "run", "--format", "svg", "--out", filepath.Join(sub, "out"), file); c != 0 {
			t.Fatalf("%s: simulate run on\n%s\nexit %d: %s", changes, toml, c, errs)
		}
		f, err := os.ReadFile(filepath.Join(sub, "out", "state", "results.csv"))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(f)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs)-1 != len(resp.Rows) {
			t.Fatalf("%s: %d rows from the API, %d in results.csv", changes, len(resp.Rows), len(recs)-1)
		}
		for r, rec := range recs[1:] {
			for c, col := range recs[0] {
				v, _ := strconv.ParseFloat(rec[c], 64)
				got, ok := resp.Rows[r][col]
				if !ok || got != v {
					t.Errorf("%s: row %d %s: API %v, simulate run %s", changes, r, col, got, rec[c])
				}
			}
		}
		if i == 0 && !strings.Contains(string(toml), "capital.ict_share = 0.2\n") {
			t.Errorf("the TOML does not give capital.ict_share = 0.2:\n%s", toml)
		}
	}
}

// TestServeBadInput: bad requests are 400 with the message the command line
// gives, and the server keeps serving.
func TestServeBadInput(t *testing.T) {
	dir := t.TempDir()
	ts := workbenchServer(t, filepath.Join(dir, "out"))
	// The command line's messages for the same mistakes.
	_, _, sweepErr := simulate(t, "sweep", "--out", filepath.Join(dir, "x"), "--param", "capital.ict_shar=0.1:0.2:2")
	ext := writeFile(t, dir, "bad.toml", "extends = \"report2020\"\ncapital.ict_share = 7\n")
	_, _, runErr := simulate(t, "run", "--out", filepath.Join(dir, "x"), ext)
	_, _, yearErr := simulate(t, "sweep", "--out", filepath.Join(dir, "x"), "--param", "gdp.growth_pct[2031]=1:2:2")
	for _, c := range []struct {
		name, body, want, cli string
	}{
		{"unknown key", `{"scenario": "report2020", "changes": ["capital.ict_shar=0.2"]}`, `unknown parameter "capital.ict_shar"; did you mean capital.ict_share?`, sweepErr},
		{"out of domain", `{"scenario": "report2020", "changes": ["capital.ict_share=7"]}`, "capital.ict_share: 7 is outside the allowed range [0, 1] (fraction)", runErr},
		{"year outside span", `{"scenario": "report2020", "changes": ["gdp.growth_pct[2031]=1"]}`, "2031", yearErr},
		{"malformed change", `{"scenario": "report2020", "changes": ["capital.ict_share~0.2"]}`, "capital.ict_share~0.2", ""},
		{"unknown scenario", `{"scenario": "report2030", "changes": []}`, `unknown scenario "report2030"`, ""},
		{"malformed JSON", `{"scenario": "report2020", "changes": [`, "malformed JSON", ""},
		{"unknown field", `{"scenario": "report2020", "chnages": []}`, "malformed JSON", ""},
		{"too big", `{"scenario": "report2020", "changes": ["` + strings.Repeat("x", 70<<10) + `"]}`, "over 65536 bytes", ""},
		{"too many", `{"scenario": "report2020", "changes": [` + strings.Repeat(`"labor.ii_share=0",`, 300) + `"labor.ii_share=0"]}`, "at most 256", ""},
		{"nan", `{"scenario": "report2020", "changes": ["capital.ict_share=NaN"]}`, "capital.ict_share=NaN", ""},
	} {
		for _, path := range []string{"/api/run", "/api/chart/ii_increment.svg", "/api/toml"} {
			code, b := post(t, ts, path, c.body)
			if code != http.StatusBadRequest {
				t.Errorf("%s %s: status %d, want 400: %s", c.name, path, code, b)
				continue
			}
			if !strings.Contains(string(b), c.want) {
				t.Errorf("%s %s: %q does not say %q", c.name, path, b, c.want)
			}
			if c.cli != "" && !strings.Contains(c.cli, c.want) {
				t.Errorf("%s: the command line says %q, not %q", c.name, c.cli, c.want)
			}
		}
	}
	if code, b := post(t, ts, "/api/chart/nosuch.svg", `{"scenario": "report2020"}`); code != 400 || !strings.Contains(string(b), "unknown chart") {
		t.Errorf("unknown chart: %d %s", code, b)
	}
	// Still serving.
	if code, b := post(t, ts, "/api/run", `{"scenario": "report2020", "changes": []}`); code != 200 {
		t.Errorf("after bad requests: %d %s", code, b)
	}
}

// TestServeSave: /api/save writes into the output folder only, and refuses
// a name that would leave it.
func TestServeSave(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	ts := workbenchServer(t, out)
	if code, b := post(t, ts, "/api/save", `{"scenario": "report2020", "changes": ["capital.ict_share=0.2"], "kind": "toml", "name": "../evil"}`); code != 400 {
		t.Errorf("name ../evil: %d %s", code, b)
	}
	code, b := post(t, ts, "/api/save", `{"scenario": "report2020", "changes": ["capital.ict_share=0.2"], "kind": "toml", "name": "mine"}`)
	if code != 200 {
		t.Fatalf("save: %d %s", code, b)
	}
	src, err := os.ReadFile(filepath.Join(out, "workbench", "mine.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "capital.ict_share = 0.2") {
		t.Errorf("saved:\n%s", src)
	}
	for _, kind := range []string{"xlsx", "html"} {
		if code, b := post(t, ts, "/api/save", `{"states": [{"name": "a", "scenario": "report2020", "changes": []}, {"name": "b", "scenario": "report2020", "changes": ["capital.ict_share=0.2"]}], "kind": "`+kind+`"}`); code != 200 {
			t.Errorf("save %s: %d %s", kind, code, b)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files written beside the output folder: %v", entries)
	}
}

func TestServeAddr(t *testing.T) {
	for _, c := range []struct {
		addr   string
		remote bool
		ok     bool
	}{
		{"127.0.0.1:8080", false, true},
		{"localhost:0", false, true},
		{"[::1]:8080", false, true},
		{"0.0.0.0:8080", false, false},
		{":8080", false, false},
		{"192.168.1.5:8080", false, false},
		{"0.0.0.0:8080", true, true},
		{"nonsense", true, false},
	} {
		err := checkAddr(c.addr, c.remote)
		if (err == nil) != c.ok {
			t.Errorf("checkAddr(%q, %v) = %v", c.addr, c.remote, err)
		}
	}
	code, _, stderr := simulate(t, "serve", "--addr", "0.0.0.0:0")
	if code != exitInvalid || !strings.Contains(stderr, "not a loopback address") || !strings.Contains(stderr, "--allow-remote") {
		t.Errorf("serve --addr 0.0.0.0:0: exit %d, %s", code, stderr)
	}
}

// TestServeStops: serve prints its URL, serves the page, and returns
// cleanly when its context ends (Ctrl-C).
func TestServeStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--out", t.TempDir()}, strings.NewReader(""), pw, io.Discard)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	if !sc.Scan() {
		t.Fatal("serve printed nothing")
	}
	line := sc.Text()
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("no URL in %q", line)
	}
	url := strings.Fields(line[i:])[0]
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "app.js") {
		t.Fatalf("GET %s: %d %.200s", url, resp.StatusCode, page)
	}
	cancel()
	go io.Copy(io.Discard, pr)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve after Ctrl-C: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestServeHost: on loopback, a request for another host name (DNS
// rebinding) is refused.
func TestServeHost(t *testing.T) {
	ts := workbenchServer(t, t.TempDir())
	req, _ := http.NewRequest("GET", ts.URL+"/api/scenarios", nil)
	req.Host = "evil.example:8080"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("Host evil.example: %d, want 403", resp.StatusCode)
	}
	req.Host = "localhost:8080"
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("Host localhost: %d, want 200", resp.StatusCode)
	}
}

// TestServeFileScenario: a scenario file named on the command line is
// offered, and the TOML of a state of it extends the file and runs to the
// same rows.
func TestServeFileScenario(t *testing.T) {
	dir := t.TempDir()
	mine := writeFile(t, dir, "mine.toml", "extends = \"report2020\"\ncapital.ict_share = 0.18\n")
	wb, err := newWorkbench([]string{mine}, filepath.Join(dir, "out"), "")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(wb.Handler())
	defer ts.Close()
	body := `{"scenario": "mine", "changes": ["capital.private_ii_share=0.4"]}`
	code, b := post(t, ts, "/api/run", body)
	if code != 200 {
		t.Fatalf("/api/run: %d %s", code, b)
	}
	var resp struct {
		Headline struct {
			IITotal float64 `json:"ii_total_yi"`
		} `json:"headline"`
	}
	if err := json.Unmarshal(b, &resp); err != nil {
		t.Fatal(err)
	}
	_, toml := post(t, ts, "/api/toml", body)
	file := writeFile(t, filepath.Join(dir, "elsewhere"), "state.toml", string(toml))
	if c, _, errs := simulate(t, "run", "--format", "svg", "--out", filepath.Join(dir, "run"), file); c != 0 {
		t.Fatalf("simulate run on\n%s\nexit %d: %s", toml, c, errs)
	}
	f, err := os.ReadFile(filepath.Join(dir, "run", "state", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sum struct {
		Totals map[string]any `json:"totals"`
	}
	if err := json.Unmarshal(f, &sum); err != nil {
		t.Fatal(err)
	}
	if got := sum.Totals["ii_total_yi"]; got != resp.Headline.IITotal {
		t.Errorf("Σ II: simulate run %v, the page %v", got, resp.Headline.IITotal)
	}
}

// TestServeDownloads: the workbook and the HTML report of a state, and of a
// comparison, come back as attachments that carry the state's numbers.
func TestServeDownloads(t *testing.T) {
	ts := workbenchServer(t, t.TempDir())
	body := `{"scenario": "report2020", "changes": ["capital.ict_share[2024]=0.3"]}`
	code, b := post(t, ts, "/api/run", body)
	if code != http.StatusOK {
		t.Fatalf("/api/run: %d %s", code, b)
	}
	var run struct {
		Rows []map[string]float64 `json:"rows"`
	}
	if err := json.Unmarshal(b, &run); err != nil {
		t.Fatal(err)
	}
	want := run.Rows[len(run.Rows)-1]["ii_increment_yi"]

	download := func(path, body, ctype, name string) []byte {
		t.Helper()
		resp, b := postResp(t, ts, path, body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, b)
		}
		if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, ctype) {
			t.Errorf("%s: Content-Type %q, want %q", path, got, ctype)
		}
		if got := resp.Header.Get("Content-Disposition"); got != `attachment; filename="`+name+`"` {
			t.Errorf("%s: Content-Disposition %q, want the file name %q", path, got, name)
		}
		return b
	}

	// The workbook of the state holds its 2024 increment, to the last digit.
	xlsx := download("/api/workbook", body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "report2020-workbench.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatalf("workbook: %v", err)
	}
	rows, err := f.GetRows("Results", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, cell := range rows[len(rows)-1] {
		if v, err := strconv.ParseFloat(cell, 64); err == nil && v == want {
			found = true
		}
	}
	if !found {
		t.Errorf("workbook: the last row of Results %v does not hold the API's 2024 increment %v", rows[len(rows)-1], want)
	}

	// The comparison workbook and report name both pinned states.
	states := `{"states": [{"name": "base", "scenario": "report2020", "changes": []}, {"name": "phi30", "scenario": "report2020", "changes": ["capital.ict_share[2024]=0.3"]}]}`
	f, err = excelize.OpenReader(bytes.NewReader(download("/api/workbook", states, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "compare-base-phi30.xlsx")))
	if err != nil {
		t.Fatalf("comparison workbook: %v", err)
	}
	if got, want := f.GetSheetList(), []string{"Compare", "Totals", "Overlays", "Charts"}; !slices.Equal(got, want) {
		t.Errorf("comparison workbook: sheets %v, want %v", got, want)
	}
	html := string(download("/api/report", states, "text/html", "compare-base-phi30.html"))
	for _, s := range []string{"<html", "base", "phi30", "<svg"} {
		if !strings.Contains(html, s) {
			t.Errorf("comparison report: no %q", s)
		}
	}
	one := string(download("/api/report", body, "text/html", "report2020-workbench.html"))
	if !strings.Contains(one, "<svg") || one == html {
		t.Errorf("report of the state: %d bytes, no chart or the same as the comparison", len(one))
	}
}
