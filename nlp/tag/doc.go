// Package tag assigns part-of-speech tags: a universal tag (UPOS) and a
// Penn Treebank tag (XPOS) for every word of a sentence.
//
// The tagger is a greedy left-to-right averaged perceptron. Its classes are
// the (UPOS, XPOS) pairs of the training data, so the two tags always agree.
// The features of a word are its form and lower-cased form, prefixes and
// suffixes, its character shape, the words around it, the two classes
// already chosen before it and the ambiguity classes (the set of tags seen
// in training) of the word and its neighbours. A second pass tags the
// sentence again seeing the first pass's classes of the words after each
// word too; it leaves the words the first pass was sure of as they are.
// Frequent words that always had one class in training get it without
// scoring. The shipped model is the sum of taggers learnt with
// different seeds.
//
// For the words the last pass scored, the tagger also gives its runner-up
// tags (nlp.Token.Alt) and by how much they trailed, per member of the
// ensemble, so that the parser can choose between the two as it parses.
//
// # Model format
//
// A model file is written by the shared perceptron format: the magic
// string "dyad-tagger-3", the UPOS and XPOS names of the classes, the
// number of taggers summed into the model, the word dictionary (sorted
// hashes of lower-cased words as varint deltas, each with its ambiguity
// class number), the fixed words (hash deltas, each with its class), then
// the number of passes and a perceptron for each, stored as the hash
// table it is used as (see the perceptron format), so that the embedded
// model is used where it lies in the binary.
package tag
