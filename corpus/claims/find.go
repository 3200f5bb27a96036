// Package claims finds, by general rules, the statements in a corpus that
// take positions on the same question, and the questions on which sources
// disagree. Nothing in it knows a story: topics come from the words claims
// share, opposition from negation, antonyms and different named answers.
package claims

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/backchannel-news/backchannel/corpus/internal/heapbound"
	"github.com/backchannel-news/backchannel/model"
)

// Tuning. minShared is the weight of shared subject matter (summed inverse
// document frequency of the concepts two claims share, cues excluded) that
// makes two claims speak of the same thing: one rare word, or two common
// ones. minScore drops conflicts too weak to show.
const (
	minShared = 2.0
	minScore  = 2.5
)

// The heap's growth while claims are found is bounded (see findBudget).
// What Find keeps is about 0.7x the corpus text on generated corpora
// (statements' holders, packed concept entries and records, packed
// stances); reading documents and clustering make about 2.5x the text
// besides in short-lived garbage, which without a bound lets the heap
// double over the corpus and what Find keeps.
const (
	// findHeapBudget is the growth allowed, in multiples of the text.
	// Less saves memory at a price in collections: on 5000 generated
	// documents (20.7 MB) BenchmarkFind peaked at 1.31x the text for
	// 1.77 CPU-s at 1.25, at 1.44x for 1.72 CPU-s at 1.5 and at 2.6x at
	// 3. For a corpus under about 16 MB, findMinHeadroom sets the bound
	// rather than this multiple.
	findHeapBudget = 1.25
	// findKept estimates what Find keeps, in multiples of the text, and
	// findMinHeadroom is the least room left above it for garbage: in a
	// small corpus a multiple of the text leaves too little, and the
	// collector, which marks the whole program each time, would run all
	// the time (1000 documents took 1.8x the CPU at 1.5).
	findKept        = 0.75
	findMinHeadroom = 8 << 20
)

// findBudget is the heap growth allowed while claims are found in a corpus
// of size bytes of text.
func findBudget(size int64) int64 {
	return max(int64(findHeapBudget*float64(size)), int64(findKept*float64(size))+findMinHeadroom)
}

// maxPosting is how many claims may share a concept for the concept still
// to suggest that two of them speak of the same thing: a twentieth of the
// claims, at least 40, at most 300. Past it a word is the whole corpus's
// subject, and following it would cost time quadratic in the corpus.
func maxPosting(claims int) int { return min(300, max(40, claims/20)) }

// dimension weights: an antonym ("authentic" against "fake") is the
// clearest opposition; a negated predicate the loosest.
func weight(dim string) float64 {
	switch {
	case strings.HasPrefix(dim, "ax:"):
		return 1.0
	case strings.HasPrefix(dim, "who:"):
		return 0.9
	case strings.HasPrefix(dim, "neg:"):
		pred, _, _ := strings.Cut(strings.TrimPrefix(dim, "neg:"), "/")
		if genericVerbStems[pred] {
			// "will want a name" against "does not want his name near
			// it": a bare negation of an everyday verb is rarely a
			// dispute, so it must share much more to show.
			return 0.35
		}
	}
	return 0.7
}

// genericVerbs are everyday verbs whose negation is seldom an answer to
// a disputed question.
var genericVerbStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range words(`want need like think know say tell see get go make take give have do use try seem
		feel mean hope expect wish let help keep look come find believe remember understand`) {
		m[stemUncached(w)] = true
	}
	return m
}()

