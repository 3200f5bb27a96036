package cli

import (
	"runtime/debug"
	"strings"
)

// Version is backchannel's release. The module version and VCS revision the
// binary was built from are added to it when the Go toolchain recorded them.
const Version = "0.1.0"

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return Version
	}
	return Version + buildDetails(info)
}

// buildDetails describes how the binary was built: the module version when
// installed with "go install ...@version", else the commit of a checkout.
func buildDetails(info *debug.BuildInfo) string {
	var parts []string
	if v := info.Main.Version; v != "" && v != "(devel)" {
		parts = append(parts, info.Main.Path+" "+v)
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if len(parts) == 0 && rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified == "true" {
			rev += "-dirty"
		}
		parts = append(parts, "commit "+rev)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
