package claims

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/backchannel-news/backchannel/model"
)

// The finder keeps, per statement, only what comparing statements needs:
// where it is, who holds it, its concepts as small numbers with two flags,
// and its stances. Words, maps and spellings live only while its document
// is read, so a newsroom corpus of hundreds of thousands of statements
// costs a fraction of its own size; a topic's spellings are read again
// from its few members' text.

// Flags of a statement's concept entry, below the concept number.
const (
	ownConcept   = 1 // in the statement's own words, not borrowed context
	plainConcept = 2 // said outside any negation
	flagBits     = 2
)

// statement is one candidate once analysed, as a document's reading
// gives it and record returns it. Its document is not kept with it (see
// statements.docOf): statements come in corpus order.
type statement struct {
	start, end     int32
	holder         int32 // number in statements.holders
	speaker, quote int32
	kind           uint8 // a model.ClaimKind
}

// statements is the finder's compact view of every candidate of a corpus,
// in corpus order.
type statements struct {
	c *model.Corpus
	// holder is, per statement, the number in holders of who holds it.
	holder []int32
	// docStart[d] is the number of document d's first statement.
	docStart []int32
	// packedAt[i]:packedAt[i+1] are statement i's bytes in packed: its
	// kind (a byte: unifying holders reads it of every statement), how
	// many concept entries it has, the entries, then the rest of its
	// record (see pack), as varints. An entry is a concept
	// number shifted past flagBits; entries are in ascending order, each
	// written as its difference from the one before. Differences mostly
	// take a byte or two where an entry took four, and the entries and
	// records were most of what the finder kept.
	packedAt []int32
	packed   []byte
	df       []int32 // concept number -> how many statements have it
	plainDF  []int32 // concept number -> how many assert it plainly
	// The units (entries and statements) merged so far took packedBytes,
	// for reserving room for the rest.
	packedUnits, packedBytes int
	// merge's and hold's scratch
	sorted            []uint32
	aboutBuf          []byte
	global, holders32 []int32
	names             []string         // concept number -> concept
	ids               map[string]int32 // concept -> number
	// firstSurface and firstSpelled are, per concept, the first spelling
	// the corpus gives it, for a word a topic's members only borrowed.
	firstSurface, firstSpelled []string
	// stanceAt[j]:stanceAt[j+1] are stance j's bytes in stanceBytes,
	// a heldStance as varints (see putStance): mostly small numbers,
	// they take a third of its 44 bytes. Stances are in statement order.
	stanceAt    []int32
	stanceBytes []byte
	// ownSides are the side and label of each denial on its holder's
	// behalf, by stance, once holders are unified.
	ownSides map[int32][2]int32
	doers    []heldDoer // in statement, then concept order
	// subjects are the token ranges naming the holder of reported speech,
	// for the few statements that have one.
	subjects  map[int32][2]int32
	holders   numbering
	holderKey []string // model.HolderKey of each holder
	// strs are the stances' strings, numbered: "" is 0. yes and asserted
	// number the sides a pool gives the statements it adds.
	strs          numbering
	yes, asserted int32
}

// numbering numbers distinct strings in the order first seen: list[n] is
// the string numbered n.
type numbering struct {
	ids  map[string]int32
	list []string
}

// of returns the number of v, numbering it if it is new.
func (nb *numbering) of(v string) int32 {
	if n, ok := nb.ids[v]; ok {
		return n
	}
	n := int32(len(nb.list))
	nb.list = append(nb.list, v)
	nb.ids[v] = n
	return n
}

// heldStance is a stance as the finder keeps it (packed, see putStance):
// its strings numbered in statements.strs, so that it is small and holds
// no pointers for the collector to follow. about is its words joined,
// each after a NUL.
type heldStance struct {
	stmt                                                 int32
	dim, side, label, target, head, doer, of, about, cue int32
	axis                                                 int16 // the axis whose words cue it, or -1
	approx, byHolder                                     bool
}

