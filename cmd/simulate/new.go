package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"simulate/output"
	"simulate/scenarios"
)

func init() {
	register(&command{
		name: "new",
		args: "[--from SCENARIO] [--force] NAME",
		summary: "Start a scenario: write NAME.toml, which extends SCENARIO (default report2020) and lists every key it can\n" +
			"        override, commented out with its value, unit and source; uncomment what you change, then simulate run NAME.toml.",
		run: runNew,
	})
}

func runNew(e *env, args []string) error {
	c := commands["new"]
	fs := newFlags(c)
	from := fs.String("from", defaultScenario, "the `scenario` to start from: an embedded name or a .toml file")
	force := fs.Bool("force", false, "overwrite NAME.toml if it exists")
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 {
		return usagef("new takes one name, e.g. simulate new mine (it writes mine.toml)")
	}
	file := pos[0]
	if !strings.HasSuffix(file, ".toml") {
		file += ".toml"
	}
	name := strings.TrimSuffix(filepath.Base(file), ".toml")
	if err := scenarios.CheckName(name); err != nil {
		return usagef("%s: the file name becomes the scenario's name: %v", file, err)
	}
	base, err := scenarios.Open(*from)
	if err != nil {
		return invalid(fmt.Errorf("--from %s: %w", *from, err))
	}
	ref := *from
	if !strings.HasPrefix(base.Source, "embedded:") {
		// A file: extends is relative to the new file's folder.
		rel, err := filepath.Rel(filepath.Dir(file), *from)
		if err != nil {
			abs, aerr := filepath.Abs(*from)
			if aerr != nil {
				return invalid(fmt.Errorf("--from %s: %w", *from, aerr))
			}
			rel = abs
		}
		ref = filepath.ToSlash(rel)
		if samePath(file, *from) {
			return usagef("%s would extend itself: give the new scenario another name", file)
		}
	}
	if _, err := os.Lstat(file); err == nil && !*force {
		return invalidf("%s exists: choose another name, or give --force to overwrite it", file)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return invalid(fmt.Errorf("%s: %w", file, unwrapPath(err)))
	}
	src := scenarios.Template(base, name, ref)
	// The template must load as written: everything inherited.
	if _, err := scenarios.Parse(file, src); err != nil && strings.HasPrefix(base.Source, "embedded:") {
		return fmt.Errorf("the template for %s does not load (a bug): %w", *from, err)
	}
	batch := output.NewBatch(filepath.Dir(file))
	if err := batch.Add(filepath.Base(file), src); err != nil {
		return err
	}
	if err := batch.Commit(e.ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: it extends %s and lists every value you can change, commented out.\n", file, ref)
	fmt.Fprintf(e.stdout, "Uncomment and edit what you change, then: simulate validate %s && simulate run %s (results in out/%s/)\n", file, file, name)
	return nil
}
