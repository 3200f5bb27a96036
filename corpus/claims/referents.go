package claims

import (
	"strings"

	"github.com/backchannel-news/backchannel/model"
)

// gender is what a text shows of a person's grammatical gender, so that
// "she" is never read as a man named before.
type gender int

const (
	unknownGender gender = iota
	male
	female
)

var pronounGender = map[string]gender{"he": male, "she": female}

// honorifics before a name give its gender: "Ms Solberg".
var honorifics = map[string]gender{"mr": male, "mrs": female, "ms": female, "miss": female}

// genderedRoles in a speaker's roles give the speaker's gender.
var genderedRoles = map[string]gender{
	"spokesman": male, "spokeswoman": female, "chairman": male, "chairwoman": female,
	"businessman": male, "businesswoman": female, "congressman": male, "congresswoman": female,
	"councilman": male, "councilwoman": female, "alderman": male, "alderwoman": female,
}

// genders reads what the corpus shows of its people's gender, keyed by
// the lower-case last word of a name: honorifics before the name, gendered
// roles of a speaker, and the pronoun of a quote's frame (`," she said`)
// when extraction gave that quote its speaker, since the extractor then
// read the pronoun as that person. Contradicting evidence leaves a name
// without gender.
func genders(c *model.Corpus) map[string]gender {
	seen := map[string]gender{}
	clash := map[string]bool{}
	note := func(name string, g gender) {
		key := strings.ToLower(lastWord(name))
		if key == "" || g == unknownGender {
			return
		}
		if prev, ok := seen[key]; ok && prev != g {
			clash[key] = true
		}
		seen[key] = g
	}
	for d := range c.Docs {
		doc := &c.Docs[d]
		for h, g := range honorifics {
			honorificNames(doc.Text[doc.BodyStart:], h, func(last string) { note(last, g) })
		}
	}
	for _, sp := range c.Speakers {
		for _, r := range sp.Roles {
			for _, w := range strings.Fields(strings.ToLower(r)) {
				note(sp.Name, genderedRoles[w])
			}
		}
	}
	// The few words after each quote are cut from one reused buffer.
	var words tokenArena
	for _, q := range c.Quotes {
		if q.Speaker == model.Unknown {
			continue
		}
		words.reset()
		doc := &c.Docs[q.Doc]
		// The words right after the closing mark, up to the line's end:
		// `," she said.`
		qEnd := int(q.End)
		end := min(len(doc.Text), qEnd+24)
		if nl := strings.IndexByte(doc.Text[qEnd:end], '\n'); nl >= 0 {
			end = qEnd + nl
		}
		after := words.tokenize(doc.Text, span{qEnd, end})
		if len(after) >= 2 && reportingSet[after[1].lower] {
			note(c.Speakers[q.Speaker].Name, pronounGender[after[0].lower])
		}
	}
	for k := range clash {
		delete(seen, k)
	}
	return seen
}

