package index

import "fmt"

// Damaged modules. A Bible whose source reports an error for any verse
// (the module's data is damaged: a block that fails its check, an index
// that ends early, missing files) is left out of the index whole, never
// indexed in part, and named with the reason in META's "skipped" list.
// Searches that name it fail with that reason instead of finding nothing;
// `berean index` prints the list and exits non-zero. The index is rebuilt
// when the module's files change (they are part of the fingerprint).

// SkippedModule is a Bible left out of the index.
type SkippedModule struct {
	Name   string `json:"name"`   // the Bible's name (abbreviation)
	Module string `json:"module"` // its module name
	Reason string `json:"reason"` // the first damage found
}

func (s SkippedModule) String() string {
	return fmt.Sprintf("%s (%s): %s", s.Name, s.Module, s.Reason)
}

// damageError marks an error of a Bible's source (its module data), as
// opposed to one of the builder.
type damageError struct{ err error }

func (e *damageError) Error() string { return e.err.Error() }
func (e *damageError) Unwrap() error { return e.err }

// Skipped lists the Bibles left out of the index because their data is
// damaged (nil when the metadata cannot be read).
func (ix *Index) Skipped() []SkippedModule {
	m, err := ix.Meta()
	if err != nil {
		return nil
	}
	return m.Skipped
}
