// Package search is fuzzy search over a corpus's documents, speakers and
// quotes at once.
//
// It finds exactly the matches github.com/sahilm/fuzzy finds, with the same
// scores, but ranks them as a reader expects: a text holding the query as
// written (case aside) comes before one where its letters are scattered,
// and one where it starts a word before one where it sits inside a word;
// sahilm/fuzzy's score orders each of those tiers. A text holding the query
// as written highlights that occurrence; the others highlight sahilm/fuzzy's
// positions.
//
// It is fast enough to search a million quotes on every keystroke: texts
// are read where the corpus holds them, comparing ASCII letters whatever
// their case (the few texts with other letters that fold are folded once),
// a per-text character mask rejects most texts without reading them, the matcher jumps between
// occurrences with bytes.Index instead of decoding every rune, a long
// query runs through a branch-free automaton two texts at a time, a text
// that cannot reach the tier of the worst hit kept is counted without
// being scored, only the top results are kept and sorted, partitions run
// on every core, and a Searcher narrows its previous result set when the
// query grows.
package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"maps"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/sahilm/fuzzy"

	"github.com/backchannel-news/backchannel/model"
)

// Kind is what a hit points at.
type Kind int

const (
	Doc Kind = iota
	Speaker
	Quote
)

func (k Kind) String() string {
	switch k {
	case Doc:
		return "document"
	case Speaker:
		return "speaker"
	}
	return "quote"
}

// Hit is one match. Matched holds byte offsets into Text of the matched
// characters, for highlighting.
type Hit struct {
	Kind    Kind
	ID      int // document, speaker or quote ID
	Text    string
	Tier    Tier
	Score   int // sahilm/fuzzy's score, which orders hits of one tier
	Matched []int
}

// Tier is how closely a text holds the query; a higher tier ranks first
// whatever the scores.
type Tier int8

const (
	// Scattered: the query's characters are there in order, apart.
	Scattered Tier = iota
	// InWord: the query is there as written, but only inside words.
	InWord
	// WordStart: the query is there as written, starting a word.
	WordStart
)

// Result is one search: the best hits, best first, and how many texts
// matched in all.
type Result struct {
	Hits  []Hit
	Total int
}

// Index holds the searchable strings of one corpus. It is read-only after
// NewIndex and safe for concurrent use by any number of sessions.
//
// It keeps 32 bytes and 3 bits per text, and a folded copy of the few
// texts that need one: the texts themselves stay where the corpus holds
// them.
type Index struct {
	// text returns text i as the corpus holds it, for the hits shown.
	text func(i int) string
	// texts are the texts up to any NUL: sahilm/fuzzy reads no further.
	// Matching reads their bytes in place (see f), comparing ASCII
	// letters whatever their case.
	texts []string
	// Texts [0, docs) are document titles, [docs, docs+speakers) speaker
	// names, the rest quotes; the ID of each is its position in its
	// range, as model.New numbers them.
	docs, speakers int
	// copied has a bit for each text with a rune other than an ASCII
	// letter that case folding changes (é folds to É); in every other
	// text such a rune is its own representative, and matching compares
	// its bytes as they are. Those texts are case-folded (each rune
	// replaced by one representative of its case-folding orbit of the
	// same byte length) into folded, the n-th of them at
	// folded[foldedAt[n]:foldedAt[n+1]]; ranks[w] counts the copied texts
	// before word w of copied.
	copied   []uint64
	ranks    []uint32
	folded   []byte
	foldedAt []uint32
	// masks has a bit for each kind of byte text i holds; a query whose
	// bits are not all there cannot match, and the text is not read.
	masks []uint64
	// starts has the bit of the first byte of every word of text i: a
	// query whose first byte's is missing cannot start a word there, and
	// the text is not read to find out.
	starts []uint64
	// odd has a bit for each text whose folding changes byte length (the
	// Kelvin sign folds to k) or that holds invalid UTF-8; sahilm/fuzzy
	// itself matches those, they are rare.
	odd []uint64
	// camel has a bit for each text where a lower-case letter comes right
	// before an upper-case one, the only texts whose score needs their
	// case.
	camel []uint64
}

// NewIndex prepares the corpus for search.
func NewIndex(c *model.Corpus) *Index {
	docs, speakers := len(c.Docs), len(c.Speakers)
	text := func(i int) string {
		switch {
		case i < docs:
			return c.Docs[i].Title
		case i < docs+speakers:
			return c.Speakers[i-docs].Name
		}
		return c.Quotes[i-docs-speakers].Text
	}
	return newIndex(docs, speakers, len(c.Docs)+len(c.Speakers)+len(c.Quotes), text)
}

