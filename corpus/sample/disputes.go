package sample

// Dispute is one question on which the sample's sources contradict each
// other. It is the ground truth the story was written to: tests of
// contradiction finding check that they find each of these, and the sample's
// own tests check the texts still say what is listed here.
type Dispute struct {
	Question string
	Sides    [2]Side
}

// Side is one answer to a dispute's question and who gives it.
type Side struct {
	Answer  string
	Stances []Stance
}

// Stance is one source stating a side. Phrase occurs verbatim in the
// document Doc (a path as the corpus names it), in a quote, in reported
// speech or as the outlet's own assertion.
type Stance struct {
	Who    string
	Doc    string
	Phrase string
}

// Disputes lists the contradictions written into the sample.
var Disputes = []Dispute{
	{
		Question: "Are the recordings authentic?",
		Sides: [2]Side{
			{Answer: "authentic", Stances: []Stance{
				{"Kestrel Investigations", "sample/kestrel-leaked-calls.md", "The recordings are authentic."},
				{"Helena Varga", "sample/kestrel-leaked-calls.md", "no trace of synthetic speech"},
				{"Anton Reich", "sample/meridian-review-payment.md", "consistent with two unedited telephone calls"},
				{"Anton Reich", "sample/meridian-review-payment.md", "found no evidence of editing"},
				{"Helena Varga", "sample/northwire-ministry-denies.md", "These are two real telephone calls"},
			}},
			{Answer: "fabricated", Stances: []Stance{
				{"Ministry of Energy and Ports", "sample/ministry-statement.md", "are fabricated"},
				{"Nikolai Sarkov", "sample/northwire-ministry-denies.md", "These recordings are fake."},
				{"Yuri Lantsov", "sample/kestrel-leaked-calls.md", "a crude fabrication"},
				{"Viktor Hallam", "sample/meridian-review-payment.md", "the files had been doctored"},
				{"Daria Mirova", "sample/varno-ledger-who-leaked.md", "the recordings were doctored"},
			}},
		},
	},
	{
		Question: "Who leaked the recordings?",
		Sides: [2]Side{
			{Answer: "a foreign intelligence service", Stances: []Stance{
				{"Ministry of Energy and Ports", "sample/ministry-statement.md", "prepared and distributed by a foreign intelligence service"},
				{"Nikolai Sarkov", "sample/northwire-ministry-denies.md", "a forgery produced by a foreign intelligence service"},
			}},
			{Answer: "insiders in Vardenia's government", Stances: []Stance{
				{"Yuri Beskov", "sample/northwire-ministry-denies.md", "leaked by someone inside the ministry"},
				{"Yuri Beskov", "sample/varno-ledger-who-leaked.md", "a disgruntled insider in the ministry"},
				{"Unity Party officials", "sample/varno-ledger-who-leaked.md", "officials loyal to Deputy Prime Minister Stefan Dragan"},
			}},
		},
	},
	{
		Question: "Did the minister know of and approve the tender conditions?",
		Sides: [2]Side{
			{Answer: "approved", Stances: []Stance{
				{"Yuri Lantsov", "sample/call-1-lantsov-wendt.md", "He read the memo on Friday and he approved it."},
				{"Yuri Lantsov", "sample/call-2-lantsov-holm.md", "The minister approved them in February."},
				{"a senior ministry official", "sample/kestrel-leaked-calls.md", "confirmed that the minister approved the tender conditions"},
			}},
			{Answer: "did not know, did not approve", Stances: []Stance{
				{"Ministry of Energy and Ports", "sample/ministry-statement.md", "never approved tender conditions outside the lawful procedure"},
				{"Nikolai Sarkov", "sample/northwire-ministry-denies.md", "I did not know about any of this, and I did not approve anything"},
				{"Nikolai Sarkov", "sample/meridian-review-payment.md", "has denied that he knew of the conditions"},
				{"Daria Mirova", "sample/varno-ledger-who-leaked.md", "The minister never saw a memo on the Sevrin tender"},
			}},
		},
	},
	{
		Question: "Was the payment legal?",
		Sides: [2]Side{
			{Answer: "legal", Stances: []Stance{
				{"Oskar Wendt", "sample/kestrel-leaked-calls.md", "a normal, lawful payment"},
				{"Greta Holm", "sample/meridian-review-payment.md", "The fee was legal"},
				{"Yuri Lantsov", "sample/call-2-lantsov-holm.md", "It is legal."},
				{"Nordhaven Port Partners", "sample/northwire-ministry-denies.md", "a lawful advisory fee"},
			}},
			{Answer: "illegal", Stances: []Stance{
				{"Marta Oleksy", "sample/meridian-review-payment.md", "It is illegal, whatever the invoice calls it."},
				{"Yuri Beskov", "sample/northwire-ministry-denies.md", "the fee was an illegal payment"},
			}},
		},
	},
}
