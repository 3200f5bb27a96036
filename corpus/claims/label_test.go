package claims

import (
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

// Every agent family asks its question with a word of its own.
func TestPastTenseIsAFamilyWord(t *testing.T) {
	for f := range agentFamilies {
		if !containsWord(families[f], pastTense(f)) {
			t.Errorf("family %q asks %q, which is none of its words", f, pastTense(f))
		}
	}
}

// What each statement's answer is said of, which the question names.
func TestAnswerIsSaidOf(t *testing.T) {
	cases := []struct {
		sentence, dim, want string
	}{
		// Antonyms: the subject of the copula, the object of a verb, and
		// nothing for an adjective on its own noun or an adverb.
		{"The ledgers are forged.", "ax:authentic/fake", "ledgers"},
		{"The board never approved the harbour lease.", "ax:approved/opposed", "lease"},
		{"Mayor Lind opposed the bridge tolls last spring.", "ax:approved/opposed", "tolls"},
		{"The report blamed a foreign shipping cartel.", "ax:insider/foreign", ""},
		{"Tarvik officials illegally moved the funds.", "ax:legal/illegal", ""},
		// Deeds: the subject of a passive, the object of an active verb
		// past a number, and nothing after a noun.
		{"The memo was leaked by the Tarvik embassy.", "who:leak", "memo"},
		{"Councillor Orn Vass leaked those three memos to reporters.", "who:leak", "memos"},
		{"The survey was Brask-funded.", "who:fund", "survey"},
		{"The report described extensive surveillance operations run by Tarvik.", "who:leak", ""},
		// A denial: the head of what is denied, the subject of a passive
		// denial, and no noun for a complement.
		{"Tomas Ek said he never signed the ferry contract.", "neg:sign", "contract"},
		{"Ferry clerk Ivo Stam said the harbour log was not altered.", "neg:alter", "log"},
		{"Tomas Ek said he would not rate it urgent.", "neg:rate", ""},
	}
	for _, cs := range cases {
		c := load(t, cs.sentence+"\n")
		found := false
		for _, cd := range candidates(c) {
			for _, st := range analyse(&cd, nil).stances {
				if !strings.HasPrefix(st.dim, cs.dim) {
					continue
				}
				found = true
				if st.of != cs.want {
					t.Errorf("%q: %s said of %q, want %q", cs.sentence, st.dim, st.of, cs.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no stance on %s", cs.sentence, cs.dim)
		}
	}
}

// The label asks the topic's question; the ID, which annotations key on,
// is built as before from the dimension and the shared terms.
func TestTopicLabelsAskTheQuestion(t *testing.T) {
	cases := []struct {
		name, body string
		idPrefix   string
		label      string
	}{
		{"antonym", `Harbour chief Mila Oster said the ferry logbooks are forged.
Auditor Jon Brask said the ferry logbooks are authentic.
`, "ax:authentic/fake/", "logbooks: authentic or fake?"},
		{"doer", `Harbour chief Mila Oster said the ferry logbooks were leaked by the Tarvik consulate.
Auditor Jon Brask said the ferry logbooks were leaked by a disgruntled harbour clerk.
`, "who:leak/", "who leaked the logbooks? "},
		{"negation", `Mayor Ada Lind said she never signed the dredging contract.
Auditor Jon Brask said Lind signed the dredging contract in May.
Harbour clerk Pia Norr said Lind signed the dredging contract with Velmo Marine.
`, "neg:sign/", "signed the contract?"},
	}
	for _, cs := range cases {
		c := load(t, cs.body)
		cs2 := Find(c)
		if len(cs2.Topics) == 0 {
			t.Errorf("%s: no topic found", cs.name)
			continue
		}
		tp := cs2.Topics[0]
		if !strings.HasPrefix(tp.ID, cs.idPrefix) {
			t.Errorf("%s: topic ID %q, want it to start %q", cs.name, tp.ID, cs.idPrefix)
		}
		if !strings.HasPrefix(tp.Label, cs.label) {
			t.Errorf("%s: label %q, want it to start %q", cs.name, tp.Label, cs.label)
		}
		if len(tp.Why.Shared) == 0 || !strings.Contains(tp.Why.Opposing, " vs ") {
			t.Errorf("%s: why line %q lost its terms or cue", cs.name, tp.Why)
		}
	}
}

// Different named answers are listed after the question, "by" dropped and
// a denial kept.
func TestDoerAnswersListed(t *testing.T) {
	c := load(t, `Harbour chief Mila Oster said the ferry logbooks were leaked by the Tarvik consulate.
Auditor Jon Brask said the ferry logbooks were leaked by the Orlen port authority.
The Orlen port authority said the ferry logbooks were leaked by somebody, but not the Orlen side.
`)
	cs := Find(c)
	if len(cs.Topics) == 0 {
		t.Fatal("no topic found")
	}
	tp := cs.Topics[0]
	q, answers, ok := strings.Cut(tp.Label, "? ")
	if !ok || q != "who leaked the logbooks" {
		t.Fatalf("label %q does not ask who leaked the logbooks", tp.Label)
	}
	for _, p := range tp.Positions {
		want := strings.Replace(strings.TrimPrefix(p.Label, "by "), "not by ", "not ", 1)
		if !strings.Contains(answers, want) {
			t.Errorf("label %q misses the answer %q of position %q", tp.Label, want, p.Label)
		}
	}
	if strings.Contains(answers, "by ") {
		t.Errorf("label %q repeats \"by\"", tp.Label)
	}
}

// A rebuttal of the statement before: what was said, then asserted or the
// rebutting word.
func TestRebuttalLabel(t *testing.T) {
	c := load(t, `Opposition councillors said the mayor had rigged the dredging tender for a cousin's firm.
Mayor Ada Lind dismissed the allegations as an election stunt.
`)
	cs := Find(c)
	if len(cs.Topics) == 0 {
		t.Fatal("no topic found")
	}
	tp := cs.Topics[0]
	if !strings.HasPrefix(tp.ID, "ref/") {
		t.Fatalf("topic %q is not a rebuttal", tp.ID)
	}
	subject, q, ok := strings.Cut(tp.Label, ": ")
	if !ok || q != "asserted or dismissed?" {
		t.Errorf("label %q, want \"<subject>: asserted or dismissed?\"", tp.Label)
	}
	if len(tp.Why.Shared) == 0 || subject != tp.Why.Shared[0] {
		t.Errorf("label %q names %q, want the strongest shared term of %v", tp.Label, subject, tp.Why.Shared)
	}
}

// Topics that would show one label are told apart by a shared term only
// each has; a label shown once is left alone.
func TestDistinguishSameLabels(t *testing.T) {
	drafts := []topicDraft{
		{label: "report: approved or opposed?", why: whyOf("report", "audit", "budget")},
		{label: "report: approved or opposed?", why: whyOf("report", "audit", "harbour")},
		{label: "letter: authentic or fake?", why: whyOf("letter", "harbour")},
	}
	distinguish(drafts)
	want := []string{"report: approved or opposed? (budget)", "report: approved or opposed? (harbour)", "letter: authentic or fake?"}
	for i, d := range drafts {
		if d.label != want[i] {
			t.Errorf("label %d: %q, want %q", i, d.label, want[i])
		}
	}
}

func whyOf(shared ...string) model.Why { return model.Why{Shared: shared, Opposing: "a vs b"} }
