// Package speakers merges the names documents give their speakers into one
// speaker per person.
package speakers

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backchannel-news/backchannel/model"
)

// Mention is one name as a document gave it, with the roles seen with it.
type Mention struct {
	Name  string
	Role  string   // the role seen with this mention
	Roles []string // every role the document gave the same speaker
	Org   bool     // an organisation or place, never merged with a person
	// Scope, when set, keeps the speaker to one document: a transcript's
	// "Q" or "MODERATOR" in two documents are two people. The speaker is
	// shown as "Name (Scope)".
	Scope string
}

// group is every mention with one folded name.
type group struct {
	words  []string       // folded words
	spell  map[string]int // spelling as shown -> index in order
	order  []string       // spellings in first-seen order
	counts []int          // mentions of each spelling in order
	roles  []string
	// knownRole is a role given to addRole for this group already: given
	// again, it changes nothing. A speaker's mentions mostly repeat one
	// role, so this spares comparing it with every role of the group.
	knownRole string
	org       bool
	scoped    bool
	first     int // first mention index, for stable speaker order
	parent    int
	mentions  int
}

// groupKey is what puts two mentions in one group: their folded name, and
// the document of a scoped one; organisations apart from people.
type groupKey struct {
	kind   uint8 // 0 person, 1 organisation, 2 scoped
	scope  string
	folded string
}

// mentionKey is everything of a mention that decides its group and
// spelling. A speaker is mentioned once per quotation, by the same few
// spellings: each is read (split, folded) once, not once per quotation.
type mentionKey struct {
	name, scope string
	org         bool
}

// mentionRead is where a mentionKey goes: its group (-1 for no name) and
// the index of its spelling in the group's order.
type mentionRead struct {
	group, spelling int
}

// Resolve merges mentions into speakers and returns, for each mention, the
// ID of its speaker in the returned slice (model.Unknown for an empty name).
//
// Two names are one person when their folded spellings match (Yuri and
// Yury, Gavriev and Gavryev), when their surnames match and their given
// names are compatible (Steve and Steven, Joe and Joseph), or when one is
// a bare surname that only one fuller name in the corpus carries (or that
// the roles single out). A shared given name alone never merges two people.
func Resolve(mentions []Mention) ([]model.Speaker, []int) {
	return ResolveCounted(mentions, nil)
}

