package extract

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

// TestCopyFreeHelpers holds each helper that stands in for a copying or
// slower standard-library expression to that expression, on strings made
// of the pieces that tell them apart: Unicode spaces, letters whose case
// mapping changes their length or leaves ASCII, invalid bytes.
func TestCopyFreeHelpers(t *testing.T) {
	pieces := []string{"Anna", "ANNA", "of", "from", "f", "o", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\u0085",
		".", "'", "’", "\u212a", "k", "ß", "ſ", "İ", "ı", "\xff", "\xe2\x80", "\ufffd", "É", "ǅ", "ǆ", "Ⱥ", "ɐ", "Q"}
	r := rand.New(rand.NewSource(6))
	var arena nameArena
	for i := 0; i < 20000; i++ {
		x, y := joinPieces(r, pieces, 6), joinPieces(r, pieces, 6)
		if got, want := sameUpper(x, y), strings.ToUpper(x) == strings.ToUpper(y); got != want {
			t.Fatalf("sameUpper(%q, %q) = %v", x, y, got)
		}
		if got, want := indexEither(x, 'f', 'o'), strings.IndexAny(x, "fo"); got != want {
			t.Fatalf("indexEither(%q, 'f', 'o') = %d, want %d", x, got, want)
		}
		if got, want := oneWord(x), countWords(x, 2) == 1; got != want {
			t.Fatalf("oneWord(%q) = %v, want %v", x, got, want)
		}
		if got, want := trimLeftSpace(x), strings.TrimLeftFunc(x, unicode.IsSpace); got != want {
			t.Fatalf("trimLeftSpace(%q) = %q, want %q", x, got, want)
		}
		if got, want := trimNamePunct(x), strings.Trim(x, ".'’"); got != want {
			t.Fatalf("trimNamePunct(%q) = %q, want %q", x, got, want)
		}
		var fields []string
		for k := 0; ; {
			s, e := nextField(x, k)
			if s == e {
				break
			}
			fields = append(fields, x[s:e])
			k = e
		}
		if want := strings.Fields(x); strings.Join(fields, "|") != strings.Join(want, "|") || len(fields) != len(want) {
			t.Fatalf("nextField splits %q into %q, want %q", x, fields, want)
		}
		if got, want := hasOfFrom(x, " of ", " from "), strings.Contains(x, " of ") || strings.Contains(x, " from "); got != want {
			t.Fatalf("hasOfFrom(%q, spaced) = %v", x, got)
		}
		if got, want := hasOfFrom(x, "of", "from"), strings.Contains(x, "of") || strings.Contains(x, "from"); got != want {
			t.Fatalf("hasOfFrom(%q) = %v", x, got)
		}
		words := strings.Fields(x)
		wantCap := false
		for j := 1; j < len(words); j++ {
			if (words[j] == "of" || words[j] == "from") && unicode.IsUpper(firstRune(words[j-1])) {
				wantCap = true
			}
		}
		spaced, afterCap := ofFromWords(x)
		if wantSpaced := strings.Contains(x, " of ") || strings.Contains(x, " from "); spaced != wantSpaced || afterCap != wantCap {
			t.Fatalf("ofFromWords(%q) = %v, %v, want %v, %v", x, spaced, afterCap, wantSpaced, wantCap)
		}
		if got, want := twoCapitalised(x), len(words) >= 2 && unicode.IsUpper(firstRune(words[0])) && unicode.IsUpper(firstRune(words[1])); got != want {
			t.Fatalf("twoCapitalised(%q) = %v", x, got)
		}
		if got, want := arena.lower(x), strings.ToLower(x); got != want {
			t.Fatalf("nameArena.lower(%q) = %q, want %q", x, got, want)
		}
		low := string(appendLowerRunes(nil, x, 3))
		if full := strings.ToLower(x); !strings.HasPrefix(full, low) || len(low) < min(3, len(full)) {
			t.Fatalf("appendLowerRunes(%q, 3) = %q, not the start of %q", x, low, full)
		}
	}
}

// TestRoleHeadOf holds roleHeadOf, which lowers and trims a word at a
// time, to its definition on whole roles, on random roles of role words,
// stop words, punctuation and odd spaces and bytes.
func TestRoleHeadOf(t *testing.T) {
	pieces := []string{"Chief", "chief", "of", "OF", "Staff", "minister", "aide", "Deputy", "to", "the", "Sarkov", "’s", "'s",
		" ", "  ", "\u00a0", "\t", ".", ",", ";", "; ", "who", "ſ", "\xff", "É", "spokeswoman", "Top"}
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 20000; i++ {
		role := joinPieces(r, pieces, 8)
		want := ""
	words:
		for _, w := range strings.Fields(strings.ToLower(role)) {
			switch w {
			case "to", "of", "at", "for", "in", "with", "from", "on", "who", "which", ";":
				break words
			}
			w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ".,;"), "’s"), "'s")
			if vocabOfWord(w)&(vRoleHeads|vTitleWords) != 0 {
				want = w
			}
		}
		if got := roleHeadOf(role); got != want {
			t.Fatalf("roleHeadOf(%q) = %q, want %q", role, got, want)
		}
	}
}

