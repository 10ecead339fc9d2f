// Package suggest finds the name a user most likely meant when the one
// written is unknown: a subcommand, a flag, a key of a file, a parameter
// path or a metric. It is the one did-you-mean of the project: every
// message that refuses a name asks it for the nearest allowed one.
//
// # Conventions
//
// A name that differs from an allowed one only in letter case is that
// name (keys and names are case-sensitive, so the message says how to
// write it). Otherwise the nearest allowed name by edit distance
// (Levenshtein, counted in runes) is suggested when it is at most
// [MaxEdits] edits away, or a third of the name's length for longer
// names; ties go to the first in the order given.
package suggest
