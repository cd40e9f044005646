// Package story codes whole news articles: the headline and standfirst with
// the body, one discourse for all of them, and each event once however
// often the article repeats it.
//
// Coding an article parses its title, standfirst and clean body text (the
// paragraphs, headings and block quotes of article.Article.Text: captions
// and pull quotes are left out, and related-story teasers are never part of
// it) and codes the sentences in order in one coder.Discourse, so that "the
// group", "it", "both groups" or "the two sides" stand for actors named
// earlier. Events that several sentences report — a headline, its
// standfirst and the body telling the same thing — are one Event with
// several Mentions, as GDELT counts mentions: two sentence events are the
// same event when they have the same source and target and the same code,
// or codes of which one refines the other (190 and 195, 087 and 0871), and
// do not give different days. An event in the headline, the standfirst or
// the first paragraph is a root event.
//
// Every event carries the article's date (Published, or a note that it is
// unknown) and, where a mention's sentence dates its clause ("at dawn on
// Wednesday", "last month", "a few months ago"), the event date that
// package when resolves, with its precision. The codebook gives each event
// its CAMEO label, Goldstein value, QuadClass and PLOVER mapping.
package story

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dyad/article"
	"dyad/codebook"
	"dyad/coder"
	"dyad/coder/when"
	"dyad/geo"
	"dyad/nlp"
)

// Parser parses a text into sentences whose word offsets point into it;
// nlp.Pipeline.Document is one.
type Parser interface {
	Document(id, text string) ([]nlp.Sentence, error)
}

// Options configure a Coder. The zero value is ready to use.
type Options struct {
	// Logger receives a line per coded article at debug level; nil
	// discards.
	Logger *slog.Logger
	// Gazetteer, if set, places each event where the article says it
	// happened (Event.Location); nil leaves events unplaced.
	Gazetteer *geo.Gazetteer
}

// Coder codes articles. It is safe for concurrent use if its parser is.
type Coder struct {
	c   *coder.Coder
	p   Parser
	g   *geo.Gazetteer
	log *slog.Logger
}

// New returns a Coder that parses with p (nil if only CodeSentences is
// used) and codes with c.
func New(c *coder.Coder, p Parser, opts Options) *Coder {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Coder{c: c, p: p, g: opts.Gazetteer, log: log.With("component", "story")}
}

// ErrNoParser is returned by Code for a Coder made without a parser.
var ErrNoParser = errors.New("story: no parser")

// Section is the part of an article a sentence is in.
type Section string

// The sections.
const (
	Headline   Section = "headline"
	Standfirst Section = "standfirst"
	Body       Section = "body"
)

// Story is the coding of one article.
type Story struct {
	ArticleID string `json:"article_id"`
	URL       string `json:"url,omitempty"`
	Origin    string `json:"origin,omitempty"`
	Title     string `json:"title,omitempty"`
	// Published is the article's date; zero when unknown.
	Published time.Time   `json:"published,omitzero"`
	Sentences []*Sentence `json:"sentences"`
	Events    []*Event    `json:"events"`
}

// Sentence is a coded sentence of the article.
type Sentence struct {
	Index   int     `json:"index"` // 1-based position in the article
	ID      string  `json:"id"`
	Section Section `json:"section"`
	// Paragraph is the 1-based body paragraph (block) the sentence is in;
	// 0 in the headline and standfirst.
	Paragraph int    `json:"paragraph,omitempty"`
	Text      string `json:"text"`
	// Start and End are byte offsets of the sentence in the article's
	// full text (title, standfirst and body separated by blank lines).
	Start int `json:"start"`
	End   int `json:"end"`
	// Discard and Problems are what the coder reported for the sentence.
	Discard    string            `json:"discard,omitempty"`
	References []coder.Reference `json:"references,omitempty"`
	Problems   []coder.Problem   `json:"problems,omitempty"`
	Parsed     *nlp.Sentence     `json:"-"`
	Dates      []when.Expr       `json:"-"`
	Result     coder.Result      `json:"-"`
}

