package model

import (
	"sort"
	"strings"
)

// ClaimKind says where in a document a claim was found, which tells a
// reader how directly the holder is speaking.
type ClaimKind int

const (
	FromQuote    ClaimKind = iota // the holder's own words, in a quote or transcript turn
	FromReported                  // reported speech: "X denied that ..."
	FromAuthor                    // the document's own assertion, held by its outlet or author
	FromUser                      // marked by a user on any span of text
)

func (k ClaimKind) String() string {
	switch k {
	case FromQuote:
		return "quote"
	case FromReported:
		return "reported"
	case FromAuthor:
		return "author"
	}
	return "user"
}

// Claim is one statement that takes a position on a topic's question.
type Claim struct {
	ID int
	// Holder is who takes the position: a speaker's canonical name, the
	// subject of reported speech, or the document's outlet or author.
	Holder string
	// Speaker is the holder's speaker ID when the holder is a speaker of
	// the corpus, else Unknown (an outlet, an organisation only reported).
	Speaker int
	Text    string
	Doc     int
	Line    int // 1-based line of Start
	// Start and End are byte offsets of the claim's span in the document's
	// Text, so the reader can open it in place.
	Start, End int
	Kind       ClaimKind
	Quote      int    // source quote ID, or -1 when not from a quote
	Topic      string // ID of the topic the claim belongs to
	Position   string // label of the position within the topic
	Curated    bool   // placed by a user rather than found automatically
	Note       string
}

// HolderKey folds a holder name so spellings differing in case or spacing
// count as one holder.
func HolderKey(name string) string { return foldKey(name) }

// Position is one answer to a topic's question and the claims taking it.
type Position struct {
	Label  string
	Claims []int // claim IDs
}

// Why says in a reader's terms why a topic was found: what its claims
// share and what sets them against each other.
type Why struct {
	Shared   []string // terms the claims share
	Opposing string   // the cue that opposes them: "authentic vs fake"
}

func (w Why) String() string {
	var parts []string
	if len(w.Shared) > 0 {
		parts = append(parts, "shared: "+strings.Join(w.Shared, ", "))
	}
	if w.Opposing != "" {
		parts = append(parts, "opposing: "+w.Opposing)
	}
	return strings.Join(parts, "; ")
}

// Topic is one question the sources answer, with the positions taken.
type Topic struct {
	// ID is stable across runs for automatic topics (built from the terms
	// that define them) so curation saved on disk keeps pointing at them.
	ID        string
	Label     string
	Positions []Position
	Score     float64
	Why       Why
	Curated   bool // created or changed by a user
	Dismissed bool // a user said this automatic conflict is wrong
	Note      string
}

// holdersByPosition returns the distinct holder keys taking each position.
func (t *Topic) holdersByPosition(cs *ClaimSet) []map[string]bool {
	out := make([]map[string]bool, len(t.Positions))
	for i, p := range t.Positions {
		out[i] = map[string]bool{}
		for _, id := range p.Claims {
			out[i][HolderKey(cs.Claims[id].Holder)] = true
		}
	}
	return out
}

// ClaimSet is the claims and topics of one corpus: either as found
// automatically or with a user's curation merged in. It is not changed
// after it is built, so sessions can share it.
type ClaimSet struct {
	Claims []Claim
	Topics []Topic
}

// IsConflict reports whether topic t is a conflict: two different holders
// take two different positions on it, and no user dismissed it. One holder
// on both sides alone is an inconsistency, not a dispute between sources.
func (cs *ClaimSet) IsConflict(t *Topic) bool {
	if t.Dismissed {
		return false
	}
	hp := t.holdersByPosition(cs)
	for i := range hp {
		for j := i + 1; j < len(hp); j++ {
			for a := range hp[i] {
				for b := range hp[j] {
					if a != b {
						return true
					}
				}
			}
		}
	}
	return false
}

// Conflicts returns the topics in conflict, strongest first. Curated
// topics come first among equals because a user vouched for them.
func (cs *ClaimSet) Conflicts() []*Topic {
	var out []*Topic
	for i := range cs.Topics {
		if cs.IsConflict(&cs.Topics[i]) {
			out = append(out, &cs.Topics[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].Curated != out[j].Curated {
			return out[i].Curated
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Topic returns the topic with the given ID, or nil.
func (cs *ClaimSet) Topic(id string) *Topic {
	for i := range cs.Topics {
		if cs.Topics[i].ID == id {
			return &cs.Topics[i]
		}
	}
	return nil
}

// ByHolder returns the IDs of the claims held by holder (any spelling
// differing only in case or spacing), in corpus order.
func (cs *ClaimSet) ByHolder(holder string) []int {
	key := HolderKey(holder)
	var out []int
	for i := range cs.Claims {
		if HolderKey(cs.Claims[i].Holder) == key {
			out = append(out, i)
		}
	}
	return out
}

// At returns the ID of a claim covering exactly doc[start:end], or -1.
func (cs *ClaimSet) At(doc, start, end int) int {
	for i := range cs.Claims {
		c := &cs.Claims[i]
		if c.Doc == doc && c.Start == start && c.End == end {
			return i
		}
	}
	return -1
}

// Listed returns the topics to show a reader: the conflicts, strongest
// first, then the topics a user made or changed that are not (yet) in
// conflict, so curated work is never hidden. Dismissed topics are left out.
func (cs *ClaimSet) Listed() []*Topic {
	out := cs.Conflicts()
	in := map[*Topic]bool{}
	for _, t := range out {
		in[t] = true
	}
	for i := range cs.Topics {
		t := &cs.Topics[i]
		if t.Curated && !t.Dismissed && !in[t] {
			out = append(out, t)
		}
	}
	return out
}
