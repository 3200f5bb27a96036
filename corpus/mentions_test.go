package corpus

import (
	"testing"

	"github.com/backchannel-news/backchannel/corpus/speakers"
)

func TestMentionTableKeepsEachDistinctMentionOnce(t *testing.T) {
	tab := newMentionTable()
	ana := speakers.Mention{Name: "Ana Perl", Role: "minister", Roles: []string{"minister"}}
	same := speakers.Mention{Name: "Ana Perl", Role: "minister", Roles: []string{"minister"}} // another document's slice
	if tab.id(ana) != tab.id(same) || len(tab.list) != 1 {
		t.Fatalf("equal mentions numbered apart: %d entries", len(tab.list))
	}
	// Mentions that differ in any field, including where one field ends
	// and the next begins, are apart.
	for _, m := range []speakers.Mention{
		{Name: "Ana Perl", Role: "minister"},
		{Name: "Ana Perl", Role: "minister", Roles: []string{"minister", ""}},
		{Name: "Ana Perl", Role: "minister", Roles: []string{"minister"}, Org: true},
		{Name: "Ana Perl", Role: "minister", Roles: []string{"minister"}, Scope: "call-1"},
		{Name: "Ana Perlminister", Roles: []string{"minister"}},
		{Name: "Ana Perl", Roles: []string{"minister", "minister"}},
	} {
		before := len(tab.list)
		if id := tab.id(m); int(id) != before || len(tab.list) != before+1 {
			t.Errorf("%+v numbered %d, as an earlier mention", m, id)
		}
	}
}
