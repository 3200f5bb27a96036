package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/ui"
)

// progressLine is a command's loading progress on one terminal line of
// stderr, rewritten in place and erased when loading ends, so the output
// a user reads afterwards is what it would have been without it.
type progressLine struct {
	w     io.Writer
	width int              // of the terminal; 0 when unknown
	now   func() time.Time // the clock, replaced in tests
	start time.Time
	drawn bool
}

func newProgressLine(w io.Writer, width int, now func() time.Time) *progressLine {
	return &progressLine{w: w, width: width, now: now, start: now()}
}

// update draws p, once loading has run for ui.RevealDelay: a quick load
// leaves no trace.
func (l *progressLine) update(p corpus.Progress) {
	if l.now().Sub(l.start) < ui.RevealDelay {
		return
	}
	text := "backchannel: loading " + ui.ProgressText(p)
	if p.Done() {
		text += " · finding speakers"
	}
	if l.width > 0 {
		// A line that wraps cannot be rewritten by \r.
		text = ansi.Truncate(text, l.width-1, "…")
	}
	fmt.Fprintf(l.w, "\r%s\x1b[K", text)
	l.drawn = true
}

// clear erases the line, if one was drawn. A nil line does nothing.
func (l *progressLine) clear() {
	if l == nil || !l.drawn {
		return
	}
	fmt.Fprint(l.w, "\r\x1b[K")
	l.drawn = false
}
