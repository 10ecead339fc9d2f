package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Kind is a kind of input file: what it is called in messages and the
// largest size it may have.
type Kind struct {
	What string // "a scenario", with its article, for "… bytes a scenario may have"
	Max  int64  // bytes
}

// The kinds of file the tool reads.
var (
	Scenario = Kind{"a scenario", 1 << 20}
	Spec     = Kind{"a calibration spec", 1 << 20}
	Index    = Kind{"an index file", 1 << 20}
	PWT      = Kind{"a Penn World Table data file", 64 << 20}
	Font     = Kind{"a font file", 256 << 20}
	Manifest = Kind{"a manifest", 8 << 20}
)

// Read reads the regular file at name, of kind k. It refuses anything that
// is not a regular file (naming what it is) before opening it, and a file
// larger than k.Max. Errors do not repeat the path: the caller names the
// file.
func Read(name string, k Kind) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if err := check(st, k); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	// The file may have been replaced since the check: check the open one.
	st, err = f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if err := check(st, k); err != nil {
		return nil, err
	}
	src, err := io.ReadAll(io.LimitReader(f, k.Max+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(src)) > k.Max {
		return nil, fmt.Errorf("larger than the %s %s may have", Size(k.Max), k.What)
	}
	return src, nil
}

// check refuses a file that is not regular or is larger than k allows.
func check(st fs.FileInfo, k Kind) error {
	if m := st.Mode(); !m.IsRegular() {
		return fmt.Errorf("not a regular file (%s)", modeName(m))
	}
	if st.Size() > k.Max {
		return fmt.Errorf("%d bytes is larger than the %s %s may have", st.Size(), Size(k.Max), k.What)
	}
	return nil
}

// modeName says what kind of file a mode is: "a folder", "a named pipe", ….
func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "not a plain file"
}

// Size writes a byte count as "1 MiB (1048576 bytes)", or "N bytes" when it
// is not a whole number of MiB.
func Size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB (%d bytes)", n>>20, n)
	}
	return fmt.Sprintf("%d bytes", n)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
