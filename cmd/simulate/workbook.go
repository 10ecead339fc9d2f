package main

import (
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

// publishedRows is calibrate.Published with its error marked as bad input.
func publishedRows(s *scenarios.Scenario, res *model.Results) ([]results.PublishedRow, error) {
	rows, err := calibrate.Published(s, res)
	if err != nil {
		return nil, invalid(err)
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
