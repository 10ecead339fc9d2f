package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"simulate/model"
	"simulate/plots"
	"simulate/report"
	"simulate/results"
	"simulate/scenarios"
)

// baseline returns the report of report2020 in lang, with its charts.
func baseline(t *testing.T, lang plots.Language) []byte {
	t.Helper()
	s, err := scenarios.Open("report2020")
	if err != nil {
		t.Fatal(err)
	}
	res := new(model.Results)
	model.Evaluate(res, s.Inputs)
	theme, err := plots.NewTheme(lang, "")
	if err != nil {
		t.Fatal(err)
	}
	charts, err := plots.ResultCharts(theme, *res, nil)
	if err != nil {
		t.Fatal(err)
	}
	var cs []report.Chart
	for _, c := range charts {
		b, err := plots.Render(c.Chart, plots.SVG)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, report.Chart{Name: c.Name, SVG: b})
	}
	rows := results.InputRows(s.Inputs, func(key string) results.InputSource {
		k := s.SourceOf(key)
		return results.InputSource{Where: k.Where(), Comment: k.Comment, Inherited: k.Inherited}
	})
	r := &report.Report{Lang: lang.String(), Command: "simulate report", Version: "test", Runs: []report.Run{{
		Name: s.Name, Title: s.Title, Source: s.Source, Results: res, Inputs: rows,
		InputsHash: results.InputsHash(s.Inputs), Charts: cs,
	}}}
	var buf bytes.Buffer
	if err := report.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The report's published headline figures: Σ II 4.63 万亿元 (46306.9 亿元
// by the published increments), 2024's increment 9387.8 亿元 (section
// 1.2), and the period share Σ II / Σ ΔY.
func TestHeadlines(t *testing.T) {
	s, err := scenarios.Open("report2020")
	if err != nil {
		t.Fatal(err)
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	h := report.Headlines(&res)
	want := report.Headline{TotalII: "46306.9 亿元", PeriodShare: "12.61 %", LastIncrement: "9387.8 亿元", LastYear: 2024}
	if h != want {
		t.Errorf("got %+v, want %+v", h, want)
	}
}

func TestFixed(t *testing.T) {
	for _, c := range []struct {
		v    float64
		d    int
		want string
	}{{1.25, 1, "1.2"}, {-0.04, 1, "0.0"}, {-0.06, 1, "-0.1"}, {46306.94, 1, "46306.9"}, {0, 2, "0.00"}} {
		if got := report.Fixed(c.v, c.d); got != c.want {
			t.Errorf("Fixed(%v, %d) = %q, want %q", c.v, c.d, got, c.want)
		}
	}
}

// The page loads nothing: no script, style sheet, image, font or frame,
// and no URL but the SVG namespaces.
func TestSelfContained(t *testing.T) {
	for _, lang := range []plots.Language{plots.English, plots.Chinese} {
		page := string(baseline(t, lang))
		for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src=", "@font-face"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: the page holds %q", lang, bad)
			}
		}
		urls := regexp.MustCompile(`https?://[^"' <>)]+`).FindAllString(page, -1)
		for _, u := range urls {
			if u != "http://www.w3.org/2000/svg" && u != "http://www.w3.org/1999/xlink" {
				t.Errorf("%s: the page names %s", lang, u)
			}
		}
		if n := len(page); n > report.MaxBaselineBytes {
			t.Errorf("%s: %d bytes, want at most %d", lang, n, report.MaxBaselineBytes)
		}
		if got := strings.Count(page, `<svg class="chart"`); got != 4 {
			t.Errorf("%s: %d inline charts, want 4", lang, got)
		}
	}
}

func TestLanguages(t *testing.T) {
	en, zh := string(baseline(t, plots.English)), string(baseline(t, plots.Chinese))
	for _, want := range []string{`<html lang="en">`, "Headline numbers", "Inputs", "Method"} {
		if !strings.Contains(en, want) {
			t.Errorf("en: no %q", want)
		}
	}
	for _, want := range []string{`<html lang="zh-CN">`, "主要数字", "产业互联网带来的GDP增量合计", "输入", "方法", "Noto Sans CJK SC", "Microsoft YaHei"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh: no %q", want)
		}
	}
	// Every input of the baseline with its source comment.
	for _, want := range []string{"gdp.base_yi", "embedded:report2020.toml:", "NBS: 2018 GDP as first published", "capital.ict_share"} {
		if !strings.Contains(en, want) {
			t.Errorf("en: no %q", want)
		}
	}
}

func TestSameBytes(t *testing.T) {
	if !bytes.Equal(baseline(t, plots.English), baseline(t, plots.English)) {
		t.Error("two reports of the same run differ")
	}
}