// hold numbers the strings of st, a stance of statement i.
func (s *statements) hold(i int32, st stance) heldStance {
	h := heldStance{stmt: i, dim: s.strs.of(st.dim), side: s.strs.of(st.side), label: s.strs.of(st.label), target: s.strs.of(st.target),
		head: s.strs.of(st.head), doer: s.strs.of(st.doer), of: s.strs.of(st.of), axis: -1, cue: -1, approx: st.approx, byHolder: st.byHolder}
	about := s.aboutBuf[:0]
	for _, w := range st.about {
		about = append(about, 0)
		about = append(about, w...)
	}
	s.aboutBuf = about
	// Most about-strings are numbered already: looked up from the bytes,
	// they are not made into a string.
	if n, ok := s.strs.ids[string(about)]; ok {
		h.about = n
	} else {
		h.about = s.strs.of(string(about))
	}
	switch {
	case strings.HasPrefix(st.dim, "ax:"):
		h.axis = int16(slices.Index(axisDims, st.dim))
	case len(st.cue) == 1:
		h.cue = s.strs.of(st.cue[0])
	case len(st.cue) > 1:
		panic("claims: a stance off an axis has one cue word")
	}
	return h
}

// stanceCount is how many stances the statements take.
func (s *statements) stanceCount() int { return len(s.stanceAt) - 1 }

// Flags of a packed stance.
const (
	stanceApprox = 1 << iota
	stanceByHolder
)

// putStance appends h to s.stanceBytes.
func (s *statements) putStance(h heldStance) {
	b := s.stanceBytes
	for _, v := range [...]int32{h.stmt, h.dim, h.side, h.label, h.target, h.head, h.doer, h.of, h.about, h.cue + 1, int32(h.axis) + 1} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	var flags byte
	if h.approx {
		flags |= stanceApprox
	}
	if h.byHolder {
		flags |= stanceByHolder
	}
	s.stanceBytes = append(b, flags)
	s.stanceAt = append(s.stanceAt, int32(len(s.stanceBytes)))
}

// stance returns stance j.
func (s *statements) stance(j int) heldStance {
	b := s.stanceBytes[s.stanceAt[j]:s.stanceAt[j+1]]
	var v [11]int32
	for k := range v {
		x, n := binary.Uvarint(b)
		v[k], b = int32(x), b[n:]
	}
	h := heldStance{stmt: v[0], dim: v[1], side: v[2], label: v[3], target: v[4], head: v[5], doer: v[6], of: v[7], about: v[8],
		cue: v[9] - 1, axis: int16(v[10] - 1), approx: b[0]&stanceApprox != 0, byHolder: b[0]&stanceByHolder != 0}
	if own, ok := s.ownSides[int32(j)]; ok {
		h.side, h.label = own[0], own[1]
	}
	return h
}

// docStance is a stance of a document's statement i, before merging.
type docStance struct {
	stmt int32
	st   stance
}

type doerEntry struct {
	stmt, concept int32
	doer          string
}

// heldDoer is a doerEntry as the finder keeps it, its doer numbered in
// statements.strs.
type heldDoer struct{ stmt, concept, doer int32 }

// entries returns statement i's concept entries, in buf's storage.
func (s *statements) entries(i int, buf []uint32) []uint32 {
	buf = buf[:0]
	for e, it := s.entryIter(i); it.next(&e); {
		buf = append(buf, e)
	}
	return buf
}

// entryIter reads the entries of a statement in order.
type entryIter struct {
	b    []byte
	left uint64
}

func (s *statements) entryIter(i int) (uint32, entryIter) {
	b := s.packed[s.packedAt[i]+1 : s.packedAt[i+1]] // past the kind
	count, n := binary.Uvarint(b)
	return 0, entryIter{b[n:], count}
}

// next sets *e, the entry before, to the next one, and reports whether
// there was one.
func (it *entryIter) next(e *uint32) bool {
	if it.left == 0 {
		return false
	}
	it.left--
	if b := it.b[0]; b < 0x80 { // most differences take one byte
		*e += uint32(b)
		it.b = it.b[1:]
		return true
	}
	d, n := binary.Uvarint(it.b)
	*e += uint32(d)
	it.b = it.b[n:]
	return true
}

