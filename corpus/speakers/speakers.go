// Package speakers merges the names documents give their speakers into one
// speaker per person.
package speakers

import (
	"strings"

	"github.com/backchannel-news/backchannel/model"
)

// Mention is one name as a document gave it, with any role seen with it.
type Mention struct {
	Name string
	Role string
}

// Resolve merges mentions into speakers and returns, for each mention, the
// ID of its speaker in the returned slice (model.Unknown for an empty name).
func Resolve(mentions []Mention) ([]model.Speaker, []int) {
	var out []model.Speaker
	byKey := map[string]int{}
	ids := make([]int, len(mentions))
	for i, m := range mentions {
		name := strings.Join(strings.Fields(m.Name), " ")
		if name == "" {
			ids[i] = model.Unknown
			continue
		}
		key := strings.ToLower(name)
		id, ok := byKey[key]
		if !ok {
			id = len(out)
			byKey[key] = id
			out = append(out, model.Speaker{Name: name})
		}
		if m.Role != "" && !contains(out[id].Roles, m.Role) {
			out[id].Roles = append(out[id].Roles, m.Role)
		}
		ids[i] = id
	}
	return out, ids
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
