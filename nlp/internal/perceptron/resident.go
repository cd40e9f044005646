package perceptron

import "sync/atomic"

// resident tells NewTrustedReader's models to copy their tables into
// memory of their own (see SetResident).
var resident atomic.Bool

// SetResident sets whether the models read from now on by a trusted
// Reader (the models embedded in the program) copy their large tables
// into anonymous memory backed by huge pages, where the system has them
// (Linux with transparent huge pages), instead of using them where they
// lie in the program's image.
//
// The tagger's and parser's tables, about 120 MB, are read at random, a
// few lookups a word; with the 4 KiB pages of the image nearly every
// lookup also misses the processor's address translation cache, and on a
// virtual machine a page walk is itself several memory accesses. With
// 2 MiB pages the translations of all the tables fit that cache: in runs
// of `dyad bench` tagging took about 7 % less CPU time and parsing about
// 11 % less. The copy costs about 0.1-0.5 s and touches every page when a
// model loads, which pays for a run of many articles, not for parsing a
// sentence; so it is off unless a command that runs the pipeline turns it
// on. The copied pages of the image are handed back to the system, so
// that the resident set grows by little: the data of a trusted Reader must
// therefore be the program's own image (an embedded file) or another
// mapping of a file, never memory of the heap, whose pages would read as
// zeros afterwards.
func SetResident(on bool) { resident.Store(on) }

// minResident is the size of the smallest table copied: smaller ones span
// few pages. A variable for the tests.
var minResident = 1 << 20
