package story

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"dyad/codebook"
	"dyad/coder"
	"dyad/coder/when"
)

// Actor is an actor code split into the parts GDELT's event table has
// columns for.
type Actor struct {
	Code       string   `json:"code"`
	Name       string   `json:"name"` // the words that named it
	Country    string   `json:"country,omitempty"`
	KnownGroup string   `json:"known_group,omitempty"`
	Religions  []string `json:"religions,omitempty"`
	Types      []string `json:"types,omitempty"`
}

// SplitActor splits a CAMEO actor code into its parts: the country (or
// region) it starts with unless it starts with an organisation kind (IGO,
// NGO, IMG…), the religions, the role, sector and organisation types, and
// a known group (a named body such as UNO, or a group code the codebook
// does not list, such as ALQ). "---" (no actor) has no country.
func SplitActor(code, name string) Actor {
	a := Actor{Code: code, Name: name}
	if strings.HasPrefix(code, `"`) {
		return a // a new actor, coded by its words
	}
	rest := code
	if strings.HasPrefix(rest, "---") {
		rest = rest[3:]
	} else if len(rest) >= 3 {
		if t, ok := codebook.ActorType(rest[:3]); !ok || t.Kind != codebook.Organisation {
			a.Country, rest = rest[:3], rest[3:]
		}
	}
	for ; len(rest) >= 3; rest = rest[3:] {
		p := rest[:3]
		t, ok := codebook.ActorType(p)
		switch {
		case ok && t.Kind == codebook.Religion:
			a.Religions = append(a.Religions, p)
		case ok && t.Kind == codebook.Named, !ok:
			if a.KnownGroup == "" {
				a.KnownGroup = p
			}
		default:
			a.Types = append(a.Types, p)
		}
	}
	return a
}

// Record is an event as Dyad writes it in JSON, one object per event; the
// fields are documented in docs/FORMATS.md.
type Record struct {
	ID        int64  `json:"id"`
	ArticleID string `json:"article_id"`
	URL       string `json:"url,omitempty"`
	Origin    string `json:"origin,omitempty"`
	Title     string `json:"title,omitempty"`

	Source Actor `json:"source"`
	Target Actor `json:"target"`

	Code     string `json:"code"`
	Modality string `json:"modality"`
	// Confidence is the probability that an analyst would code the event
	// so: the highest of its mentions'.
	Confidence float64    `json:"confidence"`
	BaseCode   string     `json:"base_code"`
	RootCode   string     `json:"root_code"`
	Label      string     `json:"label,omitempty"`
	Goldstein  float64    `json:"goldstein"`
	QuadClass  int        `json:"quad_class,omitempty"`
	Quad       string     `json:"quad,omitempty"`
	PLOVER     PLOVERJSON `json:"plover"`

	IsRoot      bool `json:"is_root"`
	NumMentions int  `json:"num_mentions"`
	// NumSources and NumArticles count the publishers and the articles
	// that report the event, and DateAdded is when it was first stored
	// (GDELT's columns of those names). The store sets them, since it
	// merges an event told by several articles; dyad code leaves them out.
	NumSources  int        `json:"num_sources,omitempty"`
	NumArticles int        `json:"num_articles,omitempty"`
	DateAdded   *time.Time `json:"date_added,omitempty"`

	// Published is the article's date (RFC 3339), absent when unknown;
	// PublishedKnown says which.
	Published      *time.Time `json:"published,omitempty"`
	PublishedKnown bool       `json:"published_known"`
	Date           *DateJSON  `json:"date,omitempty"`

	ActionGeo *GeoJSON `json:"action_geo,omitempty"`

	Mentions []MentionJSON `json:"mentions"`
}

