package main

import (
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
func commit(e *env, b *output.Batch) error {
	b.SetStamp(output.Stamp{Command: commandLine(e.args), Version: buildVersion(), Time: now()})
	if err := b.Commit(e.ctx); err != nil {
		return err
	}
	for _, p := range b.Paths() {
		fmt.Fprintln(e.stdout, "wrote", p)
	}
	return nil
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
