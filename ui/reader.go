package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Reader shows one document with line numbers and its quotes bracketed
// ⟦like this⟧ in their speaker's colour. The current quote is marked ▶ in
// the margin; n and N step through the quotes.
type Reader struct {
	cm      *Common
	focused bool
	width   int
	height  int

	doc    int     // document ID, -1 before one is opened
	quotes []int32 // quote IDs of doc, in text order
	cur    int     // index into quotes of the current quote, -1 for none

	// rows are the wrapped screen rows of the whole document at width;
	// only those on screen are styled, in View.
	rows      []readerRow
	quoteRows [][2]int // first and last row of each quote
	builtFor  int      // text width rows were built for
	offset    int      // first row on screen

	// spot is the first and last line of a claim that is not a quote,
	// marked in the margin until another quote or document is chosen;
	// zero when there is none.
	spot [2]int
}

// readerRow is one screen row of the document: a piece of one line with
// the quote markers already inserted.
type readerRow struct {
	line  int // 1-based line number
	first bool
	text  string
	spans []quoteSpan
	start int // byte offset in the document where the row's text starts
}

// textPiece is where a piece of a line's display text came from, so a
// display offset can be taken back to the document: markers and made-
// visible control characters make the two differ.
type textPiece struct {
	disp, doc int
	same      bool // the piece is the document's bytes unchanged
}

// docOffset takes display offset off of a line built from pieces back to
// the document: exact in unchanged text, the piece's start elsewhere.
func docOffset(pieces []textPiece, off int) int {
	k := sort.Search(len(pieces), func(k int) bool { return pieces[k].disp > off }) - 1
	if k < 0 {
		return pieces[0].doc
	}
	if p := pieces[k]; p.same {
		return p.doc + off - p.disp
	}
	return pieces[k].doc
}

// quoteSpan is the part of a row inside quote number q (an index into
// Reader.quotes), in byte offsets of the row's text.
type quoteSpan struct{ start, end, q int }

const (
	quoteOpen  = "⟦"
	quoteClose = "⟧"
)

// NewReader makes a reader with no document open.
func NewReader(cm *Common) Reader { return Reader{cm: cm, doc: -1, cur: -1} }

// documentOpenedMsg asks the root to show doc in the reader at quote (a
// quote ID, or -1 for the top).
type documentOpenedMsg struct{ doc, quote int }

// openDocument asks for doc to be read at quote, or from the top for -1.
func openDocument(doc, quote int) tea.Cmd {
	return func() tea.Msg { return documentOpenedMsg{doc: doc, quote: quote} }
}

// speakerQuotesMsg asks for the quote list filtered to speaker, with the
// cursor on quote.
type speakerQuotesMsg struct{ speaker, quote int }

func listSpeakerQuotes(speaker, quote int) tea.Cmd {
	return func() tea.Msg { return speakerQuotesMsg{speaker: speaker, quote: quote} }
}

// readerBackMsg asks to return to the pane the reader was opened from.
type readerBackMsg struct{}

func leaveReader() tea.Msg { return readerBackMsg{} }

// Open shows document doc; with quote >= 0 it makes that quote current and
// scrolls it into view, otherwise it starts at the top.
func (r *Reader) Open(doc, quote int) {
	if doc < 0 || doc >= len(r.cm.Corpus.Docs) {
		return
	}
	if doc != r.doc {
		r.doc = doc
		r.quotes = r.cm.Corpus.QuotesOf(doc)
		r.builtFor = -1
		r.build()
	}
	r.cur, r.offset, r.spot = -1, 0, [2]int{}
	for i, id := range r.quotes {
		if int(id) == quote {
			r.setCurrent(i)
			break
		}
	}
}

// Doc is the open document's ID, or -1.
func (r Reader) Doc() int { return r.doc }

// CurrentQuote is the ID of the current quote, or -1.
func (r Reader) CurrentQuote() int {
	if r.cur < 0 {
		return -1
	}
	return int(r.quotes[r.cur])
}

// TopLine is the 1-based document line at the top of the screen.
func (r Reader) TopLine() int {
	if r.offset >= len(r.rows) {
		return 0
	}
	return r.rows[r.offset].line
}

