package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"simulate/scenarios"
)

func init() {
	register(&command{
		name:    "list",
		summary: "List the embedded scenarios with their titles.",
		run:     runList,
	})
	register(&command{
		name: "show",
		args: "NAME",
		summary: "Print the TOML of an embedded scenario as a copy to save under another name: no name line, so that\n" +
			"        simulate show report2020 > mine.toml runs as mine, into out/mine/ (simulate new writes a file that extends one).",
		run: runShow,
	})
	register(&command{
		name:    "validate",
		args:    "FILE|NAME ...",
		summary: "Check scenarios: report every problem with file:line:column and key, and notes (an inherited statement no longer checked).",
		run:     runValidate,
	})
}

func runList(e *env, args []string) error {
	c := commands["list"]
	pos, err := parse(e, c, newFlags(c), args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) > 0 {
		return usagef("list takes no arguments")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, name := range scenarios.Names() {
		title := "(does not load)"
		if s, err := scenarios.LoadEmbedded(name); err == nil {
			title = s.Title
		}
		fmt.Fprintf(tw, "%s\t%s\n", name, title)
	}
	return tw.Flush()
}

func runShow(e *env, args []string) error {
	c := commands["show"]
	pos, err := parse(e, c, newFlags(c), args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 {
		return usagef("show takes one embedded scenario name (one of: %s)", strings.Join(scenarios.Names(), ", "))
	}
	src, err := scenarios.Copy(pos[0])
	if err != nil {
		return invalid(err)
	}
	_, err = e.stdout.Write(src)
	return err
}

func runValidate(e *env, args []string) error {
	c := commands["validate"]
	pos, err := parse(e, c, newFlags(c), args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) == 0 {
		return usagef("validate needs at least one scenario file or name")
	}
	var errs []error
	for _, a := range pos {
		s, err := scenarios.Open(a)
		if err == nil {
			_, err = published(s)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(e.stdout, "%s: ok (%s, %d–%d)\n", a, s.Name, s.Inputs.FirstYear(), s.Inputs.LastYear())
		for _, n := range s.Notes {
			fmt.Fprintf(e.stdout, "  note: %s\n", n)
		}
	}
	if len(errs) > 0 {
		return invalid(joinErrors(errs))
	}
	return nil
}

// joinErrors joins errors one per line.
func joinErrors(errs []error) error { return errors.Join(errs...) }
