package extract

import (
	"strings"
	"testing"
)

// TestArticleSpeakerRules checks, one sentence pattern at a time, who an
// article's quotation is given to: the rules the held-out rounds added,
// each with the case that must not fire.
func TestArticleSpeakerRules(t *testing.T) {
	cases := []speakerCase{
		{
			name:  "block-quoted call lines",
			text:  "Title\n\nAn excerpt of the call between Ana Brill and Tomas Kerr:\n\n> BRILL: Have you seen the sheet?\n> KERR: Not the final one.\n> BRILL: Then nobody needs to.\n\nKerr later declined to comment.",
			quote: "Not the final one.", want: "Tomas Kerr",
		},
		{
			name:  "an email set off as a block quote after its writer",
			text:  "Title\n\nSunita Rao replied the same afternoon:\n\n> Graham, the traffic plan is inadequate.\n> I can't change that.\n\nThe plan was approved.",
			quote: "I can't change that.", want: "Sunita Rao",
		},
		{
			name:  "a block quote nobody introduced",
			text:  "Title\n\nThe plan was approved in March.\n\n> Graham, the traffic plan is inadequate.\n\nSunita Rao retired in May.",
			quote: "Graham, the traffic", dropped: true,
		},
		{
			name:  "a statement that read",
			text:  "Title\n\nA statement issued by the Lorvane Water Board read: \"Every sample was clean.\"",
			quote: "Every sample", want: "Lorvane Water Board",
		},
		{
			name:  "the author's gloss",
			text:  "Title\n\nThe board published its figures late on Friday. Read: \"we hoped nobody would notice.\"",
			quote: "we hoped", dropped: true,
		},
		{
			name:  "chat lines labelled by given names",
			text:  "Title\n\nThe chat was between Marco Delacroix and Beatrix Holm.\n\n[21:14] Marco: Red warning for tomorrow.\n[21:15] Beatrix: They said that in March.\n[21:20] Marco: Not tonight.\n\nHolm declined to comment.",
			quote: "They said that in March.", want: "Beatrix Holm",
		},
		{
			name:  "a headline's word labels the story",
			text:  "Mayor denies calling inspectors \"amateurs\"\n\nCouncillors said Desmond Achterveld called the inspectors \"a bunch of amateurs\" at the meeting.",
			quote: "amateurs", dropped: true,
		},
		{
			name:  "a headline repeating the body at length",
			text:  "\"We are not a charity\": club defends prices\n\n\"We are not a charity. We have players to pay,\" chairman Declan Moyes said.",
			quote: "We are not a charity", want: "Declan Moyes",
		},
		{
			name:  "a letter's sender",
			text:  "Title\n\nA letter from Sunita Rao to the committee said the plan was \"not ready for a vote\".",
			quote: "not ready", want: "Sunita Rao",
		},
		{
			name:  "the outlet that saw a document is no speaker",
			text:  "Title\n\nAn email from the Port Authority to its board, seen by the Courier, said the berth was \"unsafe in high winds\".",
			quote: "unsafe in high", want: "Port Authority",
		},
		{
			name:  "a letter in a fronted clause",
			text:  "Title\n\nAfter a letter from Sunita Rao, the minister said the plan was \"on hold until spring\".",
			quote: "on hold", want: "",
		},
		{
			name:  "the outlet told is no one she stands for",
			text:  "Title\n\nThe documents were first reported by the Harwick Ledger.\n\nNadia Osei told the Ledger she had warned him. \"He knew. Everybody knew,\" she said.",
			quote: "He knew.", want: "Nadia Osei",
		},
		{
			name:  "a dateline is no speaker, nor an object a subject",
			text:  "Title\n\nBRUSSELS (Wire) — European negotiators rejected a proposal from the Kestrel government, calling it \"a non-starter\".",
			quote: "a non-starter", want: "",
		},
		{
			name:  "a named subject before the participle",
			text:  "Title\n\nOn Tuesday, Ana Ferreira rejected the proposal, calling it \"a non-starter\".",
			quote: "a non-starter", want: "Ana Ferreira",
		},
		{
			name:  "an owner's role, then the name, after the quotation",
			text:  "Title\n\n\"We have made our final offer,\" Kestrel's chief negotiator, Ana Ferreira, told reporters.",
			quote: "We have made", want: "Ana Ferreira",
		},
		{
			name:  "a note from a role and its holder",
			text:  "Title\n\nA note from the laboratory director, Dr. Hélène Fournier, to the federation said the reading was \"not conclusive\".",
			quote: "not conclusive", want: "Hélène Fournier",
		},
		{
			name:  "a word a lab flagged",
			text:  "Title\n\nThe sample was flagged as \"atypical\" by the laboratory.",
			quote: "atypical", want: "",
		},
		{
			name:  "a report's finding",
			text:  "Title\n\nThe regulator's report, published last month, found the concrete \"below specification\".",
			quote: "below specification", want: "",
		},
		{
			name:  "a naming is no quotation",
			text:  "Title\n\nThe drugs belong to a class known as \"benzos\" on the street.",
			quote: "benzos", dropped: true,
		},
		{
			name:  "a reply's writer",
			text:  "Title\n\nPriya Raman emailed Stuart Pell in April. Pell's reply, which Raman later gave to regulators, was three lines long: \"Noted. Leave it with me.\"",
			quote: "Noted.", want: "Stuart Pell",
		},
		{
			name:  "office joining two fields",
			text:  "Title\n\nThe Ministry of Water and Rivers said the dam was \"safe for now\".",
			quote: "safe for now", want: "Ministry of Water and Rivers",
		},
		{
			name:  "plural field",
			text:  "Title\n\nThe Department of Health and Human Services said the rule was \"under review\".",
			quote: "under review", want: "Department of Health and Human Services",
		},
		{
			name:  "a second office is not a field",
			text:  "Title\n\nThe Ministry of Defence and Foreign Office said the talks were \"over for now\".",
			quote: "over for now", want: "Foreign Office",
		},
		{
			name:  "a clause opened by that he",
			text:  "Title\n\nLena Marsh said the minister had \"lied to parliament\" and that he would \"have to resign before the summer\".",
			quote: "have to resign", want: "Lena Marsh",
		},
		{
			name:  "a name after an unnamed role",
			text:  "Title\n\nThe inquiry was led by a retired judge, Rosalind Achebe. \"Nobody needed to die,\" she said.",
			quote: "Nobody needed", want: "Rosalind Achebe",
		},
		{
			name:  "an unnamed official stays unnamed",
			text:  "Title\n\nA senior official spoke to reporters. \"Nobody needed to die,\" she said.",
			quote: "Nobody needed", want: "",
		},
		{
			name:  "a street is no one a pronoun stands for",
			text:  "Title\n\nThe car park on Carrow Street collapsed in May.\n\nThe minister spoke on Tuesday. \"We will not pick and choose,\" he said.",
			quote: "We will not", want: "",
		},
		{
			name:  "a team taking a plural verb is the club",
			text:  "Title\n\nKelby Harriers have sacked their manager.\n\nIn a statement, the club said: \"We thank him for his work.\"",
			quote: "We thank him", want: "Kelby Harriers",
		},
		{
			name:  "the company is not a team",
			text:  "Title\n\nHarbour Rovers are bottom of the league.\n\nIn a statement, the company said: \"We deny every allegation.\"",
			quote: "We deny", want: "",
		},
		{
			name:  "a report's word",
			text:  "Title\n\nThe inquiry describes the inspection regime as \"inadequate\" and the records as \"chaotic\".",
			quote: "chaotic", want: "",
		},
		{
			name:  "a scare quote",
			text:  "Title\n\nThe building's \"temporary\" repairs were never replaced.",
			quote: "temporary", dropped: true,
		},
		{
			name:  "a name given to something",
			text:  "Title\n\nThe regulator describes the scheme as \"Powering Tomorrow\" in its filings.",
			quote: "Powering Tomorrow", dropped: true,
		},
		{
			name:  "a surname with particles, capitalised at the sentence start",
			text:  "Title\n\nPieter van der Hoek runs the terminal.\n\n\"Planning was never the problem,\" Van der Hoek said.",
			quote: "Planning was never", want: "Pieter van der Hoek",
		},
		{
			name:  "a particle joined by a hyphen",
			text:  "Title\n\n\"We remain friends of the port,\" Faisal al-Qahtani said.",
			quote: "We remain friends", want: "Faisal al-Qahtani",
		},
		{
			name:  "a company after the role's preposition",
			text:  "Title\n\nKarl Bauer, director of Hoekstra Group, said: \"We see no path to a fair return.\"",
			quote: "We see no path", want: "Karl Bauer",
		},
		{
			name:  "a company set off by commas still speaks",
			text:  "Title\n\nAfter the vote, Hoekstra Group, the operator, said: \"We see no path to a fair return.\"",
			quote: "We see no path", want: "Hoekstra Group",
		},
		{
			name:  "post-nominal letters",
			text:  "Title\n\nProsecuting, Ada Lowe KC told the jury the bell rang all night. \"Nobody came,\" Ms Lowe said.",
			quote: "Nobody came", want: "Ada Lowe",
		},
		{
			name:  "a nickname quoted inside a name",
			text:  "Title\n\nTomasz \"The Ghost\" Wierzbicki scored twice.\n\n\"I had a feeling about today,\" Wierzbicki said.",
			quote: "I had a feeling", want: "Tomasz Wierzbicki",
		},
		{
			name:  "a club before a role and a name",
			text:  "Title\n\nAshby Rovers beat Ashby City.\n\nCity boss Renee Castellane refused to blame anyone. \"We had the game in our pocket,\" she said.",
			quote: "We had the game", want: "Renee Castellane",
		},
		{
			name:  "a two-word company before a role and a name",
			text:  "Title\n\n\"We want our people back,\" Kellgate Copper chief executive Ruth Singh told reporters.",
			quote: "We want our people", want: "Ruth Singh",
		},
		{
			name:  "a party and an abbreviated title are a role, not a name",
			text:  "Title\n\nThe Conservative MP for Skerrow, Hamish Lockhart, rose at once. \"My constituents have no bridge,\" he said.",
			quote: "My constituents", want: "Hamish Lockhart",
		},
		{
			name:  "a quotation alone after a sentence about one person",
			text:  "Title\n\nAsked about the libraries, Corin Maill was unapologetic. \"Every minister wants more money.\"",
			quote: "Every minister", want: "Corin Maill",
		},
		{
			name:  "a quotation alone after a sentence naming a role only as an owner",
			text:  "Title\n\n\"No,\" said Lucia Brava, envoy.\n\nRecords show that the board signed the envoy's paper. \"Why would the inspectors sign it?\"",
			quote: "Why would", want: "",
		},
		{
			name:  "a quotation alone after a sentence about two people",
			text:  "Title\n\nCorin Maill met Dora Vennick on Monday. \"Every minister wants more money.\"",
			quote: "Every minister", want: "",
		},
		{
			name:  "two timestamped labelled lines are an excerpt",
			text:  "Title\n\nThe developer, Crispin Hart, called Mayor Gerrit Sloot.\n\n[05:40] Hart: What about the height?\n[05:43] Sloot: Nobody measures the height.\n\nThe call ended.",
			quote: "Nobody measures", want: "Gerrit Sloot",
		},
		{
			name:  "two labelled lines with no timestamps stay prose",
			text:  "Title\n\nThe developer, Crispin Hart, called Mayor Gerrit Sloot.\n\nHart: What about the height?\nSloot: Nobody measures the height.\n\nThe call ended.",
			quote: "Nobody measures", dropped: true,
		},
		{
			name:  "the skipper is the captain",
			text:  "Title\n\nCity led through a header from captain Jordan Abiola.\n\n\"Blatant. He pushed him with both hands,\" the skipper said.",
			quote: "Blatant.", want: "Jordan Abiola",
		},
		{
			name:  "his father is the man sharing his surname",
			text:  "Title\n\nEdmund Dahl built the yard. His son, Rory Dahl, wants to sell it.\n\n\"I can't run a museum,\" Rory said.\n\nHis father sees it differently. \"Rory thinks in spreadsheets,\" he said.",
			quote: "Rory thinks", want: "Edmund Dahl",
		},
		{
			name:  "a father the story does not name is nobody's he",
			text:  "Title\n\nRory Dahl wants to sell the yard. \"I can't run a museum,\" he said.\n\nHis father sees it differently. \"Rory thinks in spreadsheets,\" he said.",
			quote: "Rory thinks", want: "",
		},
		{
			name:  "a second quotation after 'and that the mayor had'",
			text:  "Title\n\nThe lawyer, Ines Berg, said the tape had been \"taken out of context\" and that the mayor had \"always respected the committee\".",
			quote: "always respected", want: "Ines Berg",
		},
		{
			name:  "a quotation signed on the next line",
			text:  "Title\n\nThe minister, Corin Maill, spoke on Wednesday.\n\n\"This is a budget for people who own things.\"\n\u2014 Hesper Quayle, Tenants' Federation\n\n\"We asked for certainty and we got it.\"\n\u2014 Dominik Varga, chair of the Chamber of Industry",
			quote: "This is a budget", want: "Hesper Quayle",
		},
		{
			name:  "a signature does not carry to the next quotation",
			text:  "Title\n\n\"This is a budget for people who own things.\"\n\u2014 Hesper Quayle, Tenants' Federation\n\n\"We asked for certainty and we got it.\"\n\u2014 Dominik Varga, chair of the Chamber of Industry",
			quote: "We asked for certainty", want: "Dominik Varga",
		},
		{
			name:  "he after an opening clause naming one man",
			text:  "Title\n\nHollis Grange ran the committee. \"You cannot have both,\" he said.\n\nWhen I put that to the leader, Abdi Yusuf, he sighed. \"That is fair,\" he said.",
			quote: "That is fair", want: "Abdi Yusuf",
		},
		{
			name:  "he after an opening clause naming no one stays with the last man",
			text:  "Title\n\nHollis Grange ran the committee. \"You cannot have both,\" he said.\n\nWhen I put that to him, he sighed. \"That is fair,\" he said.",
			quote: "That is fair", want: "Hollis Grange",
		},
		{
			name:  "the person after 'with' speaks the participle after them",
			text:  "Title\n\nIlse Varanek spoke to Teodor Brask on Tuesday.\n\nThe call ends with Ms Varanek telling Mr Brask to \"call me from the car\".",
			quote: "call me from the car", want: "Ilse Varanek",
		},
		{
			name:  "the person after another preposition still describes the subject",
			text:  "Title\n\nAn adviser to Ilse Varanek, telling reporters the talks had stalled, called them \"a waste of a winter\".",
			quote: "a waste of a winter", want: "",
		},
	}
	checkSpeakerCases(t, cases, func(text string) []Found { return Article(text, 0) })
}