// pack appends statement st, with entries es in ascending order, to
// s.packed.
func (s *statements) pack(st statement, es []uint32) {
	s.packed = append(s.packed, st.kind)
	s.packed = binary.AppendUvarint(s.packed, uint64(len(es)))
	var prev uint32
	for _, e := range es {
		s.packed = binary.AppendUvarint(s.packed, uint64(e-prev))
		prev = e
	}
	s.packed = binary.AppendUvarint(s.packed, uint64(st.start))
	s.packed = binary.AppendUvarint(s.packed, uint64(st.end-st.start))
	s.packed = binary.AppendVarint(s.packed, int64(st.speaker)) // Unknown is -1
	s.packed = binary.AppendVarint(s.packed, int64(st.quote))
}

// kindOf returns the model.ClaimKind of statement i.
func (s *statements) kindOf(i int) model.ClaimKind { return model.ClaimKind(s.packed[s.packedAt[i]]) }

// record returns statement i.
func (s *statements) record(i int) statement {
	b := s.packed[s.packedAt[i]:s.packedAt[i+1]]
	kind := b[0]
	count, n := binary.Uvarint(b[1:])
	b = b[1+n:]
	// Past the entries: each uvarint ends with a byte under 0x80.
	for count > 0 {
		if b[0] < 0x80 {
			count--
		}
		b = b[1:]
	}
	start, n := binary.Uvarint(b)
	b = b[n:]
	length, n := binary.Uvarint(b)
	b = b[n:]
	speaker, n := binary.Varint(b)
	b = b[n:]
	quote, _ := binary.Varint(b)
	return statement{start: int32(start), end: int32(start + length), holder: s.holder[i],
		speaker: int32(speaker), quote: int32(quote), kind: kind}
}

// id returns the number of concept k, or -1 when no statement has it.
func (s *statements) id(k string) int32 {
	if n, ok := s.ids[k]; ok {
		return n
	}
	return -1
}

// doer returns who does the plainly asserted deed k in statement i,
// numbered in s.strs: 0 for no one.
func (s *statements) doer(i int, k int32) int32 {
	j, found := slices.BinarySearchFunc(s.doers, heldDoer{stmt: int32(i), concept: k}, func(a, b heldDoer) int {
		if a.stmt != b.stmt {
			return int(a.stmt) - int(b.stmt)
		}
		return int(a.concept) - int(b.concept)
	})
	if !found {
		return 0
	}
	return s.doers[j].doer
}

// claim returns statement i as the model shows it.
func (s *statements) claim(i int) model.Claim {
	st := s.record(i)
	doc := &s.c.Docs[s.docOf(i)]
	return model.Claim{
		Holder: s.holders.list[st.holder], Speaker: int(st.speaker), Text: doc.Text[st.start:st.end],
		Doc: doc.ID, Line: doc.LineAt(int(st.start)), Start: int(st.start), End: int(st.end),
		Kind: model.ClaimKind(st.kind), Quote: int(st.quote),
	}
}

// docOf returns the index in the corpus of statement i's document.
func (s *statements) docOf(i int) int {
	// The last document starting at or before i: documents without
	// statements start where the next one does.
	d, _ := slices.BinarySearch(s.docStart, int32(i)+1)
	return d - 1
}

// holderOf returns the holder of statement i.
func (s *statements) holderOf(i int) string { return s.holders.list[s.holder[i]] }

// spellings returns how statement i spells each of its own concepts, as
// analyse reads them: the lower-case word and the word as a label shows
// it, from the first word that has the concept.
func (s *statements) spellings(i int) (surface, spelled map[string]string) {
	st := s.record(i)
	text := s.c.Docs[s.docOf(i)].Text
	toks := tokenize(text, span{int(st.start), int(st.end)})
	subj, hasSubj := s.subjects[int32(i)]
	surface, spelled = map[string]string{}, map[string]string{}
	for j, t := range toks {
		if hasSubj && int32(j) >= subj[0] && int32(j) < subj[1] {
			continue
		}
		if c := concept(toks, j); c != "" {
			if _, ok := surface[c]; !ok {
				surface[c] = t.lower
				spelled[c] = spelling(t)
			}
		}
	}
	return surface, spelled
}