func (r Reader) textHeight() int { return max(1, r.height-1) } // one row of header

// marginWidth is the right margin where a wide reader names the speaker of
// each quote beside its first row, so attribution reads without colour.
func (r Reader) marginWidth() int {
	if r.width < 90 {
		return 0
	}
	return 18
}

func (r Reader) gutterWidth() int {
	if r.doc < 0 {
		return 0
	}
	return len(fmt.Sprint(r.cm.Corpus.Docs[r.doc].NumLines())) + 3 // number, mark, spaces
}

// build wraps the whole document for the current width. It runs when the
// document or the width changes, not per frame.
func (r *Reader) build() {
	if r.doc < 0 {
		return
	}
	width := max(1, r.width-r.gutterWidth()-r.marginWidth())
	if width == r.builtFor {
		return
	}
	r.rows = r.rows[:0]
	r.quoteRows = make([][2]int, len(r.quotes))
	for i := range r.quoteRows {
		r.quoteRows[i] = [2]int{-1, -1}
	}
	if r.width <= 0 {
		// Not sized yet: wrapping at one column would make a row of every
		// character. SetSize builds it.
		r.builtFor = -1
		return
	}
	r.builtFor = width
	d := &r.cm.Corpus.Docs[r.doc]
	if cap(r.rows) < d.NumLines() {
		r.rows = make([]readerRow, 0, d.NumLines()+d.NumLines()/4) // most lines wrap at most once
	}
	qs := r.cm.Corpus.Quotes
	var pieces []textPiece
	next := 0 // first quote that may still touch this line
	for n := 1; n <= d.NumLines(); n++ {
		ls := int(d.LineStarts[n-1])
		raw := d.Line(n)
		le := ls + len(raw)
		nextStart := len(d.Text) // where the line after this one starts
		if n < d.NumLines() {
			nextStart = int(d.LineStarts[n])
		}
		for next < len(r.quotes) && int(qs[r.quotes[next]].End) < ls {
			next++
		}
		// Build the display text: the line with markers at quote edges
		// and control characters made visible, and where each quote lies.
		var b strings.Builder
		var spans []quoteSpan
		pieces = pieces[:0]
		write := func(from, to int) {
			p := printable(d.Text[from:to])
			pieces = append(pieces, textPiece{b.Len(), from, len(p) == to-from})
			b.WriteString(p)
		}
		pos := ls
		for i := next; i < len(r.quotes); i++ {
			q := &qs[r.quotes[i]]
			qStart, qEnd := int(q.Start), int(q.End)
			if qStart > le {
				break
			}
			if qEnd <= ls && qStart < ls {
				continue // closed on an earlier line
			}
			from, to := max(qStart, ls), min(qEnd, le)
			if from < pos {
				from = pos // overlapping quotes: draw each byte once
			}
			if to < from {
				to = from
			}
			write(pos, from)
			spanStart := b.Len()
			if qStart >= ls {
				b.WriteString(quoteOpen)
			}
			write(from, to)
			if qEnd <= nextStart {
				b.WriteString(quoteClose)
			}
			spans = append(spans, quoteSpan{spanStart, b.Len(), i})
			pos = to
		}
		write(pos, le)
		text := b.String()
		for k, rg := range wrapRanges(text, width) {
			row := readerRow{line: n, first: k == 0, text: text[rg[0]:rg[1]], start: docOffset(pieces, rg[0])}
			for _, s := range spans {
				a, e := max(s.start, rg[0]), min(s.end, rg[1])
				if a < e {
					row.spans = append(row.spans, quoteSpan{a - rg[0], e - rg[0], s.q})
					qr := &r.quoteRows[s.q]
					if qr[0] < 0 {
						qr[0] = len(r.rows)
					}
					qr[1] = len(r.rows)
				}
			}
			r.rows = append(r.rows, row)
		}
	}
}

// setCurrent makes quote i current and scrolls it into view, a third of
// the way down when it was off screen.
func (r *Reader) setCurrent(i int) {
	if i < 0 || i >= len(r.quotes) {
		return
	}
	r.cur, r.spot = i, [2]int{}
	first, last := r.quoteRows[i][0], r.quoteRows[i][1]
	if first < 0 {
		return
	}
	h := r.textHeight()
	if first < r.offset || last >= r.offset+h {
		r.scrollTo(first - h/3)
	}
}