// Find returns the conflicting topics of c and their claims, strongest
// first.
func Find(c *model.Corpus) *model.ClaimSet {
	var size int64
	for i := range c.Docs {
		size += int64(len(c.Docs[i].Text))
	}
	release, _ := heapbound.Bound(findBudget(size))
	defer release()
	s := gather(c)
	n := len(s.holder)
	df := s.df
	// Smoothed so that in a small corpus a story's own words still weigh
	// something: ln(1+N/df).
	idf := make([]float64, len(df))
	for k, m := range df {
		idf[k] = math.Log(1 + float64(n)/float64(m))
	}
	limit := maxPosting(n)

	// Pools: who takes which side on each dimension, built one dimension
	// at a time. A negated predicate is opposed by every statement
	// asserting it plainly.
	byDim := map[string][]int32{}
	for j := range s.stanceCount() {
		dim := s.strs.list[s.stance(j).dim]
		byDim[dim] = append(byDim[dim], int32(j))
	}
	dims := make([]string, 0, len(byDim))
	negated := make([]bool, len(df))
	for d := range byDim {
		dims = append(dims, d)
		if strings.HasPrefix(d, "neg:") {
			k, _, _ := strings.Cut(strings.TrimPrefix(d, "neg:"), "/")
			if id := s.id(k); id >= 0 {
				negated[id] = true
			}
		}
	}
	sort.Strings(dims)
	// Only concepts few enough claims share are followed to neighbours,
	// so only their postings are kept: the common words, most of the
	// entries, have none. And who asserts each negated concept plainly,
	// for the opposite side of its negations.
	post, plainly := index(s, limit, negated)
	f := &finder{s: s, df: df, idf: idf, limit: limit, post: post, byDim: byDim, asserting: assertions(s, dims, plainly)}
	f.prepare()

	// Dimensions are independent: each core takes the next, and the
	// topics are put back in dimension order.
	perDim := make([][]topicDraft, len(dims))
	next := make(chan int, len(dims))
	for i := range dims {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(dims)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := f.scratch()
			for i := range next {
				perDim[i] = f.cluster(dims[i], sc)
			}
		}()
	}
	wg.Wait()
	var found []topicDraft
	for _, ts := range perDim {
		found = append(found, ts...)
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].score != found[j].score {
			return found[i].score > found[j].score
		}
		return found[i].id < found[j].id
	})
	kept := dedupe(found)
	distinguish(kept)
	return build(kept, s)
}

// postings lists, per concept, the statements with it, in corpus order.
type postings struct {
	at   []int32 // at[k]:at[k+1] index list
	list []int32
}

func (p *postings) of(k int32) []int32 { return p.list[p.at[k]:p.at[k+1]] }

// index builds the postings of the concepts at most limit statements
// have, and those of the plain assertions of the negated concepts, with
// one reading of the statements' entries: how many each list holds is
// known from the counts merge keeps.
func index(s *statements, limit int, negated []bool) (post, plainly *postings) {
	concepts := len(s.df)
	post = &postings{at: make([]int32, concepts+1)}
	plainly = &postings{at: make([]int32, concepts+1)}
	for k := range concepts {
		post.at[k+1] = post.at[k]
		if int(s.df[k]) <= limit {
			post.at[k+1] += s.df[k]
		}
		plainly.at[k+1] = plainly.at[k]
		if negated[k] {
			plainly.at[k+1] += s.plainDF[k]
		}
	}
	post.list = make([]int32, post.at[concepts])
	plainly.list = make([]int32, plainly.at[concepts])
	fillPost := append([]int32(nil), post.at[:concepts]...)
	fillPlain := append([]int32(nil), plainly.at[:concepts]...)
	var es []uint32
	for i := range s.holder {
		es = s.entries(i, es)
		for _, e := range es {
			k := e >> flagBits
			if int(s.df[k]) <= limit {
				post.list[fillPost[k]] = int32(i)
				fillPost[k]++
			}
			if negated[k] && e&plainConcept != 0 {
				plainly.list[fillPlain[k]] = int32(i)
				fillPlain[k]++
			}
		}
	}
	return post, plainly
}

