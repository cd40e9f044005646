package when

import (
	"strings"
	"testing"
	"time"

	"dyad/nlp"
)

// words makes an unparsed sentence of blank-separated words.
func words(text string) *nlp.Sentence {
	s := &nlp.Sentence{Text: text, Start: 0}
	off := 0
	for i, w := range strings.Fields(text) {
		at := strings.Index(text[off:], w) + off
		s.Tokens = append(s.Tokens, nlp.Token{ID: i + 1, Form: w, Lemma: strings.ToLower(w), Head: -1, Start: at, End: at + len(w)})
		off = at + len(w)
	}
	return s
}

var wednesday = time.Date(2024, 5, 15, 10, 30, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		ref  time.Time
		want string // Date.String of the first expression, "" for none
		prec Precision
		expr string // the expression's words
	}{
		{"The truce entered into force at dawn on Wednesday .", wednesday, "2024-05-15", Day, "at dawn on Wednesday"},
		{"Talks ended on Sunday .", wednesday, "2024-05-12", Day, "on Sunday"},
		{"Fighting resumed on Wednesday night .", wednesday, "2024-05-15", Day, "on Wednesday night"},
		{"The army withdrew last Friday .", wednesday, "2024-05-10", Day, "last Friday"},
		{"They meet next Friday .", wednesday, "2024-05-17", Day, "next Friday"},
		{"The ministers met yesterday .", wednesday, "2024-05-14", Day, "yesterday"},
		{"The rebels attacked last night .", wednesday, "2024-05-14", Day, "last night"},
		{"Three days ago the army attacked .", wednesday, "2024-05-12", Day, "Three days ago"},
		{"The envoy visited last week .", wednesday, "2024-W19", Week, "last week"},
		{"Two weeks ago the talks failed .", wednesday, "2024-W18", Week, "Two weeks ago"},
		{"The deal was signed last month .", wednesday, "2024-04", Month, "last month"},
		{"Earlier this year the group split .", wednesday, "2024", Year, "Earlier this year"},
		{"The embassy closed last year .", wednesday, "2023", Year, "last year"},
		{"A few months ago , the group had called on al-Qaeda .", wednesday, "~2024-02-15", Approximate, "A few months ago"},
		{"Months ago the talks began .", wednesday, "~2024-02-15", Approximate, "Months ago"},
		{"Several years ago it was founded .", wednesday, "~2021-05-15", Approximate, "Several years ago"},
		{"Fighters clashed in March .", wednesday, "2024-03", Month, "in March"},
		{"Fighters clashed in June .", wednesday, "2023-06", Month, "in June"},
		{"Fighters clashed in early May .", wednesday, "2024-05", Month, "in early May"},
		{"The treaty was signed on 12 May 2024 .", wednesday, "2024-05-12", Day, "on 12 May 2024"},
		{"The treaty was signed on May 12 , 2024 .", wednesday, "2024-05-12", Day, "on May 12 , 2024"},
		{"The treaty was signed on 2 April .", wednesday, "2024-04-02", Day, "on 2 April"},
		{"The treaty was signed on 2 June .", wednesday, "2023-06-02", Day, "on 2 June"},
		{"US forces invaded in 2003 .", wednesday, "2003", Year, "in 2003"},
		{"It ended in March 2011 .", wednesday, "2011-03", Month, "in March 2011"},
		{"The deal of 2024-05-01 holds .", wednesday, "2024-05-01", Day, "2024-05-01"},
		// No reference date: relative dates are found but unresolved.
		{"The truce entered into force at dawn on Wednesday .", time.Time{}, `"at dawn on Wednesday"`, Day, "at dawn on Wednesday"},
		{"A few months ago the group split .", time.Time{}, `"A few months ago"`, Approximate, "A few months ago"},
		{"The treaty was signed on 12 May 2024 .", time.Time{}, "2024-05-12", Day, "on 12 May 2024"},
		// Not dates of an event, or not dates.
		{"The ceasefire has held since March .", wednesday, "", 0, ""},
		{"Troops must leave by 2026 .", wednesday, "", 0, ""},
		{"The group may march on the capital .", wednesday, "", 0, ""},
		{"Thousands march in Cairo .", wednesday, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			es := Find(words(tt.text), tt.ref)
			if tt.want == "" {
				if len(es) > 0 {
					t.Fatalf("found %+v, want nothing", es)
				}
				return
			}
			if len(es) != 1 {
				t.Fatalf("found %d expressions (%+v), want 1", len(es), es)
			}
			e := es[0]
			if got := e.Date.String(); got != tt.want || e.Precision != tt.prec || e.Text != tt.expr {
				t.Errorf("got %s (%s, %q), want %s (%s, %q)", got, e.Precision, e.Text, tt.want, tt.prec, tt.expr)
			}
		})
	}
}

