package ui

import (
	"os"
	"strings"

	"github.com/backchannel-news/backchannel/model"
)

// ShowLine scrolls the open document so its 1-based line stands a third of
// the way down, for a claim that is not a quote.
func (r *Reader) ShowLine(line int) {
	for i, row := range r.rows {
		if row.line >= line {
			r.scrollTo(i - r.textHeight()/3)
			return
		}
	}
}

// markTarget is what m in the reader makes a claim: the current quote, held
// by its speaker, or else the first non-blank line on screen, held by the
// document's outlet or author.
func (r Reader) markTarget() (markTarget, bool) {
	if r.doc < 0 {
		return markTarget{}, false
	}
	c := r.cm.Corpus
	if i := r.quoteAtCursor(); i >= 0 && r.visible(i) {
		q := &c.Quotes[r.quotes[i]]
		holder := c.SpeakerName(q.Speaker)
		if holder == "" {
			holder = docHolder(&c.Docs[r.doc])
		}
		return markTarget{doc: r.doc, start: q.Start, end: q.End, holder: holder}, true
	}
	d := &c.Docs[r.doc]
	for n := max(1, r.TopLine()); n <= d.NumLines(); n++ {
		text := d.Line(n)
		if strings.TrimSpace(text) == "" || d.LineStarts[n-1] < d.BodyStart {
			continue
		}
		start := d.LineStarts[n-1] + len(text) - len(strings.TrimLeft(text, " \t"))
		end := d.LineStarts[n-1] + len(strings.TrimRight(text, " \t"))
		return markTarget{doc: r.doc, start: start, end: end, holder: docHolder(d)}, true
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
	if m.quote < 0 {
		a.reader.ShowLine(m.line)
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