func (r *Reader) scrollTo(off int) {
	r.offset = clamp(off, 0, len(r.rows)-r.textHeight())
}

// Scroll moves the view by n rows. A current quote that leaves the screen
// gives way to the first quote on it, so the speaker key always means a
// quote the user can see.
func (r *Reader) Scroll(n int) {
	r.scrollTo(r.offset + n)
	if (r.cur >= 0 && r.visible(r.cur)) || r.spot[0] > 0 {
		return // a marked claim keeps the margin's mark to itself
	}
	r.cur = -1
	for i := range r.quotes {
		if r.visible(i) {
			r.cur = i
			return
		}
	}
}

func (r Reader) visible(i int) bool {
	qr := r.quoteRows[i]
	return qr[0] >= 0 && qr[1] >= r.offset && qr[0] < r.offset+r.textHeight()
}

// quoteAtCursor is the current quote, or else the first quote at or after
// the top of the screen; -1 when there is none.
func (r Reader) quoteAtCursor() int {
	if r.cur >= 0 {
		return r.cur
	}
	for i, qr := range r.quoteRows {
		if qr[1] >= r.offset {
			return i
		}
	}
	return -1
}

func (r Reader) Update(msg tea.Msg) (Reader, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || r.doc < 0 {
		return r, nil
	}
	keys := r.cm.Keys
	half := max(1, r.textHeight()/2)
	switch {
	case key.Matches(k, keys.Down):
		r.Scroll(1)
	case key.Matches(k, keys.Up):
		r.Scroll(-1)
	case key.Matches(k, keys.PageDown):
		r.Scroll(half)
	case key.Matches(k, keys.PageUp):
		r.Scroll(-half)
	case key.Matches(k, keys.Top):
		r.Scroll(-len(r.rows))
	case key.Matches(k, keys.Bottom):
		r.Scroll(len(r.rows))
	case key.Matches(k, keys.NextQuote):
		if r.cur < 0 {
			r.setCurrent(r.quoteAtCursor())
		} else {
			r.setCurrent(r.cur + 1)
		}
	case key.Matches(k, keys.PrevQuote):
		if r.cur < 0 {
			r.setCurrent(r.quoteAtCursor() - 1)
		} else {
			r.setCurrent(r.cur - 1)
		}
	case key.Matches(k, keys.SpeakerQuotes):
		if i := r.quoteAtCursor(); i >= 0 {
			id := r.quotes[i]
			return r, listSpeakerQuotes(int(r.cm.Corpus.Quotes[id].Speaker), int(id))
		}
	case key.Matches(k, keys.Back):
		return r, leaveReader
	}
	return r, nil
}

