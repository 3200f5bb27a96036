package extract

import "testing"

// TestPronounOfReportedClause: the he or she opening a clause a speech
// verb reports is that verb's subject when nothing known of the subject's
// gender says otherwise, and names inside quotations are never anyone's
// antecedent.
func TestPronounOfReportedClause(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"subject of unknown gender beats an earlier man",
			"Arvid Nesse sat beside Mr Tor Eggen. Nesse said he had kept notes. \"I wrote everything down,\" he said.",
			"Arvid Nesse"},
		{"after that",
			"Arvid Nesse sat beside Mr Tor Eggen. Nesse said that he had kept notes. \"I wrote everything down,\" he said.",
			"Arvid Nesse"},
		{"a subject of the other gender is not the pronoun",
			"Mr Tor Eggen sat beside Ms Kari Vold. Vold said he had kept notes. \"I wrote everything down,\" he said.",
			"Tor Eggen"},
		{"a man named inside the quotation is not its he",
			"Arvid Nesse denied it. \"I never met Mr Tor Eggen,\" he said.",
			"Arvid Nesse"},
		{"a man named inside a quotation is not the next sentence's he",
			"Arvid Nesse denied it. \"I never met Mr Tor Eggen,\" Nesse said. He said he had been abroad. \"I was in Bergen all summer.\"",
			"Arvid Nesse"},
	}
	for _, c := range cases {
		found := Article(c.text, 0)
		checkBounds(t, c.text, 0, found)
		if len(found) == 0 {
			t.Errorf("%s: no quotation found", c.name)
			continue
		}
		if got := found[len(found)-1].Speaker; got != c.want {
			t.Errorf("%s: speaker %q, want %q", c.name, got, c.want)
		}
	}
}
