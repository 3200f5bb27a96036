package claims

import "testing"

// The rules read a word's list memberships from its cached record; the
// record must say what the lists say, for any spelling of the word.
func TestWordInfoMirrorsTheLists(t *testing.T) {
	for _, l := range wordSetLists {
		for w := range l.list {
			if infoOf(w).is&l.bit == 0 {
				t.Errorf("%q is in list %b but its record does not say so", w, l.bit)
			}
		}
	}
	for _, w := range []string{"tender", "Velmora", "approved"} {
		in := infoOf(w)
		for _, l := range wordSetLists {
			if got, want := in.is&l.bit != 0, l.list[in.lower]; got != want {
				t.Errorf("%q in list %b: record says %v, list says %v", w, l.bit, got, want)
			}
		}
	}
	for _, w := range []string{"not", "never", "don't", "won’t"} {
		if infoOf(w).is&isNegatorWord == 0 {
			t.Errorf("%q is not recorded as a negator", w)
		}
	}
}

func TestWordInfoOfACapitalisedWord(t *testing.T) {
	in := infoOf("Tapped")
	if in.lower != "tapped" || in.topic != "leak" || !in.hasCue || in.cue.family != "leak" {
		t.Errorf(`infoOf("Tapped") = %+v; want lower "tapped", topic and cue family "leak"`, in)
	}
	if in := infoOf("Forged"); !in.axisWord || in.cue.axis < 0 || axes[in.cue.axis].name != "authentic/fake" {
		t.Errorf(`infoOf("Forged") = %+v; want an authentic/fake axis word`, in)
	}
	if in := infoOf("The"); in.is&(isDeterminer|isNounMarker) != isDeterminer|isNounMarker || !in.stop {
		t.Errorf(`infoOf("The") = %+v; want a stop word, determiner and noun marker`, in)
	}
}
