package coder

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Explain writes a readable account of a sentence's coding: each event with
// the words of its verb and actors and the dictionary entries (with file
// and line) that produced it, then any discard or problem.
func Explain(w io.Writer, r Result) error {
	if len(r.Events) == 0 && r.Discard == nil && len(r.Problems) == 0 {
		_, err := fmt.Fprintln(w, "  no events")
		return err
	}
	if r.Discard != nil {
		kind := "sentence"
		if r.Discard.Story {
			kind = "story"
		}
		fmt.Fprintf(w, "  %s discarded: %q (%s)\n", kind, r.Discard.Text, r.Discard.Source)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  problem %s: %s\n", p.Kind, p.Msg)
	}
	for i := range r.Events {
		e := &r.Events[i]
		fmt.Fprintf(w, "  %s %s → %s (%s)\n", e.Code, e.Source, e.Target, e.Rule)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "    verb\t%s\n", spanText(e.Verb))
		fmt.Fprintf(tw, "    source\t%s\n", spanText(e.SourceSpan))
		fmt.Fprintf(tw, "    target\t%s\n", spanText(e.TargetSpan))
		for _, ev := range e.Evidence {
			code := ""
			if ev.Code != "" {
				code = "[" + ev.Code + "]"
			}
			fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\n", ev.Role, ev.Entry, code, ev.Source)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// spanText writes a span as its words and word numbers.
func spanText(s Span) string {
	if s.First == 0 {
		return "(none)"
	}
	var b strings.Builder
	b.WriteString(s.Text)
	if s.First == s.Last {
		fmt.Fprintf(&b, " [word %d]", s.First)
	} else {
		fmt.Fprintf(&b, " [words %d-%d]", s.First, s.Last)
	}
	return b.String()
}
