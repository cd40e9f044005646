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
// of words that must appear consecutively. Codes are opaque strings: the
// model does not require them to be CAMEO codes, because test dictionaries
// use other ones.
//
// Any reader can fill a Dictionary — the PETRARCH readers here, or Dyad's
// own format — and must then call Compile, which checks the entries and
// builds the lookup indexes the coder uses (longest-phrase matching of
// actors and agents, verb lookup by lemma or form, synset membership).
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
