package main

import "github.com/spf13/cobra"

// addManageCmds attaches the module manager's subcommands (repos, refresh,
// available, install, remove, update) to the modules command. Placeholder
// until the module manager lands.
func addManageCmds(a *app, modules *cobra.Command) {}
