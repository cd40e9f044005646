package story

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"dyad/coder/when"
)

// GDELTColumns are the 61 columns of GDELT 2.0's event table (its
// "export" files), in the codebook's order. GDELT's files have no header:
// readers know the columns by position.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELTMentionColumns are the 16 columns of GDELT 2.0's mentions table,
// in the codebook's order; GlobalEventID joins a mention to its event.
var GDELTMentionColumns = []string{
	"GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
	"MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
	"InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
}

// gdeltTime is GDELT's DATEADDED, EventTimeDate and MentionTimeDate
// layout.
const gdeltTime = "20060102150405"

// Day is the day of an event as GDELT's Day column gives it: the event's
// own date when the text resolves it to a day, else the article's date;
// zero when neither is known. Events of several articles are the same
// event only if their days are known and close.
func (r *Record) Day() time.Time {
	if r.Date != nil && r.Date.Resolved && r.Date.Precision == when.Day.String() {
		if d, err := time.Parse("2006-01-02", r.Date.Value); err == nil {
			return d
		}
	}
	if r.Published != nil {
		return *r.Published
	}
	return time.Time{}
}

// Counts are an event's NumMentions, NumSources and NumArticles across
// the articles that report it.
type Counts struct {
	Mentions, Sources, Articles int
}

// GDELTRow returns the event's 61 columns of GDELT 2.0's event table.
// Dates and numbers are written as GDELT writes them: Day YYYYMMDD,
// FractionDate the year plus (30×(month−1)+day)/365 to four decimals,
// DATEADDED YYYYMMDDHHMMSS in UTC, the Goldstein value and coordinates in
// their shortest form. Columns Dyad has nothing for are empty: the ethnic
// codes, AvgTone and the actors' geography. ActionGeo_CountryCode is
// ISO 3166-1 alpha-2 where GDELT has FIPS 10-4, and ActionGeo_ADM1Code the
// country code followed by GeoNames' division code ("IQ07").
func GDELTRow(r *Record, n Counts, added time.Time) []string {
	row := make([]string, 0, len(GDELTColumns))
	row = append(row, strconv.FormatInt(r.ID, 10))
	if day := r.Day(); !day.IsZero() {
		frac := float64(day.Year()) + float64(30*(int(day.Month())-1)+day.Day())/365
		row = append(row, day.Format("20060102"), day.Format("200601"), day.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64))
	} else {
		row = append(row, "", "", "", "")
	}
	for _, a := range []Actor{r.Source, r.Target} {
		c := a.Columns()
		row = append(row, c[0], c[1], c[2], c[3], "")
		row = append(row, c[4:]...)
	}
	root := "0"
	if r.IsRoot {
		root = "1"
	}
	quad, gold := "", ""
	if r.QuadClass != 0 {
		quad = strconv.Itoa(r.QuadClass)
	}
	if r.Label != "" {
		gold = strconv.FormatFloat(r.Goldstein, 'f', -1, 64)
	}
	row = append(row, root, r.Code, r.BaseCode, r.RootCode, quad, gold,
		strconv.Itoa(n.Mentions), strconv.Itoa(n.Sources), strconv.Itoa(n.Articles), "")
	row = append(row, make([]string, 16)...) // Actor1Geo, Actor2Geo
	if g := r.ActionGeo; g != nil {
		row = append(row, strconv.Itoa(g.Type), g.FullName, g.CountryCode, gdeltADM1(g.ADM1Code), "",
			strconv.FormatFloat(g.Lat, 'f', -1, 64), strconv.FormatFloat(g.Long, 'f', -1, 64), gdeltADM1(g.FeatureID))
	} else {
		row = append(row, make([]string, 8)...)
	}
	url := r.URL
	if url == "" {
		url = r.Origin
	}
	row = append(row, added.UTC().Format(gdeltTime), url)
	for i, f := range row {
		row[i] = tsvField(f)
	}
	return row
}

// gdeltADM1 writes GeoNames' "IQ.07" as GDELT writes a division: "IQ07".
func gdeltADM1(s string) string { return strings.Replace(s, ".", "", 1) }

// MentionSource is what GDELT's mentions table says of the article a
// mention is in.
type MentionSource struct {
	// Name is the publisher (MentionSourceName); Identifier its URL, else
	// its origin (MentionIdentifier).
	Name, Identifier string
	// Time is when the article was published, else when the run started
	// (MentionTimeDate).
	Time time.Time
	// FullText is the article's full text, which the mentions' byte
	// offsets point into.
	FullText string
}

// GDELTMentionRows returns the GDELT 2.0 mentions rows of r's mentions,
// joined to event id (r's own ID, or the ID of the event of another
// article that r is the same event as). Character offsets count
// characters (not bytes) from the start of the article's full text, −1
// when unknown; InRawText is 0 when an actor was found through a
// reference to an earlier sentence; Confidence is a percentage.
// MentionDocTone and MentionDocTranslationInfo are empty: Dyad has no tone
// and codes English only.
func GDELTMentionRows(id int64, r *Record, src MentionSource, added time.Time) [][]string {
	chars := func(byteOff int) string {
		if byteOff < 0 || byteOff > len(src.FullText) {
			return "-1"
		}
		return strconv.Itoa(utf8.RuneCountInString(src.FullText[:byteOff]))
	}
	var rows [][]string
	for _, m := range r.Mentions {
		raw := "1"
		for _, e := range m.Evidence {
			if strings.HasSuffix(e.Role, " reference") || strings.HasSuffix(e.Role, " pronoun") {
				raw = "0"
			}
		}
		row := []string{strconv.FormatInt(id, 10), added.UTC().Format(gdeltTime), src.Time.UTC().Format(gdeltTime), "1",
			src.Name, src.Identifier, strconv.Itoa(m.Sentence),
			chars(m.SourceSpan.Start), chars(m.TargetSpan.Start), chars(m.Verb.Start), raw,
			strconv.Itoa(int(m.Confidence*100 + 0.5)), strconv.Itoa(utf8.RuneCountInString(src.FullText)), "", "", ""}
		for i, f := range row {
			row[i] = tsvField(f)
		}
		rows = append(rows, row)
	}
	return rows
}

// WritePETRARCH writes the story's events as PETRARCH 2 writes its event
// file, for comparing coders: one tab-separated line per event with the
// story's date (YYYYMMDD), the source, target and event codes, the issues
// (empty: Dyad codes none), the IDs of the sentences that report it joined
// by ";" — the article's ID for a story of one sentence, as a PETRARCH
// input's sentence is —, the URL when known and the publisher
// ("NULL" when unknown, as PETRARCH writes it).
func WritePETRARCH(w io.Writer, st *Story, publisher string) error {
	bw := bufio.NewWriter(w)
	date := ""
	if !st.Published.IsZero() {
		date = st.Published.Format("20060102")
	}
	if publisher == "" {
		publisher = "NULL"
	}
	for _, ev := range st.Events {
		var ids []string
		for _, m := range ev.Mentions {
			id := m.SentenceID
			if len(st.Sentences) == 1 {
				id = st.ArticleID
			}
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		row := []string{date, ev.Source, ev.Target, ev.Code, "", strings.Join(ids, ";")}
		if st.URL != "" {
			row = append(row, st.URL)
		}
		row = append(row, publisher)
		for i, f := range row {
			row[i] = tsvField(f)
		}
		if _, err := bw.WriteString(strings.Join(row, "\t") + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}
