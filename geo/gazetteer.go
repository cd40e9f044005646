package geo

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind is what a place is. The values are GDELT's ActionGeo_Type where
// GDELT has one (it tells US states and cities from others; Dyad does not).
type Kind uint8

const (
	Country Kind = 1 // a country
	City    Kind = 4 // a populated place
	ADM1    Kind = 5 // a first-level administrative division
	// Region is a region news names that is no first-level division:
	// one that spans several ("Darfur"), is disputed between countries
	// ("Kashmir") or is a line between them ("the Line of Control").
	// GDELT has no type of its own for it (GDELTType).
	Region Kind = 6
)

func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case ADM1:
		return "adm1"
	case City:
		return "city"
	case Region:
		return "region"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// GDELTType is the kind as GDELT's ActionGeo_Type writes it: a region is
// placed as GDELT places the regions it knows, at the level of a
// first-level division (5).
func (k Kind) GDELTType() int {
	if k == Region {
		return int(ADM1)
	}
	return int(k)
}

// Place is an entry of the gazetteer.
type Place struct {
	Kind Kind
	// ID is GeoNames' feature ID for a populated place, the ISO 3166-1
	// alpha-2 code for a country and GeoNames' "CC.code" for a
	// first-level division.
	ID      string
	Name    string
	Alt     []string // alternate names
	Country string   // ISO 3166-1 alpha-2
	Code3   string   // ISO 3166-1 alpha-3 (countries only): CAMEO's country code
	ADM1    string   // GeoNames' first-level division, "IQ.07"; "" for countries and regions
	Feature string   // GeoNames feature code of a populated place (PPLC capital, PPLA seat…)
	Lat     float64
	Lon     float64
	// Population of a populated place (0 where GeoNames has none).
	Population int
	// Countries of a region: those it lies in or that dispute it
	// (Country is set only when there is one), and Divisions, the
	// first-level divisions it covers, which tell the places inside it.
	Countries []string
	Divisions []string
}

// Within reports whether place p lies inside place q: a town or division
// in q's country, a town in q's division, a town or division among a
// region's divisions. A place is not within itself.
func Within(p, q *Place) bool {
	if p == q || p.Kind == Country {
		return false
	}
	switch q.Kind {
	case Country:
		return p.Country == q.Country || slices.Contains(p.Countries, q.Country)
	case ADM1:
		return p.Kind == City && p.ADM1 == q.ADM1
	case Region:
		if p.Kind == Region {
			// A region inside another: the Line of Control in Kashmir.
			return len(p.Divisions) > 0 && !slices.ContainsFunc(p.Divisions, func(d string) bool { return !slices.Contains(q.Divisions, d) })
		}
		return p.ADM1 != "" && slices.Contains(q.Divisions, p.ADM1)
	}
	return false
}

const header = "# dyad gazetteer 2: kind id country code lat lon population feature name alternates; GeoNames (CC BY 4.0), Natural Earth (public domain), i18n-iso-countries (MIT), geo/regions.tsv (Dyad)"

// writePlace writes one line: kind letter, ID, country, ISO3 or ADM1 code,
// latitude, longitude, population, feature code, name, alternate names
// joined by '|'. A region's country and code fields list its countries
// and divisions, separated by spaces.
func writePlace(w *bufio.Writer, p *Place) {
	country, code := p.Country, p.ADM1
	switch p.Kind {
	case Country:
		code = p.Code3
	case Region:
		country, code = strings.Join(p.Countries, " "), strings.Join(p.Divisions, " ")
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", kindLetter[p.Kind], p.ID, country, code,
		strconv.FormatFloat(p.Lat, 'f', -1, 64), strconv.FormatFloat(p.Lon, 'f', -1, 64), p.Population, p.Feature, p.Name, strings.Join(p.Alt, "|"))
}

var kindLetter = map[Kind]string{Country: "C", ADM1: "A", City: "P", Region: "R"}

// Gazetteer finds places by name. It is safe for concurrent use.
type Gazetteer struct {
	places    []Place
	byName    map[string][]int32 // folded name → places, most populous first
	countries map[string]int32   // ISO2 and ISO3 → country
	adm1      map[string]int32   // "IQ.07" → division
	maxWords  int                // words in the longest name
}

// ErrFormat is returned by Read for input that is not a gazetteer.
var ErrFormat = errors.New("not a dyad gazetteer")

// Read reads a gazetteer written by Build (gzip-compressed or not).
func Read(r io.Reader) (*Gazetteer, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read gazetteer: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	g := &Gazetteer{byName: map[string][]int32{}, countries: map[string]int32{}, adm1: map[string]int32{}}
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			if !strings.HasPrefix(text, "# dyad gazetteer 2:") {
				return nil, fmt.Errorf("read gazetteer: line 1: %w", ErrFormat)
			}
			continue
		}
		c := strings.Split(text, "\t")
		if len(c) != 10 {
			return nil, fmt.Errorf("read gazetteer: line %d: %d fields, want 10", line, len(c))
		}
		p := Place{ID: c[1], Country: c[2], Feature: c[7], Name: c[8]}
		var err1, err2, err3 error
		p.Lat, err1 = strconv.ParseFloat(c[4], 64)
		p.Lon, err2 = strconv.ParseFloat(c[5], 64)
		p.Population, err3 = strconv.Atoi(c[6])
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("read gazetteer: line %d: %w", line, err)
		}
		switch c[0] {
		case "C":
			p.Kind, p.Code3 = Country, c[3]
		case "A":
			p.Kind, p.ADM1 = ADM1, c[3]
		case "P":
			p.Kind, p.ADM1 = City, c[3]
		case "R":
			p.Kind, p.Countries, p.Divisions = Region, strings.Fields(c[2]), strings.Fields(c[3])
			p.Country = ""
			if len(p.Countries) == 1 {
				p.Country = p.Countries[0]
			}
		default:
			return nil, fmt.Errorf("read gazetteer: line %d: kind %q", line, c[0])
		}
		if c[9] != "" {
			p.Alt = strings.Split(c[9], "|")
		}
		g.places = append(g.places, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gazetteer: line %d: %w", line, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("read gazetteer: %w", ErrFormat)
	}
	g.index()
	return g, nil
}