// finder holds what every dimension's clustering reads.
type finder struct {
	s     *statements
	df    []int32
	idf   []float64
	limit int
	post  *postings
	byDim map[string][]int32 // dimension -> its stances, in statement order
	// asserting lists, per negated predicate and object, the statements
	// asserting the predicate plainly and having the object.
	asserting map[denial][]int32
	// about holds the words of each numbered about-string, split once.
	about [][]string
	// axisCue holds the concept numbers of each axis's cue words.
	axisCue [][]int32
}

// prepare reads once what every pool asks of the stances' strings.
func (f *finder) prepare() {
	s := f.s
	f.about = make([][]string, len(s.strs.list))
	for j := range s.stanceCount() {
		if a := s.stance(j).about; f.about[a] == nil && s.strs.list[a] != "" {
			f.about[a] = strings.Split(s.strs.list[a][1:], "\x00")
		}
	}
	f.axisCue = make([][]int32, len(axisCues))
	for ax, cues := range axisCues {
		for _, c := range cues {
			if k := s.id(c); k >= 0 {
				f.axisCue[ax] = append(f.axisCue[ax], k)
			}
		}
	}
}

// denial is the predicate and the object of a dimension "neg:k/o", as
// concept numbers.
type denial struct{ pred, obj int32 }

// negationOf returns the predicate and object of dim, and whether dim is
// a negation whose words some statement has.
func (s *statements) negationOf(dim string) (denial, bool) {
	rest, ok := strings.CutPrefix(dim, "neg:")
	if !ok {
		return denial{}, false
	}
	k, obj, _ := strings.Cut(rest, "/")
	n := denial{s.id(k), s.id(obj)}
	return n, n.pred >= 0 && n.obj >= 0
}

// assertions lists who asserts plainly the predicate of each negation
// among dims and has its object, from plainly, who asserts each negated
// predicate plainly. A predicate is denied of many objects ("no sign of
// X"): each asserter's entries are read once for all of them, not once
// per object.
func assertions(s *statements, dims []string, plainly *postings) map[denial][]int32 {
	objects := map[int32][]int32{} // predicate -> its objects
	for _, d := range dims {
		if n, ok := s.negationOf(d); ok {
			objects[n.pred] = append(objects[n.pred], n.obj)
		}
	}
	out := map[denial][]int32{}
	// mark[o] is 1 + the predicate whose objects are being looked for
	// when o is one of them.
	mark := make([]int32, len(s.names))
	var es []uint32
	for pred, objs := range objects {
		for _, o := range objs {
			mark[o] = pred + 1
		}
		for _, i := range plainly.of(pred) {
			es = s.entries(int(i), es)
			for _, e := range es {
				if o := int32(e >> flagBits); mark[o] == pred+1 {
					n := denial{pred, o}
					out[n] = append(out[n], i)
				}
			}
		}
	}
	return out
}

// idfOf is the weight of concept k, 0 for a word no statement has.
func (f *finder) idfOf(k string) float64 {
	if id := f.s.id(k); id >= 0 {
		return f.idf[id]
	}
	return 0
}

// scratch is one worker's reusable storage. Only slot is one per
// statement of the corpus; the rest grow to the largest pool clustered,
// and are indexed by position in the pool.
type scratch struct {
	// slot[i] is 1 + the position of statement i in the pool being
	// clustered, 0 for a statement outside it; cleared after each pool.
	slot    []int32
	members []member
	seen    []int32 // the neighbours call that last met each member
	// parent links the pool's members into groups: a map of them was
	// most of a big pool's grouping time.
	parent            []int32
	opposed, disputed []bool
	epoch             int32
	terms             []int32
	// en, ea and eb hold decoded entries: of the statement whose
	// neighbours are sought, and of the two a link compares.
	en, ea, eb []uint32
	cue        bitset
	cueSet     []int32 // the concepts set in cue, to clear it
	out        []int32
	// cross are the links across sides of the pool; best is, per group
	// root, the weight of its strongest; byRoot the disputed members
	// sorted by group.
	cross  edges
	best   []float64
	byRoot []rooted
}

