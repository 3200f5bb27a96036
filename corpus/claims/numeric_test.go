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
		{"other times", "about 400 visitors came on Saturday to the harbour fair", "about 4,000 visitors came on Sunday to the harbour fair", false},
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
	for _, c := range []struct{ of, want string }{
		{"litres of oil escaped", "how many litres of oil escaped? 250,000 · 40,000"},
		{"percent of voters backed", "what share of voters backed? 250,000 · 40,000"},
		{"per cent of voters backed", "what share of voters backed? 250,000 · 40,000"},
	} {
		if got := numberQuestion(c.of, []string{"250,000 litres", "40,000 litres"}); got != c.want {
			t.Errorf("numberQuestion(%q) = %q, want %q", c.of, got, c.want)
		}
	}
}
