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

func apply(c *model.Corpus, found *model.ClaimSet, ops []Op, r *refs) (*model.ClaimSet, []string) {
	var (
		order   []string
		ordered = map[string]bool{}
		topics  = map[string]*work{}
		stale   []string
	)
	get := func(id string, create bool) *work {
		if w, ok := topics[id]; ok {
			return w
		}
		if !create {
			return nil
		}
		w := &work{t: model.Topic{ID: id, Label: id, Curated: true}, claim: map[string][]model.Claim{}}
		topics[id] = w
		if !ordered[id] {
			ordered[id] = true
			order = append(order, id)
		}
		return w
	}
	for _, t := range found.Topics {
		w := &work{t: t, claim: map[string][]model.Claim{}}
		w.t.Positions = nil
		for _, p := range t.Positions {
			w.pos = append(w.pos, p.Label)
			for _, id := range p.Claims {
				w.claim[p.Label] = append(w.claim[p.Label], found.Claims[id])
			}
		}
		topics[t.ID] = w
		ordered[t.ID] = true
		order = append(order, t.ID)
	}
	docs := newDocFinder(c, r)
	// placed remembers where each recorded place was found, so a note on
	// a claim follows it when its document was renamed or edited.
	placed := map[spanKey]place{}
	// locate finds an op's span in the corpus, following the text if the
	// document was edited since the claim was marked, and, when the
	// reference finds no document, to the one document holding the text.
	locate := func(op Op) (doc, start, end int, ok bool) {
		key := spanKey{op.Doc, op.Start, op.End}
		hit := docs.resolve(op.Doc)
		if hit.ok {
			if s, e, ok := spanIn(c.Docs[hit.doc].Text, op); ok {
				placed[key] = place{hit.doc, s, e}
				return hit.doc, s, e, true
			}
			if hit.sure {
				return 0, 0, 0, false
			}
		}
		d, s, e, ok := docs.anchor(op.Text, op.Start, op.End)
		if !ok {
			return 0, 0, 0, false
		}
		docs.learn(op.Doc, d)
		placed[key] = place{d, s, e}
		return d, s, e, true
	}
	withdrawn := undone(ops)
	for _, op := range ops {
		where := fmt.Sprintf("%s by %s on %s", op.Kind, op.Author, op.Time.Format("2006-01-02 15:04"))
		if withdrawn[op.ID] {
			continue
		}
		switch op.Kind {
		case Undo:
			if !withdrawn[op.Undoes] {
				stale = append(stale, where+": no change "+op.Undoes+" to undo")
			}
		case NewTopic:
			get(op.Topic, true).t.Label = op.Label
		case Rename:
			if w := get(op.Topic, false); w != nil {
				w.t.Label, w.t.Curated = op.Label, true
			} else {
				stale = append(stale, where+": no topic "+op.Topic)
			}
		case Dismiss:
			if w := get(op.Topic, false); w != nil {
				w.t.Dismissed = true
			} else {
				stale = append(stale, where+": no topic "+op.Topic)
			}
		case Mark:
			d, s, e, ok := locate(op)
			if !ok {
				stale = append(stale, fmt.Sprintf("%s: %s no longer holds the marked text%s", where, op.Doc, quoted(op.Text)))
				continue
			}
			w := get(op.Topic, true)
			w.t.Curated = true
			// Marking text again in one topic replaces its earlier place;
			// in another topic it is a second claim, which a statement can
			// be.
			w.take(d, s, e)
			doc := &c.Docs[d]
			w.add(op.Position, model.Claim{
				Holder: op.Holder, Speaker: c.FindSpeaker(op.Holder), Text: doc.Text[s:e],
				Doc: d, Line: doc.LineAt(s), Start: s, End: e, Kind: model.FromUser, Quote: quoteAt(c, d, s, e),
				Curated: true,
			})
		case Hold:
			w := get(op.Topic, false)
			d, s, e, ok := locate(op)
			var cl *model.Claim
			if w != nil && ok {
				cl = w.find(d, s, e)
			}
			if cl == nil {
				stale = append(stale, where+": no such claim in topic "+op.Topic+quoted(op.Text))
				continue
			}
			cl.Holder, cl.Speaker, cl.Curated = op.Holder, c.FindSpeaker(op.Holder), true
			w.t.Curated = true
		case Drop:
			w := get(op.Topic, false)
			d, s, e, ok := locate(op)
			if w == nil || !ok {
				stale = append(stale, where+": no such claim in topic "+op.Topic)
				continue
			}
			if _, ok := w.take(d, s, e); !ok {
				stale = append(stale, where+": the claim is not in topic "+op.Topic)
				continue
			}
			// Still listed when it is no longer a conflict, so the user
			// sees what the drop left.
			w.t.Curated = true
		case Move:
			d, s, e, ok := locate(op)
			if !ok {
				stale = append(stale, fmt.Sprintf("%s: %s no longer holds the claim%s", where, op.Doc, quoted(op.Text)))
				continue
			}
			var (
				cl    model.Claim
				found bool
			)
			if w := get(op.Topic, false); op.Topic != "" && w != nil {
				cl, found = w.take(d, s, e)
			}
			for _, id := range order {
				if found {
					break
				}
				if w := topics[id]; w != nil { // merged away: order keeps its ID
					cl, found = w.take(d, s, e)
				}
			}
			if !found {
				stale = append(stale, where+": the claim is in no topic")
				continue
			}
			cl.Curated = true
			dst := get(op.Into, true)
			dst.t.Curated = true
			dst.add(op.Position, cl)
		case Merge:
			src, dst := get(op.Topic, false), get(op.Into, true)
			if src == nil || src == dst {
				stale = append(stale, where+": no topic "+op.Topic+" to merge")
				continue
			}
			for _, label := range src.pos {
				for _, cl := range src.claim[label] {
					dst.add(label, cl)
				}
			}
			dst.t.Curated = true
			if src.t.Score > dst.t.Score {
				dst.t.Score = src.t.Score
			}
			delete(topics, op.Topic)
		case Note:
			w := get(op.Topic, false)
			if w == nil {
				stale = append(stale, where+": no topic "+op.Topic)
				continue
			}
			if op.Doc == "" {
				w.t.Note = op.Text
				continue
			}
			at, ok := placed[spanKey{op.Doc, op.Start, op.End}]
			if !ok {
				f := docs.resolve(op.Doc)
				at, ok = place{f.doc, op.Start, op.End}, f.ok
			}
			if cl := w.find(at.doc, at.start, at.end); ok && cl != nil {
				cl.Note = op.Text
			} else {
				stale = append(stale, where+": the claim is not in topic "+op.Topic)
			}
		}
	}
	out := &model.ClaimSet{}
	for _, id := range order {
		w, ok := topics[id]
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
	return out, stale
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
