package scenarios

import "strconv"

// KeySource says where the value of one key of a scenario comes from, for
// outputs that list every input with its source (the workbook's Inputs
// sheet, the HTML report).
type KeySource struct {
	// Given is false when no file of the chain gives the key: the
	// default applies, and the other fields are empty.
	Given bool
	// File and Line are where the key is written (Line 0 when unknown).
	File string
	Line int
	// Comment is the comment written above the key and beside it there,
	// joined into one paragraph ("" when there is none).
	Comment string
	// Inherited reports that the key is given by a scenario this one
	// extends rather than by its own file.
	Inherited bool
}

// Where returns "file:line", or the file alone when the line is unknown,
// or "" for a key not given.
func (k KeySource) Where() string {
	if !k.Given {
		return ""
	}
	if k.Line == 0 {
		return k.File
	}
	return k.File + ":" + strconv.Itoa(k.Line)
}

// SourceOf returns where the value of key (a key path such as
// "capital.ict_share") comes from. A table of years that overrides some
// years of an inherited table is reported as given by the overriding file.
func (s *Scenario) SourceOf(key string) KeySource {
	l, ok := s.leaves[key]
	if !ok {
		return KeySource{}
	}
	line, _ := l.pos()
	return KeySource{Given: true, File: l.file.Name, Line: line, Comment: comment(l.file.Src, line), Inherited: l.depth() > 0}
}
