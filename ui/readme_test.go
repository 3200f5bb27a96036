package ui

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

// readmeKey is how the README writes a key tea names.
func readmeKey(k string) string {
	named := map[string]string{
		"tab": "Tab", "shift+tab": "Shift-Tab", "enter": "Enter", "esc": "Esc", " ": "Space",
		"up": "↑", "down": "↓", "pgup": "PgUp", "pgdown": "PgDn", "home": "Home", "end": "End",
	}
	if n, ok := named[k]; ok {
		return n
	}
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return "Ctrl-" + strings.ToUpper(c)
	}
	return k
}

var codeSpanRE = regexp.MustCompile("`([^`]+)`")

// The README's key tables and DefaultKeyMap name the same keys: every key
// bound is documented, and nothing documented is unbound.
func TestREADMEKeyTablesMatchKeyMap(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "## Key bindings")
	if start < 0 {
		t.Fatal("README has no Key bindings section")
	}
	section := readme[start+3:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	documented := map[string]bool{}
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue // only table rows name keys
		}
		for _, m := range codeSpanRE.FindAllStringSubmatch(line, -1) {
			documented[m[1]] = true
		}
	}
	bound := map[string]string{}
	km := reflect.ValueOf(DefaultKeyMap())
	for i := 0; i < km.NumField(); i++ {
		b := km.Field(i).Interface().(key.Binding)
		for _, k := range b.Keys() {
			bound[readmeKey(k)] = km.Type().Field(i).Name
		}
	}
	for k, field := range bound {
		if !documented[k] {
			t.Errorf("%s (%s) is bound but not in the README's key tables", k, field)
		}
	}
	for k := range documented {
		if _, ok := bound[k]; !ok {
			t.Errorf("README documents %q, which no binding has", k)
		}
	}
}

// Each pane's and view's own keys are in a README row for that place:
// a key documented only for another pane does not count.
func TestREADMEListsEachPlacesKeys(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string // where, keys
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) == 5 { // "", where, key, does, ""
			rows = append(rows, []string{cells[1], cells[2]})
		}
	}
	a := newTestApp(t, 80, 24)
	a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), nil, "tester")
	// Movement and global keys have their own table, for every pane.
	k := a.cm.Keys
	nav := map[string]bool{}
	for _, b := range append(k.navHelp(), k.NextPane, k.PrevPane, k.Search, k.Claims, k.Problems, k.Help, k.Quit, k.ForceQuit) {
		nav[b.Help().Desc] = true
	}
	places := map[string][][]key.Binding{
		"documents": a.docs.FullHelp(), "speakers": a.speakers.FullHelp(), "quotes": a.quotes.FullHelp(),
		"reader": a.reader.FullHelp(), "claims": a.claims.FullHelp(), "search": a.search.FullHelp(),
		"load problems": a.problems.FullHelp(), "loading": {{k.CancelLoad}},
	}
	places["reader"] = append(places["reader"], []key.Binding{k.MarkClaim})
	for where, cols := range places {
		for _, col := range cols {
			for _, b := range col {
				if nav[b.Help().Desc] {
					continue // documented once for every pane
				}
				name := "`" + readmeKey(b.Keys()[0]) + "`"
				found := false
				for _, r := range rows {
					found = found || (strings.Contains(r[0], where) && strings.Contains(r[1], name))
				}
				if !found {
					t.Errorf("README has no %s row for %s (%s)", where, name, b.Help().Desc)
				}
			}
		}
	}
}
