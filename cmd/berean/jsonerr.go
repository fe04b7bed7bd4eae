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
	a.printJSON(map[string]any{"error": map[string]string{"code": errorCode(err), "message": err.Error()}})
}

// errorCode is the code of err in berean's one list: the engine's code,
// bad_input for bad usage, internal for the rest.
func errorCode(err error) string {
	if code, ok := berean.ErrorCode(err); ok {
		return code
	}
	var ue usageError
	if errors.As(err, &ue) {
		return berean.CodeBadInput
	}
	return berean.CodeInternal
}

// plural is "1 verse", "2 verses": n with the noun in the singular or plural.
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
