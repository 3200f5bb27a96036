package cli

import (
	"flag"

	"github.com/backchannel-news/backchannel/ui/serve"
)

func serveCommand() *command {
	return &command{
		name:     "serve",
		synopsis: "[--listen ADDR] [--host-key FILE] [--authorized-keys FILE] [--max-sessions N] [--idle-timeout D] [--max-timeout D] [PATH...]",
		summary:  "serve the reader over SSH to the keys in an authorized_keys file",
		help:     "\n" + serve.Usage,
		define: func(fs *flag.FlagSet) func(*env, []string) int {
			o := serve.DefineFlags(fs)
			var lf loadFlags
			lf.define(fs)
			return func(e *env, paths []string) int {
				c, ok := lf.load(e, paths)
				if !ok {
					return exitFail
				}
				o.Annotations = openAnnotations(e, paths)
				// Blocks until SIGINT or SIGTERM.
				return serve.Run(c, *o, e.stderr)
			}
		},
	}
}
