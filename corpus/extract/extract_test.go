package extract

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/backchannel-news/backchannel/corpus/speakers"
	"github.com/backchannel-news/backchannel/model"
)

// checkBounds fails when a quotation is outside text or its Text is not
// exactly the document's bytes at its offsets.
func checkBounds(t *testing.T, text string, from int, found []Found) {
	t.Helper()
	for _, f := range found {
		if f.Start < from || f.End > len(text) || f.Start > f.End {
			t.Fatalf("quote %d..%d outside document %d..%d", f.Start, f.End, from, len(text))
		}
		if text[f.Start:f.End] != f.Text {
			t.Fatalf("quote text %q differs from document bytes %q", f.Text, text[f.Start:f.End])
		}
		if f.Speaker == "" && f.Confidence != model.None {
			t.Fatalf("unattributed quote %q has confidence %v", f.Text, f.Confidence)
		}
	}
}

func TestDetectKind(t *testing.T) {
	cases := []struct {
		name string
		body string
		want model.Kind
	}{
		{"prose with a colon quote", "The minister spoke.\nMarta Lind: \"We will win.\"\nShe left.\nIn other words: \"no\".\n", model.Article},
		{"labelled turns", "ANNA: Hello.\nBEN: Hi.\nANNA: How are you?\n", model.Transcript},
		{"capital labels over long turns", "Title\n\nPRESIDENT ROE:  One.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nSENATOR DOE:  Two.\n\nMore.\n\nMore.\n\nMore.\n\nPRESIDENT ROE:  Three.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n", model.Transcript},
		{"webvtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hi\n", model.Transcript},
		{"srt", "1\n00:00:01,000 --> 00:00:02,000\nANN: Hi\n", model.Transcript},
		{"headings are not labels", "Background:\nThe port opened in 1990.\nOutlook:\nBusy.\n", model.Article},
	}
	for _, c := range cases {
		if got := DetectKind(c.body); got != c.want {
			t.Errorf("%s: DetectKind = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestQuoteMarks(t *testing.T) {
	text := "“It’s done,” said Ana Reyes. She added: «Nobody ‘won’ here.» A stray \" mark and a 12\" pipe.\n\n\"Unclosed at the end of this paragraph\n\nThe next paragraph has no quotation at all."
	found := Article(text, 0)
	checkBounds(t, text, 0, found)
	var texts []string
	for _, f := range found {
		texts = append(texts, f.Text)
	}
	want := []string{"It’s done", "Nobody ‘won’ here.", "Unclosed at the end of this paragraph"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Fatalf("quotes = %q, want %q", texts, want)
	}
	if found[0].Speaker != "Ana Reyes" || found[1].Speaker != "Ana Reyes" {
		t.Errorf("speakers = %q, %q, want Ana Reyes twice", found[0].Speaker, found[1].Speaker)
	}
}

func TestTranscriptTurns(t *testing.T) {
	text := "[00:00:01] MAYOR JANE ROE (host): Welcome.\nSecond line of the same turn.\n(Applause.)\nQ    Ivo Brandt, Harbour Radio.  A question.\nMAYOR JANE ROE:  An answer.  (Laughter.)\n"
	found := Transcript(text, 0)
	checkBounds(t, text, 0, found)
	type turn struct{ speaker, text string }
	var got []turn
	for _, f := range found {
		got = append(got, turn{f.Speaker, f.Text})
	}
	want := []turn{
		{"Jane Roe", "Welcome.\nSecond line of the same turn."},
		{"Ivo Brandt", "Ivo Brandt, Harbour Radio.  A question."},
		{"Jane Roe", "An answer."},
	}
	if len(got) != len(want) {
		t.Fatalf("turns = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("turn %d = %q, want %q", i, got[i], want[i])
		}
	}
	if found[0].Role != "Mayor; host" {
		t.Errorf("role = %q, want %q", found[0].Role, "Mayor; host")
	}
}

func TestTranscriptTimesInLabels(t *testing.T) {
	text := "Jane Doe (00:00:05):\nWe open at nine.\n\nIvo Brandt (00:00:09):\nWhy nine?\n"
	found := Transcript(text, 0)
	checkBounds(t, text, 0, found)
	if len(found) != 2 || found[0].Speaker != "Jane Doe" || found[0].Role != "" || found[1].Text != "Why nine?" {
		t.Fatalf("turns = %+v", found)
	}
}

func TestParagraphs(t *testing.T) {
	wrapped := "The harbour board met on Monday and voted to\nclose the north pier for the winter, citing\nthe cost of repairs to the\ndamaged pilings.\n\nThe vote was close.\n"
	if got := len(paragraphs(wrapped, 0)); got != 2 {
		t.Errorf("hard-wrapped text: %d paragraphs, want 2", got)
	}
	lines := "Ana Reyes:\n\"We are ready.\"\nBen Ott, laughing:\n\"So are we.\"\nThe result:\na draw.\n"
	if got := len(paragraphs(lines, 0)); got != 6 {
		t.Errorf("one paragraph a line: %d paragraphs, want 6", got)
	}
}

func TestDialogueInArticle(t *testing.T) {
	text := "The call, between envoy Ines Calloway and aide Luka Brenner, leaked on Monday.\n\nCalloway: Thank you for calling.\nBrenner: Please.\nCalloway: Then we have a problem.\n\nSpecifications of the phone:\nPrice: 399 euros.\nWeight: 180 grams.\nColour: black.\n"
	found := Article(text, 0)
	checkBounds(t, text, 0, found)
	var got []string
	for _, f := range found {
		got = append(got, f.Speaker+": "+f.Text)
	}
	want := []string{"Ines Calloway: Thank you for calling.", "Luka Brenner: Please.", "Ines Calloway: Then we have a problem."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("quotes = %q, want %q", got, want)
	}
}

func FuzzArticle(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/attribution/*.txt")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("\"")
	f.Add("“‘«»”’\"\"")
	f.Add("X:\n\"a\n\"b\n\"c")
	f.Add("He said, \"")
	f.Fuzz(func(t *testing.T, text string) {
		checkBounds(t, text, 0, Article(text, 0))
	})
}

func FuzzTranscript(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/attribution/1*.txt")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("Q  \nA:")
	f.Add("WEBVTT\n\n1 --> 2\n<v \n")
	f.Add("1\n-->\n- [x")
	f.Add("[00:00] (:")
	f.Fuzz(func(t *testing.T, text string) {
		checkBounds(t, text, 0, Transcript(text, 0))
		DetectKind(text)
	})
}

// generated builds a corpus of news prose and transcripts from a seed, so
// the benchmark measures the same text every run.
func generated(seed int64, size int) (articles, transcripts []string) {
	r := rand.New(rand.NewSource(seed))
	first := []string{"Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Irina", "Jonas"}
	last := []string{"Marlow", "Okafor", "Varga", "Lindqvist", "Brandt", "Kessel", "Moravec", "Quaye", "Adebayo", "Renn"}
	roles := []string{"finance minister", "spokeswoman", "presidential aide", "union leader", "harbour master"}
	verbs := []string{"said", "told reporters", "added", "warned", "insisted", "wrote on X"}
	words := strings.Fields("the port budget will open next week after talks with unions and the council voted to delay a plan that nobody wanted because costs rose")
	phrase := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = words[r.Intn(len(words))]
		}
		return strings.Join(w, " ")
	}
	person := func() string { return first[r.Intn(len(first))] + " " + last[r.Intn(len(last))] }
	var ab, tb strings.Builder
	for done := 0; done+ab.Len() < size; {
		p := person()
		switch r.Intn(5) {
		case 0:
			ab.WriteString("\"" + strings.ToUpper(phrase(1)[:1]) + phrase(12) + ",\" " + roles[r.Intn(len(roles))] + " " + p + " " + verbs[r.Intn(len(verbs))] + ".\n\n")
		case 1:
			ab.WriteString(p + " " + verbs[r.Intn(len(verbs))] + " that the " + phrase(8) + " was “" + phrase(6) + "”.\n\n")
		case 2:
			ab.WriteString("“" + phrase(15) + ",” she said. “" + phrase(10) + ".”\n\n")
		case 3:
			ab.WriteString(p + ", " + phrase(3) + ":\n\"" + phrase(20) + ".\"\n\n")
		default:
			ab.WriteString("The " + phrase(25) + ", according to officials in the \"" + phrase(2) + "\" office.\n\n")
		}
		if ab.Len() > 2000+r.Intn(6000) {
			done += ab.Len()
			articles = append(articles, ab.String())
			ab.Reset()
		}
	}
	articles = append(articles, ab.String())
	for tb.Len() < size {
		switch r.Intn(3) {
		case 0:
			tb.WriteString(strings.ToUpper(last[r.Intn(len(last))]) + ":  " + phrase(30) + ".\n\n" + phrase(20) + ".\n\n")
		case 1:
			tb.WriteString("Q    " + phrase(15) + "?\n\n")
		default:
			tb.WriteString("[00:01:02] " + person() + ": " + phrase(18) + ". (Laughter.)\n")
		}
	}
	transcripts = append(transcripts, tb.String())
	return articles, transcripts
}

func BenchmarkExtract(b *testing.B) {
	articles, transcripts := generated(1, 2<<20)
	total := 0
	for _, a := range articles {
		total += len(a)
	}
	for _, t := range transcripts {
		total += len(t)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range articles {
			Article(a, 0)
		}
		for _, t := range transcripts {
			Transcript(t, 0)
		}
	}
}

// TestLowerHelpers checks the allocation-free lowering helpers against
// strings.ToLower on random strings mixing ASCII, letters whose lower case
// has another length (İ, K), and invalid bytes.
func TestLowerHelpers(t *testing.T) {
	pieces := []string{"A", "z", "Q", ".", " ", "É", "İ", "\u212a", "ß", "Σ", "\xff", "\xe2\x80", "’", "mc", "MR", "U.S", "Said", "minister", "’s", "'s", "'S"}
	r := rand.New(rand.NewSource(1))
	set := map[string]bool{}
	var arena tokenizer
	for i := 0; i < 5000; i++ {
		s := joinPieces(r, pieces, 12)
		want := strings.ToLower(s)
		if got := string(appendLower([]byte("x"), s)); got != "x"+want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got[1:], want)
		}
		if inSet(set, s) != set[want] {
			t.Fatalf("inSet(%q) = %v before adding", s, !set[want])
		}
		set[want] = true
		if !inSet(set, s) {
			t.Fatalf("inSet(%q) = false after adding %q", s, want)
		}
		if s == "" {
			continue
		}
		// A word's token carries its lower case and its vocabulary sets,
		// whether it is read eight bytes at a time (text runs on past
		// it) or not (it ends the text).
		for _, text := range []string{s, s + "XYZ\xffXYZ\xff"} {
			arena.begin(text)
			tok := arena.appendWord(nil, text, 0, len(s))[0]
			checkWordToken(t, text, tok, arena.lowOf(&tok))
			// Lowering the word in the copy of the text leaves the rest
			// of the copy as it was.
			if low := arena.low; string(low[len(s):]) != text[len(s):] || tok.lowLen >= 0 && string(low[tok.lowLen:len(s)]) != text[tok.lowLen:len(s)] {
				t.Fatalf("lowering %q in %q changed the text around it: %q", s, text, low)
			}
			// The word as written is the whole token less any possessive.
			w, mark := tok.word(text), s[len(tok.word(text)):]
			if mark != "" && !(tok.poss && (mark == "'s" || mark == "'S" || mark == "’s" || mark == "’S")) || !strings.HasPrefix(s, w) {
				t.Fatalf("token of %q: word %q, possessive %v", s, w, tok.poss)
			}
		}
	}
}

// checkWordToken fails unless tok, a word's token, holds the word's lower
// case, vocabulary sets and capitals as the unicode package reads them.
func checkWordToken(t *testing.T, text string, tok token, low string) {
	t.Helper()
	word := tok.word(text)
	w := strings.ToLower(word)
	if low != w || tok.vocab != vocabOf[w] {
		t.Fatalf("token of %q: low %q vocab %b, want %q %b", word, low, tok.vocab, w, vocabOf[w])
	}
	letters, upper := 0, 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	first, _ := utf8.DecodeRuneInString(word)
	wantCap := unicode.IsUpper(first)
	if tok.cap != wantCap || tok.allCaps != (wantCap && letters >= 2 && letters == upper) {
		t.Fatalf("token of %q: cap %v allCaps %v", word, tok.cap, tok.allCaps)
	}
}

// TestVocabTable checks the hash table tokens look words up in against
// the vocabulary map it is built from, for every word in it, every word
// with one letter changed, and words in no set.
func TestVocabTable(t *testing.T) {
	var arena tokenizer
	for w, v := range vocabOf {
		if got := lookupVocab(w, vocabHashString(w)); got != v {
			t.Fatalf("lookupVocab(%q) = %b, want %b", w, got, v)
		}
		// The word as a token, capitalised or not, in running text.
		for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			text := form + " and more"
			arena.begin(text)
			tok := arena.appendWord(nil, text, 0, len(form))[0]
			checkWordToken(t, text, tok, arena.lowOf(&tok))
			// And looked up alone, in any case.
			if got := vocabOfFold(form); got != v {
				t.Fatalf("vocabOfFold(%q) = %b, want %b", form, got, v)
			}
		}
		for i := range len(w) {
			x := w[:i] + "q" + w[i+1:]
			if got := lookupVocab(x, vocabHashString(x)); got != vocabOf[x] {
				t.Fatalf("lookupVocab(%q) = %b, want %b", x, got, vocabOf[x])
			}
		}
	}
	for _, w := range []string{"", "zebra", "saidx", "the the", "Said"} {
		if got := lookupVocab(w, vocabHashString(w)); got != vocabOf[w] {
			t.Fatalf("lookupVocab(%q) = %b, want %b", w, got, vocabOf[w])
		}
	}
	// Words the vocabulary does not hold, of every length up to past
	// its longest, and non-ASCII ones whose lower case is in it.
	for _, w := range []string{"", "Zebra", "Kestovard", "HRALACHUK", strings.Repeat("Ab", 20), "ÉTÉ", "\u212aing", "İ"} {
		if got, want := vocabOfFold(w), vocabOf[strings.ToLower(w)]; got != want {
			t.Fatalf("vocabOfFold(%q) = %b, want %b", w, got, want)
		}
	}
}

// TestFoldMemo checks that memoised folding gives what speakers.FoldWords
// gives, for names seen before and new ones, and that the memo stays
// within its bound however many spellings pass through it.
func TestFoldMemo(t *testing.T) {
	for i := 0; i < 3*foldMemoMax; i++ {
		name := fmt.Sprintf("Ana%d Ruiz-%c", i, 'A'+rune(i%26))
		for range 2 {
			if got, want := foldTokens(name), speakers.FoldWords(name); !slices.Equal(got, want) {
				t.Fatalf("foldTokens(%q) = %q, want %q", name, got, want)
			}
		}
		if n := foldMemoSize.Load(); n > foldMemoMax {
			t.Fatalf("memo holds %d spellings, more than %d", n, foldMemoMax)
		}
	}
}

// TestCountWords checks countWords against strings.Fields on random
// strings of ASCII and Unicode spaces, letters and invalid bytes, for
// every limit.
func TestCountWords(t *testing.T) {
	pieces := []string{"a", "Zed", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "é", "’", "\xff", ",", "x y",
		"interlocutors'", "\x01", "\x7f", "!#$%&()*+"}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := r.Intn(10); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		want := len(strings.Fields(s))
		for limit := 0; limit <= want+1; limit++ {
			if got := countWords(s, limit); got != min(want, limit) {
				t.Fatalf("countWords(%q, %d) = %d, want %d", s, limit, got, min(want, limit))
			}
		}
	}
}

// TestLabelColon checks labelColon against its definition, the first
// colon of the first 61 bytes outside brackets (a closing bracket with
// none open leaves every later colon inside), on random lines.
func TestLabelColon(t *testing.T) {
	pieces := []string{"(", ")", "[", "]", ":", "Jane Doe", " ", "00:01", "é", "—"}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(16); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		line := b.String()
		want, depth := -1, 0
		for k := 0; k < len(line) && k <= 60 && want < 0; k++ {
			switch line[k] {
			case '(', '[':
				depth++
			case ')', ']':
				depth--
			case ':':
				if depth == 0 {
					want = k
				}
			}
		}
		if got := labelColon(line); got != want {
			t.Fatalf("labelColon(%q) = %d, want %d", line, got, want)
		}
	}
}

// TestMayOpenTurn checks that the quick test dialogueRun makes first
// rules out no line parseLabel reads as a label with turn text after it.
func TestMayOpenTurn(t *testing.T) {
	pieces := []string{"the Minister for Transport (Mr Callum Briggs)", "THE Speaker", "“", "\"", "Q", "A", "**", "__",
		"[00:01:02] ", "Jane Doe", "Élodie", "ömer", ":", ": ", " ", "\t", "12", "said", "(role)", "Let me be clear",
		"(aside: “hm”)", "Hello"}
	r := rand.New(rand.NewSource(4))
	opened := 0
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for n := 1 + r.Intn(6); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		line := strings.TrimSpace(b.String())
		if line == "" {
			continue
		}
		l, ok := parseLabel(line, 0, len(line))
		if !ok || l.textStart >= len(line) {
			continue
		}
		if r := firstRune(line[l.textStart:]); r == '"' || r == '“' || r == '«' {
			continue // `X: "..."`, which dialogueRun reads as prose
		}
		opened++
		if !mayOpenTurn(line, paragraph{start: 0, end: len(line)}) {
			t.Fatalf("mayOpenTurn(%q) = false, but it reads as label %q", line, l.raw)
		}
	}
	if opened < 1000 {
		t.Fatalf("only %d of the random lines read as labels: the test checks too little", opened)
	}
}

// TestParaphraseLed checks paraphraseLed against its definition, the
// clause lowered whole and compared, on random clauses: words, letters
// outside ASCII and punctuation, then often an intro written in mixed
// case, some of its letters swapped for ones whose lower case is ASCII
// (the Kelvin sign's is k) or which only fold to ASCII (ſ), then spaces
// and dots.
func TestParaphraseLed(t *testing.T) {
	pieces := []string{"In other words", "read", "I.E", " ", ", ", "é", "İ", "\u212a", "—", "’", "x", "the", "\xff"}
	ends := []string{"", " ", ".", " . ", ".."}
	r := rand.New(rand.NewSource(5))
	led := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(4); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		if r.Intn(4) > 0 {
			b.WriteString([]string{"", " ", ", ", ","}[r.Intn(4)])
			for _, c := range paraphraseIntros[r.Intn(len(paraphraseIntros))] {
				switch x := r.Intn(8); {
				case x == 0:
					c = unicode.ToUpper(c)
				case x == 1 && c == 'k':
					c = '\u212a'
				case x == 1 && c == 's':
					c = 'ſ'
				}
				b.WriteRune(c)
			}
		}
		b.WriteString(ends[r.Intn(len(ends))])
		intro := b.String()
		low := strings.TrimRight(strings.ToLower(strings.TrimSpace(intro)), " .")
		want := false
		for _, p := range paraphraseIntros {
			if low == p || p != "read" && (endsWith(low, " ", p) || endsWith(low, ", ", p)) {
				want = true
			}
		}
		if got := paraphraseLed(intro); got != want {
			t.Fatalf("paraphraseLed(%q) = %v, want %v", intro, got, want)
		}
		if want {
			led++
		}
	}
	if led < 2000 {
		t.Fatalf("only %d of the random clauses end in an intro: the test checks too little", led)
	}
}