// newIndex indexes n texts, the first docs of them document titles, the
// next speakers speaker names.
func newIndex(docs, speakers, n int, text func(i int) string) *Index {
	words := (n + 63) / 64
	ix := &Index{text: text, docs: docs, speakers: speakers, texts: make([]string, n), copied: make([]uint64, words), ranks: make([]uint32, words),
		masks: make([]uint64, n), starts: make([]uint64, n), odd: make([]uint64, words), camel: make([]uint64, words)}
	var (
		mu     sync.Mutex
		copies = map[int][]byte{}
	)
	parallel(n, func(lo, hi int) {
		mine := map[int][]byte{}
		for i := lo; i < hi; i++ {
			t := text(i)
			// sahilm/fuzzy stops reading a text at its first NUL.
			if z := indexNUL(t); z >= 0 {
				t = t[:z]
			}
			ix.texts[i] = t
			if f := ix.fold(i); f != nil {
				mine[i] = f
			}
		}
		mu.Lock()
		maps.Copy(copies, mine)
		mu.Unlock()
	})
	ix.foldedAt = make([]uint32, 0, len(copies)+1)
	for w, word := range ix.copied {
		ix.ranks[w] = uint32(len(ix.foldedAt))
		for ; word != 0; word &= word - 1 {
			ix.foldedAt = append(ix.foldedAt, uint32(len(ix.folded)))
			ix.folded = append(ix.folded, copies[w*64+bits.TrailingZeros64(word)]...)
		}
	}
	ix.foldedAt = append(ix.foldedAt, uint32(len(ix.folded)))
	return ix
}

// locate is what text i is, and its ID among the documents, speakers or
// quotes.
func (ix *Index) locate(i int) (Kind, int) {
	switch {
	case i < ix.docs:
		return Doc, i
	case i < ix.docs+ix.speakers:
		return Speaker, i - ix.docs
	}
	return Quote, i - ix.docs - ix.speakers
}

func (ix *Index) isOdd(i int) bool { return ix.odd[i/64]&(1<<(i%64)) != 0 }

// f is the bytes matching reads of text i: the text itself, or its folded
// copy. The text's bytes are read in place, never written: copying a
// million quotes to read them as a byte slice would double what the index
// costs.
func (ix *Index) f(i int) []byte {
	if word := ix.copied[i/64]; word&(1<<(i%64)) != 0 {
		n := ix.ranks[i/64] + uint32(bits.OnesCount64(word&(1<<(i%64)-1)))
		return ix.folded[ix.foldedAt[n]:ix.foldedAt[n+1]]
	}
	s := ix.texts[i]
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// original is text i as the corpus holds it, up to any NUL.
func (ix *Index) original(i int) string { return ix.texts[i] }

func indexNUL(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return i
		}
	}
	return -1
}

// fold sets text i's masks and its odd and camel bits, and returns its
// folded copy when it needs one.
func (ix *Index) fold(i int) []byte {
	s := ix.texts[i]
	var mask, starts uint64
	inWord := false    // the previous rune is a letter or digit
	prevLower := false // the previous rune is lower case
	copied := false    // a rune other than an ASCII letter folds to another
	for j := 0; j < len(s); {
		b := s[j]
		if b < utf8.RuneSelf {
			if prevLower && 'A' <= b && b <= 'Z' {
				ix.camel[i/64] |= 1 << (i % 64)
			}
			prevLower = 'a' <= b && b <= 'z'
			b = lower[b]
			mask |= maskBit(b)
			if !inWord {
				starts |= maskBit(b)
			}
			inWord = 'a' <= b && b <= 'z' || '0' <= b && b <= '9'
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		f := foldRune(r)
		if (r == utf8.RuneError && size == 1) || utf8.RuneLen(f) != size {
			ix.odd[i/64] |= 1 << (i % 64)
			ix.masks[i], ix.starts[i] = ^uint64(0), ^uint64(0)
			return nil
		}
		if prevLower && unicode.IsUpper(r) {
			ix.camel[i/64] |= 1 << (i % 64)
		}
		prevLower = unicode.IsLower(r)
		var enc [utf8.UTFMax]byte
		utf8.EncodeRune(enc[:], f)
		for _, fb := range enc[:size] {
			mask |= maskBit(fb)
		}
		if !inWord {
			starts |= maskBit(enc[0])
		}
		copied = copied || f != r
		inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		j += size
	}
	ix.masks[i], ix.starts[i] = mask, starts
	if !copied {
		return nil
	}
	ix.copied[i/64] |= 1 << (i % 64)
	dst := make([]byte, 0, len(s))
	for _, r := range s {
		dst = utf8.AppendRune(dst, foldRune(r))
	}
	return dst
}

// lower lowers ASCII letters and leaves every other byte as it is: text
// bytes compared through it match a folded query byte.
var lower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i + 'a' - 'A')
		}
	}
	return t
}()

// foldRune returns one fixed member of r's simple case-folding orbit, the
// relation sahilm/fuzzy compares runes by: two runes are equal under it
// exactly when foldRune gives the same rune. ASCII letters fold to lower
// case.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(lower[r])
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return rune(lower[f])
		}
		least = min(least, f)
	}
	return least
}

// maskBit gives letters and digits a bit each and shares the rest.
func maskBit(b byte) uint64 {
	switch {
	case 'a' <= b && b <= 'z':
		return 1 << (b - 'a')
	case '0' <= b && b <= '9':
		return 1 << (26 + b - '0')
	}
	return 1 << (36 + b%28)
}

