package berean

import "testing"

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
