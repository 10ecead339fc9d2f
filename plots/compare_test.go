package plots

import (
	"errors"
	"strings"
	"testing"

	"simulate/model"
)

// otherBase returns the baseline's inputs one year earlier: base 2017,
// projected 2018–2024, so at 2017 prices over another period.
func otherBase() model.Results {
	in := model.NewInputs(2017, 7)
	in.BaseGDP = 820800
	copy(in.Growth, []float64{0.066, 0.063, 0.061, 0.060, 0.057, 0.056, 0.055})
	for i := range in.Len() {
		in.LaborShare[i], in.CapitalShare[i] = 0.037, 0.325
		in.ICTShare[i], in.PrivateIIShare[i] = 0.15, 0.4
		in.TFPII[model.TechnicalProgress][i] = 0.2
	}
	var res model.Results
	model.Evaluate(&res, in)
	return res
}

// sameShares returns the baseline with every year's growth 1 pp lower:
// contributions and the II increment scale with growth, so the II share
// of growth is the baseline's in every year.
func sameShares() model.Results {
	in := model.NewInputs(2018, 6)
	in.BaseGDP = 900309
	copy(in.Growth, []float64{0.053, 0.051, 0.050, 0.047, 0.046, 0.045})
	theta := []float64{0.183, 0.200, 0.216, 0.231, 0.243, 0.256}
	for i := range in.Len() {
		in.LaborShare[i], in.CapitalShare[i] = 0.037, 0.325
		in.ICTShare[i], in.PrivateIIShare[i] = 0.15, 0.4
		for _, d := range []model.Dimension{model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency} {
			in.TFPII[d][i] = theta[i]
		}
	}
	var res model.Results
	model.Evaluate(&res, in)
	return res
}

// TestComparePriceBases compares scenarios at 2018 and at 2017 prices:
// every caption names each one's price base, and the difference chart
// leaves out the one at other prices, saying so.
func TestComparePriceBases(t *testing.T) {
	sc := []Scenario{{"report", baseline()}, {"pwt", otherBase()}, {"slow", scenarios()[1].Results}}
	for name, f := range map[string]func(*Theme, []Scenario) (*Chart, error){"ii": CompareII, "share": CompareIIShare, "growth": CompareGrowth} {
		c, err := f(nil, sc)
		if err != nil {
			t.Fatal(err)
		}
		want := "GDP at constant prices of each scenario's base year: “report” at 2018 prices, “pwt” at 2017 prices, “slow” at 2018 prices."
		if !strings.Contains(c.Caption, want) {
			t.Errorf("%s: caption %q lacks %q", name, c.Caption, want)
		}
		if lo, hi := c.Plot.X.Min, c.Plot.X.Max; lo > 2018 || hi < 2024 {
			t.Errorf("%s: x axis %v–%v does not cover 2018–2024", name, lo, hi)
		}
	}
	d, err := CompareIIDiff(nil, sc)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.LegendEntries(); len(got) != 1 || got[0] != "slow" {
		t.Errorf("difference chart lines %q, want only slow", got)
	}
	for _, w := range []string{"GDP at constant 2018 prices.", "Not shown, at other prices: “pwt” at 2017 prices."} {
		if !strings.Contains(d.Caption, w) {
			t.Errorf("difference caption %q lacks %q", d.Caption, w)
		}
	}
	if lo := d.Plot.X.Min; lo < 2018 {
		t.Errorf("difference chart starts at %v, before the first common year 2019", lo)
	}
	// Only a scenario at other prices: no difference chart.
	if _, err := CompareIIDiff(nil, sc[:2]); !errors.Is(err, ErrNoCommonPrices) {
		t.Errorf("got %v, want ErrNoCommonPrices", err)
	}
	cs, err := CompareCharts(nil, sc[:2])
	if err != nil || len(cs) != 3 {
		t.Errorf("CompareCharts at two price bases: %d charts, %v; want 3, without the difference", len(cs), err)
	}
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	c, err := CompareII(zh, sc[:2])
	if err != nil {
		t.Fatal(err)
	}
	if want := "注释：GDP按各情景基期年份的不变价格计算：“report”为2018年价格、“pwt”为2017年价格。"; !strings.Contains(c.Caption, want) {
		t.Errorf("zh caption %q lacks %q", c.Caption, want)
	}
	if _, err := Render(c, PNG); err != nil {
		t.Errorf("zh PNG: %v", err)
	}
}

// TestCompareCoincide checks that lines that coincide are named in the
// caption: growth 1 pp lower leaves the II share of growth unchanged.
func TestCompareCoincide(t *testing.T) {
	sc := []Scenario{{"report", baseline()}, {"lower growth", sameShares()}, {"slow", scenarios()[1].Results}}
	c, err := CompareIIShare(nil, sc)
	if err != nil {
		t.Fatal(err)
	}
	if want := "The lines of “report” and “lower growth” coincide"; !strings.Contains(c.Caption, want) {
		t.Errorf("caption %q lacks %q", c.Caption, want)
	}
	c, err = CompareII(nil, sc)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(c.Caption, "coincide") {
		t.Errorf("II increments differ, but the caption says %q", c.Caption)
	}
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	c, err = CompareIIShare(zh, sc)
	if err != nil {
		t.Fatal(err)
	}
	if want := "“report”与“lower growth”的曲线完全重合。"; !strings.Contains(c.Caption, want) {
		t.Errorf("zh caption %q lacks %q", c.Caption, want)
	}
	if _, err := Render(c, PNG); err != nil {
		t.Errorf("zh PNG: %v", err)
	}
}

func TestChartLanguage(t *testing.T) {
	c, err := CompareII(nil, scenarios())
	if err != nil || c.Language() != English {
		t.Errorf("nil theme: %v, %v", c.Language(), err)
	}
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	c, err = CompareII(zh, scenarios())
	if err != nil || c.Language() != Chinese {
		t.Errorf("zh theme: %v, %v", c.Language(), err)
	}
}
