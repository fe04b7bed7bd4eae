package berean

import (
	"errors"
	"fmt"
	"testing"

	"berean/ask"
	"berean/index"
	"berean/ref"
)

// TestCodeTable: every code has a 4xx or 5xx status and a non-zero exit
// status; the user's mistakes are 4xx.
func TestCodeTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes() {
		if seen[c] {
			t.Errorf("code %q listed twice", c)
		}
		seen[c] = true
		h, x := HTTPStatus(c), ExitStatus(c)
		if h < 400 || h > 599 || x == 0 || x == 1 {
			t.Errorf("%s: HTTP %d, exit %d", c, h, x)
		}
		if fault := c == CodeInternal || c == CodeTimeout; fault != (h >= 500) {
			t.Errorf("%s: HTTP %d", c, h)
		}
	}
}

// TestUserErrorCodes: the errors of the packages below get their code;
// other errors stay faults.
func TestUserErrorCodes(t *testing.T) {
	_, invalid := ref.NewParser(ref.Options{}).Parse("Psalm 999")
	for _, tc := range []struct {
		err  error
		code string // "" for a fault
	}{
		{fmt.Errorf("study: %w", invalid), CodeInvalidReference},
		{fmt.Errorf("ask: %w", index.ErrUnknownBible), CodeUnknownModule},
		{fmt.Errorf("study: %w", ask.ErrEmpty), CodeBadInput},
		{errors.New("disk on fire"), ""},
	} {
		code, _ := ErrorCode(UserError(tc.err))
		if code != tc.code {
			t.Errorf("%v: code %q, want %q", tc.err, code, tc.code)
		}
	}
}
