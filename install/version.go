package install

import (
	"strconv"
	"strings"
)

// DefaultVersion is the version of a module whose conf has no Version key,
// as libsword assumes when it compares a repository with a library.
const DefaultVersion = "1.0"

// CompareVersions compares two module versions the way installers do: dotted
// numbers compared field by field numerically ("1.10" > "1.9", "2" == "2.0").
// A field that is not a plain number compares by its leading digits, then by
// the rest as text ("1.2a" > "1.2"). An empty version counts as
// DefaultVersion. The result is -1, 0 or +1.
func CompareVersions(a, b string) int {
	if strings.TrimSpace(a) == "" {
		a = DefaultVersion
	}
	if strings.TrimSpace(b) == "" {
		b = DefaultVersion
	}
	af := strings.Split(strings.TrimSpace(a), ".")
	bf := strings.Split(strings.TrimSpace(b), ".")
	for i := 0; i < len(af) || i < len(bf); i++ {
		var x, y string
		if i < len(af) {
			x = af[i]
		}
		if i < len(bf) {
			y = bf[i]
		}
		if c := compareField(x, y); c != 0 {
			return c
		}
	}
	return 0
}

func compareField(x, y string) int {
	xn, xr := splitNum(x)
	yn, yr := splitNum(y)
	if xn != yn {
		if xn < yn {
			return -1
		}
		return 1
	}
	return strings.Compare(xr, yr)
}

// splitNum splits a version field into its leading number (0 when none) and
// the rest.
func splitNum(s string) (uint64, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, err := strconv.ParseUint(s[:i], 10, 64)
	if err != nil {
		n = 0
	}
	return n, s[i:]
}
