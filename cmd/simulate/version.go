package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

func init() {
	register(&command{
		name:    "version",
		summary: "Print the version of simulate (from its build information) and the Go version it was built with; also simulate --version.",
		run:     runVersion,
	})
}

func runVersion(e *env, args []string) error {
	c := commands["version"]
	pos, err := parse(e, c, newFlags(c), args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) > 0 {
		return usagef("version takes no arguments")
	}
	_, err = fmt.Fprintln(e.stdout, versionLine())
	return err
}

// versionLine is what simulate version prints: the version, and the
// commit it was built from when the build information has it.
func versionLine() string {
	s := "simulate " + buildVersion()
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return s + " (no build information)"
	}
	var parts []string
	if rev := setting(info, "vcs.revision"); rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if setting(info, "vcs.modified") == "true" {
			rev += ", modified"
		}
		parts = append(parts, "commit "+rev)
	}
	if t := setting(info, "vcs.time"); t != "" {
		parts = append(parts, t)
	}
	parts = append(parts, info.GoVersion+" "+runtime.GOOS+"/"+runtime.GOARCH)
	return s + " (" + strings.Join(parts, ", ") + ")"
}

// buildVersion returns the version of the main module as the build
// information gives it: a release tag, or Go's pseudo-version of the
// commit (v0.0.0-DATE-COMMIT, +dirty for a modified tree) for a build
// from a clone with `go install ./cmd/simulate`; "devel" when there is
// none (go run, go test).
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		v := "devel"
		if ok {
			if rev := setting(info, "vcs.revision"); rev != "" {
				v += "-" + rev[:min(12, len(rev))]
			}
		}
		return v
	}
	return info.Main.Version
}

func setting(info *debug.BuildInfo, key string) string {
	for _, s := range info.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}
