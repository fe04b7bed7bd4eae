package main

import (
	"errors"
	"fmt"

	"berean"
)

// printJSONError prints err in the HTTP error shape,
// {"error":{"code":"...","message":"..."}}, on stdout: with --json a
// script reads one JSON document whatever happened. The exit status and the
// message on stderr stay as without --json.
func (a *app) printJSONError(err error) {
	code, ok := berean.ErrorCode(err)
	var ue usageError
	switch {
	case ok:
	case errors.As(err, &ue):
		code = berean.CodeBadInput
	default:
		code = "internal"
	}
	a.printJSON(map[string]any{"error": map[string]string{"code": code, "message": err.Error()}})
}

// plural is "1 verse", "2 verses": n with the noun in the singular or plural.
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
