package claims

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/sample"
	"github.com/backchannel-news/backchannel/model"
)

// The floors the finder must hold on the annotated fixtures: of the
// conflicts it shows, at least minPrecision are real; of the real ones,
// it finds at least minRecall.
const (
	minPrecision = 0.75
	minRecall    = 0.75
	// minHolders is the share of claims in the conflicts shown that say
	// something annotated and carry the right holder: a wrong holder is a
	// factual error, and so is a hedge shown as a position or one
	// statement shown twice.
	minHolders = 0.90
)

// annotated is one dispute a reader sees, with the phrases each side
// says it in.
type annotated struct {
	Question string          `yaml:"question"`
	Sides    []annotatedSide `yaml:"sides"`
}

type annotatedSide struct {
	Answer  string            `yaml:"answer"`
	Stances []annotatedStance `yaml:"stances"`
}

type annotatedStance struct {
	Doc    string `yaml:"doc"`
	Phrase string `yaml:"phrase"`
	// Holder is who takes the position, when the annotation says.
	Holder string `yaml:"holder"`
}

type fixture struct {
	name      string
	corpus    *model.Corpus
	conflicts []annotated
	// neutral are phrases that take no position: hedges and questions.
	neutral []annotatedStance
}

func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []fixture
	for _, dir := range dirs {
		data, err := os.ReadFile(filepath.Join(dir, "conflicts.yaml"))
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		var file struct {
			Conflicts []annotated       `yaml:"conflicts"`
			Neutral   []annotatedStance `yaml:"neutral"`
		}
		if err := yaml.Unmarshal(data, &file); err != nil {
			t.Fatalf("%s/conflicts.yaml: %v", dir, err)
		}
		c, err := corpus.Load([]string{dir})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		out = append(out, fixture{name: filepath.Base(dir), corpus: c, conflicts: file.Conflicts, neutral: file.Neutral})
	}
	// The sample corpus carries its own ground truth, written with it.
	c, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	var conflicts []annotated
	for _, d := range sample.Disputes {
		var a annotated
		a.Question = d.Question
		a.Sides = make([]annotatedSide, len(d.Sides))
		for i, s := range d.Sides {
			a.Sides[i].Answer = s.Answer
			for _, st := range s.Stances {
				a.Sides[i].Stances = append(a.Sides[i].Stances, annotatedStance{st.Doc, st.Phrase, st.Who})
			}
		}
		conflicts = append(conflicts, a)
	}
	out = append(out, fixture{name: "sample", corpus: c, conflicts: conflicts})
	return out
}

// sideOf returns which side of dispute a a claim voices, or -1: a claim
// voices a side when its span overlaps one of that side's phrases.
func sideOf(t *testing.T, c *model.Corpus, a annotated, cl *model.Claim) int {
	for si, side := range a.Sides {
		for _, st := range side.Stances {
			if overlaps(c, st, cl) {
				return si
			}
		}
	}
	return -1
}

// overlaps reports whether claim cl's span overlaps the phrase of st.
func overlaps(c *model.Corpus, st annotatedStance, cl *model.Claim) bool {
	doc := &c.Docs[cl.Doc]
	if !strings.HasSuffix(doc.Path, st.Doc) {
		return false
	}
	from := 0
	for {
		i := strings.Index(doc.Text[from:], st.Phrase)
		if i < 0 {
			return false
		}
		start := from + i
		if start < cl.End && start+len(st.Phrase) > cl.Start {
			return true
		}
		from = start + 1
	}
}

// sameHolder reports whether a claim's holder is the annotated one: the
// same words but for an article and case, or the same corpus speaker
// under another spelling.
func sameHolder(c *model.Corpus, cl *model.Claim, want string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
		for _, art := range []string{"the ", "a ", "an "} {
			s = strings.TrimPrefix(s, art)
		}
		return s
	}
	// A title before the name says who the person is, not someone else:
	// "Investigator Lena Sauer" is Lena Sauer.
	if h, w := norm(cl.Holder), norm(want); h == w || strings.HasSuffix(h, " "+w) {
		return true
	}
	id := c.FindSpeaker(want)
	return id != model.Unknown && (cl.Speaker == id || c.FindSpeaker(cl.Holder) == id)
}

