package main

import "github.com/spf13/cobra"

// newStudyCmd is a placeholder until the study feature lands.
func newStudyCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:    "study",
		Short:  "not built yet",
		Hidden: true,
		RunE: func(c *cobra.Command, args []string) error {
			return usagef("'study' is not available in this build yet")
		},
	}
}