func (f *finder) scratch() *scratch {
	return &scratch{slot: make([]int32, len(f.s.holder)), cue: make(bitset, len(f.idf)/64+1)}
}

// grow makes the per-member storage of sc room for a pool of n.
func (sc *scratch) grow(n int) {
	if cap(sc.parent) < n {
		sc.seen = make([]int32, n)
		sc.parent = make([]int32, n)
		sc.opposed = make([]bool, n)
		sc.disputed = make([]bool, n)
		sc.best = make([]float64, n)
	}
	sc.seen, sc.parent, sc.best = sc.seen[:n], sc.parent[:n], sc.best[:n]
	sc.opposed, sc.disputed = sc.opposed[:n], sc.disputed[:n]
	clear(sc.opposed)
	clear(sc.disputed)
	clear(sc.best)
}

// addCue adds concept k to the cue of the pool being clustered.
func (sc *scratch) addCue(k int32) {
	if !sc.cue.has(uint32(k)) {
		sc.cue.add(k)
		sc.cueSet = append(sc.cueSet, k)
	}
}

// release empties the pool being clustered from sc.
func (sc *scratch) release() {
	for _, m := range sc.members {
		sc.slot[m.stmt] = 0
	}
	for _, k := range sc.cueSet {
		sc.cue[k/64] = 0
	}
	sc.members, sc.cueSet = sc.members[:0], sc.cueSet[:0]
}

// edge is a link across sides between members a and b, by position in
// the pool. Neither its weight (its group's best is kept as groups join)
// nor what the two share is kept: a big pool makes many times more links
// than its topics show, and linking the few again costs less than
// keeping them all.
type edge struct{ a, b int32 }

// edges is a list of links kept in blocks of a fixed size: the largest
// pool makes hundreds of thousands, which a slice would copy as it grew.
type edges struct {
	blocks [][]edge
	n      int // how many blocks are in use, the last maybe in part
}

const edgeBlock = 4096

func (es *edges) reset() {
	es.n = 0
	if len(es.blocks) > 0 {
		es.blocks[0] = es.blocks[0][:0]
	}
}

func (es *edges) add(e edge) {
	if es.n == 0 || len(es.blocks[es.n-1]) == edgeBlock {
		if es.n == len(es.blocks) {
			es.blocks = append(es.blocks, make([]edge, 0, edgeBlock))
		}
		es.blocks[es.n] = es.blocks[es.n][:0]
		es.n++
	}
	es.blocks[es.n-1] = append(es.blocks[es.n-1], e)
}

// each calls f with every link, in the order added.
func (es *edges) each(f func(e *edge)) {
	for _, b := range es.blocks[:es.n] {
		for i := range b {
			f(&b[i])
		}
	}
}

// rooted is a member and the root of its group.
type rooted struct{ root, item int32 }

// topicDraft is a conflict found on one dimension before duplicates across
// dimensions are removed.
type topicDraft struct {
	id, label string
	score     float64
	why       model.Why
	sides     []string // side keys, in label order
	labels    map[string]string
	members   map[int]string // candidate -> side
}

