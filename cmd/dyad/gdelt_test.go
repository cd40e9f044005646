package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dyad/coder/story"
	"dyad/internal/parsertest"
)

// The layouts of GDELT 2.0's event ("export") and mentions tables, written
// out from the GDELT 2.0 Event Codebook (V2.0, 2/19/2015), tables by
// position: readers of GDELT files know the columns by their index.
var (
	codebookExport = strings.Fields(`GlobalEventID Day MonthYear Year FractionDate
		Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode
		Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
		Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode
		Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
		IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale
		NumMentions NumSources NumArticles AvgTone
		Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
		Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
		Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
		Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
		ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
		ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
		DATEADDED SOURCEURL`)
	codebookMentions = strings.Fields(`GlobalEventID EventTimeDate MentionTimeDate MentionType
		MentionSourceName MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset
		ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone
		MentionDocTranslationInfo Extras`)
)

// readGDELT reads a GDELT file as GDELT's loaders do: tab-separated rows
// of a fixed number of columns, no header, each row a map from the
// codebook's column names to the values at their positions.
func readGDELT(t *testing.T, data string, layout []string) []map[string]string {
	t.Helper()
	var rows []map[string]string
	for i, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(layout) {
			t.Fatalf("row %d has %d columns, GDELT 2.0 has %d: %q", i+1, len(f), len(layout), line)
		}
		row := map[string]string{}
		for j, name := range layout {
			row[name] = f[j]
		}
		rows = append(rows, row)
	}
	return rows
}

