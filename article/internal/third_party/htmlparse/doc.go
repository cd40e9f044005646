// Package htmlparse is golang.org/x/net/html's HTML5 parser (v0.62.0,
// BSD-3-Clause, LICENSE in this directory), forked to parse a page that is
// already in memory at about half the cost, into x/net/html's own Node
// type, so that Readability and Dyad walk the tree as before.
//
// The tree is the one x/net/html builds, node for node, for any input
// (TestSameTree on the shared pages, FuzzSameTree on any bytes); what
// changed is only how the tokenizer reads:
//
//   - [ParseString] tokenizes one buffer holding the whole page, never
//     refilled, and jumps through text, scripts, raw text and quoted
//     attribute values to the next byte that matters with bytes.IndexByte,
//     where x/net/html reads every byte through a refillable buffer;
//   - duplicate attributes are found by comparing the tag's few keys in
//     place, where x/net/html allocated each key twice and kept a map;
//   - tag names and attribute keys and values are returned without the copy
//     bytes.ReplaceAll made even when there was no NUL to replace, and a
//     token's attributes are allocated once at their number.
//
// Rendering, escaping and fragment parsing that Dyad does not use were left
// out. Changes of x/net/html's parser are not picked up by updating the
// module: this package is updated by copying the new files over and redoing
// the changes above.
package htmlparse
