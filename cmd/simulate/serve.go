package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"

	"simulate/output"
	"simulate/plots"
	"simulate/scenarios"
	"simulate/workbench"
)

func init() {
	register(&command{
		name: "serve",
		args: "[--addr 127.0.0.1:8080] [--out DIR] [--allow-remote] [--font FILE] [FILE|NAME ...]",
		summary: "Serve the workbench, a local web page: choose a scenario (the embedded ones and those named), move a coefficient and\n" +
			"        watch the charts change; pin and compare states; download the scenario TOML, workbook or HTML report (docs/workbench.md).",
		run: runServe,
	})
}

func runServe(e *env, args []string) error {
	c := commands["serve"]
	fs := newFlags(c)
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on, host:port (port 0: any free port)")
	out := fs.String("out", "out", "output `folder`: the page's \"save\" buttons write into DIR/workbench/, nothing else is written")
	remote := fs.Bool("allow-remote", false, "allow an address other than loopback: anyone who reaches it can use the page (there is no authentication)")
	font := fs.String("font", "", "font `file` for the zh charts (.ttf, .otf or .ttc); default: an installed Noto Sans CJK, else the shipped subset")
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return helpOK(err)
	}
	if err := checkAddr(*addr, *remote); err != nil {
		return err
	}
	if *remote && !isLoopback(*addr) {
		fmt.Fprintf(e.stderr, "warning: serving on %s, beyond this machine: there is no authentication; anyone who reaches it can run the model and write into %s\n", *addr, *out)
	}
	srv, err := newWorkbench(pos, *out, *font)
	if err != nil {
		return err
	}
	srv.Stamp = output.Stamp{Command: commandLine(e.args), Version: buildVersion()}
	srv.AnyHost = *remote
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", *addr, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	fmt.Fprintf(e.stdout, "simulate serve: the workbench is at http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-e.ctx.Done():
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		hs.Close()
	}
	<-done
	fmt.Fprintln(e.stdout, "simulate serve: stopped")
	return nil
}

// newWorkbench returns the workbench of the embedded scenarios and those
// named by args.
func newWorkbench(args []string, out, font string) (*workbench.Server, error) {
	var bases []*workbench.Base
	seen := map[string]bool{}
	var errs []error
	for _, a := range args {
		b, err := workbench.NewBase(a)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if seen[b.S.Name] {
			errs = append(errs, fmt.Errorf("%s: two scenarios are named %q", a, b.S.Name))
			continue
		}
		seen[b.S.Name] = true
		bases = append(bases, b)
	}
	if len(errs) > 0 {
		return nil, invalid(joinErrors(errs))
	}
	// The report's baseline first, then the other embedded scenarios.
	for _, n := range append([]string{"report2020"}, scenarios.Names()...) {
		if seen[n] {
			continue
		}
		b, err := workbench.NewBase(n)
		if err != nil {
			return nil, err
		}
		seen[n] = true
		bases = append(bases, b)
	}
	en, err := plots.NewTheme(plots.English, "")
	if err != nil {
		return nil, err
	}
	zh, err := plots.NewTheme(plots.Chinese, font)
	if err != nil {
		return nil, invalidf("--font: %v", err)
	}
	srv, err := workbench.New(bases, out, en, zh)
	return srv, invalid(err)
}

// checkAddr refuses an address beyond loopback unless remote is set.
func checkAddr(addr string, remote bool) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return usagef("--addr %q: %v; give host:port, e.g. 127.0.0.1:8080", addr, err)
	}
	if !isLoopback(addr) && !remote {
		return usagef("--addr %s is not a loopback address: the page has no authentication, so anyone who reaches it could use it; "+
			"serve on 127.0.0.1, or add --allow-remote if that is what you want", addr)
	}
	return nil
}

// isLoopback reports whether addr's host is loopback only: localhost or a
// loopback IP (an empty host listens on every interface).
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