// TestCodeGDELT codes two articles that report one event (Iraqi troops
// attacking rebels in Baghdad on Monday) and reads --format gdelt's export
// and mentions files with the codebook's layouts: the event is one row
// counted across both articles, every column as GDELT writes it, and its
// mentions, one per article, join it by GlobalEventID.
func TestCodeGDELT(t *testing.T) {
	if !slices.Equal(story.GDELTColumns, codebookExport) || !slices.Equal(story.GDELTMentionColumns, codebookMentions) {
		t.Fatalf("story's GDELT columns differ from the codebook's:\n%v\n%v", story.GDELTColumns, story.GDELTMentionColumns)
	}
	parsertest.Pipeline(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	const textA = "Rebels fight in Iraq\n\nIn Baghdad, Iraqi troops attacked rebels on Monday, officials said.\n"
	const textB = "Fighting in Baghdad\n\nIn Baghdad, Iraqi soldiers attacked the rebels on Monday, police said. The rebels fled.\n"
	for p, text := range map[string]string{a: textA, b: textB} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mentionsFile := filepath.Join(dir, "mentions.csv")
	start := time.Now().UTC().Truncate(time.Second)
	out := runDyad(t, "code", "--date", "2025-05-14", a, b, "--format", "gdelt", "--mentions", mentionsFile)
	end := time.Now().UTC()
	if strings.Contains(out, "GlobalEventID") {
		t.Errorf("GDELT files have no header:\n%s", out)
	}
	events := readGDELT(t, out, codebookExport)
	m, err := os.ReadFile(mentionsFile)
	if err != nil {
		t.Fatal(err)
	}
	mentions := readGDELT(t, string(m), codebookMentions)

	var ev map[string]string
	for _, r := range events {
		if r["Actor1Code"] == "IRQMIL" && r["Actor2Code"] == "IRQREB" && r["EventCode"] == "190" {
			if ev != nil {
				t.Fatalf("the event is in two rows, not merged across the articles:\n%v\n%v", ev, r)
			}
			ev = r
		}
	}
	if ev == nil {
		t.Fatalf("no IRQMIL 190 IRQREB event:\n%s", out)
	}
	added, err := time.Parse("20060102150405", ev["DATEADDED"])
	if err != nil || added.Before(start) || added.After(end) {
		t.Errorf("DATEADDED %q is not the run's start (YYYYMMDDHHMMSS, UTC)", ev["DATEADDED"])
	}
	if _, err := strconv.ParseInt(ev["GlobalEventID"], 10, 64); err != nil {
		t.Errorf("GlobalEventID %q: %v", ev["GlobalEventID"], err)
	}
	want := map[string]string{
		// The text's own day ("on Monday" before Wednesday 14 May 2025).
		"Day": "20250512", "MonthYear": "202505", "Year": "2025", "FractionDate": "2025.3616",
		"Actor1Code": "IRQMIL", "Actor1Name": "Iraqi troops", "Actor1CountryCode": "IRQ", "Actor1Type1Code": "MIL",
		"Actor2Code": "IRQREB", "Actor2Name": "rebels", "Actor2CountryCode": "IRQ", "Actor2Type1Code": "REB",
		"IsRootEvent": "1", "EventCode": "190", "EventBaseCode": "190", "EventRootCode": "19",
		"QuadClass": "4", "GoldsteinScale": "-10",
		// One sentence in each article; both are files without a
		// publisher, counted as one source.
		"NumMentions": "2", "NumSources": "1", "NumArticles": "2",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Baghdad, Baghdad, Iraq", "ActionGeo_CountryCode": "IQ",
		"ActionGeo_ADM1Code": "IQ07", "ActionGeo_Lat": "33.34058", "ActionGeo_Long": "44.40088", "ActionGeo_FeatureID": "98182",
		"SOURCEURL": a,
	}
	for _, col := range codebookExport {
		switch col {
		case "GlobalEventID", "DATEADDED":
			continue
		}
		if ev[col] != want[col] {
			t.Errorf("%s = %q, want %q", col, ev[col], want[col])
		}
	}

	var joined []map[string]string
	ids := map[string]bool{}
	for _, r := range events {
		ids[r["GlobalEventID"]] = true
	}
	for _, r := range mentions {
		if !ids[r["GlobalEventID"]] {
			t.Errorf("mention of event %s, which the export file lacks", r["GlobalEventID"])
		}
		if r["GlobalEventID"] == ev["GlobalEventID"] {
			joined = append(joined, r)
		}
	}
	if len(joined) != 2 {
		t.Fatalf("%d mentions join the event, want one in each article: %v", len(joined), joined)
	}
	for i, tt := range []struct {
		file, text, actor1, actor2, verb string
	}{
		{a, textA, "Iraqi troops", "rebels", "attacked"},
		{b, textB, "Iraqi soldiers", "the rebels", "attacked"},
	} {
		r := joined[i]
		// Offsets count characters from the start of the article's text;
		// the mention is in the body, after the headline.
		body := strings.Index(tt.text, "\n\n")
		charAt := func(s string) string {
			return strconv.Itoa(len([]rune(tt.text[:body+strings.Index(tt.text[body:], s)])))
		}
		want := map[string]string{
			"EventTimeDate": ev["DATEADDED"], "MentionTimeDate": "20250514000000", "MentionType": "1",
			"MentionSourceName": "", "MentionIdentifier": tt.file, "SentenceID": "2",
			"Actor1CharOffset": charAt(tt.actor1), "Actor2CharOffset": charAt(tt.actor2), "ActionCharOffset": charAt(tt.verb),
			"InRawText": "1", "MentionDocLen": strconv.Itoa(len([]rune(strings.TrimSpace(tt.text)))),
			"MentionDocTone": "", "MentionDocTranslationInfo": "", "Extras": "",
		}
		for col, v := range want {
			if r[col] != v {
				t.Errorf("mention %d: %s = %q, want %q", i+1, col, r[col], v)
			}
		}
		if c, err := strconv.Atoi(r["Confidence"]); err != nil || c < 0 || c > 100 {
			t.Errorf("mention %d: Confidence %q is not a percentage", i+1, r["Confidence"])
		}
	}
	if !regexp.MustCompile(`^\d{14}$`).MatchString(joined[0]["EventTimeDate"]) {
		t.Errorf("EventTimeDate %q", joined[0]["EventTimeDate"])
	}
}
