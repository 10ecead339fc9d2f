// Package input is the one guarded way the tool reads a file a user names:
// a scenario and the files it extends, a calibration spec, an index file,
// Penn World Table data (history --data), a font (--font) and the
// manifest.json of an output folder.
//
// [Read] refuses what is not a regular file (a folder, a named pipe, a
// device, a socket) before it opens the file for reading, opens it
// non-blocking where the system has that (so that a file replaced by a pipe
// between the check and the open cannot block), checks the size again on
// the open file and reads at most the limit of the file's [Kind]. A read
// is therefore bounded in memory by the kind's limit and in time by reading
// that many bytes of a regular file: no input can hang the tool or exhaust
// its memory.
//
// The limits, far above any real file of each kind, are stated in the
// messages and in the README:
//
//	scenario, extends target, calibration spec, index file  1 MiB
//	Penn World Table data (--data)                           64 MiB
//	font (--font, system CJK fonts)                          256 MiB
//	manifest.json                                            8 MiB
package input