// ResolveCounted is Resolve for mentions that each stand for counts[i]
// identical mentions (nil: one each), numbered by their first: what
// Resolve makes of a mention per quotation, without one per quotation.
func ResolveCounted(mentions []Mention, counts []int32) ([]model.Speaker, []int) {
	var groups []*group
	// A speaker is quoted several times, by a few spellings: sized for a
	// distinct spelling per eight quotations, the maps seldom grow.
	hint := len(mentions)/8 + 8
	byKey := make(map[groupKey]int, hint)
	// Most mentions are of people, with no scope: those are remembered by
	// name alone, a cheaper key to hash.
	readPlain := make(map[string]mentionRead, hint)
	read := map[mentionKey]mentionRead{}
	gid := make([]int, len(mentions))
	var lastRead mentionRead // where the previous mention went
	for i := range mentions {
		m := &mentions[i] // a Mention is large: not copied per quotation
		var r mentionRead
		var known bool
		if last := &mentions[max(i-1, 0)]; i > 0 && m.Name == last.Name && m.Scope == last.Scope && m.Org == last.Org {
			// A turn after a turn by the same speaker, or a quotation in
			// the same paragraph: no look-up.
			r = lastRead
		} else if m.Scope == "" && !m.Org {
			if r, known = readPlain[m.Name]; !known {
				r = readMention(*m, i, &groups, byKey)
				readPlain[m.Name] = r
			}
		} else {
			mk := mentionKey{m.Name, m.Scope, m.Org}
			if r, known = read[mk]; !known {
				r = readMention(*m, i, &groups, byKey)
				read[mk] = r
			}
		}
		lastRead = r
		gid[i] = r.group
		if r.group < 0 {
			continue
		}
		g := groups[r.group]
		w := 1
		if counts != nil {
			w = int(counts[i])
		}
		g.counts[r.spelling] += w
		g.mentions += w
		g.addRole(m.Role)
		for _, role := range m.Roles {
			g.addRole(role)
		}
	}
	mergePeople(groups)

	// Number the merged speakers in order of first mention. Groups are
	// numbered densely, so slices indexed by group stand in for maps.
	slot := make([]int, len(groups)) // root -> its index in members
	for id := range slot {
		slot[id] = -1
	}
	var rootOrder []int
	for id := range groups {
		if r := find(groups, id); slot[r] < 0 {
			slot[r] = len(rootOrder)
			rootOrder = append(rootOrder, r)
		}
	}
	members := make([][]int, len(rootOrder))
	for id := range groups {
		s := slot[find(groups, id)]
		members[s] = append(members[s], id)
	}
	first := make([]int, len(groups)) // root -> first mention of its speaker
	for _, r := range rootOrder {
		first[r] = firstOf(groups, members[slot[r]])
	}
	sort.SliceStable(rootOrder, func(a, b int) bool { return first[rootOrder[a]] < first[rootOrder[b]] })
	out := make([]model.Speaker, len(rootOrder))
	speakerOf := make([]int, len(groups)) // root -> speaker
	for s, r := range rootOrder {
		speakerOf[r] = s
		out[s] = build(groups, members[slot[r]])
	}
	// Each group's speaker, looked up once rather than once per mention.
	groupSpeaker := make([]int, len(groups))
	for id := range groups {
		groupSpeaker[id] = speakerOf[find(groups, id)]
	}
	ids := make([]int, len(mentions))
	for i, g := range gid {
		if g < 0 {
			ids[i] = model.Unknown
			continue
		}
		ids[i] = groupSpeaker[g]
	}
	return out, ids
}

// readMention finds the group and spelling of m, the mention numbered i,
// adding them if they are new.
func readMention(m Mention, i int, groups *[]*group, byKey map[groupKey]int) mentionRead {
	name := m.Name
	if !singleSpaced(name) {
		name = strings.Join(strings.Fields(name), " ")
	}
	if name == "" {
		return mentionRead{group: -1}
	}
	// The group's key and words: a folded word holds only letters and
	// digits, so the words are what splitting the key would give.
	folded, words := foldName(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))
	key := groupKey{folded: folded}
	switch {
	case m.Scope != "":
		key.kind, key.scope = 2, m.Scope
	case m.Org:
		key.kind = 1
	}
	id, ok := byKey[key]
	if !ok {
		id = len(*groups)
		byKey[key] = id
		*groups = append(*groups, &group{words: words, spell: map[string]int{}, org: m.Org, scoped: m.Scope != "", first: i, parent: id})
	}
	g := (*groups)[id]
	shown := name
	if m.Scope != "" {
		shown = name + " (" + m.Scope + ")"
	}
	sp, ok := g.spell[shown]
	if !ok {
		sp = len(g.order)
		g.spell[shown] = sp
		g.order = append(g.order, shown)
		g.counts = append(g.counts, 0)
	}
	return mentionRead{group: id, spelling: sp}
}

func firstOf(groups []*group, ids []int) int {
	f := groups[ids[0]].first
	for _, id := range ids {
		if groups[id].first < f {
			f = groups[id].first
		}
	}
	return f
}

func find(groups []*group, id int) int {
	for groups[id].parent != id {
		groups[id].parent = groups[groups[id].parent].parent
		id = groups[id].parent
	}
	return id
}

