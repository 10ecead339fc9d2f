// Command simulate runs the growth-accounting model: it decomposes GDP growth
// into labour, capital and TFP and attributes a part of it to the industrial
// internet, for scenarios written in TOML. Run `simulate -h` for the
// subcommands.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}
