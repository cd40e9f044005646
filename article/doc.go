// Package article is the news article every stage of Dyad works on, and the
// readers that make one from what crawlers and scrapers store.
//
// An [Article] has metadata (title, standfirst, byline, publisher, date,
// language, URLs) and a body of typed [Block]s: paragraphs, headings,
// quotes, captions and pull quotes. [Article.Text] is the clean body text used
// for analysis: it leaves out captions, which describe pictures, and pull
// quotes, which repeat the body. Teasers for other stories are kept apart, in
// Related, so that no later stage codes another story's headline as news of
// this one.
//
// # Readers
//
//   - [FromText] reads plain-text dumps, detecting their layout.
//   - [FromHTML] extracts the article from a web page.
//   - [FromRecord] turns any document from package source into an Article,
//     choosing the reader by content type and filling in what the container
//     knew (a feed item's date, a JSON Lines row's title).
//
// Every reader detects the text encoding with package charset, bounds what
// it reads, and sets the content-derived ID with [Article.SetID].
package article
