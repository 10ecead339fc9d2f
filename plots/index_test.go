package plots

import (
	"strings"
	"testing"

	"simulate/cii"
	"simulate/indexes"
)

// TestIndexChartsSVG draws every index chart of the shipped cii2020 in
// English and Chinese as SVG and checks titles, axis labels, legends and
// the industries' and stages' names from the file.
func TestIndexChartsSVG(t *testing.T) {
	f, err := indexes.LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	ix := f.Index
	var r cii.Result
	ix.Evaluate(&r)
	retail, _ := ix.Industry("retail")
	ivs, err := ix.Feasible(retail)
	if err != nil {
		t.Fatal(err)
	}
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang  string
		theme *Theme
		want  [][]string // per chart: whole texts
	}{
		{"en", nil, [][]string{
			{"Industrial-internet index by industry (cii2020)", "Industrial-internet index (points)", "Finance", "Manufacturing", "30.20", "Mean of the industries: 17.09", "Published index"},
			{"Industrial-internet index by stage contribution", "Contribution to the industry's index (points)", "Retail", "Payments and transfers", "First stage of the chain", "Last stage"},
			{"Retail: penetration by stage (index 21.5)", "Penetration (%)", "Back-office commerce (weight 31.0 %)", "· Payment and settlement (28.6 % of the stage)",
				"Given by the report's text", "Reconstructed", "Stage: weighted mean of its sub-stages", "Interval the text and the published index leave", "Industry index: 21.50"},
			{"report2020-index: the industrial-internet index that drives theta", "Industrial-internet index (points)", "Index I, driving theta = kappa × I / 100", "17.09", "23.46"},
		}},
		{"zh", zh, [][]string{
			{"各行业产业互联网指数（cii2020）", "产业互联网指数（点）", "金融", "制造", "各行业算术平均：17.09", "报告值"},
			{"各行业产业互联网指数：按流程贡献分解", "对行业指数的贡献（点）", "零售", "销售服务", "产业链首个流程", "最后一个流程"},
			{"零售：各流程产业互联网渗透率（指数21.5）", "渗透率（%）", "后台商务（权重31.0%）", "· 支付结算（占流程28.6%）",
				"报告正文给出", "重构值", "流程：各子环节的加权平均", "正文与报告指数允许的区间", "行业指数：21.50"},
			{"report2020-index：驱动θ的产业互联网指数", "产业互联网指数（点）", "驱动θ的指数I：θ = κ·I/100"},
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			charts := make([]*Chart, 4)
			var err error
			if charts[0], err = IndexIndustries(tc.theme, ix, &r); err != nil {
				t.Fatal(err)
			}
			if charts[1], err = IndexContributions(tc.theme, ix, &r); err != nil {
				t.Fatal(err)
			}
			if charts[2], err = IndexStages(tc.theme, retail, r.Scores[3], ivs); err != nil {
				t.Fatal(err)
			}
			if charts[3], err = IndexPath(tc.theme, "report2020-index", []int{2019, 2020, 2021, 2022, 2023, 2024},
				[]float64{17.09, 18.44, 19.92, 21.22, 22.34, 23.46}, "TP 1.1355"); err != nil {
				t.Fatal(err)
			}
			for i, c := range charts {
				texts := renderSVG(t, c)
				all := c.Title + "\n" + strings.Join(texts, "\n")
				for _, w := range tc.want[i] {
					if !strings.Contains(all, w) {
						t.Errorf("chart %d lacks %q; texts:\n%s", i, w, all)
					}
				}
			}
		})
	}
}

// TestIndexChartErrors checks that charts refuse what they cannot draw.
func TestIndexChartErrors(t *testing.T) {
	ix := &cii.Index{Industries: []*cii.Industry{{Key: "a"}}}
	if _, err := IndexIndustries(nil, ix, &cii.Result{}); err == nil {
		t.Error("IndexIndustries without scores: no error")
	}
	if _, err := IndexStages(nil, ix.Industries[0], 1, nil); err == nil {
		t.Error("IndexStages without stages: no error")
	}
	if _, err := IndexPath(nil, "s", []int{2019}, nil, ""); err == nil {
		t.Error("IndexPath without values: no error")
	}
}

// TestIndexRanksSVG draws the rank intervals of draws in which finance and
// retail swap places, in both languages.
func TestIndexRanksSVG(t *testing.T) {
	f, err := indexes.LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	ix := f.Index
	var r cii.Result
	ix.Evaluate(&r)
	var scores []float64
	for d := range 20 {
		s := append([]float64(nil), r.Scores...)
		if d%4 == 0 {
			s[0], s[3] = s[3], s[0] // finance and retail swap
		}
		scores = append(scores, s...)
	}
	ris, err := cii.RankIntervals(ix, scores)
	if err != nil {
		t.Fatal(err)
	}
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		theme *Theme
		want  []string
	}{
		{nil, []string{"cii2020: ranks of the industries over 20 draws", "Rank (1 = highest index)", "Finance", "5–95 % of the draws", "Median rank", "Rank in the index as given"}},
		{zh, []string{"cii2020：各行业排名（20次抽样）", "排名（1为指数最高）", "金融", "5–95%抽样区间", "排名中位数", "原指数排名"}},
	} {
		c, err := IndexRanks(tc.theme, ix, ris, 20)
		if err != nil {
			t.Fatal(err)
		}
		all := c.Title + "\n" + strings.Join(renderSVG(t, c), "\n")
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("lacks %q:\n%s", w, all)
			}
		}
	}
}

// TestIndexChartsPDF draws the English index charts as PDF, whose backend
// draws only Windows-1252 text.
func TestIndexChartsPDF(t *testing.T) {
	f, err := indexes.LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	ix := f.Index
	var r cii.Result
	ix.Evaluate(&r)
	ind, _ := ix.Industry("education")
	ivs, _ := ix.Feasible(ind)
	mk := []func() (*Chart, error){
		func() (*Chart, error) { return IndexIndustries(nil, ix, &r) },
		func() (*Chart, error) { return IndexContributions(nil, ix, &r) },
		func() (*Chart, error) { return IndexStages(nil, ind, r.Scores[5], ivs) },
		func() (*Chart, error) { return IndexPath(nil, "s", []int{2019, 2020}, []float64{17.09, 18}, "TP 1.1") },
	}
	for i, m := range mk {
		c, err := m()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Render(c, PDF); err != nil {
			t.Errorf("chart %d: %v", i, err)
		}
	}
}
