package ner

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"dyad/nlp"
)

// gumTypes maps GUM's entity types to the recogniser's; the others (event,
// object, abstract…) are not named entities of interest.
var gumTypes = map[string]string{"person": Person, "organization": Organization, "place": Place}

// ReadGUM reads a GUM document in WebAnno TSV 3.2 and returns its
// sentences with the named mentions of people, organisations and places as
// Entities: the mentions that carry an identity (a Wikipedia name). A
// mention's leading lower-case words ("the", "a") and trailing punctuation
// are left out, as CoNLL-style annotation does. name is used in errors.
func ReadGUM(r io.Reader, name string) ([]nlp.Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []nlp.Sentence
	var cur *nlp.Sentence
	// ments maps a mention id within the current sentence to its type and
	// word indexes; ids run across sentences but mentions do not.
	type mention struct {
		typ   string
		words []int
		named bool // has an identity
	}
	var ments map[string]*mention
	var order []string
	flush := func() {
		if cur == nil {
			return
		}
		for _, id := range order {
			m := ments[id]
			if e, ok := trimEntity(cur.Tokens, m.typ, m.words, m.named); ok {
				cur.Entities = append(cur.Entities, e)
			}
		}
		cur.Entities = outermost(cur.Entities)
		out = append(out, *cur)
		cur = nil
	}
	line := 0
	anon := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		switch {
		case strings.HasPrefix(text, "#Text="):
			flush()
			cur = &nlp.Sentence{Text: strings.TrimPrefix(text, "#Text="), Start: -1, End: -1}
			ments, order = map[string]*mention{}, nil
			continue
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		}
		f := strings.Split(text, "\t")
		if cur == nil || len(f) < 7 {
			return nil, fmt.Errorf("%s:%d: not a WebAnno TSV token line", name, line)
		}
		i := len(cur.Tokens)
		cur.Tokens = append(cur.Tokens, nlp.Token{ID: i + 1, Form: f[2], Head: -1, Start: -1, End: -1})
		if f[3] == "_" {
			continue
		}
		named := map[string]bool{}
		anonNamed := 0
		for _, v := range strings.Split(f[6], "|") {
			if id, ok := bracketID(v); ok {
				named[id] = true
			} else if v != "" && v != "_" {
				anonNamed++
			}
		}
		for _, v := range strings.Split(f[3], "|") {
			id, hasID := bracketID(v)
			typ := v
			if hasID {
				typ = v[:strings.IndexByte(v, '[')]
			}
			t, ok := gumTypes[typ]
			if !ok {
				continue
			}
			isNamed := named[id]
			if !hasID {
				// A one-word mention has no id; it is named if the word
				// has an identity without one.
				isNamed = anonNamed > 0
				if isNamed {
					anonNamed--
				}
				anon++
				id = "anon" + strconv.Itoa(anon)
			}
			m := ments[id]
			if m == nil {
				m = &mention{typ: t, named: isNamed}
				ments[id] = m
				order = append(order, id)
			}
			m.words = append(m.words, i)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	flush()
	return out, nil
}

// bracketID returns the id of a value written "value[id]".
func bracketID(v string) (string, bool) {
	i := strings.IndexByte(v, '[')
	if i < 0 || !strings.HasSuffix(v, "]") {
		return "", false
	}
	return v[i+1 : len(v)-1], true
}

// trimEntity makes an entity of a mention's words: the first run of name
// words in it (capitalised words and numbers, with "of", "the", "and", "de"
// … between them), so that "the University of Sydney" gives "University of
// Sydney" and "Sydney, Australia" or "India, where …" give the first name
// only, as CoNLL-style annotation has it. A mention with no identity in
// GUM counts only if its run has a capitalised word that is not the
// sentence's first.
func trimEntity(toks []nlp.Token, typ string, words []int, named bool) (nlp.Entity, bool) {
	if len(words) == 0 || words[len(words)-1]-words[0]+1 != len(words) {
		return nlp.Entity{}, false
	}
	first, end := words[0], words[len(words)-1]
	for first <= end && !startsUpperOrDigit(toks[first].Form) {
		first++
	}
	if first > end {
		return nlp.Entity{}, false
	}
	last := first
	for k := first + 1; k <= end; k++ {
		f := toks[k].Form
		if startsUpperOrDigit(f) || f == "&" || f == "-" || f == "." {
			last = k
			continue
		}
		if !connectors[f] && (typ == Person || !orgConnectors[f]) {
			break
		}
	}
	if !named {
		mid := false
		for k := max(first, 1); k <= last; k++ {
			mid = mid || startsUpper(toks[k].Form) && !closedClass[strings.ToLower(toks[k].Form)]
		}
		if !mid {
			return nlp.Entity{}, false
		}
	}
	return nlp.Entity{Type: typ, First: first, Last: last}, true
}

// connectors are the lower-case words that may stand inside a name;
// orgConnectors only inside the name of an organisation or a place
// ("University of Sydney", not "Ana Ruiz of Peru").
var (
	connectors    = map[string]bool{"de": true, "da": true, "del": true, "di": true, "du": true, "la": true, "al": true, "bin": true, "von": true, "van": true, "der": true}
	orgConnectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true}
)

