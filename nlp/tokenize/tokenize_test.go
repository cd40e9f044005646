package tokenize

import (
	"strings"
	"testing"

	"dyad/nlp"
)

// show writes the tokens of sentences as "a | b | c", a multiword token as
// "form{w1 w2}" and a sentence break as " ‖ ".
func show(sents []nlp.Sentence) string {
	var parts []string
	for si, s := range sents {
		if si > 0 {
			parts = append(parts, "‖")
		}
		mw := 0
		for i := 0; i < len(s.Tokens); i++ {
			if mw < len(s.MultiWords) && s.MultiWords[mw].First == s.Tokens[i].ID {
				m := s.MultiWords[mw]
				var ws []string
				for k := m.First; k <= m.Last; k++ {
					ws = append(ws, s.Tokens[k-1].Form)
				}
				parts = append(parts, m.Form+"{"+strings.Join(ws, " ")+"}")
				i = m.Last - 1
				mw++
				continue
			}
			parts = append(parts, s.Tokens[i].Form)
		}
	}
	return strings.Join(parts, " | ")
}

func TestTokens(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"abbreviation", "U.S. forces", "U.S. | forces"},
		{"title", "Gen. Petraeus said", "Gen. | Petraeus | said"},
		{"negation", "I don't know", "I | don't{do n't} | know"},
		{"can't won't", "He can't or won't", "He | can't{ca n't} | or | won't{wo n't}"},
		{"cannot", "We cannot", "We | cannot{can not}"},
		{"curly apostrophe", "They’re here", "They’re{They ’re} | here"},
		{"pronoun clitics", "I'm sure he'll say we've", "I'm{I 'm} | sure | he'll{he 'll} | say | we've{we 've}"},
		{"no apostrophe", "i dont know", "i | dont{do nt} | know"},
		{"gonna", "gonna win", "gonna{gon na} | win"},
		{"possessive", "the group's leader", "the | group's{group 's} | leader"},
		{"name with possessive", "al-Qaeda's fighters", "al-Qaeda's{al-Qaeda 's} | fighters"},
		{"plural possessive", "the soldiers' families", "the | soldiers'{soldiers '} | families"},
		{"name particle", "Ibrahim al-Shamary said", "Ibrahim | al-Shamary | said"},
		{"compound split", "a search-engine company", "a | search | - | engine | company"},
		{"prefix kept", "an e-mail from anti-American mid-July groups", "an | e-mail | from | anti-American | mid-July | groups"},
		{"numbers", "£1,400 or 3.5 percent of 12,000,000.50", "£ | 1,400 | or | 3.5 | percent | of | 12,000,000.50"},
		{"dollars", "$14,000.", "$ | 14,000 | ."},
		{"year range", "1969-1970", "1969 | - | 1970"},
		{"phone", "call 713-853-3989 or 345-9945", "call | 713-853-3989 | or | 345-9945"},
		{"date", "on 11/20/2000 and 5/18", "on | 11/20/2000 | and | 5/18"},
		{"fraction", "3/4 of them", "3 | / | 4 | of | them"},
		{"time", "at 10:30am", "at | 10:30 | am"},
		{"unit", "a 5kg bomb", "a | 5 | kg | bomb"},
		{"percent", "50% of", "50 | % | of"},
		{"decade", "the 1980s", "the | 1980s"},
		{"url", "see http://example.com/a?b=1.", "see | http://example.com/a?b=1 | ."},
		{"url in brackets", "(www.aljazeera.net)", "( | www.aljazeera.net | )"},
		{"email", "mail john.doe@example.org, now", "mail | john.doe@example.org | , | now"},
		{"quotes", `"We hope," he said.`, `" | We | hope | , | " | he | said | .`},
		{"curly quotes", "“Truce”", "“ | Truce | ”"},
		{"brackets", "(Reuters) -", "( | Reuters | ) | -"},
		{"ellipsis", "wait...what", "wait | ... | what"},
		{"dashes", "yes--no", "yes | -- | no"},
		{"initials", "George W. Bush", "George | W. | Bush"},
		{"acronym without final stop", "U.S.A", "U.S.A"},
		{"e.g.", "e.g. this", "e.g. | this"},
		{"No. before number", "No. 1", "No. | 1"},
		{"no. as a word", "said no.", "said | no | ."},
		{"slash", "and/or", "and | / | or"},
		{"b/c", "b/c it", "b/c | it"},
		{"ampersand initialism", "AT&T", "AT&T"},
		{"hashtag", "#istandwithahmed", "#istandwithahmed"},
		{"smiley", "great :)", "great | :)"},
		{"its as it is", "its a shame", "its{it s} | a | shame"},
		{"its possessive", "its fighters", "its | fighters"},
		{"year apostrophe", "in '99", "in | '99"},
		{"invalid utf-8", "a\xffb", "a | \xff | b"},
	}
	tok := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := tok.Tokenize(tt.in)
			got := show(sents)
			// Compare tokens only; sentence breaks are tested elsewhere.
			got = strings.ReplaceAll(got, " | ‖", "")
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			checkOffsets(t, tt.in, sents)
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // sentence texts
	}{
		{"abbreviations inside", "U.S. forces attacked. Gen. Petraeus said so.", []string{"U.S. forces attacked.", "Gen. Petraeus said so."}},
		{"titles", "He met Mr. Smith and Dr. Jones. They talked.", []string{"He met Mr. Smith and Dr. Jones.", "They talked."}},
		{"acronym ends a sentence", "He flew to the U.S. The trip was long.", []string{"He flew to the U.S.", "The trip was long."}},
		{"acronym before a name", "the U.S. President spoke", []string{"the U.S. President spoke"}},
		{"initials", "J. R. R. Tolkien wrote it. It sold.", []string{"J. R. R. Tolkien wrote it.", "It sold."}},
		{"closing quote", `"We hope so." He left.`, []string{`"We hope so."`, "He left."}},
		{"quote opens the next", `He left. "We hope so," she said.`, []string{"He left.", `"We hope so," she said.`}},
		{"quoted paragraph", `"It was hard. We won." Then`, []string{`"It was hard.`, `We won."`, "Then"}},
		{"closing bracket", "(He left.) Then she came.", []string{"(He left.)", "Then she came."}},
		{"ellipsis inside", "Wait... what happened?", []string{"Wait... what happened?"}},
		{"ellipsis ends", "It ended... The next day came.", []string{"It ended...", "The next day came."}},
		{"headline", "Iraq fighters restore al-Qaeda ties\n\nIslamic Army in Iraq mends fences.", []string{"Iraq fighters restore al-Qaeda ties", "Islamic Army in Iraq mends fences."}},
		{"no final punctuation", "Truce agreed", []string{"Truce agreed"}},
		{"lower-case start", "it was good. the food was cold.", []string{"it was good.", "the food was cold."}},
		{"question and exclamation", "Why? Because! Yes.", []string{"Why?", "Because!", "Yes."}},
		{"number abbreviation", "He is No. 1 now. No. He is not.", []string{"He is No. 1 now.", "No.", "He is not."}},
		{"etc. ends", "tanks, guns, etc. The army", []string{"tanks, guns, etc.", "The army"}},
		{"decimal", "It rose 3.5 percent. Then", []string{"It rose 3.5 percent.", "Then"}},
		{"smiley", "Loved it. :) Next", []string{"Loved it. :)", "Next"}},
	}
	learned, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range []*Tokenizer{New(Options{}), learned} {
		name := "rules"
		if tok.splitter != nil {
			name = "learned"
		}
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				sents := tok.Tokenize(tt.in)
				var got []string
				for _, s := range sents {
					got = append(got, s.Text)
				}
				if strings.Join(got, "‖") != strings.Join(tt.want, "‖") {
					t.Errorf("Tokenize(%q) sentences\n got %q\nwant %q", tt.in, got, tt.want)
				}
				checkOffsets(t, tt.in, sents)
			})
		}
	}
}

