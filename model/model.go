// Package model holds the in-memory corpus: documents, speakers, quotes and
// claims, the indexes over them, and search. It is built once by package
// corpus and then only read, so many UI sessions can share one *Corpus.
package model

import (
	"sort"
	"strings"
	"sync"
)

// Kind says how a document was written, which decides how quotes are found.
type Kind uint8

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
type Confidence uint8

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
	// (1-based) starts at LineStarts[n-1]. int32 is enough for a document
	// (corpus.MaxFileSize is 64 MiB) and halves the largest index a
	// document carries.
	LineStarts []int32
}

// LineAt returns the 1-based line number holding byte offset off.
func (d *Document) LineAt(off int) int {
	return sort.Search(len(d.LineStarts), func(i int) bool { return int(d.LineStarts[i]) > off })
}

// Line returns the text of 1-based line n without its line break.
func (d *Document) Line(n int) string {
	if n < 1 || n > len(d.LineStarts) {
		return ""
	}
	start := int(d.LineStarts[n-1])
	end := len(d.Text)
	if n < len(d.LineStarts) {
		end = int(d.LineStarts[n])
	}
	for end > start && (d.Text[end-1] == '\n' || d.Text[end-1] == '\r') {
		end--
	}
	return d.Text[start:end]
}

// NumLines is the number of lines in the document.
func (d *Document) NumLines() int { return len(d.LineStarts) }

// LineStartsOf computes Document.LineStarts for text.
func LineStartsOf(text string) []int32 { return LineStartsIn(text, nil) }

// LineStartsIn is LineStartsOf with the slice from alloc, which returns n
// elements (nil: make).
func LineStartsIn(text string, alloc func(n int) []int32) []int32 {
	// Counted first so the slice is allocated once at its exact size: it
	// lives as long as the document.
	n := strings.Count(text, "\n")
	if strings.HasSuffix(text, "\n") {
		n--
	}
	var starts []int32
	if alloc != nil {
		starts = alloc(n + 1)[:1]
	} else {
		starts = make([]int32, 1, n+1)
	}
	starts[0] = 0
	for i := 0; ; {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
		if i < len(text) {
			starts = append(starts, int32(i))
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
	Quotes  []int32  // quote IDs in corpus order
}

// Unknown is the speaker ID of a quote whose speaker could not be determined.
const Unknown = -1

// Quote is one attributed (or explicitly unattributed) quotation.
//
// A corpus holds about one quote per 200 bytes of text, so the quotes are
// the largest thing in memory after the text itself: IDs, offsets and line
// numbers are int32 (a document is at most 64 MiB, a corpus far fewer than
// 2^31 quotes) and the cue is a number, which packs a quote in 48 bytes
// instead of 88.
type Quote struct {
	ID      int32
	Doc     int32 // document ID
	Speaker int32 // speaker ID, or Unknown
	// Start and End are byte offsets of Text's span in the document's Text
	// (quote marks excluded).
	Start, End int32
	Line       int32 // 1-based line of Start
	Text       string
	Cue        Cue // "said", "colon", "transcript", "continuation", ...
	Confidence Confidence
}

// Cue names what attributed a quote: a speech verb ("said", "told"), or how
// the quote was laid out ("colon", "transcript", "continuation"). The names
// come from the extractors' fixed vocabularies, so a few hundred at most;
// a Cue numbers them in a process-wide table instead of each quote
// carrying a 16-byte string header.
type Cue uint16

// NoCue is the Cue of the empty name: nothing attributed the quote.
const NoCue Cue = 0

// cueTable maps cue names to numbers and back. Numbers are handed out in
// first-seen order and never change, so a Cue is valid for the life of
// the process whatever corpus it came from.
var cueTable = struct {
	sync.RWMutex
	byName map[string]Cue
	names  []string
}{byName: map[string]Cue{"": NoCue}, names: []string{""}}

// CueOf returns the Cue named name, numbering it if it is new.
func CueOf(name string) Cue {
	cueTable.RLock()
	c, ok := cueTable.byName[name]
	cueTable.RUnlock()
	if ok {
		return c
	}
	cueTable.Lock()
	defer cueTable.Unlock()
	if c, ok := cueTable.byName[name]; ok {
		return c
	}
	if len(cueTable.names) > int(^Cue(0)) {
		// Cue names are vocabulary words chosen by the extractors, never
		// free text from a document, so this is a bug in an extractor.
		panic("model: more than 65536 distinct cue names; a cue must come from a fixed vocabulary")
	}
	// Cloned so the table never pins the document text a name was
	// sliced from.
	name = strings.Clone(name)
	c = Cue(len(cueTable.names))
	cueTable.names = append(cueTable.names, name)
	cueTable.byName[name] = c
	return c
}

// String returns the cue's name, "" for NoCue.
func (c Cue) String() string {
	cueTable.RLock()
	defer cueTable.RUnlock()
	if int(c) >= len(cueTable.names) {
		return ""
	}
	return cueTable.names[c]
}