// Event is one event of the article, however many sentences report it.
type Event struct {
	// ID identifies the event: a number computed from the article ID and
	// the event's first mention, stable across runs (GDELT's
	// GlobalEventID).
	ID     int64  `json:"id"`
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
	// Modality is how the article tells the event (coder.Asserted unless
	// the coder was asked to keep the others); mentions of one event share
	// it.
	Modality string `json:"modality"`
	// Confidence is the highest confidence of its mentions (see
	// coder.ConfidenceModel).
	Confidence float64 `json:"confidence"`
	// SourceName and TargetName are the words of the first mention that
	// named the actors.
	SourceName string `json:"source_name"`
	TargetName string `json:"target_name"`
	// The code's attributes from the CAMEO codebook; zero for a code the
	// codebook does not have (test dictionaries use other codes).
	Root      string          `json:"root,omitempty"`
	Label     string          `json:"label,omitempty"`
	Goldstein float64         `json:"goldstein"`
	QuadClass codebook.Quad   `json:"quad_class,omitempty"`
	PLOVER    codebook.PLOVER `json:"plover"`
	// IsRoot is set when a mention is in the headline, the standfirst or
	// the first body paragraph.
	IsRoot bool `json:"is_root"`
	// Published is the article's date (zero when unknown); Date is the
	// event's own date when a mention's sentence gives one.
	Published      time.Time  `json:"published,omitzero"`
	PublishedKnown bool       `json:"published_known"`
	Date           *when.Date `json:"date,omitempty"`
	// Location is where the event happened, when the article says and
	// the Coder has a gazetteer.
	Location *Location `json:"location,omitempty"`
	Mentions []Mention `json:"mentions"`

	// descr says whether all mentions name the source (0) or target (1)
	// only by a description in the headline or standfirst.
	descr [2]bool
}

// Mention is one sentence's report of an event: the sentence coder's event
// (spans, rule, evidence) and where it is in the article.
type Mention struct {
	Sentence   int     `json:"sentence"` // Sentence.Index
	SentenceID string  `json:"sentence_id"`
	Section    Section `json:"section"`
	Paragraph  int     `json:"paragraph,omitempty"`
	Text       string  `json:"text"` // the sentence
	// Code is the code this mention gave, which may be less specific than
	// the event's.
	Code string `json:"code"`
	// Date is the time expression of the mention's clause, if any.
	Date  *when.Date  `json:"date,omitempty"`
	Event coder.Event `json:"coding"`
}

// segment is a part of the article's full text.
type segment struct {
	section    Section
	paragraph  int
	start, end int
}

// layout joins the title, standfirst and body blocks as Article.FullText
// does and returns the text with the place of each part.
func layout(a *article.Article) (string, []segment) {
	var b strings.Builder
	var segs []segment
	add := func(sec Section, par int, text string) {
		if text == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		segs = append(segs, segment{section: sec, paragraph: par, start: b.Len(), end: b.Len() + len(text)})
		b.WriteString(text)
	}
	add(Headline, 0, a.Title)
	add(Standfirst, 0, a.Standfirst)
	par := 0
	for _, bl := range a.Blocks {
		if !bl.Kind.InText() || bl.Text == "" {
			continue
		}
		par++
		add(Body, par, bl.Text)
	}
	return b.String(), segs
}

// Code parses and codes article a.
func (sc *Coder) Code(a *article.Article) (*Story, error) {
	if sc.p == nil {
		return nil, ErrNoParser
	}
	text, segs := layout(a)
	sents, err := sc.p.Document(a.ID, text)
	if err != nil {
		return nil, fmt.Errorf("parse article %s: %w", a.ID, err)
	}
	st := &Story{ArticleID: a.ID, URL: a.URL, Origin: a.Origin, Title: a.Title, Published: a.Published}
	if st.Published.IsZero() {
		st.Published = datelineDate(sents)
	}
	for i := range sents {
		s := &sents[i]
		seg := segment{section: Body}
		for _, g := range segs {
			if s.Start >= g.start && s.Start < g.end+2 {
				seg = g
			}
		}
		st.Sentences = append(st.Sentences, &Sentence{Index: i + 1, ID: s.ID, Section: seg.section, Paragraph: seg.paragraph,
			Text: s.Text, Start: s.Start, End: s.End, Parsed: s})
	}
	sc.code(st)
	sc.log.Debug("coded article", "article_id", a.ID, "sentences", len(st.Sentences), "events", len(st.Events))
	return st, nil
}

// datelineRE is a wire dateline with its date: "PRAGUE 1996-12-06".
var datelineRE = regexp.MustCompile(`^[A-Z][A-Z .,'-]*[A-Z] (\d{4}-\d{2}-\d{2})$`)

