package ask

// written returns a zeroed slice of n elements whose memory has been
// written once. A large slice is often memory fresh from the kernel, which
// maps it page by page on first touch: a page first read is mapped to the
// shared zero page and faults a second time when it is then written
// (copy on write, with a TLB flush on every CPU the process runs on). The
// slices a question reads before it writes (a verse's best score so far,
// a feature vector it adds to) fault once per page instead of twice when
// they are written first. On reused memory the cost is one extra clear.
func written[T any](n int) []T {
	s := make([]T, n)
	clear(s)
	return s
}

// unset returns n int32s, each -1: an index from one numbering into
// another before anything is numbered (none yet).
func unset(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = -1
	}
	return s
}
