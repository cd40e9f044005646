// Package dedup groups near-duplicate articles: syndicated copies of a wire
// story, re-publications with a new headline or an added paragraph, the same
// page read from a feed and from an archive. Later stages code each story
// once, from the first article of its group.
//
// Each article's text is cut into overlapping word shingles (5 words by
// default), summarised by a MinHash signature whose positions agree with
// probability equal to the Jaccard similarity of two shingle sets, and
// indexed by locality-sensitive hashing: the signature is split into bands,
// and articles that share any band become candidates. A candidate whose
// estimated similarity reaches the threshold makes the new article a
// duplicate of the candidate's group. Memory is a fixed 512 bytes of
// signature plus at most one bucket entry per band for each article
// (about 3 KB in all), whatever its length, and an addition compares
// against a bounded number of candidates. The index remembers a window of
// the latest articles (Options.Window), so that an endless stream is
// matched in bounded memory.
package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/article"
)

// Options tune the index. The zero value gives the defaults.
type Options struct {
	// Shingle is the number of words in a shingle (default 5).
	Shingle int
	// Bands and Rows shape the LSH index: the signature has Bands×Rows
	// hashes, and two articles become candidates when all Rows hashes of
	// some band agree (default 32×4, so pairs of similarity 0.5 become
	// candidates 87% of the time and pairs of 0.7 almost always).
	Bands, Rows int
	// Threshold is the least estimated Jaccard similarity of two shingle
	// sets for a near-duplicate (default 0.5).
	Threshold float64
	// MinWords is the length under which a text is matched only exactly,
	// because a few shingles say little (default 25).
	MinWords int
	// Window bounds the articles the index remembers (default 50,000,
	// about 150 MB): once the latest Window/2 are indexed, the older
	// ones are forgotten. An article is compared with at least the
	// Window/2 articles before it, and at most Window; syndicated copies
	// come within hours, not tens of thousands of articles later.
	Window int
}

func (o Options) withDefaults() Options {
	if o.Shingle <= 0 {
		o.Shingle = 5
	}
	if o.Bands <= 0 || o.Rows <= 0 {
		o.Bands, o.Rows = 32, 4
	}
	if o.Threshold <= 0 {
		o.Threshold = 0.5
	}
	if o.MinWords <= 0 {
		o.MinWords = 25
	}
	if o.Window <= 1 {
		o.Window = 50000
	}
	return o
}

// Match names the group an article joined.
type Match struct {
	// Of is the ID of the group's first article.
	Of string
	// Similarity is the estimated Jaccard similarity to the article
	// matched (1 for an exact copy).
	Similarity float64
}

// Index holds the articles seen so far, within its window. It is not safe
// for concurrent use.
type Index struct {
	opts Options
	a, b []uint64 // the hash functions h(x) = a·x + b
	// cur indexes the latest articles, old the Window/2 before them.
	cur, old *generation
	seen     map[int32]bool // candidates compared in one generation
}

// generation is the index of a run of consecutive articles.
type generation struct {
	sigs  [][]uint32
	roots []string // group root ID of each entry
	bands []map[uint64][]int32
	exact map[uint64]int32 // hash of the normalised text of short entries
}

func newGeneration(bands int) *generation {
	g := &generation{bands: make([]map[uint64][]int32, bands), exact: map[uint64]int32{}}
	for i := range g.bands {
		g.bands[i] = map[uint64][]int32{}
	}
	return g
}

// New returns an empty index.
func New(opts Options) *Index {
	opts = opts.withDefaults()
	n := opts.Bands * opts.Rows
	// A fixed seed makes the signatures, and so the grouping, reproducible.
	rng := rand.New(rand.NewPCG(0x6479616401, 0x6465647570))
	ix := &Index{opts: opts, a: make([]uint64, n), b: make([]uint64, n), cur: newGeneration(opts.Bands), seen: map[int32]bool{}}
	for i := range n {
		ix.a[i], ix.b[i] = rng.Uint64()|1, rng.Uint64()
	}
	return ix
}

