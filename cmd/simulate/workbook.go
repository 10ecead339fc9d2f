package main

import (
	"fmt"
	"path"

	"simulate/calibrate"
	"simulate/model"
	"simulate/output"
	"simulate/results"
	"simulate/scenarios"
	"simulate/workbook"
)

// inputRows returns the resolved inputs of s with the source of each.
func inputRows(s *scenarios.Scenario) []results.InputRow {
	return results.InputRows(s.Inputs, func(key string) results.InputSource {
		k := s.SourceOf(key)
		return results.InputSource{Where: k.Where(), Comment: k.Comment, Inherited: k.Inherited}
	})
}

// publishedRows returns the published figures that s names (the targets
// of its calibration spec) beside the model's values in res; none when s
// names none.
func publishedRows(s *scenarios.Scenario, res *model.Results) ([]results.PublishedRow, error) {
	if s.Published == "" {
		return nil, nil
	}
	spec, err := calibrate.Open(s.Published)
	if err != nil {
		return nil, invalid(fmt.Errorf("%s: published: %w", s.Origin("published"), err))
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

// runWorkbook returns the workbook of one scenario's run.
func runWorkbook(s *scenarios.Scenario, res *model.Results) (*workbook.Book, error) {
	pub, err := publishedRows(s, res)
	if err != nil {
		return nil, err
	}
	return workbook.RunBook(workbook.Run{Scenario: s.Name, Title: s.Title, Results: res, Inputs: inputRows(s), Published: pub}), nil
}

// addWorkbook adds the workbook b to batch as DIR/<dir>/<name>.xlsx.
func addWorkbook(batch *output.Batch, dir, name string, b *workbook.Book) error {
	data, err := b.Bytes()
	if err != nil {
		return err
	}
	return batch.Add(path.Join(dir, name+".xlsx"), data)
}

// names returns the names of the scenarios of list.
func names(list []*scenarios.Scenario) []string {
	var ns []string
	for _, s := range list {
		ns = append(ns, s.Name)
	}
	return ns
}
