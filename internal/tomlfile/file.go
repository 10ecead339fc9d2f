package tomlfile

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// File is the source of one TOML file, with the positions of its keys.
// The zero File is an empty file without a name. A File may be used by
// several goroutines at once.
type File struct {
	Name string // as shown in messages
	Src  []byte

	once sync.Once
	idx  index
}

// NewFile returns the file called name (as shown in messages) with source
// src.
func NewFile(name string, src []byte) *File { return &File{Name: name, Src: src} }

// Decode decodes the file into a generic table. A file nested deeper than
// MaxDepth or holding more than MaxKeys keys is refused before the decoder
// sees it ([File.CheckShape]). A panic inside the decoder
// (a decoder bug on odd input) becomes an error, and a syntax error becomes
// an *Error with the line and column the decoder gives.
func (f *File) Decode() (map[string]any, error) {
	if err := f.CheckShape(); err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := safeDecode(f.Src, &raw); err != nil {
		return nil, f.decodeError(err)
	}
	return raw, nil
}

// safeDecode runs the TOML decoder, turning a panic inside it into an
// error.
func safeDecode(src []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the TOML decoder failed on this input: %v", r)
		}
	}()
	_, err = toml.Decode(string(src), v)
	return err
}

// decodeError turns a decoder error into an *Error with the position the
// decoder gives. It reads ParseError's fields rather than calling
// ErrorWithPosition, which has panicked on some inputs (CRLF line endings).
func (f *File) decodeError(err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Usage != "" {
			msg += " (" + strings.TrimSpace(pe.Usage) + ")"
		}
		return &Error{File: f.Name, Line: pe.Position.Line, Col: pe.Position.Col, Key: pe.LastKey, Msg: "TOML syntax: " + msg}
	}
	return &Error{File: f.Name, Msg: err.Error()}
}

// Errorf returns an error about the key path at, placed where at is
// written or, when that cannot be told, where the nearest table holding it
// is written.
func (f *File) Errorf(at []string, format string, args ...any) *Error {
	line, col := 0, 0
	for p := at; len(p) > 0 && line == 0; p = p[:len(p)-1] {
		line, col = f.Locate(p...)
	}
	return &Error{File: f.Name, Line: line, Col: col, Key: strings.Join(at, "."), Msg: fmt.Sprintf(format, args...)}
}

// LocateArray returns the 1-based line and column at which the n-th
// table (from 0) of the array of tables path ([[path]] headers) is
// written, or 0, 0 when it cannot tell. With below, it returns where that
// key of the table is written when it can tell (else the header).
func (f *File) LocateArray(n int, path []string, below ...string) (line, col int) {
	f.once.Do(func() { f.idx = newIndex(f.Src) })
	return f.idx.locateArray(n, path, below)
}

// Locate returns the 1-based line and column at which the key path is
// written, or 0, 0 when it cannot tell.
//
// It understands table headers ([a.b], [[a]]), bare, quoted and dotted keys,
// and keys inside an inline table on the key's line; it skips comments and
// multi-line strings. A table only implied by a header under it (a by
// [a.b]) is placed at the first such header. That covers what the
// project's files contain; a key
// it cannot place is reported without a line. A key given more than once
// (in an array of tables) is placed where it is first written.
func (f *File) Locate(path ...string) (line, col int) {
	f.once.Do(func() { f.idx = newIndex(f.Src) })
	return f.idx.locate(path)
}
