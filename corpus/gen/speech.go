package gen

import (
	"math/rand/v2"
	"strings"
)

// The vocabulary of the invented affair the generated press covers. Slots in
// the templates are filled independently, so quotes vary the way real ones
// do: the same few subjects, phrased in many ways.
var (
	things = []string{"the Karst Bay terminal", "the pipeline contract", "the grain corridor", "the port tender", "the second annex", "the Velmora agreement", "the draft memorandum", "the loan guarantee", "the ceasefire text", "the customs waiver", "the shipping licences", "the audit report", "the consortium", "the energy package", "the bridge project", "the arbitration case", "the offshore accounts", "the envoy's paper", "the twelve-point plan", "the sanctions list"}
	groups = []string{"the ministry", "our partners", "the committee", "the other side", "the consortium", "the board", "Brussels", "the inspectors", "the auditors", "the delegation", "our lawyers", "the regional council", "the prosecutors", "the press office", "the Americans", "the negotiators"}
	times  = []string{"before the summer", "in March", "last week", "by the end of the year", "two years ago", "after the election", "on Tuesday", "in the first round", "before the summit", "this spring", "during the talks", "at the last meeting"}
	verbs  = []string{"signed", "approved", "saw", "discussed", "negotiated", "rejected", "leaked", "rewrote", "delayed", "funded", "blocked", "reviewed"}
	adjs   = []string{"informal", "legal", "premature", "inconvenient", "accurate", "incomplete", "fabricated", "routine", "unusual", "binding", "confidential", "political"}
	feels  = []string{"surprised", "concerned", "confident", "disappointed", "not worried", "relieved", "frankly puzzled"}
)

// sentenceTemplates use {thing}, {group}, {time}, {verb}, {adj}, {feel}.
var sentenceTemplates = []string{
	"We never {verb} {thing}.",
	"Nobody at {group} {verb} {thing} {time}.",
	"{Thing} was {adj}, and everyone knew it.",
	"I am {feel} that {group} {verb} {thing}.",
	"Let me be clear: {thing} is {adj}.",
	"We told {group} {time} that {thing} was {adj}.",
	"If {group} {verb} {thing}, they did it without us.",
	"There is nothing {adj} about {thing}.",
	"I'll pass it along {time}, but it stays {adj}.",
	"Someone is leaking, and it is not {group}.",
	"{Group} {verb} {thing} {time}; we only read it later.",
	"That's what I'm afraid of: that {group} will call {thing} {adj}.",
	"There is just one thing left to fix, and it is {thing}.",
	"The documents speak for themselves.",
	"I have no memory of that meeting.",
	"We are not saying it is fake. We are saying it is {adj}.",
	"Ask {group}, not me.",
	"Every figure in {thing} was checked by {group}.",
	"The timeline is simple: {group} {verb} {thing} {time}.",
	"I would not call it {adj}. I would call it {adj2}.",
	"No, no. We {verb} the text {time}, word for word.",
	"Why would {group} sign {thing} if it was {adj}?",
}

// sentence writes one invented sentence of speech.
func sentence(r *rand.Rand) string {
	t := pick(r, sentenceTemplates)
	fill := func(slot string, list []string) {
		v := pick(r, list)
		t = strings.Replace(t, "{"+slot+"}", v, 1)
		t = strings.Replace(t, "{"+capitalize(slot)+"}", capitalize(v), 1)
	}
	fill("thing", things)
	fill("group", groups)
	fill("time", times)
	fill("verb", verbs)
	fill("adj2", adjs)
	fill("adj", adjs)
	fill("feel", feels)
	return t
}

// speech is one to three sentences, the length of a quote.
func speech(r *rand.Rand) string {
	n := 1 + r.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = sentence(r)
	}
	return strings.Join(parts, " ")
}

// narrative sentences carry no quote; they make articles read as articles
// and give the extractor prose to skip.
var narrativeTemplates = []string{
	"The exchange took place {time}, according to people familiar with the matter.",
	"{Group} did not respond to a request for comment.",
	"Records reviewed by reporters show that {group} {verb} {thing} {time}.",
	"The disclosure has raised questions about {thing}.",
	"Critics have called {thing} {adj}.",
	"It was not clear who {verb} {thing}.",
	"The so-called \"{adj} channel\" has been discussed for months.",
	"Officials at {group} declined to say when {thing} would be published.",
}

func narrative(r *rand.Rand) string {
	t := pick(r, narrativeTemplates)
	for _, s := range []struct {
		slot string
		list []string
	}{{"thing", things}, {"group", groups}, {"time", times}, {"verb", verbs}, {"adj", adjs}} {
		v := pick(r, s.list)
		t = strings.Replace(t, "{"+s.slot+"}", v, 1)
		t = strings.Replace(t, "{"+capitalize(s.slot)+"}", capitalize(v), 1)
	}
	return t
}

// QuoteLines returns n invented quotes, one per string, from seed: the
// lines a search over n quotes runs on. Benchmarks use it and `gen-corpus
// --quote-lines` writes it, so other tools can be timed on the same lines.
func QuoteLines(seed int64, n int) []string {
	r := rand.New(rand.NewPCG(uint64(seed), streamQuotes))
	cast := makeCast(rand.New(rand.NewPCG(uint64(seed), streamCast)), castSize(n/25))
	lines := make([]string, n)
	for i := range lines {
		// Some quotes name people inside them, as real ones do; that gives
		// name searches something to find inside quote text.
		if r.IntN(6) == 0 {
			p := &cast[r.IntN(len(cast))]
			lines[i] = "I spoke to " + p.name(r) + " " + pick(r, times) + ". " + speech(r)
			continue
		}
		lines[i] = speech(r)
	}
	return lines
}