// pattern is a query prepared for matching.
type pattern struct {
	query string
	enc   [][]byte // each query rune folded and UTF-8 encoded
	key   string   // the folded query, to compare queries
	// folded is key as bytes, to find it as written in a text.
	folded []byte
	mask   uint64
	// ascii holds the folded query when every rune of it folds to one
	// byte, the usual case, which chain handles without calls.
	ascii []byte
	// table is set for an ascii query of minTable to 63 bytes: bit k of
	// table[b] is set when byte k of the query is b. See subsequences.
	table *[256]uint64
	// exact is set for a query of one ascii letter or digit: a text
	// holds it exactly when its mask has the bit.
	exact bool
}

// minTable is the query length from which the automaton decides faster
// than the chain: the chain stops at every query byte it finds, the
// automaton reads every byte of the text at the same pace.
const minTable = 5

func compile(query string) pattern {
	p := pattern{query: query}
	var key []byte
	for _, r := range query {
		e := utf8.AppendRune(nil, foldRune(r))
		p.enc = append(p.enc, e)
		key = append(key, e...)
		for _, b := range e {
			p.mask |= maskBit(b)
		}
	}
	p.key, p.folded = string(key), key
	if len(key) == len(p.enc) {
		p.ascii = key
		if m := len(key); m >= minTable && m <= 63 {
			p.table = new([256]uint64)
			for k, b := range key {
				p.table[b] |= 1 << k
				if 'a' <= b && b <= 'z' {
					p.table[b-'a'+'A'] |= 1 << k
				}
			}
		}
		if c := key[0]; len(key) == 1 && ('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			p.exact = true
		}
	}
	return p
}

// prefixOf reports whether q is p with runes added at the end.
func (p *pattern) prefixOf(q *pattern) bool {
	if len(p.enc) > len(q.enc) {
		return false
	}
	for k, e := range p.enc {
		if !bytes.Equal(e, q.enc[k]) {
			return false
		}
	}
	return true
}

// within reports whether every rune of p occurs in q in order, in which
// case every text matching q also matches p.
func (p *pattern) within(q *pattern) bool {
	j := 0
	for _, e := range q.enc {
		if j < len(p.enc) && bytes.Equal(e, p.enc[j]) {
			j++
		}
	}
	return j == len(p.enc)
}

// Scoring constants of sahilm/fuzzy.
const (
	firstCharBonus       = 10
	separatorBonus       = 20
	camelCaseBonus       = 20
	adjacentBonus        = 5
	leadingPenalty       = -5
	maxLeadingPenalty    = -15
	bestNonAdjacentScore = separatorBonus // camel case and separator exclude each other
)

// unbounded marks a chain whose possible adjacency bonus is too large to
// be worth bounding; such a text is always scored.
const unbounded = math.MaxInt32

// chain finds whether text i matches p, resuming after the first from
// runes of p, whose chain ended at byte end with possible adjacency adj
// (from 0: a fresh start). at[k] receives where query rune k first occurs
// after rune k-1's first occurrence: sahilm/fuzzy reads the text rune by
// rune and commits to query rune k just before that first occurrence of
// rune k+1, so at[k] also bounds the occurrences rune k may take. It
// returns the new end, and adj grown by the adjacency bonus every rune
// would get if it were matched right after the previous one, wherever that
// is possible: only right before the first occurrence.
func (ix *Index) chain(i int, p *pattern, at []int, from int, end uint32, adj int32) (uint32, int32, bool) {
	if p.mask&^ix.masks[i] != 0 {
		return 0, 0, false
	}
	if ix.isOdd(i) {
		ms := fuzzy.Find(p.query, []string{ix.text(i)})
		return 0, unbounded, len(ms) > 0
	}
	f := ix.f(i)
	if p.ascii != nil {
		return chainASCII(f, p.ascii, at, from, end, adj)
	}
	start := int(end)
	for k := from; k < len(p.enc); k++ {
		g := index(f[start:], p.enc[k])
		if g < 0 {
			return 0, 0, false
		}
		at[k] = start + g
		start = at[k] + len(p.enc[k])
		if k > 0 && adj != unbounded {
			if prev := p.enc[k-1]; at[k] >= len(prev) && equalFold(f[at[k]-len(prev):at[k]], prev) {
				if next := int64(adj)*3 + adjacentBonus; next < unbounded {
					adj = int32(next)
				} else {
					adj = unbounded
				}
			}
		}
	}
	return uint32(start), adj, true
}

// chainASCII is chain for a query of one-byte runes, with the byte search
// inlined: it is where a search over a million texts spends its time.
func chainASCII(f, q []byte, at []int, from int, end uint32, adj int32) (uint32, int32, bool) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	j := int(end)
	for k := from; k < len(q); k++ {
		c, up := q[k], caseBit(q[k])
		spread, ups := uint64(c)*ones, uint64(up)*ones
	search:
		for {
			switch {
			case j+8 <= len(f):
				v := (binary.LittleEndian.Uint64(f[j:]) | ups) ^ spread
				// The lowest byte flagged is the first byte equal to c.
				if t := (v - ones) &^ v & highs; t != 0 {
					j += bits.TrailingZeros64(t) / 8
					break search
				}
				j += 8
			case j < len(f):
				if f[j]|up == c {
					break search
				}
				j++
			default:
				return 0, 0, false
			}
		}
		at[k] = j
		if k > 0 && adj != unbounded && j > 0 && lower[f[j-1]] == q[k-1] {
			if next := int64(adj)*3 + adjacentBonus; next < unbounded {
				adj = int32(next)
			} else {
				adj = unbounded
			}
		}
		j++
	}
	return uint32(j), adj, true
}

