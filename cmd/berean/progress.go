package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressLine draws one self-overwriting progress line on a terminal:
//
//	indexing verses  42% |########            | (13000/31102)
//	KJV.zip  60% |############        | (1.2/2.0 MB)
//
// It is redrawn at most once per interval, and erased by finish. The
// command draws its own line rather than use a progress-bar library, whose
// package initialisation (terminal width tables, colour maps) every command
// paid for at start, not only the two that draw a bar.
type progressLine struct {
	w        io.Writer
	desc     string
	total    int64
	bytes    bool          // show sizes (MB) instead of counts
	interval time.Duration // least time between redraws
	width    int           // cells of the bar

	last  time.Time
	drawn int // length of the last line drawn, to erase it
}

// set shows done of total, unless the last redraw was too recent (the
// final value, done >= total, is always drawn).
func (p *progressLine) set(done int64) {
	now := time.Now()
	if done < p.total && now.Sub(p.last) < p.interval {
		return
	}
	p.last = now
	var line string
	if p.total <= 0 {
		line = fmt.Sprintf("%s %s", p.desc, p.amount(done))
	} else {
		frac := min(max(float64(done)/float64(p.total), 0), 1)
		fill := int(frac * float64(p.width))
		line = fmt.Sprintf("%s %3d%% |%s%s| (%s/%s)", p.desc, int(frac*100),
			strings.Repeat("#", fill), strings.Repeat(" ", p.width-fill), p.amount(done), p.amount(p.total))
	}
	pad := max(p.drawn-len(line), 0)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.drawn = len(line)
}

func (p *progressLine) amount(n int64) string {
	if p.bytes {
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprint(n)
}

// finish erases the line.
func (p *progressLine) finish() {
	if p.drawn > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.drawn))
		p.drawn = 0
	}
}
