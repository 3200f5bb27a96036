package extract

import (
	"strings"
	"sync"
)

// labelTable numbers the distinct labels of one transcript (name, role,
// capitals) and remembers how each label's name part, as written, reads.
// A label recurs every few turns: what depends only on it (how often it
// opens a line, whether its lines are turns, its speaker) is worked out
// once per label rather than once per turn, and each spelling is parsed
// once. Labels are looked up by number, with no hashing per turn.
type labelTable struct {
	names map[string]nameRead // the name part of "Name (role):" as written
	// recent holds, for each of its slots, the last name read there and
	// how it reads: a transcript has a handful of names, each asked for
	// on every line it opens, and comparing one string is cheaper than
	// hashing it for the map.
	recent [32]recentName
	ids    map[labelKey]int32 // 1 + index in info
	info   []labelInfo
}

// recentName is a name of recent and how it reads.
type recentName struct {
	name string
	r    nameRead
	used bool
}

// recentSlot is the slot of recent for name: from its length and its
// first and last bytes, which tell a transcript's names apart. name is
// not empty.
func recentSlot(name string) int {
	return (len(name)*7 + int(name[0])*3 + int(name[len(name)-1])) % len(labelTable{}.recent)
}

// labelKey is what the speaker of a plain label depends on.
type labelKey struct {
	raw, role string
	upper     bool
}

// nameRead is how a label's name part reads: its label, textStart unset.
type nameRead struct {
	l  label
	ok bool
}

// labelInfo is what one transcript learns of one of its labels.
type labelInfo struct {
	key    labelKey
	lines  int  // lines the label opens
	speaks int8 // whether the label's lines are turns: 0 unknown, 1 yes, -1 no
	// sp is the speaker the label names, once named, for a label whose
	// speaker depends on nothing else (see speakerOf).
	sp *turnSpeaker
}

func newLabelTable() labelTable {
	return labelTable{names: map[string]nameRead{}, ids: map[labelKey]int32{}}
}

// readName reads a label's name part through the table, or through
// knownNames when there is no table: an article's paragraphs are asked
// whether they open a dialogue (dialogueRun), and the same "Name:" lines
// recur from article to article as from transcript to transcript.
func (tab *labelTable) readName(name string) (label, bool) {
	if name == "" {
		return nameLabel(name)
	}
	if tab == nil {
		r := knownNames.get(name)
		return r.l, r.ok
	}
	slot := &tab.recent[recentSlot(name)]
	if slot.used && slot.name == name {
		return slot.r.l, slot.r.ok
	}
	r, ok := tab.names[name]
	if !ok {
		r = knownNames.get(name)
		if r.ok {
			r.l.id = tab.number(r.l)
		}
		tab.names[name] = r
	}
	*slot = recentName{name, r, true}
	return r.l, r.ok
}

// number returns 1 + the index of l's label, adding it if new.
func (tab *labelTable) number(l label) int32 {
	k := labelKey{l.raw, l.role, l.upper}
	if id, ok := tab.ids[k]; ok {
		return id
	}
	tab.info = append(tab.info, labelInfo{key: k})
	id := int32(len(tab.info))
	tab.ids[k] = id
	return id
}

// count numbers l, if its name was not read through the table (Q and
// stand-alone labels), and counts a line it opens.
func (tab *labelTable) count(l *label) {
	if l.id == 0 {
		l.id = tab.number(*l)
	}
	tab.info[l.id-1].lines++
}

// recurs reports whether labels of in's name open two lines or more,
// whatever their role, once every line is counted. It is asked once per
// label, and a label that opens two lines itself needs no look at the
// others: most do, so a transcript's labels are not compared pairwise.
func (tab *labelTable) recurs(in *labelInfo) bool {
	if in.lines >= 2 {
		return true
	}
	n := 0
	for _, other := range tab.info {
		if other.key.raw == in.key.raw {
			n += other.lines
		}
	}
	return n >= 2
}

// of returns what the table knows of l, a label it numbered.
func (tab *labelTable) of(l label) *labelInfo { return &tab.info[l.id-1] }

// reset empties the table for another transcript, dropping its strings.
func (tab *labelTable) reset() {
	clear(tab.names)
	clear(tab.recent[:])
	clear(tab.ids)
	clear(tab.info)
	tab.info = tab.info[:0]
}

// knownNames holds how the name parts of labels read, across transcripts:
// a transcript's names are new to its table, but mostly not to the
// process (the same people speak in transcript after transcript), and
// reading one (nameLabel) cost more than all the rest of looking it up.
// Its strings are copies, so it keeps no document alive; it stops growing
// at maxKnownNames.
var knownNames = nameCache{m: map[string]nameRead{}}

const maxKnownNames = 1 << 12

type nameCache struct {
	mu sync.RWMutex
	m  map[string]nameRead
}

// get returns how name reads: nameLabel(name), with strings of its own
// when it is kept. Only names are kept: a failed reading is most often an
// article's sentence opening ("Dana Voss told the Courier:"), asked about
// once, and kept they filled the cache before a transcript's labels did.
func (c *nameCache) get(name string) nameRead {
	c.mu.RLock()
	r, ok := c.m[name]
	full := len(c.m) >= maxKnownNames
	c.mu.RUnlock()
	if ok {
		return r
	}
	r.l, r.ok = nameLabel(name)
	if !r.ok || full {
		return r
	}
	// Read again from a copy: the label's strings are parts of the name
	// it reads, as they were parts of the transcript's text.
	name = strings.Clone(name)
	r.l, r.ok = nameLabel(name)
	c.mu.Lock()
	if len(c.m) < maxKnownNames {
		c.m[name] = r
	}
	c.mu.Unlock()
	return r
}
