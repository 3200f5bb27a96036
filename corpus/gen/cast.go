package gen

import (
	"math/rand/v2"
	"strings"
)

// person is one invented speaker with every spelling the generated press
// uses for them. Several spellings per person is the point: transliterated
// names are spelled differently by different outlets and transcribers, and
// the speaker merger must be measured against that.
type person struct {
	firsts  []string // first-name spellings, the first is the most common
	lasts   []string // surname spellings
	title   string   // "Deputy Minister", used before the name
	role    string   // "the deputy minister", used instead of the name
	pronoun string   // "he" or "she"
}

// name returns a full name in one of the person's spellings.
func (p *person) name(r *rand.Rand) string {
	return pick(r, p.firsts) + " " + p.lastName(r)
}

// lastName favours the main spelling so that the variants stay variants.
func (p *person) lastName(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return pick(r, p.lasts)
	}
	return p.lasts[0]
}

// firstNames holds invented-cast given names with their transliteration
// variants, and a pronoun. Only given names come from life; every surname
// is built from syllables below, so no generated person is a real one.
var firstNames = []struct {
	spellings []string
	pronoun   string
}{
	{[]string{"Yuri", "Yury", "Iurii"}, "he"},
	{[]string{"Sergei", "Sergey", "Serhiy"}, "he"},
	{[]string{"Aleksei", "Alexei", "Alexey"}, "he"},
	{[]string{"Dmitri", "Dmitry", "Dmytro"}, "he"},
	{[]string{"Mikhail", "Mykhailo", "Michail"}, "he"},
	{[]string{"Andrei", "Andriy", "Andrey"}, "he"},
	{[]string{"Natalia", "Natalya", "Nataliya"}, "she"},
	{[]string{"Olga", "Olha"}, "she"},
	{[]string{"Tatiana", "Tatyana", "Tetiana"}, "she"},
	{[]string{"Yevgenia", "Evgenia", "Yevheniya"}, "she"},
	{[]string{"Maren"}, "she"},
	{[]string{"Ines", "Inés"}, "she"},
	{[]string{"Tomas", "Tomás", "Thomas"}, "he"},
	{[]string{"Lucia", "Lucía"}, "she"},
	{[]string{"Henrik", "Hendrik"}, "he"},
	{[]string{"Priya"}, "she"},
	{[]string{"Kofi"}, "he"},
	{[]string{"Jonas", "Jonás"}, "he"},
	{[]string{"Ilse"}, "she"},
	{[]string{"Rafael", "Raphael"}, "he"},
}

var (
	surnameHeads = []string{"Var", "Kol", "Bel", "Dor", "Zav", "Mar", "Tal", "Gren", "Vosk", "Lud", "Pet", "Sor", "Hral", "Kest", "Mir", "Ost", "Brav", "Dub", "Feld", "Hask", "Lorn", "Quist", "Rend", "Strand", "Vey"}
	surnameMids  = []string{"en", "o", "a", "i", "ush", "er", "ov", "an", "el", ""}
	// Each ending family lists the spellings outlets use for it.
	surnameTails = [][]string{
		{"kov", "koff"},
		{"ev", "yev", "iev"},
		{"enko", "enko"},
		{"sky", "ski", "skiy"},
		{"chuk", "czuk"},
		{"in", "yn"},
		{"berg"},
		{"holm"},
		{"stad"},
		{"ard"},
	}
	titles = []struct{ title, role string }{
		{"Deputy Minister", "the deputy minister"},
		{"Minister", "the minister"},
		{"Ambassador", "the ambassador"},
		{"Senator", "the senator"},
		{"Governor", "the governor"},
		{"Prosecutor", "the prosecutor"},
		{"", "the spokesperson"},
		{"", "the envoy"},
		{"", "the aide"},
		{"", "the chief executive"},
		{"", "the lawyer"},
		{"", "the analyst"},
		{"General", "the general"},
		{"Mayor", "the mayor"},
	}
	outlets = []string{"The Harbour Ledger", "Northgate Post", "Valley Dispatch", "The Morning Lantern", "Coastline Herald", "Meridian Wire", "The Civic Record", "Eastbank Courier", "The Granite Times", "Riverside Monitor"}
)

// makeCast invents n people from the corpus seed.
func makeCast(r *rand.Rand, n int) []person {
	cast := make([]person, n)
	seen := map[string]bool{}
	for i := range cast {
		fn := firstNames[r.IntN(len(firstNames))]
		var lasts []string
		for {
			head := pick(r, surnameHeads) + pick(r, surnameMids)
			tails := surnameTails[r.IntN(len(surnameTails))]
			lasts = lasts[:0]
			for _, t := range tails {
				if s := head + t; !contains(lasts, s) {
					lasts = append(lasts, s)
				}
			}
			if !seen[fn.spellings[0]+lasts[0]] || len(seen) > 50*len(surnameHeads) {
				break
			}
		}
		seen[fn.spellings[0]+lasts[0]] = true
		t := titles[r.IntN(len(titles))]
		cast[i] = person{firsts: fn.spellings, lasts: append([]string(nil), lasts...), title: t.title, role: t.role, pronoun: fn.pronoun}
	}
	return cast
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
