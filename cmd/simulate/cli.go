package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
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

// exitCode prints err, if any, and returns the exit code for it.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "simulate: interrupted; no partial output was written")
		return exitFailure
	}
	fmt.Fprintf(stderr, "simulate: %v\n", err)
	if errors.As(err, new(invalidError)) {
		return exitInvalid
	}
	return exitFailure
}

// env is what a subcommand reads and writes.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is a subcommand of simulate.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string
	run     func(e *env, args []string) error
}

var commands = map[string]*command{}

// register adds a subcommand; each subcommand's file registers itself.
func register(c *command) { commands[c.name] = c }

// run runs simulate with the command-line arguments args.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return invalidf("no subcommand given")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return invalidf("unknown subcommand %q", args[0])
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "simulate: growth accounting and the industrial internet's share of GDP growth")
	fmt.Fprintln(w, "\nUsage:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  simulate %s %s\n        %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'simulate COMMAND -h' for a command's flags. Exit codes: 0 ok, 1 failure, 2 usage or invalid input.")
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
// -h it prints the usage to stdout and returns flag.ErrHelp.
func parse(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(e.stdout, c, fs)
				return nil, flag.ErrHelp
			}
			printUsage(e.stderr, c, fs)
			return nil, invalid(err)
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

func printUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: simulate %s %s\n\n%s\n", c.name, c.args, c.summary)
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
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
