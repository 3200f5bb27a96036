package cli

import (
	"flag"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README's example output from the current binary")

// exampleRE finds README examples written as a console block whose first
// line is "$ backchannel ARGS" or "$ backchannel ARGS | head -n N".
var exampleRE = regexp.MustCompile("(?s)```console\n\\$ backchannel ([^\n|]*?)(?: \\| head -n (\\d+))?\n(.*?)```")

// The README's examples are what the binary prints, so they cannot rot.
// After a change to extraction, regenerate with go test ./ui/cli -update.
func TestREADMEExamples(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	matches := exampleRE.FindAllStringSubmatchIndex(readme, -1)
	if len(matches) == 0 {
		t.Fatal("README has no console example of backchannel")
	}
	var out strings.Builder
	last := 0
	for _, m := range matches {
		args := shellWords(readme[m[2]:m[3]])
		r := run(t, "", args...)
		if r.code != 0 {
			t.Fatalf("README example %q: exit %d: %s", args, r.code, r.stderr)
		}
		got := r.stdout
		if m[4] >= 0 {
			n, _ := strconv.Atoi(readme[m[4]:m[5]])
			got = firstLines(got, n)
		}
		if want := readme[m[6]:m[7]]; got != want && !*update {
			t.Errorf("README example %q is stale (run go test ./ui/cli -update):\n--- README\n%s--- binary\n%s", args, want, got)
		}
		out.WriteString(readme[last:m[6]])
		out.WriteString(got)
		last = m[7]
	}
	out.WriteString(readme[last:])
	if *update && out.String() != readme {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "")
}

// shellWords splits a command line on spaces, keeping "double quoted"
// words together, which is all the README's examples use.
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}