// parsed builds a sentence from "form/head/rel/upos" words.
func parsed(ws ...string) *nlp.Sentence {
	s := &nlp.Sentence{Start: -1}
	for i, w := range ws {
		f := strings.Split(w, "/")
		h := 0
		for _, c := range f[1] {
			h = h*10 + int(c-'0')
		}
		lemma := strings.ToLower(f[0])
		s.Tokens = append(s.Tokens, nlp.Token{ID: i + 1, Form: f[0], Lemma: lemma, Head: h, DepRel: f[2], UPOS: f[3], Start: -1, End: -1})
	}
	return s
}

func TestFor(t *testing.T) {
	// "The rebels said on Monday that they will attack on Friday ."
	s := parsed("The/2/det/DET", "rebels/3/nsubj/NOUN", "said/0/root/VERB", "on/5/case/ADP", "Monday/3/obl/PROPN",
		"that/10/mark/SCONJ", "they/10/nsubj/PRON", "will/10/aux/AUX", "attack/3/ccomp/VERB", "on/11/case/ADP",
		"Friday/9/obl/PROPN", "./3/punct/PUNCT")
	// Fix the heads of the subordinate clause: "attack" is word 9.
	s.Tokens[5].Head, s.Tokens[6].Head, s.Tokens[7].Head = 9, 9, 9
	es := Find(s, wednesday)
	if len(es) != 2 {
		t.Fatalf("found %+v", es)
	}
	for _, tt := range []struct {
		anchor int
		want   string
	}{{3, "2024-05-13"}, {9, "2024-05-17"}} {
		e, ok := For(s, es, tt.anchor)
		if !ok || e.Date.String() != tt.want {
			t.Errorf("For(word %d) = %v %v, want %s", tt.anchor, e.Date, ok, tt.want)
		}
	}
	// A noun takes the date of its clause: "clashes" under "erupted".
	s = parsed("Clashes/2/nsubj/NOUN", "erupted/0/root/VERB", "on/4/case/ADP", "Sunday/2/obl/PROPN")
	if e, ok := For(s, Find(s, wednesday), 1); !ok || e.Date.String() != "2024-05-12" {
		t.Errorf("noun: %v %v", e.Date, ok)
	}
	// No expression in the clause: no date.
	if _, ok := For(s, nil, 1); ok {
		t.Error("date without expressions")
	}
}

func TestPrecisionString(t *testing.T) {
	for p, want := range map[Precision]string{Day: "day", Week: "week", Month: "month", Year: "year", Approximate: "approximate", 0: "unknown"} {
		if p.String() != want {
			t.Errorf("%d: %q", p, p.String())
		}
	}
}

// FuzzFind checks that any words, with or without a reference date, give
// expressions within the sentence and never panic.
func FuzzFind(f *testing.F) {
	f.Add("at dawn on Wednesday", int64(0))
	f.Add("on 31 February 2024 and May 12 , 2024", int64(1715769000))
	f.Add("a couple of years ago last Friday in March 2011", int64(-1))
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var ref time.Time
		if unix > 0 {
			ref = time.Unix(unix%(1<<34), 0)
		}
		s := words(text)
		for _, e := range Find(s, ref) {
			if e.First < 1 || e.Last > len(s.Tokens) || e.First > e.Last {
				t.Fatalf("expression %d..%d outside %d words", e.First, e.Last, len(s.Tokens))
			}
		}
	})
}

// TestForSameClause dates a noun by an expression the parser put under
// another word of its clause.
func TestForSameClause(t *testing.T) {
	s := parsed("Clashes/2/nsubj/NOUN", "killed/0/root/VERB", "soldiers/2/obj/NOUN", "last/5/amod/ADJ", "month/3/nmod/NOUN")
	if e, ok := For(s, Find(s, wednesday), 1); !ok || e.Date.String() != "2024-04" {
		t.Errorf("got %v %v, want last month", e.Date, ok)
	}
}