// GeoJSON is where an event happened, with the fields of GDELT 2.0's
// ActionGeo columns and how Dyad found it.
type GeoJSON struct {
	// Type is GDELT's ActionGeo_Type: 1 a country, 4 a city or town, 5 a
	// first-level division or a region (Dyad does not give US states and
	// cities GDELT's types 2 and 3).
	Type     int    `json:"type"`
	FullName string `json:"full_name"`
	// CountryCode is ISO 3166-1 alpha-2 (GDELT uses FIPS 10-4), empty
	// for a region of several countries ("Kashmir"); ADM1Code is
	// GeoNames' "country.division" code ("IQ.07"), empty for a country
	// or a region.
	CountryCode string  `json:"country_code"`
	ADM1Code    string  `json:"adm1_code,omitempty"`
	Lat         float64 `json:"lat"`
	Long        float64 `json:"long"`
	// FeatureID is GeoNames' feature ID of a city, the ADM1 code of a
	// division, the country code of a country and "region:" with the
	// name of a region of geo/regions.tsv ("region:kashmir").
	FeatureID string `json:"feature_id"`
	// Method is where the place was found: "clause", "sentence" or
	// "dateline" (see Location); Text the words that named it.
	Method string `json:"method"`
	Text   string `json:"text"`
}

func geoJSON(l *Location) *GeoJSON {
	if l == nil || l.Place == nil {
		return nil
	}
	p := l.Place
	return &GeoJSON{Type: p.Kind.GDELTType(), FullName: l.FullName, CountryCode: p.Country, ADM1Code: p.ADM1,
		Lat: p.Lat, Long: p.Lon, FeatureID: p.ID, Method: l.Method, Text: l.Text}
}

// PLOVERJSON is the PLOVER mapping of a code in JSON.
type PLOVERJSON struct {
	Category string   `json:"category,omitempty"`
	Mode     string   `json:"mode,omitempty"`
	Context  []string `json:"context,omitempty"`
}

// DateJSON is an event date in JSON.
type DateJSON struct {
	Value     string `json:"value,omitempty"` // ISO 8601 at its precision; empty when unresolved
	Precision string `json:"precision"`
	Resolved  bool   `json:"resolved"`
	Text      string `json:"text"`
}

func dateJSON(d *when.Date) *DateJSON {
	if d == nil {
		return nil
	}
	j := &DateJSON{Precision: d.Precision.String(), Resolved: d.Resolved, Text: d.Text}
	if d.Resolved {
		j.Value = d.String()
	}
	return j
}

// MentionJSON is one mention of an event in JSON: where it is and what
// coded it.
type MentionJSON struct {
	// ArticleID is the article the mention is in; the store sets it, as
	// a stored event's mentions may come from several articles.
	ArticleID  string  `json:"article_id,omitempty"`
	Sentence   int     `json:"sentence"`
	SentenceID string  `json:"sentence_id"`
	Section    Section `json:"section"`
	Paragraph  int     `json:"paragraph,omitempty"`
	Text       string  `json:"text"`
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
	Anchor     string  `json:"anchor"`
	// Start and End are the sentence's byte offsets in the article's full
	// text; the spans' offsets are in the same text.
	Start      int              `json:"start"`
	End        int              `json:"end"`
	Verb       coder.Span       `json:"verb"`
	SourceSpan coder.Span       `json:"source_span"`
	TargetSpan coder.Span       `json:"target_span"`
	Rule       string           `json:"rule"`
	Pattern    string           `json:"pattern,omitempty"`
	Evidence   []coder.Evidence `json:"evidence"`
	Date       *DateJSON        `json:"date,omitempty"`
}

