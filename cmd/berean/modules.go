package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newModulesCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "modules",
		Short: "List, install, update and remove SWORD modules",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List the installed modules",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			res := eng.Modules()
			if a.jsonOut {
				return a.printJSON(res)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tABBREV\tTYPE\tV11N\tDESCRIPTION")
			for _, m := range res.Modules {
				locked := ""
				if m.Locked {
					locked = " (locked)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s%s\n", m.Name, m.Abbreviation, m.Type, m.Versification, m.Description, locked)
			}
			for _, r := range res.Refused {
				note := "refused: " + r.Reason
				if r.UsedInstead != "" {
					note += "; " + r.UsedInstead + " is used instead"
				}
				fmt.Fprintf(tw, "%s\t\t\t\t%s\n", r.Name, note)
			}
			return tw.Flush()
		},
		Annotations: quick,
	})
	addManageCmds(a, cmd)
	return cmd
}