// subsequences sets found[k] when the text of candidate cands[k] holds
// the query's bytes in order, for a query with a table. Each text runs
// through an automaton whose state is a one-bit word, the bit of the next
// query byte to find: a byte that is that one moves it up, s += s&table[b],
// two instructions in a chain per byte and no branch. Two texts run side
// by side, so the processor overlaps their chains.
func (ix *Index) subsequences(p *pattern, cands []int32, entry func(int) int32, found []bool) {
	goal := uint64(1) << len(p.ascii)
	pending := -1 // a candidate waiting for a second
	for k, c := range cands {
		e := int(entry(int(c)))
		if ix.isOdd(e) {
			_, _, found[k] = ix.chain(e, p, nil, 0, 0, 0)
			continue
		}
		if pending < 0 {
			pending = k
			continue
		}
		s, t := automaton2(ix.f(int(entry(int(cands[pending])))), ix.f(e), p.table)
		found[pending], found[k] = s == goal, t == goal
		pending = -1
	}
	if pending >= 0 {
		s, _ := automaton2(ix.f(int(entry(int(cands[pending])))), nil, p.table)
		found[pending] = s == goal
	}
}

// automaton2 runs f and g through the automaton of subsequences, from the
// start state, and returns their end states.
func automaton2(f, g []byte, table *[256]uint64) (uint64, uint64) {
	tab := table[:] // checked for nil once, not on every byte
	s, t := uint64(1), uint64(1)
	n := min(len(f), len(g))
	f2, g2 := f[:n], g[:n]
	for j := range f2 {
		s += s & tab[f2[j]]
		t += t & tab[g2[j]]
	}
	for _, b := range f[n:] {
		s += s & tab[b]
	}
	for _, b := range g[n:] {
		t += t & tab[b]
	}
	return s, t
}

// below reports whether text i, which matches p, certainly holds it less
// closely than tier, which is InWord or WordStart.
func (ix *Index) below(i int, p *pattern, tier Tier) bool {
	if ix.isOdd(i) {
		return false
	}
	if tier == WordStart {
		if maskBit(p.folded[0])&ix.starts[i] == 0 {
			return true
		}
		t, _ := ix.occurrence(i, p, 0)
		return t < WordStart
	}
	return index(ix.f(i), p.folded) < 0
}

// bound is the most text i can score with a chain of possible adjacency
// adj whose first rune is at byte first or later (0 if not known): every
// rune at its best non-adjacent score, plus adj, less the unmatched
// characters. The first rune has no adjacency, and where it could score
// most its leading penalty cuts in: at byte 0 it scores 10, after that 20
// less 5 per byte before it, down to -15.
func (ix *Index) bound(i int, p *pattern, adj int32, first int) int {
	if adj == unbounded {
		return math.MaxInt
	}
	m := len(p.enc)
	lead := bestNonAdjacentScore + max(leadingPenalty*max(first, 1), maxLeadingPenalty)
	return lead + (m-1)*bestNonAdjacentScore + int(adj) + m - len(ix.texts[i])
}

// score scores text i, which matches p, as sahilm/fuzzy does. at needs room
// for one offset per query rune and receives the matched byte offsets; when
// chained is set it already holds the chain from a fresh chain call.
func (ix *Index) score(i int, p *pattern, at []int, chained bool) int {
	if ix.isOdd(i) {
		ms := fuzzy.Find(p.query, []string{ix.text(i)})
		copy(at, ms[0].MatchedIndexes)
		return ms[0].Score
	}
	if !chained {
		ix.chain(i, p, at, 0, 0, 0)
	}
	f := ix.f(i)
	m := len(p.enc)
	// Only the camel-case bonus needs the text's own case; most texts
	// have no lower-case letter before an upper-case one, and are scored
	// from the bytes the chain has just read, which may be a folded copy.
	camel := ix.camel[i/64]&(1<<(i%64)) != 0
	var s string
	if camel {
		s = ix.original(i)
	}
	total, adjacent, lastMatch := 0, 0, -1
	for k := 0; k < m; k++ {
		pk := p.enc[k]
		end := len(f)
		if k < m-1 {
			end = at[k+1]
		}
		best, bestAt := -1, -1
		for j := at[k]; ; {
			sc := 0
			prev, prevSize := rune(0), 0
			switch {
			case j == 0:
				sc += firstCharBonus
			case camel && s[j-1] < utf8.RuneSelf:
				prev, prevSize = rune(s[j-1]), 1
			case camel:
				prev, prevSize = utf8.DecodeLastRuneInString(s[:j])
			case f[j-1] < utf8.RuneSelf:
				prev, prevSize = rune(f[j-1]), 1
			default:
				prev, prevSize = utf8.DecodeLastRune(f[:j])
			}
			if camel {
				cand := rune(s[j])
				if cand >= utf8.RuneSelf {
					cand, _ = utf8.DecodeRuneInString(s[j:])
				}
				if isLower(prev) && isUpper(cand) {
					sc += camelCaseBonus
				}
			}
			if j != 0 && isSeparator(prev) {
				sc += separatorBonus
			}
			// sahilm/fuzzy grows the adjacency bonus with every adjacent
			// match, chosen or not; only the first occurrence can be one.
			if k > 0 && j-prevSize == lastMatch {
				bonus := adjacent*2 + adjacentBonus
				sc += bonus
				adjacent += bonus
			}
			if sc > best {
				best, bestAt = sc, j
			}
			// Later occurrences are never adjacent, so none can beat this.
			if best >= bestNonAdjacentScore {
				break
			}
			next := index(f[j+len(pk):end], pk)
			if next < 0 {
				break
			}
			j += len(pk) + next
		}
		if k == 0 {
			best += max(bestAt*leadingPenalty, maxLeadingPenalty)
		}
		total += best
		lastMatch = bestAt
		at[k] = bestAt
	}
	return total + m - len(f)
}

