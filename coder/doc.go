// Package coder codes political events — source actor, target actor and
// event code — from dependency-parsed sentences with a compiled
// dictionary (package dict).
//
// # How a sentence is coded
//
// For every verb the dictionary knows (by its form, or its lemma), the
// coder collects the verb's arguments from the Universal Dependencies tree
// (UD v1 relations are read as their v2 equivalents): the subject, the
// objects, prepositional phrases, particles and the clauses it governs. The
// verb's patterns are matched against them (see dict.Pattern) and the best
// match — the one explaining most words — gives the code; without one, the
// verb's own code applies. A negated verb takes the negated code from the
// dictionary's ontology, or codes nothing.
//
// Actors are the longest dictionary names in a noun phrase's own words
// (determiners, modifiers, possessors: "Gondor's government"), combined with
// the agents found there (GON + GOV = GONGOV). A phrase without an actor of
// its own takes the first actor of its prepositional phrases ("soldiers
// from Gondor"); conjuncts are coded one by one, and a conjunct that names
// only an agent borrows the actors of the others ("Danish media and
// government"). Dates select date-restricted actor codes.
//
// The source is the subject (shared along conjoined and open clauses, and
// the "by" phrase of a passive verb); the target is the object, else the
// first prepositional phrase naming an actor, else the subject or arguments
// of a governed clause. Pattern slots ($, +, ^) override both. A personal
// pronoun stands for the subject of the nearest governing clause.
//
// A verb that codes an event and governs a clause ("Arnor believes Gondor
// will ...", "noted that A regretted B") takes that clause as its target,
// and the governed verb's own event is not reported, unless only the
// governed verb matched a pattern or the governing one's subject is known
// only as an agent ("a senior official said ..."); the dictionary's
// transformations can rewrite such pairs ("A says B attacked C" into an
// accusation) and its ontology combine their codes ("intend" + "aid").
//
// An event needs a known actor on both sides, or a known actor opposite an
// agent without a known actor ("RUSCOP arrested ---EDU"); with
// Options.AllowNullActor one side may be missing. There is no default
// code: a verb the dictionary does not know, or knows with the null code,
// codes nothing. Events are reported once per (source, target, code) and
// carry their provenance: the spans of the verb and the actors and the
// dictionary entries (with file and line) that produced them.
//
// # Modality and statements
//
// Each event carries its Modality: whether the sentence asserts it, or
// tells it as negated (a negated anchor the dictionary's ontology has no
// negated code for), hypothetical ("could", "tried to"), conditional ("if"),
// wished for ("hoped … would", "urged … to", a purpose: "to attack"),
// refused, denied or in the future ("will", "plans to"). The modality comes
// from the anchor's clause and the clauses governing it: its auxiliaries,
// its subordinating word, and the verb, adjective or noun that governs it
// ("refused", "ready", "a plan to"); reported speech ("said …") keeps the
// modality of what it reports. Only asserted events are reported unless
// Options.KeepModal is set.
//
// A statement (CAMEO 01) is aimed at whom it is made to — an object, a
// prepositional phrase — never at an actor of the clause it reports
// ("Iran said Washington had concluded …" is no statement to the US), nor
// at a medium; such a report leaves the event it reports standing on its
// own, and the dictionary's transformations may still turn it into an
// accusation or a claim. Options.PETRARCH restores PETRARCH's
// conventions, in which a statement is aimed at what it is about.
//
// What a statement reports can make it a stronger act, aimed at the actor
// the reported clause or quotation is about: a demand on its subject
// ("said the insurgents must give up violence", "'The authorities must
// end this crackdown,' said …"), a threat ("if they attack again, we
// will fight them"), an accusation ("had told lies") or criticism
// ("said Beijing was overreacting", "the call was improper"). The cue must
// be the reported clause's own (its auxiliary, condition or predicate),
// not a word of a phrase in it or of a clause further down; the event's
// evidence names it ("stance").
//
// # Places, media and the story's country
//
// By Dyad's conventions (docs/ANNOTATION.md) places are not actors: a wire
// dateline ("HANOI, Vietnam (AP) —") is hung from the sentence's predicate
// and names no one; a place named in a locative phrase ("released in Doha,
// Qatar", "shot dead in Kosovo") is neither the target nor the source of a
// passive verb, except where one arrives; a thing is not the actor of the
// place it is in ("a building in Jerusalem"). A verbal event is never aimed
// at a medium ("told reporters", "told Agence France-Presse"), a
// cooperative one never at what it is against ("a campaign against US
// troops"), and a visit is the visitor's event only (a dictionary's
// mirrored code, "host", is kept only where it is the same code both ways).
// "According to" phrases are never actors. A phrase that names only an
// agent ("the senators", "police", "demonstrators") takes the country of
// the discourse's most salient actors when the event is made ("context" in
// the evidence); "people" alone is nobody.
//
// # Event nouns and predicates
//
// A dictionary whose patterns have noun or predicate anchors (see
// dict.AnchorKind) also codes what a sentence states without an eventive
// verb: "clashes between A and B" and "A's attack on B" (the source from a
// possessor, a "by" phrase, or the subject of a clause that codes nothing
// itself: "A carried out attacks on B"), "A is responsible for attacks on
// B", "A is at odds with B", "A was behind the attack on B", "A and B were
// involved in clashes" (the predicate's subject is the source). Nouns and
// predicates code only through patterns. Event.Anchor says which kind of
// word an event hangs on. The PETRARCH dictionaries have none of these
// patterns, and the coder then does not look for them.
//
// # Texts
//
// Code codes a sentence on its own. CodeIn codes it as the next sentence
// of a text, in a Discourse that remembers the actors earlier sentences
// named: a pronoun no clause of its sentence explains, a definite
// description that names no actor ("the group", "the militants", "the
// government", "both groups", "the two sides") and a shortened name ("the
// Islamic Army") stand for the most salient actors that fit, and the
// reference is part of the event's evidence ("reference": what it was taken
// to mean, with the actor's salience and where it was last mentioned).
// A person the text introduces by a title or a role ("Russian Finance
// Minister Oleg Baranov", "Pavel Orlov, head of the IMF's mission") is
// remembered by name for the rest of the text ("Baranov"); "he" and "she"
// stand only for people, the one named last, and a person no dictionary
// knows leaves them uncoded rather than taken for someone else.
package coder