// shared returns what two claims share beyond the cue, and whether that
// makes them speak of the same thing: enough rare words, or, for short
// focused claims, most of what the shorter one says ("The calls are
// authentic" against a long sentence calling the call fake). The shared
// concepts are left in sc.terms.
func (f *finder) shared(a, b int, cue bitset, sc *scratch) (float64, bool) {
	w, wa, wb := 0.0, 0.0, 0.0
	sc.terms = sc.terms[:0]
	sc.ea, sc.eb = f.s.entries(a, sc.ea), f.s.entries(b, sc.eb)
	ea, eb := sc.ea, sc.eb
	for i, j := 0, 0; i < len(ea) && j < len(eb); {
		ka, kb := ea[i]>>flagBits, eb[j]>>flagBits
		switch {
		case ka < kb:
			i++
		case kb < ka:
			j++
		default:
			if !cue.has(ka) {
				w += f.idf[ka]
				sc.terms = append(sc.terms, int32(ka))
			}
			i++
			j++
		}
	}
	// Borrowed context helps find what is shared but does not dilute what
	// a claim itself says.
	for _, e := range ea {
		if k := e >> flagBits; e&ownConcept != 0 && !cue.has(k) {
			wa += f.idf[k]
		}
	}
	for _, e := range eb {
		if k := e >> flagBits; e&ownConcept != 0 && !cue.has(k) {
			wb += f.idf[k]
		}
	}
	if wa == 0 || wb == 0 {
		wa, wb = math.Max(wa, w), math.Max(wb, w)
	}
	if w < minShared*0.4 {
		return w, false
	}
	// What the shared words are of the shorter claim: one common word in
	// two long sentences is chance ("the council" in two council stories);
	// most of a short claim is its subject ("The calls are authentic").
	focus := math.Min(1, w/math.Min(wa, wb))
	linked := focus >= 0.25 || w >= 2*minShared
	return w * (1 + focus), linked
}

// bitset is a set of concept numbers.
type bitset []uint64

func (b bitset) has(k uint32) bool { return b[k/64]&(1<<(k%64)) != 0 }

func (b bitset) add(k int32) { b[k/64] |= 1 << (k % 64) }

