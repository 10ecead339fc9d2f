package scenarios_test

import (
	"fmt"

	"simulate/model"
	"simulate/scenarios"
)

// Load a scenario (here from a source in memory; Open takes a file or the
// name of an embedded scenario), evaluate it and read one year's results.
func Example() {
	src := []byte(`
name = "example"
title = "A two-year scenario"

[span]
base_year = 2018
last_year = 2020

[gdp]
base_yi = 900309
growth_pct = { 2019 = 6.3, 2020 = 6.1 }

[labor]
share_pct = 3.7

[capital]
share_pct = 32.5
ict_share = 0.15
private_ii_share = 0.3

[tfp.ii_share]
technical_progress = { linear = { 2019 = 0.19, 2020 = 0.21 } }
`)
	s, err := scenarios.Parse("example.toml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	y := res.Years[1]
	fmt.Printf("%s: %d, GDP growth %.1f %%, II increment %.1f 亿元, %.2f %% of the GDP increment\n",
		s.Name, y.Year, 100*y.Growth, y.II, 100*y.IIShare)

	// A problem is reported with its file, line, column and key.
	_, err = scenarios.Parse("bad.toml", []byte("[span]\nbase_yeer = 2018\n"))
	fmt.Println(err)
	// Output:
	// example: 2020, GDP growth 6.1 %, II increment 2809.2 亿元, 4.81 % of the GDP increment
	// bad.toml:2:1: span.base_yeer: unknown key "base_yeer" in [span]; did you mean base_year?
}
