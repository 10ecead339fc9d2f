package main

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestServeInBrowser drives the workbench in headless Chromium, in English
// and Chinese: it loads the page, moves the φ control (capital.ict_share in
// 2024), waits for the page to update, and compares the headline Σ II with
// the API's for the same change; pins two states and checks that the
// comparison chart and table list both; asserts no console errors and a
// full-page screenshot that is not blank (SIMULATE_REPORT_SHOTS=DIR keeps
// the screenshots, to look at them).
func TestServeInBrowser(t *testing.T) {
	exe := findBrowser(t)
	ts := workbenchServer(t, filepath.Join(t.TempDir(), "out"))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1400, 1000))
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}

	// The API's Σ II for the change the test makes.
	code, b := post(t, ts, "/api/run", `{"scenario": "report2020", "changes": ["capital.ict_share[2024]=0.3"]}`)
	if code != 200 {
		t.Fatalf("/api/run: %d %s", code, b)
	}
	var api struct {
		Headline struct {
			IITotal float64 `json:"ii_total_yi"`
		} `json:"headline"`
	}
	if err := json.Unmarshal(b, &api); err != nil {
		t.Fatal(err)
	}
	want := thousands(strconv.FormatFloat(api.Headline.IITotal, 'f', 1, 64))

	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, tcancel := context.WithTimeout(tab, 2*time.Minute)
			defer tcancel()
			console := watchConsole(ctx)
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?lang="+lang), chromedp.WaitReady(chromedp.CSS("#chart-ii_increment svg"))); err != nil {
				t.Fatalf("opening the page: %v", err)
			}
			eval := func(js string) string {
				t.Helper()
				s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
				if err != nil {
					t.Fatalf("%s: %v", js, err)
				}
				return s
			}
			// waitFor polls js until it is true.
			waitFor := func(what, js string) {
				t.Helper()
				for range 200 {
					if eval("String(!!("+js+"))") == "true" {
						return
					}
					time.Sleep(50 * time.Millisecond)
				}
				t.Fatalf("timed out waiting for %s", what)
			}
			waitFor("the headline", `document.getElementById("h-total").textContent !== "–"`)
			before := eval(`document.getElementById("h-total").textContent`)
			svgBefore := eval(`document.getElementById("chart-ii_increment").innerHTML`)
			eval(`(() => { const n = document.querySelector('input[data-key="capital.ict_share"][data-year="2024"]');
				n.value = "0.3"; n.dispatchEvent(new Event("change")); return ""; })()`)
			waitFor("the update", `document.getElementById("h-total").textContent !== `+strconv.Quote(before))
			if got := eval(`document.getElementById("h-total").textContent`); got != want {
				t.Errorf("Σ II on the page %q, the API's %q", got, want)
			}
			if eval(`document.getElementById("chart-ii_increment").innerHTML`) == svgBefore {
				t.Error("the chart did not change")
			}
			// Pin two states.
			eval(`(() => { document.getElementById("pin-name").value = "phi30"; document.getElementById("pin").click(); return ""; })()`)
			eval(`(() => { const n = document.querySelector('input[data-key="capital.ict_share"][data-year="2024"]');
				n.value = "0.1"; n.dispatchEvent(new Event("change")); return ""; })()`)
			waitFor("the second update", `document.getElementById("h-total").textContent !== `+strconv.Quote(want))
			eval(`(() => { document.getElementById("pin-name").value = "phi10"; document.getElementById("pin").click(); return ""; })()`)
			waitFor("the comparison chart", `document.querySelectorAll("#ctable tbody tr").length === 2 && document.querySelector("#cchart-compare_ii_increment svg")`)
			chart := eval(`document.getElementById("cchart-compare_ii_increment").innerHTML`)
			table := eval(`document.getElementById("ctable").innerText`)
			for _, n := range []string{"phi30", "phi10"} {
				if !strings.Contains(chart, n) {
					t.Errorf("the comparison chart does not list %s", n)
				}
				if !strings.Contains(table, n) {
					t.Errorf("the totals table does not list %s", n)
				}
			}
			// Shift the whole growth path by +0.5 pp: every year's box
			// moves, and the page's Σ II is the API's for that path.
			prev := eval(`document.getElementById("h-total").textContent`)
			eval(`(() => { const s = document.querySelector('input[data-shift="gdp.growth_pct"]');
				s.value = "0.5"; s.parentElement.querySelector("button").click(); return ""; })()`)
			waitFor("the shifted path", `document.getElementById("h-total").textContent !== `+strconv.Quote(prev))
			growth := eval(`[...document.querySelectorAll('input[data-key="gdp.growth_pct"][data-year]')].map((n) => n.value).join(",")`)
			if growth != "6.8,6.6,6.5,6.2,6.1,6" {
				t.Errorf("growth after the shift: %s, want 6.8,6.6,6.5,6.2,6.1,6", growth)
			}
			code, b := post(t, ts, "/api/run", `{"scenario": "report2020", "changes": ["capital.ict_share[2024]=0.1",
				"gdp.growth_pct[2019]=6.8", "gdp.growth_pct[2020]=6.6", "gdp.growth_pct[2021]=6.5",
				"gdp.growth_pct[2022]=6.2", "gdp.growth_pct[2023]=6.1", "gdp.growth_pct[2024]=6"]}`)
			if code != 200 {
				t.Fatalf("/api/run: %d %s", code, b)
			}
			if err := json.Unmarshal(b, &api); err != nil {
				t.Fatal(err)
			}
			if got, want := eval(`document.getElementById("h-total").textContent`), thousands(strconv.FormatFloat(api.Headline.IITotal, 'f', 1, 64)); got != want {
				t.Errorf("Σ II after the shift: %q on the page, %q from the API", got, want)
			}
			if lang == "zh" && !strings.Contains(eval(`document.body.innerText`), "比较") {
				t.Error("the page is not in Chinese")
			}
			checkScreenshot(t, ctx, "workbench-"+lang)
			for _, m := range console() {
				t.Errorf("console: %s", m)
			}
		})
	}
	if code, _ := post(t, ts, "/api/run", `{"scenario": "report2020"}`); code != http.StatusOK {
		t.Errorf("after the browser: %d", code)
	}
}

// thousands groups the integer digits of a decimal as en-US does: 48979.5
// → 48,979.5.
func thousands(s string) string {
	i := strings.IndexByte(s, '.')
	if i < 0 {
		i = len(s)
	}
	var b strings.Builder
	for j, r := range s[:i] {
		if j > 0 && (i-j)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + s[i:]
}
