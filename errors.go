package berean

import (
	"errors"
	"fmt"
)

// Error codes shared by the CLI (exit status 2) and the HTTP API (4xx).
const (
	CodeInvalidReference = "invalid_reference" // a reference that does not parse or does not exist
	CodeUnknownModule    = "unknown_module"    // no installed module by that name
	CodeNotFound         = "not_found"         // a lexicon key or topic that is not there
	CodeBadQuery         = "bad_query"         // a search query that does not parse
	CodeBadInput         = "bad_input"         // any other input the user must fix
	CodeTooLarge         = "too_large"         // input over a documented limit
)

// Error is an error the user can fix: it carries a code from the list above.
type Error struct {
	Code string
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// inputErr wraps err with a code.
func inputErr(code string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Code: code, Err: err}
}

func inputErrf(code, format string, args ...any) error {
	return &Error{Code: code, Err: fmt.Errorf(format, args...)}
}

// ErrorCode reports the code of a user error, and false for other errors
// (faults of the machine or the modules).
func ErrorCode(err error) (string, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e.Code, true
	}
	return "", false
}
