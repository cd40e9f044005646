// Package fetch gets web documents the way a polite crawler should.
//
// A [Client] obeys robots.txt (cached per host), keeps to a per-host request
// rate and concurrency, bounds every request in time, redirects and body
// size, revalidates with ETag and Last-Modified through a [Cache], retries
// 429 and 503 answers with backoff honouring Retry-After, names itself with a
// configurable User-Agent, and accepts gzip, deflate and br encodings,
// decoding them within the same size bound.
//
// By default it refuses to connect to loopback, private, link-local,
// multicast and unspecified addresses, checked on the address dialled,
// after DNS resolution and redirects ([ErrForbiddenAddress]);
// Options.AllowPrivate lifts that for local servers. A robots.txt is
// fetched once per host while other fetches to the host wait for it, each
// within its own context; redirects of a robots.txt are followed without
// the rules being loaded, and redirects of a page within its host keep the
// page's concurrency slot.
//
// The zero [Options] value gives the defaults listed on each field.
package fetch