// mergePeople joins person groups that name the same person.
func mergePeople(groups []*group) {
	bySurname := map[string][]int{}
	for id, g := range groups {
		if g.org || g.scoped || len(g.words) == 0 {
			continue
		}
		last := g.words[len(g.words)-1]
		bySurname[last] = append(bySurname[last], id)
	}
	for _, ids := range bySurname {
		// Full names first: those with compatible given names are one.
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				a, b := groups[ids[x]], groups[ids[y]]
				if len(a.words) >= 2 && len(b.words) >= 2 && SameGiven(a.words[0], b.words[0]) {
					union(groups, ids[x], ids[y])
				}
			}
		}
		// A bare surname joins the one full name that carries it; with
		// several, the one sharing a role.
		for _, id := range ids {
			g := groups[id]
			if len(g.words) != 1 {
				continue
			}
			cands := map[int]bool{}
			for _, other := range ids {
				if len(groups[other].words) >= 2 {
					cands[find(groups, other)] = true
				}
			}
			switch len(cands) {
			case 0:
			case 1:
				for c := range cands {
					union(groups, c, id)
				}
			default:
				best, bestN, tie := -1, 0, false
				for c := range cands {
					n := sharedRoles(g.roles, rolesOf(groups, c))
					if n > bestN {
						best, bestN, tie = c, n, false
					} else if n == bestN {
						tie = true
					}
				}
				if best >= 0 && !tie {
					union(groups, best, id)
				}
			}
		}
	}
}

func rolesOf(groups []*group, root int) []string {
	var roles []string
	for id := range groups {
		if find(groups, id) == root {
			roles = append(roles, groups[id].roles...)
		}
	}
	return roles
}

// sharedRoles counts the role words two role lists share, ignoring case.
func sharedRoles(a, b []string) int {
	words := map[string]bool{}
	for _, r := range a {
		for _, w := range strings.Fields(strings.ToLower(r)) {
			if len(w) > 3 {
				words[w] = true
			}
		}
	}
	n := 0
	seen := map[string]bool{}
	for _, r := range b {
		for _, w := range strings.Fields(strings.ToLower(r)) {
			if words[w] && !seen[w] {
				seen[w] = true
				n++
			}
		}
	}
	return n
}

func union(groups []*group, a, b int) {
	ra, rb := find(groups, a), find(groups, b)
	if ra == rb {
		return
	}
	if groups[rb].first < groups[ra].first {
		ra, rb = rb, ra
	}
	groups[rb].parent = ra
}

// build makes one speaker of the groups: the canonical name is the
// fullest spelling, preferring mixed case to a transcript's capitals.
func build(groups []*group, ids []int) model.Speaker {
	slices.SortFunc(ids, func(a, b int) int { return cmp.Compare(groups[a].first, groups[b].first) })
	type cand struct {
		s     string
		words int
		mixed bool
		n     int
		order int
	}
	var cands []cand
	var roles []string
	for _, id := range ids {
		g := groups[id]
		for k, s := range g.order {
			cands = append(cands, cand{s, wordCount(s), hasLower(s), g.counts[k], len(cands)})
		}
		for _, r := range g.roles {
			roles = addRole(roles, r)
		}
	}
	best := 0
	for i, c := range cands {
		b := cands[best]
		if c.words > b.words || c.words == b.words && (c.mixed && !b.mixed || c.mixed == b.mixed && c.n > b.n) {
			best = i
		}
	}
	sp := model.Speaker{Name: cands[best].s, Roles: roles}
	// An alias is a spelling that differs from the name and the aliases
	// before it other than in case. A speaker has a handful of spellings:
	// comparing with each costs less than lowering them all into a set.
	for _, c := range cands {
		if sameLower(c.s, sp.Name) {
			continue
		}
		dup := false
		for _, a := range sp.Aliases {
			if sameLower(c.s, a) {
				dup = true
				break
			}
		}
		if !dup {
			sp.Aliases = append(sp.Aliases, c.s)
		}
	}
	return sp
}