// docStatements is what reading one document gives, numbered within it.
type docStatements struct {
	stmts   []statement // holder indexes holders below
	holders []string
	// conceptAt and concepts as in statements, numbered by names below.
	conceptAt []int32
	concepts  []uint32
	names     []string
	surface   []string // per local concept, its first spelling in the document
	spelled   []string
	stances   []docStance
	doers     []doerEntry
	subjects  [][3]int32 // statement, first and end token
}

// reset empties ds, keeping its storage.
func (ds *docStatements) reset() {
	ds.stmts, ds.holders = ds.stmts[:0], ds.holders[:0]
	ds.conceptAt, ds.concepts, ds.names = ds.conceptAt[:0], ds.concepts[:0], ds.names[:0]
	ds.surface, ds.spelled = ds.surface[:0], ds.spelled[:0]
	ds.stances, ds.doers, ds.subjects = ds.stances[:0], ds.doers[:0], ds.subjects[:0]
}

// docReader is one core's reusable tables for reading documents.
type docReader struct {
	ids, holders map[string]int32
	// Per local concept, while one statement is read: its flags with
	// inStatement, and the doer of its deed.
	flags   []uint32
	doers   []string
	touched []int32
	words   tokenArena
	// scratch and cands are reused from one statement, and one
	// document, to the next.
	scratch analyseScratch
	cands   []candidate
}

func newDocReader() *docReader {
	return &docReader{ids: map[string]int32{}, holders: map[string]int32{}}
}

// readDoc finds and analyses the statements of document d into out,
// reusing out's storage: a batch's slots are read into again and again,
// and what a document gives was most of what gather allocated.
func (r *docReader) readDoc(idx *corpusIndex, d int, out *docStatements) {
	r.words.reset()
	cands := docCandidates(idx, d, &r.words, r.cands)
	defer func() { r.cands = cands[:0] }()
	out.reset()
	clear(r.ids)
	clear(r.holders)
	ids, holders := r.ids, r.holders
	const inStatement = 1 << flagBits
	flags, doers, touched := r.flags[:0], r.doers[:0], r.touched[:0]
	defer func() { r.flags, r.doers, r.touched = flags, doers, touched }()
	local := func(k string) int32 {
		if n, ok := ids[k]; ok {
			return n
		}
		n := int32(len(out.names))
		ids[k] = n
		out.names = append(out.names, k)
		out.surface = append(out.surface, "")
		out.spelled = append(out.spelled, "")
		flags = append(flags, 0)
		doers = append(doers, "")
		return n
	}
	add := func(k string, f uint32) int32 {
		n := local(k)
		if flags[n] == 0 {
			touched = append(touched, n)
		}
		flags[n] |= f | inStatement
		return n
	}
	out.conceptAt = append(out.conceptAt, 0)
	for i := range cands {
		cd := &cands[i]
		a := analyse(cd, &r.scratch)
		h, ok := holders[cd.claim.Holder]
		if !ok {
			h = int32(len(out.holders))
			holders[cd.claim.Holder] = h
			out.holders = append(out.holders, cd.claim.Holder)
		}
		out.stmts = append(out.stmts, statement{
			start: int32(cd.claim.Start), end: int32(cd.claim.End), holder: h,
			speaker: int32(cd.claim.Speaker), quote: int32(cd.claim.Quote), kind: uint8(cd.claim.Kind),
		})
		for _, w := range a.words {
			f := uint32(ownConcept)
			if w.plain {
				f |= plainConcept
			}
			n := add(w.concept, f)
			if w.doer != "" {
				doers[n] = w.doer // the last word with the deed tells its doer
			}
			// The document's first spelling of each concept: the first
			// word with it in the first statement that has it.
			if out.surface[n] == "" {
				out.surface[n], out.spelled[n] = w.surface, w.spelled
			}
		}
		for _, k := range cd.inherited {
			add(k, plainConcept)
		}
		for _, k := range cd.context {
			add(k, 0)
		}
		for _, n := range touched {
			out.concepts = append(out.concepts, uint32(n)<<flagBits|flags[n]&(1<<flagBits-1))
			if doers[n] != "" {
				out.doers = append(out.doers, doerEntry{stmt: int32(i), concept: n, doer: doers[n]})
			}
			flags[n], doers[n] = 0, ""
		}
		touched = touched[:0]
		out.conceptAt = append(out.conceptAt, int32(len(out.concepts)))
		for _, st := range a.stances {
			out.stances = append(out.stances, docStance{stmt: int32(i), st: st})
		}
		if sa, sb, ok := subjectRange(cd.subject); ok {
			out.subjects = append(out.subjects, [3]int32{int32(i), sa, sb})
		}
	}
}

