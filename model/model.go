// Package model holds the in-memory corpus: documents, speakers, quotes and
// claims, the indexes over them, and search. It is built once by package
// corpus and then only read, so many UI sessions can share one *Corpus.
package model

import (
	"sort"
	"strings"
)

// Kind says how a document was written, which decides how quotes are found.
type Kind int

const (
	Article    Kind = iota // prose with quotation marks and speech cues
	Transcript             // speaker turns: "NAME: text", subtitles
)

func (k Kind) String() string {
	if k == Transcript {
		return "transcript"
	}
	return "article"
}

// Confidence grades how sure the attribution of a quote is, so the UI can
// flag the weak ones instead of presenting a guess as fact.
type Confidence int

const (
	None   Confidence = iota // no speaker could be determined
	Low                      // continuation of an earlier paragraph's speaker
	Medium                   // pronoun, role or last-name reference resolved to an earlier person
	High                     // an explicit cue naming the speaker, or a transcript label
)

func (c Confidence) String() string {
	switch c {
	case High:
		return "high"
	case Medium:
		return "medium"
	case Low:
		return "low"
	}
	return "none"
}

// Document is one loaded file. Text is the whole file as read (front matter
// included) so that byte offsets and line numbers point into the real file.
type Document struct {
	ID     int
	Path   string // as given on the command line, or "sample/NAME"
	Title  string
	Outlet string
	Date   string
	URL    string
	Author string
	Kind   Kind
	Text   string
	// BodyStart is the byte offset where the text after any front matter
	// begins.
	BodyStart int
	// LineStarts holds the byte offset of the start of each line; line n
	// (1-based) starts at LineStarts[n-1].
	LineStarts []int
}

// LineAt returns the 1-based line number holding byte offset off.
func (d *Document) LineAt(off int) int {
	return sort.Search(len(d.LineStarts), func(i int) bool { return d.LineStarts[i] > off })
}

// Line returns the text of 1-based line n without its line break.
func (d *Document) Line(n int) string {
	if n < 1 || n > len(d.LineStarts) {
		return ""
	}
	start := d.LineStarts[n-1]
	end := len(d.Text)
	if n < len(d.LineStarts) {
		end = d.LineStarts[n]
	}
	for end > start && (d.Text[end-1] == '\n' || d.Text[end-1] == '\r') {
		end--
	}
	return d.Text[start:end]
}

// NumLines is the number of lines in the document.
func (d *Document) NumLines() int { return len(d.LineStarts) }

// LineStartsOf computes Document.LineStarts for text.
func LineStartsOf(text string) []int {
	// Counted first so the slice is allocated once at its exact size: it
	// lives as long as the document.
	n := strings.Count(text, "\n")
	if strings.HasSuffix(text, "\n") {
		n--
	}
	starts := make([]int, 1, n+1)
	for i := 0; ; {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
		if i < len(text) {
			starts = append(starts, i)
		}
	}
	return starts
}

// Speaker is one person or organisation, under every spelling seen.
type Speaker struct {
	ID      int
	Name    string   // canonical name: the fullest spelling seen
	Aliases []string // other spellings seen, canonical name excluded
	Roles   []string // roles and titles seen ("presidential aide")
	Quotes  []int    // quote IDs in corpus order
}

// Unknown is the speaker ID of a quote whose speaker could not be determined.
const Unknown = -1

// Quote is one attributed (or explicitly unattributed) quotation.
type Quote struct {
	ID      int
	Doc     int // document ID
	Speaker int // speaker ID, or Unknown
	Text    string
	// Start and End are byte offsets of Text's span in the document's Text
	// (quote marks excluded).
	Start, End int
	Line       int    // 1-based line of Start
	Cue        string // "said", "colon", "transcript", "continuation", ...
	Confidence Confidence
}
