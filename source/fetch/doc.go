// Package fetch gets web documents the way a polite crawler should.
//
// A [Client] obeys robots.txt (cached per host), keeps to a per-host request
// rate and concurrency, bounds every request in time, redirects and body
// size, revalidates with ETag and Last-Modified through a [Cache], retries
// 429 and 503 answers with backoff honouring Retry-After, names itself with a
// configurable User-Agent, and accepts gzip, deflate and br encodings,
// decoding them within the same size bound.
//
// The zero [Options] value gives the defaults listed on each field.
package fetch
