package claims

import (
	"strings"
	"testing"
)

// Two figures for one measured thing, from two holders, conflict only
// when they are clearly apart, of the same unit and the same thing, for
// the same time, and neither is a bound.
func TestNumbersAsAnswers(t *testing.T) {
	cases := []struct {
		name, a, b string
		conflict   bool
	}{
		{"apart", "about 40,000 litres of oil escaped from the tank", "some 250,000 litres of oil escaped from the tank", true},
		{"scaled", "about 4.2 million customers were affected by the outage", "about 900,000 customers were affected by the outage", true},
		{"close estimates", "about 40,000 litres of oil escaped from the tank", "nearly 45,000 litres of oil escaped from the tank", false},
		{"a bound", "about 40,000 litres of oil escaped from the tank", "more than 250,000 litres of oil escaped from the tank", false},
		{"other units", "about 40 tonnes of oil escaped from the tank", "about 250,000 litres of oil escaped from the tank", false},
		{"other things", "about 40,000 litres of oil escaped from the tank", "about 250,000 litres of water flooded the cellar", false},
		{"exact counts", "112 passengers were on board the plane", "98 passengers were on board the plane", true},
		{"place after the count", "a plane with 112 passengers on board ran off the runway", "98 passengers were on board the plane", true},
		{"exact counts close", "112 passengers were on board the plane", "110 passengers were on board the plane", false},
		{"a code, not a count", "flight NV 408 followed the usual route", "flight NV 212 followed the usual route", false},
		{"other times", "about 400 visitors came on Saturday to the harbour fair", "about 4,000 visitors came on Sunday to the harbour fair", false},
		{"shares apart", "turnout in the county was 61% this autumn", "turnout in the county was 48% this autumn", true},
		{"shares close", "turnout in the county was 61% this autumn", "turnout in the county was 58% this autumn", false},
		{"shares of other things", "turnout in the county was 61% this autumn", "support for the mayor was 48% this autumn", false},
		{"negated", "about 40,000 litres of oil escaped from the tank", "the firm denied that 250,000 litres of oil escaped from the tank", false},
	}
	for _, c := range cases {
		body := "Engineer Rosa Lind said " + c.a + ".\nInspector Tor Wik said " + c.b + ".\n"
		cs := Find(load(t, body))
		got := false
		for _, tp := range cs.Conflicts() {
			if strings.HasPrefix(tp.ID, "num:") {
				got = true
			}
		}
		if got != c.conflict {
			t.Errorf("%s: numeric conflict %v, want %v", c.name, got, c.conflict)
		}
	}
}

func TestNumberQuestion(t *testing.T) {
	for _, c := range []struct{ sentence, want string }{
		{"The engineer said about 40,000 litres of oil escaped.", "how many litres of oil escaped? 40,000"},
		{"The engineer said 64 percent of voters backed the plan.", "what share of voters backed? 64"},
		{"The engineer said 64 per cent of voters backed the plan.", "what share of voters backed? 64"},
		{"The engineer said turnout was 61%.", "what was the turnout? 61%"},
		{"The engineer said turnout in the district rose to 71 percent.", "what was the turnout? 71"},
	} {
		cd := candidates(load(t, c.sentence+"\n"))[0]
		st := numericStances(&cd, make([]int, len(cd.toks)), make([]bool, len(cd.toks)))
		if len(st) != 1 {
			t.Errorf("%q: %d numeric stances, want 1", c.sentence, len(st))
			continue
		}
		if got := numberQuestion(st[0].of, []string{st[0].label}); got != c.want {
			t.Errorf("%q: question %q, want %q", c.sentence, got, c.want)
		}
	}
}
