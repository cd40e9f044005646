// Package dict holds the dictionaries an event coder needs — actors,
// agents, verb patterns, discards, issues — in one in-memory model that does
// not depend on the file format they came from, and reads the PETRARCH
// formats into it.
//
// # The model
//
// A Dictionary is a set of entries, each remembering the file and line it
// was read from (Source), so that every coded event can name the entries
// that produced it:
//
//   - Actor: named phrases ("ARNOR", "MINAS TIRITH") with one or more codes,
//     optionally restricted to date ranges (DatedCode). The first restriction
//     that holds on the sentence's date wins; an unrestricted code is the
//     default.
//   - Agent: a phrase for a kind of actor ("PRESIDENT", "BORDER POLICE")
//     with a code that is appended to an actor code (GON + GOV = GONGOV) or,
//     for organisations, prefixed to it (NGO + ARN = NGOARN).
//   - VerbBlock: a group of verbs that share patterns and a default code
//     (Verb), the patterns (Pattern) that refine the code from the verb's
//     arguments, and synonym sets (Synset) the patterns may name.
//   - Transform: a rewrite of an event reported by another verb ("A says A
//     attacked B" becomes "A claims responsibility for attacking B").
//   - Discard: phrases that mark a sentence or a whole story as not to be
//     coded (sports results, say).
//   - Issue: phrases that tag an event with an issue (NUCLEAR_WEAPONS).
//   - Ontology: an optional numeric image of event codes used to negate and
//     combine codes (PETRARCH's internal coding ontology).
//
// Words are stored upper-case, one word per string; a phrase is a sequence
// of words that must appear consecutively. A Name whose Cased field holds
// its words as written matches only with that capitalisation, so that "IS"
// (the Islamic State), "WHO" and "CAR" are told from the words "is", "who"
// and "car"; the coder compares it with the words as the text has them
// (MatchFormsAt). Codes are opaque strings: the
// model does not require them to be CAMEO codes, because test dictionaries
// use other ones.
//
// Any reader can fill a Dictionary — the PETRARCH readers here, or Dyad's
// own format — and must then call Compile, which checks the entries and
// builds the lookup indexes the coder uses (longest-phrase matching of
// actors and agents, verb lookup by lemma or form, synset membership).
//
// # Anchors: verbs, event nouns and predicates
//
// PETRARCH codes events from verbs only. A Pattern's Anchor lets a
// dictionary also code events that a sentence states with a noun or a
// verbless predicate. The anchor word is still a Verb of the pattern's
// block (matched by its forms, or its lemma), so one block may hold the
// verb "attack", the noun "attack" and their patterns side by side; the
// Anchor of each pattern says which use it describes. A verb's own code
// (Verb.Code, the block's Code) applies only to verbs: nouns and
// predicates code through their patterns alone.
//
// VerbAnchor (the zero value; every PETRARCH pattern) reads as described
// under Pattern: Pre describes the subject, Post the objects and phrases.
//
// NounAnchor patterns describe the phrase of an event noun ("clashes",
// "truce", "attack"):
//
//   - In Pre, SourceSlot ($) means the noun's possessor is the source
//     ("Gondor's attack on Arnor"), TargetSlot (+) that it is the target;
//     either one requires a possessor that names an actor. Words,
//     synsets and noun phrases in Pre or Post may match the noun's own
//     modifiers ("chemical attack", "warplane strike") as well as words
//     of its phrases.
//   - In Post, a PrepPhrase holding a slot takes that phrase's object:
//     (ON +) the target, (BY $) the source, and (BETWEEN %) — a Compound
//     inside a prepositional phrase, which the PETRARCH-2 reader also
//     accepts — the actors of the object ("between A and B", "between the
//     two sides"), coded among themselves in both directions. A pattern
//     with such a pair slot fails unless it finds two actors there.
//   - Without a source slot, the source is the possessor, else the "by"
//     phrase, else the subject of the clause whose object or phrase the
//     noun is ("the group carried out attacks on B"), but only when that
//     clause's verb or predicate codes no event itself ("A condemned the
//     attack on B" says nothing about who attacked). Without a target
//     slot, the target is the possessor when the source came from
//     elsewhere, else the first of the noun's phrases (other than "by")
//     that names another actor.
//
// So "clashes between A and B" is a block CLASH with the pattern
// {Anchor: NounAnchor, Post: [(BETWEEN %)], Code: 190}, "A's attack on B"
// {Anchor: NounAnchor, Pre: [$], Post: [(ON +)]}, and "the truce with B"
// {Anchor: NounAnchor, Post: [(WITH +)]}.
//
// PredicateAnchor patterns describe a clause whose predicate is the anchor
// word without an eventive verb: an adjective or noun after a copula
// ("A is responsible for attacks on B", "A is at odds with B"), a passive
// or participle ("A and B were involved in clashes"), the preposition that
// introduces a predicate ("A was behind the attack on B": the anchor is
// "behind", and "attack" is a word of the pattern), or any of these
// describing a noun directly ("rebels responsible for attacks on B",
// "the group behind the attack"). Elements read as for verbs, except that
// the predicate's subject (or the noun it describes) is the source even
// when the participle is passive; a Compound (%) in Pre asks for a subject
// naming several actors, coded among themselves ("A and B are at odds");
// words before the anchor ("at" in "at odds") may match the predicate's
// own preposition. "A is responsible for attacks on B" is a block
// RESPONSIBLE with {Anchor: PredicateAnchor, Post: [(FOR) &ATTACK (ON +)]}.
//
// HasAnchor tells whether a dictionary has patterns of a kind at all, and
// AnchorPatterns returns a verb's patterns of one kind.
//
// # Checking
//
// Check reports what makes a compiled dictionary code other than its
// authors meant — lines the readers could not use, undefined synsets,
// unknown verbs, entries given twice, event codes that are not CAMEO codes
// (see package dyad/codebook) — each with its file and line, as errors or
// warnings. "dyad dict check" prints them.
//
// # Reading PETRARCH dictionaries
//
// Load reads a whole set named by Files (usually from a directory's
// PETR_config.ini, see FilesFromConfig). ReadActors, ReadAgents, ReadVerbs,
// ReadDiscards, ReadIssues and ReadOntology read one file each into a
// Dictionary. The readers are lenient in the way PETRARCH is: a line they
// cannot use is skipped and recorded as a Problem naming the file and line,
// so that a twenty-year-old dictionary with a few typos still loads. Input
// that cannot be a dictionary at all — binary data, a line over
// MaxLineBytes, a file over MaxFileBytes — is an error.
//
// The PETRARCH-2 verb format (used by CAMEO.2.0.txt) and the older
// PETRARCH-1 pattern format (CAMEO.verbpatterns.*.txt) are both read by
// ReadVerbs; see the Pattern type for the meaning of the pattern elements.
package dict
