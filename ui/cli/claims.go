package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/corpus/claims"
	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/curation"
)

// claimTopic is one topic as the claims command prints it in JSON.
type claimTopic struct {
	ID        string          `json:"id"`
	Topic     string          `json:"topic"`
	Score     float64         `json:"score"`
	Why       string          `json:"why"`
	Curated   bool            `json:"curated"`
	Positions []claimPosition `json:"positions"`
}

type claimPosition struct {
	Label  string     `json:"label"`
	Claims []claimRow `json:"claims"`
}

type claimRow struct {
	Holder  string `json:"holder"`
	Text    string `json:"text"`
	Doc     string `json:"doc"`
	Line    int    `json:"line"`
	Curated bool   `json:"curated"`
	Note    string `json:"note,omitempty"`
}

// claimCSVRow is one claim per CSV line, with its topic and position.
type claimCSVRow struct {
	Topic    string  `json:"topic"`
	Score    float64 `json:"score"`
	Why      string  `json:"why"`
	Position string  `json:"position"`
	Holder   string  `json:"holder"`
	Text     string  `json:"text"`
	Doc      string  `json:"doc"`
	Line     int     `json:"line"`
	Curated  string  `json:"curated"`
}

func claimsCommand() *command {
	return &command{
		name:     "claims",
		synopsis: "[--format text|json|csv] [PATH...]",
		summary:  "list the topics sources disagree on, with each side's claims",
		help: `
Lists the topics on which sources contradict each other, strongest conflict
first: for each, why it was found (the terms its claims share and the cue
that opposes them), and each position with the claims taking it. Claims
curated in the reader (saved in the annotations file next to the corpus, or
in the data folder for the sample) are merged in and marked.

JSON: an array of topics with id, topic, score, why, curated and positions,
each with label and claims (holder, text, doc, line, curated, note). CSV: one
line per claim with its topic, score, why and position.`,
		define: func(fs *flag.FlagSet) func(*env, []string) int {
			var lf loadFlags
			lf.define(fs)
			f := formatText
			fs.Var(&f, "format", "print as `text`, json or csv")
			return func(e *env, paths []string) int {
				c, ok := lf.load(e, paths)
				if !ok {
					return exitFail
				}
				cs, ok := curatedClaims(e, c, paths)
				if !ok {
					return exitFail
				}
				topics := claimTopics(c, cs)
				switch f {
				case formatJSON:
					return emit(e, f, len(topics), rowOf(topics), "conflicting claims", nil)
				case formatCSV:
					rows := claimCSV(topics)
					return emit(e, f, len(rows), rowOf(rows), "conflicting claims", nil)
				}
				return emitClaimsText(e, topics)
			}
		},
	}
}

// curatedClaims finds the claims of c and merges the user's annotations
// for this corpus, if any were saved. A broken annotations file stops the
// command: showing claims without the user's curation would mislead.
func curatedClaims(e *env, c *model.Corpus, paths []string) (*model.ClaimSet, bool) {
	found := claims.Find(c)
	path, err := curation.PathFor(paths)
	if err != nil {
		return found, true // no data folder: nothing can have been saved
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return found, true
	}
	store, err := curation.Open(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "backchannel: %v\n", err)
		return nil, false
	}
	cs, stale := store.Apply(c, found)
	for _, s := range stale {
		fmt.Fprintf(e.stderr, "backchannel: annotation no longer applies: %s\n", s)
	}
	return cs, true
}

// openAnnotations opens the annotations file of the corpus from paths for
// the reader, creating it on the first change. When it cannot be opened (a
// broken file, no data folder) the reader still opens, with curation not
// saved, and the reason is printed.
func openAnnotations(e *env, paths []string) *curation.Store {
	path, err := curation.PathFor(paths)
	if err == nil {
		var store *curation.Store
		if store, err = curation.Open(path); err == nil {
			return store
		}
	}
	fmt.Fprintf(e.stderr, "backchannel: curation will not be saved: %v\n", err)
	return nil
}

func claimTopics(c *model.Corpus, cs *model.ClaimSet) []claimTopic {
	var out []claimTopic
	for _, t := range cs.Listed() {
		ct := claimTopic{ID: t.ID, Topic: t.Label, Score: t.Score, Why: t.Why.String(), Curated: t.Curated, Positions: []claimPosition{}}
		for _, p := range t.Positions {
			cp := claimPosition{Label: p.Label, Claims: []claimRow{}}
			for _, id := range p.Claims {
				cl := &cs.Claims[id]
				cp.Claims = append(cp.Claims, claimRow{
					Holder: cl.Holder, Text: cl.Text, Doc: c.Docs[cl.Doc].Path, Line: cl.Line,
					Curated: cl.Curated, Note: cl.Note,
				})
			}
			ct.Positions = append(ct.Positions, cp)
		}
		out = append(out, ct)
	}
	return out
}

func claimCSV(topics []claimTopic) []claimCSVRow {
	var rows []claimCSVRow
	for _, t := range topics {
		for _, p := range t.Positions {
			for _, cl := range p.Claims {
				rows = append(rows, claimCSVRow{
					Topic: t.Topic, Score: t.Score, Why: t.Why, Position: p.Label, Holder: cl.Holder,
					Text: cl.Text, Doc: cl.Doc, Line: cl.Line, Curated: fmt.Sprint(cl.Curated),
				})
			}
		}
	}
	return rows
}

// emitClaimsText prints each topic as a heading, its why, and a table of
// its claims by position. Curated claims are marked "+" in a column of their
// own, so they are told apart from those found automatically.
func emitClaimsText(e *env, topics []claimTopic) int {
	if len(topics) == 0 {
		fmt.Fprintln(e.stderr, "backchannel: no conflicting claims found")
		return exitOK
	}
	st := newTextStyles(e.stdout)
	width := terminalWidth(e.stdout)
	for i, t := range topics {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintf(e.stdout, "%s  %s\n", st.header.Render(fmt.Sprintf("%d. %s", i+1, t.Topic)), st.muted.Render(fmt.Sprintf("score %.2f", t.Score)))
		if t.Why != "" {
			fmt.Fprintln(e.stdout, st.muted.Render("   "+t.Why))
		}
		tb := &table{header: []string{"POSITION", "", "HOLDER", "WHERE", "CLAIM"}, styles: []lipgloss.Style{st.header, st.header, st.plain, st.muted}}
		for _, p := range t.Positions {
			for _, cl := range p.Claims {
				mark := " "
				if cl.Curated {
					mark = "+"
				}
				tb.add(p.Label, mark, cl.Holder, location(cl.Doc, cl.Line), "“"+oneLine(cl.Text)+"”")
			}
		}
		if err := tb.write(e.stdout, st, width); err != nil {
			fmt.Fprintf(e.stderr, "backchannel: writing output: %v\n", err)
			return exitFail
		}
	}
	return exitOK
}
