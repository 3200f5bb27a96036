package claims

import (
	"fmt"
	"slices"
	"strings"
)

// member is a statement's stance in one dimension's pool, as a pool keeps
// it: its strings numbered in statements.strs, so that comparing two is
// comparing numbers and a pool holds no pointers. 0 is the empty string.
type member struct {
	stmt, doc                                  int32
	side, label, target, head, doer, of, about int32
	approx                                     bool
	// The concepts that voice the answer: those of an axis, or one.
	axis int16 // or -1
	cue  int32 // a concept number, or -1
}

// pool gathers into sc.members who takes which side on dim, in statement
// order, and numbers them in sc.slot. A statement with two stances on dim
// takes the later.
func (f *finder) pool(dim string, sc *scratch) {
	s := f.s
	add := func(m member) {
		if q := sc.slot[m.stmt]; q != 0 {
			sc.members[q-1] = m
			return
		}
		sc.members = append(sc.members, m)
		sc.slot[m.stmt] = int32(len(sc.members))
	}
	// Room at once for all the pool may hold: grown as it came, the
	// largest pools' storage was copied a dozen times over.
	room := len(f.byDim[dim]) + 1
	neg, negated := s.negationOf(dim)
	if negated {
		room += len(f.asserting[neg])
	}
	sc.members = slices.Grow(sc.members[:0], room)
	for _, i := range f.byDim[dim] {
		h := s.stance(int(i))
		m := member{stmt: h.stmt, side: h.side, label: h.label, target: h.target, head: h.head, doer: h.doer,
			of: h.of, about: h.about, approx: h.approx, axis: h.axis, cue: -1}
		if h.axis < 0 && h.cue >= 0 {
			m.cue = s.id(s.strs.list[h.cue])
		}
		add(m)
	}
	// The stances come in statement order; what is added after them, in
	// its own.
	held := len(sc.members)
	defer func() {
		// The grouping follows statement order.
		if len(sc.members) > held {
			slices.SortFunc(sc.members, func(a, b member) int { return int(a.stmt) - int(b.stmt) })
		}
		for q, m := range sc.members {
			sc.slot[m.stmt] = int32(q + 1)
			sc.members[q].doc = int32(s.docOf(int(m.stmt)))
			switch {
			case m.axis >= 0:
				for _, k := range f.axisCue[m.axis] {
					sc.addCue(k)
				}
			case m.cue >= 0:
				sc.addCue(m.cue)
			}
		}
	}()
	// Sscanf is slow to say that another dimension is no rebuttal.
	if strings.HasPrefix(dim, "ref:") {
		var ref int
		if _, err := fmt.Sscanf(dim, "ref:%d", &ref); err == nil {
			// "X dismissed the allegations": the statement pointed at
			// is the other side.
			if sc.slot[ref] == 0 {
				add(member{stmt: int32(ref), side: s.yes, label: s.asserted, axis: -1, cue: -1})
			}
			return
		}
	}
	if !negated {
		return
	}
	// Asserting the predicate of the same thing opposes its denial.
	for _, i := range f.asserting[neg] {
		if sc.slot[i] == 0 {
			// The predicate is the cue of the assertions: nothing writes one.
			add(member{stmt: i, side: s.yes, doer: s.doer(int(i), neg.pred), axis: -1, cue: neg.pred})
		}
	}
}

// sameThing returns the word two members are both said of, their target
// or the head of its phrase, or 0 for none.
func sameThing(a, b *member) int32 {
	switch {
	case a.target != 0 && a.target == b.target:
		return a.target
	case a.head != 0 && a.head == b.head:
		return a.head
	}
	return 0
}

// disjoint reports whether both lists name something and share nothing.
func disjoint(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return false
			}
		}
	}
	return true
}
