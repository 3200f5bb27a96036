package ui

import (
	"os"
	"strings"

	"github.com/backchannel-news/backchannel/corpus/claims"
	"github.com/backchannel-news/backchannel/model"
)

// ShowLines scrolls the open document so its 1-based line first stands a
// third of the way down, and marks lines first to last in the margin as
// the current quote is marked: a claim that is not a quote has no brackets
// to show which of the lines on screen it is.
func (r *Reader) ShowLines(first, last int) {
	r.spot = [2]int{first, max(first, last)}
	for i, row := range r.rows {
		if row.line >= first {
			r.scrollTo(i - r.textHeight()/3)
			return
		}
	}
}

// markTarget is what m in the reader makes a claim: the current quote, held
// by its speaker, or else the sentence at the top of the screen, held by
// the document's outlet or author.
func (r Reader) markTarget() (markTarget, bool) {
	if r.doc < 0 {
		return markTarget{}, false
	}
	c := r.cm.Corpus
	if i := r.quoteAtCursor(); i >= 0 && r.visible(i) {
		q := &c.Quotes[r.quotes[i]]
		holder := c.SpeakerName(int(q.Speaker))
		if holder == "" {
			holder = docHolder(&c.Docs[r.doc])
		}
		return markTarget{doc: r.doc, start: int(q.Start), end: int(q.End), holder: holder}, true
	}
	// Else the sentence at the top of the screen: scrolling a row at a
	// time brings any sentence of a long paragraph there.
	d := &c.Docs[r.doc]
	from := 0
	if r.offset < len(r.rows) {
		from = r.rows[r.offset].start
	}
	for n := max(1, r.TopLine()); n <= d.NumLines(); n++ {
		ls := int(d.LineStarts[n-1])
		if ls < d.BodyStart {
			continue
		}
		if s, e, ok := claims.SentenceAt(d.Text, ls, ls+len(d.Line(n)), max(from, ls)); ok {
			return markTarget{doc: r.doc, start: s, end: e, holder: docHolder(d)}, true
		}
	}
	return markTarget{}, false
}

// docHolder names who asserts a document's own sentences.
func docHolder(d *model.Document) string {
	switch {
	case d.Outlet != "":
		return d.Outlet
	case d.Author != "":
		return d.Author
	}
	return "author of " + d.Path
}

// openClaim reads a claim in its document: at its quote when it is one,
// else at its line.
func (a *App) openClaim(m claimOpenMsg) {
	a.openReader(m.doc, m.quote)
	a.backToClaims = true
	if d := &a.cm.Corpus.Docs[m.doc]; m.quote < 0 {
		a.reader.ShowLines(m.line, d.LineAt(max(0, m.end-1)))
	}
}

// author is who saved curation is credited to: the name given, else the
// local user.
func author(name string) string {
	if name = strings.TrimSpace(name); name != "" {
		return name
	}
	if u := strings.TrimSpace(os.Getenv("USER")); u != "" {
		return u
	}
	return "local user"
}
