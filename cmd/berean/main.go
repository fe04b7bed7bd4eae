// Command berean is the command-line interface of the berean scripture study
// engine: it reads passages from installed SWORD modules, finds references in
// text, searches, answers questions, writes topical studies, verifies the
// citations of an article and serves the HTTP API and web UI.
//
// The command stays thin: each subcommand turns its flags into options, calls
// one library function and renders the result as text or JSON.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