// closedClass are the capitalised words of GUM's unnamed mentions that are
// not names: pronouns and determiners ("I", "His", "The").
var closedClass = map[string]bool{"i": true, "me": true, "my": true, "we": true, "us": true, "our": true, "you": true, "your": true, "he": true, "him": true, "his": true, "she": true, "her": true, "it": true, "its": true, "they": true, "them": true, "their": true, "the": true, "this": true, "that": true, "these": true, "those": true, "a": true, "an": true}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func startsUpperOrDigit(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// outermost keeps the entities that no other entity contains, in order.
func outermost(es []nlp.Entity) []nlp.Entity {
	var out []nlp.Entity
	for i, e := range es {
		inside := false
		for j, o := range es {
			if i != j && o.First <= e.First && e.Last <= o.Last && (o.Last-o.First > e.Last-e.First || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, e)
		}
	}
	// Entities are in order of their first word.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].First < out[j-1].First; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	// Overlapping entities that do not nest cannot both be BIO-labelled:
	// keep the earlier.
	var kept []nlp.Entity
	for _, e := range out {
		if len(kept) > 0 && e.First <= kept[len(kept)-1].Last {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// ReadBIO reads sentences labelled one word a line with BIO tags: CoNLL-2003
// ("word POS chunk tag", -DOCSTART- lines) or Universal NER's IOB2 ("id
// word tag …", # comments). Tags other than PER, ORG and LOC (MISC) are
// read as outside. Each -DOCSTART- or "# newdoc" starts a new document;
// docs gives the index of the first sentence of each. name is used in
// errors.
func ReadBIO(r io.Reader, name string) (sents []nlp.Sentence, docs []int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var cur nlp.Sentence
	var tags []string
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Entities = bioEntities(tags)
			cur.Start, cur.End = -1, -1
			sents = append(sents, cur)
		}
		cur, tags = nlp.Sentence{}, nil
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(text) == "":
			flush()
			continue
		case strings.HasPrefix(text, "-DOCSTART-"), strings.HasPrefix(text, "# newdoc"):
			flush()
			docs = append(docs, len(sents))
			continue
		case strings.HasPrefix(text, "#"):
			if id, ok := strings.CutPrefix(text, "# sent_id = "); ok {
				cur.ID = id
			}
			continue
		}
		var form, tag string
		if f := strings.Split(text, "\t"); len(f) >= 3 {
			if _, err := strconv.Atoi(f[0]); err == nil {
				form, tag = f[1], f[2]
			}
		}
		if form == "" {
			f := strings.Fields(text)
			if len(f) < 2 {
				return nil, nil, fmt.Errorf("%s:%d: expected a word and its tag", name, line)
			}
			form, tag = f[0], f[len(f)-1]
		}
		cur.Tokens = append(cur.Tokens, nlp.Token{ID: len(cur.Tokens) + 1, Form: form, Head: -1, Start: -1, End: -1})
		tags = append(tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	flush()
	return sents, docs, nil
}

// bioEntities reads entities from BIO (or IOB1) tags: an I- tag that does
// not continue an entity of its type starts one.
func bioEntities(tags []string) []nlp.Entity {
	var out []nlp.Entity
	for i := 0; i < len(tags); i++ {
		pre, typ, ok := strings.Cut(tags[i], "-")
		if !ok || (typ != Person && typ != Organization && typ != Place) || (pre != "B" && pre != "I") {
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, nlp.Entity{Type: typ, First: i, Last: j - 1})
		i = j - 1
	}
	return out
}
