package main

import "github.com/spf13/cobra"

// newAskCmd is a placeholder until the ask feature lands.
func newAskCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:    "ask",
		Short:  "not built yet",
		Hidden: true,
		RunE: func(c *cobra.Command, args []string) error {
			return usagef("'ask' is not available in this build yet")
		},
	}
}
