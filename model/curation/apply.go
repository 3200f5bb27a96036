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
// silently.
func Apply(c *model.Corpus, found *model.ClaimSet, ops []Op) (*model.ClaimSet, []string) {
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
	docByPath := map[string]int{}
	for i := range c.Docs {
		docByPath[c.Docs[i].Path] = i
	}
	// locate finds an op's span in the corpus, following the text if the
	// document was edited since the claim was marked.
	locate := func(op Op) (doc, start, end int, ok bool) {
		d, ok := docByPath[op.Doc]
		if !ok {
			return 0, 0, 0, false
		}
		text := c.Docs[d].Text
		if op.End <= len(text) && (op.Text == "" || text[op.Start:op.End] == op.Text) {
			return d, op.Start, op.End, true
		}
		if op.Text != "" {
			if i := strings.Index(text, op.Text); i >= 0 {
				return d, i, i + len(op.Text), true
			}
		}
		return 0, 0, 0, false
	}
	for _, op := range ops {
		where := fmt.Sprintf("%s by %s on %s", op.Kind, op.Author, op.Time.Format("2006-01-02 15:04"))
		switch op.Kind {
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
				stale = append(stale, fmt.Sprintf("%s: %s no longer holds the marked text", where, op.Doc))
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
		case Move:
			d, s, e, ok := locate(op)
			if !ok {
				stale = append(stale, fmt.Sprintf("%s: %s no longer holds the claim", where, op.Doc))
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
				cl, found = topics[id].take(d, s, e)
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
			d, ok := docByPath[op.Doc]
			if cl := w.find(d, op.Start, op.End); ok && cl != nil {
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

// quoteAt returns the quote covering doc[start:end], or -1.
func quoteAt(c *model.Corpus, doc, start, end int) int {
	for _, id := range c.QuotesOf(doc) {
		q := &c.Quotes[id]
		if q.Start <= start && q.End >= end {
			return id
		}
	}
	return -1
}
