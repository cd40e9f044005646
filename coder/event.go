package coder

import "dyad/dict"

// Event is a coded event: who did what to whom, and why the coder thinks
// so.
type Event struct {
	Source string `json:"source"` // actor code; "---" plus an agent when only the agent is known
	Target string `json:"target"`
	Code   string `json:"code"`
	// Sentence is the ID of the sentence the event was coded from.
	Sentence string `json:"sentence,omitempty"`
	// Anchor is the kind of word the event hangs on: "verb", "noun" (an
	// event noun: "clashes between A and B") or "predicate" ("A was
	// responsible for attacks on B").
	Anchor string `json:"anchor"`
	// Verb, SourceSpan and TargetSpan locate the anchor (the verb, noun or
	// predicate, with the other words of a multiword verb) and the two
	// actors' phrases in the sentence.
	Verb       Span `json:"verb"`
	SourceSpan Span `json:"source_span"`
	TargetSpan Span `json:"target_span"`
	// Rule says how the code was reached: "verb" (the verb's own code),
	// "pattern", and any of "negated", "combined", "transformed",
	// "reciprocal" joined by '+'.
	Rule string `json:"rule"`
	// Modality says whether the sentence tells the event as a fact
	// (Asserted) or as negated, hypothetical, conditional, wished for,
	// refused, denied, a purpose or in the future.
	Modality string `json:"modality"`
	// Confidence is the probability that an analyst would code the event
	// so, from the coding's evidence (see ConfidenceModel).
	Confidence float64 `json:"confidence"`
	features   []float64
	// Evidence lists the dictionary entries that produced the event.
	Evidence []Evidence `json:"evidence"`
}

// Span is a stretch of a sentence's words.
type Span struct {
	First int `json:"first"` // 1-based word ID of the first word; 0 if none
	Last  int `json:"last"`  // ID of the last word, inclusive
	// Start and End are byte offsets of the span in the text the sentence
	// was read from, or -1 when unknown.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Evidence is one dictionary entry behind an event.
type Evidence struct {
	// Role is what the entry did: "verb", "pattern", "source actor",
	// "source agent", "target actor", "target agent", "transformation",
	// "ontology".
	Role   string      `json:"role"`
	Entry  string      `json:"entry"` // the entry as written: a name, a verb, a pattern
	Code   string      `json:"code,omitempty"`
	Source dict.Source `json:"source"`
}
