//go:build !lite

package main

import (
	"log/slog"
	"os"
	"runtime/debug"
)

// serveMemoryLimit is the soft memory limit of `berean serve` when GOMEMLIMIT
// does not set one: under load the heap otherwise grows to twice the live
// data between collections (GOGC=100), which took the server past 350 MB.
// Near the limit the collector runs more often instead; it is a soft limit,
// never a failure.
const serveMemoryLimit = 220 << 20

// setServeMemoryLimit applies serveMemoryLimit unless GOMEMLIMIT is set.
func setServeMemoryLimit(log *slog.Logger) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(serveMemoryLimit)
	log.Debug("soft memory limit set", "bytes", serveMemoryLimit)
}
