package sword

import (
	"encoding/binary"
	"errors"
	"fmt"

	"berean/canon"
)

// slotName names testament slot ti of sys for a reader: "Acts 13:19",
// "Acts 13 (introduction)", "Acts (introduction)", or the heading slots.
func slotName(sys *canon.System, t canon.Testament, ti int) string {
	switch ti {
	case 0:
		return "the module heading"
	case 1:
		return t.String() + " heading"
	}
	books := sys.OT
	if t == canon.NT {
		books = sys.NT
	}
	at := 2
	for _, b := range books {
		if ti == at {
			return b.HumanName() + " (introduction)"
		}
		at++
		for c, n := range b.Verses {
			if ti == at {
				return fmt.Sprintf("%s %d (introduction)", b.HumanName(), c+1)
			}
			if ti <= at+n {
				return fmt.Sprintf("%s %d:%d", b.HumanName(), c+1, ti-at)
			}
			at += 1 + n
		}
	}
	return fmt.Sprintf("%s slot %d", t, ti)
}

// slotSpan names the slots from..to (inclusive) of testament t.
func (m *VerseModule) slotSpan(t canon.Testament, from, to int) string {
	if from == to {
		return slotName(m.sys, t, from)
	}
	return slotName(m.sys, t, from) + " to " + slotName(m.sys, t, to)
}

// blockSpan names the slots whose index records point into block n, by
// scanning the testament's index; "" when none can be read.
func (m *VerseModule) blockSpan(tt canon.Testament, t *testament, n uint32) string {
	rs := int(t.rs)
	buf := make([]byte, t.idxSize)
	k, _ := t.idx.ReadAt(buf, 0)
	buf = buf[:k]
	first, last := -1, -1
	for off := 0; off+rs <= len(buf); off += rs {
		r := buf[off : off+rs]
		var size uint32
		if t.size4 {
			size = binary.LittleEndian.Uint32(r[8:])
		} else {
			size = uint32(binary.LittleEndian.Uint16(r[8:]))
		}
		if size != 0 && binary.LittleEndian.Uint32(r) == n {
			if first < 0 {
				first = off / rs
			}
			last = off / rs
		}
	}
	if first < 0 {
		return ""
	}
	return m.slotSpan(tt, first, last)
}

// withAffected sets the Affected field of a FormatError in err.
func withAffected(err error, affected string) error {
	var fe *FormatError
	if affected != "" && errors.As(err, &fe) && fe.Affected == "" {
		fe.Affected = affected
	}
	return err
}
