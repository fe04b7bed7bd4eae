package index

import (
	"fmt"
	"runtime/debug"
)

// Guard makes a memory fault in the calling goroutine while it reads a
// mapped index (the file truncated in place under the process: a mapped
// page past the file's new end faults) an error wrapping ErrCorrupt instead
// of a crash. Use it as
//
//	defer index.Guard(&err)()
//
// in a goroutine that reads the index; other goroutines are not covered
// (runtime/debug.SetPanicOnFault is per goroutine). Panics that are not
// such faults go on.
func Guard(err *error) func() {
	old := debug.SetPanicOnFault(true)
	return func() {
		debug.SetPanicOnFault(old)
		r := recover()
		if r == nil {
			return
		}
		if f, ok := r.(interface{ Addr() uintptr }); ok {
			*err = fmt.Errorf("index: %w: a memory fault reading the mapped index at %#x (the file was truncated or overwritten in place while in use); run again to rebuild it", ErrCorrupt, f.Addr())
			return
		}
		panic(r)
	}
}
