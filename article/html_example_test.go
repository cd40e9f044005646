package article_test

import (
	"fmt"

	"dyad/article"
)

func ExampleFromHTML() {
	page := `<html lang="en"><head><title>Truce holds in port city | Example Wire</title>
<meta property="og:site_name" content="Example Wire"></head>
<body><article>
<h1>Truce holds in port city</h1>
<p class="byline">By Amina Haddad</p>
<p>The truce between the two armed factions held for a second day on Monday, officials said, as fighters began to leave the harbour district.</p>
<figure><img src="a.jpg"><figcaption>Fighters leave the harbour on Monday</figcaption></figure>
<p>Elders who brokered the deal said prisoners would be exchanged within a week.</p>
<h4>More:</h4>
<ul><li><a href="/news/truce-agreed">Rival factions agree truce</a></li></ul>
<p>SOURCE: Example Wire</p>
</article></body></html>`
	a, err := article.FromHTML([]byte(page), "https://wire.example/news/2021/03/15/truce-holds", "text/html; charset=utf-8")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title, "|", a.Source, "|", a.Byline, "|", a.Published.Format("2006-01-02"), "|", a.Language)
	for _, b := range a.Blocks {
		fmt.Printf("%s: %s\n", b.Kind, b.Text)
	}
	for _, r := range a.Related {
		fmt.Println("related:", r.Title, r.URL)
	}
	// Output:
	// Truce holds in port city | Example Wire | Amina Haddad | 2021-03-15 | en
	// paragraph: The truce between the two armed factions held for a second day on Monday, officials said, as fighters began to leave the harbour district.
	// caption: Fighters leave the harbour on Monday
	// paragraph: Elders who brokered the deal said prisoners would be exchanged within a week.
	// related: Rival factions agree truce https://wire.example/news/truce-agreed
}
