// Package parse finds the syntactic structure of a tagged sentence: for
// every word its head and its Universal Dependencies relation, such as
// nsubj, obj or obl:agent.
//
// The parser is a transition-based parser in the arc-eager system, with
// the artificial root at the bottom of the stack. It searches with a beam
// of up to sixteen states but keeps only those that score close to the
// best, so that the beam is narrow where the parse is clear and wide where
// it is in doubt. An averaged perceptron scores each transition from the
// rich non-local features of Zhang and Nivre (2011): words and tags of the
// stack top, its head and grandparent, its leftmost and rightmost
// children, the next three buffer words and the leftmost children of the
// first, their distance and valencies; and, for want of the labels Zhang
// and Nivre use, the sets of tags of the stack top's children and of the
// buffer front's left children, and the number of verbs between the two.
// It learns globally, with a beam of eight and max-violation updates
// (Huang et al., 2012), on tags predicted by jackknifing and on training
// trees made projective by lifting; the shipped model is the sum of models
// learnt with different seeds, without the features whose weights stay
// small.
//
// The parser also settles the tags the tagger was in doubt about, in the
// manner of joint tagging and parsing (Bohnet and Nivre, 2012): where the
// tagger's runner-up tags (nlp.Token.Alt) come within a margin of its first
// choice, the word is tagged as it comes to the front of the buffer, each
// state of the beam taking one of the two, and its features (which carry
// the tagger's doubt) let the parse decide. A word of the best parse that
// took its runner-up gets those tags. Learning follows the gold tags where
// they are one of the two. Greedy parsing (a beam of one) keeps the
// tagger's first choice. A second perceptron then labels the finished tree top down,
// seeing the words and tags of each word and its head, the head's label,
// the function words among its children and siblings, and the labels of
// its siblings so far; a second pass sees the first pass's labels all
// around, and relabels only the words the first pass was unsure of. A
// sentence always gets a tree with a single root.
//
// # Model format
//
// A model file is written by the shared perceptron format: the magic
// string "dyad-parser-4", the relation names, the width of the search
// beam, its margin and the tagger margin under which runner-up tags are
// weighed (both float32), the ambiguity classes of the training words
// (word hash and class, as varint deltas), the transition perceptron (4
// classes: shift, reduce, left-arc, right-arc), then the number of
// labelling passes and a label perceptron (one class per relation) for
// each. A perceptron is stored as the hash table it is used as, so that
// the embedded model is used where it lies in the binary: loading it
// costs milliseconds, and only the pages that lookups touch are read.
package parse
