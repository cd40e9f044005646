// Package tokenize splits English text into sentences and tokens following
// the conventions of UD English (the EWT treebank), so that the tagger and
// parser, trained on EWT, see the words they were trained on.
//
// # Tokens
//
// Text is cut at whitespace, and each chunk into tokens by rules written
// from EWT's conventions:
//
//   - Clitics become multiword tokens: "don't" is one token of two words,
//     "do" and "n't"; "can't" is "ca" + "n't", "cannot" "can" + "not",
//     "Iraq's" "Iraq" + "'s", "soldiers'" "soldiers" + "'", and so are the
//     apostrophe-less "dont", "im", "gonna" ("gon" + "na").
//   - Hyphenated compounds are split ("search - engine") except after
//     prefixes EWT keeps ("e-mail", "anti-American", "mid-July") and, unlike
//     EWT, Arabic name particles ("al-Qaeda", "el-Sisi"), which Dyad keeps
//     whole because actor dictionaries name them so.
//   - URLs, e-mail addresses, numbers ("1,400", "3.5", "10:30", dates and
//     phone numbers), abbreviations ("U.S.", "Gen.", "e.g."), initials and
//     smileys stay whole; currency signs, units ("5kg") and percent signs
//     are split off.
//
// Every word carries the byte offsets of its token in the text; the words
// of a multiword token share the token's span, and their forms spell it.
//
// # Sentences
//
// A blank line always ends a sentence, and no sentence grows beyond
// Options.MaxSentenceWords. Within a paragraph, rules find sentence ends at
// final punctuation, taking closing quotes and brackets along, and not after
// titles ("Mr.", "Gen."), initials or "No." before a number; after another
// abbreviation ("U.S.") only before a word that starts sentences ("The",
// "He"). A Splitter learned from EWT and GUM news (an averaged perceptron
// over the words and shapes around each gap, with the rules' decision as a
// clue) overrules them where the data says: it ends sentences of web text
// that lack punctuation and keeps others whole. Default returns the
// tokenizer with the shipped Splitter; New with a zero Options splits by the
// rules alone.
package tokenize
