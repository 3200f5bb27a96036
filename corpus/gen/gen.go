// Package gen writes deterministic, realistic corpora of invented news
// articles and leaked-call transcripts from a seed, so that benchmarks and
// users can try backchannel at any size without real documents. Every name,
// outlet and event is invented.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// File is one generated document: its path relative to the corpus folder
// and its bytes.
type File struct {
	Name string
	Data []byte
}

// PCG stream numbers: each part of the output draws from its own stream so
// that, for example, document 7 is the same whatever the corpus size.
const (
	streamCast   = 1 << 62
	streamQuotes = 1<<62 + 1
)

// Generator produces the documents of one corpus. It is read-only after New
// and File may be called from many goroutines.
type Generator struct {
	seed int64
	cast []person
}

// New prepares a corpus of docs documents from seed.
func New(seed int64, docs int) *Generator {
	r := rand.New(rand.NewPCG(uint64(seed), streamCast))
	return &Generator{seed: seed, cast: makeCast(r, castSize(docs))}
}

// castSize grows the cast with the corpus: a leak has a core of recurring
// people and a long tail who appear once or twice.
func castSize(docs int) int {
	return min(24+docs/20, 2000)
}

// Corpus returns docs generated documents for seed.
func Corpus(seed int64, docs int) []File {
	g := New(seed, docs)
	files := make([]File, docs)
	for i := range files {
		files[i] = g.File(i)
	}
	return files
}

// File returns document i. About one document in four is a transcript.
func (g *Generator) File(i int) File {
	r := rand.New(rand.NewPCG(uint64(g.seed), uint64(i)))
	date := fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
	if r.IntN(4) == 0 {
		return File{Name: fmt.Sprintf("transcripts/%s-call-%05d.txt", date, i), Data: g.transcript(r, date)}
	}
	outlet := pick(r, outlets)
	slug := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(outlet, "The "), " ", "-"))
	return File{Name: fmt.Sprintf("articles/%s/%s-%05d.md", slug, date, i), Data: g.article(r, outlet, date)}
}

// involved picks the people a document is about: mostly the recurring core.
func (g *Generator) involved(r *rand.Rand, n int) []*person {
	ps := make([]*person, n)
	core := min(len(g.cast), 24)
	for i := range ps {
		if r.IntN(3) > 0 {
			ps[i] = &g.cast[r.IntN(core)]
		} else {
			ps[i] = &g.cast[r.IntN(len(g.cast))]
		}
	}
	return ps
}

// article writes a news story with Markdown front matter and the quote forms
// newsrooms use: trailing and leading speech cues, colon introductions,
// quotes on the line after the speaker, pronoun and role follow-ups, last
// names alone, curly and straight quote marks, and scare quotes.
func (g *Generator) article(r *rand.Rand, outlet, date string) []byte {
	var b strings.Builder
	people := g.involved(r, 2+r.IntN(3))
	headline := capitalize(pick(r, things)[4:]) + ": " + capitalize(pick(r, groups)) + " " + pick(r, verbs) + " " + pick(r, []string{"key terms", "the draft", "a side deal", "the paper"})
	reporter := g.cast[r.IntN(len(g.cast))].name(r)
	fmt.Fprintf(&b, "---\ntitle: %q\noutlet: %s\ndate: %s\nauthor: %s\n---\n\n# %s\n\n", headline, outlet, date, reporter, headline)
	open, closing := `"`, `"`
	if r.IntN(3) == 0 {
		open, closing = "“", "”"
	}
	q := func(s string) string { return open + s + closing }
	// trailing drops the final full stop of a quote before a cue, as
	// style guides ask: "We never signed it," she said.
	trailing := func(s string) string { return q(strings.TrimSuffix(s, ".") + ",") }
	var last *person
	paragraphs := 8 + r.IntN(20)
	for i := 0; i < paragraphs; i++ {
		p := people[r.IntN(len(people))]
		full := p.name(r)
		if p.title != "" && r.IntN(2) == 0 {
			full = p.title + " " + full
		}
		switch k := r.IntN(16); {
		case k < 2 || k >= 12:
			// Background: most of a story's text is not quoted.
			b.WriteString(narrative(r))
			for n := r.IntN(4); n > 0; n-- {
				b.WriteString(" " + narrative(r))
			}
		case k == 2:
			fmt.Fprintf(&b, "%s %s said.", trailing(speech(r)), full)
		case k == 3:
			fmt.Fprintf(&b, "%s said %s, %s.", trailing(speech(r)), p.name(r), p.role[4:])
		case k == 4:
			fmt.Fprintf(&b, "%s, %s, said: %s", p.name(r), p.role, q(speech(r)))
		case k == 5:
			fmt.Fprintf(&b, "%s told %s: %s", full, outlet, q(speech(r)))
		case k == 6:
			fmt.Fprintf(&b, "%s:\n%s", full, q(speech(r)))
		case k == 7 && last != nil:
			fmt.Fprintf(&b, "%s %s added. %s", trailing(speech(r)), last.pronoun, q(speech(r)))
			p = last
		case k == 8 && last != nil:
			fmt.Fprintf(&b, "%s %s said.", trailing(speech(r)), last.role)
			p = last
		case k == 9 && last != nil:
			fmt.Fprintf(&b, "%s %s told reporters.", trailing(speech(r)), last.lastName(r))
			p = last
		case k == 10:
			// Indirect speech: a name and a cue but nothing quoted.
			fmt.Fprintf(&b, "%s said %s had %s %s %s.", full, pick(r, groups), pick(r, verbs), pick(r, things), pick(r, times))
		default:
			fmt.Fprintf(&b, "%s %s", narrative(r), q(speech(r)))
			p = nil
		}
		last = p
		b.WriteString("\n\n")
	}
	fmt.Fprintf(&b, "Source: %s\n", outlet)
	return []byte(b.String())
}

// transcript writes a leaked call: speaker labels in capitals or as
// written, optional timestamps, an interviewer, stage directions and turns
// that run over several lines.
func (g *Generator) transcript(r *rand.Rand, date string) []byte {
	var b strings.Builder
	people := g.involved(r, 2+r.IntN(2))
	fmt.Fprintf(&b, "Transcript of a call, %s\n\n", date)
	caps := r.IntN(2) == 0
	stamps := r.IntN(2) == 0
	label := func(p *person) string {
		var s string
		switch r.IntN(3) {
		case 0:
			s = p.lastName(r)
		default:
			s = p.name(r)
		}
		if caps {
			s = strings.ToUpper(s)
		}
		return s
	}
	sec := r.IntN(600)
	turns := 20 + r.IntN(70)
	for i := 0; i < turns; i++ {
		if stamps {
			sec += 3 + r.IntN(40)
			fmt.Fprintf(&b, "[%02d:%02d:%02d] ", sec/3600, sec/60%60, sec%60)
		}
		switch k := r.IntN(10); {
		case k == 0:
			fmt.Fprintf(&b, "Q: %s\n", strings.TrimSuffix(sentence(r), ".")+"?")
		case k == 1:
			b.WriteString(pick(r, []string{"[inaudible]", "(crosstalk)", "[laughter]", "[pause]"}) + "\n")
		default:
			p := people[r.IntN(len(people))]
			fmt.Fprintf(&b, "%s: %s\n", label(p), speech(r))
			if r.IntN(8) == 0 {
				b.WriteString(speech(r) + "\n")
			}
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}
