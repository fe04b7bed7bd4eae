package corpus

import "berean/ref"

// ParseOSIS reads an osisRef as dictionaries write it (see ref.ParseOSIS).
func ParseOSIS(s string) (ref.Range, error) { return ref.ParseOSIS(s) }
