package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/backchannel-news/backchannel/model"
)

// listOptions are the flags every listing command shares.
type listOptions struct {
	loadFlags
	format   format
	speakers []string
}

func (o *listOptions) define(fs *flag.FlagSet, speakerUsage string) {
	o.loadFlags.define(fs)
	o.format = formatText
	fs.Var(&o.format, "format", "print as `text`, json or csv")
	fs.Func("speaker", speakerUsage+" (any spelling the documents use, any case; repeat for several)", func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("empty speaker name")
		}
		o.speakers = append(o.speakers, s)
		return nil
	})
}

// loadFiltered loads the corpus and resolves the --speaker names: the
// preamble of every listing command. ok is false when either failed and
// the reason was printed.
func (o *listOptions) loadFiltered(e *env, paths []string) (c *model.Corpus, who map[int]bool, ok bool) {
	if c, ok = o.load(e, paths); !ok {
		return nil, nil, false
	}
	if who, ok = speakerFilter(e, c, o.speakers); !ok {
		return nil, nil, false
	}
	return c, who, true
}

// speakerFilter turns the --speaker names into speaker IDs; nil means no
// filter. A name no speaker goes by is reported with the closest names, and
// ok is false.
func speakerFilter(e *env, c *model.Corpus, names []string) (ids map[int]bool, ok bool) {
	if len(names) == 0 {
		return nil, true
	}
	ids = map[int]bool{}
	ok = true
	for _, n := range names {
		id := c.FindSpeaker(n)
		if id == model.Unknown {
			fmt.Fprintf(e.stderr, "backchannel: no speaker is called %q%s\n", n, suggestSpeakers(c, n))
			ok = false
			continue
		}
		ids[id] = true
	}
	return ids, ok
}

// suggestSpeakers names up to three speakers whose names or aliases look
// like name, so a partial or misspelt name leads somewhere.
func suggestSpeakers(c *model.Corpus, name string) string {
	var names []string
	var owner []int
	for _, s := range c.Speakers {
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			names = append(names, n)
			owner = append(owner, s.ID)
		}
	}
	seen := map[int]bool{}
	var out []string
	for _, m := range fuzzy.Find(name, names) {
		if seen[owner[m.Index]] {
			continue
		}
		seen[owner[m.Index]] = true
		out = append(out, fmt.Sprintf("%q", c.Speakers[owner[m.Index]].Name))
		if len(out) == 3 {
			break
		}
	}
	if len(out) == 0 {
		return ` (list them with "backchannel speakers")`
	}
	return " (did you mean " + strings.Join(out, ", ") + "?)"
}

// emit prints the n rows row(0)...row(n-1) in the chosen format. An empty
// text listing prints nothing on stdout and says so on stderr; JSON and CSV
// still print their empty array or header so scripts need no special case.
func emit[T any](e *env, f format, n int, row func(int) T, noun string, text func(*textStyles) *table) int {
	var err error
	switch f {
	case formatJSON:
		err = writeJSON(e.stdout, n, row)
	case formatCSV:
		err = writeCSV(e.stdout, n, row)
	default:
		if n == 0 {
			fmt.Fprintf(e.stderr, "backchannel: no %s found\n", noun)
			return exitOK
		}
		st := newTextStyles(e.stdout)
		err = text(st).write(e.stdout, st, terminalWidth(e.stdout))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "backchannel: writing output: %v\n", err)
		return exitFail
	}
	return exitOK
}

// rowOf is row i of rows, for emit.
func rowOf[T any](rows []T) func(int) T { return func(i int) T { return rows[i] } }

// location is the doc:line a journalist can open.
func location(path string, line int) string { return fmt.Sprintf("%s:%d", path, line) }

// nonNil keeps JSON arrays as [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