func TestMaxSentenceWords(t *testing.T) {
	in := strings.Repeat("word ", 25)
	sents := New(Options{MaxSentenceWords: 10}).Tokenize(in)
	if len(sents) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sents))
	}
	for _, s := range sents {
		if len(s.Tokens) > 10 {
			t.Errorf("sentence of %d words, want at most 10", len(s.Tokens))
		}
	}
}

func TestSpaceAfter(t *testing.T) {
	s := New(Options{}).Tokenize(`He said "no." Don't.`)
	var got []string
	for _, sent := range s {
		for _, w := range sent.Tokens {
			got = append(got, w.Misc)
		}
		for _, m := range sent.MultiWords {
			got = append(got, "mw:"+m.Misc)
		}
	}
	// He said " no . " | do n't . and the multiword token don't.
	want := []string{"", "", "SpaceAfter=No", "SpaceAfter=No", "SpaceAfter=No", "", "", "", "", "mw:SpaceAfter=No"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("MISC columns\n got %q\nwant %q", got, want)
	}
}

// checkOffsets verifies the invariants every tokenisation keeps: tokens
// follow one another, each is the text at its offsets, holds no space, and
// the words of a multiword token spell it.
func checkOffsets(t testing.TB, text string, sents []nlp.Sentence) {
	t.Helper()
	prevEnd := 0
	for si, s := range sents {
		if s.Start < prevEnd || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d span [%d,%d) bad (previous end %d, text %d bytes)", si, s.Start, s.End, prevEnd, len(text))
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no words", si)
		}
		mw := 0
		for i := 0; i < len(s.Tokens); i++ {
			w := s.Tokens[i]
			if w.ID != i+1 || w.Head != -1 {
				t.Fatalf("sentence %d word %d: ID %d, head %d", si, i+1, w.ID, w.Head)
			}
			if w.Start < prevEnd || w.End <= w.Start || w.End > len(text) || w.Start < s.Start || w.End > s.End {
				t.Fatalf("sentence %d word %d %q: span [%d,%d) out of order or range", si, i+1, w.Form, w.Start, w.End)
			}
			span := text[w.Start:w.End]
			if strings.ContainsFunc(span, isSpace) {
				t.Fatalf("token %q holds whitespace", span)
			}
			if mw < len(s.MultiWords) && s.MultiWords[mw].First == w.ID {
				m := s.MultiWords[mw]
				var spelled strings.Builder
				for k := m.First; k <= m.Last; k++ {
					if s.Tokens[k-1].Start != w.Start || s.Tokens[k-1].End != w.End {
						t.Fatalf("word %d of multiword %q has its own span", k, m.Form)
					}
					spelled.WriteString(s.Tokens[k-1].Form)
				}
				if m.Form != span || spelled.String() != span {
					t.Fatalf("multiword token %q (words %q) at %q", m.Form, spelled.String(), span)
				}
				i = m.Last - 1
				mw++
			} else if w.Form != span {
				t.Fatalf("word %q at [%d,%d) is %q in the text", w.Form, w.Start, w.End, span)
			}
			prevEnd = w.End
		}
		if mw != len(s.MultiWords) {
			t.Fatalf("sentence %d: multiword tokens out of order", si)
		}
	}
}
