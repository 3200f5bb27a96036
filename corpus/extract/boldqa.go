package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/backchannel-news/backchannel/model"
)

// Magazine interviews print each question in bold as a paragraph of its
// own and the answer as the plain paragraphs after it, with both people
// named only in the introduction ("The painter Oona Breslin ... She spoke
// to Declan Moore."). The question is the interviewer's turn, the answer
// the interviewee's; a name the introduction does not give stays empty.

// interviewerIntro finds the interviewer the introduction names.
var interviewerIntro = regexp.MustCompile(`\b(?:[Ss]poke to|[Tt]alked to|[Ss]peaks to|[Tt]alks to|[Ii]nterviewed by|[Ii]nterview by|[Qq]uestions by)\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,3}\p{Lu}[\p{L}'’-]+)`)

// capitalRun is a run of capitalised words, a candidate for a name.
var capitalRun = regexp.MustCompile(`(?:\p{Lu}[\p{L}'’-]+\s+)+\p{Lu}[\p{L}'’-]+`)

// boldQuestion reports whether text[p] is a whole paragraph in bold.
func boldQuestion(text string, p paragraph) (int, int, bool) {
	if p.start < p.end {
		// Nearly every paragraph opens with a character that is neither
		// white space nor a bold marker: no need to trim it.
		if c := text[p.start]; c < utf8.RuneSelf && c != '*' && c != '_' && !asciiSpace[c] {
			return 0, 0, false
		}
	}
	s := strings.TrimSpace(text[p.start:p.end])
	for _, m := range []string{"**", "__"} {
		if len(s) > 4 && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) && !strings.Contains(s[2:len(s)-2], m) {
			start := p.start + strings.Index(text[p.start:p.end], m) + 2
			end := start + len(s) - 4
			return start, end, true
		}
	}
	return 0, 0, false
}

// boldInterview reads paras as a bold-question interview: the turns, and
// the paragraphs before the first question, which are prose. ok is false
// unless at least two bold questions each have an answer after them.
func boldInterview(text string, paras []paragraph) (turns []Found, intro []paragraph, ok bool) {
	first, answered := -1, 0
	for i, p := range paras {
		if _, _, bold := boldQuestion(text, p); bold {
			if first < 0 {
				first = i
			}
			if i+1 < len(paras) {
				if _, _, next := boldQuestion(text, paras[i+1]); !next {
					answered++
				}
			}
		}
	}
	if first < 1 || answered < 2 {
		return nil, nil, false
	}
	intro = paras[:first]
	var introText strings.Builder
	for _, p := range intro {
		introText.WriteString(text[p.start:p.end])
		introText.WriteByte('\n')
	}
	asker, guest := interviewNames(introText.String())
	var cur *Found
	flush := func() {
		if cur != nil && cur.Start < cur.End {
			cur.Text = text[cur.Start:cur.End]
			turns = append(turns, *cur)
		}
		cur = nil
	}
	for _, p := range paras[first:] {
		if s, e, bold := boldQuestion(text, p); bold {
			flush()
			cur = &Found{Speaker: asker, Role: roleIf(asker, "interviewer"), Start: s, End: e, Cue: "transcript", Confidence: confidenceOf(asker)}
			flush()
			continue
		}
		s, e := trimSpan(text, p.start, p.end)
		if cur == nil {
			cur = &Found{Speaker: guest, Start: s, Cue: "transcript", Confidence: confidenceOf(guest)}
		}
		cur.End = e
	}
	flush()
	for i := range turns {
		if turns[i].Role != "" {
			turns[i].Roles = []string{turns[i].Role}
		}
	}
	return turns, intro, true
}

// interviewNames finds the interviewer ("She spoke to Declan Moore") and
// the interviewee, the first other full name of the introduction.
func interviewNames(intro string) (asker, guest string) {
	if m := interviewerIntro.FindStringSubmatch(intro); m != nil {
		asker = strings.Join(strings.Fields(m[1]), " ")
	}
	for _, run := range capitalRun.FindAllString(intro, -1) {
		words := strings.Fields(run)
		// "The painter Oona Breslin" reaches here as "Oona Breslin";
		// leading titles and sentence openers are not the name.
		for len(words) > 0 && (titleWords[strings.ToLower(words[0])] || notNames[strings.ToLower(words[0])]) {
			words = words[1:]
		}
		name := strings.Join(words, " ")
		if len(words) >= 2 && name != asker && !strings.Contains(asker, name) {
			return asker, name
		}
	}
	return asker, ""
}

func roleIf(name, role string) string {
	if name == "" {
		return ""
	}
	return role
}

func confidenceOf(name string) model.Confidence {
	if name == "" {
		return model.None
	}
	return model.High
}
