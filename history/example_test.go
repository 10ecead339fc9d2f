package history_test

import (
	"fmt"

	"simulate/history"
	"simulate/pwt"
)

// China in the 2010s according to PWT 9.1, with the default inputs (those of
// PWT's own TFP index). Means are of yearly log growth ×100. PWT's rgdpna grows
// more slowly here than China's official real GDP (NBS: 6.7–10.4 % a year, a mean
// of about 7.5 log points over 2010–2017).
func ExampleDecompose() {
	tab, err := pwt.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	chn, _ := tab.Country("CHN")
	res, err := history.Decompose(chn, history.Options{From: 2010, To: 2017})
	if err != nil {
		fmt.Println(err)
		return
	}
	var gdp, k, l, tfp float64
	for _, r := range res.Rows {
		fmt.Printf("%d  GDP %5.2f = K %5.2f + L %5.2f + TFP %5.2f  (ā_L %.3f)\n",
			r.Year, r.GDP, r.Capital, r.Labour, r.TFP, r.LabourShare)
		gdp += r.GDP
		k += r.Capital
		l += r.Labour
		tfp += r.TFP
	}
	n := float64(len(res.Rows))
	fmt.Printf("mean %d–%d: GDP %.2f = K %.2f + L %.2f + TFP %.2f log points; %d years skipped\n",
		res.Rows[0].Year, res.Rows[len(res.Rows)-1].Year, gdp/n, k/n, l/n, tfp/n, len(res.Skipped))
	// Output:
	// 2010  GDP 12.22 = K  5.55 + L  1.39 + TFP  5.27  (ā_L 0.550)
	// 2011  GDP  7.69 = K  5.03 + L  1.14 + TFP  1.52  (ā_L 0.549)
	// 2012  GDP  5.44 = K  4.68 + L  1.13 + TFP -0.37  (ā_L 0.555)
	// 2013  GDP  6.81 = K  4.18 + L  0.83 + TFP  1.80  (ā_L 0.566)
	// 2014  GDP  6.14 = K  3.62 + L  0.97 + TFP  1.55  (ā_L 0.575)
	// 2015  GDP  3.77 = K  3.23 + L  0.85 + TFP -0.31  (ā_L 0.581)
	// 2016  GDP  3.84 = K  2.92 + L  0.83 + TFP  0.09  (ā_L 0.583)
	// 2017  GDP  4.23 = K  2.69 + L  0.64 + TFP  0.91  (ā_L 0.583)
	// mean 2010–2017: GDP 6.27 = K 3.99 + L 0.97 + TFP 1.31 log points; 0 years skipped
}