// holderScore counts, over the claims of the conflicts shown that overlap
// an annotated phrase, those right and those wrong: right when the
// phrase's holder is the claim's; wrong when the holder differs, when
// the phrase takes no position, or when the claim repeats another claim
// of its topic (same document, overlapping span).
func holderScore(t *testing.T, f fixture, cs *model.ClaimSet, topics []*model.Topic) (right, wrong int) {
	for _, tp := range topics {
		var seen []*model.Claim
		for _, p := range tp.Positions {
			for _, id := range p.Claims {
				cl := &cs.Claims[id]
				dup := false
				for _, o := range seen {
					if o.Doc == cl.Doc && o.Start < cl.End && cl.Start < o.End {
						dup = true
					}
				}
				seen = append(seen, cl)
				verdict := 0 // 1 right, -1 wrong, 0 not annotated
				why := ""
				for _, n := range f.neutral {
					if overlaps(f.corpus, n, cl) {
						verdict, why = -1, "takes no position"
					}
				}
				for _, a := range f.conflicts {
					for _, side := range a.Sides {
						for _, st := range side.Stances {
							if verdict != 0 || st.Holder == "" || !overlaps(f.corpus, st, cl) {
								continue
							}
							if sameHolder(f.corpus, cl, st.Holder) {
								verdict = 1
							} else {
								verdict, why = -1, "holder should be "+st.Holder
							}
						}
					}
				}
				if dup && verdict != 0 {
					verdict, why = -1, "shown twice"
				}
				switch verdict {
				case 1:
					right++
				case -1:
					wrong++
					t.Logf("%s: %q held by %q: %s", f.name, cl.Text, cl.Holder, why)
				}
			}
		}
	}
	return right, wrong
}

// matches reports whether topic tp shows dispute a: two of its positions
// hold claims voicing two different sides of a.
func matches(t *testing.T, c *model.Corpus, cs *model.ClaimSet, tp *model.Topic, a annotated) bool {
	voiced := map[int]int{} // side of a -> position of tp
	for pi, p := range tp.Positions {
		for _, id := range p.Claims {
			if s := sideOf(t, c, a, &cs.Claims[id]); s >= 0 {
				if prev, ok := voiced[s]; !ok || prev == pi {
					voiced[s] = pi
				}
				for s2, p2 := range voiced {
					if s2 != s && p2 != pi {
						return true
					}
				}
			}
		}
	}
	return false
}

func TestAccuracyOnAnnotatedFixtures(t *testing.T) {
	// Every phrase of the annotation must be in its document, or the
	// figures would measure a typo.
	fixtures := loadFixtures(t)
	for _, f := range fixtures {
		for _, a := range f.conflicts {
			for _, s := range a.Sides {
				for _, st := range s.Stances {
					found := false
					for _, d := range f.corpus.Docs {
						if strings.HasSuffix(d.Path, st.Doc) && strings.Contains(d.Text, st.Phrase) {
							found = true
						}
					}
					if !found {
						t.Fatalf("%s: phrase %q not in %s", f.name, st.Phrase, st.Doc)
					}
				}
			}
		}
	}

	var found, correct, wanted, recalled, holdersRight, holdersWrong int
	for _, f := range fixtures {
		cs := Find(f.corpus)
		topics := cs.Conflicts()
		r, w := holderScore(t, f, cs, topics)
		holdersRight, holdersWrong = holdersRight+r, holdersWrong+w
		hit := make([]bool, len(f.conflicts))
		for _, tp := range topics {
			ok := false
			for ai, a := range f.conflicts {
				if matches(t, f.corpus, cs, tp, a) {
					ok, hit[ai] = true, true
				}
			}
			found++
			if ok {
				correct++
			} else {
				t.Logf("%s: false conflict %q (%s)", f.name, tp.Label, tp.Why)
			}
		}
		got := 0
		for ai, a := range f.conflicts {
			wanted++
			if hit[ai] {
				recalled++
				got++
			} else {
				t.Logf("%s: missed %q", f.name, a.Question)
			}
		}
		t.Logf("%s: %d topics shown, %d of %d disputes found", f.name, len(topics), got, len(f.conflicts))
	}
	p, r := ratio(correct, found), ratio(recalled, wanted)
	t.Logf("conflicting topics: precision %.2f (%d/%d), recall %.2f (%d/%d); floors P>=%.2f R>=%.2f",
		p, correct, found, r, recalled, wanted, minPrecision, minRecall)
	h := ratio(holdersRight, holdersRight+holdersWrong)
	t.Logf("claims in conflicts: holder accuracy %.2f (%d/%d); floor %.2f",
		h, holdersRight, holdersRight+holdersWrong, minHolders)
	if p < minPrecision || r < minRecall || h < minHolders {
		t.Errorf("below the floor: precision %.2f recall %.2f holders %.2f", p, r, h)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
