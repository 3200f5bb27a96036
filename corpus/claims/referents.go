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
		toks := tokenize(doc.Text, span{doc.BodyStart, len(doc.Text)})
		for i := 0; i+1 < len(toks); i++ {
			if g, ok := honorifics[toks[i].lower]; ok && isCapitalized(toks[i+1].word) && !strings.ContainsAny(toks[i+1].punctBefore, ",;:") {
				note(toks[nameRun(toks, i+1)-1].word, g)
			}
		}
	}
	for _, sp := range c.Speakers {
		for _, r := range sp.Roles {
			for _, w := range strings.Fields(strings.ToLower(r)) {
				note(sp.Name, genderedRoles[w])
			}
		}
	}
	for _, q := range c.Quotes {
		if q.Speaker == model.Unknown {
			continue
		}
		doc := &c.Docs[q.Doc]
		// The words right after the closing mark, up to the line's end:
		// `," she said.`
		end := min(len(doc.Text), q.End+24)
		if nl := strings.IndexByte(doc.Text[q.End:end], '\n'); nl >= 0 {
			end = q.End + nl
		}
		after := tokenize(doc.Text, span{q.End, end})
		if len(after) >= 2 && reportingSet[after[1].lower] {
			note(c.Speakers[q.Speaker].Name, pronounGender[after[0].lower])
		}
	}
	for k := range clash {
		delete(seen, k)
	}
	return seen
}

// referent is a person or body a sentence speaks of.
type referent struct {
	name    string
	speaker int
}

// referents follows whom the sentences of one document speak of, for the
// pronouns and roles that point back at them.
type referents struct {
	c       *model.Corpus
	doc     *model.Document
	genders map[string]gender
	recent  []referent // subjects of the sentences so far, latest last
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
func openingSubject(c *model.Corpus, toks []token) (string, int) {
	start := 0
	if len(toks) > 0 && toks[0].lower == "the" {
		start = 1
	}
	end := nameRun(toks, start)
	if end == start || end >= len(toks) || toks[end-1].possessive || toks[start].word == strings.ToUpper(toks[start].word) {
		return "", model.Unknown
	}
	next := toks[end]
	if !(next.punctBefore == "" && !isCapitalized(next.word) || strings.Contains(next.punctBefore, ",")) {
		return "", model.Unknown
	}
	name, sp := canonicalHolder(c, joinWords(toks[start:end]))
	if end == start+1 && sp == model.Unknown {
		return "", model.Unknown
	}
	return name, sp
}
