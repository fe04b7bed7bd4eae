package berean

import (
	"errors"
	"fmt"

	"berean/ask"
	"berean/index"
	"berean/ref"
	"berean/search"
	"berean/verify"
)

// Error codes: the one list shared by the CLI (--json errors, exit status)
// and the HTTP API (the error shape and its status). Status derives both
// from a code; nothing else decides them.
const (
	CodeInvalidReference = "invalid_reference" // a reference that does not parse or does not exist
	CodeUnknownModule    = "unknown_module"    // no installed (or indexed) module by that name
	CodeNotFound         = "not_found"         // a lexicon key, topic or page that is not there
	CodeBadQuery         = "bad_query"         // a search query that does not parse
	CodeBadInput         = "bad_input"         // any other input the user must fix (an empty question)
	CodeTooLarge         = "too_large"         // input over a documented limit
	CodeMissingParameter = "missing_parameter" // a required parameter or body is absent or empty
	CodeBadParameter     = "bad_parameter"     // a parameter of the wrong form (n=abc, n=0)
	CodeBadRequest       = "bad_request"       // a request not received whole or well formed (a short body, a path not UTF-8)
	CodeMethodNotAllowed = "method_not_allowed"
	CodeTimeout          = "timeout"  // the request outlived its deadline
	CodeCanceled         = "canceled" // the client went away
	CodeInternal         = "internal" // a fault of the machine or the modules, not of the input
)

// codeStatus is the HTTP status and the exit status of each code. One
// exception keeps HTTP's finer status: a query string over the server's
// limit is too_large with 414 (server/middleware.go).
var codeStatus = map[string]struct{ http, exit int }{
	CodeInvalidReference: {400, 2},
	CodeUnknownModule:    {404, 2},
	CodeNotFound:         {404, 2},
	CodeBadQuery:         {400, 2},
	CodeBadInput:         {400, 2},
	CodeTooLarge:         {413, 2},
	CodeMissingParameter: {400, 2},
	CodeBadParameter:     {400, 2},
	CodeBadRequest:       {400, 2},
	CodeMethodNotAllowed: {405, 2},
	CodeTimeout:          {503, 2},
	CodeCanceled:         {499, 2},
	CodeInternal:         {500, 2},
}

// HTTPStatus is the HTTP status of an error code (500 for a code not in
// the list).
func HTTPStatus(code string) int {
	if s, ok := codeStatus[code]; ok {
		return s.http
	}
	return 500
}

// ExitStatus is the command line's exit status for an error code: 2 (bad
// usage, bad input, or a fault); 1 is kept for a command that ran and
// reported problems (verify).
func ExitStatus(code string) int {
	if s, ok := codeStatus[code]; ok {
		return s.exit
	}
	return 2
}

// Codes lists every error code.
func Codes() []string {
	return []string{CodeInvalidReference, CodeUnknownModule, CodeNotFound, CodeBadQuery, CodeBadInput, CodeTooLarge,
		CodeMissingParameter, CodeBadParameter, CodeBadRequest, CodeMethodNotAllowed, CodeTimeout, CodeCanceled, CodeInternal}
}

// Error is an error the user can fix: it carries a code from the list above.
type Error struct {
	Code string
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// NewError is an *Error with a code and a message.
func NewError(code, format string, args ...any) *Error {
	return &Error{Code: code, Err: fmt.Errorf(format, args...)}
}

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

// UserError gives the errors of the packages below their code: the one place
// where their sentinels (the index's ErrUnknownBible, ask's ErrEmpty, verify's limits, search's bad query, ref's
// InvalidError) meet the list. Other
// errors pass as they are (faults).
func UserError(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := ErrorCode(err); ok {
		return err
	}
	var invalid *ref.InvalidError
	switch {
	case errors.As(err, &invalid): // a study of "John 22"
		return &Error{Code: CodeInvalidReference, Err: err}
	case errors.Is(err, index.ErrUnknownBible):
		return &Error{Code: CodeUnknownModule, Err: err}
	case errors.Is(err, ask.ErrEmpty), errors.Is(err, verify.ErrBinary): // study.ErrEmpty is ask.ErrEmpty too
		return &Error{Code: CodeBadInput, Err: err}
	case errors.Is(err, search.ErrBadQuery):
		return &Error{Code: CodeBadQuery, Err: err}
	case errors.Is(err, verify.ErrTooLarge):
		return &Error{Code: CodeTooLarge, Err: err}
	}
	return err
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
