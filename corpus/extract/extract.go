// Package extract finds quotations in one document's text and attributes
// each to the name the text gives for its speaker. Merging names across
// documents into speakers is package speakers' job.
package extract

import (
	"strings"

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

// DetectKind reports whether body reads as a transcript: subtitles, or
// speaker labels opening a good share of its lines, or several labels in
// capitals (a press-conference transcript whose turns run over many
// paragraphs).
func DetectKind(body string) model.Kind {
	trimmed := strings.TrimLeft(body, "\ufeff \t\r\n")
	if strings.HasPrefix(trimmed, "WEBVTT") || isSRT(trimmed) {
		return model.Transcript
	}
	lines, labelled, upper := 0, 0, 0
	distinct := map[string]bool{}
	for i := 0; i < len(body); {
		nl := strings.IndexByte(body[i:], '\n')
		end, next := len(body), len(body)
		if nl >= 0 {
			end, next = i+nl, i+nl+1
		}
		s, e := trimSpan(body, i, end)
		i = next
		if s >= e {
			continue
		}
		lines++
		l, ok := parseLabel(body, s, e)
		if !ok {
			continue
		}
		rest := body[l.textStart:e]
		if l.textStart >= e && !l.upper {
			continue // "Title Case Words:" alone on a line is a heading
		}
		if r := firstRune(rest); r == '"' || r == '“' || r == '«' {
			continue // `X: "..."` in prose
		}
		labelled++
		distinct[strings.ToUpper(l.raw)] = true
		if l.upper {
			upper++
		}
	}
	switch {
	case labelled >= 2 && labelled*3 >= lines:
		return model.Transcript
	case upper >= 3 && len(distinct) >= 2:
		return model.Transcript
	case labelled >= 4 && len(distinct) >= 2 && labelled*6 >= lines:
		return model.Transcript
	}
	return model.Article
}