// subjectRange returns the run of tokens a subject marks, if any.
func subjectRange(subject tokenRun) (int32, int32, bool) {
	if subject.from >= subject.to {
		return 0, 0, false
	}
	return int32(subject.from), int32(subject.to), true
}

// gather reads every document of c, on every core, and merges what each
// gives in corpus order, so the result does not depend on scheduling.
func gather(c *model.Corpus) *statements {
	idx := newCorpusIndex(c)
	s := &statements{c: c, ids: map[string]int32{}, holders: numbering{ids: map[string]int32{}}, strs: numbering{ids: map[string]int32{}},
		subjects: map[int32][2]int32{}, packedAt: []int32{0}, stanceAt: []int32{0}, ownSides: map[int32][2]int32{}, docStart: make([]int32, 0, len(c.Docs))}
	s.strs.of("") // numbered 0, so that a number says whether a string is empty
	workers := runtime.GOMAXPROCS(0)
	// Documents are read a batch at a time so that only a batch's words
	// and maps are alive at once.
	batch := 32 * workers
	results := make([]docStatements, batch)
	readers := make([]*docReader, workers)
	for w := range readers {
		readers[w] = newDocReader()
	}
	for from := 0; from < len(c.Docs); from += batch {
		to := min(from+batch, len(c.Docs))
		var wg sync.WaitGroup
		next := make(chan int, to-from)
		for d := from; d < to; d++ {
			next <- d
		}
		close(next)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := readers[w]
				for d := range next {
					r.readDoc(idx, d, &results[d-from])
				}
			}()
		}
		wg.Wait()
		s.reserve(results[:to-from], to, len(c.Docs))
		for i := range to - from {
			s.merge(&results[i])
		}
	}
	s.unifyHolders()
	s.holderKey = make([]string, len(s.holders.list))
	for i, h := range s.holders.list {
		s.holderKey[i] = model.HolderKey(h)
	}
	s.yes, s.asserted = s.strs.of("yes"), s.strs.of("asserted")
	s.sorted, s.aboutBuf, s.global, s.holders32 = nil, nil, nil, nil
	s.strs.ids = nil
	return s
}

// reserve makes room in the corpus-wide tables for a batch of documents
// read, the first done of total. When a table must grow it grows to what
// the whole corpus will likely need, projected from the documents so far:
// grown step by step, the largest tables were copied a dozen times over.
func (s *statements) reserve(batch []docStatements, done, total int) {
	var stmts, concepts, stances int
	for i := range batch {
		stmts += len(batch[i].stmts)
		concepts += len(batch[i].concepts)
		stances += len(batch[i].stances)
	}
	// The batch's entries and statements will take about as many bytes
	// each as those before; the first batch's, one an entry and ten a
	// statement.
	packed := concepts + 10*stmts
	if s.packedUnits > 0 {
		packed = int(float64(s.packedBytes) / float64(s.packedUnits) * float64(concepts+stmts))
	}
	s.holder = growProjected(s.holder, stmts, done, total)
	s.packedAt = growProjected(s.packedAt, stmts, done, total)
	s.packed = growProjected(s.packed, packed+1, done, total)
	s.stanceAt = growProjected(s.stanceAt, stances, done, total)
	// About 15 bytes a stance; more are made room for as they come.
	s.stanceBytes = growProjected(s.stanceBytes, 16*stances, done, total)
}