// TestRoleGender holds roleGender, which reads the vocabulary a word at
// a time, to its definition on the two sets, on random roles.
func TestRoleGender(t *testing.T) {
	pieces := []string{"Widow", "widow", "spokeswoman", "SPOKESMAN", "Mr.", "ms", "Ms.", "her", "aide", "’s", "'s",
		" ", "\u00a0", "\t", ".", "Frenchwoman", "king", "ſ", "\xff", "É", "Queen"}
	r := rand.New(rand.NewSource(11))
	for i := 0; i < 20000; i++ {
		role := joinPieces(r, pieces, 6)
		want := unknownGender
	words:
		for _, w := range strings.Fields(strings.ToLower(role)) {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
			switch {
			case maleRoles[w]:
				want = male
				break words
			case femaleRoles[w] || strings.HasSuffix(w, "woman"):
				want = female
				break words
			}
		}
		if got := roleGender(role); got != want {
			t.Fatalf("roleGender(%q) = %v, want %v", role, got, want)
		}
	}
}

// TestLabelName holds labelName, which asks the vocabulary only when its
// answer counts, to labelNameRef, which asks it for every word, on random
// labels of capitalised, lower-case, connector, stop and odd words.
func TestLabelName(t *testing.T) {
	pieces := []string{"Anna", "ANNA", "anna", "De", "de", "VAN", "of", "Note", "NOTE", "Source", "Mr.", "O'Neil",
		"12", "’s", "Ann-Marie", "Élise", "élise", ",", ".", "'", " ", "  ", "\u00a0", "\xff", "İ"}
	r := rand.New(rand.NewSource(9))
	names := 0
	for i := 0; i < 20000; i++ {
		x := joinPieces(r, pieces, 8)
		got, want := labelName(x), labelNameRef(x)
		if got != want {
			t.Fatalf("labelName(%q) = %v, want %v", x, got, want)
		}
		if got {
			names++
		}
	}
	if names < 1000 || names > 19000 {
		t.Fatalf("%d of 20000 random labels read as names: the test tells too little apart", names)
	}
}

// labelNameRef is labelName as it was, every word looked up in the
// vocabulary.
func labelNameRef(s string) bool {
	if s == "" || len(s) > 50 {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 5 {
		return false
	}
	for wi, w := range words {
		tv := vocabOfFold(trimNamePunct(w))
		if wi == 0 && tv&vLabelStop != 0 {
			return false
		}
		if wi > 0 && tv&vConnectors != 0 {
			continue
		}
		if r := firstRune(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		for _, c := range w {
			if !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '.' || c == '\'' || c == '-' || c == '’') {
				return false
			}
		}
	}
	return true
}

// TestSplitWords holds splitWords to the joins it stands for, on labels
// spaced every way.
func TestSplitWords(t *testing.T) {
	for _, raw := range []string{"", "Anna", "Mr Anna Berg", "Mr  Anna Berg", " Mr Anna", "Mr Anna ", "Mr\tAnna Berg", "Mr\u00a0Anna Berg", "Dr. Ana de la Cruz"} {
		words := appendFields(nil, raw)
		if want := strings.Fields(raw); strings.Join(words, "|") != strings.Join(want, "|") {
			t.Fatalf("appendFields(%q) = %q, want %q", raw, words, want)
		}
		for n := 0; n <= len(words); n++ {
			before, after := splitWords(raw, words, n)
			if wb, wa := strings.Join(words[:n], " "), strings.Join(words[n:], " "); before != wb || after != wa {
				t.Errorf("splitWords(%q, %d) = %q, %q, want %q, %q", raw, n, before, after, wb, wa)
			}
		}
	}
}

// joinPieces joins fewer than n pieces drawn by r: random strings made of
// the pieces that tell a fast helper from the expression it replaces.
func joinPieces(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for k := r.Intn(n); k > 0; k-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

// knownNames keeps labels' names, not the sentence openings an article's
// colons are asked about, which would fill it before any transcript.
func TestKnownNamesKeepsOnlyNames(t *testing.T) {
	size := func() int {
		knownNames.mu.RLock()
		defer knownNames.mu.RUnlock()
		return len(knownNames.m)
	}
	before := size()
	for i := range 50 {
		opening := fmt.Sprintf("Dana Voss%d told the Courier on Monday that the deal", i)
		if r := knownNames.get(opening); r.ok {
			t.Fatalf("%q reads as a name", opening)
		}
	}
	if got := size(); got != before {
		t.Errorf("%d sentence openings kept as names", got-before)
	}
	if r := knownNames.get("Zerelda Quint-Moss"); !r.ok || size() != before+1 && before < maxKnownNames {
		t.Errorf("a name read %v and was not kept (%d entries)", r.ok, size())
	}
}