// tier finds how closely text i, which matches p, holds it. A search asks
// this of every text that might make the top, so it starts at from, where
// the first occurrence of p as written is if the chain was unbroken, and
// before which there is none; and it reads the text for a word start only
// when some word there starts with the query's first byte.
func (ix *Index) tier(i int, p *pattern, from int) Tier {
	if ix.isOdd(i) {
		t, _ := oddTier(ix.original(i), p)
		return t
	}
	f := ix.f(i)
	if from+len(p.folded) > len(f) {
		return Scattered
	}
	if !equalFold(f[from:from+len(p.folded)], p.folded) {
		j := index(f[from+1:], p.folded)
		if j < 0 {
			return Scattered
		}
		from += 1 + j
	}
	if maskBit(p.folded[0])&ix.starts[i] == 0 {
		return InWord
	}
	t, _ := ix.occurrence(i, p, from)
	return t
}

// occurrence finds how closely text i holds p, and where: the byte offset
// of the first occurrence of p as written from byte from on that starts a
// word, else of the first one.
func (ix *Index) occurrence(i int, p *pattern, from int) (Tier, int) {
	s := ix.original(i)
	if ix.isOdd(i) {
		return oddTier(s, p)
	}
	f := ix.f(i)
	first := -1
	for {
		j := index(f[from:], p.folded)
		if j < 0 {
			break
		}
		j += from
		if startsWord(s, j) {
			return WordStart, j
		}
		if first < 0 {
			first = j
		}
		from = j + len(p.enc[0])
	}
	if first < 0 {
		return Scattered, -1
	}
	return InWord, first
}

// oddTier is tier for a text whose folding changes byte lengths or that
// holds invalid UTF-8: it compares folded runes, not bytes.
func oddTier(s string, p *pattern) (Tier, int) {
	q := make([]rune, len(p.enc))
	for k, e := range p.enc {
		q[k], _ = utf8.DecodeRune(e)
	}
	first := -1
	for j := range s {
		if !holdsAt(s[j:], q) {
			continue
		}
		if startsWord(s, j) {
			return WordStart, j
		}
		if first < 0 {
			first = j
		}
	}
	if first < 0 {
		return Scattered, -1
	}
	return InWord, first
}

// holdsAt reports whether s starts with the folded runes q.
func holdsAt(s string, q []rune) bool {
	for _, r := range q {
		c, size := utf8.DecodeRuneInString(s)
		if size == 0 || foldRune(c) != r {
			return false
		}
		s = s[size:]
	}
	return true
}