// sameLower reports whether strings.ToLower(a) == strings.ToLower(b)
// without building either: the mapping is rune by rune, an invalid byte
// becoming U+FFFD, so comparing the mapped runes is the same test.
func sameLower(a, b string) bool {
	for a != "" && b != "" {
		if ca, cb := a[0], b[0]; ca < utf8.RuneSelf && cb < utf8.RuneSelf {
			// Two ASCII bytes, the usual case: lower them in place.
			if ca != cb && lowerASCII(ca) != lowerASCII(cb) {
				return false
			}
			a, b = a[1:], b[1:]
			continue
		}
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isSpaceASCII is unicode.IsSpace for a byte below utf8.RuneSelf.
func isSpaceASCII(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// wordCount is len(strings.Fields(s)) without the slice.
func wordCount(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		space, size := false, 1
		if c := s[i]; c < utf8.RuneSelf {
			space = isSpaceASCII(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		i += size
		if space {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

// singleSpaced reports whether strings.Join(strings.Fields(s), " ") is s
// itself: words joined by single plain spaces, none around them. Most
// names are written so, and need no copy.
func singleSpaced(s string) bool {
	prevSpace := true // no space may open s
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false // not a plain space
			}
			prevSpace = false
			i += size
			continue
		}
		if isSpaceASCII(c) {
			if c != ' ' || prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		i++
	}
	return !prevSpace || s == ""
}

// addRole adds r to the group's roles unless it holds it already.
func (g *group) addRole(r string) {
	if r == "" || r == g.knownRole {
		return
	}
	g.roles = addRole(g.roles, r)
	g.knownRole = r
}

func addRole(roles []string, r string) []string {
	r = strings.TrimSpace(r)
	if r == "" {
		return roles
	}
	for _, x := range roles {
		if strings.EqualFold(x, r) {
			return roles
		}
	}
	return append(roles, r)
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// SameGiven reports whether two folded given names can be one person's:
// equal, nickname and full form (Steve, Steven), or an initial.
func SameGiven(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 1 {
		return b[0] == a[0]
	}
	return fullGiven(a) == fullGiven(b)
}

// foldedNicknames is nicknames with both sides folded, built once.
var foldedNicknames = func() map[string]string {
	m := make(map[string]string, len(nicknames))
	for short, full := range nicknames {
		m[Fold(short)] = Fold(full)
	}
	return m
}()

func fullGiven(folded string) string {
	if full, ok := foldedNicknames[folded]; ok {
		return full
	}
	return folded
}

// nicknames maps short given names to their full form, folded by callers.
var nicknames = map[string]string{
	"steve": "steven", "stephen": "steven", "joe": "joseph", "bob": "robert",
	"rob": "robert", "bill": "william", "will": "william", "mike": "michael",
	"jim": "james", "jimmy": "james", "tom": "thomas", "tony": "anthony",
	"dan": "daniel", "danny": "daniel", "dave": "david", "chris": "christopher",
	"alex": "alexander", "sasha": "alexander", "nick": "nicholas", "matt": "matthew",
	"pete": "peter", "phil": "philip", "rick": "richard", "dick": "richard",
	"ron": "ronald", "ted": "edward", "ed": "edward", "andy": "andrew",
	"ben": "benjamin", "sam": "samuel", "tim": "timothy", "greg": "gregory",
	"jeff": "jeffrey", "josh": "joshua", "liz": "elizabeth", "beth": "elizabeth",
	"kate": "katherine", "katie": "katherine", "cathy": "catherine",
	"sue": "susan", "jen": "jennifer", "jenny": "jennifer", "vova": "vladimir",
	"volodya": "vladimir", "dima": "dmitry", "misha": "mikhail", "kolya": "nikolai",
	"sergey": "sergei", "alexei": "aleksei", "alexey": "aleksei",
}

// Fold reduces a name to a key that is equal for the usual spelling and
// transliteration variants: case, accents, punctuation, y/i and j/i
// (Yury, Yuri, Jurij), w/v, kh/h, ks/x, ph/f, a hard c/k (Oscar, Oskar), doubled letters (Borovskyy,
// Borovsky), and a leading "ye" (Yevgeny, Evgeny).
func Fold(name string) string {
	folded, _ := foldName(name)
	return folded
}

// FoldWords is strings.Fields(Fold(name)) without building the joined
// string: the folded words of name. Extraction folds the name of every
// mention it compares.
func FoldWords(name string) []string {
	_, words := foldName(name)
	return words
}

// foldName returns Fold(name) and its words, cut from it: two
// allocations per name rather than one per word, the join and the slice.
func foldName(name string) (string, []string) {
	var buf [64]byte
	var bounds [16]int
	folded, at := buf[:0], bounds[:0] // where each word starts and ends
	for w := range strings.FieldsSeq(name) {
		before := len(folded)
		if before > 0 {
			folded = append(folded, ' ')
		}
		start := len(folded)
		if folded = appendFoldWord(folded, w); len(folded) == start {
			folded = folded[:before] // the word folds to nothing
			continue
		}
		at = append(at, start, len(folded))
	}
	if len(at) == 0 {
		return "", nil
	}
	all := string(folded)
	words := make([]string, len(at)/2)
	for i := range words {
		words[i] = all[at[2*i]:at[2*i+1]]
	}
	return all, words
}

// foldWord is one word of Fold.
func foldWord(w string) string {
	var b [32]byte
	return string(appendFoldWord(b[:0], w))
}

// appendFoldWord appends the folded form of the word w to dst.
func appendFoldWord(dst []byte, w string) []byte {
	// Two buffers on the stack take turns holding each step's output.
	var b1, b2 [32]byte
	s := appendLetters(b1[:0], w)
	if len(s) >= 2 && s[0] == 'y' && s[1] == 'e' {
		s = s[1:]
	}
	s = appendHardC(b2[:0], s)
	s = appendSounds(b1[:0], s)
	return appendCollapsed(dst, s)
}

// appendLetters appends w lower-cased with accents stripped, keeping only
// letters and digits. Names are nearly always ASCII: those take a byte
// loop with no per-rune map lookup.
func appendLetters(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			for _, r := range strings.ToLower(w) {
				if d, ok := accents[r]; ok {
					r = d
				}
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					dst = utf8.AppendRune(dst, r)
				}
			}
			return dst
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			dst = append(dst, c)
		}
	}
	return dst
}

// appendHardC appends s with a hard c spelt k (Oscar, Oskar; Nicolai,
// Nikolai; "ck" as k), so it can then fold with the k spellings.
func appendHardC(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == 'c' && i+1 < len(s) {
			switch n := s[i+1]; n {
			case 'k':
				dst = append(dst, 'k')
				i++
				continue
			case 'a', 'o', 'u', 'l', 'r':
				dst = append(dst, 'k', n)
				i++
				continue
			}
		}
		dst = append(dst, s[i])
	}
	return dst
}

// appendSounds appends s with spellings of one sound made one: kh as h,
// ks as x, ph as f, y and j as i, w as v.
func appendSounds(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i+1 < len(s) {
			switch {
			case c == 'k' && s[i+1] == 'h':
				dst = append(dst, 'h')
				i++
				continue
			case c == 'k' && s[i+1] == 's':
				dst = append(dst, 'x')
				i++
				continue
			case c == 'p' && s[i+1] == 'h':
				dst = append(dst, 'f')
				i++
				continue
			}
		}
		switch c {
		case 'y', 'j':
			c = 'i'
		case 'w':
			c = 'v'
		}
		dst = append(dst, c)
	}
	return dst
}

// appendCollapsed appends s with each run of one letter made one letter.
func appendCollapsed(dst, s []byte) []byte {
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1 // names are nearly always ASCII
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		if r != prev {
			dst = append(dst, s[i:i+size]...)
		}
		prev = r
		i += size
	}
	return dst
}

var accents = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ą': 'a',
	'ç': 'c', 'ć': 'c', 'č': 'c', 'ď': 'd', 'đ': 'd',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ę': 'e', 'ě': 'e', 'ё': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i', 'ł': 'l', 'ñ': 'n', 'ń': 'n', 'ň': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ō': 'o', 'ő': 'o',
	'ř': 'r', 'ś': 's', 'š': 's', 'ş': 's', 'ß': 's', 'ť': 't', 'ţ': 't',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ů': 'u', 'ű': 'u',
	'ý': 'y', 'ÿ': 'y', 'ź': 'z', 'ż': 'z', 'ž': 'z',
}