// speakerCase is a text and who its quotation opening with quote is
// given to (want, "" for no one), or that it is no quotation (dropped).
type speakerCase struct {
	name, text, quote, want string
	dropped                 bool
	whole                   bool // the quotation is quote, not only opens with it
}

// checkSpeakerCases reads each case's text with read and checks the
// first quotation, in text order, that opens with the case's quote.
func checkSpeakerCases(t *testing.T, cases []speakerCase, read func(text string) []Found) {
	t.Helper()
	for _, c := range cases {
		found := read(c.text)
		checkBounds(t, c.text, 0, found)
		var got *Found
		for i := range found {
			if strings.HasPrefix(found[i].Text, c.quote) {
				got = &found[i]
				break
			}
		}
		switch {
		case c.dropped && got != nil:
			t.Errorf("%s: %q is not a quotation, got speaker %q", c.name, c.quote, got.Speaker)
		case c.dropped:
		case got == nil:
			t.Errorf("%s: %q not found in %+v", c.name, c.quote, found)
		case got.Speaker != c.want:
			t.Errorf("%s: %q given to %q, want %q", c.name, c.quote, got.Speaker, c.want)
		case c.whole && got.Text != c.quote:
			t.Errorf("%s: quotation %q, want %q alone", c.name, got.Text, c.quote)
		}
	}
}

// TestTranscriptHeaderNames checks that a one-word label takes the full
// name an interview's header gives for it.
func TestTranscriptHeaderNames(t *testing.T) {
	text := "Interview\n\nInterviewer: Petra Volk, Northgate Radio.\n\n[00:00:04] VOLK: Minister, welcome.\n[00:00:07] BANFI: Thank you.\n[00:00:12] VOLK: Will you resign?\n[00:00:14] BANFI: No.\n"
	found := Transcript(text, 0)
	checkBounds(t, text, 0, found)
	want := []string{"Petra Volk", "Banfi", "Petra Volk", "Banfi"}
	if len(found) != len(want) {
		t.Fatalf("got %d turns, want %d: %+v", len(found), len(want), found)
	}
	for i, f := range found {
		if f.Speaker != want[i] {
			t.Errorf("turn %d %q: speaker %q, want %q", i, f.Text, f.Speaker, want[i])
		}
	}
}