// startsWord reports whether byte j of s begins a word: nothing before it,
// or something that is neither a letter nor a digit.
func startsWord(s string, j int) bool {
	if j == 0 {
		return true
	}
	r := rune(s[j-1])
	if r >= utf8.RuneSelf {
		r, _ = utf8.DecodeLastRuneInString(s[:j])
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
}

// runOffsets fills at with the byte offsets of the runes of the occurrence
// of p at byte start of s.
func runOffsets(s string, start int, at []int) {
	j := start
	for k := range at {
		at[k] = j
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
}

// caseBit is the bit that, set in a text byte, makes an upper-case ASCII
// letter match the folded (lower-case) query byte c: 0x20 when c is a
// letter, else 0, as other bytes must match exactly.
func caseBit(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return 0x20
	}
	return 0
}

// equalFold reports whether text bytes f hold the folded query bytes q,
// ASCII letters in either case.
func equalFold(f, q []byte) bool {
	if len(f) != len(q) {
		return false
	}
	for i, c := range q {
		if lower[f[i]] != c {
			return false
		}
	}
	return true
}

// index is bytes.Index for a folded needle in text bytes, ASCII letters in
// either case. Eight places at a time it keeps those where the first two
// bytes of the needle are, which are few, and compares the rest there.
func index(f, needle []byte) int {
	if len(needle) == 1 {
		return indexByte(f, needle[0])
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	c0, c1 := needle[0], needle[1]
	up0, up1 := caseBit(c0), caseBit(c1)
	s0, s1 := uint64(c0)*ones, uint64(c1)*ones
	u0, u1 := uint64(up0)*ones, uint64(up1)*ones
	last := len(f) - len(needle) // the last place the needle can start
	j := 0
	for ; j <= last && j+9 <= len(f); j += 8 {
		v0 := (binary.LittleEndian.Uint64(f[j:]) | u0) ^ s0
		v1 := (binary.LittleEndian.Uint64(f[j+1:]) | u1) ^ s1
		// Every byte equal to the needle's is flagged, and a few more
		// above one that is: each place flagged is checked.
		for t := (v0 - ones) &^ v0 & (v1 - ones) &^ v1 & highs; t != 0; t &= t - 1 {
			k := j + bits.TrailingZeros64(t)/8
			if k > last {
				return -1
			}
			if equalFold(f[k:k+len(needle)], needle) {
				return k
			}
		}
	}
	for ; j <= last; j++ {
		if f[j]|up0 == c0 && equalFold(f[j:j+len(needle)], needle) {
			return j
		}
	}
	return -1
}

// indexByte finds folded byte c in text bytes f, tuned for the common case
// here: it occurs within a few dozen bytes, where testing eight bytes at a
// time in a register beats the vector search's start-up cost. Further on
// the vector search takes over, once for each case of a letter.
func indexByte(f []byte, c byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	up := caseBit(c)
	spread, ups := uint64(c)*ones, uint64(up)*ones
	j := 0
	for ; j+8 <= len(f) && j < 64; j += 8 {
		v := (binary.LittleEndian.Uint64(f[j:]) | ups) ^ spread
		// The lowest byte flagged here is the first zero byte of v,
		// that is the first byte equal to c.
		if t := (v - ones) &^ v & highs; t != 0 {
			return j + bits.TrailingZeros64(t)/8
		}
	}
	if j+8 <= len(f) {
		k := bytes.IndexByte(f[j:], c)
		if up != 0 {
			end := len(f)
			if k >= 0 {
				end = j + k
			}
			if u := bytes.IndexByte(f[j:end], c&^up); u >= 0 {
				k = u
			}
		}
		if k >= 0 {
			return j + k
		}
		return -1
	}
	for ; j < len(f); j++ {
		if f[j]|up == c {
			return j
		}
	}
	return -1
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

// Search returns up to limit hits for query, best first: by tier, then
// score, ties in corpus order (documents, then speakers, then quotes).
// limit <= 0 means all.
func (ix *Index) Search(query string, limit int) []Hit {
	if query == "" {
		return nil
	}
	p := compile(query)
	top, _, _ := ix.run(context.Background(), &p, nil, false, limit, false)
	return ix.hits(&p, top)
}

// scored is one matching text.
type scored struct {
	score int
	entry int32
	tier  Tier
}

// better orders results: higher tier first, then higher score, then corpus
// order.
func better(a, b scored) bool {
	if a.tier != b.tier {
		return a.tier > b.tier
	}
	return a.score > b.score || a.score == b.score && a.entry < b.entry
}

// minParallel is the candidate count below which one goroutine is faster
// than starting the others.
const minParallel = 8192

// chunkSize is how many candidates a worker takes at a time.
const chunkSize = 4096

// matches is the set of texts matching a query, in corpus order, with where
// each one's chain ended and its possible adjacency, so a query that only
// adds runes at the end resumes each chain instead of starting over.
type matches struct {
	entries []int32
	ends    []uint32
	adjs    []int32
	runes   int // query runes the chains cover
}

// run matches the candidates (every text when from is nil) against p and
// returns the best limit of them sorted, the total matched and, when keep
// is set, the matches for narrowing the next query. When p extends the
// query from was made for, only the added runes are searched for.
func (ix *Index) run(ctx context.Context, p *pattern, from *matches, resume bool, limit int, keep bool) ([]scored, int, *matches) {
	n := len(ix.masks)
	if from != nil {
		n = len(from.entries)
	}
	// Matches are written straight into arrays sized for every candidate,
	// each chunk into its own range, then closed up: no slice grows while
	// a million texts are matched.
	var kept *matches
	if keep {
		kept = &matches{entries: make([]int32, n), ends: make([]uint32, n), adjs: make([]int32, n), runes: len(p.enc)}
	}
	// The candidates are cut into chunks that workers take in turn: on a
	// shared server a worker whose core is busy elsewhere takes fewer,
	// instead of holding up the query with a fixed half.
	chunks := make([]int, (n+chunkSize-1)/chunkSize) // matches per chunk
	workers := max(1, min(runtime.GOMAXPROCS(0), n/minParallel))
	tops := make([]topK, workers)
	var next atomic.Int64
	// How each candidate is decided: a long query by the automaton, two
	// texts at a time, unless the previous query's chains can be resumed
	// to look for the runes typed since, which is cheaper still; a single
	// letter or digit by the mask alone; the rest by the chain, which also
	// gives what scoring needs.
	resume = resume && from != nil && from.runes > 0
	table, exact := p.table != nil && !resume, p.exact
	if keep && (table || exact) {
		// Those matches carry no chain to resume: the next query starts
		// each afresh.
		kept.runes = 0
	}
	work := func(top *topK) {
		top.limit = limit
		at := make([]int, len(p.enc))
		cands := make([]int32, 0, chunkSize)
		found := make([]bool, chunkSize)
		for {
			ch := int(next.Add(1) - 1)
			// A cancelled search stops at the next chunk; its result is
			// thrown away by the caller.
			if ch >= len(chunks) || ctx.Err() != nil {
				return
			}
			lo, hi := ch*chunkSize, min((ch+1)*chunkSize, n)
			entry := func(c int) int32 {
				if from != nil {
					return from.entries[c]
				}
				return int32(c)
			}
			cands = cands[:0]
			for c := lo; c < hi; c++ {
				if p.mask&^ix.masks[entry(c)] == 0 {
					cands = append(cands, int32(c))
				}
			}
			if table {
				ix.subsequences(p, cands, entry, found)
			}
			out := lo
			for k, c32 := range cands {
				c := int(c32)
				e := entry(c)
				var (
					end     uint32
					adj     int32
					ok      bool
					already int
				)
				chained := false
				switch {
				case table:
					if !found[k] {
						continue
					}
				case exact && !ix.isOdd(int(e)):
				default:
					if from != nil && resume {
						already, end, adj = from.runes, from.ends[c], from.adjs[c]
					}
					if end, adj, ok = ix.chain(int(e), p, at, already, end, adj); !ok {
						continue
					}
					chained = true
				}
				if keep {
					kept.entries[out], kept.ends[out], kept.adjs[out] = e, end, adj
				}
				out++
				full := limit > 0 && len(top.items) == limit
				if full {
					worst := top.items[0].tier
					// With no word starting with the query's first byte a
					// text is InWord at best: skip it without reading it.
					if worst == WordStart && !ix.isOdd(int(e)) && maskBit(p.folded[0])&ix.starts[e] == 0 {
						continue
					}
					// Without its chain a text's bound is not known (one
					// rune has no adjacency, so its is): first skip it if
					// it is below the tier of the worst kept, which is
					// cheaper to find than the chain.
					if !chained && len(p.enc) > 1 && worst > Scattered && ix.below(int(e), p, worst) {
						continue
					}
				}
				if !chained && len(p.enc) > 1 {
					already = 0
					end, adj, _ = ix.chain(int(e), p, at, 0, 0, 0)
					chained = true
				}
				first := 0
				if chained && already == 0 {
					first = at[0]
				}
				// The score cannot exceed the bound: skip texts whose bound
				// would not get them in, first at the best tier, then at
				// the text's own, which is cheaper to find than the score.
				var bound int
				if full {
					bound = ix.bound(int(e), p, adj, first)
					if !better(scored{bound, e, WordStart}, top.items[0]) {
						continue
					}
				}
				// The chain takes each rune's first occurrence after the
				// previous one, so an occurrence as written cannot start
				// before any rune's chained offset less the bytes before
				// that rune in the query.
				from, off := 0, 0
				for k, enc := range p.enc {
					if chained && k >= already {
						from = max(from, at[k]-off)
					}
					off += len(enc)
				}
				tier := ix.tier(int(e), p, from)
				if full && !better(scored{bound, e, tier}, top.items[0]) {
					continue
				}
				top.add(scored{ix.score(int(e), p, at, chained && already == 0), e, tier})
			}
			chunks[ch] = out - lo
		}
	}
	if workers == 1 {
		work(&tops[0])
	} else {
		var wg sync.WaitGroup
		for w := range tops {
			wg.Add(1)
			go func() { defer wg.Done(); work(&tops[w]) }()
		}
		wg.Wait()
	}
	var (
		all   []scored
		total int
	)
	for _, t := range tops {
		all = append(all, t.items...)
	}
	for ch, count := range chunks {
		if keep {
			lo := ch * chunkSize
			copy(kept.entries[total:], kept.entries[lo:lo+count])
			copy(kept.ends[total:], kept.ends[lo:lo+count])
			copy(kept.adjs[total:], kept.adjs[lo:lo+count])
		}
		total += count
	}
	if keep {
		// A session's stack of levels keeps these: when few matched, copy
		// them out so the arrays sized for every candidate can go.
		kept.entries, kept.ends, kept.adjs = kept.entries[:total], kept.ends[:total], kept.adjs[:total]
		if total < n/2 {
			kept.entries, kept.ends, kept.adjs = slices.Clone(kept.entries), slices.Clone(kept.ends), slices.Clone(kept.adjs)
		}
	}
	slices.SortFunc(all, func(a, b scored) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	return all, total, kept
}

// topK keeps the best limit results seen in a min-heap whose root is the
// worst kept, so most results are rejected with one comparison.
type topK struct {
	limit int
	items []scored
}

func (t *topK) add(s scored) {
	if t.limit <= 0 || len(t.items) < t.limit {
		t.items = append(t.items, s)
		if t.limit > 0 {
			t.up(len(t.items) - 1)
		}
		return
	}
	if !better(s, t.items[0]) {
		return
	}
	t.items[0] = s
	t.down(0)
}

func (t *topK) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !better(t.items[parent], t.items[i]) {
			return
		}
		t.items[parent], t.items[i] = t.items[i], t.items[parent]
		i = parent
	}
}

func (t *topK) down(i int) {
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(t.items) && better(t.items[worst], t.items[l]) {
			worst = l
		}
		if r < len(t.items) && better(t.items[worst], t.items[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		t.items[i], t.items[worst] = t.items[worst], t.items[i]
		i = worst
	}
}

// hits turns results into hits, finding the matched positions only for
// the few that are shown: the occurrence of the query as written when
// there is one (sahilm/fuzzy may have picked letters scattered before it),
// else sahilm/fuzzy's.
func (ix *Index) hits(p *pattern, top []scored) []Hit {
	if len(top) == 0 {
		return nil
	}
	hits := make([]Hit, len(top))
	pos := make([]int, len(top)*len(p.enc))
	for i, s := range top {
		e := int(s.entry)
		m := pos[i*len(p.enc) : (i+1)*len(p.enc) : (i+1)*len(p.enc)]
		if tier, start := ix.occurrence(e, p, 0); tier > Scattered {
			runOffsets(ix.original(e), start, m)
		} else {
			ix.score(e, p, m, false)
		}
		kind, id := ix.locate(e)
		hits[i] = Hit{Kind: kind, ID: id, Text: ix.text(e), Tier: s.tier, Score: s.score, Matched: m}
	}
	return hits
}

// parallel calls f on contiguous parts of [0, n) on every core. Each part
// but the last is a multiple of 64 long, so workers setting the bits of
// copied, odd and camel never share a word.
func parallel(n int, f func(lo, hi int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/minParallel))
	chunk := ((n+workers-1)/workers + 63) &^ 63
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// Searcher is one session's search-as-you-type state over a shared Index.
// While the query only grows (more generally, while the previous query's
// runes stay in the new one in order), it scores only the previous
// matches; deleting back to an earlier query reuses that query's matches.
// It is safe for concurrent use, though a session normally searches from
// one goroutine at a time.
type Searcher struct {
	ix *Index
	mu sync.Mutex
	// levels are earlier queries, each narrower than the one below it.
	levels []level
}

type level struct {
	p      pattern
	found  *matches
	result Result
	limit  int
}

// maxLevels and maxKeptPerText bound the memory one session holds: each
// level keeps twelve bytes per text that matched, and the levels together
// keep at most maxKeptPerText matches per text in the index (with a
// million quotes, 24 MB a session). The broadest, oldest levels go first;
// losing one only means a cold search if the user deletes back to it.
const (
	maxLevels      = 12
	maxKeptPerText = 2
)

// NewSearcher starts a session's incremental search over ix.
func (ix *Index) NewSearcher() *Searcher { return &Searcher{ix: ix} }

// Search returns the best limit hits for query and the number of matches;
// limit <= 0 means all.
func (s *Searcher) Search(query string, limit int) Result {
	res, _ := s.SearchContext(context.Background(), query, limit)
	return res
}

// SearchContext is Search that gives up when ctx is done, returning
// ctx.Err(), so a reader can cancel the search of a query the user has
// already typed past instead of letting searches queue.
func (s *Searcher) SearchContext(ctx context.Context, query string, limit int) (Result, error) {
	if query == "" {
		return Result{}, nil
	}
	p := compile(query)
	s.mu.Lock()
	defer s.mu.Unlock()
	// A search cancelled while it waited for the lock was for a query the
	// user has typed past: it must not drop the levels the newer one left.
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	for len(s.levels) > 0 && !s.levels[len(s.levels)-1].p.within(&p) {
		s.levels = s.levels[:len(s.levels)-1]
	}
	var (
		from   *matches
		resume bool
	)
	if len(s.levels) > 0 {
		top := &s.levels[len(s.levels)-1]
		if top.p.query == query && top.limit == limit {
			return top.result, nil
		}
		from = top.found
		resume = top.p.prefixOf(&p)
	}
	best, total, found := s.ix.run(ctx, &p, from, resume, limit, true)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	res := Result{Hits: s.ix.hits(&p, best), Total: total}
	if n := len(s.levels); n > 0 && s.levels[n-1].p.key == p.key {
		s.levels = s.levels[:n-1]
	}
	s.levels = append(s.levels, level{p: p, found: found, result: res, limit: limit})
	kept := 0
	for _, l := range s.levels {
		kept += len(l.found.entries)
	}
	for len(s.levels) > 1 && (len(s.levels) > maxLevels || kept > maxKeptPerText*len(s.ix.masks)) {
		kept -= len(s.levels[0].found.entries)
		s.levels = append(s.levels[:0], s.levels[1:]...)
	}
	return res, nil
}
