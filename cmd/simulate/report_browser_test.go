package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg"
	_ "image/png"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"rsc.io/pdf"
)

// requireBrowserEnv, when set to anything, makes the browser test fail
// instead of skip when no Chromium is found. .ci/run sets it.
const requireBrowserEnv = "SIMULATE_REQUIRE_BROWSER"

// browsers are the commands tried, in order, for a Chromium.
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell", "headless_shell"}

// findBrowser returns the path of a Chromium, or skips the test (fails it
// when requireBrowserEnv is set).
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, b := range browsers {
		if p, err := exec.LookPath(b); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("no Chromium found (tried %s): install Debian's package chromium (apt-get install chromium) to run the browser test of the HTML report",
		strings.Join(browsers, ", "))
	if os.Getenv(requireBrowserEnv) != "" {
		t.Fatalf("%s; %s is set, so the test may not skip", msg, requireBrowserEnv)
	}
	t.Skip(msg)
	return ""
}

// pageCheck is what the browser test expects of one report.
type pageCheck struct {
	name   string
	args   []string // of simulate report
	file   string   // the report's file, in DIR/report/
	charts int      // inline SVG charts
	// pages is the number of pages printed to PDF (A4, the page's @page
	// size), measured with Debian 12's chromium and fonts-wqy-microhei
	// (the CJK font .ci/run installs): a change in the layout that adds or
	// removes pages shows here, and is then looked at and the number
	// updated.
	pages int
	runs  []string // scenarios whose headline numbers the page shows
}

// The browser test: simulate report writes the report of the baseline and
// of a two-scenario comparison; headless Chromium opens each and the test
// asserts no console errors and no resources loaded, a non-empty box for
// every chart, the headline numbers of results.csv in the page's text, the
// number of printed pages, and a screenshot that is not blank.
func TestReportInBrowser(t *testing.T) {
	exe := findBrowser(t)
	dir := t.TempDir()
	checks := []pageCheck{
		// ii_increment, decomposition, ii_channels, ii_cumulative,
		// history_projection.
		{name: "baseline", args: []string{"report2020"}, file: "report2020.html", charts: 5, pages: 7, runs: []string{"report2020"}},
		// Each run's five, and four comparison charts.
		{name: "comparison", args: []string{"report2020", "actual2019-2024"}, file: "compare-report2020-actual2019-2024.html",
			charts: 14, pages: 15, runs: []string{"report2020", "actual2019-2024"}},
		{name: "baseline-zh", args: []string{"--lang", "zh", "--name", "report2020-zh", "report2020"}, file: "report2020-zh.html", charts: 5, pages: 6, runs: []string{"report2020"}},
	}
	// The results.csv of each scenario, from simulate run (SVG charts: PNG
	// takes minutes under the race detector).
	if code, _, stderr := simulate(t, "run", "--format", "svg", "--out", dir, "report2020", "actual2019-2024"); code != 0 {
		t.Fatalf("simulate run: exit %d: %s", code, stderr)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
	)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", exe, err)
	}

	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"report", "--out", dir}, c.args...)
			if code, _, stderr := simulate(t, args...); code != 0 {
				t.Fatalf("simulate %s: exit %d: %s", strings.Join(args, " "), code, stderr)
			}
			file := filepath.Join(dir, "report", c.file)
			checkPage(t, bctx, file, c, dir)
		})
	}
}

