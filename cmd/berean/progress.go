//go:build !lite

package main

import (
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"

	"berean/index"
)

// buildProgress returns load options that draw a progress bar on stderr
// while an index builds, when stderr is a terminal.
func (a *app) buildProgress() index.LoadOptions {
	lo := index.LoadOptions{Logger: a.logger()}
	if !isTerminal(a.stderr) || a.jsonOut {
		return lo
	}
	var bar *progressbar.ProgressBar
	lo.Building = func(reason string) {
		fmt.Fprintf(a.stderr, "building the search index (%s)\n", reasonShort(reason))
	}
	lo.Progress = func(done, total int) {
		if bar == nil {
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(a.stderr.(*os.File)),
				progressbar.OptionSetDescription("indexing verses"),
				progressbar.OptionShowCount(),
				progressbar.OptionThrottle(50*time.Millisecond),
				progressbar.OptionClearOnFinish(),
			)
		}
		bar.Set(done)
		if done >= total {
			bar.Finish()
		}
	}
	return lo
}
