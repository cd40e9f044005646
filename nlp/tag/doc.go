// Package tag assigns part-of-speech tags: a universal tag (UPOS) and a
// Penn Treebank tag (XPOS) for every word of a sentence.
//
// The tagger is a greedy left-to-right averaged perceptron. Its classes are
// the (UPOS, XPOS) pairs of the training data, so the two tags always agree.
// The features of a word are its form and lower-cased form, prefixes and
// suffixes, its character shape, the words around it, the two classes
// already chosen before it and the ambiguity classes (the set of tags seen
// in training) of the word and its neighbours.
//
// # Model format
//
// A model file is a gzip stream written by the shared perceptron format:
// the magic string "dyad-tagger-1", the UPOS and XPOS names of the classes,
// the word dictionary (sorted hashes of lower-cased words as varint deltas,
// each with its ambiguity class number), then the perceptron: class count,
// weight scale, the sorted feature keys as varint deltas and one row of
// int16 weights per key.
package tag