func checkPage(t *testing.T, parent context.Context, file string, c pageCheck, dir string) {
	t.Helper()
	tab, cancel := chromedp.NewContext(parent) // a new tab
	defer cancel()
	ctx, tcancel := context.WithTimeout(tab, 2*time.Minute)
	defer tcancel()

	// Collect the console while the page loads and is printed.
	console := watchConsole(ctx)

	u := (&url.URL{Scheme: "file", Path: file}).String()
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}

	// Every chart has a box of some size on the page.
	boxes, err := chromedp.Run(ctx, chromedp.Evaluate[[][2]float64](
		`Array.from(document.querySelectorAll("svg.chart")).map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; })`))
	if err != nil {
		t.Fatal(err)
	}
	if len(boxes) != c.charts {
		t.Errorf("%d charts, want %d", len(boxes), c.charts)
	}
	for i, b := range boxes {
		if !(b[0] > 100 && b[1] > 50) {
			t.Errorf("chart %d: box %v × %v, want a visible chart", i+1, b[0], b[1])
		}
	}
	// The page loaded nothing: no image, font, style sheet or script.
	res, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType("resource").map(e => e.name)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) > 0 {
		t.Errorf("the page loaded %v; it must be self-contained", res)
	}

	// The headline numbers are those of results.csv.
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range c.runs {
		want := headlineFromCSV(t, filepath.Join(dir, run, "results.csv"))
		sel := "#s-" + strings.ReplaceAll(run, ".", "_")
		for cls, w := range map[string]string{"total-ii": want[0], "period-share": want[1], "last-increment": want[2]} {
			got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel+" dd."+cls)))
			if err != nil {
				t.Fatalf("%s dd.%s: %v", sel, cls, err)
			}
			if got != w {
				t.Errorf("%s: %s shows %q, want %q (from results.csv)", run, cls, got, w)
			}
			if !strings.Contains(text, w) {
				t.Errorf("%s: the page's text lacks %q", run, w)
			}
		}
	}

	// Printed to PDF (A4, the page's own @page size): the number of pages.
	data, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the printed PDF does not read: %v", err)
	}
	if n := doc.NumPage(); n != c.pages {
		t.Errorf("printed to %d pages, want %d", n, c.pages)
	}

	// A full-page screenshot that is not blank.
	checkScreenshot(t, ctx, c.name)
	if d := os.Getenv("SIMULATE_REPORT_SHOTS"); d != "" { // to look at them
		_ = os.WriteFile(filepath.Join(d, c.name+".pdf"), data, 0o644)
	}
	for _, m := range console() {
		t.Errorf("console: %s", m)
	}
}

// watchConsole collects the errors and exceptions of the page in ctx's
// tab from now on; the function it returns stops collecting and returns
// them.
func watchConsole(ctx context.Context) (stop func() []string) {
	cctx, cancel := context.WithCancel(ctx)
	messages := chromedp.Console(cctx) // subscribed before the page loads
	var msgs []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				msgs = append(msgs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
			}
		}
	}()
	return func() []string {
		cancel()
		<-done
		return msgs
	}
}

// checkScreenshot takes a full-page screenshot of ctx's tab and fails t if
// it is blank (under 2 % of pixels inked or under 16 colours); with
// SIMULATE_REPORT_SHOTS=DIR it keeps it as DIR/name.png, to look at.
func checkScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	if ink, colours := inked(img); ink < 0.02 || colours < 16 {
		t.Errorf("screenshot of %s: %.1f %% of pixels inked, %d colours; want a page with text and charts", name, 100*ink, colours)
	}
	if d := os.Getenv("SIMULATE_REPORT_SHOTS"); d != "" {
		_ = os.WriteFile(filepath.Join(d, name+".png"), shot, 0o644)
	}
}

// headlineFromCSV returns the headline numbers as the report prints them,
// computed from results.csv: Σ II (the last cumulative increment), the
// period's II share of growth (Σ II / Σ ΔGDP) and the last year's
// increment.
func headlineFromCSV(t *testing.T, file string) [3]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	num := func(r []string, name string) float64 {
		v, err := strconv.ParseFloat(r[col[name]], 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	var ii, dgdp float64
	for _, r := range rows[1:] {
		ii += num(r, "ii_increment_yi")
		dgdp += num(r, "delta_gdp_yi")
	}
	last := rows[len(rows)-1]
	return [3]string{
		strconv.FormatFloat(num(last, "ii_cumulative_yi"), 'f', 1, 64) + " 亿元",
		strconv.FormatFloat(100*ii/dgdp, 'f', 2, 64) + " %",
		strconv.FormatFloat(num(last, "ii_increment_yi"), 'f', 1, 64) + " 亿元",
	}
}

// inked returns the share of pixels of img that are not near white, and
// the number of distinct colours (up to 256, in 4 bits a channel).
func inked(img image.Image) (float64, int) {
	b := img.Bounds()
	var ink, all int
	seen := map[uint16]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			all++
			if math.Min(math.Min(float64(c.R), float64(c.G)), float64(c.B)) < 230 {
				ink++
			}
			if len(seen) < 256 {
				seen[uint16(c.R>>4)<<8|uint16(c.G>>4)<<4|uint16(c.B>>4)] = true
			}
		}
	}
	return float64(ink) / float64(max(all, 1)), len(seen)
}