// Add indexes a text under id and reports the group it joins, if it is a
// near-duplicate of a text added before; ok is false for a new story.
//
// Only the first maxTextBytes of text are read: that tells copies apart as
// well as the whole, and bounds the work on a huge text.
func (ix *Index) Add(id, text string) (m Match, ok bool) {
	if n := maxTextBytes; len(text) > n {
		for n > 0 && !utf8.RuneStart(text[n]) {
			n--
		}
		text = text[:n]
	}
	if len(ix.cur.roots) >= ix.opts.Window/2 {
		ix.old, ix.cur = ix.cur, newGeneration(ix.opts.Bands)
	}
	g := ix.cur
	words := Words(text)
	self := int32(len(g.roots))
	// The older generation is searched first, so that on a tie the
	// earlier article wins.
	gens := []*generation{g}
	if ix.old != nil {
		gens = []*generation{ix.old, g}
	}
	if len(words) < ix.opts.MinWords {
		key := hashWords(words)
		for _, h := range gens {
			if j, found := h.exact[key]; found {
				g.roots = append(g.roots, h.roots[j])
				g.sigs = append(g.sigs, nil)
				if h != g {
					g.exact[key] = self
				}
				return Match{Of: h.roots[j], Similarity: 1}, true
			}
		}
		g.exact[key] = self
		g.roots = append(g.roots, id)
		g.sigs = append(g.sigs, nil)
		return Match{}, false
	}
	sig := ix.signature(words)
	keys := make([]uint64, ix.opts.Bands)
	for band := range ix.opts.Bands {
		keys[band] = bandKey(sig[band*ix.opts.Rows : (band+1)*ix.opts.Rows])
	}
	var bestGen *generation
	best, bestSim := int32(-1), 0.0
	for _, h := range gens {
		clear(ix.seen)
		for band, k := range keys {
			for _, j := range h.bands[band][k] {
				if ix.seen[j] {
					continue
				}
				ix.seen[j] = true
				if s := similarity(sig, h.sigs[j]); s > bestSim || (s == bestSim && h == bestGen && j < best) {
					bestGen, best, bestSim = h, j, s
				}
			}
		}
	}
	dup := best >= 0 && bestSim >= ix.opts.Threshold
	// A close copy adds nothing to match against that its group does not
	// have already; leaving it out keeps buckets small when one wire story
	// comes thousands of times. A copy of an article of the older
	// generation is indexed, so that its story outlives the generation.
	if !dup || bestSim < closeCopy || bestGen != g {
		for band, k := range keys {
			if b := g.bands[band][k]; len(b) < maxBucket {
				g.bands[band][k] = append(b, self)
			}
		}
	}
	g.sigs = append(g.sigs, sig)
	if dup {
		g.roots = append(g.roots, bestGen.roots[best])
		return Match{Of: bestGen.roots[best], Similarity: bestSim}, true
	}
	g.roots = append(g.roots, id)
	return Match{}, false
}

// closeCopy is the similarity above which a duplicate is not indexed, and
// maxBucket bounds the articles one band bucket holds, so that adding an
// article costs at most Bands×maxBucket comparisons whatever the corpus.
const (
	closeCopy = 0.9
	maxBucket = 64
)

// maxTextBytes is the prefix of a text the index reads: 256 KiB, five
// times the longest news article.
const maxTextBytes = 256 << 10

// AddArticle indexes an article's title, standfirst and body text under its
// ID and sets its DuplicateOf field to the group it joins.
func (ix *Index) AddArticle(a *article.Article) (Match, bool) {
	m, ok := ix.Add(a.ID, a.FullText())
	a.DuplicateOf = m.Of
	return m, ok
}

// Len reports how many texts the index holds.
func (ix *Index) Len() int {
	n := len(ix.cur.roots)
	if ix.old != nil {
		n += len(ix.old.roots)
	}
	return n
}

// signature computes the MinHash signature of the word shingles. The
// shingles are hashed first and each hash function then runs over all of
// them, so that its two coefficients and its minimum stay in registers: the
// loop the other way round (every function for each shingle) loaded and
// stored all three for each of the 128 functions, and cost 3 % of dyad
// extract's instructions.
func (ix *Index) signature(words []string) []uint32 {
	k := ix.opts.Shingle
	xs := make([]uint64, 0, max(0, len(words)-k+1))
	for i := 0; i+k <= len(words); i++ {
		xs = append(xs, hashWords(words[i:i+k]))
	}
	sig := make([]uint32, len(ix.a))
	for j, a := range ix.a {
		b, m := ix.b[j], ^uint32(0)
		for _, x := range xs {
			if h := uint32((a*x + b) >> 32); h < m {
				m = h
			}
		}
		sig[j] = m
	}
	return sig
}

func similarity(a, b []uint32) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

func bandKey(rows []uint32) uint64 {
	h := fnv.New64a()
	var buf [4]byte
	for _, r := range rows {
		binary.LittleEndian.PutUint32(buf[:], r)
		h.Write(buf[:])
	}
	return h.Sum64()
}

// hashWords is the 64-bit FNV-1a hash of the words, each followed by a
// zero byte, computed inline rather than through hash/fnv, which converted
// each word to a []byte.
func hashWords(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= prime
		}
		h *= prime // the zero byte: h ^= 0 leaves h as it is
	}
	return h
}

// Words splits text into lower-case words of letters and digits, the units
// shingles are made of; punctuation, quotes and spacing do not count, so
// copies that differ only in typography match exactly.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}
