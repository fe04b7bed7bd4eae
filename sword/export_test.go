package sword

import "time"

// KeepNotesAged is KeepNotes with files noted once they are age old (tests
// write their modules moments before reading them).
func KeepNotesAged(m *VerseModule, dir string, age time.Duration) { m.keepNotes(dir, age) }

// Checked is how many blocks m inflated whole to run their checks.
func Checked(m *VerseModule) int64 { return m.checked.Load() }