// Records returns the story's events as JSON records.
func (st *Story) Records() []Record {
	out := make([]Record, 0, len(st.Events))
	for _, ev := range st.Events {
		r := Record{
			ID: ev.ID, ArticleID: st.ArticleID, URL: st.URL, Origin: st.Origin, Title: st.Title,
			Source: SplitActor(ev.Source, ev.SourceName), Target: SplitActor(ev.Target, ev.TargetName),
			Code: ev.Code, Modality: ev.Modality, Confidence: round3(ev.Confidence), BaseCode: baseCode(ev.Code), RootCode: rootCode(ev.Code),
			Label: ev.Label, Goldstein: ev.Goldstein,
			PLOVER: PLOVERJSON{Category: ev.PLOVER.Category, Mode: ev.PLOVER.Mode, Context: ev.PLOVER.Context},
			IsRoot: ev.IsRoot, NumMentions: ev.NumMentions(),
			PublishedKnown: ev.PublishedKnown, Date: dateJSON(ev.Date), ActionGeo: geoJSON(ev.Location),
		}
		if ev.QuadClass != 0 {
			r.QuadClass, r.Quad = int(ev.QuadClass), ev.QuadClass.String()
		}
		if ev.PublishedKnown {
			t := ev.Published
			r.Published = &t
		}
		for _, m := range ev.Mentions {
			s := st.Sentences[m.Sentence-1]
			r.Mentions = append(r.Mentions, MentionJSON{
				Sentence: m.Sentence, SentenceID: m.SentenceID, Section: m.Section, Paragraph: m.Paragraph,
				Text: m.Text, Code: m.Code, Confidence: round3(m.Event.Confidence), Anchor: m.Event.Anchor, Start: s.Start, End: s.End,
				Verb: m.Event.Verb, SourceSpan: m.Event.SourceSpan, TargetSpan: m.Event.TargetSpan,
				Rule: m.Event.Rule, Pattern: pattern(m.Event), Evidence: m.Event.Evidence, Date: dateJSON(m.Date),
			})
		}
		out = append(out, r)
	}
	return out
}

// round3 rounds a confidence to three decimals for output.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// baseCode is GDELT's EventBaseCode: the three-digit level of a code.
func baseCode(c string) string {
	if len(c) > 3 {
		return c[:3]
	}
	return c
}

// rootCode is GDELT's EventRootCode: the two-digit root.
func rootCode(c string) string {
	if len(c) > 2 {
		return c[:2]
	}
	return c
}

// pattern returns the pattern behind an event, with its file and line, or
// its verb's entry when the verb's own code applied.
func pattern(e coder.Event) string {
	var verb string
	for _, ev := range e.Evidence {
		switch ev.Role {
		case "pattern":
			return ev.Entry + " (" + ev.Source.String() + ")"
		case "verb", "noun", "predicate":
			if verb == "" {
				verb = ev.Entry + " (" + ev.Source.String() + ")"
			}
		}
	}
	return verb
}

// TSVColumns are the columns of WriteTSV: those of GDELT 2.0's event table
// that Dyad fills, in GDELT's order and with its names, then Dyad's own.
var TSVColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
	// Dyad's columns.
	"EventLabel", "PLOVERCategory", "PLOVERMode", "Published", "EventDate", "EventDatePrecision", "EventDateText",
	"ArticleID", "SentenceIndex", "SentenceID", "Section", "Sentence", "Anchor", "AnchorWords",
	"Actor1Words", "Actor2Words", "Pattern", "Evidence", "MentionSentences", "Modality", "ActionGeoMethod", "Confidence",
}

// WriteTSVHeader writes the header row of WriteTSV.
func WriteTSVHeader(w io.Writer) error {
	_, err := io.WriteString(w, strings.Join(TSVColumns, "\t")+"\n")
	return err
}

// WriteTSV writes one row per event of st, its provenance that of the
// event's first mention. added is the DATEADDED time. Day, MonthYear, Year
// and FractionDate give the event's date when the text resolves it to a
// day, else the article's date, and are empty when neither is known; the
// EventDate columns give the text's date at whatever precision it has.
func WriteTSV(w io.Writer, st *Story, added time.Time) error {
	return WriteRecordsTSV(w, st.Records(), added)
}

