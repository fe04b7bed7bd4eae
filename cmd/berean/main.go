// Command berean is the command-line interface of the berean scripture study
// engine: it reads passages from installed SWORD modules, finds references in
// text, searches, answers questions, writes topical studies, verifies the
// citations of an article and serves the HTTP API and web UI.
//
// The command stays thin: each subcommand turns its flags into options, calls
// one library function and renders the result as text or JSON.
//
// Built with -tags lite (make build's berean) it links no HTTP server, module
// manager or progress bar and hands the commands that need them to the full
// build, berean-full, installed beside it (lite.go).
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
