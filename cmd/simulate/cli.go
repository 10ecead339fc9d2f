package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"simulate/internal/suggest"
	"simulate/results"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the run failed (e.g. an output could not be written)
	exitInvalid = 2 // bad usage or invalid input
)

// invalidError marks an error as the user's: bad usage or invalid input.
type invalidError struct{ err error }

func (e invalidError) Error() string { return e.err.Error() }
func (e invalidError) Unwrap() error { return e.err }

// invalid wraps err as bad usage or input (exit code 2).
func invalid(err error) error {
	if err == nil {
		return nil
	}
	return invalidError{err}
}

// invalidf formats an error of bad usage or input (exit code 2).
func invalidf(format string, args ...any) error {
	return invalidError{fmt.Errorf(format, args...)}
}

// usageError is bad usage of a command (a flag or an argument): its
// message is followed by a line pointing to the command's -h.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return invalidError(e) }

// usagef formats an error of bad usage (exit code 2, with a pointer to -h).
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// commandError is an error of the subcommand name, printed
// "simulate NAME: …".
type commandError struct {
	name string
	err  error
}

func (e commandError) Error() string { return e.err.Error() }
func (e commandError) Unwrap() error { return e.err }

// exitCode prints err, if any, and returns the exit code for it: the
// message first, as "simulate COMMAND: …", and after a usage error one
// line saying where the usage is.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	prefix, help := "simulate", "simulate -h"
	if ce, ok := errors.AsType[commandError](err); ok {
		prefix += " " + ce.name
		help = prefix + " -h"
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, prefix+": interrupted; no partial output was written")
		return exitFailure
	}
	fmt.Fprintf(stderr, "%s: %s\n", prefix, escapeControls(err.Error()))
	if _, ok := errors.AsType[usageError](err); ok {
		fmt.Fprintf(stderr, "Run '%s' for usage.\n", help)
	}
	if errors.As(err, new(invalidError)) {
		return exitInvalid
	}
	// A NaN or an infinity that the inputs gave: bad input, not a bug.
	if _, ok := errors.AsType[*results.NonFiniteCellError](err); ok {
		return exitInvalid
	}
	return exitFailure
}

// escapeControls escapes what a terminal would act on rather than show —
// control characters but newline and tab (NUL, ESC, …), C1 controls, bidi
// overrides, invalid UTF-8 — as \xNN or \uNNNN, so that a path or key
// echoed from a file cannot move the cursor, recolour or hide text.
func escapeControls(s string) string {
	clean := true
	for _, r := range s {
		if needsEscape(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case needsEscape(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r == utf8.RuneError:
		return true
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e || r == 0x200f:
		return true
	}
	return false
}

// env is what a subcommand reads and writes.
type env struct {
	ctx    context.Context
	args   []string // the command line after "simulate", as given
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is a subcommand of simulate.
type command struct {
	name    string
	args    string // the synopsis after the name: every flag, as --flag VALUE, then the arguments
	summary string
	run     func(e *env, args []string) error
}

var commands = map[string]*command{}

// register adds a subcommand; each subcommand's file registers itself.
func register(c *command) { commands[c.name] = c }

// commandNames returns the names of the subcommands, sorted.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// run runs simulate with the command-line arguments args.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{ctx: ctx, args: args, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		return usagef("no command given; the commands are %s", strings.Join(commandNames(), ", "))
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return nil
	case "-version", "--version":
		return runVersion(e, args[1:])
	}
	c, ok := commands[args[0]]
	if !ok {
		return usagef("unknown command %q%s", args[0], suggest.DidYouMean(args[0], commandNames()))
	}
	if err := c.run(e, args[1:]); err != nil {
		return commandError{name: c.name, err: err}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "simulate: growth accounting and the industrial internet's share of GDP growth")
	fmt.Fprintln(w, "\nUsage:")
	for _, n := range commandNames() {
		c := commands[n]
		fmt.Fprintf(w, "  %s\n        %s\n", strings.TrimSpace("simulate "+c.name+" "+c.args), c.summary)
	}
	fmt.Fprintln(w, "\nRun 'simulate COMMAND -h' for a command's flags; 'simulate --version' prints the version.")
	fmt.Fprintln(w, "Exit codes: 0 ok, 1 failure, 2 usage or invalid input.")
}

// newFlags returns the flag set of subcommand c. Errors are reported by
// parse, not by the flag package.
func newFlags(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("simulate "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args with fs, allowing flags after positional arguments
// (`simulate run mine.toml --out x`), and returns the positional ones. On
// -h it prints the usage to stdout and returns flag.ErrHelp. A flag error
// is a usage error, written with the flag as --name and, for an unknown
// flag, the nearest one.
func parse(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(e.stdout, c, fs)
				return nil, flag.ErrHelp
			}
			return nil, usageError{flagError(fs, err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagError rewrites an error of the flag package in the style of the
// usage lines (--name) and with a suggestion for an unknown flag.
func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		hint := ""
		if near, ok := suggest.Nearest(name, names); ok {
			hint = "; did you mean --" + near + "?"
		}
		return fmt.Errorf("unknown flag --%s%s", name, hint)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Errorf("flag --%s needs a value", name)
	}
	// `invalid value "V" for flag -NAME: ERR` and
	// `invalid boolean value "V" for -NAME: ERR`
	for _, pre := range []string{" for flag -", " for -"} {
		if i := strings.Index(msg, pre); i >= 0 && strings.HasPrefix(msg, "invalid ") {
			rest := msg[i+len(pre):]
			if name, detail, ok := strings.Cut(rest, ": "); ok {
				return fmt.Errorf("--%s: %s", name, detail)
			}
		}
	}
	return err
}

// synopsisFlag is a flag in a synopsis: --name, and the value shown.
var synopsisFlag = regexp.MustCompile(`--([a-z-]+)(?: ([^\]\s]+))?`)

// printUsage writes c's usage: the synopsis, the summary and every flag,
// as --name VALUE with the VALUE of the synopsis.
func printUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", strings.TrimSpace("simulate "+c.name+" "+c.args), c.summary)
	shown := map[string]string{}
	for _, m := range synopsisFlag.FindAllStringSubmatch(c.args, -1) {
		shown[m[1]] = m[2]
	}
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		value, help := flag.UnquoteUsage(f)
		if v, ok := shown[f.Name]; ok {
			value = v
		} else {
			value = strings.ToUpper(value)
		}
		b.WriteString("  --" + f.Name)
		if value != "" {
			b.WriteString(" " + value)
		}
		b.WriteString("\n        " + strings.ReplaceAll(help, "\n", "\n        "))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(&b, " (default %s)", f.DefValue)
		}
		b.WriteString("\n")
	})
	if b.Len() > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s", b.String())
	}
}

// helpOK turns flag.ErrHelp into success: -h exits 0.
func helpOK(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}
