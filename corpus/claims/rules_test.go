package claims

import (
	"fmt"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/model"
)

func TestSentences(t *testing.T) {
	text := "Mr. Holm met Dr. Vane at 9. They spoke for an hour! \"Was it long?\" she asked.\nA headline with no stop\nThe plan was drafted by the U.S. It was then sent on.\u00a0 After a no-break space."
	var got []string
	for _, s := range sentences(text, 0, len(text)) {
		got = append(got, text[s.start:s.end])
	}
	want := []string{
		"Mr. Holm met Dr. Vane at 9.",
		"They spoke for an hour!",
		"\"Was it long?\" she asked.",
		"A headline with no stop",
		"The plan was drafted by the U.S.",
		"It was then sent on.",
		"After a no-break space.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

// load builds a one-document corpus from an article body.
func load(t *testing.T, body string) *model.Corpus {
	t.Helper()
	doc, err := corpus.ParseDocument("test/a.md", []byte("---\noutlet: The Test Courier\n---\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	return corpus.Assemble([]model.Document{doc}, nil)
}

func holderOf(t *testing.T, c *model.Corpus, fragment string) (string, model.ClaimKind) {
	t.Helper()
	for _, cd := range candidates(c) {
		if strings.Contains(cd.claim.Text, fragment) {
			return cd.claim.Holder, cd.claim.Kind
		}
	}
	t.Fatalf("no statement holds %q", fragment)
	return "", 0
}

func TestHolders(t *testing.T) {
	c := load(t, `Harbour master Ada Brun said the quay was closed on Friday.
Its director, Paul Mereni, denied that the cranes had failed.
He later insisted the inspection was routine.
According to the port union, the night shift was cancelled.
The cranes are old and the quay floods every spring.
Journalist Ola Dahl, known for his work on the ferries, noted that the permits were late.
`)
	cases := []struct {
		fragment string
		holder   string
		kind     model.ClaimKind
	}{
		{"quay was closed", "Ada Brun", model.FromReported},
		{"cranes had failed", "Paul Mereni", model.FromReported},
		{"inspection was routine", "Paul Mereni", model.FromReported}, // "he": the last holder named
		{"night shift", "port union", model.FromReported},
		{"quay floods", "The Test Courier", model.FromAuthor},
		{"permits were late", "Ola Dahl", model.FromReported}, // the subject, not a name in the aside
	}
	for _, cs := range cases {
		h, k := holderOf(t, c, cs.fragment)
		if !strings.HasSuffix(h, cs.holder) || k != cs.kind {
			t.Errorf("%q: holder %q (%v), want %q (%v)", cs.fragment, h, k, cs.holder, cs.kind)
		}
	}
}

func stancesOf(t *testing.T, body string) map[string]string {
	t.Helper()
	c := load(t, body)
	cands := candidates(c)
	if len(cands) != 1 {
		t.Fatalf("%d statements in %q, want 1", len(cands), body)
	}
	out := map[string]string{}
	for _, st := range analyse(&cands[0], nil).stances {
		out[st.dim] = st.side
	}
	return out
}

func TestStances(t *testing.T) {
	cases := []struct {
		body string
		dim  string
		side string // "" when the dimension must be absent
	}{
		{"The recordings are genuine.", "ax:authentic/fake", "authentic"},
		{"The recordings are not genuine.", "ax:authentic/fake", "fake"},
		{"The recordings are not fake, the agency said.", "ax:authentic/fake", "authentic"},
		// A negation does not reach into the next clause.
		{"No one was charged and that the tapes are genuine is plain.", "ax:authentic/fake", "authentic"},
		// What is asked or left open takes no side.
		{"No one was charged and the inquiry will establish whether the tapes are genuine.", "ax:authentic/fake", ""},
		{"The Courier could not independently verify that the tapes are genuine.", "ax:authentic/fake", ""},
		{"The Courier could not independently verify the tapes.", "neg:independ/tape", ""},
		{"The panel cannot yet say if the contract was lawful.", "ax:legal/illegal", ""},
		{"The union asked whether the clerk had leaked the files.", "who:leak", ""},
		{"If the tapes are fake, the mayor will sue, his office said.", "ax:authentic/fake", ""},
		{"As for the notion that the tapes are fake, it was dropped long ago.", "ax:authentic/fake", ""},
		{"The possibility that the draft was Lorvik-influenced is small.", "who:author", ""},
		{"The lawyer said the files had been doctored.", "ax:authentic/fake", "fake"},
		{"It was a real shock to the town, the mayor said.", "ax:authentic/fake", ""}, // an attribute in passing
		{"Officers at the Foreign Office met on Monday.", "ax:insider/foreign", ""},   // part of a name
		{"The minister never approved the contract, his aide said.", "ax:approved/opposed", "opposed"},
		{"The minister never signed the contract, his aide said.", "neg:sign/contract", "not"},
		{"The aide denied that the minister had signed the contract.", "neg:sign/contract", "not"},
		{"No memo reached the minister before May.", "neg:memo", ""}, // "no" negates a thing, not a deed
		{"The emails were leaked by a former contractor, Ivo Sand said.", "who:leak", "former contractor"},
		{"The emails were leaked by the Signals Bureau, the union said.", "who:leak", "signals bureau"},
		{"The emails were leaked by Lorvik intelligence, the union said.", "who:leak", "lorvik intelligence"},
		{"Corvel's records were stolen in March.", "who:breach", ""},                  // Corvel suffered the deed
		{"The Brandt-Kruse leaks split the council, the paper said.", "who:leak", ""}, // joined names qualify the leaks
		{"The draft was Lorvik-influenced, the paper said.", "who:author", "lorvik"},
		{"Baltrex says the Norrvik leak was an act of sabotage.", "who:leak", ""}, // a name qualifying the noun
		{"The chemist said the concentration rules out contamination.", "ax:clean/contaminated", "clean"},
		{"The board knew about the memo before the vote, the paper said.", "ax:aware/unaware", "aware"},
		{"The board did not know of the memo, its chair said.", "ax:aware/unaware", "unaware"},
		{"You know, the board met on Monday, its chair said.", "ax:aware/unaware", ""},
		{"Residents were never told about the cracks, the chair said.", "ax:aware/unaware", "unaware"},
		{"The minister told reporters about the cracks on Monday.", "ax:aware/unaware", ""}, // speech
		{"The tower is structurally sound, the council said.", "ax:safe/dangerous", "safe"},
		{"The sound of the alarm woke the street, a resident said.", "ax:safe/dangerous", ""},
		{"The fires were caused by a design fault in the battery, the agency said.", "who:cause", "design fault"},
		{"There is no sign of arson, the fire chief said.", "neg:arson/arson", "not"},
		{"Police found no evidence of the sabotage, the paper said.", "neg:sabotag/sabotag", "not"},
		{"No sign was put up at the arson site, the paper said.", "neg:arson/arson", ""}, // not "no sign of"
		{"The well water is contaminated, the chemist said.", "ax:clean/contaminated", "contaminated"},
		{"The well water is contaminated, the chemist said.", "ax:safe/dangerous", "dangerous"}, // implied
		{"The well water is not contaminated, the chemist said.", "ax:safe/dangerous", "safe"},
		{"I don't know how to describe it, the chair said.", "ax:aware/unaware", ""},
	}
	for _, cs := range cases {
		got := stancesOf(t, cs.body)
		if got[cs.dim] != cs.side {
			t.Errorf("%q: %s = %q, want %q (all: %v)", cs.body, cs.dim, got[cs.dim], cs.side, got)
		}
	}
}

// What would be under a condition is no denial of what is.
func TestCounterfactualTakesNoSide(t *testing.T) {
	for dim := range stancesOf(t, "I understand the pupils would not be alive today if the doctors had refused.") {
		if strings.HasPrefix(dim, "neg:") {
			t.Errorf("a counterfactual denies %s", dim)
		}
	}
	if got := stancesOf(t, "I understand the pupils were not alive when the doctors came."); len(got) == 0 {
		t.Error("a plain denial takes no side")
	}
}

func TestRefutationPointsBack(t *testing.T) {
	c := load(t, "The envoy was accused of coaching the delegation before the talks.\nThe president dismissed the allegations as routine politics.\n")
	cs := Find(c)
	topics := cs.Conflicts()
	if len(topics) != 1 {
		t.Fatalf("%d conflicts, want the refutation", len(topics))
	}
	var sides []string
	for _, p := range topics[0].Positions {
		sides = append(sides, p.Label+":"+cs.Claims[p.Claims[0]].Holder)
	}
	if got := strings.Join(sides, " "); got != "dismissed:the president asserted:The Test Courier" {
		t.Errorf("positions %q", got)
	}
}

func TestTopicIDsAreStable(t *testing.T) {
	body := "Analyst Jo Kern said the ledger was genuine.\nAuditor Sam Price said the ledger was forged.\n"
	a, b := Find(load(t, body)), Find(load(t, "Unrelated opening line about the weather today.\n"+body))
	if len(a.Topics) != 1 || len(b.Topics) != 1 || a.Topics[0].ID != b.Topics[0].ID {
		t.Fatalf("topic IDs differ when a line is added above: %v vs %v", a.Topics, b.Topics)
	}
	if why := a.Topics[0].Why.String(); why != "shared: ledger; opposing: authentic vs fake" && why != "shared: ledger; opposing: fake vs authentic" {
		t.Errorf("why = %q", why)
	}
}

// Approving one thing and rejecting another is no conflict, however much
// else the two sentences share; approving and rejecting one thing is.
func TestAnswersAboutDifferentThingsDoNotConflict(t *testing.T) {
	apart := Find(load(t, "Mayor Ana Roth said she was deeply relieved that the harbour board approved the bridge plan at its Monday meeting in Tarnby.\n"+
		"Councillor Ben Voss said he was deeply relieved that the harbour board rejected the school budget at its Monday meeting in Tarnby.\n"))
	if n := len(apart.Conflicts()); n != 0 {
		t.Errorf("%d conflicts between answers about different things: %+v", n, apart.Topics)
	}
	same := Find(load(t, "Mayor Ana Roth said she was relieved that the board approved the bridge plan on Monday.\n"+
		"Councillor Ben Voss said he was sure that the board rejected the bridge plan on Monday.\n"))
	if n := len(same.Conflicts()); n != 1 {
		t.Errorf("%d conflicts between answers about one plan, want 1", n)
	}
}

// A pronoun stands for the subject of a sentence before, never for a
// person of the other gender; a quoted fragment is one statement with its
// sentence, held by whom the extractor says spoke it.
func TestPronounsAndQuotedFragments(t *testing.T) {
	c := load(t, `"We saw every page of the audit," Ms Ana Berg said.
Tomas Weil did not answer questions. In a letter he called the audit "a plain lie" and said he had never seen it.
Ms Berg said the bridge was closed. He added that the ferry was late.
"Everyone in the office knew about the ledger," one of the clerks said. "The ledger was forged long ago."
`)
	cases := []struct{ fragment, holder string }{
		{"a plain lie", "Tomas Weil"},    // the subject before, not the woman quoted last
		{"ferry was late", Unattributed}, // "he" cannot be Ms Berg: unknown beats wrong
		{"bridge was closed", "Ana Berg"},
		{"knew about the ledger", "one of the clerks"},
		{"forged long ago", "one of the clerks"}, // the same voice goes on
	}
	for _, cs := range cases {
		if h, _ := holderOf(t, c, cs.fragment); h != cs.holder {
			t.Errorf("%q: holder %q, want %q", cs.fragment, h, cs.holder)
		}
	}
	n := 0
	for _, cd := range candidates(c) {
		if strings.Contains(cd.claim.Text, "plain lie") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the quoted fragment is in %d statements, want 1 (the sentence)", n)
	}
}

// A subject described rather than named is who speaks: a role a speaker
// of the document has is that speaker, a wire dateline's outlet is not a
// holder, and a description is kept as written.
func TestDescribedHolders(t *testing.T) {
	c := load(t, `LORVIK, May 2 (Test Wire) - Lorvik's transport minister on Monday called the audit a forgery, as the council met.
"The audit is false from start to finish," Transport Minister Ivar Fell told reporters.
The harbour workers' union said the night shift was cancelled.
A senior port official, who asked not to be named, confirmed that the cranes had failed.
The envoy was accused of hiding the ledger.
"We have nothing to add," said Mira Tal, the harbour aide.
According to the harbour aide, the cranes were repaired in May.
In other words: "We're saying the audit is late."
"We counted every vote twice," said Lina Holt, the commission's chairwoman.
Turnout rose to 70 percent, the commission said.
Scholars at the Tarn archive believe the ledger is forged.
Holt's lawyer said the count was fair.
The bridge was paid for by the port, according to the annual report.
`)
	cases := []struct{ fragment, holder string }{
		{"called the audit a forgery", "Ivar Fell"},
		{"night shift", "the harbour workers' union"},
		{"cranes had failed", "a senior port official"},
		{"hiding the ledger", "The Test Courier"}, // spoken of, not speaking
		{"cranes were repaired", "Mira Tal"},      // her role, named just before
		{"audit is late", "The Test Courier"},     // "We're" is no name
		{"Turnout rose", "the commission"},        // not its chairwoman
		{"ledger is forged", "Scholars at the Tarn archive"},
		{"count was fair", "Holt's lawyer"},
		{"bridge was paid", "annual report"},
	}
	for _, cs := range cases {
		if h, _ := holderOf(t, c, cs.fragment); h != cs.holder {
			t.Errorf("%q: holder %q, want %q", cs.fragment, h, cs.holder)
		}
	}
}

// One person doing a deed does not contradict another saying he never
// did it; the same person both ways does.
func TestDenialOfAnotherDoerDoesNotConflict(t *testing.T) {
	deed := "The tapes show that Pavel Kruse, the deputy mayor, discussed the ferry contract with the operator.\n"
	apart := Find(load(t, deed+"\"I have never discussed the ferry contract with the operator,\" Ivo Brandt said.\n"))
	if n := len(apart.Conflicts()); n != 0 {
		t.Errorf("%d conflicts between two doers: %+v", n, apart.Topics)
	}
	same := Find(load(t, deed+"\"I have never discussed the ferry contract with the operator,\" Pavel Kruse said.\n"))
	if n := len(same.Conflicts()); n != 1 {
		t.Errorf("%d conflicts between a deed and its doer's denial, want 1", n)
	}
}

// A bare negation of an everyday verb needs far more in common to count
// as a dispute.
func TestNegatedEverydayVerbIsWeak(t *testing.T) {
	// Enough other statements that "name" is a rare word, as in a corpus.
	var filler strings.Builder
	for i := range 40 {
		fmt.Fprintf(&filler, "Parcel %d was logged at the depot.\n", i)
	}
	cs := Find(load(t, "\"Our auditors will want a name,\" Jo Kern said.\n"+
		"\"He just does not want his name anywhere near it,\" Ivo Brandt said.\n"+filler.String()))
	if n := len(cs.Conflicts()); n != 0 {
		t.Errorf("%d conflicts on wanting a name: %+v", n, cs.Topics)
	}
}

// Two answers said of one thing, named as the head of a longer phrase,
// conflict however few other words they share; different heads do not.
func TestPhraseHeadsNameOneThing(t *testing.T) {
	conflicts := func(a, b string) int {
		return len(Find(load(t, "Professor Ola Brek said "+a+".\nThe statistician Ana Vik said "+b+".\n")).Conflicts())
	}
	if n := conflicts("every result in the paper is genuine", "the results for the control group were invented"); n != 1 {
		t.Errorf("one head: %d conflicts, want 1", n)
	}
	if n := conflicts("every photo in the paper is genuine", "the results for the control group were invented"); n != 0 {
		t.Errorf("two heads: %d conflicts, want 0", n)
	}
	if n := conflicts("the exits on the east side were open", "the exits on the east side were locked"); n != 1 {
		t.Errorf("open against locked: %d conflicts, want 1", n)
	}
}

// An intransitive answer verb is said of its subject: "the brakes
// worked" answers "the left brake failed", not "the talks failed".
func TestIntransitiveAnswersAreSaidOfTheirSubject(t *testing.T) {
	conflicts := func(a, b string) int {
		return len(Find(load(t, "Inspector Ola Brek said that on landing "+a+".\nThe pilot Ana Vik said that on landing "+b+".\n")).Conflicts())
	}
	if n := conflicts("the brakes worked normally", "the left brake failed"); n != 1 {
		t.Errorf("one subject: %d conflicts, want 1", n)
	}
	if n := conflicts("the radio worked normally", "the left brake failed"); n != 0 {
		t.Errorf("two subjects: %d conflicts, want 0", n)
	}
}