// cluster groups a dimension's pool into topics: claims are linked when
// they share enough subject matter, and a group is a conflict when two
// different holders on different sides share it directly.
func (f *finder) cluster(dim string, sc *scratch) []topicDraft {
	s := f.s
	f.pool(dim, sc)
	defer sc.release()
	pool := sc.members
	twoSides := false
	for i := range pool {
		twoSides = twoSides || pool[i].side != pool[0].side
	}
	if !twoSides {
		return nil
	}
	// Members are numbered by their position in the pool, which is in
	// statement order, so that the pool's storage is indexed by it.
	sc.grow(len(pool))
	cue, parent, opposed, disputed := sc.cue, sc.parent, sc.opposed, sc.disputed
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// best is, per group root, the weight of the group's strongest link
	// across sides: 0 for none, as weights are positive.
	best := sc.best
	union := func(a, b int32) {
		ra, rb := find(a), find(b)
		parent[ra] = rb
		best[rb] = math.Max(best[rb], best[ra])
	}
	who := strings.HasPrefix(dim, "who:")
	numeric := strings.HasPrefix(dim, "num:")
	// Pairs come from shared concepts, targets and (for doers) documents,
	// not from every pair in the pool, which would be quadratic in the
	// corpus. A concept in very many claims of the pool says nothing of
	// any two of them and is not followed.
	byTarget := map[int32][]int32{}
	byHead := map[int32][]int32{}
	byDoc := map[int32][]int32{}
	sideSize := map[int32]int{}
	for i := range pool {
		m := &pool[i]
		if m.target != 0 {
			byTarget[m.target] = append(byTarget[m.target], int32(i))
		}
		if m.head != 0 {
			byHead[m.head] = append(byHead[m.head], int32(i))
		}
		if who {
			byDoc[m.doc] = append(byDoc[m.doc], int32(i))
		}
		sideSize[m.side]++
	}
	limit := f.limit
	seen := sc.seen
	neighbours := func(a int32) []int32 {
		sc.epoch++
		epoch, out := sc.epoch, sc.out[:0]
		defer func() { sc.out = out }()
		add := func(list []int32) {
			if len(list) > limit {
				return
			}
			for _, b := range list {
				if b != a && seen[b] != epoch {
					seen[b] = epoch
					out = append(out, b)
				}
			}
		}
		sc.en = s.entries(int(pool[a].stmt), sc.en)
		for _, e := range sc.en {
			if k := e >> flagBits; !cue.has(k) {
				// Postings are kept only for concepts within the limit.
				for _, i := range f.post.of(int32(k)) {
					if b := sc.slot[i] - 1; b >= 0 && b != a && seen[b] != epoch {
						seen[b] = epoch
						out = append(out, b)
					}
				}
			}
		}
		if tg := pool[a].target; tg != 0 {
			add(byTarget[tg])
		}
		if h := pool[a].head; h != 0 {
			add(byHead[h])
		}
		if who {
			add(byDoc[pool[a].doc])
		}
		slices.Sort(out)
		return out
	}
	// link returns how much a and b share, the target both are said of
	// (0 for none) and whether they speak of one thing. The concepts
	// shared are left in sc.terms.
	link := func(a, b int32) (float64, int32, bool) {
		ma, mb := &pool[a], &pool[b]
		if disjoint(f.about[ma.about], f.about[mb.about]) {
			return 0, 0, false // said of different things
		}
		if ma.doer != 0 && mb.doer != 0 && ma.doer != mb.doer {
			return 0, 0, false // one did it, another did not
		}
		if numeric && (!sameMeasure(s.strs.list[ma.target], s.strs.list[mb.target]) ||
			ma.side != mb.side && !apart(dim, s.strs.list[ma.side], s.strs.list[mb.side], ma.approx || mb.approx)) {
			// Two numbers are rival answers only for one measured thing
			// and only when clearly apart.
			return 0, 0, false
		}
		w, linked := f.shared(int(ma.stmt), int(mb.stmt), cue, sc)
		tg := sameThing(ma, mb)
		if tg != 0 {
			// Opposite answers said of one thing: as plain a conflict
			// as there is.
			w, linked = math.Max(w, 2*minShared), true
		}
		if who && ma.doc == mb.doc {
			// One article naming two doers of one deed is telling of
			// one event, whatever other words the sentences use.
			w, linked = math.Max(w, 2*minShared), true
		}
		return w, tg, linked
	}
	// Opposition: each pair of claims on different sides, met from the
	// smaller side.
	largest, largestSize := int32(-1), 0
	for side, n := range sideSize {
		if largest < 0 || n > largestSize || (n == largestSize && s.strs.list[side] < s.strs.list[largest]) {
			largest, largestSize = side, n
		}
	}
	cross := &sc.cross
	cross.reset()
	for a := range int32(len(pool)) {
		sa := pool[a].side
		if sa == largest {
			continue // met from the other sides
		}
		for _, b := range neighbours(a) {
			sb := pool[b].side
			if sa == sb || (sb != largest && (sideSize[sa] > sideSize[sb] || (sideSize[sa] == sideSize[sb] && a > b))) {
				continue
			}
			w, _, linked := link(a, b)
			if !linked {
				continue
			}
			union(a, b)
			opposed[a], opposed[b] = true, true
			if s.holderKey[s.holder[pool[a].stmt]] != s.holderKey[s.holder[pool[b].stmt]] {
				cross.add(edge{a, b})
				r := find(b)
				best[r] = math.Max(best[r], w)
			}
		}
	}
	// Support: claims on the side of an opposed one, saying the same,
	// are part of the dispute too.
	copy(disputed, opposed)
	for a := range int32(len(pool)) {
		if !opposed[a] {
			continue
		}
		for _, b := range neighbours(a) {
			if pool[b].side != pool[a].side || (opposed[b] && b < a) {
				continue
			}
			if w, _, linked := link(a, b); linked && w >= minShared {
				union(a, b)
				disputed[b] = true
			}
		}
	}
	// Only groups with a link across sides can be a conflict.
	// The members of each such group (only what answers the other side
	// belongs to the dispute), by group in statement order.
	members := sc.byRoot[:0]
	for i := range int32(len(pool)) {
		if r := find(i); disputed[i] && best[r] > 0 {
			members = append(members, rooted{r, i})
		}
	}
	slices.SortStableFunc(members, func(x, y rooted) int { return int(x.root) - int(y.root) })
	sc.byRoot = members
	type pending struct {
		root    int32
		members []rooted
		score   float64
	}
	var kept []pending
	for len(members) > 0 {
		r := members[0].root
		n := 1
		for n < len(members) && members[n].root == r {
			n++
		}
		group := members[:n]
		members = members[n:]
		holders := map[int32]map[string]bool{}
		for _, m := range group {
			side := pool[m.item].side
			if holders[side] == nil {
				holders[side] = map[string]bool{}
			}
			holders[side][s.holderKey[s.holder[pool[m.item].stmt]]] = true
		}
		// Support counts up to three holders a side: beyond that a side is
		// established, and a lopsided pile-up is not a stronger dispute.
		counts := make([]int, 0, len(holders))
		for _, h := range holders {
			counts = append(counts, min(len(h), 3))
		}
		if len(counts) < 2 {
			continue
		}
		sort.Sort(sort.Reverse(sort.IntSlice(counts)))
		score := weight(dim) * math.Min(best[r], 3*minShared) * math.Sqrt(float64(counts[0]*counts[1]))
		if score >= minScore {
			kept = append(kept, pending{r, group, score})
		}
	}
	if len(kept) == 0 {
		return nil
	}
	// What the links of each kept group share, in the order they were
	// found, linking them again: it names the topic.
	termWeight := make(map[int32]map[string]float64, len(kept))
	for _, p := range kept {
		termWeight[p.root] = map[string]float64{}
	}
	cross.each(func(e *edge) {
		tw, ok := termWeight[find(e.a)]
		if !ok {
			return
		}
		_, tg, _ := link(e.a, e.b)
		for _, k := range sc.terms {
			tw[s.names[k]] += f.idf[k]
		}
		if len(sc.terms) == 0 && tg != 0 {
			t := s.strs.list[tg]
			tw[t] += f.idfOf(t)
		}
	})
	topics := make([]topicDraft, 0, len(kept))
	for _, p := range kept {
		// The few stances a topic shows, as the labels read them.
		stmts := make([]int, len(p.members))
		stances := make(map[int]stance, len(p.members))
		for i, m := range p.members {
			st := &pool[m.item]
			stmts[i] = int(st.stmt)
			stances[int(st.stmt)] = stance{side: s.strs.list[st.side], label: s.strs.list[st.label], of: s.strs.list[st.of]}
		}
		topics = append(topics, draft(dim, stances, stmts, termWeight[p.root], p.score, f.s))
	}
	return topics
}