// growProjected returns buf with room for n more, and when it must
// reallocate, room for its length then scaled from done documents to
// total, and an eighth more: documents differ, and a projection a little
// short had the largest tables copied again and again as the last
// documents came.
func growProjected[T any](buf []T, n, done, total int) []T {
	need := len(buf) + n
	if need <= cap(buf) {
		return buf
	}
	projected := need
	if done > 0 && done < total {
		projected = int(int64(need) * int64(total) / int64(done))
		projected += projected / 8
	}
	return slices.Grow(buf, projected-len(buf))
}

// merge appends one document's statements, numbering its concepts and
// statements corpus-wide.
func (s *statements) merge(ds *docStatements) {
	base := int32(len(s.holder))
	s.docStart = append(s.docStart, base)
	global := reuse(s.global, len(ds.names))
	s.global = global
	for n, k := range ds.names {
		g, ok := s.ids[k]
		if !ok {
			g = int32(len(s.names))
			s.ids[k] = g
			s.names = append(s.names, k)
			s.firstSurface = append(s.firstSurface, "")
			s.firstSpelled = append(s.firstSpelled, "")
			s.df = append(s.df, 0)
			s.plainDF = append(s.plainDF, 0)
		}
		global[n] = g
		if s.firstSurface[g] == "" && ds.surface[n] != "" {
			s.firstSurface[g], s.firstSpelled[g] = ds.surface[n], ds.spelled[n]
		}
	}
	holders := reuse(s.holders32, len(ds.holders))
	s.holders32 = holders
	for n, h := range ds.holders {
		holders[n] = s.holders.of(h)
	}
	for i, st := range ds.stmts {
		s.holder = append(s.holder, holders[st.holder])
		es := s.sorted[:0]
		for _, e := range ds.concepts[ds.conceptAt[i]:ds.conceptAt[i+1]] {
			g := global[e>>flagBits]
			es = append(es, uint32(g)<<flagBits|e&(1<<flagBits-1))
			s.df[g]++
			if e&plainConcept != 0 {
				s.plainDF[g]++
			}
		}
		slices.Sort(es)
		from := len(s.packed)
		s.pack(st, es)
		s.packedUnits, s.packedBytes = s.packedUnits+len(es)+1, s.packedBytes+len(s.packed)-from
		s.sorted = es
		s.packedAt = append(s.packedAt, int32(len(s.packed)))
	}
	from := len(s.doers)
	for _, d := range ds.doers {
		s.doers = append(s.doers, heldDoer{stmt: base + d.stmt, concept: global[d.concept], doer: s.strs.of(d.doer)})
	}
	slices.SortFunc(s.doers[from:], func(a, b heldDoer) int {
		if a.stmt != b.stmt {
			return int(a.stmt) - int(b.stmt)
		}
		return int(a.concept) - int(b.concept)
	})
	for _, h := range ds.stances {
		st := h.st
		if st.ref > 0 {
			// A rebuttal names the statement rebutted by its corpus index.
			st.ref += int(base)
			st.dim = fmt.Sprintf("ref:%d", st.ref-1)
		}
		s.putStance(s.hold(base+h.stmt, st))
	}
	for _, sj := range ds.subjects {
		s.subjects[base+sj[0]] = [2]int32{sj[1], sj[2]}
	}
}

// unifyHolders gives holders that are not speakers one spelling across
// documents: "Holm" becomes "Greta Holm" when that is the only
// fuller name ending in it. A denial on the holder's own behalf ("not
// us") then names the holder as spelled.
func (s *statements) unifyHolders() {
	unify(len(s.holder), func(i int) (string, model.ClaimKind) { return s.holderOf(i), s.kindOf(i) },
		func(i int, full string) { s.holder[i] = s.holders.of(full) })
	for j := range s.stanceCount() {
		if h := s.stance(j); h.byHolder {
			who := s.holderOf(int(h.stmt))
			s.ownSides[int32(j)] = [2]int32{s.strs.of("not " + strings.ToLower(who)), s.strs.of("not by " + who)}
		}
	}
}
