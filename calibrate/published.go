package calibrate

import (
	"fmt"

	"simulate/model"
	"simulate/results"
	"simulate/scenarios"
)

// Published returns the published figures that s names (the targets of
// the spec in its `published` key) beside the model's values in res, in
// the spec's order; figures of years res does not cover are left out, and
// a scenario that names no spec has none. The workbook, the HTML report
// and the workbench all show this table.
func Published(s *scenarios.Scenario, res *model.Results) ([]results.PublishedRow, error) {
	if s.Published == "" {
		return nil, nil
	}
	spec, err := Open(s.Published)
	if err != nil {
		return nil, fmt.Errorf("%s: published: %w", s.Origin("published"), err)
	}
	var rows []results.PublishedRow
	first, last := res.Years[0].Year, res.Years[len(res.Years)-1].Year
	for _, t := range spec.Targets {
		if t.Metric.Check(first, last) != nil {
			continue // a year the run does not cover
		}
		rows = append(rows, results.PublishedRow{Metric: t.Metric, Published: t.Value, Precision: t.Precision, Model: t.Metric.Value(res)})
	}
	return rows, nil
}
