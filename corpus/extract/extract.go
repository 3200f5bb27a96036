// Package extract finds quotations in one document's text and attributes
// each to the name the text gives for its speaker. Merging names across
// documents into speakers is package speakers' job.
//
// Articles are read paragraph by paragraph. Quotation marks (straight,
// curly, guillemets; single marks only in documents that use no double
// ones) are paired within a paragraph, so a stray mark never reaches past
// it. Each quotation becomes one opaque token and the prose around it is
// tokenised into names (titles and roles split off), pronouns, role
// references ("the presidential aide") and anonymous sources ("a senior
// official"). A quotation's speaker comes from, in order: a cue right after
// it ("..., X said", "said X", "according to X"); a cue before it in its
// sentence ("X said that", "X told Y:", "X, laughing:"); the previous
// sentence of its paragraph; and, for a paragraph that is only a quotation,
// the paragraph before (low confidence). Quotations are opaque: a name
// inside one is someone the speaker mentions, never a speaker or an
// antecedent. A he or she opening the clause a speech verb reports ("Nesse
// said he had ...") is that verb's subject unless its known gender differs;
// other pronouns go to the most recent sentence's speaking subject of
// matching gender, role references to the
// most recent holder of that role, "the official" after an unnamed one to
// no one. Short quotations with no cue (scare quotes, titles), the
// author's paraphrase ("In other words: ...") and hypotheticals ("X could
// say ...") are dropped; a quotation whose speaker cannot be determined is
// kept with no speaker.
//
// Transcripts are read turn by turn: "NAME: text", "NAME (role): text",
// capitals, timestamps, Markdown bold, White House "Q" turns, Q/A with a
// header naming both sides, WebVTT voices and SRT cues. A turn runs until
// the next label; stage directions ("(Laughter.)") split and trim it.
package extract

import (
	"strings"
	"sync"

	"github.com/backchannel-news/backchannel/model"
)

// Found is one quotation as the text presents it.
type Found struct {
	Speaker string   // the fullest name the document gives, "" when unknown
	Role    string   // a role or title seen with the name ("presidential aide")
	Roles   []string // every role the document gives the speaker
	// Org is set for organisations and places ("the White House said"),
	// which are never merged with a person.
	Org bool
	// Local is set for a transcript's generic labels (Q, MODERATOR): the
	// same label in another document is another person.
	Local      bool
	Text       string
	Start, End int // byte offsets of Text in the document text
	Cue        string
	Confidence model.Confidence
}

// Document extracts the quotes of doc, reading only its body.
func Document(doc *model.Document) []Found {
	if doc.Kind == model.Transcript {
		return Transcript(doc.Text, doc.BodyStart)
	}
	return Article(doc.Text, doc.BodyStart)
}

// Recycle hands back a slice of quotations Document returned, for a
// later call to fill: the caller must be done with the slice itself,
// though not with what its quotations hold (strings, Roles), which stay
// valid. A document's quotations take about half a byte for each byte
// of its text, the most extraction allocates, and a loader copies what
// it keeps out of them at once.
func Recycle(found []Found) {
	if cap(found) == 0 {
		return
	}
	// Nothing the quotations point to is kept alive by the pool.
	found = found[:cap(found)]
	clear(found)
	p, _ := foundBoxes.Get().(*[]Found)
	if p == nil {
		p = new([]Found)
	}
	*p = found
	foundPool.Put(p)
}

// foundPool holds *[]Found handed back by Recycle; foundBoxes holds the
// emptied *[]Found, so that handing a slice back allocates no pointer to
// it.
var foundPool, foundBoxes sync.Pool

// foundBuffer returns an empty slice with room for n quotations, from
// those handed back if one is large enough.
func foundBuffer(n int) []Found {
	if n == 0 {
		return make([]Found, 0) // no allocation, and no buffer taken for nothing
	}
	if p, ok := foundPool.Get().(*[]Found); ok {
		found := *p
		*p = nil
		foundBoxes.Put(p)
		if cap(found) >= n {
			return found[:0]
		}
		// Too small: left to the collector, so that the arrays handed
		// back grow to what the largest documents need, rather than the
		// pool gathering arrays of every size.
	}
	return make([]Found, 0, n)
}

// DetectKind reports whether body reads as a transcript: subtitles, or
// speaker labels opening a good share of its lines, or several labels in
// capitals (a press-conference transcript whose turns run over many
// paragraphs).
func DetectKind(body string) model.Kind {
	trimmed := strings.TrimLeft(body, "\ufeff \t\r\n")
	if strings.HasPrefix(trimmed, "WEBVTT") || isSRT(trimmed) {
		return model.Transcript
	}
	lines, labelled, upper, alone := 0, 0, 0, 0
	// At most this many lines are not blank: enough to know early that a
	// share of them is labelled, and stop reading a transcript.
	maxLines := strings.Count(body, "\n") + 1
	// Only whether two labels differ (in capitals) matters, not how many
	// do: keep the first and compare, rather than upper-casing every
	// label into a set.
	first, seen, distinct := "", false, false
	see := func(raw string) {
		if !seen {
			first, seen = raw, true
		} else if !distinct && !sameUpper(first, raw) {
			distinct = true
		}
	}
	for s, e := range trimmedLines(body, 0) {
		if s >= e {
			continue
		}
		lines++
		l, ok := parseLabel(body, s, e)
		if !ok {
			continue
		}
		rest := body[l.textStart:e]
		if l.alone {
			alone++
			see(l.raw)
		} else {
			if l.textStart >= e && !l.upper && !timedLabel(body[s:e]) {
				// "Title Case Words:" alone on a line is a heading; "Jane
				// Roe (00:01:02):" is a speaker over the lines below.
				continue
			}
			if r := firstRune(rest); r == '"' || r == '“' || r == '«' {
				continue // `X: "..."` in prose
			}
			labelled++
			see(l.raw)
			if l.upper {
				upper++
			}
		}
		if distinct && (upper >= 3 || alone >= 3) ||
			labelled >= 2 && labelled*3 >= maxLines ||
			labelled >= 4 && distinct && labelled*6 >= maxLines {
			// A test below already holds, and more lines cannot undo it:
			// the counts only grow, and lines will not pass maxLines.
			return model.Transcript
		}
	}
	switch {
	case labelled >= 2 && labelled*3 >= lines:
		return model.Transcript
	case upper >= 3 && distinct:
		return model.Transcript
	case labelled >= 4 && distinct && labelled*6 >= lines:
		return model.Transcript
	case alone >= 3 && distinct:
		// Labels on lines of their own, each over its turn's paragraphs.
		return model.Transcript
	}
	return model.Article
}

// timedLabel reports whether line is a label ending in the time its turn
// starts, in brackets: "Speaker 1 (00:00:05):", "Jane Roe [01:02]:".
func timedLabel(line string) bool {
	line = strings.TrimSuffix(line, ":")
	if line == "" || (line[len(line)-1] != ')' && line[len(line)-1] != ']') {
		return false
	}
	open := strings.LastIndexAny(line, "([")
	return open > 0 && isClock(line[open+1:len(line)-1])
}
