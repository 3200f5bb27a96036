package model

import "testing"

func claimSet(holders ...[]string) *ClaimSet {
	cs := &ClaimSet{}
	t := Topic{ID: "t"}
	for i, side := range holders {
		p := Position{Label: string(rune('a' + i))}
		for _, h := range side {
			p.Claims = append(p.Claims, len(cs.Claims))
			cs.Claims = append(cs.Claims, Claim{ID: len(cs.Claims), Holder: h, Topic: "t", Position: p.Label})
		}
		t.Positions = append(t.Positions, p)
	}
	cs.Topics = []Topic{t}
	return cs
}

func TestIsConflict(t *testing.T) {
	cases := []struct {
		name  string
		sides [][]string
		want  bool
	}{
		{"two holders opposed", [][]string{{"Ana"}, {"Ben"}}, true},
		{"one position only", [][]string{{"Ana", "Ben"}}, false},
		{"same holder both sides", [][]string{{"Ana"}, {"ana "}}, false},
		{"one holder on both, another on one", [][]string{{"Ana", "Ben"}, {"Ana"}}, true},
		{"empty side", [][]string{{"Ana"}, {}}, false},
	}
	for _, c := range cases {
		cs := claimSet(c.sides...)
		if got := cs.IsConflict(&cs.Topics[0]); got != c.want {
			t.Errorf("%s: IsConflict = %v, want %v", c.name, got, c.want)
		}
	}
	cs := claimSet([]string{"Ana"}, []string{"Ben"})
	cs.Topics[0].Dismissed = true
	if cs.IsConflict(&cs.Topics[0]) {
		t.Error("a dismissed topic is still a conflict")
	}
}

func TestConflictsRankedAndByHolder(t *testing.T) {
	cs := claimSet([]string{"Ana"}, []string{"Ben"})
	weak := cs.Topics[0]
	weak.ID, weak.Score = "weak", 1
	strong := cs.Topics[0]
	strong.ID, strong.Score = "strong", 5
	lone := Topic{ID: "lone", Score: 9, Positions: []Position{{Label: "x", Claims: []int{0}}}}
	cs.Topics = []Topic{weak, lone, strong}
	got := cs.Conflicts()
	if len(got) != 2 || got[0].ID != "strong" || got[1].ID != "weak" {
		ids := []string{}
		for _, t := range got {
			ids = append(ids, t.ID)
		}
		t.Fatalf("Conflicts = %v, want [strong weak]", ids)
	}
	if ids := cs.ByHolder("ANA"); len(ids) != 1 || ids[0] != 0 {
		t.Errorf("ByHolder(ANA) = %v, want [0]", ids)
	}
	if cs.Topic("lone") == nil || cs.Topic("none") != nil {
		t.Error("Topic lookup by ID is wrong")
	}
}
