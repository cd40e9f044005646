// Package lemma gives the lemma (dictionary form) of English words from
// their form and part-of-speech tags, following UD English (EWT)
// conventions: "attacks"/NNS → "attack", "went"/VBD → "go", "n't" → "not",
// "'s"/VBZ → "be", proper nouns as written.
//
// # Method
//
// A Lemmatizer tries, in order:
//
//  1. its lexicon: word forms of the training data (lower-cased, with their
//     XPOS) whose lemma the later steps would get wrong;
//  2. exception lists written for Dyad: irregular verbs, irregular plurals,
//     comparatives such as "better" → "good", and numbers, which lose their
//     thousands separators as in EWT ("1,400" → "1400");
//  3. suffix rules learned from the training data: for each word ending (up
//     to MaxSuffix bytes) seen with an XPOS in at least two training words,
//     the most frequent edit. Of the rules matching a word, the longest
//     whose result is a lemma of the training data wins (allowing for a
//     doubled consonant or a final e: "hottest" → "hot"), else the longest.
//
// An edit takes the form as written or lower-cased, drops some final bytes
// and appends a string. Whether an unknown word keeps its capitals depends
// on its tag and shape (proper nouns keep theirs, a capitalised common noun
// at the start of a sentence does not), learned from the training data; a
// guessed lemma the training data knows takes the capitals it is written
// with there ("german" → "German"). In context, a clitic "'s" before
// "been" or "got" is "have", not "be".
//
// Train learns the lexicon and the rules from treebank sentences,
// deterministically; the shipped model is trained by `dyad train
// lemmatizer` on UD English EWT train and the GUM news train documents, and
// embedded in the binary.
//
// # Model format
//
// A model is gzip-compressed UTF-8 text: the line "dyad-lemmatizer\t1",
// then one entry per line, sorted within each kind, fields separated by
// tabs:
//
//	L form tag mode strip add   lexicon entry (lower-cased form)
//	R ending tag mode strip add suffix rule (lower-cased ending)
//	C tag shape keep            capitals of unknown words: 1 keeps them
//	W lemma                     a lemma of the training data
//
// where mode is "l" (edit the lower-cased form) or "k" (edit the form as
// written), strip the number of final bytes to drop and add the string to
// append.
package lemma