func (r Reader) View() string {
	st := r.cm.Styles
	if r.doc < 0 {
		return st.Muted.Render("No document open.")
	}
	lines := make([]string, 0, r.height)
	lines = append(lines, fit(r.header(), r.width))
	d := &r.cm.Corpus.Docs[r.doc]
	numWidth := r.gutterWidth() - 3
	end := min(len(r.rows), r.offset+r.textHeight())
	for i := r.offset; i < end; i++ {
		row := r.rows[i]
		num := strings.Repeat(" ", numWidth)
		if row.first {
			num = fmt.Sprintf("%*d", numWidth, row.line)
		}
		mark := " "
		if (r.cur >= 0 && i >= r.quoteRows[r.cur][0] && i <= r.quoteRows[r.cur][1]) ||
			(row.line >= r.spot[0] && row.line <= r.spot[1]) {
			mark = st.Bar.Render("▶")
		}
		base := st.Normal
		if int(d.LineStarts[row.line-1]) < d.BodyStart {
			base = st.Muted // front matter
		}
		line := st.LineNo.Render(num) + " " + mark + " " + r.styleRow(row, base)
		if note := r.marginNote(i); note != "" {
			pad := r.width - r.marginWidth() - ansi.StringWidth(line)
			line += strings.Repeat(" ", max(0, pad)) + " " + fit(note, r.marginWidth()-1)
		}
		lines = append(lines, line)
	}
	for len(lines) < r.height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// marginNote names the speakers of the quotes that start on row i, for the
// margin; "" when there is no margin or no quote starts there.
func (r Reader) marginNote(i int) string {
	if r.marginWidth() == 0 {
		return ""
	}
	st := r.cm.Styles
	// Quotes are in text order, so their first rows never decrease.
	k := sort.Search(len(r.quoteRows), func(k int) bool { return r.quoteRows[k][0] >= i })
	var names []string
	for ; k < len(r.quoteRows) && r.quoteRows[k][0] == i; k++ {
		q := &r.cm.Corpus.Quotes[r.quotes[k]]
		names = append(names, st.Speaker(int(q.Speaker)).Render(r.cm.speakerLabel(int(q.Speaker)))+st.Warn.Render(confidenceFlag(q.Confidence)))
	}
	return strings.Join(names, st.Muted.Render(", "))
}

// styleRow colours the quote spans of row by speaker, the current quote in
// reverse video.
func (r Reader) styleRow(row readerRow, base lipgloss.Style) string {
	st := r.cm.Styles
	var b strings.Builder
	pos := 0
	for _, s := range row.spans {
		b.WriteString(base.Render(row.text[pos:s.start]))
		style := st.Speaker(int(r.cm.Corpus.Quotes[r.quotes[s.q]].Speaker))
		if s.q == r.cur {
			style = style.Inherit(st.Current)
		}
		b.WriteString(style.Render(row.text[s.start:s.end]))
		pos = s.end
	}
	b.WriteString(base.Render(row.text[pos:]))
	return b.String()
}

// header says where the document comes from and which quote is current,
// in words, so none of it depends on colour.
func (r Reader) header() string {
	st := r.cm.Styles
	d := &r.cm.Corpus.Docs[r.doc]
	parts := []string{printable(d.Path)}
	for _, s := range []string{d.Outlet, d.Date} {
		if s != "" {
			parts = append(parts, printable(s))
		}
	}
	h := st.Muted.Render(strings.Join(parts, " · "))
	switch {
	case r.spot[0] > 0:
		h = st.Bar.Render("▶ ") + fmt.Sprintf("claim at line %d · ", r.spot[0]) + h
	case len(r.quotes) == 0:
		h += st.Muted.Render(" · no quotes")
	case r.cur >= 0:
		q := &r.cm.Corpus.Quotes[r.quotes[r.cur]]
		h = st.Bar.Render("▶ ") + fmt.Sprintf("quote %d/%d ", r.cur+1, len(r.quotes)) +
			st.Speaker(int(q.Speaker)).Render(r.cm.speakerLabel(int(q.Speaker))) + st.Warn.Render(confidenceFlag(q.Confidence)) +
			st.Muted.Render(fmt.Sprintf(" · line %d · ", q.Line)) + h
	default:
		h += st.Muted.Render(" · " + plural(len(r.quotes), "quote"))
	}
	return h
}

func (r *Reader) SetSize(w, h int) {
	top, built := r.TopLine(), r.builtFor
	r.width, r.height = w, h
	r.build()
	// Keep the same line at the top across a rewrap, and the current
	// quote on screen.
	if r.builtFor != built {
		r.offset = 0
		for i, row := range r.rows {
			if row.line >= top {
				r.offset = i
				break
			}
		}
	}
	r.scrollTo(r.offset)
	if r.cur >= 0 {
		r.setCurrent(r.cur)
	}
}

func (r *Reader) Focus() { r.focused = true }
func (r *Reader) Blur()  { r.focused = false }

func (r Reader) Title() string {
	if r.doc < 0 {
		return "Reader"
	}
	return "Reader · " + printable(r.cm.Corpus.Docs[r.doc].Title)
}

func (r Reader) ShortHelp() []key.Binding {
	k := r.cm.Keys
	for _, b := range []*key.Binding{&k.NextQuote, &k.PrevQuote, &k.SpeakerQuotes} {
		b.SetEnabled(len(r.quotes) > 0)
	}
	return []key.Binding{k.NextQuote, k.PrevQuote, k.SpeakerQuotes, k.Back}
}

func (r Reader) FullHelp() [][]key.Binding {
	k := r.cm.Keys
	return [][]key.Binding{r.ShortHelp(), {k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}
