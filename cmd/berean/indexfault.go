package main

import (
	"context"

	"berean/index"

	"github.com/spf13/cobra"
)

// executeGuarded runs the command with index.Guard: the CLI maps its index
// (a search takes milliseconds, and reading the file whole would double
// that), so a file truncated in place by another program during the run
// could fault it; in the main goroutine, where searches run, that is an
// error (exit 2) instead.
func executeGuarded(ctx context.Context, root *cobra.Command) (err error) {
	defer index.Guard(&err)()
	return root.ExecuteContext(ctx)
}
