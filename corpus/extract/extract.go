// Package extract finds quotations in one document's text and attributes
// each to the name the text gives for its speaker. Merging names across
// documents into speakers is package speakers' job.
package extract

import (
	"regexp"
	"strings"

	"github.com/backchannel-news/backchannel/model"
)

// Found is one quotation as the text presents it.
type Found struct {
	Speaker    string // the fullest name the document gives, "" when unknown
	Role       string // a role or title seen with the name ("presidential aide")
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

var turnRE = regexp.MustCompile(`(?m)^([A-Z][A-Za-z.'\- ]{0,40}):[ \t]+(\S.*)$`)

// DetectKind reports whether body reads as a transcript: most non-blank
// lines start with a speaker label.
func DetectKind(body string) model.Kind {
	lines, turns := 0, 0
	for _, l := range strings.Split(body, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		lines++
		if turnRE.MatchString(l) {
			turns++
		}
	}
	if lines > 0 && turns*2 >= lines {
		return model.Transcript
	}
	return model.Article
}

// Transcript extracts one quote per speaker turn from text[from:].
func Transcript(text string, from int) []Found {
	var out []Found
	for _, m := range turnRE.FindAllStringSubmatchIndex(text[from:], -1) {
		name := text[from+m[2] : from+m[3]]
		out = append(out, Found{
			Speaker:    strings.TrimSpace(name),
			Text:       text[from+m[4] : from+m[5]],
			Start:      from + m[4],
			End:        from + m[5],
			Cue:        "transcript",
			Confidence: model.High,
		})
	}
	return out
}

var (
	quoteRE      = regexp.MustCompile(`["“]([^"“”\n]+)["”]`)
	afterCueRE   = regexp.MustCompile(`^\s*,?\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(said|says|told|added|wrote)\b`)
	beforeCueRE  = regexp.MustCompile(`([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(said|says|told|added|wrote)[^"“.]*[:,]?\s*$`)
	colonIntroRE = regexp.MustCompile(`([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}):\s*$`)
)

// Article extracts quotes in prose from text[from:] with the plain cues:
// `"...," X said`, `X said: "..."` and `X: "..."`.
func Article(text string, from int) []Found {
	var out []Found
	body := text[from:]
	for _, m := range quoteRE.FindAllStringSubmatchIndex(body, -1) {
		f := Found{Text: body[m[2]:m[3]], Start: from + m[2], End: from + m[3]}
		lineStart := strings.LastIndexByte(body[:m[0]], '\n') + 1
		before := body[lineStart:m[0]]
		after := body[m[1]:]
		if nl := strings.IndexByte(after, '\n'); nl >= 0 {
			after = after[:nl]
		}
		switch {
		case afterCueRE.MatchString(after):
			sm := afterCueRE.FindStringSubmatch(after)
			f.Speaker, f.Cue = sm[1], sm[2]
		case beforeCueRE.MatchString(before):
			sm := beforeCueRE.FindStringSubmatch(before)
			f.Speaker, f.Cue = sm[1], sm[2]
		case colonIntroRE.MatchString(before):
			f.Speaker, f.Cue = colonIntroRE.FindStringSubmatch(before)[1], "colon"
		}
		if f.Speaker != "" {
			f.Confidence = model.High
		}
		if len(strings.Fields(f.Text)) <= 3 && f.Speaker == "" {
			continue // a scare quote or a title, not speech
		}
		out = append(out, f)
	}
	return out
}