// WriteRecordsTSV writes records as WriteTSV does; a record's own
// DateAdded, NumSources and NumArticles, when set, replace added and 1.
func WriteRecordsTSV(w io.Writer, recs []Record, added time.Time) error {
	bw := bufio.NewWriter(w)
	for _, r := range recs {
		row := r.Row(added)
		for i, f := range row {
			row[i] = tsvField(f)
		}
		if _, err := bw.WriteString(strings.Join(row, "\t") + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// geoCols returns the eight ActionGeo columns, empty for an unplaced event.
func geoCols(g *GeoJSON) []string {
	if g == nil {
		return make([]string, 8)
	}
	return []string{strconv.Itoa(g.Type), g.FullName, g.CountryCode, g.ADM1Code, "",
		strconv.FormatFloat(g.Lat, 'f', 4, 64), strconv.FormatFloat(g.Long, 'f', 4, 64), g.FeatureID}
}

func geoMethod(g *GeoJSON) string {
	if g == nil {
		return ""
	}
	return g.Method
}

// Row returns the record's values under TSVColumns, unescaped. added is
// the DATEADDED time when the record has none.
func (r Record) Row(added time.Time) []string {
	var m MentionJSON
	if len(r.Mentions) > 0 {
		m = r.Mentions[0]
	}
	var day time.Time
	switch {
	case r.Date != nil && r.Date.Resolved && r.Date.Precision == when.Day.String():
		day, _ = time.Parse("2006-01-02", r.Date.Value)
	case r.Published != nil:
		day = *r.Published
	}
	var dayS, monthS, yearS, fracS string
	if !day.IsZero() {
		dayS, monthS, yearS = day.Format("20060102"), day.Format("200601"), day.Format("2006")
		fracS = strconv.FormatFloat(float64(day.Year())+float64(day.YearDay())/365, 'f', 4, 64)
	}
	pub := "unknown"
	if r.Published != nil {
		pub = r.Published.Format("2006-01-02")
	}
	var edate, eprec, etext string
	if r.Date != nil {
		edate, eprec, etext = r.Date.Value, r.Date.Precision, r.Date.Text
	}
	var sents []string
	for _, x := range r.Mentions {
		sents = append(sents, strconv.Itoa(x.Sentence))
	}
	var ev []string
	for _, e := range m.Evidence {
		x := strings.TrimSpace(e.Role + " " + e.Entry + " " + e.Code)
		if e.Source.File != "" {
			x += " (" + e.Source.String() + ")"
		}
		ev = append(ev, x)
	}
	url := r.URL
	if url == "" {
		url = r.Origin
	}
	root := "0"
	if r.IsRoot {
		root = "1"
	}
	quad := ""
	if r.QuadClass != 0 {
		quad = strconv.Itoa(r.QuadClass)
	}
	gold := ""
	if r.Label != "" {
		gold = strconv.FormatFloat(r.Goldstein, 'f', 1, 64)
	}
	if r.DateAdded != nil {
		added = *r.DateAdded
	}
	nsrc, nart := "1", "1"
	if r.NumSources > 0 {
		nsrc = strconv.Itoa(r.NumSources)
	}
	if r.NumArticles > 0 {
		nart = strconv.Itoa(r.NumArticles)
	}
	row := []string{strconv.FormatInt(r.ID, 10), dayS, monthS, yearS, fracS}
	row = append(row, r.Source.Columns()...)
	row = append(row, r.Target.Columns()...)
	row = append(row, root, r.Code, r.BaseCode, r.RootCode, quad, gold, strconv.Itoa(r.NumMentions), nsrc, nart)
	row = append(row, geoCols(r.ActionGeo)...)
	return append(row, added.UTC().Format("20060102150405"), url,
		r.Label, r.PLOVER.Category, r.PLOVER.Mode, pub, edate, eprec, etext,
		r.ArticleID, strconv.Itoa(m.Sentence), m.SentenceID, string(m.Section), m.Text, m.Anchor, m.Verb.Text,
		m.SourceSpan.Text, m.TargetSpan.Text, m.Pattern, strings.Join(ev, " | "), strings.Join(sents, ","), r.Modality, geoMethod(r.ActionGeo),
		strconv.FormatFloat(r.Confidence, 'f', 3, 64))
}

// Columns returns the actor's nine GDELT columns: code, name, country,
// known group, two religions and three types, empty where it has none.
func (a Actor) Columns() []string {
	cols := []string{a.Code, a.Name, a.Country, a.KnownGroup, "", "", "", "", ""}
	for i := 0; i < len(a.Religions) && i < 2; i++ {
		cols[4+i] = a.Religions[i]
	}
	for i := 0; i < len(a.Types) && i < 3; i++ {
		cols[6+i] = a.Types[i]
	}
	return cols
}

// tsvField makes a value safe for a tab-separated row.
func tsvField(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// Write writes the story's events for people: each event's code, label and
// attributes, its actors and the words that named them, its date and its
// mentions; with explain, the words and dictionary entries behind each
// mention and the sentences' discards and problems.
func Write(w io.Writer, st *Story, explain bool) error {
	bw := bufio.NewWriter(w)
	pub := "date unknown"
	if !st.Published.IsZero() {
		pub = "published " + st.Published.Format("2006-01-02")
	}
	where := st.URL
	if where == "" {
		where = st.Origin
	}
	var head []string
	if where != "" {
		head = append(head, where)
	}
	head = append(head, pub)
	title := ""
	if st.Title != "" {
		title = " " + strconv.Quote(st.Title)
	}
	fmt.Fprintf(bw, "== %s%s (%s)\n", st.ArticleID, title, strings.Join(head, ", "))
	if len(st.Events) == 0 {
		fmt.Fprintln(bw, "   no events")
	}
	for _, ev := range st.Events {
		label := ev.Label
		if label == "" {
			label = "(not a CAMEO code)"
		}
		fmt.Fprintf(bw, "%s %s → %s  %s\n", ev.Code, ev.Source, ev.Target, label)
		if ev.Label != "" {
			plover := ev.PLOVER.Category
			if ev.PLOVER.Mode != "" {
				plover += "/" + ev.PLOVER.Mode
			}
			if plover == "" {
				plover = "none"
			}
			fmt.Fprintf(bw, "    Goldstein %.1f, QuadClass %d (%s), PLOVER %s\n", ev.Goldstein, ev.QuadClass, ev.QuadClass, plover)
		}
		fmt.Fprintf(bw, "    source %q %s, target %q %s\n", ev.SourceName, ev.Source, ev.TargetName, ev.Target)
		fmt.Fprintf(bw, "    date %s, confidence %.2f\n", ev.DateString(), ev.Confidence)
		if l := ev.Location; l != nil {
			words := l.Text
			if l.Compass != "" {
				words = l.Compass + " " + words
			}
			fmt.Fprintf(bw, "    where %s (%.2f, %.2f; %s %q)\n", l.FullName, l.Place.Lat, l.Place.Lon, l.Method, words)
		}
		if ev.Modality != coder.Asserted {
			fmt.Fprintf(bw, "    modality %s: not told as a fact\n", ev.Modality)
		}
		root := ""
		if ev.IsRoot {
			root = ", root event"
		}
		fmt.Fprintf(bw, "    %d mention(s)%s:\n", ev.NumMentions(), root)
		for _, m := range ev.Mentions {
			where := string(m.Section)
			if m.Section == Body {
				where = fmt.Sprintf("paragraph %d", m.Paragraph)
			}
			fmt.Fprintf(bw, "      sentence %d (%s): %s\n", m.Sentence, where, m.Text)
			if p := pattern(m.Event); p != "" {
				fmt.Fprintf(bw, "        by %s\n", p)
			}
			if explain {
				e := m.Event
				if err := coder.ExplainEvent(bw, &e, "        "); err != nil {
					return err
				}
			}
		}
	}
	if explain {
		for _, s := range st.Sentences {
			for _, r := range s.References {
				fmt.Fprintf(bw, "  sentence %d: %q stands for %s: %s\n", s.Index, r.Span.Text, strings.Join(r.Codes, " "), strings.Join(r.Why, "; "))
			}
			if s.Discard != "" {
				fmt.Fprintf(bw, "  sentence %d discarded (%q): %s\n", s.Index, s.Discard, s.Text)
			}
			for _, p := range s.Problems {
				fmt.Fprintf(bw, "  sentence %d: %s: %s\n", s.Index, p.Kind, p.Msg)
			}
		}
	}
	return bw.Flush()
}
