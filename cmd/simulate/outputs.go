package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"simulate/output"
	"simulate/results"
	"simulate/scenarios"
)

// commit writes the batch and lists its files. It stamps the batch first,
// so that every folder written gets a manifest.json recording, for each
// file, this command line, the version and the time (with the inputs
// recorded by addInputs): every command that writes files commits them
// here.
//
// No file of the batch may replace a file the command line names as input
// (every argument naming a file, but the value of --out), nor the
// scenarios a caller protects (their extends chains); an output that would
// leave the output folder through a symbolic link is refused too; both are
// exit 2. A second run into the same folder waits for the first, saying so.
func commit(e *env, b *output.Batch) error {
	b.SetStamp(output.Stamp{Command: commandLine(e.args), Version: buildVersion(), Time: now()})
	b.Protect(inputArgs(e.args)...)
	b.OnWait(func() {
		fmt.Fprintln(e.stderr, "simulate: another run is writing into the same folder; waiting for it to finish (Ctrl-C to stop)")
	})
	if err := b.Commit(e.ctx); err != nil {
		var pe *output.ProtectedError
		var ee *output.EscapeError
		if errors.As(err, &pe) || errors.As(err, &ee) {
			return invalid(err)
		}
		return err
	}
	for _, p := range b.Paths() {
		fmt.Fprintln(e.stdout, "wrote", p)
	}
	return nil
}

// inputArgs returns the arguments of a command line that name existing
// files, leaving out the value of --out (what the command writes).
func inputArgs(args []string) []string {
	var files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--out" || a == "-out" {
			i++
			continue
		}
		if strings.HasPrefix(a, "--out=") || strings.HasPrefix(a, "-out=") {
			continue
		}
		if v, ok := strings.CutPrefix(a, "-"); ok {
			if _, val, ok := strings.Cut(v, "="); ok {
				a = val
			}
		}
		if st, err := os.Stat(a); err == nil && st.Mode().IsRegular() {
			files = append(files, a)
		}
	}
	return files
}

// protectChain keeps b from replacing the files scenario s was read from
// (s and the files it extends).
func protectChain(b *output.Batch, s *scenarios.Scenario) {
	for _, p := range s.Chain {
		if !strings.HasPrefix(p, "embedded:") {
			b.Protect(p)
		}
	}
}

// addInputs records in b's manifests that the files under dir were
// computed from scenario s.
func addInputs(b *output.Batch, dir string, s *scenarios.Scenario) {
	b.AddInputs(dir, s.Name, results.InputsHash(s.Inputs))
}

// now is the time recorded in manifests: SOURCE_DATE_EPOCH (seconds since
// 1970, the reproducible-builds convention) when set, else the clock.
func now() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Now().UTC()
}

// commandLine writes the command line as a shell would take it back:
// "simulate", then each argument, quoted when it holds anything but
// letters, digits and ._-/=:,+@%.
func commandLine(args []string) string {
	parts := []string{"simulate"}
	for _, a := range args {
		parts = append(parts, shellQuote(a))
	}
	return strings.Join(parts, " ")
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/=:,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
