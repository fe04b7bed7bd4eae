//go:build !lite

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/spf13/cobra"

	"berean"
	"berean/index"
	"berean/server"
)

type serveOptions struct {
	addr    string
	timeout time.Duration
	cors    string
	noIndex bool
}

func newServeCmd(a *app) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP JSON API and the web UI",
		Long: `Serve the HTTP JSON API (/api/...) and the web UI (/) on --addr.

Settings come from flags or the environment: BEREAN_ADDR, BEREAN_CORS (comma-
separated origins, or *), BEREAN_TIMEOUT (a duration such as 30s). The server
is stateless and read-only: run as many replicas as you like behind a load
balancer. It stops gracefully on SIGTERM or SIGINT, letting requests in flight
finish.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return runServe(c.Context(), a, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", envOr("BEREAN_ADDR", "127.0.0.1:8080"), "address to listen on, HOST:PORT")
	f.DurationVar(&o.timeout, "timeout", envDuration("BEREAN_TIMEOUT", 30*time.Second), "deadline of every request")
	f.StringVar(&o.cors, "cors", os.Getenv("BEREAN_CORS"), "origins allowed to call the API from browsers, comma-separated, or *")
	f.BoolVar(&o.noIndex, "no-index-warmup", false, "do not open (or build) the search index and feature tables before listening")
	return cmd
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func envDuration(k string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(k)); err == nil && d > 0 {
		return d
	}
	return def
}

func runServe(ctx context.Context, a *app, o *serveOptions) error {
	if a.logLevel == "warn" {
		a.logLevel = "info" // a server logs its requests
	}
	// Request logs are written in batches (server.LogWriter), flushed on exit.
	lw := server.NewLogWriter(a.stderr, 250*time.Millisecond)
	defer lw.Close()
	log := a.loggerTo(lw)
	metrics.ExposeMetadata(true) // # HELP and # TYPE lines on /metrics
	setServeMemoryLimit(log)
	// A server reads its index into memory: a file truncated or replaced
	// in place under a long-running process cannot fault it.
	eng, err := berean.Open(berean.Options{SwordPaths: a.swordPaths, CacheDir: a.cacheDir, Logger: log, IndexInMemory: true})
	if err != nil {
		return err
	}
	a.eng = eng
	if !o.noIndex {
		start := time.Now()
		if _, err := eng.Searcher(ctx, index.LoadOptions{Logger: log}); err != nil {
			log.Warn("search index not available; search will retry on first use", "err", err)
		} else {
			log.Info("search index ready", "took", time.Since(start).Round(time.Millisecond))
		}
	}
	var cors []string
	for _, s := range strings.Split(o.cors, ",") {
		if s = strings.TrimSpace(s); s != "" {
			cors = append(cors, s)
		}
	}
	reopen := func() (*berean.Engine, error) {
		return berean.Open(berean.Options{SwordPaths: a.swordPaths, CacheDir: a.cacheDir, Logger: log, IndexInMemory: true})
	}
	srv, err := server.New(server.Config{Engine: eng, Logger: log, Timeout: o.timeout, CORSOrigins: cors, Reopen: reopen})
	if err != nil {
		return err
	}
	if !o.noIndex {
		start := time.Now()
		if err := srv.Warm(ctx); err != nil {
			log.Warn("warming ask, xref and verify failed; they will retry on first use", "err", err)
		} else {
			log.Info("ask, xref and verify ready", "took", time.Since(start).Round(time.Millisecond))
		}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return usagef("cannot listen on %s: %v (use --addr HOST:PORT)", o.addr, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       o.timeout + 5*time.Second,
		WriteTimeout:      o.timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(a.stderr, "berean: serving on http://%s/\n", ln.Addr())
	go srv.Watch(ctx, 2*time.Second)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: letting requests in flight finish")
	sctx, cancel := context.WithTimeout(context.Background(), o.timeout+5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
