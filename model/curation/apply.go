package curation

import (
	"fmt"
	"sort"
	"strings"

	"github.com/backchannel-news/backchannel/model"
)

// work is a topic being rebuilt while changes are applied.
type work struct {
	t     model.Topic
	pos   []string                 // position labels in order
	claim map[string][]model.Claim // position label -> claims
}

func (w *work) add(label string, cl model.Claim) {
	if _, ok := w.claim[label]; !ok {
		w.pos = append(w.pos, label)
	}
	cl.Topic, cl.Position = w.t.ID, label
	w.claim[label] = append(w.claim[label], cl)
}

// take removes and returns the claim at doc[start:end], if the topic has it.
func (w *work) take(doc, start, end int) (model.Claim, bool) {
	for _, label := range w.pos {
		list := w.claim[label]
		for i, cl := range list {
			if cl.Doc == doc && cl.Start == start && cl.End == end {
				w.claim[label] = append(list[:i:i], list[i+1:]...)
				return cl, true
			}
		}
	}
	return model.Claim{}, false
}

func (w *work) find(doc, start, end int) *model.Claim {
	for _, label := range w.pos {
		for i := range w.claim[label] {
			cl := &w.claim[label][i]
			if cl.Doc == doc && cl.Start == start && cl.End == end {
				return cl
			}
		}
	}
	return nil
}

// Apply returns found with ops applied in order: the claims and topics a
// user sees. found is not changed. Changes that no longer fit the corpus
// (a document gone, a topic merged away) are skipped and described in the
// returned list, so the user learns of them rather than losing them
// silently. Documents are found as the corpus names them or by absolute
// path; a Store's Apply also finds those named relative to its file.
func Apply(c *model.Corpus, found *model.ClaimSet, ops []Op) (*model.ClaimSet, []string) {
	return apply(c, found, ops, newRefs(""))
}

// Apply merges the store's changes over found, as the package's Apply
// does, finding documents by the references the store writes.
func (s *Store) Apply(c *model.Corpus, found *model.ClaimSet) (*model.ClaimSet, []string) {
	return apply(c, found, s.Ops(), s.refs)
}

// spanKey is a claim's place as a change recorded it.
type spanKey struct {
	doc        string
	start, end int
}

// place is a claim's place in the corpus being shown.
type place struct{ doc, start, end int }

// apply replays the ops not undone over found, finding documents by r.
func apply(c *model.Corpus, found *model.ClaimSet, ops []Op, r *refs) (*model.ClaimSet, []string) {
	rp := newReplay(c, found, r)
	withdrawn := undone(ops)
	for _, op := range ops {
		if !withdrawn[op.ID] {
			rp.step(op, withdrawn)
		}
	}
	return rp.claimSet(), rp.stale
}

// replay is the state of applying changes in order: the topics as they
// stand and the changes that could not be applied.
type replay struct {
	c    *model.Corpus
	docs *docFinder
	// order lists topic IDs as the result lists them, found topics first,
	// then new ones as changes first name them. A merged-away topic keeps
	// its place, so bringing it back does not move it to the end.
	order   []string
	ordered map[string]bool
	topics  map[string]*work
	// placed remembers where each recorded place was found, so a note on
	// a claim follows it when its document was renamed or edited.
	placed map[spanKey]place
	stale  []string
}

// newReplay starts from the found topics, each as a work to rebuild.
func newReplay(c *model.Corpus, found *model.ClaimSet, r *refs) *replay {
	rp := &replay{c: c, ordered: map[string]bool{}, topics: map[string]*work{}, placed: map[spanKey]place{}}
	for _, t := range found.Topics {
		w := &work{t: t, claim: map[string][]model.Claim{}}
		w.t.Positions = nil
		for _, p := range t.Positions {
			w.pos = append(w.pos, p.Label)
			for _, id := range p.Claims {
				w.claim[p.Label] = append(w.claim[p.Label], found.Claims[id])
			}
		}
		rp.topics[t.ID] = w
		rp.ordered[t.ID] = true
		rp.order = append(rp.order, t.ID)
	}
	rp.docs = newDocFinder(c, r)
	return rp
}

// step applies one change that no undo withdrew.
func (rp *replay) step(op Op, withdrawn map[string]bool) {
	switch op.Kind {
	case Undo:
		if !withdrawn[op.Undoes] {
			rp.skip(op, "no change "+op.Undoes+" to undo")
		}
	case NewTopic:
		rp.topic(op.Topic, true).t.Label = op.Label
	case Rename:
		if w := rp.existing(op); w != nil {
			w.t.Label, w.t.Curated = op.Label, true
		}
	case Dismiss:
		if w := rp.existing(op); w != nil {
			w.t.Dismissed = true
		}
	case Mark:
		rp.mark(op)
	case Hold:
		rp.hold(op)
	case Drop:
		rp.drop(op)
	case Move:
		rp.move(op)
	case Merge:
		rp.merge(op)
	case Note:
		rp.note(op)
	}
}

