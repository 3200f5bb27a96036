package claims

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/sample"
)

func TestZZDebug(t *testing.T) {
	paths := strings.Fields(os.Getenv("DBG"))
	if len(paths) == 0 {
		t.Skip()
	}
	c, err := corpus.Load(paths)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("CANDS") != "" {
		for _, cd := range candidates(c) {
			a := analyse(&cd)
			fmt.Printf("[%s|%s] %s\n   %v\n", cd.claim.Kind, cd.claim.Holder, cd.claim.Text, a.stances)
		}
	}
	cs := Find(c)
	for _, tp := range cs.Conflicts() {
		fmt.Printf("== %.2f %s\n   %s\n   id=%s\n", tp.Score, tp.Label, tp.Why, tp.ID)
		for _, p := range tp.Positions {
			fmt.Printf("  [%s]\n", p.Label)
			for _, id := range p.Claims {
				cl := cs.Claims[id]
				fmt.Printf("    %s (%s %s:%d): %.120s\n", cl.Holder, cl.Kind, c.Docs[cl.Doc].Path, cl.Line, cl.Text)
			}
		}
	}
}

func TestZZIdf(t *testing.T) {
	paths := strings.Fields(os.Getenv("DBG"))
	if len(paths) == 0 {
		t.Skip()
	}
	c, _ := corpus.Load(paths)
	cands := candidates(c)
	df := map[string]int{}
	for i := range cands {
		a := analyse(&cands[i])
		for k := range a.concepts {
			df[k]++
		}
		if strings.Contains(cands[i].claim.Text, os.Getenv("SHOW")) {
			fmt.Println(cands[i].claim.Text, a.concepts)
		}
	}
	fmt.Println(len(cands), df["call"], df["purport"], df["leak"])
}

func TestZZSample(t *testing.T) {
	if os.Getenv("SAMPLE") == "" {
		t.Skip()
	}
	c, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	cs := Find(c)
	for _, tp := range cs.Conflicts() {
		fmt.Printf("== %.2f %s\n   %s\n", tp.Score, tp.Label, tp.ID)
		for _, p := range tp.Positions {
			fmt.Printf("  [%s]\n", p.Label)
			for _, id := range p.Claims {
				cl := cs.Claims[id]
				fmt.Printf("    %s (%s %s:%d): %.150s\n", cl.Holder, cl.Kind, c.Docs[cl.Doc].Path, cl.Line, cl.Text)
			}
		}
	}
}
