// Package readability is readeck's go-readability v2.1.3
// (codeberg.org/readeck/go-readability/v2, MIT, LICENSE in this
// directory; a port of Mozilla's Readability.js 0.6.0), forked so that its
// scoring can be made cheaper without changing what it keeps. Dyad calls
// [Parser.ParseAndMutate] and reads only [Article.Node]; rendering, fetching
// and the metadata accessors were left out.
package readability