// draft names a conflict: its positions, the shared terms and the cue.
func draft(dim string, pool map[int]stance, members []int, termWeight map[string]float64, score float64, s *statements) topicDraft {
	terms := make([]string, 0, len(termWeight))
	for t := range termWeight {
		terms = append(terms, t)
	}
	sort.Slice(terms, func(i, j int) bool {
		if termWeight[terms[i]] != termWeight[terms[j]] {
			return termWeight[terms[i]] > termWeight[terms[j]]
		}
		return terms[i] < terms[j]
	})
	if len(terms) > 4 {
		terms = terms[:4]
	}
	words := &topicWords{s: s, members: members}
	surface := func(k string) string { return words.spell(k, false) }
	d := topicDraft{score: score, members: map[int]string{}, labels: map[string]string{}}
	for _, m := range members {
		st := pool[m]
		d.members[m] = st.side
		if _, ok := d.labels[st.side]; !ok {
			d.labels[st.side] = st.label
			d.sides = append(d.sides, st.side)
		}
	}
	if strings.HasPrefix(dim, "neg:") {
		pred, _, _ := strings.Cut(strings.TrimPrefix(dim, "neg:"), "/")
		k := surface(pred)
		d.labels["yes"], d.labels["not"] = k, "not "+k
		d.sides = []string{"yes", "not"}
	} else {
		// Largest side first, then by label, so the order is stable.
		count := map[string]int{}
		for _, s := range d.members {
			count[s]++
		}
		sort.SliceStable(d.sides, func(i, j int) bool {
			if count[d.sides[i]] != count[d.sides[j]] {
				return count[d.sides[i]] > count[d.sides[j]]
			}
			return d.sides[i] < d.sides[j]
		})
	}
	shown := make([]string, len(terms))
	for i, t := range terms {
		shown[i] = surface(t)
	}
	labels := make([]string, len(d.sides))
	for i, s := range d.sides {
		labels[i] = d.labels[s]
	}
	d.why = model.Why{Shared: shown, Opposing: strings.Join(labels, " vs ")}
	keyTerms := append([]string(nil), terms...)
	sort.Strings(keyTerms)
	if len(keyTerms) > 3 {
		keyTerms = keyTerms[:3]
	}
	prefix := dim
	if strings.HasPrefix(dim, "ref:") {
		prefix = "ref" // the index of a statement moves when documents change
	}
	d.id = prefix + "/" + strings.Join(keyTerms, "+")
	d.label = question(dim, pool, members, d.sides, d.labels, terms, termWeight, words)
	return d
}

