// Package newspage reads a news web page: its metadata (title, standfirst,
// byline, publication time, language, canonical URL, publisher) and its body
// as typed blocks (paragraphs, headings, quotes, captions, pull quotes), with
// related-story teasers set apart.
//
// The main text is located by readeck's go-readability (a port of Mozilla's
// Readability). Readability keeps what sits inside the article container,
// and news pages put much there that is not the story: photo captions and
// credits, "More:" and "Read more" link lists, "SOURCE:" lines, newsletter
// and social prompts, repeated paragraphs. This package walks the extracted
// DOM itself, keeping class names, so that it can type each block and drop or
// set apart what is not body text.
//
// Untrusted pages are bounded: see [Limits].
package newspage
