package main

import "github.com/spf13/cobra"

// newXrefCmd is a placeholder until the xref feature lands.
func newXrefCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:    "xref",
		Short:  "not built yet",
		Hidden: true,
		RunE: func(c *cobra.Command, args []string) error {
			return usagef("'xref' is not available in this build yet")
		},
	}
}