// skip reports a change that no longer fits, saying whose it was and when,
// so its author can make it again.
func (rp *replay) skip(op Op, why string) {
	where := fmt.Sprintf("%s by %s on %s", op.Kind, op.Author, op.Time.Format("2006-01-02 15:04"))
	rp.stale = append(rp.stale, where+": "+why)
}

// topic returns the topic id, or nil if there is none and create is
// false. A created topic is curated and labelled with its ID until a
// change names it.
func (rp *replay) topic(id string, create bool) *work {
	if w, ok := rp.topics[id]; ok {
		return w
	}
	if !create {
		return nil
	}
	w := &work{t: model.Topic{ID: id, Label: id, Curated: true}, claim: map[string][]model.Claim{}}
	rp.topics[id] = w
	if !rp.ordered[id] {
		rp.ordered[id] = true
		rp.order = append(rp.order, id)
	}
	return w
}

// existing returns op's topic, or reports op and returns nil when there is
// no such topic.
func (rp *replay) existing(op Op) *work {
	w := rp.topic(op.Topic, false)
	if w == nil {
		rp.skip(op, "no topic "+op.Topic)
	}
	return w
}

// locate finds an op's span in the corpus, following the text if the
// document was edited since the claim was marked, and, when the reference
// finds no document, to the one document holding the text.
func (rp *replay) locate(op Op) (doc, start, end int, ok bool) {
	key := spanKey{op.Doc, op.Start, op.End}
	hit := rp.docs.resolve(op.Doc)
	if hit.ok {
		if s, e, ok := spanIn(rp.c.Docs[hit.doc].Text, op); ok {
			rp.placed[key] = place{hit.doc, s, e}
			return hit.doc, s, e, true
		}
		if hit.sure {
			return 0, 0, 0, false
		}
	}
	d, s, e, ok := rp.docs.anchor(op.Text, op.Start, op.End)
	if !ok {
		return 0, 0, 0, false
	}
	rp.docs.learn(op.Doc, d)
	rp.placed[key] = place{d, s, e}
	return d, s, e, true
}

// mark makes the marked text a claim of the topic, creating the topic.
func (rp *replay) mark(op Op) {
	d, s, e, ok := rp.locate(op)
	if !ok {
		rp.skip(op, op.Doc+" no longer holds the marked text"+quoted(op.Text))
		return
	}
	w := rp.topic(op.Topic, true)
	w.t.Curated = true
	// Marking text again in one topic replaces its earlier place; in
	// another topic it is a second claim, which a statement can be.
	w.take(d, s, e)
	doc := &rp.c.Docs[d]
	w.add(op.Position, model.Claim{
		Holder: op.Holder, Speaker: rp.c.FindSpeaker(op.Holder), Text: doc.Text[s:e],
		Doc: d, Line: doc.LineAt(s), Start: s, End: e, Kind: model.FromUser, Quote: quoteAt(rp.c, d, s, e),
		Curated: true,
	})
}

// hold gives a claim of the topic its right holder.
func (rp *replay) hold(op Op) {
	w := rp.topic(op.Topic, false)
	// Located even when the topic is gone: locating learns where a renamed
	// document went and where its text was found, which later changes
	// naming the same document or place rely on.
	d, s, e, ok := rp.locate(op)
	var cl *model.Claim
	if w != nil && ok {
		cl = w.find(d, s, e)
	}
	if cl == nil {
		rp.skip(op, "no such claim in topic "+op.Topic+quoted(op.Text))
		return
	}
	cl.Holder, cl.Speaker, cl.Curated = op.Holder, rp.c.FindSpeaker(op.Holder), true
	w.t.Curated = true
}

// drop takes a claim out of the topic.
func (rp *replay) drop(op Op) {
	w := rp.topic(op.Topic, false)
	d, s, e, ok := rp.locate(op) // even when the topic is gone, as in hold
	if w == nil || !ok {
		rp.skip(op, "no such claim in topic "+op.Topic)
		return
	}
	if _, ok := w.take(d, s, e); !ok {
		rp.skip(op, "the claim is not in topic "+op.Topic)
		return
	}
	// Still listed when it is no longer a conflict, so the user sees what
	// the drop left.
	w.t.Curated = true
}

// move takes a claim out of its topic and puts it in a position of the
// topic Into, creating that topic.
func (rp *replay) move(op Op) {
	d, s, e, ok := rp.locate(op)
	if !ok {
		rp.skip(op, op.Doc+" no longer holds the claim"+quoted(op.Text))
		return
	}
	cl, found := rp.takeFromAny(op.Topic, d, s, e)
	if !found {
		rp.skip(op, "the claim is in no topic")
		return
	}
	cl.Curated = true
	dst := rp.topic(op.Into, true)
	dst.t.Curated = true
	dst.add(op.Position, cl)
}

