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
}

type fixture struct {
	name      string
	corpus    *model.Corpus
	conflicts []annotated
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
			Conflicts []annotated `yaml:"conflicts"`
		}
		if err := yaml.Unmarshal(data, &file); err != nil {
			t.Fatalf("%s/conflicts.yaml: %v", dir, err)
		}
		c, err := corpus.Load([]string{dir})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		out = append(out, fixture{name: filepath.Base(dir), corpus: c, conflicts: file.Conflicts})
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
				a.Sides[i].Stances = append(a.Sides[i].Stances, annotatedStance{st.Doc, st.Phrase})
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
	doc := &c.Docs[cl.Doc]
	for si, side := range a.Sides {
		for _, st := range side.Stances {
			if !strings.HasSuffix(doc.Path, st.Doc) {
				continue
			}
			from := 0
			for {
				i := strings.Index(doc.Text[from:], st.Phrase)
				if i < 0 {
					break
				}
				start := from + i
				if start < cl.End && start+len(st.Phrase) > cl.Start {
					return si
				}
				from = start + 1
			}
		}
	}
	return -1
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

	var found, correct, wanted, recalled int
	for _, f := range fixtures {
		cs := Find(f.corpus)
		topics := cs.Conflicts()
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
	if p < minPrecision || r < minRecall {
		t.Errorf("below the floor: precision %.2f recall %.2f", p, r)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
