package newspage

import (
	"slices"
	"strings"
	"testing"
)

// TestLineRules checks each text rule on lines it must catch and on story
// sentences that look like them but must be kept.
func TestLineRules(t *testing.T) {
	rules := []struct {
		name  string
		match func(string) bool
		yes   []string
		no    []string
	}{{
		name:  "dateLine",
		match: dateLine,
		yes: []string{
			"Updated 1:39 am EST, Wednesday, November 20, 2019",
			"PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
			"November 20, 2019 / 1:07 AM / CBS News",
			"Posted: Fri 6:45 PM, Feb 16, 2018",
			"segunda-feira, 22 de janeiro de 2018 às 0:13",
			"20/11/2019",
			"Nov. 20",
		},
		no: []string{
			"31 Matt Tifft 352 0 0 0 1",
			"Rockledge 14 11 6 15 — 44",
			"The talks will resume on November 20, the minister said.",
			"Since March 2019, at least 12 people have died.",
			"Tuesday",
		},
	}, {
		name:  "sourceLine",
		match: func(s string) bool { return sourceLine(s, wordCount(s)) },
		yes: []string{
			"SOURCE: Al Jazeera and news agencies",
			"Source: News agencies",
			"(Reporting by Rodrigo Campos; Editing by Nick Zieminski)",
			"Additional reporting by Joseph Hudak",
			"Keith Bradsher contributed reporting from Hong Kong.",
			"Associated Press writers Alan Fram and Zeke Miller contributed to this report.",
			"Contributing: Kristine Phillips",
			"With Post wires",
		},
		no: []string{
			"The source said the talks had failed.",
			"Sources close to the ministry said no deal was near.",
			"He contributed to the campaign in 2016.",
			"Reporting from the front line has become more dangerous.",
		},
	}, {
		name:  "creditLine",
		match: func(s string) bool { return creditLine(s, wordCount(s)) },
		yes: []string{
			"Photo: Damian Dovarganes, AP",
			"(Image credit: All About Space)",
			"China has warned they will cease control of Hong Kong (Image: GETTY )",
			"Sakib Ali/Hindustan Times/Getty Images",
			"The city of Uglii was closed earlier this yearCredit: Vesti/The Siberian Times",
			"© Reuters",
		},
		no: []string{
			"Police fired tear gas at protesters, Reuters reported.",
			"The photo was taken on Monday.",
			"Image is everything, the candidate said.",
		},
	}, {
		name:  "furniture",
		match: func(s string) bool { return furniture(s, wordCount(s)) },
		yes: []string{
			"Advertisement", "Skip to content", "Image 1 of / 23", "Caption", "Close", "Read More",
			"Sign up for our newsletter to get the news in your inbox every day.",
			"Follow us on Twitter @newsdesk", "Click here to get the app",
			"Copyright 2019 Hawaii News Now. All rights reserved.",
			"This website uses cookies to improve your experience.",
			"Like this story? Share it with a friend!",
		},
		no: []string{
			"Close to 200 people were arrested.",
			"Subscribers to the service rose by 4 million.",
			"He signed up for the army in 2003.",
			"Comments by the minister angered the opposition.",
			"Share prices fell 3 percent on Monday.",
		},
	}, {
		name:  "relatedLabel",
		match: func(s string) bool { return relatedLabel(s, wordCount(s)) },
		yes:   []string{"More:", "Related", "Related stories", "You may also like...", "More Great WIRED Stories", "DON'T MISS", "Trending"},
		no:    []string{"More than 2,500 civilians have been killed.", "Related costs rose sharply."},
	}, {
		name:  "authorNote",
		match: authorNote,
		yes: []string{
			"Paul Marsh is a reporter for the Metro Times covering regional politics.",
			"Email Tariq Malik at tmalik@example.com or follow him on Twitter.",
		},
		no: []string{
			"Marsh is a town of 3,000 people on the river.",
			"The reporter was released on Monday.",
		},
	}}
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			for _, s := range r.yes {
				if !r.match(s) {
					t.Errorf("missed %q", s)
				}
			}
			for _, s := range r.no {
				if r.match(s) {
					t.Errorf("wrongly matched %q", s)
				}
			}
		})
	}
}

func TestTeaserLine(t *testing.T) {
	tests := []struct {
		text  string
		links int
		title string // "" means not a teaser
	}{
		{"Read more: Alibaba poised to launch record listing", 1, "Alibaba poised to launch record listing"},
		{"READ MORE: China plague outbreak confirmed", 1, "China plague outbreak confirmed"},
		{"[Related: Salesforce Dreamforce Keynote]", 0, "Salesforce Dreamforce Keynote"},
		{"On HoustonChronicle.com: Car sales plunge in August", 1, "Car sales plunge in August"},
		{"Read more: the minister said nothing", 0, ""}, // no link: not a teaser
		{"More: nothing", 0, ""},
	}
	for _, tt := range tests {
		b := Block{Text: tt.text, links: tt.links, href: "https://news.example/x"}
		got, ok := teaserLine(b, tt.text)
		if ok != (tt.title != "") || ok && got.Title != tt.title {
			t.Errorf("teaserLine(%q) = %q, %v; want %q", tt.text, got.Title, ok, tt.title)
		}
	}
}

// TestCleanRelatedList checks that a "More:" label and the link list after
// it become teasers and leave the body.
func TestCleanRelatedList(t *testing.T) {
	body := strings.Repeat("word ", 20)
	blocks := []Block{
		{Kind: Paragraph, Text: "First " + body},
		{Kind: Heading, Text: "More:"},
		{Kind: Heading, Text: "Port clashes kill 12", links: 1, linkRunes: 20, href: "https://x/1"},
		{Kind: Heading, Text: "Elders call for talks", links: 1, linkRunes: 21, href: "https://x/2"},
		{Kind: Paragraph, Text: "Second " + body},
		{Kind: Paragraph, Text: "First " + body}, // repeated
		{Kind: Paragraph, Text: "SOURCE: Al Jazeera"},
	}
	c := clean(blocks, &Meta{})
	var texts []string
	for _, b := range c.out {
		texts = append(texts, strings.Fields(b.Text)[0])
	}
	if got := strings.Join(texts, " "); got != "First Second" {
		t.Errorf("body = %q, want %q", got, "First Second")
	}
	if len(c.related) != 2 || c.related[1].Title != "Elders call for talks" || c.related[1].URL != "https://x/2" {
		t.Errorf("related = %+v", c.related)
	}
}

func TestClassWords(t *testing.T) {
	for in, want := range map[string]string{
		"articleBody share-bar_top":     "article body share bar top",
		"InlineImage-imageEmbedCaption": "inline image image embed caption",
		"sr-only":                       "sr only",
		"":                              "",
	} {
		if got := strings.Join(slices.Collect(classWords(in)), " "); got != want {
			t.Errorf("classWords(%q) = %q, want %q", in, got, want)
		}
	}
}
