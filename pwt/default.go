package pwt

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"sync"
)

// pwt91gz is PWT 9.1 as CSV, compressed with gzip -9n; README.md in this directory
// gives its provenance, licence and the SHA-256 of the uncompressed bytes.
//
//go:embed pwt91.csv.gz
var pwt91gz []byte

// Default returns the complete Penn World Table 9.1 embedded in the package. It is
// decompressed and parsed on the first call only; later calls return the same
// table, which callers must treat as read-only (Country returns copies).
//
// Data: Feenstra, Inklaar and Timmer (2015), AER 105(10); CC BY 4.0. See README.md.
func Default() (*Table, error) { return loadOnce() }

var loadOnce = sync.OnceValues(load)

// load decompresses and parses the embedded table.
func load() (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(pwt91gz))
	if err != nil {
		return nil, fmt.Errorf("pwt: embedded pwt91.csv.gz: %w", err)
	}
	defer zr.Close()
	t, err := Read(zr)
	if err != nil {
		return nil, fmt.Errorf("pwt: embedded pwt91.csv.gz: %w", err)
	}
	return t, nil
}