// datelineDate returns the date of a wire dateline among the first
// sentences of an article that gives no date ("PRAGUE 1996-12-06" under
// the headline), or the zero time.
func datelineDate(sents []nlp.Sentence) time.Time {
	for i := 0; i < len(sents) && i < 4; i++ {
		if m := datelineRE.FindStringSubmatch(strings.TrimSpace(sents[i].Text)); m != nil {
			if t, err := time.Parse("2006-01-02", m[1]); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// CodeSentences codes sentences that are already parsed as the body of one
// article with the given ID and date (zero if unknown), one paragraph per
// sentence.
func (sc *Coder) CodeSentences(id string, published time.Time, sents []nlp.Sentence) *Story {
	st := &Story{ArticleID: id, Published: published}
	for i := range sents {
		s := &sents[i]
		st.Sentences = append(st.Sentences, &Sentence{Index: i + 1, ID: s.ID, Section: Body, Paragraph: i + 1,
			Text: sentenceText(s), Start: s.Start, End: s.End, Parsed: s})
	}
	sc.code(st)
	return st
}

func sentenceText(s *nlp.Sentence) string {
	if s.Text != "" {
		return s.Text
	}
	words := make([]string, len(s.Tokens))
	for i := range s.Tokens {
		words[i] = s.Tokens[i].Form
	}
	return strings.Join(words, " ")
}

// code codes st's sentences in one discourse and gathers their events.
func (sc *Coder) code(st *Story) {
	date := 0
	if !st.Published.IsZero() {
		date = st.Published.Year()*10000 + int(st.Published.Month())*100 + st.Published.Day()
	}
	parsed := make([]*nlp.Sentence, len(st.Sentences))
	for i, s := range st.Sentences {
		parsed[i] = s.Parsed
	}
	d := sc.c.Foresee(parsed, date)
	for _, s := range st.Sentences {
		res := sc.c.CodeIn(s.Parsed, date, d)
		s.Result = res
		s.Problems, s.References = res.Problems, res.References
		if res.Discard != nil {
			s.Discard = res.Discard.Text
			if res.Discard.Story {
				// A story discard (sports results, say) stops the whole
				// article, as in PETRARCH.
				st.Events = nil
				return
			}
		}
		s.Dates = when.Find(s.Parsed, st.Published)
		for _, e := range res.Events {
			m := Mention{Sentence: s.Index, SentenceID: s.ID, Section: s.Section, Paragraph: s.Paragraph,
				Text: s.Text, Code: e.Code, Event: e}
			if x, ok := when.For(s.Parsed, s.Dates, e.Verb.First); ok {
				dt := x.Date
				m.Date = &dt
			}
			st.add(m, [2]bool{descriptive(s, e.SourceSpan), descriptive(s, e.TargetSpan)})
		}
	}
	for _, ev := range st.Events {
		ev.finish(st)
	}
	if sc.g != nil {
		locate(st, sc.g)
	}
}

// add merges mention m into the event it reports, or starts a new one.
// descr says, for the source and the target, whether the mention names the
// actor only by a description in the headline or standfirst ("Iraqi armed
// group", "Iraq fighters"): such a mention is the same event as one that
// names an actor of the same country and kind (the Islamic Army in Iraq),
// whose code the event then takes.
func (st *Story) add(m Mention, descr [2]bool) {
	e := m.Event
	for pass := 0; pass < 2; pass++ {
		for _, ev := range st.Events {
			if !sameCode(ev.Code, e.Code) || ev.Modality != e.Modality || conflict(ev, m) {
				continue
			}
			src, srcOK := side(ev.Source, e.Source, ev.descr[0], descr[0], pass)
			tgt, tgtOK := side(ev.Target, e.Target, ev.descr[1], descr[1], pass)
			if !srcOK || !tgtOK {
				continue
			}
			if src != ev.Source {
				ev.Source, ev.SourceName = src, e.SourceSpan.Text
			}
			if tgt != ev.Target {
				ev.Target, ev.TargetName = tgt, e.TargetSpan.Text
			}
			ev.descr[0] = ev.descr[0] && descr[0]
			ev.descr[1] = ev.descr[1] && descr[1]
			if refines(e.Code, ev.Code) {
				ev.Code = e.Code
			}
			ev.Mentions = append(ev.Mentions, m)
			return
		}
	}
	st.Events = append(st.Events, &Event{Source: e.Source, Target: e.Target, Code: e.Code, Modality: e.Modality,
		SourceName: e.SourceSpan.Text, TargetName: e.TargetSpan.Text, Mentions: []Mention{m}, descr: descr})
}

// side decides whether an event's actor (code a, known only by
// descriptions if da) and a mention's (b, db) are the same, and which code
// the event keeps. Pass 0 takes equal codes only; pass 1 also a
// description and a name of the same country and kind.
func side(a, b string, da, db bool, pass int) (string, bool) {
	switch {
	case a == b:
		return a, true
	case pass == 0 || da == db || !coder.SameSide(a, b):
		return "", false
	case da:
		return b, true
	}
	return a, true
}

// descriptive reports whether span names its actor with a common noun
// ("Iraqi armed group") rather than a name, in the headline or standfirst.
func descriptive(s *Sentence, sp coder.Span) bool {
	if s.Section == Body || sp.First <= 0 || sp.Last > len(s.Parsed.Tokens) {
		return false
	}
	for i := sp.First; i <= sp.Last; i++ {
		t := &s.Parsed.Tokens[i-1]
		if t.Head < sp.First || t.Head > sp.Last {
			return t.UPOS == "NOUN"
		}
	}
	return false
}

// sameCode reports whether two codes may name one event: equal, one
// refining the other (087 and 0871), or of one root with one of them the
// root's unspecified code (190 and 195).
func sameCode(a, b string) bool {
	return a == b || refines(a, b) || refines(b, a)
}

// refines reports whether code a is more specific than code b.
func refines(a, b string) bool {
	switch {
	case a == b || len(a) < 2 || len(b) < 2:
		return false
	case strings.HasPrefix(a, b):
		return true
	}
	return a[:2] == b[:2] && generic(b) && !generic(a)
}

// generic reports whether a code is a root or a root's "not specified"
// code (19, 190).
func generic(c string) bool {
	return len(c) == 2 || len(c) == 3 && c[2] == '0'
}

// conflict reports whether mention m gives a different day than the event
// already has, which makes it another event.
func conflict(ev *Event, m Mention) bool {
	if m.Date == nil || !m.Date.Resolved || m.Date.Precision != when.Day {
		return false
	}
	for _, o := range ev.Mentions {
		if o.Date != nil && o.Date.Resolved && o.Date.Precision == when.Day && !o.Date.Time.Equal(m.Date.Time) {
			return true
		}
	}
	return false
}

// finish fills the event's codebook attributes, dates, root flag and ID.
func (ev *Event) finish(st *Story) {
	if c, ok := codebook.Lookup(ev.Code); ok {
		ev.Root, ev.Label, ev.Goldstein, ev.QuadClass, ev.PLOVER = c.Root, c.Label, c.Goldstein, c.QuadClass, c.PLOVER
	}
	ev.Published, ev.PublishedKnown = st.Published, !st.Published.IsZero()
	for _, m := range ev.Mentions {
		ev.Confidence = max(ev.Confidence, m.Event.Confidence)
		if m.Section != Body || m.Paragraph == firstParagraph(st) {
			ev.IsRoot = true
		}
		if m.Date != nil && (ev.Date == nil || better(*m.Date, *ev.Date)) {
			d := *m.Date
			ev.Date = &d
		}
	}
	first := ev.Mentions[0]
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%d", st.ArticleID, ev.Source, ev.Target, ev.Code, first.Sentence)
	ev.ID = int64(binary.BigEndian.Uint64(h.Sum(nil)[:8]) >> 1)
}

// firstParagraph returns the number of the first body paragraph that has
// a sentence.
func firstParagraph(st *Story) int {
	for _, s := range st.Sentences {
		if s.Section == Body {
			return s.Paragraph
		}
	}
	return 0
}

// better reports whether date a says more than b: resolved over
// unresolved, then the finer precision.
func better(a, b when.Date) bool {
	if a.Resolved != b.Resolved {
		return a.Resolved
	}
	return a.Precision < b.Precision
}

// NumMentions is the number of sentences that report the event.
func (ev *Event) NumMentions() int { return len(ev.Mentions) }

// DateString writes the event's date for people: the resolved event date
// with its precision, else what the text said, else the article's date, or
// "unknown".
func (ev *Event) DateString() string {
	switch {
	case ev.Date != nil && ev.Date.Resolved:
		return ev.Date.String() + " (" + ev.Date.Precision.String() + ", " + strconv.Quote(ev.Date.Text) + ")"
	case ev.Date != nil && ev.PublishedKnown:
		return ev.Published.Format("2006-01-02") + " (article date; " + strconv.Quote(ev.Date.Text) + " unresolved)"
	case ev.Date != nil:
		return "unknown (" + strconv.Quote(ev.Date.Text) + "; article date unknown)"
	case ev.PublishedKnown:
		return ev.Published.Format("2006-01-02") + " (article date)"
	}
	return "unknown (article date unknown)"
}