// honorificNames calls found with the last word of each name written
// after the honorific h ("Ms Ana Berg", "Mr. Holm"). It scans the text
// rather than tokenizing it: every document is read, and most have none.
func honorificNames(text, h string, found func(last string)) {
	title := strings.ToUpper(h[:1]) + h[1:]
	for from := 0; ; {
		i := strings.Index(text[from:], title)
		if i < 0 {
			return
		}
		i += from
		from = i + len(title)
		if i > 0 && isWordByte(text[i-1]) {
			continue
		}
		j := from
		if j < len(text) && text[j] == '.' {
			j++
		}
		if j >= len(text) || text[j] != ' ' {
			continue
		}
		// The name: capitalised words separated by single spaces.
		last := ""
		for j < len(text) && text[j] == ' ' && j+1 < len(text) && text[j+1] >= 'A' && text[j+1] <= 'Z' {
			k := j + 1
			for k < len(text) && (isWordByte(text[k]) || text[k] >= 0x80) {
				k++
			}
			last, j = text[j+1:k], k
		}
		if last != "" {
			found(stripPossessive(last))
		}
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '\''
}

// referent is a person or body a sentence speaks of.
type referent struct {
	name    string
	speaker int
}

// referents follows whom the sentences of one document speak of, for the
// pronouns and roles that point back at them.
// corpusIndex is what every document's reading needs of the corpus.
type corpusIndex struct {
	c        *model.Corpus
	genders  map[string]gender
	surnames map[string]int
	// roles holds, per speaker, the roleWords of each role: role
	// phrases are matched against every speaker's roles, for every
	// described subject of every document.
	roles [][][]string
}

func newCorpusIndex(c *model.Corpus) *corpusIndex {
	x := &corpusIndex{c: c, genders: genders(c), surnames: surnames(c), roles: make([][][]string, len(c.Speakers))}
	for id := range c.Speakers {
		for _, r := range c.Speakers[id].Roles {
			x.roles[id] = append(x.roles[id], roleWords(r))
		}
	}
	return x
}

type referents struct {
	*corpusIndex
	doc    *model.Document
	recent []referent // subjects of the sentences so far, latest last
	// mentioned says which speakers the document names, worked out for
	// each when a role first needs it: only speakers with the role are
	// asked about, and a large corpus has many speakers to search a
	// document for.
	mentioned []mention
}

// mention is whether a document names a speaker, once worked out.
type mention uint8

const (
	notAsked mention = iota
	named
	notNamed
)

// names reports whether the document names speaker id.
func (r *referents) names(id int) bool {
	if len(r.mentioned) == 0 {
		r.mentioned = reuse(r.mentioned, len(r.c.Speakers))
	}
	if r.mentioned[id] == notAsked {
		r.mentioned[id] = notNamed
		if strings.Contains(r.doc.Text, lastWord(r.c.Speakers[id].Name)) {
			r.mentioned[id] = named
		}
	}
	return r.mentioned[id] == named
}

func (r *referents) add(name string, speaker int) {
	if name == "" || name == Unattributed {
		return
	}
	if n := len(r.recent); n > 0 && r.recent[n-1].name == name {
		return
	}
	r.recent = append(r.recent, referent{name, speaker})
}

// last is the subject named most recently, or "".
func (r *referents) last() (string, int) {
	if len(r.recent) == 0 {
		return "", model.Unknown
	}
	ref := r.recent[len(r.recent)-1]
	return ref.name, ref.speaker
}

// resolve returns whom a pronoun stands for: the subject of the nearest
// sentence before that can be it. "he" and "she" skip what cannot be a
// person ("Kestrel had the files examined") and stop at a person of the
// other gender. "" when no subject of the last few sentences fits: an
// unknown holder is better than a wrong one.
func (r *referents) resolve(pronoun string) (string, int) {
	want := pronounGender[pronoun]
	for k := len(r.recent) - 1; k >= 0 && k >= len(r.recent)-3; k-- {
		ref := r.recent[k]
		if want == unknownGender {
			return ref.name, ref.speaker
		}
		g := r.genders[strings.ToLower(lastWord(ref.name))]
		switch {
		case g == want || (g == unknownGender && maybePerson(ref)):
			return ref.name, ref.speaker
		case g != unknownGender:
			// The nearest person is of the other gender: the pronoun
			// points further back than can be told safely.
			return "", model.Unknown
		}
	}
	return "", model.Unknown
}

// maybePerson reports whether a referent of unknown gender may be a
// person: a speaker of the corpus, or a name of two or three capitalised
// words ("Paul Mereni"). A lone capitalised word is as often a firm or an
// outlet ("Kestrel"), a lower-case phrase a body ("the port union").
func maybePerson(ref referent) bool {
	if ref.speaker != model.Unknown {
		return true
	}
	f := strings.Fields(ref.name)
	if len(f) < 2 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		if !isCapitalized(w) {
			return false
		}
	}
	return true
}

// openingSubject returns the name a sentence opens with when it is the
// subject of what follows ("Lantsov did not answer", "Pavel Kruse, the
// deputy mayor, declined"), or "". A possessive ("Kruse's lawyer") or a
// dateline in capitals is not the subject. A single word is only taken
// when it names a speaker of the corpus: any sentence opens with a
// capital ("Recordings obtained by ...").
func openingSubject(refs *referents, toks []token) (string, int) {
	start := 0
	if len(toks) > 0 && toks[0].lower == "the" {
		start = 1
	}
	end := nameRun(toks, start)
	if end == start || end >= len(toks) || toks[end-1].possessive || toks[start].info.upper {
		return "", model.Unknown
	}
	next := toks[end]
	if !(next.punctBefore == "" && !isCapitalized(next.word) || strings.Contains(next.punctBefore, ",")) {
		return "", model.Unknown
	}
	name, sp := refs.canonical(joinWords(toks[start:end]))
	if end == start+1 && sp == model.Unknown {
		return "", model.Unknown
	}
	return name, sp
}
