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

	// Every problem is reported at once, each with its file, line, column
	// and key; a problem of several years once, naming them.
	_, err = scenarios.Parse("bad.toml", []byte(`extends = "report2020"
[capital]
ict_shar = 0.2
private_ii_share = 3
`))
	fmt.Println(err)
	// Output:
	// example: 2020, GDP growth 6.1 %, II increment 2809.2 亿元, 4.81 % of the GDP increment
	// bad.toml:3:1: capital.ict_shar: unknown key "ict_shar" in [capital]; did you mean ict_share?
	// bad.toml:4:1: capital.private_ii_share: 3 is outside the allowed range [0, 1] (fraction) in years 2019–2024
}
