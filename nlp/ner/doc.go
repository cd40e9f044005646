// Package ner finds named entities — people, organisations and places —
// in tagged sentences, so that the coder can treat a name that no
// dictionary knows ("Liam Fox", "the Zapatista Front") as an actor of its
// kind rather than drop it.
//
// The recogniser is a greedy left-to-right averaged perceptron over BIO
// labels (B-PER, I-PER, B-ORG, …, O). The features of a word are its form,
// lower-cased form, character shape, prefixes and suffixes, its UPOS tag,
// the words, shapes and tags around it, the labels already chosen before
// it, whether the word is capitalised where a sentence does not make
// it so, and whether it is part of a name in the gazetteer that the model
// carries (Dyad's own dictionaries of countries, organisations, armed
// groups and leaders). A label that cannot follow the one before (I-ORG after B-PER) is
// never chosen.
//
// It learns from openly licensed data only: the GUM corpus's named entity
// mentions (person, organization, place; WebAnno TSV) and the Universal NER
// labels of the English Web Treebank's dev part. CoNLL-2003, whose licence
// forbids redistributing what is derived from it, is used for evaluation
// only (`dyad eval ner`).
//
// # Model format
//
// A file written by the shared perceptron format: the magic string
// "dyad-ner-2", the label names, the gazetteer's phrases (sorted) and
// their types, then one perceptron.
package ner