// topicWords spells concepts as a topic's members do, reading each
// member's words again only when asked.
type topicWords struct {
	s                *statements
	members          []int
	surface, spelled []map[string]string
}

// spell returns how the topic's members spell concept k, lower case or
// (label) as a label shows it, or, for a word taken from context or the
// sentence before, the corpus's first spelling of it.
func (w *topicWords) spell(k string, label bool) string {
	for i, m := range w.members {
		if i == len(w.surface) {
			sf, sp := w.s.spellings(m)
			w.surface, w.spelled = append(w.surface, sf), append(w.spelled, sp)
		}
		spellings := w.surface[i]
		if label {
			spellings = w.spelled[i]
		}
		if v, ok := spellings[k]; ok {
			return v
		}
	}
	if id := w.s.id(k); id >= 0 {
		v := w.s.firstSurface[id]
		if label {
			v = w.s.firstSpelled[id]
		}
		if v != "" {
			return v
		}
	}
	return k
}

// dedupe drops a topic whose statements mostly belong to a stronger one:
// one disagreement often shows on several dimensions at once.
func dedupe(found []topicDraft) []topicDraft {
	var kept []topicDraft
	for _, t := range found {
		dup := false
		for _, k := range kept {
			common := 0
			for m := range t.members {
				if _, ok := k.members[m]; ok {
					common++
				}
			}
			small := len(t.members)
			if len(k.members) < small {
				small = len(k.members)
			}
			if float64(common) >= 0.6*float64(small) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, t)
		}
	}
	return kept
}

func build(kept []topicDraft, s *statements) *model.ClaimSet {
	cs := &model.ClaimSet{}
	used := map[string]int{}
	for _, d := range kept {
		if used[d.id]++; used[d.id] > 1 {
			d.id = fmt.Sprintf("%s#%d", d.id, used[d.id])
		}
		t := model.Topic{ID: d.id, Label: d.label, Score: math.Round(d.score*100) / 100, Why: d.why}
		members := make([]int, 0, len(d.members))
		for m := range d.members {
			members = append(members, m)
		}
		sort.Ints(members)
		for _, side := range d.sides {
			p := model.Position{Label: d.labels[side]}
			for _, m := range members {
				if d.members[m] != side {
					continue
				}
				cl := s.claim(m)
				cl.ID = len(cs.Claims)
				cl.Topic, cl.Position = d.id, p.Label
				cs.Claims = append(cs.Claims, cl)
				p.Claims = append(p.Claims, cl.ID)
			}
			t.Positions = append(t.Positions, p)
		}
		cs.Topics = append(cs.Topics, t)
	}
	return cs
}