// takeFromAny removes the claim at doc[start:end] from topic id, else from
// the first topic in order that has it: a change may name no topic, or
// one a merge has since taken away.
func (rp *replay) takeFromAny(id string, doc, start, end int) (model.Claim, bool) {
	if w := rp.topic(id, false); id != "" && w != nil {
		if cl, ok := w.take(doc, start, end); ok {
			return cl, true
		}
	}
	for _, id := range rp.order {
		if w := rp.topics[id]; w != nil { // merged away: order keeps its ID
			if cl, ok := w.take(doc, start, end); ok {
				return cl, true
			}
		}
	}
	return model.Claim{}, false
}

// merge moves every claim of the topic into the topic Into, creating it,
// and drops the topic. A merge whose topic is gone creates nothing: it
// would leave an empty curated topic in the list.
func (rp *replay) merge(op Op) {
	src := rp.topic(op.Topic, false)
	if src == nil || op.Into == op.Topic {
		rp.skip(op, "no topic "+op.Topic+" to merge")
		return
	}
	dst := rp.topic(op.Into, true)
	for _, label := range src.pos {
		for _, cl := range src.claim[label] {
			dst.add(label, cl)
		}
	}
	dst.t.Curated = true
	if src.t.Score > dst.t.Score {
		dst.t.Score = src.t.Score
	}
	delete(rp.topics, op.Topic)
}

// note sets the note of the topic or, when op names a place, of its claim
// there; an empty text clears it.
func (rp *replay) note(op Op) {
	w := rp.existing(op)
	if w == nil {
		return
	}
	if op.Doc == "" {
		w.t.Note = op.Text
		return
	}
	at, ok := rp.placed[spanKey{op.Doc, op.Start, op.End}]
	if !ok {
		f := rp.docs.resolve(op.Doc)
		at, ok = place{f.doc, op.Start, op.End}, f.ok
	}
	if cl := w.find(at.doc, at.start, at.end); ok && cl != nil {
		cl.Note = op.Text
	} else {
		rp.skip(op, "the claim is not in topic "+op.Topic)
	}
}

// claimSet lists the topics in order, each position's claims in document
// order and numbered afresh; positions left empty are left out.
func (rp *replay) claimSet() *model.ClaimSet {
	out := &model.ClaimSet{}
	for _, id := range rp.order {
		w, ok := rp.topics[id]
		if !ok {
			continue
		}
		t := w.t
		t.Positions = nil
		for _, label := range w.pos {
			list := w.claim[label]
			if len(list) == 0 {
				continue
			}
			sort.SliceStable(list, func(i, j int) bool {
				if list[i].Doc != list[j].Doc {
					return list[i].Doc < list[j].Doc
				}
				return list[i].Start < list[j].Start
			})
			p := model.Position{Label: label}
			for _, cl := range list {
				cl.ID = len(out.Claims)
				out.Claims = append(out.Claims, cl)
				p.Claims = append(p.Claims, cl.ID)
			}
			t.Positions = append(t.Positions, p)
		}
		out.Topics = append(out.Topics, t)
	}
	return out
}

// quoted is a change's text for a report, so the user knows what to mark
// again: its first words, on one line.
func quoted(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	if r := []rune(text); len(r) > 60 {
		text = string(r[:60]) + "…"
	}
	return " “" + text + "”"
}

// undone returns the IDs of the changes withdrawn by undos in ops. An undo
// counts unless it is itself undone by a later one, so undoing an undo
// brings its change back; read from the newest line up, each undo's fate
// is settled before the change it names is reached. An undo names an
// earlier line; one naming no such line withdraws nothing.
func undone(ops []Op) map[string]bool {
	at := make(map[string]int, len(ops))
	for i, op := range ops {
		if _, dup := at[op.ID]; !dup {
			at[op.ID] = i
		}
	}
	out := map[string]bool{}
	for i := len(ops) - 1; i >= 0; i-- {
		op := ops[i]
		if j, ok := at[op.Undoes]; op.Kind == Undo && !out[op.ID] && ok && j < i {
			out[op.Undoes] = true
		}
	}
	return out
}

// spanIn finds op's text in a document's text: at its recorded span, else
// its first occurrence. A change without text takes its span as it is.
func spanIn(text string, op Op) (start, end int, ok bool) {
	if 0 <= op.Start && op.Start <= op.End && op.End <= len(text) && (op.Text == "" || text[op.Start:op.End] == op.Text) {
		return op.Start, op.End, true
	}
	if op.Text != "" {
		if i := strings.Index(text, op.Text); i >= 0 {
			return i, i + len(op.Text), true
		}
	}
	return 0, 0, false
}

// quoteAt returns the quote covering doc[start:end], or -1.
func quoteAt(c *model.Corpus, doc, start, end int) int {
	for _, id := range c.QuotesOf(doc) {
		q := &c.Quotes[id]
		if int(q.Start) <= start && int(q.End) >= end {
			return int(id)
		}
	}
	return -1
}
