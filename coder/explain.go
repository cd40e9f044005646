package coder

import (
	"fmt"

	"dyad/dict"
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
		if err := ExplainEvent(w, e, "    "); err != nil {
			return err
		}
	}
	return nil
}

// ExplainEvent writes the words of an event's anchor and actors and the
// dictionary entries behind it, one per line, each line starting with
// indent.
func ExplainEvent(w io.Writer, e *Event, indent string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	anchor := e.Anchor
	if anchor == "" {
		anchor = "verb"
	}
	fmt.Fprintf(tw, "%s%s\t%s\n", indent, anchor, spanText(e.Verb))
	fmt.Fprintf(tw, "%ssource\t%s\n", indent, spanText(e.SourceSpan))
	fmt.Fprintf(tw, "%starget\t%s\n", indent, spanText(e.TargetSpan))
	for _, ev := range e.Evidence {
		code := ""
		if ev.Code != "" {
			code = "[" + ev.Code + "]"
		}
		src := ""
		if ev.Source != (dict.Source{}) {
			src = ev.Source.String()
		}
		fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\n", indent, ev.Role, ev.Entry, code, src)
	}
	return tw.Flush()
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
