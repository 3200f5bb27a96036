package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/model/curation"
)

// TestMain keeps every test of the command line away from the user's own
// annotations: the sample corpus's live in the data folder, and one curated
// by hand would change what claims prints.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "backchannel-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func claimsJSON(t *testing.T, args ...string) []claimTopic {
	t.Helper()
	r := run(t, "", append([]string{"claims", "--format", "json"}, args...)...)
	if r.code != exitOK {
		t.Fatalf("claims exited %d: %s", r.code, r.stderr)
	}
	var topics []claimTopic
	if err := json.Unmarshal([]byte(r.stdout), &topics); err != nil {
		t.Fatalf("claims JSON: %v\n%s", err, r.stdout)
	}
	return topics
}

func TestClaimsJSONShowsTheSampleDisputeWithPlaces(t *testing.T) {
	r := run(t, "", "claims", "--format", "json")
	if got, want := jsonKeys(t, r.stdout), []string{"id", "topic", "score", "why", "curated", "positions"}; !reflect.DeepEqual(got, want) {
		t.Errorf("topic keys = %v, want %v", got, want)
	}
	topics := claimsJSON(t)
	c := sampleCorpus(t)
	found := false
	for i, tp := range topics {
		if i > 0 && tp.Score > topics[i-1].Score {
			t.Errorf("topic %q (%.2f) ranked below a weaker one (%.2f)", tp.Topic, tp.Score, topics[i-1].Score)
		}
		if tp.Why == "" || len(tp.Positions) < 2 {
			t.Errorf("topic %q has no why or fewer than two positions", tp.Topic)
		}
		sides := map[string]int{}
		for pi, p := range tp.Positions {
			for _, cl := range p.Claims {
				// doc:line must open the document where the claim is.
				var line string
				for _, d := range c.Docs {
					if d.Path == cl.Doc {
						line = d.Line(cl.Line)
					}
				}
				first := strings.Fields(cl.Text)[0]
				if !strings.Contains(line, first) {
					t.Errorf("claim %q: line %s:%d is %q", cl.Text, cl.Doc, cl.Line, line)
				}
				if strings.Contains(cl.Text, "The recordings are authentic.") {
					sides["authentic"] = pi + 1
				}
				if strings.Contains(cl.Text, "These recordings are fake.") {
					sides["fake"] = pi + 1
				}
			}
		}
		if sides["authentic"] != 0 && sides["fake"] != 0 && sides["authentic"] != sides["fake"] {
			found = true
		}
	}
	if !found {
		t.Error("no topic sets the sample's 'authentic' claim against its 'fake' one")
	}
}

func TestClaimsCSVOneLinePerClaim(t *testing.T) {
	topics := claimsJSON(t)
	want := 0
	for _, tp := range topics {
		for _, p := range tp.Positions {
			want += len(p.Claims)
		}
	}
	r := run(t, "", "claims", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "topic,score,why,position,holder,text,doc,line,curated" {
		t.Errorf("header = %v", rows[0])
	}
	if len(rows)-1 != want {
		t.Errorf("%d CSV rows, want one per claim (%d)", len(rows)-1, want)
	}
}

const disputeA = `---
outlet: Harbour Post
---
The harbour inspector, Ada Brun, said the crane was safe after the storm.
`

const disputeB = `---
outlet: Quay Weekly
---
Dock workers' leader Tor Vik said the crane was dangerous after the storm and should stop.
`

func TestClaimsMergesCurationAndMarksIt(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": disputeA, "b.md": disputeB})
	before := claimsJSON(t, dir)
	if len(before) == 0 {
		t.Fatal("the crane dispute was not found")
	}
	store, err := curation.Open(filepath.Join(dir, curation.FileName))
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "a.md")
	text := "The harbour inspector, Ada Brun, said the crane was safe after the storm."
	start := strings.Index(disputeA, text)
	if err := store.Add("ana", curation.Op{Kind: curation.Mark, Topic: "user:crane", Position: "safe",
		Doc: doc, Start: start, End: start + len(text), Holder: "Ada Brun", Text: text}); err != nil {
		t.Fatal(err)
	}
	if err := store.Add("ana", curation.Op{Kind: curation.Rename, Topic: "user:crane", Label: "Is the crane safe?"}); err != nil {
		t.Fatal(err)
	}
	if err := store.Add("ben", curation.Op{Kind: curation.Dismiss, Topic: before[0].ID}); err != nil {
		t.Fatal(err)
	}
	after := claimsJSON(t, dir)
	var curated *claimTopic
	for i := range after {
		if after[i].ID == before[0].ID {
			t.Error("a dismissed topic is still listed")
		}
		if after[i].ID == "user:crane" {
			curated = &after[i]
		}
	}
	if curated == nil || curated.Topic != "Is the crane safe?" || !curated.Curated ||
		len(curated.Positions) != 1 || !curated.Positions[0].Claims[0].Curated || curated.Positions[0].Claims[0].Line != 4 {
		t.Fatalf("curated topic = %+v", curated)
	}
	text2 := run(t, "", "claims", dir)
	if !regexp.MustCompile(`(?m)^safe +\+ +Ada Brun `).MatchString(text2.stdout) {
		t.Errorf("text output does not mark the curated claim:\n%s", text2.stdout)
	}
}

func TestClaimsRefusesBrokenAnnotations(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": disputeA, curation.FileName: "# notes\nop=dismiss oops\n"})
	r := run(t, "", "claims", dir)
	if r.code != exitFail || !strings.Contains(r.stderr, "line 2") {
		t.Errorf("exit %d, stderr %q; want failure naming line 2", r.code, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, curation.FileName))
	if string(data) != "# notes\nop=dismiss oops\n" {
		t.Error("the broken annotations file was changed")
	}
}

// A claim marked while the corpus was named one way still shows when it
// is named another: relative, absolute, with a trailing slash or through
// a symlink.
func TestClaimsCurationSurvivesAnotherNameForTheCorpus(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": disputeA, "b.md": disputeB})
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	t.Chdir(parent)
	store, err := curation.Open(filepath.Join(base, curation.FileName))
	if err != nil {
		t.Fatal(err)
	}
	text := "The harbour inspector, Ada Brun, said the crane was safe after the storm."
	start := strings.Index(disputeA, text)
	if err := store.Add("ana", curation.Op{Kind: curation.Mark, Topic: "user:crane", Position: "safe",
		Doc: filepath.Join(base, "a.md"), Start: start, End: start + len(text), Holder: "Ada Brun", Text: text}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{base, "./" + base + "/", dir, dir + "/", link} {
		r := run(t, "", "claims", "--format", "json", name)
		if r.code != exitOK || strings.Contains(r.stderr, "no longer applies") {
			t.Errorf("claims %s: exit %d, stderr %q", name, r.code, r.stderr)
			continue
		}
		var topics []claimTopic
		if err := json.Unmarshal([]byte(r.stdout), &topics); err != nil {
			t.Fatal(err)
		}
		marked := false
		for _, tp := range topics {
			for _, p := range tp.Positions {
				for _, cl := range p.Claims {
					marked = marked || (tp.ID == "user:crane" && cl.Curated && cl.Holder == "Ada Brun" && cl.Line == 4)
				}
			}
		}
		if !marked {
			t.Errorf("claims %s: the marked claim is missing from %+v", name, topics)
		}
	}
}
