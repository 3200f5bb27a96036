package speakers

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/backchannel-news/backchannel/model"
)

func TestResolveMerges(t *testing.T) {
	mentions := []Mention{
		{Name: "Lantsov"}, // 0
		{Name: "Yury Lantsov", Role: "chief of staff"}, // 1
		{Name: "Yuri Lantsov", Role: "Sarkov’s aide"},  // 2
		{Name: "Kirill Gavriev"},                       // 3
		{Name: "Kirill Gavryev"},                       // 4
		{Name: "Steve Marrow"},                         // 5
		{Name: "Steven Lau"},                           // 6
		{Name: "Steven Marrow"},                        // 7
		{Name: "Steve"},                                // 8
		{Name: "Joe Harlan", Role: "President"},        // 9
		{Name: "Hunter Harlan"},                        // 10
		{Name: "Harlan", Role: "President"},            // 11
		{Name: "Questioner", Scope: "doc-a"},           // 12
		{Name: "Questioner", Scope: "doc-b"},           // 13
		{Name: "White House", Org: true},               // 14
		{Name: "the White House", Org: true},           // 15
		{Name: ""},                                     // 16
		{Name: "Volodymyr Borovskyy"},                  // 17
		{Name: "BOROVSKY"},                             // 18
	}
	sp, ids := Resolve(mentions)
	same := func(a, b int) bool { return ids[a] == ids[b] }
	for _, c := range []struct {
		a, b int
		want bool
		why  string
	}{
		{0, 1, true, "a bare surname joins the one full name"},
		{1, 2, true, "Yuri and Yury are one transliteration"},
		{3, 4, true, "Gavriev and Gavryev are one transliteration"},
		{5, 7, true, "Steve and Steven with one surname"},
		{5, 6, false, "Steve Marrow and Steven Lau share only a given name"},
		{8, 5, false, "a bare given name is never merged"},
		{9, 10, false, "two Harlans"},
		{11, 9, true, "the bare surname's role picks the right Harlan"},
		{12, 13, false, "document-scoped labels stay apart"},
		{14, 15, true, "an organisation with and without its article"},
		{17, 18, true, "a capitals label and a full name"},
	} {
		if got := same(c.a, c.b); got != c.want {
			t.Errorf("%s: %q and %q merged = %v, want %v", c.why, mentions[c.a].Name, mentions[c.b].Name, got, c.want)
		}
	}
	if ids[16] != model.Unknown {
		t.Errorf("empty name got speaker %d", ids[16])
	}
	u := sp[ids[1]]
	if u.Name != "Yury Lantsov" && u.Name != "Yuri Lantsov" {
		t.Errorf("canonical name %q, want the full name", u.Name)
	}
	if len(u.Roles) != 2 {
		t.Errorf("roles = %q, want both roles kept", u.Roles)
	}
	if got := sp[ids[17]].Name; got != "Volodymyr Borovskyy" {
		t.Errorf("canonical name %q, want the fullest mixed-case spelling", got)
	}
	if got := sp[ids[12]].Name; got != "Questioner (doc-a)" {
		t.Errorf("scoped name %q", got)
	}
}

func TestFold(t *testing.T) {
	for _, c := range [][2]string{
		{"Yuri", "Yury"}, {"Borovskyy", "Borovsky"}, {"Borovskiy", "Borovsky"},
		{"Yevgeny", "Evgeny"}, {"Aleksandr", "Alexandr"}, {"José", "Jose"},
		{"Oscar", "Oskar"}, {"Nicolai", "Nikolai"},
	} {
		if Fold(c[0]) != Fold(c[1]) {
			t.Errorf("Fold(%q)=%q, Fold(%q)=%q: want equal", c[0], Fold(c[0]), c[1], Fold(c[1]))
		}
	}
	if Fold("Steve") == Fold("Steven") {
		t.Errorf("Fold must not merge different given names; SameGiven does that with a surname")
	}
}

// The spelling folds foldWord makes, as strings.Replacers: the reference
// for its byte loops.
var (
	hardC        = strings.NewReplacer("ck", "k", "ca", "ka", "co", "ko", "cu", "ku", "cl", "kl", "cr", "kr")
	foldReplacer = strings.NewReplacer("kh", "h", "ks", "x", "ph", "f", "y", "i", "j", "i", "w", "v")
)

// foldWordPlain is foldWord written the plain way, rune by rune with
// strings.Replacers: the reference the fast version must agree with.
func foldWordPlain(w string) string {
	var letters []rune
	for _, r := range strings.ToLower(w) {
		if d, ok := accents[r]; ok {
			r = d
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters = append(letters, r)
		}
	}
	s := string(letters)
	if strings.HasPrefix(s, "ye") {
		s = s[1:]
	}
	s = hardC.Replace(s)
	s = foldReplacer.Replace(s)
	var out []rune
	for _, r := range s {
		if len(out) > 0 && out[len(out)-1] == r {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func TestFoldWordMatchesPlain(t *testing.T) {
	pieces := []string{"Mc", "CK", "ye", "Ye", "ph", "KH", "ss", "a", "é", "Ö", "ß", "İ", "\u212a", "-", "'", "’", "7", "\xff", "ё", "Ж",
		"c", "k", "h", "s", "p", "y", "j", "w", "o", "u", "l", "r", "e", "C", "Y", "W", "ŷ", "ç", "ö", "ŭ"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 50000; i++ {
		w := joinPieces(r, pieces, 10)
		if got, want := foldWord(w), foldWordPlain(w); got != want {
			t.Fatalf("foldWord(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestFoldWordsSplitsFold holds Fold and FoldWords, which cut a name's
// folded words from one string, to folding each word on its own.
func TestFoldWordsSplitsFold(t *testing.T) {
	for _, name := range []string{"", "  ", "Yury  Lantsov", "O'Neill-Smith Jr.", "— Ana", "Ж. Ivanov", "Q 7", "-- ..", "Borovskyy\tVolodymyr\n", "a — b", "Yevgeny Ye", "Jean-Claude Van Damme Jr. III Esq. de la Cruz y Ortega"} {
		var want []string
		for _, w := range strings.Fields(name) {
			if f := foldWord(w); f != "" {
				want = append(want, f)
			}
		}
		if got := FoldWords(name); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("FoldWords(%q) = %q, want %q", name, got, want)
		}
		if got := Fold(name); got != strings.Join(want, " ") {
			t.Errorf("Fold(%q) = %q, want %q", name, got, strings.Join(want, " "))
		}
	}
}

// TestCopyFreeHelpers checks the helpers that stand in for a copying
// standard-library expression against that expression, on names with
// the spaces, cases and bytes that make them differ if they are wrong.
func TestCopyFreeHelpers(t *testing.T) {
	pieces := []string{"Anna", "ANNA", "anna", " ", "  ", "\t", "\u00a0", "\u3000", "\u212a", "k", "K", "ß", "İ", "i", "\xff", "\ufffd", "É", "é", "ǅ", "ǆ"}
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 20000; i++ {
		x, y := joinPieces(r, pieces, 5), joinPieces(r, pieces, 5)
		if got, want := sameLower(x, y), strings.ToLower(x) == strings.ToLower(y); got != want {
			t.Fatalf("sameLower(%q, %q) = %v", x, y, got)
		}
		if got, want := singleSpaced(x), strings.Join(strings.Fields(x), " ") == x; got != want {
			t.Fatalf("singleSpaced(%q) = %v", x, got)
		}
		if got, want := wordCount(x), len(strings.Fields(x)); got != want {
			t.Fatalf("wordCount(%q) = %d, want %d", x, got, want)
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
