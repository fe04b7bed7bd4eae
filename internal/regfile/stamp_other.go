//go:build !linux

package regfile

import (
	"os"
	"time"
)

// Stamp is empty where the change time is not read: nothing is cached by
// it there.
func Stamp(os.FileInfo) (string, time.Time) { return "", time.Time{} }
