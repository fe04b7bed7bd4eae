package main

import "github.com/spf13/cobra"

// newVerifyCmd is a placeholder until the verify feature lands.
func newVerifyCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:    "verify",
		Short:  "not built yet",
		Hidden: true,
		RunE: func(c *cobra.Command, args []string) error {
			return usagef("'verify' is not available in this build yet")
		},
	}
}