func (g *Gazetteer) index() {
	for i := range g.places {
		p := &g.places[i]
		id := int32(i)
		switch p.Kind {
		case Country:
			g.countries[p.Country] = id
			g.countries[p.Code3] = id
		case ADM1:
			g.adm1[p.ADM1] = id
		}
		for _, n := range append([]string{p.Name}, p.Alt...) {
			k := Fold(n)
			if k == "" || slices.Contains(g.byName[k], id) {
				continue
			}
			g.byName[k] = append(g.byName[k], id)
			g.maxWords = max(g.maxWords, strings.Count(k, " ")+1)
		}
	}
	// Countries first, then by population, so that a bare "Georgia"
	// prefers the country and a bare "Paris" the capital of France.
	for k, ids := range g.byName {
		slices.SortStableFunc(ids, func(a, b int32) int {
			pa, pb := &g.places[a], &g.places[b]
			return cmp.Or(cmp.Compare(rank(pa), rank(pb)), cmp.Compare(pb.Population, pa.Population))
		})
		g.byName[k] = ids
	}
}

func rank(p *Place) int {
	switch p.Kind {
	case Country:
		return 0
	case ADM1, Region:
		return 2
	}
	return 1
}

// Fold is the form names are looked up by: lower case, accents and
// punctuation other than inner hyphens and apostrophes dropped, spaces
// single.
func Fold(s string) string {
	if f, ok := foldASCII(s); ok {
		return f
	}
	return foldRunes(s)
}

// foldRunes is Fold for any string.
func foldRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(unaccent(r)))
		case r == '-' || r == '\'' || r == '’':
			if b.Len() > 0 && !space {
				b.WriteByte('-')
			}
		case unicode.Is(unicode.Mn, r):
		default:
			space = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// foldASCII is Fold for an ASCII string, the most common name tried
// (Places tries every word of every sentence, and the phrases of
// capitalised words), byte by byte into a buffer on the stack; a name
// that is its own folded form (a lower-case word) is returned as it is.
// ok is false for a string with other characters.
func foldASCII(s string) (f string, ok bool) {
	var buf [64]byte
	b := buf[:0]
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return "", false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		case c == '-' || c == '\'':
			if len(b) > 0 && !space {
				b = append(b, '-')
			}
		default:
			space = true
		}
	}
	for len(b) > 0 && b[len(b)-1] == '-' {
		b = b[:len(b)-1]
	}
	if string(b) == s {
		return s, true
	}
	return string(b), true
}

// unaccent maps the common accented Latin letters to their base letter.
func unaccent(r rune) rune {
	if r < 0xC0 || r > 0x17F {
		return r
	}
	const from = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćČčĎďĒēĖėĘęĚěĞğĪīİıŁłŃńŇňŌōŐőŘřŚśŞşŠšŢţŤťŪūŮůŰűŹźŻżŽž"
	const to = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcDdEeEeEeEeGgIiIiLlNnNnOoOoRrSsSsSsTtTtUuUuUuZzZzZz"
	fr, tr := []rune(from), []rune(to)
	if i := slices.Index(fr, r); i >= 0 {
		return tr[i]
	}
	return r
}

// Lookup returns the places a name may denote, countries first, then by
// population. The slice is the gazetteer's; do not change it.
func (g *Gazetteer) Lookup(name string) []*Place {
	ids := g.byName[Fold(name)]
	out := make([]*Place, len(ids))
	for i, id := range ids {
		out[i] = &g.places[id]
	}
	return out
}

// CountryOf returns the country with an ISO 3166-1 alpha-2 or alpha-3 code
// (CAMEO's country codes are alpha-3), or nil.
func (g *Gazetteer) CountryOf(code string) *Place {
	if id, ok := g.countries[code]; ok {
		return &g.places[id]
	}
	return nil
}

// Division returns a first-level division by its "CC.code", or nil.
func (g *Gazetteer) Division(code string) *Place {
	if id, ok := g.adm1[code]; ok {
		return &g.places[id]
	}
	return nil
}

// Len is the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

//go:embed data/gazetteer.tsv.gz
var defaultData []byte

var defaultGazetteer = sync.OnceValues(func() (*Gazetteer, error) {
	return Read(bytes.NewReader(defaultData))
})

// Default returns the gazetteer built into Dyad by `dyad geo build`. It is
// read on the first call.
func Default() (*Gazetteer, error) { return defaultGazetteer() }
